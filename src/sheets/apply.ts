import { stringify } from 'csv-stringify/sync';
import type { Problem } from '../bundle/index.js';
import { APPLICANTS_FILE, VOLUNTEERS_FILE } from '../bundle/index.js';
import { CANONICAL_COLUMNS, NAME_PARTS, fieldsOf } from './columns.js';
import type { CanonicalColumn, ColumnChoice, NamePart, SheetField, SheetTarget } from './columns.js';
import { dateText, priorityText, proposeDateOrder, wholeNumberText, windowsText } from './convert.js';
import type { DateOrder } from './convert.js';
import type { Sheet } from './read.js';
import { columnLetter, normalize, oneLine } from './text.js';
import { readerWords } from './problems.js';
import type { ProblemWords, SheetProblemCode } from './problems.js';
import { CODED_FIELDS, NOTHING, codeFor, itemsOf, valueKey } from './values.js';
import type { EventCaseTypes, ValueChoices, ValueKind } from './values.js';

/** The coordinator's confirmed mapping of one sheet. */
export interface SheetMapping {
  /** For each column of the sheet, by position: the field it holds, or 'ignore'. */
  columns: readonly ColumnChoice[];
  /**
   * Codes chosen for values, by kind and value key (see valueKey): a code, several joined by
   * `;` (a "Bilingüe" that means `es;en`), or NOTHING (`''`) to leave the value out. A value not
   * listed gets the code Taller proposes; a value with neither is written as it is, for the
   * strict reader to report at its row.
   */
  values?: ValueChoices;
  /** How numeric dates such as 03/04/2027 are read; by default as proposeDateOrder says. */
  dateOrder?: DateOrder;
}

/** Where each value of the canonical file came from, to turn a problem on it back into the spreadsheet's terms. JSON-serialisable. */
export interface SheetOrigin {
  /** The spreadsheet's file name. */
  fileName: string;
  /** The canonical file made from it: volunteers.csv or applicants.csv. */
  file: string;
  /** The spreadsheet's row number of each canonical data row (canonical row r is at index r - 2). */
  rowNumbers: number[];
  /** For each canonical column written: the sheet's columns it was made from, or 'generated' (ids Taller numbered). */
  columns: Record<string, { letters: string[]; headers: string[] } | 'generated'>;
  /** Values that no code was found for, by `ROW:COLUMN` of the canonical file, as the sheet wrote them. */
  unknown: Record<string, { kind: ValueKind; values: string[] }>;
}

export interface AppliedMapping {
  /** volunteers.csv or applicants.csv, as Taller's strict reader (readBundle) reads it: UTF-8, the canonical header, `;`-separated lists. */
  csv: Buffer;
  origin: SheetOrigin;
}

/** A mapping that cannot be applied: each problem says what to change, in a coordinator's words. */
export class MappingError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'MappingError';
  }
}

const REQUIRED: Readonly<Record<SheetTarget, readonly CanonicalColumn[]>> = {
  volunteers: ['name', 'role', 'languages'],
  applicants: ['name', 'languages', 'case_type'],
};

const isNamePart = (field: SheetField): field is NamePart => (NAME_PARTS as readonly string[]).includes(field);

const describe = (sheet: Pick<Sheet, 'header'>, index: number) => {
  const header = sheet.header[index]!;
  return `column ${columnLetter(index)}${header ? ` (${header})` : ''}`;
};

/** Why a mapping cannot be applied, as data (see ProblemWords); the English sentence is `message`. */
export type MappingProblemCode = 'column_count' | 'not_a_field' | 'same_field' | 'name_and_parts' | 'needed_field';

export interface MappingProblem extends ProblemWords<MappingProblemCode> {
  message: string;
}

/**
 * What keeps a mapping from being applied: a column count that is not the sheet's, a field
 * the target does not have, one field chosen for two columns, a whole name and parts of a
 * name both chosen, and a column Taller needs (name, languages, and role or case type) that no
 * column is set to. An id column is not needed: without one, Taller numbers the rows.
 */
export function mappingProblems(target: SheetTarget, sheet: Pick<Sheet, 'header'>, mapping: Pick<SheetMapping, 'columns'>): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const column = (name: string, index: number) => ({ [name]: columnLetter(index), [`${name}Header`]: sheet.header[index]! });
  if (mapping.columns.length !== sheet.header.length) {
    problems.push({
      code: 'column_count', params: { given: String(mapping.columns.length), width: String(sheet.header.length) },
      message: `the mapping gives ${mapping.columns.length} columns but the sheet has ${sheet.header.length}`,
    });
    return problems;
  }
  const fields = fieldsOf(target);
  const at = new Map<SheetField, number>();
  mapping.columns.forEach((choice, i) => {
    if (choice === 'ignore') return;
    if (!fields.includes(choice)) {
      problems.push({
        code: 'not_a_field', params: { ...column('column', i), value: choice, target },
        message: `${describe(sheet, i)} is set to "${choice}", which the ${target} file does not have`,
      });
      return;
    }
    const first = at.get(choice);
    if (first !== undefined) {
      problems.push({
        code: 'same_field', params: { ...column('column', first), ...column('other', i), field: choice },
        message: `${describe(sheet, first)} and ${describe(sheet, i)} are both set to ${choice}: choose one, and ignore the other`,
      });
      return;
    }
    at.set(choice, i);
  });
  const parts = [...at.keys()].filter(isNamePart);
  if (at.has('name') && parts.length > 0) {
    const whole = at.get('name')!;
    const part = at.get(parts[0]!)!;
    problems.push({
      code: 'name_and_parts', params: { ...column('column', whole), ...column('other', part) },
      message: `${describe(sheet, whole)} holds the whole name and ${describe(sheet, part)} a part of it: choose one or the other`,
    });
  }
  for (const field of REQUIRED[target]) {
    if (at.has(field) || (field === 'name' && parts.length > 0)) continue;
    problems.push({
      code: 'needed_field', params: { field, target },
      message: `no column is set to ${field}, which Taller needs for every ${target === 'volunteers' ? 'volunteer' : 'applicant'}`,
    });
  }
  return problems;
}

/** What keeps a mapping from being applied, in English sentences (see mappingProblems). */
export function checkMapping(target: SheetTarget, sheet: Pick<Sheet, 'header'>, mapping: Pick<SheetMapping, 'columns'>): string[] {
  return mappingProblems(target, sheet, mapping).map((p) => p.message);
}

/** Codes for one cell of a coded field; what has no code is kept as written and reported in `unknown`. */
function codesOf(
  field: SheetField, cell: string, values: ValueChoices | undefined, event: EventCaseTypes | null | undefined, unknown: string[],
): string {
  const coded = CODED_FIELDS[field]!;
  const out: string[] = [];
  for (const item of itemsOf(field, cell, event)) {
    const chosen = values?.[coded.kind]?.[valueKey(item)];
    const code = chosen !== undefined ? chosen : codeFor(coded.kind, item, event);
    if (code === null || (code === NOTHING && !coded.list)) {
      unknown.push(item);
      out.push(oneLine(item));
      continue;
    }
    for (const part of code.split(';')) if (part.trim() !== '' && !out.includes(part.trim())) out.push(part.trim());
  }
  return coded.list ? out.join(';') : (out[0] ?? '');
}

/**
 * Turns a sheet into Taller's canonical volunteers.csv or applicants.csv by the coordinator's
 * mapping, row for row in the sheet's order, with an origin that leads every problem the strict
 * reader finds back to the spreadsheet's row, column letter and header.
 *
 * - Values are trimmed and kept on one line. Ignored columns are left out; a canonical column no
 *   sheet column is set to is left out too, so a missing one is reported once, not on every row.
 * - The name is the name column, or the parts of the name joined (see NAME_PARTS).
 * - Without an id column, each row is numbered by its spreadsheet row: V014 or A0014 is row 14.
 * - Coded values (languages, case types, role, accreditation, complexity, red flags) become codes
 *   as `mapping.values` says, else as Taller proposes; list cells are split and written
 *   `;`-separated, first kept first. A value with no code is written as it is and remembered,
 *   so the problem the strict reader reports names the value as the sheet wrote it.
 * - Availability becomes `HH:MM-HH:MM;…`, deadlines `YYYY-MM-DD`, counts and priorities whole
 *   numbers (see convert.ts); what cannot be read so is written as it is, for the reader to report.
 * - A supervisor written as a volunteer's name becomes that volunteer's id, when exactly one has it.
 *
 * Throws MappingError when checkMapping finds problems.
 */
export function applyMapping(
  target: SheetTarget,
  sheet: Pick<Sheet, 'fileName' | 'header' | 'rows' | 'rowNumbers' | 'delimiter'>,
  mapping: SheetMapping,
  event?: EventCaseTypes | null,
): AppliedMapping {
  const problems = checkMapping(target, sheet, mapping);
  if (problems.length > 0) throw new MappingError(problems);
  const source = new Map<SheetField, number>();
  mapping.columns.forEach((choice, i) => {
    if (choice !== 'ignore') source.set(choice, i);
  });
  const parts = NAME_PARTS.filter((p) => source.has(p)).map((p) => source.get(p)!);
  const generatedIds = !source.has('id');
  const columns = CANONICAL_COLUMNS[target].filter((c) => source.has(c) || (c === 'id' && generatedIds) || (c === 'name' && parts.length > 0));
  const dateOrder = source.has('deadline') ? mapping.dateOrder ?? proposeDateOrder(sheet, source.get('deadline')!).order : 'mdy';
  const prefix = target === 'volunteers' ? 'V' : 'A';
  const width = target === 'volunteers' ? 3 : 4;

  const unknown: SheetOrigin['unknown'] = {};
  const records = sheet.rows.map((row, i) => {
    const rowNumber = sheet.rowNumbers[i]!;
    const canonicalRow = i + 2;
    const cell = (field: SheetField) => row[source.get(field)!] ?? '';
    return columns.map((column) => {
      if (column === 'id' && generatedIds) return `${prefix}${String(rowNumber).padStart(width, '0')}`;
      if (column === 'name' && !source.has('name')) return oneLine(parts.map((p) => row[p] ?? '').join(' '));
      const text = cell(column);
      const coded = CODED_FIELDS[column];
      if (coded) {
        const missing: string[] = [];
        const codes = codesOf(column, text, mapping.values, event, missing);
        if (missing.length > 0) unknown[`${canonicalRow}:${column}`] = { kind: coded.kind, values: missing };
        return codes;
      }
      const converted = column === 'available' ? windowsText(text)
        : column === 'deadline' ? (text.trim() === '' ? '' : dateText(text, dateOrder))
          : column === 'max_applicants' ? wholeNumberText(text)
            : column === 'priority' ? priorityText(text)
              : null;
      return converted ?? oneLine(text);
    });
  });

  if (target === 'volunteers' && columns.includes('supervisor')) resolveSupervisors(records, columns);

  const origin: SheetOrigin = {
    fileName: sheet.fileName,
    file: target === 'volunteers' ? VOLUNTEERS_FILE : APPLICANTS_FILE,
    rowNumbers: [...sheet.rowNumbers],
    columns: {},
    unknown,
  };
  for (const column of columns) {
    const from = column === 'id' && generatedIds ? null : column === 'name' && !source.has('name') ? parts : [source.get(column)!];
    origin.columns[column] = from === null ? 'generated' : {
      letters: from.map(columnLetter),
      headers: from.map((i) => sheet.header[i]!),
    };
  }
  const csv = Buffer.from(stringify([columns, ...records], { record_delimiter: '\n' }), 'utf8');
  return { csv, origin };
}

/** A supervisor written as a name becomes the id of the one volunteer of that name (ignoring case, accents and spacing). */
function resolveSupervisors(records: string[][], columns: readonly CanonicalColumn[]): void {
  const idAt = columns.indexOf('id');
  const nameAt = columns.indexOf('name');
  const supervisorAt = columns.indexOf('supervisor');
  const ids = new Map(records.map((r) => [r[idAt]!.toLowerCase(), r[idAt]!]));
  const byName = new Map<string, string[]>();
  for (const r of records) {
    const key = normalize(r[nameAt]!);
    if (key !== '') byName.set(key, [...(byName.get(key) ?? []), r[idAt]!]);
  }
  for (const r of records) {
    const written = r[supervisorAt]!;
    if (written === '') continue;
    const id = ids.get(written.toLowerCase());
    if (id !== undefined) {
      r[supervisorAt] = id;
      continue;
    }
    const named = byName.get(normalize(written));
    if (named?.length === 1) r[supervisorAt] = named[0]!;
  }
}

const KIND_WORDS: Readonly<Record<ValueKind, [string, string]>> = {
  language: ['language', 'languages'],
  case_type: ['case type', 'case types'],
  role: ['role', 'roles'],
  accreditation: ['kind of accreditation', 'kinds of accreditation'],
  complexity: ['complexity', 'complexities'],
  flag: ['red flag', 'red flags'],
};

/** A problem on the canonical file, told where the coordinator must look in their spreadsheet; its words as data for a page (see ProblemWords). */
export interface SheetProblem extends ProblemWords<SheetProblemCode> {
  /** The spreadsheet's file name (event.json and files with no origin keep their own). */
  file: string;
  /** The spreadsheet's row number; 1 is the header row. */
  row: number;
  /** The spreadsheet's column letters ("F", or "B, C" for a name joined from parts), or null when no column of the sheet holds it. */
  column: string | null;
  /** The spreadsheet's own header text for those columns, or null. */
  header: string | null;
  /** Taller's name for the column (`languages`), as the strict reader reported it. */
  field: string;
  message: string;
  /** All of it on one line: `applicants.xlsx: row 14, column F (Idiomas): unknown language "Mixtekoo"`. */
  text: string;
}

const list = (items: string[]) => items.map((v) => `"${v}"`).join(', ');

/** One problem of the strict reader in the spreadsheet's terms (unchanged but for its shape when its file has no origin). */
export function locateProblem(problem: Problem, origins: SheetOrigin | readonly SheetOrigin[]): SheetProblem {
  const all: readonly SheetOrigin[] = 'rowNumbers' in origins ? [origins as SheetOrigin] : origins as readonly SheetOrigin[];
  const origin = all.find((o) => o.file === problem.file);
  if (!origin) {
    const text = `${problem.file}: row ${problem.row}${problem.column !== '-' ? `, ${problem.column}` : ''}: ${problem.message}`;
    return {
      file: problem.file, row: problem.row, column: null, header: null, field: problem.column, message: problem.message, text, ...readerWords(problem.message),
    };
  }
  const row = problem.row >= 2 ? origin.rowNumbers[problem.row - 2] ?? problem.row : problem.row;
  const from = origin.columns[problem.column];
  const letters = from && from !== 'generated' ? from.letters : null;
  const headers = from && from !== 'generated' ? from.headers.filter((h) => h !== '') : [];
  let message = problem.message;
  let words = readerWords(message);
  const unknown = origin.unknown[`${problem.row}:${problem.column}`];
  if (unknown && unknown.values.some((v) => message.toLowerCase().includes(v.toLowerCase()))) {
    const [one, many] = KIND_WORDS[unknown.kind];
    message = `unknown ${unknown.values.length > 1 ? many : one} ${list(unknown.values)}`;
    words = { code: 'unknown_value', params: { kind: unknown.kind, values: [...unknown.values] } };
  } else if (!from && problem.row === 1 && /required column/.test(message)) {
    message = `no column of the sheet is set to ${problem.column}, which Taller needs`;
    words = { code: 'no_column', params: { field: problem.column } };
  }
  const column = letters ? letters.join(', ') : null;
  const header = headers.length > 0 ? headers.join(', ') : null;
  const where = column ? `, column${letters!.length > 1 ? 's' : ''} ${column}${header ? ` (${header})` : ''}` : '';
  return {
    file: origin.fileName, row, column, header, field: problem.column, message,
    text: `${origin.fileName}: row ${row}${where}: ${message}`, ...words,
  };
}

/** Problems the strict reader found on canonical files, each told where the coordinator must look in their spreadsheet. */
export function mapProblems(problems: readonly Problem[], origins: SheetOrigin | readonly SheetOrigin[]): SheetProblem[] {
  return problems.map((p) => locateProblem(p, origins));
}
