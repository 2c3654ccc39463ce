import {
  canInterpret, deskMinutes, isCompetent, mayReview, mayStaff, shareLanguage, visitMinutes,
  VISIT_STATIONS,
} from '../domain/index.js';
import type { Applicant, Bundle, DeskStation, Volunteer, VisitStation, Window } from '../domain/index.js';

/**
 * The planning problem in slots (the event's grid) with every eligibility question answered
 * once: who may serve whom at which station, directly or through which interpreters.
 */
export interface Model {
  bundle: Bundle;
  slotMinutes: number;
  daySlots: number;
  vols: Vol[];
  apps: App[];
  classes: AppClass[];
  desks: { checkIn: number; finalCheck: number };
  /** Desk shifts of the roster's greeters and organizers, in slots. */
  shifts: DeskShift[];
  /**
   * For each desk the roster staffs, whether someone is on shift at each slot; null for a
   * desk nobody on the roster is given, which is open all day (and warned about).
   */
  deskOpen: { checkIn: Uint8Array | null; finalCheck: Uint8Array | null };
  /** For each volunteer, the classes they could serve or interpret for: where freed time may help. */
  volClasses: number[][];
}

export interface Vol {
  index: number;
  volunteer: Volunteer;
  /**
   * For each slot, which availability window it lies in (-1 when unavailable). A law student's
   * ids combine their window and their supervisor's, so a visit inside one id is supervised.
   */
  window: Int32Array;
  maxApplicants: number;
  /** May review some case at this event: time spent elsewhere is time taken from review. */
  reviewer: boolean;
  /** Available at some time of the day at all. */
  present: boolean;
}

export interface App {
  index: number;
  applicant: Applicant;
  priority: number;
  classId: number;
  /** The applicant's windows in slots, clipped to the event's hours; empty when none overlaps. */
  windows: { start: number; end: number }[];
  household: number;
}

/**
 * Applicants alike in class and hours (and, when given, a fixed arrival): on the same bookings
 * one finds a day exactly when the other does.
 */
export function alikeKey(app: App, arrival?: number): string {
  return `${app.classId}|${app.windows.map((w) => `${w.start}-${w.end}`).join(',')}|${arrival ?? ''}`;
}

/** One stretch of a volunteer's day at a desk, in slots. */
export interface DeskShift {
  vol: number;
  station: DeskStation;
  start: number;
  end: number;
}

/** Who can serve one station for one kind of applicant. */
export interface StationNeed {
  station: VisitStation;
  /** Length in slots when the volunteer speaks the applicant's language, and when interpreted. */
  direct: number;
  interpreted: number;
  /** Volunteers who share a language with the applicant. */
  speakers: Int32Array;
  /** Volunteers who need an interpreter, each with the interpreters who bridge them. */
  bridged: { vol: number; interpreters: Int32Array }[];
}

/** Applicants alike in languages, case type, complexity and flags need the same people. */
export interface AppClass {
  key: string;
  representative: Applicant;
  checkIn: number;
  finalCheck: number;
  stations: StationNeed[];
  /** The slots of every visit when nobody needs an interpreter. */
  directSlots: number;
  /** The fewest slots a stay can take: desks plus every visit at its shortest. */
  minimumStay: number;
}

/** Slot indices of a window of elapsed minutes, rounded inward to the grid and clipped to the day. */
function windowSlots(w: Window, slotMinutes: number, daySlots: number): { start: number; end: number } {
  return { start: Math.max(0, Math.ceil(w.start / slotMinutes)), end: Math.min(daySlots, Math.floor(w.end / slotMinutes)) };
}

function windowIds(windows: Window[], slotMinutes: number, daySlots: number): Int32Array {
  const ids = new Int32Array(daySlots).fill(-1);
  windows.forEach((w, id) => {
    const { start, end } = windowSlots(w, slotMinutes, daySlots);
    for (let s = start; s < end; s++) if (ids[s] === -1) ids[s] = id;
  });
  return ids;
}

/** What makes two applicants alike to the planner and the simulator: their languages, case type, complexity and flags. */
export function classKey(a: Pick<Applicant, 'languages' | 'caseType' | 'complexity' | 'flags'>): string {
  return `${[...a.languages].sort().join(';')}|${a.caseType}|${a.complexity}|${[...a.flags].sort().join(';')}`;
}

/** Interpreters who bridge two language sets for a case type, remembered: rosters repeat a few language sets. */
type BridgeCache = Map<string, Int32Array>;

function stationNeed(bundle: Bundle, vols: Vol[], a: Applicant, station: VisitStation, bridgeCache: BridgeCache): StationNeed | null {
  const { event } = bundle;
  const direct = visitMinutes(event, a.caseType, station, a.complexity, false) / event.slotMinutes;
  if (direct === 0) return null;
  const interpreted = visitMinutes(event, a.caseType, station, a.complexity, true) / event.slotMinutes;
  const speakers: number[] = [];
  const bridged: { vol: number; interpreters: Int32Array }[] = [];
  for (const vol of vols) {
    const v = vol.volunteer;
    if (!mayStaff(v.role, station) || !isCompetent(v, a.caseType)) continue;
    if (station === 'review' && !mayReview(v, a, event)) continue;
    if (vol.maxApplicants === 0 || !vol.present) continue;
    if (shareLanguage(v.languages, a.languages)) {
      speakers.push(vol.index);
      continue;
    }
    const key = `${v.languages.join(';')}|${a.languages.join(';')}|${a.caseType}`;
    let bridges = bridgeCache.get(key);
    if (!bridges) {
      bridges = Int32Array.from(vols.filter((i) => i.volunteer.role === 'interpreter' && i.maxApplicants > 0
        && canInterpret(i.volunteer, a.languages, v.languages, a.caseType)).map((i) => i.index));
      bridgeCache.set(key, bridges);
    }
    if (bridges.length > 0) bridged.push({ vol: vol.index, interpreters: bridges });
  }
  // Volunteers who cannot review come first, so that equal choices leave reviewers for review.
  const order = (x: number) => (station !== 'review' && vols[x]!.reviewer ? 1 : 0);
  speakers.sort((x, y) => order(x) - order(y) || x - y);
  bridged.sort((x, y) => order(x.vol) - order(y.vol) || x.vol - y.vol);
  return { station, direct, interpreted, speakers: Int32Array.from(speakers), bridged };
}

/** Each stretch of one window id in a volunteer's day, in order. */
function stretches(window: Int32Array): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let s = 0; s < window.length;) {
    if (window[s]! < 0) {
      s++;
      continue;
    }
    let e = s;
    while (e < window.length && window[e] === window[s]) e++;
    out.push({ start: s, end: e });
    s = e;
  }
  return out;
}

/**
 * Desk shifts for the greeters and organizers (`general`), who staff only the desks. Those
 * there least go first; each stretch of their day goes to the desk it leaves unstaffed the
 * most, counting only when that desk can be needed: check-in until a typical stay (`stay`
 * slots) before closing, final check from a typical stay after opening; final check on a tie,
 * as every applicant needs it when the afternoon jams.
 */
export function assignDeskShifts(vols: Vol[], daySlots: number, stay: number): DeskShift[] {
  const covered = { check_in: new Uint8Array(daySlots), final_check: new Uint8Array(daySlots) };
  const needed = { check_in: [0, daySlots - stay], final_check: [stay, daySlots] } as const;
  const uncovered = (station: DeskStation, from: number, to: number) => {
    let n = 0;
    for (let s = Math.max(from, needed[station][0]); s < Math.min(to, needed[station][1]); s++) if (covered[station][s] === 0) n++;
    return n;
  };
  const desk = vols.filter((v) => v.volunteer.role === 'general' && v.present)
    .map((v) => ({ v, slots: v.window.reduce((n, id) => n + (id >= 0 ? 1 : 0), 0) }))
    .sort((x, y) => x.slots - y.slots || x.v.index - y.v.index);
  const shifts: DeskShift[] = [];
  for (const { v } of desk) {
    for (const { start, end } of stretches(v.window)) {
      const station: DeskStation = uncovered('check_in', start, end) > uncovered('final_check', start, end) ? 'check_in' : 'final_check';
      covered[station].fill(1, start, end);
      shifts.push({ vol: v.index, station, start, end });
    }
  }
  return shifts.sort((x, y) => x.vol - y.vol || x.start - y.start);
}

/** Slots when someone is on shift at a desk, or null when nobody is ever given it. */
function openAt(shifts: DeskShift[], station: DeskStation, daySlots: number): Uint8Array | null {
  const mine = shifts.filter((s) => s.station === station);
  if (mine.length === 0) return null;
  const open = new Uint8Array(daySlots);
  for (const s of mine) open.fill(1, s.start, s.end);
  return open;
}

/** Builds the model: volunteers' windows in slots, applicant classes and their candidates. */
export function buildModel(bundle: Bundle): Model {
  const { event } = bundle;
  const slotMinutes = event.slotMinutes;
  const daySlots = Math.floor(event.dayMinutes / slotMinutes);
  const byId = new Map(bundle.volunteers.map((v) => [v.id, v]));
  const vols: Vol[] = bundle.volunteers.map((volunteer, index) => {
    let window = windowIds(volunteer.available, slotMinutes, daySlots);
    if (volunteer.role === 'law_student') {
      const supervisor = volunteer.supervisor === undefined ? undefined : byId.get(volunteer.supervisor);
      const theirs = supervisor && supervisor.role === 'attorney' ? windowIds(supervisor.available, slotMinutes, daySlots) : new Int32Array(daySlots).fill(-1);
      window = window.map((id, s) => (id >= 0 && theirs[s]! >= 0 ? id * 1024 + theirs[s]! : -1));
    }
    const reviewer = volunteer.role === 'attorney' || (volunteer.role === 'accredited_rep'
      && mayReview(volunteer, { complexity: 'straightforward', flags: [] }, event));
    return {
      index, volunteer, window, maxApplicants: volunteer.maxApplicants ?? Number.POSITIVE_INFINITY, reviewer,
      present: window.some((id) => id >= 0),
    };
  });

  const classes: AppClass[] = [];
  const classIds = new Map<string, number>();
  const bridgeCache: BridgeCache = new Map();
  const households = new Map<string, number>();
  const apps: App[] = bundle.applicants.map((applicant, index) => {
    const key = classKey(applicant);
    let classId = classIds.get(key);
    if (classId === undefined) {
      classId = classes.length;
      classIds.set(key, classId);
      const stations = VISIT_STATIONS.map((st) => stationNeed(bundle, vols, applicant, st, bridgeCache)).filter((n): n is StationNeed => n !== null);
      const checkIn = deskMinutes(event, applicant.caseType, 'check_in') / slotMinutes;
      const finalCheck = deskMinutes(event, applicant.caseType, 'final_check') / slotMinutes;
      classes.push({
        key, representative: applicant, checkIn, finalCheck, stations,
        directSlots: stations.reduce((sum, n) => sum + n.direct, 0),
        // A station only interpreters can bridge takes its interpreted length at the least.
        minimumStay: checkIn + finalCheck + stations.reduce((sum, n) => sum + (n.speakers.length === 0 && n.bridged.length > 0 ? n.interpreted : n.direct), 0),
      });
    }
    let household = -1;
    if (applicant.household !== undefined) {
      household = households.get(applicant.household) ?? households.size;
      households.set(applicant.household, household);
    }
    const windows = applicant.available.map((w) => windowSlots(w, slotMinutes, daySlots)).filter((w) => w.end > w.start);
    return { index, applicant, priority: applicant.priority, classId, windows, household };
  });
  const volClasses: number[][] = vols.map(() => []);
  classes.forEach((klass, id) => {
    const people = new Set<number>();
    for (const need of klass.stations) {
      for (const v of need.speakers) people.add(v);
      for (const b of need.bridged) {
        people.add(b.vol);
        for (const i of b.interpreters) people.add(i);
      }
    }
    for (const v of people) volClasses[v]!.push(id);
  });
  // A typical stay, from the event's case types (not its applicants, so that the desks do not
  // change with who registers): the median of each type's straightforward stay.
  const stays = Object.keys(event.caseTypes).map((ct) => (deskMinutes(event, ct, 'check_in') + deskMinutes(event, ct, 'final_check')
    + VISIT_STATIONS.reduce((sum, st) => sum + visitMinutes(event, ct, st, 'straightforward', false), 0)) / slotMinutes).sort((x, y) => x - y);
  const shifts = assignDeskShifts(vols, daySlots, stays[Math.floor(stays.length / 2)]!);
  return {
    bundle, slotMinutes, daySlots, vols, apps, classes, volClasses,
    desks: { checkIn: event.desks.check_in, finalCheck: event.desks.final_check },
    shifts,
    deskOpen: { checkIn: openAt(shifts, 'check_in', daySlots), finalCheck: openAt(shifts, 'final_check', daySlots) },
  };
}
