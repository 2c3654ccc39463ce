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
import type { FieldProblem, TokenScopeName } from '../../services/users.js';
import { actorOf } from '../access.js';
import { accountNav, accountView } from '../account-view.js';

/** Where to go after signing in: a path on this site only (never `//host` or a URL elsewhere). */
export function localPath(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) && !/[\r\n]/.test(next) ? next : '/';
}

/** Form problems as the page shows them: a summary with links, and each field's message by its name. */
export function problemsView(problems: FieldProblem[]) {
  return { problems, field: Object.fromEntries(problems.map((p) => [p.field, p.message])) };
}

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
      title: 'Sign in', csrf: reply.generateCsrf(), next: localPath((request.query as { next?: string }).next), ...data,
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
        email, next, failure: `Too many sign-in attempts from this address. Try again in ${wait} second${wait === 1 ? '' : 's'}.`,
      });
    }
    const account = await signIn(db, email, password);
    if (!account) {
      return signInPage(request, reply.code(401), { email, next, failure: 'That e-mail address and password do not match an account that may sign in.' });
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
    return reply.header('cache-control', 'no-store').view('account/setup.hbs', { title: 'Set up Taller', csrf: reply.generateCsrf(), minPassword: MIN_PASSWORD });
  });

  app.post('/setup', { config: { access: 'public' }, schema: { body: SetupBody } }, async (request, reply) => {
    const { name, email, organization, password, confirm } = request.body;
    const again: FieldProblem[] = password === confirm ? [] : [{ field: 'confirm', message: 'The two passwords differ: write the same one twice.' }];
    const made = again.length > 0
      ? { ok: false as const, problems: [...accountProblems(db, { name, email, organization, password, role: 'admin' }), ...again] }
      : await setUpFirstAdmin(db, { name, email, organization, password });
    if (!made.ok) {
      if ('closed' in made) return reply.callNotFound();
      return reply.code(400).header('cache-control', 'no-store').view('account/setup.hbs', {
        title: 'Set up Taller', csrf: reply.generateCsrf(), minPassword: MIN_PASSWORD, name, email, organization, ...problemsView(made.problems),
      });
    }
    await request.session.regenerate();
    request.session.userId = made.id;
    return reply.redirect('/', 303);
  });

  const accountPage = (request: FastifyRequest, reply: FastifyReply, data: Record<string, unknown> = {}) => {
    const account = request.account!;
    return reply.view('account/account.hbs', {
      title: 'Your account', account: accountView(account), accountNav: accountNav(request, reply), csrf: reply.generateCsrf(),
      email: account.email, minPassword: MIN_PASSWORD,
      tokens: apiTokensOf(db, account.id).map((t) => ({ ...t, working: t.revokedAt === null })),
      ...data,
    });
  };

  app.get('/account', { config: { access: 'signed-in' } }, async (request, reply) => accountPage(request, reply));

  app.post('/account/tokens', { config: { access: 'signed-in' }, schema: { body: TokenBody } }, async (request, reply) => {
    const made = makeApiToken(db, request.account!, request.body.name, request.body.scope as TokenScopeName, actorOf(request));
    if (!made.ok) return accountPage(request, reply.code(400), { tokenName: request.body.name, ...problemsView(made.problems) });
    // Shown once, on this page only: it is stored hashed.
    return accountPage(request, reply.code(201), { madeToken: made.token, madeName: request.body.name.trim() });
  });

  app.post('/account/tokens/:tid/revoke', {
    config: { access: 'signed-in' },
    schema: { params: Type.Object({ tid: Type.Integer({ minimum: 1 }) }), body: Type.Optional(Type.Object({ _csrf: Type.Optional(Text()) })) },
  }, async (request, reply) => {
    const revoked = revokeApiTokenOf(db, request.params.tid, request.account!, actorOf(request));
    if (!revoked) return accountPage(request, reply.code(404), { notice: 'No such working token of yours: nothing was revoked.' });
    return reply.redirect('/account', 303);
  });

  app.post('/account/password', { config: { access: 'signed-in' }, schema: { body: PasswordBody } }, async (request, reply) => {
    const account = request.account!;
    const { current, password, confirm } = request.body;
    const problems: FieldProblem[] = [];
    if (!(await signIn(db, account.email, current))) problems.push({ field: 'current', message: 'This is not your current password.' });
    if (password !== confirm) problems.push({ field: 'confirm', message: 'The two new passwords differ: write the same one twice.' });
    const changed = problems.length > 0 ? { ok: false as const, problems } : await changeAccount(db, account.id, { password }, actorOf(request));
    if (!changed.ok) return accountPage(request, reply.code(400), problemsView(changed.problems));
    // Every session of the account ended with the change; this one starts again.
    await request.session.regenerate();
    request.session.userId = account.id;
    return accountPage(request, reply, { notice: 'Your password is changed. Every other place you were signed in is signed out.' });
  });
};
