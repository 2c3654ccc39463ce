import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { audit, loadBundle } from '../../db/events.js';
import { heldPlan } from '../../services/plans.js';
import { printSheets, printSlips } from '../../services/print.js';
import { applicantOf, issueLink } from '../../db/tokens.js';
import { applicantSlips, SLIP_LANGUAGES, SlipUnavailableError } from '../../outputs/slips.js';
import { linkGrantOf } from '../auth.js';
import { actorOf } from '../access.js';
import { NEEDS_PUBLIC_URL, linkOrigin } from '../links.js';
import { BAD_EXPIRY, ErrorBody, EventId, EventParams, LinkBody, linkOptions } from '../schemas.js';

const HTML = 'text/html; charset=utf-8';
/** An applicant's code, as the roster and the slips write it. */
export const ApplicantCode = Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' });
const ApplicantParams = Type.Object({ id: EventId, aid: ApplicantCode });
/** One of the eight languages slips are printed in. */
export const SlipLanguageParam = Type.Union(SLIP_LANGUAGES.map((l) => Type.Literal(l)));

/**
 * What people hold, printed: station sheets and all slips for coordinators (they carry names:
 * token and audit log), and one applicant's slip by an unguessable, revocable link.
 */
export const printRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;

  app.get('/api/events/:id/sheets.html', {
    config: { access: 'read' },
    schema: {
      params: EventParams,
      querystring: Type.Object({
        version: Type.Optional(Type.Integer({ minimum: 1 })),
        /** `compact`: one table per station, several volunteers to a page (default `full`). */
        layout: Type.Optional(Type.Union([Type.Literal('full'), Type.Literal('compact')])),
      }),
      response: { 200: Type.String(), 404: ErrorBody, 410: ErrorBody },
    },
  }, async (request, reply) => {
    const { version, layout } = request.query;
    const printed = printSheets(db, request.params.id, { ...(version ? { version } : {}), compact: layout === 'compact' }, actorOf(request));
    if (printed.kind !== 'printed') return reply.code(printed.kind === 'purged' ? 410 : 404).send({ error: printed.error });
    return reply.type(HTML).send(printed.html);
  });

  app.get('/api/events/:id/slips.html', {
    config: { access: 'read' },
    schema: {
      params: EventParams,
      querystring: Type.Object({
        per_page: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(4)])),
        version: Type.Optional(Type.Integer({ minimum: 1 })),
        /** Only the slips printed in this language. */
        language: Type.Optional(SlipLanguageParam),
        /** Only this applicant's slip. */
        applicant: Type.Optional(ApplicantCode),
      }),
      response: { 200: Type.String(), 404: ErrorBody, 410: ErrorBody },
    },
  }, async (request, reply) => {
    const { per_page: perPage, version, language, applicant } = request.query;
    const printed = await printSlips(db, request.params.id, {
      ...(version ? { version } : {}), ...(perPage ? { perPage } : {}), ...(language ? { language } : {}), ...(applicant ? { applicant } : {}),
    }, actorOf(request));
    if (printed.kind !== 'printed') return reply.code(printed.kind === 'purged' ? 410 : 404).send({ error: printed.error });
    return reply.type(HTML).send(printed.html);
  });

  app.post('/api/events/:id/applicants/:aid/slip-link', {
    config: { access: 'write' },
    schema: {
      params: ApplicantParams, body: LinkBody,
      response: {
        201: Type.Object({ url: Type.String(), page_url: Type.String(), expires_at: Type.String(), revoked: Type.Integer() }),
        400: ErrorBody, 404: ErrorBody, 409: ErrorBody,
      },
    },
  }, async (request, reply) => {
    const { id, aid } = request.params;
    const origin = linkOrigin(app);
    if (origin === undefined) return reply.code(409).send({ error: NEEDS_PUBLIC_URL });
    const made = issueLink(db, { kind: 'applicant', event: id, code: aid }, linkOptions(request.body), actorOf(request));
    if (!made.ok) return made.reason === 'not_found' ? reply.code(404).send({ error: `Applicant ${aid} of ${id} not found` }) : reply.code(400).send({ error: BAD_EXPIRY });
    // The same link opens the printable slip and the applicant's own page (src/http/routes/applicant.ts).
    return reply.code(201).send({ url: `${origin}/slips/${made.token}`, page_url: `${origin}/a/${made.token}`, expires_at: made.expiresAt, revoked: made.revoked.length });
  });

  app.get('/slips/:token', { config: { access: 'link' }, schema: { params: Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) }) } }, async (request, reply) => {
    const missing = () => reply.code(404).type(HTML)
      .send('<!doctype html><html lang="en"><title>Taller</title><main><h1>This link does not work</h1><p>It may have been replaced. Please call the workshop. / Este enlace ya no funciona. Por favor llame al taller.</p></main></html>');
    // The link opens the applicant's stored record, by its id: never whoever holds the same code now.
    const grant = linkGrantOf(request, request.params.token, 'applicant');
    const owner = grant?.applicantId == null ? undefined : applicantOf(db, grant.applicantId);
    const bundle = owner && loadBundle(db, owner.event);
    const stored = bundle && heldPlan(db, bundle.key);
    if (!grant || !owner || !bundle || !stored) return missing();
    try {
      // Printed from the link, the slip's QR code leads to the applicant's own page (where links can be made here).
      const origin = linkOrigin(app);
      const page = origin === undefined ? undefined : `${origin}/a/${request.params.token}`;
      const html = await applicantSlips(bundle, stored.plan, { applicant: owner.code, draft: stored.draft, ...(page ? { checkInUrl: () => page } : {}) });
      audit(db, `token:${grant.id}`, 'slip.view', bundle.event.id);
      return reply.type(HTML).header('cache-control', 'private, no-store').send(html);
    } catch (err) {
      if (err instanceof SlipUnavailableError) return missing();
      throw err;
    }
  });
};
