import { and, asc, count, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { Placeholder } from 'drizzle-orm';
import { checkWindows } from '../bundle/fields.js';
import { DEFAULT_FINISH_PROBABILITY, clockToElapsed, elapsedFromClock, elapsedToClock, parseClock, windowsText } from '../domain/index.js';
import type {
  Accreditation, Applicant, Bundle, ClinicEvent, Complexity, RedFlag, Role, Volunteer, Window,
} from '../domain/index.js';
import type { Db } from './index.js';
import { answeredWindows, latestVolunteerAnswers } from './responses.js';
import {
  accessTokens, applicants, auditLog, eventHosts, events, organizations, plans, rosterEntries, sites, volunteers,
} from './schema.js';

type EventSettings = Pick<ClinicEvent, 'floor' | 'desks' | 'caseTypes' | 'simulation' | 'planning' | 'retention'>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function windowsFromText(event: { dayMinutes: number }, text: string, toElapsed: (minuteOfDay: number) => number): Window[] {
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

/** The organization of that name (any case, as accounts and the organizations page find it), made when there is none yet. */
function hostOrganization(tx: Tx, name: string): number {
  const found = tx.select({ id: organizations.id }).from(organizations).where(sql`lower(${organizations.name}) = lower(${name})`).get();
  return found?.id ?? tx.insert(organizations).values({ name }).returning({ id: organizations.id }).get().id;
}

const sameText = new Intl.Collator('und', { sensitivity: 'base' });
const digits = (phone: string) => phone.replace(/\D/g, '');

/** Contact details as stored for a person, or as a bundle row gives them. */
export interface Contact {
  name: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
}

/**
 * Whether two records name the same person: the same name ignoring case, accents and spacing
 * (`José  Pérez` is `jose perez`), or the same e-mail address (ignoring case), or the same
 * phone number (its digits).
 */
export function samePerson(a: Contact, b: Contact): boolean {
  if (sameText.compare(a.name.replace(/\s+/g, ''), b.name.replace(/\s+/g, '')) === 0) return true;
  if (a.email && b.email && a.email.trim().toLowerCase() === b.email.trim().toLowerCase()) return true;
  const phoneA = a.phone ? digits(a.phone) : '';
  return phoneA !== '' && b.phone !== null && b.phone !== undefined && phoneA === digits(b.phone);
}

const ROSTER_COLUMNS = ['eventId', 'volunteerId', 'code', 'position', 'role', 'languages', 'caseTypes', 'accreditation',
  'org', 'supervisor', 'available', 'maxApplicants'] as const;
const APPLICANT_COLUMNS = ['eventId', 'code', 'position', 'name', 'phone', 'email', 'languages', 'caseType', 'complexity',
  'flags', 'household', 'available', 'deadline', 'priority'] as const;

/** Values as named placeholders, one per column, for a statement prepared once and run per row. */
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

/** How a re-import met the rows already stored: kept in place, replaced by someone else, removed, added. */
interface RowChanges {
  kept: number;
  replaced: number;
  removed: number;
  added: number;
}

/**
 * Makes an event's stored rows exactly the bundle's, row by row: a code whose stored row is the
 * same person is updated in place (same id, so links to it keep working); a code that now
 * names someone else is deleted (its links die with it) and inserted anew; a code no longer in
 * the bundle is deleted. One pass over a map of the stored rows: linear in the rows.
 */
function reconcile<Row extends { id: number; code: string }, Values>(
  stored: Row[], incoming: { code: string; values: Values; same: (row: Row) => boolean }[],
  ops: { update: (id: number, values: Values) => void; remove: (id: number) => void; add: (values: Values) => void },
): RowChanges {
  const byCode = new Map(stored.map((row) => [row.code, row]));
  const changes: RowChanges = { kept: 0, replaced: 0, removed: 0, added: 0 };
  for (const { code, values, same } of incoming) {
    const row = byCode.get(code);
    byCode.delete(code);
    if (row && same(row)) {
      ops.update(row.id, values);
      changes.kept += 1;
      continue;
    }
    if (row) {
      ops.remove(row.id);
      changes.replaced += 1;
    } else {
      changes.added += 1;
    }
    ops.add(values);
  }
  for (const row of byCode.values()) ops.remove(row.id);
  changes.removed = byCode.size;
  return changes;
}

/**
 * The volunteer person of each roster row, found, updated or added. A row's person is the
 * volunteer with its e-mail address if there is one; else the person its code named at this
 * event before, if that is the same person (`samePerson`); else someone new. The person this
 * event's roster named before has their name and contacts updated from the row.
 */
function volunteerPeople(tx: Tx, bundle: Bundle, before: Map<string, { volunteerId: number } & Contact>): number[] {
  const byEmail = tx.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.email, sql.placeholder('email'))).limit(1).prepare();
  const update = tx.update(volunteers)
    .set({ name: sql.placeholder('name'), email: sql.placeholder('email'), phone: sql.placeholder('phone') } as never)
    .where(eq(volunteers.id, sql.placeholder('id'))).prepare();
  const add = tx.insert(volunteers).values(placeholders(['name', 'email', 'phone'] as const)).returning({ id: volunteers.id }).prepare();
  return bundle.volunteers.map((v) => {
    const contact = { name: v.name, email: v.email?.trim().toLowerCase() ?? null, phone: v.phone ?? null };
    const old = before.get(v.id);
    const found = contact.email ? (byEmail.get({ email: contact.email }) as { id: number } | undefined)?.id : undefined;
    const person = found ?? (old && samePerson(old, contact) ? old.volunteerId : undefined);
    if (person === undefined) return (add.get(contact) as { id: number }).id;
    if (person === old?.volunteerId) update.run({ ...contact, id: person });
    return person;
  });
}

/**
 * Stores a checked bundle in one transaction. Importing an event id that exists updates that
 * event in place: its roster and applicant list become exactly the bundle's, keeping the stored
 * row (and the links made for it) of everyone who is still the same person under the same code.
 */
export function saveBundle(db: Db, bundle: Bundle, actor: string, owner: number | null = null): SaveResult {
  const { event } = bundle;
  return db.transaction((tx) => {
    const existing = tx.select({ id: events.id }).from(events).where(eq(events.slug, event.id)).get();
    const row = { ...eventValues(tx, event), volunteerCount: bundle.volunteers.length, applicantCount: bundle.applicants.length };
    const eventId = existing
      ? (tx.update(events).set(row).where(eq(events.id, existing.id)).run(), existing.id)
      : tx.insert(events).values({ ...row, organizationId: owner }).returning({ id: events.id }).get().id;
    setHosts(tx, eventId, event.hostOrgs);

    const linksBefore = existing ? linkCount(tx, eventId) : 0;
    const clockOf = elapsedToClock(event);
    // Prepared statements run per row, and maps by code: a 100,000-row re-import stays linear.
    const storedEntries = tx.select({
      id: rosterEntries.id, code: rosterEntries.code, volunteerId: rosterEntries.volunteerId,
      name: volunteers.name, email: volunteers.email, phone: volunteers.phone,
    }).from(rosterEntries).innerJoin(volunteers, eq(rosterEntries.volunteerId, volunteers.id))
      .where(eq(rosterEntries.eventId, eventId)).all();
    const people = volunteerPeople(tx, bundle, new Map(storedEntries.map((e) => [e.code, e])));
    const rosterChanges = reconcile(storedEntries, bundle.volunteers.map((v, position) => ({
      code: v.id,
      same: (stored: { volunteerId: number }) => stored.volunteerId === people[position],
      values: {
        eventId, volunteerId: people[position]!, code: v.id, position, role: v.role, languages: v.languages,
        caseTypes: v.caseTypes, accreditation: v.accreditation ?? null, org: v.org ?? null,
        supervisor: v.supervisor ?? null, available: windowsText(event, v.available, clockOf), maxApplicants: v.maxApplicants ?? null,
      },
    })), rowStatements(tx, rosterEntries, ROSTER_COLUMNS));

    const storedApplicants = tx.select({
      id: applicants.id, code: applicants.code, name: applicants.name, email: applicants.email, phone: applicants.phone,
    }).from(applicants).where(eq(applicants.eventId, eventId)).all();
    const applicantChanges = reconcile(storedApplicants, bundle.applicants.map((a, position) => ({
      code: a.id,
      same: (stored: Contact) => samePerson(stored, a),
      values: {
        eventId, code: a.id, position, name: a.name, phone: a.phone ?? null, email: a.email ?? null,
        languages: a.languages, caseType: a.caseType, complexity: a.complexity, flags: a.flags,
        household: a.household ?? null, available: windowsText(event, a.available, clockOf), deadline: a.deadline ?? null,
        priority: a.priority,
      },
    })), rowStatements(tx, applicants, APPLICANT_COLUMNS));

    const ended = existing ? linksBefore - linkCount(tx, eventId) : 0;
    tx.insert(auditLog).values({
      actor, action: existing ? 'event.reimport' : 'event.import', eventId,
      detail: `${bundle.volunteers.length} volunteers, ${bundle.applicants.length} applicants`
        + (existing ? `; volunteers ${changeText(rosterChanges)}; applicants ${changeText(applicantChanges)}; ${ended} link${ended === 1 ? '' : 's'} ended` : ''),
    }).run();
    return {
      eventId, slug: event.id, created: !existing, volunteers: bundle.volunteers.length, applicants: bundle.applicants.length,
    };
  }, { behavior: 'immediate' });
}

/** An event's own row as a checked event gives it: its day, place and settings, changed now. */
function eventValues(tx: Tx, event: ClinicEvent) {
  const settings: EventSettings = {
    floor: event.floor, desks: event.desks, caseTypes: event.caseTypes, simulation: event.simulation, planning: event.planning,
    retention: event.retention,
  };
  return {
    slug: event.id, name: event.name, date: event.date, timezone: event.timezone, opens: event.opens,
    closes: event.closes, slotMinutes: event.slotMinutes, siteId: siteId(tx, event.site), settings,
    updatedAt: new Date().toISOString(),
  };
}

/** Makes the event's host organizations exactly these, in this order (each made when new). */
function setHosts(tx: Tx, eventId: number, hostOrgs: readonly string[]): void {
  tx.delete(eventHosts).where(eq(eventHosts.eventId, eventId)).run();
  hostOrgs.forEach((org, position) => {
    tx.insert(eventHosts).values({ eventId, organizationId: hostOrganization(tx, org), position }).onConflictDoNothing().run();
  });
}

/**
 * Stores a new event with an empty roster and no applicants, run by `owner` (an organization, or
 * none: admins only); audited as `event.create`. Answers the event's stored key.
 */
export function createEvent(db: Db, event: ClinicEvent, owner: number | null, actor: string): number {
  return db.transaction((tx) => {
    const eventId = tx.insert(events).values({ ...eventValues(tx, event), organizationId: owner }).returning({ id: events.id }).get().id;
    setHosts(tx, eventId, event.hostOrgs);
    tx.insert(auditLog).values({ actor, action: 'event.create', eventId, detail: 'no volunteers, no applicants' }).run();
    return eventId;
  }, { behavior: 'immediate' });
}

/**
 * Changes a stored event's day, place and settings (its id too, when `event.id` is another),
 * keeping its roster, applicants, plans and links. Its `updated_at` moves, so every stored plan is
 * checked again against the event as it now is. A purged event stays purged. Audited as
 * `event.update` with `detail` (which must hold no personal data).
 */
export function updateEvent(db: Db, key: number, event: ClinicEvent, owner: number | null, actor: string, detail: string): void {
  db.transaction((tx) => {
    const purged = tx.select({ at: events.purgedAt }).from(events).where(eq(events.id, key)).get()?.at ?? null;
    // Given explicitly: any other write to the row clears purged_at (a re-import is a fresh start; an edit is not).
    tx.update(events).set({ ...eventValues(tx, event), organizationId: owner, purgedAt: purged }).where(eq(events.id, key)).run();
    setHosts(tx, key, event.hostOrgs);
    tx.insert(auditLog).values({ actor, action: 'event.update', eventId: key, detail }).run();
  }, { behavior: 'immediate' });
}

/** What an event holds: what deleting it removes. */
export interface EventContents {
  volunteers: number;
  applicants: number;
  /** Stored plan versions. */
  plans: number;
  /** Slip and calendar links made for its people, revoked ones included. */
  links: number;
}

const countOf = (tx: Pick<Db, 'select'>, table: typeof rosterEntries | typeof applicants | typeof plans | typeof accessTokens, key: number) =>
  tx.select({ n: count() }).from(table).where(eq(table.eventId, key)).get()!.n;

export function eventContents(db: Pick<Db, 'select'>, key: number): EventContents {
  return {
    volunteers: countOf(db, rosterEntries, key), applicants: countOf(db, applicants, key),
    plans: countOf(db, plans, key), links: countOf(db, accessTokens, key),
  };
}

/**
 * Removes an event and everything of it in one transaction: its roster, applicants, plan
 * versions, slip and calendar links and anonymous counts, and the records (names, contacts) of
 * volunteers no other event lists. The audit log keeps a row `event.delete` with the event's id
 * and the counts only; earlier rows about the event stay, no longer linked to it.
 */
export function deleteEvent(db: Db, key: number, actor: string): EventContents & { people: number } {
  return db.transaction((tx) => {
    const slug = tx.select({ slug: events.slug }).from(events).where(eq(events.id, key)).get()!.slug;
    const contents = eventContents(tx, key);
    const listed = tx.selectDistinct({ id: rosterEntries.volunteerId }).from(rosterEntries).where(eq(rosterEntries.eventId, key)).all().map((r) => r.id);
    tx.delete(events).where(eq(events.id, key)).run();
    let people = 0;
    for (let i = 0; i < listed.length; i += 500) {
      people += tx.delete(volunteers).where(and(inArray(volunteers.id, listed.slice(i, i + 500)),
        notExists(tx.select({ one: sql`1` }).from(rosterEntries).where(eq(rosterEntries.volunteerId, volunteers.id))))).run().changes;
    }
    const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
    tx.insert(auditLog).values({
      actor, action: 'event.delete', eventId: null,
      detail: `${slug}: ${plural(contents.volunteers, 'volunteer')}, ${plural(contents.applicants, 'applicant')}, `
        + `${plural(contents.plans, 'plan version')}, ${plural(contents.links, 'link')}; ${plural(people, 'volunteer record')} no other event lists`,
    }).run();
    return { ...contents, people };
  }, { behavior: 'immediate' });
}

const changeText = (c: RowChanges) => `${c.kept} kept, ${c.replaced} replaced, ${c.removed} removed, ${c.added} added`;

/** How many personal links an event has (revoked ones too): before and after a re-import, how many it ended. */
function linkCount(tx: Tx, eventId: number): number {
  return tx.select({ n: count() }).from(accessTokens).where(eq(accessTokens.eventId, eventId)).get()!.n;
}

/** Update by id, delete by id and insert, each prepared once for a table's rows. */
function rowStatements<C extends string>(tx: Tx, table: typeof rosterEntries | typeof applicants, columns: readonly C[]) {
  const update = tx.update(table).set(placeholders(columns) as never).where(eq(table.id, sql.placeholder('id'))).prepare();
  const remove = tx.delete(table).where(eq(table.id, sql.placeholder('id'))).prepare();
  const add = tx.insert(table).values(placeholders(columns) as never).prepare();
  return {
    update: (id: number, values: Record<string, unknown>) => update.run({ ...values, id }),
    remove: (id: number) => remove.run({ id }),
    add: (values: Record<string, unknown>) => add.run(values),
  };
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

/**
 * Every event, soonest date first, with its roster and applicant counts (kept on the event, never
 * counted per request); with an organization, only the events it runs or hosts.
 */
export function listEvents(db: Db, organizationId?: number | null): EventSummary[] {
  return db.select(summaryColumns).from(events).leftJoin(sites, eq(events.siteId, sites.id))
    .where(visibleTo(organizationId)).orderBy(asc(events.date), asc(events.slug)).all();
}

/** Every event (undefined), or only those an organization runs or hosts (none: no event). */
export function visibleTo(organizationId: number | null | undefined) {
  if (organizationId === undefined) return undefined;
  const org = organizationId ?? -1;
  return sql`(${events.organizationId} = ${org} or exists (select 1 from ${eventHosts} where ${eventHosts.eventId} = ${events.id} and ${eventHosts.organizationId} = ${org}))`;
}

/** An event as the home page lists and searches it: a summary, and its site's county. */
export type EventListing = EventSummary & { county: string | null };

/** As `listEvents`, each with its site's county. */
export function listEventListings(db: Db, organizationId?: number | null): EventListing[] {
  return db.select({ ...summaryColumns, county: sites.county }).from(events).leftJoin(sites, eq(events.siteId, sites.id))
    .where(visibleTo(organizationId)).orderBy(asc(events.date), asc(events.slug)).all();
}

/**
 * The organizations that may act on a stored event: the one that runs it and its hosts.
 * Undefined when there is no such event.
 */
export function eventOrganizations(db: Db, slug: string): Set<number> | undefined {
  const rows = db.select({ own: events.organizationId, host: eventHosts.organizationId }).from(events)
    .leftJoin(eventHosts, eq(eventHosts.eventId, events.id)).where(eq(events.slug, slug)).all();
  if (rows.length === 0) return undefined;
  const ids = new Set<number>();
  for (const r of rows) {
    if (r.own !== null) ids.add(r.own);
    if (r.host !== null) ids.add(r.host);
  }
  return ids;
}

/** The organization that runs a stored event (its importing coordinator's), or null: none, or no such event. */
export function eventOwner(db: Db, eventKey: number): number | null {
  return db.select({ org: events.organizationId }).from(events).where(eq(events.id, eventKey)).get()?.org ?? null;
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

/**
 * How a stored event is read: by default with the volunteers' answers (the day as it will be);
 * `asImported`, with every volunteer's hours as the coordinator gave them, for what is shown in
 * a person's form, exported, or written back with a change (so an answer never becomes their hours).
 */
export interface BundleReading {
  asImported?: boolean;
}

/**
 * The roster of an event, in file order, as domain volunteers (names and contacts included).
 * Each volunteer's hours are as imported, read with their latest answer through their own link
 * (`answeredWindows`: one who cannot come has none, one who is late starts later), so a plan
 * check finds the visits that no longer fit and a re-plan plans around them.
 */
export function loadVolunteers(db: Db, event: ClinicEvent, eventKey: number, reading: BundleReading = {}): Volunteer[] {
  const toElapsed = clockToElapsed(event);
  const answers = reading.asImported ? new Map<number, never>() : latestVolunteerAnswers(db, eventKey);
  return db.select({ entry: rosterEntries, person: volunteers }).from(rosterEntries)
    .innerJoin(volunteers, eq(rosterEntries.volunteerId, volunteers.id))
    .where(eq(rosterEntries.eventId, eventKey)).orderBy(asc(rosterEntries.position)).all()
    .map(({ entry, person }) => {
      const v: Volunteer = {
        id: entry.code, name: person.name, role: entry.role as Role, languages: entry.languages,
        caseTypes: entry.caseTypes, available: answeredWindows(windowsFromText(event, entry.available, toElapsed), answers.get(entry.id)),
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
export function loadBundle(db: Db, slug: string, reading: BundleReading = {}): (Bundle & { key: number }) | undefined {
  const found = loadEvent(db, slug);
  if (!found) return undefined;
  const { key, event } = found;
  return { key, event, volunteers: loadVolunteers(db, event, key, reading), applicants: loadApplicants(db, event, key) };
}

/** Records who did what to which event; `detail` must never hold personal data. */
export function audit(db: Db, actor: string, action: string, slug: string | null, detail?: string): void {
  const eventId = slug === null ? null : eventRow(db, slug)?.id ?? null;
  db.insert(auditLog).values({ actor, action, eventId, detail: detail ?? null }).run();
}
