/**
 * Browser sessions and forms: @fastify/cookie, @fastify/formbody, @fastify/session with the
 * sessions kept in SQLite (by the hash of the cookie's id), and @fastify/csrf-protection (a
 * secret in a signed cookie, a token in every form). The secret that signs cookies is made at
 * the first start and kept in the database.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import session from '@fastify/session';
import type { SessionStore } from '@fastify/session';
import csrf from '@fastify/csrf-protection';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { settings } from '../db/schema.js';
import { deleteSession, readSession, writeSession } from '../db/users.js';

declare module 'fastify' {
  interface Session {
    /** The signed-in account. */
    userId?: number;
    /** When the session's lifetime was last renewed (ms since 1970); see RENEW_MINUTES. */
    renewedAt?: number;
  }
  interface FastifyRequest {
    /** A form token read from a file upload's first field (see checkUploadToken), which no body parser sets. */
    formToken?: string;
  }
}

/** How long a signed-in session lasts without a visit: a workshop day, with room. */
export const SESSION_HOURS = 12;
export const SESSION_COOKIE = 'taller_session';
/**
 * A visit renews a session's lifetime (stored row and cookie) when the last renewal is older than
 * this: a signed-in coordinator's session is written at most every few minutes, not on every view.
 */
export const RENEW_MINUTES = 10;

const idHash = (id: string) => createHash('sha256').update(id).digest('hex');

/** The secret that signs cookies: made once, kept in the database (so sessions survive a restart). */
export function cookieSecret(db: Db): string {
  const kept = db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'cookie_secret')).get();
  if (kept) return kept.value;
  const made = randomBytes(32).toString('base64url');
  db.insert(settings).values({ key: 'cookie_secret', value: made }).onConflictDoNothing().run();
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'cookie_secret')).get()!.value;
}

/** Sessions in SQLite: only the hash of a session's id is stored, so a copied database opens none. */
export function sqliteSessions(db: Db): SessionStore {
  return {
    get(id, callback) {
      try {
        const row = readSession(db, idHash(id), new Date().toISOString());
        callback(null, row ? JSON.parse(row.data) : null);
      } catch (err) {
        callback(err);
      }
    },
    set(id, value, callback) {
      try {
        const expires = value.cookie.expires ?? new Date(Date.now() + SESSION_HOURS * 3_600_000);
        writeSession(db, idHash(id), value.userId ?? null, JSON.stringify(value), new Date(expires).toISOString());
        callback();
      } catch (err) {
        callback(err);
      }
    },
    destroy(id, callback) {
      try {
        deleteSession(db, idHash(id));
        callback();
      } catch (err) {
        callback(err);
      }
    },
  };
}

/** Registers cookies, form bodies, sessions and form tokens on the app. */
export async function registerSessions(app: FastifyInstance, db: Db): Promise<void> {
  const secret = cookieSecret(db);
  await app.register(cookie, { secret });
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(session, {
    secret,
    cookieName: SESSION_COOKIE,
    store: sqliteSessions(db),
    // Nobody gets a session (or a row) until they sign in.
    saveUninitialized: false,
    // Renewed by the hook below, not on every response (each save is a disk write).
    rolling: false,
    // `secure: 'auto'`: Secure whenever the request came over TLS (through a trusted proxy, its header says so).
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: SESSION_HOURS * 3_600_000 },
  });
  app.addHook('onRequest', async (request) => {
    const kept = request.session;
    if (kept?.userId === undefined) return;
    const now = Date.now();
    if (now - (kept.renewedAt ?? 0) < RENEW_MINUTES * 60_000) return;
    kept.touch();
    kept.renewedAt = now;
  });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'taller_form',
    cookieOpts: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', signed: true },
    getToken: (request) => request.formToken ?? (request.body as { _csrf?: string } | undefined)?._csrf ?? (request.headers['x-csrf-token'] as string | undefined),
  });
}
