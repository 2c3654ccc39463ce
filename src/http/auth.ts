import type { FastifyReply, FastifyRequest } from 'fastify';
import { verifyToken } from '../db/tokens.js';
import type { TokenGrant } from '../db/tokens.js';
import { tokenRefusal } from './limits.js';

declare module 'fastify' {
  interface FastifyRequest {
    grant?: TokenGrant;
  }
}

/** The API grant of a request's bearer token, if it carries a valid one; nothing is answered. */
export function apiGrantOf(request: FastifyRequest): ReturnType<typeof verifyToken> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? verifyToken(request.server.store.db, match[1]!, 'api', new Date().toISOString()) : undefined;
}

/**
 * Personal data and changes need an API token (`Authorization: Bearer …`, made by
 * `taller token`). Without one the answer is 401, and nothing about the event is revealed.
 */
export async function requireApiToken(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const guard = request.server.tokenGuard;
  // An address that sent too many wrong tokens is refused outright until its window ends.
  const waiting = guard.blocked(request);
  if (waiting > 0) return refuse(reply, waiting);
  const grant = apiGrantOf(request);
  if (!grant) {
    const wait = request.headers.authorization === undefined ? 0 : await guard.failed(request);
    if (wait > 0) return refuse(reply, wait);
    await reply.code(401).header('www-authenticate', 'Bearer').send({
      error: 'This needs an API token: send "Authorization: Bearer <token>" (create one with "taller token").',
    });
    return;
  }
  request.grant = grant;
}

async function refuse(reply: FastifyReply, seconds: number): Promise<void> {
  await reply.code(429).header('retry-after', String(seconds)).send({ error: tokenRefusal(seconds).message });
}

/** Who did it, for the audit log: a token's number, never the token itself. */
export const actorOf = (request: FastifyRequest): string => (request.grant ? `token:${request.grant.id}` : 'anonymous');
