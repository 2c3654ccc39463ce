// An uploaded bundle is read, checked and stored in a worker thread, through its own connection
// to the same database file, so the server keeps answering while a large one is imported.
import t from 'tap';
import { generateBundleFiles } from '../../src/bench/generate.js';
import { listEvents, loadBundle } from '../../src/db/events.js';
import { importBundle } from '../../src/services/bundles.js';
import { IMPORT_IN_THREAD_BYTES } from '../../src/jobs/index.js';
import { openDatabase } from '../../src/db/index.js';
import { auditLog } from '../../src/db/schema.js';
import { FRESNO, MADERA, sampleBundle, sampleFiles, tempDatabase } from '../support/fixtures.js';
import { authHeader, build, multipart } from '../support/http.js';

const MADERA_ID = 'madera-2027-03-27';
/** A bundle large enough to be imported in a worker. */
const LARGE = generateBundleFiles({ applicants: 2000, volunteers: 150, seed: 1 });
const LARGE_ID = 'generated-2000x150-1';
const bytes = (files: typeof LARGE) => Object.values(files).reduce((n, f) => n + (f?.length ?? 0), 0);

function upload(files: Parameters<typeof multipart>[0], headers: { authorization: string }) {
  const body = multipart(files);
  return { method: 'POST' as const, url: '/api/events/import', payload: body.payload, headers: { ...body.headers, ...headers } };
}

t.test('a large import run in a worker stores the same event as an import in this thread', async (t) => {
  t.ok(bytes(LARGE) > IMPORT_IN_THREAD_BYTES, 'the bundle goes to a worker');
  const { app, store } = await build(t);
  const res = await app.inject(upload(LARGE, authHeader(store)));
  t.equal(res.statusCode, 201);
  t.match(res.json(), { event: LARGE_ID, created: true, volunteers: 150, applicants: 2000 });
  const here = tempDatabase(t);
  const outcome = importBundle(here.db, LARGE, 'test');
  t.ok(outcome.ok);
  const { key: _a, ...viaWorker } = loadBundle(store.db, LARGE_ID)!;
  const { key: _b, ...inThread } = loadBundle(here.db, LARGE_ID)!;
  t.same(viaWorker, inThread);
  t.same(listEvents(store.db), listEvents(here.db));
});

t.test('a large import is audit-logged under the token that sent it', async (t) => {
  const { app, store } = await build(t);
  await app.inject(upload(LARGE, authHeader(store)));
  const rows = store.db.select().from(auditLog).all().filter((r) => r.action === 'event.import');
  t.equal(rows.length, 1);
  t.match(rows[0]!.actor, /^token:\d+$/);
});

t.test('an app over a database in memory imports a large bundle in its own thread, the only one that sees it', async (t) => {
  const store = openDatabase(':memory:');
  t.teardown(() => store.close());
  const { app } = await build(t, store);
  const res = await app.inject(upload(LARGE, authHeader(store)));
  t.equal(res.statusCode, 201);
  t.equal(loadBundle(store.db, LARGE_ID)?.applicants.length, 2000);
});

t.test('a small bundle is imported at once, even while a long plan holds every worker', async (t) => {
  const { app, store } = await build(t);
  const stop = new AbortController();
  const long = app.jobs.run({ kind: 'plan', bundle: sampleBundle(FRESNO), options: { iterations: 200_000 } }, { signal: stop.signal });
  t.teardown(() => stop.abort());
  const res = await app.inject(upload(sampleFiles(MADERA), authHeader(store)));
  t.equal(res.statusCode, 201);
  t.equal(loadBundle(store.db, MADERA_ID)?.applicants.length, 120);
  t.equal(app.jobs.running, 1, 'the plan still runs: the import did not wait for it');
  stop.abort();
  await t.rejects(long);
});

t.test('the server answers /health while a large bundle is being imported', async (t) => {
  const { app, store } = await build(t);
  const files = generateBundleFiles({ applicants: 20_000, volunteers: 400, seed: 1 });
  let imported = false;
  const importing = app.inject(upload(files, authHeader(store))).then((res) => { imported = true; return res; });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const health = await app.inject('/health');
  t.equal(health.statusCode, 200);
  t.notOk(imported, 'the health check came back before the import');
  t.equal((await importing).statusCode, 201);
});
