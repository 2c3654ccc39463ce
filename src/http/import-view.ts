/**
 * The spreadsheet import pages as plain data for their templates (which only print), in the
 * page's language: each column with its letter, header, a few of its values and the choice of
 * Taller fields; each value with its count and the choice of codes; the problems and the
 * converted rows. A problem is said from its code and params (see src/sheets/problems.ts): in
 * English exactly as the command line says it.
 */
import { caseTypeName, languageName, windowsText, elapsedToClock } from '../domain/index.js';
import type { Bundle } from '../domain/index.js';
import { CODED_FIELDS, NOTHING, columnLetter, fieldsOf, valueOptions } from '../sheets/index.js';
import type {
  ColumnProposal, MappingProblem, SheetField, SheetProblem, SheetProblemCode, SheetTarget, ValueKind, ValueProposal, WordParams,
} from '../sheets/index.js';
import { columnSamples } from '../services/imports.js';
import type { ChoiceProblem, DateQuestion, OpenUpload, ReadFailure, SaveOutcome, SheetCheck } from '../services/imports.js';
import { caseTypeLabel, languageLabel, lookup, quoted, translate } from './i18n.js';
import type { Locale, Params } from './i18n.js';

/** A list's names in the page's language: its title ("Volunteers") and how a sentence names it ("the roster"). */
export function targetNames(locale: Locale, target: SheetTarget): { title: string; list: string } {
  return { title: translate(locale, `imports.targets.${target}.title`), list: translate(locale, `imports.targets.${target}.list`) };
}

/** "26 volunteers", "1 applicant". */
export const peopleCount = (locale: Locale, target: SheetTarget, n: number): string => translate(locale, `imports.people.${target}`, { count: n });

/** A word from one of the catalog's tables of names, or the code itself when the table lacks it. */
function named(locale: Locale, table: 'imports.fieldWords' | 'imports.roleWords' | 'imports.kinds', code: string): string {
  const found = lookup(locale, `${table}.${code}`);
  return typeof found === 'string' ? found : code;
}

/** "column C (Notas)", "column C" when it has no header. */
function columnRef(locale: Locale, letter: string, header: string | readonly string[] | undefined): string {
  return typeof header === 'string' && header !== ''
    ? translate(locale, 'imports.columnRefNamed', { letter, header })
    : translate(locale, 'imports.columnRef', { letter });
}

/** Params quoted as a value someone wrote (lists are quoted item by item). */
const QUOTED = new Set(['value', 'values', 'example', 'otherExample', 'examples']);

/** A problem's params as its sentence shows them in the page's language (the convention of src/sheets/problems.ts). */
export function wordParams(locale: Locale, params: WordParams): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('Header')) continue;
    if (typeof value !== 'string') shown[name] = value.map((v) => (QUOTED.has(name) ? quoted(locale, v) : v)).join(', ');
    else if (QUOTED.has(name)) shown[name] = quoted(locale, value);
    else if (name === 'field') shown[name] = named(locale, 'imports.fieldWords', value);
    else if (name === 'role') shown[name] = named(locale, 'imports.roleWords', value);
    else if (name === 'kind') shown[name] = named(locale, 'imports.kinds', value);
    else if (name === 'column' || name === 'other') shown[name] = columnRef(locale, value, params[`${name}Header`]);
    else if (name === 'target' && (value === 'volunteers' || value === 'applicants')) {
      shown.target = translate(locale, `imports.targets.${value}.word`);
      shown.person = translate(locale, `imports.targets.${value}.person`);
    } else shown[name] = value;
  }
  return shown;
}

/** What a row's problem says, in the page's language. */
export function problemMessage(locale: Locale, problem: Pick<SheetProblem, 'code' | 'params'>): string {
  if (problem.code === 'unknown_value') {
    const several = typeof problem.params.values !== 'string' && (problem.params.values?.length ?? 0) > 1;
    return translate(locale, `imports.problems.unknown_value.${problem.params.kind as ValueKind}.${several ? 'several' : 'single'}`,
      wordParams(locale, problem.params));
  }
  return translate(locale, `imports.problems.${problem.code as Exclude<SheetProblemCode, 'unknown_value'>}`, wordParams(locale, problem.params));
}

/** What keeps the chosen columns from being applied, in the page's language. */
export const mappingMessage = (locale: Locale, problem: Pick<MappingProblem, 'code' | 'params'>): string =>
  translate(locale, `imports.mapping.${problem.code}`, wordParams(locale, problem.params));

/** A sentence as a step's error summary starts it, with a capital, and ends it. */
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/** A problem with a choice on the columns or values step, in the page's language. */
export function choiceMessage(locale: Locale, problem: Pick<ChoiceProblem, 'code' | 'params'>): string {
  if (problem.code === 'choose_column') return translate(locale, 'imports.choose.column', wordParams(locale, problem.params));
  if (problem.code === 'choose_value') {
    return translate(locale, 'imports.choose.value', { ...wordParams(locale, problem.params), count: Number(problem.params.rows) });
  }
  return sentence(mappingMessage(locale, { code: problem.code, params: problem.params }));
}

/** Why a file could not be read, in the page's language. */
export function readMessage(locale: Locale, failure: Pick<ReadFailure, 'reason' | 'params'>): string {
  const { file, sheet, sheets, row, detail } = failure.params;
  const params: Params = {
    file,
    where: sheet === undefined ? translate(locale, 'imports.read.theFile') : translate(locale, 'imports.read.theSheet', { sheet: quoted(locale, sheet) }),
    sheet: sheet === undefined ? '' : quoted(locale, sheet),
    sheets: (sheets ?? []).map((n) => quoted(locale, n)).join(', '),
    row: String(row ?? ''),
    detail: detail ?? '',
    quote: '"',
    xlsx: quoted(locale, translate(locale, 'imports.read.xlsxFormat')),
    csv: quoted(locale, translate(locale, 'imports.read.csvFormat')),
  };
  return translate(locale, `imports.read.${failure.reason}`, params);
}

/** How the file was read: "read as semicolon-separated text, Windows-1252 (Western European)". */
export function readDescription(locale: Locale, sheet: OpenUpload['sheet']): string {
  if (sheet.format === 'xlsx') return translate(locale, 'imports.readAs.xlsx', { sheet: quoted(locale, sheet.sheetName ?? '') });
  const delimiter = sheet.delimiter === ';' ? 'semicolon' : sheet.delimiter === '\t' ? 'tab' : 'comma';
  return translate(locale, 'imports.readAs.csv', {
    delimiter: translate(locale, `imports.readAs.delimiters.${delimiter}`),
    encoding: translate(locale, `imports.readAs.encodings.${sheet.encoding ?? 'utf-8'}`),
  });
}

/** Problems as a page's error summary shows them, each linking to its field by id. */
export function choiceProblemsView(locale: Locale, problems: readonly ChoiceProblem[], prefix: string) {
  const list = problems.map((p) => ({ field: p.index === null ? 'read' : `${prefix}-${p.index}`, message: choiceMessage(locale, p) }));
  const byField = new Map<string, string[]>();
  for (const p of list) byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
  return { problems: list, byField };
}

const base = (open: OpenUpload, locale: Locale) => {
  const names = targetNames(locale, open.upload.target);
  return {
    eventId: open.bundle.event.id,
    eventName: open.bundle.event.name,
    target: open.upload.target,
    targetTitle: names.title,
    list: names.list,
    fileName: open.upload.fileName,
    description: readDescription(locale, open.sheet),
    rows: open.sheet.rows.length,
  };
};

/** The read-again form: another sheet of a workbook, or another separator or encoding for a CSV file. */
function readView(open: OpenUpload, locale: Locale) {
  const { sheet } = open;
  if (sheet.format === 'xlsx') {
    return sheet.sheetNames.length > 1
      ? { sheets: sheet.sheetNames.map((name) => ({ name, selected: name === sheet.sheetName })) }
      : null;
  }
  const delimiters = [[',', 'comma'], [';', 'semicolon'], ['\t', 'tab']] as const;
  const encodings = ['utf-8', 'windows-1252', 'utf-16le'] as const;
  return {
    delimiters: delimiters.map(([value, name]) => ({
      value, name: translate(locale, `imports.columns.delimiters.${name}`), selected: value === sheet.delimiter,
    })),
    encodings: encodings.map((value) => ({
      value, name: translate(locale, `imports.columns.encodings.${value}`),
      selected: value === sheet.encoding || (value === 'utf-8' && sheet.encoding === 'utf-8-bom'),
    })),
  };
}

/** What the columns step shows beyond Taller's proposals: the problems found, what was sent, or why the file could not be read again. */
export interface ColumnsState {
  problems?: readonly ChoiceProblem[];
  submitted?: readonly (string | null)[];
  readFailure?: ReadFailure;
}

/** The columns step: each column's letter, header, sample values and the select of fields, pre-filled. */
export function columnsView(open: OpenUpload, proposals: readonly ColumnProposal[], locale: Locale, state: ColumnsState = {}) {
  const { submitted } = state;
  const { problems: summary, byField } = choiceProblemsView(locale, state.problems ?? [], 'column');
  if (state.readFailure) summary.push({ field: 'read', message: readMessage(locale, state.readFailure) });
  const fields = fieldsOf(open.upload.target);
  const { title } = targetNames(locale, open.upload.target);
  return {
    ...base(open, locale),
    title: translate(locale, 'imports.columns.title', { target: title }),
    remembered: open.saved !== undefined,
    problems: summary,
    read: readView(open, locale),
    columns: proposals.map((p, i) => {
      const current = submitted ? submitted[i] ?? '' : p.field ?? (p.match === 'remembered' ? 'ignore' : '');
      const problem = byField.get(`column-${i}`);
      return {
        index: i, letter: p.letter, header: p.header, named: p.header !== '',
        samples: columnSamples(open.sheet, i),
        unmatched: p.field === null && p.match === null,
        how: translate(locale, `imports.columns.how.${p.match === 'remembered' ? 'remembered' : p.match === null ? 'unknown' : 'proposed'}`),
        problem: problem?.join(' '),
        options: [
          { value: '', label: translate(locale, 'imports.columns.chooseOption'), selected: current === '' },
          { value: 'ignore', label: translate(locale, 'imports.columns.ignore'), selected: current === 'ignore' },
          ...fields.map((f: SheetField) => ({ value: f, label: translate(locale, `imports.fields.${f}`), selected: current === f })),
        ],
      };
    }),
  };
}

/** A code as the lists name it: "Mixteco · Mixteco (mix)", English · Spanish and the code. */
function codeLabel(kind: ValueProposal['kind'], code: string, event: Bundle['event']): string {
  const names = code.split(';').map((c) => {
    const { en, es } = kind === 'language' ? { en: languageName(c, 'en'), es: languageName(c, 'es') }
      : kind === 'case_type' ? { en: caseTypeName(c, 'en'), es: caseTypeName(c, 'es') }
        : valueOptions(kind, event).find((o) => o.code === c) ?? { en: c, es: c };
    return en === es ? en : `${en} · ${es}`;
  });
  return `${names.join(' + ')} (${code})`;
}

/** The values step: every distinct value with its count and the select of codes, the ones Taller does not know first. */
export function valuesView(open: OpenUpload, values: readonly ValueProposal[], date: DateQuestion | null, locale: Locale,
  problems: readonly ChoiceProblem[] = [], submitted?: readonly (string | null)[]) {
  const { event } = open.bundle;
  const { problems: summary, byField } = choiceProblemsView(locale, problems, 'value');
  const rows = values.map((v, i) => {
    const list = CODED_FIELDS[v.field]!.list;
    const current = submitted ? submitted[i] ?? null : v.code;
    const options = valueOptions(v.kind, event).map((o) => ({ value: o.code, label: codeLabel(v.kind, o.code, event) }));
    // A code Taller proposes or someone chose that the lists do not name (a language outside the catalog, "es;en").
    if (v.code !== null && v.code !== NOTHING && !options.some((o) => o.value === v.code)) options.unshift({ value: v.code, label: codeLabel(v.kind, v.code, event) });
    const problem = byField.get(`value-${i}`);
    return {
      index: i, kind: named(locale, 'imports.kinds', v.kind), value: v.value, rows: v.rows, letter: columnLetter(v.column), header: open.sheet.header[v.column],
      unknown: v.code === null, problem: problem?.join(' '),
      options: [
        { value: '', label: translate(locale, 'imports.values.chooseOption'), selected: current === null },
        ...(list ? [{ value: '-', label: translate(locale, 'imports.values.leaveOut'), selected: current === NOTHING }] : []),
        ...options.map((o) => ({ ...o, selected: o.value === current })),
      ],
    };
  });
  const deadline = date && open.upload.choices.columns ? open.upload.choices.columns.indexOf('deadline') : -1;
  const { title } = targetNames(locale, open.upload.target);
  return {
    ...base(open, locale),
    title: translate(locale, 'imports.values.title', { target: title }),
    problems: summary,
    unknown: rows.filter((r) => r.unknown),
    known: rows.filter((r) => !r.unknown),
    none: rows.length === 0,
    date: date?.ask ? {
      letter: columnLetter(deadline), header: open.sheet.header[deadline],
      dmy: date.order === 'dmy', mdy: date.order === 'mdy',
    } : null,
  };
}

/** How many converted rows the preview shows; all of them are checked. */
export const PREVIEW_ROWS = 50;

/** Where a problem is and what it says, on one line: `applicants.xlsx: row 14, column F (Idiomas): unknown language "Mixtekoo"`. */
export function problemLine(locale: Locale, p: SheetProblem, message = problemMessage(locale, p)): string {
  const params = { file: p.file, row: String(p.row), message };
  if (p.column) {
    const column = p.header ? `${p.column} (${p.header})` : p.column;
    return translate(locale, p.column.includes(',') ? 'imports.at.columns' : 'imports.at.column', { ...params, column });
  }
  // A problem of a file with no sheet behind it names its field; one of the sheet with no column of its own, only its row.
  return p.text === `${p.file}: row ${p.row}: ${p.message}`
    ? translate(locale, 'imports.at.row', params)
    : translate(locale, 'imports.at.field', { ...params, field: p.field });
}

function problemRow(locale: Locale, p: SheetProblem, i: number) {
  const message = problemMessage(locale, p);
  return {
    id: `problem-${i + 1}`, row: p.row, column: p.column ?? '—',
    header: p.header ?? (p.column ? '' : named(locale, 'imports.fieldWords', p.field)),
    message, file: p.file, text: problemLine(locale, p, message),
    // A problem Taller has no sentence for in this language is shown as the reader wrote it, in English.
    english: p.code === 'other' && locale !== 'en',
  };
}

/** The preview: the problems at the sheet's rows, columns and headers, or the converted rows (no contacts, no red flags) and warnings. */
export function previewView(open: OpenUpload, check: SheetCheck, locale: Locale) {
  const problems = check.problems.map((p, i) => problemRow(locale, p, i));
  const warnings = check.warnings.map((p, i) => problemRow(locale, p, i));
  const bundle = check.bundle;
  const event = open.bundle.event;
  const clockOf = elapsedToClock(event);
  const hours = (w: Parameters<typeof windowsText>[1]) => windowsText(event, w, clockOf) || translate(locale, 'imports.preview.allDay');
  const languages = (codes: readonly string[]) => codes.map((l) => languageLabel(locale, l)).join(', ');
  const people = bundle ? (open.upload.target === 'volunteers'
    ? bundle.volunteers.map((v) => ({
      cells: [v.id, v.name, translate(locale, `role.${v.role}`), languages(v.languages),
        v.caseTypes.length === 0 ? translate(locale, 'imports.preview.everyType') : v.caseTypes.map((c) => caseTypeLabel(locale, c)).join(', '), hours(v.available)],
    }))
    : bundle.applicants.map((a) => ({
      cells: [a.id, a.name, languages(a.languages), caseTypeLabel(locale, a.caseType), translate(locale, `complexity.${a.complexity}`), hours(a.available),
        a.deadline ?? '', String(a.priority)],
    }))) : [];
  const header = (key: 'id' | 'name' | 'role' | 'languages' | 'caseTypes' | 'hours' | 'caseType' | 'complexity' | 'deadline' | 'priority') =>
    translate(locale, `imports.preview.headers.${key}`);
  const { title } = targetNames(locale, open.upload.target);
  return {
    ...base(open, locale),
    title: translate(locale, 'imports.preview.title', { target: title }),
    mappingProblems: check.mappingProblems.map((p) => mappingMessage(locale, p)),
    problems,
    problemCount: problems.length + check.mappingProblems.length,
    warnings,
    ready: bundle !== null,
    people: people.slice(0, PREVIEW_ROWS),
    more: Math.max(0, people.length - PREVIEW_ROWS),
    count: peopleCount(locale, open.upload.target, people.length),
    headers: open.upload.target === 'volunteers'
      ? [header('id'), header('name'), header('role'), header('languages'), header('caseTypes'), header('hours')]
      : [header('id'), header('name'), header('languages'), header('caseType'), header('complexity'), header('hours'), header('deadline'), header('priority')],
  };
}

/** The saved page: how many were saved, what became of the mapping and of the plan. */
export function savedView(event: Bundle['event'], outcome: Extract<SaveOutcome, { ok: true }>, organization: string | null, locale: Locale) {
  const other = outcome.target === 'volunteers'
    ? peopleCount(locale, 'applicants', outcome.saved.applicants) : peopleCount(locale, 'volunteers', outcome.saved.volunteers);
  const { title, list } = targetNames(locale, outcome.target);
  return {
    title: translate(locale, 'imports.saved.title', { target: title }),
    eventId: event.id,
    eventName: event.name,
    saved: peopleCount(locale, outcome.target, outcome.target === 'volunteers' ? outcome.saved.volunteers : outcome.saved.applicants),
    list,
    other,
    organization: organization ?? translate(locale, 'imports.saved.yourOrganization'),
    remembered: outcome.remembered,
    warnings: outcome.warnings.map((p) => problemLine(locale, p)),
    plan: outcome.plan,
  };
}
