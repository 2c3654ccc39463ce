/**
 * A small pool of worker threads for planning and simulating, so that a 10,000-applicant plan
 * (about a minute) never holds up the server's other requests. Jobs wait in arrival order for
 * a free worker; a worker that dies fails its job and is replaced by the next one needed.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Bundle } from '../domain/index.js';
import type { Violation } from '../planner/check.js';
import type { PlanJson } from '../planner/types.js';
import type { Job, JobResult } from './run.js';

export type { Job, JobResult } from './run.js';

interface Pending {
  id: number;
  job: Job;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
}

export class JobPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  /** At most `size` workers, started when first needed: one core is left to answer requests. */
  constructor(readonly size = Math.max(1, availableParallelism() - 1)) {}

  run<J extends Job>(job: J): Promise<JobResult<J>> {
    if (this.closed) return Promise.reject(new Error('the job pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Jobs running or waiting. */
  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.busy).length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('the job pool is closed'));
    await Promise.all(this.slots.splice(0).map((s) => {
      s.busy?.reject(new Error('the job pool is closed: its running job stopped'));
      return s.worker.terminate();
    }));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) slot = this.start();
      if (!slot) return;
      const next = this.queue.shift()!;
      slot.busy = next;
      slot.worker.postMessage({ id: next.id, job: next.job });
    }
  }

  private start(): Slot {
    const worker = new Worker(new URL('./thread.js', import.meta.url));
    const slot: Slot = { worker, busy: null };
    worker.on('message', (message: { id: number; value?: unknown; error?: string }) => {
      const done = slot.busy;
      slot.busy = null;
      if (done && done.id === message.id) {
        if (message.error !== undefined) done.reject(new Error(message.error));
        else done.resolve(message.value);
      }
      this.dispatch();
    });
    const lost = (error: Error) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      slot.busy?.reject(error);
      slot.busy = null;
      if (!this.closed) this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`a worker stopped (exit code ${code})`)));
    this.slots.push(slot);
    return slot;
  }
}

/** Checks stored plans in the pool's workers, for the use cases that take a checker. */
export function checkerOf(jobs: JobPool): (bundle: Bundle, plan: PlanJson, pins: ReadonlyMap<string, string>) => Promise<Violation[]> {
  return (bundle, plan, pins) => jobs.run({ kind: 'check', bundle, plan, pins });
}
