/**
 * Forms on a personal link's pages (an applicant's "I'll come" or "give my place away"). They
 * are sent with the link as their only credential: no account, no session, no cookie at all, so
 * a phone shared in a family or a browser that drops cookies still works.
 *
 * Cross-site posting is stopped by a form token derived from the link: HMAC-SHA256 of the link's
 * kind and row number under a key drawn from the server's cookie secret (kept in the database).
 * The page carries it in each form; another site cannot read the page, so it cannot make a form
 * that carries it, and without the server's secret it cannot compute it. A browser that says the
 * form came from another site (`Sec-Fetch-Site: cross-site`) is refused too. The cookie-bound
 * token of signed-in forms (src/http/session.ts) is not used here: the routes say so with
 * `config.linkForm` and check this one themselves.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/index.js';
import type { TokenGrant } from '../db/tokens.js';
import { cookieSecret } from './session.js';

const keys = new WeakMap<Db, Buffer>();

/** The key link form tokens are made with: drawn from the cookie secret, for this use only. */
function keyOf(db: Db): Buffer {
  let key = keys.get(db);
  if (!key) keys.set(db, key = createHmac('sha256', cookieSecret(db)).update('taller: personal link forms').digest());
  return key;
}

/** The form token of a link's forms: the same for every form of that link, and for no other link. */
export function linkFormToken(db: Db, grant: Pick<TokenGrant, 'id' | 'kind'>): string {
  return createHmac('sha256', keyOf(db)).update(`${grant.kind}:${grant.id}`).digest('base64url');
}

/** Whether a link's form came with its token, and not from another site. */
export function checkLinkForm(request: FastifyRequest, grant: Pick<TokenGrant, 'id' | 'kind'>, sent: string | undefined): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return false;
  const want = Buffer.from(linkFormToken(request.server.store.db, grant));
  const got = Buffer.from(sent ?? '');
  return got.length === want.length && timingSafeEqual(got, want);
}
