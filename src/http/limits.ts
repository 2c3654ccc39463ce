import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { translate } from './i18n.js';

/** How many requests one client address may make a minute (a window of `windowMs`). */
export interface RateLimits {
  /** Failed API token checks; beyond them every token-gated route answers 429 until the window ends (default 30). */
  tokenFailures?: number;
  /** Pages: the sign-in and setup pages, the event list and an event's page (default 240). */
  pages?: number;
  /** Personal links and feeds: slips, volunteers' calendars, the workshops feed (default 240). */
  feeds?: number;
  /** Sign-in attempts (default 10). */
  signIns?: number;
  /** The window, in milliseconds (default a minute). */
  windowMs?: number;
}

/** The limits of `TALLER_RATE_LIMIT`: `off` turns every limit off (load tests); anything else keeps the defaults. */
export function rateLimitsOf(env: NodeJS.ProcessEnv): RateLimits | false {
  return env.TALLER_RATE_LIMIT === 'off' ? false : {};
}

/** Counts a client's failed token checks and says how long it must wait, if it must. */
export interface TokenGuard {
  /** Seconds this client must still wait before a token is checked again, or 0. */
  blocked(request: FastifyRequest): number;
  /** Counts a failed check; the seconds to wait when that failure was one too many, or 0. */
  failed(request: FastifyRequest): Promise<number>;
}

declare module 'fastify' {
  interface FastifyInstance {
    tokenGuard: TokenGuard;
    /** Counts a sign-in attempt from the request's address: the seconds to wait when it is one too many, or 0. */
    signInGuard: (request: FastifyRequest) => Promise<number>;
  }
}

const GROUPS: Record<string, 'pages' | 'feeds'> = {
  '/': 'pages',
  '/events/:id': 'pages',
  '/sign-in': 'pages',
  '/setup': 'pages',
  '/language/:locale': 'pages',
  '/slips/:token': 'feeds',
  '/calendars/:token': 'feeds',
  '/feeds/workshops.ics': 'feeds',
  '/v/:token': 'feeds',
  '/v/:token/calendar.ics': 'feeds',
  '/events/:id/links': 'pages',
  '/events/:id/overview': 'pages',
};
const groupOf = (request: FastifyRequest) => GROUPS[request.routeOptions.url ?? ''];

/** The refusal of an address past a limit: its English sentence (the JSON API's), and the seconds a page says in its own language. */
const tooMany = (seconds: number) => Object.assign(
  new Error(translate('en', 'errors.tooMany', { count: seconds })),
  { statusCode: 429, seconds },
);

/**
 * Limits per client address, with @fastify/rate-limit: anonymous pages and feeds by route (every
 * other route, `/health` and static files included, is never limited), and failed token checks.
 * Register before the routes. With `false`, nothing is limited.
 */
export async function registerLimits(app: FastifyInstance, limits: RateLimits | false): Promise<void> {
  if (limits === false) {
    app.decorate('tokenGuard', { blocked: () => 0, failed: async () => 0 });
    app.decorate('signInGuard', async () => 0);
    return;
  }
  const windowMs = limits.windowMs ?? 60_000;
  const max = { pages: limits.pages ?? 240, feeds: limits.feeds ?? 240 };
  await app.register(rateLimit, {
    global: true,
    timeWindow: windowMs,
    allowList: (request) => groupOf(request) === undefined,
    keyGenerator: (request) => `${groupOf(request)}|${request.ip}`,
    max: async (request) => max[groupOf(request) ?? 'pages'],
    errorResponseBuilder: (_request, context) => tooMany(Math.ceil(context.ttl / 1000)),
  });
  const countFailure = app.createRateLimit({
    max: limits.tokenFailures ?? 30, timeWindow: windowMs, allowList: [], keyGenerator: (request) => `token|${request.ip}`,
  });
  const countSignIn = app.createRateLimit({
    max: limits.signIns ?? 10, timeWindow: windowMs, allowList: [], keyGenerator: (request) => `sign-in|${request.ip}`,
  });
  app.decorate('signInGuard', async (request: FastifyRequest) => {
    const limit = await countSignIn(request);
    return limit.isAllowed || !limit.isExceeded ? 0 : Math.max(1, Math.ceil(limit.ttl / 1000));
  });
  // Addresses that failed too often, until when: every token-gated route refuses them meanwhile.
  const blockedUntil = new Map<string, number>();
  const blocked = (request: FastifyRequest) => {
    const until = blockedUntil.get(request.ip);
    if (until === undefined) return 0;
    const left = until - Date.now();
    if (left > 0) return Math.ceil(left / 1000);
    blockedUntil.delete(request.ip);
    return 0;
  };
  app.decorate('tokenGuard', {
    blocked,
    async failed(request) {
      const limit = await countFailure(request);
      if (limit.isAllowed || !limit.isExceeded) return 0;
      if (blockedUntil.size > 10_000) for (const [ip, until] of blockedUntil) if (until <= Date.now()) blockedUntil.delete(ip);
      blockedUntil.set(request.ip, Date.now() + limit.ttl);
      return Math.max(1, Math.ceil(limit.ttl / 1000));
    },
  });
}

/** The 429 of a token-gated route for an address that failed too often. */
export const tokenRefusal = tooMany;
