/**
 * The season proposal page's use case: the form's settings checked, and what the proposal
 * (src/season/proposal.ts) is given from the database: the people still waiting whom no
 * workshop ahead can take, the sites the account's workshops were held at (the latest workshop
 * at each as the model of a new one there), the workshops already held or announced on the
 * dates (a new one must not compete with them), and the pool: everyone on the account's
 * workshops' rosters, with their skills as last given, the county they work in most and the
 * days they are already taken (at any workshop).
 */
import { DateTime } from 'luxon';
import { auditWriter } from '../db/audit.js';
import { loadEvent, saveBundle } from '../db/events.js';
import { markMoved, waitingPerson } from '../db/waitlist.js';
import type { Db } from '../db/index.js';
import { poolProfiles, seasonWorkshops } from '../db/season.js';
import type { PoolProfileLine } from '../db/season.js';
import { ROLES, isCalendarDate } from '../domain/index.js';
import type { Accreditation, Applicant, Bundle, ClinicEvent, Complexity, Role, Volunteer } from '../domain/index.js';
import { proposedBundle } from '../season/proposal.js';
import type { PoolMember, Proposal, ProposalInput, WaitingDemand } from '../season/proposal.js';
import { poolConflicts } from './season.js';
import { seasonRules } from './season-rules.js';
import { waitlistEntries } from './waitlist.js';
import type { Scope } from './waitlist.js';

/** Days between today and the first date proposed by default: time to find the volunteers and tell the people. */
export const LEAD_DAYS = 14;
export const DEFAULT_WEEKS = 12;
export const MAX_WEEKS = 52;
export const DEFAULT_MINIMUM = 20;
export const MAX_MINIMUM = 1000;
/** Workshops are proposed on Saturdays, as the collaborative's workshops are held. */
const SATURDAY = 6;

export type ProposalField = 'from' | 'weeks' | 'minimum';
export type ProposalForm = Partial<Record<ProposalField, string>>;
export interface ProposalProblem { field: ProposalField; code: 'date' | 'past' | 'weeks' | 'minimum' }
export interface ProposalSettings { from: string; weeks: number; minimum: number }

/** The first Saturday on or after a date. */
function saturdayFrom(date: string): string {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  return day.plus({ days: (SATURDAY - day.weekday + 7) % 7 }).toISODate()!;
}

/** The form as first shown: the first Saturday after the lead time, twelve weeks, twenty people a workshop. */
export function defaultSettings(today: string): ProposalSettings {
  return { from: saturdayFrom(DateTime.fromISO(today, { zone: 'utc' }).plus({ days: LEAD_DAYS }).toISODate()!), weeks: DEFAULT_WEEKS, minimum: DEFAULT_MINIMUM };
}

/** The form's fields checked (an empty field keeps its default); nothing is proposed on any problem. */
export function checkProposalForm(form: ProposalForm, today: string):
  { ok: true; settings: ProposalSettings } | { ok: false; problems: ProposalProblem[]; settings: ProposalSettings } {
  const settings = defaultSettings(today);
  const problems: ProposalProblem[] = [];
  const text = (f: ProposalField) => (form[f] ?? '').trim();
  const whole = (f: ProposalField, most: number, code: ProposalProblem['code']) => {
    if (text(f) === '') return undefined;
    const n = /^\d{1,4}$/.test(text(f)) ? Number(text(f)) : NaN;
    if (!(n >= 1 && n <= most)) {
      problems.push({ field: f, code });
      return undefined;
    }
    return n;
  };
  if (text('from') !== '') {
    if (!isCalendarDate(text('from'))) problems.push({ field: 'from', code: 'date' });
    else if (text('from') <= today) problems.push({ field: 'from', code: 'past' });
    else settings.from = text('from');
  }
  settings.weeks = whole('weeks', MAX_WEEKS, 'weeks') ?? settings.weeks;
  settings.minimum = whole('minimum', MAX_MINIMUM, 'minimum') ?? settings.minimum;
  return problems.length > 0 ? { ok: false, problems, settings } : { ok: true, settings };
}

/** The Saturdays proposed: from the first on or after `from`, one a week. */
export function proposalDates(settings: ProposalSettings): string[] {
  const first = DateTime.fromISO(saturdayFrom(settings.from), { zone: 'utc' });
  return Array.from({ length: settings.weeks }, (_, i) => first.plus({ weeks: i }).toISODate()!);
}

/** A pool member's key in a proposal: their record across the season. */
const memberId = (volunteer: number) => `v${volunteer}`;

export interface ProposalRequest {
  input: ProposalInput;
  /** Pool members' names and contacts by their key, for the page and a workshop created (never given to the proposal). */
  people: Map<string, { name: string; email: string | null; phone: string | null }>;
  /** The workshops used as models, by id: their names. */
  models: Map<string, string>;
}

/** What the proposal is given, as the account sees the season today. */
export function proposalRequest(db: Db, scope: Scope, settings: ProposalSettings, today: string): ProposalRequest {
  const dates = proposalDates(settings);
  const mine = seasonWorkshops(db, scope);
  // The latest workshop at each site is the model of a new one there.
  const latest = new Map<string, (typeof mine)[number]>();
  for (const w of mine) if (w.site !== null) latest.set(`${w.site}|${w.address ?? ''}`, w);
  const sites: ClinicEvent[] = [];
  const models = new Map<string, string>();
  for (const w of latest.values()) {
    const found = loadEvent(db, w.id);
    if (!found) continue;
    sites.push(found.event);
    models.set(found.event.id, found.event.name);
  }
  // Every workshop on the dates competes with a new one in its county, whoever runs it.
  const taken = seasonWorkshops(db, undefined, { from: dates[0]!, to: dates[dates.length - 1]! })
    .map((w) => ({ date: w.date, ...(w.county ? { county: w.county } : {}) }));
  const lines = new Map<number, PoolProfileLine[]>();
  for (const line of poolProfiles(db, mine.map((w) => w.key))) {
    const person = lines.get(line.volunteer);
    if (person) person.push(line);
    else lines.set(line.volunteer, [line]);
  }
  const pool = [...lines.values()].map(memberOf);
  const people = new Map([...lines.values()].map((l) => [memberId(l[0]!.volunteer), { name: l[0]!.name, email: l[0]!.email, phone: l[0]!.phone }]));
  // The people no workshop ahead can take: those the waitlist finds no offer for.
  const demand: WaitingDemand[] = waitlistEntries(db, scope, today).entries.filter((e) => e.offer === null).map(({ person: p }) => ({
    id: String(p.id), languages: p.languages, caseType: p.caseType, complexity: p.complexity as Complexity,
    ...(p.county ? { county: p.county } : {}), ...(p.deadline ? { deadline: p.deadline } : {}),
  }));
  return {
    input: { dates, sites, taken, pool, demand, rules: seasonRules(db), minimum: settings.minimum },
    people, models,
  };
}

/** A person of the pool from their roster lines in date order: the latest line's skills, the county they worked in most, the days they are taken. */
function memberOf(lines: readonly PoolProfileLine[]): PoolMember {
  const last = lines[lines.length - 1]!;
  const counties = new Map<string, number>();
  for (const l of lines) if (l.county) counties.set(l.county, (counties.get(l.county) ?? 0) + 1);
  const home = [...counties].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  return {
    id: memberId(last.volunteer), role: (ROLES as readonly string[]).includes(last.role) ? (last.role as Role) : 'general',
    languages: last.languages, caseTypes: last.caseTypes, booked: lines.map((l) => l.date),
    ...(last.accreditation ? { accreditation: last.accreditation as Accreditation } : {}), ...(last.org ? { org: last.org } : {}),
    ...(last.maxApplicants !== null ? { maxApplicants: last.maxApplicants } : {}), ...(home ? { home } : {}),
  };
}

// ——— A proposed workshop made real ———

export type CreateOutcome =
  | { ok: true; event: string; applicants: number; volunteers: number }
  /** The proposal no longer holds that workshop (something changed since it was shown). */
  | { ok: false; gone: true }
  /** Someone it would staff is now booked where they cannot also be: the import check's lines. */
  | { ok: false; conflicts: string[] };

/** A fresh event id for the workshop: the model's id without its date, and the new date (`-2`, `-3`… when taken). */
function freshId(db: Db, model: string, date: string): string {
  const base = `${model.replace(/-?\d{4}-\d{2}-\d{2}$/, '') || 'workshop'}-${date}`;
  let id = base;
  for (let n = 2; loadEvent(db, id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Creates the proposed workshop at a site (by its model workshop) on a date: a new event with the
 * model's hours, case types, desks, hosts and settings, its roster the pool members the proposal
 * staffs it with (each as their latest roster line, available all day), and as its applicants
 * the people it serves who still wait (each moved off the waitlist, with a code `W` and their
 * number on the list). Refused, with nothing stored, when the proposal no longer holds it or a
 * roster line would book someone where they cannot also be. On the audit log.
 */
export async function createProposed(db: Db, request: ProposalRequest, proposal: Proposal, model: string, date: string,
  who: { actor: string; organizationId: number | null }): Promise<CreateOutcome> {
  const proposed = proposal.workshops.find((w) => w.template === model && w.date === date);
  const template = request.input.sites.find((t) => t.id === model);
  if (!proposed || !template) return { ok: false, gone: true };
  const id = freshId(db, model, date);
  const members = new Map(request.input.pool.map((m) => [m.id, m]));
  const staff = proposed.staff.map((m) => members.get(m)!);
  const rows = new Map(proposed.served.map((p) => waitingPerson(db, Number(p), undefined)).filter((p) => p?.state === 'waiting').map((p) => [String(p!.id), p!]));
  const planned = proposedBundle(template, date, id, staff, request.input.demand.filter((p) => rows.has(p.id)));
  // Named now: codes for the roster (`V001`…) and the people (`W` and their number on the list), and their contacts.
  const codes = new Map(staff.map((m, i) => [m.id, `V${String(i + 1).padStart(3, '0')}`]));
  const contacts = (c: { email: string | null; phone: string | null }) => ({ ...(c.email ? { email: c.email } : {}), ...(c.phone ? { phone: c.phone } : {}) });
  const volunteers: Volunteer[] = planned.volunteers.map((v) => ({
    ...v, id: codes.get(v.id)!, name: request.people.get(v.id)!.name, ...contacts(request.people.get(v.id)!),
    ...(v.supervisor ? { supervisor: codes.get(v.supervisor)! } : {}),
  }));
  const applicants: Applicant[] = planned.applicants.map((a) => {
    const row = rows.get(a.id)!;
    return { ...a, id: `W${String(row.id).padStart(4, '0')}`, name: row.name, ...contacts(row) };
  });
  const bundle: Bundle = { event: { ...planned.event, name: `${template.site.name} — ${date}` }, volunteers, applicants };
  const conflicts = poolConflicts(db, bundle, new Map(volunteers.map((v, i) => [v.id, i + 2])));
  if (conflicts.length > 0) return { ok: false, conflicts: conflicts.map((c) => c.message) };
  const saved = db.transaction(() => {
    const stored = saveBundle(db, bundle, who.actor, who.organizationId);
    for (const a of applicants) markMoved(db, Number(a.id.slice(1)), stored.eventId, a.id);
    return stored;
  });
  await auditWriter(db).write(who.actor, 'proposal.create', saved.eventId, `${applicants.length} applicants moved from the waitlist, ${volunteers.length} volunteers`);
  return { ok: true, event: id, applicants: applicants.length, volunteers: volunteers.length };
}
