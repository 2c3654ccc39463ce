/**
 * The partner organizations as the admins' page reads and keeps them: each with its DOJ
 * recognition and county, how many workshops it runs or hosts, how many accounts act for it,
 * and the roster lines that name it (anonymous: a volunteer's number and role, never a name).
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from './index.js';
import { organizations, rosterEntries, sites } from './schema.js';

/** One organization with what the page counts of it. */
export interface OrganizationRow {
  id: number;
  name: string;
  dojRecognized: boolean;
  /** The last day of its recognition (YYYY-MM-DD), when one was given. */
  recognizedUntil: string | null;
  county: string | null;
  /** Workshops it runs or hosts (each once): the ones its accounts reach. */
  events: number;
  /** Its accounts that are not switched off. */
  accounts: number;
}

/** What an admin writes of an organization. */
export interface OrganizationFields {
  name: string;
  dojRecognized: boolean;
  recognizedUntil: string | null;
  county: string | null;
}

/** Every organization, by name (any case), with its workshops and accounts counted. */
export function listOrganizationRows(db: Db): OrganizationRow[] {
  // Written out with their tables' names: in a one-table select the query builder leaves a column's table off, and `id` would be the event's.
  const runsOrHosts = sql<number>`(select count(*) from events e where e.organization_id = organizations.id
    or exists (select 1 from event_hosts h where h.event_id = e.id and h.organization_id = organizations.id))`;
  const accounts = sql<number>`(select count(*) from users u where u.organization_id = organizations.id and u.disabled_at is null)`;
  return db.select({
    id: organizations.id, name: organizations.name, dojRecognized: organizations.dojRecognized, recognizedUntil: organizations.recognizedUntil,
    county: organizations.county, events: runsOrHosts, accounts,
  }).from(organizations).orderBy(sql`lower(${organizations.name})`, asc(organizations.id)).all();
}

export function findOrganization(db: Pick<Db, 'select'>, id: number): (OrganizationFields & { id: number }) | undefined {
  return db.select({
    id: organizations.id, name: organizations.name, dojRecognized: organizations.dojRecognized, recognizedUntil: organizations.recognizedUntil,
    county: organizations.county,
  }).from(organizations).where(eq(organizations.id, id)).get();
}

/** Every organization's number and name, to find one by name as people write it. */
export function organizationNames(db: Pick<Db, 'select'>): { id: number; name: string }[] {
  return db.select({ id: organizations.id, name: organizations.name }).from(organizations).all();
}

export function insertOrganization(db: Pick<Db, 'insert'>, fields: OrganizationFields): number {
  return db.insert(organizations).values(fields).returning({ id: organizations.id }).get().id;
}

export function updateOrganization(db: Pick<Db, 'update'>, id: number, fields: OrganizationFields): void {
  db.update(organizations).set(fields).where(eq(organizations.id, id)).run();
}

/**
 * Marks every workshop an organization runs or hosts as changed (its `updated_at`), so the pages
 * kept for them, their plans' checks and the season's pages are made again: they show its name.
 * Plain SQL: the event's other columns (when its personal data was purged) stay as they are.
 */
export function touchEventsOf(db: Db, organizationId: number, nowIso: string): number {
  return db.run(sql`update events set updated_at = ${nowIso} where organization_id = ${organizationId}
    or exists (select 1 from event_hosts h where h.event_id = events.id and h.organization_id = ${organizationId})`).changes;
}

/** One roster line that names an organization: whose (by number), in what role, and the organization as written. */
export interface RosterOrgLine { volunteer: number; role: string; org: string }

/** Every roster line of these roles that names an organization, across all workshops. */
export function rosterOrgLines(db: Db, roles: readonly string[]): RosterOrgLine[] {
  return db.selectDistinct({ volunteer: rosterEntries.volunteerId, role: rosterEntries.role, org: sql<string>`${rosterEntries.org}` })
    .from(rosterEntries).where(and(isNotNull(rosterEntries.org), inArray(rosterEntries.role, [...roles]))).all();
}

/** The counties the collaborative's sites and organizations name, for the form to offer. */
export function knownCounties(db: Db): string[] {
  const rows = db.all<{ county: string }>(sql`select ${sites.county} as county from ${sites} where ${sites.county} is not null
    union select ${organizations.county} from ${organizations} where ${organizations.county} is not null order by 1`);
  return rows.map((r) => r.county).filter((c) => c.trim() !== '');
}

/** A mark of every organization's name: it moves when one is added or renamed (pages that name organizations are keyed by it). */
export function organizationsMark(db: Db): string {
  const names = db.all<{ id: number; name: string }>(sql`select id, name from organizations order by id`);
  return createHash('sha256').update(JSON.stringify(names)).digest('base64url').slice(0, 16);
}
