/**
 * Finishing on time as a choice: the planner keeps some minutes before closing free, and the
 * simulated day (the event's own no-shows, walk-ins and service spread) says how often everyone
 * who came is finished by closing (or within the overtime the event lets volunteers stay).
 * `planToFinish` keeps the least slack that reaches a target probability; `finishTradeoff` lists
 * what each target costs in people served.
 */
import type { Bundle } from '../domain/index.js';
import { plan as makePlan, slackOf } from '../planner/index.js';
import type { PlanJson, PlanOptions } from '../planner/types.js';
import { appointments, compileDay, dayModel, simulateDay } from './day.js';
import type { Day } from './day.js';

/** Simulated days behind each finish probability the slack search measures. */
export const FINISH_RUNS = 200;
/** Slack is tried in steps of this many minutes (rounded up to the event's grid). */
export const SLACK_STEP_MINUTES = 15;

export interface FinishMeasure {
  slack_minutes: number;
  scheduled: number;
  /** Mean people served by closing over the simulated days. */
  served_mean: number;
  /**
   * Share of simulated days on which every appointment who came was finished by closing, or in
   * the overtime the event lets volunteers stay (`simulation.overtime_minutes`).
   */
  finish_probability: number;
}

/** The bundle's day compiled for simulation: once per search, as every plan of it shares the day. */
const compiled = (bundle: Bundle): Day => compileDay(bundle, dayModel(bundle));

/**
 * Simulates a plan's day `runs` times: the mean served and the share of days finished on time.
 * `day` is the bundle compiled (given when measuring several plans of the same day).
 */
export function measureFinish(bundle: Bundle, planned: PlanJson, runs: number, seed: number, day: Day = compiled(bundle)): FinishMeasure {
  const result = simulateDay(day, appointments(day, planned), runs, seed);
  return {
    slack_minutes: slackOf(planned),
    scheduled: planned.summary.scheduled,
    served_mean: Math.round((result.served.reduce((a, b) => a + b, 0) / runs) * 10) / 10,
    finish_probability: Math.round((result.allFinishedWithOvertime / runs) * 1000) / 1000,
  };
}

function step(bundle: Bundle): number {
  const slot = bundle.event.slotMinutes;
  return Math.ceil(SLACK_STEP_MINUTES / slot) * slot;
}

/** The most slack tried: half the day, on the step grid. */
function maxSlack(bundle: Bundle): number {
  const s = step(bundle);
  return Math.floor(bundle.event.dayMinutes / 2 / s) * s;
}

/**
 * The least slack (on the step grid, up to half the day) whose quick plan finishes by closing
 * with at least `target` probability; the most tried when none does. Binary search: more slack
 * never makes finishing on time less likely by much, and the search needs only a few plans.
 */
export function slackFor(bundle: Bundle, target: number, options: PlanOptions, seed: number, runs = FINISH_RUNS, day?: Day): number {
  return searchSlack(bundle, target, options, seed, runs, day).slack;
}

/**
 * Whether a plan's day finishes on time with at least `target` probability over `runs` simulated
 * days, as measureFinish would say it: the runs stop as soon as the rest could no longer change
 * the answer (the same answer, sooner; runs are seeded one by one, so the first ones are the same).
 */
function reachesTarget(day: Day, planned: PlanJson, target: number, runs: number, seed: number): boolean {
  const reached = (finished: number) => Math.round((finished / runs) * 1000) / 1000 >= target;
  let answer = false;
  simulateDay(day, appointments(day, planned), runs, seed, (finished, done) => {
    if (reached(finished)) answer = true;
    return answer || !reached(finished + runs - done);
  });
  return answer;
}

/** The slack search of slackFor, with the plans it made by slack (planToFinish takes its pick from them). */
function searchSlack(bundle: Bundle, target: number, options: PlanOptions, seed: number, runs: number, day?: Day): { slack: number; plans: Map<number, PlanJson> } {
  const plans = new Map<number, PlanJson>();
  if (target <= 0) return { slack: 0, plans };
  const s = step(bundle);
  const once = day ?? compiled(bundle);
  const reaches = (slack: number) => {
    const planned = makePlan(bundle, { ...options, quick: true, compare: false, slack });
    plans.set(slack, planned);
    return reachesTarget(once, planned, target, runs, seed);
  };
  if (reaches(0)) return { slack: 0, plans };
  let low = 0; // does not reach
  let high = maxSlack(bundle) / s; // assumed to reach (the most tried)
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (reaches(mid * s)) high = mid;
    else low = mid;
  }
  return { slack: high * s, plans };
}

/**
 * Plans the day to finish by closing with at least `finishProbability` (default: the event's
 * planning.finish_probability; 0 packs the day): the least slack that reaches it, then the
 * plan with the given options and that slack, with `summary.finish` saying what it measured.
 * A re-plan of a published version keeps that version's slack, so that published days still
 * fit as they were.
 */
export function planToFinish(bundle: Bundle, options: PlanOptions = {}): PlanJson {
  const { finishProbability, ...planOptions } = options;
  const target = finishProbability ?? bundle.event.planning.finishProbability;
  if (target <= 0) return makePlan(bundle, planOptions);
  const seed = planOptions.seed ?? bundle.event.planning.seed;
  const day = compiled(bundle);
  const search = planOptions.published ? { slack: slackOf(planOptions.published), plans: new Map<number, PlanJson>() }
    : searchSlack(bundle, target, planOptions, seed, FINISH_RUNS, day);
  const { slack } = search;
  // A quick plan is the plan the search made at that slack: taken, not made again.
  const kept = planOptions.quick === true && planOptions.compare !== true ? search.plans.get(slack) : undefined;
  const planned = kept ?? makePlan(bundle, { ...planOptions, slack });
  planned.summary.finish = { target, slack_minutes: slack, probability: measureFinish(bundle, planned, FINISH_RUNS, seed, day).finish_probability };
  return planned;
}

/** Targets the estimate compares by default: packed, even odds, the default, nearly sure. */
export const TRADEOFF_TARGETS = [0, 0.5, 0.8, 0.95] as const;

/**
 * For each target finish probability: the slack it takes, the people scheduled and served, and
 * the finish probability measured (quick plans, `runs` simulated days each).
 */
export function finishTradeoff(bundle: Bundle, seed: number, runs: number, targets: readonly number[] = TRADEOFF_TARGETS): (FinishMeasure & { target: number })[] {
  const day = compiled(bundle);
  return targets.map((target) => {
    const slack = slackFor(bundle, target, {}, seed, runs, day);
    return { target, ...measureFinish(bundle, makePlan(bundle, { quick: true, seed, slack }), runs, seed, day) };
  });
}
