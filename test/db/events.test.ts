import t from 'tap';
import { eq } from 'drizzle-orm';
import { audit, findEvent, listEvents, loadBundle, saveBundle } from '../../src/db/events.js';
import { importBundle } from '../../src/services/bundles.js';
import { auditLog, events, volunteers } from '../../src/db/schema.js';
import type { Bundle } from '../../src/domain/index.js';
import { FRESNO, FRESNO_ID, MADERA, MERCED, sampleBundle, sampleFiles, tempDatabase, withFile } from '../support/fixtures.js';

/** Domain objects as the database gives them back: e-mail addresses are kept lowercased. */
const normalized = (bundle: Bundle) => JSON.parse(JSON.stringify(bundle, (key, value) =>
  key === 'email' && typeof value === 'string' ? value.toLowerCase() : value));

for (const sample of [FRESNO, MADERA, MERCED]) {
  t.test(`gives back exactly the ${sample} bundle it stored`, async (t) => {
    const store = tempDatabase(t);
    const bundle = sampleBundle(sample);
    saveBundle(store.db, bundle, 'test');
    const { key, ...loaded } = loadBundle(store.db, bundle.event.id)!;
    t.ok(key > 0);
    t.same(normalized(loaded), normalized(bundle));
  });
}

t.test('lists events soonest first with their roster and applicant counts', async (t) => {
  const store = tempDatabase(t);
  for (const sample of [MERCED, FRESNO, MADERA]) saveBundle(store.db, sampleBundle(sample), 'test');
  t.same(listEvents(store.db).map((e) => [e.id, e.volunteers, e.applicants]), [
    ['madera-2027-03-27', 28, 120], ['fresno-2027-05-22', 12, 40], ['merced-2027-06-05', 45, 250],
  ]);
});

t.test('re-importing an event id updates that event in place instead of adding another', async (t) => {
  const store = tempDatabase(t);
  const bundle = sampleBundle(FRESNO);
  const first = saveBundle(store.db, bundle, 'test');
  const fewer = { ...bundle, event: { ...bundle.event, name: 'Renamed' }, applicants: bundle.applicants.slice(0, 10) };
  const second = saveBundle(store.db, fewer, 'test');
  t.equal(second.eventId, first.eventId);
  t.equal(second.created, false);
  t.same(listEvents(store.db).map((e) => [e.name, e.applicants]), [['Renamed', 10]]);
});

t.test('re-importing keeps each volunteer the same person', async (t) => {
  const store = tempDatabase(t);
  const bundle = sampleBundle(FRESNO);
  saveBundle(store.db, bundle, 'test');
  saveBundle(store.db, bundle, 'test');
  t.equal(store.db.select().from(volunteers).all().length, 12);
});

t.test('a volunteer who serves at two events with one e-mail address is one person', async (t) => {
  const store = tempDatabase(t);
  const fresno = sampleBundle(FRESNO);
  saveBundle(store.db, fresno, 'test');
  const other = { ...fresno, event: { ...fresno.event, id: 'fresno-2027-09-18' }, volunteers: fresno.volunteers.slice(0, 1) };
  saveBundle(store.db, other, 'test');
  t.equal(store.db.select().from(volunteers).all().length, 12);
});

t.test('an import that fails half-way writes nothing at all', async (t) => {
  const store = tempDatabase(t);
  const bundle = sampleBundle(FRESNO);
  const clash = { ...bundle, applicants: [...bundle.applicants, bundle.applicants[0]!] };
  t.throws(() => saveBundle(store.db, clash, 'test'), /UNIQUE/);
  t.same(store.db.select().from(events).all(), []);
  t.same(store.db.select().from(volunteers).all(), []);
});

t.test('a bundle with any error is not imported, and every error is returned', async (t) => {
  const store = tempDatabase(t);
  const files = withFile(sampleFiles(FRESNO), 'volunteers.csv',
    'id,name,role,languages\nV001,Ana,wizard,es\nV002,Bo,attorney,Español\n');
  const outcome = importBundle(store.db, files, 'test');
  t.equal(outcome.ok, false);
  t.same(!outcome.ok && outcome.errors.map((e) => `${e.file}:${e.row}:${e.column}`),
    ['volunteers.csv:2:role', 'volunteers.csv:3:languages']);
  t.same(listEvents(store.db), []);
});

t.test('findEvent answers undefined for an event that is not there', async (t) => {
  const store = tempDatabase(t);
  t.equal(findEvent(store.db, 'nowhere-2027-01-01'), undefined);
  t.equal(loadBundle(store.db, 'nowhere-2027-01-01'), undefined);
});

t.test('the audit log records imports and views with counts, never names', async (t) => {
  const store = tempDatabase(t);
  const bundle = sampleBundle(FRESNO);
  saveBundle(store.db, bundle, 'cli');
  audit(store.db, 'token:1', 'applicants.view', FRESNO_ID);
  const rows = store.db.select().from(auditLog).all();
  t.same(rows.map((r) => [r.actor, r.action, r.detail]), [
    ['cli', 'event.import', '12 volunteers, 40 applicants'], ['token:1', 'applicants.view', null],
  ]);
  const text = JSON.stringify(rows);
  for (const a of bundle.applicants) t.notOk(text.includes(a.name), `no trace of ${a.id}'s name`);
});

t.test('deleting an event removes its roster and applicants with it', async (t) => {
  const store = tempDatabase(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  store.db.delete(events).where(eq(events.slug, FRESNO_ID)).run();
  t.equal((store.sqlite.prepare('select count(*) as n from applicants').get() as { n: number }).n, 0);
  t.equal((store.sqlite.prepare('select count(*) as n from roster_entries').get() as { n: number }).n, 0);
});
