import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { findEvent, loadBundle } from '../../db/events.js';
import { loadEventCounts } from '../../db/purge.js';
import { purgedEventView } from '../purged-view.js';
import { auditWriter } from '../../db/audit.js';
import { loadPlan } from '../../db/plans.js';
import type { StoredPlan } from '../../db/plans.js';
import type { Bundle } from '../../domain/index.js';
import type { EstimateJson } from '../../throughput/index.js';
import { estimateView } from '../estimate-view.js';
import { tooLargeToSimulate } from '../../throughput/index.js';
import { publishedBanner } from '../versions-view.js';
import { EventParams } from '../schemas.js';
import { eventView, planStatusView, planView } from '../views.js';
import { actorOf } from '../access.js';
import { ACCOUNT_SLOT, withAccountNav } from '../account-view.js';
import { EVENT_ACTIONS_SLOT, eventActionsHtml, eventPageNotice, withEventActions } from '../events-view.js';
import type { PageLocals } from '../i18n.js';
import { checkerOf } from '../../jobs/index.js';
import { markKey, noticeFor, stalenessOf, versionMark } from '../../services/plans.js';
import type { VersionMark } from '../../services/plans.js';
import { Memo } from '../../services/lru.js';

/** Simulated days behind the event page's estimate: enough for stable figures in about a second. */
const PAGE_RUNS = 200;

/** Event pages kept, rendered: at most this many, and at most this many bytes in all. */
const PAGE_ENTRIES = 200;
const PAGE_BYTES = 64 * 1024 * 1024;
/** Estimates kept (each a few KiB). */
const ESTIMATE_ENTRIES = 100;

const HTML = 'text/html; charset=utf-8';

/** After a change, the event page says so: `?created=1` or `?saved=1`. */
const EventPageQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 10 })), created: Type.Optional(Type.String({ maxLength: 10 })) });

export const pageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;
  const audits = auditWriter(db);
  // One estimate per plan version, simulated in a worker: it is deterministic, so it never
  // goes stale, and visitors who come while it runs wait for the same one.
  const estimates = new Memo<EstimateJson>(ESTIMATE_ENTRIES);
  const estimateFor = (bundle: Bundle, stored: StoredPlan): Promise<EstimateJson> =>
    estimates.get(`${bundle.event.id}:${stored.version}:${stored.createdAt}`, () =>
      app.jobs.run({ kind: 'estimate', bundle, options: { runs: PAGE_RUNS, plan: stored.plan, whatIf: true, whatIfLimit: 6, tradeoff: true } }));

  // Each event page as rendered, by what makes it: the event's last import, its latest plan
  // version, the version published last, and its
  // language. A view of a page kept costs a few small reads; a new import, version or publish
  // makes a new page.
  const pages = new Memo<Buffer>(PAGE_ENTRIES, PAGE_BYTES, (html) => html.length);

  /**
   * Builds one page from what the transaction read: the views, the plan's check and estimate (in
   * workers), the template. app.view knows no reply: the page's locale and language switch come
   * in `locals`, the request's reply.locals.
   */
  const renderPage = async (mark: VersionMark, bundle: Bundle & { key: number },
    stored: StoredPlan | undefined, published: StoredPlan | undefined, locals: PageLocals): Promise<Buffer> => {
    const { locale } = locals;
    // A purged event shows its facts and the anonymous counts its purge kept, and no plan.
    if (mark.purgedAt !== null) {
      const counts = purgedEventView(bundle, findEvent(db, bundle.event.id)!.applicants, loadEventCounts(db, bundle.key), mark.purgedAt, locale);
      return Buffer.from(await app.view('pages/event.hbs', {
        ...locals, ...eventView(bundle, locale), ...counts, plan: null, status: null, estimate: null, accountNav: ACCOUNT_SLOT, actions: EVENT_ACTIONS_SLOT,
      }), 'utf8');
    }
    // The check and the estimate run together in workers, started before any await so that the
    // check is keyed by the import it was given.
    const [stale, estimate] = stored
      ? await Promise.all([stalenessOf(db, bundle, stored, checkerOf(app.jobs), mark.updatedAt),
        // An event too large to simulate shows its plan without an estimate.
        tooLargeToSimulate(bundle) ? null : estimateFor(bundle, stored)])
      : [null, null];
    const status = stored && stale && planStatusView(bundle.event.id, stored,
      published, published && published.version !== stored.version ? noticeFor(published, stored.plan) : null, stale, bundle.event.timezone, locale);
    const plan = stored ? planView(bundle, stored, locale) : null;
    const html = await app.view('pages/event.hbs', {
      ...locals,
      ...eventView(bundle, locale),
      accountNav: ACCOUNT_SLOT,
      actions: EVENT_ACTIONS_SLOT,
      // Only accounts of the event's organizations reach the page: per-applicant and per-volunteer lines for all of them.
      coordinator: true,
      plan,
      status,
      // What is published, plain to see, and the way to the versions and the print page.
      versions: {
        url: `/events/${encodeURIComponent(bundle.event.id)}/versions`,
        printUrl: `/events/${encodeURIComponent(bundle.event.id)}/print`,
        banner: publishedBanner(mark.published, bundle.event.timezone, locale),
      },
      estimate: estimate && stored
        ? estimateView(estimate, stored.plan.summary.scheduled, bundle.event, bundle.event.planning.finishProbability, locale) : null,
    });
    return Buffer.from(html, 'utf8');
  };

  const pageKey = (mark: VersionMark, locale: string) => `${markKey(mark)}|${locale}`;
  // One read transaction: the page is keyed by the same state it is built from. The roster,
  // the applicants and the plans are read only when the page is not kept already.
  const readPage = app.store.sqlite.transaction((slug: string, locale: string) => {
    const mark = versionMark(db, slug);
    if (!mark) return undefined;
    const key = pageKey(mark, locale);
    if (pages.has(key)) return { mark, key };
    return {
      mark, key, bundle: loadBundle(db, slug)!,
      stored: mark.latest ? loadPlan(db, mark.key, mark.latest.version) : undefined,
      published: mark.published ? loadPlan(db, mark.key, mark.published.version) : undefined,
    };
  });

  app.get('/events/:id', { config: { access: 'read' }, schema: { params: EventParams, querystring: EventPageQuery } }, async (request, reply) => {
    const slug = request.params.id;
    // Only accounts of the event's organizations reach the page (its rule): each view is audit-logged.
    const { locale } = reply.locals;
    // A page kept under the current mark is sent without opening a transaction.
    const seen = versionMark(db, slug);
    const keptKey = seen && pageKey(seen, locale);
    const read = keptKey && pages.has(keptKey) ? { mark: seen, key: keptKey } : readPage(slug, locale);
    if (!read) return reply.callNotFound();
    const { mark, key } = read;
    // Sent only once the view is on the audit log (rows of one moment share one disk sync).
    const logged = mark.latest ? audits.write(actorOf(request), 'plan.view', mark.key, `version ${mark.latest.version}`) : undefined;
    const [html] = await Promise.all([pages.get(key, () => renderPage(mark, read.bundle!, read.stored, read.published, reply.locals)), logged]);
    // The links to change the event and the notice of a change just made are this request's own, like the header.
    const { saved, created } = request.query;
    const notice = eventPageNotice(locale, created ? 'created' : saved ? (mark.latest ? 'savedPlanned' : 'saved') : undefined);
    const account = request.account!;
    const mayWrite = account.role !== 'viewer' && (!request.grant || request.grant.scope === 'write');
    const actions = eventActionsHtml(slug, locale, mayWrite, mayWrite ? reply.generateCsrf() : '', notice);
    return reply.type(HTML).send(withEventActions(withAccountNav(html, request, reply), actions));
  });
};
