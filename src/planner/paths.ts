import { DateTime } from 'luxon';
import { openingInstant } from '../domain/index.js';
import type { App, Model } from './model.js';
import type { Path, Schedule, Visit } from './schedule.js';
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

/** Whether an old path still works on today's input and bookings, exactly as it was. */
export function stillFits(schedule: Schedule, app: App, path: Path): boolean {
  const { model } = schedule;
  const klass = model.classes[app.classId]!;
  if (![path.arrival, path.checkInEnd, path.finalStart, path.end].every(Number.isInteger)) return false;
  if (path.visits.length !== klass.stations.length || path.checkInEnd - path.arrival !== klass.checkIn || path.end - path.finalStart !== klass.finalCheck) return false;
  if (!app.windows.some((w) => w.start <= path.arrival && path.end <= w.end)) return false;
  if (!schedule.deskFree(schedule.deskIn, model.desks.checkIn, path.arrival, klass.checkIn)
    || !schedule.deskFree(schedule.deskOut, model.desks.finalCheck, path.finalStart, klass.finalCheck)) return false;
  let ready = path.checkInEnd;
  for (let i = 0; i < klass.stations.length; i++) {
    const need = klass.stations[i]!;
    const v = path.visits[i]!;
    if (v.station !== need.station || !Number.isInteger(v.start) || v.start < ready) return false;
    const direct = v.interp < 0;
    if (direct ? !need.speakers.includes(v.vol) : !need.bridged.some((b) => b.vol === v.vol && b.interpreters.includes(v.interp))) return false;
    if (v.end - v.start !== (direct ? need.direct : need.interpreted)) return false;
    if (!schedule.isFree(v.vol, v.start, v.end) || !schedule.canServe(v.vol, app.index)) return false;
    if (!direct && (!schedule.isFree(v.interp, v.start, v.end) || !schedule.canServe(v.interp, app.index))) return false;
    ready = v.end;
  }
  return path.finalStart >= ready;
}
