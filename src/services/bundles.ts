import { VOLUNTEERS_FILE, readBundle, rowsById } from '../bundle/index.js';
import type { BundleFiles, Problem } from '../bundle/index.js';
import { eventOrganizations, saveBundle } from '../db/events.js';
import type { SaveResult } from '../db/events.js';
import type { Db } from '../db/index.js';
import { poolConflicts } from './season.js';

export type ImportOutcome =
  | { ok: true; saved: SaveResult; warnings: Problem[] }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

/**
 * Who imports: a new event is theirs (their organization's); an event that exists may be
 * replaced by an admin, or by someone of an organization that runs or hosts it.
 */
export interface ImportOwner {
  role: string;
  organizationId: number | null;
}

/**
 * Checks a bundle and, only when it has no error at all (`extraErrors` included, such as an
 * upload's stray file, and anyone it books who is booked at another stored workshop they cannot
 * also reach), stores it in one transaction.
 */
export function importBundle(db: Db, files: BundleFiles, actor: string, extraErrors: Problem[] = [], owner?: ImportOwner): ImportOutcome {
  const read = readBundle(files);
  const errors = [...extraErrors, ...read.errors];
  if (read.bundle && owner && owner.role !== 'admin') {
    const orgs = eventOrganizations(db, read.bundle.event.id);
    if (orgs && (owner.organizationId === null || !orgs.has(owner.organizationId))) {
      errors.push({ file: 'event.json', row: 1, column: 'id', message: `event ${read.bundle.event.id} is run by another organization: choose another id` });
    }
  }
  // One pool: nobody booked here who is booked at another stored workshop they cannot also reach.
  if (read.bundle) errors.push(...poolConflicts(db, read.bundle, rowsById(VOLUNTEERS_FILE, files[VOLUNTEERS_FILE] ?? new Uint8Array())));
  if (!read.bundle || errors.length > 0) return { ok: false, errors, warnings: read.warnings };
  return { ok: true, saved: saveBundle(db, read.bundle, actor, owner?.organizationId ?? null), warnings: read.warnings };
}
