import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { JobCancelledError, JobLostError } from '../jobs/index.js';
import type { Job, JobResult } from '../jobs/index.js';
import type { TrackedJob } from '../jobs/board.js';
import { ErrorBody } from './schemas.js';

/** What a job's route answers: an HTTP status and its body. */
export interface JobAnswer {
  code: number;
  body: unknown;
}

/** Runs one job in the pool on behalf of a request: for its event, cancelled when nobody waits for it. */
export type JobRunner = <J extends Job>(job: J) => Promise<JobResult<J>>;

/** The answer while a job runs on: where to ask about it. */
export const JobAccepted = Type.Object({
  job: Type.String(),
  status: Type.Union([Type.Literal('queued'), Type.Literal('running')]),
  url: Type.String(),
});

const FAULT = 'The job failed on our side. Nothing was changed; please try again.';
const jobUrl = (id: string) => `/api/jobs/${id}`;

/**
 * Answers a request whose work runs in the pool. If it ends within the app's wait (`jobWait`),
 * the answer is exactly the work's; else 202 `{ job, status, url }` with a `Location` header,
 * and the job runs on, its answer kept at `GET /api/jobs/:id`. A client that leaves before
 * either answer cancels the job (it leaves the queue, or its worker is stopped); once the 202 is
 * sent, someone holds the job's URL and it is never cancelled.
 */
export async function answerJob(request: FastifyRequest, reply: FastifyReply, key: string, work: (run: JobRunner) => Promise<JobAnswer>): Promise<FastifyReply> {
  const { jobs, jobBoard, jobWait } = request.server;
  const controller = new AbortController();
  const tracked = jobBoard.open();
  let handedOut = false;
  const left = () => {
    if (!handedOut && !reply.raw.writableEnded) controller.abort();
  };
  reply.raw.on('close', left);
  const run: JobRunner = (job) => jobs.run(job, {
    key, signal: controller.signal, onStart: () => { tracked.status = 'running'; },
  });
  const working = work(run);
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<'waited'>((resolve) => { timer = setTimeout(() => resolve('waited'), jobWait); });
  const first = await Promise.race([working.then((answer) => ({ answer }), (error: unknown) => ({ error })), waited]);
  clearTimeout(timer);
  if (first !== 'waited') {
    reply.raw.off('close', left);
    if ('error' in first) {
      if (first.error instanceof JobCancelledError) return reply.code(503).send({ error: 'The job was stopped: nobody was waiting for its answer.' });
      if (first.error instanceof JobLostError) {
        request.log.error({ err: { type: first.error.name, message: first.error.message } }, 'job lost');
        return reply.code(503).send({ error: first.error.message });
      }
      throw first.error;
    }
    return reply.code(first.answer.code).send(first.answer.body);
  }
  handedOut = true;
  jobBoard.post(tracked);
  working.then(
    (answer) => jobBoard.end(tracked, { answer: { code: answer.code, json: serialized(reply, answer) } }),
    (error: unknown) => jobBoard.end(tracked, { error: failure(request, error) }),
  );
  const url = jobUrl(tracked.id);
  return reply.code(202).header('location', url).send({ job: tracked.id, status: tracked.status as 'queued' | 'running', url });
}

/** The body as the route would have sent it: through its response schema for that status. */
function serialized(reply: FastifyReply, answer: JobAnswer): string {
  try {
    return reply.serializeInput(answer.body as Record<string, unknown>, String(answer.code)) as string;
  } catch {
    return JSON.stringify(answer.body);
  }
}

/** A failed job's sentence: a refusal's or a lost job's own words, else a plain sentence (the fault goes to the log). */
function failure(request: FastifyRequest, error: unknown): string {
  const status = (error as { statusCode?: number }).statusCode;
  if (error instanceof JobLostError) request.log.error({ err: { type: error.name, message: error.message } }, 'job lost');
  if (error instanceof Error && status !== undefined && ((status >= 400 && status < 500) || status === 503)) return error.message;
  const err = error instanceof Error ? { type: error.name, message: error.message, stack: error.stack } : { message: String(error) };
  request.log.error({ err }, 'job failed');
  return FAULT;
}

/** A job's status as `GET /api/jobs/:id` answers it; when done, the exact answer of the request that made it. */
function statusJson(job: TrackedJob): string {
  const head = `{"job":${JSON.stringify(job.id)},"status":${JSON.stringify(job.status)},"url":${JSON.stringify(jobUrl(job.id))}`;
  if (job.status === 'done') return `${head},"status_code":${job.answer!.code},"body":${job.answer!.json}}`;
  if (job.status === 'failed') return `${head},"error":${JSON.stringify(job.error)}}`;
  return `${head}}`;
}

/** `GET /api/jobs/:id`: how a job answered with 202 is doing, and its answer once done. */
export const jobRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/jobs/:id', {
    config: { access: 'read', eventParam: false },
    schema: { params: Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) }), response: { 200: Type.Unknown(), 404: ErrorBody } },
  }, async (request, reply) => {
    const job = request.server.jobBoard.get(request.params.id);
    if (!job) return reply.code(404).send({ error: `No job ${request.params.id}: there never was one, or its answer is no longer kept` });
    return reply.code(200).type('application/json; charset=utf-8').send(statusJson(job));
  });
};
