import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from './index.js';
import { accessTokens, applicants, auditLog, events, rosterEntries, volunteers } from './schema.js';

export type TokenKind = 'api' | 'volunteer' | 'applicant' | 'feed';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * 256 random bits, URL-safe, starting with a letter or digit: a token that began with "-"
 * would read as an option after `taller token --revoke`.
 */
function newToken(): string {
  for (;;) {
    const token = randomBytes(32).toString('base64url');
    if (/^[A-Za-z0-9]/.test(token)) return token;
  }
}

/** What a token opens: an event, and the stored record of the person it belongs to. */
export interface TokenScope {
  eventId?: number;
  subject?: string;
  userId?: number;
  applicantId?: number;
  rosterEntryId?: number;
  label?: string;
  /** What an API token may do as its user: `read` (GET only) or `write`. */
  scope?: 'read' | 'write';
  /** ISO 8601 in UTC (`…Z`); none: it never expires. */
  expiresAt?: string;
}

/** The database, or a transaction on it: enough to add rows. */
type Writer = Pick<Db, 'insert'>;

/** Writes one audit row about a token: its kind and row number, never the token. */
function auditToken(db: Writer, actor: string, action: string, eventId: number | null, detail: string): void {
  db.insert(auditLog).values({ actor, action, eventId, detail }).run();
}

/**
 * A new unguessable token. Only its hash is stored; the audit log records that it was made
 * (its kind and row number) and by whom.
 */
export function createToken(db: Db, kind: TokenKind, scope: TokenScope = {}, actor = 'system'): string {
  return issueToken(db, kind, scope, actor).token;
}

/** A new token with its row number, audited. */
function issueToken(db: Writer, kind: TokenKind, scope: TokenScope, actor: string): { token: string; id: number } {
  const token = newToken();
  const { id } = db.insert(accessTokens).values({
    tokenHash: hash(token), kind, eventId: scope.eventId ?? null, subject: scope.subject ?? null, userId: scope.userId ?? null,
    applicantId: scope.applicantId ?? null, rosterEntryId: scope.rosterEntryId ?? null, label: scope.label ?? null,
    scope: scope.scope ?? null, expiresAt: scope.expiresAt ?? null,
  }).returning({ id: accessTokens.id }).get();
  auditToken(db, actor, 'token.create', scope.eventId ?? null,
    `${kind} token ${id}${scope.expiresAt ? `, expires ${scope.expiresAt}` : ''}`);
  return { token, id };
}

export interface TokenGrant {
  id: number;
  kind: TokenKind;
  eventId: number | null;
  subject: string | null;
  /** The applicant's stored record a slip link opens. */
  applicantId: number | null;
  /** The roster entry a volunteer's calendar link opens. */
  rosterEntryId: number | null;
  /** The account an API token acts for, and what it may do as that account. */
  userId: number | null;
  scope: 'read' | 'write' | null;
}

/** Why a token was refused: none sent, not one of ours (for that kind), or one that no longer works. */
export type TokenRefusal =
  | { reason: 'missing' }
  | { reason: 'unknown' }
  | { reason: 'revoked'; id: number; eventId: number | null }
  | { reason: 'expired'; id: number; eventId: number | null };

/** The token lookup, prepared once per database: every feed, slip and API request runs it. */
const prepareLookup = (db: Db) => db.select().from(accessTokens)
  .where(and(eq(accessTokens.tokenHash, sql.placeholder('hash')), eq(accessTokens.kind, sql.placeholder('kind'))))
  .prepare();
const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();

/** The grant behind a token, or why there is none. */
export function checkToken(db: Db, token: string, kind: TokenKind, nowIso: string): { grant: TokenGrant } | { refused: TokenRefusal } {
  if (!token) return { refused: { reason: 'missing' } };
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, lookup = prepareLookup(db));
  const row = lookup.get({ hash: hash(token), kind });
  if (!row) return { refused: { reason: 'unknown' } };
  if (row.revokedAt !== null) return { refused: { reason: 'revoked', id: row.id, eventId: row.eventId } };
  if (row.expiresAt !== null && row.expiresAt <= nowIso) return { refused: { reason: 'expired', id: row.id, eventId: row.eventId } };
  return {
    grant: {
      id: row.id, kind: row.kind as TokenKind, eventId: row.eventId, subject: row.subject,
      applicantId: row.applicantId, rosterEntryId: row.rosterEntryId,
      userId: row.userId, scope: row.scope === 'read' || row.scope === 'write' ? row.scope : null,
    },
  };
}

/** The grant behind a token, or undefined when it is unknown, revoked or expired. */
export function verifyToken(db: Db, token: string, kind: TokenKind, nowIso: string): TokenGrant | undefined {
  const checked = checkToken(db, token, kind, nowIso);
  return 'grant' in checked ? checked.grant : undefined;
}

/**
 * Records a refused token in the audit log: the kind asked for and the route, and the token's
 * row number when it was one of ours (revoked or expired); never the token itself.
 */
export function auditRefusal(db: Db, kind: TokenKind, route: string, refusal: TokenRefusal): void {
  if (refusal.reason === 'missing' || refusal.reason === 'unknown') {
    auditToken(db, 'anonymous', 'token.refused', null, `${refusal.reason === 'missing' ? 'no' : 'unknown'} ${kind} token, ${route}`);
  } else {
    auditToken(db, 'anonymous', 'token.refused', refusal.eventId, `${kind} token ${refusal.id} ${refusal.reason}, ${route}`);
  }
}

/** Revokes a token so that its link stops working at once; the audit log records which row, and by whom. */
export function revokeToken(db: Db, token: string, nowIso: string, actor = 'system'): boolean {
  const revoked = db.update(accessTokens).set({ revokedAt: nowIso })
    .where(and(eq(accessTokens.tokenHash, hash(token)), isNull(accessTokens.revokedAt)))
    .returning({ id: accessTokens.id, kind: accessTokens.kind, eventId: accessTokens.eventId }).all();
  for (const row of revoked) auditToken(db, actor, 'token.revoke', row.eventId, `${row.kind} token ${row.id}`);
  return revoked.length > 0;
}

/** A link works until the end of this many days after the event, at the site (or as long from the day it is made, if later). */
export const LINK_DAYS = 30;

/**
 * When a link made now stops working: by default the end of the 30th day after the event on
 * the site's clock, or 30 days from now if that is later (a link is never born dead); asked
 * for, a date (through the end of that day at the site) or an instant. Undefined when the
 * asked-for end is not a date or instant, or not in the future.
 */
export function linkExpiry(event: { date: string; timezone: string }, now: DateTime, asked?: string): DateTime | undefined {
  if (asked === undefined) {
    const afterEvent = DateTime.fromISO(event.date, { zone: event.timezone }).plus({ days: LINK_DAYS + 1 }).startOf('day');
    const fromNow = now.plus({ days: LINK_DAYS });
    return afterEvent > fromNow ? afterEvent : fromNow;
  }
  const end = /^\d{4}-\d{2}-\d{2}$/.test(asked)
    ? DateTime.fromISO(asked, { zone: event.timezone }).plus({ days: 1 }).startOf('day')
    : DateTime.fromISO(asked, { setZone: true });
  return end.isValid && end > now ? end : undefined;
}

/**
 * Whose personal link to make: an applicant's own link (their slip and page), a volunteer's
 * calendar feed, or a volunteer's own page (their day, their calendar, their answer).
 */
export interface LinkTarget {
  kind: 'applicant' | 'feed' | 'volunteer';
  /** The event's id from event.json. */
  event: string;
  /** The applicant's or the volunteer's code in this event's bundle. */
  code: string;
}

export interface LinkOptions {
  /** Revoke the person's earlier links of the same kind. */
  replace?: boolean;
  /** When it stops working: `YYYY-MM-DD` (through that day at the site) or an ISO 8601 instant. */
  expires?: string;
}

export type LinkOutcome =
  | { ok: true; token: string; id: number; expiresAt: string; revoked: number[] }
  | { ok: false; reason: 'not_found' | 'bad_expiry' };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Makes a personal link bound to the person's stored record (it dies with that record: removed,
 * or replaced by someone else on re-import), expiring as `linkExpiry` says, and with `replace`
 * revoking that person's earlier links of the same kind. All in one transaction, audited.
 */
export function issueLink(db: Db, target: LinkTarget, options: LinkOptions, actor: string, now = DateTime.utc()): LinkOutcome {
  return db.transaction((tx) => issueLinkIn(tx, target, options, actor, now), { behavior: 'immediate' });
}

/** Many personal links at once, each as `issueLink` makes it, all in one transaction (one disk sync for a whole export). */
export function issueLinks(db: Db, targets: readonly LinkTarget[], options: LinkOptions, actor: string, now = DateTime.utc()): LinkOutcome[] {
  return db.transaction((tx) => targets.map((target) => issueLinkIn(tx, target, options, actor, now)), { behavior: 'immediate' });
}

function issueLinkIn(tx: Tx, target: LinkTarget, options: LinkOptions, actor: string, now: DateTime): LinkOutcome {
  const event = tx.select({ id: events.id, date: events.date, timezone: events.timezone }).from(events)
    .where(eq(events.slug, target.event)).get();
  if (!event) return { ok: false, reason: 'not_found' } as const;
  const person = target.kind === 'applicant'
    ? tx.select({ id: applicants.id }).from(applicants).where(and(eq(applicants.eventId, event.id), eq(applicants.code, target.code))).get()
    : tx.select({ id: rosterEntries.id }).from(rosterEntries).where(and(eq(rosterEntries.eventId, event.id), eq(rosterEntries.code, target.code))).get();
  if (!person) return { ok: false, reason: 'not_found' } as const;
  const expiry = linkExpiry(event, now, options.expires);
  if (!expiry) return { ok: false, reason: 'bad_expiry' } as const;
  const expiresAt = expiry.toUTC().toISO()!;
  const owner = target.kind === 'applicant' ? { applicantId: person.id } : { rosterEntryId: person.id };
  const ownerColumn = target.kind === 'applicant' ? accessTokens.applicantId : accessTokens.rosterEntryId;
  const revoked = options.replace
    ? tx.update(accessTokens).set({ revokedAt: now.toUTC().toISO()! })
      .where(and(eq(ownerColumn, person.id), eq(accessTokens.kind, target.kind), isNull(accessTokens.revokedAt)))
      .returning({ id: accessTokens.id }).all().map((r) => r.id)
    : [];
  const made = issueToken(tx, target.kind, { eventId: event.id, subject: target.code, ...owner, expiresAt }, actor);
  for (const id of revoked) auditToken(tx, actor, 'token.revoke', event.id, `${target.kind} token ${id}, replaced by ${made.id}`);
  return { ok: true, ...made, expiresAt, revoked } as const;
}

/** Someone of an event who may be given a personal link: their record, contacts, and until when a link of theirs works. */
export interface LinkHolder {
  kind: 'volunteer' | 'applicant';
  /** The roster entry's or the applicant's stored id. */
  recordId: number;
  code: string;
  name: string;
  email: string | null;
  phone: string | null;
  languages: string[];
  /** A volunteer's role; null for an applicant. */
  role: string | null;
  /** Whether a link of theirs (of the kind `kind` names) still works, and the latest it works until (null: never expires). */
  live: boolean;
  liveUntil: string | null;
}

/**
 * Everyone of an event in file order, volunteers first, with whether a link of theirs works now:
 * a volunteer's own link (kind `volunteer`) or an applicant's (kind `applicant`).
 */
export function linkHolders(db: Db, eventKey: number, nowIso: string): LinkHolder[] {
  const working = db.select({ kind: accessTokens.kind, entry: accessTokens.rosterEntryId, applicant: accessTokens.applicantId, expiresAt: accessTokens.expiresAt })
    .from(accessTokens).where(and(eq(accessTokens.eventId, eventKey), isNull(accessTokens.revokedAt),
      or(isNull(accessTokens.expiresAt), gt(accessTokens.expiresAt, nowIso)), inArray(accessTokens.kind, ['volunteer', 'applicant']))).all();
  const until = new Map<string, string | null>();
  for (const w of working) {
    const key = w.kind === 'volunteer' ? `v${w.entry}` : `a${w.applicant}`;
    const before = until.get(key);
    until.set(key, before === null || w.expiresAt === null ? null : before === undefined || w.expiresAt > before ? w.expiresAt : before);
  }
  const state = (key: string) => ({ live: until.has(key), liveUntil: until.get(key) ?? null });
  const roster = db.select({
    id: rosterEntries.id, code: rosterEntries.code, role: rosterEntries.role, languages: rosterEntries.languages,
    name: volunteers.name, email: volunteers.email, phone: volunteers.phone,
  }).from(rosterEntries).innerJoin(volunteers, eq(rosterEntries.volunteerId, volunteers.id))
    .where(eq(rosterEntries.eventId, eventKey)).orderBy(asc(rosterEntries.position)).all()
    .map((v) => ({ kind: 'volunteer' as const, recordId: v.id, code: v.code, name: v.name, email: v.email, phone: v.phone, languages: v.languages, role: v.role, ...state(`v${v.id}`) }));
  const people = db.select({
    id: applicants.id, code: applicants.code, name: applicants.name, email: applicants.email, phone: applicants.phone, languages: applicants.languages,
  }).from(applicants).where(eq(applicants.eventId, eventKey)).orderBy(asc(applicants.position)).all()
    .map((a) => ({ kind: 'applicant' as const, recordId: a.id, code: a.code, name: a.name, email: a.email, phone: a.phone, languages: a.languages, role: null, ...state(`a${a.id}`) }));
  return [...roster, ...people];
}

/** The stored applicant a slip link opens: its event's id and the applicant's code, or undefined once they are gone. */
export function applicantOf(db: Db, applicantId: number): { event: string; code: string } | undefined {
  return ownerQueries(db).applicant.get({ id: applicantId });
}

/** The roster entry a calendar or volunteer link opens: its event's id and the volunteer's code, or undefined once they are gone. */
export function rosterEntryOf(db: Db, rosterEntryId: number): { event: string; code: string } | undefined {
  return ownerQueries(db).rosterEntry.get({ id: rosterEntryId });
}

/** Who a link opens, prepared once per database: every slip and feed request asks. */
const prepareOwners = (db: Db) => ({
  applicant: db.select({ event: events.slug, code: applicants.code }).from(applicants)
    .innerJoin(events, eq(applicants.eventId, events.id)).where(eq(applicants.id, sql.placeholder('id'))).prepare(),
  rosterEntry: db.select({ event: events.slug, code: rosterEntries.code }).from(rosterEntries)
    .innerJoin(events, eq(rosterEntries.eventId, events.id)).where(eq(rosterEntries.id, sql.placeholder('id'))).prepare(),
});
const owners = new WeakMap<Db, ReturnType<typeof prepareOwners>>();
function ownerQueries(db: Db): ReturnType<typeof prepareOwners> {
  let queries = owners.get(db);
  if (!queries) owners.set(db, queries = prepareOwners(db));
  return queries;
}
