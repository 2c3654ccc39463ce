/**
 * The plan workspace, an event's plan as people live it, for the event's signed-in accounts:
 *
 * - `GET /events/:id/plan[?version=N]`: the plan form (write) and the plan running from it, and
 *   the timeline of volunteers and desks through the day; `POST /events/:id/plan` plans in the
 *   worker pool and comes back to the page, which shows the plan running until it is done;
 *   `GET /events/:id/plan/status` says so in JSON for the page's script;
 * - `GET /events/:id/plan/stations`, `…/unscheduled`, `…/applicants/:aid` (and
 *   `…/applicants?applicant=` to look one up): each station's steps, those left out with what
 *   would help, one applicant's itinerary;
 * - `GET /events/:id/plan/wall`: the timeline to print for the wall, codes only, no names.
 *
 * Every view that names people is on the audit log.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { auditWriter } from '../../db/audit.js';
import type { Bundle } from '../../domain/index.js';
import { STATIONS } from '../../domain/index.js';
import type { StoredPlan } from '../../db/plans.js';
import { Memo } from '../../services/lru.js';
import {
  PlanRuns, itineraryOf, openWorkspace, planRequestOf, timelineOf, unscheduledOf,
} from '../../services/workspace.js';
import type { FormProblem, OpenWorkspace, PlanForm, PlanRun } from '../../services/workspace.js';
import type { PlanRequest } from '../../services/plans.js';
import type { EstimateJson } from '../../throughput/index.js';
import { actorOf } from '../access.js';
import { accountNav } from '../account-view.js';
import { iterationCap } from '../caps.js';
import { translate } from '../i18n.js';
import type { Locale } from '../i18n.js';
import { ErrorBody, EventId, EventParams } from '../schemas.js';
import {
  REFRESH_SECONDS, WORKSPACE_ASSETS, formView, headView, itineraryView, runView, stationsView, timelineHtml, timelineView, unscheduledView,
} from '../workspace-view.js';
import { markKey, versionMark } from '../../services/plans.js';

const VersionQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) });
const StationQuery = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  station: Type.Optional(Type.Union(STATIONS.map((s) => Type.Literal(s)))),
});
const LookupQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })), applicant: Type.Optional(Type.String({ maxLength: 100 })) });
const ApplicantParams = Type.Object({ id: EventId, aid: Type.String({ minLength: 1, maxLength: 100 }) });
const Field = Type.Optional(Type.String({ maxLength: 2000 }));
const PlanFormBody = Type.Object({
  _csrf: Field, mode: Field, quick: Field, fairness: Field, selection: Field, finish_probability: Field, seed: Field, iterations: Field, release: Field, confirm: Field,
}, { additionalProperties: false });
const RunStatus = Type.Object({
  state: Type.Union([Type.Literal('none'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  outcome: Type.Union([Type.Literal('planned'), Type.Literal('needs_confirm'), Type.Literal('refused'), Type.Null()]),
  started_at: Type.Union([Type.String(), Type.Null()]),
  elapsed_seconds: Type.Union([Type.Integer(), Type.Null()]),
  version: Type.Union([Type.Integer(), Type.Null()]),
  latest_version: Type.Union([Type.Integer(), Type.Null()]),
});

/** How long a form's POST waits for a small plan before coming back to the page (which then shows it done). */
const FORM_WAIT_MS = 1500;
/** Simulated days behind the what-if of the unscheduled view (as the event page's estimate). */
const WHAT_IF_RUNS = 200;
/** How long the unscheduled view waits for its what-if before showing advice alone (and filling in later). */
const WHAT_IF_WAIT_MS = 20_000;
const ESTIMATE_ENTRIES = 50;
/** Workspaces kept open, and timelines kept rendered (at most this many bytes in all). */
const OPENINGS_KEPT = 50;
const TIMELINES_KEPT = 50;
const TIMELINE_BYTES = 64 * 1024 * 1024;
const FAULT = 'The plan failed on our side. Nothing was changed; please try again.';

/** What the plan page shows of a version's timeline: its counts, and the timeline itself as UTF-8 HTML. */
interface ShownTimeline { scheduled: number; applicants: number; visits: number; html: Buffer }

/**
 * Where the plan page's template puts the timeline: the page around it is rendered per view (it
 * holds the form token, the run and the account), and the kept timeline's bytes go in its place,
 * so a busy day's thousands of blocks are neither rendered, measured nor encoded again per view.
 */
const TIMELINE_SLOT = '<!--taller:timeline-->';
const HTML = 'text/html; charset=utf-8';

const planPath = (slug: string) => `/events/${encodeURIComponent(slug)}/plan`;

export const workspaceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;
  const audits = auditWriter(db);
  // Each event's plan run from this page: found again by whoever opens the page while it runs.
  const runs = new PlanRuns();
  // The what-if behind the unscheduled view, one per version, simulated in a worker and kept.
  const estimates = new Memo<EstimateJson>(ESTIMATE_ENTRIES);
  // What each view opens (the event, the version shown, every version), kept by the event's
  // version mark and the version asked for: an import, an answer, a new version or a publish
  // moves the mark, and the next view opens afresh. A view of a kept one reads only the mark.
  const openings = new Memo<OpenWorkspace | undefined>(OPENINGS_KEPT);
  const opening = (slug: string, version?: number): Promise<{ key: string; opened: OpenWorkspace } | undefined> => {
    const mark = versionMark(db, slug);
    if (!mark) return Promise.resolve(undefined);
    const key = `${markKey(mark)}|${version ?? ''}`;
    return openings.get(key, () => openWorkspace(db, slug, version)).then((opened) => opened && { key, opened });
  };
  // The timeline of each version as HTML, by what opened it and the page's language.
  const timelines = new Memo<ShownTimeline>(TIMELINES_KEPT, TIMELINE_BYTES, (shown) => shown.html.length);
  const estimateFor = (bundle: Bundle, stored: StoredPlan) => estimates.get(`${bundle.event.id}:${stored.version}:${stored.createdAt}`, () =>
    app.jobs.run({ kind: 'estimate', bundle, options: { runs: WHAT_IF_RUNS, plan: stored.plan, whatIf: true, whatIfLimit: 6 } }));

  const mayWrite = (request: FastifyRequest) => request.account?.role !== 'viewer' && (!request.grant || request.grant.scope === 'write');
  const logged = (request: FastifyRequest, opened: OpenWorkspace, what: string) =>
    audits.write(actorOf(request), 'plan.view', opened.bundle.key, `workspace ${what} version ${opened.stored!.version}`);
  const fault = (request: FastifyRequest) => (error: unknown) => {
    const status = (error as { statusCode?: number }).statusCode;
    if (error instanceof Error && status !== undefined && status >= 400 && status < 500) return error.message;
    request.log.error({ err: error }, 'plan from the workspace failed');
    return FAULT;
  };

  const render = (request: FastifyRequest, reply: FastifyReply, template: string, data: Record<string, unknown>) =>
    reply.header('cache-control', 'no-store').view(`workspace/${template}.hbs`, { ...WORKSPACE_ASSETS, accountNav: accountNav(request, reply), ...data });

  /** The page with the plan form, the run and the timeline: as shown, or with the form's problems. */
  const planPage = async (request: FastifyRequest, reply: FastifyReply, opened: OpenWorkspace, openKey: string | undefined,
    form: PlanForm = {}, problems: FormProblem[] = []) => {
    const locale = reply.locals.locale;
    const { bundle, stored } = opened;
    const slug = bundle.event.id;
    const run = runs.get(slug);
    const shown = runView(run, bundle.event.timezone, Date.now(), locale);
    // A refused or unconfirmed run comes back in the form as it was sent.
    const again = run && run.state === 'done' && run.outcome?.kind !== 'planned' && problems.length === 0 ? formOf(run.request) : form;
    const head = headView(bundle, stored, opened.versions, opened.held, 'timeline', locale);
    const timeline = stored && opened.purgedAt === null ? await timelineOfPage(opened, stored, openKey, head.pinned ?? undefined, locale) : null;
    const page = Buffer.from(await app.view('workspace/plan.hbs', {
      ...reply.locals, ...WORKSPACE_ASSETS, accountNav: accountNav(request, reply),
      timeline: timeline && { ...timeline, html: TIMELINE_SLOT },
      title: translate(locale, 'workspace.title'),
      head,
      purged: opened.purgedAt !== null,
      run: shown,
      running: run?.state === 'running',
      refreshSeconds: run?.state === 'running' ? REFRESH_SECONDS : null,
      refreshHref: request.url,
      statusUrl: `${planPath(slug)}/status`,
      latestUrl: planPath(slug),
      mayWrite: mayWrite(request) && opened.purgedAt === null,
      csrf: mayWrite(request) ? reply.generateCsrf() : '',
      formAction: planPath(slug),
      form: formView(bundle, again, problems, shown?.state === 'needs_confirm', locale),
      // With a plan shown and nothing to answer, the form folds away behind "Plan again".
      collapseForm: stored !== undefined && problems.length === 0 && (shown === null || shown.state === 'done'),
    }), 'utf8');
    const at = timeline ? page.indexOf(TIMELINE_SLOT) : -1;
    const sent = at < 0 ? page : Buffer.concat([page.subarray(0, at), timeline!.html, page.subarray(at + TIMELINE_SLOT.length)]);
    return reply.header('cache-control', 'no-store').type(HTML).send(sent);
  };

  /** The timeline's figures and its HTML (kept by what opened it, when that is kept too). */
  const timelineOfPage = (opened: OpenWorkspace, stored: StoredPlan, openKey: string | undefined, pinned: number | undefined, locale: Locale) => {
    const make = (): ShownTimeline => {
      const view = timelineView(timelineOf(opened.bundle, stored.plan), opened.bundle, stored.plan, { names: true, locale, links: true, version: pinned });
      return { scheduled: view.scheduled, applicants: view.applicants, visits: view.visits, html: Buffer.from(timelineHtml(view, locale), 'utf8') };
    };
    return openKey === undefined ? Promise.resolve(make()) : timelines.get(`${openKey}|${locale}`, make);
  };

  const notFound = (reply: FastifyReply) => reply.callNotFound();

  app.get('/events/:id/plan', { config: { access: 'read' }, schema: { params: EventParams, querystring: VersionQuery } }, async (request, reply) => {
    const found = await opening(request.params.id, request.query.version);
    if (!found) return notFound(reply);
    const { opened, key } = found;
    if (opened.stored && opened.purgedAt === null) await logged(request, opened, 'timeline');
    return planPage(request, reply, opened, key);
  });

  app.post('/events/:id/plan', { config: { access: 'write' }, schema: { params: EventParams, body: PlanFormBody } }, async (request, reply) => {
    const opened = openWorkspace(db, request.params.id);
    if (!opened) return notFound(reply);
    const slug = opened.bundle.event.id;
    const { _csrf: _token, ...form } = request.body;
    const parsed = planRequestOf(form, new Set(opened.bundle.applicants.map((a) => a.id)), iterationCap(opened.bundle.applicants.length));
    if ('problems' in parsed) return planPage(request, reply.code(400), opened, undefined, form, parsed.problems);
    const { run } = runs.start(db, slug, parsed.request, actorOf(request),
      (bundle, options) => app.jobs.run({ kind: 'plan', bundle, options }, { key: slug }), fault(request));
    // A small event's plan is done before the page comes back; a large one shows as running there.
    await within(run.done, FORM_WAIT_MS);
    return reply.redirect(planPath(slug), 303);
  });

  app.get('/events/:id/plan/status', {
    config: { access: 'read' }, schema: { params: EventParams, response: { 200: RunStatus, 404: ErrorBody } },
  }, async (request, reply) => {
    const opened = (await opening(request.params.id))?.opened;
    if (!opened) return reply.code(404).send({ error: `Event ${request.params.id} not found` });
    return statusOf(runs.get(opened.bundle.event.id), opened.versions[0]?.version ?? null, Date.now());
  });

  app.get('/events/:id/plan/stations', { config: { access: 'read' }, schema: { params: EventParams, querystring: StationQuery } }, async (request, reply) => {
    const opened = (await opening(request.params.id, request.query.version))?.opened;
    if (!opened?.stored || opened.purgedAt !== null) return notFound(reply);
    const locale = reply.locals.locale;
    await logged(request, opened, 'stations');
    return render(request, reply, 'stations', {
      title: translate(locale, 'workspace.views.stations'),
      head: headView(opened.bundle, opened.stored, opened.versions, opened.held, 'stations', locale),
      st: stationsView(opened.bundle, opened.stored.plan, request.query.station, opened.stored.version, locale),
    });
  });

  app.get('/events/:id/plan/unscheduled', { config: { access: 'read' }, schema: { params: EventParams, querystring: VersionQuery } }, async (request, reply) => {
    const opened = (await opening(request.params.id, request.query.version))?.opened;
    if (!opened?.stored || opened.purgedAt !== null) return notFound(reply);
    const locale = reply.locals.locale;
    const { bundle, stored } = opened;
    // The what-if runs in a worker; a page that waits too long shows advice alone and fills in once it is done.
    const estimate = stored.plan.unscheduled.length === 0 ? null : await within(estimateFor(bundle, stored).catch((error: unknown) => {
      request.log.error({ err: error }, 'the what-if of the unscheduled view failed');
      return null;
    }), WHAT_IF_WAIT_MS);
    await logged(request, opened, 'unscheduled');
    return render(request, reply, 'unscheduled', {
      title: translate(locale, 'workspace.views.unscheduled'),
      head: headView(bundle, stored, opened.versions, opened.held, 'unscheduled', locale),
      un: unscheduledView(bundle, unscheduledOf(bundle, stored.plan, estimate ?? null), stored.version, estimate !== undefined, locale),
      refreshSeconds: estimate === undefined ? REFRESH_SECONDS : null,
    });
  });

  app.get('/events/:id/plan/applicants', { config: { access: 'read' }, schema: { params: EventParams, querystring: LookupQuery } }, async (request, reply) => {
    const code = (request.query.applicant ?? '').trim();
    const version = request.query.version === undefined ? '' : `?version=${request.query.version}`;
    if (code === '') return reply.redirect(`${planPath(request.params.id)}${version}`, 303);
    return reply.redirect(`${planPath(request.params.id)}/applicants/${encodeURIComponent(code)}${version}`, 303);
  });

  app.get('/events/:id/plan/applicants/:aid', { config: { access: 'read' }, schema: { params: ApplicantParams, querystring: VersionQuery } }, async (request, reply) => {
    const opened = (await opening(request.params.id, request.query.version))?.opened;
    if (!opened?.stored || opened.purgedAt !== null || !opened.bundle.applicants.some((a) => a.id === request.params.aid)) return notFound(reply);
    const locale = reply.locals.locale;
    await audits.write(actorOf(request), 'plan.view', opened.bundle.key, `workspace itinerary ${request.params.aid} version ${opened.stored.version}`);
    return render(request, reply, 'applicant', {
      title: translate(locale, 'workspace.itinerary.title', { code: request.params.aid }),
      head: headView(opened.bundle, opened.stored, opened.versions, opened.held, 'applicant', locale),
      it: itineraryView(opened.bundle, itineraryOf(opened.stored.plan, request.params.aid), locale),
    });
  });

  app.get('/events/:id/plan/wall', { config: { access: 'read' }, schema: { params: EventParams, querystring: VersionQuery } }, async (request, reply) => {
    const opened = (await opening(request.params.id, request.query.version))?.opened;
    if (!opened?.stored || opened.purgedAt !== null) return notFound(reply);
    const locale: Locale = reply.locals.locale;
    const { bundle, stored } = opened;
    const head = headView(bundle, stored, opened.versions, opened.held, 'wall', locale);
    // Codes only: no volunteer's or applicant's name, and not the name of whoever prints it.
    return reply.header('cache-control', 'no-store').view('workspace/wall.hbs', {
      ...WORKSPACE_ASSETS,
      title: translate(locale, 'workspace.wall.title'),
      wall: true,
      head,
      draft: stored.version !== opened.held,
      tl: timelineView(timelineOf(bundle, stored.plan), bundle, stored.plan, { names: false, locale, links: false }),
    });
  });
};

/** The promise's value if it settles within `ms`, else undefined (the promise goes on). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), ms); });
  try {
    return await Promise.race([promise, waited]);
  } finally {
    clearTimeout(timer);
  }
}

/** A run's request as the form sends it, to show it again (refused, or waiting for a confirmation). */
function formOf(r: PlanRequest): PlanForm {
  return {
    mode: r.fresh ? 'fresh' : 'replan',
    ...(r.quick ? { quick: '1' } : {}),
    ...(r.fairness ? { fairness: r.fairness } : {}),
    ...(r.selection ? { selection: r.selection } : {}),
    ...(r.finishProbability !== undefined ? { finish_probability: String(r.finishProbability) } : {}),
    ...(r.seed !== undefined ? { seed: String(r.seed) } : {}),
    ...(r.iterations !== undefined ? { iterations: String(r.iterations) } : {}),
    ...(r.release ? { release: r.release.join(', ') } : {}),
  };
}

/** The run as the status route answers it. */
function statusOf(run: PlanRun | undefined, latest: number | null, now: number) {
  if (!run) return { state: 'none' as const, outcome: null, started_at: null, elapsed_seconds: null, version: null, latest_version: latest };
  const outcome = run.outcome === null ? null : run.outcome.kind === 'planned' ? 'planned' as const
    : run.outcome.kind === 'needs_confirm' ? 'needs_confirm' as const : 'refused' as const;
  return {
    state: run.state, outcome, started_at: new Date(run.startedAt).toISOString(),
    elapsed_seconds: Math.round(((run.endedAt ?? now) - run.startedAt) / 1000),
    version: run.outcome?.kind === 'planned' ? run.outcome.version : null, latest_version: latest,
  };
}
