import { DEFAULT_CASE_TYPES } from '../domain/index.js';
import type { Bundle } from '../domain/index.js';
import { EVENT_FILE, readEvent } from './event.js';
import { readCsv } from './csv.js';
import { ProblemList } from './problems.js';
import type { Problem } from './problems.js';
import { APPLICANTS_FILE, VOLUNTEERS_FILE, readApplicants, readVolunteers } from './roster.js';

export { formatProblem, ProblemList } from './problems.js';
export type { Problem } from './problems.js';
export { EVENT_FILE, APPLICANTS_FILE, VOLUNTEERS_FILE };
export const BUNDLE_FILES = [EVENT_FILE, VOLUNTEERS_FILE, APPLICANTS_FILE] as const;
export type BundleFileName = (typeof BUNDLE_FILES)[number];

/** The three files' bytes; a file left out is reported as missing. */
export type BundleFiles = Partial<Record<BundleFileName, Uint8Array>>;

export interface BundleRead {
  /** Present only when no error was found in any file. */
  bundle: Bundle | null;
  errors: Problem[];
  warnings: Problem[];
}

/** Problems as a reader meets them: file by file, row by row (checks made after a file is read included). */
function inFileOrder(problems: Problem[]): Problem[] {
  const fileIndex = (p: Problem) => (BUNDLE_FILES as readonly string[]).indexOf(p.file);
  return [...problems].sort((a, b) => fileIndex(a) - fileIndex(b) || a.row - b.row);
}

/**
 * Reads and checks a whole bundle, reporting every problem in every file at once. The CSV
 * files are checked even when event.json is broken, against the case types it still names.
 */
export function readBundle(files: BundleFiles): BundleRead {
  const problems = new ProblemList();
  for (const name of BUNDLE_FILES) {
    if (!files[name]) problems.error(name, 1, '-', `${name} is missing from the bundle`);
  }
  const { event, caseTypes } = files[EVENT_FILE]
    ? readEvent(files[EVENT_FILE], problems)
    : { event: null, caseTypes: { ...DEFAULT_CASE_TYPES } };
  const volunteers = files[VOLUNTEERS_FILE] ? readVolunteers(files[VOLUNTEERS_FILE], event, caseTypes, problems) : [];
  const applicants = files[APPLICANTS_FILE] ? readApplicants(files[APPLICANTS_FILE], event, caseTypes, problems) : [];
  const bundle = problems.errors.length === 0 && event ? { event, volunteers, applicants } : null;
  return { bundle, errors: inFileOrder(problems.errors), warnings: inFileOrder(problems.warnings) };
}

/**
 * Each id of a roster or applicant file and the row it is first on (the header is row 1): where
 * a problem found outside the file (at another workshop, say) is said. A file that cannot be read
 * gives no rows.
 */
export function rowsById(file: string, bytes: Uint8Array): Map<string, number> {
  const rows = new Map<string, number>();
  const table = readCsv(file, bytes, { required: ['id'], optional: [] }, new ProblemList());
  for (const record of table?.records ?? []) {
    const id = record.get('id');
    if (id !== '' && !rows.has(id)) rows.set(id, record.row);
  }
  return rows;
}
