import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { audit, findEvent, listEvents, loadBundle } from '../../db/events.js';
import { loadEventCounts, purgedAt } from '../../db/purge.js';
import { loadPlan } from '../../db/plans.js';
import type { StoredPlan } from '../../db/plans.js';
import type { Bundle } from '../../domain/index.js';
import type { EstimateJson } from '../../throughput/index.js';
import { estimateView } from '../estimate-view.js';
import { purgedEventView } from '../purged-view.js';
import { EventParams } from '../schemas.js';
import { countsOnly, eventView, homeView, planStatusView, planView, statusCountsOnly } from '../views.js';
import { apiGrantOf } from '../auth.js';
import { checkerOf } from '../../jobs/index.js';
import { noticeFor, publishedPlan, stalenessOf } from '../../services/plans.js';

/** Simulated days behind the event page's estimate: enough for stable figures in about a second. */
const PAGE_RUNS = 200;

export const pageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;
  // One estimate per plan version, simulated in a worker: it is deterministic, so it never
  // goes stale, and visitors who come while it runs wait for the same one.
  const estimates = new Map<string, Promise<EstimateJson>>();
  const estimateFor = (bundle: Bundle, stored: StoredPlan): Promise<EstimateJson> => {
    const key = `${bundle.event.id}:${stored.version}:${stored.createdAt}`;
    let found = estimates.get(key);
    if (!found) {
      found = app.jobs.run({ kind: 'estimate', bundle, options: { runs: PAGE_RUNS, plan: stored.plan, whatIf: true, whatIfLimit: 6, tradeoff: true } });
      // A failed estimate is not kept: the next visit tries again.
      found.catch(() => estimates.delete(key));
      estimates.set(key, found);
    }
    return found;
  };

  app.get('/', async (_request, reply) => reply.view('pages/home.hbs', homeView(listEvents(db))));

  app.get('/events/:id', { schema: { params: EventParams } }, async (request, reply) => {
    const bundle = loadBundle(db, request.params.id);
    if (!bundle) return reply.callNotFound();
    // A purged event shows its facts and the anonymous counts its purge kept, and no plan.
    const purged = purgedAt(db, bundle.key);
    if (purged !== null) {
      const counts = purgedEventView(bundle, findEvent(db, bundle.event.id)!.applicants, loadEventCounts(db, bundle.key), purged);
      return reply.view('pages/event.hbs', { ...eventView(bundle), ...counts, plan: null, status: null, estimate: null });
    }
    const stored = loadPlan(db, bundle.key);
    const estimated = stored ? await estimateFor(bundle, stored) : null;
    const published = publishedPlan(db, bundle.key);
    const status = stored && planStatusView(bundle.event.id, stored,
      published, published && published.version !== stored.version ? noticeFor(published, stored.plan) : null,
      await stalenessOf(db, bundle, stored, checkerOf(app.jobs)));
    // Per-applicant and per-volunteer lines only for a coordinator (an API token); anyone else
    // sees the event's facts and counts.
    const grant = apiGrantOf(request);
    if (grant) request.grant = grant;
    if (grant && stored) audit(db, `token:${grant.id}`, 'plan.view', bundle.event.id, `version ${stored.version}`);
    const plan = stored ? planView(bundle, stored) : null;
    return reply.view('pages/event.hbs', {
      ...eventView(bundle),
      coordinator: grant !== undefined,
      plan: grant || !plan ? plan : countsOnly(plan),
      status: grant || !status ? status : statusCountsOnly(status),
      estimate: estimated && stored ? estimateView(estimated, stored.plan.summary.scheduled, bundle.event, bundle.event.planning.finishProbability) : null,
    });
  });
};
