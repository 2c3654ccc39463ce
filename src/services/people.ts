/**
 * An event's roster and applicants, one person at a time: the use cases behind the pages that
 * list them in tables (search, filters, pages of rows) and the forms that add, change and remove
 * one person.
 *
 * A change is checked exactly as an import is: the event's stored bundle is written out as its
 * three files with the change made (the person's row as the form gave it, every other row as
 * stored) and read back through the bundle reader, so every rule a bundle keeps is kept and every
 * problem comes back at its row and column. Nothing is saved on any problem. Otherwise the bundle
 * read is stored through `saveBundle`, in the same transaction that loaded and checked it, as an
 * import stores it: everyone still the same person keeps their record and links, the event's
 * last-import mark moves (so a stored plan that no longer fits is out of date), and the change is
 * on the audit log, by the person's code only.
 *
 * A person's status is what the event's latest plan version says of them: an applicant
 * scheduled, left out (and why), or not in it yet; a volunteer with visits or without.
 */
import { stringify } from 'csv-stringify/sync';
import { APPLICANTS_FILE, EVENT_FILE, VOLUNTEERS_FILE, readBundle } from '../bundle/index.js';
import type { Problem } from '../bundle/index.js';
import { auditWriter } from '../db/audit.js';
import { audit, loadBundle, saveBundle } from '../db/events.js';
import type { SaveResult } from '../db/events.js';
import type { Db } from '../db/index.js';
import { loadPlan } from '../db/plans.js';
import { purgedAt } from '../db/purge.js';
import { ROLES, elapsedToClock, priorityFromDeadline, windowsText } from '../domain/index.js';
import type { Applicant, Bundle, ClinicEvent, Role, Volunteer } from '../domain/index.js';
import { APPLICANT_EXPORT_COLUMNS, VOLUNTEER_EXPORT_COLUMNS, applicantsCsv, volunteersCsv } from '../outputs/csv.js';
import { eventJsonBytes } from '../outputs/event.js';
import type { PlanJson, UnscheduledReason } from '../planner/types.js';
import { planAfterImport } from './imports.js';
import type { PlanAfter } from './imports.js';
import type { Checker } from './plans.js';
import { poolConflicts } from './season.js';

export type PeopleKind = 'volunteers' | 'applicants';
export const PEOPLE_KINDS: readonly PeopleKind[] = ['volunteers', 'applicants'];

/** Rows on one page of a table. */
export const PAGE_ROWS = 100;

/** A form's fields: the columns of volunteers.csv or applicants.csv, in the files' order. */
export const FORM_FIELDS = { volunteers: VOLUNTEER_EXPORT_COLUMNS, applicants: APPLICANT_EXPORT_COLUMNS } as const;
export type VolunteerField = (typeof VOLUNTEER_EXPORT_COLUMNS)[number];
export type ApplicantField = (typeof APPLICANT_EXPORT_COLUMNS)[number];
export type FormField = VolunteerField | ApplicantField;

/** What a form holds: each field's text as a cell of the list's CSV file would (lists joined with `;`). */
export type PersonForm = Partial<Record<FormField, string>>;

const FILE_OF: Record<PeopleKind, typeof VOLUNTEERS_FILE | typeof APPLICANTS_FILE> = { volunteers: VOLUNTEERS_FILE, applicants: APPLICANTS_FILE };
const ONE: Record<PeopleKind, string> = { volunteers: 'volunteer', applicants: 'applicant' };

// ——— Statuses ———

/** What the latest plan version says of a person; `unplanned` when there is no version, or it does not know them. */
export type PersonStatus =
  | { kind: 'scheduled' }
  | { kind: 'unscheduled'; reason: UnscheduledReason }
  | { kind: 'visits'; visits: number }
  | { kind: 'no_visits' }
  | { kind: 'unplanned' };

/** The status filter's values: a kind, or `unscheduled:REASON`. */
export type StatusFilter = string;

const statusKey = (status: PersonStatus): string => status.kind;
const matchesStatus = (status: PersonStatus, wanted: StatusFilter): boolean =>
  wanted === status.kind || (status.kind === 'unscheduled' && wanted === `unscheduled:${status.reason}`);

function applicantStatuses(plan: PlanJson | undefined): (id: string) => PersonStatus {
  if (!plan) return () => ({ kind: 'unplanned' });
  const scheduled = new Set(plan.scheduled.map((s) => s.applicant));
  const left = new Map(plan.unscheduled.map((u) => [u.applicant, u.reason]));
  return (id) => {
    if (scheduled.has(id)) return { kind: 'scheduled' };
    const reason = left.get(id);
    return reason ? { kind: 'unscheduled', reason } : { kind: 'unplanned' };
  };
}

function volunteerStatuses(plan: PlanJson | undefined): (id: string) => PersonStatus {
  if (!plan) return () => ({ kind: 'unplanned' });
  const visits = new Map<string, number>();
  for (const s of plan.scheduled) {
    for (const v of s.visits) {
      visits.set(v.volunteer, (visits.get(v.volunteer) ?? 0) + 1);
      if (v.interpreter) visits.set(v.interpreter, (visits.get(v.interpreter) ?? 0) + 1);
    }
  }
  return (id) => {
    const n = visits.get(id) ?? 0;
    return n > 0 ? { kind: 'visits', visits: n } : { kind: 'no_visits' };
  };
}

// ——— Search and filters ———

/** Text as search compares it: no accents, lower case, single spaces (`José  PÉREZ` → `jose perez`). */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What the tables are narrowed by; each absent or empty means "any". */
export interface PeopleFilter {
  /** Words each found in the name, the code or the e-mail address (case and accents aside). */
  q?: string | undefined;
  role?: string | undefined;
  language?: string | undefined;
  caseType?: string | undefined;
  status?: StatusFilter | undefined;
  /** From 1. */
  page?: number | undefined;
}

/** Whether every word of a search is found in a person's name, code or e-mail address. */
function searchMatcher(q: string | undefined): (p: { id: string; name: string; email?: string | undefined }) => boolean {
  const words = folded(q ?? '').split(' ').filter((w) => w !== '');
  if (words.length === 0) return () => true;
  return (p) => {
    const text = folded(`${p.name} ${p.id} ${p.email ?? ''}`);
    return words.every((w) => text.includes(w));
  };
}

export interface PersonRow<P> {
  person: P;
  status: PersonStatus;
}

/** One page of a table: the rows shown, how many there are, and what the filters may offer. */
export interface PeoplePage<P> {
  kind: PeopleKind;
  event: ClinicEvent;
  /** When the event's personal data was purged, or null. */
  purgedAt: string | null;
  /** The latest plan version the statuses come from, or null before the first. */
  planVersion: number | null;
  /** Everyone on the list, and those the search and filters keep. */
  total: number;
  matched: number;
  page: number;
  pages: number;
  rows: PersonRow<P>[];
  /** What the filters offer: the values the list holds (and the event's case types), in the list's order. */
  options: { roles: Role[]; languages: string[]; caseTypes: string[]; statuses: StatusFilter[] };
  /** The attorneys of the roster (a law student's supervisor is one of them), by code and name. */
  attorneys: { id: string; name: string }[];
  /** After a change: how the latest plan version stands now, when asked for. */
  plan: PlanAfter | null;
}

const STATUS_ORDER = ['scheduled', 'unscheduled', 'visits', 'no_visits', 'unplanned'];

function statusOptions(statuses: PersonStatus[]): StatusFilter[] {
  const kinds = new Set(statuses.map(statusKey));
  const reasons = [...new Set(statuses.flatMap((s) => (s.kind === 'unscheduled' ? [s.reason] : [])))].sort();
  return STATUS_ORDER.filter((k) => kinds.has(k)).flatMap((k) => (k === 'unscheduled' ? [k, ...reasons.map((r) => `unscheduled:${r}`)] : [k]));
}

function paged<P>(rows: PersonRow<P>[], page: number | undefined): { page: number; pages: number; rows: PersonRow<P>[] } {
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
  const at = Math.min(Math.max(1, Math.floor(page ?? 1)), pages);
  return { page: at, pages, rows: rows.slice((at - 1) * PAGE_ROWS, at * PAGE_ROWS) };
}

const distinct = (lists: string[][]) => [...new Set(lists.flat())];

/** The roster as a table narrows it. */
function volunteerPage(bundle: Bundle, plan: PlanJson | undefined, filter: PeopleFilter) {
  const statusOf = volunteerStatuses(plan);
  const all = bundle.volunteers.map((person) => ({ person, status: statusOf(person.id) }));
  const found = searchMatcher(filter.q);
  const kept = all.filter(({ person, status }) => found(person)
    && (!filter.role || person.role === filter.role)
    && (!filter.language || person.languages.includes(filter.language))
    && (!filter.status || matchesStatus(status, filter.status)));
  const present = new Set(bundle.volunteers.map((v) => v.role));
  return {
    all, kept,
    options: {
      roles: ROLES.filter((r) => present.has(r)), languages: distinct(bundle.volunteers.map((v) => v.languages)),
      caseTypes: [], statuses: statusOptions(all.map((r) => r.status)),
    },
  };
}

/** The applicants as a table narrows them. */
function applicantPage(bundle: Bundle, plan: PlanJson | undefined, filter: PeopleFilter) {
  const statusOf = applicantStatuses(plan);
  const all = bundle.applicants.map((person) => ({ person, status: statusOf(person.id) }));
  const found = searchMatcher(filter.q);
  const kept = all.filter(({ person, status }) => found(person)
    && (!filter.language || person.languages.includes(filter.language))
    && (!filter.caseType || person.caseType === filter.caseType)
    && (!filter.status || matchesStatus(status, filter.status)));
  return {
    all, kept,
    options: {
      roles: [], languages: distinct(bundle.applicants.map((a) => a.languages)),
      caseTypes: distinct([Object.keys(bundle.event.caseTypes), bundle.applicants.map((a) => a.caseType)]),
      statuses: statusOptions(all.map((r) => r.status)),
    },
  };
}

export type AnyPeoplePage = PeoplePage<Volunteer> | PeoplePage<Applicant>;

/**
 * One page of an event's roster or applicants, narrowed by the filter, each person with what the
 * latest plan says of them; the view is on the audit log (counts only: never what was searched).
 * With `checker`, also how the latest plan stands against the lists (after a change). Undefined
 * when there is no such event.
 */
export async function peoplePage(db: Db, slug: string, kind: PeopleKind, filter: PeopleFilter, actor: string,
  checker?: Checker): Promise<AnyPeoplePage | undefined> {
  const bundle = loadBundle(db, slug, { asImported: true });
  if (!bundle) return undefined;
  const latest = loadPlan(db, bundle.key);
  const made = kind === 'volunteers' ? volunteerPage(bundle, latest?.plan, filter) : applicantPage(bundle, latest?.plan, filter);
  const shown = paged<Volunteer | Applicant>(made.kept, filter.page);
  await auditWriter(db).write(actor, `${kind}.view`, bundle.key, `page ${shown.page} of ${shown.pages}: ${made.kept.length} of ${made.all.length}`);
  return {
    kind, event: bundle.event, purgedAt: purgedAt(db, bundle.key), planVersion: latest?.version ?? null,
    total: made.all.length, matched: made.kept.length, ...shown, options: made.options,
    attorneys: attorneysOf(bundle),
    plan: checker && latest ? await planAfterImport(db, slug, checker) : null,
  } as AnyPeoplePage;
}

// ——— One person's form ———

/** The roster's attorneys (a law student's supervisor is one of them), by code and name. */
const attorneysOf = (bundle: Bundle) => bundle.volunteers.filter((v) => v.role === 'attorney').map((v) => ({ id: v.id, name: v.name }));

const list = (values: readonly string[] | undefined) => (values ?? []).join(';');

/** A volunteer as their form shows them: the cells volunteers.csv would hold. */
export function volunteerForm(event: ClinicEvent, v: Volunteer): PersonForm {
  return {
    id: v.id, name: v.name, email: v.email ?? '', phone: v.phone ?? '', role: v.role, languages: list(v.languages),
    case_types: list(v.caseTypes), accreditation: v.accreditation ?? '', org: v.org ?? '', supervisor: v.supervisor ?? '',
    available: windowsText(event, v.available, elapsedToClock(event)), max_applicants: v.maxApplicants === undefined ? '' : String(v.maxApplicants),
  };
}

/**
 * An applicant as their form shows them: the cells applicants.csv would hold, but for a priority
 * that is what their deadline gives, which is left empty (so a new deadline sets it afresh).
 */
export function applicantForm(event: ClinicEvent, a: Applicant): PersonForm {
  return {
    id: a.id, name: a.name, phone: a.phone ?? '', email: a.email ?? '', languages: list(a.languages), case_type: a.caseType,
    complexity: a.complexity, flags: list(a.flags), household: a.household ?? '',
    available: windowsText(event, a.available, elapsedToClock(event)), deadline: a.deadline ?? '',
    priority: a.priority === priorityFromDeadline(event.date, a.deadline) ? '' : String(a.priority),
  };
}

/** A stored person as the lists' files write them (every value as stored: no formula guard, so it reads back the same). */
function rowOf(kind: PeopleKind, event: ClinicEvent, person: Volunteer | Applicant): string[] {
  if (kind === 'volunteers') {
    const form = volunteerForm(event, person as Volunteer);
    return VOLUNTEER_EXPORT_COLUMNS.map((c) => form[c] ?? '');
  }
  const a = person as Applicant;
  const form = { ...applicantForm(event, a), priority: String(a.priority) };
  return APPLICANT_EXPORT_COLUMNS.map((c) => form[c] ?? '');
}

const csvOf = (header: readonly string[], rows: string[][]) => Buffer.from(stringify([[...header], ...rows], { record_delimiter: 'windows' }), 'utf8');

/** One person of an event to show in their form, by code; undefined when the event or the person is not there. */
export function findPerson(db: Db, slug: string, kind: PeopleKind, code: string):
  { event: ClinicEvent; purgedAt: string | null; form: PersonForm; name: string; attorneys: { id: string; name: string }[] } | undefined {
  const bundle = loadBundle(db, slug, { asImported: true });
  if (!bundle) return undefined;
  const attorneys = attorneysOf(bundle);
  const person = (kind === 'volunteers' ? bundle.volunteers : bundle.applicants).find((p: { id: string }) => p.id === code);
  if (!person) return undefined;
  const form = kind === 'volunteers' ? volunteerForm(bundle.event, person as Volunteer) : applicantForm(bundle.event, person as Applicant);
  return { event: bundle.event, purgedAt: purgedAt(db, bundle.key), form, name: person.name, attorneys };
}

/** What a new person's form starts from, with the event's attorneys for the supervisor's choice. */
export function blankPerson(db: Db, slug: string): { event: ClinicEvent; purgedAt: string | null; attorneys: { id: string; name: string }[] } | undefined {
  const bundle = loadBundle(db, slug, { asImported: true });
  if (!bundle) return undefined;
  return {
    event: bundle.event, purgedAt: purgedAt(db, bundle.key),
    attorneys: attorneysOf(bundle),
  };
}

// ——— Changes ———

/**
 * A problem the check found, placed for the form: at one of its fields (`field`), or on another
 * person's row that the change breaks (`other`: their code and name), or on the whole form.
 * `problem` is the reader's own, in its words.
 */
export interface PersonProblem {
  field: FormField | null;
  other: { id: string; name: string } | null;
  problem: Problem;
}

export type Change =
  | { kind: 'add'; form: PersonForm }
  | { kind: 'edit'; code: string; form: PersonForm }
  | { kind: 'remove'; code: string };

/** What a refused change's form is shown again with: the event, its attorneys, and the person's name as stored. */
export interface ChangeContext {
  event: ClinicEvent;
  attorneys: { id: string; name: string }[];
  /** The name stored for the person changed or removed; absent for a new one. */
  name?: string | undefined;
}

export type ChangeOutcome =
  | { ok: true; code: string; name: string; saved: SaveResult; warnings: PersonProblem[] }
  | { ok: false; problems: PersonProblem[]; warnings: PersonProblem[]; context: ChangeContext }
  | { ok: false; notFound: 'event' | 'person' }
  | { ok: false; purgedAt: string };

const DUPLICATE = /^duplicate id .+: it is already used at row (\d+)$/;

/**
 * The event's bundle with one change made, checked by the bundle reader as an import is; each
 * problem placed at the form's field, or at the other person whose row it is on. The changed
 * person's row is `row` (the CSV's numbering: the header is row 1), or none for a removal.
 */
export function checkChange(stored: Bundle, kind: PeopleKind, change: Change, elsewhere?: (bundle: Bundle, rows: ReadonlyMap<string, number>) => Problem[]):
  { ok: true; bundle: Bundle; warnings: PersonProblem[]; name: string; code: string }
  | { ok: false; problems: PersonProblem[]; warnings: PersonProblem[] }
  | { ok: false; notFound: 'person' } {
  const people: (Volunteer | Applicant)[] = kind === 'volunteers' ? stored.volunteers : stored.applicants;
  const columns = FORM_FIELDS[kind];
  const rows = people.map((p) => rowOf(kind, stored.event, p));
  let at = -1;
  if (change.kind !== 'add') {
    at = people.findIndex((p) => p.id === change.code);
    if (at < 0) return { ok: false, notFound: 'person' };
  }
  const formRow = change.kind === 'remove' ? null : columns.map((c) => (change.form[c] ?? '').replace(/[\r\n]+/g, ' '));
  if (change.kind === 'add') at = rows.push(formRow!) - 1;
  else if (change.kind === 'edit') rows[at] = formRow!;
  else rows.splice(at, 1);
  const read = readBundle({
    [EVENT_FILE]: eventJsonBytes(stored.event),
    [VOLUNTEERS_FILE]: kind === 'volunteers' ? csvOf(columns, rows) : Buffer.from(volunteersCsv(stored.event, stored.volunteers, { asStored: true }), 'utf8'),
    [APPLICANTS_FILE]: kind === 'applicants' ? csvOf(columns, rows) : Buffer.from(applicantsCsv(stored.event, stored.applicants, { asStored: true }), 'utf8'),
  });
  const ownRow = change.kind === 'remove' ? -1 : at + 2;
  // The person each other row of the changed list stands for, by its row number.
  const whoAt = (row: number) => {
    const cells = rows[row - 2];
    return cells ? { id: cells[0]!, name: cells[1]! } : null;
  };
  const place = (p: Problem): PersonProblem => {
    if (p.file === FILE_OF[kind] && p.row === ownRow && (columns as readonly string[]).includes(p.column)) {
      return { field: p.column as FormField, other: null, problem: p };
    }
    // A code taken already: the reader names it at its second row, which may be the other person's.
    const duplicate = DUPLICATE.exec(p.message);
    if (p.file === FILE_OF[kind] && duplicate && Number(duplicate[1]) === ownRow) return { field: 'id', other: null, problem: p };
    return { field: null, other: p.file === FILE_OF[kind] && p.row !== ownRow ? whoAt(p.row) : null, problem: p };
  };
  const warnings = read.warnings.filter((w) => w.file === FILE_OF[kind] && w.row === ownRow).map(place);
  const blank = formRow !== null && formRow.every((cell) => cell.trim() === '');
  if (blank) {
    // A row with nothing in it is no row at all to the reader: a form sent empty asks for its code and name.
    const problems = (['id', 'name'] as const).map((column) => place({ file: FILE_OF[kind], row: ownRow, column, message: `${column} is required` }));
    return { ok: false, problems, warnings };
  }
  if (!read.bundle) return { ok: false, problems: read.errors.map(place), warnings };
  // What the other workshops say of the changed person (the rest of the list was saved before).
  if (elsewhere && ownRow > 0) {
    const said = elsewhere(read.bundle, new Map(read.bundle[kind].map((p, i) => [p.id, i + 2]))).filter((p) => p.row === ownRow);
    if (said.length > 0) return { ok: false, problems: said.map(place), warnings };
  }
  const name = change.kind === 'remove' ? people[at]!.name : formRow![1]!.trim();
  const code = change.kind === 'remove' ? change.code : formRow![0]!.trim();
  return { ok: true, bundle: read.bundle, warnings, name, code };
}

/**
 * Adds, changes or removes one person of an event's roster or applicants: in one transaction the
 * stored event is loaded, the change checked as an import is (`checkChange`) and, only when
 * nothing is wrong, saved as an import saves (`saveBundle`) and put on the audit log by code.
 */
export function changePerson(db: Db, slug: string, kind: PeopleKind, change: Change, actor: string): ChangeOutcome {
  return db.transaction((): ChangeOutcome => {
    const stored = loadBundle(db, slug, { asImported: true });
    if (!stored) return { ok: false, notFound: 'event' };
    const purged = purgedAt(db, stored.key);
    if (purged !== null) return { ok: false, purgedAt: purged };
    // One pool: a roster line may not book someone at another stored workshop they cannot also reach.
    const checked = checkChange(stored, kind, change, kind === 'volunteers' ? (bundle, rows) => poolConflicts(db, bundle, rows) : undefined);
    if (!checked.ok) {
      if ('notFound' in checked) return checked;
      const people: { id: string; name: string }[] = kind === 'volunteers' ? stored.volunteers : stored.applicants;
      const name = change.kind === 'add' ? undefined : people.find((p) => p.id === change.code)?.name;
      return { ...checked, context: { event: stored.event, attorneys: attorneysOf(stored), name } };
    }
    const saved = saveBundle(db, checked.bundle, actor);
    const what = change.kind === 'edit' && change.code !== checked.code ? `${change.code} now ${checked.code}` : checked.code;
    audit(db, actor, `${ONE[kind]}.${change.kind}`, slug, `${ONE[kind]} ${what}`);
    return { ok: true, code: checked.code, name: checked.name, saved, warnings: checked.warnings };
  }, { behavior: 'immediate' });
}
