import type { VisitStation } from '../domain/index.js';
import type { App, Model, StationNeed } from './model.js';

/** One visit of a path, in slots; `interp` is -1 when the volunteer speaks the applicant's language. */
export interface Visit {
  station: VisitStation;
  vol: number;
  interp: number;
  start: number;
  end: number;
}

/** An applicant's day, in slots: check-in, visits in station order, final check. */
export interface Path {
  arrival: number;
  checkInEnd: number;
  visits: Visit[];
  finalStart: number;
  end: number;
}

/** How to weigh choices of equal feasibility, in slots of delay a choice is worth. */
export interface Costs {
  /** Using someone who can review at screening or preparation. */
  reviewerElsewhere: number;
  /** Booking an interpreter. */
  interpreter: number;
  /** Leave reviewers for review and waiting short: shift visits later toward the next one. */
  compress: boolean;
  /** `first-free`: the spreadsheet way, the first volunteer in file order who is free. */
  choice: 'best' | 'first-free';
  /** Leaving someone an idle gap too short for any visit, per slot wasted. */
  fragment: number;
}

export const DEFAULT_COSTS: Costs = { reviewerElsewhere: 3, interpreter: 2, compress: true, choice: 'best', fragment: 1 };

/**
 * The earliest finish at every step, nothing else weighed: on the current bookings, a day
 * exists for an applicant exactly when `findPath` finds one with these costs.
 */
export const ALONE: Costs = { ...DEFAULT_COSTS, reviewerElsewhere: 0, interpreter: 0, fragment: 0, compress: false };

/** Gaps shorter than this many slots (15 minutes on a 5-minute grid) fit no visit and are wasted. */
const SHORT_GAP_MINUTES = 15;

/** A set of small integers with O(1) add, delete and pick-at-random. */
export class IndexSet {
  readonly items: number[] = [];
  private readonly at = new Map<number, number>();

  /** `size` is a hint only. */
  constructor(_size: number) {}

  get size(): number {
    return this.items.length;
  }

  has(i: number): boolean {
    return this.at.has(i);
  }

  add(i: number): void {
    if (this.at.has(i)) return;
    this.at.set(i, this.items.length);
    this.items.push(i);
  }

  delete(i: number): void {
    const k = this.at.get(i);
    if (k === undefined) return;
    const last = this.items.pop()!;
    if (last !== i) {
      this.items[k] = last;
      this.at.set(last, k);
    }
    this.at.delete(i);
  }

  pick(random: () => number): number {
    return this.items[Math.floor(random() * this.items.length)]!;
  }
}

/** A desk's starting occupancy: full while nobody is on shift at it, empty otherwise. */
function closed(open: Uint8Array | null, capacity: number, daySlots: number): Int16Array {
  const desk = new Int16Array(daySlots);
  if (open) for (let s = 0; s < daySlots; s++) if (open[s] === 0) desk[s] = capacity;
  return desk;
}

/**
 * The day's bookings: who is busy when, how many distinct applicants each person serves,
 * how full the desks are, and each applicant's path. All checks here are the planner's fast
 * ones; `checkPlan` re-checks every rule independently on the output.
 */
export class Schedule {
  /** For each volunteer and slot, the applicant booked then (as volunteer or interpreter), or -1. */
  readonly owner: Int32Array[];
  readonly load: Int32Array;
  readonly served: Int32Array;
  /** Each volunteer's longest free stretch inside one window: a visit longer than it cannot fit. */
  readonly longestFree: Int32Array;
  /** Each volunteer's free stretches as [start, end) pairs in order, each inside one window: the first `freeEnds[v]` entries. */
  readonly freeRuns: Int32Array[];
  readonly freeEnds: Int32Array;
  /** Each volunteer's `max_applicants` (Infinity when unlimited). */
  private readonly maxApplicants: Float64Array;
  /** 1 for each volunteer who may review at this event: their time elsewhere costs review. */
  readonly reviewer: Uint8Array;
  /** Idle stretches shorter than this many slots fit no visit. */
  readonly shortGap: number;
  readonly deskIn: Int16Array;
  readonly deskOut: Int16Array;
  readonly paths: (Path | null)[];
  /**
   * For each volunteer with a `max_applicants`, the applicants they serve and how many visits
   * each (at most that many entries): whether they may take one more is a short scan.
   */
  private readonly servedApps: Int32Array[];
  private readonly servedVisits: Int32Array[];
  readonly placed: IndexSet;
  readonly waiting: IndexSet;
  /** The unscheduled applicants of each class. */
  readonly waitingByClass: IndexSet[];
  /** Scheduled applicants per language group (preferred language), for fairness targets. */
  readonly groups = new Map<string, number>();
  /** Applicants whose day differs from the previous plan's, when re-planning. */
  changed = 0;
  private readonly differs: Uint8Array;
  weight = 0;
  count = 0;
  interpreted = 0;
  staySlots = 0;
  /** The sum of scheduled applicants' departures, in slots. */
  departureSlots = 0;

  constructor(readonly model: Model, readonly previous: readonly (Path | null)[] | null = null) {
    this.owner = model.vols.map(() => new Int32Array(model.daySlots).fill(-1));
    this.placed = new IndexSet(model.apps.length);
    this.waiting = new IndexSet(model.apps.length);
    this.waitingByClass = model.classes.map(() => new IndexSet(0));
    for (const app of model.apps) {
      this.waiting.add(app.index);
      this.waitingByClass[app.classId]!.add(app.index);
    }
    this.differs = new Uint8Array(model.apps.length);
    if (previous) {
      previous.forEach((p, i) => {
        if (p) this.differs[i] = 1;
      });
      this.changed = previous.filter((p) => p !== null).length;
    }
    this.load = new Int32Array(model.vols.length);
    this.longestFree = new Int32Array(model.vols.length);
    // A day of n slots has at most n/2 + 1 free stretches, two numbers each.
    this.freeRuns = model.vols.map(() => new Int32Array(model.daySlots + 2));
    this.freeEnds = new Int32Array(model.vols.length);
    this.maxApplicants = Float64Array.from(model.vols, (v) => v.maxApplicants);
    this.reviewer = Uint8Array.from(model.vols, (v) => (v.reviewer ? 1 : 0));
    this.shortGap = Math.ceil(SHORT_GAP_MINUTES / model.slotMinutes);
    for (let v = 0; v < model.vols.length; v++) this.measureFree(v);
    this.served = new Int32Array(model.vols.length);
    const limit = (v: number) => (Number.isFinite(this.maxApplicants[v]!) ? Math.min(this.maxApplicants[v]!, model.apps.length) : 0);
    this.servedApps = model.vols.map((_, v) => new Int32Array(limit(v)));
    this.servedVisits = model.vols.map((_, v) => new Int32Array(limit(v)));
    // A desk with nobody on shift is as good as full: no step is booked there.
    this.deskIn = closed(model.deskOpen.checkIn, model.desks.checkIn, model.daySlots);
    this.deskOut = closed(model.deskOpen.finalCheck, model.desks.finalCheck, model.daySlots);
    this.paths = model.apps.map(() => null);
  }

  /** A volunteer may take this applicant: already serving them, or under their `max_applicants`. */
  canServe(vol: number, app: number): boolean {
    if (this.served[vol]! < this.maxApplicants[vol]!) return true;
    const apps = this.servedApps[vol]!;
    for (let k = 0; k < apps.length; k++) if (apps[k] === app) return true;
    return false;
  }

  /** Free for the whole span, inside one availability window (supervised, for a law student). */
  isFree(vol: number, start: number, end: number): boolean {
    const window = this.model.vols[vol]!.window;
    const owner = this.owner[vol]!;
    const id = window[start]!;
    if (id < 0) return false;
    for (let s = start; s < end; s++) if (owner[s] !== -1 || window[s] !== id) return false;
    return true;
  }

  /** The earliest start at or after `ready` of a free span of `length` slots ending by `limit`, or -1. */
  earliest(vol: number, ready: number, length: number, limit: number): number {
    // Walk the volunteer's free stretches (a handful) rather than the day's slots.
    const runs = this.freeRuns[vol]!;
    const ends = this.freeEnds[vol]!;
    for (let k = 0; k < ends; k += 2) {
      const start = Math.max(runs[k]!, ready);
      if (start + length > limit) return -1;
      if (start + length <= runs[k + 1]!) return start;
    }
    return -1;
  }

  /** The latest start at or after `from` of a free span of `length` slots ending by `deadline`, or -1. */
  latest(vol: number, from: number, length: number, deadline: number): number {
    const runs = this.freeRuns[vol]!;
    for (let k = this.freeEnds[vol]! - 2; k >= 0; k -= 2) {
      const end = Math.min(runs[k + 1]!, deadline);
      if (end - length < from) return -1;
      if (end - length >= runs[k]!) return end - length;
    }
    return -1;
  }

  /**
   * Idle time a visit on [start, end) would strand on this volunteer: the free slots just
   * before and after it, when too few for any other visit.
   */
  stranded(vol: number, start: number, end: number): number {
    const shortGap = this.shortGap;
    const window = this.model.vols[vol]!.window;
    const owner = this.owner[vol]!;
    const id = window[start];
    let before = 0;
    for (let s = start - 1; s >= 0 && before < shortGap && owner[s] === -1 && window[s] === id; s--) before++;
    let after = 0;
    for (let s = end; s < owner.length && after < shortGap && owner[s] === -1 && window[s] === id; s++) after++;
    return (before < shortGap ? before : 0) + (after < shortGap ? after : 0);
  }

  deskEarliest(desk: Int16Array, capacity: number, ready: number, length: number, limit: number): number {
    let s = ready;
    while (s + length <= limit) {
      let k = s;
      while (k < s + length && desk[k]! < capacity) k++;
      if (k === s + length) return s;
      s = k + 1;
    }
    return -1;
  }

  deskLatest(desk: Int16Array, capacity: number, from: number, length: number, deadline: number): number {
    let s = deadline - length;
    while (s >= from) {
      let k = s + length - 1;
      while (k >= s && desk[k]! < capacity) k--;
      if (k < s) return s;
      s = k - length;
    }
    return -1;
  }

  deskFree(desk: Int16Array, capacity: number, start: number, length: number): boolean {
    for (let s = start; s < start + length; s++) if (desk[s]! >= capacity) return false;
    return true;
  }

  /** Measures a volunteer's free stretches (each inside one window) and the longest of them, from scratch. */
  private measureFree(vol: number): void {
    const window = this.model.vols[vol]!.window;
    const owner = this.owner[vol]!;
    const runs = this.freeRuns[vol]!;
    let ends = 0;
    let longest = 0;
    let start = -1;
    for (let s = 0; s <= owner.length; s++) {
      const free = s < owner.length && owner[s] === -1 && window[s]! >= 0;
      if (start >= 0 && (!free || window[s] !== window[start])) {
        runs[ends++] = start;
        runs[ends++] = s;
        longest = Math.max(longest, s - start);
        start = -1;
      }
      if (free && start < 0) start = s;
    }
    this.freeEnds[vol] = ends;
    this.longestFree[vol] = longest;
  }

  /** Books [start, end), which lies inside one free stretch: that stretch shrinks or splits in two. */
  private take(vol: number, start: number, end: number): void {
    const runs = this.freeRuns[vol]!;
    let n = this.freeEnds[vol]!;
    let k = 0;
    while (runs[k + 1]! <= start) k += 2;
    const from = runs[k]!;
    const to = runs[k + 1]!;
    if (start > from && end < to) {
      runs.copyWithin(k + 4, k + 2, n);
      runs[k + 1] = start;
      runs[k + 2] = end;
      runs[k + 3] = to;
      n += 2;
    } else if (start > from) {
      runs[k + 1] = start;
    } else if (end < to) {
      runs[k] = end;
    } else {
      runs.copyWithin(k, k + 2, n);
      n -= 2;
    }
    this.freeEnds[vol] = n;
  }

  /** Frees [start, end), inside one window: it joins the free stretches next to it in that window. */
  private give(vol: number, start: number, end: number): void {
    const runs = this.freeRuns[vol]!;
    const window = this.model.vols[vol]!.window;
    const id = window[start];
    let n = this.freeEnds[vol]!;
    let k = 0;
    while (k < n && runs[k]! < end) k += 2;
    const left = k >= 2 && runs[k - 1] === start && window[start - 1] === id;
    const right = k < n && runs[k] === end && window[end] === id;
    if (left && right) {
      runs[k - 1] = runs[k + 1]!;
      runs.copyWithin(k, k + 2, n);
      n -= 2;
    } else if (left) {
      runs[k - 1] = end;
    } else if (right) {
      runs[k] = start;
    } else {
      runs.copyWithin(k + 2, k, n);
      runs[k] = start;
      runs[k + 1] = end;
      n += 2;
    }
    this.freeEnds[vol] = n;
  }

  private book(vol: number, app: number, start: number, end: number, sign: 1 | -1): void {
    const owner = this.owner[vol]!;
    for (let s = start; s < end; s++) owner[s] = sign === 1 ? app : -1;
    if (sign === 1) this.take(vol, start, end);
    else this.give(vol, start, end);
    const runs = this.freeRuns[vol]!;
    let longest = 0;
    for (let k = 0, n = this.freeEnds[vol]!; k < n; k += 2) longest = Math.max(longest, runs[k + 1]! - runs[k]!);
    this.longestFree[vol] = longest;
    this.load[vol] = this.load[vol]! + sign * (end - start);
    const apps = this.servedApps[vol]!;
    if (apps.length === 0) return;
    const visits = this.servedVisits[vol]!;
    const served = this.served[vol]!;
    let k = 0;
    while (k < served && apps[k] !== app) k++;
    if (k === served) {
      // A first visit: the planner books only after canServe said yes, so there is room.
      k = served;
      apps[k] = app;
      visits[k] = 0;
      this.served[vol] = served + 1;
    }
    visits[k] = visits[k]! + sign;
    if (visits[k] === 0) {
      const last = this.served[vol]! - 1;
      apps[k] = apps[last]!;
      visits[k] = visits[last]!;
      this.served[vol] = last;
    }
  }

  private desk(desk: Int16Array, start: number, end: number, sign: 1 | -1): void {
    for (let s = start; s < end; s++) desk[s] = desk[s]! + sign;
  }

  private apply(app: App, path: Path, sign: 1 | -1): void {
    this.desk(this.deskIn, path.arrival, path.checkInEnd, sign);
    this.desk(this.deskOut, path.finalStart, path.end, sign);
    for (const v of path.visits) {
      this.book(v.vol, app.index, v.start, v.end, sign);
      if (v.interp >= 0) {
        this.book(v.interp, app.index, v.start, v.end, sign);
        this.interpreted += sign;
      }
    }
    this.weight += sign * app.priority;
    this.count += sign;
    this.staySlots += sign * (path.end - path.arrival);
    this.departureSlots += sign * path.end;
    const group = app.applicant.languages[0]!;
    this.groups.set(group, (this.groups.get(group) ?? 0) + sign);
  }

  private track(app: App, path: Path | null): void {
    if (!this.previous) return;
    const differs = samePath(path, this.previous[app.index] ?? null) ? 0 : 1;
    this.changed += differs - this.differs[app.index]!;
    this.differs[app.index] = differs;
  }

  commit(app: App, path: Path): void {
    this.apply(app, path, 1);
    this.paths[app.index] = path;
    this.placed.add(app.index);
    this.waiting.delete(app.index);
    this.waitingByClass[app.classId]!.delete(app.index);
    this.track(app, path);
  }

  release(app: App): Path | null {
    const path = this.paths[app.index] ?? null;
    if (path) {
      this.apply(app, path, -1);
      this.paths[app.index] = null;
      this.placed.delete(app.index);
      this.waiting.add(app.index);
      this.waitingByClass[app.classId]!.add(app.index);
      this.track(app, null);
    }
    return path;
  }
}

/** The same day as before: same arrival, and the same people at each station. */
export function samePath(a: Path | null, b: Path | null): boolean {
  if (!a || !b) return a === b;
  return a.arrival === b.arrival && a.visits.length === b.visits.length
    && a.visits.every((v, i) => v.vol === b.visits[i]!.vol && v.interp === b.visits[i]!.interp);
}

/** The very same day, to the minute: a kept day whose volunteers' calendars need no update. */
export function identicalPath(a: Path, b: Path | null): boolean {
  return b !== null && a.arrival === b.arrival && a.checkInEnd === b.checkInEnd && a.finalStart === b.finalStart && a.end === b.end
    && a.visits.length === b.visits.length
    && a.visits.every((v, i) => { const w = b.visits[i]!; return v.vol === w.vol && v.interp === w.interp && v.start === w.start && v.end === w.end; });
}

interface Choice {
  vol: number;
  interp: number;
  start: number;
  end: number;
  cost: number;
}

/** Whether any of these interpreters could still take this applicant for a visit this long. */
function anyInterpreter(schedule: Schedule, app: App, interpreters: Int32Array, length: number): boolean {
  for (let k = 0; k < interpreters.length; k++) {
    const interp = interpreters[k]!;
    if (schedule.longestFree[interp]! >= length && schedule.canServe(interp, app.index)) return true;
  }
  return false;
}

/**
 * The best way to give one station's visit inside [from, to): the earliest to end or, when
 * `late`, the latest to start, counting what it costs (a reviewer kept from review, an
 * interpreter, idle time stranded) in slots.
 */
function chooseVisit(schedule: Schedule, app: App, need: StationNeed, from: number, to: number, costs: Costs, late = false): Choice | null {
  if (costs.choice === 'first-free') return firstFree(schedule, app, need, from, to);
  let best: Choice | null = null;
  const elsewhere = need.station !== 'review';
  // A start's cost before penalties is its end when early, minus its start when late (written
  // out in each place: this loop is the planner's hottest).
  for (let i = 0; i < need.speakers.length; i++) {
    const vol = need.speakers[i]!;
    if (schedule.longestFree[vol]! < need.direct || !schedule.canServe(vol, app.index)) continue;
    const penalty = elsewhere && schedule.reviewer[vol] === 1 ? costs.reviewerElsewhere : 0;
    if (best && (late ? need.direct - to : from + need.direct) + penalty >= best.cost) continue;
    const start = late ? schedule.latest(vol, from, need.direct, to) : schedule.earliest(vol, from, need.direct, to);
    if (start < 0) continue;
    const cost = (late ? -start : start + need.direct) + penalty + costs.fragment * schedule.stranded(vol, start, start + need.direct);
    if (!best || cost < best.cost || (cost === best.cost && schedule.load[vol]! < schedule.load[best.vol]!)) {
      best = { vol, interp: -1, start, end: start + need.direct, cost };
    }
  }
  for (const { vol, interpreters } of need.bridged) {
    if (schedule.longestFree[vol]! < need.interpreted || !schedule.canServe(vol, app.index)) continue;
    if (!anyInterpreter(schedule, app, interpreters, need.interpreted)) continue;
    const penalty = costs.interpreter + (elsewhere && schedule.reviewer[vol] === 1 ? costs.reviewerElsewhere : 0);
    if (best && (late ? need.interpreted - to : from + need.interpreted) + penalty >= best.cost) continue;
    let start = late ? schedule.latest(vol, from, need.interpreted, to) : schedule.earliest(vol, from, need.interpreted, to);
    while (start >= 0) {
      const end = start + need.interpreted;
      const time = late ? -start : end;
      if (best && time + penalty >= best.cost) break;
      let found = -1;
      for (let k = 0; k < interpreters.length && found < 0; k++) {
        const interp = interpreters[k]!;
        if (schedule.canServe(interp, app.index) && schedule.isFree(interp, start, end)) found = interp;
      }
      if (found >= 0) {
        best = { vol, interp: found, start, end, cost: time + penalty };
        break;
      }
      // The volunteer's next free span: one slot later, or (late) one slot earlier.
      start = late ? schedule.latest(vol, from, need.interpreted, end - 1) : schedule.earliest(vol, start + 1, need.interpreted, to);
    }
  }
  return best;
}

/** The spreadsheet way: scan forward in time, taking the first volunteer in file order who is free. */
function firstFree(schedule: Schedule, app: App, need: StationNeed, ready: number, limit: number): Choice | null {
  const options = [
    ...[...need.speakers].map((vol) => ({ vol, length: need.direct, interpreters: null as Int32Array | null })),
    ...need.bridged.map((b) => ({ vol: b.vol, length: need.interpreted, interpreters: b.interpreters })),
  ].sort((x, y) => x.vol - y.vol);
  for (let start = ready; start < limit; start++) {
    for (const o of options) {
      const end = start + o.length;
      if (end > limit || !schedule.canServe(o.vol, app.index) || !schedule.isFree(o.vol, start, end)) continue;
      if (!o.interpreters) return { vol: o.vol, interp: -1, start, end, cost: end };
      for (const interp of o.interpreters) {
        if (schedule.canServe(interp, app.index) && schedule.isFree(interp, start, end)) return { vol: o.vol, interp, start, end, cost: end };
      }
    }
  }
  return null;
}

/**
 * Finds a whole day for one applicant on the current bookings (committing nothing): the
 * earliest check-in, then each station's best visit, then the earliest final check; then,
 * when asked, shifts earlier steps later toward the next, so that nobody waits for long.
 * With `arrival`, check-in must start exactly then.
 */
export function findPath(schedule: Schedule, app: App, costs: Costs, arrival?: number, late = false): Path | null {
  const { model } = schedule;
  const klass = model.classes[app.classId]!;
  // The latest day is sought backward from the last window; a given arrival is always forward.
  const back = late && arrival === undefined;
  const count = app.windows.length;
  for (let w = 0; w < count; w++) {
    const window = app.windows[back ? count - 1 - w : w]!;
    if (window.end - window.start < klass.minimumStay) continue;
    if (arrival !== undefined && (arrival < window.start || arrival >= window.end)) continue;
    const path = back ? backward(schedule, app, costs, window) : forward(schedule, app, costs, window, arrival);
    if (path) {
      // A given arrival (pinned, or a household's) is kept: compressing would move check-in.
      if (costs.compress && arrival === undefined) (back ? compressEarly : compress)(schedule, app, path);
      return path;
    }
  }
  return null;
}

function forward(schedule: Schedule, app: App, costs: Costs, window: { start: number; end: number }, arrival?: number): Path | null {
  const { model } = schedule;
  const klass = model.classes[app.classId]!;
  let tail = klass.finalCheck + klass.directSlots;
  let start: number;
  if (arrival !== undefined) {
    if (!schedule.deskFree(schedule.deskIn, model.desks.checkIn, arrival, klass.checkIn)) return null;
    start = arrival;
  } else {
    start = schedule.deskEarliest(schedule.deskIn, model.desks.checkIn, window.start, klass.checkIn, window.end - tail);
    if (start < 0) return null;
  }
  let ready = start + klass.checkIn;
  const visits: Visit[] = [];
  for (const need of klass.stations) {
    tail -= need.direct;
    const choice = chooseVisit(schedule, app, need, ready, window.end - tail, costs);
    if (!choice) return null;
    visits.push({ station: need.station, vol: choice.vol, interp: choice.interp, start: choice.start, end: choice.end });
    ready = choice.end;
  }
  const finalStart = schedule.deskEarliest(schedule.deskOut, model.desks.finalCheck, ready, klass.finalCheck, window.end);
  if (finalStart < 0) return null;
  if (klass.checkIn === 0) {
    // With no check-in desk the day starts at the first step: that is the arrival.
    const first = visits[0]?.start ?? finalStart;
    if (arrival !== undefined && first !== arrival) return null;
    start = first;
  }
  return { arrival: start, checkInEnd: start + klass.checkIn, visits, finalStart, end: finalStart + klass.finalCheck };
}

/** Whether a visit's volunteer (and interpreter) are both free for `length` slots from `start`. */
function visitFree(schedule: Schedule, visit: Visit, start: number, length: number): boolean {
  return schedule.isFree(visit.vol, start, start + length) && (visit.interp < 0 || schedule.isFree(visit.interp, start, start + length));
}

/** Moves each visit, then check-in, as late as its people allow before the next step: less waiting. */
function compress(schedule: Schedule, app: App, path: Path): void {
  const klass = schedule.model.classes[app.classId]!;
  let next = path.finalStart;
  for (let i = path.visits.length - 1; i >= 0; i--) {
    const visit = path.visits[i]!;
    const length = visit.end - visit.start;
    let s = next - length;
    while (s > visit.start && !visitFree(schedule, visit, s, length)) s--;
    visit.start = s;
    visit.end = s + length;
    next = s;
  }
  if (klass.checkIn > 0) {
    let s = next - klass.checkIn;
    while (s > path.arrival && !schedule.deskFree(schedule.deskIn, schedule.model.desks.checkIn, s, klass.checkIn)) s--;
    path.arrival = s;
    path.checkInEnd = s + klass.checkIn;
  } else {
    path.arrival = path.visits[0]?.start ?? path.finalStart;
    path.checkInEnd = path.arrival;
  }
}

function backward(schedule: Schedule, app: App, costs: Costs, window: { start: number; end: number }): Path | null {
  const { model } = schedule;
  const klass = model.classes[app.classId]!;
  let head = klass.checkIn + klass.directSlots;
  const finalStart = schedule.deskLatest(schedule.deskOut, model.desks.finalCheck, window.start + head, klass.finalCheck, window.end);
  if (finalStart < 0) return null;
  let deadline = finalStart;
  const visits: Visit[] = [];
  for (let i = klass.stations.length - 1; i >= 0; i--) {
    const need = klass.stations[i]!;
    head -= need.direct;
    const choice = chooseVisit(schedule, app, need, window.start + head, deadline, costs, true);
    if (!choice) return null;
    visits.unshift({ station: need.station, vol: choice.vol, interp: choice.interp, start: choice.start, end: choice.end });
    deadline = choice.start;
  }
  let start: number;
  if (klass.checkIn === 0) start = visits[0]?.start ?? finalStart;
  else {
    start = schedule.deskLatest(schedule.deskIn, model.desks.checkIn, window.start, klass.checkIn, deadline);
    if (start < 0) return null;
  }
  return { arrival: start, checkInEnd: start + klass.checkIn, visits, finalStart, end: finalStart + klass.finalCheck };
}

/** Moves each visit, then final check, as early as its people allow after the previous step: less waiting. */
function compressEarly(schedule: Schedule, app: App, path: Path): void {
  const klass = schedule.model.classes[app.classId]!;
  let prev = path.checkInEnd;
  for (const visit of path.visits) {
    const length = visit.end - visit.start;
    let s = prev;
    while (s < visit.start && !visitFree(schedule, visit, s, length)) s++;
    visit.start = s;
    visit.end = s + length;
    prev = visit.end;
  }
  if (klass.checkIn === 0) {
    path.arrival = path.visits[0]?.start ?? path.finalStart;
    path.checkInEnd = path.arrival;
  }
  let s = prev;
  while (s < path.finalStart && !schedule.deskFree(schedule.deskOut, schedule.model.desks.finalCheck, s, klass.finalCheck)) s++;
  path.finalStart = s;
  path.end = s + klass.finalCheck;
}
