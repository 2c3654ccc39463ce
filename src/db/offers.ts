/**
 * Storage of what applicants answer through their own link (`coming`, or `releases` their place)
 * and of the places given up and offered on to the unscheduled (`place_offers`). Volunteers'
 * answers are kept by src/db/responses.ts; the use cases are in src/services/answers.ts and
 * src/services/offers.ts.
 */
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from './index.js';
import { applicants, auditLog, placeOffers, responses } from './schema.js';

/** The database, or a transaction on it. */
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Writer = Db | Tx;

export type ApplicantAnswer = 'coming' | 'releases';
export type OfferStatus = 'offered' | 'accepted' | 'declined' | 'withdrawn';

/** One answer an applicant gave through their link. */
export interface StoredAnswer {
  id: number;
  answer: ApplicantAnswer;
  note: string | null;
  createdAt: string;
}

/** Writes one audit row: what happened, by whom, to which event (its stored key); never a token, a name or a note. */
export function auditRow(db: Writer, actor: string, action: string, eventId: number, detail: string): void {
  db.insert(auditLog).values({ actor, action, eventId, detail }).run();
}

/** Stores an applicant's answer, the link it came through by its row number: its row number. */
export function addApplicantAnswer(db: Writer, row: { eventId: number; applicantId: number; answer: ApplicantAnswer; note: string | null; tokenId: number }): number {
  return db.insert(responses).values({
    eventId: row.eventId, applicantId: row.applicantId, answer: row.answer, note: row.note, tokenId: row.tokenId,
  }).returning({ id: responses.id }).get().id;
}

/** The answer that stands: an applicant's latest. */
export function latestApplicantAnswer(db: Writer, applicantId: number): StoredAnswer | undefined {
  const row = db.select({ id: responses.id, answer: responses.answer, note: responses.note, createdAt: responses.createdAt }).from(responses)
    .where(eq(responses.applicantId, applicantId)).orderBy(desc(responses.id)).limit(1).get();
  return row && { ...row, answer: row.answer as ApplicantAnswer };
}

/** An applicant's stored row number by their code in an event. */
export function applicantKey(db: Writer, eventId: number, code: string): number | undefined {
  return db.select({ id: applicants.id }).from(applicants).where(and(eq(applicants.eventId, eventId), eq(applicants.code, code))).get()?.id;
}

/** Applicants' codes by their stored row numbers (those still there). */
export function applicantCodes(db: Writer, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = db.select({ id: applicants.id, code: applicants.code }).from(applicants).where(inArray(applicants.id, [...new Set(ids)])).all();
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** The applicants of an event whose answer that stands is `releases`: their row number and code, and the answer's. */
export function standingReleases(db: Writer, eventId: number): { applicantId: number; code: string; responseId: number; createdAt: string }[] {
  const latest = db.select({ latestId: sql<number>`max(${responses.id})`.as('latest_id') }).from(responses)
    .where(and(eq(responses.eventId, eventId), isNotNull(responses.applicantId))).groupBy(responses.applicantId).as('latest');
  return db.select({ applicantId: applicants.id, code: applicants.code, responseId: responses.id, createdAt: responses.createdAt })
    .from(responses).innerJoin(latest, eq(latest.latestId, responses.id)).innerJoin(applicants, eq(applicants.id, responses.applicantId))
    .where(eq(responses.answer, 'releases')).orderBy(responses.id).all();
}

/** One offer as stored, with the codes of whom it is from and to (null once that person is gone). */
export interface StoredOffer {
  id: number;
  eventId: number;
  responseId: number | null;
  releasedBy: number | null;
  releasedCode: string | null;
  offeredTo: number | null;
  offeredCode: string | null;
  planVersion: number;
  status: OfferStatus;
  createdAt: string;
  answeredAt: string | null;
}

const released = alias(applicants, 'released');
const offered = alias(applicants, 'offered');
const offerColumns = {
  id: placeOffers.id, eventId: placeOffers.eventId, responseId: placeOffers.responseId, releasedBy: placeOffers.releasedBy,
  releasedCode: released.code, offeredTo: placeOffers.offeredTo, offeredCode: offered.code, planVersion: placeOffers.planVersion,
  status: placeOffers.status, createdAt: placeOffers.createdAt, answeredAt: placeOffers.answeredAt,
};
const selectOffers = (db: Writer) => db.select(offerColumns).from(placeOffers)
  .leftJoin(released, eq(released.id, placeOffers.releasedBy)).leftJoin(offered, eq(offered.id, placeOffers.offeredTo));
const asStored = (row: Omit<StoredOffer, 'status'> & { status: string }): StoredOffer => ({ ...row, status: row.status as OfferStatus });

/** Every offer of an event, newest first. */
export function offersOf(db: Writer, eventId: number): StoredOffer[] {
  return selectOffers(db).where(eq(placeOffers.eventId, eventId)).orderBy(desc(placeOffers.id)).all().map(asStored);
}

/** One offer of an event. */
export function offerOf(db: Writer, eventId: number, offerId: number): StoredOffer | undefined {
  const row = selectOffers(db).where(and(eq(placeOffers.eventId, eventId), eq(placeOffers.id, offerId))).get();
  return row && asStored(row);
}

/** Stores a new offer, `offered`: its row number. */
export function addOffer(db: Writer, row: { eventId: number; responseId: number | null; releasedBy: number; offeredTo: number; planVersion: number }): number {
  return db.insert(placeOffers).values({ ...row, status: 'offered' }).returning({ id: placeOffers.id }).get().id;
}

/** Answers an open offer (`accepted`, `declined`): false when it is not open any more. */
export function answerOffer(db: Writer, offerId: number, status: 'accepted' | 'declined', nowIso: string): boolean {
  return db.update(placeOffers).set({ status, answeredAt: nowIso })
    .where(and(eq(placeOffers.id, offerId), eq(placeOffers.status, 'offered'))).run().changes > 0;
}

/** Withdraws every open offer of an event: the row numbers withdrawn. */
export function withdrawOffers(db: Writer, eventId: number, nowIso: string): number[] {
  return db.update(placeOffers).set({ status: 'withdrawn', answeredAt: nowIso })
    .where(and(eq(placeOffers.eventId, eventId), eq(placeOffers.status, 'offered')))
    .returning({ id: placeOffers.id }).all().map((r) => r.id);
}

/** Planning again: every open offer of the event is withdrawn (the new version decides who comes); audited when there were any. */
export function withdrawOpenOffers(db: Writer, eventId: number, actor: string, now = new Date()): number {
  const withdrawn = withdrawOffers(db, eventId, now.toISOString());
  if (withdrawn.length > 0) auditRow(db, actor, 'offer.withdraw', eventId, `offers ${withdrawn.join(', ')}`);
  return withdrawn.length;
}
