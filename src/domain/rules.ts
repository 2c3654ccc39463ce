import { COMPLEXITY_FACTOR, INTERPRETATION_FACTOR, ROLE_STATIONS } from './catalog.js';
import { daysBetween } from './time.js';
import type {
  Applicant, ClinicEvent, Complexity, DeskStation, Role, Station, VisitStation, Volunteer, Window,
} from './types.js';

/** A role may staff only the stations its legal standing allows (an interpreter staffs none). */
export function mayStaff(role: Role, station: Station): boolean {
  return ROLE_STATIONS[role].includes(station);
}

/** A complex case, or any red flag other than `in_proceedings`, needs an attorney's review. */
export function reviewNeedsAttorney(applicant: Pick<Applicant, 'complexity' | 'flags'>): boolean {
  return applicant.complexity === 'complex' || applicant.flags.some((flag) => flag !== 'in_proceedings');
}

/** Organization names compare without regard to case or spacing: "Catholic  charities" is "Catholic Charities". */
export function sameOrg(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
}

/** An accredited rep represents (reviews) only at events its recognized organization hosts or co-hosts. */
export function repsHostOrg(volunteer: Pick<Volunteer, 'org'>, event: Pick<ClinicEvent, 'hostOrgs'>): boolean {
  const org = volunteer.org;
  return org !== undefined && event.hostOrgs.some((host) => sameOrg(host, org));
}

/**
 * Who may review an applicant's case: an attorney always; a host-org accredited rep when no
 * attorney is needed, and only a `full` one for a case in proceedings.
 */
export function mayReview(
  volunteer: Pick<Volunteer, 'role' | 'org' | 'accreditation'>,
  applicant: Pick<Applicant, 'complexity' | 'flags'>,
  event: Pick<ClinicEvent, 'hostOrgs'>,
): boolean {
  if (volunteer.role === 'attorney') return true;
  if (volunteer.role !== 'accredited_rep') return false;
  if (!repsHostOrg(volunteer, event) || reviewNeedsAttorney(applicant)) return false;
  return !applicant.flags.includes('in_proceedings') || volunteer.accreditation === 'full';
}

/** A volunteer (or interpreter) with a case-type list handles only those types; an empty list is every type. */
export function isCompetent(volunteer: Pick<Volunteer, 'caseTypes'>, caseType: string): boolean {
  return volunteer.caseTypes.length === 0 || volunteer.caseTypes.includes(caseType);
}

/** Two people can talk without an interpreter when they share a language. */
export function shareLanguage(a: readonly string[], b: readonly string[]): boolean {
  return a.some((code) => b.includes(code));
}

/**
 * An interpreter bridges an applicant and a volunteer when it speaks one language of each,
 * holds the interpreter role, and handles the case type.
 */
export function canInterpret(
  interpreter: Pick<Volunteer, 'role' | 'languages' | 'caseTypes'>,
  applicantLanguages: readonly string[],
  volunteerLanguages: readonly string[],
  caseType: string,
): boolean {
  return interpreter.role === 'interpreter'
    && isCompetent(interpreter, caseType)
    && shareLanguage(interpreter.languages, applicantLanguages)
    && shareLanguage(interpreter.languages, volunteerLanguages);
}

/** A span lies inside one window when it starts at or after the window's start and ends by its end. */
export function insideOneWindow(windows: readonly Window[], start: number, end: number): boolean {
  return windows.some((w) => w.start <= start && end <= w.end);
}

/**
 * A law student works only while the supervising attorney is there: the supervisor's
 * availability covers the whole visit.
 */
export function supervisionCovers(
  supervisor: Pick<Volunteer, 'role' | 'available'> | undefined,
  start: number,
  end: number,
): boolean {
  return supervisor !== undefined && supervisor.role === 'attorney' && insideOneWindow(supervisor.available, start, end);
}

/** Rounds minutes up to the next whole slot: 16 on a 5-minute grid is 20, and 15 stays 15. */
export function roundUpToSlot(minutes: number, slotMinutes: number): number {
  return Math.ceil(minutes / slotMinutes) * slotMinutes;
}

/**
 * A visit's length: the catalog's minutes × the complexity factor × 1.5 when interpreted,
 * rounded up once, at the end, to the slot grid (45 × 1.25 × 1.5 = 84.375 → 85 on a 5-minute grid).
 * 0 means the station is skipped for this case type.
 */
export function visitMinutes(
  event: Pick<ClinicEvent, 'caseTypes' | 'slotMinutes'>,
  caseType: string,
  station: VisitStation,
  complexity: Complexity,
  interpreted: boolean,
): number {
  const base = event.caseTypes[caseType]?.[station] ?? 0;
  const [cn, cd] = COMPLEXITY_FACTOR[complexity];
  const [inum, iden] = interpreted ? INTERPRETATION_FACTOR : [1, 1];
  // One division of whole numbers, so a product that lands on the grid is never nudged past it.
  return Math.ceil((base * cn * inum) / (cd * iden * event.slotMinutes)) * event.slotMinutes;
}

/** A desk step's length: the case type's desk minutes, not scaled, rounded up to the slot grid. */
export function deskMinutes(
  event: Pick<ClinicEvent, 'caseTypes' | 'slotMinutes'>,
  caseType: string,
  station: DeskStation,
): number {
  return roundUpToSlot(event.caseTypes[caseType]?.[station] ?? 0, event.slotMinutes);
}

/**
 * Urgency from a deadline: 3 when the status or document expires within 60 days of the event
 * (or already has), 2 within 150 days, else 1; no deadline is 1.
 */
export function priorityFromDeadline(eventDate: string, deadline: string | undefined): number {
  if (deadline === undefined) return 1;
  const days = daysBetween(eventDate, deadline);
  if (days <= 60) return 3;
  if (days <= 150) return 2;
  return 1;
}

/** An explicit priority always wins over the deadline rule. */
export function applicantPriority(eventDate: string, deadline: string | undefined, explicit: number | undefined): number {
  return explicit ?? priorityFromDeadline(eventDate, deadline);
}
