/**
 * Importing an event's roster or applicants from a spreadsheet in the browser, in steps:
 *
 * 1. `GET /events/:id/import`: the upload page (templates and samples to download), and
 *    `POST /events/:id/import/:target` the file (multipart; its form token is its first field);
 * 2. `…/:target/columns`: which Taller field each column holds, or "ignore";
 * 3. `…/:target/values`: the code each language, case type, role… written in the sheet stands for;
 * 4. `…/:target/preview`: the converted list checked with the event and its other list, every
 *    problem at the sheet's row, column letter and header; `POST …/:target/save` saves it;
 *    `POST …/:target/cancel` drops the upload; `POST …/:target/read` reads it another way.
 *
 * Every route needs `write` on the event. An upload belongs to the account that made it (one
 * per event and list), lives in the database for an hour at most, and is deleted once saved or
 * cancelled; its cells are never logged, and each page that shows them is on the audit log.
 */
import { basename } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { audit, loadEvent } from '../../db/events.js';
import { deleteExpiredUploads } from '../../db/spreadsheets.js';
import { listOrganizations } from '../../db/users.js';
import { checkerOf } from '../../jobs/index.js';
import { NOTHING, fieldsOf, valueOptions } from '../../sheets/index.js';
import type { ColumnChoice, Delimiter, ReadSheetOptions, SheetEncoding, SheetTarget } from '../../sheets/index.js';
import {
  TARGETS, UPLOAD_MINUTES, cancelUpload, chooseColumns, chooseValues, columnProposals, openUpload, previewUpload, rereadUpload, saveUpload,
  startUpload, valueProposals, waitingUploads,
} from '../../services/imports.js';
import type { Importer, OpenUpload } from '../../services/imports.js';
import { actorOf, checkUploadToken } from '../access.js';
import { accountNav } from '../account-view.js';
import { columnsView, previewView, readMessage, savedView, targetNames, valuesView } from '../import-view.js';
import { translate } from '../i18n.js';
import { EventId } from '../schemas.js';

const Target = Type.Union([Type.Literal('volunteers'), Type.Literal('applicants')]);
const StepParams = Type.Object({ id: EventId, target: Target });
/** A step's form: its token and one choice per column or value (`column-3`, `value-12`). */
const ChoiceBody = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 300 }), { maxProperties: 5000 });
const ReadBody = Type.Object({
  sheet: Type.Optional(Type.String({ maxLength: 300 })),
  delimiter: Type.Optional(Type.Union([Type.Literal(','), Type.Literal(';'), Type.Literal('\t')])),
  encoding: Type.Optional(Type.Union([Type.Literal('utf-8'), Type.Literal('windows-1252'), Type.Literal('utf-16le')])),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
});

/** How often the server deletes uploads whose hour is up, besides whenever uploads are read. */
const SWEEP_MS = 10 * 60_000;

const stepUrl = (slug: string, target: SheetTarget, step: string) => `/events/${encodeURIComponent(slug)}/import/${target}/${step}`;

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;
  const sweep = setInterval(() => deleteExpiredUploads(db, new Date().toISOString()), SWEEP_MS).unref();
  app.addHook('onClose', async () => clearInterval(sweep));

  const who = (request: FastifyRequest): Importer => ({ userId: request.account!.id, organizationId: request.account!.organizationId });

  const page = (request: FastifyRequest, reply: FastifyReply, template: string, data: Record<string, unknown>) =>
    reply.view(`imports/${template}.hbs`, { ...data, accountNav: accountNav(request, reply), csrf: reply.generateCsrf() });

  /** The upload page: both lists' forms, what waits, and the templates and samples to download. */
  const uploadPage = (request: FastifyRequest, reply: FastifyReply, slug: string, problems: { target: SheetTarget; message: string }[] = []) => {
    const found = loadEvent(db, slug);
    if (!found) return reply.callNotFound();
    const waiting = new Map(waitingUploads(db, who(request), found.key).map((w) => [w.target, w]));
    const { locale } = reply.locals;
    return page(request, reply, 'upload', {
      title: translate(locale, 'imports.upload.title'), eventId: slug, eventName: found.event.name, minutes: UPLOAD_MINUTES,
      problems: problems.map((p) => ({ field: `file-${p.target}`, message: p.message })),
      targets: TARGETS.map((target) => {
        const w = waiting.get(target);
        const problem = problems.find((p) => p.target === target)?.message;
        return {
          target, ...targetNames(locale, target), problem,
          waiting: w ? { url: stepUrl(slug, target, w.step), left: Math.max(1, Math.ceil((Date.parse(w.expiresAt) - Date.now()) / 60_000)) } : null,
        };
      }),
    });
  };

  /** No upload waits here for this account: never made, its hour passed, saved or cancelled. */
  const gone = (request: FastifyRequest, reply: FastifyReply, slug: string, target: SheetTarget) =>
    page(request, reply.code(404), 'gone', {
      title: translate(reply.locals.locale, 'imports.gone.title'), eventId: slug, list: targetNames(reply.locals.locale, target).list, minutes: UPLOAD_MINUTES,
    });

  /** Opens the account's upload, or answers that there is none. */
  const opened = async (request: FastifyRequest, reply: FastifyReply, slug: string, target: SheetTarget): Promise<OpenUpload | undefined> => {
    const open = await openUpload(db, who(request), slug, target);
    if (!open) await gone(request, reply, slug, target);
    return open;
  };

  const viewed = (request: FastifyRequest, open: OpenUpload, step: string) =>
    audit(db, actorOf(request), 'spreadsheet.view', open.bundle.event.id, `${open.upload.target} ${step}`);

  app.get('/events/:id/import', { config: { access: 'write' }, schema: { params: Type.Object({ id: EventId }) } },
    async (request, reply) => uploadPage(request, reply, request.params.id));

  app.post('/events/:id/import/:target', { config: { access: 'write', uploadToken: true }, schema: { params: StepParams } }, async (request, reply) => {
    const { id: slug, target } = request.params;
    const { locale } = reply.locals;
    const refuse = (message: string, code = 400) => uploadPage(request, reply.code(code), slug, [{ target, message }]);
    if (!request.isMultipart()) return refuse(translate(locale, 'imports.upload.notMultipart'));
    let tokenChecked = false;
    let file: { name: string; bytes: Buffer } | undefined;
    try {
      for await (const part of request.parts()) {
        if (!tokenChecked) {
          // The form's token comes first: nothing of the file is read before it is checked.
          if (!checkUploadToken(request, reply, part.type === 'field' && part.fieldname === '_csrf' ? String(part.value) : undefined)) return reply;
          tokenChecked = true;
        }
        if (part.type !== 'file') continue;
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file' && !file && part.filename) file = { name: basename(part.filename.replace(/\\/g, '/')).slice(-200), bytes };
      }
    } catch (err) {
      if (err instanceof app.multipartErrors.RequestFileTooLargeError) {
        return refuse(translate(locale, 'imports.upload.tooLarge'), 413);
      }
      throw err;
    }
    if (!tokenChecked && !checkUploadToken(request, reply, undefined)) return reply;
    if (!file) return refuse(translate(locale, 'imports.upload.noFile', { list: targetNames(locale, target).list }));
    const started = await startUpload(db, who(request), slug, target, file, actorOf(request));
    if (!started.ok) return 'notFound' in started ? reply.callNotFound() : refuse(readMessage(locale, started.read));
    return reply.redirect(stepUrl(slug, target, 'columns'), 303);
  });

  app.get('/events/:id/import/:target/columns', { config: { access: 'write' }, schema: { params: StepParams } }, async (request, reply) => {
    const { id: slug, target } = request.params;
    const open = await opened(request, reply, slug, target);
    if (!open) return reply;
    viewed(request, open, 'columns');
    return page(request, reply, 'columns', columnsView(open, columnProposals(open), reply.locals.locale));
  });

  app.post('/events/:id/import/:target/columns', { config: { access: 'write' }, schema: { params: StepParams, body: ChoiceBody } }, async (request, reply) => {
    const { id: slug, target } = request.params;
    const open = await opened(request, reply, slug, target);
    if (!open) return reply;
    const fields: readonly string[] = fieldsOf(target);
    const submitted = open.sheet.header.map((_, i) => request.body[`column-${i}`] ?? '');
    const choices = submitted.map((c): ColumnChoice | null => (c === 'ignore' || fields.includes(c) ? c as ColumnChoice : null));
    const chosen = chooseColumns(db, open, choices);
    if (!chosen.ok) {
      return page(request, reply.code(400), 'columns', columnsView(open, columnProposals(open), reply.locals.locale, { problems: chosen.problems, submitted }));
    }
    return reply.redirect(stepUrl(slug, target, 'values'), 303);
  });

  app.get('/events/:id/import/:target/values', { config: { access: 'write' }, schema: { params: StepParams } }, async (request, reply) => {
    const { id: slug, target } = request.params;
    const open = await opened(request, reply, slug, target);
    if (!open) return reply;
    if (open.upload.step === 'columns') return reply.redirect(stepUrl(slug, target, 'columns'), 303);
    const { values, date } = valueProposals(open);
    return page(request, reply, 'values', valuesView(open, values, date, reply.locals.locale));
  });

  app.post('/events/:id/import/:target/values', { config: { access: 'write' }, schema: { params: StepParams, body: ChoiceBody } }, async (request, reply) => {
    const { id: slug, target } = request.params;
    const open = await opened(request, reply, slug, target);
    if (!open) return reply;
    if (open.upload.step === 'columns') return reply.redirect(stepUrl(slug, target, 'columns'), 303);
    const { values, date } = valueProposals(open);
    const submitted = values.map((_, i) => request.body[`value-${i}`] ?? '');
    // Only a code of the lists, the one Taller proposed, or "leave it out": anything else is not chosen.
    const picks = values.map((v, i) => {
      const pick = submitted[i]!;
      if (pick === '-') return NOTHING;
      return pick !== '' && (pick === v.code || valueOptions(v.kind, open.bundle.event).some((o) => o.code === pick)) ? pick : null;
    });
    const order = request.body.date_order;
    const chosen = chooseValues(db, open, picks, order === 'dmy' || order === 'mdy' ? order : undefined);
    if (!chosen.ok) {
      const shown = submitted.map((s) => (s === '' ? null : s === '-' ? NOTHING : s));
      return page(request, reply.code(400), 'values', valuesView(open, values, date, reply.locals.locale, chosen.problems, shown));
    }
    return reply.redirect(stepUrl(slug, target, 'preview'), 303);
  });

  app.get('/events/:id/import/:target/preview', { config: { access: 'write' }, schema: { params: StepParams } }, async (request, reply) => {
    const { id: slug, target } = request.params;
    const open = await opened(request, reply, slug, target);
    if (!open) return reply;
    if (open.upload.step !== 'preview') return reply.redirect(stepUrl(slug, target, open.upload.step), 303);
    viewed(request, open, 'preview');
    return page(request, reply, 'preview', previewView(open, previewUpload(open), reply.locals.locale));
  });

  app.post('/events/:id/import/:target/save', {
    config: { access: 'write' }, schema: { params: StepParams, body: Type.Optional(ChoiceBody) },
  }, async (request, reply) => {
    const { id: slug, target } = request.params;
    const open = await opened(request, reply, slug, target);
    if (!open) return reply;
    if (open.upload.step !== 'preview') return reply.redirect(stepUrl(slug, target, open.upload.step), 303);
    const outcome = await saveUpload(db, open, actorOf(request), checkerOf(app.jobs));
    if (!outcome.ok) {
      if ('notFound' in outcome) return reply.callNotFound();
      return page(request, reply.code(400), 'preview', previewView(open, outcome.check, reply.locals.locale));
    }
    const organization = listOrganizations(db).find((o) => o.id === open.organizationId)?.name ?? null;
    return page(request, reply, 'saved', savedView(open.bundle.event, outcome, organization, reply.locals.locale));
  });

  app.post('/events/:id/import/:target/cancel', {
    config: { access: 'write' }, schema: { params: StepParams, body: Type.Optional(ChoiceBody) },
  }, async (request, reply) => {
    const { id: slug, target } = request.params;
    if (!loadEvent(db, slug)) return reply.callNotFound();
    cancelUpload(db, who(request), slug, target, actorOf(request));
    return reply.redirect(`/events/${encodeURIComponent(slug)}/import`, 303);
  });

  app.post('/events/:id/import/:target/read', { config: { access: 'write' }, schema: { params: StepParams, body: ReadBody } }, async (request, reply) => {
    const { id: slug, target } = request.params;
    const open = await opened(request, reply, slug, target);
    if (!open) return reply;
    const read: ReadSheetOptions = {};
    if (open.sheet.format === 'xlsx' && request.body.sheet) read.sheet = request.body.sheet;
    if (open.sheet.format === 'csv' && request.body.delimiter) read.delimiter = request.body.delimiter as Delimiter;
    if (open.sheet.format === 'csv' && request.body.encoding) read.encoding = request.body.encoding as SheetEncoding;
    const reread = await rereadUpload(db, open, read);
    if (!reread.ok) {
      return page(request, reply.code(400), 'columns', columnsView(open, columnProposals(open), reply.locals.locale, { readFailure: reread.read }));
    }
    return reply.redirect(stepUrl(slug, target, 'columns'), 303);
  });
};
