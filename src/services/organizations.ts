/**
 * The collaborative's partner organizations, as its admins keep them: each one's name (one
 * organization, one name, whatever the case or spacing), whether the DOJ recognizes it and until
 * when, its county; and what it brings: workshops it runs or hosts, accounts, and the accredited
 * representatives and attorneys whose roster lines name it. Every change is on the audit log.
 */
import { DateTime } from 'luxon';
import { audit } from '../db/events.js';
import type { Db } from '../db/index.js';
import {
  findOrganization, insertOrganization, listOrganizationRows, organizationNames, rosterOrgLines, touchEventsOf, updateOrganization,
} from '../db/organizations.js';
import type { OrganizationFields, OrganizationRow } from '../db/organizations.js';
import { sameOrg } from '../domain/index.js';

export type { OrganizationFields, OrganizationRow };

/** An organization as the page lists it: its row, and the people its volunteers' roster lines bring. */
export interface OrganizationOverview extends OrganizationRow {
  /** Distinct volunteers whose roster line names it, as accredited representatives and as attorneys. */
  accreditedReps: number;
  attorneys: number;
}

/** Why a field of the organization form is not right: the page words it from its code. */
export type OrganizationProblemCode = 'name_missing' | 'name_taken' | 'date_invalid' | 'date_unrecognized' | 'no_organization';

export interface OrganizationProblem {
  /** The form's field: `name`, `recognized_until`, or `id` (no such organization). */
  field: 'name' | 'recognized_until' | 'id';
  code: OrganizationProblemCode;
  params?: Readonly<Record<string, string>>;
  /** In English, for the log and the command line. */
  message: string;
}

/** What the form sends: text as typed; the checkbox `yes` when ticked. */
export interface OrganizationInput {
  name: string;
  doj_recognized?: string;
  recognized_until?: string;
  county?: string;
}

export type OrganizationOutcome = { ok: true; id: number } | { ok: false; problems: OrganizationProblem[] };

const ROSTER_ROLES = ['accredited_rep', 'attorney'] as const;

/** A name as it is kept: trimmed, its spaces single. */
const tidy = (text: string | undefined) => (text ?? '').trim().replace(/\s+/g, ' ');

/** Whether a text is a real day of the calendar, written YYYY-MM-DD (not 2027-02-30). */
export function isRealDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

/** The fields of a form, checked: each problem names its field; nothing is kept while there is one. */
export function organizationProblems(db: Pick<Db, 'select'>, input: OrganizationInput, self?: number): { fields: OrganizationFields; problems: OrganizationProblem[] } {
  const name = tidy(input.name);
  const until = (input.recognized_until ?? '').trim();
  const dojRecognized = input.doj_recognized === 'yes';
  const problems: OrganizationProblem[] = [];
  if (!name) problems.push({ field: 'name', code: 'name_missing', message: 'Write the organization’s name.' });
  else {
    const taken = organizationNames(db).find((o) => o.id !== self && sameOrg(o.name, name));
    if (taken) problems.push({ field: 'name', code: 'name_taken', params: { name: taken.name }, message: `An organization named ${taken.name} exists already.` });
  }
  if (until && !isRealDate(until)) problems.push({ field: 'recognized_until', code: 'date_invalid', message: 'Write a real date, like 2028-06-30.' });
  else if (until && !dojRecognized) {
    problems.push({ field: 'recognized_until', code: 'date_unrecognized', message: 'Tick “DOJ-recognized”, or leave the end of the recognition empty.' });
  }
  return { fields: { name, dojRecognized, recognizedUntil: until || null, county: tidy(input.county) || null }, problems };
}

/** What the audit log says of an organization's recognition (no name: entries name things by number). */
const recognition = (f: OrganizationFields) => (f.dojRecognized ? `DOJ-recognized${f.recognizedUntil ? ` until ${f.recognizedUntil}` : ''}` : 'not DOJ-recognized');

/** Adds an organization; audited as `organization.add`. */
export function addOrganization(db: Db, input: OrganizationInput, actor: string): OrganizationOutcome {
  return db.transaction((tx) => {
    const t = tx as unknown as Db;
    const { fields, problems } = organizationProblems(t, input);
    if (problems.length > 0) return { ok: false, problems } as const;
    const id = insertOrganization(t, fields);
    audit(t, actor, 'organization.add', null, `organization ${id}, ${recognition(fields)}`);
    return { ok: true, id } as const;
  }, { behavior: 'immediate' });
}

/**
 * Changes an organization; audited as `organization.edit` with what changed. A new name shows on
 * every workshop it runs or hosts, whose pages are made again.
 */
export function editOrganization(db: Db, id: number, input: OrganizationInput, actor: string): OrganizationOutcome {
  return db.transaction((tx) => {
    const t = tx as unknown as Db;
    const before = findOrganization(t, id);
    if (!before) return { ok: false, problems: [{ field: 'id', code: 'no_organization', message: 'There is no such organization.' }] } as const;
    const { fields, problems } = organizationProblems(t, input, id);
    if (problems.length > 0) return { ok: false, problems } as const;
    updateOrganization(t, id, fields);
    const changed = (['name', 'dojRecognized', 'recognizedUntil', 'county'] as const).filter((k) => before[k] !== fields[k]);
    if (changed.includes('name')) touchEventsOf(t, id, new Date().toISOString());
    const what = changed.map((k) => (k === 'dojRecognized' || k === 'recognizedUntil' ? recognition(fields) : k));
    audit(t, actor, 'organization.edit', null, `organization ${id}: ${[...new Set(what)].join(', ') || 'nothing changed'}`);
    return { ok: true, id } as const;
  }, { behavior: 'immediate' });
}

/** Every organization with its counts, and the accredited representatives and attorneys its volunteers' roster lines bring. */
export function organizationsOverview(db: Db): OrganizationOverview[] {
  const rows = listOrganizationRows(db);
  const lines = rosterOrgLines(db, ROSTER_ROLES);
  return rows.map((row) => {
    const reps = new Set<number>();
    const attorneys = new Set<number>();
    for (const line of lines) {
      if (!sameOrg(line.org, row.name)) continue;
      (line.role === 'attorney' ? attorneys : reps).add(line.volunteer);
    }
    return { ...row, accreditedReps: reps.size, attorneys: attorneys.size };
  });
}

export { findOrganization };
