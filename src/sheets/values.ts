import {
  ACCREDITATIONS, CASE_TYPE_NAMES, COMPLEXITIES, DEFAULT_CASE_TYPES, LANGUAGES, RED_FLAGS, ROLES, ROLE_NAMES, caseTypeName,
  languageName,
} from '../domain/index.js';
import { fieldsOf } from './columns.js';
import type { SheetField, SheetTarget } from './columns.js';
import {
  ACCREDITATION_LABELS, ALL_CASE_TYPES, CASE_TYPE_CLUES, CASE_TYPE_LABELS, COMPLEXITY_LABELS, FLAG_LABELS, LANGUAGE_NAMES,
  NO_FLAGS, OPTION_NAMES, ROLE_LABELS,
} from './names.js';
import type { Sheet } from './read.js';
import { compact, normalize } from './text.js';

/** The kinds of value that a coordinator's words are turned into codes for. */
export type ValueKind = 'language' | 'case_type' | 'role' | 'accreditation' | 'complexity' | 'flag';
export const VALUE_KINDS: readonly ValueKind[] = ['language', 'case_type', 'role', 'accreditation', 'complexity', 'flag'];

/** The fields whose values need codes: their kind, and whether a cell holds a list. */
export const CODED_FIELDS: Readonly<Partial<Record<SheetField, { kind: ValueKind; list: boolean }>>> = Object.freeze({
  languages: { kind: 'language', list: true },
  case_types: { kind: 'case_type', list: true },
  case_type: { kind: 'case_type', list: false },
  role: { kind: 'role', list: false },
  accreditation: { kind: 'accreditation', list: false },
  complexity: { kind: 'complexity', list: false },
  flags: { kind: 'flag', list: true },
});

/** What proposeValues needs of an event: its case types (a ClinicEvent will do). Without one, the default catalog's. */
export interface EventCaseTypes {
  caseTypes?: Readonly<Record<string, unknown>>;
}

export function caseTypeCodes(event?: EventCaseTypes | null): string[] {
  return Object.keys(event?.caseTypes ?? DEFAULT_CASE_TYPES);
}

/** The key a value is remembered and looked up by: its normal form without spaces (`N-400` and `n400` are one). */
export function valueKey(text: string): string {
  return compact(text);
}

/**
 * Code meaning "nothing": a list item that adds no code (a volunteer's "Todos" case types,
 * an applicant's "Ninguna" red flags, a coordinator's choice to leave an item out).
 */
export const NOTHING = '';

type Table = Map<string, string>;

function add(table: Table, code: string, names: readonly string[]): void {
  for (const name of names) {
    const key = valueKey(name);
    if (key !== '' && !table.has(key)) table.set(key, code);
  }
}

function tableOf(labels: Readonly<Record<string, readonly string[]>>, codes: readonly string[], nothing: readonly string[] = []): Table {
  const table: Table = new Map();
  for (const code of codes) add(table, code, [code, code.replace(/_/g, ' ')]);
  for (const [code, names] of Object.entries(labels)) add(table, code, names);
  add(table, NOTHING, nothing);
  return table;
}

const ISO_639_1 = (() => {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const codes: string[] = [];
  for (const a of letters) for (const b of letters) codes.push(a + b);
  return codes;
})();

let languageTable: Table | null = null;

/**
 * Every name Taller knows for a language: the catalog's codes and English and Spanish names,
 * the endonyms and variants of LANGUAGE_NAMES, and last (for languages the catalog does not
 * name) the names Intl gives two-letter ISO 639-1 codes in English, in Spanish and in the
 * language itself ("Italiano" → it). Built on first use.
 */
function languages(): Table {
  if (languageTable) return languageTable;
  const table: Table = new Map();
  for (const [code, names] of Object.entries(LANGUAGES)) add(table, code, [code, names.en, names.es]);
  for (const [code, names] of Object.entries(LANGUAGE_NAMES)) add(table, code, names);
  const en = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  const es = new Intl.DisplayNames(['es'], { type: 'language', fallback: 'none' });
  for (const code of ISO_639_1) {
    const own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
    const names = [en.of(code), es.of(code), own].filter((n): n is string => n !== undefined && n !== code);
    if (names.length > 0) add(table, code, names);
  }
  languageTable = table;
  return table;
}

/** A fixed list's table: its codes, the names the page shows for them, and the labels people write. */
function fixedTable(labels: Readonly<Record<string, readonly string[]>>, codes: readonly string[], nothing: readonly string[] = []): Table {
  const named: Record<string, string[]> = {};
  for (const code of codes) named[code] = [OPTION_NAMES[code]!.en, OPTION_NAMES[code]!.es, ...labels[code]!];
  return tableOf(named, codes, nothing);
}

const ROLE_TABLE = fixedTable(ROLE_LABELS, ROLES);
for (const [code, name] of Object.entries(ROLE_NAMES)) add(ROLE_TABLE, code, [name]);
const ACCREDITATION_TABLE = fixedTable(ACCREDITATION_LABELS, ACCREDITATIONS);
const COMPLEXITY_TABLE = fixedTable(COMPLEXITY_LABELS, COMPLEXITIES);
const FLAG_TABLE = fixedTable(FLAG_LABELS, RED_FLAGS, NO_FLAGS);

const caseTypeTables = new Map<string, Table>();

/** The labels of an event's case types, made once per set of codes. */
function caseTypeTable(codes: readonly string[]): Table {
  const known = caseTypeTables.get(codes.join(','));
  if (known) return known;
  const labels: Record<string, readonly string[]> = {};
  for (const code of codes) {
    const names = CASE_TYPE_NAMES[code];
    labels[code] = [...(names ? [names.en, names.es] : []), ...(CASE_TYPE_LABELS[code] ?? [])];
  }
  const table = tableOf(labels, codes, ALL_CASE_TYPES);
  caseTypeTables.set(codes.join(','), table);
  return table;
}

/** A value without its notes in brackets ("Español (nativo)" → "Español"), and the notes themselves. */
function readings(text: string): string[] {
  const outside = text.replace(/[([{][^)\]}]*[)\]}]?/g, ' ');
  const inside = [...text.matchAll(/[([{]([^)\]}]*)[)\]}]/g)].map((m) => m[1]!);
  return [text, outside, ...inside];
}

function lookup(table: Table, text: string): string | null {
  for (const reading of readings(text)) {
    const code = table.get(valueKey(reading));
    if (code !== undefined) return code;
  }
  return null;
}

/**
 * A language's code from what a coordinator wrote: a code Taller's catalog knows, or a name
 * in English, Spanish or the language's own ("Español", "castellano", "Tu'un savi", "中文",
 * "Tiếng Việt", "ਪੰਜਾਬੀ", "Kreyòl ayisyen"). A note in brackets is set aside ("Español
 * (nativo)"), and a name followed by words of a variety counts as the language ("Mixteco de la
 * costa", "Zapoteco del Istmo"). Null when unknown.
 */
export function languageCode(text: string): string | null {
  const table = languages();
  const found = lookup(table, text);
  if (found !== null) return found;
  const first = normalize(text).split(' ')[0]!;
  const code = first.length >= 4 ? table.get(first) : undefined;
  return code ?? null;
}

/**
 * A case type's code among the event's case types: its code ("n400"), a label people write in
 * English or Spanish ("Naturalización", "Green card renewal", "Renovación de DACA"), or a
 * longer label whose form number or words name exactly one of them ("N-400 con exención de
 * cuota"). "All"/"Todos" give NOTHING (for a volunteer: every type). Null when unknown or when
 * a label could be more than one ("DACA").
 */
export function caseTypeCode(text: string, event?: EventCaseTypes | null): string | null {
  const codes = caseTypeCodes(event);
  const found = lookup(caseTypeTable(codes), text);
  if (found !== null) return found;
  const words = normalize(text);
  const clued = new Set(CASE_TYPE_CLUES
    .filter((clue) => codes.includes(clue.code) && clue.all.every((re) => re.test(words)))
    .map((clue) => clue.code));
  // "DACA" that does not say renewal or first request is a type the coordinator has to name.
  if (/\bdaca\b/.test(words) && !clued.has('daca_renewal') && !clued.has('daca_initial')) clued.add('daca');
  const [only] = clued;
  return clued.size === 1 && only !== 'daca' ? only! : null;
}

function tableFor(kind: ValueKind, event?: EventCaseTypes | null): Table {
  switch (kind) {
    case 'language': return languages();
    case 'case_type': return caseTypeTable(caseTypeCodes(event));
    case 'role': return ROLE_TABLE;
    case 'accreditation': return ACCREDITATION_TABLE;
    case 'complexity': return COMPLEXITY_TABLE;
    case 'flag': return FLAG_TABLE;
  }
}

/** Whether a text is, as a whole, a name Taller knows for a value of a kind (no notes set aside, no words guessed). */
export function isKnownValue(kind: ValueKind, text: string, event?: EventCaseTypes | null): boolean {
  return tableFor(kind, event).has(valueKey(text));
}

/**
 * The code Taller proposes for a value of a kind, or null: languages and case types as
 * languageCode and caseTypeCode say; a role, accreditation, complexity or red flag by its
 * code, the name the page shows for it, or a label people write (a note in brackets set
 * aside). "No"/"Ninguna"/"None" as red flags give NOTHING.
 */
export function codeFor(kind: ValueKind, text: string, event?: EventCaseTypes | null): string | null {
  if (kind === 'language') return languageCode(text);
  if (kind === 'case_type') return caseTypeCode(text, event);
  return lookup(tableFor(kind, event), text);
}

const LIST_SEPARATORS = /\s*(?:[;,/|+&\n、，／·•]|\s(?:y|and|or|o|u)\s|\se\s(?=h?i))\s*/iu;

/**
 * The items of a list cell: separated by `;`, `,`, `/`, `|`, `+`, `&`, a line break, " y ",
 * " e " (before an i-sound), " o ", " u ", " and ", " or ". A cell whose whole text is itself
 * one known value ("Fraud or misrepresentation") is one item.
 */
export function listItems(cell: string, known?: (item: string) => boolean): string[] {
  const text = cell.trim();
  if (text === '') return [];
  if (known?.(text)) return [text];
  return text.split(LIST_SEPARATORS).map((s) => s.trim()).filter((s) => s !== '');
}

/** The items of a cell of a coded field: a list cell's items, or the whole cell. */
export function itemsOf(field: SheetField, cell: string, event?: EventCaseTypes | null): string[] {
  const coded = CODED_FIELDS[field];
  if (!coded?.list) return cell.trim() === '' ? [] : [cell.trim()];
  return listItems(cell, (text) => isKnownValue(coded.kind, text, event));
}

/** One distinct value found in a coded column, with the code Taller proposes for it. */
export interface ValueProposal {
  /** The field the column is mapped to. */
  field: SheetField;
  kind: ValueKind;
  /** Zero-based column of the sheet. */
  column: number;
  /** The value as first written in the sheet (for a list cell, one item of it). */
  value: string;
  /** Its key in a mapping's values (see valueKey). */
  key: string;
  /** The code proposed (NOTHING for a word meaning "none"/"all"), or null when Taller does not know it. */
  code: string | null;
  /** How many rows hold it. */
  rows: number;
}

/** A coordinator's value choices, by kind, by value key: a code, or NOTHING to leave the value out. */
export type ValueChoices = Partial<Record<ValueKind, Record<string, string>>>;

/**
 * For each distinct value of each column mapped to a field whose values need codes, the code
 * Taller proposes (a remembered choice first, see reuse), with how many rows use it; in column
 * order, then in order of first appearance. A value Taller does not know has `code: null`,
 * for the coordinator to choose.
 */
export function proposeValues(
  target: SheetTarget,
  sheet: Pick<Sheet, 'rows'>,
  columns: readonly (SheetField | 'ignore' | null)[],
  event?: EventCaseTypes | null,
  remembered?: ValueChoices,
): ValueProposal[] {
  const fields = fieldsOf(target);
  const proposals: ValueProposal[] = [];
  columns.forEach((field, column) => {
    if (!field || field === 'ignore' || !fields.includes(field)) return;
    const coded = CODED_FIELDS[field];
    if (!coded) return;
    const found = new Map<string, ValueProposal>();
    for (const row of sheet.rows) {
      const seen = new Set<string>();
      for (const item of itemsOf(field, row[column] ?? '', event)) {
        const key = valueKey(item);
        if (seen.has(key)) continue;
        seen.add(key);
        const known = found.get(key);
        if (known) {
          known.rows++;
          continue;
        }
        const chosen = remembered?.[coded.kind]?.[key];
        let code = chosen !== undefined ? chosen : codeFor(coded.kind, item, event);
        // An applicant has exactly one case type: "all" is no answer there.
        if (code === NOTHING && !coded.list) code = null;
        found.set(key, { field, kind: coded.kind, column, value: item, key, code, rows: 1 });
      }
    }
    proposals.push(...found.values());
  });
  return proposals;
}

/** One choice for a value of a kind, named for people in English and Spanish. */
export interface ValueOption {
  code: string;
  en: string;
  es: string;
}

/** The codes a coordinator may choose from for a kind of value, named, for the page's lists. */
export function valueOptions(kind: ValueKind, event?: EventCaseTypes | null): ValueOption[] {
  const named = (codes: readonly string[]) => codes.map((code) => ({ code, ...OPTION_NAMES[code]! }));
  switch (kind) {
    case 'language':
      return Object.keys(LANGUAGES).map((code) => ({ code, en: languageName(code, 'en'), es: languageName(code, 'es') }));
    case 'case_type':
      return caseTypeCodes(event).map((code) => ({ code, en: caseTypeName(code, 'en'), es: caseTypeName(code, 'es') }));
    case 'role':
      return named(ROLES);
    case 'accreditation':
      return named(ACCREDITATIONS);
    case 'complexity':
      return named(COMPLEXITIES);
    case 'flag':
      return named(RED_FLAGS);
  }
}
