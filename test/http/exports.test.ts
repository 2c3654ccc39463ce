import t from 'tap';
import { eq } from 'drizzle-orm';
import { saveBundle } from '../../src/db/events.js';
import { auditLog } from '../../src/db/schema.js';
import { readBundle } from '../../src/bundle/index.js';
import { FRESNO, FRESNO_ID, sampleBundle, sampleFiles, withFile } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';

t.test('a coordinator downloads the applicants as a CSV file that imports back as the same people', async (t) => {
  const { app, store } = await build(t);
  const bundle = sampleBundle(FRESNO);
  saveBundle(store.db, bundle, 'test');
  const res = await app.inject({ url: `/api/events/${FRESNO_ID}/applicants.csv`, headers: authHeader(store) });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^text\/csv/);
  t.equal(res.headers['content-disposition'], `attachment; filename="${FRESNO_ID}-applicants.csv"`);
  const again = readBundle(withFile(sampleFiles(FRESNO), 'applicants.csv', res.body));
  t.same(again.bundle?.applicants, bundle.applicants);
});

t.test('a coordinator downloads the roster as a CSV file that imports back as the same volunteers', async (t) => {
  const { app, store } = await build(t);
  const bundle = sampleBundle(FRESNO);
  saveBundle(store.db, bundle, 'test');
  const res = await app.inject({ url: `/api/events/${FRESNO_ID}/volunteers.csv`, headers: authHeader(store) });
  t.equal(res.statusCode, 200);
  const again = readBundle(withFile(sampleFiles(FRESNO), 'volunteers.csv', res.body));
  t.same(again.bundle?.volunteers, bundle.volunteers);
});

t.test('exports need an API token and show nothing without one', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  for (const file of ['applicants.csv', 'volunteers.csv']) {
    const res = await app.inject(`/api/events/${FRESNO_ID}/${file}`);
    t.equal(res.statusCode, 401, file);
    t.notMatch(res.body, /A0001|Núñez/);
  }
});

t.test('each export is written to the audit log, without names', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  await app.inject({ url: `/api/events/${FRESNO_ID}/applicants.csv`, headers: authHeader(store) });
  const rows = store.db.select().from(auditLog).where(eq(auditLog.action, 'applicants.export')).all();
  t.equal(rows.length, 1);
  t.match(rows[0]!.actor, /^token:\d+$/);
});

t.test('exporting an event that is not there answers 404', async (t) => {
  const { app, store } = await build(t);
  const res = await app.inject({ url: '/api/events/nowhere-2027-01-01/applicants.csv', headers: authHeader(store) });
  t.equal(res.statusCode, 404);
});
