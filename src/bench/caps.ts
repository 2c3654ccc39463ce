/**
 * What one plan iteration and one simulated day cost, behind the API's caps on `iterations` and
 * `runs` (src/http/caps.ts):
 *
 *   node --import tsx src/bench/caps.ts [SIZE,...]      (default 3000x300,10000x800)
 *
 * For each size it times (in CPU time, so other work on the machine does not count), a plan at two iteration counts and an estimate (as the
 * API asks for it: what-if and the finish trade-off) at two run counts, and prints the fixed cost
 * and the cost per iteration or run (the slope), with that size's caps and what they cost.
 */
import { loadBundle } from './cases.js';
import { planToFinish } from '../throughput/index.js';
import { estimate } from '../throughput/index.js';
import { iterationCap, runCap } from '../http/caps.js';

/** The CPU milliseconds f takes: on a machine shared with other work, what it would take alone on one core. */
const timed = <T>(f: () => T): [number, T] => {
  const t0 = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(t0);
  return [(used.user + used.system) / 1000, value];
};

const sizes = (process.argv[2] ?? '3000x300,10000x800').split(',');
const planAt = [2_000, 22_000];
const runsAt = [50, 300];

for (const size of sizes) {
  const bundle = await loadBundle(size);
  const [planLow, quickPlan] = timed(() => planToFinish(bundle, { iterations: planAt[0]! }));
  const [planHigh] = timed(() => planToFinish(bundle, { iterations: planAt[1]! }));
  const perIteration = (planHigh - planLow) / (planAt[1]! - planAt[0]!);
  const planFixed = planLow - perIteration * planAt[0]!;
  const options = { plan: quickPlan, whatIf: true, tradeoff: true };
  const [estLow] = timed(() => estimate(bundle, { ...options, runs: runsAt[0]! }));
  const [estHigh] = timed(() => estimate(bundle, { ...options, runs: runsAt[1]! }));
  const perRun = (estHigh - estLow) / (runsAt[1]! - runsAt[0]!);
  const estFixed = estLow - perRun * runsAt[0]!;
  const applicants = bundle.applicants.length;
  console.log(JSON.stringify({
    size,
    caps: { iterations: iterationCap(applicants), runs: runCap(applicants) },
    plan: { ms: [Math.round(planLow), Math.round(planHigh)], at: planAt, perIterationMs: +perIteration.toFixed(4), fixedMs: Math.round(planFixed),
      atCapS: +((planFixed + perIteration * iterationCap(applicants)) / 1000).toFixed(1) },
    estimate: { ms: [Math.round(estLow), Math.round(estHigh)], at: runsAt, perRunMs: +perRun.toFixed(3), fixedMs: Math.round(estFixed),
      atCapS: +((estFixed + perRun * runCap(applicants)) / 1000).toFixed(1) },
  }));
}
