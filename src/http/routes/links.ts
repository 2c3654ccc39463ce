import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { audit } from '../../db/events.js';
import { exportLinks, linkList, makeLink } from '../../services/links.js';
import { overviewOf } from '../../services/responses.js';
import { actorOf } from '../access.js';
import { accountNav } from '../account-view.js';
import { errorPage } from '../errors.js';
import { translate } from '../i18n.js';
import { linkOrigin } from '../links.js';
import { EventId, EventParams } from '../schemas.js';
import { linksView, madeLinkView, overviewView } from '../volunteer-view.js';

const HTML = 'text/html; charset=utf-8';
const PersonParams = Type.Object({
  id: EventId,
  kind: Type.Union([Type.Literal('volunteer'), Type.Literal('applicant')]),
  code: Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' }),
});
const FormBody = Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })) });
const ExportBody = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  scope: Type.Union([Type.Literal('all'), Type.Literal('missing')]),
});

/**
 * The coordinators' pages of an event's personal links (who has a working one; make or replace
 * one, shown once; export everyone's as a CSV file for their own mail merge) and their overview
 * of what people answered through them. Each view, link and export is on the audit log.
 */
export const linkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;

  /** Links are built from PUBLIC_URL (or localhost while only this machine reaches the server): without either, 409. */
  const needsPublicUrl = (reply: FastifyReply) => {
    const { locale } = reply.locals;
    const title = translate(locale, 'links.notMade');
    return reply.code(409).type(HTML).send(errorPage(locale, title, title, translate(locale, 'links.needsPublicUrl')));
  };

  app.get('/events/:id/links', { config: { access: 'read' }, schema: { params: EventParams } }, async (request, reply) => {
    const list = linkList(db, request.params.id);
    if (!list) return reply.callNotFound();
    audit(db, actorOf(request), 'links.view', list.event.id);
    const mayWrite = request.account?.role !== 'viewer';
    return reply.view('links/list.hbs', {
      ...linksView(list.event, list.people, reply.locals.locale, { csrf: reply.generateCsrf(), mayWrite }), accountNav: accountNav(request, reply),
    });
  });

  app.post('/events/:id/links/:kind/:code', { config: { access: 'write' }, schema: { params: PersonParams, body: FormBody } }, async (request, reply) => {
    const { id, kind, code } = request.params;
    const origin = linkOrigin(app);
    if (origin === undefined) return needsPublicUrl(reply);
    const list = linkList(db, id);
    if (!list) return reply.callNotFound();
    const made = makeLink(db, origin, { event: id, kind, code }, { replace: true }, actorOf(request));
    if (!made.ok) {
      const { locale } = reply.locals;
      const title = translate(locale, 'errors.notFoundTitle');
      return reply.code(404).type(HTML)
        .send(errorPage(locale, title, title, translate(locale, 'links.notFound', { kind: translate(locale, `links.kinds.${kind}`), code })));
    }
    // The link is in this answer only: never kept, never shown again.
    return reply.view('links/made.hbs', { ...madeLinkView(list.event, { code, ...made }, reply.locals.locale), accountNav: accountNav(request, reply) });
  });

  app.post('/events/:id/links.csv', { config: { access: 'write' }, schema: { params: EventParams, body: ExportBody } }, async (request, reply) => {
    const { id } = request.params;
    const origin = linkOrigin(app);
    if (origin === undefined) return needsPublicUrl(reply);
    const exported = exportLinks(db, origin, id, request.body.scope, actorOf(request));
    if (!exported) return reply.callNotFound();
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${id}-links.csv"`).send(exported.csv);
  });

  app.get('/events/:id/overview', { config: { access: 'read' }, schema: { params: EventParams } }, async (request, reply) => {
    const overview = overviewOf(db, request.params.id, actorOf(request));
    if (!overview) return reply.callNotFound();
    return reply.view('overview/overview.hbs', { ...overviewView(overview, reply.locals.locale), accountNav: accountNav(request, reply) });
  });
};
