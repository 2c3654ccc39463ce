/**
 * The plan versions pages, for signed-in accounts of the event's organizations:
 *
 * - `GET /events/:id/versions`: every version, who made it and when, how many it schedules,
 *   which is published and which are drafts; a form to compare two (read);
 * - `GET /events/:id/versions/compare?from=A&to=B`: who moves, who is added or dropped, and
 *   whom to tell, going from version A to version B (read; on the audit log as a view);
 * - `GET /events/:id/versions/:version/publish`: what publishing it would change, and how many
 *   people's day, against the version people hold; `POST` the same publishes it (write; the
 *   form carries its token; audit-logged as the API's publish is).
 *
 * The use cases live in src/services/versions.ts and src/services/plans.ts; the words in the
 * catalogs (`versions`), the view models in src/http/versions-view.ts.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { publishVersion } from '../../services/plans.js';
import { compareVersions, eventVersions, publishPreview } from '../../services/versions.js';
import { actorOf } from '../access.js';
import { accountNav } from '../account-view.js';
import { EventParams, VersionParams } from '../schemas.js';
import { compareView, publishView, versionsView } from '../versions-view.js';

const Version = Type.Integer({ minimum: 1 });

/** Whether the request's account may publish: a coordinator or an admin, and not through a read-only token. */
export const mayWrite = (request: FastifyRequest): boolean =>
  request.account !== undefined && request.account.role !== 'viewer' && (request.grant === undefined || request.grant.scope === 'write');

export const versionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;

  const page = (request: FastifyRequest, reply: FastifyReply, template: string, data: object) =>
    reply.view(`versions/${template}.hbs`, { ...data, accountNav: accountNav(request, reply) });

  app.get('/events/:id/versions', {
    config: { access: 'read' },
    schema: { params: EventParams, querystring: Type.Object({ published: Type.Optional(Version) }) },
  }, async (request, reply) => {
    const data = eventVersions(db, request.params.id);
    if (!data) return reply.callNotFound();
    // Said only of the version that is in fact published now.
    const justPublished = request.query.published !== undefined && request.query.published === data.published ? data.published : undefined;
    return page(request, reply, 'list', versionsView(data, {
      locale: reply.locals.locale, mayWrite: mayWrite(request), ...(justPublished !== undefined ? { justPublished } : {}),
    }));
  });

  app.get('/events/:id/versions/compare', {
    config: { access: 'read' },
    schema: { params: EventParams, querystring: Type.Object({ from: Type.Optional(Version), to: Type.Optional(Version) }) },
  }, async (request, reply) => {
    const data = eventVersions(db, request.params.id);
    if (!data) return reply.callNotFound();
    const latest = data.versions[0]?.version;
    if (latest === undefined) return reply.redirect(`/events/${encodeURIComponent(request.params.id)}/versions`, 303);
    // By default the newest version against the published one (or the one before it).
    const to = request.query.to ?? latest;
    const from = request.query.from ?? (data.published !== null && data.published !== to ? data.published : Math.max(1, to - 1));
    const compared = compareVersions(db, request.params.id, from, to, actorOf(request));
    if (compared.kind === 'not_found') return reply.callNotFound();
    return page(request, reply, 'compare', compareView(data, compared, { locale: reply.locals.locale, mayWrite: mayWrite(request) }));
  });

  app.get('/events/:id/versions/:version/publish', {
    config: { access: 'write' },
    schema: { params: VersionParams },
  }, async (request, reply) => {
    const data = eventVersions(db, request.params.id);
    const preview = data && publishPreview(db, request.params.id, request.params.version);
    if (!data || !preview || preview.kind === 'not_found') return reply.callNotFound();
    return page(request, reply, 'publish', publishView(data, preview, { locale: reply.locals.locale, csrf: reply.generateCsrf() }));
  });

  app.post('/events/:id/versions/:version/publish', {
    config: { access: 'write' },
    schema: { params: VersionParams, body: Type.Optional(Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })) })) },
  }, async (request, reply) => {
    const { id, version } = request.params;
    const done = publishVersion(db, id, version, actorOf(request));
    if (done.kind === 'not_found') return reply.callNotFound();
    return reply.redirect(`/events/${encodeURIComponent(id)}/versions?published=${version}`, 303);
  });
};
