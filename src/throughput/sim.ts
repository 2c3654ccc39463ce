/**
 * The core discrete-event simulator: people arrive, pass stations in order and leave. It knows
 * nothing of bundles or plan JSON; `day.ts` compiles a clinic day into its terms, and the M/M/c
 * tests give it one station and a million customers.
 *
 * Stations are those of a clinic day: 0 check-in and 4 final check are desks of some lanes (any
 * free lane takes the next in line); 1 screening, 2 preparation and 3 review are staffed: each
 * class of person lists who may serve it there, directly (a shared language) or through an
 * interpreter. A station with a mean of 0 minutes is skipped.
 *
 * With a plan (`setPlan`), servers and desk lanes replay it (see there). Without one, each
 * station serves its queue first come, first served, appointments before walk-ins (a
 * walk-in is served when no appointment waits for that server), with the next free eligible
 * server in the class's order of preference. A server who comes free looks at the latest
 * station first (review, then preparation, then screening), so that people near the end of
 * their day finish it; the person it just served stands at their next station then, so a
 * reviewer freed from a screening reviews before screening anyone else. A server starts a
 * service only inside one of its windows, when the service's mean length fits before that
 * window ends, and only for a person it has already served or while it has served fewer than
 * its maximum of distinct people.
 *
 * People whom no one can serve at some station of their day, or whose shortest day (mean
 * times, no waiting) cannot end by closing, are turned away at the door. Arrivals at or after
 * closing are not admitted, events after closing are not run: whoever is unfinished at closing
 * is not served, unless an overtime lets servers finish them after closing. With `close:
 * Infinity` the run goes on until everyone is done. Per-run state
 * lives in typed arrays reused from run to run.
 */
import type { ServiceTimeModel } from '../domain/index.js';
import { EventQueue } from './heap.js';
import { lognormalSigma, serviceFactor, Stream, streamKey } from './random.js';
import type { ServiceSpread } from './random.js';

export const CHECK_IN = 0;
export const SCREENING = 1;
export const PREPARATION = 2;
export const REVIEW = 3;
export const FINAL_CHECK = 4;
/** Stations 0–4, and 5 for done. */
export const STATION_COUNT = 5;
const DONE = 5;

/** Who may serve one class of person at one staffed station, and for how long on average. */
export interface VisitSpec {
  /** Mean minutes with a server who speaks the person's language. */
  direct: number;
  /** Mean minutes through an interpreter. */
  interpreted: number;
  /** Servers who share a language with the person, in order of preference. */
  speakers: ArrayLike<number>;
  /** Servers who need an interpreter, each with the interpreters who bridge them. */
  bridged: readonly { vol: number; interpreters: ArrayLike<number> }[];
}

export interface ClassSpec {
  /** Mean minutes at the check-in and final-check desks (0: skipped). */
  checkIn: number;
  finalCheck: number;
  /** Screening, preparation and review; null (or a mean of 0) skips the station. */
  visits: readonly (VisitSpec | null)[];
}

export interface ServerSpec {
  /** Windows of availability in minutes, [start, end). */
  windows: readonly { start: number; end: number }[];
  /** The most distinct people this server serves or interprets for (default: no limit). */
  maxApplicants?: number;
}

export interface NetworkSpec {
  /** Closing time in minutes (Infinity: no closing). */
  close: number;
  /** Desks at check-in and at final check. */
  desks: readonly [number, number];
  servers: readonly ServerSpec[];
  classes: readonly ClassSpec[];
  service: ServiceSpread;
  /** The share of appointments (not walk-ins) who do not come. */
  noShowRate: number;
  /** Minutes per interval when queue lengths are kept through the day (0 or absent: not kept). */
  queueBinMinutes?: number;
  /**
   * Minutes servers stay after closing to finish those already inside (default 0): windows that
   * reach closing are extended by it, nobody is admitted after closing, and whoever is not
   * finished by closing plus these minutes is referred.
   */
  overtime?: number;
}

/**
 * A planned day to replay: for each planned person (entry e) and station s, at index e * 5 + s,
 * when its step was planned to start, by whom and with which interpreter. At a desk the server
 * is a desk lane, 0 to desks − 1: a desk is a set of lanes, each with its planned sequence.
 */
export interface NetworkPlan {
  count: number;
  /** Planned start in minutes; NaN where the person has no planned step at that station. */
  start: Float64Array;
  /** The planned server (visit stations) or desk lane (check-in, final check), or -1. */
  server: Int32Array;
  /** The planned interpreter, or -1. */
  interpreter: Int32Array;
}

/** One run's arrivals, sorted by time. */
export interface Arrivals {
  count: number;
  time: Float64Array;
  klass: Int32Array;
  /** Whose random stream: the same entity draws the same no-show and service times in every configuration. */
  entity: Int32Array;
  /** 1 for a walk-in, 0 for an appointment. */
  walkIn: Uint8Array;
  /** Each arrival's entry in the plan set with `setPlan` (-1: none); absent: nobody is planned. */
  planned?: Int32Array;
}

/** Width of a bin of the waiting-time histograms, in minutes, and how many bins (a day and a bit). */
export const WAIT_BIN = 0.1;
const WAIT_BINS = 15000;
const NONE = -1;
const SPEAKER = -2;
const END = 0;
const WAKE = 1;
/** A planned person who still waits when their planned start has passed may be served by another. */
const DUE = 2;
/** The station of those who never came in (no-shows, turned away). */
const GONE = 6;
const EPS = 1e-9;
/** A planned person is overdue just after their planned start, once the services ending then have ended. */
const DUE_DELAY = 1e-6;
/** A person waiting in line at their station (else: being served, or between stations). */
const QUEUED = 1;
const UNLIMITED = 0x7fffffff;
// Local names for the hot imports: a transpiler may turn each use of an import into a property read.
const factorOf = serviceFactor;
const keyOf = streamKey;
/** Walk-ins queue behind every appointment: their key is their joining time plus this. */
const WALK_IN_LATER = 1e7;

/**
 * The most classes × servers a network may have: it keeps, for each pair and visit station,
 * who may serve whom (4 bytes) and who may interpret (1 bit), about 300 MB at this limit. A
 * 50,000-applicant, 4,000-volunteer event has about 6,000,000 pairs.
 */
export const MAX_PAIRS = 25_000_000;

/** Sizes a typed array up to at least n elements, reusing it when it is large enough. */
function ensure<T extends Float64Array | Int32Array | Uint32Array | Uint8Array | Int8Array>(array: T, n: number, make: (n: number) => T): T {
  return array.length >= n ? array : make(Math.max(n, array.length * 2));
}

/**
 * A list of whole numbers kept in a typed array that doubles as it fills. A JavaScript array of
 * a hundred million or so elements aborts the whole process (V8 cannot grow it, and says so
 * fatally); a typed array too large to allocate throws a RangeError that can be caught.
 */
class IntList {
  private data = new Int32Array(64);
  length = 0;

  push(x: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = x;
  }

  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

export class Network {
  readonly close: number;
  /** Closing plus the overtime: no event runs after it. */
  readonly horizon: number;
  readonly serverCount: number;
  readonly classCount: number;
  readonly deskCapacity: Int32Array;
  private readonly model: ServiceTimeModel;
  private readonly sigma: number;
  private readonly noShowRate: number;

  // Servers.
  private readonly winOffset: Int32Array;
  private readonly winStart: Float64Array;
  private readonly winEnd: Float64Array;
  private readonly maxApplicants: Int32Array;
  private readonly distinct: boolean;
  /** Minutes each server is available before closing. */
  readonly available: Float64Array;
  /** Whether a server may staff visit station j (index v * 3 + j - 1). */
  readonly staffs: Uint8Array;
  /** Whether a server interprets for anyone. */
  readonly interprets: Uint8Array;

  // Classes: index k * 5 + s.
  private readonly mean: Float64Array;
  private readonly interpretedMean: Float64Array;
  private readonly speakerOffset: Int32Array;
  private readonly speakers: Int32Array;
  private readonly bridgeOffset: Int32Array;
  private readonly bridgeVol: Int32Array;
  /**
   * Each bridge's interpreters: bridgeInterp[bridgeInterpStart[b] .. bridgeInterpEnd[b]). Bridges
   * given the same list share one copy: a large roster has millions of bridges but few lists.
   */
  private readonly bridgeInterpStart: Int32Array;
  private readonly bridgeInterpEnd: Int32Array;
  private readonly bridgeInterp: Int32Array;
  /** Per class and station, every interpreter of its bridges once (index k * 5 + s, with offsets). */
  private readonly interpreterOffset: Int32Array;
  private readonly interpreters: Int32Array;
  /**
   * For class k, visit j and server v ((k * 3 + j - 1) * servers + v): NONE, a speaker (SPEAKER
   * minus its place in the class's order of preference), or a bridge entry (≥ 0).
   */
  private readonly eligible: Int32Array;
  /** Whether server u interprets for class k at visit j, one bit at index (k * 3 + j - 1) * servers + u. */
  private readonly eligibleInterpreter: Uint32Array;
  /** The first station whose step nobody can serve, or -1: such people are turned away at arrival. */
  readonly blockedAt: Int32Array;
  /** The next station with a step at or after s (index k * 6 + s; 5 when done). */
  private readonly stepFrom: Int32Array;
  /** The shortest stay from station s to the end, at mean times (index k * 6 + s). */
  readonly minimumStay: Float64Array;

  // Per-run state.
  private readonly queue = new EventQueue(256);
  private readonly stream = new Stream(0);
  private appStep = new Int8Array(0);
  private appClass = new Int32Array(0);
  private appJoin = new Float64Array(0);
  /** The order a free server takes people in: the time they joined the queue, walk-ins after every appointment. */
  private appKey = new Float64Array(0);
  private appArrive = new Float64Array(0);
  private appDone = new Float64Array(0);
  private appRng = new Uint32Array(0);
  private appVol = new Int32Array(0);
  private appInterp = new Int32Array(0);
  private appNext = new Int32Array(0);
  private appWalkIn = new Uint8Array(0);
  private appSeen = new Int32Array(0);
  private appPrev = new Int32Array(0);
  private appQueue = new Int32Array(0);
  private appLane = new Int32Array(0);
  /** QUEUED, or 0. */
  private appWait = new Uint8Array(0);
  /** Each arrival's plan entry (-1: none). */
  private appPlan = new Int32Array(0);

  // The plan replayed: resources are the servers, then the check-in lanes, then the final-check lanes.
  private hasPlan = false;
  private readonly laneBase: Int32Array;
  private planStart = new Float64Array(0);
  /** Per plan step (e * 5 + s): its resource, or -1 when it is not planned. */
  private planRes = new Int32Array(0);
  private planInterp = new Int32Array(0);
  /** Each resource's planned steps in planned order, and how far it has got. */
  private seqOffset: Int32Array;
  private seqOp = new Int32Array(0);
  private readonly cursor: Int32Array;
  /** Each plan entry's arrival in the current run (-1: not among the arrivals). */
  private entryArrival = new Int32Array(0);
  /** Queues: two levels (appointments, then walk-ins), each with one per class and visit station and one per desk. */
  private readonly levelSize: number;
  private readonly qHead: Int32Array;
  private readonly qTail: Int32Array;
  private readonly activeList: Int32Array;
  private readonly activeCount = new Int32Array(STATION_COUNT);
  private readonly activePos: Int32Array;
  private readonly queueLength = new Int32Array(STATION_COUNT);
  /** Per resource: servers, then desk lanes. */
  private readonly busy: Uint8Array;
  /** Free servers, in no order, and each one's place in that list. */
  private readonly freeList: Int32Array;
  private readonly freePos: Int32Array;
  private freeCount = 0;
  /** Non-empty queues each interpreter may interpret for at each station (index u * 5 + s). */
  private readonly interpreting: Int32Array;
  private readonly served: Int32Array;
  private readonly busyTime: Float64Array;
  private inSystem = 0;
  private lastTime = 0;

  // Totals over runs since resetTotals().
  readonly waitSum = new Float64Array(STATION_COUNT);
  readonly waitCount = new Float64Array(STATION_COUNT);
  readonly waitZero = new Float64Array(STATION_COUNT);
  readonly waitHistogram = new Uint32Array(STATION_COUNT * WAIT_BINS);
  /** Service minutes before closing, per station. */
  readonly busyMinutes = new Float64Array(STATION_COUNT);
  readonly queueAtClose = new Float64Array(STATION_COUNT);
  /** Minutes per queue interval, and the people-minutes queued in each interval: index s * bins + b. */
  readonly queueBinMinutes: number;
  readonly queueArea: Float64Array;
  /** Minutes waited, up to closing, by those still in a station's queue at closing. */
  readonly openWait = new Float64Array(STATION_COUNT);
  /** Idle minutes (available, not serving) of the servers who may staff each station. */
  readonly idleFor = new Float64Array(STATION_COUNT);
  interpreterBusy = 0;
  interpreterAvailable = 0;
  /** Minutes each server worked after closing, summed over runs (up to the overtime). */
  readonly overtimeMinutes: Float64Array;
  private readonly lastEnd: Float64Array;
  /** People not served, by class and the station they were at (or were turned away at): index k * 5 + s. */
  readonly unserved: Float64Array;
  events = 0;

  // The last run.
  lastServed = 0;
  lastServedAppointments = 0;
  lastArrivedAppointments = 0;
  lastNoShows = 0;
  lastWalkIns = 0;
  lastTurnedAway = 0;
  lastTurnedAwayWalkIns = 0;
  /** People let in (came, and were not turned away). */
  lastAdmitted = 0;
  /** Finished after closing, in the overtime. */
  lastFinishedInOvertime = 0;
  /** Appointments (not walk-ins) finished after closing, in the overtime. */
  lastOvertimeAppointments = 0;
  /** Let in and not finished by the end of the overtime: referred to a follow-up. */
  lastReferred = 0;
  /** ∫ people in the clinic dt over the last run, up to closing (or its last event). */
  area = 0;
  /** Minutes from arrival to leaving, summed over those served in the last run. */
  sojournSum = 0;
  /** The time of the last run's last event. */
  endTime = 0;

  constructor(spec: NetworkSpec) {
    const S = spec.servers.length;
    const C = spec.classes.length;
    if (C * S > MAX_PAIRS) throw new RangeError(`a network of ${C} classes × ${S} servers is over the ${MAX_PAIRS} pairs a simulator keeps`);
    this.close = spec.close;
    const overtime = Number.isFinite(spec.close) ? spec.overtime ?? 0 : 0;
    this.horizon = spec.close + overtime;
    this.serverCount = S;
    this.classCount = C;
    this.deskCapacity = Int32Array.from(spec.desks);
    this.model = spec.service.model;
    this.sigma = lognormalSigma(spec.service.cv);
    this.noShowRate = spec.noShowRate;
    this.queueBinMinutes = spec.queueBinMinutes && Number.isFinite(spec.close) ? spec.queueBinMinutes : 0;
    this.queueArea = new Float64Array(this.queueBinMinutes > 0 ? STATION_COUNT * Math.ceil(spec.close / this.queueBinMinutes) : 0);

    this.winOffset = new Int32Array(S + 1);
    const starts: number[] = [];
    const ends: number[] = [];
    this.maxApplicants = new Int32Array(S);
    this.available = new Float64Array(S);
    spec.servers.forEach((server, v) => {
      for (const w of server.windows) {
        starts.push(w.start);
        ends.push(overtime > 0 && w.end >= spec.close - EPS ? Math.max(w.end, this.horizon) : w.end);
        this.available[v]! += Math.max(0, Math.min(w.end, spec.close) - Math.max(0, w.start));
      }
      this.winOffset[v + 1] = starts.length;
      const max = server.maxApplicants;
      this.maxApplicants[v] = max === undefined || !Number.isFinite(max) ? UNLIMITED : max;
    });
    this.winStart = Float64Array.from(starts);
    this.winEnd = Float64Array.from(ends);
    this.distinct = this.maxApplicants.some((m) => m !== UNLIMITED);

    this.mean = new Float64Array(C * STATION_COUNT);
    this.interpretedMean = new Float64Array(C * STATION_COUNT);
    this.speakerOffset = new Int32Array(C * STATION_COUNT + 1);
    this.bridgeOffset = new Int32Array(C * STATION_COUNT + 1);
    this.eligible = new Int32Array(C * 3 * S).fill(NONE);
    this.eligibleInterpreter = new Uint32Array(Math.ceil((C * 3 * S) / 32));
    this.staffs = new Uint8Array(S * 3);
    this.interprets = new Uint8Array(S);
    this.blockedAt = new Int32Array(C).fill(-1);
    this.stepFrom = new Int32Array(C * 6);
    this.minimumStay = new Float64Array(C * 6);
    const speakers = new IntList();
    const bridgeVol = new IntList();
    const bridgeInterp = new IntList();
    const bridgeInterpStart = new IntList();
    const bridgeInterpEnd = new IntList();
    /** Where each list of interpreters was copied to, by the list itself. */
    const pooled = new Map<ArrayLike<number>, number>();
    spec.classes.forEach((klass, k) => {
      const base = k * STATION_COUNT;
      this.mean[base + CHECK_IN] = klass.checkIn;
      this.mean[base + FINAL_CHECK] = klass.finalCheck;
      for (let s = 0; s < STATION_COUNT; s++) {
        const visit = s >= SCREENING && s <= REVIEW ? klass.visits[s - 1] ?? null : null;
        if (visit && visit.direct > 0) {
          this.mean[base + s] = visit.direct;
          this.interpretedMean[base + s] = visit.interpreted;
          const row = (k * 3 + s - 1) * S;
          for (let x = 0; x < visit.speakers.length; x++) {
            const v = visit.speakers[x]!;
            speakers.push(v);
            if (this.eligible[row + v]! > SPEAKER) this.eligible[row + v] = SPEAKER - x;
            this.staffs[v * 3 + s - 1] = 1;
          }
          for (const b of visit.bridged) {
            const entry = bridgeVol.length;
            bridgeVol.push(b.vol);
            if (this.eligible[row + b.vol] === NONE) this.eligible[row + b.vol] = entry;
            this.staffs[b.vol * 3 + s - 1] = 1;
            let at = pooled.get(b.interpreters);
            if (at === undefined) {
              at = bridgeInterp.length;
              for (let x = 0; x < b.interpreters.length; x++) bridgeInterp.push(b.interpreters[x]!);
              pooled.set(b.interpreters, at);
            }
            bridgeInterpStart.push(at);
            bridgeInterpEnd.push(at + b.interpreters.length);
          }
          if (visit.speakers.length === 0 && visit.bridged.length === 0 && this.blockedAt[k]! < 0) this.blockedAt[k] = s;
        } else if ((s === CHECK_IN || s === FINAL_CHECK) && this.mean[base + s]! > 0 && this.deskCapacity[s === CHECK_IN ? 0 : 1]! < 1 && this.blockedAt[k]! < 0) {
          this.blockedAt[k] = s;
        }
        this.speakerOffset[base + s + 1] = speakers.length;
        this.bridgeOffset[base + s + 1] = bridgeVol.length;
      }
      let next = DONE;
      let stay = 0;
      this.stepFrom[k * 6 + DONE] = DONE;
      for (let s = STATION_COUNT - 1; s >= 0; s--) {
        const m = this.mean[base + s]!;
        if (m > 0) {
          next = s;
          const direct = s >= SCREENING && s <= REVIEW && this.speakerOffset[base + s + 1]! === this.speakerOffset[base + s]!
            ? this.interpretedMean[base + s]! : m;
          stay += direct;
        }
        this.stepFrom[k * 6 + s] = next;
        this.minimumStay[k * 6 + s] = stay;
      }
    });
    this.speakers = speakers.toArray();
    this.bridgeVol = bridgeVol.toArray();
    this.bridgeInterp = bridgeInterp.toArray();
    this.bridgeInterpStart = bridgeInterpStart.toArray();
    this.bridgeInterpEnd = bridgeInterpEnd.toArray();
    this.interpreterOffset = new Int32Array(C * STATION_COUNT + 1);
    const interpreters = new IntList();
    const mark = new Int32Array(S).fill(-1);
    // A shared list is read once per class and station: its interpreters are there already.
    const listMark = new Int32Array(this.bridgeInterp.length + 1).fill(-1);
    for (let cs = 0; cs < C * STATION_COUNT; cs++) {
      const row = (((cs / STATION_COUNT) | 0) * 3 + (cs % STATION_COUNT) - 1) * S;
      for (let b = this.bridgeOffset[cs]!; b < this.bridgeOffset[cs + 1]!; b++) {
        const start = this.bridgeInterpStart[b]!;
        const end = this.bridgeInterpEnd[b]!;
        if (start === end || listMark[start] === cs) continue;
        listMark[start] = cs;
        for (let x = start; x < end; x++) {
          const u = this.bridgeInterp[x]!;
          if (mark[u] === cs) continue;
          mark[u] = cs;
          interpreters.push(u);
          this.eligibleInterpreter[(row + u) >>> 5]! |= 1 << ((row + u) & 31);
          this.interprets[u] = 1;
        }
      }
      this.interpreterOffset[cs + 1] = interpreters.length;
    }
    this.interpreters = interpreters.toArray();

    this.levelSize = C * STATION_COUNT + 2;
    this.qHead = new Int32Array(2 * this.levelSize);
    this.qTail = new Int32Array(2 * this.levelSize);
    this.activeList = new Int32Array(STATION_COUNT * 2 * C);
    this.activePos = new Int32Array(2 * this.levelSize);
    const lanes = Math.max(0, spec.desks[0]) + Math.max(0, spec.desks[1]);
    this.laneBase = Int32Array.of(S, S + Math.max(0, spec.desks[0]), S + lanes);
    this.busy = new Uint8Array(S + lanes);
    this.cursor = new Int32Array(S + lanes);
    this.seqOffset = new Int32Array(S + lanes + 1);
    this.overtimeMinutes = new Float64Array(S);
    this.lastEnd = new Float64Array(S);
    this.freeList = new Int32Array(S);
    this.freePos = new Int32Array(S);
    this.interpreting = new Int32Array(S * STATION_COUNT);
    this.served = new Int32Array(S);
    this.busyTime = new Float64Array(S);
    this.unserved = new Float64Array(C * STATION_COUNT);
  }

  /** When arrival i of the last run left served, or -1 (not served, or never admitted). */
  doneAt(i: number): number {
    return this.appDone[i]!;
  }

  /** Whether anyone can serve this class at every station of its day. */
  servable(k: number): boolean {
    return this.blockedAt[k]! < 0;
  }

  /**
   * Sets the plan the runs replay (null: none). Each server and desk lane serves its planned steps
   * in planned order: a step starts once its person is ready, its server has done its earlier
   * planned steps and its interpreter too. Whoever still waits past their planned start while
   * their planned server is held up may be served by any free eligible server; before it, only by
   * one whose service would end by the step's planned end and before the server's own next
   * planned step (so with the planned lengths everyone ends no later than planned). A server
   * skips those who did not come or whom another served. A free server serves anyone else only
   * when the person planned next for it is not waiting for it, appointments before walk-ins.
   */
  setPlan(plan: NetworkPlan | null): void {
    this.hasPlan = plan !== null;
    if (!plan) return;
    const S = this.serverCount;
    const R = this.busy.length;
    const steps = plan.count * STATION_COUNT;
    const res = new Int32Array(steps).fill(-1);
    const interp = new Int32Array(steps).fill(-1);
    const lists: number[][] = Array.from({ length: R }, () => []);
    for (let op = 0; op < steps; op++) {
      const s = op % STATION_COUNT;
      const p = plan.server[op]!;
      if (!(plan.start[op]! >= 0) || p < 0) continue;
      const desk = s === CHECK_IN ? 0 : s === FINAL_CHECK ? 1 : -1;
      if (desk >= 0 ? p >= this.deskCapacity[desk]! : p >= S) continue;
      const r = desk >= 0 ? this.laneBase[desk]! + p : p;
      res[op] = r;
      lists[r]!.push(op);
      const u = plan.interpreter[op]!;
      if (desk < 0 && u >= 0 && u < S && u !== r) {
        interp[op] = u;
        lists[u]!.push(op);
      }
    }
    this.planStart = Float64Array.from(plan.start);
    this.planRes = res;
    this.planInterp = interp;
    const seq: number[] = [];
    for (let r = 0; r < R; r++) {
      this.seqOffset[r] = seq.length;
      seq.push(...lists[r]!.sort((a, b) => plan.start[a]! - plan.start[b]! || a - b));
    }
    this.seqOffset[R] = seq.length;
    this.seqOp = Int32Array.from(seq);
    this.entryArrival = new Int32Array(plan.count);
  }

  /** Clears the totals kept over runs. */
  resetTotals(): void {
    for (const a of [this.waitSum, this.waitCount, this.waitZero, this.busyMinutes, this.queueAtClose, this.openWait, this.idleFor, this.unserved, this.queueArea,
      this.overtimeMinutes]) a.fill(0);
    this.waitHistogram.fill(0);
    this.interpreterBusy = 0;
    this.interpreterAvailable = 0;
    this.events = 0;
  }

  /** The waiting time at station s below which a share p of the recorded waits lie (histogram upper edge). */
  waitQuantile(s: number, p: number): number {
    const count = this.waitCount[s]!;
    if (count === 0) return 0;
    const target = p * count;
    let seen = this.waitZero[s]!;
    if (seen >= target) return 0;
    const base = s * WAIT_BINS;
    let b = 0;
    for (; b < WAIT_BINS - 1; b++) {
      seen += this.waitHistogram[base + b]!;
      if (seen >= target) break;
    }
    return (b + 1) * WAIT_BIN;
  }

  private prepare(n: number): void {
    this.appStep = ensure(this.appStep, n, (m) => new Int8Array(m));
    this.appClass = ensure(this.appClass, n, (m) => new Int32Array(m));
    this.appJoin = ensure(this.appJoin, n, (m) => new Float64Array(m));
    this.appKey = ensure(this.appKey, n, (m) => new Float64Array(m));
    this.appArrive = ensure(this.appArrive, n, (m) => new Float64Array(m));
    this.appDone = ensure(this.appDone, n, (m) => new Float64Array(m));
    this.appDone.fill(-1, 0, n);
    this.appStep.fill(-1, 0, n);
    this.appRng = ensure(this.appRng, n, (m) => new Uint32Array(m));
    this.appVol = ensure(this.appVol, n, (m) => new Int32Array(m));
    this.appInterp = ensure(this.appInterp, n, (m) => new Int32Array(m));
    this.appNext = ensure(this.appNext, n, (m) => new Int32Array(m));
    this.appWalkIn = ensure(this.appWalkIn, n, (m) => new Uint8Array(m));
    if (this.distinct) this.appSeen = ensure(this.appSeen, n * 6, (m) => new Int32Array(m));
    this.appPrev = ensure(this.appPrev, n, (m) => new Int32Array(m));
    this.appQueue = ensure(this.appQueue, n, (m) => new Int32Array(m));
    this.appLane = ensure(this.appLane, n, (m) => new Int32Array(m));
    this.appWait = ensure(this.appWait, n, (m) => new Uint8Array(m));
    this.appWait.fill(0, 0, n);
    this.appPlan = ensure(this.appPlan, n, (m) => new Int32Array(m));
    this.appPlan.fill(-1, 0, n);
    this.lastEnd.fill(0);
    this.qHead.fill(-1);
    this.qTail.fill(-1);
    this.activeCount.fill(0);
    this.activePos.fill(-1);
    this.queueLength.fill(0);
    this.busy.fill(0);
    for (let v = 0; v < this.serverCount; v++) {
      this.freeList[v] = v;
      this.freePos[v] = v;
    }
    this.freeCount = this.serverCount;
    this.interpreting.fill(0);
    this.served.fill(0);
    this.busyTime.fill(0);
    this.queue.clear();
    this.inSystem = 0;
    this.lastTime = 0;
    this.lastServed = 0;
    this.lastServedAppointments = 0;
    this.lastArrivedAppointments = 0;
    this.lastNoShows = 0;
    this.lastWalkIns = 0;
    this.lastTurnedAway = 0;
    this.lastTurnedAwayWalkIns = 0;
    this.lastAdmitted = 0;
    this.lastFinishedInOvertime = 0;
    this.lastOvertimeAppointments = 0;
    this.lastReferred = 0;
    this.area = 0;
    this.sojournSum = 0;
    this.endTime = 0;
  }

  /**
   * Simulates one day (or one long horizon): `key` seeds it, together with each arrival's
   * entity. Results are in the run fields and added to the totals.
   */
  run(arrivals: Arrivals, key: number): void {
    const n = arrivals.count;
    this.prepare(n);
    const close = this.close;
    const horizon = this.horizon;
    const queue = this.queue;
    for (let v = 0; v < this.serverCount; v++) {
      for (let w = this.winOffset[v]!; w < this.winOffset[v + 1]!; w++) {
        const start = this.winStart[w]!;
        if (start > 0 && start < close) queue.push(start, (v << 2) | WAKE);
      }
    }
    if (this.hasPlan) {
      this.entryArrival.fill(-1);
      const planned = arrivals.planned;
      if (planned) {
        for (let i = 0; i < n; i++) {
          const e = planned[i]!;
          if (e < 0 || e >= this.entryArrival.length) continue;
          this.appPlan[i] = e;
          this.entryArrival[e] = i;
          // Who comes at or after closing never comes in: nobody waits for them.
          if (!(arrivals.time[i]! < close)) this.appStep[i] = GONE;
        }
      }
      this.cursor.set(this.seqOffset.subarray(0, this.cursor.length));
    }
    let closed = false;
    let next = 0;
    let events = 0;
    for (;;) {
      const tArrival = next < n && arrivals.time[next]! < close ? arrivals.time[next]! : Number.POSITIVE_INFINITY;
      const tEvent = queue.peekTime();
      if (tEvent <= tArrival) {
        if (tEvent > horizon || tEvent === Number.POSITIVE_INFINITY) break;
        if (tEvent > close && !closed) {
          closed = true;
          this.atClose(n);
        }
        this.advance(tEvent);
        const data = queue.pop();
        const kind = data & 3;
        if (kind === END) this.finish(data >> 2, tEvent);
        else if (kind === WAKE) this.wake(data >> 2, tEvent);
        else this.due(data >> 2, tEvent);
      } else {
        this.advance(tArrival);
        this.arrive(next, arrivals, key, tArrival);
        next++;
      }
      events++;
    }
    this.events += events;
    this.endTime = this.lastTime;
    if (!closed) this.atClose(n);
    this.closeDay();
  }

  private advance(t: number): void {
    // Nothing is counted after closing: the overtime only finishes the day.
    if (t > this.close) t = this.close;
    this.area += this.inSystem * (t - this.lastTime);
    if (this.queueBinMinutes > 0 && t > this.lastTime) this.addQueueArea(this.lastTime, t);
    this.lastTime = t;
  }

  /** Adds the people queued at each station over [from, to) to the intervals it spans. */
  private addQueueArea(from: number, to: number): void {
    const width = this.queueBinMinutes;
    const bins = this.queueArea.length / STATION_COUNT;
    for (let b = Math.floor(from / width); b < bins && b * width < to; b++) {
      const overlap = Math.min(to, (b + 1) * width) - Math.max(from, b * width);
      for (let s = 0; s < STATION_COUNT; s++) this.queueArea[s * bins + b]! += this.queueLength[s]! * overlap;
    }
  }

  /** What the day looks like at closing: who waits where, and who is not served. */
  private atClose(n: number): void {
    if (Number.isFinite(this.close)) this.advance(this.close);
    for (let s = 0; s < STATION_COUNT; s++) this.queueAtClose[s]! += this.queueLength[s]!;
    const end = this.lastTime;
    for (let i = 0; i < n; i++) {
      const step = this.appStep[i]!;
      if (step < 0 || step >= DONE) continue;
      this.unserved[this.appClass[i]! * STATION_COUNT + step]! += 1;
      if (this.appWait[i]) this.openWait[step]! += end - this.appJoin[i]!;
    }
  }

  private closeDay(): void {
    this.lastReferred = this.lastAdmitted - this.lastServed - this.lastFinishedInOvertime;
    if (this.horizon > this.close) {
      for (let v = 0; v < this.serverCount; v++) this.overtimeMinutes[v]! += Math.max(0, Math.min(this.lastEnd[v]!, this.horizon) - this.close);
    }
    for (let v = 0; v < this.serverCount; v++) {
      const idle = Math.max(0, this.available[v]! - this.busyTime[v]!);
      for (let j = 0; j < 3; j++) if (this.staffs[v * 3 + j]) this.idleFor[j + 1]! += idle;
      if (this.interprets[v]) this.interpreterAvailable += this.available[v]!;
    }
  }

  private arrive(i: number, arrivals: Arrivals, key: number, t: number): void {
    const k = arrivals.klass[i]!;
    const walkIn = arrivals.walkIn[i]!;
    const stream = this.stream;
    stream.state = keyOf(key, arrivals.entity[i]!);
    const show = stream.next();
    this.appClass[i] = k;
    this.appWalkIn[i] = walkIn;
    this.appStep[i] = GONE;
    if (walkIn) this.lastWalkIns++;
    else if (show < this.noShowRate) {
      this.lastNoShows++;
      this.forget(i, t);
      return;
    } else this.lastArrivedAppointments++;
    const blocked = this.blockedAt[k]!;
    if (blocked >= 0 || t + this.minimumStay[k * 6]! > this.close) {
      // Nobody could serve them, or their day cannot end by closing even without waiting.
      this.lastTurnedAway++;
      this.lastTurnedAwayWalkIns += walkIn;
      this.unserved[k * STATION_COUNT + (blocked >= 0 ? blocked : CHECK_IN)]! += 1;
      this.forget(i, t);
      return;
    }
    this.appRng[i] = stream.state;
    this.appArrive[i] = t;
    if (this.distinct) this.appSeen.fill(-1, i * 6, i * 6 + 6);
    this.inSystem++;
    this.lastAdmitted++;
    this.reach(i, this.stepFrom[k * 6]!, t);
  }

  /** A planned person who will not be served: their planned servers need not wait for them. */
  private forget(i: number, t: number): void {
    const e = this.appPlan[i]!;
    if (e < 0) return;
    for (let op = e * STATION_COUNT; op < e * STATION_COUNT + STATION_COUNT; op++) {
      this.wakeSoon(this.planRes[op]!, t);
      this.wakeSoon(this.planInterp[op]!, t);
    }
  }

  /** Lets a free resource look for work once the present moment's events are done. */
  private wakeSoon(r: number, t: number): void {
    if (r >= 0 && !this.busy[r]) this.queue.push(t, (r << 2) | WAKE);
  }

  /** A person gets to station s: to their planned server when the plan has them there, else in line. */
  private reach(i: number, s: number, t: number): void {
    const e = this.appPlan[i]!;
    const op = e * STATION_COUNT + s;
    if (e < 0 || s === DONE || this.planRes[op]! < 0) {
      this.enter(i, s, t);
      return;
    }
    const offset = this.join(i, s, t);
    this.enqueue(offset + (s === CHECK_IN || s === FINAL_CHECK ? this.classCount * STATION_COUNT + (s === CHECK_IN ? 0 : 1) : this.appClass[i]! * STATION_COUNT + s), s, i);
    if (this.tryPlanned(op, t) || this.tryOthers(i, s, t)) return;
    const due = this.planStart[op]! + DUE_DELAY;
    if (t < due) this.queue.push(due, (i << 2) | DUE);
  }

  /** A planned person still waiting at their planned start: now any free eligible server may take them. */
  private due(i: number, t: number): void {
    if (this.appWait[i] !== QUEUED) return;
    const s = this.appStep[i]!;
    if (t + EPS < this.planStart[this.appPlan[i]! * STATION_COUNT + s]! + DUE_DELAY) return;
    this.tryOthers(i, s, t);
  }

  /** Whether a free server (or desk lane) other than the planned one takes a waiting planned person now. */
  private tryOthers(i: number, s: number, t: number): boolean {
    if (s === CHECK_IN || s === FINAL_CHECK) {
      const lane = this.freeLane(s === CHECK_IN ? 0 : 1, i, t);
      if (lane < 0) return false;
      this.startDesk(i, s, lane, t);
      return true;
    }
    return this.tryVisit(i, this.appClass[i]! * STATION_COUNT + s, s, t);
  }

  /**
   * The planned step a resource serves next, skipping those who will not need it (people who
   * never came in, were served there by another, or whom it may no longer serve); -1 when none.
   */
  private nextOp(r: number): number {
    const end = this.seqOffset[r + 1]!;
    let c = this.cursor[r]!;
    for (; c < end; c++) {
      const op = this.seqOp[c]!;
      const e = (op / STATION_COUNT) | 0;
      const s = op - e * STATION_COUNT;
      const i = this.entryArrival[e]!;
      if (i < 0) continue;
      const step = this.appStep[i]!;
      if (step > s || (step === s && this.appWait[i] === 0)) continue;
      if (r < this.serverCount && !this.canServe(r, i)) continue;
      break;
    }
    this.cursor[r] = c;
    return c < end ? this.seqOp[c]! : -1;
  }

  /** Whether the person of a planned step stands at its station waiting. */
  private isWaiting(op: number): boolean {
    const e = (op / STATION_COUNT) | 0;
    const i = this.entryArrival[e]!;
    return this.appStep[i] === op - e * STATION_COUNT && this.appWait[i] !== 0;
  }

  /**
   * Whether free resource r may serve person i for d minutes from t though not planned to: nobody
   * planned next for r waits for it, and, before i's planned start, the service ends by the
   * planned end of i's step and before r's next planned step (nobody's plan is put back for
   * someone served early).
   */
  private mayTake(r: number, i: number, d: number, t: number): boolean {
    if (!this.hasPlan) return true;
    const op = this.nextOp(r);
    const e = this.appPlan[i]!;
    const s = this.appStep[i]!;
    const own = e * STATION_COUNT + s;
    // Whom r is planned to serve next waits for it: r serves nobody else (but may serve them with another).
    if (op >= 0 && op !== own && this.isWaiting(op)) return false;
    if (e < 0) return true;
    const planned = this.planStart[own]!;
    if (!(t + EPS < planned + DUE_DELAY)) return true;
    // Early: a server with a limit of people keeps its places for those planned for it.
    if (r < this.serverCount && this.maxApplicants[r] !== UNLIMITED) return false;
    const cs = this.appClass[i]! * STATION_COUNT + s;
    const length = this.planInterp[own]! >= 0 ? this.interpretedMean[cs]! : this.mean[cs]!;
    // Planned for r itself, the step's planned end is also r's.
    return t + d <= planned + length + EPS && (op < 0 || op === own || t + d <= this.planStart[op]! + EPS);
  }

  /** Starts a planned step when its person waits and its server and interpreter are free and at it. */
  private tryPlanned(op: number, t: number): boolean {
    if (!this.isWaiting(op)) return false;
    const r = this.planRes[op]!;
    const u = this.planInterp[op]!;
    if (this.busy[r] || this.nextOp(r) !== op) return false;
    if (u >= 0 && (this.busy[u] || this.nextOp(u) !== op)) return false;
    const i = this.entryArrival[(op / STATION_COUNT) | 0]!;
    const s = this.appStep[i]!;
    if (r >= this.serverCount) {
      this.cursor[r]!++;
      this.startDesk(i, s, r, t);
      return true;
    }
    const cs = this.appClass[i]! * STATION_COUNT + s;
    const d = u >= 0 ? this.interpretedMean[cs]! : this.mean[cs]!;
    if (!this.canStart(r, t, d) || (u >= 0 && !this.canStart(u, t, d))) return false;
    this.cursor[r]!++;
    if (u >= 0) this.cursor[u]!++;
    this.start(i, s, r, u, t, d);
    return true;
  }

  /** A free resource's next work: its planned step, else (when nobody planned for it waits) whoever it may serve. */
  private dispatch(r: number, t: number): void {
    const op = this.nextOp(r);
    if (op >= 0 && (this.tryPlanned(op, t) || this.isWaiting(op))) return;
    if (r >= this.serverCount) {
      this.laneFree(r, t);
      return;
    }
    this.volunteerFree(r, t);
    if (!this.busy[r] && this.interprets[r]) this.interpreterFree(r, t);
  }

  /** A free desk lane takes the first in line at its desk it may take, appointments before walk-ins. */
  private laneFree(lane: number, t: number): void {
    const d = lane < this.laneBase[1]! ? 0 : 1;
    const s = d === 0 ? CHECK_IN : FINAL_CHECK;
    for (let q = this.classCount * STATION_COUNT + d; q < this.qHead.length; q += this.levelSize) {
      const waiting = this.qHead[q]!;
      if (waiting < 0 || !this.mayTake(lane, waiting, this.mean[this.appClass[waiting]! * STATION_COUNT + s]!, t)) continue;
      this.dequeue(q, s);
      this.startDesk(waiting, s, lane, t);
      return;
    }
  }

  /** A free lane of desk d that may take person i now, or -1. */
  private freeLane(d: number, i: number, t: number): number {
    const mean = this.mean[this.appClass[i]! * STATION_COUNT + (d === 0 ? CHECK_IN : FINAL_CHECK)]!;
    for (let lane = this.laneBase[d]!; lane < this.laneBase[d + 1]!; lane++) if (!this.busy[lane] && this.mayTake(lane, i, mean, t)) return lane;
    return -1;
  }

  private startDesk(i: number, s: number, lane: number, t: number): void {
    this.busy[lane] = 1;
    this.appLane[i] = lane;
    this.start(i, s, -1, -1, t, this.mean[this.appClass[i]! * STATION_COUNT + s]!);
  }

  /** A person joins station s (or leaves, when s is done). */
  private enter(i: number, s: number, t: number, wait = false): void {
    if (s === DONE) {
      this.appStep[i] = DONE;
      this.appDone[i] = t;
      this.inSystem--;
      if (t > this.close + EPS) {
        this.lastFinishedInOvertime++;
        if (!this.appWalkIn[i]) this.lastOvertimeAppointments++;
        return;
      }
      this.lastServed++;
      if (!this.appWalkIn[i]) this.lastServedAppointments++;
      this.sojournSum += t - this.appArrive[i]!;
      return;
    }
    const offset = this.join(i, s, t);
    if (s === CHECK_IN || s === FINAL_CHECK) {
      const d = s === CHECK_IN ? 0 : 1;
      const q = offset + this.classCount * STATION_COUNT + d;
      if (this.qHead[q] === -1) {
        const lane = this.freeLane(d, i, t);
        if (lane >= 0) {
          this.startDesk(i, s, lane, t);
          return;
        }
      }
      this.enqueue(q, s, i);
      return;
    }
    const cs = this.appClass[i]! * STATION_COUNT + s;
    if (!wait && this.qHead[offset + cs] === -1 && this.tryVisit(i, cs, s, t)) return;
    this.enqueue(offset + cs, s, i);
  }

  /** A person's place in line at station s from time t; returns the offset of its queue level. */
  private join(i: number, s: number, t: number): number {
    this.appStep[i] = s;
    this.appJoin[i] = t;
    const level = this.appWalkIn[i]!;
    this.appKey[i] = level ? t + WALK_IN_LATER : t;
    return level * this.levelSize;
  }

  /** Serves a person at once when an eligible server (and interpreter, if needed) is free; q is the class's station index. */
  private tryVisit(i: number, q: number, s: number, t: number): boolean {
    const direct = this.mean[q]!;
    const first = this.speakerOffset[q]!;
    const last = this.speakerOffset[q + 1]!;
    if (this.freeCount < last - first) {
      // Fewer free servers than speakers: the free speaker first in order of preference.
      const row = (((q / STATION_COUNT) | 0) * 3 + s - 1) * this.serverCount;
      let best = -1;
      let bestRank = Number.NEGATIVE_INFINITY;
      for (let x = 0; x < this.freeCount; x++) {
        const v = this.freeList[x]!;
        const e = this.eligible[row + v]!;
        // SPEAKER − place: the first in order of preference has the largest.
        if (e <= SPEAKER && e > bestRank && this.canServe(v, i) && this.canStart(v, t, direct) && this.mayTake(v, i, direct, t)) {
          best = v;
          bestRank = e;
        }
      }
      if (best >= 0) {
        this.start(i, s, best, -1, t, direct);
        return true;
      }
    } else {
      for (let x = first; x < last; x++) {
        const v = this.speakers[x]!;
        if (!this.busy[v] && this.canServe(v, i) && this.canStart(v, t, direct) && this.mayTake(v, i, direct, t)) {
          this.start(i, s, v, -1, t, direct);
          return true;
        }
      }
    }
    if (!this.anyInterpreterFree(q)) return false;
    const interpreted = this.interpretedMean[q]!;
    for (let b = this.bridgeOffset[q]!; b < this.bridgeOffset[q + 1]!; b++) {
      const v = this.bridgeVol[b]!;
      if (this.busy[v] || !this.canServe(v, i) || !this.canStart(v, t, interpreted) || !this.mayTake(v, i, interpreted, t)) continue;
      const u = this.freeInterpreter(b, i, t, interpreted);
      if (u >= 0) {
        this.start(i, s, v, u, t, interpreted);
        return true;
      }
    }
    return false;
  }

  private freeInterpreter(b: number, i: number, t: number, d: number): number {
    for (let x = this.bridgeInterpStart[b]!; x < this.bridgeInterpEnd[b]!; x++) {
      const u = this.bridgeInterp[x]!;
      if (!this.busy[u] && this.canServe(u, i) && this.canStart(u, t, d) && this.mayTake(u, i, d, t)) return u;
    }
    return -1;
  }

  private canStart(v: number, t: number, d: number): boolean {
    for (let w = this.winOffset[v]!; w < this.winOffset[v + 1]!; w++) {
      if (this.winStart[w]! <= t + EPS && t + d <= this.winEnd[w]! + EPS) return true;
    }
    return false;
  }

  private seen(v: number, i: number): boolean {
    const base = i * 6;
    for (let x = base; x < base + 6; x++) if (this.appSeen[x] === v) return true;
    return false;
  }

  private canServe(v: number, i: number): boolean {
    return !this.distinct || this.served[v]! < this.maxApplicants[v]! || this.seen(v, i);
  }

  private count(v: number, i: number): void {
    if (!this.distinct || this.seen(v, i)) return;
    const base = i * 6;
    let x = base;
    while (this.appSeen[x] !== -1) x++;
    this.appSeen[x] = v;
    this.served[v]!++;
  }

  private start(i: number, s: number, v: number, u: number, t: number, mean: number): void {
    const stream = this.stream;
    stream.state = this.appRng[i]!;
    const duration = mean * factorOf(this.model, this.sigma, stream);
    this.appRng[i] = stream.state;
    if (this.appWait[i] === QUEUED) this.unlink(i, s);
    const wait = t - this.appJoin[i]!;
    this.waitSum[s]! += wait;
    this.waitCount[s]! += 1;
    if (wait <= EPS) this.waitZero[s]! += 1;
    else this.waitHistogram[s * WAIT_BINS + Math.min(WAIT_BINS - 1, Math.floor(wait / WAIT_BIN))]! += 1;
    const end = t + duration;
    const worked = Math.max(0, Math.min(end, this.close) - t);
    this.busyMinutes[s]! += worked;
    this.appVol[i] = v;
    this.appInterp[i] = u;
    if (v >= 0) {
      this.take(v);
      this.busyTime[v]! += worked;
      this.count(v, i);
      if (end > this.lastEnd[v]!) this.lastEnd[v] = end;
    }
    if (u >= 0) {
      this.take(u);
      this.busyTime[u]! += worked;
      this.interpreterBusy += worked;
      this.count(u, i);
      if (end > this.lastEnd[u]!) this.lastEnd[u] = end;
    }
    this.queue.push(end, (i << 2) | END);
    const e = this.appPlan[i]!;
    if (e >= 0) {
      // Served by others than planned: the planned need not wait for this step.
      const op = e * STATION_COUNT + s;
      const r = this.planRes[op]!;
      if (r !== (v >= 0 ? v : this.appLane[i]!)) this.wakeSoon(r, t);
      if (this.planInterp[op] !== u) this.wakeSoon(this.planInterp[op]!, t);
    }
  }

  private finish(i: number, t: number): void {
    if (this.hasPlan) {
      this.finishPlanned(i, t);
      return;
    }
    const s = this.appStep[i]!;
    const k = this.appClass[i]!;
    const next = this.stepFrom[k * 6 + s + 1]!;
    if (s === CHECK_IN || s === FINAL_CHECK) {
      // Appointments first, then walk-ins.
      const lane = this.appLane[i]!;
      this.busy[lane] = 0;
      this.laneFree(lane, t);
      this.enter(i, next, t);
      return;
    }
    const v = this.appVol[i]!;
    const u = this.appInterp[i]!;
    this.release(v);
    if (u >= 0) this.release(u);
    // The freed look for work with this person in line at the next station (the latest station
    // first, so a reviewer freed from a screening reviews before screening again); then the
    // person takes any other free server, if first in line.
    if (next >= SCREENING && next <= REVIEW) {
      const cs = k * STATION_COUNT + next;
      const q = this.join(i, next, t) + cs;
      if (this.qHead[q] === -1) {
        const taken = this.volunteerFree(v, t, i, next) === i;
        if (u >= 0 && !this.busy[u]) this.interpreterFree(u, t);
        if (!taken && !this.tryVisit(i, cs, next, t)) this.enqueue(q, next, i);
        return;
      }
    }
    this.enter(i, next, t, true);
    this.volunteerFree(v, t);
    if (u >= 0 && !this.busy[u]) this.interpreterFree(u, t);
  }

  /** With a plan: the person goes on to their next step, then the freed look for their next work. */
  private finishPlanned(i: number, t: number): void {
    const s = this.appStep[i]!;
    const next = this.stepFrom[this.appClass[i]! * 6 + s + 1]!;
    let a: number;
    let b = -1;
    if (s === CHECK_IN || s === FINAL_CHECK) {
      a = this.appLane[i]!;
      this.busy[a] = 0;
    } else {
      a = this.appVol[i]!;
      b = this.appInterp[i]!;
      this.release(a);
      if (b >= 0) this.release(b);
    }
    this.reach(i, next, t);
    if (!this.busy[a]) this.dispatch(a, t);
    if (b >= 0 && !this.busy[b]) this.dispatch(b, t);
  }

  private wake(v: number, t: number): void {
    if (this.busy[v]) return;
    if (this.hasPlan) {
      this.dispatch(v, t);
      return;
    }
    this.volunteerFree(v, t);
    if (!this.busy[v] && this.interprets[v]) this.interpreterFree(v, t);
  }
  /**
   * What free server v can do for person i at station s (cs: the class's station index) now:
   * SPEAKER (serve directly), an interpreter's index (serve with that interpreter), or NONE.
   */
  private option(v: number, i: number, cs: number, s: number, t: number): number {
    const e = this.eligible[(((cs / STATION_COUNT) | 0) * 3 + s - 1) * this.serverCount + v]!;
    if (e === NONE || !this.canServe(v, i)) return NONE;
    if (e <= SPEAKER) return this.canStart(v, t, this.mean[cs]!) && this.mayTake(v, i, this.mean[cs]!, t) ? SPEAKER : NONE;
    const d = this.interpretedMean[cs]!;
    return this.canStart(v, t, d) && this.mayTake(v, i, d, t) ? this.freeInterpreter(e, i, t, d) : NONE;
  }

  /**
   * A free server takes the longest-waiting person it may serve, at the latest station first;
   * `extra`, when given, stands first in line at `extraStation` without being queued. Returns
   * whom the server took, or -1.
   */
  private volunteerFree(v: number, t: number, extra = -1, extraStation = 0): number {
    const C = this.classCount;
    const L = this.levelSize;
    for (let s = REVIEW; s >= SCREENING; s--) {
      let bestQ = -1;
      let bestJoin = Number.POSITIVE_INFINITY;
      let bestU = NONE;
      if (s === extraStation) {
        const o = this.option(v, extra, this.appClass[extra]! * STATION_COUNT + s, s, t);
        if (o !== NONE) {
          bestQ = -2;
          bestJoin = this.appKey[extra]!;
          bestU = o;
        }
      }
      if (this.activeCount[s]! > 0) {
        const list = s * 2 * C;
        for (let x = 0; x < this.activeCount[s]!; x++) {
          const q = this.activeList[list + x]!;
          const i = this.qHead[q]!;
          if (this.appKey[i]! >= bestJoin) continue;
          const o = this.option(v, i, q >= L ? q - L : q, s, t);
          if (o === NONE) continue;
          bestQ = q;
          bestJoin = this.appKey[i]!;
          bestU = o;
        }
      }
      if (bestQ === -1) continue;
      const i = bestQ === -2 ? extra : this.dequeue(bestQ, s);
      const cs = this.appClass[i]! * STATION_COUNT + s;
      if (bestU === SPEAKER) this.start(i, s, v, -1, t, this.mean[cs]!);
      else this.start(i, s, v, bestU, t, this.interpretedMean[cs]!);
      return i;
    }
    return -1;
  }

  /** A free interpreter joins the longest-waiting person it can bridge to a free server. */
  private interpreterFree(u: number, t: number): void {
    const S = this.serverCount;
    const C = this.classCount;
    const L = this.levelSize;
    for (let s = REVIEW; s >= SCREENING; s--) {
      if (this.interpreting[u * STATION_COUNT + s] === 0) continue;
      let bestQ = -1;
      let bestJoin = Number.POSITIVE_INFINITY;
      let bestV = -1;
      const list = s * 2 * C;
      for (let x = 0; x < this.activeCount[s]!; x++) {
        const q = this.activeList[list + x]!;
        const cs = q >= L ? q - L : q;
        const k = (cs / STATION_COUNT) | 0;
        const bit = (k * 3 + s - 1) * S + u;
        if (!(this.eligibleInterpreter[bit >>> 5]! & (1 << (bit & 31)))) continue;
        const i = this.qHead[q]!;
        const d = this.interpretedMean[cs]!;
        if (this.appKey[i]! >= bestJoin || !this.canServe(u, i) || !this.canStart(u, t, d) || !this.mayTake(u, i, d, t)) continue;
        for (let b = this.bridgeOffset[cs]!; b < this.bridgeOffset[cs + 1]!; b++) {
          const v = this.bridgeVol[b]!;
          if (this.busy[v] || !this.bridges(b, u) || !this.canServe(v, i) || !this.canStart(v, t, d) || !this.mayTake(v, i, d, t)) continue;
          bestQ = q;
          bestJoin = this.appKey[i]!;
          bestV = v;
          break;
        }
      }
      if (bestQ >= 0) {
        const i = this.dequeue(bestQ, s);
        this.start(i, s, bestV, u, t, this.interpretedMean[bestQ >= L ? bestQ - L : bestQ]!);
        return;
      }
    }
  }

  private take(v: number): void {
    this.busy[v] = 1;
    const pos = this.freePos[v]!;
    const last = this.freeList[--this.freeCount]!;
    this.freeList[pos] = last;
    this.freePos[last] = pos;
  }

  private release(v: number): void {
    this.busy[v] = 0;
    this.freePos[v] = this.freeCount;
    this.freeList[this.freeCount++] = v;
  }

  private bridges(b: number, u: number): boolean {
    for (let x = this.bridgeInterpStart[b]!; x < this.bridgeInterpEnd[b]!; x++) if (this.bridgeInterp[x] === u) return true;
    return false;
  }

  private enqueue(q: number, s: number, i: number): void {
    this.appNext[i] = -1;
    this.appPrev[i] = this.qTail[q]!;
    this.appQueue[i] = q;
    this.appWait[i] = QUEUED;
    this.queueLength[s]!++;
    if (this.qHead[q] === -1) {
      this.qHead[q] = i;
      this.qTail[q] = i;
      if (s !== CHECK_IN && s !== FINAL_CHECK) {
        const list = s * 2 * this.classCount;
        this.activePos[q] = this.activeCount[s]!;
        this.activeList[list + this.activeCount[s]!] = q;
        this.activeCount[s]!++;
        this.notice(q, s, 1);
      }
    } else {
      this.appNext[this.qTail[q]!] = i;
      this.qTail[q] = i;
    }
  }

  /** Counts, for each server and station, the non-empty queues it may serve or interpret for. */
  private notice(q: number, s: number, change: number): void {
    const cs = q >= this.levelSize ? q - this.levelSize : q;
    for (let x = this.interpreterOffset[cs]!; x < this.interpreterOffset[cs + 1]!; x++) this.interpreting[this.interpreters[x]! * STATION_COUNT + s]! += change;
  }

  /** Whether any interpreter of a class's bridges at a station is free now. */
  private anyInterpreterFree(cs: number): boolean {
    for (let x = this.interpreterOffset[cs]!; x < this.interpreterOffset[cs + 1]!; x++) if (!this.busy[this.interpreters[x]!]) return true;
    return false;
  }

  private dequeue(q: number, s: number): number {
    const i = this.qHead[q]!;
    this.appWait[i] = 0;
    this.queueLength[s]!--;
    const after = this.appNext[i]!;
    this.qHead[q] = after;
    if (after >= 0) this.appPrev[after] = -1;
    if (after === -1) {
      this.qTail[q] = -1;
      if (s !== CHECK_IN && s !== FINAL_CHECK) {
        const list = s * 2 * this.classCount;
        const pos = this.activePos[q]!;
        const last = this.activeList[list + this.activeCount[s]! - 1]!;
        this.activeList[list + pos] = last;
        this.activePos[last] = pos;
        this.activePos[q] = -1;
        this.activeCount[s]!--;
        this.notice(q, s, -1);
      }
    }
    return i;
  }

  /** Takes a person out of the line they stand in, wherever they stand. */
  private unlink(i: number, s: number): void {
    const q = this.appQueue[i]!;
    if (this.qHead[q] === i) {
      this.dequeue(q, s);
      return;
    }
    this.appWait[i] = 0;
    this.queueLength[s]!--;
    const before = this.appPrev[i]!;
    const after = this.appNext[i]!;
    this.appNext[before] = after;
    if (after >= 0) this.appPrev[after] = before;
    else this.qTail[q] = before;
  }
}
