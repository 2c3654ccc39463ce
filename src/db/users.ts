import { and, asc, count, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from './index.js';
import { accessTokens, organizations, sessions, users } from './schema.js';

/** What an account may do: every event and the site (`admin`), its organization's events (`coordinator`), or read them (`viewer`). */
export type Role = 'admin' | 'coordinator' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'coordinator', 'viewer'];

/** An account as the server acts on it: never its password hash. */
export interface Account {
  id: number;
  email: string;
  name: string;
  role: Role;
  organizationId: number | null;
  organization: string | null;
  createdAt: string;
  disabledAt: string | null;
}

const accountColumns = {
  id: users.id, email: users.email, name: users.name, role: users.role, organizationId: users.organizationId,
  organization: organizations.name, createdAt: users.createdAt, disabledAt: users.disabledAt,
};

const accounts = (db: Db) => db.select(accountColumns).from(users).leftJoin(organizations, eq(users.organizationId, organizations.id));

/** How many accounts there are (none: the first start, when the setup page is open). */
export function countUsers(db: Db): number {
  return db.select({ n: count() }).from(users).get()!.n;
}

/**
 * The reads every signed-in view makes (its session, then its account), prepared once per
 * database: built per call, their SQL cost more than the rest of a kept page's view.
 */
const prepareViews = (db: Db) => ({
  account: accounts(db).where(eq(users.id, sql.placeholder('id'))).prepare(),
  session: db.select({ userId: sessions.userId, data: sessions.data }).from(sessions)
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now')))).prepare(),
});
const preparedViews = new WeakMap<Db, ReturnType<typeof prepareViews>>();
const viewsOf = (db: Db) => {
  let prepared = preparedViews.get(db);
  if (!prepared) preparedViews.set(db, prepared = prepareViews(db));
  return prepared;
};

export function findAccount(db: Db, id: number): Account | undefined {
  return viewsOf(db).account.get({ id }) as Account | undefined;
}

/** The account and its password hash, by e-mail (any case), for signing in. */
export function findSignIn(db: Db, email: string): (Account & { passwordHash: string | null }) | undefined {
  return db.select({ ...accountColumns, passwordHash: users.passwordHash }).from(users)
    .leftJoin(organizations, eq(users.organizationId, organizations.id))
    .where(eq(users.email, email.trim().toLowerCase())).get() as (Account & { passwordHash: string | null }) | undefined;
}

export function listAccounts(db: Db): Account[] {
  return accounts(db).orderBy(asc(users.name), asc(users.id)).all() as Account[];
}

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  organizationId: number | null;
  passwordHash: string | null;
}

export function insertAccount(db: Pick<Db, 'insert'>, account: NewAccount): number {
  return db.insert(users).values({ ...account, email: account.email.trim().toLowerCase() }).returning({ id: users.id }).get().id;
}

export function updateAccount(db: Db, id: number, change: Partial<Pick<NewAccount, 'name' | 'role' | 'organizationId' | 'passwordHash'>> & { disabledAt?: string | null }): boolean {
  return db.update(users).set(change).where(eq(users.id, id)).run().changes > 0;
}

/** The organization of that name (any case), made when there is none yet. */
export function organizationNamed(db: Pick<Db, 'select' | 'insert'>, name: string): number {
  const trimmed = name.trim();
  const found = db.select({ id: organizations.id }).from(organizations).where(sql`lower(${organizations.name}) = lower(${trimmed})`).get();
  return found?.id ?? db.insert(organizations).values({ name: trimmed }).returning({ id: organizations.id }).get().id;
}

export function listOrganizations(db: Db): { id: number; name: string }[] {
  return db.select({ id: organizations.id, name: organizations.name }).from(organizations).orderBy(asc(organizations.name)).all();
}

/** A stored session: whose it is and its fields, while it has not expired. */
export function readSession(db: Db, idHash: string, nowIso: string): { userId: number | null; data: string } | undefined {
  return viewsOf(db).session.get({ id: idHash, now: nowIso });
}

export function writeSession(db: Db, idHash: string, userId: number | null, data: string, expiresAt: string): void {
  db.insert(sessions).values({ id: idHash, userId, data, expiresAt })
    .onConflictDoUpdate({ target: sessions.id, set: { userId, data, expiresAt } }).run();
}

export function deleteSession(db: Db, idHash: string): void {
  db.delete(sessions).where(eq(sessions.id, idHash)).run();
}

/** Ends every session of an account (disabled, or its password changed). */
export function deleteSessionsOf(db: Db, userId: number): number {
  return db.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}

/** Removes sessions past their end; how many. */
export function deleteExpiredSessions(db: Db, nowIso: string): number {
  return db.delete(sessions).where(lte(sessions.expiresAt, nowIso)).run().changes;
}

/** An API token as its owner sees it listed: never the token. */
export interface ApiTokenRow {
  id: number;
  userId: number | null;
  name: string | null;
  scope: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** API tokens, of one account or of all; the working ones first, newest first. */
export function listApiTokens(db: Db, userId?: number): ApiTokenRow[] {
  return db.select({
    id: accessTokens.id, userId: accessTokens.userId, name: accessTokens.label, scope: accessTokens.scope,
    createdAt: accessTokens.createdAt, expiresAt: accessTokens.expiresAt, revokedAt: accessTokens.revokedAt,
  }).from(accessTokens)
    .where(userId === undefined ? eq(accessTokens.kind, 'api') : and(eq(accessTokens.kind, 'api'), eq(accessTokens.userId, userId)))
    .orderBy(sql`${accessTokens.revokedAt} is not null`, sql`${accessTokens.id} desc`).all();
}

/** Revokes an API token by its row number (of that account, when one is named); whether one was revoked. */
export function revokeApiToken(db: Db, id: number, nowIso: string, userId?: number): { eventId: number | null } | undefined {
  const owner = userId === undefined ? sql`1 = 1` : eq(accessTokens.userId, userId);
  return db.update(accessTokens).set({ revokedAt: nowIso })
    .where(and(eq(accessTokens.id, id), eq(accessTokens.kind, 'api'), isNull(accessTokens.revokedAt), owner))
    .returning({ eventId: accessTokens.eventId }).get();
}
