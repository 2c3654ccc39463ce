/**
 * The season's waitlist: nobody turned away is lost.
 *
 * - `GET /season/waitlist` (signed in): who waits, nearest deadline and longest waiting first,
 *   each with the later workshop offered or why there is none; names shown, so each view is on
 *   the audit log; an account sees its organization's people, admins everyone;
 * - `GET`/`POST /season/waitlist/new` (`write`): a registration for no workshop;
 * - `GET /season/waitlist/:wid/move?to=…` asks, `POST /season/waitlist/:wid/move` (`write`)
 *   adds the person as an applicant of the workshop offered, through the applicant form's save;
 * - `GET /season/waitlist/:wid/remove` asks, `POST …/remove` (`write`) takes a person off the
 *   list without moving them;
 * - `GET /season/waitlist/:wid/slip` (signed in): the come-back slip, in the person's language;
 * - `GET`/`POST /events/:id/waitlist` (`write`): send an event's applicants to the waitlist.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { auditWriter } from '../../db/audit.js';
import { eventKey } from '../../db/plans.js';
import { waitingPerson } from '../../db/waitlist.js';
import { comeBackSlip, comeBackView } from '../../outputs/slips.js';
import {
  REGISTRATION_FIELDS, eventCandidates, moveToWorkshop, registerWaiting, removeWaiting, sendFromEvent, slipOf, waitlistEntries, waitlistEntry,
} from '../../services/waitlist.js';
import type { RegistrationForm, Scope } from '../../services/waitlist.js';
import { actorOf } from '../access.js';
import { accountNav } from '../account-view.js';
import { translator } from '../i18n.js';
import { EventId } from '../schemas.js';
import { moveView, registrationView, sendView, waitlistView } from '../waitlist-view.js';

const Text = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const Codes = Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Array(Type.String({ maxLength: 300 }), { maxItems: 5000 })]));
const Wid = Type.Object({ wid: Type.String({ pattern: '^[0-9]{1,12}$' }) });
const Done = Type.Object({ added: Text(10), registered: Text(12), removed: Text(12) });
const RegistrationBody = Type.Object({
  _csrf: Text(200), name: Text(500), phone: Text(100), email: Text(500), languages: Text(500), case_type: Text(200),
  complexity: Text(100), county: Text(200), deadline: Text(50),
});

/** Today, as the season's pages count it. */
const listOf = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export const waitlistRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;
  const todayOf = () => app.now().toISOString().slice(0, 10);

  /** Whose people an account sees: an admin's, everyone's; others, their organization's. */
  const scopeOf = (request: FastifyRequest): Scope => (request.account!.role === 'admin' ? undefined : request.account!.organizationId);

  const page = (request: FastifyRequest, reply: FastifyReply, template: string, data: Record<string, unknown>) =>
    reply.header('cache-control', 'no-store')
      .view(`waitlist/${template}.hbs`, { ...data, accountNav: accountNav(request, reply), csrf: reply.generateCsrf() });

  /** Nothing to do for this person: they are not waiting, or not the account's to see. */
  const gone = (request: FastifyRequest, reply: FastifyReply, status: 404 | 409, key: 'waitlist.gone' | 'waitlist.notOffered') => {
    const t = translator(reply.locals.locale);
    return page(request, reply.code(status), 'notice', { title: t('waitlist.title'), text: t(key) });
  };

  app.get('/season/waitlist', { config: { access: 'signed-in' }, schema: { querystring: Done } }, async (request, reply) => {
    const { entries } = waitlistEntries(db, scopeOf(request), todayOf());
    await auditWriter(db).write(actorOf(request), 'waitlist.view', null, `${entries.length} waiting`);
    const t = translator(reply.locals.locale);
    const { added, registered, removed } = request.query;
    const done = added !== undefined ? t('waitlist.added', { count: Number(added) || 0 })
      : registered !== undefined ? t('waitlist.registered', { name: entries.find((e) => String(e.person.id) === registered)?.person.name ?? '' })
        : removed !== undefined ? t('waitlist.removed') : null;
    return page(request, reply, 'list', {
      ...waitlistView(entries, reply.locals.locale, done), mayWrite: request.account!.role !== 'viewer',
    });
  });

  app.get('/season/waitlist/new', { config: { access: 'write' } }, async (request, reply) =>
    page(request, reply, 'register', registrationView({}, [], reply.locals.locale)));

  app.post('/season/waitlist/new', { config: { access: 'write' }, schema: { body: RegistrationBody } }, async (request, reply) => {
    const form: RegistrationForm = Object.fromEntries(REGISTRATION_FIELDS.map((f) => [f, request.body[f] ?? '']));
    const account = request.account!;
    const outcome = await registerWaiting(db, form, { actor: actorOf(request), userId: account.id, organizationId: account.organizationId });
    if (outcome.ok) return reply.redirect(`/season/waitlist?registered=${outcome.id}`, 303);
    return page(request, reply.code(400), 'register', registrationView(form, outcome.problems, reply.locals.locale));
  });

  app.get('/season/waitlist/:wid/move', {
    config: { access: 'write' }, schema: { params: Wid, querystring: Type.Object({ to: Text(300) }) },
  }, async (request, reply) => {
    const entry = waitlistEntry(db, scopeOf(request), Number(request.params.wid), todayOf());
    if (!entry) return gone(request, reply, 404, 'waitlist.gone');
    if (!entry.offer || entry.offer.id !== request.query.to) return gone(request, reply, 409, 'waitlist.notOffered');
    await auditWriter(db).write(actorOf(request), 'waitlist.view', entry.offer.key, `waitlist #${entry.person.id}`);
    return page(request, reply, 'move', moveView(entry, reply.locals.locale));
  });

  app.post('/season/waitlist/:wid/move', {
    config: { access: 'write' }, schema: { params: Wid, body: Type.Object({ _csrf: Text(200), to: Type.String({ minLength: 1, maxLength: 300 }) }) },
  }, async (request, reply) => {
    const outcome = await moveToWorkshop(db, scopeOf(request), Number(request.params.wid), request.body.to, actorOf(request), todayOf());
    if (outcome.ok) return reply.redirect(`/events/${encodeURIComponent(outcome.event)}/applicants?done=add&code=${encodeURIComponent(outcome.code)}`, 303);
    if ('notFound' in outcome) return gone(request, reply, 404, 'waitlist.gone');
    if ('notOffered' in outcome) return gone(request, reply, 409, 'waitlist.notOffered');
    const t = translator(reply.locals.locale);
    return page(request, reply.code(409), 'notice', { title: t('waitlist.title'), text: outcome.problems.map((p) => p.problem.message).join(' ') });
  });

  app.get('/season/waitlist/:wid/remove', { config: { access: 'write' }, schema: { params: Wid } }, async (request, reply) => {
    const person = waitingPerson(db, Number(request.params.wid), scopeOf(request));
    if (person?.state !== 'waiting') return gone(request, reply, 404, 'waitlist.gone');
    await auditWriter(db).write(actorOf(request), 'waitlist.view', person.fromEventId, `waitlist #${person.id}`);
    const t = translator(reply.locals.locale);
    return page(request, reply, 'remove', {
      title: t('waitlist.remove.title', { name: person.name }), action: `/season/waitlist/${person.id}/remove`,
    });
  });

  app.post('/season/waitlist/:wid/remove', {
    config: { access: 'write' }, schema: { params: Wid, body: Type.Object({ _csrf: Text(200) }) },
  }, async (request, reply) => {
    if (!await removeWaiting(db, scopeOf(request), Number(request.params.wid), actorOf(request))) return gone(request, reply, 404, 'waitlist.gone');
    return reply.redirect('/season/waitlist?removed=1', 303);
  });

  app.get('/season/waitlist/:wid/slip', { config: { access: 'signed-in' }, schema: { params: Wid } }, async (request, reply) => {
    const found = slipOf(db, scopeOf(request), Number(request.params.wid), todayOf());
    if (!found) return gone(request, reply, 404, 'waitlist.gone');
    await auditWriter(db).write(actorOf(request), 'waitlist.slip', eventKey(db, found.event.id) ?? null, `waitlist #${found.person.id}`);
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(comeBackSlip(comeBackView(found.person, found.event)));
  });

  app.get('/events/:id/waitlist', { config: { access: 'write' }, schema: { params: Type.Object({ id: EventId }) } }, async (request, reply) => {
    const candidates = eventCandidates(db, request.params.id);
    if (!candidates) return reply.callNotFound();
    const shown = candidates.unscheduled.length + candidates.released.length + candidates.scheduled.length;
    await auditWriter(db).write(actorOf(request), 'waitlist.candidates.view', eventKey(db, request.params.id) ?? null, `${shown} applicants`);
    return page(request, reply, 'send', sendView(candidates.event, candidates, reply.locals.locale));
  });

  app.post('/events/:id/waitlist', {
    config: { access: 'write' },
    schema: { params: Type.Object({ id: EventId }), body: Type.Object({ _csrf: Text(200), unscheduled: Codes, released: Codes, not_finished: Codes }) },
  }, async (request, reply) => {
    const { body } = request;
    const outcome = await sendFromEvent(db, request.params.id, {
      unscheduled: listOf(body.unscheduled), released: listOf(body.released), notFinished: listOf(body.not_finished),
    }, { actor: actorOf(request), userId: request.account!.id });
    if (!outcome.ok) return reply.callNotFound();
    return reply.redirect(`/season/waitlist?added=${outcome.added}`, 303);
  });
};
