/**
 * Printing from the browser, signed in (no API token): the print page and the papers it opens.
 *
 * - `GET /events/:id/print`: the choices: which version (the published one, or a draft, each
 *   page then marked so), the station sheets compact or full, the slips all, of one language or
 *   of one applicant, and how many to a page;
 * - `GET /events/:id/print/sheets?version=N&layout=compact|full` and
 *   `GET /events/:id/print/slips?version=N&language=L&applicant=CODE&per_page=1|2|4`: the papers,
 *   as the standalone HTML documents the JSON API gives, each print on the audit log.
 *
 * Every route needs `read` on the event. The use cases are src/services/print.ts.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { printSheets, printSlips } from '../../services/print.js';
import type { PrintRefusal } from '../../services/print.js';
import { eventVersions } from '../../services/versions.js';
import { actorOf } from '../access.js';
import { accountNav } from '../account-view.js';
import { errorPage } from '../errors.js';
import { longDate, translate } from '../i18n.js';
import { EventParams } from '../schemas.js';
import { printView } from '../versions-view.js';
import { SlipLanguageParam } from './print.js';

const HTML = 'text/html; charset=utf-8';
const Version = Type.Integer({ minimum: 1 });

export const printPageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;

  /** Why there is nothing to print, as a page in the visitor's language. */
  const refuse = (reply: FastifyReply, refusal: PrintRefusal, asked: { version?: number | undefined; applicant?: string | undefined }) => {
    const { locale } = reply.locals;
    if (refusal.kind === 'not_found') return reply.callNotFound();
    const text = refusal.kind === 'purged' ? translate(locale, 'versions.print.purged', { date: longDate(locale, refusal.on) })
      : refusal.kind === 'no_version' ? translate(locale, 'versions.print.noVersion', { version: asked.version })
        : refusal.kind === 'no_slip' ? translate(locale, 'versions.print.noSlip', { applicant: asked.applicant, version: refusal.version })
          : translate(locale, 'versions.print.noPlan');
    const title = translate(locale, 'versions.print.refused');
    return reply.code(refusal.kind === 'purged' ? 410 : 404).type(HTML).send(errorPage(locale, title, title, text));
  };

  app.get('/events/:id/print', {
    config: { access: 'read' },
    schema: { params: EventParams, querystring: Type.Object({ version: Type.Optional(Version) }) },
  }, async (request, reply) => {
    const data = eventVersions(db, request.params.id);
    if (!data) return reply.callNotFound();
    const { version } = request.query;
    return reply.view('versions/print.hbs', {
      ...printView(data, { locale: reply.locals.locale, ...(version !== undefined ? { version } : {}) }), accountNav: accountNav(request, reply),
    });
  });

  app.get('/events/:id/print/sheets', {
    config: { access: 'read' },
    schema: {
      params: EventParams,
      querystring: Type.Object({ version: Type.Optional(Version), layout: Type.Optional(Type.Union([Type.Literal('compact'), Type.Literal('full')])) }),
    },
  }, async (request, reply) => {
    const { version, layout } = request.query;
    const printed = printSheets(db, request.params.id, { ...(version !== undefined ? { version } : {}), compact: layout === 'compact' }, actorOf(request));
    if (printed.kind !== 'printed') return refuse(reply, printed, { version });
    return reply.type(HTML).send(printed.html);
  });

  app.get('/events/:id/print/slips', {
    config: { access: 'read' },
    schema: {
      params: EventParams,
      querystring: Type.Object({
        version: Type.Optional(Version),
        // The form's "every language" and an empty applicant field come as empty strings.
        language: Type.Optional(Type.Union([Type.Literal(''), SlipLanguageParam])),
        applicant: Type.Optional(Type.String({ maxLength: 64 })),
        per_page: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(4)])),
      }),
    },
  }, async (request, reply) => {
    const { version, language, per_page: perPage } = request.query;
    const applicant = request.query.applicant?.trim() || undefined;
    const printed = await printSlips(db, request.params.id, {
      ...(version !== undefined ? { version } : {}), ...(perPage ? { perPage } : {}), ...(language ? { language } : {}), ...(applicant ? { applicant } : {}),
    }, actorOf(request));
    if (printed.kind !== 'printed') return refuse(reply, printed, { version, applicant });
    return reply.type(HTML).send(printed.html);
  });
};
