/**
 * Coordinators run their events from the browser: the home page's upcoming and past lists with
 * a search, and a form to make an event, change it, start another from it as a template, and
 * delete it with everything of it. Each handler reads the request, calls one use case of
 * src/services/events.ts and answers: a page, or on success a redirect.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { listOrganizations } from '../../db/users.js';
import {
  createEventFromForm, deleteEventConfirmed, deletionOf, editEventFromForm, eventLists, newEventForm, storedForm, templateForm,
} from '../../services/events.js';
import type { EventContents, EventFieldProblem, EventForm } from '../../services/events.js';
import { actorOf } from '../access.js';
import { accountNav, accountView } from '../account-view.js';
import { deletionView, eventFormView, eventListsView, problemMessage } from '../events-view.js';
import { translator } from '../i18n.js';
import type { Locale } from '../i18n.js';
import { EventParams } from '../schemas.js';
import { SAMPLES } from '../views.js';

const Text = (max = 200) => Type.String({ maxLength: max });

/** The event form as a browser sends it: text fields by their event.json path. */
const FormBody = Type.Record(Type.String(), Type.String({ maxLength: 20_000 }), { maxProperties: 2_000 });
const CsrfOnly = Type.Optional(Type.Object({ _csrf: Type.Optional(Text()) }));
const DeleteBody = Type.Object({ confirm: Type.Optional(Text(200)), _csrf: Type.Optional(Text()) });
const HomeQuery = Type.Object({ q: Type.Optional(Text(200)), deleted: Type.Optional(Text(10)) });

/** How a form page is headed and where it goes. */
interface FormPage {
  heading: string;
  submit: string;
  action: string;
  cancel: string;
  editing?: boolean;
  event?: { slug: string; name: string };
  template?: { slug: string; name: string };
}

/** The form's fields as sent, without the form token. */
const typed = (body: Record<string, string>): EventForm => {
  const { _csrf: _token, ...form } = body;
  return form;
};

export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;

  const formPage = (request: FastifyRequest, reply: FastifyReply, form: EventForm, problems: EventFieldProblem[], page: FormPage) => {
    const admin = request.account!.role === 'admin';
    const { locale } = reply.locals;
    return reply.view('events/form.hbs', {
      ...page, title: problems.length > 0 ? translator(locale)('events.form.errorTitle', { title: page.heading }) : page.heading,
      accountNav: accountNav(request, reply), csrf: reply.generateCsrf(),
      ...eventFormView(form, problems, { locale, editing: page.editing === true, ...(admin ? { organizations: listOrganizations(db) } : {}) }),
    });
  };

  const createPage = (locale: Locale, template?: { slug: string; name: string }): FormPage => {
    const t = translator(locale);
    return {
      heading: t(template ? 'events.form.templateTitle' : 'events.form.newTitle'), submit: t('events.form.create'),
      action: '/events', cancel: template ? `/events/${template.slug}` : '/', ...(template ? { template } : {}),
    };
  };
  const editPage = (locale: Locale, slug: string, name: string): FormPage => {
    const t = translator(locale);
    return {
      heading: t('events.form.editTitle', { name }), submit: t('events.form.save'), action: `/events/${slug}`, cancel: `/events/${slug}`,
      editing: true, event: { slug, name },
    };
  };

  /** The delete page: what goes, and the field to type the id in (with its problem, after a mismatch). */
  const deletePage = (request: FastifyRequest, reply: FastifyReply, found: { slug: string; name: string; contents: EventContents },
    refused?: { typed: string; problems: EventFieldProblem[] }) => {
    const { locale } = reply.locals;
    const t = translator(locale);
    const heading = t('events.delete.title', { name: found.name });
    const problems = (refused?.problems ?? []).map((p) => ({ field: p.field, message: problemMessage(p, locale) }));
    return reply.view('events/delete.hbs', {
      title: refused ? t('events.form.errorTitle', { title: heading }) : heading, accountNav: accountNav(request, reply), csrf: reply.generateCsrf(),
      slug: found.slug, name: found.name, removed: deletionView(found.contents, locale), typed: refused?.typed ?? '',
      problems, field: Object.fromEntries(problems.map((p) => [p.field, p.message])),
    });
  };

  app.get('/', { config: { access: 'signed-in' }, schema: { querystring: HomeQuery } }, async (request, reply) => {
    const account = request.account!;
    const query = request.query.q ?? '';
    const { locale } = reply.locals;
    const t = translator(locale);
    return reply.view('pages/home.hbs', {
      title: t('home.title'), account: accountView(account), accountNav: accountNav(request, reply),
      samples: SAMPLES.map((dir) => ({ dir, name: t(`samples.${dir}`) })),
      notice: request.query.deleted ? t('events.list.deleted') : undefined,
      ...eventListsView(eventLists(db, account, query), query, accountView(account).mayWrite, locale),
    });
  });

  app.get('/events/new', { config: { access: 'write', eventParam: false } }, async (request, reply) => {
    const account = request.account!;
    return formPage(request, reply, newEventForm(account.organizationId), [], createPage(reply.locals.locale));
  });

  app.post('/events', { config: { access: 'write', eventParam: false }, schema: { body: FormBody } }, async (request, reply) => {
    const form = typed(request.body);
    const made = createEventFromForm(db, form, request.account!, actorOf(request));
    if (!made.ok) return formPage(request, reply.code(400), form, made.problems, createPage(reply.locals.locale));
    return reply.redirect(`/events/${encodeURIComponent(made.slug)}?created=1`, 303);
  });

  app.get('/events/:id/edit', { config: { access: 'write' }, schema: { params: EventParams } }, async (request, reply) => {
    const form = storedForm(db, request.params.id);
    if (!form) return reply.callNotFound();
    return formPage(request, reply, form, [], editPage(reply.locals.locale, request.params.id, form.name!));
  });

  app.post('/events/:id', { config: { access: 'write' }, schema: { params: EventParams, body: FormBody } }, async (request, reply) => {
    const slug = request.params.id;
    const form = typed(request.body);
    const saved = editEventFromForm(db, slug, form, request.account!, actorOf(request));
    if (!saved) return reply.callNotFound();
    if (!saved.ok) return formPage(request, reply.code(400), form, saved.problems, editPage(reply.locals.locale, slug, saved.name));
    return reply.redirect(`/events/${encodeURIComponent(saved.slug)}?saved=1`, 303);
  });

  app.post('/events/:id/duplicate', { config: { access: 'write' }, schema: { params: EventParams, body: CsrfOnly } }, async (request, reply) => {
    const form = templateForm(db, request.params.id);
    if (!form) return reply.callNotFound();
    return formPage(request, reply, form, [], createPage(reply.locals.locale, { slug: request.params.id, name: form.name! }));
  });

  app.get('/events/:id/delete', { config: { access: 'write' }, schema: { params: EventParams } }, async (request, reply) => {
    const found = deletionOf(db, request.params.id);
    if (!found) return reply.callNotFound();
    return deletePage(request, reply, found);
  });

  app.post('/events/:id/delete', { config: { access: 'write' }, schema: { params: EventParams, body: DeleteBody } }, async (request, reply) => {
    const slug = request.params.id;
    const typedId = request.body.confirm ?? '';
    const deleted = deleteEventConfirmed(db, slug, typedId, actorOf(request));
    if (!deleted) return reply.callNotFound();
    if (!deleted.ok) return deletePage(request, reply.code(400), { slug, name: deleted.name, contents: deleted.contents }, { typed: typedId, problems: deleted.problems });
    return reply.redirect('/?deleted=1', 303);
  });
};
