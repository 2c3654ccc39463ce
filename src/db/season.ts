/**
 * What the season's pages read: the workshops an account may see, each with its site, counts and
 * plan, and every roster line's e-mail and offered hours (never a name), in a few queries for
 * all of them at once.
 */
import { and, asc, between, eq, inArray, isNotNull, max, sql } from 'drizzle-orm';
import { VISIT_STATIONS, clockToElapsed, elapsedFromClock, parseClock } from '../domain/index.js';
import type { SeasonEvent } from '../season/index.js';
import { visibleTo, windowsFromText } from './events.js';
import type { Db } from './index.js';
import { applicants, eventHours, events, planItems, plans, rosterEntries, sites, volunteers, waitlist } from './schema.js';

/** One workshop of the season as its pages list it. */
export interface SeasonWorkshopRow {
  key: number;
  id: string;
  name: string;
  date: string;
  timezone: string;
  opens: string;
  closes: string;
  site: string | null;
  address: string | null;
  county: string | null;
  setting: string | null;
  applicants: number;
  volunteers: number;
  purgedAt: string | null;
  /** The latest plan version and how many it schedules; the version published last. */
  latest: { version: number; scheduled: number } | null;
  published: number | null;
}

/**
 * A mark of everything the season's pages show: it moves with every import, answer, change of an
 * event, new plan version or publish, and with everyone put on, moved from or taken off the
 * waitlist, and with two records confirmed as one person (kept pages are keyed by it).
 */
export function seasonMark(db: Db): string {
  const row = db.get<{ events: number; updated: string | null; plans: number; published: string | null; waiting: number; added: number | null; people: number }>(sql`select
    (select count(*) from ${events}) as events, (select max(${events.updatedAt}) from ${events}) as updated,
    (select count(*) from ${plans}) as plans, (select max(${plans.publishedAt}) from ${plans}) as published,
    (select count(*) from ${waitlist} where ${waitlist.state} = 'waiting') as waiting, (select max(${waitlist.id}) from ${waitlist}) as added,
    (select count(*) from ${volunteers}) as people`);
  return `${row.events}|${row.updated ?? ''}|${row.plans}|${row.published ?? ''}|${row.waiting}|${row.added ?? ''}|${row.people}`;
}

/** The workshops an organization runs or hosts (undefined: every one), soonest first, each with its latest and its published version. */
export function seasonWorkshops(db: Db, organizationId?: number | null, dates?: { from: string; to: string }): SeasonWorkshopRow[] {
  const found = db.select({
    key: events.id, id: events.slug, name: events.name, date: events.date, timezone: events.timezone, opens: events.opens, closes: events.closes,
    site: sites.name, address: sites.address, county: sites.county, setting: sites.setting,
    applicants: events.applicantCount, volunteers: events.volunteerCount, purgedAt: events.purgedAt,
  }).from(events).leftJoin(sites, eq(events.siteId, sites.id))
    .where(and(visibleTo(organizationId), dates ? between(events.date, dates.from, dates.to) : undefined)).orderBy(asc(events.date), asc(events.slug)).all();
  const keys = found.map((e) => e.key);
  if (keys.length === 0) return [];
  // SQLite gives a grouped row's other columns from the row that holds the max: the latest version, the one published last.
  const latest = new Map(db.select({ event: plans.eventId, version: plans.version, scheduled: plans.scheduled, last: max(plans.version) }).from(plans)
    .where(inArray(plans.eventId, keys)).groupBy(plans.eventId).all().map((r) => [r.event, { version: r.version, scheduled: r.scheduled }]));
  const published = new Map(db.select({ event: plans.eventId, version: plans.version, last: max(plans.publishedAt) }).from(plans)
    .where(and(inArray(plans.eventId, keys), isNotNull(plans.publishedAt))).groupBy(plans.eventId).all().map((r) => [r.event, r.version]));
  return found.map((e) => ({ ...e, latest: latest.get(e.key) ?? null, published: published.get(e.key) ?? null }));
}

/** The workshops as the season reads them: when and where, and every roster line's e-mail and offered hours. */
export function seasonEvents(db: Db, workshops: readonly SeasonWorkshopRow[]): SeasonEvent[] {
  const keys = workshops.map((w) => w.key);
  const lines = keys.length === 0 ? [] : db.select({ event: rosterEntries.eventId, code: rosterEntries.code, available: rosterEntries.available, email: volunteers.email, record: rosterEntries.volunteerId })
    .from(rosterEntries).innerJoin(volunteers, eq(rosterEntries.volunteerId, volunteers.id))
    .where(inArray(rosterEntries.eventId, keys)).orderBy(asc(rosterEntries.eventId), asc(rosterEntries.position)).all();
  const byEvent = new Map<number, typeof lines>();
  for (const l of lines) {
    const list = byEvent.get(l.event);
    if (list) list.push(l);
    else byEvent.set(l.event, [l]);
  }
  return workshops.map((e): SeasonEvent => {
    const clock = { date: e.date, timezone: e.timezone, opens: e.opens };
    const dayMinutes = elapsedFromClock(clock, parseClock(e.closes)!);
    const toElapsed = clockToElapsed(clock);
    const roster = byEvent.get(e.key) ?? [];
    return {
      source: e.id,
      event: { id: e.id, ...clock, dayMinutes, site: { name: e.site ?? '', address: e.address ?? undefined, county: e.county ?? undefined, setting: e.setting ?? undefined } },
      volunteers: roster.map((l) => ({ id: l.code, email: l.email ?? undefined, record: l.record, available: windowsFromText({ dayMinutes }, l.available, toElapsed) })),
      applicants: e.applicants,
      rows: new Map(roster.map((l, i) => [l.code, i + 2])),
    };
  });
}

/** One applicant the latest version of a workshop leaves out: why, and what they need (first language, case type). */
export interface LeftOut { event: number; reason: string; language: string; caseType: string }

/**
 * Who the latest version of each workshop leaves out, with the reason the planner gave and the
 * applicant's first language and case type: read inside SQLite (the plans' JSON is never parsed
 * here), for the season calendar's staffing column.
 */
export function leftOut(db: Db, keys: readonly number[]): LeftOut[] {
  if (keys.length === 0) return [];
  return db.all<LeftOut>(sql`select p.${sql.raw(plans.eventId.name)} as event, u.value ->> 'reason' as reason,
      coalesce(a.${sql.raw(applicants.languages.name)} ->> '$[0]', '') as language, coalesce(a.${sql.raw(applicants.caseType.name)}, '') as caseType
    from ${plans} p
    join (select ${plans.eventId} as event, max(${plans.version}) as version from ${plans}
      where ${inArray(plans.eventId, [...keys])} group by ${plans.eventId}) l on l.event = p.${sql.raw(plans.eventId.name)} and l.version = p.${sql.raw(plans.version.name)}
    cross join json_each(p.${sql.raw(plans.body.name)}, '$.unscheduled') u
    left join ${applicants} a on a.${sql.raw(applicants.eventId.name)} = p.${sql.raw(plans.eventId.name)} and a.${sql.raw(applicants.code.name)} = u.value ->> 'applicant'`);
}

/** One person's booking in a workshop's published plan: a visit they hold (or interpret at), and their roster line's number and organization. */
export interface PublishedBooking {
  event: number;
  code: string;
  /** The person (across workshops), and the organization their roster line names; null when the code is no longer on the roster. */
  volunteer: number | null;
  org: string | null;
  minutes: number;
}

/**
 * Every visit of the published plans of these workshops, once for its volunteer and once for its
 * interpreter, with the minutes it books: read from the plans' rows per visit (never a plan's
 * body), each joined to its roster line. Desk shifts are not visits.
 */
export function publishedBookings(db: Db, workshops: readonly SeasonWorkshopRow[]): PublishedBooking[] {
  const published = workshops.filter((w) => w.published !== null);
  // A purged workshop's visits are gone: its hours are what its purge kept.
  const purged = published.filter((w) => w.purgedAt !== null).map((w) => w.key);
  const kept = purged.length === 0 ? [] : db.select({ event: eventHours.eventId, code: eventHours.code, volunteer: eventHours.volunteerId, org: eventHours.org, minutes: eventHours.minutes })
    .from(eventHours).where(inArray(eventHours.eventId, purged)).all();
  return [...kept, ...planBookings(db, new Map(published.filter((w) => w.purgedAt === null).map((w) => [w.key, w.published!])))];
}

/** The visits of one version per workshop (workshop key → version), as bookings of their roster lines. */
export function planBookings(db: Db, wanted: ReadonlyMap<number, number>): PublishedBooking[] {
  if (wanted.size === 0) return [];
  const ids = db.select({ id: plans.id, event: plans.eventId, version: plans.version }).from(plans)
    .where(inArray(plans.eventId, [...wanted.keys()])).all().filter((p) => wanted.get(p.event) === p.version).map((p) => p.id);
  if (ids.length === 0) return [];
  const items = db.select({ event: plans.eventId, volunteer: planItems.volunteer, interpreter: planItems.interpreter, start: planItems.start, end: planItems.end })
    .from(planItems).innerJoin(plans, eq(planItems.planId, plans.id))
    .where(and(inArray(planItems.planId, ids), isNotNull(planItems.applicant), inArray(planItems.station, [...VISIT_STATIONS]))).all();
  const lines = new Map(db.select({ event: rosterEntries.eventId, code: rosterEntries.code, volunteer: rosterEntries.volunteerId, org: rosterEntries.org })
    .from(rosterEntries).where(inArray(rosterEntries.eventId, [...wanted.keys()])).all().map((l) => [`${l.event}|${l.code}`, l]));
  return items.flatMap((item) => {
    const minutes = (Date.parse(item.end) - Date.parse(item.start)) / 60_000;
    return [item.volunteer, item.interpreter].filter((code): code is string => code !== null).map((code) => {
      const line = lines.get(`${item.event}|${code}`);
      return { event: item.event, code, volunteer: line?.volunteer ?? null, org: line?.org ?? null, minutes };
    });
  });
}

/** One roster line of the season's pool: the person behind it (by their record across workshops), where, and as what. */
export interface PoolLine {
  volunteer: number; name: string; email: string | null; phone: string | null; event: number; code: string; role: string; org: string | null;
}

/** Every roster line of these workshops with the person it is (their record, matched across imports by e-mail) and their name and contacts. */
export function poolLines(db: Db, keys: readonly number[]): PoolLine[] {
  if (keys.length === 0) return [];
  return db.select({
    volunteer: rosterEntries.volunteerId, name: volunteers.name, email: volunteers.email, phone: volunteers.phone,
    event: rosterEntries.eventId, code: rosterEntries.code, role: rosterEntries.role, org: rosterEntries.org,
  })
    .from(rosterEntries).innerJoin(volunteers, eq(rosterEntries.volunteerId, volunteers.id))
    .where(inArray(rosterEntries.eventId, [...keys])).orderBy(asc(volunteers.name), asc(rosterEntries.volunteerId)).all();
}

/** One roster line of a person of the pool, anywhere in the season: the workshop's date and county, and what they did there. */
export interface PoolProfileLine {
  volunteer: number;
  name: string;
  email: string | null;
  phone: string | null;
  date: string;
  county: string | null;
  role: string;
  languages: string[];
  caseTypes: string[];
  accreditation: string | null;
  org: string | null;
  maxApplicants: number | null;
}

/**
 * Every roster line, at any workshop, of the people on the rosters of these workshops, in date
 * order: what a season proposal knows of the pool (their skills as last given, where they work,
 * the days they are taken).
 */
export function poolProfiles(db: Db, keys: readonly number[]): PoolProfileLine[] {
  if (keys.length === 0) return [];
  const people = db.selectDistinct({ id: rosterEntries.volunteerId }).from(rosterEntries).where(inArray(rosterEntries.eventId, [...keys]));
  return db.select({
    volunteer: rosterEntries.volunteerId, name: volunteers.name, email: volunteers.email, phone: volunteers.phone, date: events.date,
    county: sites.county, role: rosterEntries.role,
    languages: rosterEntries.languages, caseTypes: rosterEntries.caseTypes, accreditation: rosterEntries.accreditation, org: rosterEntries.org,
    maxApplicants: rosterEntries.maxApplicants,
  }).from(rosterEntries).innerJoin(volunteers, eq(rosterEntries.volunteerId, volunteers.id)).innerJoin(events, eq(rosterEntries.eventId, events.id))
    .leftJoin(sites, eq(events.siteId, sites.id))
    .where(inArray(rosterEntries.volunteerId, people)).orderBy(asc(events.date), asc(events.id)).all();
}

/**
 * Makes two records of one person one: every roster line and kept hour of `merged` becomes
 * `kept`'s, `kept` takes the e-mail and phone it lacks from `merged`, and `merged` is removed. One transaction.
 */
export function mergeRecords(db: Db, kept: number, merged: number): void {
  db.transaction((tx) => {
    const [a, b] = [kept, merged].map((id) => tx.select({ email: volunteers.email, phone: volunteers.phone }).from(volunteers).where(eq(volunteers.id, id)).get()!);
    tx.update(rosterEntries).set({ volunteerId: kept }).where(eq(rosterEntries.volunteerId, merged)).run();
    tx.update(eventHours).set({ volunteerId: kept }).where(eq(eventHours.volunteerId, merged)).run();
    tx.delete(volunteers).where(eq(volunteers.id, merged)).run();
    tx.update(volunteers).set({ email: a!.email ?? b!.email, phone: a!.phone ?? b!.phone }).where(eq(volunteers.id, kept)).run();
  });
}
