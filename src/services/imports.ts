/**
 * Importing the roster or the applicants from a spreadsheet as coordinators keep it: the use
 * cases the import pages and `taller import --volunteers/--applicants` share.
 *
 * A sheet is read (src/sheets), its columns and values are mapped (proposed by Taller, pre-filled
 * from the organization's saved mapping, confirmed by the coordinator), and the converted list
 * is checked together with the event and its other stored list through the bundle reader, so
 * every rule a bundle keeps is kept, and every problem is told at the sheet's row, column letter
 * and header. Nothing is saved until every row is right; then the list replaces the event's in
 * one transaction (keeping everyone who is the same person, as a re-import does) and the
 * mapping is remembered for the organization.
 *
 * In the browser an upload waits for its coordinator's confirmation in the database, bound to
 * their account, for an hour at most (UPLOAD_MINUTES), and is deleted once saved or cancelled.
 */
import { APPLICANTS_FILE, EVENT_FILE, VOLUNTEERS_FILE, readBundle, rowsById } from '../bundle/index.js';
import type { BundleFiles, Problem } from '../bundle/index.js';
import { poolConflicts } from './season.js';
import { audit, eventOwner, loadBundle, saveBundle } from '../db/events.js';
import type { SaveResult } from '../db/events.js';
import type { Db } from '../db/index.js';
import { loadPlan } from '../db/plans.js';
import {
  deleteExpiredUploads, deleteUpload, loadMapping, loadUpload, storeMapping, storeUpload, updateUpload,
} from '../db/spreadsheets.js';
import type { StoredUpload, UploadStep } from '../db/spreadsheets.js';
import { listOrganizations } from '../db/users.js';
import type { Bundle } from '../domain/index.js';
import { applicantsCsv, volunteersCsv } from '../outputs/csv.js';
import { eventJsonBytes } from '../outputs/event.js';
import {
  CODED_FIELDS, NOTHING, applyMapping, codeFor, columnLetter, describeSheet, listItems, mapProblems, mappingProblems, proposeColumns,
  proposeDateOrder, proposeValues, readSheet, rememberMapping, reuseMapping, valueKey,
} from '../sheets/index.js';
import type {
  ColumnChoice, ColumnProposal, DateOrder, MappingProblem, MappingProblemCode, ReadSheetOptions, SavedMapping, Sheet, SheetMapping, SheetProblem,
  SheetResult, SheetTarget, ValueChoices, ValueProposal, WordParams,
} from '../sheets/index.js';
import { stalenessOf } from './plans.js';
import type { Checker } from './plans.js';

/** How long an upload waits for its coordinator, in minutes: long enough to fix a few rows, no longer. */
export const UPLOAD_MINUTES = 60;

export const TARGETS: readonly SheetTarget[] = ['volunteers', 'applicants'];

/** Who acts: an account (its number and organization), for binding uploads and choosing the saved mapping. */
export interface Importer {
  userId: number;
  organizationId: number | null;
}

/** What the coordinator has chosen for an upload so far, kept with it. */
export interface UploadChoices {
  /** How the file is read (a workbook's sheet, a CSV's separator or encoding), when not as Taller found it. */
  read: ReadSheetOptions;
  /** Set once the columns are confirmed: each column's field, or 'ignore'. */
  columns?: ColumnChoice[];
  /** Codes chosen for values where they differ from what Taller proposes (or correct a remembered one). */
  values?: ValueChoices;
  dateOrder?: DateOrder;
}

/** An upload opened for one step: the stored row, the sheet read from it, its event, and the saved mapping. */
export interface OpenUpload {
  upload: StoredUpload<UploadChoices>;
  sheet: Sheet;
  /** "read as semicolon-separated text, Windows-1252". */
  description: string;
  bundle: Bundle & { key: number };
  /** The organization whose mapping pre-fills this upload and keeps its choices, or null when there is none. */
  organizationId: number | null;
  saved: SavedMapping | undefined;
}

/**
 * The organization whose saved mapping an account's upload uses and updates: the account's own,
 * else (an admin of no organization) the organization that runs the event.
 */
export function mappingOrganization(db: Db, organizationId: number | null, eventKey: number): number | null {
  return organizationId ?? eventOwner(db, eventKey);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "26 volunteers", "1 applicant". */
export const peopleOf = (target: SheetTarget, n: number) => plural(n, target === 'volunteers' ? 'volunteer' : 'applicant');

// ——— The browser's uploads ———

/** Why a file could not be read: its sentence in English (`problem`), and its reason and params for a page (see readSheet). */
export type ReadFailure = Extract<SheetResult, { ok: false }>;

export type StartOutcome =
  | { ok: true; rows: number; step: UploadStep }
  | { ok: false; problem: string; read: ReadFailure }
  | { ok: false; notFound: true };

/**
 * Reads an uploaded spreadsheet and keeps it, for this account, event and target, in place of
 * one waiting before; a file that cannot be read is refused with what to do, and nothing is kept.
 */
export async function startUpload(db: Db, who: Importer, slug: string, target: SheetTarget, file: { name: string; bytes: Buffer },
  actor: string, now = new Date()): Promise<StartOutcome> {
  const stored = loadBundle(db, slug, { asImported: true });
  if (!stored) return { ok: false, notFound: true };
  const read = await readSheet(file.bytes, file.name);
  if (!read.ok) return { ok: false, problem: read.problem, read };
  deleteExpiredUploads(db, now.toISOString());
  const choices: UploadChoices = { read: {} };
  storeUpload(db, { userId: who.userId, eventKey: stored.key, target }, {
    fileName: file.name, bytes: file.bytes, choices, step: 'columns', expiresAt: new Date(now.getTime() + UPLOAD_MINUTES * 60_000).toISOString(),
  });
  // Counts only: never the file's name, which may name people.
  audit(db, actor, 'spreadsheet.upload', slug, `${target}: ${plural(read.sheet.rows.length, 'row')}, ${read.sheet.format}`);
  return { ok: true, rows: read.sheet.rows.length, step: 'columns' };
}

/** The account's upload for this event and target, read, while it waits; undefined when there is none (never made, expired, saved or cancelled). */
export async function openUpload(db: Db, who: Importer, slug: string, target: SheetTarget, now = new Date()): Promise<OpenUpload | undefined> {
  const nowIso = now.toISOString();
  deleteExpiredUploads(db, nowIso);
  const bundle = loadBundle(db, slug, { asImported: true });
  if (!bundle) return undefined;
  const upload = loadUpload<UploadChoices>(db, { userId: who.userId, eventKey: bundle.key, target }, nowIso);
  if (!upload) return undefined;
  let read = await readSheet(upload.bytes, upload.fileName, upload.choices.read);
  // A reading option that no longer suits the file (never expected): read it as Taller finds it.
  if (!read.ok) read = await readSheet(upload.bytes, upload.fileName);
  if (!read.ok) return undefined;
  const organizationId = mappingOrganization(db, who.organizationId, bundle.key);
  const saved = organizationId === null ? undefined : loadMapping(db, organizationId, target);
  return { upload, sheet: read.sheet, description: describeSheet(read.sheet), bundle, organizationId, saved };
}

/** The account's uploads waiting for this event: which list, how far the coordinator came, and until when. */
export function waitingUploads(db: Db, who: Importer, eventKey: number, now = new Date()): { target: SheetTarget; step: UploadStep; expiresAt: string }[] {
  const nowIso = now.toISOString();
  deleteExpiredUploads(db, nowIso);
  return TARGETS.flatMap((target) => {
    const upload = loadUpload(db, { userId: who.userId, eventKey, target }, nowIso);
    return upload ? [{ target, step: upload.step, expiresAt: upload.expiresAt }] : [];
  });
}

/** Deletes the account's upload for this event and target; whether there was one. */
export function cancelUpload(db: Db, who: Importer, slug: string, target: SheetTarget, actor: string): boolean {
  const stored = loadBundle(db, slug, { asImported: true });
  if (!stored) return false;
  const gone = deleteUpload(db, { userId: who.userId, eventKey: stored.key, target });
  if (gone) audit(db, actor, 'spreadsheet.cancel', slug, target);
  return gone;
}

/** Reads the upload again another way (a workbook's other sheet, another separator or encoding); the columns are chosen afresh. */
export async function rereadUpload(db: Db, open: OpenUpload, read: ReadSheetOptions): Promise<{ ok: true } | { ok: false; problem: string; read: ReadFailure }> {
  const result = await readSheet(open.upload.bytes, open.upload.fileName, read);
  if (!result.ok) return { ok: false, problem: result.problem, read: result };
  updateUpload(db, open.upload.id, { choices: { read }, step: 'columns' });
  return { ok: true };
}

/** Up to `n` different values a column holds, for a coordinator to recognise it by. */
export function columnSamples(sheet: Pick<Sheet, 'rows'>, column: number, n = 3): string[] {
  const found: string[] = [];
  for (const row of sheet.rows) {
    const cell = (row[column] ?? '').replace(/\s+/g, ' ').trim();
    if (cell !== '' && !found.includes(cell)) found.push(cell);
    if (found.length === n) break;
  }
  return found;
}

/**
 * The columns as the page first shows them: as chosen on this upload, else as the
 * organization's saved mapping remembers them, else as Taller proposes from the headers. A
 * column matched by nothing keeps `field: null` and `match: null`: the coordinator must choose.
 */
export function columnProposals(open: Pick<OpenUpload, 'upload' | 'sheet' | 'saved'>): ColumnProposal[] {
  const { sheet, saved, upload } = open;
  const target = upload.target;
  const base = saved ? reuseMapping(saved, sheet.header) : proposeColumns(target, sheet.header);
  const chosen = upload.choices.columns;
  if (!chosen || chosen.length !== sheet.header.length) return base;
  return base.map((p, i) => ({ ...p, field: chosen[i] === 'ignore' ? null : chosen[i]!, match: 'remembered' as const }));
}

/**
 * A problem with the coordinator's choice for a column (its position), or for the whole form
 * (null): in English, and as a code with what fills its words (see ProblemWords), for a page.
 */
export interface ChoiceProblem {
  index: number | null;
  message: string;
  code: 'choose_column' | 'choose_value' | MappingProblemCode;
  params: WordParams;
}

/** The position of the last column a message names ("column C (Notas)"), so the page can link to its choice. */
function namedColumn(message: string, width: number): number | null {
  const letters = [...message.matchAll(/column ([A-Z]+)\b/g)].map((m) => m[1]!);
  const last = letters.at(-1);
  if (!last) return null;
  const index = Array.from({ length: width }, (_, i) => columnLetter(i)).indexOf(last);
  return index < 0 ? null : index;
}

/**
 * Records the coordinator's column choices (null: not chosen) when they can be applied: every
 * column chosen (a field or "ignore": a column is never dropped unseen), no field on two columns,
 * not a whole name and its parts both, and a column for each field Taller needs.
 */
export function chooseColumns(db: Db, open: OpenUpload, choices: readonly (ColumnChoice | null)[]): { ok: true } | { ok: false; problems: ChoiceProblem[] } {
  const { sheet, upload } = open;
  const problems: ChoiceProblem[] = [];
  sheet.header.forEach((header, i) => {
    if (choices[i] === null || choices[i] === undefined) {
      problems.push({
        index: i, code: 'choose_column', params: { column: columnLetter(i), columnHeader: header },
        message: `Choose what column ${columnLetter(i)}${header ? ` (${header})` : ''} holds, or “ignore this column”.`,
      });
    }
  });
  const columns = sheet.header.map((_, i) => choices[i] ?? 'ignore');
  for (const { message, code, params } of mappingProblems(upload.target, sheet, { columns })) {
    const index = namedColumn(message, sheet.header.length);
    problems.push({ index: index ?? 0, code, params, message: `${message[0]!.toUpperCase()}${message.slice(1)}.` });
  }
  if (problems.length > 0) return { ok: false, problems };
  updateUpload(db, upload.id, { choices: { ...upload.choices, columns }, step: 'values' });
  return { ok: true };
}

/** The value codes a mapping uses: the saved mapping's, with this upload's choices over them. */
function valueChoices(saved: SavedMapping | undefined, chosen: ValueChoices | undefined): ValueChoices {
  const merged: ValueChoices = {};
  for (const [kind, codes] of Object.entries(saved?.values ?? {})) merged[kind as keyof ValueChoices] = { ...codes };
  for (const [kind, codes] of Object.entries(chosen ?? {})) merged[kind as keyof ValueChoices] = { ...merged[kind as keyof ValueChoices], ...codes };
  return merged;
}

/** The mapping an upload's choices make (its columns must be chosen). */
export function mappingOf(open: Pick<OpenUpload, 'upload' | 'saved'>): SheetMapping {
  const { choices } = open.upload;
  const mapping: SheetMapping = { columns: choices.columns ?? [], values: valueChoices(open.saved, choices.values) };
  const dateOrder = choices.dateOrder ?? open.saved?.dateOrder;
  if (dateOrder) mapping.dateOrder = dateOrder;
  return mapping;
}

/** How the deadline column's dates such as 03/04/2027 are read, and whether the coordinator should be asked. */
export interface DateQuestion {
  order: DateOrder;
  /** True when the dates themselves do not tell (no part above 12) and some are written with numbers. */
  ask: boolean;
}

/** The values step: every distinct coded value with the code it gets (null: the coordinator must choose), and the date question. */
export function valueProposals(open: OpenUpload): { values: ValueProposal[]; date: DateQuestion | null } {
  const mapping = mappingOf(open);
  const values = proposeValues(open.upload.target, open.sheet, mapping.columns, open.bundle.event, mapping.values);
  const deadline = mapping.columns.indexOf('deadline');
  if (deadline < 0) return { values, date: null };
  const proposed = proposeDateOrder(open.sheet, deadline);
  const numeric = open.sheet.rows.some((row) => /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test((row[deadline] ?? '').trim()));
  return { values, date: { order: mapping.dateOrder ?? proposed.order, ask: proposed.from === 'guess' && numeric } };
}

/** A choice for a value: a code, NOTHING to leave it out (lists only), or null when none was chosen. */
export type ValuePick = string | null;

/**
 * Records the codes chosen on the values step (by position in valueProposals' list) when every
 * value has one. Kept are only the choices that differ from what Taller proposes on its own, or
 * that change what the saved mapping remembered, so the saved mapping holds what people decided.
 */
export function chooseValues(db: Db, open: OpenUpload, picks: readonly ValuePick[], dateOrder?: DateOrder): { ok: true } | { ok: false; problems: ChoiceProblem[] } {
  const { values } = valueProposals(open);
  const problems: ChoiceProblem[] = [];
  const chosen: ValueChoices = {};
  values.forEach((v, i) => {
    const pick = picks[i] ?? null;
    const list = CODED_FIELDS[v.field]!.list;
    if (pick === null || (pick === NOTHING && !list)) {
      problems.push({
        index: i, code: 'choose_value', params: { kind: v.kind, text: v.value, letter: columnLetter(v.column), rows: String(v.rows) },
        message: `Choose the ${KIND_NAMES[v.kind]} “${v.value}” stands for (column ${columnLetter(v.column)}, ${plural(v.rows, 'row')}).`,
      });
      return;
    }
    const own = codeFor(v.kind, v.value, open.bundle.event);
    const remembered = open.saved?.values[v.kind]?.[v.key];
    if (pick !== own || (remembered !== undefined && remembered !== pick)) (chosen[v.kind] ??= {})[v.key] = pick;
  });
  if (problems.length > 0) return { ok: false, problems };
  const choices: UploadChoices = { ...open.upload.choices, values: chosen };
  if (dateOrder) choices.dateOrder = dateOrder;
  updateUpload(db, open.upload.id, { choices, step: 'preview' });
  return { ok: true };
}

/** How each kind of value is named in a sentence. */
export const KIND_NAMES = {
  language: 'language', case_type: 'case type', role: 'role', accreditation: 'kind of accreditation', complexity: 'complexity', flag: 'red flag',
} as const;

// ——— Checking and saving, shared by the pages and the command line ———

/** A converted list checked with its event and the event's other list. */
export interface SheetCheck {
  /** Problems that keep the mapping from being applied at all (a needed field on no column…). */
  mappingProblems: MappingProblem[];
  /** Every error, at the sheet's row, column letter and header. */
  problems: SheetProblem[];
  /** Warnings on the sheet's rows (they do not stop the import). */
  warnings: SheetProblem[];
  /** The event with the new list, when there is no error at all. */
  bundle: Bundle | null;
}

/** The bundle's files with one list replaced: the stored event and other list written as the reader reads them. */
function filesWith(stored: Bundle, target: SheetTarget, csv: Buffer): BundleFiles {
  return {
    [EVENT_FILE]: eventJsonBytes(stored.event),
    [VOLUNTEERS_FILE]: target === 'volunteers' ? csv : Buffer.from(volunteersCsv(stored.event, stored.volunteers, { asStored: true }), 'utf8'),
    [APPLICANTS_FILE]: target === 'applicants' ? csv : Buffer.from(applicantsCsv(stored.event, stored.applicants, { asStored: true }), 'utf8'),
  };
}

/**
 * Converts a sheet by a mapping and checks it with the stored event and its other list through
 * the bundle reader: every problem is told where the coordinator must look in their sheet
 * (a problem of the stored other list keeps that list's name).
 */
export function checkSheet(stored: Bundle, target: SheetTarget, sheet: Sheet, mapping: SheetMapping,
  elsewhere?: (bundle: Bundle, rows: ReadonlyMap<string, number>) => Problem[]): SheetCheck {
  const found = mappingProblems(target, sheet, mapping);
  if (found.length > 0) return { mappingProblems: found, problems: [], warnings: [], bundle: null };
  const { csv, origin } = applyMapping(target, sheet, mapping, stored.event);
  const read = readBundle(filesWith(stored, target, csv));
  // The stored list's own warnings were told when it was imported.
  const warnings = read.warnings.filter((w) => w.file === origin.file);
  // What the other workshops say of a new roster (one pool), at the sheet's rows too.
  const clashes = read.bundle && elsewhere && target === 'volunteers' ? elsewhere(read.bundle, rowsById(VOLUNTEERS_FILE, csv)) : [];
  return {
    mappingProblems: found, problems: mapProblems([...read.errors, ...clashes], origin), warnings: mapProblems(warnings, origin),
    bundle: clashes.length > 0 ? null : read.bundle,
  };
}

/** The preview of an upload: its mapping applied and checked. */
export function previewUpload(open: OpenUpload): SheetCheck {
  return checkSheet(open.bundle, open.upload.target, open.sheet, mappingOf(open));
}

/** What a stored plan is now that a list changed: its version, and whether it still fits. */
export interface PlanAfter {
  version: number;
  outOfDate: boolean;
  problems: number;
}

/** A list saved from a sheet: how many rows, whether its mapping was remembered, its warnings. */
export interface SheetSaved {
  ok: true;
  saved: SaveResult;
  target: SheetTarget;
  rows: number;
  remembered: boolean;
  warnings: SheetProblem[];
}

/** Why nothing was saved: a problem on some row (or in the mapping), or the event is gone. */
export type SaveRefused = { ok: false; check: SheetCheck } | { ok: false; notFound: true };

export type SaveOutcome = (SheetSaved & { plan: PlanAfter | null }) | SaveRefused;

/**
 * Saves a sheet as the event's list, in one transaction: the list is checked again against the
 * event as it is now, replaces the stored one (everyone still the same person keeps their record
 * and links, see saveBundle), the mapping is remembered for the organization, and the import is
 * on the audit log (counts only). Nothing is written when any row has a problem.
 */
export function saveSheet(db: Db, slug: string, target: SheetTarget, sheet: Sheet, mapping: SheetMapping, actor: string,
  organizationId: number | null, now = new Date()): SheetSaved | SaveRefused {
  return db.transaction((): SheetSaved | SaveRefused => {
    const stored = loadBundle(db, slug, { asImported: true });
    if (!stored) return { ok: false, notFound: true };
    const check = checkSheet(stored, target, sheet, mapping, (bundle, rows) => poolConflicts(db, bundle, rows));
    if (!check.bundle) return { ok: false, check };
    const saved = saveBundle(db, check.bundle, actor);
    if (organizationId !== null) {
      storeMapping(db, organizationId, target, rememberMapping(target, sheet.header, mapping, loadMapping(db, organizationId, target)), now.toISOString());
    }
    audit(db, actor, 'spreadsheet.import', slug, `${peopleOf(target, sheet.rows.length)} from a ${sheet.format} file`);
    return { ok: true, saved, target, rows: sheet.rows.length, remembered: organizationId !== null, warnings: check.warnings };
  }, { behavior: 'immediate' });
}

/** The latest plan version of an event checked against its lists as they now are, or null when it has none. */
export async function planAfterImport(db: Db, slug: string, checker?: Checker): Promise<PlanAfter | null> {
  const bundle = loadBundle(db, slug);
  const latest = bundle && loadPlan(db, bundle.key);
  if (!bundle || !latest) return null;
  const stale = await stalenessOf(db, bundle, latest, checker);
  return { version: latest.version, outOfDate: stale.outOfDate, problems: stale.problems.length };
}

/** Saves an upload (see saveSheet) and deletes it; then says how the event's plan stands. */
export async function saveUpload(db: Db, open: OpenUpload, actor: string, checker?: Checker, now = new Date()): Promise<SaveOutcome> {
  const { upload } = open;
  const done = saveSheet(db, open.bundle.event.id, upload.target, open.sheet, mappingOf(open), actor, open.organizationId, now);
  if (!done.ok) return done;
  deleteUpload(db, { userId: upload.userId, eventKey: upload.eventKey, target: upload.target });
  return { ...done, plan: await planAfterImport(db, open.bundle.event.id, checker) };
}

// ——— The command line ———

/** One problem of a spreadsheet at the command line: `FILE:ROW:COLUMN: message`. */
export interface FileProblem {
  row: number;
  /** `E (Idiomas)`, `E`, or `-` when no column of the sheet holds it. */
  column: string;
  message: string;
}

/** The mapping the command line proposes or reuses, for it to print. */
export interface MappingReport {
  description: string;
  columns: { letter: string; header: string; field: ColumnChoice | null; remembered: boolean }[];
  /** Values without a code, each at the first row that holds it. */
  unknown: { row: number; letter: string; header: string; kind: ValueProposal['kind']; value: string; rows: number }[];
  /** The organization whose mapping was used or will keep it. */
  organization: string | null;
}

export type FileOutcome =
  | { kind: 'saved'; report: MappingReport; saved: SaveResult; rows: number; remembered: boolean; warnings: FileProblem[]; plan: PlanAfter | null }
  | { kind: 'problems'; report: MappingReport | null; problems: FileProblem[] }
  | { kind: 'refused'; message: string };

const columnName = (letter: string, header: string) => (header ? `${letter} (${header})` : letter);

function fileProblem(p: SheetProblem): FileProblem {
  return { row: p.row, column: p.column ? columnName(p.column, p.header ?? '') : '-', message: p.message };
}

/**
 * `taller import --event ID --volunteers FILE | --applicants FILE`: reads a spreadsheet, maps it
 * by the organization's saved mapping (`saved`) or by Taller's proposal (`proposed`), and saves
 * it as saveSheet does only when every column and value maps and every row is right; else every
 * problem, at its row and column. The organization is `organization` (a name), else the one that
 * runs the event.
 */
export async function importSheetFile(db: Db, input: {
  slug: string; target: SheetTarget; file: string; bytes: Buffer; mapping: 'saved' | 'proposed'; organization?: string | undefined; actor: string;
}, checker?: Checker): Promise<FileOutcome> {
  const stored = loadBundle(db, input.slug, { asImported: true });
  if (!stored) return { kind: 'refused', message: `no event ${input.slug} in the database` };
  const organizations = listOrganizations(db);
  let organizationId: number | null;
  if (input.organization !== undefined) {
    const found = organizations.find((o) => o.name.toLowerCase() === input.organization!.trim().toLowerCase());
    if (!found) return { kind: 'refused', message: `no organization named "${input.organization}" (taller user list shows each account's)` };
    organizationId = found.id;
  } else {
    organizationId = eventOwner(db, stored.key);
  }
  const organization = organizations.find((o) => o.id === organizationId)?.name ?? null;
  const saved = organizationId === null ? undefined : loadMapping(db, organizationId, input.target);
  if (input.mapping === 'saved' && !saved) {
    return {
      kind: 'refused',
      message: organizationId === null
        ? `the event ${input.slug} belongs to no organization: name the one whose saved mapping to use with --org NAME`
        : `${organization} has no saved mapping for ${input.target} yet: import such a sheet once in the browser (or with --mapping proposed) to save one`,
    };
  }
  const read = await readSheet(input.bytes, input.file);
  if (!read.ok) return { kind: 'problems', report: null, problems: [{ row: 1, column: '-', message: read.problem.slice(input.file.length + 2) }] };
  const { sheet } = read;
  const proposals = input.mapping === 'saved' ? reuseMapping(saved!, sheet.header) : proposeColumns(input.target, sheet.header);
  const problems: FileProblem[] = [];
  proposals.forEach((p) => {
    if (input.mapping === 'saved' ? p.match === 'remembered' : p.field !== null) return;
    problems.push({
      row: 1, column: columnName(p.letter, p.header),
      message: input.mapping === 'saved'
        ? `the saved mapping of ${organization} does not know this column: choose its field or "ignore" in the browser once`
        : 'Taller cannot tell which field this column holds: name it as the templates do, or choose its field in the browser once and import with --mapping saved',
    });
  });
  const columns = proposals.map((p) => p.field ?? 'ignore');
  // Taller's proposal is its own: the saved value codes and date order count only with --mapping saved.
  const reused = input.mapping === 'saved' ? saved : undefined;
  const mapping: SheetMapping = { columns, values: reused?.values ?? {} };
  if (reused?.dateOrder) mapping.dateOrder = reused.dateOrder;
  const values = proposeValues(input.target, sheet, columns, stored.event, mapping.values);
  const holds = (cell: string, v: ValueProposal) =>
    (CODED_FIELDS[v.field]!.list ? listItems(cell) : [cell]).some((item) => valueKey(item) === v.key);
  const unknown = values.filter((v) => v.code === null).map((v) => ({
    row: sheet.rowNumbers[sheet.rows.findIndex((r) => holds(r[v.column] ?? '', v))] ?? 1,
    letter: columnLetter(v.column), header: sheet.header[v.column]!, kind: v.kind, value: v.value, rows: v.rows,
  }));
  const report: MappingReport = {
    description: describeSheet(sheet),
    columns: proposals.map((p) => ({ letter: p.letter, header: p.header, field: p.field ?? (p.match === 'remembered' ? 'ignore' : null), remembered: p.match === 'remembered' })),
    unknown, organization,
  };
  const check = checkSheet(stored, input.target, sheet, mapping);
  problems.push(...check.mappingProblems.map(({ message }) => ({ row: 1, column: '-', message })), ...check.problems.map(fileProblem));
  if (problems.length > 0 || !check.bundle) return { kind: 'problems', report, problems };
  const done = saveSheet(db, input.slug, input.target, sheet, mapping, input.actor, organizationId);
  if (!done.ok) return 'notFound' in done ? { kind: 'refused', message: `no event ${input.slug} in the database` } : { kind: 'problems', report, problems: done.check.problems.map(fileProblem) };
  return {
    kind: 'saved', report, saved: done.saved, rows: done.rows, remembered: done.remembered, warnings: done.warnings.map(fileProblem),
    plan: await planAfterImport(db, input.slug, checker),
  };
}
