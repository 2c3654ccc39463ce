import {
  ACCREDITATIONS, COMPLEXITIES, RED_FLAGS, ROLES, applicantPriority, clockToElapsed, parseClock,
} from '../domain/index.js';
import type { Applicant, ClinicEvent, Role, Volunteer, Window } from '../domain/index.js';
import { readCsv, splitList } from './csv.js';
import type { CsvRecord } from './csv.js';
import type { CaseTypeCatalog } from './event.js';
import { checkDate, checkEmail, formulaWarning, checkInteger, checkLanguages, checkListOf, checkOneOf, checkWindows } from './fields.js';
import type { Checked, ClockWindow } from './fields.js';
import type { ProblemList } from './problems.js';

export const VOLUNTEERS_FILE = 'volunteers.csv';
export const APPLICANTS_FILE = 'applicants.csv';

const VOLUNTEER_COLUMNS = {
  required: ['id', 'name', 'role', 'languages'],
  optional: ['email', 'phone', 'case_types', 'accreditation', 'org', 'supervisor', 'available', 'max_applicants'],
} as const;

const APPLICANT_COLUMNS = {
  required: ['id', 'name', 'languages', 'case_type'],
  optional: ['phone', 'email', 'complexity', 'flags', 'household', 'available', 'deadline', 'priority'],
} as const;

/** Field checks for one CSV record: each reports its own problem and returns undefined on error. */
class RecordReader {
  constructor(
    private readonly problems: ProblemList,
    private readonly file: string,
    readonly record: CsvRecord,
  ) {}

  error(column: string, message: string): void {
    this.problems.error(this.file, this.record.row, column, message);
  }

  warn(column: string, message: string): void {
    this.problems.warn(this.file, this.record.row, column, message);
  }

  required(column: string): string | undefined {
    const value = this.record.get(column);
    if (value === '' && this.record.has(column)) this.error(column, `${column} is required`);
    return value === '' ? undefined : this.text(column, value);
  }

  optional(column: string): string | undefined {
    const value = this.record.get(column);
    return value === '' ? undefined : this.text(column, value);
  }

  /** Free text is kept as written; one that a spreadsheet would run as a formula is a warning. */
  private text(column: string, value: string): string {
    const warning = formulaWarning(column, value);
    if (warning) this.warn(column, warning);
    return value;
  }

  /** Like check, but an empty cell is a problem. */
  need<T>(column: string, checker: (cell: string) => Checked<T>): T | undefined {
    if (this.record.get(column) === '') {
      if (this.record.has(column)) this.error(column, `${column} is required`);
      return undefined;
    }
    return this.check(column, checker);
  }

  /** Runs a check on a non-empty cell; an empty cell gives undefined without a problem. */
  check<T>(column: string, checker: (cell: string) => Checked<T>, cell = this.record.get(column)): T | undefined {
    if (cell === '') return undefined;
    const result = checker(cell);
    if (!result.ok) {
      this.error(column, result.message);
      return undefined;
    }
    result.warnings?.forEach((w) => this.warn(column, w));
    return result.value;
  }
}

type WindowsOf = (reader: RecordReader, clock: ClockWindow[] | undefined) => Window[];

/**
 * Turns clock windows into elapsed minutes since opening (an empty list means the event's
 * hours), warning of a window wholly outside them. One converter serves a whole file.
 */
function windowsFor(event: ClinicEvent | null): WindowsOf {
  if (!event) return () => [];
  const toElapsed = clockToElapsed(event);
  const opens = parseClock(event.opens)!;
  const closes = parseClock(event.closes)!;
  return (reader, clock) => {
    if (!clock || clock.length === 0) return [{ start: 0, end: event.dayMinutes }];
    for (const w of clock) {
      if (w.end <= opens || w.start >= closes) {
        reader.warn('available', `the window ${fmt(w.start)}-${fmt(w.end)} lies wholly outside the event's hours (${event.opens}-${event.closes})`);
      }
    }
    return clock.map((w) => ({ start: toElapsed(w.start), end: toElapsed(w.end) }));
  };
}

const fmt = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Remembers ids and reports a duplicate at its second occurrence, naming the first. */
class IdRegistry {
  private readonly rows = new Map<string, number>();

  claim(reader: RecordReader, id: string | undefined): boolean {
    if (id === undefined) return false;
    const first = this.rows.get(id);
    if (first !== undefined) {
      reader.error('id', `duplicate id ${id}: it is already used at row ${first}`);
      return false;
    }
    this.rows.set(id, reader.record.row);
    return true;
  }
}

function checkCaseTypes(caseTypes: CaseTypeCatalog): (cell: string) => Checked<string[]> {
  return (cell) => {
    const codes = [...new Set(splitList(cell).map((c) => c.toLowerCase()))];
    const unknown = codes.filter((code) => !Object.hasOwn(caseTypes, code));
    if (unknown.length > 0) {
      return { ok: false, message: `${unknown.map((c) => `"${c}"`).join(', ')} ${unknown.length > 1 ? 'are not case types' : 'is not a case type'} of this event (known: ${Object.keys(caseTypes).join(', ')})` };
    }
    return { ok: true, value: codes };
  };
}

/** volunteers.csv → volunteers; supervisors are checked once every row is read. */
export function readVolunteers(
  bytes: Uint8Array,
  event: ClinicEvent | null,
  caseTypes: CaseTypeCatalog,
  problems: ProblemList,
): Volunteer[] {
  const table = readCsv(VOLUNTEERS_FILE, bytes, VOLUNTEER_COLUMNS, problems);
  if (!table) return [];
  const ids = new IdRegistry();
  const windowsOf = windowsFor(event);
  const volunteers: Volunteer[] = [];
  const supervisorRows = new Map<Volunteer, RecordReader>();
  // Every id in the file with its role (undefined when the role is itself wrong), kept even for
  // rows with other problems, so a student's supervisor is not called missing because of them.
  const roles = new Map<string, Role | undefined>();
  for (const record of table.records) {
    const r = new RecordReader(problems, VOLUNTEERS_FILE, record);
    const id = r.required('id');
    const fresh = ids.claim(r, id);
    const name = r.required('name');
    const email = r.check('email', checkEmail);
    const phone = r.optional('phone');
    const role = r.need('role', (c) => checkOneOf(c, ROLES, 'role'));
    if (fresh) roles.set(id!, role);
    const languages = r.need('languages', checkLanguages);
    const volunteerCaseTypes = r.check('case_types', checkCaseTypes(caseTypes)) ?? [];
    let accreditation = r.check('accreditation', (c) => checkOneOf(c, ACCREDITATIONS, 'kind of accreditation'));
    const org = r.optional('org');
    let supervisor = r.optional('supervisor');
    if (role === 'accredited_rep') {
      if (r.record.get('accreditation') === '') r.error('accreditation', 'an accredited rep needs an accreditation: partial or full');
      if (org === undefined) r.error('org', 'an accredited rep needs the recognized organization (org) that holds the accreditation');
    } else if (role !== undefined) {
      if (accreditation !== undefined) r.warn('accreditation', `accreditation is ignored for the role ${role}`);
      accreditation = undefined;
    }
    if (role === 'law_student') {
      if (supervisor === undefined) r.error('supervisor', 'a law student needs a supervisor: the id of an attorney at this event');
    } else if (role !== undefined && supervisor !== undefined) {
      r.warn('supervisor', `supervisor is ignored for the role ${role}`);
      supervisor = undefined;
    }
    const windows = r.check('available', checkWindows);
    const maxApplicants = r.check('max_applicants', (c) => checkInteger(c, 0));
    if (!fresh || !id || !name || !role || !languages) continue;
    const volunteer: Volunteer = {
      id, name, role, languages, caseTypes: volunteerCaseTypes, available: windowsOf(r, windows),
    };
    if (email !== undefined) volunteer.email = email;
    if (phone !== undefined) volunteer.phone = phone;
    if (accreditation !== undefined) volunteer.accreditation = accreditation;
    if (org !== undefined) volunteer.org = org;
    if (supervisor !== undefined) {
      volunteer.supervisor = supervisor;
      supervisorRows.set(volunteer, r);
    }
    if (maxApplicants !== undefined) volunteer.maxApplicants = maxApplicants;
    volunteers.push(volunteer);
  }
  for (const [student, r] of supervisorRows) {
    const supervisor = student.supervisor!;
    const role = roles.get(supervisor);
    if (!roles.has(supervisor)) r.error('supervisor', `supervisor ${supervisor} is not a volunteer in this file`);
    else if (role !== undefined && role !== 'attorney') {
      r.error('supervisor', `supervisor ${supervisor} is a ${role}, not an attorney`);
    }
  }
  return volunteers;
}

/** applicants.csv → applicants, with priority from the explicit column or the deadline rule. */
export function readApplicants(
  bytes: Uint8Array,
  event: ClinicEvent | null,
  caseTypes: CaseTypeCatalog,
  problems: ProblemList,
): Applicant[] {
  const table = readCsv(APPLICANTS_FILE, bytes, APPLICANT_COLUMNS, problems);
  if (!table) return [];
  const ids = new IdRegistry();
  const windowsOf = windowsFor(event);
  const applicants: Applicant[] = [];
  const oneCaseType = (cell: string): Checked<string> => {
    const code = cell.toLowerCase();
    return Object.hasOwn(caseTypes, code)
      ? { ok: true, value: code }
      : { ok: false, message: `"${cell}" is not a case type of this event (known: ${Object.keys(caseTypes).join(', ')})` };
  };
  for (const record of table.records) {
    const r = new RecordReader(problems, APPLICANTS_FILE, record);
    const id = r.required('id');
    const fresh = ids.claim(r, id);
    const name = r.required('name');
    const phone = r.optional('phone');
    const email = r.check('email', checkEmail);
    const languages = r.need('languages', checkLanguages);
    const caseType = r.need('case_type', oneCaseType);
    const complexity = r.check('complexity', (c) => checkOneOf(c, COMPLEXITIES, 'complexity')) ?? 'straightforward';
    const flags = r.check('flags', (c) => checkListOf(c, RED_FLAGS, 'red flag')) ?? [];
    const household = r.optional('household');
    const windows = r.check('available', checkWindows);
    const deadline = r.check('deadline', checkDate);
    const explicit = r.check('priority', (c) => checkInteger(c, 1));
    if (!fresh || !id || !name || !languages || !caseType) continue;
    const applicant: Applicant = {
      id, name, languages, caseType, complexity, flags, available: windowsOf(r, windows),
      priority: event ? applicantPriority(event.date, deadline, explicit) : explicit ?? 1,
    };
    if (phone !== undefined) applicant.phone = phone;
    if (email !== undefined) applicant.email = email;
    if (household !== undefined) applicant.household = household;
    if (deadline !== undefined) applicant.deadline = deadline;
    applicants.push(applicant);
  }
  return applicants;
}
