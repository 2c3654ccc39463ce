import { formatInstant, instantAt } from '../domain/index.js';
import type { App, Model } from './model.js';
import { explainAll } from './reasons.js';
import { deskWarnings } from './warnings.js';
import type { Schedule } from './schedule.js';
import type { PlanJson, ScheduledJson, ShiftJson, SummaryJson } from './types.js';

/** Instants of every slot boundary of the day, formatted once. */
function slotClock(model: Model): (slot: number) => string {
  const cache: string[] = [];
  return (slot) => (cache[slot] ??= formatInstant(instantAt(model.bundle.event, slot * model.slotMinutes)));
}

/** The model's desk shifts as the plan JSON prints them. */
export function deskShifts(model: Model, at: (slot: number) => string): ShiftJson[] {
  return model.shifts.map((s) => ({ volunteer: model.vols[s.vol]!.volunteer.id, station: s.station, start: at(s.start), end: at(s.end) }));
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

function shares(apps: App[], served: (a: App) => boolean, key: (a: App) => string): Record<string, number> {
  const totals = new Map<string, [number, number]>();
  for (const a of apps) {
    const k = key(a);
    const [n, s] = totals.get(k) ?? [0, 0];
    totals.set(k, [n + 1, s + (served(a) ? 1 : 0)]);
  }
  return Object.fromEntries([...totals].sort((x, y) => x[0].localeCompare(y[0])).map(([k, [n, s]]) => [k, round(s / n, 3)]));
}

/** Whether some station of the applicant's day has nobody who speaks their language. */
export function needsInterpreter(model: Model, app: App): boolean {
  return model.classes[app.classId]!.stations.some((need) => need.speakers.length === 0);
}

export function summarize(model: Model, schedule: Schedule): SummaryJson {
  const served = (a: App) => schedule.paths[a.index] !== null;
  return {
    applicants: model.apps.length,
    scheduled: schedule.count,
    scheduled_weight: schedule.weight,
    interpreted_visits: schedule.interpreted,
    mean_minutes_in_clinic: schedule.count === 0 ? null : round((schedule.staySlots * model.slotMinutes) / schedule.count, 1),
    served_share: {
      language: shares(model.apps, served, (a) => a.applicant.languages[0]!),
      case_type: shares(model.apps, served, (a) => a.applicant.caseType),
      complexity: shares(model.apps, served, (a) => a.applicant.complexity),
      interpreter: shares(model.apps, served, (a) => (needsInterpreter(model, a) ? 'needed' : 'not_needed')),
    },
  };
}

/** The plan JSON (the README's Formats): scheduled by arrival, unscheduled in file order with reasons. */
export function toPlanJson(model: Model, schedule: Schedule, pinned: ReadonlyMap<number, number> = new Map()): PlanJson {
  const at = slotClock(model);
  const id = (vol: number) => model.vols[vol]!.volunteer.id;
  const scheduled: ScheduledJson[] = model.apps
    .filter((a) => schedule.paths[a.index])
    .sort((x, y) => schedule.paths[x.index]!.arrival - schedule.paths[y.index]!.arrival || x.index - y.index)
    .map((a) => {
      const p = schedule.paths[a.index]!;
      return {
        applicant: a.applicant.id,
        arrival: at(p.arrival),
        check_in: p.checkInEnd > p.arrival ? { start: at(p.arrival), end: at(p.checkInEnd) } : null,
        visits: p.visits.map((v) => ({
          station: v.station, volunteer: id(v.vol), interpreter: v.interp >= 0 ? id(v.interp) : null, start: at(v.start), end: at(v.end),
        })),
        final_check: p.end > p.finalStart ? { start: at(p.finalStart), end: at(p.end) } : null,
      };
    });
  const unscheduled = explainAll(model, model.apps.filter((a) => !schedule.paths[a.index]), schedule, pinned);
  const json: PlanJson = { event: model.bundle.event.id, scheduled, unscheduled, shifts: deskShifts(model, at), summary: summarize(model, schedule) };
  json.warnings = deskWarnings(model.bundle, json);
  return json;
}
