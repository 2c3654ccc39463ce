/**
 * Jobs a caller stopped waiting for and will ask about later: each under an unguessable id,
 * with its status and, once it ends, the answer it gave, kept for a while after it ends.
 */
import { randomBytes } from 'node:crypto';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface TrackedJob {
  id: string;
  status: JobStatus;
  /** The answer once done: its HTTP status and its body, serialized exactly as it would have been sent. */
  answer?: { code: number; json: string };
  /** A sentence once failed. */
  error?: string;
  endedAt?: number;
}

export class JobBoard {
  private readonly jobs = new Map<string, TrackedJob>();

  /** Ended jobs are kept `keepMs` (default an hour); at most `most` are held, the oldest ended ones forgotten first. */
  constructor(readonly keepMs = 60 * 60 * 1000, readonly most = 500, private readonly now = () => Date.now()) {}

  /** A new job, queued, under a fresh random id. */
  open(): TrackedJob {
    return { id: randomBytes(18).toString('base64url'), status: 'queued' };
  }

  /** From now on the job can be asked about by its id. */
  post(job: TrackedJob): void {
    this.sweep();
    this.jobs.set(job.id, job);
  }

  end(job: TrackedJob, outcome: { answer: { code: number; json: string } } | { error: string }): void {
    if ('answer' in outcome) {
      job.status = 'done';
      job.answer = outcome.answer;
    } else {
      job.status = 'failed';
      job.error = outcome.error;
    }
    job.endedAt = this.now();
  }

  get(id: string): TrackedJob | undefined {
    this.sweep();
    return this.jobs.get(id);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, job] of this.jobs) if (job.endedAt !== undefined && now - job.endedAt > this.keepMs) this.jobs.delete(id);
    if (this.jobs.size < this.most) return;
    const ended = [...this.jobs.values()].filter((j) => j.endedAt !== undefined).sort((a, b) => a.endedAt! - b.endedAt!);
    for (const job of ended.slice(0, this.jobs.size - this.most + 1)) this.jobs.delete(job.id);
  }
}
