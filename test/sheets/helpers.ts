// Real bytes for the spreadsheet tests: CSV written with any delimiter and encoding, XLSX
// written by write-excel-file, and the sample event the canonical files are read against.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import type { SheetData } from 'write-excel-file/node';
import { readBundle } from '../../src/bundle/index.js';
import type { Problem } from '../../src/bundle/index.js';
import { readSheet } from '../../src/sheets/index.js';
import type { Delimiter, ReadSheetOptions, Sheet } from '../../src/sheets/index.js';

export const STATIC = new URL('../../static/', import.meta.url);
export const FRESNO_EVENT = readFileSync(new URL('samples/fresno-saturday/event.json', STATIC));
export const FRESNO_VOLUNTEERS = readFileSync(new URL('samples/fresno-saturday/volunteers.csv', STATIC));
export const FRESNO_APPLICANTS = readFileSync(new URL('samples/fresno-saturday/applicants.csv', STATIC));

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A field quoted when it holds any delimiter, a quote or a line break, as a careful spreadsheet app writes it. */
function field(value: string): string {
  return /[,;\t"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text of rows, with a delimiter and line end. */
export function csvText(rows: readonly (readonly string[])[], delimiter: Delimiter = ',', eol = '\r\n'): string {
  return rows.map((row) => row.map(field).join(delimiter)).join(eol) + eol;
}

/** Text as the bytes of an encoding, with the byte order mark where the encoding has one. */
export function encode(text: string, encoding: Encoding = 'utf-8'): Buffer {
  switch (encoding) {
    case 'utf-8': return Buffer.from(text, 'utf8');
    case 'utf-8-bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    case 'utf-16be': return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    case 'windows-1252': return iconv.encode(text, 'windows-1252');
  }
}

export const csvBytes = (rows: readonly (readonly string[])[], delimiter: Delimiter = ',', encoding: Encoding = 'utf-8') =>
  encode(csvText(rows, delimiter), encoding);

/** An XLSX workbook of one sheet (or several: name → data). */
export async function xlsxBytes(data: SheetData | Record<string, SheetData>, sheet = 'Hoja 1'): Promise<Buffer> {
  if (Array.isArray(data)) return writeXlsxFile(data, { sheet }).toBuffer();
  return writeXlsxFile(Object.entries(data).map(([name, rows]) => ({ data: rows, sheet: name }))).toBuffer();
}

/** The sheet read from bytes; fails the test with the problem when it cannot be read. */
export async function sheetOf(bytes: Uint8Array, fileName = 'sheet.csv', options?: ReadSheetOptions): Promise<Sheet> {
  const result = await readSheet(bytes, fileName, options);
  if (!result.ok) throw new Error(result.problem);
  return result.sheet;
}

/** A sheet made directly from a header and rows (numbered from row 2), for tests past reading. */
export function sheet(header: string[], rows: string[][], extra: Partial<Sheet> = {}): Sheet {
  return {
    fileName: 'sheet.csv', format: 'csv', delimiter: ',', encoding: 'utf-8', sheetName: null, sheetNames: [],
    header, rows, rowNumbers: rows.map((_, i) => i + 2), ...extra,
  };
}

const plainCsv = (rows: string[][]) => Buffer.from(`${rows.map((r) => r.join(',')).join('\n')}\n`);

/** Every error and warning the strict reader finds in these lists (the Fresno sample's for an empty one). */
export function readerProblemsOf(volunteers: string[][], applicants: string[][]): Problem[] {
  const read = readBundle({
    'event.json': FRESNO_EVENT,
    'volunteers.csv': volunteers.length ? plainCsv(volunteers) : FRESNO_VOLUNTEERS,
    'applicants.csv': applicants.length ? plainCsv(applicants) : FRESNO_APPLICANTS,
  });
  return [...read.errors, ...read.warnings];
}

/** Lists that make the strict reader write every sentence it has about a roster or applicants file. */
export function everyReaderProblem(): Problem[] {
  return [
    ...readerProblemsOf([
      ['id', 'name', 'role', 'languages', 'email', 'case_types', 'accreditation', 'org', 'supervisor', 'available', 'max_applicants'],
      ['V1', '', 'attorney', 'es', 'nope', '', 'full', '', 'V2', 'morning', 'many'],
      ['V1', 'Ana', 'wizard', 'e$;x1', '', 'xx', '', '', '', '12:00-09:00', '2.5'],
      ['V3', '=cmd', 'accredited_rep', ';', '', 'xx;yy', '', '', '', '05:00-06:00', '-1'],
      ['V4', 'Bo', 'accredited_rep', 'zzz', '', '', 'half', 'ILSCC', '', '', '99999999999999999999'],
      ['V5', 'Cy', 'law_student', 'es', '', '', '', '', '', '', ''],
      ['V6', 'Di', 'law_student', 'es', '', '', '', '', 'V99', '', ''],
      ['V7', 'Ed', 'law_student', 'es', '', '', '', '', 'V8', '', ''],
      ['V8', 'Flo', 'paralegal', 'es', '', '', '', '', '', '05:00-06:00', ''],
    ], [
      ['id', 'name', 'languages', 'case_type', 'complexity', 'flags', 'deadline', 'priority'],
      ['A1', 'Ana', 'es', 'xx', 'hard', 'odd', 'soon', ''],
      ['A2', 'Bo', 'es', 'tps', '', 'odd;weird', '2027-02-30', ''],
    ]),
    ...readerProblemsOf([['id', 'name', 'languages'], ['V1', 'Ana', 'es']], []),
  ];
}
