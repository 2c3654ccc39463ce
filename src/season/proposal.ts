/**
 * Season planning: given the people still waiting with no workshop to go to (their county,
 * languages, case type and deadline), the sites the collaborative has used, the dates it could
 * hold a workshop on and the volunteer pool, propose the workshops (where, when, with whom) that
 * serve the most people before their deadlines, and say which extra volunteers would serve how
 * many more.
 *
 * The proposal is built one workshop at a time. Every site and date not taken (a workshop
 * already held or proposed on the same day in the same county competes with it) is a candidate;
 * its roster is the pool's people free that day, under the monthly limit, within reach of the
 * site (those whose county is within the same-county travel time; others only to reach someone
 * nobody nearby can serve). A candidate's worth is how many of the people it could take its
 * roster covers, at most the places its preparers and reviewers give and the visit minutes its
 * roster has for them. The worthiest is planned with the per-event planner, with the covered
 * people of the nearest deadlines; the people it schedules are served, the volunteers its plan
 * uses are booked that day, and the rest of its roster stays free. A candidate whose plan serves
 * fewer than the minimum is dropped. Where the planner could not fit everyone a day was planned
 * with, the county's other candidates are worth at most as many per visit volunteer as that day
 * saw (a roster short of interpreters fits fewer than its places say), so that days the planner
 * would fill no better are not planned in turn. It ends when no candidate is worth the minimum,
 * or at the most workshops asked for.
 *
 * The upper bound counts the people any proposal could serve: those with a site in their county
 * that takes their case type, a date on or before their deadline, and someone in the whole pool
 * (as if nobody were booked) who covers their case type in one of their languages. Each proposed
 * workshop also carries the estimate's capacity bound for its roster and the people it was
 * planned with: the most any plan of that day could serve.
 *
 * Extra volunteers: for the counties and first languages with the most people left unserved, a
 * newcomer of a kind (an attorney, a form filler, or an interpreter to the roster's common
 * language) is added, free on every date, and the county's workshops are planned again with the
 * people left over (or, where the county has none, its best candidate is): the people gained.
 *
 * Pure and deterministic: the same input gives the same proposal.
 */
import {
  VISIT_STATIONS, applicantPriority, canInterpret, elapsedFromClock, isCompetent, mayStaff, parseClock, shareLanguage, visitMinutes,
} from '../domain/index.js';
import type { Applicant, Bundle, ClinicEvent, Complexity, Role, Site, Volunteer } from '../domain/index.js';
import { plan } from '../planner/index.js';
import { buildModel } from '../planner/model.js';
import { capacityBound } from '../throughput/index.js';
import { DEFAULT_SEASON_RULES, countyMinutes, fold } from './index.js';
import type { SeasonRules } from './index.js';
import { coverage, rosterPlaces } from './waitlist.js';

/** A person of the pool as a proposal may staff them: their latest roster line's role and skills. */
export interface PoolMember extends Pick<Volunteer, 'role' | 'languages' | 'caseTypes' | 'accreditation' | 'org' | 'maxApplicants'> {
  id: string;
  /** The county they have volunteered in most, if any. */
  home?: string;
  /** The dates (`YYYY-MM-DD`) of the workshops they are already on. */
  booked: readonly string[];
}

/** A person waiting with no workshop to go to. */
export interface WaitingDemand {
  id: string;
  languages: readonly string[];
  caseType: string;
  complexity: Complexity;
  county?: string;
  /** `YYYY-MM-DD`, or none. */
  deadline?: string;
}

/** A workshop already held or announced: a new one on the same day in the same county competes with it. */
export interface TakenDay {
  date: string;
  county?: string;
}

export interface ProposalInput {
  /** Dates (`YYYY-MM-DD`) a workshop could be held on. */
  dates: readonly string[];
  /** A workshop held at each site the collaborative uses: a new one there keeps its hours, case types, desks and settings. */
  sites: readonly ClinicEvent[];
  taken: readonly TakenDay[];
  pool: readonly PoolMember[];
  demand: readonly WaitingDemand[];
  rules?: SeasonRules;
  /** The fewest people a proposed workshop must serve (default 20). */
  minimum?: number;
  /** The most workshops to propose (default 30). */
  most?: number;
  /** The most kinds of extra volunteer to try (default 6). */
  extraLimit?: number;
}

export interface ProposedWorkshop {
  date: string;
  site: Site;
  /** The workshop whose hours and settings it keeps. */
  template: string;
  opens: string;
  closes: string;
  /** The pool members its plan uses, by id. */
  staff: string[];
  /** The waiting people its plan schedules, by id. */
  served: string[];
  /** People it could take: in its county, of a case type it takes, with no deadline before it. */
  offered: number;
  /** The estimate's capacity bound: the most any plan of its roster could serve of those it was planned with. */
  bound: number;
}

export const UNSERVED_REASONS = ['no_site', 'deadline_before_dates', 'nobody_covers', 'not_planned'] as const;
export type UnservedReason = (typeof UNSERVED_REASONS)[number];

export interface ExtraVolunteer {
  role: Role;
  languages: string[];
  county: string;
  /** People the county's workshops serve more with one such newcomer at each. */
  more: number;
}

export interface Proposal {
  workshops: ProposedWorkshop[];
  waiting: number;
  served: number;
  /** The most people any proposal on these dates, at these sites, with this pool could serve. */
  bound: number;
  unserved: { person: string; reason: UnservedReason }[];
  extra: ExtraVolunteer[];
}

const DEFAULT_MINIMUM = 20;
/**
 * The planner's improvement iterations for a day weighed, with the day's own selection (a fair
 * lottery within equal priority, by default: "as many as fit" would leave out the interpreted
 * and complex cases that take longer). On the three sample workshops' 410 people proposed again,
 * 2,000 serve 344 in 1.9 s, a quick plan 341 in 0.9 s.
 */
const PLAN_ITERATIONS = 2000;
const DEFAULT_MOST = 30;
/**
 * A day is planned with the people its roster covers, nearest deadline first, up to half as many
 * again as its places: enough for the planner to fill the day where some cannot be fitted, without
 * weighing hundreds it has no room for.
 */
const INVITED = 1.5;
const DEFAULT_EXTRA = 6;


/** Whether a person could come to a site: one in their county, or anywhere when their county is not known. */
const inReach = (site: Site, person: WaitingDemand) => fold(person.county) === '' || fold(person.county) === fold(site.county);

/** Whether a workshop at the template's site on the date could take the person. */
const mayTake = (template: ClinicEvent, date: string, person: WaitingDemand) =>
  inReach(template.site, person) && Object.hasOwn(template.caseTypes, person.caseType) && (person.deadline === undefined || date <= person.deadline);

/** Whether a roster's coverage (see `coverage`) serves a person, with an attorney for a complex case. */
function served(covers: Readonly<Record<string, readonly string[]>>, attorneys: ReadonlySet<string>, person: WaitingDemand): boolean {
  // Asked only of people of a case type the roster's workshops take.
  return shareLanguage(covers[person.caseType]!, person.languages) && (person.complexity !== 'complex' || attorneys.has(person.caseType));
}

/** The case types an attorney on the roster handles. */
function attorneyTypes(caseTypes: readonly string[], roster: readonly PoolMember[]): Set<string> {
  return new Set(caseTypes.filter((t) => roster.some((v) => v.role === 'attorney' && isCompetent(v, t))));
}

/** Whether a member can serve the person on their own (or, as an interpreter, with someone on the roster). */
function canServe(member: PoolMember, person: WaitingDemand, roster: readonly PoolMember[]): boolean {
  if (member.role === 'interpreter') {
    return roster.some((v) => VISIT_STATIONS.some((s) => mayStaff(v.role, s)) && isCompetent(v, person.caseType)
      && canInterpret(member, person.languages, v.languages, person.caseType));
  }
  return VISIT_STATIONS.some((s) => mayStaff(member.role, s)) && isCompetent(member, person.caseType)
    && shareLanguage(member.languages, person.languages) && (person.complexity !== 'complex' || member.role === 'attorney');
}

/** A candidate workshop: a site on a date, its roster, and the people it could take. */
interface Candidate {
  template: ClinicEvent;
  date: string;
  roster: PoolMember[];
  offered: WaitingDemand[];
  /** Those the day is planned with: the covered people with the nearest deadlines, a few more than it is worth. */
  invited: WaitingDemand[];
  worth: number;
}

/** The state of the season as the proposal grows: who is booked when, who is served. */
class Season {
  readonly booked = new Map<string, Set<string>>();
  readonly months = new Map<string, Map<string, number>>();
  readonly served = new Set<string>();
  private readonly taken = new Set<string>();

  constructor(readonly input: ProposalInput, readonly rules: SeasonRules) {
    for (const m of input.pool) for (const date of m.booked) this.book(m.id, date);
    for (const t of input.taken) this.take(t.date, t.county);
  }

  /** A workshop is held or proposed that day in the county. */
  take(date: string, county: string | undefined): void {
    this.taken.add(`${date}|${fold(county)}`);
  }

  book(member: string, date: string): void {
    const dates = this.booked.get(member) ?? new Set<string>();
    if (dates.has(date)) return;
    dates.add(date);
    this.booked.set(member, dates);
    const months = this.months.get(member) ?? new Map<string, number>();
    months.set(date.slice(0, 7), (months.get(date.slice(0, 7)) ?? 0) + 1);
    this.months.set(member, months);
  }

  /** Whether the member could be asked for a workshop on the date: free that day and under the monthly limit. */
  free(member: PoolMember, date: string): boolean {
    if (this.booked.get(member.id)?.has(date)) return false;
    return (this.months.get(member.id)?.get(date.slice(0, 7)) ?? 0) < this.rules.monthlyLimit;
  }

  /** Whether no workshop is held or proposed that day in the county. */
  open(date: string, county: string | undefined): boolean {
    return !this.taken.has(`${date}|${fold(county)}`);
  }
}

/** Minutes from a member's county to a site (a member with no county is as far as another county). */
const reach = (member: PoolMember, site: Site, rules: SeasonRules) => countyMinutes(member.home, site.county, rules);

/** A roster, with what it covers (see `coverage`) and the case types an attorney on it handles. */
interface Staffed { roster: PoolMember[]; covers: Record<string, string[]>; attorneys: Set<string> }

/**
 * A candidate's roster: the free members near the site (within the same-county travel time),
 * then, for each person they leave uncovered, the nearest free member within the other-county
 * travel time who could serve them.
 */
function rosterFor(season: Season, template: ClinicEvent, date: string, offered: readonly WaitingDemand[], extra: readonly PoolMember[]): Staffed {
  const { rules } = season;
  const free = season.input.pool.filter((m) => season.free(m, date))
    .map((m) => ({ m, minutes: reach(m, template.site, rules) }))
    .filter((x) => x.minutes <= rules.otherCountyMinutes)
    .sort((a, b) => a.minutes - b.minutes || a.m.id.localeCompare(b.m.id));
  const roster = [...free.filter((x) => x.minutes <= rules.sameCountyMinutes).map((x) => x.m), ...extra];
  const far = free.filter((x) => x.minutes > rules.sameCountyMinutes).map((x) => x.m);
  const caseTypes = Object.keys(template.caseTypes);
  let covers = coverage(caseTypes, roster);
  let attorneys = attorneyTypes(caseTypes, roster);
  const on = new Set(roster);
  // People alike (case type, languages, complexity) need the same newcomer: each need is looked for once.
  const needs = new Set<string>();
  for (const person of offered) {
    const need = JSON.stringify([person.caseType, person.languages, person.complexity === 'complex']);
    if (needs.has(need)) continue;
    needs.add(need);
    if (served(covers, attorneys, person)) continue;
    const found = far.find((m) => !on.has(m) && canServe(m, person, roster));
    if (!found) continue;
    roster.push(found);
    on.add(found);
    covers = coverage(caseTypes, roster);
    attorneys = attorneyTypes(caseTypes, roster);
  }
  return { roster, covers, attorneys };
}

/**
 * How many of these people a roster could see in a day, at most: for each visit station, the
 * minutes of those who may staff it over the people's mean minutes there, and the minutes of
 * everyone who staffs any visit over the people's mean minutes in all (no interpreting counted).
 */
function roomFor(template: ClinicEvent, roster: readonly PoolMember[], people: readonly WaitingDemand[]): number {
  if (people.length === 0) return 0;
  let room = Number.POSITIVE_INFINITY;
  let all = 0;
  for (const station of VISIT_STATIONS) {
    const need = people.reduce((n, p) => n + visitMinutes(template, p.caseType, station, p.complexity, false), 0) / people.length;
    all += need;
    const have = roster.filter((v) => mayStaff(v.role, station)).length * template.dayMinutes;
    if (need > 0) room = Math.min(room, have / need);
  }
  const staffing = visitors(roster) * template.dayMinutes;
  return Math.floor(Math.min(room, staffing / all));
}

/** How many on a roster may staff a visit station. */
const visitors = (roster: readonly PoolMember[]) => roster.filter((v) => VISIT_STATIONS.some((s) => mayStaff(v.role, s))).length;

/** The candidate at a site on a date, with its roster and worth, for the people not yet served. */
function candidateAt(season: Season, template: ClinicEvent, date: string, extra: readonly PoolMember[] = []): Candidate {
  const offered = season.input.demand.filter((p) => !season.served.has(p.id) && mayTake(template, date, p));
  const { roster, covers, attorneys } = rosterFor(season, template, date, offered, extra);
  const covered = offered.filter((p) => served(covers, attorneys, p));
  const worth = Math.min(rosterPlaces(roster), covered.length, roomFor(template, roster, covered));
  const invited = covered.sort(byDeadline).slice(0, Math.ceil(worth * INVITED));
  return { template, date, roster, offered, invited, worth };
}

/** The nearest deadline first (none: last), then by id. */
const byDeadline = (a: WaitingDemand, b: WaitingDemand) => (a.deadline ?? '~').localeCompare(b.deadline ?? '~') || a.id.localeCompare(b.id);

/**
 * A workshop at a site (by its model) on a date as the planner reads it: the model's settings,
 * its length measured on that date (a daylight-saving change makes a day longer or shorter), the
 * roster and the people, everyone there all day, each named by their id (a law student
 * supervised by the roster's first attorney).
 */
export function proposedBundle(template: ClinicEvent, date: string, id: string, roster: readonly PoolMember[], people: readonly WaitingDemand[]): Bundle {
  const dayMinutes = elapsedFromClock({ date, timezone: template.timezone, opens: template.opens }, parseClock(template.closes)!);
  const event: ClinicEvent = { ...template, id, date, dayMinutes };
  const whole = [{ start: 0, end: dayMinutes }];
  const supervisor = roster.find((m) => m.role === 'attorney')?.id;
  const volunteers: Volunteer[] = roster.map((m) => ({
    id: m.id, name: m.id, role: m.role, languages: [...m.languages], caseTypes: [...m.caseTypes], available: whole,
    ...(m.accreditation ? { accreditation: m.accreditation } : {}), ...(m.org ? { org: m.org } : {}),
    ...(m.maxApplicants !== undefined ? { maxApplicants: m.maxApplicants } : {}),
    ...(m.role === 'law_student' && supervisor ? { supervisor } : {}),
  }));
  const applicants: Applicant[] = people.map((p) => ({
    id: p.id, name: p.id, languages: [...p.languages], caseType: p.caseType, complexity: p.complexity, flags: [],
    available: whole, ...(p.deadline ? { deadline: p.deadline } : {}), priority: applicantPriority(date, p.deadline, undefined),
  }));
  return { event, volunteers, applicants };
}

/** Plans the candidate's day: whom it schedules and which members it uses. */
function planDay(c: Candidate, offered: readonly WaitingDemand[] = c.invited): { served: string[]; staff: string[]; bundle: Bundle } {
  const bundle = proposedBundle(c.template, c.date, `proposed-${c.date}`, c.roster, offered);
  const day = plan(bundle, { compare: false, iterations: PLAN_ITERATIONS });
  const used = new Set<string>();
  for (const s of day.scheduled) {
    for (const v of s.visits) {
      used.add(v.volunteer);
      if (v.interpreter) used.add(v.interpreter);
    }
  }
  for (const shift of day.shifts) used.add(shift.volunteer);
  return { served: day.scheduled.map((s) => s.applicant), staff: c.roster.map((m) => m.id).filter((id) => used.has(id)), bundle };
}

/** The estimate's capacity bound for a planned day's roster and applicants. */
function boundOf(bundle: Bundle): number {
  const model = buildModel(bundle);
  const demand = new Float64Array(model.classes.length);
  for (const app of model.apps) demand[app.classId]! += 1;
  return Math.floor(capacityBound(model, demand, bundle.event.desks, bundle.event.dayMinutes).bound + 1e-9);
}

/** Candidates better first: worth, then the earlier date, then the site's name. */
const better = (a: Candidate, b: Candidate) =>
  b.worth - a.worth || a.date.localeCompare(b.date) || a.template.site.name.localeCompare(b.template.site.name);

/** Grows the proposal on a season: the workshops chosen, in the order chosen. */
function grow(season: Season, minimum: number, most: number): ProposedWorkshop[] {
  const { dates, sites } = season.input;
  const dropped = new Set<string>();
  const chosen: ProposedWorkshop[] = [];
  // Sites of one county taking the same case types have the same candidate on a date: weighed once,
  // and again only when that date's bookings change or someone it could take is served.
  const weighed = new Map<string, Candidate>();
  const keyOf = (t: ClinicEvent, d: string) => JSON.stringify([fold(t.site.county), Object.keys(t.caseTypes).sort(), d]);
  // People a volunteer who staffs visits saw on a county's last day the planner could not fit everyone on: its other days take no more.
  const fitted = new Map<string, number>();
  const room = (c: Candidate) => {
    const each = fitted.get(fold(c.template.site.county));
    return each === undefined ? c.worth : Math.min(c.worth, Math.floor(each * visitors(c.roster) + 1e-9));
  };
  const weigh = (t: ClinicEvent, d: string): Candidate => {
    const key = keyOf(t, d);
    let found = weighed.get(key);
    if (!found) weighed.set(key, found = candidateAt(season, t, d));
    const candidate = { ...found, template: t };
    return { ...candidate, worth: room(candidate) };
  };
  while (chosen.length < most) {
    const candidates = sites.flatMap((t) => dates.filter((d) => season.open(d, t.site.county) && !dropped.has(keyOf(t, d)))
      .map((d) => weigh(t, d))).filter((c) => c.worth >= minimum).sort(better);
    const best = candidates[0];
    if (!best) break;
    const day = planDay(best);
    const county = fold(best.template.site.county);
    if (day.served.length < best.invited.length) fitted.set(county, day.served.length / visitors(best.roster));
    if (day.served.length < minimum) {
      dropped.add(keyOf(best.template, best.date));
      continue;
    }
    for (const id of day.served) season.served.add(id);
    for (const id of day.staff) season.book(id, best.date);
    season.take(best.date, best.template.site.county);
    for (const [key, c] of weighed) if (c.date === best.date || c.offered.some((p) => season.served.has(p.id))) weighed.delete(key);
    chosen.push({
      date: best.date, site: best.template.site, template: best.template.id, opens: best.template.opens, closes: best.template.closes,
      staff: day.staff, served: day.served, offered: best.offered.length, bound: boundOf(day.bundle),
    });
  }
  return chosen.sort((a, b) => a.date.localeCompare(b.date) || a.site.name.localeCompare(b.site.name));
}

/** Why a person no proposal could serve is out of reach, or `not_planned` for one it could. */
function reasonFor(input: ProposalInput, person: WaitingDemand, covers: Readonly<Record<string, readonly string[]>>, attorneys: ReadonlySet<string>): UnservedReason {
  const sites = input.sites.filter((t) => inReach(t.site, person) && Object.hasOwn(t.caseTypes, person.caseType));
  if (sites.length === 0) return 'no_site';
  if (!input.dates.some((d) => sites.some((t) => mayTake(t, d, person)))) return 'deadline_before_dates';
  if (!served(covers, attorneys, person)) return 'nobody_covers';
  return 'not_planned';
}

/** A kind of newcomer: a role, their languages, and the county they would work in. */
type Kind = Pick<ExtraVolunteer, 'role' | 'languages' | 'county'>;

/** The newcomer of a kind, free on every date, handling every case type, living in the county. */
function newcomer(kind: Kind, n: number): PoolMember {
  return { id: `~extra-${n}`, role: kind.role, languages: [...kind.languages], caseTypes: [], home: kind.county, booked: [] };
}

/** The kinds of newcomer worth trying for the people left unserved, by county and first language, most people first. */
function extraKinds(input: ProposalInput, left: readonly WaitingDemand[], limit: number): Kind[] {
  const groups = new Map<string, { county: string; language: string; complex: number; count: number }>();
  for (const p of left) {
    const county = p.county ?? '';
    const key = `${fold(county)}|${p.languages[0]}`;
    const g = groups.get(key) ?? { county, language: p.languages[0]!, complex: 0, count: 0 };
    g.count += 1;
    if (p.complexity === 'complex') g.complex += 1;
    groups.set(key, g);
  }
  const kinds: Kind[] = [];
  const ordered = [...groups.values()].sort((a, b) => b.count - a.count || a.county.localeCompare(b.county) || a.language.localeCompare(b.language));
  for (const g of ordered) {
    // The roster's most common language in the county (English where nobody is known): an interpreter's other language.
    const counts = new Map<string, number>();
    for (const m of input.pool) {
      if (m.role === 'interpreter' || fold(m.home) !== fold(g.county)) continue;
      for (const l of m.languages) counts.set(l, (counts.get(l) ?? 0) + 1);
    }
    const common = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'en';
    if (common !== g.language) kinds.push({ role: 'interpreter', languages: [g.language, common], county: g.county });
    kinds.push({ role: g.complex * 2 >= g.count ? 'attorney' : 'form_filler', languages: [g.language], county: g.county });
    kinds.push({ role: g.complex * 2 >= g.count ? 'form_filler' : 'attorney', languages: [g.language], county: g.county });
  }
  return kinds.slice(0, limit);
}

/**
 * People a newcomer of a kind at each of the county's proposed workshops would serve more (or,
 * where the county has none, at its best candidate): each workshop planned again with its
 * roster, the newcomer, and the county's people still unserved it could take.
 */
function gainFrom(input: ProposalInput, rules: SeasonRules, proposal: readonly ProposedWorkshop[], kind: Kind, n: number): number {
  const season = new Season(input, rules);
  for (const w of proposal) {
    for (const id of w.served) season.served.add(id);
    for (const id of w.staff) season.book(id, w.date);
    season.take(w.date, w.site.county);
  }
  const extra = newcomer(kind, n);
  const mine = proposal.filter((w) => fold(w.site.county) === fold(kind.county));
  if (mine.length === 0) {
    const best = input.sites.filter((t) => fold(t.site.county) === fold(kind.county))
      .flatMap((t) => input.dates.filter((d) => season.open(d, t.site.county)).map((d) => candidateAt(season, t, d, [extra]))).sort(better)[0];
    return best && best.worth > 0 ? planDay(best).served.length : 0;
  }
  const members = new Map(input.pool.map((m) => [m.id, m]));
  let more = 0;
  for (const w of mine) {
    const template = input.sites.find((t) => t.id === w.template)!;
    const roster = [...w.staff.map((id) => members.get(id)!), extra];
    const had = new Set(w.served);
    const offered = [...input.demand.filter((p) => had.has(p.id)), ...input.demand.filter((p) => !season.served.has(p.id) && mayTake(template, w.date, p))];
    const day = planDay({ template, date: w.date, roster, offered, invited: offered, worth: 0 });
    for (const id of day.served) season.served.add(id);
    more += day.served.length - had.size;
  }
  return Math.max(0, more);
}

/** The season's proposal (see the module's comment). */
export function proposeSeason(input: ProposalInput): Proposal {
  const rules = input.rules ?? DEFAULT_SEASON_RULES;
  const minimum = Math.max(1, input.minimum ?? DEFAULT_MINIMUM);
  const season = new Season(input, rules);
  const workshops = grow(season, minimum, input.most ?? DEFAULT_MOST);
  const caseTypes = [...new Set(input.sites.flatMap((t) => Object.keys(t.caseTypes)))];
  const covers = coverage(caseTypes, input.pool);
  const attorneys = attorneyTypes(caseTypes, input.pool);
  const unserved = input.demand.filter((p) => !season.served.has(p.id))
    .map((p) => ({ person: p.id, reason: reasonFor(input, p, covers, attorneys) }));
  const reachable = input.demand.length - unserved.filter((u) => u.reason !== 'not_planned').length;
  const left = new Set(unserved.filter((u) => u.reason === 'nobody_covers' || u.reason === 'not_planned').map((u) => u.person));
  const kinds = extraKinds(input, input.demand.filter((p) => left.has(p.id)), input.extraLimit ?? DEFAULT_EXTRA);
  const extra = kinds.map((kind, n) => ({ ...kind, more: gainFrom(input, rules, workshops, kind, n) }))
    .filter((x) => x.more > 0).sort((a, b) => b.more - a.more || a.county.localeCompare(b.county) || a.role.localeCompare(b.role));
  return { workshops, waiting: input.demand.length, served: season.served.size, bound: reachable, unserved, extra };
}
