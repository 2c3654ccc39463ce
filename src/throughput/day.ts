/**
 * A clinic day in the simulator's terms: the planner's model (who may serve whom, where, and
 * how long a visit takes: the same rule functions the planner uses) compiled into a Network,
 * appointments read from a plan with their planned day (the simulator replays it), walk-ins
 * drawn as a Poisson stream following the event's profile until the walk-in cut-off, and many
 * seeded runs.
 */
import { DateTime } from 'luxon';
import { elapsedFromClock, openingInstant, parseClock, STATIONS, VISIT_STATIONS } from '../domain/index.js';
import type { Applicant, Bundle, Volunteer } from '../domain/index.js';
import { buildModel } from '../planner/model.js';
import type { Model } from '../planner/model.js';
import type { PlanJson } from '../planner/types.js';
import { exponential, Stream, streamKey } from './random.js';
import { Network } from './sim.js';
import type { Arrivals, ClassSpec, NetworkPlan, ServerSpec, VisitSpec } from './sim.js';

/** The id prefix of the stand-in applicants that give the walk-in mix its classes. */
export const WALK_IN_PREFIX = '~walk-in-';
/** A stream key no person uses: the one that draws a run's walk-ins. */
const WALK_IN_STREAM = 0x7fffffff;

/** Queue lengths through the day are kept in intervals of this many minutes. */
export const QUEUE_BIN_MINUTES = 15;

export interface Day {
  bundle: Bundle;
  model: Model;
  network: Network;
  /** The bundle's own applicants (the model's first apps); stand-ins for the walk-in mix come after. */
  registered: number;
  /** Minutes from opening to closing. */
  close: number;
  /** Walk-ins per minute, on average over the intake period (opening to the cut-off). */
  walkInRate: number;
  /** Minutes after opening from which no walk-in is admitted. */
  walkInsUntil: number;
  /** Whether that cut-off is Taller's suggestion (the event gave none). */
  walkInsUntilSuggested: boolean;
  /**
   * The walk-in profile as expected walk-ins by time: `morning` declines linearly to zero at the
   * cut-off; otherwise piecewise even between knots (minutes, and walk-ins expected by then).
   */
  walkInMorning: boolean;
  walkInKnotTime: Float64Array;
  walkInKnotCount: Float64Array;
  /** The classes walk-ins come in and their cumulative shares (last is 1). */
  walkInClass: Int32Array;
  walkInCumulative: Float64Array;
}

/**
 * The planner's model of a bundle with one stand-in applicant per walk-in mix entry (so walk-ins
 * have classes) and any volunteers added for a what-if.
 */
export function dayModel(bundle: Bundle, extra: readonly Volunteer[] = []): Model {
  const { event } = bundle;
  const standIns: Applicant[] = event.simulation.walkInMix.map((mix, i) => ({
    id: `${WALK_IN_PREFIX}${i}`,
    name: 'walk-in',
    languages: mix.languages,
    caseType: mix.caseType,
    complexity: mix.complexity,
    flags: [],
    available: [{ start: 0, end: event.dayMinutes }],
    priority: 1,
  }));
  return buildModel({ event, volunteers: [...bundle.volunteers, ...extra], applicants: [...bundle.applicants, ...standIns] });
}

/** A volunteer's windows in minutes: runs of slots with the same window id. */
function windowsOf(window: Int32Array, slotMinutes: number): { start: number; end: number }[] {
  const windows: { start: number; end: number }[] = [];
  let s = 0;
  while (s < window.length) {
    const id = window[s]!;
    if (id < 0) {
      s++;
      continue;
    }
    let e = s;
    while (e < window.length && window[e] === id) e++;
    windows.push({ start: s * slotMinutes, end: e * slotMinutes });
    s = e;
  }
  return windows;
}

/** Compiles a model into a simulator network; `bundle` is the bundle the model was built from, without stand-ins. */
export function compileDay(bundle: Bundle, model: Model): Day {
  const { event } = bundle;
  const slot = model.slotMinutes;
  const servers: ServerSpec[] = model.vols.map((vol) => ({
    windows: windowsOf(vol.window, slot),
    maxApplicants: Number.isFinite(vol.maxApplicants) ? vol.maxApplicants : undefined,
  }));
  const classes: ClassSpec[] = model.classes.map((klass) => ({
    checkIn: klass.checkIn * slot,
    finalCheck: klass.finalCheck * slot,
    visits: VISIT_STATIONS.map((station): VisitSpec | null => {
      const need = klass.stations.find((n) => n.station === station);
      return need ? { direct: need.direct * slot, interpreted: need.interpreted * slot, speakers: need.speakers, bridged: need.bridged } : null;
    }),
  }));
  const sim = event.simulation;
  const network = new Network({
    close: event.dayMinutes,
    desks: [event.desks.check_in, event.desks.final_check],
    servers,
    classes,
    service: { model: sim.serviceTime, cv: sim.serviceTimeCv },
    noShowRate: sim.noShowRate,
    queueBinMinutes: QUEUE_BIN_MINUTES,
    overtime: sim.overtimeMinutes ?? 0,
  });
  network.setPlan(null);
  const registered = bundle.applicants.length;
  const shares = new Map<number, number>();
  if (sim.walkInMix.length > 0) {
    sim.walkInMix.forEach((mix, i) => shares.set(model.apps[registered + i]!.classId, (shares.get(model.apps[registered + i]!.classId) ?? 0) + mix.share));
  } else {
    for (let i = 0; i < registered; i++) shares.set(model.apps[i]!.classId, (shares.get(model.apps[i]!.classId) ?? 0) + 1);
  }
  const total = [...shares.values()].reduce((a, b) => a + b, 0);
  const walkInClass = Int32Array.from(shares.keys());
  let running = 0;
  const walkInCumulative = Float64Array.from(shares.values(), (share) => (running += share) / total);
  const walkInRate = total > 0 ? sim.walkInsPerHour / 60 : 0;
  const suggested = sim.walkInsUntil === undefined;
  const until = suggested ? suggestedWalkInsUntil(bundle, model, network) : untilMinutes(bundle, sim.walkInsUntil!);
  const profile = sim.walkInProfile ?? 'even';
  const expected = walkInRate * until;
  const knotTime: number[] = [0];
  const knotCount: number[] = [0];
  if (Array.isArray(profile)) {
    // Per-hour shares over the hours of intake, normalised; each hour's walk-ins come evenly within it.
    const hours = profile.slice(0, Math.ceil(until / 60));
    const sum = hours.reduce((a, b) => a + b, 0);
    hours.forEach((share, h) => {
      knotTime.push(Math.min(until, (h + 1) * 60));
      knotCount.push(knotCount[h]! + (sum > 0 ? (expected * share) / sum : 0));
    });
  } else {
    knotTime.push(until);
    knotCount.push(expected);
  }
  return {
    bundle, model, network, registered, close: event.dayMinutes,
    walkInRate, walkInsUntil: until, walkInsUntilSuggested: suggested,
    walkInMorning: profile === 'morning',
    walkInKnotTime: Float64Array.from(knotTime), walkInKnotCount: Float64Array.from(knotCount),
    walkInClass, walkInCumulative,
  };
}

/** A local `HH:MM` of the event's day in minutes since opening, within the day. */
function untilMinutes(bundle: Bundle, clock: string): number {
  const event = bundle.event;
  return Math.min(event.dayMinutes, Math.max(0, elapsedFromClock(event, parseClock(clock)!)));
}

/**
 * The latest time a straightforward walk-in can still finish by closing: closing minus the
 * median shortest stay of the straightforward walk-in mix (or of the registered applicants,
 * when the event gives no mix; of all of them when none is straightforward), rounded down to
 * the slot grid.
 */
export function suggestedWalkInsUntil(bundle: Bundle, model: Model, network: Network): number {
  const { event } = bundle;
  const registered = bundle.applicants.length;
  const apps = event.simulation.walkInMix.length > 0 ? model.apps.slice(registered) : model.apps.slice(0, registered);
  const simple = apps.filter((a) => a.applicant.complexity === 'straightforward');
  const stays = (simple.length > 0 ? simple : apps).map((a) => network.minimumStay[a.classId * 6]!).sort((a, b) => a - b);
  if (stays.length === 0) return event.dayMinutes;
  const median = stays[(stays.length - 1) >> 1]!;
  return Math.max(0, Math.floor((event.dayMinutes - median) / event.slotMinutes) * event.slotMinutes);
}

/** The minutes since opening by which `count` walk-ins are expected (the profile's inverse); Infinity past the last. */
export function walkInTime(day: Day, count: number): number {
  const times = day.walkInKnotTime;
  const counts = day.walkInKnotCount;
  const last = counts.length - 1;
  if (!(count < counts[last]!)) return Number.POSITIVE_INFINITY;
  if (day.walkInMorning) {
    // Rate 2λ(1 − t/c): expected by t is λ(2t − t²/c), of total λc.
    return day.walkInsUntil * (1 - Math.sqrt(1 - count / counts[last]!));
  }
  let k = 1;
  while (counts[k]! <= count) k++;
  return times[k - 1]! + ((count - counts[k - 1]!) / (counts[k]! - counts[k - 1]!)) * (times[k]! - times[k - 1]!);
}

/**
 * Appointments of a plan: each scheduled applicant of the bundle at its arrival, in minutes
 * since opening, with their planned day (appointment a is entry a of `plan`).
 */
export interface Appointments {
  time: Float64Array;
  klass: Int32Array;
  entity: Int32Array;
  plan: NetworkPlan;
}

export function appointments(day: Day, plan: PlanJson): Appointments {
  const opening = openingInstant(day.bundle.event);
  const index = new Map(day.bundle.applicants.map((a, i) => [a.id, i]));
  const vols = new Map(day.model.vols.map((v, i) => [v.volunteer.id, i]));
  const minutes = new Map<string, number>();
  const at = (iso: string): number => {
    let time = minutes.get(iso);
    if (time === undefined) {
      time = DateTime.fromISO(iso, { setZone: true }).diff(opening, 'minutes').minutes;
      minutes.set(iso, time);
    }
    return time;
  };
  const rows: { time: number; app: number; stay: PlanJson['scheduled'][number] }[] = [];
  for (const stay of plan.scheduled) {
    const app = index.get(stay.applicant);
    if (app !== undefined) rows.push({ time: at(stay.arrival), app, stay });
  }
  rows.sort((a, b) => a.time - b.time || a.app - b.app);
  const n = rows.length;
  const steps: NetworkPlan = {
    count: n,
    start: new Float64Array(n * STATIONS.length).fill(Number.NaN),
    server: new Int32Array(n * STATIONS.length).fill(-1),
    interpreter: new Int32Array(n * STATIONS.length).fill(-1),
  };
  const desks: { op: number; start: number; end: number }[][] = [[], []];
  rows.forEach(({ stay }, a) => {
    const base = a * STATIONS.length;
    for (const visit of stay.visits) {
      const op = base + STATIONS.indexOf(visit.station);
      steps.start[op] = at(visit.start);
      steps.server[op] = vols.get(visit.volunteer) ?? -1;
      steps.interpreter[op] = visit.interpreter === null ? -1 : vols.get(visit.interpreter) ?? -1;
    }
    if (stay.check_in) desks[0]!.push({ op: base, start: at(stay.check_in.start), end: at(stay.check_in.end) });
    if (stay.final_check) desks[1]!.push({ op: base + STATIONS.length - 1, start: at(stay.final_check.start), end: at(stay.final_check.end) });
  });
  // Each desk use gets a lane, greedily in order of start: the lowest lane free by then.
  for (const uses of desks) {
    const laneEnd: number[] = [];
    for (const use of uses.sort((a, b) => a.start - b.start || a.op - b.op)) {
      let lane = laneEnd.findIndex((end) => end <= use.start);
      if (lane < 0) lane = laneEnd.push(use.end) - 1;
      laneEnd[lane] = use.end;
      steps.start[use.op] = use.start;
      steps.server[use.op] = lane;
    }
  }
  return {
    time: Float64Array.from(rows, (r) => r.time),
    klass: Int32Array.from(rows, (r) => day.model.apps[r.app]!.classId),
    entity: Int32Array.from(rows, (r) => r.app),
    plan: steps,
  };
}

/** The results of many runs of one day, per run and in total (the network holds the station totals). */
export interface DayRuns {
  runs: number;
  /** Applicants served (final check ended by closing), per run. */
  served: Int32Array;
  /** Runs in which every appointment who came was served. */
  allFinished: number;
  /** Runs in which every appointment who came was finished by closing or in the overtime the event allows. */
  allFinishedWithOvertime: number;
  appointmentsArrived: number;
  noShows: number;
  walkIns: number;
  /** Walk-ins turned away at the door: nobody could serve them, or they came too late to finish. */
  turnedAwayWalkIns: number;
  servedWalkIns: number;
  turnedAway: number;
  /** The latest walk-in arrival of any run, in minutes since opening (-1: none came). */
  latestWalkIn: number;
  /** People who finished after closing, in the overtime, and people let in but not finished by its end, over all runs. */
  finishedInOvertime: number;
  referred: number;
}

/**
 * Runs the day `runs` times. Run r is seeded by (seed, r) alone, and each person by their
 * entity within it, so two configurations of the same bundle see the same no-shows, walk-ins
 * and service-time draws (common random numbers). `stop`, asked after each run with the runs
 * finished on time (overtime included) and the runs done, ends the day's runs early when it says
 * so (`runs` then counts those done): a question its first runs already answer.
 */
export function simulateDay(day: Day, booked: Appointments, runs: number, seed: number, stop?: (finished: number, done: number) => boolean): DayRuns {
  const { network } = day;
  network.resetTotals();
  const bookedCount = booked.time.length;
  let capacity = bookedCount + 64;
  const make = (size: number): Arrivals => ({
    count: 0, time: new Float64Array(size), klass: new Int32Array(size), entity: new Int32Array(size), walkIn: new Uint8Array(size), planned: new Int32Array(size),
  });
  let arrivals = make(capacity);
  network.setPlan(booked.plan);
  const walkTime: number[] = [];
  const walkClass: number[] = [];
  const result: DayRuns = {
    runs, served: new Int32Array(runs), allFinished: 0, allFinishedWithOvertime: 0, appointmentsArrived: 0, noShows: 0, walkIns: 0, turnedAwayWalkIns: 0, servedWalkIns: 0, turnedAway: 0, latestWalkIn: -1,
    finishedInOvertime: 0, referred: 0,
  };
  const stream = new Stream(0);
  for (let r = 0; r < runs; r++) {
    const key = streamKey(seed, r);
    walkTime.length = 0;
    walkClass.length = 0;
    stream.state = streamKey(key, WALK_IN_STREAM);
    // Walk-in j comes when the profile expects j walk-ins of a unit-rate Poisson stream: the same
    // draws (and classes) in every configuration, only their clock follows the profile.
    for (let count = exponential(1, stream.next()), t = walkInTime(day, count); t < day.close; count += exponential(1, stream.next()), t = walkInTime(day, count)) {
      const u = stream.next();
      let c = 0;
      while (c < day.walkInCumulative.length - 1 && day.walkInCumulative[c]! <= u) c++;
      walkTime.push(t);
      walkClass.push(day.walkInClass[c]!);
    }
    if (walkTime.length > 0) result.latestWalkIn = Math.max(result.latestWalkIn, walkTime[walkTime.length - 1]!);
    const count = bookedCount + walkTime.length;
    if (count > capacity) {
      capacity = count * 2;
      arrivals = make(capacity);
    }
    arrivals.count = count;
    // Merge appointments and walk-ins by time; an appointment goes first at the same minute.
    let a = 0;
    let w = 0;
    for (let x = 0; x < count; x++) {
      if (w >= walkTime.length || (a < bookedCount && booked.time[a]! <= walkTime[w]!)) {
        arrivals.time[x] = booked.time[a]!;
        arrivals.klass[x] = booked.klass[a]!;
        arrivals.entity[x] = booked.entity[a]!;
        arrivals.walkIn[x] = 0;
        arrivals.planned![x] = a;
        a++;
      } else {
        arrivals.time[x] = walkTime[w]!;
        arrivals.klass[x] = walkClass[w]!;
        arrivals.entity[x] = day.registered + w;
        arrivals.walkIn[x] = 1;
        arrivals.planned![x] = -1;
        w++;
      }
    }
    network.run(arrivals, key);
    result.served[r] = network.lastServed;
    if (network.lastServedAppointments === network.lastArrivedAppointments) result.allFinished++;
    if (network.lastServedAppointments + network.lastOvertimeAppointments === network.lastArrivedAppointments) result.allFinishedWithOvertime++;
    result.appointmentsArrived += network.lastArrivedAppointments;
    result.noShows += network.lastNoShows;
    result.walkIns += network.lastWalkIns;
    result.servedWalkIns += network.lastServed - network.lastServedAppointments;
    result.turnedAway += network.lastTurnedAway;
    result.turnedAwayWalkIns += network.lastTurnedAwayWalkIns;
    result.finishedInOvertime += network.lastFinishedInOvertime;
    result.referred += network.lastReferred;
    if (stop?.(result.allFinishedWithOvertime, r + 1)) {
      result.runs = r + 1;
      break;
    }
  }
  return result;
}
