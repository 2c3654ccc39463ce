// Plans and estimates through the API are bounded and cancelled when nobody waits for them; a long
// one answers 202 with a status URL that later gives exactly what the request would have answered.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import type { Test } from 'tap';
import { saveBundle } from '../../src/db/events.js';
import { readBundle } from '../../src/bundle/index.js';
import { generateBundleFiles } from '../../src/bench/generate.js';
import { JobPool } from '../../src/jobs/index.js';
import { MAX_ITERATIONS, MAX_RUNS, iterationCap, runCap } from '../../src/http/caps.js';
import type { AppOptions } from '../../src/http/app.js';
import { FRESNO, FRESNO_ID, MADERA, sampleBundle } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';

const fresno = sampleBundle(FRESNO);
/** A job that runs for minutes unless cancelled. */
const LONG = { kind: 'estimate', bundle: fresno, options: { runs: MAX_RUNS, whatIf: true, tradeoff: true } } as const;

async function withFresno(t: Test, options: Omit<AppOptions, 'database'> = {}) {
  const jobs = new JobPool(1);
  t.teardown(() => jobs.close());
  const built = await build(t, undefined, { jobs, ...options });
  saveBundle(built.store.db, fresno, 'test');
  return { ...built, jobs, headers: authHeader(built.store) };
}

/** Waits until cond holds, checking every 20 ms (a test guard fails it after a minute). */
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 3000 && !cond(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Sends a POST over a real connection and returns a way to hang up before the answer. */
function postAndLeave(port: number, path: string, headers: Record<string, string>, body: unknown): { leave: () => void } {
  const payload = JSON.stringify(body);
  const req = httpRequest({ port, host: '127.0.0.1', method: 'POST', path, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } });
  req.on('error', () => {});
  req.end(payload);
  return { leave: () => req.destroy() };
}

t.test('a plan asking for more iterations than the cap is refused with 400 naming the field and the cap', async (t) => {
  const { app, headers } = await withFresno(t);
  const res = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { iterations: MAX_ITERATIONS + 1 } });
  t.equal(res.statusCode, 400);
  t.equal(res.json().error, `body.iterations must be <= ${MAX_ITERATIONS}`);
  t.equal((await app.inject({ url: `/api/events/${FRESNO_ID}/plans`, headers })).json().length, 0, 'nothing is stored');
});

t.test('an estimate asking for more runs than the cap is refused with 400 naming the field and the cap', async (t) => {
  const { app, headers } = await withFresno(t);
  const res = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/estimate`, headers, payload: { runs: MAX_RUNS + 1 } });
  t.equal(res.statusCode, 400);
  t.equal(res.json().error, `body.runs must be <= ${MAX_RUNS}`);
});

t.test('a plan of a large event asking for more iterations than its size allows is refused, naming the field and the cap', async (t) => {
  const { app, store, headers } = await withFresno(t);
  const large = readBundle(generateBundleFiles({ applicants: 1000, volunteers: 100, seed: 1 })).bundle!;
  saveBundle(store.db, large, 'test');
  const cap = iterationCap(1000);
  t.ok(cap < MAX_ITERATIONS, 'a smaller cap than a small event\'s');
  const res = await app.inject({ method: 'POST', url: `/api/events/${large.event.id}/plan`, headers, payload: { iterations: cap + 1 } });
  t.equal(res.statusCode, 400);
  t.equal(res.json().error, `body.iterations must be at most ${cap.toLocaleString('en-US')} for an event of 1,000 applicants, which keeps one job within about a minute and a half`);
  t.equal(app.jobs.pending, 0, 'no job was started');
});

t.test('an estimate of a larger event asking for more runs than its size allows is refused, naming the field and the cap', async (t) => {
  const { app, store, headers } = await withFresno(t);
  saveBundle(store.db, sampleBundle(MADERA), 'test');
  const cap = runCap(120);
  const res = await app.inject({ method: 'POST', url: `/api/events/madera-2027-03-27/estimate`, headers, payload: { runs: cap + 1 } });
  t.equal(res.statusCode, 400);
  t.match(res.json().error, `body.runs must be at most ${cap.toLocaleString('en-US')} for an event of 120 applicants`);
});

t.test('an estimate of an event too large to simulate is refused with 400 naming the limit, before any job', async (t) => {
  const { app, store, jobs, headers } = await withFresno(t);
  // 5,000 applicants of as many languages (5,000 kinds of applicant) and 5,000 volunteers.
  const volunteers = Array.from({ length: 5000 }, (_, i) => ({ ...fresno.volunteers[i % fresno.volunteers.length]!, id: `V${i}`, supervisor: undefined }));
  const applicants = Array.from({ length: 5000 }, (_, i) => ({ ...fresno.applicants[0]!, id: `A${i}`, languages: [`x${i}`], household: undefined }));
  saveBundle(store.db, { ...fresno, event: { ...fresno.event, id: 'too-large' }, volunteers, applicants }, 'test');
  const res = await app.inject({ method: 'POST', url: '/api/events/too-large/estimate', headers, payload: { runs: 1 } });
  t.equal(res.statusCode, 400);
  t.match(res.json().error, /^This event is too large to simulate: its 5,\d{3} kinds of applicant .* times its 5,000 volunteers are over the simulator's limit of 25,000,000 pairs\.$/);
  t.equal(jobs.pending, 0, 'no job was started');
});

t.test('an event with two jobs already waiting or running is answered 429 with Retry-After', async (t) => {
  const { app, jobs, headers } = await withFresno(t);
  const stop = new AbortController();
  const held = [jobs.run(LONG, { key: FRESNO_ID, signal: stop.signal }), jobs.run(LONG, { key: FRESNO_ID, signal: stop.signal })];
  t.teardown(() => stop.abort());
  const res = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { quick: true } });
  t.equal(res.statusCode, 429);
  t.match(res.headers['retry-after'], /^[1-9]\d*$/);
  t.match(res.json().error, /^This event already has 2 jobs planning or simulating; try again in \d+ seconds\.$/);
  stop.abort();
  await Promise.allSettled(held);
});

t.test('a client that hangs up while its plan waits takes it out of the queue, and no version is stored', async (t) => {
  const { app, jobs, headers, store } = await withFresno(t);
  const stop = new AbortController();
  const other = jobs.run(LONG, { key: 'another-event', signal: stop.signal });
  t.teardown(() => stop.abort());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const client = postAndLeave(port, `/api/events/${FRESNO_ID}/plan`, headers, { quick: true });
  await until(() => jobs.pending === 2);
  t.equal(jobs.pendingFor(FRESNO_ID), 1, 'the plan waits behind the other job');
  client.leave();
  await until(() => jobs.pending === 1);
  t.equal(jobs.pendingFor(FRESNO_ID), 0, 'the plan left the queue');
  t.equal(jobs.running, 1, 'the other job runs on');
  stop.abort();
  await t.rejects(other);
  t.equal((store.sqlite.prepare('select count(*) as n from plans').get() as { n: number }).n, 0);
});

t.test('a client that hangs up while its estimate runs stops it, and the next job runs on a fresh worker', async (t) => {
  const { app, jobs, headers } = await withFresno(t);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const client = postAndLeave(port, `/api/events/${FRESNO_ID}/estimate`, headers, { runs: MAX_RUNS });
  await until(() => jobs.running === 1);
  client.leave();
  await until(() => jobs.pending === 0);
  t.equal(jobs.pending, 0, 'the pool has no job left');
  const next = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { quick: true } });
  t.equal(next.statusCode, 201);
});

/** The Fresno sample stored in an app whose workers die as they start: their heap is too small to load the code. */
async function withDyingWorkers(t: Test, options: Omit<AppOptions, 'database'> = {}) {
  const jobs = new JobPool(1, { resourceLimits: { maxOldGenerationSizeMb: 4 } });
  t.teardown(() => jobs.close());
  const built = await build(t, undefined, { jobs, ...options });
  saveBundle(built.store.db, fresno, 'test');
  return { ...built, jobs, headers: authHeader(built.store) };
}

const LOST = /^The job needed more memory than a worker may use and was stopped\. Nothing was changed/;

t.test('an estimate whose worker dies answers 503 with a sentence, and the server goes on answering', async (t) => {
  const { app, jobs, headers } = await withDyingWorkers(t);
  const res = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/estimate`, headers, payload: { runs: 5, what_if: false } });
  t.equal(res.statusCode, 503);
  t.match(res.json().error, LOST);
  t.equal(jobs.pending, 0, 'nothing is left running');
  const next = await app.inject({ url: `/api/events/${FRESNO_ID}/plans`, headers });
  t.equal(next.statusCode, 200, 'the next request is answered');
});

t.test('a job answered with 202 whose worker dies is failed at its status URL, with the sentence', async (t) => {
  const { app, jobs, headers } = await withDyingWorkers(t, { jobWait: 0 });
  const res = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/estimate`, headers, payload: { runs: 5, what_if: false } });
  t.equal(res.statusCode, 202);
  await until(() => jobs.pending === 0);
  t.match((await app.inject({ url: res.json().url, headers })).json(), { status: 'failed', error: LOST });
});

t.test('a plan still running after the wait answers 202 with a status URL, which later gives the stored plan', async (t) => {
  const { app, headers } = await withFresno(t, { jobWait: 0 });
  const res = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { quick: true, iterations: 300 } });
  t.equal(res.statusCode, 202);
  const accepted = res.json();
  t.match(accepted, { job: /^[A-Za-z0-9_-]{24}$/, status: /^(queued|running)$/, url: `/api/jobs/${accepted.job}` });
  t.equal(res.headers.location, accepted.url);
  let status = (await app.inject({ url: accepted.url, headers })).json();
  for (let i = 0; i < 3000 && (status.status === 'queued' || status.status === 'running'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    status = (await app.inject({ url: accepted.url, headers })).json();
  }
  t.match(status, { job: accepted.job, status: 'done', status_code: 201, body: { version: 1, from: null } });
  const stored = await app.inject({ url: `/api/events/${FRESNO_ID}/plans/1`, headers });
  t.same(stored.json().scheduled, status.body.plan.scheduled, 'the plan in the answer is the version stored');
});

t.test('a job answered with 202 runs on after its client hangs up', async (t) => {
  const { app, jobs, headers } = await withFresno(t, { jobWait: 0 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}/api/events/${FRESNO_ID}/plan`, {
    method: 'POST', headers: { ...headers, 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ quick: true }),
  });
  t.equal(res.status, 202);
  const { url } = await res.json() as { url: string };
  await until(() => jobs.pending === 0);
  t.match((await app.inject({ url, headers })).json(), { status: 'done', status_code: 201, body: { version: 1 } });
});

t.test('an estimate answered with 202 gives at its status URL the estimate the request would have answered', async (t) => {
  const { app, headers } = await withFresno(t, { jobWait: 0 });
  const res = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/estimate`, headers, payload: { runs: 20, what_if: false } });
  t.equal(res.statusCode, 202);
  let status = (await app.inject({ url: res.json().url, headers })).json();
  for (let i = 0; i < 3000 && status.status !== 'done'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    status = (await app.inject({ url: res.json().url, headers })).json();
  }
  t.match(status, { status: 'done', status_code: 200, body: { runs: 20, what_if: [] } });
});

t.test('a job that ends in time is answered as before, without a status URL', async (t) => {
  const { app, headers } = await withFresno(t);
  const res = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { quick: true } });
  t.equal(res.statusCode, 201);
  t.notOk(res.headers.location);
  t.equal(res.json().version, 1);
});

t.test('an unknown job id answers 404', async (t) => {
  const { app, headers } = await withFresno(t);
  const res = await app.inject({ url: '/api/jobs/no-such-job-anywhere', headers });
  t.equal(res.statusCode, 404);
  t.match(res.json().error, /^No job no-such-job-anywhere/);
});

t.test('a job\'s status needs an API token', async (t) => {
  const { app, headers } = await withFresno(t, { jobWait: 0 });
  const { url } = (await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { quick: true } })).json();
  const res = await app.inject({ url });
  t.equal(res.statusCode, 401);
  t.notOk(res.body.includes('scheduled'));
});
