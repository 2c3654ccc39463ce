import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listEvents, loadBundle } from '../../db/events.js';
import { loadPlan } from '../../db/plans.js';
import type { StoredPlan } from '../../db/plans.js';
import type { Bundle } from '../../domain/index.js';
import type { EstimateJson } from '../../throughput/index.js';
import { estimateView } from '../estimate-view.js';
import { EventParams } from '../schemas.js';
import { eventView, homeView, planStatusView, planView } from '../views.js';
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
    const stored = loadPlan(db, bundle.key);
    const estimated = stored ? await estimateFor(bundle, stored) : null;
    const published = publishedPlan(db, bundle.key);
    const status = stored && planStatusView(bundle.event.id, stored,
      published, published && published.version !== stored.version ? noticeFor(published, stored.plan) : null,
      await stalenessOf(db, bundle, stored, checkerOf(app.jobs)));
    return reply.view('pages/event.hbs', {
      ...eventView(bundle),
      plan: stored ? planView(bundle, stored) : null,
      status,
      estimate: estimated && stored ? estimateView(estimated, stored.plan.summary.scheduled, bundle.event, bundle.event.planning.finishProbability) : null,
    });
  });
};
