import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listEvents, loadBundle } from '../../db/events.js';
import { loadPlan } from '../../db/plans.js';
import { EventParams } from '../schemas.js';
import { eventView, homeView, planView } from '../views.js';

export const pageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;

  app.get('/', async (_request, reply) => reply.view('pages/home.hbs', homeView(listEvents(db))));

  app.get('/events/:id', { schema: { params: EventParams } }, async (request, reply) => {
    const bundle = loadBundle(db, request.params.id);
    if (!bundle) return reply.callNotFound();
    const stored = loadPlan(db, bundle.key);
    return reply.view('pages/event.hbs', { ...eventView(bundle), plan: stored ? planView(bundle, stored) : null });
  });
};
