/**
 * The season's pages: every workshop an account may see by month, site and county, its plan
 * against its applicants, workshops competing on one day in one county, and each person booked
 * at two workshops they cannot both reach (travel included); and the public list of announced
 * workshops, the same the public feed holds. Codes and event facts only: no name, no e-mail.
 */
import { hasPublishedPlan } from '../db/plans.js';
import { countApplicants, loadEventCounts } from '../db/purge.js';
import type { Outcome } from '../db/purge.js';
import { csvText } from '../outputs/csv.js';
import { listEvents, loadEvent } from '../db/events.js';
import type { Db } from '../db/index.js';
import { leftOut, mergeRecords, poolLines, publishedBookings, seasonEvents, seasonWorkshops } from '../db/season.js';
import { auditWriter } from '../db/audit.js';
import { waitingPeople } from '../db/waitlist.js';
import { seasonRules } from './season-rules.js';
import { organizationNames } from '../db/organizations.js';
import type { SeasonWorkshopRow } from '../db/season.js';
import { sameOrg } from '../domain/index.js';
import type { Bundle, ClinicEvent } from '../domain/index.js';
import { VOLUNTEERS_FILE } from '../bundle/index.js';
import type { Problem } from '../bundle/index.js';
import { DateTime } from 'luxon';
import { DEFAULT_SEASON_RULES, competingEvents, conflictLine, overloads, seasonConflicts, seasonEventOf, seasonSummary } from '../season/index.js';
import type { SeasonRules, SeasonSummary } from '../season/index.js';
import { dateAtSite } from './events.js';

/** One side of a conflict: the workshop and the roster line, with the hours booked there. */
export interface ConflictSide { event: string; name: string; code: string; start: number; end: number; timezone: string }

export interface SeasonConflictView {
  first: ConflictSide;
  second: ConflictSide;
  /** Minutes between the two bookings (negative: they overlap), and the travel between the sites. */
  gap: number;
  travel: number;
}

export interface CalendarWorkshop extends SeasonWorkshopRow {
  /** Another workshop of the season falls on the same day in the same county. */
  competing: boolean;
  /** People booked here who cannot also reach another workshop they are booked at. */
  conflicts: number;
  /** The workshop's day has not passed on its site's clock. */
  upcoming: boolean;
  /** Who its latest version leaves out for want of people, by what they need, most first. */
  short: Shortfall[];
}

/**
 * Staffing against demand: applicants a workshop's latest version leaves out for want of a
 * volunteer, by what would have served them: someone who speaks their language (`language`),
 * a reviewer, an attorney or accredited representative, speaking it (`reviewer`), a volunteer
 * who takes their case type (`caseType`), or simply more hands for their language (`hands`).
 * Those left out for their own hours are nobody's shortfall.
 */
export interface Shortfall { need: 'language' | 'reviewer' | 'caseType' | 'hands'; language: string; caseType: string; count: number }

const NEED: Record<string, Shortfall['need']> = {
  no_language_match: 'language', no_eligible_reviewer: 'reviewer', no_competent_volunteer: 'caseType', no_capacity: 'hands',
};

/** The shortfalls of each workshop, from who its latest version leaves out. */
function shortfalls(db: Db, keys: readonly number[]): Map<number, Shortfall[]> {
  const found = new Map<number, Map<string, Shortfall>>();
  for (const row of leftOut(db, keys)) {
    const need = NEED[row.reason];
    if (!need) continue;
    const caseType = need === 'caseType' ? row.caseType : '';
    const key = `${need}|${row.language}|${caseType}`;
    const mine = found.get(row.event) ?? new Map<string, Shortfall>();
    const entry = mine.get(key) ?? { need, language: row.language, caseType, count: 0 };
    entry.count++;
    mine.set(key, entry);
    found.set(row.event, mine);
  }
  return new Map([...found].map(([event, mine]) => [event, [...mine.values()].sort((a, b) => b.count - a.count || a.need.localeCompare(b.need) || a.language.localeCompare(b.language))]));
}

export interface SeasonCalendar {
  summary: SeasonSummary;
  months: { month: string; workshops: CalendarWorkshop[] }[];
  conflicts: SeasonConflictView[];
  competing: { date: string; county: string; events: { id: string; name: string }[] }[];
  /** People asked for more workshops in a month than the limit: their roster code at the first, and the workshops. */
  heavy: { month: string; code: string; limit: number; events: { id: string; name: string }[] }[];
}

/** The season an organization's accounts see (undefined: an admin's, every workshop). */
export function seasonCalendar(db: Db, organizationId: number | null | undefined, now = new Date(), rules: SeasonRules = DEFAULT_SEASON_RULES): SeasonCalendar {
  const rows = seasonWorkshops(db, organizationId);
  const season = seasonEvents(db, rows);
  const conflicts = seasonConflicts(season, rules);
  const competing = competingEvents(season);
  const competingIndex = new Set(competing.flatMap((c) => c.events));
  const short = shortfalls(db, rows.filter((r) => r.latest !== null && r.purgedAt === null).map((r) => r.key));
  const conflictCount = new Map<number, number>();
  for (const c of conflicts) {
    for (const side of [c.first.event, c.second.event]) conflictCount.set(side, (conflictCount.get(side) ?? 0) + 1);
  }
  const side = (b: (typeof conflicts)[number]['first']): ConflictSide => ({
    event: rows[b.event]!.id, name: rows[b.event]!.name, code: b.volunteer.id, start: b.start, end: b.end, timezone: rows[b.event]!.timezone,
  });
  const months = new Map<string, CalendarWorkshop[]>();
  rows.forEach((row, i) => {
    const month = row.date.slice(0, 7);
    const list = months.get(month) ?? [];
    list.push({
      ...row, competing: competingIndex.has(i), conflicts: conflictCount.get(i) ?? 0, upcoming: row.date >= dateAtSite(row.timezone, now), short: short.get(row.key) ?? [],
    });
    months.set(month, list);
  });
  return {
    summary: seasonSummary(season),
    months: [...months].map(([month, workshops]) => ({ month, workshops })),
    conflicts: conflicts.map((c) => ({ first: side(c.first), second: side(c.second), gap: c.gap, travel: c.travel })),
    competing: competing.map((c) => ({ date: c.date, county: c.county, events: c.events.map((i) => ({ id: rows[i]!.id, name: rows[i]!.name })) })),
    heavy: overloads(season, rules).map((o) => ({
      month: o.month, code: o.bookings[0]!.volunteer.id, limit: rules.monthlyLimit,
      events: [...new Set(o.bookings.map((b) => b.event))].map((i) => ({ id: rows[i]!.id, name: rows[i]!.name })),
    })),
  };
}

/**
 * One volunteer pool: the roster lines of a workshop about to be saved that book a person (by
 * e-mail) at another stored workshop they cannot also reach, travel included, each as a problem
 * at `volunteers.csv:ROW:available` naming both workshops (an import with one is refused, as the
 * command `taller season` refuses a season), under the season's rules (an admin's travel times). `rows` gives each roster id's row. The workshop's
 * own stored self (an import again) does not count; workshops more than a day apart never clash.
 */
export function poolConflicts(db: Db, bundle: Bundle, rows: ReadonlyMap<string, number>, rules: SeasonRules = seasonRules(db)): Problem[] {
  if (!bundle.volunteers.some((v) => v.email)) return [];
  const day = (shift: number) => DateTime.fromISO(bundle.event.date).plus({ days: shift }).toISODate()!;
  const nearby = seasonWorkshops(db, undefined, { from: day(-1), to: day(1) }).filter((w) => w.id !== bundle.event.id);
  if (nearby.length === 0) return [];
  const season = [...seasonEvents(db, nearby), seasonEventOf(VOLUNTEERS_FILE, bundle, rows)];
  const mine = season.length - 1;
  return seasonConflicts(season, rules)
    .filter((c) => c.first.event === mine || c.second.event === mine)
    .map((c) => conflictLine(season, c, () => 'on a roster already stored'))
    .map((said) => ({ file: VOLUNTEERS_FILE, row: said.row, column: 'available', message: said.message }));
}

/**
 * The workshops announced to the public: those with a published plan, optionally only those an
 * organization hosts, soonest first. Event facts only: nothing is read of a roster or an
 * applicant list.
 */
export function announcedWorkshops(db: Db, org?: string): { key: number; event: ClinicEvent }[] {
  return listEvents(db).map((e) => loadEvent(db, e.id)!)
    .filter((b) => hasPublishedPlan(db, b.key) && (org === undefined || b.event.hostOrgs.some((h) => sameOrg(h, org))));
}

// ——— The season's report ———

/** One anonymous count of the report: a workshop's applicants of one case type and first language, by what their day came to. */
export interface ReportRow {
  event: string;
  date: string;
  county: string;
  setting: string;
  caseType: string;
  language: string;
  outcome: Outcome;
  count: number;
}

/**
 * Served (scheduled in the published plan), not served (left out of it), and not yet planned, of
 * one group; and how many of the group wait on the regional waitlist now (by their county, case
 * type, first language, the month they were put on it, and the setting of the workshop they came from).
 */
export interface ReportGroup { key: string; scheduled: number; unscheduled: number; unplanned: number; waiting: number }

export interface SeasonReport {
  rows: ReportRow[];
  byMonth: ReportGroup[];
  byCounty: ReportGroup[];
  bySetting: ReportGroup[];
  byCaseType: ReportGroup[];
  byLanguage: ReportGroup[];
  total: ReportGroup;
  hours: HoursReport;
}

/** One organization's volunteer hours: distinct volunteers, the workshops they were booked at, and the minutes booked. */
export interface HoursGroup {
  /** The organization as the report names it (its registered name when one matches); '' for roster lines that name none. */
  org: string;
  workshops: number;
  volunteers: number;
  minutes: number;
}

export interface HoursReport {
  /** By minutes, most first. */
  byOrg: HoursGroup[];
  total: Omit<HoursGroup, 'org'>;
  /** Workshops with a published plan whose personal data was purged before purges kept volunteer hours: their visits are gone, so their hours are not counted. */
  purged: number;
}

export const REPORT_COLUMNS = ['event', 'date', 'month', 'county', 'setting', 'case_type', 'language', 'outcome', 'count'] as const;

/**
 * Served, not served and not yet planned, by month, county, setting, case type and first
 * language, over every workshop an account may see, and who waits on the regional waitlist the
 * account sees: anonymous counts only, from the applicants while the workshop keeps them and from
 * the counts its purge kept after.
 */
export function seasonReport(db: Db, organizationId: number | null | undefined): SeasonReport {
  const workshops = seasonWorkshops(db, organizationId);
  const rows: ReportRow[] = workshops.flatMap((w) => {
    const counts = w.purgedAt !== null ? loadEventCounts(db, w.key) : countApplicants(db, w.key).counts;
    return counts.map((c) => ({
      event: w.id, date: w.date, county: w.county ?? '', setting: w.setting ?? '', caseType: c.caseType, language: c.language, outcome: c.outcome, count: c.count,
    }));
  });
  // Who waits now, as the same kind of row: their county, case type, first language, month put on the list.
  const settings = new Map(workshops.map((w) => [w.key, w.setting ?? '']));
  const waiting: Omit<ReportRow, 'outcome'>[] = waitingPeople(db, organizationId).map((p) => ({
    event: '', date: p.since, county: p.county ?? '', setting: p.fromEventId === null ? '' : settings.get(p.fromEventId) ?? '',
    caseType: p.caseType, language: p.languages[0] ?? '', count: 1,
  }));
  const empty = (key: string): ReportGroup => ({ key, scheduled: 0, unscheduled: 0, unplanned: 0, waiting: 0 });
  const groupBy = (keyOf: (r: Omit<ReportRow, 'outcome'>) => string, order: (a: ReportGroup, b: ReportGroup) => number) => {
    const groups = new Map<string, ReportGroup>();
    const group = (key: string) => {
      const found = groups.get(key) ?? empty(key);
      groups.set(key, found);
      return found;
    };
    for (const r of rows) group(keyOf(r))[r.outcome] += r.count;
    for (const w of waiting) group(keyOf(w)).waiting += w.count;
    return [...groups.values()].sort(order);
  };
  const byKey = (a: ReportGroup, b: ReportGroup) => a.key.localeCompare(b.key);
  const size = (g: ReportGroup) => g.scheduled + g.unscheduled + g.unplanned + g.waiting;
  const bySize = (a: ReportGroup, b: ReportGroup) => size(b) - size(a) || a.key.localeCompare(b.key);
  return {
    rows,
    byMonth: groupBy((r) => r.date.slice(0, 7), byKey),
    byCounty: groupBy((r) => r.county, bySize),
    bySetting: groupBy((r) => r.setting, bySize),
    byCaseType: groupBy((r) => r.caseType, bySize),
    byLanguage: groupBy((r) => r.language, bySize),
    total: groupBy(() => '', byKey)[0] ?? empty(''),
    hours: volunteerHours(db, workshops),
  };
}

/**
 * Each volunteer's booked minutes in the published plans of these workshops (their visits, as the
 * one who serves and as interpreter), by the organization their roster line names (names compared
 * as the rules compare them: any case or spacing), with how many distinct volunteers and
 * workshops: anonymous counts only. A code no longer on the roster counts under no organization.
 */
export function volunteerHours(db: Db, workshops: readonly SeasonWorkshopRow[]): HoursReport {
  const registered = organizationNames(db);
  /** Each spelling a roster line uses, and the name the report gives it: looked up once. */
  const named = new Map<string, string>();
  const groups = new Map<string, { org: string; workshops: Set<number>; volunteers: Set<string>; minutes: number }>();
  const everyone = new Set<string>();
  const booked = new Set<number>();
  for (const b of publishedBookings(db, workshops)) {
    const written = (b.org ?? '').trim();
    let org = named.get(written);
    if (org === undefined) named.set(written, org = written === '' ? '' : registered.find((o) => sameOrg(o.name, written))?.name ?? written.replace(/\s+/g, ' '));
    const key = org.toLowerCase();
    const group = groups.get(key) ?? { org, workshops: new Set(), volunteers: new Set(), minutes: 0 };
    const person = b.volunteer === null ? `${b.event}|${b.code}` : String(b.volunteer);
    group.workshops.add(b.event);
    group.volunteers.add(person);
    group.minutes += b.minutes;
    groups.set(key, group);
    everyone.add(person);
    booked.add(b.event);
  }
  const byOrg = [...groups.values()].map((g) => ({ org: g.org, workshops: g.workshops.size, volunteers: g.volunteers.size, minutes: g.minutes }))
    .sort((a, b) => b.minutes - a.minutes || a.org.localeCompare(b.org));
  return {
    byOrg,
    total: { workshops: booked.size, volunteers: everyone.size, minutes: byOrg.reduce((n, g) => n + g.minutes, 0) },
    purged: workshops.filter((w) => w.published !== null && w.purgedAt !== null && !booked.has(w.key)).length,
  };
}

export const HOURS_COLUMNS = ['organization', 'workshops', 'volunteers', 'minutes', 'hours'] as const;

/** The volunteer hours by organization as CSV, one row per organization ('' for none), hours to the hundredth. */
export function seasonHoursCsv(report: SeasonReport): string {
  return csvText(HOURS_COLUMNS, report.hours.byOrg.map((g) => [g.org, g.workshops, g.volunteers, g.minutes, Math.round((g.minutes / 60) * 100) / 100]));
}

/** The report's rows as CSV, one per workshop, case type, language and outcome (cells a spreadsheet would run as formulas written as text). */
export function seasonReportCsv(report: SeasonReport): string {
  return csvText(REPORT_COLUMNS, report.rows.map((r) => [r.event, r.date, r.date.slice(0, 7), r.county, r.setting, r.caseType, r.language, r.outcome, r.count]));
}

// ——— The volunteer pool ———

/** One person of the season's pool: their workshops, hours booked in published plans, and their busiest month. */
export interface PoolPerson {
  name: string;
  roles: string[];
  orgs: string[];
  workshops: { id: string; name: string; date: string; code: string }[];
  /** Minutes of visits booked in the published plans of those workshops (as the one who serves and as interpreter). */
  minutes: number;
  busiest: { month: string; workshops: number };
  /** More workshops in one month than the season's limit. */
  heavy: boolean;
}

/**
 * The season's volunteer pool as an account sees it: each person once (one record across
 * workshops, matched by e-mail on import), with the workshops they are on, the hours booked and
 * their load; most workshops first. Names are for the signed-in accounts of the workshops' organizations.
 */
export function seasonPool(db: Db, organizationId: number | null | undefined, rules: SeasonRules = seasonRules(db)): PoolPerson[] {
  const workshops = seasonWorkshops(db, organizationId);
  const byKey = new Map(workshops.map((w) => [w.key, w]));
  const minutes = new Map<string, number>();
  for (const b of publishedBookings(db, workshops)) {
    const line = `${b.event}|${b.code}`;
    minutes.set(line, (minutes.get(line) ?? 0) + b.minutes);
  }
  const people = new Map<number, PoolPerson & { months: Map<string, number> }>();
  for (const line of poolLines(db, workshops.map((w) => w.key))) {
    const w = byKey.get(line.event)!;
    const person = people.get(line.volunteer) ?? {
      name: line.name, roles: [] as string[], orgs: [] as string[], workshops: [] as PoolPerson['workshops'], minutes: 0,
      busiest: { month: '', workshops: 0 }, heavy: false, months: new Map<string, number>(),
    };
    if (!person.roles.includes(line.role)) person.roles.push(line.role);
    const org = (line.org ?? '').trim();
    if (org && !person.orgs.some((o) => sameOrg(o, org))) person.orgs.push(org);
    person.workshops.push({ id: w.id, name: w.name, date: w.date, code: line.code });
    person.minutes += minutes.get(`${line.event}|${line.code}`) ?? 0;
    const month = w.date.slice(0, 7);
    person.months.set(month, (person.months.get(month) ?? 0) + 1);
    people.set(line.volunteer, person);
  }
  return [...people.values()].map(({ months, ...person }) => {
    const [month, count] = [...months].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    return { ...person, workshops: person.workshops.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)), busiest: { month, workshops: count }, heavy: count > rules.monthlyLimit };
  }).sort((a, b) => b.workshops.length - a.workshops.length || b.minutes - a.minutes || a.name.localeCompare(b.name));
}

// ——— One person, two records ———

/** One side of a possible same person: their record, contacts and where they are on a roster. */
export interface RecordSide { id: number; name: string; email: string | null; phone: string | null; lines: { event: string; name: string; date: string; code: string }[] }

/** Two records that may be one person: the same name (case, accents and spacing aside) or the same phone number. */
export interface PossibleSame { kept: RecordSide; other: RecordSide; why: 'name' | 'phone' }

const nameKey = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const phoneKey = (phone: string | null) => {
  const digits = (phone ?? '').replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
  return digits.length >= 7 ? digits : '';
};

/** The records on these workshops' rosters, each with its contacts and its lines there (workshop slugs, names, dates, codes). */
function recordsOn(db: Db, workshops: readonly SeasonWorkshopRow[]): RecordSide[] {
  const byKey = new Map(workshops.map((w) => [w.key, w]));
  const records = new Map<number, RecordSide>();
  for (const l of poolLines(db, workshops.map((w) => w.key))) {
    const record = records.get(l.volunteer) ?? { id: l.volunteer, name: l.name, email: l.email, phone: l.phone, lines: [] };
    const w = byKey.get(l.event)!;
    record.lines.push({ event: w.id, name: w.name, date: w.date, code: l.code });
    records.set(l.volunteer, record);
  }
  return [...records.values()].sort((a, b) => a.id - b.id);
}

/** Two records that could be one person: never two with different e-mail addresses (those are two people). */
const mayBeOne = (a: RecordSide, b: RecordSide) => !(a.email && b.email && a.email !== b.email);

/**
 * Records on the account's workshops' rosters that may be one person, for a coordinator to
 * confirm: the same name, else the same phone, and `mayBeOne`. The record with an e-mail (else
 * the older) is the one kept.
 */
export function possibleSamePeople(db: Db, organizationId: number | null | undefined): PossibleSame[] {
  const records = recordsOn(db, seasonWorkshops(db, organizationId));
  const found = new Map<string, PossibleSame>();
  for (const [why, key] of [['name', (r: RecordSide) => nameKey(r.name)], ['phone', (r: RecordSide) => phoneKey(r.phone)]] as const) {
    const groups = new Map<string, RecordSide[]>();
    for (const r of records.filter((x) => key(x) !== '')) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    for (const group of groups.values()) {
      group.forEach((a, i) => group.slice(i + 1).filter((b) => mayBeOne(a, b) && !found.has(`${a.id}|${b.id}`)).forEach((b) => {
        const [kept, other] = !a.email && b.email ? [b, a] : [a, b];
        found.set(`${a.id}|${b.id}`, { kept, other, why });
      }));
    }
  }
  return [...found.values()];
}

export type SamePersonOutcome = 'merged' | 'not_found' | 'two_emails';

/**
 * A coordinator confirms two records are one person: both must be on the account's workshops'
 * rosters and must not hold two different e-mail addresses. On the audit log by record numbers.
 */
export async function confirmSamePerson(db: Db, organizationId: number | null | undefined, kept: number, other: number, actor: string): Promise<SamePersonOutcome> {
  if (kept === other) return 'not_found';
  const records = new Map(recordsOn(db, seasonWorkshops(db, organizationId)).map((r) => [r.id, r]));
  const [a, b] = [records.get(kept), records.get(other)];
  if (!a || !b) return 'not_found';
  if (!mayBeOne(a, b)) return 'two_emails';
  mergeRecords(db, kept, other);
  await auditWriter(db).write(actor, 'pool.same_person', null, `volunteer record #${other} is #${kept}`);
  return 'merged';
}
