/**
 * The long computations a server hands to a worker thread: planning and simulating a day.
 * Pure functions of their input, so a worker gives exactly what the caller would have.
 */
import type { Bundle } from '../domain/index.js';
import { plan } from '../planner/index.js';
import type { PlanJson, PlanOptions } from '../planner/index.js';
import { estimate } from '../throughput/index.js';
import type { EstimateJson, EstimateOptions } from '../throughput/index.js';

export type Job =
  | { kind: 'plan'; bundle: Bundle; options: PlanOptions }
  | { kind: 'estimate'; bundle: Bundle; options: EstimateOptions };

export type JobResult<J extends Job> = J extends { kind: 'plan' } ? PlanJson : EstimateJson;

export function runJob(job: Job): PlanJson | EstimateJson {
  return job.kind === 'plan' ? plan(job.bundle, job.options) : estimate(job.bundle, job.options);
}
