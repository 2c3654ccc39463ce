import { CsvError, parse } from 'csv-parse/sync';
import type { ProblemList } from './problems.js';

/** One data record: its spreadsheet row number and its values by (trimmed, lowercased) header. */
export interface CsvRecord {
  row: number;
  get(column: string): string;
  /** Whether the header names this column (a missing one is reported once, at row 1). */
  has(column: string): boolean;
}

export interface CsvTable {
  columns: string[];
  records: CsvRecord[];
}

export interface ColumnSpec {
  required: readonly string[];
  optional: readonly string[];
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LENIENT = new TextDecoder('utf-8');

/**
 * Decodes bytes that must be UTF-8. Returns the text, with U+FFFD where bytes were not UTF-8,
 * and whether any were, so the caller can name the rows and columns they sit in.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; invalid: boolean } {
  try {
    return { text: UTF8.decode(bytes), invalid: false };
  } catch {
    return { text: UTF8_LENIENT.decode(bytes), invalid: true };
  }
}

function rowsOf(file: string, text: string, problems: ProblemList): string[][] | null {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    // Unreachable: with fixed options, parsing a string throws only CsvErrors that count records.
    /* c8 ignore next 2 */
    if (!(err instanceof CsvError)) throw err;
    const row = Number((err as unknown as { records?: number }).records ?? 0) + 1;
    problems.error(file, row, '-', `not readable as CSV: ${err.message.replace(/^[A-Za-z ]+: /, '')}`);
    return null;
  }
}

/**
 * Reads an RFC 4180 CSV file with a header row (BOM, CRLF, quoted fields spanning lines,
 * any column order). Reports missing required columns and too many fields as errors and
 * unknown columns as warnings; blank rows are skipped but keep their row numbers.
 */
export function readCsv(file: string, bytes: Uint8Array, spec: ColumnSpec, problems: ProblemList): CsvTable | null {
  const { text, invalid } = decodeUtf8(bytes);
  const rows = rowsOf(file, text, problems);
  if (!rows) return null;
  const header = (rows[0] ?? []).map((name) => name.trim().toLowerCase());
  if (header.length === 0 || header.every((h) => h === '')) {
    problems.error(file, 1, '-', 'the file is empty: it needs a header row naming its columns');
    return null;
  }

  const known = new Set([...spec.required, ...spec.optional]);
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === '') return;
    if (index.has(name)) {
      problems.error(file, 1, name, `column "${name}" appears twice in the header`);
      return;
    }
    index.set(name, i);
    if (!known.has(name)) problems.warn(file, 1, name, `unknown column "${name}" is ignored`);
  });
  for (const name of spec.required) {
    if (!index.has(name)) problems.error(file, 1, name, `required column "${name}" is missing`);
  }

  const records: CsvRecord[] = [];
  rows.slice(1).forEach((values, i) => {
    const row = i + 2;
    if (values.every((v) => v.trim() === '')) return;
    if (values.length > header.length) {
      problems.error(file, row, header[header.length - 1] || '-',
        `this row has ${values.length} fields but the header has ${header.length}: a value with a comma must be in double quotes`);
    }
    if (invalid) {
      header.forEach((name, col) => {
        if (values[col]?.includes('\uFFFD')) {
          problems.error(file, row, name || '-', 'contains bytes that are not UTF-8: save the file as "CSV UTF-8"');
        }
      });
    }
    records.push({
      row,
      get(column: string): string {
        const at = index.get(column);
        return at === undefined ? '' : (values[at] ?? '').trim();
      },
      has: (column: string): boolean => index.has(column),
    });
  });
  if (invalid && !problems.errors.some((p) => p.file === file && p.message.includes('UTF-8'))) {
    problems.error(file, 1, '-', 'contains bytes that are not UTF-8: save the file as "CSV UTF-8"');
  }
  return { columns: [...index.keys()], records };
}

/** Splits a `;`-separated cell into trimmed, non-empty parts. */
export function splitList(cell: string): string[] {
  return cell.split(';').map((part) => part.trim()).filter((part) => part !== '');
}
