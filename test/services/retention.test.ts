import { readFileSync } from 'node:fs';
import t from 'tap';
import { readBundle } from '../../src/bundle/index.js';
import type { BundleFiles } from '../../src/bundle/index.js';
import { listEvents, loadBundle, saveBundle } from '../../src/db/events.js';
import type { Db } from '../../src/db/index.js';
import { eventKey, loadAllPlans } from '../../src/db/plans.js';
import { loadEventCounts } from '../../src/db/purge.js';
import { accessTokens, auditLog, planItems, volunteers } from '../../src/db/schema.js';
import { createToken, verifyToken } from '../../src/db/tokens.js';
import { plan } from '../../src/planner/index.js';
import type { PlanJson } from '../../src/planner/types.js';
import { planEvent, publishVersion } from '../../src/services/plans.js';
import { applyRetention, dueEvents, purgeStoredEvent } from '../../src/services/retention.js';
import { FRESNO, FRESNO_ID, sampleFiles, tempDatabase, withFile } from '../support/fixtures.js';

const PLANTED_APPLICANT = 'Zebulon Quixotewright';
const PLANTED_PHONE = '559-555-0987';
const PLANTED_VOLUNTEER = 'Ottoline Vexborough';
const quickly = (bundle: Parameters<typeof plan>[0], options: Parameters<typeof plan>[1]) => plan(bundle, { ...options, quick: true });

/** The Fresno sample as another event: its id, date and retention rule replaced, a planted applicant and volunteer. */
function fresno(changes: { id?: string; date?: string; retention?: unknown } = {}): BundleFiles {
  const files = sampleFiles(FRESNO);
  const event = { ...JSON.parse(Buffer.from(files['event.json']!).toString('utf8')), ...changes };
  const applicants = Buffer.from(files['applicants.csv']!).toString('utf8')
    .replace('A0021,Bee Lor,,', `A0021,${PLANTED_APPLICANT},${PLANTED_PHONE},`);
  const roster = Buffer.from(files['volunteers.csv']!).toString('utf8').replace('V001,Rajvinder Dhillon,', `V001,${PLANTED_VOLUNTEER},`);
  return withFile(withFile(withFile(files, 'event.json', JSON.stringify(event)), 'applicants.csv', applicants), 'volunteers.csv', roster);
}

function store(db: Db, files: BundleFiles): number {
  const read = readBundle(files);
  if (!read.bundle) throw new Error(JSON.stringify(read.errors));
  return saveBundle(db, read.bundle, 'test').eventId;
}

/** Plans the stored event quickly and publishes the version: the plan people hold. */
async function planAndPublish(db: Db, slug: string): Promise<PlanJson> {
  const made = await planEvent(db, slug, {}, 'test', quickly);
  if (made.kind !== 'planned') throw new Error(made.kind);
  publishVersion(db, slug, made.version, 'test');
  return made.plan;
}

t.test('the retention rule purges an event once its date plus purge_days_after has passed on the site\'s clock, not before', async (t) => {
  const { db } = tempDatabase(t);
  store(db, fresno({ retention: { purge_days_after: 30 } }));
  // 2027-05-22 + 30 days is 2027-06-21; from 2027-06-22 00:00 in Fresno (UTC-7) it is due.
  t.same(applyRetention(db, 'retention', new Date('2027-06-22T06:59:00Z')), [], 'the 30th day after is not over yet');
  t.equal(loadBundle(db, FRESNO_ID)!.applicants.length, 40);
  const purged = applyRetention(db, 'retention', new Date('2027-06-22T07:01:00Z'));
  t.same(purged.map((p) => p.slug), [FRESNO_ID]);
  t.equal(loadBundle(db, FRESNO_ID)!.applicants.length, 0);
});

t.test('purge_days_after 0 purges the night after the event, not during it', async (t) => {
  const { db } = tempDatabase(t);
  store(db, fresno({ retention: { purge_days_after: 0 } }));
  t.same(dueEvents(db, new Date('2027-05-22T22:00:00Z')), [], 'the afternoon of the event');
  t.same(dueEvents(db, new Date('2027-05-23T07:00:00Z')), [FRESNO_ID], 'midnight after it');
});

t.test('an event without a retention rule is never purged by the rule', async (t) => {
  const { db } = tempDatabase(t);
  store(db, fresno());
  t.same(applyRetention(db, 'retention', new Date('2099-01-01T00:00:00Z')), []);
  t.equal(loadBundle(db, FRESNO_ID)!.applicants.length, 40);
});

t.test('a purged event is not purged again by the next run of the rule', async (t) => {
  const { db } = tempDatabase(t);
  store(db, fresno({ retention: { purge_days_after: 0 } }));
  t.equal(applyRetention(db, 'retention', new Date('2028-01-01T00:00:00Z')).length, 1);
  t.same(applyRetention(db, 'retention', new Date('2028-01-02T00:00:00Z')), []);
});

t.test('a purge counts the applicants by case type, first language and outcome in the published plan, summing to the applicant count', async (t) => {
  const { db } = tempDatabase(t);
  store(db, fresno());
  const held = await planAndPublish(db, FRESNO_ID);
  const before = loadBundle(db, FRESNO_ID)!;
  const scheduled = new Set(held.scheduled.map((s) => s.applicant));
  const expected = new Map<string, number>();
  for (const a of before.applicants) {
    const key = `${a.caseType}|${a.languages[0]}|${scheduled.has(a.id) ? 'scheduled' : 'unscheduled'}`;
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  const outcome = purgeStoredEvent(db, FRESNO_ID, 'cli');
  t.equal(outcome.kind, 'purged');
  const counts = loadEventCounts(db, before.key);
  t.same(new Map(counts.map((c) => [`${c.caseType}|${c.language}|${c.outcome}`, c.count])), expected);
  t.equal(counts.reduce((n, c) => n + c.count, 0), 40);
  t.equal(counts.filter((c) => c.outcome === 'scheduled').reduce((n, c) => n + c.count, 0), held.summary.scheduled);
});

t.test('before any plan is published, a purge counts every applicant as unplanned', async (t) => {
  const { db } = tempDatabase(t);
  const key = store(db, fresno());
  await planEvent(db, FRESNO_ID, {}, 'test', quickly);
  purgeStoredEvent(db, FRESNO_ID, 'cli');
  const counts = loadEventCounts(db, key);
  t.same([...new Set(counts.map((c) => c.outcome))], ['unplanned']);
  t.equal(counts.reduce((n, c) => n + c.count, 0), 40);
});

t.test('a purge leaves no applicant in the stored plans: each version keeps its summary only', async (t) => {
  const { db } = tempDatabase(t);
  const key = store(db, fresno());
  const held = await planAndPublish(db, FRESNO_ID);
  await planEvent(db, FRESNO_ID, { release: [held.scheduled[0]!.applicant] }, 'test', quickly);
  purgeStoredEvent(db, FRESNO_ID, 'cli');
  const versions = loadAllPlans(db, key);
  t.equal(versions.length, 2);
  for (const v of versions) {
    t.same({ scheduled: v.plan.scheduled, unscheduled: v.plan.unscheduled, shifts: v.plan.shifts }, { scheduled: [], unscheduled: [], shifts: [] });
    t.notMatch(JSON.stringify(v.options), /A00\d\d/, `version ${v.version} names no applicant in its options`);
  }
  t.equal(versions[0]!.plan.summary.scheduled, held.summary.scheduled, 'the summary stays for reports');
  t.equal(db.select().from(planItems).all().length, 0);
});

t.test('a purge stops every slip and calendar link of the event, and keeps API tokens', async (t) => {
  const { db } = tempDatabase(t);
  const key = store(db, fresno());
  const slip = createToken(db, 'applicant', { eventId: key, subject: 'A0021' });
  const feed = createToken(db, 'feed', { eventId: key, subject: 'V001' });
  const api = createToken(db, 'api');
  purgeStoredEvent(db, FRESNO_ID, 'cli');
  const now = new Date().toISOString();
  t.equal(verifyToken(db, slip, 'applicant', now), undefined);
  t.equal(verifyToken(db, feed, 'feed', now), undefined);
  t.ok(verifyToken(db, api, 'api', now));
  t.equal(db.select().from(accessTokens).all().length, 1);
});

t.test('a purged event still lists with its applicant and volunteer counts', async (t) => {
  const { db } = tempDatabase(t);
  store(db, fresno());
  purgeStoredEvent(db, FRESNO_ID, 'cli');
  t.match(listEvents(db), [{ id: FRESNO_ID, applicants: 40, volunteers: 12 }]);
});

t.test('planning a purged event answers that its applicants were purged instead of planning no one', async (t) => {
  const { db } = tempDatabase(t);
  const key = store(db, fresno());
  purgeStoredEvent(db, FRESNO_ID, 'cli', new Date('2027-07-01T12:00:00Z'));
  const made = await planEvent(db, FRESNO_ID, {}, 'test', quickly);
  t.same(made, {
    kind: 'bad_request',
    error: `The applicants of ${FRESNO_ID} were purged on 2027-07-01: there is no one left to plan (importing the event again starts it afresh)`,
  });
  t.equal(loadAllPlans(db, key).length, 0, 'nothing was stored');
});

t.test('importing the same event id after a purge starts it afresh: its applicants are back and it plans again', async (t) => {
  const { db } = tempDatabase(t);
  store(db, fresno());
  purgeStoredEvent(db, FRESNO_ID, 'cli');
  store(db, fresno());
  t.equal(loadBundle(db, FRESNO_ID)!.applicants.length, 40);
  const made = await planEvent(db, FRESNO_ID, {}, 'test', quickly);
  t.equal(made.kind, 'planned');
  t.equal(purgeStoredEvent(db, FRESNO_ID, 'cli').kind, 'purged', 'and it can be purged again');
});

t.test('purging an event already purged changes nothing and says when it was purged', async (t) => {
  const { db } = tempDatabase(t);
  store(db, fresno());
  purgeStoredEvent(db, FRESNO_ID, 'cli', new Date('2027-07-01T12:00:00Z'));
  t.same(purgeStoredEvent(db, FRESNO_ID, 'cli'), { kind: 'already', slug: FRESNO_ID, purgedAt: '2027-07-01T12:00:00.000Z' });
  t.equal(db.select().from(auditLog).all().filter((r) => r.action === 'event.purge').length, 1);
});

t.test('a volunteer\'s contact survives while another event not purged lists them, and is erased when none does', async (t) => {
  const { db } = tempDatabase(t);
  store(db, fresno());
  store(db, fresno({ id: 'fresno-2027-09-18', date: '2027-09-18' }));
  const person = () => db.select().from(volunteers).all().find((v) => v.email === 'rajvinder.dhillon@cviic-volunteers.example.org');
  purgeStoredEvent(db, FRESNO_ID, 'cli');
  t.equal(person()?.name, PLANTED_VOLUNTEER, 'the September event still lists them');
  const roster = loadBundle(db, FRESNO_ID)!.volunteers;
  t.equal(roster.length, 12, 'the purged event keeps its roster: roles and hours');
  purgeStoredEvent(db, 'fresno-2027-09-18', 'cli');
  t.equal(person(), undefined);
  t.notOk(db.select().from(volunteers).all().some((v) => v.name !== '' || v.email !== null || v.phone !== null), 'no volunteer keeps a name or contact');
  t.same(loadBundle(db, FRESNO_ID)!.volunteers.map((v) => v.role), roster.map((v) => v.role));
});

t.test('after a purge and a checkpoint, the raw bytes of the database file and its WAL no longer hold a purged name or phone', async (t) => {
  const store_ = tempDatabase(t);
  const { db } = store_;
  store(db, fresno());
  await planAndPublish(db, FRESNO_ID);
  const raw = () => Buffer.concat([readFileSync(store_.path), readFileSync(`${store_.path}-wal`)]);
  t.ok(raw().includes(PLANTED_APPLICANT), 'the name is in the file before');
  const outcome = purgeStoredEvent(db, FRESNO_ID, 'cli');
  t.match(outcome, { kind: 'purged', checkpointed: true });
  for (const secret of [PLANTED_APPLICANT, PLANTED_PHONE, PLANTED_VOLUNTEER, 'rajvinder.dhillon@']) {
    t.notOk(raw().includes(secret), `${secret} is gone from the bytes`);
  }
});

t.test('the audit log records each purge with its counts and never a name', async (t) => {
  const { db } = tempDatabase(t);
  store(db, fresno({ retention: { purge_days_after: 0 } }));
  applyRetention(db, 'retention', new Date('2028-01-01T00:00:00Z'));
  const rows = db.select().from(auditLog).all().filter((r) => r.action === 'event.purge');
  t.equal(rows.length, 1);
  t.match(rows[0], { actor: 'retention', eventId: eventKey(db, FRESNO_ID) });
  t.match(rows[0]!.detail, /^40 applicants removed \(0 scheduled, 0 unscheduled, 40 unplanned\), 0 links, 0 plan versions reduced, \d+ volunteers' contacts erased$/);
  t.notMatch(JSON.stringify(db.select().from(auditLog).all()), new RegExp(`${PLANTED_APPLICANT}|${PLANTED_VOLUNTEER}|A0021`));
});
