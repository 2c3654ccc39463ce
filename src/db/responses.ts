/**
 * What people answer through their own links (the `responses` table), the places offered on
 * (`place_offers`), and the few reads of a roster entry and its published day that a
 * volunteer's own page needs. Storage only: the use cases are in src/services/responses.ts
 * and src/services/links.ts.
 */
import { and, asc, desc, eq, isNotNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Window } from '../domain/index.js';
import type { Db } from './index.js';
import { applicants, auditLog, events, placeOffers, planItems, plans, responses, rosterEntries, volunteers } from './schema.js';

/** What a volunteer may answer: they will be there (asked for the day, they accept), they cannot come, or they will be late (by `minutesLate`). */
export const VOLUNTEER_ANSWERS = ['coming', 'cannot_come', 'late'] as const;
export type VolunteerAnswer = typeof VOLUNTEER_ANSWERS[number];
/** What an applicant may answer: they are coming, or they give their place up. */
export const APPLICANT_ANSWERS = ['coming', 'releases'] as const;
export type ApplicantAnswer = typeof APPLICANT_ANSWERS[number];

/** An answer as it reads: what, and by how many minutes late. */
export interface Answer {
  answer: string;
  minutesLate: number | null;
}

/**
 * A volunteer's windows (minutes since opening) once their answer is read: `cannot_come`
 * leaves no window; `late` starts the day that many minutes after their first window starts,
 * cutting or dropping the windows before it. Any other answer (or none) leaves them as they are.
 */
export function answeredWindows(windows: readonly Window[], answer: Answer | undefined): Window[] {
  if (answer?.answer === 'cannot_come') return [];
  const late = answer?.answer === 'late' ? answer.minutesLate ?? 0 : 0;
  if (late <= 0 || windows.length === 0) return [...windows];
  const arrives = Math.min(...windows.map((w) => w.start)) + late;
  return windows.map((w) => ({ start: Math.max(w.start, arrives), end: w.end })).filter((w) => w.end > w.start);
}

/** The latest answer of each volunteer of an event who answered, by roster entry. Read with every stored bundle. */
export function latestVolunteerAnswers(db: Db, eventKey: number): Map<number, Answer> {
  const rows = db.select({ entry: responses.rosterEntryId, answer: responses.answer, minutesLate: responses.minutesLate })
    .from(responses).where(and(eq(responses.eventId, eventKey), isNotNull(responses.rosterEntryId))).orderBy(asc(responses.id)).all();
  const latest = new Map<number, Answer>();
  for (const row of rows) latest.set(row.entry!, { answer: row.answer, minutesLate: row.minutesLate });
  return latest;
}

/** One answer to store: whose (a roster entry or an applicant), what, and the link it came through. */
export interface NewResponse {
  eventId: number;
  rosterEntryId?: number;
  applicantId?: number;
  answer: string;
  minutesLate?: number | null;
  note?: string | null;
  /** The link it came through (none: given some other way). */
  tokenId: number | null;
}

/**
 * Stores an answer and, in the same transaction, moves the event's `updated_at` (so the event's
 * version mark moves: kept pages and feeds are made again, and stored plans are checked again
 * against what people now say) and writes the audit row. Raw SQL for the event's row: the
 * schema's update hook would otherwise clear `purged_at`, which only a re-import may do.
 */
export function saveResponse(db: Db, row: NewResponse, audit: { actor: string; action: string; detail: string }, nowIso: string): number {
  return db.transaction((tx) => {
    const { id } = tx.insert(responses).values({
      eventId: row.eventId, rosterEntryId: row.rosterEntryId ?? null, applicantId: row.applicantId ?? null, answer: row.answer,
      minutesLate: row.minutesLate ?? null, note: row.note ?? null, tokenId: row.tokenId, createdAt: nowIso,
    }).returning({ id: responses.id }).get();
    tx.run(sql`update ${events} set updated_at = ${nowIso} where ${events.id} = ${row.eventId}`);
    tx.insert(auditLog).values({ actor: audit.actor, action: audit.action, eventId: row.eventId, detail: audit.detail }).run();
    return id;
  }, { behavior: 'immediate' });
}

/** A stored answer with whose it is: a volunteer's roster code or an applicant's code, and their name. */
export interface ResponseRow {
  id: number;
  kind: 'volunteer' | 'applicant';
  code: string;
  name: string;
  answer: string;
  minutesLate: number | null;
  note: string | null;
  createdAt: string;
}

/** An event's answers, newest first (at most `limit`). */
export function eventResponses(db: Db, eventKey: number, limit = 100): ResponseRow[] {
  return db.select({
    id: responses.id, entry: responses.rosterEntryId, rosterCode: rosterEntries.code, volunteerName: volunteers.name,
    applicantCode: applicants.code, applicantName: applicants.name,
    answer: responses.answer, minutesLate: responses.minutesLate, note: responses.note, createdAt: responses.createdAt,
  }).from(responses)
    .leftJoin(rosterEntries, eq(responses.rosterEntryId, rosterEntries.id))
    .leftJoin(volunteers, eq(rosterEntries.volunteerId, volunteers.id))
    .leftJoin(applicants, eq(responses.applicantId, applicants.id))
    .where(eq(responses.eventId, eventKey)).orderBy(desc(responses.createdAt), desc(responses.id)).limit(limit).all()
    .map((r) => ({
      id: r.id, kind: r.entry !== null ? 'volunteer' as const : 'applicant' as const,
      code: (r.entry !== null ? r.rosterCode : r.applicantCode) ?? '', name: (r.entry !== null ? r.volunteerName : r.applicantName) ?? '',
      answer: r.answer, minutesLate: r.minutesLate, note: r.note, createdAt: r.createdAt,
    }));
}

/** The latest answer of everyone of an event who answered: volunteers and applicants by code. */
export function latestAnswersByCode(db: Db, eventKey: number): { volunteers: Map<string, Answer>; applicants: Map<string, Answer> } {
  const rows = db.select({
    entry: responses.rosterEntryId, rosterCode: rosterEntries.code, applicantCode: applicants.code,
    answer: responses.answer, minutesLate: responses.minutesLate,
  }).from(responses)
    .leftJoin(rosterEntries, eq(responses.rosterEntryId, rosterEntries.id))
    .leftJoin(applicants, eq(responses.applicantId, applicants.id))
    .where(eq(responses.eventId, eventKey)).orderBy(asc(responses.id)).all();
  const found = { volunteers: new Map<string, Answer>(), applicants: new Map<string, Answer>() };
  for (const r of rows) {
    const code = r.entry !== null ? r.rosterCode : r.applicantCode;
    if (code !== null) (r.entry !== null ? found.volunteers : found.applicants).set(code, { answer: r.answer, minutesLate: r.minutesLate });
  }
  return found;
}

/** A volunteer's latest answer with its note and when, or undefined when they have not answered. */
export function latestAnswerOf(db: Db, rosterEntryId: number): (Answer & { note: string | null; createdAt: string }) | undefined {
  return db.select({ answer: responses.answer, minutesLate: responses.minutesLate, note: responses.note, createdAt: responses.createdAt })
    .from(responses).where(eq(responses.rosterEntryId, rosterEntryId)).orderBy(desc(responses.id)).limit(1).get();
}

/** A place offered on, with the codes of who gave it up and who is offered it (empty once they are gone). */
export interface OfferRow {
  id: number;
  releasedBy: string;
  offeredTo: string;
  planVersion: number;
  status: string;
  createdAt: string;
  answeredAt: string | null;
}

/** An event's place offers, newest first. */
export function eventPlaceOffers(db: Db, eventKey: number): OfferRow[] {
  const released = alias(applicants, 'released');
  const offered = alias(applicants, 'offered');
  return db.select({
    id: placeOffers.id, releasedBy: released.code, offeredTo: offered.code, planVersion: placeOffers.planVersion,
    status: placeOffers.status, createdAt: placeOffers.createdAt, answeredAt: placeOffers.answeredAt,
  }).from(placeOffers)
    .leftJoin(released, eq(placeOffers.releasedBy, released.id))
    .leftJoin(offered, eq(placeOffers.offeredTo, offered.id))
    .where(eq(placeOffers.eventId, eventKey)).orderBy(desc(placeOffers.createdAt), desc(placeOffers.id)).all()
    .map((o) => ({ ...o, releasedBy: o.releasedBy ?? '', offeredTo: o.offeredTo ?? '' }));
}

/** The roster entry a volunteer's link opens: its event, code, role and the volunteer's name; undefined once gone. */
export interface RosterEntryView {
  eventKey: number;
  slug: string;
  code: string;
  role: string;
  name: string;
}

export function rosterEntryView(db: Db, rosterEntryId: number): RosterEntryView | undefined {
  return db.select({ eventKey: rosterEntries.eventId, slug: events.slug, code: rosterEntries.code, role: rosterEntries.role, name: volunteers.name })
    .from(rosterEntries).innerJoin(events, eq(rosterEntries.eventId, events.id)).innerJoin(volunteers, eq(rosterEntries.volunteerId, volunteers.id))
    .where(eq(rosterEntries.id, rosterEntryId)).get();
}

/** One step of a volunteer's day in a stored plan: a visit they give or interpret, or a desk shift. */
export interface DutyRow {
  applicant: string | null;
  station: string;
  volunteer: string | null;
  interpreter: string | null;
  start: string;
  end: string;
}

/**
 * A volunteer's part of the version published last: their visits, the visits they interpret
 * and their desk shifts, from the plan's per-person rows (never the whole plan), in time order.
 * Undefined when no version is published.
 */
export function publishedDutiesOf(db: Db, eventKey: number, code: string): { version: number; duties: DutyRow[] } | undefined {
  const published = db.select({ id: plans.id, version: plans.version }).from(plans)
    .where(and(eq(plans.eventId, eventKey), isNotNull(plans.publishedAt))).orderBy(desc(plans.publishedAt), desc(plans.version)).limit(1).get();
  if (!published) return undefined;
  const duties = db.select({
    applicant: planItems.applicant, station: planItems.station, volunteer: planItems.volunteer, interpreter: planItems.interpreter,
    start: planItems.start, end: planItems.end,
  }).from(planItems).where(and(eq(planItems.planId, published.id), or(eq(planItems.volunteer, code), eq(planItems.interpreter, code))))
    .all().sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.start.localeCompare(b.start));
  return { version: published.version, duties };
}

/** Removes every answer of an event, the volunteers' notes with them (personal data): for the purge. */
export function deleteEventResponses(tx: Pick<Db, 'delete'>, eventKey: number): number {
  return tx.delete(responses).where(eq(responses.eventId, eventKey)).run().changes;
}
