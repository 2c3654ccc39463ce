/**
 * What-if beyond volunteers: one more desk, or another floor layout, for the same roster and
 * applicants, simulated with the base day's runs and seeds (common random numbers).
 */
import { DEFAULT_CASE_TYPES, FLOORS, floorMinutes } from '../domain/index.js';
import type { Bundle, DeskStation, Floor } from '../domain/index.js';
import { plan as makePlan } from '../planner/index.js';
import { pairedGain } from './whatif.js';
import type { Baseline } from './whatif.js';

export type LayoutChange = { desk: DeskStation } | { floor: Floor };

export interface LayoutGainJson {
  change: LayoutChange;
  served_gain: number;
  served_gain_ci95: number;
  scheduled_gain: number;
}

/**
 * The same day on another floor: the case types that take the default minutes of the event's
 * floor take those of the other floor; an event's own numbers are kept as they are.
 */
export function onFloor(bundle: Bundle, floor: Floor): Bundle {
  const caseTypes = { ...bundle.event.caseTypes };
  for (const [code, minutes] of Object.entries(DEFAULT_CASE_TYPES)) {
    const current = caseTypes[code];
    if (current && JSON.stringify(current) === JSON.stringify(floorMinutes(bundle.event.floor, minutes))) caseTypes[code] = floorMinutes(floor, minutes);
  }
  return { ...bundle, event: { ...bundle.event, floor, caseTypes } };
}

/** The day with the change made. */
export function changed(bundle: Bundle, change: LayoutChange): Bundle {
  if ('floor' in change) return onFloor(bundle, change.floor);
  return { ...bundle, event: { ...bundle.event, desks: { ...bundle.event.desks, [change.desk]: bundle.event.desks[change.desk] + 1 } } };
}

/**
 * One more desk at each desk station the day uses, and every other floor. A desk keeps the
 * base plan's appointments (a coordinator adds a table, not a new day); a floor is planned
 * afresh, as its visits take other minutes.
 */
export function layoutChanges(bundle: Bundle): LayoutChange[] {
  const uses = (desk: DeskStation) => Object.values(bundle.event.caseTypes).some((m) => m[desk] > 0);
  const desks: LayoutChange[] = (['check_in', 'final_check'] as const).filter(uses).map((desk) => ({ desk }));
  return [...desks, ...FLOORS.filter((f) => f !== bundle.event.floor).map((floor) => ({ floor }))];
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** The expected gain in people served from each layout change, most first. */
export function layoutGains(base: Baseline): LayoutGainJson[] {
  return layoutChanges(base.bundle).map((change, order) => {
    const bundle = changed(base.bundle, change);
    const replanned = 'floor' in change ? makePlan(bundle, { quick: true, seed: base.seed }) : makePlan(bundle, { quick: true, seed: base.seed, previous: base.plan });
    const g = pairedGain(base, bundle, replanned);
    return { json: { change, served_gain: round(g.gain, 2), served_gain_ci95: round(g.ci95, 2), scheduled_gain: g.scheduledGain }, order };
  }).sort((a, b) => b.json.served_gain - a.json.served_gain || a.order - b.order).map((x) => x.json);
}
