/**
 * Throughput: how many will we serve, where will it jam, whom should we add. Pure and seeded:
 * the same bundle, options and seed give byte-identical JSON.
 *
 * `estimate` simulates the day many times: appointments from a plan (the given one, or the
 * planner's quick plan) replayed step by step, no-shows, Poisson walk-ins following the event's
 * profile until the walk-in cut-off, random service times, whoever waits for a held-up server
 * taken by another free eligible volunteer under the planner's own rules, and whoever is
 * unfinished at closing not served (finished in the overtime, or referred). It reports the
 * estimate JSON (the README's Formats), extended (never broken) with the capacity limits,
 * arrivals, a registration target, the overtime and the walk-in cut-off.
 */
import { openingInstant, STATIONS } from '../domain/index.js';
import type { Bundle, Station } from '../domain/index.js';
import { plan as makePlan } from '../planner/index.js';
import { classKey } from '../planner/model.js';
import type { PlanJson } from '../planner/types.js';
import { capacityBound } from './capacity.js';
import type { CapacityLimit } from './capacity.js';
import { appointments, compileDay, dayModel, simulateDay } from './day.js';
import type { Day, DayRuns } from './day.js';
import { MAX_PAIRS } from './sim.js';
import { candidates, gainOf, shortfall } from './whatif.js';
import type { Addition, Baseline } from './whatif.js';

export type { Addition } from './whatif.js';
export { capacityBound, maxServed } from './capacity.js';
export { simulateMMc, erlangC } from './mmc.js';
export { finishTradeoff, planToFinish } from './finish.js';
import { FINISH_RUNS, finishTradeoff, planToFinish } from './finish.js';
import type { FinishMeasure } from './finish.js';
import { layoutGains } from './layout.js';
import type { LayoutGainJson } from './layout.js';

export interface EstimateOptions {
  /** Simulated days (default 1,000). */
  runs?: number;
  /** Seeds the runs and the quick plan (default: the event's planning.seed). */
  seed?: number;
  /** Appointments to simulate; default: the planner's quick plan with the same seed, aimed at the event's finish probability. */
  plan?: PlanJson;
  /** Compute `what_if` (default false: it re-plans and re-simulates once per kind of volunteer). */
  whatIf?: boolean;
  /** The most kinds of volunteer to try in `what_if` (default 10). */
  whatIfLimit?: number;
  /** Compute `finish_tradeoff` (default false: it plans and simulates the day a few times per target). */
  tradeoff?: boolean;
}

export interface StationEstimateJson {
  station: Station;
  utilization: number;
  mean_wait_minutes: number;
  p90_wait_minutes: number;
  waiting_at_close: number;
}

export interface WhatIfJson {
  add: Addition;
  served_gain: number;
  /** Extension: half-width of a 95% interval for `served_gain` (paired over the same runs). */
  served_gain_ci95: number;
  /** Extension: appointments the re-planned day books beyond the base plan's. */
  scheduled_gain: number;
}

/** Extension: how many to register so that, after the expected no-shows and with the expected walk-ins, the day is full. */
export interface RegistrationJson {
  registered: number;
  scheduled: number;
  /** Applicants the planner fits in the day (its appointments when some were left out for lack of capacity). */
  day_capacity: number;
  /** True when even twice the registered applicants did not fill the day: the capacity is at least this. */
  day_capacity_is_lower_bound: boolean;
  recommended: number;
  expected_no_shows: number;
  /** Walk-ins expected to stay (those the roster can serve, early enough to finish). */
  expected_walk_ins: number;
  expected_arrivals: number;
  /** Walk-ins the simulated day serves (alongside its appointments): the room they take. */
  expected_walk_ins_served: number;
  /**
   * True when the walk-ins the day serves fill the room its appointments leave: registering more
   * than the plan's appointments would take places from walk-ins rather than serve more people.
   */
  walk_ins_fill_day: boolean;
}

/** The estimate JSON (the README's Formats), with extension fields. */
export interface EstimateJson {
  runs: number;
  seed: number;
  capacity_bound: number;
  served: { mean: number; p10: number; p50: number; p90: number };
  stations: StationEstimateJson[];
  bottleneck: Station;
  finish_by_close_probability: number;
  what_if: WhatIfJson[];
  /** Extension: the station whose own capacity limit is smallest. */
  capacity_binding_station: Station;
  /** Extension: the limit that sets capacity_bound. */
  capacity_binding: CapacityLimit;
  /** Extension: every limit of the capacity bound, in applicants. */
  capacity_limits: Record<CapacityLimit, number>;
  /** Extension: means per simulated day. */
  arrivals: { appointments: number; no_shows: number; walk_ins: number; turned_away: number; served_walk_ins: number };
  interpreter_utilization: number;
  registration: RegistrationJson;
  /** Extension: the mean number waiting in each station's queue, interval by interval from opening. */
  queue_through_day: { minutes_per_interval: number; stations: Record<Station, number[]> };
  /**
   * Extension: for several finish targets (0 packs the day), the slack a plan keeps before
   * closing to reach it, and what that day schedules, serves and finishes (quick plans).
   */
  finish_tradeoff?: (FinishMeasure & { target: number })[];
  /** Extension: with `what_if`, the gain from one more desk or another floor layout, most first. */
  what_if_layout?: LayoutGainJson[];
  /** Extension: people finished after closing, in the volunteers' overtime (mean per day). */
  finished_in_overtime: { mean: number };
  /** Extension: people let in and not finished by the end of the overtime, referred to a follow-up (mean per day). */
  referred: { mean: number };
  /** Extension: volunteers who work after closing, most minutes first (mean minutes per day). */
  volunteer_overtime: { volunteer: string; mean_minutes: number }[];
  /** Extension: the local time after which no walk-in is admitted, and whether Taller suggested it. */
  walk_ins_until: { time: string; suggested: boolean };
}

/** Rounds to some decimals, never giving -0. */
export function round(x: number, places: number): number {
  const f = 10 ** places;
  return Math.round(x * f) / f + 0;
}

/** The value below which a share p of sorted values lie (nearest rank). */
function quantile(sorted: Int32Array, p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** Expected applicants per model class today: registered ones who come, and walk-ins by their mix. */
function demandOf(day: Day): Float64Array {
  const demand = new Float64Array(day.model.classes.length);
  const come = 1 - day.bundle.event.simulation.noShowRate;
  for (let i = 0; i < day.registered; i++) demand[day.model.apps[i]!.classId]! += come;
  const walkIns = day.walkInRate * day.close;
  let before = 0;
  day.walkInClass.forEach((k, c) => {
    demand[k]! += walkIns * (day.walkInCumulative[c]! - before);
    before = day.walkInCumulative[c]!;
  });
  return demand;
}

/** Mean queue length per station per interval, over the runs. */
function queueThroughDay(day: Day, runs: number): EstimateJson['queue_through_day'] {
  const n = day.network;
  const bins = n.queueArea.length / STATIONS.length;
  const stations = Object.fromEntries(STATIONS.map((station, s) => [station, Array.from({ length: bins }, (_, b) => {
    const width = Math.min(n.queueBinMinutes, day.close - b * n.queueBinMinutes);
    return round(n.queueArea[s * bins + b]! / (width * runs), 2);
  })])) as Record<Station, number[]>;
  return { minutes_per_interval: n.queueBinMinutes, stations };
}

function stationsOf(day: Day, runs: number): { stations: StationEstimateJson[]; bottleneck: Station } {
  const n = day.network;
  const stations = STATIONS.map((station, s): StationEstimateJson => {
    const busy = n.busyMinutes[s]!;
    const desk = s === 0 || s === 4;
    const capacity = desk ? n.deskCapacity[s === 0 ? 0 : 1]! * day.close * runs : busy + n.idleFor[s]!;
    return {
      station,
      utilization: round(capacity > 0 ? Math.min(1, busy / capacity) : 0, 3),
      mean_wait_minutes: round(n.waitCount[s]! > 0 ? n.waitSum[s]! / n.waitCount[s]! : 0, 1),
      p90_wait_minutes: round(n.waitQuantile(s, 0.9), 1),
      waiting_at_close: round(n.queueAtClose[s]! / runs, 2),
    };
  });
  // Where the day jams: where the most are still waiting at closing; then where applicants
  // spend the most minutes waiting; then the busiest station.
  const measures = [(s: number) => n.queueAtClose[s]!, (s: number) => n.waitSum[s]! + n.openWait[s]!, (s: number) => stations[s]!.utilization];
  let bottleneck = 0;
  for (const measure of measures) {
    let most = 0;
    STATIONS.forEach((_, s) => {
      if (measure(s) > most + 1e-9) {
        most = measure(s);
        bottleneck = s;
      }
    });
    if (most > 0) break;
  }
  return { stations, bottleneck: STATIONS[bottleneck]! };
}

/**
 * How many to register: enough that the appointments expected to come, with the walk-ins the
 * day actually serves alongside them (not all who come: a flood of walk-ins is served only as
 * far as the day has room), fill the day's capacity; and never fewer than the plan's own
 * appointments, for which the planner found room: walk-ins are served in the room they leave.
 */
export function registrationOf(bundle: Bundle, base: PlanJson, simulated: DayRuns, seed: number): RegistrationJson {
  const p = bundle.event.simulation.noShowRate;
  // Walk-ins who stay: those the day can serve and who come early enough to finish.
  const walkIns = (simulated.walkIns - simulated.turnedAwayWalkIns) / simulated.runs;
  const servedWalkIns = simulated.servedWalkIns / simulated.runs;
  const full = (plan: PlanJson) => plan.unscheduled.some((u) => u.reason === 'no_capacity');
  let capacity = base.scheduled.length;
  let lower = !full(base);
  if (lower && bundle.applicants.length > 0) {
    // The planner left nobody out for lack of room: try twice the applicants to find the day's room.
    const copies = bundle.applicants.map((a) => ({ ...a, id: `${a.id}~2`, household: undefined }));
    const doubled = makePlan({ ...bundle, applicants: [...bundle.applicants, ...copies] }, { quick: true, seed });
    capacity = doubled.scheduled.length;
    lower = !full(doubled);
  }
  const recommended = p < 1 ? Math.max(base.scheduled.length, Math.floor((capacity - servedWalkIns) / (1 - p) + 1e-9)) : 0;
  return {
    registered: bundle.applicants.length,
    scheduled: base.scheduled.length,
    day_capacity: capacity,
    day_capacity_is_lower_bound: lower,
    recommended,
    expected_no_shows: round(recommended * p, 1),
    expected_walk_ins: round(walkIns, 1),
    expected_arrivals: round(recommended * (1 - p) + walkIns, 1),
    expected_walk_ins_served: round(servedWalkIns, 1),
    walk_ins_fill_day: base.scheduled.length * (1 - p) + servedWalkIns >= capacity - 1e-9,
  };
}

/** Volunteers who work after closing, by mean minutes, most first (ties in roster order). */
function volunteerOvertime(day: Day, runs: number): EstimateJson['volunteer_overtime'] {
  const minutes = day.network.overtimeMinutes;
  return day.model.vols
    .map((vol, v) => ({ volunteer: vol.volunteer.id, mean_minutes: round(minutes[v]! / runs, 1) }))
    .filter((o) => o.mean_minutes > 0)
    .sort((a, b) => b.mean_minutes - a.mean_minutes);
}

/** The walk-in cut-off as the site's wall clock. */
function walkInsUntilOf(day: Day): EstimateJson['walk_ins_until'] {
  const time = openingInstant(day.bundle.event).plus({ minutes: day.walkInsUntil }).toFormat('HH:mm');
  return { time, suggested: day.walkInsUntilSuggested };
}

const count = (x: number) => x.toLocaleString('en-US');

/**
 * Why a bundle is too large to simulate, in a sentence naming the limit; or nothing. The
 * simulator keeps a table of every kind of applicant (as the planner groups them: languages,
 * case type, complexity and flags, the walk-in mix included) by every volunteer, and one more
 * volunteer for the what-if.
 */
export function tooLargeToSimulate(bundle: Bundle): string | undefined {
  const kinds = new Set(bundle.applicants.map(classKey));
  for (const mix of bundle.event.simulation.walkInMix) kinds.add(classKey({ ...mix, flags: [] }));
  const volunteers = bundle.volunteers.length;
  if (kinds.size * (volunteers + 1) <= MAX_PAIRS) return undefined;
  return `This event is too large to simulate: its ${count(kinds.size)} kinds of applicant (by languages, case type, complexity and flags) `
    + `times its ${count(volunteers)} volunteers are over the simulator's limit of ${count(MAX_PAIRS)} pairs.`;
}

/** A bundle's base day: its plan, compiled model and simulated runs. */
export function baseline(bundle: Bundle, options: EstimateOptions = {}): Baseline {
  const tooLarge = tooLargeToSimulate(bundle);
  if (tooLarge) throw new RangeError(tooLarge);
  const runs = options.runs ?? 1000;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a whole number ≥ 1, not ${runs}`);
  const seed = options.seed ?? bundle.event.planning.seed;
  const plan = options.plan ?? planToFinish(bundle, { quick: true, seed });
  const day = compileDay(bundle, dayModel(bundle));
  const simulated: DayRuns = simulateDay(day, appointments(day, plan), runs, seed);
  return { bundle, plan, day, runs: simulated, seed };
}

/** The expected gain in served applicants from adding one volunteer of a kind for the day. */
export function servedGain(bundle: Bundle, add: Addition, options: EstimateOptions = {}): WhatIfJson {
  const g = gainOf(baseline(bundle, options), add);
  return { add: g.add, served_gain: round(g.gain, 2), served_gain_ci95: round(g.ci95, 2), scheduled_gain: g.scheduledGain };
}

/** The throughput estimate of a bundle: the estimate JSON. */
export function estimate(bundle: Bundle, options: EstimateOptions = {}): EstimateJson {
  const base = baseline(bundle, options);
  const { day, runs: simulated } = base;
  const runs = simulated.runs;
  const capacity = capacityBound(day.model, demandOf(day), bundle.event.desks, day.close);
  const { stations, bottleneck } = stationsOf(day, runs);
  const queues = queueThroughDay(day, runs);
  const sorted = Int32Array.from(simulated.served).sort();
  const mean = simulated.served.reduce((a, b) => a + b, 0) / runs;
  const n = day.network;
  let whatIf: WhatIfJson[] = [];
  if (options.whatIf) {
    const kinds = candidates(base, shortfall(base, capacity), options.whatIfLimit ?? 10);
    whatIf = kinds
      .map((add, order) => ({ g: gainOf(base, add), order }))
      .sort((a, b) => b.g.gain - a.g.gain || a.order - b.order)
      .map(({ g }) => ({ add: g.add, served_gain: round(g.gain, 2), served_gain_ci95: round(g.ci95, 2), scheduled_gain: g.scheduledGain }));
  }
  const limits = Object.fromEntries(Object.entries(capacity.limits).map(([k, v]) => [k, round(v, 1)])) as Record<CapacityLimit, number>;
  return {
    runs,
    seed: base.seed,
    capacity_bound: round(capacity.bound, 1),
    served: { mean: round(mean, 1), p10: quantile(sorted, 0.1), p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) },
    stations,
    bottleneck,
    finish_by_close_probability: round(simulated.allFinished / runs, 3),
    what_if: whatIf,
    capacity_binding_station: capacity.bindingStation,
    capacity_binding: capacity.binding,
    capacity_limits: limits,
    arrivals: {
      appointments: base.plan.scheduled.length,
      no_shows: round(simulated.noShows / runs, 2),
      walk_ins: round(simulated.walkIns / runs, 2),
      turned_away: round(simulated.turnedAway / runs, 2),
      served_walk_ins: round(simulated.servedWalkIns / runs, 2),
    },
    interpreter_utilization: round(n.interpreterAvailable > 0 ? Math.min(1, n.interpreterBusy / n.interpreterAvailable) : 0, 3),
    registration: registrationOf(bundle, base.plan, simulated, base.seed),
    ...(options.whatIf ? { what_if_layout: layoutGains(base) } : {}),
    ...(options.tradeoff ? { finish_tradeoff: finishTradeoff(bundle, base.seed, Math.min(runs, FINISH_RUNS)) } : {}),
    queue_through_day: queues,
    finished_in_overtime: { mean: round(simulated.finishedInOvertime / runs, 2) },
    referred: { mean: round(simulated.referred / runs, 2) },
    volunteer_overtime: volunteerOvertime(day, runs),
    walk_ins_until: walkInsUntilOf(day),
  };
}
