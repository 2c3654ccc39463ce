/**
 * A small pool of worker threads for planning and simulating, so that a 10,000-applicant plan
 * (about a minute) never holds up the server's other requests. The pool is bounded and fair:
 *
 * - a job run for an event (`key`) is refused with `JobsBusyError` when that event already has
 *   `perKey` jobs waiting or running, or when `waiting` jobs already wait for a worker;
 * - a free worker takes the oldest waiting job of an event that has none running, so one
 *   event's jobs never keep another's waiting behind them (else the oldest job);
 * - a job whose caller gives up (its `signal` aborts) leaves the queue, or when it is running its
 *   worker is stopped and a fresh one starts for the next job.
 *
 * Each worker's heap is bounded (`resourceLimits`): a job that outgrows it stops its own worker,
 * never the server. A worker that dies, for that or any reason, fails its job with
 * `JobLostError` (an HTTP answer of 503 with a sentence) and is replaced by the next one needed.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ResourceLimits } from 'node:worker_threads';
import type { BundleFiles, Problem } from '../bundle/index.js';
import type { OpenDatabase } from '../db/index.js';
import { importBundle } from '../services/bundles.js';
import type { ImportOutcome, ImportOwner } from '../services/bundles.js';
import type { Bundle } from '../domain/index.js';
import type { Violation } from '../planner/check.js';
import type { PlanJson } from '../planner/types.js';
import type { Job, JobResult } from './run.js';

export type { Job, JobResult } from './run.js';

export interface JobLimits {
  /** Jobs one event may have waiting or running at once (default 2). */
  perKey?: number;
  /** Jobs that may wait for a worker, all events together (default 8). */
  waiting?: number;
  /** Each worker's memory (default WORKER_LIMITS): a job that needs more stops its worker and fails. */
  resourceLimits?: ResourceLimits;
}

/**
 * A worker's heap: generous (a 50,000-applicant plan or estimate takes well under a gigabyte),
 * and bounded, so that a runaway job fails alone instead of taking the machine's memory.
 */
export const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 4096 };

export interface RunOptions {
  /** Whose job this is (an event id): bounds and shares the queue between events. Without it the job is never refused. */
  key?: string;
  /** Aborting it takes the job out of the queue, or stops its worker. */
  signal?: AbortSignal;
  /** Called when a worker takes the job. */
  onStart?: () => void;
}

/** The queue is full: try again after `retryAfter` seconds. An HTTP answer of 429. */
export class JobsBusyError extends Error {
  readonly statusCode = 429;
  readonly headers: Record<string, string>;
  constructor(message: string, readonly retryAfter: number) {
    super(message);
    this.name = 'JobsBusyError';
    this.headers = { 'retry-after': String(retryAfter) };
  }
}

/** The job was given up by its caller before it ended. */
export class JobCancelledError extends Error {
  constructor() {
    super('the job was cancelled: nobody waits for it any more');
    this.name = 'JobCancelledError';
  }
}

/**
 * The worker running the job died before answering (it ran out of memory, or stopped): nothing
 * the job would have done was done. An HTTP answer of 503.
 */
export class JobLostError extends Error {
  readonly statusCode = 503;
  constructor(message: string) {
    super(message);
    this.name = 'JobLostError';
  }
}

/** Why a worker died, in a sentence for whoever waited for its job. */
function lostJob(cause: Error | number): JobLostError {
  if (typeof cause !== 'number' && (cause as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new JobLostError('The job needed more memory than a worker may use and was stopped. Nothing was changed; a smaller request (fewer runs, without the what-if) may fit.');
  }
  const why = typeof cause === 'number' ? `exit code ${cause}` : cause.message;
  return new JobLostError(`The worker running the job stopped (${why}). Nothing was changed; please try again.`);
}

interface Pending {
  id: number;
  job: Job;
  key: string | undefined;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onStart: (() => void) | undefined;
  /** Stops listening to the caller's signal. */
  release: () => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  startedAt: number;
}

/** Seconds a refused caller is told to wait: a typical job's length, within these bounds. */
const RETRY_MIN_S = 5;
const RETRY_MAX_S = 120;

export class JobPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly perKey: number;
  private readonly waiting: number;
  private readonly resourceLimits: ResourceLimits;
  private nextId = 1;
  private closed = false;
  /** Recent job lengths in ms, for Retry-After. */
  private typicalMs = 10_000;

  /** At most `size` workers, started when first needed: one core is left to answer requests. */
  constructor(readonly size = Math.max(1, availableParallelism() - 1), limits: JobLimits = {}) {
    this.perKey = limits.perKey ?? 2;
    this.waiting = limits.waiting ?? 8;
    this.resourceLimits = limits.resourceLimits ?? WORKER_LIMITS;
  }

  run<J extends Job>(job: J, options: RunOptions = {}): Promise<JobResult<J>> {
    if (this.closed) return Promise.reject(new Error('the job pool is closed'));
    const { key, signal, onStart } = options;
    if (signal?.aborted) return Promise.reject(new JobCancelledError());
    if (key !== undefined) {
      const refusal = this.refusal(key);
      if (refusal) return Promise.reject(refusal);
    }
    return new Promise((resolve, reject) => {
      const pending: Pending = {
        id: this.nextId++, job, key, resolve: resolve as (value: unknown) => void, reject, onStart, release: () => {},
      };
      if (signal) {
        const cancel = () => this.cancel(pending);
        signal.addEventListener('abort', cancel, { once: true });
        pending.release = () => signal.removeEventListener('abort', cancel);
      }
      this.queue.push(pending);
      this.dispatch();
    });
  }

  /** Jobs running or waiting. */
  get pending(): number {
    return this.queue.length + this.running;
  }

  /** Jobs a worker is running. */
  get running(): number {
    return this.slots.filter((s) => s.busy).length;
  }

  /** Jobs running or waiting for one event. */
  pendingFor(key: string): number {
    return this.queue.filter((p) => p.key === key).length + this.slots.filter((s) => s.busy?.key === key).length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) this.settle(p, new Error('the job pool is closed'));
    await Promise.all(this.slots.splice(0).map((s) => {
      if (s.busy) this.settle(s.busy, new Error('the job pool is closed: its running job stopped'));
      s.busy = null;
      return s.worker.terminate();
    }));
  }

  private refusal(key: string): JobsBusyError | undefined {
    const retryAfter = Math.min(RETRY_MAX_S, Math.max(RETRY_MIN_S, Math.ceil(this.typicalMs / 1000)));
    if (this.pendingFor(key) >= this.perKey) {
      return new JobsBusyError(`This event already has ${this.perKey} jobs planning or simulating; try again in ${retryAfter} seconds.`, retryAfter);
    }
    // Jobs are handed to a free worker at once, so whatever is queued waits.
    if (this.queue.length >= this.waiting) {
      const wait = Math.min(RETRY_MAX_S, retryAfter * Math.ceil(this.queue.length / this.size));
      return new JobsBusyError(`The server is busy: ${this.queue.length} jobs are waiting for a worker; try again in ${wait} seconds.`, wait);
    }
    return undefined;
  }

  private settle(p: Pending, error: Error | null, value?: unknown): void {
    p.release();
    if (error) p.reject(error);
    else p.resolve(value);
  }

  /** The caller gave up: out of the queue, or its worker stopped (a fresh one starts for the next job). */
  private cancel(p: Pending): void {
    const index = this.queue.indexOf(p);
    if (index >= 0) {
      this.queue.splice(index, 1);
      this.settle(p, new JobCancelledError());
      return;
    }
    const slot = this.slots.find((s) => s.busy === p);
    if (!slot) return;
    this.slots.splice(this.slots.indexOf(slot), 1);
    slot.busy = null;
    this.settle(p, new JobCancelledError());
    void slot.worker.terminate();
    if (!this.closed) this.dispatch();
  }

  /** The next job for a free worker: the oldest of an event with nothing running, else the oldest. */
  private next(): Pending {
    const runningKeys = new Set(this.slots.map((s) => s.busy?.key).filter((k) => k !== undefined));
    const fair = this.queue.findIndex((p) => p.key === undefined || !runningKeys.has(p.key));
    return this.queue.splice(fair >= 0 ? fair : 0, 1)[0]!;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) slot = this.start();
      if (!slot) return;
      const next = this.next();
      slot.busy = next;
      slot.startedAt = performance.now();
      next.onStart?.();
      slot.worker.postMessage({ id: next.id, job: next.job });
    }
  }

  private start(): Slot {
    const worker = new Worker(new URL('./thread.js', import.meta.url), { resourceLimits: this.resourceLimits });
    const slot: Slot = { worker, busy: null, startedAt: 0 };
    worker.on('message', (message: { id: number; value?: unknown; error?: string }) => {
      const done = slot.busy;
      slot.busy = null;
      if (done && done.id === message.id) {
        this.typicalMs = 0.8 * this.typicalMs + 0.2 * (performance.now() - slot.startedAt);
        if (message.error !== undefined) this.settle(done, new Error(message.error));
        else this.settle(done, null, message.value);
      }
      this.dispatch();
    });
    const lost = (cause: Error | number) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      if (slot.busy) this.settle(slot.busy, lostJob(cause));
      slot.busy = null;
      if (!this.closed) this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    this.slots.push(slot);
    return slot;
  }
}

/**
 * Bundles up to this many bytes are imported in this thread, at once (a few hundred rows take
 * milliseconds), never queued behind a long plan; larger ones go to a worker.
 */
export const IMPORT_IN_THREAD_BYTES = 64 * 1024;

/**
 * Imports a bundle (see importBundle): a large one in a worker, through its own connection to the
 * database file, so the server answers meanwhile; a small one, or any into a database in memory
 * (only this thread's connection sees it), in this thread. At most a few imports wait or run in
 * the pool at once (they share one key).
 */
export function importInPool(jobs: JobPool, store: OpenDatabase, files: BundleFiles, actor: string, extraErrors: Problem[] = [],
  owner?: ImportOwner): Promise<ImportOutcome> {
  const bytes = Object.values(files).reduce((sum, file) => sum + (file?.length ?? 0), 0);
  if (store.path === ':memory:' || bytes <= IMPORT_IN_THREAD_BYTES) return Promise.resolve(importBundle(store.db, files, actor, extraErrors, owner));
  return jobs.run({ kind: 'import', database: store.path, files, actor, extraErrors, ...(owner ? { owner } : {}) }, { key: '#import' });
}

/** Checks stored plans in the pool's workers, for the use cases that take a checker. */
export function checkerOf(jobs: JobPool): (bundle: Bundle, plan: PlanJson, pins: ReadonlyMap<string, string>) => Promise<Violation[]> {
  return (bundle, plan, pins) => jobs.run({ kind: 'check', bundle, plan, pins });
}
