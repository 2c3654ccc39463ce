import type { Bundle } from '../domain/index.js';
import { buildModel } from './model.js';
import type { App } from './model.js';
import { toPlanJson } from './output.js';
import { withSlack } from './slack.js';
import { seededRandom } from './random.js';
import { pathsOf, stillFits } from './paths.js';
import { DEFAULT_COSTS, Schedule } from './schedule.js';
import type { Path } from './schedule.js';
import { fairSwaps, fill, householdMembers, improve, languageGroup, lotteryOrder, place, proportionalOrder, ranksOf, shortenStays } from './search.js';
import type { SearchRules } from './search.js';
import type { PlanJson, PlanOptions } from './types.js';

export type { PlanJson, PlanOptions } from './types.js';
export { slackOf, withSlack } from './slack.js';
export { checkPlan } from './check.js';

/**
 * Improvement iterations by default: measured on a 2-core machine to plan a 250-applicant day
 * in about 3 s, 3,000 in about 18 s and 10,000 in about 60 s (an iteration costs more as the
 * roster grows). The plan depends on this number, never on the clock.
 */
export function defaultIterations(applicants: number, quick: boolean): number {
  if (quick) return Math.min(200, applicants);
  // Measured points (applicants → iterations), straight lines between them.
  const points: [number, number][] = [[0, 40000], [250, 40000], [3000, 70000], [10000, 120000]];
  const upper = points.findIndex(([n]) => n >= applicants);
  if (upper < 0) return points[points.length - 1]![1];
  if (upper === 0) return points[0]![1];
  const [n0, i0] = points[upper - 1]!;
  const [n1, i1] = points[upper]!;
  return Math.round(i0 + ((i1 - i0) * (applicants - n0)) / (n1 - n0));
}

/**
 * Applicant ids in the lottery order a plan with this seed draws: most urgent first, equal
 * priorities by lot, a household together. Fair selection serves people in this order.
 */
export function lotteryOf(bundle: Bundle, seed = bundle.event.planning.seed): string[] {
  const model = buildModel(bundle);
  return lotteryOrder(model.apps, seededRandom(seed)).map((a) => a.applicant.id);
}

/** The most improvement iterations spent planning the other selection, for comparison only. */
export const COMPARE_ITERATIONS = 10_000;

/**
 * Plans a workshop day: serves people in lottery order within equal priority (fair selection,
 * the default) or the most total priority the roster can (`selection: 'most'`), books every visit
 * within the clinic's rules (src/domain), and says why anyone is left out. Pure and deterministic for
 * the same input, seed and iterations.
 */
export function plan(bundle: Bundle, options: PlanOptions = {}): PlanJson {
  if (options.slack && options.slack > 0) {
    const { slack, ...rest } = options;
    const result = plan(withSlack(bundle, slack), rest);
    result.summary.finish = { target: 0, slack_minutes: slack, probability: 0 };
    return result;
  }
  const model = buildModel(bundle);
  const random = seededRandom(options.seed ?? bundle.event.planning.seed);
  const members = householdMembers(model.apps);

  if (options.strategy === 'baseline') {
    const schedule = new Schedule(model);
    const rules: SearchRules = { costs: { ...DEFAULT_COSTS, compress: false, choice: 'first-free' }, pinned: new Map() };
    // Where the first free volunteer at each step leads nowhere, a coordinator would look again
    // for any day that fits before turning someone away: nobody is left out "for want of room"
    // while room is left.
    const again: SearchRules = { costs: { ...DEFAULT_COSTS, compress: false }, pinned: new Map() };
    for (const app of model.apps) if (!place(schedule, app, rules, new Map())) place(schedule, app, again, new Map());
    return toPlanJson(model, schedule);
  }

  const previous = options.previous ? pathsOf(model, options.previous) : null;
  const held = options.published ? pathsOf(model, options.published) : null;
  const schedule = new Schedule(model, previous);
  const pinned = new Map<number, number>();
  const released = new Set(options.release ?? []);
  const byId = new Map(model.apps.map((a) => [a.applicant.id, a]));
  for (const id of options.pin ?? []) {
    const app = byId.get(id);
    if (!app || released.has(id)) continue;
    // People hold the published arrival, even where a later draft dropped or moved them.
    const arrival = held?.[app.index]?.arrival ?? previous?.[app.index]?.arrival;
    if (arrival !== undefined && Number.isInteger(arrival)) pinned.set(app.index, arrival);
  }
  const rules: SearchRules = { costs: DEFAULT_COSTS, pinned };

  if (previous) {
    // Keep what still works: first the published days of pinned applicants (a volunteer put
    // back gives them their day back), then every other day of the previous plan, kept as it
    // is (a re-plan repairs only what broke). Then re-place pinned ones whose day broke at
    // their arrival.
    const order = [...model.apps].sort((a, b) => Number(pinned.has(b.index)) - Number(pinned.has(a.index)) || a.index - b.index);
    const keep = (app: App, path: Path | null | undefined) => {
      if (!path || schedule.paths[app.index] || released.has(app.applicant.id) || !stillFits(schedule, app, path)) return;
      schedule.commit(app, { ...path, visits: path.visits.map((v) => ({ ...v })) });
      if (!pinned.has(app.index)) pinned.set(app.index, path.arrival);
    };
    for (const app of order) if (pinned.has(app.index)) keep(app, held?.[app.index]);
    for (const app of order) keep(app, previous[app.index]);
    for (const app of order) if (pinned.has(app.index) && !schedule.paths[app.index]) place(schedule, app, rules, members);
  }
  const order = lotteryOrder(model.apps, random);
  const selection = options.selection ?? bundle.event.planning.selection;
  if (selection === 'fair') rules.rank = ranksOf(order, model.apps.length);
  const iterations = options.iterations ?? defaultIterations(model.apps.length, options.quick ?? false);
  const fairness = options.fairness ?? bundle.event.planning.fairness;
  let plain: PlanJson | undefined;
  if (fairness === 'proportional') {
    // Plan for the most priority first; then aim each language group at the share that plan served overall.
    plain = plan(bundle, { ...options, fairness: 'none', compare: false });
    const share = plain.summary.scheduled / Math.max(1, model.apps.length);
    const demand = new Map<string, number>();
    for (const app of model.apps) demand.set(languageGroup(app), (demand.get(languageGroup(app)) ?? 0) + 1);
    rules.targets = new Map([...demand].map(([group, n]) => [group, Math.round(share * n)]));
  }
  for (const app of rules.targets ? proportionalOrder(order, rules.targets) : order) {
    if (!schedule.paths[app.index]) place(schedule, app, rules, members);
  }
  improve(schedule, rules, random, iterations);
  shortenStays(schedule, rules, members);
  fill(schedule, order, pinned);
  if (rules.rank) fairSwaps(schedule, order, rules.rank, pinned);
  const result = toPlanJson(model, schedule, pinned);
  if (plain) {
    result.summary.fairness = {
      mode: 'proportional',
      cost_applicants: plain.summary.scheduled - result.summary.scheduled,
      cost_weight: plain.summary.scheduled_weight - result.summary.scheduled_weight,
    };
  }
  if (options.compare ?? !options.quick) {
    const other = selection === 'fair' ? 'most' : 'fair';
    // The other choice planned afresh: a re-plan's kept days would make the two look alike.
    const { previous: _previous, published: _published, pin: _pin, release: _release, ...fresh } = options;
    const alt = plan(bundle, { ...fresh, selection: other, compare: false, iterations: Math.min(iterations, COMPARE_ITERATIONS) }).summary;
    result.summary.selection = {
      mode: selection,
      other: { mode: other, scheduled: alt.scheduled, scheduled_weight: alt.scheduled_weight, served_share: alt.served_share! },
    };
  }
  return result;
}

