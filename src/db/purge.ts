import { and, desc, eq, inArray, isNotNull, isNull, ne, notExists, or, sql } from 'drizzle-orm';
import type { PlanJson } from '../planner/types.js';
import type { Db } from './index.js';
import { deleteEventUploads } from './spreadsheets.js';
import { deleteEventResponses } from './responses.js';
import { deletePurgedWaitlist } from './waitlist.js';
import { planBookings } from './season.js';
import {
  accessTokens, applicants, auditLog, eventCounts, eventHours, events, planItems, plans, rosterEntries, volunteers,
} from './schema.js';

/** What an applicant's day came to: in the published plan or left out of it, or nothing was published. */
export type Outcome = 'scheduled' | 'unscheduled' | 'unplanned';

export interface PurgeResult {
  /** Applicants removed, each counted first. */
  applicants: number;
  outcomes: Record<Outcome, number>;
  /** Slip and calendar links of the event that stopped working. */
  links: number;
  /** Plan versions reduced to their summaries. */
  plans: number;
  /** People whose name, e-mail and phone were erased: no event that is not purged lists them any more. */
  volunteers: number;
}

/** The options a stored version keeps after a purge: how it was planned, not whom it pinned or released. */
const PERSONAL_OPTIONS = ['pin', 'release', 'arrivals', 'previous', 'published'];

/** A version as a purge leaves it: its summary (counts and shares only), no person's day, no shift. */
function reducedPlan(body: PlanJson): PlanJson {
  return { event: body.event, scheduled: [], unscheduled: [], shifts: [], summary: body.summary, warnings: [] };
}

/** When the event's applicants were purged, or null while it holds them (never purged, or imported again since). */
export function purgedAt(db: Db, eventKey: number): string | null {
  return db.select({ at: events.purgedAt }).from(events).where(eq(events.id, eventKey)).get()?.at ?? null;
}

/** The anonymous counts a purge left of an event's applicants, by case type, first language and outcome. */
export function loadEventCounts(db: Db, eventKey: number): { caseType: string; language: string; outcome: Outcome; count: number }[] {
  return db.select({ caseType: eventCounts.caseType, language: eventCounts.language, outcome: eventCounts.outcome, count: eventCounts.count })
    .from(eventCounts).where(eq(eventCounts.eventId, eventKey))
    .orderBy(eventCounts.outcome, eventCounts.caseType, eventCounts.language).all() as { caseType: string; language: string; outcome: Outcome; count: number }[];
}

/** One anonymous count of an event's applicants. */
export interface ApplicantCount { caseType: string; language: string; outcome: Outcome; count: number }

/**
 * An event's applicants counted by case type, first language and outcome in the version
 * published last (`unplanned` while none is): what a purge keeps, and what reports count of an
 * event not purged yet.
 */
export function countApplicants(db: Db, eventKey: number): { counts: ApplicantCount[]; outcomes: Record<Outcome, number> } {
  const published = db.select({ body: plans.body }).from(plans)
    .where(and(eq(plans.eventId, eventKey), isNotNull(plans.publishedAt)))
    .orderBy(desc(plans.publishedAt), desc(plans.version)).limit(1).get();
  const scheduled = published ? new Set((published.body as PlanJson).scheduled.map((s) => s.applicant)) : undefined;
  const outcomeOf = (code: string): Outcome => (scheduled === undefined ? 'unplanned' : scheduled.has(code) ? 'scheduled' : 'unscheduled');

  const people = db.select({ code: applicants.code, caseType: applicants.caseType, languages: applicants.languages })
    .from(applicants).where(eq(applicants.eventId, eventKey)).all();
  const counts = new Map<string, ApplicantCount>();
  const outcomes: Record<Outcome, number> = { scheduled: 0, unscheduled: 0, unplanned: 0 };
  for (const a of people) {
    const row = { caseType: a.caseType, language: a.languages[0] ?? '', outcome: outcomeOf(a.code) };
    const key = JSON.stringify([row.caseType, row.language, row.outcome]);
    const found = counts.get(key) ?? { ...row, count: 0 };
    found.count += 1;
    counts.set(key, found);
    outcomes[row.outcome] += 1;
  }
  return { counts: [...counts.values()], outcomes };
}

/**
 * Removes an event's personal data in one transaction, keeping anonymous counts:
 *
 * - counts its applicants by case type, first language and outcome (in the version published
 *   last, or `unplanned`) into `event_counts`, replacing any counts of an earlier purge;
 * - deletes the applicants (names, contacts, flags, households, hours), every slip and
 *   calendar link of the event, every spreadsheet upload of it still waiting to be confirmed, and
 *   every waitlist row that came from it or was moved to it and is no longer waiting;
 * - keeps the volunteer hours of the version published last, per roster line (minutes, the
 *   person across workshops, the organization the line names), into `event_hours`;
 * - reduces each stored version to its summary: no scheduled or unscheduled lists, no shifts,
 *   no plan items, no pinned or released ids;
 * - erases the name, e-mail and phone of every volunteer no event that is not purged lists
 *   (their roster entries stay: role, languages, case types, hours);
 * - marks the event purged (its applicant and volunteer counts stay) and writes the audit log.
 */
export function purgeEvent(db: Db, eventKey: number, actor: string, nowIso: string): PurgeResult {
  return db.transaction((tx) => {
    const { counts, outcomes } = countApplicants(tx, eventKey);
    const removed = outcomes.scheduled + outcomes.unscheduled + outcomes.unplanned;
    tx.delete(eventCounts).where(eq(eventCounts.eventId, eventKey)).run();
    if (counts.length > 0) tx.insert(eventCounts).values(counts.map((c) => ({ eventId: eventKey, ...c }))).run();

    // What people answered through their links goes with the links (a volunteer's note is personal data).
    deleteEventResponses(tx, eventKey);
    const links = tx.delete(accessTokens).where(and(eq(accessTokens.eventId, eventKey), ne(accessTokens.kind, 'api'))).run().changes;
    tx.delete(applicants).where(eq(applicants.eventId, eventKey)).run();
    // Spreadsheets waiting to be confirmed hold the same kind of data.
    deleteEventUploads(tx, eventKey);
    // People on the waitlist from (or moved to) the event go too once they are no longer waiting; those waiting stay on it.
    deletePurgedWaitlist(tx, eventKey);

    // The volunteer hours of the published version, per roster line (anonymous: no applicant, no time of day), before its visits go.
    const shown = tx.select({ version: plans.version }).from(plans).where(and(eq(plans.eventId, eventKey), isNotNull(plans.publishedAt)))
      .orderBy(desc(plans.publishedAt), desc(plans.version)).limit(1).get();
    tx.delete(eventHours).where(eq(eventHours.eventId, eventKey)).run();
    const hours = new Map<string, typeof eventHours.$inferInsert>();
    for (const b of shown ? planBookings(tx, new Map([[eventKey, shown.version]])) : []) {
      const line = hours.get(b.code) ?? { eventId: eventKey, code: b.code, volunteerId: b.volunteer, org: b.org, minutes: 0 };
      line.minutes += b.minutes;
      hours.set(b.code, line);
    }
    if (hours.size > 0) tx.insert(eventHours).values([...hours.values()]).run();

    const versions = tx.select({ id: plans.id, body: plans.body, options: plans.options }).from(plans).where(eq(plans.eventId, eventKey)).all();
    if (versions.length > 0) tx.delete(planItems).where(inArray(planItems.planId, versions.map((v) => v.id))).run();
    for (const v of versions) {
      const options = Object.fromEntries(Object.entries(v.options as Record<string, unknown>).filter(([k]) => !PERSONAL_OPTIONS.includes(k)));
      tx.update(plans).set({ body: reducedPlan(v.body as PlanJson), options }).where(eq(plans.id, v.id)).run();
    }

    tx.update(events).set({ purgedAt: nowIso }).where(eq(events.id, eventKey)).run();

    // Contact data is kept only while an event that is not purged lists the person.
    const listed = tx.select({ one: sql`1` }).from(rosterEntries).innerJoin(events, eq(rosterEntries.eventId, events.id))
      .where(and(eq(rosterEntries.volunteerId, volunteers.id), isNull(events.purgedAt)));
    const forgotten = tx.update(volunteers).set({ name: '', email: null, phone: null })
      .where(and(notExists(listed), or(ne(volunteers.name, ''), isNotNull(volunteers.email), isNotNull(volunteers.phone)))).run().changes;

    const result: PurgeResult = { applicants: removed, outcomes, links, plans: versions.length, volunteers: forgotten };
    tx.insert(auditLog).values({
      actor, action: 'event.purge', eventId: eventKey,
      detail: `${removed} applicants removed (${outcomes.scheduled} scheduled, ${outcomes.unscheduled} unscheduled, ${outcomes.unplanned} unplanned), `
        + `${links} links, ${versions.length} plan versions reduced, ${forgotten} volunteers' contacts erased`,
    }).run();
    return result;
  }, { behavior: 'immediate' });
}

/**
 * Writes the WAL back into the database file and empties it, so the old copies of the pages a
 * purge overwrote are gone from the disk too. When another connection is reading, the WAL stays
 * until a later checkpoint: answers whether it was emptied.
 */
export function checkpoint(db: Db): boolean {
  const rows = db.all<{ busy: number }>(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
  return rows[0]?.busy === 0;
}
