/**
 * The long computations a server hands to a worker thread: planning a day (to finish on time
 * as the event chooses) and simulating it,
 * checking a stored plan against the event as it now is, importing a bundle, and proposing a
 * season's workshops (which plans a day per workshop it weighs).
 * Plans, estimates and checks are pure functions of their input, so a worker gives exactly what
 * the caller would have; an import reads and checks the files and stores them through the
 * worker's own connection to the same database file (SQLite in WAL mode: the server's readers
 * go on meanwhile).
 */
import type { BundleFiles, Problem } from '../bundle/index.js';
import { openDatabase } from '../db/index.js';
import { importBundle } from '../services/bundles.js';
import type { ImportOutcome, ImportOwner } from '../services/bundles.js';
import type { Bundle } from '../domain/index.js';
import { checkPlan } from '../planner/index.js';
import type { PlanJson, PlanOptions } from '../planner/index.js';
import type { Violation } from '../planner/check.js';
import { proposeSeason } from '../season/proposal.js';
import type { Proposal, ProposalInput } from '../season/proposal.js';
import { estimate, planToFinish } from '../throughput/index.js';
import type { EstimateJson, EstimateOptions } from '../throughput/index.js';

export type Job =
  | { kind: 'plan'; bundle: Bundle; options: PlanOptions }
  | { kind: 'estimate'; bundle: Bundle; options: EstimateOptions }
  | { kind: 'check'; bundle: Bundle; plan: PlanJson; pins: ReadonlyMap<string, string> }
  | { kind: 'proposal'; input: ProposalInput }
  /** `database` is the path of the SQLite file (never `:memory:`, which only its own connection sees). */
  | { kind: 'import'; database: string; files: BundleFiles; actor: string; extraErrors: Problem[]; owner?: ImportOwner };

export type JobResult<J extends Job> = J extends { kind: 'plan' } ? PlanJson : J extends { kind: 'check' } ? Violation[]
  : J extends { kind: 'import' } ? ImportOutcome : J extends { kind: 'proposal' } ? Proposal : EstimateJson;

export function runJob(job: Job): PlanJson | EstimateJson | Violation[] | ImportOutcome | Proposal {
  if (job.kind === 'check') return checkPlan(job.bundle, job.plan, job.pins);
  if (job.kind === 'proposal') return proposeSeason(job.input);
  if (job.kind === 'import') {
    const store = openDatabase(job.database);
    try {
      return importBundle(store.db, job.files, job.actor, job.extraErrors, job.owner);
    } finally {
      store.close();
    }
  }
  return job.kind === 'plan' ? planToFinish(job.bundle, job.options) : estimate(job.bundle, job.options);
}
