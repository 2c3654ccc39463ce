import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { audit, findEvent, loadBundle } from '../../db/events.js';
import { eventKey, listPlans, loadPlan, savePlan } from '../../db/plans.js';
import { checkPlan } from '../../planner/check.js';
import { deskWarnings } from '../../planner/warnings.js';
import { planEvent, publishedPlan, publishVersion, stalenessOf } from '../../services/plans.js';
import type { PlanOutcome } from '../../services/plans.js';
import type { Db } from '../../db/index.js';
import { checkerOf } from '../../jobs/index.js';
import { tooLargeToSimulate } from '../../throughput/index.js';
import type { EstimateOptions } from '../../throughput/index.js';
import { diffPlans } from '../../planner/diff.js';
import type { PlanJson } from '../../planner/types.js';
import { actorOf } from '../access.js';
import { answerJob, JobAccepted } from '../jobs.js';
import { MAX_RUNS, overCap } from '../caps.js';
import type { JobAnswer, JobRunner } from '../jobs.js';
import { ChangeOut, ErrorBody, EventParams, NoticeOut, PlanBody, PlanOut, PlanRequest, VersionParams } from '../schemas.js';

const Violation = Type.Object({
  rule: Type.String(), applicant: Type.Optional(Type.String()), volunteer: Type.Optional(Type.String()), message: Type.String(),
});
const PlanVersion = Type.Object({
  version: Type.Integer(), createdAt: Type.String(), scheduled: Type.Integer(), scheduledWeight: Type.Integer(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  /** `published`: what people hold; `draft`: newer than it (or nothing published yet); `earlier`: neither. */
  status: Type.Union([Type.Literal('published'), Type.Literal('draft'), Type.Literal('earlier')]),
});
const notFound = (id: string) => ({ error: `Event ${id} not found` });

/** A plan request's answer: 201 with the version stored, or why not. */
function planAnswer(id: string, made: PlanOutcome): JobAnswer {
  if (made.kind === 'not_found') return { code: 404, body: notFound(id) };
  if (made.kind === 'bad_request') return { code: 400, body: { error: made.error } };
  if (made.kind === 'needs_confirm') return { code: 409, body: { error: made.error, published: made.published, notify: made.notify } };
  const { kind: _kind, ...answer } = made;
  return { code: 201, body: answer };
}

interface EstimateBody { runs?: number; seed?: number; version?: number; what_if?: boolean; finish_tradeoff?: boolean }

/** An estimate request's answer: the estimate JSON of the stored plan (or of a quick one), or 404. */
async function estimateAnswer(db: Db, id: string, body: EstimateBody, run: JobRunner): Promise<JobAnswer> {
  const bundle = loadBundle(db, id);
  if (!bundle) return { code: 404, body: notFound(id) };
  const tooMuch = overCap(bundle.applicants.length, body) ?? tooLargeToSimulate(bundle);
  if (tooMuch) return { code: 400, body: { error: tooMuch } };
  const stored = loadPlan(db, bundle.key, body.version);
  if (body.version !== undefined && !stored) return { code: 404, body: { error: `Plan version ${body.version} of ${id} not found` } };
  const options: EstimateOptions = { whatIf: body.what_if ?? true, tradeoff: body.finish_tradeoff ?? true };
  if (body.runs !== undefined) options.runs = body.runs;
  if (body.seed !== undefined) options.seed = body.seed;
  if (stored) options.plan = stored.plan;
  return { code: 200, body: await run({ kind: 'estimate', bundle, options }) };
}

/** Plans as versions: make one, list them, read one, see what changed, publish, or send back a hand-edited one. */
export const planRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;

  app.post('/events/:id/plan', {
    config: { access: 'write' },
    schema: {
      params: EventParams, body: Type.Optional(PlanRequest),
      response: {
        201: Type.Object({
          version: Type.Integer(), from: Type.Union([Type.Integer(), Type.Null()]), pinned: Type.Array(Type.String()),
          released: Type.Array(Type.String()), plan: PlanBody, notify: NoticeOut,
        }),
        202: JobAccepted, 400: ErrorBody, 404: ErrorBody, 429: ErrorBody,
        409: Type.Object({ error: Type.String(), published: Type.Integer(), notify: NoticeOut }),
      },
    },
  }, async (request, reply) => {
    const { finish_probability: finishProbability, ...body } = request.body ?? {};
    const asked = finishProbability === undefined ? body : { ...body, finishProbability };
    return answerJob(request, reply, request.params.id, async (run) => {
      const tooMuch = overCap(findEvent(db, request.params.id)?.applicants ?? 0, body);
      if (tooMuch) return { code: 400, body: { error: tooMuch } };
      return planAnswer(request.params.id, await planEvent(db, request.params.id, asked, actorOf(request), (bundle, options) => run({ kind: 'plan', bundle, options })));
    });
  });

  app.put('/events/:id/plan', {
    config: { access: 'write' },
    schema: {
      // The plan JSON as GET …/plans/:version or `taller plan` gives it; a field it does not have is refused by name.
      params: EventParams, body: PlanOut,
      response: { 201: Type.Object({ version: Type.Integer() }), 400: Type.Object({ error: Type.String(), violations: Type.Optional(Type.Array(Violation)) }), 404: ErrorBody },
    },
  }, async (request, reply) => {
    const bundle = loadBundle(db, request.params.id);
    if (!bundle) return reply.code(404).send(notFound(request.params.id));
    // What an import broke is worked out again from the event as it is now, never taken from the body.
    const { out_of_date: _outOfDate, ...body } = request.body as PlanJson & { out_of_date?: unknown };
    const violations = body.event === bundle.event.id ? checkPlan(bundle, body)
      : [{ rule: 'sameEvent', message: `this plan is for ${body.event}, not ${bundle.event.id}` }];
    if (violations.length > 0) {
      return reply.code(400).send({ error: `The plan breaks ${violations.length} rule${violations.length === 1 ? '' : 's'} and was not stored`, violations });
    }
    return reply.code(201).send({ version: savePlan(db, bundle.key, { ...body, warnings: deskWarnings(bundle, body) }, { edited: true }, actorOf(request)) });
  });

  app.get('/events/:id/plans', {
    config: { access: 'read' },
    schema: { params: EventParams, response: { 200: Type.Array(PlanVersion), 404: ErrorBody } },
  }, async (request, reply) => {
    const key = eventKey(db, request.params.id);
    if (key === undefined) return reply.code(404).send(notFound(request.params.id));
    const held = publishedPlan(db, key)?.version ?? 0;
    return listPlans(db, key).map((v) => ({ ...v, status: v.version === held ? 'published' as const : v.version > held ? 'draft' as const : 'earlier' as const }));
  });

  app.get('/events/:id/plans/:version', {
    config: { access: 'read' },
    schema: { params: VersionParams, response: { 200: PlanOut, 404: ErrorBody } },
  }, async (request, reply) => {
    const bundle = loadBundle(db, request.params.id);
    const stored = bundle && loadPlan(db, bundle.key, request.params.version);
    if (!bundle || !stored) return reply.code(404).send({ error: `Plan version ${request.params.version} of ${request.params.id} not found` });
    audit(db, actorOf(request), 'plan.view', request.params.id, `version ${request.params.version}`);
    const stale = await stalenessOf(db, bundle, stored, checkerOf(app.jobs));
    return { ...stored.plan, warnings: stale.warnings, ...(stale.outOfDate ? { out_of_date: stale.problems } : {}) };
  });

  app.get('/events/:id/plans/:version/changes', {
    config: { access: 'read' },
    schema: {
      params: VersionParams,
      querystring: Type.Object({ against: Type.Optional(Type.Integer({ minimum: 1 })) }),
      response: { 200: Type.Object({ from: Type.Union([Type.Integer(), Type.Null()]), changes: Type.Array(ChangeOut) }), 404: ErrorBody },
    },
  }, async (request, reply) => {
    const key = eventKey(db, request.params.id);
    const stored = key === undefined ? undefined : loadPlan(db, key, request.params.version);
    if (!stored || key === undefined) return reply.code(404).send({ error: `Plan version ${request.params.version} of ${request.params.id} not found` });
    const against = request.query.against ?? (request.params.version > 1 ? request.params.version - 1 : undefined);
    const before = against === undefined ? undefined : loadPlan(db, key, against);
    if (against !== undefined && !before) return reply.code(404).send({ error: `Plan version ${against} of ${request.params.id} not found` });
    const empty: PlanJson = { ...stored.plan, scheduled: [] };
    return { from: before?.version ?? null, changes: diffPlans(before?.plan ?? empty, stored.plan) };
  });

  app.post('/events/:id/estimate', {
    config: { access: 'read' },
    schema: {
      params: EventParams,
      body: Type.Optional(Type.Object({
        runs: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_RUNS })),
        seed: Type.Optional(Type.Integer()),
        version: Type.Optional(Type.Integer({ minimum: 1 })),
        what_if: Type.Optional(Type.Boolean()),
        finish_tradeoff: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false })),
      // The estimate JSON (the README's Formats; its shape is tested against estimate.schema.json).
      response: { 200: Type.Unknown(), 202: JobAccepted, 400: ErrorBody, 404: ErrorBody, 429: ErrorBody },
    },
  }, async (request, reply) => answerJob(request, reply, request.params.id, (run) => estimateAnswer(db, request.params.id, request.body ?? {}, run)));

  app.post('/events/:id/plans/:version/publish', {
    config: { access: 'write' },
    schema: { params: VersionParams, response: { 200: Type.Object({ version: Type.Integer(), published: Type.Boolean(), notify: NoticeOut }), 404: ErrorBody } },
  }, async (request, reply) => {
    const done = publishVersion(db, request.params.id, request.params.version, actorOf(request));
    if (done.kind === 'not_found') return reply.code(404).send({ error: done.error });
    return { version: done.version, published: true, notify: done.notify };
  });
};
