import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditRefusal, checkToken, verifyToken } from '../db/tokens.js';
import type { TokenGrant, TokenKind } from '../db/tokens.js';
import { tokenRefusal } from './limits.js';

declare module 'fastify' {
  interface FastifyRequest {
    grant?: TokenGrant;
  }
}

const bearerOf = (request: FastifyRequest) => /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';

/** The API grant of a request's bearer token, if it carries a valid one; nothing is answered. */
export function apiGrantOf(request: FastifyRequest): ReturnType<typeof verifyToken> {
  const token = bearerOf(request);
  return token ? verifyToken(request.server.store.db, token, 'api', new Date().toISOString()) : undefined;
}

/** The route a request matched, as the audit log names it: its pattern and method, never the values in it. */
const routeOf = (request: FastifyRequest) => `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;

/**
 * The grant of a personal link's token (a slip or a calendar feed), or undefined when it is
 * unknown, revoked or expired: each such refusal is in the audit log, by the token's row number
 * when it was one of ours, never by the token.
 */
export function linkGrantOf(request: FastifyRequest, token: string, kind: TokenKind): TokenGrant | undefined {
  const { db } = request.server.store;
  const checked = checkToken(db, token, kind, new Date().toISOString());
  if ('grant' in checked) return checked.grant;
  auditRefusal(db, kind, routeOf(request), checked.refused);
  return undefined;
}

/**
 * Personal data and changes need an API token (`Authorization: Bearer …`, made by
 * `taller token`). Run as an `onRequest` hook, before any body is read: without a valid token
 * the answer is 401, nothing of the body is parsed, nothing about the event is revealed, and
 * the refusal is in the audit log.
 */
export async function requireApiToken(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const guard = request.server.tokenGuard;
  // An address that sent too many wrong tokens is refused outright until its window ends.
  const waiting = guard.blocked(request);
  if (waiting > 0) return refuse(reply, waiting);
  const { db } = request.server.store;
  const checked = checkToken(db, bearerOf(request), 'api', new Date().toISOString());
  if (!('grant' in checked)) {
    auditRefusal(db, 'api', routeOf(request), checked.refused);
    const wait = request.headers.authorization === undefined ? 0 : await guard.failed(request);
    if (wait > 0) return refuse(reply, wait);
    await reply.code(401).header('www-authenticate', 'Bearer').send({
      error: 'This needs an API token: send "Authorization: Bearer <token>" (create one with "taller token").',
    });
    return;
  }
  request.grant = checked.grant;
}

async function refuse(reply: FastifyReply, seconds: number): Promise<void> {
  await reply.code(429).header('retry-after', String(seconds)).send({ error: tokenRefusal(seconds).message });
}

/** Who did it, for the audit log: a token's number, never the token itself. */
export const actorOf = (request: FastifyRequest): string => (request.grant ? `token:${request.grant.id}` : 'anonymous');
