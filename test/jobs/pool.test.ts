// Planning, simulating and checking in worker threads: the same results as in this thread, jobs in
// turn when the pool is full, failures reported, and nothing accepted once it is closed; a bounded,
// fair queue, and jobs cancelled when their caller gives up; a worker that runs out of memory fails
// its job alone.
import t from 'tap';
import type { Test } from 'tap';
import { JobCancelledError, JobLostError, JobPool, JobsBusyError } from '../../src/jobs/index.js';
import { readBundle } from '../../src/bundle/index.js';
import { generateBundleFiles } from '../../src/bench/generate.js';
import type { Bundle } from '../../src/domain/index.js';
import { checkPlan, plan } from '../../src/planner/index.js';
import { estimate, planToFinish } from '../../src/throughput/index.js';
import { FRESNO, sampleBundle } from '../support/fixtures.js';

const fresno = sampleBundle(FRESNO);

function pool(t: Test, size = 1): JobPool {
  const jobs = new JobPool(size);
  t.teardown(() => jobs.close());
  return jobs;
}

t.test('a plan made in a worker is the plan made in this thread, byte for byte', async (t) => {
  const options = { iterations: 300, seed: 5 };
  t.same(await pool(t).run({ kind: 'plan', bundle: fresno, options }), planToFinish(fresno, options));
});

t.test('an estimate made in a worker is the estimate made in this thread', async (t) => {
  const options = { runs: 20, seed: 3 };
  t.same(await pool(t).run({ kind: 'estimate', bundle: fresno, options }), estimate(fresno, options));
});

t.test('a stored plan checked in a worker finds what checkPlan finds in this thread', async (t) => {
  const made = plan(fresno, { iterations: 100 });
  const without = { ...fresno, volunteers: fresno.volunteers.filter((v) => v.id !== made.scheduled[0]!.visits[0]!.volunteer) };
  const found = await pool(t).run({ kind: 'check', bundle: without, plan: made, pins: new Map() });
  t.ok(found.length > 0, 'the volunteer who left is found');
  t.same(found, checkPlan(without, made));
});

t.test('jobs beyond the pool size wait their turn and each gets its own answer', async (t) => {
  const jobs = pool(t, 1);
  const seeds = [1, 2, 3];
  const running = seeds.map((seed) => jobs.run({ kind: 'plan', bundle: fresno, options: { quick: true, seed } }));
  t.equal(jobs.pending, 3, 'one running, two waiting');
  const plans = await Promise.all(running);
  t.same(plans, seeds.map((seed) => planToFinish(fresno, { quick: true, seed })));
  t.equal(jobs.pending, 0);
});

t.test('a job that fails is rejected with its message, and the next job still runs', async (t) => {
  const jobs = pool(t);
  const broken = { ...fresno, event: undefined } as unknown as Bundle;
  await t.rejects(jobs.run({ kind: 'plan', bundle: broken, options: {} }), /Cannot read properties of undefined/);
  t.equal((await jobs.run({ kind: 'plan', bundle: fresno, options: { quick: true } })).event, fresno.event.id);
});

t.test('closing the pool fails the jobs still waiting and refuses new ones', async (t) => {
  const jobs = new JobPool(1);
  const first = jobs.run({ kind: 'plan', bundle: fresno, options: { iterations: 2000 } });
  const waiting = jobs.run({ kind: 'plan', bundle: fresno, options: { quick: true } });
  const outcomes = [t.rejects(waiting, /closed/), t.rejects(first, /stopped/, 'the running job ends with its worker')];
  await jobs.close();
  await Promise.all(outcomes);
  await t.rejects(jobs.run({ kind: 'plan', bundle: fresno, options: { quick: true } }), /closed/);
});

t.test('by default the pool leaves one core to answer requests, and has at least one worker', async (t) => {
  t.ok(new JobPool().size >= 1);
});

/** A job that runs for minutes unless cancelled. */
const LONG = { kind: 'estimate', bundle: fresno, options: { runs: 20_000, whatIf: true, tradeoff: true } } as const;

/** Waits until cond holds, checking every 20 ms (a test guard fails it after a minute). */
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 3000 && !cond(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

t.test('an event with two jobs waiting or running is refused a third, with a time to retry', async (t) => {
  const jobs = pool(t, 1);
  const stop = new AbortController();
  const held = [jobs.run(LONG, { key: 'a', signal: stop.signal }), jobs.run(LONG, { key: 'a', signal: stop.signal })];
  const refused = await jobs.run(LONG, { key: 'a' }).then(() => undefined, (error: unknown) => error);
  t.ok(refused instanceof JobsBusyError);
  t.match((refused as JobsBusyError).message, /This event already has 2 jobs/);
  t.ok((refused as JobsBusyError).retryAfter >= 1, 'it says when to try again');
  stop.abort();
  await Promise.allSettled(held);
});

t.test('another event is still taken while one event has its two jobs', async (t) => {
  const jobs = pool(t, 1);
  const stop = new AbortController();
  const held = [jobs.run(LONG, { key: 'a', signal: stop.signal }), jobs.run(LONG, { key: 'a', signal: stop.signal })];
  const other = jobs.run(LONG, { key: 'b', signal: stop.signal });
  t.equal(jobs.pending, 3);
  stop.abort();
  await Promise.allSettled([...held, other]);
});

t.test('when the queue is full, a job of any other event is refused', async (t) => {
  const jobs = new JobPool(1, { perKey: 5, waiting: 2 });
  t.teardown(() => jobs.close());
  const stop = new AbortController();
  const held = [1, 2, 3].map((n) => jobs.run(LONG, { key: `e${n}`, signal: stop.signal }));
  t.equal(jobs.pending, 3, 'one running, two waiting');
  await t.rejects(jobs.run(LONG, { key: 'e4' }), /The server is busy: 2 jobs are waiting/);
  stop.abort();
  await Promise.allSettled(held);
});

t.test('a free worker takes the job of an event with nothing running before a second job of a busy event', async (t) => {
  const jobs = pool(t, 2);
  const stop = new AbortController();
  const order: string[] = [];
  const quick = { kind: 'plan', bundle: fresno, options: { quick: true } } as const;
  const long = jobs.run(LONG, { key: 'a', signal: stop.signal, onStart: () => order.push('a1') });
  const rest = [
    jobs.run(quick, { key: 'c', onStart: () => order.push('c1') }),
    jobs.run(quick, { key: 'a', onStart: () => order.push('a2') }),
    jobs.run(quick, { key: 'b', onStart: () => order.push('b1') }),
  ];
  await until(() => order.length === 4);
  t.same(order, ['a1', 'c1', 'b1', 'a2'], 'b1 went before a2, which came first but whose event had a job running');
  stop.abort();
  await Promise.allSettled([long, ...rest]);
});

t.test('a waiting job whose caller gives up leaves the queue at once', async (t) => {
  const jobs = pool(t, 1);
  const stopRunning = new AbortController();
  const running = jobs.run(LONG, { signal: stopRunning.signal });
  const giveUp = new AbortController();
  const waiting = jobs.run({ kind: 'plan', bundle: fresno, options: { quick: true } }, { signal: giveUp.signal });
  t.equal(jobs.pending, 2);
  giveUp.abort();
  await t.rejects(waiting, JobCancelledError);
  t.equal(jobs.pending, 1, 'only the running job is left');
  stopRunning.abort();
  await t.rejects(running, JobCancelledError);
});

t.test('a running job whose caller gives up stops its worker, and the next job runs on a fresh one', async (t) => {
  const jobs = pool(t, 1);
  const giveUp = new AbortController();
  const running = jobs.run(LONG, { signal: giveUp.signal });
  const next = jobs.run({ kind: 'plan', bundle: fresno, options: { quick: true, seed: 4 } });
  await until(() => jobs.running === 1);
  giveUp.abort();
  await t.rejects(running, JobCancelledError);
  t.same(await next, planToFinish(fresno, { quick: true, seed: 4 }));
  t.equal(jobs.pending, 0);
});

t.test('a job that outgrows its worker\'s memory fails with a sentence, and the next job runs on a fresh worker', async (t) => {
  // Workers of 64 MB: enough for the Fresno sample, not for a 100,000-applicant event's bundle.
  const jobs = new JobPool(1, { resourceLimits: { maxOldGenerationSizeMb: 64 } });
  t.teardown(() => jobs.close());
  const huge = readBundle(generateBundleFiles({ applicants: 100_000, volunteers: 100, seed: 1 })).bundle!;
  const failed = await jobs.run({ kind: 'estimate', bundle: huge, options: { runs: 1, whatIf: false, tradeoff: false } })
    .then(() => undefined, (error: unknown) => error);
  t.ok(failed instanceof JobLostError, 'the job is lost, not answered');
  t.equal((failed as JobLostError).statusCode, 503);
  t.match((failed as JobLostError).message, /^The job needed more memory than a worker may use and was stopped\. Nothing was changed/);
  t.equal(jobs.pending, 0, 'nothing is left running');
  const options = { runs: 5, seed: 3, whatIf: false, tradeoff: false };
  t.same(await jobs.run({ kind: 'estimate', bundle: fresno, options }), estimate(fresno, options));
});
