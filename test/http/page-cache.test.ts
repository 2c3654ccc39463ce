// The event page is kept by what makes it: a second view of the same version costs no check and
// no simulation, and an import, a new version or a publish shows at once.
import t from 'tap';
import type { Test } from 'tap';
import { eq } from 'drizzle-orm';
import { saveBundle } from '../../src/db/events.js';
import { openDatabase } from '../../src/db/index.js';
import { auditLog } from '../../src/db/schema.js';
import type { JobPool } from '../../src/jobs/index.js';
import type { Job } from '../../src/jobs/run.js';
import { checkPlan } from '../../src/planner/index.js';
import { estimate, planToFinish } from '../../src/throughput/index.js';
import { readBundle } from '../../src/bundle/index.js';
import { buildApp } from '../../src/http/app.js';
import { FRESNO, FRESNO_ID, sampleBundle, sampleFiles, tempDatabase, withFile } from '../support/fixtures.js';
import { authHeader } from '../support/http.js';

/** Answers the app's jobs in this thread, as the workers would (a short estimate), counting them. */
function countingJobs() {
  const count = { check: 0, estimate: 0, plan: 0, import: 0, proposal: 0 };
  const jobs = {
    pending: 0,
    close: async () => {},
    run: async (job: Job) => {
      count[job.kind]++;
      if (job.kind === 'check') return checkPlan(job.bundle, job.plan, job.pins);
      if (job.kind === 'estimate') return estimate(job.bundle, { ...job.options, runs: 20, whatIf: false, tradeoff: false });
      if (job.kind === 'plan') return planToFinish(job.bundle, job.options);
      throw new Error('these tests import in the main thread');
    },
  } as unknown as JobPool;
  return { jobs, count };
}

async function planned(t: Test) {
  const store = tempDatabase(t);
  const { jobs, count } = countingJobs();
  const app = await buildApp({ database: store, jobs });
  t.teardown(() => app.close());
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const headers = authHeader(store);
  const plan = (payload: Record<string, unknown> = {}) =>
    app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { quick: true, finish_probability: 0, ...payload } });
  t.equal((await plan()).statusCode, 201);
  const page = async (asked: Record<string, string> = headers) => {
    const res = await app.inject({ url: `/events/${FRESNO_ID}`, headers: asked });
    t.equal(res.statusCode, 200);
    // The header's account part and the links that change the event (each with a fresh form token)
    // are the parts made per request.
    return res.body.replace(/<nav class="account".*?<\/nav>/s, '').replace(/<nav class="event-actions".*?<\/nav>/s, '');
  };
  return { app, store, headers, count, plan, page };
}

t.test('a second view of the same version neither checks nor simulates it again, whoever of the organization looks', async (t) => {
  const { app, store, count, page } = await planned(t);
  const first = await page();
  t.same([count.check, count.estimate], [1, 1], 'the first view checks and simulates the version');
  t.equal(await page(), first, 'the same page');
  t.same([count.check, count.estimate], [1, 1], 'a second view does neither again');
  const outsider = await app.inject({ url: `/events/${FRESNO_ID}`, headers: authHeader(store, { role: 'viewer', organization: 'Casa Legal' }) });
  t.equal(outsider.statusCode, 404, 'a viewer of an organization that neither runs nor hosts it does not see it');
  t.same([count.check, count.estimate], [1, 1], 'nor makes it check or simulate again');
});

t.test('a re-import shows on the page at once, checked against the new roster', async (t) => {
  const { store, count, page } = await planned(t);
  t.match(await page(), /Applicants: 40/);
  const files = sampleFiles(FRESNO);
  const lines = Buffer.from(files['applicants.csv']!).toString('utf8').split('\n');
  const fewer = readBundle(withFile(files, 'applicants.csv', lines.filter((_, i) => i !== 1).join('\n'))).bundle!;
  saveBundle(store.db, fewer, 'test');
  const after = await page();
  t.match(after, /Applicants: 39/);
  t.match(after, /Out of date/, 'the stored version no longer fits: an applicant it schedules or explains is gone');
  t.equal(count.check, 2, 'the version is checked again against the new import');
  t.equal(count.estimate, 1, 'the estimate is kept: it belongs to the version');
});

t.test('a re-import by another process (its own connection to the file) shows on the page at once', async (t) => {
  const { store, page } = await planned(t);
  t.match(await page(), /Applicants: 40/);
  t.match(await page(), /Applicants: 40/, 'kept');
  const other = openDatabase(store.sqlite.name);
  t.teardown(() => other.close());
  const files = sampleFiles(FRESNO);
  const lines = Buffer.from(files['applicants.csv']!).toString('utf8').split('\n');
  saveBundle(other.db, readBundle(withFile(files, 'applicants.csv', lines.filter((_, i) => i !== 1).join('\n'))).bundle!, 'test');
  t.match(await page(), /Applicants: 39/);
});

t.test('a new version and a publish show on the page at once', async (t) => {
  const { app, headers, plan, page } = await planned(t);
  const v1 = await page();
  t.match(v1, /Version 1\./);
  t.match(v1, /<strong>Draft\.<\/strong>/);
  await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plans/1/publish`, headers });
  const published = await page();
  t.match(published, /Version 1, published\./);
  t.notMatch(published, /<strong>Draft\.<\/strong>/);
  t.equal((await plan({ fresh: true, confirm: true, seed: 77 })).statusCode, 201);
  const v2 = await page();
  t.match(v2, /Version 2\./);
  t.match(v2, /<strong>Draft\.<\/strong> Version 2 is not published/);
});

t.test('every coordinator’s view is on the audit log, kept page or not', async (t) => {
  const { store, page } = await planned(t);
  for (let i = 0; i < 3; i++) await page();
  const views = store.db.select().from(auditLog).where(eq(auditLog.action, 'plan.view')).all();
  t.equal(views.length, 3, 'one row per view');
  t.ok(views.every((v) => v.detail === 'version 1' && v.eventId !== null));
});

t.test('a calendar feed is kept until a version is published, then follows it at once', async (t) => {
  const { app, headers, plan } = await planned(t);
  await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plans/1/publish`, headers });
  const draft = await plan({ fresh: true, confirm: true, seed: 77 });
  const changed = (draft.json().notify.volunteers as string[])[0];
  if (!changed) throw new Error('version 2 changes no volunteer’s day: pick another seed');
  const link = (await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/volunteers/${changed}/calendar-link`, headers })).json().url as string;
  const feed = new URL(link).pathname;
  const first = (await app.inject(feed)).body;
  t.equal((await app.inject(feed)).body, first, 'the same calendar, DTSTAMP included: the draft changes nothing volunteers hold');
  await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plans/2/publish`, headers });
  const second = (await app.inject(feed)).body;
  t.not(second.replace(/DTSTAMP:\S+/g, ''), first.replace(/DTSTAMP:\S+/g, ''), `${changed}'s feed follows the newly published version`);
});
