// A season with people turned away: the Fresno sample, published with two of its applicants
// left out, and a later Fresno workshop with room, both run by one organization.
import { DateTime } from 'luxon';
import type { Test } from 'tap';
import { saveBundle } from '../../src/db/events.js';
import type { OpenDatabase } from '../../src/db/index.js';
import { publishPlan, savePlan } from '../../src/db/plans.js';
import { addWaiting } from '../../src/db/waitlist.js';
import { organizationNamed } from '../../src/db/users.js';
import type { Bundle } from '../../src/domain/index.js';
import { plan } from '../../src/planner/index.js';
import type { PlanJson } from '../../src/planner/types.js';
import { FRESNO, FRESNO_ID, sampleBundle, tempDatabase } from './fixtures.js';

export const ORG = 'Casa Legal';
/** A clock for the app in these tests: a day well before both workshops, whatever the date the tests run on. */
export const BEFORE = () => new Date('2027-01-15T18:00:00Z');
export const LATER_ID = 'fresno-2027-06-19';

const BUNDLE = sampleBundle(FRESNO);
const PLANNED = plan(BUNDLE, { quick: true, iterations: 50 });
/** The two scheduled applicants the published version leaves out instead. */
export const LEFT_OUT = PLANNED.scheduled.slice(0, 2).map((s) => s.applicant);
const PUBLISHED: PlanJson = {
  ...PLANNED,
  scheduled: PLANNED.scheduled.slice(2),
  unscheduled: [...PLANNED.unscheduled, ...LEFT_OUT.map((applicant) => ({ applicant, reason: 'no_capacity' as const, detail: '' }))],
};
/** Everyone the published version leaves out, and the scheduled. */
export const UNSCHEDULED = PUBLISHED.unscheduled.map((u) => u.applicant);
export const SCHEDULED = PUBLISHED.scheduled.map((s) => s.applicant);

/** The Fresno sample four weeks later, with no applicants yet. */
export const LATER: Bundle = { ...BUNDLE, event: { ...BUNDLE.event, id: LATER_ID, date: '2027-06-19', name: 'Fresno Saturday, June' }, applicants: [] };

export function applicantOf(code: string) {
  return BUNDLE.applicants.find((a) => a.id === code)!;
}

/** The two workshops stored for the organization in a fresh database (or the one given), the first published. */
export function turnedAwaySeason(t: Test, store: OpenDatabase = tempDatabase(t)): { store: OpenDatabase; org: number; fresno: number; later: number } {
  const org = organizationNamed(store.db, ORG);
  const fresno = saveBundle(store.db, BUNDLE, 'test', org).eventId;
  const version = savePlan(store.db, fresno, PUBLISHED, {}, 'test');
  publishPlan(store.db, fresno, version, new Date().toISOString());
  const later = saveBundle(store.db, LATER, 'test', org).eventId;
  return { store, org, fresno, later };
}

/** A Saturday five or six weeks ahead of today, and a deadline three weeks after it: before any workshop stored here can take anyone. */
export function proposalDates(): { from: string; deadline: string } {
  const from = DateTime.utc().plus({ days: 30 }).set({ weekday: 6 }).plus({ weeks: 1 });
  return { from: from.toISODate()!, deadline: from.plus({ weeks: 3 }).toISODate()! };
}

/** People of Fresno county the organization holds on the waitlist (Spanish, naturalization), registered for no workshop, with one deadline. */
export function registeredWaiting(store: OpenDatabase, org: number, count: number, deadline: string): void {
  addWaiting(store.db, Array.from({ length: count }, (_, i) => ({
    organizationId: org, name: `Persona ${i}`, phone: '559-555-0100', email: null, languages: ['es'], caseType: 'n400',
    complexity: 'straightforward', county: 'Fresno', deadline, fromEventId: null, fromCode: null, reason: 'registration' as const,
    since: new Date().toISOString(), addedBy: null,
  })));
}

export { FRESNO_ID };
