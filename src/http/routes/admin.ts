/**
 * What admins run: the accounts (add one, change a role or an organization, switch one off) and
 * the audit log, read and filtered by who, what, which event and when.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { readAudit } from '../../db/audit.js';
import { listAccounts, listOrganizations } from '../../db/users.js';
import { addAccount, changeAccount, MIN_PASSWORD, ROLES } from '../../services/users.js';
import { actorOf } from '../access.js';
import { accountNav } from '../account-view.js';
import { translate } from '../i18n.js';
import { problemsView } from './account.js';

const Text = (max = 200) => Type.String({ maxLength: max });
const Day = Type.String({ pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' });

const NewAccountBody = Type.Object({
  name: Text(), email: Text(320), role: Text(20), organization: Type.Optional(Text()), password: Text(1000), _csrf: Type.Optional(Text()),
});
const ChangeBody = Type.Object({
  role: Type.Optional(Text(20)), organization: Type.Optional(Text()), disabled: Type.Optional(Type.Union([Type.Literal('yes'), Type.Literal('no')])),
  _csrf: Type.Optional(Text()),
});
const AuditQuery = Type.Object({
  actor: Type.Optional(Text()), action: Type.Optional(Text(60)), event: Type.Optional(Text()), from: Type.Optional(Day), to: Type.Optional(Day),
});

export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;

  const usersPage = (request: FastifyRequest, reply: FastifyReply, data: Record<string, unknown> = {}) => {
    const { locale } = reply.locals;
    return reply.view('admin/users.hbs', {
      title: translate(locale, 'admin.users.title'), accountNav: accountNav(request, reply), csrf: reply.generateCsrf(), minPassword: MIN_PASSWORD,
      roles: ROLES, organizations: listOrganizations(db),
      accounts: listAccounts(db).map((a) => ({
        ...a, me: a.id === request.account!.id, disabled: a.disabledAt !== null,
        roleOptions: ROLES.map((r) => ({ role: r, label: translate(locale, `account.roles.${r}`), selected: r === a.role })),
      })),
      ...data,
    });
  };

  app.get('/admin/users', { config: { access: 'admin' } }, async (request, reply) => usersPage(request, reply));

  app.post('/admin/users', { config: { access: 'admin' }, schema: { body: NewAccountBody } }, async (request, reply) => {
    const made = await addAccount(db, request.body, actorOf(request));
    if (!made.ok) return usersPage(request, reply.code(400), { draft: request.body, ...problemsView(made.problems, reply.locals.locale) });
    return usersPage(request, reply.code(201), { notice: translate(reply.locals.locale, 'admin.users.added', { name: request.body.name.trim() }) });
  });

  app.post('/admin/users/:uid', {
    config: { access: 'admin' },
    schema: { params: Type.Object({ uid: Type.Integer({ minimum: 1 }) }), body: ChangeBody },
  }, async (request, reply) => {
    const { uid } = request.params;
    const { role, organization, disabled } = request.body;
    // An admin never locks everyone out by switching off or demoting their own account.
    if (uid === request.account!.id && ((role !== undefined && role !== 'admin') || disabled === 'yes')) {
      return usersPage(request, reply.code(400), { problems: [{ field: `role-${uid}`, message: translate(reply.locals.locale, 'account.problems.own_account') }], field: {} });
    }
    const changed = await changeAccount(db, uid, {
      ...(role !== undefined ? { role } : {}), ...(organization !== undefined ? { organization } : {}),
      ...(disabled !== undefined ? { disabled: disabled === 'yes' } : {}),
    }, actorOf(request));
    if (!changed.ok) return usersPage(request, reply.code(changed.problems[0]?.field === 'id' ? 404 : 400), problemsView(changed.problems, reply.locals.locale));
    return reply.redirect('/admin/users', 303);
  });

  app.get('/admin/audit', { config: { access: 'admin', eventParam: false }, schema: { querystring: AuditQuery } }, async (request, reply) => {
    const filter = Object.fromEntries(Object.entries(request.query).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
    const rows = readAudit(db, { ...filter, limit: 500 });
    return reply.view('admin/audit.hbs', {
      title: translate(reply.locals.locale, 'admin.audit.title'), accountNav: accountNav(request, reply), filter, rows, count: rows.length, capped: rows.length === 500,
    });
  });
};
