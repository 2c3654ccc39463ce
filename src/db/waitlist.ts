/**
 * The waitlist as stored: people waiting for a later workshop, where they came from, and what
 * became of them. Personal data: read only for the accounts of the organization that holds them.
 */
import { and, asc, eq, inArray, isNotNull, ne, or } from 'drizzle-orm';
import type { Db } from './index.js';
import { events, waitlist } from './schema.js';

export type WaitlistReason = 'unscheduled' | 'released' | 'not_finished' | 'registration';
export const WAITLIST_REASONS: readonly WaitlistReason[] = ['unscheduled', 'released', 'not_finished', 'registration'];
export type WaitlistState = 'waiting' | 'moved' | 'removed';

/** A person on the list as stored, with the ids (slugs) of the events they came from and were moved to. */
export interface WaitlistRow {
  id: number;
  organizationId: number | null;
  name: string;
  phone: string | null;
  email: string | null;
  languages: string[];
  caseType: string;
  complexity: string;
  county: string | null;
  deadline: string | null;
  fromEventId: number | null;
  fromCode: string | null;
  reason: WaitlistReason;
  since: string;
  state: WaitlistState;
  movedToEventId: number | null;
  movedCode: string | null;
}

export type NewWaitlistRow = Omit<WaitlistRow, 'id' | 'state' | 'movedToEventId' | 'movedCode'> & { addedBy: number | null };

const columns = {
  id: waitlist.id, organizationId: waitlist.organizationId, name: waitlist.name, phone: waitlist.phone, email: waitlist.email,
  languages: waitlist.languages, caseType: waitlist.caseType, complexity: waitlist.complexity, county: waitlist.county,
  deadline: waitlist.deadline, fromEventId: waitlist.fromEventId, fromCode: waitlist.fromCode, reason: waitlist.reason,
  since: waitlist.since, state: waitlist.state, movedToEventId: waitlist.movedToEventId, movedCode: waitlist.movedCode,
};
const asRow = (r: Omit<WaitlistRow, 'reason' | 'state'> & { reason: string; state: string }): WaitlistRow =>
  ({ ...r, reason: r.reason as WaitlistReason, state: r.state as WaitlistState });

/** Adds people; one already on the list from the same event (by their code there) is left as they are. Answers the new rows' ids. */
export function addWaiting(db: Pick<Db, 'insert'>, rows: readonly NewWaitlistRow[]): number[] {
  if (rows.length === 0) return [];
  return db.insert(waitlist).values(rows.map((r) => ({ ...r, state: 'waiting' }))).onConflictDoNothing()
    .returning({ id: waitlist.id }).all().map((r) => r.id);
}

/** The codes of an event's applicants already put on the list from it (whatever became of them since). */
export function codesSentFrom(db: Db, eventKey: number): Set<string> {
  return new Set(db.select({ code: waitlist.fromCode }).from(waitlist)
    .where(and(eq(waitlist.fromEventId, eventKey), isNotNull(waitlist.fromCode))).all().map((r) => r.code!));
}

/** The people still waiting whom an organization holds (undefined: every one, for admins), longest waiting first. */
export function waitingPeople(db: Db, organizationId: number | null | undefined): WaitlistRow[] {
  const scope = organizationId === undefined ? undefined : eq(waitlist.organizationId, organizationId ?? -1);
  return db.select(columns).from(waitlist).where(and(eq(waitlist.state, 'waiting'), scope))
    .orderBy(asc(waitlist.since), asc(waitlist.id)).all().map(asRow);
}

/** One person on the list, if an organization holds them (undefined: any, for admins). */
export function waitingPerson(db: Db, id: number, organizationId: number | null | undefined): WaitlistRow | undefined {
  const scope = organizationId === undefined ? undefined : eq(waitlist.organizationId, organizationId ?? -1);
  const row = db.select(columns).from(waitlist).where(and(eq(waitlist.id, id), scope)).get();
  return row ? asRow(row) : undefined;
}

/** Marks a waiting person moved to an event, as the applicant `code` there; false when they were no longer waiting. */
export function markMoved(db: Db, id: number, eventKey: number, code: string): boolean {
  return db.update(waitlist).set({ state: 'moved', movedToEventId: eventKey, movedCode: code })
    .where(and(eq(waitlist.id, id), eq(waitlist.state, 'waiting'))).run().changes === 1;
}

/** Marks a waiting person removed from the list; false when they were no longer waiting. */
export function markRemoved(db: Db, id: number): boolean {
  return db.update(waitlist).set({ state: 'removed' }).where(and(eq(waitlist.id, id), eq(waitlist.state, 'waiting'))).run().changes === 1;
}

/** The ids (slugs), names and dates of stored events by key. */
export function eventsByKey(db: Db, keys: readonly number[]): Map<number, { id: string; name: string; date: string }> {
  if (keys.length === 0) return new Map();
  return new Map(db.select({ key: events.id, id: events.slug, name: events.name, date: events.date }).from(events)
    .where(inArray(events.id, [...new Set(keys)])).all().map((r) => [r.key, { id: r.id, name: r.name, date: r.date }]));
}

/** Removes, with an event's purge, the rows no longer waiting that came from it or were moved to it. Answers how many. */
export function deletePurgedWaitlist(tx: Pick<Db, 'delete'>, eventKey: number): number {
  return tx.delete(waitlist).where(and(ne(waitlist.state, 'waiting'),
    or(eq(waitlist.fromEventId, eventKey), eq(waitlist.movedToEventId, eventKey)))).run().changes;
}

/**
 * Removes the rows no longer waiting whose event (the one they came from, or were moved to) is
 * purged: those still waiting at its purge, moved or taken off the list since. Answers how many.
 */
export function deleteSettledOfPurged(db: Pick<Db, 'delete' | 'select'>): number {
  const purged = db.select({ id: events.id }).from(events).where(isNotNull(events.purgedAt));
  return db.delete(waitlist).where(and(ne(waitlist.state, 'waiting'),
    or(inArray(waitlist.fromEventId, purged), inArray(waitlist.movedToEventId, purged)))).run().changes;
}
