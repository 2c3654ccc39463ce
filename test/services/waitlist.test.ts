// The waitlist's use cases on a real SQLite file: people sent from an event once, registrations
// checked field by field, each organization's people its own, moving a person to a later
// workshop, and the purge taking only those no longer waiting.
import t from 'tap';
import { and, eq } from 'drizzle-orm';
import { loadBundle } from '../../src/db/events.js';
import { saveResponse } from '../../src/db/responses.js';
import { offerPlace } from '../../src/services/offers.js';
import { purgeEvent } from '../../src/db/purge.js';
import { applyRetention } from '../../src/services/retention.js';
import { applicants, waitlist } from '../../src/db/schema.js';
import { organizationNamed } from '../../src/db/users.js';
import { eventCandidates, moveToWorkshop, registerWaiting, sendFromEvent, waitlistEntries } from '../../src/services/waitlist.js';
import { FRESNO_ID, LATER_ID, LEFT_OUT, SCHEDULED, UNSCHEDULED, applicantOf, turnedAwaySeason } from '../support/waitlist.js';

const TODAY = '2027-01-15';
const WHO = { actor: 'test', userId: null };
const NONE = { unscheduled: [], released: [], notFinished: [] };

t.test('sending an event\'s unscheduled applicants puts each on the list once, held by the event\'s organization', async (t) => {
  const { store, org } = turnedAwaySeason(t);
  const first = await sendFromEvent(store.db, FRESNO_ID, { ...NONE, unscheduled: UNSCHEDULED }, WHO);
  t.same(first, { ok: true, added: UNSCHEDULED.length });
  const again = await sendFromEvent(store.db, FRESNO_ID, { ...NONE, unscheduled: UNSCHEDULED }, WHO);
  t.same(again, { ok: true, added: 0 }, 'the same people are not put on twice');
  t.same(eventCandidates(store.db, FRESNO_ID)!.unscheduled, [], 'nobody left to send');
  const { entries } = waitlistEntries(store.db, org, TODAY);
  t.same(entries.map((e) => e.person.fromCode).sort(), [...UNSCHEDULED].sort());
  t.ok(entries.every((e) => e.person.reason === 'unscheduled' && e.from?.id === FRESNO_ID));
  const one = entries.find((e) => e.person.fromCode === LEFT_OUT[0])!;
  t.equal(one.person.name, applicantOf(LEFT_OUT[0]!).name);
  t.equal(one.person.county, 'Fresno', 'the county of the event they came from');
});

t.test('a scheduled applicant ticked as not finished goes on the list with that reason; a code not in its group is ignored', async (t) => {
  const { store, org } = turnedAwaySeason(t);
  const sent = await sendFromEvent(store.db, FRESNO_ID, { unscheduled: [SCHEDULED[1]!], released: [], notFinished: [SCHEDULED[0]!] }, WHO);
  t.same(sent, { ok: true, added: 1 });
  const { entries } = waitlistEntries(store.db, org, TODAY);
  t.same(entries.map((e) => [e.person.fromCode, e.person.reason]), [[SCHEDULED[0], 'not_finished']]);
});

t.test('a registration with a bad field is refused naming the field, and adds nothing', async (t) => {
  const { store, org } = turnedAwaySeason(t);
  const refused = await registerWaiting(store.db, {
    name: 'Rosa Díaz', phone: '559-555-0199', languages: 'es', case_type: 'daca_renewal', county: 'Fresno', deadline: '2027-13-40',
  }, { ...WHO, organizationId: org });
  t.equal(refused.ok, false);
  t.same(!refused.ok && refused.problems.map((p) => p.field), ['deadline']);
  const blank = await registerWaiting(store.db, { name: 'Rosa Díaz' }, { ...WHO, organizationId: org });
  t.same(!blank.ok && blank.problems.map((p) => p.field), ['phone', 'languages', 'case_type', 'county']);
  const wrongType = await registerWaiting(store.db, { name: 'R', phone: '1', languages: 'es;e5', case_type: 'visa', county: 'Fresno', email: 'x' }, { ...WHO, organizationId: org });
  t.same(!wrongType.ok && wrongType.problems.map((p) => p.field), ['email', 'languages', 'case_type']);
  t.equal(store.db.select().from(waitlist).all().length, 0);
});

t.test('a registration for no workshop is offered the soonest workshop that can serve them', async (t) => {
  const { store, org } = turnedAwaySeason(t);
  const added = await registerWaiting(store.db, {
    name: 'Rosa Díaz', phone: '559-555-0199', languages: 'es', case_type: 'daca_renewal', county: 'Fresno',
  }, { ...WHO, organizationId: org });
  t.equal(added.ok, true);
  const [entry] = waitlistEntries(store.db, org, TODAY).entries;
  t.equal(entry!.person.reason, 'registration');
  t.equal(entry!.offer?.id, FRESNO_ID, 'the sample workshop is ahead of today, and nothing says they were turned away there');
});

t.test('an account of another organization sees none of them; an admin sees all', async (t) => {
  const { store, org } = turnedAwaySeason(t);
  await sendFromEvent(store.db, FRESNO_ID, { ...NONE, unscheduled: UNSCHEDULED }, WHO);
  await registerWaiting(store.db, { name: 'R', phone: '1', languages: 'es', case_type: 'tps', county: 'Kern' }, { ...WHO, organizationId: org });
  const other = organizationNamed(store.db, 'Otra Organización');
  t.same(waitlistEntries(store.db, other, TODAY).entries, []);
  t.same(waitlistEntries(store.db, null, TODAY).entries, [], 'an account of no organization sees none');
  t.equal(waitlistEntries(store.db, undefined, TODAY).entries.length, UNSCHEDULED.length + 1);
});

t.test('moving a person makes them an applicant of the later workshop, with a new code, and takes them off the list', async (t) => {
  const { store, org } = turnedAwaySeason(t);
  await sendFromEvent(store.db, FRESNO_ID, { ...NONE, unscheduled: [LEFT_OUT[0]!] }, WHO);
  const [entry] = waitlistEntries(store.db, org, TODAY).entries;
  t.equal(entry!.offer?.id, LATER_ID, 'offered the later workshop, not the one they were turned away at');
  t.same(await moveToWorkshop(store.db, org, entry!.person.id, FRESNO_ID, 'test', TODAY), { ok: false, notOffered: true });
  const moved = await moveToWorkshop(store.db, org, entry!.person.id, LATER_ID, 'test', TODAY);
  t.same(moved, { ok: true, event: LATER_ID, code: `W${String(entry!.person.id).padStart(4, '0')}` });
  const later = loadBundle(store.db, LATER_ID)!;
  t.same(later.applicants.map((a) => [a.name, a.caseType]), [[applicantOf(LEFT_OUT[0]!).name, applicantOf(LEFT_OUT[0]!).caseType]]);
  t.same(waitlistEntries(store.db, org, TODAY).entries, []);
  t.same(await moveToWorkshop(store.db, org, entry!.person.id, LATER_ID, 'test', TODAY), { ok: false, notFound: true }, 'not twice');
  t.same(await moveToWorkshop(store.db, organizationNamed(store.db, 'Otra'), entry!.person.id, LATER_ID, 'test', TODAY), { ok: false, notFound: true });
});

t.test('purging an event removes its waitlist rows no longer waiting, and keeps those still waiting', async (t) => {
  const { store, org, fresno } = turnedAwaySeason(t);
  await sendFromEvent(store.db, FRESNO_ID, { ...NONE, unscheduled: LEFT_OUT }, WHO);
  const [first] = waitlistEntries(store.db, org, TODAY).entries;
  await moveToWorkshop(store.db, org, first!.person.id, LATER_ID, 'test', TODAY);
  purgeEvent(store.db, fresno, 'test', new Date().toISOString());
  const left = store.db.select().from(waitlist).all();
  t.same(left.map((r) => [r.state, r.fromCode]), [['waiting', LEFT_OUT.find((c) => c !== first!.person.fromCode)]]);
  t.equal(eventCandidates(store.db, FRESNO_ID), undefined, 'a purged event sends nobody');
});

t.test('someone still waiting when their event was purged goes with the next retention pass once they are moved', async (t) => {
  const { store, org, fresno } = turnedAwaySeason(t);
  await sendFromEvent(store.db, FRESNO_ID, { ...NONE, unscheduled: [LEFT_OUT[0]!] }, WHO);
  purgeEvent(store.db, fresno, 'test', new Date().toISOString());
  const [entry] = waitlistEntries(store.db, org, TODAY).entries;
  t.equal(entry!.offer?.id, LATER_ID, 'still offered the later workshop after the purge');
  t.equal((await moveToWorkshop(store.db, org, entry!.person.id, LATER_ID, 'test', TODAY)).ok, true);
  t.equal(store.db.select().from(waitlist).all().length, 1, 'the moved row stays until the next pass');
  t.same(applyRetention(store.db, 'retention', new Date('2027-01-01T12:00:00Z')), [], 'no event is due');
  t.same(store.db.select().from(waitlist).all(), []);
});

t.test('who gave their place up is offered for the list, and whoever is offered that place is no longer counted as left out', async (t) => {
  const { store, fresno } = turnedAwaySeason(t);
  const giver = SCHEDULED[0]!;
  const row = store.db.select({ id: applicants.id }).from(applicants).where(and(eq(applicants.eventId, fresno), eq(applicants.code, giver))).get()!;
  const response = saveResponse(store.db, { eventId: fresno, applicantId: row.id, answer: 'releases', tokenId: null }, { actor: 'test', action: 'response.create', detail: 'test' }, new Date().toISOString());
  const offered = offerPlace(store.db, FRESNO_ID, row.id, response, 'test');
  const candidates = eventCandidates(store.db, FRESNO_ID)!;
  t.same(candidates.released.map((c) => c.code), [giver]);
  t.notOk(candidates.scheduled.some((c) => c.code === giver), 'no longer among the scheduled');
  t.equal(offered.kind, 'offered', 'the place is offered to someone left out');
  const to = offered.kind === 'offered' ? offered.candidate : '';
  t.ok(UNSCHEDULED.includes(to));
  t.notOk(candidates.unscheduled.some((c) => c.code === to), 'the one offered the place is not left out');
  t.ok(candidates.scheduled.some((c) => c.code === to), 'and may be ticked as not finished');
  const sent = await sendFromEvent(store.db, FRESNO_ID, { ...NONE, released: [giver] }, WHO);
  t.same(sent, { ok: true, added: 1 });
  t.equal(store.db.select({ reason: waitlist.reason }).from(waitlist).get()!.reason, 'released');
});
