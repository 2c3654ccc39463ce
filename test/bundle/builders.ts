// Builders for bundle-reader tests: bundles are made in memory from small rows, so each test
// shows only the cells it is about.
import { readBundle } from '../../src/bundle/index.js';
import type { BundleFiles, BundleRead, Problem } from '../../src/bundle/index.js';

export type Row = Record<string, string>;
type Cells = Row | readonly string[];

export const VOLUNTEER_HEADER = ['id', 'name', 'email', 'phone', 'role', 'languages', 'case_types', 'accreditation',
  'org', 'supervisor', 'available', 'max_applicants'] as const;
export const APPLICANT_HEADER = ['id', 'name', 'phone', 'email', 'languages', 'case_type', 'complexity', 'flags',
  'household', 'available', 'deadline', 'priority'] as const;

/** Opens 09:00, closes 16:00 in Los Angeles: 420 minutes, no daylight-saving change. */
export const EVENT_DATE = '2027-03-13';
export const DAY_MINUTES_0900_1600 = 420;
export const EVENT: Readonly<Record<string, unknown>> = Object.freeze({
  id: 'fresno-2027-03-13',
  name: 'DACA & Citizenship Saturday — Fresno',
  date: EVENT_DATE,
  timezone: 'America/Los_Angeles',
  opens: '09:00',
  closes: '16:00',
});

/** event.json's fields with some replaced; a field set to undefined is left out. */
export function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...EVENT, ...overrides };
}

export function volunteer(overrides: Row = {}): Row {
  return { id: 'V001', name: 'Sofía González', role: 'attorney', languages: 'es;en', ...overrides };
}

export function applicant(overrides: Row = {}): Row {
  return { id: 'A0001', name: 'Rubén Núñez', languages: 'es', case_type: 'daca_renewal', ...overrides };
}

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** An RFC 4180 text: the header, then one record per row (a Row by header name, or raw cells). */
export function csv(header: readonly string[], rows: readonly Cells[], eol = '\n'): string {
  const record = (cells: readonly string[]) => cells.map(cell).join(',');
  const lines = rows.map((row) =>
    Array.isArray(row) ? record(row) : record(header.map((name) => (row as Row)[name.trim().toLowerCase()] ?? '')));
  return [record(header), ...lines].join(eol) + eol;
}

type EventPart = Record<string, unknown> | string | Uint8Array | null;
type CsvPart = readonly Row[] | string | Uint8Array | null;

export interface BundleParts {
  event?: EventPart;
  volunteers?: CsvPart;
  applicants?: CsvPart;
}

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

function csvBytes(part: CsvPart, header: readonly string[]): Uint8Array | undefined {
  if (part === null) return undefined;
  if (part instanceof Uint8Array) return part;
  return bytes(typeof part === 'string' ? part : csv(header, part));
}

/**
 * The three files of a bundle: a valid event, one attorney and one applicant unless told
 * otherwise; a part given as null is left out of the bundle.
 */
export function bundleFiles(parts: BundleParts = {}): BundleFiles {
  const files: BundleFiles = {};
  const ev = parts.event === undefined ? EVENT : parts.event;
  if (ev !== null) {
    files['event.json'] = ev instanceof Uint8Array ? ev : bytes(typeof ev === 'string' ? ev : JSON.stringify(ev));
  }
  const volunteers = csvBytes(parts.volunteers === undefined ? [volunteer()] : parts.volunteers, VOLUNTEER_HEADER);
  if (volunteers) files['volunteers.csv'] = volunteers;
  const applicants = csvBytes(parts.applicants === undefined ? [applicant()] : parts.applicants, APPLICANT_HEADER);
  if (applicants) files['applicants.csv'] = applicants;
  return files;
}

export function read(parts: BundleParts = {}): BundleRead {
  return readBundle(bundleFiles(parts));
}

/** Each problem's place as `FILE:ROW:COLUMN`, in the order reported. */
export function where(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.file}:${p.row}:${p.column}`);
}

/** The places of the problems whose message matches. */
export function whereSaying(problems: readonly Problem[], message: RegExp): string[] {
  return where(problems.filter((p) => message.test(p.message)));
}

/** The bundle of a read that must have succeeded, so a test can look inside it. */
export function bundleOf(result: BundleRead): NonNullable<BundleRead['bundle']> {
  if (!result.bundle) {
    throw new Error(`expected a bundle, got errors:\n${result.errors.map((p) => JSON.stringify(p)).join('\n')}`);
  }
  return result.bundle;
}
