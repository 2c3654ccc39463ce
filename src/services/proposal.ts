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
import { loadEvent } from '../db/events.js';
import { saveBundle } from '../db/events.js';
import { markMoved, waitingPerson } from '../db/waitlist.js';
import type { Db } from '../db/index.js';
import { personLines, poolProfiles, seasonWorkshops } from '../db/season.js';
import { ROLES, applicantPriority, elapsedFromClock, isCalendarDate, parseClock } from '../domain/index.js';
import type { Accreditation, Applicant, Bundle, ClinicEvent, Complexity, Role, Volunteer } from '../domain/index.js';
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
  /** Pool members' names by their key, for the page (never given to the proposal). */
  names: Map<string, string>;
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
  const members = new Map<number, PoolMember & { counties: Map<string, number> }>();
  const names = new Map<string, string>();
  for (const line of poolProfiles(db, mine.map((w) => w.key))) {
    const member = members.get(line.volunteer) ?? { id: memberId(line.volunteer), role: 'general' as Role, languages: [], caseTypes: [], booked: [] as string[], counties: new Map<string, number>() };
    // Lines come in date order: the latest line's skills are the person's.
    member.role = (ROLES as readonly string[]).includes(line.role) ? (line.role as Role) : 'general';
    member.languages = line.languages;
    member.caseTypes = line.caseTypes;
    if (line.accreditation) member.accreditation = line.accreditation as Accreditation;
    else delete member.accreditation;
    if (line.org) member.org = line.org;
    else delete member.org;
    if (line.maxApplicants !== null) member.maxApplicants = line.maxApplicants;
    else delete member.maxApplicants;
    (member.booked as string[]).push(line.date);
    if (line.county) member.counties.set(line.county, (member.counties.get(line.county) ?? 0) + 1);
    members.set(line.volunteer, member);
    names.set(member.id, line.name);
  }
  const pool: PoolMember[] = [...members.values()].map(({ counties, ...m }) => {
    const home = [...counties].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    return home ? { ...m, home } : m;
  });
  // The people no workshop ahead can take: those the waitlist finds no offer for.
  const demand: WaitingDemand[] = waitlistEntries(db, scope, today).entries.filter((e) => e.offer === null).map(({ person: p }) => ({
    id: String(p.id), languages: p.languages, caseType: p.caseType, complexity: p.complexity as Complexity,
    ...(p.county ? { county: p.county } : {}), ...(p.deadline ? { deadline: p.deadline } : {}),
  }));
  return {
    input: { dates, sites, taken, pool, demand, rules: seasonRules(db), minimum: settings.minimum },
    names, models,
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
  // The model's clock times, measured on this date (a daylight-saving change makes a day longer or shorter).
  const dayMinutes = elapsedFromClock({ date, timezone: template.timezone, opens: template.opens }, parseClock(template.closes)!);
  const event: ClinicEvent = { ...template, id, date, dayMinutes, name: `${template.site.name} — ${date}` };
  const whole = () => [{ start: 0, end: dayMinutes }];
  const people = personLines(db, proposed.staff.map((s) => Number(s.slice(1))));
  const codes = new Map(people.map((p, i) => [p.volunteer, `V${String(i + 1).padStart(3, '0')}`]));
  const supervisor = people.find((p) => p.role === 'attorney');
  const volunteers: Volunteer[] = people.map((p) => ({
    id: codes.get(p.volunteer)!, name: p.name, role: p.role as Role, languages: p.languages, caseTypes: p.caseTypes, available: whole(),
    ...(p.email ? { email: p.email } : {}), ...(p.phone ? { phone: p.phone } : {}),
    ...(p.accreditation ? { accreditation: p.accreditation as Accreditation } : {}), ...(p.org ? { org: p.org } : {}),
    ...(p.maxApplicants !== null ? { maxApplicants: p.maxApplicants } : {}),
    ...(p.role === 'law_student' && supervisor ? { supervisor: codes.get(supervisor.volunteer)! } : {}),
  }));
  const waiting = proposed.served.map((s) => waitingPerson(db, Number(s), undefined)).filter((p) => p?.state === 'waiting');
  const applicants: Applicant[] = waiting.map((p) => ({
    id: `W${String(p!.id).padStart(4, '0')}`, name: p!.name, languages: p!.languages, caseType: p!.caseType, complexity: p!.complexity as Complexity,
    flags: [], available: whole(), priority: applicantPriority(date, p!.deadline ?? undefined, undefined),
    ...(p!.phone ? { phone: p!.phone } : {}), ...(p!.email ? { email: p!.email } : {}), ...(p!.deadline ? { deadline: p!.deadline } : {}),
  }));
  const bundle: Bundle = { event, volunteers, applicants };
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
