import { DateTime } from 'luxon';
import { openingInstant } from '../domain/index.js';
import type { Model } from './model.js';
import type { Path, Visit } from './schedule.js';
import type { PlanJson } from './types.js';

/** Reads an instant of the plan JSON as a slot of the day (not a whole number when off the grid). */
export function slotAt(model: Model): (iso: string) => number {
  const opening = openingInstant(model.bundle.event);
  return (iso) => Math.round(DateTime.fromISO(iso, { setZone: true }).diff(opening, 'minutes').minutes) / model.slotMinutes;
}

/**
 * A plan's days in slots, for the applicants that still exist; a day that names a volunteer
 * no longer on the roster keeps its times but loses its visits (it cannot be kept as it was).
 */
export function pathsOf(model: Model, previous: PlanJson): (Path | null)[] {
  const slot = slotAt(model);
  const volIndex = new Map(model.vols.map((v) => [v.volunteer.id, v.index]));
  const appIndex = new Map(model.apps.map((a) => [a.applicant.id, a.index]));
  const paths: (Path | null)[] = model.apps.map(() => null);
  for (const s of previous.scheduled) {
    const index = appIndex.get(s.applicant);
    if (index === undefined) continue;
    const visits: Visit[] = [];
    let ok = true;
    for (const v of s.visits) {
      const vol = volIndex.get(v.volunteer);
      const interp = v.interpreter === null ? -1 : volIndex.get(v.interpreter) ?? -2;
      if (vol === undefined || interp === -2) ok = false;
      visits.push({ station: v.station, vol: vol ?? -1, interp, start: slot(v.start), end: slot(v.end) });
    }
    const arrival = slot(s.arrival);
    const last = visits[visits.length - 1]?.end ?? arrival;
    paths[index] = {
      arrival,
      checkInEnd: s.check_in ? slot(s.check_in.end) : arrival,
      visits,
      finalStart: s.final_check ? slot(s.final_check.start) : last,
      end: s.final_check ? slot(s.final_check.end) : last,
    };
    if (!ok) paths[index]!.visits = [];
  }
  return paths;
}
