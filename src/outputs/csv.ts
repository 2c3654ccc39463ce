/**
 * CSV exports that a spreadsheet opens safely and Taller reads back: UTF-8 with a byte-order
 * mark (so Excel reads "Núñez" and "中文" right), CRLF line ends, quoting by RFC 4180, and any
 * cell that a spreadsheet would run as a formula written with a leading apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import { looksLikeFormula } from '../bundle/fields.js';
import { elapsedToClock, windowsText } from '../domain/index.js';
import type { Applicant, ClinicEvent, Volunteer } from '../domain/index.js';

export type CsvValue = string | number | null | undefined;

/** One cell as the export writes it: a formula-like text gets a leading apostrophe, so it stays text. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** How a list is written: for a spreadsheet (formula-like cells neutralised), or `asStored` for Taller to read back itself. */
export interface CsvWriting {
  /** Every value exactly as stored, formula-like ones too: for files only Taller reads, so a value reads back unchanged. */
  asStored?: boolean;
}

const storedCell = (value: CsvValue) => (value === null || value === undefined ? '' : String(value));

/** A whole CSV file: a header row, then the rows, every cell neutralised (unless `asStored`) and quoted as needed. */
export function csvText(header: readonly string[], rows: readonly (readonly CsvValue[])[], writing: CsvWriting = {}): string {
  const cell = writing.asStored ? storedCell : csvCell;
  return `\ufeff${stringify([header.map(cell), ...rows.map((row) => row.map(cell))], { record_delimiter: 'windows' })}`;
}

const list = (values: readonly string[]) => values.join(';');

export const VOLUNTEER_EXPORT_COLUMNS = [
  'id', 'name', 'email', 'phone', 'role', 'languages', 'case_types', 'accreditation', 'org', 'supervisor', 'available', 'max_applicants',
] as const;

export const APPLICANT_EXPORT_COLUMNS = [
  'id', 'name', 'phone', 'email', 'languages', 'case_type', 'complexity', 'flags', 'household', 'available', 'deadline', 'priority',
] as const;

/** An event's roster as volunteers.csv: the columns the import reads, so the file goes back in as it came out. */
export function volunteersCsv(event: ClinicEvent, volunteers: readonly Volunteer[], writing: CsvWriting = {}): string {
  const clockOf = elapsedToClock(event);
  return csvText(VOLUNTEER_EXPORT_COLUMNS, volunteers.map((v) => [
    v.id, v.name, v.email, v.phone, v.role, list(v.languages), list(v.caseTypes), v.accreditation, v.org, v.supervisor,
    windowsText(event, v.available, clockOf), v.maxApplicants,
  ]), writing);
}

/** An event's applicants as applicants.csv, likewise; `priority` is written as the event computed it. */
export function applicantsCsv(event: ClinicEvent, applicants: readonly Applicant[], writing: CsvWriting = {}): string {
  const clockOf = elapsedToClock(event);
  return csvText(APPLICANT_EXPORT_COLUMNS, applicants.map((a) => [
    a.id, a.name, a.phone, a.email, list(a.languages), a.caseType, a.complexity, list(a.flags), a.household,
    windowsText(event, a.available, clockOf), a.deadline, a.priority,
  ]), writing);
}
