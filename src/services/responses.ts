/**
 * What people answer through their own links, as use cases: a volunteer says they cannot come
 * or will be late (with a note), and the coordinators' overview of every answer, the places
 * offered on, and whom the answers affect in the published version.
 *
 * An answer takes effect at once: it is stored with its audit row and moves the event's
 * version mark in one transaction, and the volunteer's hours are read with it from then on
 * (src/db/events.ts, `answeredWindows`), so the event page's plan check finds the visits that
 * no longer fit, says the plan is out of date, and a re-plan plans around them.
 */
import { DateTime } from 'luxon';
import { audit, loadBundle } from '../db/events.js';
import type { Db } from '../db/index.js';
import { eventPlaceOffers, eventResponses, latestAnswersByCode, rosterEntryView, saveResponse } from '../db/responses.js';
import type { Answer, OfferRow, ResponseRow, VolunteerAnswer } from '../db/responses.js';
import { VOLUNTEER_ANSWERS } from '../db/responses.js';
import type { TokenGrant } from '../db/tokens.js';
import { insideOneWindow, minutesBetween, openingInstant } from '../domain/index.js';
import type { ClinicEvent } from '../domain/index.js';
import { publishedPlan } from './plans.js';

/** The most a volunteer may say they will be late, in minutes: a whole clinic day. */
export const MAX_MINUTES_LATE = 600;
/** The longest note, in characters. */
export const MAX_NOTE = 500;

/** A volunteer's answer as their form sends it (every field as typed). */
export interface AnswerForm {
  answer?: string | undefined;
  minutes?: string | undefined;
  note?: string | undefined;
}

/** What is wrong with an answer: no answer chosen, the minutes late, or a note too long. */
export type AnswerProblem = 'answer' | 'minutes' | 'note';

export type AnswerOutcome =
  | { kind: 'saved'; id: number }
  | { kind: 'problems'; problems: AnswerProblem[] }
  | { kind: 'gone' };

const isVolunteerAnswer = (value: unknown): value is VolunteerAnswer => (VOLUNTEER_ANSWERS as readonly unknown[]).includes(value);

/**
 * Stores a volunteer's answer through their own link: `coming`, `cannot_come`, or `late` by 1 to 600
 * minutes, with an optional note of at most 500 characters. On the audit log as the link's
 * token number with what was answered, never the token or the note.
 */
export function answerAsVolunteer(db: Db, grant: TokenGrant, form: AnswerForm, now = new Date()): AnswerOutcome {
  const entry = grant.rosterEntryId === null ? undefined : rosterEntryView(db, grant.rosterEntryId);
  if (!entry) return { kind: 'gone' };
  const problems: AnswerProblem[] = [];
  const answer = form.answer;
  if (!isVolunteerAnswer(answer)) problems.push('answer');
  const minutesText = (form.minutes ?? '').trim();
  const minutes = /^\d{1,4}$/.test(minutesText) ? Number(minutesText) : NaN;
  if (answer === 'late' && !(minutes >= 1 && minutes <= MAX_MINUTES_LATE)) problems.push('minutes');
  const note = (form.note ?? '').replace(/\r\n?/g, '\n').trim();
  if ([...note].length > MAX_NOTE) problems.push('note');
  if (problems.length > 0 || !isVolunteerAnswer(answer)) return { kind: 'problems', problems };
  const minutesLate = answer === 'late' ? minutes : null;
  const id = saveResponse(db, {
    eventId: entry.eventKey, rosterEntryId: grant.rosterEntryId!, answer, minutesLate, note: note === '' ? null : note, tokenId: grant.id,
  }, {
    actor: `token:${grant.id}`, action: 'response.create',
    detail: `volunteer ${entry.code}: ${answer}${minutesLate === null ? '' : ` ${minutesLate} minutes`}`,
  }, now.toISOString());
  return { kind: 'saved', id };
}

/** Confirmed, declined and not answered, for one group. */
export interface Tally {
  confirmed: number;
  declined: number;
  unanswered: number;
}

/** One step of a published day that an answer hits. */
export interface Hit {
  as: 'visit' | 'interpreting' | 'shift' | 'place';
  applicant: string | null;
  station: string;
  start: string;
  end: string;
}

/** Someone whose answer hits their published day, and what it hits. */
export interface Affected {
  kind: 'volunteer' | 'applicant';
  code: string;
  answer: Answer;
  hits: Hit[];
}

export interface Overview {
  event: ClinicEvent;
  applicants: Tally;
  /** `confirmed` counts those who will be late: a volunteer has no other way to confirm. */
  volunteers: Tally;
  /** The latest answers, newest first, with their notes. */
  responses: ResponseRow[];
  offers: OfferRow[];
  /** The version published last, or null. */
  published: number | null;
  affected: Affected[];
  /** Applicants and volunteers whose published day changes, by code. */
  tellApplicants: string[];
  tellVolunteers: string[];
}

/** How many answers the overview lists, newest first. */
const LATEST = 100;

/**
 * The coordinators' overview of an event's answers; undefined when there is no such event.
 * Each view is on the audit log (it shows names and notes).
 */
export function overviewOf(db: Db, slug: string, actor: string): Overview | undefined {
  const bundle = loadBundle(db, slug);
  if (!bundle) return undefined;
  const latest = latestAnswersByCode(db, bundle.key);
  const tally = (codes: string[], answers: Map<string, Answer>, yes: readonly string[], no: string): Tally => {
    const t: Tally = { confirmed: 0, declined: 0, unanswered: 0 };
    for (const code of codes) {
      const said = answers.get(code)?.answer;
      if (said !== undefined && yes.includes(said)) t.confirmed += 1;
      else if (said === no) t.declined += 1;
      else t.unanswered += 1;
    }
    return t;
  };
  const published = publishedPlan(db, bundle.key);
  const opening = openingInstant(bundle.event);
  const elapsed = (iso: string) => minutesBetween(opening, DateTime.fromISO(iso, { setZone: true }));
  const affected: Affected[] = [];
  if (published) {
    const { plan } = published;
    // Volunteers who cannot come or will be late: the steps of their published day their hours (read with the answer) no longer cover.
    for (const v of bundle.volunteers) {
      const answer = latest.volunteers.get(v.id);
      if (!answer) continue;
      const misses = (start: string, end: string) => !insideOneWindow(v.available, elapsed(start), elapsed(end));
      const hits: Hit[] = [];
      for (const s of plan.scheduled) {
        for (const visit of s.visits) {
          if (visit.volunteer === v.id && misses(visit.start, visit.end)) hits.push({ as: 'visit', applicant: s.applicant, station: visit.station, start: visit.start, end: visit.end });
          if (visit.interpreter === v.id && misses(visit.start, visit.end)) hits.push({ as: 'interpreting', applicant: s.applicant, station: visit.station, start: visit.start, end: visit.end });
        }
      }
      for (const sh of plan.shifts) if (sh.volunteer === v.id && misses(sh.start, sh.end)) hits.push({ as: 'shift', applicant: null, station: sh.station, start: sh.start, end: sh.end });
      if (hits.length > 0) affected.push({ kind: 'volunteer', code: v.id, answer, hits: hits.sort((a, b) => Date.parse(a.start) - Date.parse(b.start)) });
    }
    // Applicants who give their place up: their place, and the volunteers who would have seen them.
    for (const s of plan.scheduled) {
      const answer = latest.applicants.get(s.applicant);
      if (answer?.answer !== 'releases') continue;
      affected.push({ kind: 'applicant', code: s.applicant, answer, hits: [{ as: 'place', applicant: s.applicant, station: 'arrival', start: s.arrival, end: s.arrival }] });
    }
  }
  const tellApplicants = new Set<string>();
  const tellVolunteers = new Set<string>();
  for (const a of affected) {
    if (a.kind === 'volunteer') tellVolunteers.add(a.code);
    for (const h of a.hits) if (h.applicant !== null) tellApplicants.add(h.applicant);
    if (a.kind === 'applicant' && published) {
      for (const s of published.plan.scheduled.filter((x) => x.applicant === a.code)) {
        for (const visit of s.visits) {
          tellVolunteers.add(visit.volunteer);
          if (visit.interpreter) tellVolunteers.add(visit.interpreter);
        }
      }
    }
  }
  audit(db, actor, 'overview.view', slug);
  return {
    event: bundle.event,
    applicants: tally(bundle.applicants.map((a) => a.id), latest.applicants, ['coming'], 'releases'),
    // A volunteer who will be there, or there late, has confirmed.
    volunteers: tally(bundle.volunteers.map((v) => v.id), latest.volunteers, ['coming', 'late'], 'cannot_come'),
    responses: eventResponses(db, bundle.key, LATEST),
    offers: eventPlaceOffers(db, bundle.key),
    published: published?.version ?? null,
    affected,
    tellApplicants: [...tellApplicants].sort(),
    tellVolunteers: [...tellVolunteers].sort(),
  };
}
