import type { Db } from './index.js';
import { auditLog } from './schema.js';

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
