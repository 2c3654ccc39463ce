import type { FastifyRequest } from 'fastify';
import { auditRefusal, checkToken } from '../db/tokens.js';
import type { TokenGrant, TokenKind } from '../db/tokens.js';
import { routeOf } from './access.js';

/**
 * The grant of a personal link's token (a slip or a calendar feed), or undefined when it is
 * unknown, revoked or expired: each such refusal is in the audit log, by the token's row number
 * when it was one of ours, never by the token. (Accounts and API tokens: src/http/access.ts.)
 */
export function linkGrantOf(request: FastifyRequest, token: string, kind: TokenKind): TokenGrant | undefined {
  const { db } = request.server.store;
  const checked = checkToken(db, token, kind, new Date().toISOString());
  if ('grant' in checked) return checked.grant;
  auditRefusal(db, kind, routeOf(request), checked.refused);
  return undefined;
}
