import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { PlanJson, PlanOptions } from '../planner/types.js';
import type { Db } from './index.js';
import { accessTokens, auditLog, events, planItems, plans, users } from './schema.js';

export interface StoredPlan {
  version: number;
  createdAt: string;
  options: Record<string, unknown>;
  plan: PlanJson;
  publishedAt: string | null;
}

/**
 * The account behind an actor of the audit log: `user:N` itself, `token:N` the account whose API
 * token it is; none for the command line and the like.
 */
export function accountOfActor(db: Pick<Db, 'select'>, actor: string): number | null {
  const [kind, id] = actor.split(':');
  const n = Number(id);
  if (!Number.isInteger(n)) return null;
  const userId = kind === 'user' ? n
    : kind === 'token' ? db.select({ userId: accessTokens.userId }).from(accessTokens).where(eq(accessTokens.id, n)).get()?.userId ?? null
    : null;
  // Only an account that is there: a version outlives nobody's foreign key.
  return userId === null ? null : db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get()?.id ?? null;
}

/** Stores a plan as the event's next version, with one row per visit and desk step for queries by person. */
export function savePlan(db: Db, eventKey: number, plan: PlanJson, options: PlanOptions | Record<string, unknown>, actor: string): number {
  return db.transaction((tx) => {
    const last = tx.select({ version: plans.version }).from(plans).where(eq(plans.eventId, eventKey))
      .orderBy(desc(plans.version)).limit(1).get();
    const version = (last?.version ?? 0) + 1;
    const { previous: _previous, published: _published, ...kept } = options as PlanOptions;
    const planId = tx.insert(plans).values({
      eventId: eventKey, version, createdBy: accountOfActor(tx, actor), options: kept, body: plan, scheduled: plan.summary.scheduled,
      scheduledWeight: plan.summary.scheduled_weight,
    }).returning({ id: plans.id }).get().id;
    const rows = plan.scheduled.flatMap((s) => [
      ...(s.check_in ? [{ planId, applicant: s.applicant, station: 'check_in', volunteer: null, interpreter: null, ...s.check_in }] : []),
      ...s.visits.map((v) => ({ planId, applicant: s.applicant, station: v.station, volunteer: v.volunteer, interpreter: v.interpreter, start: v.start, end: v.end })),
      ...(s.final_check ? [{ planId, applicant: s.applicant, station: 'final_check', volunteer: null, interpreter: null, ...s.final_check }] : []),
    ]);
    const shiftRows = plan.shifts.map((sh) => ({ planId, applicant: null, station: sh.station, volunteer: sh.volunteer, interpreter: null, start: sh.start, end: sh.end }));
    const all = [...rows, ...shiftRows];
    for (let i = 0; i < all.length; i += 500) tx.insert(planItems).values(all.slice(i, i + 500)).run();
    tx.insert(auditLog).values({ actor, action: 'plan.create', eventId: eventKey, detail: `version ${version}: ${plan.summary.scheduled} of ${plan.summary.applicants} scheduled` }).run();
    return version;
  }, { behavior: 'immediate' });
}

function toStored(row: typeof plans.$inferSelect): StoredPlan {
  return {
    version: row.version, createdAt: row.createdAt, options: row.options as Record<string, unknown>,
    plan: row.body as PlanJson, publishedAt: row.publishedAt,
  };
}

/** One version of an event's plan, or the latest when no version is given. */
export function loadPlan(db: Db, eventKey: number, version?: number): StoredPlan | undefined {
  const where = version === undefined ? eq(plans.eventId, eventKey) : and(eq(plans.eventId, eventKey), eq(plans.version, version));
  const row = db.select().from(plans).where(where).orderBy(desc(plans.version)).limit(1).get();
  return row ? toStored(row) : undefined;
}

export interface PlanVersion {
  version: number;
  createdAt: string;
  scheduled: number;
  scheduledWeight: number;
  publishedAt: string | null;
}

/** Every version of an event's plan, newest first. */
export function listPlans(db: Db, eventKey: number): PlanVersion[] {
  return db.select({
    version: plans.version, createdAt: plans.createdAt, scheduled: plans.scheduled, scheduledWeight: plans.scheduledWeight,
    publishedAt: plans.publishedAt,
  }).from(plans).where(eq(plans.eventId, eventKey)).orderBy(desc(plans.version)).all();
}

/** Marks a version as published: its arrival times went out on slips, so re-planning keeps them. */
export function publishPlan(db: Db, eventKey: number, version: number, nowIso: string): boolean {
  return db.update(plans).set({ publishedAt: nowIso })
    .where(and(eq(plans.eventId, eventKey), eq(plans.version, version))).run().changes > 0;
}

/** The stored key of an event by its id, for plan queries. */
export function eventKey(db: Db, slug: string): number | undefined {
  return db.select({ id: events.id }).from(events).where(eq(events.slug, slug)).get()?.id;
}

/** Every stored version of an event's plan, oldest first. */
export function loadAllPlans(db: Db, eventKey: number): StoredPlan[] {
  return db.select().from(plans).where(eq(plans.eventId, eventKey)).orderBy(plans.version).all().map(toStored);
}

/** An event's id from event.json by its stored key. */
export function eventSlug(db: Db, key: number): string | undefined {
  return db.select({ slug: events.slug }).from(events).where(eq(events.id, key)).get()?.slug;
}

/** Whether any version of an event's plan was published (its workshop is announced). */
export function hasPublishedPlan(db: Db, eventKey: number): boolean {
  return db.select({ id: plans.id }).from(plans).where(and(eq(plans.eventId, eventKey), isNotNull(plans.publishedAt))).limit(1).get() !== undefined;
}
