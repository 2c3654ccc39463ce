import type { PlanJson, ScheduledJson } from './types.js';

/** What changed for one applicant between two versions of a plan. */
export interface PlanChange {
  applicant: string;
  change: 'added' | 'removed' | 'moved' | 'reassigned';
  before?: { arrival: string; volunteers: string[] };
  after?: { arrival: string; volunteers: string[] };
}

const people = (s: ScheduledJson) => s.visits.map((v) => (v.interpreter ? `${v.volunteer}+${v.interpreter}` : v.volunteer));

/**
 * The applicants whose day changed between two plans: newly scheduled, dropped, given another
 * arrival time (their slip must be re-sent), or seen by other volunteers at the same time.
 */
export function diffPlans(before: PlanJson, after: PlanJson): PlanChange[] {
  const old = new Map(before.scheduled.map((s) => [s.applicant, s]));
  const now = new Map(after.scheduled.map((s) => [s.applicant, s]));
  const changes: PlanChange[] = [];
  for (const [id, s] of now) {
    const o = old.get(id);
    const next = { arrival: s.arrival, volunteers: people(s) };
    if (!o) changes.push({ applicant: id, change: 'added', after: next });
    else if (o.arrival !== s.arrival) changes.push({ applicant: id, change: 'moved', before: { arrival: o.arrival, volunteers: people(o) }, after: next });
    else if (people(o).join() !== next.volunteers.join()) changes.push({ applicant: id, change: 'reassigned', before: { arrival: o.arrival, volunteers: people(o) }, after: next });
  }
  for (const [id, o] of old) if (!now.has(id)) changes.push({ applicant: id, change: 'removed', before: { arrival: o.arrival, volunteers: people(o) } });
  return changes.sort((x, y) => x.applicant.localeCompare(y.applicant));
}
