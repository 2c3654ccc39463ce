import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from './index.js';
import { auditLog, events } from './schema.js';

type Row = typeof auditLog.$inferInsert;

/**
 * Audit rows written together: every row asked for in one turn of the event loop goes into
 * one transaction, so one disk sync however many pages and feeds were viewed in that turn
 * (each sync blocks the server: a feed under load wrote a row per view and spent its time
 * waiting on the disk). Each caller's promise settles once its row is committed: an answer
 * that needs an audit row is sent only after the row is on disk, as before.
 */
export class AuditWriter {
  private rows: Row[] = [];
  private waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private scheduled = false;

  constructor(private readonly db: Db) {}

  /** Records who did what to which event (by its stored key); `detail` must never hold personal data. */
  write(actor: string, action: string, eventId: number | null, detail?: string): Promise<void> {
    this.rows.push({ actor, action, eventId, detail: detail ?? null });
    const committed = new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return committed;
  }

  /** Commits the rows asked for so far (called at the end of the turn; callable any time). */
  flush(): void {
    this.scheduled = false;
    const rows = this.rows.splice(0);
    const waiting = this.waiting.splice(0);
    if (rows.length === 0) return;
    try {
      this.db.transaction((tx) => {
        for (let i = 0; i < rows.length; i += 500) tx.insert(auditLog).values(rows.slice(i, i + 500)).run();
      }, { behavior: 'immediate' });
    } catch (err) {
      for (const w of waiting) w.reject(err as Error);
      return;
    }
    for (const w of waiting) w.resolve();
  }
}

const writers = new WeakMap<Db, AuditWriter>();

/** The database's audit writer (one per database, so rows from every route share its syncs). */
export function auditWriter(db: Db): AuditWriter {
  let writer = writers.get(db);
  if (!writer) writers.set(db, writer = new AuditWriter(db));
  return writer;
}

/** What to read of the audit log: any of who, what, which event, and a span of days (inclusive, UTC). */
export interface AuditFilter {
  actor?: string;
  action?: string;
  /** An event's id from event.json. */
  event?: string;
  from?: string;
  to?: string;
  /** At most this many rows, newest first (default 200). */
  limit?: number;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  event: string | null;
  detail: string | null;
}

/** The audit log, newest first, as filtered. */
export function readAudit(db: Db, filter: AuditFilter = {}): AuditRow[] {
  const where = [
    filter.actor ? eq(auditLog.actor, filter.actor) : undefined,
    // Actions by prefix: `token` finds token.create, token.revoke and token.refused.
    filter.action ? sql`${auditLog.action} like ${`${filter.action.replace(/[%_\\]/g, (c) => `\\${c}`)}%`} escape '\\'` : undefined,
    filter.event ? eq(events.slug, filter.event) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lt(auditLog.at, nextDay(filter.to)) : undefined,
  ].filter((w) => w !== undefined);
  return db.select({ id: auditLog.id, at: auditLog.at, actor: auditLog.actor, action: auditLog.action, event: events.slug, detail: auditLog.detail })
    .from(auditLog).leftJoin(events, eq(auditLog.eventId, events.id))
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(auditLog.id)).limit(Math.min(filter.limit ?? 200, 1000)).all();
}

/** The day after a `YYYY-MM-DD` date, as the same kind of text. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
