/**
 * What-if: whom should we add? For each kind of volunteer (role × languages) the demand lacks,
 * the expected gain in served applicants from adding one for the whole day. The day is
 * re-planned with the newcomer (keeping the base plan's appointments, as a coordinator
 * would), then simulated with the same runs and seeds as the base day: every applicant and
 * walk-in draws the same no-show and service times in both (common random numbers), so the
 * difference is the newcomer's doing, not noise.
 */
import { STATIONS } from '../domain/index.js';
import type { Bundle, Role, Volunteer } from '../domain/index.js';
import { plan as makePlan } from '../planner/index.js';
import type { PlanJson } from '../planner/types.js';
import type { CapacityBound } from './capacity.js';
import { appointments, compileDay, dayModel, simulateDay } from './day.js';
import type { Day, DayRuns } from './day.js';

export interface Addition {
  role: Role;
  languages: string[];
}

/** A simulated day to compare against: its bundle, plan and runs. */
export interface Baseline {
  bundle: Bundle;
  plan: PlanJson;
  day: Day;
  runs: DayRuns;
  seed: number;
}

export interface Gain {
  add: Addition;
  /** Mean over runs of (served with the newcomer − served without). */
  gain: number;
  /** Half-width of a 95% interval for that mean, from the paired differences. */
  ci95: number;
  /** Appointments the re-planned day books beyond the base plan's. */
  scheduledGain: number;
}

/** Who does each visit station's work, at the least legal standing it needs. */
const STATION_ROLE: Record<number, Role> = { 1: 'screener', 2: 'form_filler', 3: 'attorney' };

/** A newcomer of a kind, available all day for every case type (an accredited rep of a host org, fully accredited). */
export function additionVolunteer(bundle: Bundle, add: Addition, n: number): Volunteer {
  const volunteer: Volunteer = {
    id: `~what-if-${n}`, name: 'what-if', role: add.role, languages: [...add.languages], caseTypes: [],
    available: [{ start: 0, end: bundle.event.dayMinutes }],
  };
  if (add.role === 'accredited_rep') {
    volunteer.accreditation = 'full';
    volunteer.org = bundle.event.hostOrgs[0];
  }
  if (add.role === 'law_student') volunteer.supervisor = bundle.volunteers.find((v) => v.role === 'attorney')?.id;
  return volunteer;
}

/** Simulates the base day again with one more volunteer, re-planned, and compares run by run. */
export function gainOf(base: Baseline, add: Addition): Gain {
  const bundle: Bundle = { ...base.bundle, volunteers: [...base.bundle.volunteers, additionVolunteer(base.bundle, add, 0)] };
  return { add, ...pairedGain(base, bundle, makePlan(bundle, { quick: true, seed: base.seed, previous: base.plan })) };
}

/**
 * Simulates a changed day (`bundle`, planned as `replanned`) with the base day's runs and seeds
 * and compares run by run: the mean gain in people served, its 95% half-width, and the
 * appointments gained.
 */
export function pairedGain(base: Baseline, bundle: Bundle, replanned: PlanJson): Omit<Gain, 'add'> {
  const day = compileDay(bundle, dayModel(bundle));
  const runs = simulateDay(day, appointments(day, replanned), base.runs.runs, base.seed);
  const n = base.runs.runs;
  let sum = 0;
  let squares = 0;
  for (let r = 0; r < n; r++) {
    const d = runs.served[r]! - base.runs.served[r]!;
    sum += d;
    squares += d * d;
  }
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (squares - n * mean * mean) / (n - 1)) : 0;
  return { gain: mean, ci95: 1.96 * Math.sqrt(variance / n), scheduledGain: replanned.scheduled.length - base.plan.scheduled.length };
}

/** Where the day lacks people: expected unserved applicants per class and station (index k * 5 + s). */
export function shortfall(base: Baseline, capacity: CapacityBound): Float64Array {
  const { model, network } = base.day;
  const lack = Float64Array.from(network.unserved, (x) => x / base.runs.runs);
  const come = 1 - base.bundle.event.simulation.noShowRate;
  const index = new Map(base.bundle.applicants.map((a, i) => [a.id, i]));
  for (const u of base.plan.unscheduled) {
    const i = index.get(u.applicant);
    if (i === undefined || u.reason === 'invalid' || u.reason === 'outside_hours') continue;
    const k = model.apps[i]!.classId;
    // Where nobody can serve the class; else where the capacity bound serves the smallest share of it.
    let s = network.blockedAt[k]!;
    if (s < 0) {
      s = 0;
      let best = Number.POSITIVE_INFINITY;
      for (const need of model.classes[k]!.stations) {
        const station = STATIONS.indexOf(need.station);
        const share = capacity.share[k * 5 + station]!;
        if (share < best - 1e-12 || (Math.abs(share - best) <= 1e-12 && capacity.load[need.station] > capacity.load[STATIONS[s]!])) {
          best = share;
          s = station;
        }
      }
    }
    lack[k * 5 + s]! += come;
  }
  return lack;
}

/**
 * The kinds of volunteer the demand lacks, most needed first: for each class and visit station
 * short of people, a volunteer of the station's role or an attorney speaking one of the class's
 * languages, and where nobody speaks them an interpreter to the roster's common languages. Each
 * kind is scored by the shortfall it could serve (as the planner's model says, with the kind
 * added), and kinds that serve none are left out.
 */
export function candidates(base: Baseline, lack: Float64Array, limit: number): Addition[] {
  const { bundle, day } = base;
  const model = day.model;
  const counts = new Map<string, number>();
  for (const v of bundle.volunteers) if (v.role !== 'interpreter') for (const l of v.languages) counts.set(l, (counts.get(l) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([l]) => l);
  const kinds = new Map<string, Addition>();
  const add = (role: Role, languages: string[]) => {
    const key = `${role}|${languages.join(';')}`;
    if (!kinds.has(key)) kinds.set(key, { role, languages });
  };
  for (let k = 0; k < model.classes.length; k++) {
    const klass = model.classes[k]!;
    const languages = klass.representative.languages;
    for (const need of klass.stations) {
      const s = STATIONS.indexOf(need.station);
      if (lack[k * 5 + s]! <= 0) continue;
      for (const l of languages) {
        add(STATION_ROLE[s]!, [l]);
        add('attorney', [l]);
      }
      if (need.speakers.length === 0) {
        for (const other of common.filter((l) => !languages.includes(l)).slice(0, 2)) add('interpreter', [languages[0]!, other]);
      }
    }
  }
  const list = [...kinds.values()];
  if (list.length === 0) return [];
  const V = bundle.volunteers.length;
  const combined = dayModel(bundle, list.map((a, n) => additionVolunteer(bundle, a, n)));
  const score = new Float64Array(list.length);
  const covers = new Uint8Array(list.length);
  // The same applicants make the same classes, with or without the newcomers.
  combined.classes.forEach((klass, k) => {
    // A kind may serve a class at a station directly, or with the roster's own interpreters or volunteers.
    const at = (need: (typeof klass.stations)[number]) => {
      covers.fill(0);
      for (const v of need.speakers) if (v >= V) covers[v - V] = 1;
      for (const b of need.bridged) {
        if (b.vol >= V && b.interpreters.some((u) => u < V)) covers[b.vol - V] = 1;
        if (b.vol < V) for (const u of b.interpreters) if (u >= V) covers[u - V] = 1;
      }
      return Uint8Array.from(covers);
    };
    if (day.network.blockedAt[k]! >= 0) {
      // Nobody serves this class somewhere: only a kind that unblocks every such station helps.
      const before = model.classes[k]!.stations;
      const weight = lack.subarray(k * 5, k * 5 + 5).reduce((a, b) => a + b, 0);
      const all = new Uint8Array(list.length).fill(1);
      klass.stations.forEach((need, x) => {
        if (before[x]!.speakers.length > 0 || before[x]!.bridged.length > 0) return;
        const c = at(need);
        for (let n = 0; n < list.length; n++) all[n]! &= c[n]!;
      });
      for (let n = 0; n < list.length; n++) if (all[n]) score[n]! += weight;
      return;
    }
    const stations = klass.stations.filter((n) => lack[k * 5 + STATIONS.indexOf(n.station)]! > 0);
    for (const need of stations) {
      const c = at(need);
      const weight = lack[k * 5 + STATIONS.indexOf(need.station)]!;
      for (let n = 0; n < list.length; n++) if (c[n]) score[n]! += weight;
    }
  });
  return list
    .map((a, n) => ({ a, n, score: score[n]! }))
    .filter((x) => x.score > 1e-9)
    .sort((x, y) => y.score - x.score || x.n - y.n)
    .slice(0, limit)
    .map((x) => x.a);
}
