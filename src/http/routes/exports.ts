import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { audit, loadBundle } from '../../db/events.js';
import { applicantsCsv, volunteersCsv } from '../../outputs/csv.js';
import { actorOf } from '../access.js';
import { ErrorBody, EventParams } from '../schemas.js';

/**
 * An event's roster and applicants as the CSV files the import reads, to open in a spreadsheet
 * or send back after an edit. Personal data: a token is needed and each export is audit-logged.
 */
export const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;

  for (const [file, action, write] of [
    ['volunteers.csv', 'volunteers.export', (b: NonNullable<ReturnType<typeof loadBundle>>) => volunteersCsv(b.event, b.volunteers)],
    ['applicants.csv', 'applicants.export', (b: NonNullable<ReturnType<typeof loadBundle>>) => applicantsCsv(b.event, b.applicants)],
  ] as const) {
    app.get(`/events/:id/${file}`, { config: { access: 'read' }, schema: { params: EventParams, response: { 200: Type.String(), 404: ErrorBody } } }, async (request, reply) => {
      const bundle = loadBundle(db, request.params.id, { asImported: true });
      if (!bundle) return reply.code(404).send({ error: `Event ${request.params.id} not found` });
      audit(db, actorOf(request), action, bundle.event.id);
      return reply.type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${bundle.event.id}-${file}"`)
        .send(write(bundle));
    });
  }
};
