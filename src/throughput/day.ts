/**
 * A clinic day in the simulator's terms: the planner's model (who may serve whom, where, and
 * how long a visit takes: the same rule functions the planner uses) compiled into a Network,
 * appointments read from a plan, walk-ins drawn as a Poisson stream, and many seeded runs.
 */
import { DateTime } from 'luxon';
import { openingInstant, VISIT_STATIONS } from '../domain/index.js';
import type { Applicant, Bundle, Volunteer } from '../domain/index.js';
import { buildModel } from '../planner/model.js';
import type { Model } from '../planner/model.js';
import type { PlanJson } from '../planner/types.js';
import { exponential, Stream, streamKey } from './random.js';
import { Network } from './sim.js';
import type { Arrivals, ClassSpec, ServerSpec, VisitSpec } from './sim.js';

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
  /** Walk-ins per minute. */
  walkInRate: number;
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
  });
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
  return {
    bundle, model, network, registered, close: event.dayMinutes,
    walkInRate: total > 0 ? sim.walkInsPerHour / 60 : 0,
    walkInClass, walkInCumulative,
  };
}

/** Appointments of a plan: each scheduled applicant of the bundle at its arrival, in minutes since opening. */
export interface Appointments {
  time: Float64Array;
  klass: Int32Array;
  entity: Int32Array;
}

export function appointments(day: Day, plan: PlanJson): Appointments {
  const opening = openingInstant(day.bundle.event);
  const index = new Map(day.bundle.applicants.map((a, i) => [a.id, i]));
  const minutes = new Map<string, number>();
  const rows: { time: number; app: number }[] = [];
  for (const stay of plan.scheduled) {
    const app = index.get(stay.applicant);
    if (app === undefined) continue;
    let time = minutes.get(stay.arrival);
    if (time === undefined) {
      time = DateTime.fromISO(stay.arrival, { setZone: true }).diff(opening, 'minutes').minutes;
      minutes.set(stay.arrival, time);
    }
    rows.push({ time, app });
  }
  rows.sort((a, b) => a.time - b.time || a.app - b.app);
  return {
    time: Float64Array.from(rows, (r) => r.time),
    klass: Int32Array.from(rows, (r) => day.model.apps[r.app]!.classId),
    entity: Int32Array.from(rows, (r) => r.app),
  };
}

/** The results of many runs of one day, per run and in total (the network holds the station totals). */
export interface DayRuns {
  runs: number;
  /** Applicants served (final check ended by closing), per run. */
  served: Int32Array;
  /** Runs in which every appointment who came was served. */
  allFinished: number;
  appointmentsArrived: number;
  noShows: number;
  walkIns: number;
  /** Walk-ins turned away at the door: nobody could serve them, or they came too late to finish. */
  turnedAwayWalkIns: number;
  servedWalkIns: number;
  turnedAway: number;
  /** The latest walk-in arrival of any run, in minutes since opening (-1: none came). */
  latestWalkIn: number;
}

/**
 * Runs the day `runs` times. Run r is seeded by (seed, r) alone, and each person by their
 * entity within it, so two configurations of the same bundle see the same no-shows, walk-ins
 * and service-time draws (common random numbers).
 */
export function simulateDay(day: Day, booked: Appointments, runs: number, seed: number): DayRuns {
  const { network } = day;
  network.resetTotals();
  const bookedCount = booked.time.length;
  let capacity = bookedCount + 64;
  let arrivals: Arrivals = {
    count: 0, time: new Float64Array(capacity), klass: new Int32Array(capacity), entity: new Int32Array(capacity), walkIn: new Uint8Array(capacity),
  };
  const walkTime: number[] = [];
  const walkClass: number[] = [];
  const result: DayRuns = {
    runs, served: new Int32Array(runs), allFinished: 0, appointmentsArrived: 0, noShows: 0, walkIns: 0, turnedAwayWalkIns: 0, servedWalkIns: 0, turnedAway: 0, latestWalkIn: -1,
  };
  const stream = new Stream(0);
  const gap = day.walkInRate > 0 ? 1 / day.walkInRate : Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const key = streamKey(seed, r);
    walkTime.length = 0;
    walkClass.length = 0;
    stream.state = streamKey(key, WALK_IN_STREAM);
    for (let t = exponential(gap, stream.next()); t < day.close; t += exponential(gap, stream.next())) {
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
      arrivals = { count, time: new Float64Array(capacity), klass: new Int32Array(capacity), entity: new Int32Array(capacity), walkIn: new Uint8Array(capacity) };
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
        a++;
      } else {
        arrivals.time[x] = walkTime[w]!;
        arrivals.klass[x] = walkClass[w]!;
        arrivals.entity[x] = day.registered + w;
        arrivals.walkIn[x] = 1;
        w++;
      }
    }
    network.run(arrivals, key);
    result.served[r] = network.lastServed;
    if (network.lastServedAppointments === network.lastArrivedAppointments) result.allFinished++;
    result.appointmentsArrived += network.lastArrivedAppointments;
    result.noShows += network.lastNoShows;
    result.walkIns += network.lastWalkIns;
    result.servedWalkIns += network.lastServed - network.lastServedAppointments;
    result.turnedAway += network.lastTurnedAway;
    result.turnedAwayWalkIns += network.lastTurnedAwayWalkIns;
  }
  return result;
}
