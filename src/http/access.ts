/**
 * Who may do what: every route names its rule (`config.access`), and one `onRequest` hook,
 * run before any body is read, enforces it. A route without a rule cannot be registered.
 *
 * | rule        | who                                                                          |
 * |-------------|------------------------------------------------------------------------------|
 * | `public`    | anyone (the sign-in page, the public workshop feed, health, static files)    |
 * | `link`      | anyone holding the link's token, which the route itself checks               |
 * | `signed-in` | any account (its own page and tokens)                                        |
 * | `read`      | any account; an event (`:id`) only of the account's organization, unless admin |
 * | `write`     | admins and coordinators (a token with the `write` scope); events as for read |
 * | `admin`     | admins                                                                       |
 *
 * An account comes from the session cookie (browsers) or an API token (`Authorization:
 * Bearer …`, made by each account for its scripts). Without one, a page redirects to the
 * sign-in page and the JSON API answers 401; with one that may not, 403; an event of another
 * organization is answered as if it did not exist (404).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Db } from '../db/index.js';
import { eventOrganizations } from '../db/events.js';
import { auditRefusal, checkToken } from '../db/tokens.js';
import type { TokenGrant } from '../db/tokens.js';
import { activeAccount } from '../services/users.js';
import type { Account } from '../services/users.js';
import { errorPage, tooManyPage } from './errors.js';
import { localeOf, translate } from './i18n.js';
import type { MessageKey, Params } from './i18n.js';
import { tokenRefusal } from './limits.js';

export type Access = 'public' | 'link' | 'signed-in' | 'read' | 'write' | 'admin';

export interface RouteRule {
  method: string;
  url: string;
  access: Access;
  /** The parameter naming an event, if the route has one. */
  eventParam: string | undefined;
}
export const ACCESS_RULES: readonly Access[] = ['public', 'link', 'signed-in', 'read', 'write', 'admin'];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may use the route. Required on every route. */
    access?: Access;
    /** The route parameter that names an event (default `id`); `false`: the route names no event. */
    eventParam?: string | false;
    /**
     * A browser's file upload (multipart) sends its form token as the form's first field, which
     * the route checks (checkUploadToken) before it reads the file; an `x-csrf-token` header is
     * checked here as for any form.
     */
    uploadToken?: boolean;
  }
  interface FastifyInstance {
    /** Every route with its rule, as registered: for the access-control matrix. */
    routeRules: RouteRule[];
  }
  interface FastifyRequest {
    /** The signed-in account, by session or API token. */
    account?: Account;
    /** The API token the request came with, when it came with one. */
    grant?: TokenGrant;
  }
}

/** Who did it, for the audit log: an account or a token's number, never a name or the token. */
export const actorOf = (request: FastifyRequest): string =>
  request.grant ? `token:${request.grant.id}` : request.account ? `user:${request.account.id}` : 'anonymous';

/** The route a request matched, as the audit log names it: its pattern and method, never the values in it. */
export const routeOf = (request: FastifyRequest): string => `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;

const bearerOf = (request: FastifyRequest) => /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];

/** Whether the answer should be a page (a browser asked) rather than JSON. */
export const wantsPage = (request: FastifyRequest): boolean => (request.headers.accept ?? '').includes('text/html');

/** An address that sent too many wrong tokens: 429, with when to come back, as a page to a browser's page request and as JSON to the API. */
async function refuseTooMany(request: FastifyRequest, reply: FastifyReply, seconds: number): Promise<void> {
  void reply.code(429).header('retry-after', String(seconds));
  if (wantsPage(request) && !request.url.startsWith('/api/')) {
    await reply.type('text/html; charset=utf-8').send(tooManyPage(localeOf(request), seconds));
    return;
  }
  await reply.send({ error: tokenRefusal(seconds).message });
}

/** Where a page refused for want of an account sends its visitor: the sign-in page, back here afterwards. */
export const signInUrl = (request: FastifyRequest): string => `/sign-in?next=${encodeURIComponent(request.url)}`;

const NEEDS_ACCOUNT = 'This needs you signed in: send "Authorization: Bearer <token>" with an API token your account made (on your account page, or with "taller token").';

/** Whether an account may see (or, by its role, change) an event: admins every event, others their organization's. */
export function mayReachEvent(db: Db, account: Pick<Account, 'role' | 'organizationId'>, slug: string): boolean {
  if (account.role === 'admin') return true;
  const orgs = eventOrganizations(db, slug);
  return orgs !== undefined && account.organizationId !== null && orgs.has(account.organizationId);
}

/** Who the request comes from: an API token's account, or the session's; or why a token was refused. */
async function identify(request: FastifyRequest, reply: FastifyReply): Promise<'refused' | undefined> {
  const { db } = request.server.store;
  const bearer = bearerOf(request);
  if (request.headers.authorization !== undefined) {
    const guard = request.server.tokenGuard;
    // An address that sent too many wrong tokens is refused outright until its window ends.
    const waiting = guard.blocked(request);
    if (waiting > 0) {
      await refuseTooMany(request, reply, waiting);
      return 'refused';
    }
    const checked = checkToken(db, bearer ?? '', 'api', new Date().toISOString());
    const account = 'grant' in checked && checked.grant.userId !== null ? activeAccount(db, checked.grant.userId) : undefined;
    if (!('grant' in checked) || !account) {
      if ('grant' in checked) auditRefusal(db, 'api', routeOf(request), { reason: 'unknown' });
      else auditRefusal(db, 'api', routeOf(request), checked.refused);
      const wait = await guard.failed(request);
      if (wait > 0) {
        await refuseTooMany(request, reply, wait);
        return 'refused';
      }
      await reply.code(401).header('www-authenticate', 'Bearer').send({
        error: 'grant' in checked
          ? 'This API token belongs to no working account: make a new one on your account page (or with "taller token --user").'
          : NEEDS_ACCOUNT,
      });
      return 'refused';
    }
    request.grant = checked.grant;
    request.account = account;
    return undefined;
  }
  await identifySession(request);
  return undefined;
}

/** The session's account, while it is enabled; a session of a switched-off account ends. */
async function identifySession(request: FastifyRequest): Promise<void> {
  const userId = request.session?.userId;
  if (userId === undefined) return;
  const account = activeAccount(request.server.store.db, userId);
  if (account) request.account = account;
  else await request.session.destroy();
}

/** Why a request is refused: its status, its sentence in English (the JSON API's), and its words for a page (none for 401: a page goes to sign in). */
export interface Refusal {
  status: 401 | 403 | 404;
  message: string;
  page?: { key: MessageKey; params?: Params };
}

async function refuse(request: FastifyRequest, reply: FastifyReply, refusal: Refusal): Promise<void> {
  const { status, message } = refusal;
  if (status === 401 && wantsPage(request)) {
    await reply.code(303).header('cache-control', 'no-store').redirect(signInUrl(request));
    return;
  }
  if (wantsPage(request)) {
    const locale = localeOf(request);
    const title = translate(locale, status === 403 ? 'errors.notAllowed' : 'errors.notFoundTitle');
    const text = refusal.page ? translate(locale, refusal.page.key, refusal.page.params) : message;
    await reply.code(status).type('text/html; charset=utf-8').send(errorPage(locale, title, title, text));
    return;
  }
  if (status === 401) void reply.header('www-authenticate', 'Bearer');
  await reply.code(status).send({ error: message });
}

/** A refusal whose English sentence is its catalog message. */
const refusal = (status: 403 | 404, key: MessageKey, params?: Params): Refusal =>
  ({ status, message: translate('en', key, params), page: params ? { key, params } : { key } });

/** The rule's verdict for the request's account: undefined when it may go on. */
export function verdict(db: Db, rule: Access, account: Account | undefined, grant: TokenGrant | undefined,
  event: string | undefined): Refusal | undefined {
  if (rule === 'public' || rule === 'link') return undefined;
  if (!account) return { status: 401, message: NEEDS_ACCOUNT };
  if (rule === 'signed-in') return undefined;
  const writes = rule === 'write';
  if (rule === 'admin' && account.role !== 'admin') return refusal(403, 'errors.adminOnly');
  if (writes && account.role === 'viewer') return refusal(403, 'errors.readOnly');
  if (writes && grant && grant.scope !== 'write') return refusal(403, 'errors.tokenReadOnly');
  if (event !== undefined && !mayReachEvent(db, account, event)) return refusal(404, 'errors.eventNotFound', { id: event });
  return undefined;
}

/**
 * Registers the rule check: every route must carry `config.access` (static files are `public`),
 * and every request is checked against its route's rule before its body is read.
 */
export function registerAccess(app: FastifyInstance): void {
  const rules: RouteRule[] = [];
  app.decorate('routeRules', rules);
  app.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config ?? {}) as { access?: Access; eventParam?: string | false };
    if (route.url.startsWith('/static/') && config.access === undefined) {
      route.config = { ...config, access: 'public' } as RouteOptions['config'];
      return;
    }
    if (config.access === undefined || !ACCESS_RULES.includes(config.access)) {
      throw new Error(`${[route.method].flat().join(',')} ${route.url} has no access rule: give it config.access (${ACCESS_RULES.join(', ')})`);
    }
    const eventParam = config.eventParam === false ? undefined : (config.eventParam ?? (route.url.includes(':id') ? 'id' : undefined));
    for (const method of [route.method].flat()) if (method !== 'HEAD') rules.push({ method, url: route.url, access: config.access, eventParam });
  });
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config as { access?: Access; eventParam?: string | false };
    // Not a route of ours (the 404 answer): nothing to guard, and nobody to look up.
    if (config.access === undefined) return;
    // Open routes look only at the session (a page's header shows who is signed in); a token sent to them is not checked.
    if (config.access === 'public' || config.access === 'link') {
      await identifySession(request);
      return undefined;
    }
    if (await identify(request, reply) === 'refused') return reply;
    const param = config.eventParam === false ? undefined : (config.eventParam ?? 'id');
    const event = param === undefined ? undefined : (request.params as Record<string, string> | undefined)?.[param];
    const refused = verdict(request.server.store.db, config.access, request.account, request.grant, event);
    if (refused) {
      await refuse(request, reply, refused);
      return reply;
    }
    return undefined;
  });
  // A form sent by a browser carries the token its page was given (cookies ride along with any
  // site's form; the token does not). Requests with an API token carry no cookie to ride on.
  app.addHook('preValidation', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method) || request.grant) return done();
    const config = request.routeOptions.config as { uploadToken?: boolean };
    if (config.uploadToken && request.isMultipart() && request.headers['x-csrf-token'] === undefined) return done();
    app.csrfProtection(request, reply, done);
  });
}

/**
 * Checks the form token of a browser's file upload, read from its first field, before the
 * route reads the file (see `uploadToken`); false when the refusal has been sent. A request
 * with an API token or a checked `x-csrf-token` header passed already.
 */
export function checkUploadToken(request: FastifyRequest, reply: FastifyReply, token: string | undefined): boolean {
  if (request.grant || request.headers['x-csrf-token'] !== undefined) return true;
  request.formToken = token ?? '';
  let passed = false;
  request.server.csrfProtection(request, reply, () => {
    passed = true;
  });
  return passed;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
