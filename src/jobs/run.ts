/**
 * The long computations a server hands to a worker thread: planning a day (to finish on time
 * as the event chooses) and simulating it, and
 * checking a stored plan against the event as it now is.
 * Pure functions of their input, so a worker gives exactly what the caller would have.
 */
import type { Bundle } from '../domain/index.js';
import { checkPlan } from '../planner/index.js';
import type { PlanJson, PlanOptions } from '../planner/index.js';
import type { Violation } from '../planner/check.js';
import { estimate, planToFinish } from '../throughput/index.js';
import type { EstimateJson, EstimateOptions } from '../throughput/index.js';

export type Job =
  | { kind: 'plan'; bundle: Bundle; options: PlanOptions }
  | { kind: 'estimate'; bundle: Bundle; options: EstimateOptions }
  | { kind: 'check'; bundle: Bundle; plan: PlanJson; pins: ReadonlyMap<string, string> };

export type JobResult<J extends Job> = J extends { kind: 'plan' } ? PlanJson : J extends { kind: 'check' } ? Violation[] : EstimateJson;

export function runJob(job: Job): PlanJson | EstimateJson | Violation[] {
  if (job.kind === 'check') return checkPlan(job.bundle, job.plan, job.pins);
  return job.kind === 'plan' ? planToFinish(job.bundle, job.options) : estimate(job.bundle, job.options);
}
