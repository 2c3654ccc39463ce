import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { BUNDLE_FILES } from '../../bundle/index.js';
import type { BundleFileName, BundleFiles } from '../../bundle/index.js';
import { formatInstant, instantAt } from '../../domain/index.js';
import type { ClinicEvent, Window } from '../../domain/index.js';
import { audit, findEvent, listEvents, loadBundle } from '../../db/events.js';
import { importInPool } from '../../jobs/index.js';
import { actorOf } from '../access.js';
import type { Problem } from '../../bundle/index.js';
import { ApplicantOut, ErrorBody, EventParams, EventSummary, Problem as ProblemSchema, VolunteerOut } from '../schemas.js';

const windowsOut = (event: ClinicEvent, windows: Window[]) =>
  windows.map((w) => ({ start: formatInstant(instantAt(event, w.start)), end: formatInstant(instantAt(event, w.end)) }));

const ImportResult = Type.Object({
  event: Type.String(), created: Type.Boolean(), volunteers: Type.Integer(), applicants: Type.Integer(),
  warnings: Type.Array(ProblemSchema),
});

export const apiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;

  app.get('/events', { config: { access: 'read', eventParam: false }, schema: { response: { 200: Type.Array(EventSummary) } } },
    async (request) => listEvents(db, request.account!.role === 'admin' ? undefined : request.account!.organizationId));

  app.get('/events/:id', {
    config: { access: 'read' },
    schema: { params: EventParams, response: { 200: EventSummary, 404: ErrorBody } },
  }, async (request, reply) => {
    const event = findEvent(db, request.params.id);
    return event ?? reply.code(404).send({ error: `Event ${request.params.id} not found` });
  });

  app.get('/events/:id/volunteers', {
    config: { access: 'read' },
    schema: { params: EventParams, response: { 200: Type.Array(VolunteerOut), 404: ErrorBody } },
  }, async (request, reply) => {
    const bundle = loadBundle(db, request.params.id, { asImported: true });
    if (!bundle) return reply.code(404).send({ error: `Event ${request.params.id} not found` });
    audit(db, actorOf(request), 'volunteers.view', bundle.event.id);
    return bundle.volunteers.map((v) => ({
      id: v.id, name: v.name, email: v.email, phone: v.phone, role: v.role, languages: v.languages,
      case_types: v.caseTypes, accreditation: v.accreditation, org: v.org, supervisor: v.supervisor,
      available: windowsOut(bundle.event, v.available), max_applicants: v.maxApplicants,
    }));
  });

  app.get('/events/:id/applicants', {
    config: { access: 'read' },
    schema: { params: EventParams, response: { 200: Type.Array(ApplicantOut), 404: ErrorBody } },
  }, async (request, reply) => {
    const bundle = loadBundle(db, request.params.id);
    if (!bundle) return reply.code(404).send({ error: `Event ${request.params.id} not found` });
    audit(db, actorOf(request), 'applicants.view', bundle.event.id);
    return bundle.applicants.map((a) => ({
      id: a.id, name: a.name, phone: a.phone, email: a.email, languages: a.languages, case_type: a.caseType,
      complexity: a.complexity, flags: a.flags, household: a.household, available: windowsOut(bundle.event, a.available),
      deadline: a.deadline, priority: a.priority,
    }));
  });

  app.post('/events/import', {
    config: { access: 'write' },
    schema: { response: { 200: ImportResult, 201: ImportResult, 400: ErrorBody } },
  }, async (request, reply) => {
    if (!request.isMultipart()) {
      return reply.code(400).send({ error: `Send the bundle as multipart/form-data with the files ${BUNDLE_FILES.join(', ')}` });
    }
    const files: BundleFiles = {};
    const problems: Problem[] = [];
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      const name = ([part.fieldname, part.filename] as string[]).find((n) => (BUNDLE_FILES as readonly string[]).includes(n));
      const buffer = await part.toBuffer();
      if (!name) {
        problems.push({ file: part.filename || part.fieldname, row: 1, column: '-', message: `unexpected file: a bundle holds ${BUNDLE_FILES.join(', ')}` });
      } else {
        files[name as BundleFileName] = buffer;
      }
    }
    const outcome = await importInPool(app.jobs, app.store, files, actorOf(request), problems, request.account);
    if (!outcome.ok) {
      const all = outcome.errors;
      return reply.code(400).send({ error: `The bundle was not imported: ${all.length} problem${all.length === 1 ? '' : 's'} found. Nothing was changed.`, problems: all });
    }
    const { saved, warnings } = outcome;
    return reply.code(saved.created ? 201 : 200).send({
      event: saved.slug, created: saved.created, volunteers: saved.volunteers, applicants: saved.applicants, warnings,
    });
  });
};
