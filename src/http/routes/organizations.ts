/**
 * The partner organizations, for admins: `GET /admin/organizations` lists every one (its DOJ
 * recognition, county, workshops, accounts, and the accredited representatives and attorneys
 * whose roster lines name it) with the form that adds one (`POST /admin/organizations`); with
 * `?edit=ID` it opens the form that changes that one (`POST /admin/organizations/:oid`).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { knownCounties } from '../../db/organizations.js';
import { addOrganization, editOrganization, findOrganization, organizationsOverview } from '../../services/organizations.js';
import { actorOf } from '../access.js';
import { accountNav } from '../account-view.js';
import { translate } from '../i18n.js';
import { draftOf, organizationProblemsView, organizationsView } from '../organizations-view.js';
import type { OrganizationDraft } from '../organizations-view.js';

const Text = (max = 200) => Type.String({ maxLength: max });

const OrganizationBody = Type.Object({
  name: Text(), doj_recognized: Type.Optional(Text(10)), recognized_until: Type.Optional(Text(40)), county: Type.Optional(Text()),
  _csrf: Type.Optional(Text()),
});
const ListQuery = Type.Object({ edit: Type.Optional(Type.Integer({ minimum: 1 })), saved: Type.Optional(Type.Integer({ minimum: 1 })) });

/** The form that changes one organization, open on the page: which, and what its fields hold. */
interface Editing { id: number; name: string; draft: OrganizationDraft }

export const organizationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;

  const page = (request: FastifyRequest, reply: FastifyReply, data: { editing?: Editing; draft?: OrganizationDraft; notice?: string } & Record<string, unknown> = {}) => {
    const { locale } = reply.locals;
    const organizations = organizationsView(organizationsOverview(db), locale, new Date().toISOString().slice(0, 10));
    return reply.header('cache-control', 'no-store').view('admin/organizations.hbs', {
      title: translate(locale, 'admin.organizations.title'), accountNav: accountNav(request, reply), csrf: reply.generateCsrf(),
      organizations, counties: knownCounties(db), draft: {}, ...data,
    });
  };

  app.get('/admin/organizations', { config: { access: 'admin' }, schema: { querystring: ListQuery } }, async (request, reply) => {
    const { edit, saved } = request.query;
    const editing = edit === undefined ? undefined : findOrganization(db, edit);
    if (edit !== undefined && !editing) return page(request, reply.code(404), { missing: translate(reply.locals.locale, 'admin.organizations.problems.no_organization') });
    const savedName = saved === undefined ? undefined : findOrganization(db, saved)?.name;
    return page(request, reply, {
      ...(editing ? { editing: { id: editing.id, name: editing.name, draft: draftOf(editing) } } : {}),
      ...(savedName ? { notice: translate(reply.locals.locale, 'admin.organizations.saved', { name: savedName }) } : {}),
    });
  });

  app.post('/admin/organizations', { config: { access: 'admin' }, schema: { body: OrganizationBody } }, async (request, reply) => {
    const { _csrf, ...input } = request.body;
    const added = addOrganization(db, input, actorOf(request));
    if (!added.ok) return page(request, reply.code(400), { draft: input, ...organizationProblemsView(added.problems, reply.locals.locale) });
    return reply.redirect(`/admin/organizations?saved=${added.id}`, 303);
  });

  app.post('/admin/organizations/:oid', {
    config: { access: 'admin' },
    schema: { params: Type.Object({ oid: Type.Integer({ minimum: 1 }) }), body: OrganizationBody },
  }, async (request, reply) => {
    const { oid } = request.params;
    const { _csrf, ...input } = request.body;
    const edited = editOrganization(db, oid, input, actorOf(request));
    if (edited.ok) return reply.redirect(`/admin/organizations?saved=${oid}`, 303);
    const { locale } = reply.locals;
    if (edited.problems[0]?.field === 'id') return page(request, reply.code(404), { missing: translate(locale, 'admin.organizations.problems.no_organization') });
    const kept = findOrganization(db, oid)!;
    const shown = organizationProblemsView(edited.problems, locale, 'edit-');
    return page(request, reply.code(400), { editing: { id: oid, name: kept.name, draft: input }, problems: shown.problems, editField: shown.field });
  });
};
