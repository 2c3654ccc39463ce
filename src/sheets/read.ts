import { DELIMITER_NAMES, readCsvText } from './csv.js';
import type { Delimiter } from './csv.js';
import { ENCODING_NAMES, decodeText } from './decode.js';
import type { SheetEncoding } from './decode.js';
import { readWorkbook } from './xlsx.js';

export type SheetFormat = 'csv' | 'xlsx';

/** A spreadsheet read as text: its header, its data rows and where each row sits in the file. */
export interface Sheet {
  /** The uploaded file's name, as problems name it. */
  fileName: string;
  format: SheetFormat;
  /** CSV only: the separator found (or given). */
  delimiter: Delimiter | null;
  /** CSV only: how the bytes were decoded. */
  encoding: SheetEncoding | null;
  /** XLSX only: the sheet read, and every sheet of the workbook (for a page to offer the others). */
  sheetName: string | null;
  sheetNames: string[];
  /** The column names of row 1, trimmed, as written; a column with data but no name has `''`. */
  header: string[];
  /** Every data row that is not blank, as text, as wide as the header. */
  rows: string[][];
  /** For each data row, the row number a spreadsheet app shows (the header is row 1). */
  rowNumbers: number[];
}

/** Why a file could not be read, for a page that words it in its own language. */
export type SheetProblemReason =
  | 'empty'
  | 'not_a_spreadsheet'
  | 'pdf'
  | 'old_excel'
  | 'opendocument'
  | 'not_xlsx'
  | 'sheet_not_found'
  | 'no_rows'
  | 'empty_header'
  | 'no_data_rows'
  | 'unreadable_csv'
  | 'unreadable';

/** What fills a read problem's words, besides its reason: the file, and the sheet, the workbook's sheets or the row it is about. */
export interface SheetReadParams {
  file: string;
  /** XLSX: the sheet the problem is about (`no_rows`, `empty_header`, `no_data_rows` of a workbook, `sheet_not_found`). */
  sheet?: string;
  /** `sheet_not_found`: the workbook's sheets. */
  sheets?: string[];
  /** `unreadable_csv`: the row where the quote that never closes opens. */
  row?: number;
  /** `unreadable`: what the reader said. */
  detail?: string;
}

export type SheetResult =
  | { ok: true; sheet: Sheet }
  | { ok: false; reason: SheetProblemReason; problem: string; params: SheetReadParams };

export interface ReadSheetOptions {
  /** XLSX: the sheet to read, by name; by default the first sheet that has rows. */
  sheet?: string;
  /** CSV: the separator, when the coordinator corrects the one found. */
  delimiter?: Delimiter;
  /** CSV: the encoding, when the coordinator corrects the one found. */
  encoding?: SheetEncoding;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** An OpenDocument file stores its type uncompressed as the first entry of the zip. */
function isOpenDocument(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 128)).toString('latin1');
  return head.includes('mimetypeapplication/vnd.oasis.opendocument');
}

/** Control characters that no spreadsheet text holds (tab, line feed and carriage return aside). */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes('\0')) return true;
  const controls = sample.match(/[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]/g)?.length ?? 0;
  return controls > Math.max(2, sample.length / 100);
}

const fail = (fileName: string, reason: SheetProblemReason, message: string, params: Omit<SheetReadParams, 'file'> = {}): SheetResult =>
  ({ ok: false, reason, problem: `${fileName}: ${message}`, params: { file: fileName, ...params } });

const blank = (row: string[]) => row.every((cell) => cell === '');

/**
 * Rows as the spreadsheet shows them (row i is spreadsheet row i + 1) → the sheet: row 1 is
 * the header, blank rows are skipped but counted, and every row is made as wide as the widest
 * of them (a column with data and no name gets the header `''`; blank columns at the right are dropped).
 */
function tabulate(fileName: string, rows: string[][], base: Omit<Sheet, 'header' | 'rows' | 'rowNumbers'>): SheetResult {
  const trimmed = rows.map((row) => row.map((cell) => cell.trim()));
  const where = base.format === 'xlsx' ? `the sheet "${base.sheetName}"` : 'the file';
  const which = base.format === 'xlsx' ? { sheet: base.sheetName! } : {};
  if (trimmed.every(blank)) {
    return base.format === 'xlsx'
      ? fail(fileName, 'no_rows', `${where} has no rows: it is empty`, which)
      : fail(fileName, 'empty', 'the file is empty');
  }
  const [headerRow = [], ...dataRows] = trimmed;
  if (blank(headerRow)) {
    return fail(fileName, 'empty_header', `row 1 of ${where} is empty: the first row must name the columns (for example Nombre, Idiomas, Tipo de caso)`, which);
  }
  const lastFilled = (row: string[]) => {
    for (let i = row.length - 1; i >= 0; i--) if (row[i] !== '') return i + 1;
    return 0;
  };
  const width = Math.max(...trimmed.map(lastFilled));
  const fit = (row: string[]) => Array.from({ length: width }, (_, i) => row[i] ?? '');
  const data: string[][] = [];
  const rowNumbers: number[] = [];
  dataRows.forEach((row, i) => {
    if (blank(row)) return;
    data.push(fit(row));
    rowNumbers.push(i + 2);
  });
  if (data.length === 0) {
    return fail(fileName, 'no_data_rows', `${where} has the column names in row 1 but no rows of people under them`, which);
  }
  return { ok: true, sheet: { ...base, header: fit(headerRow), rows: data, rowNumbers } };
}

async function readXlsx(fileName: string, bytes: Uint8Array, options: ReadSheetOptions): Promise<SheetResult> {
  let workbook;
  try {
    workbook = await readWorkbook(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return fail(fileName, 'not_xlsx', 'this is a zip file but not an Excel workbook (.xlsx) that Taller can read: open it in your spreadsheet app and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"');
  }
  const sheetNames = workbook.sheets.map((s) => s.name);
  if (options.sheet !== undefined && !sheetNames.includes(options.sheet)) {
    return fail(fileName, 'sheet_not_found', `the workbook has no sheet named "${options.sheet}" (its sheets: ${sheetNames.map((n) => `"${n}"`).join(', ')})`,
      { sheet: options.sheet, sheets: sheetNames });
  }
  const chosen = options.sheet !== undefined
    ? workbook.sheets.find((s) => s.name === options.sheet)
    : workbook.sheets.find((s) => s.rows.some((row) => !blank(row))) ?? workbook.sheets[0];
  // Unreachable: a workbook the reader accepts has a sheet.
  /* c8 ignore next */
  if (!chosen) return fail(fileName, 'no_rows', 'the workbook has no sheets');
  return tabulate(fileName, chosen.rows, {
    fileName, format: 'xlsx', delimiter: null, encoding: null, sheetName: chosen.name, sheetNames,
  });
}

function readCsv(fileName: string, bytes: Uint8Array, options: ReadSheetOptions): SheetResult {
  const { text, encoding } = decodeText(bytes, options.encoding);
  if (text.trim() === '') return fail(fileName, 'empty', 'the file is empty');
  if (looksBinary(text)) {
    return fail(fileName, 'not_a_spreadsheet', 'this is not a spreadsheet Taller can read: upload the list as an Excel workbook (.xlsx) or as CSV');
  }
  const read = readCsvText(text, options.delimiter);
  if (!read.ok) return fail(fileName, 'unreadable_csv', read.message, { row: read.row });
  return tabulate(fileName, read.records, {
    fileName, format: 'csv', delimiter: read.delimiter, encoding, sheetName: null, sheetNames: [],
  });
}

/**
 * Reads a spreadsheet a coordinator uploads: CSV (comma, semicolon or tab separated; UTF-8 with
 * or without BOM, UTF-16 with BOM, or Windows-1252) or an Excel workbook (.xlsx, recognized by
 * its content whatever the file is called). Never throws: a file that cannot be read gives a
 * problem that names it and says what is wrong in a coordinator's words.
 */
export async function readSheet(bytes: Buffer | Uint8Array, fileName: string, options: ReadSheetOptions = {}): Promise<SheetResult> {
  try {
    if (bytes.byteLength === 0) return fail(fileName, 'empty', 'the file is empty');
    if (startsWith(bytes, ZIP)) {
      if (isOpenDocument(bytes)) {
        return fail(fileName, 'opendocument', 'this is an OpenDocument spreadsheet (.ods): save it as "Excel Workbook (.xlsx)" or as CSV and upload that');
      }
      return await readXlsx(fileName, bytes, options);
    }
    if (startsWith(bytes, OLE)) {
      return fail(fileName, 'old_excel', 'this is an old Excel file (.xls): open it and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8", then upload that');
    }
    if (startsWith(bytes, PDF)) {
      return fail(fileName, 'pdf', 'this is a PDF, not a spreadsheet: upload the list as an Excel workbook (.xlsx) or as CSV');
    }
    return readCsv(fileName, bytes, options);
    /* c8 ignore start */
  } catch (err) {
    // Unreachable as far as the tests can find: every reader above reports its own failures.
    return fail(fileName, 'unreadable', `this file cannot be read as a spreadsheet (${(err as Error).message})`, { detail: (err as Error).message });
  }
  /* c8 ignore stop */
}

/** How the file was read, for the page to say: "read as semicolon-separated text, Windows-1252". */
export function describeSheet(sheet: Sheet): string {
  if (sheet.format === 'xlsx') return `read as an Excel workbook, sheet "${sheet.sheetName}"`;
  return `read as ${DELIMITER_NAMES[sheet.delimiter!]} text, ${ENCODING_NAMES[sheet.encoding!]}`;
}
