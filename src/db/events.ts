import { and, asc, eq, sql } from 'drizzle-orm';
import type { Placeholder } from 'drizzle-orm';
import { checkWindows } from '../bundle/fields.js';
import { DEFAULT_FINISH_PROBABILITY, clockToElapsed, elapsedFromClock, elapsedToClock, parseClock, windowsText } from '../domain/index.js';
import type {
  Accreditation, Applicant, Bundle, ClinicEvent, Complexity, RedFlag, Role, Volunteer, Window,
} from '../domain/index.js';
import type { Db } from './index.js';
import {
  applicants, auditLog, eventHosts, events, organizations, rosterEntries, sites, volunteers,
} from './schema.js';

type EventSettings = Pick<ClinicEvent, 'floor' | 'desks' | 'caseTypes' | 'simulation' | 'planning' | 'retention'>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function windowsFromText(event: ClinicEvent, text: string, toElapsed: (minuteOfDay: number) => number): Window[] {
  const checked = checkWindows(text);
  if (!checked.ok || checked.value.length === 0) return [{ start: 0, end: event.dayMinutes }];
  return checked.value.map((w) => ({ start: toElapsed(w.start), end: toElapsed(w.end) }));
}

function siteId(tx: Tx, site: ClinicEvent['site']): number | null {
  if (!site.name) return null;
  const address = site.address ?? null;
  const found = tx.select({ id: sites.id }).from(sites)
    .where(and(eq(sites.name, site.name), address === null ? undefined : eq(sites.address, address))).get();
  if (found) {
    tx.update(sites).set({ county: site.county ?? null, setting: site.setting ?? null }).where(eq(sites.id, found.id)).run();
    return found.id;
  }
  return tx.insert(sites).values({ name: site.name, address, county: site.county ?? null, setting: site.setting ?? null })
    .returning({ id: sites.id }).get().id;
}

function organizationId(tx: Tx, name: string): number {
  const found = tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name)).get();
  return found?.id ?? tx.insert(organizations).values({ name }).returning({ id: organizations.id }).get().id;
}

/** Finds the person behind a roster row: the same code at this event, else the same e-mail, else someone new. */
function volunteerPersonId(tx: Tx, eventId: number | null, volunteer: Volunteer): number {
  if (eventId !== null) {
    const same = tx.select({ id: rosterEntries.volunteerId }).from(rosterEntries)
      .where(and(eq(rosterEntries.eventId, eventId), eq(rosterEntries.code, volunteer.id))).get();
    if (same) {
      tx.update(volunteers).set({ name: volunteer.name, email: volunteer.email ?? null, phone: volunteer.phone ?? null })
        .where(eq(volunteers.id, same.id)).run();
      return same.id;
    }
  }
  if (volunteer.email) {
    const byEmail = tx.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.email, volunteer.email.toLowerCase())).get();
    if (byEmail) return byEmail.id;
  }
  return tx.insert(volunteers)
    .values({ name: volunteer.name, email: volunteer.email?.toLowerCase() ?? null, phone: volunteer.phone ?? null })
    .returning({ id: volunteers.id }).get().id;
}

const ROSTER_COLUMNS = ['eventId', 'volunteerId', 'code', 'position', 'role', 'languages', 'caseTypes', 'accreditation',
  'org', 'supervisor', 'available', 'maxApplicants'] as const;
const APPLICANT_COLUMNS = ['eventId', 'code', 'position', 'name', 'phone', 'email', 'languages', 'caseType', 'complexity',
  'flags', 'household', 'available', 'deadline', 'priority'] as const;

/** An insert's values as named placeholders, one per column, for a statement prepared once and run per row. */
function placeholders<C extends string>(columns: readonly C[]): Record<C, Placeholder<C>> {
  return Object.fromEntries(columns.map((c) => [c, sql.placeholder(c)])) as Record<C, Placeholder<C>>;
}

export interface SaveResult {
  eventId: number;
  slug: string;
  created: boolean;
  volunteers: number;
  applicants: number;
}

/**
 * Stores a checked bundle in one transaction. Importing an event id that exists updates that
 * event in place: its roster and applicant list become exactly the bundle's.
 */
export function saveBundle(db: Db, bundle: Bundle, actor: string): SaveResult {
  const { event } = bundle;
  return db.transaction((tx) => {
    const existing = tx.select({ id: events.id }).from(events).where(eq(events.slug, event.id)).get();
    const settings: EventSettings = {
      floor: event.floor, desks: event.desks, caseTypes: event.caseTypes, simulation: event.simulation, planning: event.planning,
      retention: event.retention,
    };
    const row = {
      slug: event.id, name: event.name, date: event.date, timezone: event.timezone, opens: event.opens,
      closes: event.closes, slotMinutes: event.slotMinutes, siteId: siteId(tx, event.site), settings,
      updatedAt: new Date().toISOString(), volunteerCount: bundle.volunteers.length, applicantCount: bundle.applicants.length,
    };
    const eventId = existing
      ? (tx.update(events).set(row).where(eq(events.id, existing.id)).run(), existing.id)
      : tx.insert(events).values(row).returning({ id: events.id }).get().id;

    tx.delete(eventHosts).where(eq(eventHosts.eventId, eventId)).run();
    event.hostOrgs.forEach((org, position) => {
      tx.insert(eventHosts).values({ eventId, organizationId: organizationId(tx, org), position }).onConflictDoNothing().run();
    });

    const people = bundle.volunteers.map((v) => volunteerPersonId(tx, existing ? eventId : null, v));
    // One prepared statement run per row: thousands of rows in milliseconds, inside the same transaction.
    const clockOf = elapsedToClock(event);
    tx.delete(rosterEntries).where(eq(rosterEntries.eventId, eventId)).run();
    const addEntry = tx.insert(rosterEntries).values(placeholders(ROSTER_COLUMNS)).prepare();
    bundle.volunteers.forEach((v, position) => addEntry.run({
      eventId, volunteerId: people[position]!, code: v.id, position, role: v.role, languages: v.languages,
      caseTypes: v.caseTypes, accreditation: v.accreditation ?? null, org: v.org ?? null,
      supervisor: v.supervisor ?? null, available: windowsText(event, v.available, clockOf), maxApplicants: v.maxApplicants ?? null,
    }));

    tx.delete(applicants).where(eq(applicants.eventId, eventId)).run();
    const addApplicant = tx.insert(applicants).values(placeholders(APPLICANT_COLUMNS)).prepare();
    bundle.applicants.forEach((a, position) => addApplicant.run({
      eventId, code: a.id, position, name: a.name, phone: a.phone ?? null, email: a.email ?? null,
      languages: a.languages, caseType: a.caseType, complexity: a.complexity, flags: a.flags,
      household: a.household ?? null, available: windowsText(event, a.available, clockOf), deadline: a.deadline ?? null,
      priority: a.priority,
    }));

    tx.insert(auditLog).values({
      actor, action: existing ? 'event.reimport' : 'event.import', eventId,
      detail: `${bundle.volunteers.length} volunteers, ${bundle.applicants.length} applicants`,
    }).run();
    return {
      eventId, slug: event.id, created: !existing, volunteers: bundle.volunteers.length, applicants: bundle.applicants.length,
    };
  }, { behavior: 'immediate' });
}

/** An event as lists show it: its day and place, and how many volunteers and applicants it has. */
export type EventSummary = Pick<ClinicEvent, 'id' | 'name' | 'date' | 'timezone' | 'opens' | 'closes'> & {
  site: string | null;
  volunteers: number;
  applicants: number;
};

const summaryColumns = {
  id: events.slug, name: events.name, date: events.date, timezone: events.timezone,
  opens: events.opens, closes: events.closes, site: sites.name, volunteers: events.volunteerCount, applicants: events.applicantCount,
};

/** Every event, soonest date first, with its roster and applicant counts (kept on the event, never counted per request). */
export function listEvents(db: Db): EventSummary[] {
  return db.select(summaryColumns).from(events).leftJoin(sites, eq(events.siteId, sites.id))
    .orderBy(asc(events.date), asc(events.slug)).all();
}

/** One event by its id from event.json, or undefined. */
export function findEvent(db: Db, slug: string): EventSummary | undefined {
  return db.select(summaryColumns).from(events).leftJoin(sites, eq(events.siteId, sites.id)).where(eq(events.slug, slug)).get();
}
function eventRow(db: Db, slug: string) {
  return db.select().from(events).where(eq(events.slug, slug)).get();
}

/** Rebuilds the domain event as the bundle reader made it. */
function toEvent(db: Db, row: NonNullable<ReturnType<typeof eventRow>>): ClinicEvent {
  const settings = row.settings as EventSettings;
  const site = row.siteId === null ? undefined : db.select().from(sites).where(eq(sites.id, row.siteId)).get();
  const hosts = db.select({ name: organizations.name }).from(eventHosts)
    .innerJoin(organizations, eq(eventHosts.organizationId, organizations.id))
    .where(eq(eventHosts.eventId, row.id)).orderBy(asc(eventHosts.position)).all();
  const clock = { date: row.date, timezone: row.timezone, opens: row.opens };
  const siteOut: ClinicEvent['site'] = { name: site?.name ?? '' };
  if (site?.address) siteOut.address = site.address;
  if (site?.county) siteOut.county = site.county;
  if (site?.setting) siteOut.setting = site.setting;
  return {
    id: row.slug, name: row.name, date: row.date, timezone: row.timezone, opens: row.opens, closes: row.closes,
    dayMinutes: elapsedFromClock(clock, parseClock(row.closes)!), slotMinutes: row.slotMinutes, site: siteOut,
    hostOrgs: hosts.map((h) => h.name), ...settings,
    // Events stored before a setting existed read as its default.
    floor: settings.floor ?? 'stations',
    planning: {
      ...settings.planning,
      selection: settings.planning.selection ?? 'fair',
      finishProbability: settings.planning.finishProbability ?? DEFAULT_FINISH_PROBABILITY,
    },
  };
}

/** The roster of an event, in file order, as domain volunteers (names and contacts included). */
export function loadVolunteers(db: Db, event: ClinicEvent, eventKey: number): Volunteer[] {
  const toElapsed = clockToElapsed(event);
  return db.select({ entry: rosterEntries, person: volunteers }).from(rosterEntries)
    .innerJoin(volunteers, eq(rosterEntries.volunteerId, volunteers.id))
    .where(eq(rosterEntries.eventId, eventKey)).orderBy(asc(rosterEntries.position)).all()
    .map(({ entry, person }) => {
      const v: Volunteer = {
        id: entry.code, name: person.name, role: entry.role as Role, languages: entry.languages,
        caseTypes: entry.caseTypes, available: windowsFromText(event, entry.available, toElapsed),
      };
      if (person.email) v.email = person.email;
      if (person.phone) v.phone = person.phone;
      if (entry.accreditation) v.accreditation = entry.accreditation as Accreditation;
      if (entry.org) v.org = entry.org;
      if (entry.supervisor) v.supervisor = entry.supervisor;
      if (entry.maxApplicants !== null) v.maxApplicants = entry.maxApplicants;
      return v;
    });
}

/** The applicants of an event, in file order, as domain applicants. */
export function loadApplicants(db: Db, event: ClinicEvent, eventKey: number): Applicant[] {
  const toElapsed = clockToElapsed(event);
  return db.select().from(applicants).where(eq(applicants.eventId, eventKey)).orderBy(asc(applicants.position)).all()
    .map((row) => {
      const a: Applicant = {
        id: row.code, name: row.name, languages: row.languages, caseType: row.caseType,
        complexity: row.complexity as Complexity, flags: row.flags as RedFlag[],
        available: windowsFromText(event, row.available, toElapsed), priority: row.priority,
      };
      if (row.phone) a.phone = row.phone;
      if (row.email) a.email = row.email;
      if (row.household) a.household = row.household;
      if (row.deadline) a.deadline = row.deadline;
      return a;
    });
}

/** An event alone (no roster, no applicants), or undefined when there is no such event. */
export function loadEvent(db: Db, slug: string): { key: number; event: ClinicEvent } | undefined {
  const row = eventRow(db, slug);
  return row ? { key: row.id, event: toEvent(db, row) } : undefined;
}

/** The whole stored bundle of an event, or undefined when there is no such event. */
export function loadBundle(db: Db, slug: string): (Bundle & { key: number }) | undefined {
  const found = loadEvent(db, slug);
  if (!found) return undefined;
  const { key, event } = found;
  return { key, event, volunteers: loadVolunteers(db, event, key), applicants: loadApplicants(db, event, key) };
}

/** Records who did what to which event; `detail` must never hold personal data. */
export function audit(db: Db, actor: string, action: string, slug: string | null, detail?: string): void {
  const eventId = slug === null ? null : eventRow(db, slug)?.id ?? null;
  db.insert(auditLog).values({ actor, action, eventId, detail: detail ?? null }).run();
}
