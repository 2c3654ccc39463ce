import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import view from '@fastify/view';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import handlebars from 'handlebars';
import { Type } from 'typebox';
import { openDatabase } from '../db/index.js';
import { JobPool } from '../jobs/index.js';
import { JobBoard } from '../jobs/board.js';
import { jobRoutes } from './jobs.js';
import { registerLimits, rateLimitsOf } from './limits.js';
import type { RateLimits } from './limits.js';
import { DRAFT_CSS_HASH, PRINT_CSS_HASH } from '../outputs/print.js';
import type { OpenDatabase } from '../db/index.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { parsePublicUrl } from './links.js';
import { apiRoutes } from './routes/api.js';
import { pageRoutes } from './routes/pages.js';
import { planRoutes } from './routes/plans.js';
import { calendarRoutes } from './routes/calendars.js';
import { printRoutes } from './routes/print.js';
import { exportRoutes } from './routes/exports.js';
import { registerHelpers } from './views.js';
import { registerSessions } from './session.js';
import { registerAccess } from './access.js';
import { accountRoutes } from './routes/account.js';
import { adminRoutes } from './routes/admin.js';
import { organizationRoutes } from './routes/organizations.js';
import { eventRoutes } from './routes/events.js';
import { registerLocale } from './i18n.js';
import { languageRoutes } from './routes/language.js';
import { importRoutes } from './routes/imports.js';
import { peopleRoutes } from './routes/people.js';
import { workspaceRoutes } from './routes/workspace.js';
import { registerWorkspacePartials } from './workspace-view.js';
import { volunteerRoutes } from './routes/volunteer.js';
import { linkRoutes } from './routes/links.js';
import { applicantRoutes } from './routes/applicant.js';
import { offerRoutes } from './routes/offers.js';
import { seasonRoutes } from './routes/season.js';
import { waitlistRoutes } from './routes/waitlist.js';
import { versionRoutes } from './routes/versions.js';
import { printPageRoutes } from './routes/print-pages.js';

export interface AppOptions {
  /** An open database, or a path to open (default: TALLER_DB or ./data/taller.sqlite). */
  database?: OpenDatabase | string;
  logger?: FastifyServerOptions['logger'];
  /** The largest upload accepted, in bytes (default 25 MiB: a 100,000-row CSV fits). */
  uploadLimit?: number;
  /** Worker threads for planning and simulating (default: a pool of the app's own, closed with it). */
  jobs?: JobPool;
  /** How long a plan or estimate request waits for its job before answering 202 with a status URL, in ms (default 25 s). */
  jobWait?: number;
  /** Requests per client address and minute, or false for none (default: TALLER_RATE_LIMIT, else the defaults of RateLimits). */
  rateLimits?: RateLimits | false;
  /**
   * The address people open this server at (PUBLIC_URL): personal links are built from it, never
   * from a request's Host header. Without it links are issued only while the server listens on loopback.
   */
  publicUrl?: string;
  /** Fastify's `trustProxy` (TRUST_PROXY): the client's address and protocol come from these proxies' headers. */
  trustProxy?: boolean | number | string;
  /** The clock the season's pages read today from (the waitlist's offers, the calendar, the proposal); default: the system's. */
  now?: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    store: OpenDatabase;
    jobs: JobPool;
    jobBoard: JobBoard;
    jobWait: number;
    /** PUBLIC_URL, without its trailing slash, or null. */
    publicUrl: string | null;
    /** The clock the season's pages read today from. */
    now: () => Date;
  }
}

const VIEWS = fileURLToPath(new URL('../../views', import.meta.url));
const STATIC = fileURLToPath(new URL('../../static', import.meta.url));

/** Paths whose last segment is a link's secret: an applicant's slip, a volunteer's calendar feed. */
const TOKEN_PATH = /^\/(slips|calendars)\/[^/]+?(\.ics)?$/;

/**
 * A path segment shaped like one of Taller's secrets (43 URL-safe characters mixing upper and
 * lower case and digits), wherever it sits: a link pasted in the wrong place is still a secret.
 */
const SECRET_SEGMENT = /(?<=\/)(?=[A-Za-z0-9_-]{43}(?:\.ics)?(?:\/|$))(?=[^/]*[A-Z])(?=[^/]*[a-z])(?=[^/]*[0-9])[A-Za-z0-9_-]{43}/g;

/** A volunteer's own page and what it opens (`/v/TOKEN`, `/v/TOKEN/calendar.ics`): the segment after `/v/` is the link's secret. */
const VOLUNTEER_PATH = /^\/v\/[^/]+/;
/** An applicant's own page and its forms (`/a/TOKEN`, `/a/TOKEN/release`): the link's secret is the second segment. */
const APPLICANT_PAGE = /^\/a\/[^/]+/;

/** A request path as the log keeps it: no query string, and a link's secret replaced by `[token]`. */
export function loggedPath(url: string): string {
  const path = url.split('?')[0]!;
  return path.replace(TOKEN_PATH, (_m, kind: string, ics: string | undefined) => `/${kind}/[token]${ics ?? ''}`)
    .replace(VOLUNTEER_PATH, '/v/[token]')
    .replace(APPLICANT_PAGE, '/a/[token]')
    .replace(SECRET_SEGMENT, '[token]');
}

/** Logs what happened to a request, never what it carried: no query strings or secrets in paths, no bodies, no headers. */
const serializers = {
  req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: loggedPath(req.url), id: req.id }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

/** Trusts the nearest `hops` proxies in front of the server. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** Builds the web app: JSON API, pages and static files over one database. */
export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const store = typeof options.database === 'object' ? options.database : openDatabase(options.database);
  const ownsStore = typeof options.database !== 'object';
  const uploadLimit = options.uploadLimit ?? 25 * 1024 * 1024;
  const logger = options.logger === undefined || options.logger === false ? false
    : {
      ...(typeof options.logger === 'object' ? options.logger : {}),
      serializers,
      // Plugins log at trace level what they were given (busboy gets the headers): never a token or a cookie.
      redact: { paths: ['busboyOptions.headers', '*.headers.authorization', '*.headers.cookie', 'headers.authorization', 'headers.cookie'], censor: '[redacted]' },
    };

  const publicUrl = options.publicUrl ? parsePublicUrl(options.publicUrl) : null;
  const app = Fastify({
    logger,
    trustProxy: typeof options.trustProxy === 'number' ? trustHops(options.trustProxy) : options.trustProxy ?? false,
    bodyLimit: 5 * 1024 * 1024,
    requestTimeout: 60_000,
    connectionTimeout: 120_000,
    return503OnClosing: true,
    ajv: { customOptions: { allErrors: false, coerceTypes: 'array', removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('store', store);
  app.decorate('publicUrl', publicUrl);
  app.decorate('now', options.now ?? (() => new Date()));
  // Personal answers are never kept by a browser or a proxy: whatever a token opened, a slip,
  // a volunteer's calendar.
  app.addHook('onSend', async (request, reply) => {
    if (request.account || request.grant || TOKEN_PATH.test(request.url.split('?')[0]!)) reply.header('cache-control', 'no-store');
    // Nothing here is for search engines: not the sign-in page, not a link someone was given.
    reply.header('x-robots-tag', 'noindex, nofollow');
  });
  if (ownsStore) app.addHook('onClose', async () => store.close());
  const jobs = options.jobs ?? new JobPool();
  app.decorate('jobs', jobs);
  if (!options.jobs) app.addHook('onClose', async () => jobs.close());
  app.decorate('jobBoard', new JobBoard());
  app.decorate('jobWait', options.jobWait ?? 25_000);

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);

  // Security headers from helmet, its middleware built once: a plugin that builds it for each
  // request spends a fifth of a kept page's time there.
  const secure = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The printed sheets and slips carry their stylesheet inline (so a saved file prints offline): allowed by its hash only;
        // draft sheets carry one more, the mark atop every page, allowed by its own.
        styleSrc: ["'self'", PRINT_CSS_HASH, DRAFT_CSS_HASH],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // Both only over TLS (the hook below): over plain http they would lock browsers out.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (request, reply, done) => secure(request.raw, reply.raw, (err) => done(err as Error | undefined)));
  // Served over TLS: PUBLIC_URL is https, or the request came over https (through a trusted proxy, its header says so).
  app.addHook('onSend', async (request, reply) => {
    if (!(publicUrl?.startsWith('https:') || request.protocol === 'https')) return;
    reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string') reply.header('content-security-policy', `${csp};upgrade-insecure-requests`);
  });
  await app.register(multipart, { limits: { fileSize: uploadLimit, files: 6, fields: 10, parts: 16 } });
  await app.register(fastifyStatic, { root: STATIC, prefix: '/static/', index: false });
  const engine = handlebars.create();
  registerHelpers(engine);
  registerWorkspacePartials(engine);
  await app.register(view, {
    engine: { handlebars: engine },
    root: VIEWS,
    layout: 'layout.hbs',
    viewExt: 'hbs',
    // Each template compiled once and kept (without it, @fastify/view compiles every template on
    // every view unless NODE_ENV is "production": a third of a busy page's time).
    production: true,
    options: { partials: { 'import-cancel': 'imports/partials/cancel.hbs', 'import-value': 'imports/partials/value-row.hbs' } },
  });
  await registerLimits(app, options.rateLimits ?? rateLimitsOf(process.env));
  await registerSessions(app, store.db);
  // Every page in the visitor's language (after the cookies are read): the locale and the language switch reach every view through reply.locals.
  registerLocale(app);
  registerAccess(app);
  await app.register(accountRoutes);
  await app.register(adminRoutes);
  await app.register(organizationRoutes);
  await app.register(eventRoutes);
  await app.register(apiRoutes, { prefix: '/api' });
  await app.register(jobRoutes, { prefix: '/api' });
  await app.register(planRoutes, { prefix: '/api' });
  await app.register(exportRoutes, { prefix: '/api' });
  await app.register(calendarRoutes);
  await app.register(printRoutes);
  await app.register(pageRoutes);
  await app.register(languageRoutes);
  await app.register(importRoutes);
  await app.register(peopleRoutes);
  await app.register(workspaceRoutes);
  await app.register(volunteerRoutes);
  await app.register(linkRoutes);
  await app.register(applicantRoutes);
  await app.register(offerRoutes);
  await app.register(seasonRoutes);
  await app.register(waitlistRoutes);
  await app.register(versionRoutes);
  await app.register(printPageRoutes);
  app.get('/robots.txt', { config: { access: 'public' } }, async (_request, reply) => reply.type('text/plain; charset=utf-8').send('User-agent: *\nDisallow: /\n'));
  app.get('/health', { config: { access: 'public' }, schema: { response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => {
    store.sqlite.prepare('select 1').get();
    return { status: 'ok' as const };
  });
  return app;
}
