/**
 * A season: many workshops checked as one. A volunteer is one person across the season when
 * their e-mail matches (letter case and spaces aside); one without an e-mail is only ever the
 * person of their own roster line. A person is booked at a workshop for the hours they offered
 * it (their `available` windows within its hours, or the whole day); two bookings on the same
 * day conflict when they overlap, or when the time between them is shorter than the travel from
 * one site to the other. Also: who is asked for more workshops in a month than a limit, and
 * workshops on the same day in the same county, which compete for the same applicants and
 * volunteers.
 *
 * Pure: bundles in, findings out; reading files and printing belong to the command line.
 */
import { DateTime } from 'luxon';
import { openingInstant } from '../domain/index.js';
import type { Bundle, ClinicEvent, Site, Window } from '../domain/index.js';

/** What the season needs of a workshop: when and where it is. */
export type SeasonWorkshop = Pick<ClinicEvent, 'id' | 'date' | 'timezone' | 'opens' | 'dayMinutes' | 'site'>;

/** What the season needs of a roster line: who (by e-mail) and the hours offered, as elapsed minutes from opening. */
export interface SeasonLine {
  id: string;
  email?: string;
  /** The person's stored record, for a line without an e-mail whose person a coordinator confirmed across workshops. */
  record?: number;
  available: readonly Window[];
}

/** One workshop of the season and its roster, from a bundle or from the database. */
export interface SeasonEvent {
  /** Where it came from (a bundle folder, an event id), for messages. */
  source: string;
  event: SeasonWorkshop;
  volunteers: readonly SeasonLine[];
  applicants: number;
  /** Each volunteer's row in volunteers.csv (the header is row 1). */
  rows: ReadonlyMap<string, number>;
}

/** A bundle as a workshop of the season. */
export function seasonEventOf(source: string, bundle: Bundle, rows: ReadonlyMap<string, number>): SeasonEvent {
  return { source, event: bundle.event, volunteers: bundle.volunteers, applicants: bundle.applicants.length, rows };
}

/** Travel between sites, in minutes, and the load past which a person is warned about. */
export interface SeasonRules {
  /** Between two sites in the same county (the same site: none). */
  sameCountyMinutes: number;
  /** Between sites in different counties, or where a county is not given. */
  otherCountyMinutes: number;
  /** Minutes between two counties, either way round, overriding the defaults (keys from countyPair). */
  pairs: ReadonlyMap<string, number>;
  /** Workshops in one calendar month past which a person is warned about (a warning, never a refusal). */
  monthlyLimit: number;
}

/**
 * Taller's defaults, for a collaborative that has set none: an hour's drive within a county and
 * two between counties (a rural county of the Central Valley is 60 miles across), and at most
 * four workshops a month (one a week) per person.
 */
export const DEFAULT_SEASON_RULES: SeasonRules = {
  sameCountyMinutes: 60,
  otherCountyMinutes: 120,
  pairs: new Map(),
  monthlyLimit: 4,
};

/** Text as the season compares it (counties, sites, e-mails): letter case, spacing and Unicode forms aside; none is empty. */
export const fold = (text: string | undefined) => (text ?? '').normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** The key of two counties in either order. */
export function countyPair(a: string, b: string): string {
  return [fold(a), fold(b)].sort().join('|');
}

/** Who a roster line is across the season: their e-mail, or (without one) their stored record, or that line alone. */
export function personOf(event: SeasonEvent, volunteer: SeasonLine): string {
  const email = volunteer.email ? fold(volunteer.email) : '';
  if (email !== '') return `email:${email}`;
  return volunteer.record !== undefined ? `record:${volunteer.record}` : `line:${event.source}#${volunteer.id}`;
}

const sameSite = (a: Site, b: Site) =>
  fold(a.name) === fold(b.name) && fold(a.address) === fold(b.address);

/** Minutes to go from one site to the other under the rules. */
export function travelMinutes(a: Site, b: Site, rules: SeasonRules): number {
  return sameSite(a, b) ? 0 : countyMinutes(a.county, b.county, rules);
}

/** Minutes from somewhere in one county to somewhere in another (or the same) under the rules; a county not given is another county. */
export function countyMinutes(a: string | undefined, b: string | undefined, rules: SeasonRules): number {
  if (a && b) {
    const set = rules.pairs.get(countyPair(a, b));
    if (set !== undefined) return set;
    if (fold(a) === fold(b)) return rules.sameCountyMinutes;
  }
  return rules.otherCountyMinutes;
}

/** A person's time at one workshop: from the start of their first offered window to the end of their last, within its hours. */
export interface Booking {
  /** Index of the workshop in the season. */
  event: number;
  volunteer: SeasonLine;
  person: string;
  /** Instants, epoch milliseconds. */
  start: number;
  end: number;
}

/** Each volunteer's booking at each workshop (none for one whose windows all lie outside its hours). */
export function bookingsOf(events: readonly SeasonEvent[]): Booking[] {
  const bookings: Booking[] = [];
  events.forEach((e, index) => {
    const opening = openingInstant(e.event).toMillis();
    const day = e.event.dayMinutes;
    for (const v of e.volunteers) {
      const inside = v.available.map((w) => ({ start: Math.max(0, w.start), end: Math.min(day, w.end) })).filter((w) => w.end > w.start);
      if (inside.length === 0) continue;
      const start = Math.min(...inside.map((w) => w.start));
      const end = Math.max(...inside.map((w) => w.end));
      bookings.push({ event: index, volunteer: v, person: personOf(e, v), start: opening + start * 60_000, end: opening + end * 60_000 });
    }
  });
  return bookings;
}

/** One person booked at two workshops they cannot both reach. */
export interface Conflict {
  person: string;
  /** The earlier-starting booking, and the other. */
  first: Booking;
  second: Booking;
  /** Travel between the two sites under the rules, and the minutes between the bookings (negative: they overlap). */
  travel: number;
  gap: number;
}

/**
 * Every pair of bookings of one person at two different workshops whose gap is shorter than
 * the travel between them, in the order of the later workshop's argument, then of its roster.
 */
export function seasonConflicts(events: readonly SeasonEvent[], rules: SeasonRules = DEFAULT_SEASON_RULES): Conflict[] {
  const byPerson = new Map<string, Booking[]>();
  for (const b of bookingsOf(events)) {
    if (b.person.startsWith('line:')) continue;
    const list = byPerson.get(b.person);
    if (list) list.push(b);
    else byPerson.set(b.person, [b]);
  }
  const conflicts: Conflict[] = [];
  for (const [person, list] of byPerson) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.start - b.start || a.event - b.event);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.event === b.event) continue;
        const travel = travelMinutes(events[a.event]!.event.site, events[b.event]!.event.site, rules);
        // Sorted by start, so b starts no earlier than a; once b starts a day's travel after a ends, later ones do too.
        if (b.start - a.end >= (travel + 24 * 60) * 60_000) break;
        const gap = Math.round((b.start - a.end) / 60_000);
        if (gap < travel) conflicts.push({ person, first: a, second: b, travel, gap });
      }
    }
  }
  const later = (c: Conflict) => (c.first.event > c.second.event ? c.first : c.second);
  return conflicts.sort((x, y) => later(x).event - later(y).event
    || rowOf(events, later(x)) - rowOf(events, later(y)) || x.first.start - y.first.start);
}

/** Where a booking's line is on its roster. */
const rowOf = (events: readonly SeasonEvent[], b: Booking) => events[b.event]!.volunteers.indexOf(b.volunteer);

/** A person asked for more workshops in one month than the limit. */
export interface Overload {
  person: string;
  /** `YYYY-MM`, on the workshops' own calendars. */
  month: string;
  /** Their bookings that month, in date order. */
  bookings: Booking[];
}

export function overloads(events: readonly SeasonEvent[], rules: SeasonRules = DEFAULT_SEASON_RULES): Overload[] {
  const groups = new Map<string, Booking[]>();
  for (const b of bookingsOf(events)) {
    if (b.person.startsWith('line:')) continue;
    const key = `${b.person}\u0000${events[b.event]!.event.date.slice(0, 7)}`;
    const list = groups.get(key);
    if (list) list.push(b);
    else groups.set(key, [b]);
  }
  const found: Overload[] = [];
  for (const [key, list] of groups) {
    const distinct = new Set(list.map((b) => b.event));
    if (distinct.size <= rules.monthlyLimit) continue;
    const [person, month] = key.split('\u0000') as [string, string];
    found.push({ person, month, bookings: list.sort((a, b) => a.start - b.start) });
  }
  return found.sort((a, b) => a.month.localeCompare(b.month) || a.person.localeCompare(b.person));
}

/** Workshops on the same day in the same county: they draw on the same applicants and volunteers. */
export interface Competition {
  date: string;
  county: string;
  /** Indexes of the workshops, in argument order. */
  events: number[];
}

export function competingEvents(events: readonly SeasonEvent[]): Competition[] {
  const groups = new Map<string, { date: string; county: string; events: number[] }>();
  events.forEach((e, index) => {
    const { date, site } = e.event;
    if (!site.county) return;
    const key = `${date}|${fold(site.county)}`;
    const group = groups.get(key);
    if (group) group.events.push(index);
    else groups.set(key, { date, county: site.county, events: [index] });
  });
  return [...groups.values()].filter((g) => g.events.length > 1).sort((a, b) => a.date.localeCompare(b.date) || a.county.localeCompare(b.county));
}

/** What the season holds, by month and county, and its pool of people. */
export interface SeasonSummary {
  workshops: number;
  first: string | null;
  last: string | null;
  applicants: number;
  /** Roster lines, and the people they are (by e-mail; a line without one is one person). */
  volunteerLines: number;
  people: number;
  withoutEmail: number;
  /** People on the rosters of more than one workshop. */
  shared: number;
  months: { month: string; workshops: number; applicants: number; volunteerLines: number }[];
  counties: { county: string; setting: string; workshops: number; applicants: number }[];
}

export function seasonSummary(events: readonly SeasonEvent[]): SeasonSummary {
  const dates = events.map((e) => e.event.date).sort();
  const eventsOf = new Map<string, Set<number>>();
  let withoutEmail = 0;
  events.forEach((e, index) => {
    for (const v of e.volunteers) {
      const person = personOf(e, v);
      if (person.startsWith('line:')) withoutEmail++;
      const set = eventsOf.get(person);
      if (set) set.add(index);
      else eventsOf.set(person, new Set([index]));
    }
  });
  const months = new Map<string, SeasonSummary['months'][number]>();
  const counties = new Map<string, SeasonSummary['counties'][number]>();
  for (const e of events) {
    const { date, site } = e.event;
    const month = months.get(date.slice(0, 7)) ?? { month: date.slice(0, 7), workshops: 0, applicants: 0, volunteerLines: 0 };
    month.workshops++;
    month.applicants += e.applicants;
    month.volunteerLines += e.volunteers.length;
    months.set(month.month, month);
    const name = site.county ?? '(no county)';
    const county = counties.get(fold(name)) ?? { county: name, setting: site.setting ?? '', workshops: 0, applicants: 0 };
    county.workshops++;
    county.applicants += e.applicants;
    if (!county.setting && site.setting) county.setting = site.setting;
    counties.set(fold(name), county);
  }
  return {
    workshops: events.length,
    first: dates[0] ?? null,
    last: dates[dates.length - 1] ?? null,
    applicants: events.reduce((n, e) => n + e.applicants, 0),
    volunteerLines: events.reduce((n, e) => n + e.volunteers.length, 0),
    people: eventsOf.size,
    withoutEmail,
    shared: [...eventsOf.values()].filter((s) => s.size > 1).length,
    months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    counties: [...counties.values()].sort((a, b) => b.workshops - a.workshops || a.county.localeCompare(b.county)),
  };
}

/** A conflict as it is said: at the later workshop's roster line, naming both workshops. */
export interface ConflictLine {
  /** The workshop whose line it is said at (the later of the two in the season's order), and the line's row. */
  event: number;
  row: number;
  message: string;
}

/**
 * Says a conflict at the roster line of the later workshop of the two (in the season's order):
 * who, where and when at each, and why they cannot be at both. `lineOf` names the other line
 * ("at FILE:ROW", or "on a roster already stored").
 */
export function conflictLine(events: readonly SeasonEvent[], c: Conflict, lineOf: (event: number, volunteer: string) => string): ConflictLine {
  const [earlier, later] = c.first.event < c.second.event ? [c.first, c.second] : [c.second, c.first];
  const where = (b: Booking) => {
    const { event } = events[b.event]!;
    const at = (ms: number) => DateTime.fromMillis(ms, { zone: event.timezone }).toFormat('HH:mm');
    return `${event.id} (${event.site.county ? `${event.site.county} County, ` : ''}${event.date} ${at(b.start)}-${at(b.end)})`;
  };
  const why = c.gap < 0
    ? 'the two overlap'
    : `${c.gap} minute${c.gap === 1 ? '' : 's'} apart, and the travel between the sites takes ${c.travel}`;
  return {
    event: later.event,
    row: events[later.event]!.rows.get(later.volunteer.id) ?? 1,
    message: `${later.volunteer.id} is booked at ${where(later)} and, by the same e-mail as ${earlier.volunteer.id} ${lineOf(earlier.event, earlier.volunteer.id)}, at ${where(earlier)}: ${why}`,
  };
}
