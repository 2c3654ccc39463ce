import { join } from 'node:path';
import t from 'tap';
import { readBundle } from '../../src/bundle/index.js';
import type { BundleFiles } from '../../src/bundle/index.js';
import { loadBundle, saveBundle } from '../../src/db/events.js';
import { openDatabase } from '../../src/db/index.js';
import type { Db } from '../../src/db/index.js';
import { startServer } from '../../src/http/server.js';
import { plan } from '../../src/planner/index.js';
import { planEvent, publishVersion } from '../../src/services/plans.js';
import { purgeStoredEvent } from '../../src/services/retention.js';
import { FRESNO, FRESNO_ID, sampleFiles, tempDir, withFile } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';

/** The Fresno sample with its id, date and retention rule replaced. */
function fresno(changes: Record<string, unknown>): BundleFiles {
  const files = sampleFiles(FRESNO);
  const event = { ...JSON.parse(Buffer.from(files['event.json']!).toString('utf8')), ...changes };
  return withFile(files, 'event.json', JSON.stringify(event));
}

function store(db: Db, files: BundleFiles): void {
  saveBundle(db, readBundle(files).bundle!, 'test');
}

t.test('the server purges the events whose retention rule has passed when it starts, and not one whose time has not come', async (t) => {
  const file = join(tempDir(t), 'taller.sqlite');
  const before = openDatabase(file);
  // Long past: 2020-03-07 + 30 days. Far ahead: 2090-03-04 + 30 days.
  store(before.db, fresno({ id: 'fresno-2020-03-07', date: '2020-03-07', retention: { purge_days_after: 30 } }));
  store(before.db, fresno({ id: 'fresno-2090-03-04', date: '2090-03-04', retention: { purge_days_after: 30 } }));
  before.close();
  const app = await startServer({ port: 0, host: '127.0.0.1', database: file, demo: false });
  t.teardown(() => app.close());
  t.equal(loadBundle(app.store.db, 'fresno-2020-03-07')!.applicants.length, 0, 'purged at start');
  t.equal(loadBundle(app.store.db, 'fresno-2090-03-04')!.applicants.length, 40, 'kept');
  const audit = app.store.sqlite.prepare("select actor, detail from audit_log where action = 'event.purge'").all();
  t.match(audit, [{ actor: 'retention', detail: /^40 applicants removed/ }]);
});

t.test('a purged event\'s page shows the counts its purge kept, when it was purged, and no plan', async (t) => {
  const { app, store: s } = await build(t);
  store(s.db, fresno({}));
  await planEvent(s.db, FRESNO_ID, {}, 'test', (bundle, options) => plan(bundle, { ...options, quick: true }));
  publishVersion(s.db, FRESNO_ID, 1, 'test');
  purgeStoredEvent(s.db, FRESNO_ID, 'cli', new Date('2027-07-01T12:00:00Z'));
  const page = await app.inject({ url: `/events/${FRESNO_ID}`, headers: authHeader(s) });
  t.equal(page.statusCode, 200);
  t.match(page.body, /<h2 id="demand">Applicants: 40<\/h2>/);
  t.match(page.body, /<th scope="row">Spanish \(es\)<\/th><td class="num">24<\/td>/);
  t.match(page.body, /removed on Thursday, July 1, 2027\.\s+The counts above are what was kept: \d+ scheduled in the published plan; \d+ left out of it\./);
  t.notMatch(page.body, /id="plan"|id="estimate"|Out of date/);
});

t.test('planning a purged event through the API answers 400 saying its applicants were purged', async (t) => {
  const { app, store: s } = await build(t);
  store(s.db, fresno({}));
  purgeStoredEvent(s.db, FRESNO_ID, 'cli', new Date('2027-07-01T12:00:00Z'));
  const res = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers: authHeader(s), payload: { quick: true } });
  t.equal(res.statusCode, 400);
  t.same(res.json(), { error: `The applicants of ${FRESNO_ID} were purged on 2027-07-01: there is no one left to plan (importing the event again starts it afresh)` });
});
