/**
 * The analytic capacity bound: the most applicants the roster could serve today, from each
 * station's staffed minutes against the demand's minutes, with languages, roles, review rules
 * and case types included (the planner's model answers who may serve whom).
 *
 * Each limit is exact for a relaxation of the day (visits may be split among volunteers, and
 * time of day is ignored), so the smallest of them is a true upper bound:
 * - each desk: its desks × the day's minutes;
 * - each visit station: every applicant served there takes its visit minutes (interpreted
 *   length when nobody speaks the language) from a volunteer eligible for that class there;
 * - interpretation: an applicant whom only interpreters can bridge takes those minutes from
 *   an interpreter who bridges them;
 * - all visits together: a volunteer's day is spent once, across stations;
 * - the demand itself (registered applicants who come, plus expected walk-ins).
 * A station's limit is the optimum of a linear program over a polymatroid (loads that a
 * bipartite flow can carry), which the greedy "shortest visits first, each as far as the flow
 * allows" solves exactly.
 */
import { STATIONS, VISIT_STATIONS } from '../domain/index.js';
import type { Station } from '../domain/index.js';
import type { Model, StationNeed } from '../planner/model.js';

export type CapacityLimit = Station | 'interpretation' | 'all_visits' | 'demand';

export interface CapacityBound {
  /** The most applicants the roster could serve: the smallest limit. */
  bound: number;
  /** The station that sets the bound: the binding limit's, or the most loaded one under a shared limit or the demand. */
  bindingStation: Station;
  /** The limit that sets the bound. */
  binding: CapacityLimit;
  limits: Record<CapacityLimit, number>;
  /** Demand minutes over the minutes of those who may staff the station. */
  load: Record<Station, number>;
  /** Per class and station (k * 5 + s): the share of the class's demand within the station's own limit. */
  share: Float64Array;
}

/** Applicants of one kind who need `minutes` each from any one of `eligible` resources. */
export interface LoadItem {
  demand: number;
  minutes: number;
  eligible: ArrayLike<number>;
}

const EPS = 1e-9;

/**
 * The most applicants (fractional) that resources of the given minutes can serve: items in
 * order of fewest minutes each, each pushed as far as a max-flow (rerouting earlier items'
 * minutes, never reducing them) allows. Exact for maximizing the count. Returns the count
 * served of each item.
 */
export function maxServed(items: readonly LoadItem[], capacity: ArrayLike<number>): Float64Array {
  const served = new Float64Array(items.length);
  // Resources with the same eligible items are one resource: fewer nodes, same optimum.
  const lists: number[][] = Array.from({ length: capacity.length }, () => []);
  items.forEach((item, i) => {
    for (let x = 0; x < item.eligible.length; x++) lists[item.eligible[x]!]!.push(i);
  });
  const typeOf = new Map<string, number>();
  const typeCap: number[] = [];
  const typeItems: number[][] = [];
  lists.forEach((list, r) => {
    if (list.length === 0 || capacity[r]! <= 0) return;
    const key = list.join(',');
    let t = typeOf.get(key);
    if (t === undefined) {
      t = typeCap.length;
      typeOf.set(key, t);
      typeCap.push(0);
      typeItems.push(list);
    }
    typeCap[t]! += capacity[r]!;
  });
  const T = typeCap.length;
  const itemTypes: number[][] = items.map(() => []);
  typeItems.forEach((list, t) => {
    for (const i of list) itemTypes[i]!.push(t);
  });
  const flow = new Float64Array(items.length * T);
  const residual = Float64Array.from(typeCap);
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.minutes - items[b]!.minutes || a - b);
  const done = new Uint8Array(items.length);
  const via = new Int32Array(T);
  const prev = new Int32Array(T);
  const seenType = new Int32Array(T).fill(-1);
  const seenItem = new Int32Array(items.length).fill(-1);
  const frontier = new Int32Array(T);
  let search = 0;
  for (const i of order) {
    const item = items[i]!;
    if (item.demand <= 0) continue;
    if (item.minutes <= 0) {
      served[i] = item.demand;
      done[i] = 1;
      continue;
    }
    const want = item.demand * item.minutes;
    let remaining = want;
    while (remaining > EPS * want) {
      // Breadth-first search for a type with minutes left, through earlier items' flows.
      search++;
      let head = 0;
      let tail = 0;
      seenItem[i] = search;
      for (const t of itemTypes[i]!) {
        seenType[t] = search;
        via[t] = i;
        prev[t] = -1;
        frontier[tail++] = t;
      }
      let end = -1;
      while (head < tail) {
        const t = frontier[head++]!;
        if (residual[t]! > EPS) {
          end = t;
          break;
        }
        for (const k of typeItems[t]!) {
          if (!done[k] || seenItem[k] === search || flow[k * T + t]! <= EPS) continue;
          seenItem[k] = search;
          for (const t2 of itemTypes[k]!) {
            if (seenType[t2] === search) continue;
            seenType[t2] = search;
            via[t2] = k;
            prev[t2] = t;
            frontier[tail++] = t2;
          }
        }
      }
      if (end < 0) break;
      let delta = Math.min(remaining, residual[end]!);
      for (let t = end; prev[t]! >= 0; t = prev[t]!) delta = Math.min(delta, flow[via[t]! * T + prev[t]!]!);
      residual[end]! -= delta;
      for (let t = end; ; t = prev[t]!) {
        flow[via[t]! * T + t]! += delta;
        if (prev[t]! < 0) break;
        flow[via[t]! * T + prev[t]!]! -= delta;
      }
      remaining -= delta;
    }
    served[i] = ((want - remaining) / want) * item.demand;
    done[i] = 1;
  }
  return served;
}

/** Minutes each volunteer is available, at most `maxApplicants` × the longest visit it could take. */
function capacities(model: Model, items: readonly LoadItem[]): Float64Array {
  const longest = new Float64Array(model.vols.length);
  for (const item of items) {
    for (let x = 0; x < item.eligible.length; x++) {
      const v = item.eligible[x]!;
      longest[v] = Math.max(longest[v]!, item.minutes);
    }
  }
  return Float64Array.from(model.vols, (vol, v) => {
    let slots = 0;
    for (const id of vol.window) if (id >= 0) slots++;
    const minutes = slots * model.slotMinutes;
    return Number.isFinite(vol.maxApplicants) ? Math.min(minutes, vol.maxApplicants * longest[v]!) : minutes;
  });
}

/** The volunteers who could serve a class at a station: speakers, and those bridged only when nobody speaks. */
function staff(need: StationNeed): number[] {
  return need.speakers.length > 0 ? [...need.speakers, ...need.bridged.map((b) => b.vol)] : need.bridged.map((b) => b.vol);
}

function needMinutes(need: StationNeed, slot: number): number {
  return (need.speakers.length > 0 ? need.direct : need.interpreted) * slot;
}

/**
 * The capacity bound for a demand: `demand[k]` applicants of model class k expected today
 * (fractions allowed). Classes that some station cannot serve at all count for nothing.
 */
export function capacityBound(model: Model, demand: ArrayLike<number>, desks: { check_in: number; final_check: number }, dayMinutes: number): CapacityBound {
  const slot = model.slotMinutes;
  const C = model.classes.length;
  const servable = model.classes.map((klass) => klass.stations.every((n) => n.speakers.length > 0 || n.bridged.length > 0));
  const want = Float64Array.from({ length: C }, (_, k) => (servable[k] ? demand[k]! : 0));
  const total = want.reduce((a, b) => a + b, 0);
  const share = new Float64Array(C * 5);
  const limits = { demand: total } as Record<CapacityLimit, number>;
  const load = {} as Record<Station, number>;

  const record = (s: number, items: LoadItem[], classes: number[], cap: ArrayLike<number>): number => {
    const served = maxServed(items, cap);
    let sum = 0;
    let minutes = 0;
    let capacity = 0;
    const used = new Uint8Array(cap.length);
    items.forEach((item, i) => {
      sum += served[i]!;
      minutes += item.demand * item.minutes;
      if (item.demand > 0) share[classes[i]! * 5 + s] = served[i]! / item.demand;
      for (let x = 0; x < item.eligible.length; x++) used[item.eligible[x]!] = 1;
    });
    for (let r = 0; r < cap.length; r++) if (used[r]) capacity += cap[r]!;
    load[STATIONS[s]!] = minutes === 0 ? 0 : minutes / capacity;
    return sum;
  };

  const classIds = Array.from({ length: C }, (_, k) => k);
  const deskCount = [desks.check_in, desks.final_check];
  ([0, 4] as const).forEach((s, d) => {
    const items = model.classes.map((klass, k): LoadItem => ({ demand: want[k]!, minutes: (s === 0 ? klass.checkIn : klass.finalCheck) * slot, eligible: [0] }));
    limits[STATIONS[s]!] = record(s, items, classIds, [deskCount[d]! * dayMinutes]);
  });

  VISIT_STATIONS.forEach((station, j) => {
    const s = j + 1;
    const items: LoadItem[] = [];
    const classes: number[] = [];
    let free = 0;
    model.classes.forEach((klass, k) => {
      if (want[k]! <= 0) return;
      const need = klass.stations.find((n) => n.station === station);
      if (!need) {
        free += want[k]!;
        share[k * 5 + s] = 1;
        return;
      }
      items.push({ demand: want[k]!, minutes: needMinutes(need, slot), eligible: staff(need) });
      classes.push(k);
    });
    limits[station] = free + record(s, items, classes, capacities(model, items));
  });

  // Interpretation: only classes some station can serve through an interpreter alone.
  {
    const items: LoadItem[] = [];
    let free = 0;
    model.classes.forEach((klass, k) => {
      if (want[k]! <= 0) return;
      let minutes = 0;
      const interpreters = new Set<number>();
      for (const need of klass.stations) {
        if (need.speakers.length > 0) continue;
        minutes += need.interpreted * slot;
        for (const b of need.bridged) for (const u of b.interpreters) interpreters.add(u);
      }
      if (minutes === 0) free += want[k]!;
      else items.push({ demand: want[k]!, minutes, eligible: [...interpreters].sort((a, b) => a - b) });
    });
    const served = maxServed(items, capacities(model, items));
    limits.interpretation = free + served.reduce((a, b) => a + b, 0);
  }

  // All visits together: a volunteer's minutes are spent once, whatever the station.
  {
    const items: LoadItem[] = model.classes.map((klass, k) => {
      const people = new Set<number>();
      let minutes = 0;
      for (const need of klass.stations) {
        minutes += needMinutes(need, slot);
        for (const v of staff(need)) people.add(v);
      }
      return { demand: want[k]!, minutes, eligible: [...people].sort((a, b) => a - b) };
    });
    const served = maxServed(items, capacities(model, items));
    limits.all_visits = served.reduce((a, b) => a + b, 0);
  }

  const names: CapacityLimit[] = ['demand', ...STATIONS, 'interpretation', 'all_visits'];
  let binding: CapacityLimit = 'demand';
  for (const name of names) if (limits[name] < limits[binding] - EPS) binding = name;
  // The binding station: the binding one; for a limit shared by the visit stations, the most
  // loaded visit station; when the demand binds, the most loaded station.
  const among: readonly Station[] = binding === 'demand' ? STATIONS : binding === 'interpretation' || binding === 'all_visits' ? VISIT_STATIONS : [binding];
  let bindingStation: Station = among[0]!;
  for (const station of among) if (load[station] > load[bindingStation]) bindingStation = station;
  return { bound: limits[binding], bindingStation, binding, limits, load, share };
}
