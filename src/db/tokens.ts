import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './index.js';
import { accessTokens } from './schema.js';

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

/** A new unguessable token. Only its hash is stored. */
export function createToken(db: Db, kind: TokenKind, scope: { eventId?: number; subject?: string; userId?: number } = {}): string {
  const token = newToken();
  db.insert(accessTokens).values({
    tokenHash: hash(token), kind, eventId: scope.eventId ?? null, subject: scope.subject ?? null, userId: scope.userId ?? null,
  }).run();
  return token;
}

export interface TokenGrant {
  id: number;
  kind: TokenKind;
  eventId: number | null;
  subject: string | null;
}

/** The token lookup, prepared once per database: every feed, slip and API request runs it. */
const prepareLookup = (db: Db) => db.select().from(accessTokens)
  .where(and(eq(accessTokens.tokenHash, sql.placeholder('hash')), eq(accessTokens.kind, sql.placeholder('kind')), isNull(accessTokens.revokedAt)))
  .prepare();
const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();

/** The grant behind a token, or undefined when it is unknown, revoked or expired. */
export function verifyToken(db: Db, token: string, kind: TokenKind, nowIso: string): TokenGrant | undefined {
  if (!token) return undefined;
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, lookup = prepareLookup(db));
  const row = lookup.get({ hash: hash(token), kind });
  if (!row || (row.expiresAt !== null && row.expiresAt <= nowIso)) return undefined;
  return { id: row.id, kind: row.kind as TokenKind, eventId: row.eventId, subject: row.subject };
}

/** Revokes a token so that its link stops working at once. */
export function revokeToken(db: Db, token: string, nowIso: string): boolean {
  const result = db.update(accessTokens).set({ revokedAt: nowIso })
    .where(and(eq(accessTokens.tokenHash, hash(token)), isNull(accessTokens.revokedAt))).run();
  return result.changes > 0;
}
