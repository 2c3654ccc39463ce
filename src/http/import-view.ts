/**
 * The spreadsheet import pages as plain data for their templates (which only print): each
 * column with its letter, header, a few of its values and the choice of Taller fields; each
 * value with its count and the choice of codes; the problems and the converted rows.
 */
import { CASE_TYPE_NAMES, ROLE_NAMES, caseTypeName, languageName, windowsText, elapsedToClock } from '../domain/index.js';
import type { Bundle } from '../domain/index.js';
import { CODED_FIELDS, NOTHING, columnLetter, fieldsOf, valueOptions } from '../sheets/index.js';
import type { ColumnProposal, SheetField, SheetProblem, SheetTarget, ValueProposal } from '../sheets/index.js';
import { KIND_NAMES, columnSamples, peopleOf } from '../services/imports.js';
import type { ChoiceProblem, DateQuestion, OpenUpload, SaveOutcome, SheetCheck } from '../services/imports.js';

/** Each field a column can hold, named for people in English and Spanish. */
export const FIELD_NAMES: Readonly<Record<SheetField, string>> = {
  id: 'ID or code (Folio, Código)',
  name: 'Whole name (Nombre completo)',
  first_name: 'First name (Nombre)',
  middle_name: 'Middle name (Segundo nombre)',
  last_name: 'Last name (Apellido paterno, Apellidos)',
  second_last_name: 'Second last name (Apellido materno)',
  email: 'E-mail (Correo electrónico)',
  phone: 'Phone (Teléfono)',
  role: 'Role (Rol)',
  languages: 'Languages (Idiomas)',
  case_types: 'Case types they handle (Tipos de caso)',
  case_type: 'Case type (Tipo de caso)',
  accreditation: 'Accreditation (Acreditación)',
  org: 'Organization (Organización)',
  supervisor: 'Supervising attorney (Supervisor/a)',
  available: 'Hours available (Horario)',
  max_applicants: 'Most applicants (Máx. solicitantes)',
  complexity: 'Complexity (Complejidad)',
  flags: 'Red flags (Alertas)',
  household: 'Household (Familia)',
  deadline: 'Deadline (Fecha de vencimiento)',
  priority: 'Priority (Prioridad)',
};

export const TARGET_NAMES: Readonly<Record<SheetTarget, { title: string; list: string }>> = {
  volunteers: { title: 'Volunteers', list: 'the roster' },
  applicants: { title: 'Applicants', list: 'the applicants' },
};

/** Problems as a page's error summary shows them, each linking to its field by id. */
export function choiceProblemsView(problems: readonly ChoiceProblem[], prefix: string) {
  // A problem of no one choice is about how the file was read: it links to that form.
  const list = problems.map((p) => ({ field: p.index === null ? 'read' : `${prefix}-${p.index}`, message: p.message }));
  const byField = new Map<string, string[]>();
  for (const p of list) byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
  return { problems: list, byField };
}

const base = (open: OpenUpload) => ({
  eventId: open.bundle.event.id,
  eventName: open.bundle.event.name,
  target: open.upload.target,
  targetTitle: TARGET_NAMES[open.upload.target].title,
  list: TARGET_NAMES[open.upload.target].list,
  fileName: open.upload.fileName,
  description: open.description,
  rows: open.sheet.rows.length,
});

/** The read-again form: another sheet of a workbook, or another separator or encoding for a CSV file. */
function readView(open: OpenUpload) {
  const { sheet } = open;
  if (sheet.format === 'xlsx') {
    return sheet.sheetNames.length > 1
      ? { sheets: sheet.sheetNames.map((name) => ({ name, selected: name === sheet.sheetName })) }
      : null;
  }
  return {
    delimiters: [[',', 'commas'], [';', 'semicolons'], ['\t', 'tabs']].map(([value, name]) => ({ value, name, selected: value === sheet.delimiter })),
    encodings: [['utf-8', 'UTF-8'], ['windows-1252', 'Windows-1252 (Excel’s plain CSV)'], ['utf-16le', 'UTF-16 (Excel’s Unicode text)']]
      .map(([value, name]) => ({ value, name, selected: value === sheet.encoding || (value === 'utf-8' && sheet.encoding === 'utf-8-bom') })),
  };
}

/** The columns step: each column's letter, header, sample values and the select of fields, pre-filled. */
export function columnsView(open: OpenUpload, proposals: readonly ColumnProposal[], problems: readonly ChoiceProblem[] = [],
  submitted?: readonly (string | null)[]) {
  const { problems: summary, byField } = choiceProblemsView(problems, 'column');
  const fields = fieldsOf(open.upload.target);
  return {
    ...base(open),
    title: `${TARGET_NAMES[open.upload.target].title}: columns`,
    remembered: open.saved !== undefined,
    problems: summary,
    read: readView(open),
    columns: proposals.map((p, i) => {
      const current = submitted ? submitted[i] ?? '' : p.field ?? (p.match === 'remembered' ? 'ignore' : '');
      const problem = byField.get(`column-${i}`);
      return {
        index: i, letter: p.letter, header: p.header, named: p.header !== '',
        samples: columnSamples(open.sheet, i),
        unmatched: p.field === null && p.match === null,
        how: p.match === 'remembered' ? 'as saved' : p.match === null ? 'not recognised: choose' : 'proposed',
        problem: problem?.join(' '),
        options: [
          { value: '', label: 'Choose…', selected: current === '' },
          { value: 'ignore', label: 'Ignore this column', selected: current === 'ignore' },
          ...fields.map((f) => ({ value: f, label: FIELD_NAMES[f], selected: current === f })),
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
export function valuesView(open: OpenUpload, values: readonly ValueProposal[], date: DateQuestion | null, problems: readonly ChoiceProblem[] = [],
  submitted?: readonly (string | null)[]) {
  const { event } = open.bundle;
  const { problems: summary, byField } = choiceProblemsView(problems, 'value');
  const rows = values.map((v, i) => {
    const list = CODED_FIELDS[v.field]!.list;
    const current = submitted ? submitted[i] ?? null : v.code;
    const options = valueOptions(v.kind, event).map((o) => ({ value: o.code, label: codeLabel(v.kind, o.code, event) }));
    // A code Taller proposes or someone chose that the lists do not name (a language outside the catalog, "es;en").
    if (v.code !== null && v.code !== NOTHING && !options.some((o) => o.value === v.code)) options.unshift({ value: v.code, label: codeLabel(v.kind, v.code, event) });
    const problem = byField.get(`value-${i}`);
    return {
      index: i, kind: KIND_NAMES[v.kind], value: v.value, rows: v.rows, letter: columnLetter(v.column), header: open.sheet.header[v.column],
      unknown: v.code === null, problem: problem?.join(' '),
      options: [
        { value: '', label: 'Choose…', selected: current === null },
        ...(list ? [{ value: '-', label: 'Leave it out', selected: current === NOTHING }] : []),
        ...options.map((o) => ({ ...o, selected: o.value === current })),
      ],
    };
  });
  const deadline = date && open.upload.choices.columns ? open.upload.choices.columns.indexOf('deadline') : -1;
  return {
    ...base(open),
    title: `${TARGET_NAMES[open.upload.target].title}: values`,
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

/** The preview: the problems at the sheet's rows, columns and headers, or the converted rows (no contacts, no red flags) and warnings. */
export function previewView(open: OpenUpload, check: SheetCheck) {
  const problems = check.problems.map((p, i) => problemRow(p, i));
  const warnings = check.warnings.map((p, i) => problemRow(p, i));
  const bundle = check.bundle;
  const event = open.bundle.event;
  const clockOf = elapsedToClock(event);
  const hours = (w: Parameters<typeof windowsText>[1]) => windowsText(event, w, clockOf) || 'all day';
  const people = bundle ? (open.upload.target === 'volunteers'
    ? bundle.volunteers.map((v) => ({
      cells: [v.id, v.name, ROLE_NAMES[v.role] ?? v.role, v.languages.map((l) => languageName(l)).join(', '),
        v.caseTypes.length === 0 ? 'every type' : v.caseTypes.map((c) => CASE_TYPE_NAMES[c]?.en ?? c).join(', '), hours(v.available)],
    }))
    : bundle.applicants.map((a) => ({
      cells: [a.id, a.name, a.languages.map((l) => languageName(l)).join(', '), caseTypeName(a.caseType), a.complexity, hours(a.available),
        a.deadline ?? '', String(a.priority)],
    }))) : [];
  return {
    ...base(open),
    title: `${TARGET_NAMES[open.upload.target].title}: check and save`,
    mappingProblems: check.mappingProblems,
    problems,
    problemCount: problems.length + check.mappingProblems.length,
    warnings,
    ready: bundle !== null,
    people: people.slice(0, PREVIEW_ROWS),
    more: Math.max(0, people.length - PREVIEW_ROWS),
    count: peopleOf(open.upload.target, people.length),
    headers: open.upload.target === 'volunteers'
      ? ['ID', 'Name', 'Role', 'Languages', 'Case types', 'Hours']
      : ['ID', 'Name', 'Languages', 'Case type', 'Complexity', 'Hours', 'Deadline', 'Priority'],
  };
}

function problemRow(p: SheetProblem, i: number) {
  return { id: `problem-${i + 1}`, row: p.row, column: p.column ?? '—', header: p.header ?? (p.column ? '' : p.field), message: p.message, file: p.file, text: p.text };
}

/** The saved page: how many were saved, what became of the mapping and of the plan. */
export function savedView(event: Bundle['event'], outcome: Extract<SaveOutcome, { ok: true }>, organization: string | null) {
  const other = outcome.target === 'volunteers' ? peopleOf('applicants', outcome.saved.applicants) : peopleOf('volunteers', outcome.saved.volunteers);
  return {
    title: `${TARGET_NAMES[outcome.target].title} saved`,
    eventId: event.id,
    eventName: event.name,
    saved: peopleOf(outcome.target, outcome.target === 'volunteers' ? outcome.saved.volunteers : outcome.saved.applicants),
    list: TARGET_NAMES[outcome.target].list,
    other,
    organization,
    remembered: outcome.remembered,
    warnings: outcome.warnings.map((p) => p.text),
    plan: outcome.plan,
  };
}
