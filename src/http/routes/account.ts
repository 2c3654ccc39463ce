/**
 * Signing in and out, the first start's setup page, and each account's own page: who they are,
 * a new password, and the API tokens they make for their scripts.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { countUsers } from '../../db/users.js';
import {
  accountProblems, apiTokensOf, changeAccount, makeApiToken, revokeApiTokenOf, setUpFirstAdmin, signIn, MIN_PASSWORD,
} from '../../services/users.js';
import type { AccountProblem, TokenScopeName } from '../../services/users.js';
import { actorOf } from '../access.js';
import { accountNav, accountView } from '../account-view.js';
import { translate } from '../i18n.js';
import type { Locale } from '../i18n.js';

/** Where to go after signing in: a path on this site only (never `//host` or a URL elsewhere). */
export function localPath(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) && !/[\r\n]/.test(next) ? next : '/';
}

/** Form problems as the page shows them, in its language: a summary with links, and each field's message by its name. */
export function problemsView(problems: readonly AccountProblem[], locale: Locale) {
  const shown = problems.map((p) => ({ field: p.field, message: translate(locale, `account.problems.${p.code}`, p.params) }));
  return { problems: shown, field: Object.fromEntries(shown.map((p) => [p.field, p.message])) };
}

/** A problem of these pages' own, with its words (its English from the catalog). */
const problem = (field: string, code: AccountProblem['code']): AccountProblem => ({ field, code, message: translate('en', `account.problems.${code}`) });

const Text = (max = 200) => Type.String({ maxLength: max });

const SignInBody = Type.Object({ email: Text(320), password: Text(1000), next: Type.Optional(Text(2000)), _csrf: Type.Optional(Text()) });
const SetupBody = Type.Object({
  name: Text(), email: Text(320), organization: Type.Optional(Text()), password: Text(1000), confirm: Text(1000), _csrf: Type.Optional(Text()),
});
const TokenBody = Type.Object({ name: Text(), scope: Text(10), _csrf: Type.Optional(Text()) });
const PasswordBody = Type.Object({ current: Text(1000), password: Text(1000), confirm: Text(1000), _csrf: Type.Optional(Text()) });

export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;

  const signInPage = (request: FastifyRequest, reply: FastifyReply, data: Record<string, unknown> = {}) =>
    reply.header('cache-control', 'no-store').view('account/sign-in.hbs', {
      title: translate(reply.locals.locale, 'signIn.title'), csrf: reply.generateCsrf(), next: localPath((request.query as { next?: string }).next), ...data,
    });

  app.get('/sign-in', { config: { access: 'public' }, schema: { querystring: Type.Object({ next: Type.Optional(Text(2000)) }) } }, async (request, reply) => {
    if (countUsers(db) === 0) return reply.redirect('/setup', 303);
    if (request.account) return reply.redirect(localPath(request.query.next), 303);
    return signInPage(request, reply);
  });

  app.post('/sign-in', { config: { access: 'public' }, schema: { body: SignInBody } }, async (request, reply) => {
    const { email, password } = request.body;
    const next = localPath(request.body.next);
    const wait = await app.signInGuard(request);
    if (wait > 0) {
      return signInPage(request, reply.code(429).header('retry-after', String(wait)), {
        email, next, failure: translate(reply.locals.locale, 'signIn.tooMany', { count: wait }),
      });
    }
    const account = await signIn(db, email, password);
    if (!account) {
      return signInPage(request, reply.code(401), { email, next, failure: translate(reply.locals.locale, 'signIn.failed') });
    }
    // A new session id at sign-in: one planted before cannot be used to ride this one.
    await request.session.regenerate();
    request.session.userId = account.id;
    return reply.redirect(next, 303);
  });

  app.post('/sign-out', { config: { access: 'public' }, schema: { body: Type.Optional(Type.Object({ _csrf: Type.Optional(Text()) })) } }, async (request, reply) => {
    if (request.account) await request.session.destroy();
    return reply.redirect('/sign-in', 303);
  });

  app.get('/setup', { config: { access: 'public' } }, async (_request, reply) => {
    if (countUsers(db) > 0) return reply.callNotFound();
    return reply.header('cache-control', 'no-store').view('account/setup.hbs', {
      title: translate(reply.locals.locale, 'setup.title'), csrf: reply.generateCsrf(), minPassword: MIN_PASSWORD,
    });
  });

  app.post('/setup', { config: { access: 'public' }, schema: { body: SetupBody } }, async (request, reply) => {
    const { name, email, organization, password, confirm } = request.body;
    const again: AccountProblem[] = password === confirm ? [] : [problem('confirm', 'passwords_differ')];
    const made = again.length > 0
      ? { ok: false as const, problems: [...accountProblems(db, { name, email, organization, password, role: 'admin' }), ...again] }
      : await setUpFirstAdmin(db, { name, email, organization, password });
    if (!made.ok) {
      if ('closed' in made) return reply.callNotFound();
      return reply.code(400).header('cache-control', 'no-store').view('account/setup.hbs', {
        title: translate(reply.locals.locale, 'setup.title'), csrf: reply.generateCsrf(), minPassword: MIN_PASSWORD, name, email, organization,
        ...problemsView(made.problems, reply.locals.locale),
      });
    }
    await request.session.regenerate();
    request.session.userId = made.id;
    return reply.redirect('/', 303);
  });

  const accountPage = (request: FastifyRequest, reply: FastifyReply, data: Record<string, unknown> = {}) => {
    const account = request.account!;
    const { locale } = reply.locals;
    return reply.view('account/account.hbs', {
      title: translate(locale, 'account.title'), account: accountView(account, locale), accountNav: accountNav(request, reply), csrf: reply.generateCsrf(),
      email: account.email, minPassword: MIN_PASSWORD,
      tokens: apiTokensOf(db, account.id).map((t) => ({
        ...t, working: t.revokedAt === null, may: translate(locale, `account.tokens.scopes.${t.scope === 'read' ? 'read' : 'write'}`),
      })),
      ...data,
    });
  };

  app.get('/account', { config: { access: 'signed-in' } }, async (request, reply) => accountPage(request, reply));

  app.post('/account/tokens', { config: { access: 'signed-in' }, schema: { body: TokenBody } }, async (request, reply) => {
    const made = makeApiToken(db, request.account!, request.body.name, request.body.scope as TokenScopeName, actorOf(request));
    if (!made.ok) return accountPage(request, reply.code(400), { tokenName: request.body.name, ...problemsView(made.problems, reply.locals.locale) });
    // Shown once, on this page only: it is stored hashed.
    return accountPage(request, reply.code(201), { madeToken: made.token, madeName: request.body.name.trim() });
  });

  app.post('/account/tokens/:tid/revoke', {
    config: { access: 'signed-in' },
    schema: { params: Type.Object({ tid: Type.Integer({ minimum: 1 }) }), body: Type.Optional(Type.Object({ _csrf: Type.Optional(Text()) })) },
  }, async (request, reply) => {
    const revoked = revokeApiTokenOf(db, request.params.tid, request.account!, actorOf(request));
    if (!revoked) return accountPage(request, reply.code(404), { notice: translate(reply.locals.locale, 'account.tokens.notRevoked') });
    return reply.redirect('/account', 303);
  });

  app.post('/account/password', { config: { access: 'signed-in' }, schema: { body: PasswordBody } }, async (request, reply) => {
    const account = request.account!;
    const { current, password, confirm } = request.body;
    const problems: AccountProblem[] = [];
    if (!(await signIn(db, account.email, current))) problems.push(problem('current', 'password_wrong'));
    if (password !== confirm) problems.push(problem('confirm', 'new_passwords_differ'));
    const changed = problems.length > 0 ? { ok: false as const, problems } : await changeAccount(db, account.id, { password }, actorOf(request));
    if (!changed.ok) return accountPage(request, reply.code(400), problemsView(changed.problems, reply.locals.locale));
    // Every session of the account ended with the change; this one starts again.
    await request.session.regenerate();
    request.session.userId = account.id;
    return accountPage(request, reply, { notice: translate(reply.locals.locale, 'account.password.changed') });
  });
};
