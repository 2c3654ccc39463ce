import { isNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { loadEvent } from '../db/events.js';
import type { Db } from '../db/index.js';
import { checkpoint, purgeEvent, purgedAt } from '../db/purge.js';
import type { PurgeResult } from '../db/purge.js';
import { events } from '../db/schema.js';
import { deleteSettledOfPurged } from '../db/waitlist.js';
import type { ClinicEvent } from '../domain/index.js';

/** How often a running server applies the retention rules. */
export const RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;

export type PurgeOutcome =
  | { kind: 'purged'; slug: string; result: PurgeResult; checkpointed: boolean }
  | { kind: 'already'; slug: string; purgedAt: string }
  | { kind: 'not_found'; error: string };

/**
 * The moment an event's retention rule makes it due: the start of the day after its date plus
 * `purge_days_after` days, on the site's clock (0: the night after the event). Undefined when the
 * event sets no rule.
 */
export function purgeDueAt(event: ClinicEvent): DateTime | undefined {
  const days = event.retention?.purgeDaysAfter;
  if (days === undefined) return undefined;
  return DateTime.fromISO(event.date, { zone: event.timezone }).startOf('day').plus({ days: days + 1 });
}

/**
 * Purges a stored event's personal data now (see `purgeEvent`), then empties the WAL so the
 * overwritten pages leave the disk too. An event already purged is left as it is.
 */
export function purgeStoredEvent(db: Db, slug: string, actor: string, now = new Date()): PurgeOutcome {
  const found = loadEvent(db, slug);
  if (!found) return { kind: 'not_found', error: `no event ${slug} in the database` };
  const already = purgedAt(db, found.key);
  if (already !== null) return { kind: 'already', slug, purgedAt: already };
  const result = purgeEvent(db, found.key, actor, now.toISOString());
  return { kind: 'purged', slug, result, checkpointed: checkpoint(db) };
}

/** The events whose retention rule has come due by `now` and that still hold their personal data. */
export function dueEvents(db: Db, now = new Date()): string[] {
  const at = DateTime.fromJSDate(now);
  return db.select({ slug: events.slug }).from(events).where(isNull(events.purgedAt)).orderBy(events.date, events.slug).all()
    .map((e) => e.slug)
    .filter((slug) => {
      const due = purgeDueAt(loadEvent(db, slug)!.event);
      return due !== undefined && due <= at;
    });
}

/**
 * Applies every event's retention rule as of `now`: purges each event due, and answers what it
 * purged. Then removes the waitlist rows of purged events that have stopped waiting since their
 * purge (moved to a later workshop, or taken off the list).
 */
export function applyRetention(db: Db, actor: string, now = new Date()): Extract<PurgeOutcome, { kind: 'purged' }>[] {
  const purged: Extract<PurgeOutcome, { kind: 'purged' }>[] = [];
  for (const slug of dueEvents(db, now)) {
    const outcome = purgeStoredEvent(db, slug, actor, now);
    if (outcome.kind === 'purged') purged.push(outcome);
  }
  deleteSettledOfPurged(db);
  return purged;
}

/** What a coordinator is told when they ask to print what a purge removed. */
export function nothingToPrint(slug: string, purgedOn: string): string {
  return `The personal data of ${slug} was purged on ${purgedOn.slice(0, 10)}: there are no sheets or slips left to print`;
}
