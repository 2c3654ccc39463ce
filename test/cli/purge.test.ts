import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import type { Test } from 'tap';
import { buildApp } from '../../src/http/app.js';
import { openDatabase } from '../../src/db/index.js';
import { auditLog } from '../../src/db/schema.js';
import { FRESNO, FRESNO_ID, SAMPLES_DIR, tempDir } from '../support/fixtures.js';
import { authHeader } from '../support/http.js';
import { runTaller } from '../support/cli.js';

/** A copy of the Fresno sample whose event.json fields are replaced. */
function bundleDir(t: Test, changes: Record<string, unknown> = {}): string {
  const dir = join(tempDir(t), 'bundle');
  cpSync(join(SAMPLES_DIR, FRESNO), dir, { recursive: true });
  const file = join(dir, 'event.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), ...changes }));
  return dir;
}

/** A fresh database holding the bundle. */
async function imported(t: Test, dir = bundleDir(t)): Promise<string> {
  const db = join(tempDir(t), 'taller.sqlite');
  const res = await runTaller(db, ['import', dir]);
  if (res.code !== 0) throw new Error(res.stderr);
  return db;
}

/** The app over the database file, closed when the test ends. */
async function served(t: Test, db: string) {
  const store = openDatabase(db);
  const app = await buildApp({ database: store });
  t.teardown(async () => {
    await app.close();
    store.close();
  });
  return { app, store };
}

/** The Fresno sample imported, planned and published (so slips open), and the app over it. */
async function publishedAndServed(t: Test) {
  const db = await imported(t);
  for (const args of [['plan', '--event', FRESNO_ID, '--quick'], ['publish', '--event', FRESNO_ID, '--version', '1']]) {
    const res = await runTaller(db, args);
    if (res.code !== 0) throw new Error(res.stderr);
  }
  return { db, ...(await served(t, db)) };
}

t.test('taller purge --event ID removes the applicants\' names, phones and flags and says what it did', async (t) => {
  const { db, app, store } = await publishedAndServed(t);
  const res = await runTaller(db, ['purge', '--event', FRESNO_ID]);
  t.equal(res.code, 0, res.stderr);
  t.match(res.stdout, new RegExp(`^purged ${FRESNO_ID}: 40 applicants removed and counted \\(\\d+ scheduled(, \\d+ unscheduled)?\\), 0 links, 1 plan versions reduced to their summaries, \\d+ volunteers' contacts erased\\n$`));
  const left = store.sqlite.prepare("select count(*) as n from applicants where name like '%Mendoza%' or phone is not null or flags like '%unlawful_reentry%'").get() as { n: number };
  t.equal(left.n, 0);
  t.same((await app.inject({ url: `/api/events/${FRESNO_ID}/applicants`, headers: authHeader(store) })).json(), []);
});

t.test('a slip link made before taller purge answers as unknown after it', async (t) => {
  const { db, app, store } = await publishedAndServed(t);
  const link = (await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/applicants/A0026/slip-link`, headers: authHeader(store) })).json() as { url: string };
  const slip = new URL(link.url).pathname;
  t.equal((await app.inject({ url: slip })).statusCode, 200, 'the slip opens before');
  await runTaller(db, ['purge', '--event', FRESNO_ID]);
  const after = await app.inject({ url: slip });
  t.equal(after.statusCode, 404);
  t.match(after.body, /This link does not work/);
});

t.test('after taller purge the event still lists with its applicant count, and the counts kept by outcome sum to it', async (t) => {
  const { db, app, store } = await publishedAndServed(t);
  const held = (await app.inject({ url: `/api/events/${FRESNO_ID}/plans/1`, headers: authHeader(store) })).json() as { summary: { scheduled: number } };
  await runTaller(db, ['purge', '--event', FRESNO_ID]);
  const byOutcome = store.sqlite.prepare('select outcome, sum(count) as n from event_counts group by outcome order by outcome').all();
  t.same(byOutcome, [{ outcome: 'scheduled', n: held.summary.scheduled }, { outcome: 'unscheduled', n: 40 - held.summary.scheduled }]);
  t.match((await app.inject({ url: '/api/events', headers: authHeader(store) })).json(), [{ id: FRESNO_ID, applicants: 40 }]);
  t.match((await app.inject({ url: '/', headers: authHeader(store) })).body, /<br>40 applicants<\/td>/);
});

t.test('taller plan --event on a purged event says its applicants were purged (exit 2) and stores nothing', async (t) => {
  const db = await imported(t);
  await runTaller(db, ['purge', '--event', FRESNO_ID]);
  const res = await runTaller(db, ['plan', '--event', FRESNO_ID, '--quick']);
  t.equal(res.code, 2);
  t.match(res.stderr, new RegExp(`^taller plan: The applicants of ${FRESNO_ID} were purged on \\d{4}-\\d\\d-\\d\\d: there is no one left to plan \\(importing the event again starts it afresh\\)\\n$`));
});

t.test('taller purge --due purges the events whose retention rule has passed by --now, and no other', async (t) => {
  const db = await imported(t, bundleDir(t, { retention: { purge_days_after: 14 } }));
  const early = await runTaller(db, ['purge', '--due', '--now', '2027-06-05T12:00:00-07:00']);
  t.same([early.code, early.stdout], [0, 'no event is due for purging\n']);
  const due = await runTaller(db, ['purge', '--due', '--now', '2027-06-06T00:00:00-07:00']);
  t.equal(due.code, 0);
  t.match(due.stdout, new RegExp(`^purged ${FRESNO_ID}: 40 applicants removed and counted \\(40 unplanned\\)`));
});

t.test('taller purge --event on an event already purged says so and changes nothing', async (t) => {
  const db = await imported(t);
  await runTaller(db, ['purge', '--event', FRESNO_ID]);
  const again = await runTaller(db, ['purge', '--event', FRESNO_ID]);
  t.equal(again.code, 0);
  t.match(again.stdout, new RegExp(`^${FRESNO_ID} was purged on \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z: nothing to do\\n$`));
});

t.test('taller purge names an unknown event as bad input (exit 2)', async (t) => {
  const db = await imported(t);
  const res = await runTaller(db, ['purge', '--event', 'no-such-event']);
  t.same([res.code, res.stderr], [2, 'taller purge: no event no-such-event in the database\n']);
});

t.test('taller purge needs exactly one of --event and --due', async (t) => {
  const db = join(tempDir(t), 'taller.sqlite');
  for (const args of [['purge'], ['purge', '--event', FRESNO_ID, '--due']]) {
    const res = await runTaller(db, args);
    t.equal(res.code, 2);
    t.match(res.stderr, /name one event \(taller purge --event ID\) or purge the events due by their retention rule \(taller purge --due\)/);
  }
  const now = await runTaller(db, ['purge', '--event', FRESNO_ID, '--now', '2027-06-06T00:00:00Z']);
  t.match([now.code, now.stderr], [2, /--now goes with --due/]);
});

t.test('taller import refuses a purge_days_after that is not a whole number of days, naming the field, and imports nothing', async (t) => {
  const dir = bundleDir(t, { retention: { purge_days_after: -3 } });
  const db = join(tempDir(t), 'taller.sqlite');
  const res = await runTaller(db, ['import', dir]);
  t.equal(res.code, 2);
  t.match(res.stderr, /^event\.json:1:retention\.purge_days_after: "retention\.purge_days_after" must be at least 0, not -3$/m);
  const store = openDatabase(db);
  t.teardown(() => store.close());
  t.equal((store.sqlite.prepare('select count(*) as n from events').get() as { n: number }).n, 0);
});

t.test('taller purge and taller backup are on the audit log with counts only, never a name', async (t) => {
  const db = await imported(t);
  const backup = await runTaller(db, ['backup', join(tempDir(t), 'copy.sqlite')]);
  t.equal(backup.code, 0, backup.stderr);
  await runTaller(db, ['purge', '--event', FRESNO_ID]);
  const store = openDatabase(db);
  t.teardown(() => store.close());
  const rows = store.db.select().from(auditLog).all().filter((r) => r.action === 'database.backup' || r.action === 'event.purge');
  t.match(rows, [
    { actor: 'cli', action: 'database.backup', eventId: null, detail: /^\d+ pages; integrity check: ok$/ },
    { actor: 'cli', action: 'event.purge', eventId: Number, detail: /^40 applicants removed \(0 scheduled, 0 unscheduled, 40 unplanned\), 0 links, 0 plan versions reduced, \d+ volunteers' contacts erased$/ },
  ]);
  t.notMatch(JSON.stringify(rows), /Mendoza|Dhillon|copy\.sqlite|A00\d\d/);
});

t.test('a command on a database others could read tightens it and says so on stderr once', { skip: process.platform === 'win32' ? 'this platform has no POSIX file modes' : false }, async (t) => {
  const db = await imported(t);
  const { chmodSync, statSync } = await import('node:fs');
  chmodSync(db, 0o644);
  const first = await runTaller(db, ['purge', '--due']);
  t.match(first.stderr, /^taller: the database was readable by other users; now readable by its owner only \(0600\)/);
  t.equal(statSync(db).mode & 0o777, 0o600);
  const second = await runTaller(db, ['purge', '--due']);
  t.equal(second.stderr, '');
});

t.test('taller sheets --event on a purged event says there is nothing left to print (exit 2)', async (t) => {
  const { db } = await publishedAndServed(t);
  await runTaller(db, ['purge', '--event', FRESNO_ID]);
  const res = await runTaller(db, ['sheets', '--event', FRESNO_ID, '--out', join(tempDir(t), 'sheets.html')]);
  t.equal(res.code, 2);
  t.match(res.stderr, /was purged on \d{4}-\d\d-\d\d: there are no sheets or slips left to print/);
});

t.test('the sheets and slips of a purged event answer 410 saying so, printing nothing', async (t) => {
  const { db, app, store } = await publishedAndServed(t);
  await runTaller(db, ['purge', '--event', FRESNO_ID]);
  for (const file of ['sheets.html', 'slips.html']) {
    const res = await app.inject({ url: `/api/events/${FRESNO_ID}/${file}`, headers: authHeader(store) });
    t.equal(res.statusCode, 410, file);
    t.match(res.json().error, /there are no sheets or slips left to print/);
  }
});
