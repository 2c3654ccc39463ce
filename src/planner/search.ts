import { alikeKey } from './model.js';
import type { App } from './model.js';
import { ALONE, findPath, identicalPath } from './schedule.js';
import type { Costs, Path, Schedule } from './schedule.js';

/** What the search keeps fixed and what it prefers, beyond serving the most priority. */
export interface SearchRules {
  costs: Costs;
  /** Applicants whose arrival must stay where it was published, by index → arrival slot. */
  pinned: Map<number, number>;
  /**
   * Proportional fairness: how many of each language group (by preferred language) to serve.
   * A shortfall below these targets outweighs total priority.
   */
  targets?: Map<string, number>;
  /**
   * Fair selection: each applicant's place in the lottery order (most urgent first, then by
   * lot). A day is better when it serves someone earlier in that order, whatever it costs in
   * people served further down; absent, a day is better when it serves more priority.
   */
  rank?: Int32Array;
}

/** The language group an applicant counts in for fairness: their preferred language. */
export const languageGroup = (app: App): string => app.applicant.languages[0]!;

/** Applicants of one household, and a lottery ticket: equal priorities are ordered by lot, not by cost. */
interface Group {
  apps: App[];
  priority: number;
  ticket: number;
}

/**
 * The order of the first plan: most urgent first; among equals, a seeded lottery (never the
 * cheapest to serve first, which would drop long and interpreted cases). A household's
 * members go together, at the priority of its most urgent member.
 */
export function lotteryOrder(apps: App[], random: () => number): App[] {
  const groups = new Map<string, Group>();
  for (const app of apps) {
    const key = app.household >= 0 ? `h${app.household}` : `a${app.index}`;
    const group = groups.get(key) ?? { apps: [], priority: 0, ticket: random() };
    group.apps.push(app);
    group.priority = Math.max(group.priority, app.priority);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => b.priority - a.priority || a.ticket - b.ticket)
    .flatMap((g) => [...g.apps].sort((a, b) => b.priority - a.priority || a.index - b.index));
}

/** A household arrives together when its members check in at most this many slots apart. */
const TOGETHER = 3;

/** Where a household member should try to arrive: with a member already booked, or anywhere. */
function householdArrival(schedule: Schedule, app: App, members: Map<number, App[]>): number | undefined {
  if (app.household < 0) return undefined;
  for (const other of members.get(app.household) ?? []) {
    const path = other !== app ? schedule.paths[other.index] : null;
    if (path) return path.arrival;
  }
  return undefined;
}

/**
 * Places one applicant: at a pinned arrival only; else beside their household if possible;
 * else anywhere, the earliest day or (`late`) the latest.
 */
export function place(schedule: Schedule, app: App, rules: SearchRules, members: Map<number, App[]>, late = false): boolean {
  const pinned = rules.pinned.get(app.index);
  let path: Path | null = null;
  if (pinned !== undefined) {
    path = findPath(schedule, app, rules.costs, pinned);
  } else {
    const together = householdArrival(schedule, app, members);
    for (let d = 0; together !== undefined && !path && d <= TOGETHER; d++) {
      path = findPath(schedule, app, rules.costs, together + d) ?? (d > 0 ? findPath(schedule, app, rules.costs, together - d) : null);
    }
    path ??= findPath(schedule, app, rules.costs, undefined, late);
  }
  if (!path) return false;
  schedule.commit(app, path);
  return true;
}

export function householdMembers(apps: App[]): Map<number, App[]> {
  const members = new Map<number, App[]>();
  for (const app of apps) if (app.household >= 0) members.set(app.household, [...(members.get(app.household) ?? []), app]);
  return members;
}

/**
 * Lexicographic quality: weight first, then stability, then fewer interpreters, then earlier
 * departures and shorter stays (stays first while polishing).
 */
interface Score {
  shortfall: number;
  weight: number;
  changed: number;
  interpreted: number;
  departures: number;
  stay: number;
}

function score(schedule: Schedule, rules: SearchRules): Score {
  let shortfall = 0;
  for (const [group, target] of rules.targets ?? []) shortfall += Math.max(0, target - (schedule.groups.get(group) ?? 0));
  return { shortfall, weight: schedule.weight, changed: schedule.changed, interpreted: schedule.interpreted, departures: schedule.departureSlots, stay: schedule.staySlots };
}

/**
 * Under fair selection, how the served set changed: 1 when it now serves someone earlier in
 * the lottery than anyone it no longer serves, -1 the other way round, 0 when it is the same.
 */
function lotteryChange(rank: Int32Array, lost: readonly App[], gained: readonly App[]): number {
  if (lost.length === 0 && gained.length === 0) return 0;
  const first = (xs: readonly App[]) => xs.reduce((m, a) => Math.min(m, rank[a.index]!), Number.POSITIVE_INFINITY);
  return first(gained) < first(lost) ? 1 : -1;
}

function atLeastAsGood(a: Score, b: Score, polishing: boolean, lottery?: number): boolean {
  if (a.shortfall !== b.shortfall) return a.shortfall < b.shortfall;
  if (lottery !== undefined) {
    if (lottery !== 0) return lottery > 0;
  } else if (a.weight !== b.weight) return a.weight > b.weight;
  if (a.changed !== b.changed) return a.changed < b.changed;
  if (a.interpreted !== b.interpreted) return a.interpreted < b.interpreted;
  const [first, then] = polishing ? (['stay', 'departures'] as const) : (['departures', 'stay'] as const);
  if (a[first] !== b[first]) return a[first] < b[first];
  return a[then] <= b[then];
}

/** The share of improvement iterations that shortens stays, at the end, without giving up weight. */
const POLISH_SHARE = 0.1;

/**
 * Ruin and recreate: take a few applicants off the day (at random, around one volunteer's
 * hour, or in the way of someone unserved), put them and some unserved applicants back in
 * a shuffled priority order, each at their earliest day or, half the time, all at their
 * latest, and keep the result when it is at least as good. Deterministic for a given seed
 * and number of iterations.
 *
 * Among plans of equal weight the search prefers the one whose applicants leave earliest:
 * the afternoon, when reviewers and the final-check desk are busiest, keeps room for more.
 * Its last iterations prefer shorter stays instead, so nobody waits longer than needed.
 */
export function improve(schedule: Schedule, rules: SearchRules, random: () => number, iterations: number): void {
  const { apps, vols, classes } = schedule.model;
  const members = householdMembers(apps);
  const movable = (a: App) => !rules.pinned.has(a.index);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const sampleSize = 12;
  let current = score(schedule, rules);
  const likeness = apps.map((a) => alikeKey(a));

  const owners = (vol: number, from: number, to: number, into: Set<App>) => {
    const owner = schedule.owner[vol]!;
    for (let s = Math.max(0, from); s < Math.min(to, owner.length); s++) {
      const a = owner[s]!;
      if (a >= 0 && movable(apps[a]!)) into.add(apps[a]!);
    }
  };

  for (let it = 0; it < iterations; it++) {
    if (schedule.placed.size === 0) return;
    const removed = new Set<App>();
    const first: App[] = [];
    const kind = random();
    if (kind < 0.4 && schedule.waiting.size > 0) {
      // Make room for one unserved applicant where one of its stations could take it.
      const target = apps[schedule.waiting.pick(random)]!;
      const klass = classes[target.classId]!;
      const need = pick(klass.stations);
      const candidates = [...need.speakers, ...need.bridged.map((b) => b.vol)];
      if (candidates.length > 0) {
        const vol = pick(candidates);
        const at = Math.floor(random() * schedule.model.daySlots);
        const span = need.direct * (1 + Math.floor(random() * 3));
        owners(vol, at - span, at + span, removed);
        first.push(target);
      }
    } else if (kind < 0.7) {
      const vol = pick(vols).index;
      const at = Math.floor(random() * schedule.model.daySlots);
      const span = 6 + Math.floor(random() * 18);
      owners(vol, at - span, at + span, removed);
    }
    const extra = 1 + Math.floor(random() * 4);
    for (let k = 0; k < extra; k++) {
      const a = apps[schedule.placed.pick(random)]!;
      if (movable(a)) removed.add(a);
    }

    const saved = new Map<App, Path>();
    for (const a of removed) saved.set(a, schedule.release(a)!);
    const pool = new Set<App>(first);
    for (const a of removed) pool.add(a);
    // Unserved applicants who could use the time just freed: those the freed people could serve.
    // (Drawn one at a time: a freed volunteer, a class they serve, someone waiting in it.)
    const freed = [...saved.values()].flatMap((path) => path.visits.map((v) => v.vol));
    for (let k = 0, tries = 0; k < sampleSize && freed.length > 0 && tries < 4 * sampleSize; tries++) {
      const bucket = schedule.waitingByClass[pick(schedule.model.volClasses[pick(freed)]!)];
      if (bucket && bucket.size > 0) {
        pool.add(apps[bucket.pick(random)]!);
        k++;
      }
    }
    if (schedule.waiting.size > 0) pool.add(apps[schedule.waiting.pick(random)]!);
    const order = [...pool].map((a) => ({ a, key: a.priority + random() * 1.5 + (first.includes(a) ? 10 : 0) }))
      .sort((x, y) => y.key - x.key).map((x) => x.a);
    const inserted: App[] = [];
    // Putting people back only fills the day, so an applicant who found no day leaves none
    // for another alike in class and hours: skip them in this round.
    const failed = new Set<string>();
    const late = random() < 0.5;
    for (const a of order) {
      const alike = rules.pinned.has(a.index) ? null : likeness[a.index]!;
      if (alike !== null && failed.has(alike)) continue;
      if (place(schedule, a, rules, members, late)) inserted.push(a);
      else if (alike !== null) failed.add(alike);
    }

    const next = score(schedule, rules);
    const rank = rules.rank;
    const lottery = rank ? lotteryChange(rank, [...saved.keys()].filter((a) => !schedule.paths[a.index]), inserted.filter((a) => !saved.has(a))) : undefined;
    if (atLeastAsGood(next, current, it >= (1 - POLISH_SHARE) * iterations, lottery)) {
      current = next;
    } else {
      for (const a of inserted) schedule.release(a);
      for (const [a, path] of saved) schedule.commit(a, path);
    }
  }
}

/** Arrivals a household member is offered, in slots from their own. */
const NEAR = [0, 1, -1, 2, -2, 3, -3];
/** How far apart a household's scheduled members arrive, with `app` arriving at `arrival`. */
function spread(schedule: Schedule, household: App[], app: App, arrival: number): number {
  let first = arrival;
  let last = arrival;
  for (const other of household) {
    const path = other === app ? null : schedule.paths[other.index];
    if (path) {
      first = Math.min(first, path.arrival);
      last = Math.max(last, path.arrival);
    }
  }
  return last - first;
}

const stay = (path: Path) => path.end - path.arrival;
const interpretedVisits = (path: Path) => path.visits.filter((v) => v.interp >= 0).length;

/**
 * A last pass over the day, `rounds` times: each applicant in turn is offered their earliest
 * and their latest day on everyone else's bookings, and takes the shorter stay when it is
 * shorter than theirs and books no more interpreters. Household members are offered only
 * arrivals near their own that keep the household together (or no further apart). Pinned
 * applicants, and days kept from the previous plan, stay as they are. Nobody is added or
 * dropped.
 */
export function shortenStays(schedule: Schedule, rules: SearchRules, members: Map<number, App[]>, rounds = 2): void {
  for (let round = 0; round < rounds; round++) {
    for (const app of schedule.model.apps) {
      const old = schedule.paths[app.index];
      if (!old || rules.pinned.has(app.index) || identicalPath(old, schedule.previous?.[app.index] ?? null)) continue;
      const changed = schedule.changed;
      schedule.release(app);
      // A member whose household is partly served moves only with it in mind.
      const household = householdArrival(schedule, app, members) === undefined ? null : members.get(app.household)!;
      const offers = household ? NEAR.map((d) => findPath(schedule, app, rules.costs, old.arrival + d))
        : [findPath(schedule, app, rules.costs), findPath(schedule, app, rules.costs, undefined, true)];
      const apart = household ? spread(schedule, household, app, old.arrival) : 0;
      let best = old;
      for (const offer of offers) {
        if (!offer || stay(offer) >= stay(best) || interpretedVisits(offer) > interpretedVisits(old)) continue;
        if (household && spread(schedule, household, app, offer.arrival) > Math.max(apart, TOGETHER)) continue;
        best = offer;
      }
      schedule.commit(app, best);
      if (schedule.changed > changed) {
        schedule.release(app);
        schedule.commit(app, old);
      }
    }
  }
}

/**
 * The first plan's order under proportional fairness: each next applicant comes from the
 * language group furthest below its target (every group has one), so no group is crowded
 * out by cheaper ones.
 */
export function proportionalOrder(ordered: App[], targets: Map<string, number>): App[] {
  const queues = new Map<string, App[]>();
  for (const app of ordered) queues.set(languageGroup(app), [...(queues.get(languageGroup(app)) ?? []), app]);
  const taken = new Map<string, number>();
  const out: App[] = [];
  while (out.length < ordered.length) {
    let best: string | undefined;
    let bestRatio = Number.POSITIVE_INFINITY;
    for (const [group, queue] of queues) {
      if (queue.length === 0) continue;
      const ratio = (taken.get(group) ?? 0) / Math.max(targets.get(group)!, 1e-9);
      if (ratio < bestRatio) {
        bestRatio = ratio;
        best = group;
      }
    }
    const app = queues.get(best!)!.shift()!;
    taken.set(best!, (taken.get(best!) ?? 0) + 1);
    out.push(app);
  }
  return out;
}

/**
 * A last pass that leaves nobody out who fits: each applicant still unserved, in the lottery's
 * order, takes any day the bookings leave; a pinned one only a day from their published
 * arrival (moving them is the coordinator's call: they release them).
 */
export function fill(schedule: Schedule, order: App[], pinned: Map<number, number>): void {
  for (const app of order) {
    if (schedule.paths[app.index]) continue;
    const path = findPath(schedule, app, ALONE, pinned.get(app.index));
    if (path) schedule.commit(app, path);
  }
}

/** Ranks in the lottery order: rank[app index] = place in `order`. */
export function ranksOf(order: readonly App[], count: number): Int32Array {
  const rank = new Int32Array(count);
  order.forEach((app, i) => (rank[app.index] = i));
  return rank;
}

/**
 * Pairs the fair pass tries in every place before it narrows to the places that free one of the
 * volunteers the applicant left out could use (on the largest days).
 */
const FAIR_PAIRS = 200_000;

/**
 * Fair selection's last word: nobody is left out where they would fit in the place of someone
 * later in the lottery. Each applicant still unserved, in lottery order, is tried in the place
 * of each served applicant after them (the last in the lottery first); where they fit, they
 * take it, and the one they displace keeps any other day the bookings leave. Repeated until
 * nothing changes (a displaced applicant's new day can open another place). Past `pairs`
 * tries, only places that free a volunteer the applicant could use are tried.
 */
export function fairSwaps(schedule: Schedule, order: readonly App[], rank: Int32Array, pinned: Map<number, number>, pairs = FAIR_PAIRS): void {
  const { model } = schedule;
  const people = model.classes.map(() => new Set<number>());
  model.volClasses.forEach((classes, vol) => classes.forEach((c) => people[c]!.add(vol)));
  let tried = 0;
  for (let round = 0, changed = true; changed && round < 4; round++) {
    changed = false;
    const failed = new Set<string>();
    for (const app of order) {
      if (schedule.paths[app.index]) continue;
      const alike = alikeKey(app, pinned.get(app.index));
      if (failed.has(alike)) continue;
      const mine = people[app.classId]!;
      const later = order.filter((o) => rank[o.index]! > rank[app.index]! && schedule.paths[o.index] && !pinned.has(o.index)).reverse();
      const crowded = tried + later.length > pairs;
      let taken = false;
      for (const other of later) {
        const held = schedule.paths[other.index]!;
        if (crowded && !held.visits.flatMap((v) => [v.vol, v.interp]).some((p) => mine.has(p))) continue;
        tried++;
        schedule.release(other);
        const path = findPath(schedule, app, ALONE, pinned.get(app.index));
        if (!path) {
          schedule.commit(other, held);
          continue;
        }
        schedule.commit(app, path);
        const again = findPath(schedule, other, ALONE);
        if (again) schedule.commit(other, again);
        taken = true;
        changed = true;
        failed.clear();
        break;
      }
      if (!taken) failed.add(alike);
    }
  }
}
