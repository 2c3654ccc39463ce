import { readBundle } from '../bundle/index.js';
import type { BundleFiles, Problem } from '../bundle/index.js';
import { saveBundle } from './events.js';
import type { SaveResult } from './events.js';
import type { Db } from './index.js';

export type ImportOutcome =
  | { ok: true; saved: SaveResult; warnings: Problem[] }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

/**
 * Checks a bundle and, only when it has no error at all (`extraErrors` included, such as an
 * upload's stray file), stores it in one transaction.
 */
export function importBundle(db: Db, files: BundleFiles, actor: string, extraErrors: Problem[] = []): ImportOutcome {
  const read = readBundle(files);
  const errors = [...extraErrors, ...read.errors];
  if (!read.bundle || errors.length > 0) return { ok: false, errors, warnings: read.warnings };
  return { ok: true, saved: saveBundle(db, read.bundle, actor), warnings: read.warnings };
}
