/**
 * An event written back as the event.json of a bundle, so a stored event can be read again with
 * one of its lists replaced (a spreadsheet import checks the new list against the event and the
 * other list through the same reader as any bundle).
 */
import type { ClinicEvent } from '../domain/index.js';

/**
 * The event as event.json: every setting written out, the case types with all their minutes
 * (an event's own numbers are read as they are, whatever its floor), so reading it gives back
 * the same event.
 */
export function eventJson(event: ClinicEvent): Record<string, unknown> {
  const { simulation: sim, planning } = event;
  const simulation: Record<string, unknown> = {
    no_show_rate: sim.noShowRate,
    walk_ins_per_hour: sim.walkInsPerHour,
    service_time: sim.serviceTime,
    service_time_cv: sim.serviceTimeCv,
    walk_in_mix: sim.walkInMix.map((m) => ({ case_type: m.caseType, languages: m.languages, complexity: m.complexity, share: m.share })),
  };
  if (sim.overtimeMinutes !== undefined) simulation.overtime_minutes = sim.overtimeMinutes;
  if (sim.walkInProfile !== undefined) simulation.walk_in_profile = sim.walkInProfile;
  if (sim.walkInsUntil !== undefined) simulation.walk_ins_until = sim.walkInsUntil;
  const json: Record<string, unknown> = {
    id: event.id,
    name: event.name,
    date: event.date,
    timezone: event.timezone,
    opens: event.opens,
    closes: event.closes,
    slot_minutes: event.slotMinutes,
    floor: event.floor,
    site: { ...event.site },
    host_orgs: [...event.hostOrgs],
    desks: { ...event.desks },
    case_types: Object.fromEntries(Object.entries(event.caseTypes).map(([code, minutes]) => [code, { ...minutes }])),
    simulation,
    planning: { fairness: planning.fairness, selection: planning.selection, finish_probability: planning.finishProbability, seed: planning.seed },
  };
  if (event.retention?.purgeDaysAfter !== undefined) json.retention = { purge_days_after: event.retention.purgeDaysAfter };
  return json;
}

/** event.json's bytes for an event (UTF-8). */
export function eventJsonBytes(event: ClinicEvent): Buffer {
  return Buffer.from(`${JSON.stringify(eventJson(event), null, 2)}\n`, 'utf8');
}
