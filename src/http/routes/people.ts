/**
 * An event's roster and applicants in tables, and one person at a time changed with forms:
 *
 * - `GET /events/:id/volunteers`, `GET /events/:id/applicants`: the table, narrowed by a search
 *   and filters sent as a plain GET form (the query string keeps them), 100 rows a page (`read`:
 *   names and contacts are personal data, each view is on the audit log);
 * - `GET`/`POST …/new`: add someone; `GET`/`POST …/:vid/edit` (`:aid` for applicants): change
 *   them; `GET …/:vid/remove` asks, `POST …/:vid/remove` removes (`write`).
 *
 * A change is checked and saved as an import is (src/services/people.ts): each problem is shown
 * at its field and nothing is saved; once saved, the list says so and how the plan now stands.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { checkerOf } from '../../jobs/index.js';
import { PEOPLE_KINDS, blankPerson, changePerson, findPerson, peoplePage } from '../../services/people.js';
import type { Change, PeopleKind } from '../../services/people.js';
import { actorOf } from '../access.js';
import { accountNav } from '../account-view.js';
import { longDate, translator } from '../i18n.js';
import { filterOf, filterOfBack, formOf, formView, listUrl, listView, queryOf, removeView } from '../people-view.js';
import { EventId } from '../schemas.js';

const Text = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const Code = Type.String({ minLength: 1, maxLength: 300 });

const ListQuery = Type.Object({
  q: Text(500), role: Text(100), language: Text(100), case_type: Text(200), status: Text(100), page: Text(20),
  done: Type.Optional(Type.Union([Type.Literal('add'), Type.Literal('edit'), Type.Literal('remove')])),
  code: Text(300),
});
const BackQuery = Type.Object({ back: Text(2000) });
const Cells = Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }));
/** A person's form: each field as text (the ticked boxes as a list), the list to go back to, and the form's token. */
const PersonBody = Type.Object({
  _csrf: Text(200), back: Text(2000),
  id: Text(300), name: Text(500), email: Text(500), phone: Text(100), role: Text(100), languages: Text(500), case_types: Cells,
  accreditation: Text(100), org: Text(500), supervisor: Text(300), available: Text(500), max_applicants: Text(50),
  case_type: Text(200), complexity: Text(100), flags: Cells, household: Text(300), deadline: Text(50), priority: Text(50),
});
const RemoveBody = Type.Object({ _csrf: Text(200), back: Text(2000) });

export const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;

  const page = (request: FastifyRequest, reply: FastifyReply, template: string, data: Record<string, unknown>) =>
    reply.view(`people/${template}.hbs`, { ...data, accountNav: accountNav(request, reply), csrf: reply.generateCsrf() });

  /** A page that says why nothing can be done here: the person is not there, or the event's personal data is gone. */
  const notice = (request: FastifyRequest, reply: FastifyReply, kind: PeopleKind, slug: string, status: 404 | 409,
    what: { code: string } | { purgedAt: string }) => {
    const t = translator(reply.locals.locale);
    const text = 'code' in what
      ? t(`people.missing.${kind}`, { code: what.code })
      : t('people.purged', { date: longDate(reply.locals.locale, what.purgedAt.slice(0, 10)) });
    const title = 'code' in what ? t('people.missing.title') : t(`people.title.${kind}`);
    return page(request, reply.code(status), 'notice', { title, text, listUrl: listUrl(slug, kind), listTitle: t(`people.title.${kind}`) });
  };

  for (const kind of PEOPLE_KINDS) {
    const param = kind === 'volunteers' ? 'vid' : 'aid';
    const base = `/events/:id/${kind}`;
    const Params = Type.Object({ id: EventId });
    // A volunteer's code is `:vid`, an applicant's `:aid`, as the other routes name them.
    const PersonParams = Type.Object({ id: EventId, vid: Type.Optional(Code), aid: Type.Optional(Code) });
    const codeOf = (params: { vid?: string; aid?: string }) => params[param] ?? '';

    app.get(base, { config: { access: 'read' }, schema: { params: Params, querystring: ListQuery } }, async (request, reply) => {
      const slug = request.params.id;
      const filter = filterOf(request.query);
      const { done, code } = request.query;
      const shown = await peoplePage(db, slug, kind, filter, actorOf(request), done ? checkerOf(app.jobs) : undefined);
      if (!shown) return reply.callNotFound();
      return page(request, reply, 'list', listView(shown, filter, reply.locals.locale, {
        mayWrite: request.account!.role !== 'viewer', done: done && code ? { what: done, code } : undefined,
      }));
    });

    app.get(`${base}/new`, { config: { access: 'write' }, schema: { params: Params, querystring: BackQuery } }, async (request, reply) => {
      const slug = request.params.id;
      const found = blankPerson(db, slug);
      if (!found) return reply.callNotFound();
      if (found.purgedAt) return notice(request, reply, kind, slug, 409, { purgedAt: found.purgedAt });
      const back = queryOf(filterOfBack(request.query.back));
      return page(request, reply, 'form', formView({ kind, event: found.event, attorneys: found.attorneys, back }, {}, reply.locals.locale));
    });

    app.get(`${base}/:${param}/edit`, { config: { access: 'write' }, schema: { params: PersonParams, querystring: BackQuery } }, async (request, reply) => {
      const slug = request.params.id;
      const code = codeOf(request.params);
      const found = findPerson(db, slug, kind, code);
      if (!found) return blankPerson(db, slug) ? notice(request, reply, kind, slug, 404, { code }) : reply.callNotFound();
      if (found.purgedAt) return notice(request, reply, kind, slug, 409, { purgedAt: found.purgedAt });
      const back = queryOf(filterOfBack(request.query.back));
      return page(request, reply, 'form', formView({ kind, event: found.event, attorneys: found.attorneys, code, name: found.name, back }, found.form, reply.locals.locale));
    });

    app.get(`${base}/:${param}/remove`, { config: { access: 'write' }, schema: { params: PersonParams, querystring: BackQuery } }, async (request, reply) => {
      const slug = request.params.id;
      const code = codeOf(request.params);
      const found = findPerson(db, slug, kind, code);
      if (!found) return blankPerson(db, slug) ? notice(request, reply, kind, slug, 404, { code }) : reply.callNotFound();
      if (found.purgedAt) return notice(request, reply, kind, slug, 409, { purgedAt: found.purgedAt });
      const back = queryOf(filterOfBack(request.query.back));
      return page(request, reply, 'remove', removeView(kind, found.event, code, found.name, back, reply.locals.locale));
    });

    /** Saves a change; on a problem shows the form (or the question) again with it, else goes back to the list, which says so. */
    const change = async (request: FastifyRequest, reply: FastifyReply, slug: string, what: Change, back: string) => {
      const outcome = changePerson(db, slug, kind, what, actorOf(request));
      const { locale } = reply.locals;
      if (outcome.ok) {
        const done = new URLSearchParams(back);
        done.set('done', what.kind);
        done.set('code', outcome.code);
        return reply.redirect(listUrl(slug, kind, done.toString()), 303);
      }
      if ('notFound' in outcome) {
        return outcome.notFound === 'event' || what.kind === 'add' ? reply.callNotFound() : notice(request, reply, kind, slug, 404, { code: what.code });
      }
      if ('purgedAt' in outcome) return notice(request, reply, kind, slug, 409, { purgedAt: outcome.purgedAt });
      const { event, attorneys, name } = outcome.context;
      if (what.kind === 'remove') {
        return page(request, reply.code(400), 'remove', removeView(kind, event, what.code, name ?? '', back, locale, outcome.problems));
      }
      return page(request, reply.code(400), 'form', formView({
        kind, event, attorneys, code: what.kind === 'edit' ? what.code : undefined, name, back, problems: outcome.problems, warnings: outcome.warnings,
      }, what.form, locale));
    };

    app.post(`${base}/new`, { config: { access: 'write' }, schema: { params: Params, body: PersonBody } }, async (request, reply) => {
      const back = queryOf(filterOfBack(request.body.back));
      return change(request, reply, request.params.id, { kind: 'add', form: formOf(kind, request.body) }, back);
    });

    app.post(`${base}/:${param}/edit`, { config: { access: 'write' }, schema: { params: PersonParams, body: PersonBody } }, async (request, reply) => {
      const back = queryOf(filterOfBack(request.body.back));
      return change(request, reply, request.params.id, { kind: 'edit', code: codeOf(request.params), form: formOf(kind, request.body) }, back);
    });

    app.post(`${base}/:${param}/remove`, { config: { access: 'write' }, schema: { params: PersonParams, body: Type.Optional(RemoveBody) } }, async (request, reply) => {
      const back = queryOf(filterOfBack(request.body?.back));
      return change(request, reply, request.params.id, { kind: 'remove', code: codeOf(request.params) }, back);
    });
  }
};
