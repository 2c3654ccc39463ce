import { defaultIterations } from '../planner/index.js';

/**
 * How much work one plan or estimate request may ask for, so that one job holds a worker for
 * about a minute and a half at most on a 2-core machine. Measured with src/bench/caps.ts (CPU
 * time, which a busy machine stretches further): an improvement iteration costs about
 * 0.03 ms × √applicants (0.5 ms at 250 applicants, 1 ms at 1,000, 1.7 ms at 3,000), and a
 * simulated day of an estimate (with its what-if list) about 0.06 ms × applicants (17 ms at 250,
 * 48 ms at 1,000, 150 ms at 3,000). A cap never refuses what the defaults do (a large event's
 * default may itself take longer: its job then answers 202), and never exceeds the absolute caps
 * of the request schemas.
 */
const BUDGET_MS = 90_000;
export const MAX_ITERATIONS = 200_000;
export const MAX_RUNS = 20_000;
/** The estimate's default number of simulated days. */
const DEFAULT_RUNS = 1000;

/** Two significant figures, rounded down: a cap a person can read. */
const readable = (n: number) => {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.floor(n / unit) * unit;
};

/** The most improvement iterations a plan of an event of this many applicants may ask for. */
export function iterationCap(applicants: number): number {
  const budget = readable(BUDGET_MS / (0.03 * Math.sqrt(Math.max(1, applicants))));
  return Math.min(MAX_ITERATIONS, Math.max(defaultIterations(applicants, false), budget));
}

/** The most simulated days an estimate of an event of this many applicants may ask for. */
export function runCap(applicants: number): number {
  const budget = readable(BUDGET_MS / (0.06 * Math.max(1, applicants)));
  return Math.min(MAX_RUNS, Math.max(DEFAULT_RUNS, budget));
}

const n = (x: number) => x.toLocaleString('en-US');

/** Why a request asks for too much work for this event, naming the field and its cap; or nothing. */
export function overCap(applicants: number, asked: { iterations?: number; runs?: number }): string | undefined {
  const about = `for an event of ${n(applicants)} applicant${applicants === 1 ? '' : 's'}, which keeps one job within about a minute and a half`;
  if (asked.iterations !== undefined && asked.iterations > iterationCap(applicants)) {
    return `body.iterations must be at most ${n(iterationCap(applicants))} ${about}`;
  }
  if (asked.runs !== undefined && asked.runs > runCap(applicants)) {
    return `body.runs must be at most ${n(runCap(applicants))} ${about}`;
  }
  return undefined;
}
