/**
 * The season's waitlist: people turned away at a workshop (or who registered for none) are
 * offered a later workshop that can serve them, or told why there is none yet.
 *
 * People are taken in order: the nearest deadline first (those without one after everyone with
 * one), then those waiting longest. Each is offered the soonest workshop after today (and after
 * the one they were turned away at) and on or before their deadline that takes their case type, covers one of their languages and still has
 * an open place, preferring one in their own county; the place offered is used up. A person with
 * no offer gets the reason of the first test every workshop failed: none ahead, none taking the
 * case type, none covering the language, none before the deadline, none with a place left.
 *
 * "Covers" means what the planner means: a volunteer who may staff a visit station and handles
 * the case type either speaks one of the person's languages, or an interpreter who handles the
 * case type speaks one of theirs and one of the volunteer's.
 *
 * Pure: workshops and people in, offers and reasons out.
 */
import { VISIT_STATIONS, canInterpret, isCompetent, mayStaff, shareLanguage } from '../domain/index.js';
import type { Volunteer } from '../domain/index.js';
import { fold } from './index.js';

/** What the matcher needs of a workshop. */
export interface WaitlistWorkshop {
  id: string;
  /** The local date, `YYYY-MM-DD`. */
  date: string;
  county?: string;
  setting?: string;
  /** For each case type the workshop takes, the languages its roster covers for it (see `coverage`). */
  covers: Readonly<Record<string, readonly string[]>>;
  /** Places still open to people from the waitlist. */
  places: number;
}

/** What the matcher needs of a waiting person. */
export interface WaitingPerson {
  id: string;
  languages: readonly string[];
  caseType: string;
  county?: string;
  /** `YYYY-MM-DD`, or none. */
  deadline?: string;
  /** When they were put on the list (an ISO instant): the earlier, the longer they have waited. */
  since: string;
  /** The date of the workshop they were turned away at, if any: only a later one is offered. */
  after?: string;
}

export const NO_OFFER_REASONS = [
  'no_workshop_ahead',
  'no_case_type',
  'no_language',
  'no_workshop_before_deadline',
  'no_place',
] as const;
export type NoOfferReason = (typeof NO_OFFER_REASONS)[number];

/** A person's outcome: the workshop offered, or why there is none. */
export type WaitlistMatch =
  | { person: string; offer: string; reason?: undefined }
  | { person: string; offer?: undefined; reason: NoOfferReason };


/** Whether the workshop takes the case type and its roster covers one of the languages for it. */
export function covers(workshop: Pick<WaitlistWorkshop, 'covers'>, languages: readonly string[], caseType: string): boolean {
  const spoken = Object.hasOwn(workshop.covers, caseType) ? workshop.covers[caseType]! : [];
  return shareLanguage(spoken, languages);
}

/**
 * For each case type a workshop takes, the languages its roster covers: those of every volunteer
 * who may staff a visit station and handles the type, and those an interpreter who handles the
 * type brings to such a volunteer (a language of the interpreter's other than one they share
 * with the volunteer is reached through them).
 */
export function coverage(
  caseTypes: readonly string[],
  roster: readonly Pick<Volunteer, 'role' | 'languages' | 'caseTypes'>[],
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const caseType of caseTypes) {
    const spoken = new Set<string>();
    const staff = roster.filter((v) => VISIT_STATIONS.some((s) => mayStaff(v.role, s)) && isCompetent(v, caseType));
    for (const v of staff) {
      for (const code of v.languages) spoken.add(code);
      for (const i of roster) {
        for (const code of i.languages) if (canInterpret(i, [code], v.languages, caseType)) spoken.add(code);
      }
    }
    result[caseType] = [...spoken].sort();
  }
  return result;
}

/** Applicants a preparer or reviewer takes in a day when their roster line sets no `max_applicants`. */
export const PLACES_PER_VOLUNTEER = 6;

/** What a roster's preparers and reviewers take in a day. */
export function rosterPlaces(roster: readonly Pick<Volunteer, 'role' | 'maxApplicants'>[]): number {
  return roster.filter((v) => mayStaff(v.role, 'preparation') || mayStaff(v.role, 'review'))
    .reduce((n, v) => n + (v.maxApplicants ?? PLACES_PER_VOLUNTEER), 0);
}

/** The places a workshop has left: what its roster takes in a day (see `rosterPlaces`), less the applicants it has. */
export function openPlaces(roster: readonly Pick<Volunteer, 'role' | 'maxApplicants'>[], applicants: number): number {
  return Math.max(0, rosterPlaces(roster) - applicants);
}

/** The order people are served in: the nearest deadline first (none: last), then the longest waiting, then by id. */
export function waitlistOrder(a: WaitingPerson, b: WaitingPerson): number {
  const deadline = (p: WaitingPerson) => p.deadline ?? '9999-99-99';
  return deadline(a).localeCompare(deadline(b)) || a.since.localeCompare(b.since) || a.id.localeCompare(b.id);
}

/**
 * Each waiting person's offer or reason as of `today` (`YYYY-MM-DD`), in the order they were
 * served (see `waitlistOrder`). Workshops on or before `today` are never offered.
 */
export function matchWaitlist(workshops: readonly WaitlistWorkshop[], people: readonly WaitingPerson[], today: string): WaitlistMatch[] {
  const ahead = workshops.filter((w) => w.date > today)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const left = new Map(ahead.map((w) => [w.id, Math.max(0, Math.floor(w.places))]));
  return [...people].sort(waitlistOrder).map((p): WaitlistMatch => {
    // Each test narrows the workshops; the first that leaves none is the reason.
    const steps: [NoOfferReason, (w: WaitlistWorkshop) => boolean][] = [
      ['no_workshop_ahead', (w) => p.after === undefined || w.date > p.after],
      ['no_case_type', (w) => Object.hasOwn(w.covers, p.caseType)],
      ['no_language', (w) => covers(w, p.languages, p.caseType)],
      ['no_workshop_before_deadline', (w) => p.deadline === undefined || w.date <= p.deadline],
      ['no_place', (w) => left.get(w.id)! > 0],
    ];
    let fit = ahead;
    for (const [reason, test] of steps) {
      fit = fit.filter(test);
      if (fit.length === 0) return { person: p.id, reason };
    }
    const home = fold(p.county);
    const chosen = (home !== '' ? fit.find((w) => fold(w.county) === home) : undefined) ?? fit[0]!;
    left.set(chosen.id, left.get(chosen.id)! - 1);
    return { person: p.id, offer: chosen.id };
  });
}
