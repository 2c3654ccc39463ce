// Planning, simulating and checking in worker threads: the same results as in this thread, jobs in
// turn when the pool is full, failures reported, and nothing accepted once it is closed.
import t from 'tap';
import type { Test } from 'tap';
import { JobPool } from '../../src/jobs/index.js';
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
