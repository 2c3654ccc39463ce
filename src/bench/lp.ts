/**
 * An LP upper bound on the scheduled weight of any valid plan, for the bench: how far from the
 * best possible a plan is. It relaxes time into totals (the minutes a volunteer type has, the
 * minutes its visits take) and applicants into fractional classes, so every valid plan maps to
 * a feasible LP point of the same weight and the LP optimum can only be higher.
 *
 * The plain formulation:
 * - Applicants no plan can serve are left out: none of their windows (clipped to the event's
 *   hours, on the slot grid) is as long as their shortest stay, or a needed station has no
 *   candidate at all.
 * - The rest form classes (same languages, case type, complexity, flags and priority), n_c each.
 * - Volunteers form types with the same eligibility (role, languages, case types; for an
 *   accredited rep its accreditation and whether its org hosts the event), with their minutes
 *   inside the event's hours summed (a law student's only while the supervisor is there);
 *   interpreters likewise (languages, case types). Anyone whose `max_applicants` is 0 is left out.
 * - x_c ∈ [0, n_c]; y_{c,s,o} ≥ 0 for each needed station s and option o: a volunteer type that
 *   may staff s for c and shares a language, or a (volunteer type, interpreter type) bridge.
 * - Σ_o y_{c,s,o} = x_c; per volunteer type Σ dur·y ≤ its minutes; per interpreter type
 *   Σ dur·y ≤ its minutes; Σ_c x_c·check-in ≤ desks × day, the same for final check.
 * - maximize Σ priority_c · x_c.
 *
 * `tight: true` adds cuts that every valid plan also satisfies:
 * - `max_applicants`: types are also split by that number; a limited type (k people, m each)
 *   makes at most k·m visits (or interpretations) at each station, since each applicant visits
 *   a station once. (A stronger cut, per class z ≥ its visits at each station and Σ z ≤ k·m,
 *   gave the same bounds on Fresno and 3,000×300 at many more rows.)
 * - time of day: no visit at station s starts before the earliest any class can reach s
 *   (check-in and the earlier stations at their shortest) or ends after the latest it can
 *   leave s (the later stations and final check before closing). Each type's minutes at s count
 *   only inside that span, and its total only inside the union of the spans.
 *
 * On the Fresno sample the plain LP gives 45.93 and the tightened one 44.50 (a valid plan of
 * weight 42 is known, and an exact MIP optimum is at most 43). The binding resource is the pool
 * of Spanish speakers; the plain LP counts minutes of theirs no visit can use (a screener's last
 * hour, a form filler's first quarter hour: ~1.1 of the gap) and ignores one attorney's
 * max_applicants of 4 (~0.3).
 *
 * Eligibility comes from src/domain, through the planner's model (buildModel): never re-derived.
 */
import {
  canInterpret, isCompetent, mayReview, mayStaff, repsHostOrg, shareLanguage, visitMinutes,
} from '../domain/index.js';
import type { Bundle, VisitStation, Volunteer } from '../domain/index.js';
import { buildModel } from '../planner/model.js';

export interface LpOptions {
  /** Add the max_applicants and time-of-day cuts (still a valid bound, a lower one). */
  tight?: boolean;
}

export interface LpSize {
  rows: number;
  columns: number;
  nonzeros: number;
  /** Applicant classes in the LP, volunteer types and interpreter types. */
  classes: number;
  volunteerTypes: number;
  interpreterTypes: number;
  /** Applicants no plan can serve (left out of the LP), and the total weight of those kept. */
  excluded: number;
  servableWeight: number;
}

export interface LpBound extends LpSize {
  /** The LP optimum: no valid plan schedules more weight (meaningful only when status is Optimal). */
  bound: number;
  status: string;
  buildMs: number;
  solveMs: number;
}

/** People alike in eligibility, with how many of them are there at each slot. */
interface Type {
  rep: Volunteer;
  people: number;
  /** Each member's max_applicants (tight mode only splits types by it; otherwise Infinity). */
  max: number;
  present: Int32Array;
}

interface Option {
  vt: number;
  it: number;
  minutes: number;
}

const sortedSet = (xs: readonly string[]) => [...new Set(xs)].sort().join(';');

function typeKey(v: Volunteer, bundle: Bundle): string {
  if (v.role === 'interpreter') return `interpreter|${sortedSet(v.languages)}|${sortedSet(v.caseTypes)}`;
  const rep = v.role === 'accredited_rep';
  return [v.role, sortedSet(v.languages), sortedSet(v.caseTypes),
    rep ? v.accreditation ?? '' : '', rep ? String(repsHostOrg(v, bundle.event)) : ''].join('|');
}

/** Builds the LP as CPLEX LP text, with its size. */
export function buildLp(bundle: Bundle, options: LpOptions = {}): { text: string; size: LpSize } {
  const tight = options.tight ?? false;
  const { event } = bundle;
  const model = buildModel(bundle);
  const slot = model.slotMinutes;
  const daySlots = model.daySlots;

  // Types. The model's windows are already in slots inside the event's hours, and a law
  // student's are only the slots when the supervisor is there too.
  const byKey = new Map<string, Type>();
  for (const vol of model.vols) {
    const v = vol.volunteer;
    if (vol.maxApplicants === 0 || !vol.window.some((id) => id >= 0)) continue;
    const max = tight ? vol.maxApplicants : Number.POSITIVE_INFINITY;
    const key = `${typeKey(v, bundle)}|${max}`;
    const t = byKey.get(key) ?? { rep: v, people: 0, max, present: new Int32Array(daySlots) };
    t.people++;
    vol.window.forEach((id, s) => { if (id >= 0) t.present[s]!++; });
    byKey.set(key, t);
  }
  const vt = [...byKey.values()].filter((t) => t.rep.role !== 'interpreter');
  const it = [...byKey.values()].filter((t) => t.rep.role === 'interpreter');
  const minutesIn = (t: Type, from: number, to: number) => {
    let n = 0;
    for (let s = Math.max(0, from); s < Math.min(daySlots, to); s++) n += t.present[s]!;
    return n * slot;
  };

  // Every option of a model class (languages, case type, complexity, flags), station by station;
  // null when a needed station has no candidate.
  const optionCache = new Map<number, Option[][] | null>();
  const optionsOf = (classId: number): Option[][] | null => {
    if (optionCache.has(classId)) return optionCache.get(classId)!;
    const klass = model.classes[classId]!;
    const a = klass.representative;
    const perStation = klass.stations.map(({ station: s }) => {
      const direct = visitMinutes(event, a.caseType, s, a.complexity, false);
      const interpreted = visitMinutes(event, a.caseType, s, a.complexity, true);
      const found: Option[] = [];
      vt.forEach((t, ti) => {
        const v = t.rep;
        if (!mayStaff(v.role, s) || !isCompetent(v, a.caseType)) return;
        if (s === 'review' && !mayReview(v, a, event)) return;
        if (shareLanguage(v.languages, a.languages)) {
          found.push({ vt: ti, it: -1, minutes: direct });
          return;
        }
        it.forEach((i, ii) => {
          if (canInterpret(i.rep, a.languages, v.languages, a.caseType)) found.push({ vt: ti, it: ii, minutes: interpreted });
        });
      });
      return found;
    });
    const result = perStation.some((o) => o.length === 0) ? null : perStation;
    optionCache.set(classId, result);
    return result;
  };

  // LP classes: model class × priority, counting only applicants with a window as long as
  // their shortest stay and a candidate at every station.
  const counts = new Map<string, { modelClass: number; priority: number; n: number }>();
  let excluded = 0;
  for (const app of model.apps) {
    const klass = model.classes[app.classId]!;
    if (!app.windows.some((w) => w.end - w.start >= klass.minimumStay) || !optionsOf(app.classId)) { excluded++; continue; }
    const key = `${app.classId}|${app.priority}`;
    const c = counts.get(key) ?? { modelClass: app.classId, priority: app.priority, n: 0 };
    c.n++;
    counts.set(key, c);
  }
  const lpClasses = [...counts.values()];

  // The span of the day each station can use (tight mode), in slots: [earliest start, latest end).
  const span = new Map<VisitStation, { from: number; to: number }>();
  let dayFrom = 0;
  let dayTo = daySlots;
  if (tight) {
    for (const c of lpClasses) {
      const klass = model.classes[c.modelClass]!;
      let before = klass.checkIn;
      let after = klass.directSlots + klass.finalCheck;
      for (const need of klass.stations) {
        after -= need.direct;
        const sp = span.get(need.station) ?? { from: daySlots, to: 0 };
        sp.from = Math.min(sp.from, before);
        sp.to = Math.max(sp.to, daySlots - after);
        span.set(need.station, sp);
        before += need.direct;
      }
    }
    dayFrom = Math.min(...[...span.values()].map((s) => s.from));
    dayTo = Math.max(...[...span.values()].map((s) => s.to));
  }

  const objective: string[] = [];
  const constraints: string[] = [];
  const bounds: string[] = [];
  const useTerms = (types: Type[]) => types.map(() => [] as string[]);
  const vtTerms = useTerms(vt);
  const itTerms = useTerms(it);
  /** Per type and station: the terms of its minutes there (tight mode). */
  const vtStation = vt.map(() => new Map<VisitStation, string[]>());
  const itStation = it.map(() => new Map<VisitStation, string[]>());
  /** Per limited type and station: the applicants it serves there (tight mode). */
  const vtCount = vt.map(() => new Map<VisitStation, string[]>());
  const itCount = it.map(() => new Map<VisitStation, string[]>());
  const checkInTerms: string[] = [];
  const finalTerms: string[] = [];
  let columns = 0;
  let nonzeros = 0;
  let servableWeight = 0;
  let y = 0;
  const push = (map: Map<VisitStation, string[]>, s: VisitStation, term: string) => {
    const list = map.get(s);
    if (list) list.push(term);
    else map.set(s, [term]);
  };

  lpClasses.forEach((c, ci) => {
    const stationOptions = optionsOf(c.modelClass)!;
    const klass = model.classes[c.modelClass]!;
    const x = `x${ci}`;
    columns++;
    servableWeight += c.n * c.priority;
    objective.push(`${c.priority} ${x}`);
    bounds.push(`0 <= ${x} <= ${c.n}`);
    stationOptions.forEach((found, si) => {
      const s = klass.stations[si]!.station;
      const balance: string[] = [];
      for (const o of found) {
        const name = `y${y++}`;
        columns++;
        balance.push(`+ ${name}`);
        const term = `+ ${o.minutes} ${name}`;
        vtTerms[o.vt]!.push(term);
        if (o.it >= 0) itTerms[o.it]!.push(term);
        nonzeros += o.it >= 0 ? 3 : 2;
        if (!tight) continue;
        push(vtStation[o.vt]!, s, term);
        if (o.it >= 0) push(itStation[o.it]!, s, term);
        if (Number.isFinite(vt[o.vt]!.max)) push(vtCount[o.vt]!, s, `+ ${name}`);
        if (o.it >= 0 && Number.isFinite(it[o.it]!.max)) push(itCount[o.it]!, s, `+ ${name}`);
      }
      constraints.push(`b${ci}_${si}: ${balance.join(' ')} - ${x} = 0`);
      nonzeros++;
    });
    const checkIn = klass.checkIn * slot;
    const finalCheck = klass.finalCheck * slot;
    if (checkIn > 0) { checkInTerms.push(`+ ${checkIn} ${x}`); nonzeros++; }
    if (finalCheck > 0) { finalTerms.push(`+ ${finalCheck} ${x}`); nonzeros++; }
  });

  const capacity = (prefix: string, types: Type[], terms: string[][], perStation: Map<VisitStation, string[]>[], counts: Map<VisitStation, string[]>[]) => {
    types.forEach((t, ti) => {
      if (terms[ti]!.length === 0) return;
      const total = minutesIn(t, dayFrom, dayTo);
      constraints.push(`${prefix}${ti}: ${terms[ti]!.join(' ')} <= ${total}`);
      for (const [s, list] of perStation[ti]!) {
        const sp = span.get(s)!;
        const there = minutesIn(t, sp.from, sp.to);
        if (there >= total) continue;
        constraints.push(`${prefix}${ti}_${s}: ${list.join(' ')} <= ${there}`);
        nonzeros += list.length;
      }
      for (const [s, list] of counts[ti]!) {
        constraints.push(`${prefix}${ti}_${s}_max: ${list.join(' ')} <= ${t.people * t.max}`);
        nonzeros += list.length;
      }
    });
  };
  capacity('v', vt, vtTerms, vtStation, vtCount);
  capacity('i', it, itTerms, itStation, itCount);
  const day = daySlots * slot;
  if (checkInTerms.length) constraints.push(`desk_in: ${checkInTerms.join(' ')} <= ${model.desks.checkIn * day}`);
  if (finalTerms.length) constraints.push(`desk_out: ${finalTerms.join(' ')} <= ${model.desks.finalCheck * day}`);

  // Keep lines short: wrap long expressions before a term, on indented continuation lines.
  const wrap = (line: string) => line.replace(/(.{1,200}) (?=[+-] )/g, '$1\n  ');
  const text = [
    'Maximize', wrap(` weight: ${objective.join(' + ')}`),
    'Subject To', ...constraints.map((c) => wrap(` ${c}`)),
    'Bounds', ...bounds.map((b) => ` ${b}`),
    'End', '',
  ].join('\n');
  return {
    text,
    size: {
      rows: constraints.length, columns, nonzeros, classes: lpClasses.length,
      volunteerTypes: vt.length, interpreterTypes: it.length, excluded, servableWeight,
    },
  };
}

/** The part of the `highs` package the bench uses. */
interface Highs {
  solve(lp: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number };
}

/**
 * Loads HiGHS (WebAssembly). The package's types describe a CommonJS default export while Node
 * loads its ES module, so the loader is found at run time either way.
 */
async function loadHighs(): Promise<Highs> {
  const mod = (await import('highs')) as unknown as { default: (() => Promise<Highs>) | { default: () => Promise<Highs> } };
  const loader = typeof mod.default === 'function' ? mod.default : mod.default.default;
  return loader();
}

/** Builds and solves the LP with HiGHS (no applicant can be served: a bound of 0, status Empty). */
export async function lpBound(bundle: Bundle, options: LpOptions = {}): Promise<LpBound> {
  const t0 = performance.now();
  const { text, size } = buildLp(bundle, options);
  const t1 = performance.now();
  if (size.classes === 0) return { bound: 0, status: 'Empty', ...size, buildMs: t1 - t0, solveMs: 0 };
  const highs = await loadHighs();
  const solution = highs.solve(text, { output_flag: false });
  const t2 = performance.now();
  return { bound: solution.ObjectiveValue, status: solution.Status, ...size, buildMs: t1 - t0, solveMs: t2 - t1 };
}
