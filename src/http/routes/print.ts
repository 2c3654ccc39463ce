import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { audit, loadBundle } from '../../db/events.js';
import { eventSlug } from '../../db/plans.js';
import { heldPlan, shownPlan, withWarnings } from '../../services/plans.js';
import { createToken, verifyToken } from '../../db/tokens.js';
import { stationSheets } from '../../outputs/sheets.js';
import { applicantSlips, SlipUnavailableError } from '../../outputs/slips.js';
import { actorOf, requireApiToken } from '../auth.js';
import { ErrorBody, EventId, EventParams } from '../schemas.js';

const HTML = 'text/html; charset=utf-8';
const ApplicantParams = Type.Object({ id: EventId, aid: Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' }) });
const noPlan = (id: string) => ({ error: `Event ${id} has no plan yet: plan it first` });
const VersionQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) });

/**
 * What people hold, printed: station sheets and all slips for coordinators (they carry names:
 * token and audit log), and one applicant's slip by an unguessable, revocable link.
 */
export const printRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;

  app.get('/api/events/:id/sheets.html', {
    preHandler: requireApiToken, schema: { params: EventParams, querystring: VersionQuery, response: { 200: Type.String(), 404: ErrorBody } },
  }, async (request, reply) => {
    const bundle = loadBundle(db, request.params.id);
    const stored = bundle && shownPlan(db, bundle.key, request.query.version);
    if (!bundle || !stored) return reply.code(404).send(bundle ? noPlan(request.params.id) : { error: `Event ${request.params.id} not found` });
    audit(db, actorOf(request), 'sheets.export', bundle.event.id, `version ${stored.version}`);
    return reply.type(HTML).send(stationSheets(bundle, withWarnings(bundle, stored), { draft: stored.draft }));
  });

  app.get('/api/events/:id/slips.html', {
    preHandler: requireApiToken,
    schema: {
      params: EventParams,
      querystring: Type.Object({ per_page: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(4)])), version: Type.Optional(Type.Integer({ minimum: 1 })) }),
      response: { 200: Type.String(), 404: ErrorBody },
    },
  }, async (request, reply) => {
    const bundle = loadBundle(db, request.params.id);
    const stored = bundle && shownPlan(db, bundle.key, request.query.version);
    if (!bundle || !stored) return reply.code(404).send(bundle ? noPlan(request.params.id) : { error: `Event ${request.params.id} not found` });
    audit(db, actorOf(request), 'slips.export', bundle.event.id, `version ${stored.version}`);
    const perPage = request.query.per_page;
    return reply.type(HTML).send(await applicantSlips(bundle, stored.plan, { draft: stored.draft, ...(perPage ? { perPage } : {}) }));
  });

  app.post('/api/events/:id/applicants/:aid/slip-link', {
    preHandler: requireApiToken,
    schema: { params: ApplicantParams, response: { 201: Type.Object({ url: Type.String() }), 404: ErrorBody } },
  }, async (request, reply) => {
    const { id, aid } = request.params;
    const bundle = loadBundle(db, id);
    if (!bundle || !bundle.applicants.some((a) => a.id === aid)) return reply.code(404).send({ error: `Applicant ${aid} of ${id} not found` });
    const token = createToken(db, 'applicant', { eventId: bundle.key, subject: aid });
    audit(db, actorOf(request), 'slip.link', id);
    return reply.code(201).send({ url: `${request.protocol}://${request.host}/slips/${token}` });
  });

  app.get('/slips/:token', { schema: { params: Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) }) } }, async (request, reply) => {
    const grant = verifyToken(db, request.params.token, 'applicant', new Date().toISOString());
    const slug = grant?.eventId == null ? undefined : eventSlug(db, grant.eventId);
    const bundle = slug === undefined ? undefined : loadBundle(db, slug);
    const stored = bundle && heldPlan(db, bundle.key);
    const missing = () => reply.code(404).type(HTML)
      .send('<!doctype html><html lang="en"><title>Taller</title><main><h1>This link does not work</h1><p>It may have been replaced. Please call the workshop. / Este enlace ya no funciona. Por favor llame al taller.</p></main></html>');
    if (!grant?.subject || !bundle || !stored) return missing();
    try {
      const html = await applicantSlips(bundle, stored.plan, { applicant: grant.subject, draft: stored.draft });
      audit(db, `token:${grant.id}`, 'slip.view', bundle.event.id);
      return reply.type(HTML).header('cache-control', 'private, no-store').send(html);
    } catch (err) {
      if (err instanceof SlipUnavailableError) return missing();
      throw err;
    }
  });
};
