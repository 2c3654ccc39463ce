/**
 * One bench case, run alone in a child process by run.ts so that its peak memory
 * (`process.resourceUsage().maxRSS`) is that case's alone:
 *
 *   node --import tsx src/bench/cases.ts import APPLICANTS VOLUNTEERS
 *   node --import tsx src/bench/cases.ts plan SIZE default|baseline|quick
 *   node --import tsx src/bench/cases.ts lp SIZE plain|tight
 *
 * SIZE is `fresno` (the real sample, static/samples/fresno-saturday) or `APPLICANTSxVOLUNTEERS`
 * (a bundle generated with seed 1). Prints one JSON object on stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBundle } from '../bundle/index.js';
import type { BundleFiles } from '../bundle/index.js';
import { readBundleDir } from '../bundle/dir.js';
import { saveBundle } from '../db/events.js';
import { openDatabase } from '../db/index.js';
import type { Bundle } from '../domain/index.js';
import { checkPlan, plan } from '../planner/index.js';
import type { PlanOptions } from '../planner/index.js';
import { generateBundleFiles } from './generate.js';
import { lpBound } from './lp.js';
import { estimate } from '../throughput/index.js';
import type { LpBound } from './lp.js';

export const FRESNO_DIR = fileURLToPath(new URL('../../static/samples/fresno-saturday/', import.meta.url));

const peakMiB = () => process.resourceUsage().maxRSS / 1024;

export interface ImportCase {
  size: string;
  bytes: number;
  checkMs: number;
  saveMs: number;
  totalMs: number;
  peakMiB: number;
}

export function importCase(applicants: number, volunteers: number): ImportCase {
  const files = generateBundleFiles({ applicants, volunteers, seed: 1 });
  const bytes = Object.values(files).reduce((sum, b) => sum + (b?.length ?? 0), 0);
  const dir = mkdtempSync(join(tmpdir(), 'taller-bench-'));
  try {
    const store = openDatabase(join(dir, 'bench.sqlite'));
    const t0 = performance.now();
    const read = readBundle(files);
    const t1 = performance.now();
    if (!read.bundle) throw new Error(`generated bundle does not read: ${JSON.stringify(read.errors.slice(0, 3))}`);
    saveBundle(store.db, read.bundle, 'bench');
    const t2 = performance.now();
    store.close();
    return {
      size: `${applicants}×${volunteers}`, bytes, checkMs: t1 - t0, saveMs: t2 - t1, totalMs: t2 - t0, peakMiB: peakMiB(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bundle of a bench size: the Fresno sample, or a generated `AxV` bundle (seed 1). */
export async function loadBundle(size: string): Promise<Bundle> {
  let files: BundleFiles;
  if (size === 'fresno') {
    files = await readBundleDir(FRESNO_DIR);
  } else {
    const match = /^(\d+)x(\d+)$/.exec(size);
    if (!match) throw new Error(`unknown bench size ${size}`);
    files = generateBundleFiles({ applicants: Number(match[1]), volunteers: Number(match[2]), seed: 1 });
  }
  const read = readBundle(files);
  if (!read.bundle) throw new Error(`bundle ${size} does not read: ${JSON.stringify(read.errors.slice(0, 3))}`);
  return read.bundle;
}

export type PlanMode = 'default' | 'baseline' | 'quick';

export interface PlanCase {
  applicants: number;
  scheduled: number;
  weight: number;
  /** plan() alone, without reading the bundle or checking the plan. */
  ms: number;
  /** Peak RSS of the process when plan() returns (before the plan is checked). */
  peakMiB: number;
  violations: number;
  /** Applicants left out for capacity who fit the plan as it stands by a single insertion (the checker's noRoomLeft). */
  leftOutFits: number;
  /** The first few violations, to say what broke. */
  sample: string[];
}

export async function planCase(size: string, mode: PlanMode): Promise<PlanCase> {
  const bundle = await loadBundle(size);
  const options: PlanOptions = mode === 'baseline' ? { strategy: 'baseline' } : mode === 'quick' ? { quick: true } : {};
  const t0 = performance.now();
  const result = plan(bundle, options);
  const ms = performance.now() - t0;
  const peak = peakMiB();
  const violations = checkPlan(bundle, result);
  return {
    applicants: bundle.applicants.length, scheduled: result.summary.scheduled, weight: result.summary.scheduled_weight,
    ms, peakMiB: peak, violations: violations.length, leftOutFits: violations.filter((v) => v.rule === 'noRoomLeft').length,
    sample: violations.slice(0, 3).map((v) => `${v.rule}: ${v.message}`),
  };
}

export interface ReplanCase {
  withdrawn: string;
  /** Applicants scheduled in the first plan: all pinned, as if their slips were sent. */
  pinned: number;
  stillScheduled: number;
  arrivalsKept: number;
  /** Applicants whose first-plan day did not involve the withdrawn volunteer (or a student they supervise). */
  untouched: number;
  untouchedIdentical: number;
  weightBefore: number;
  weightAfter: number;
  ms: number;
  violations: number;
  leftOutFits: number;
  /** The withdrawn volunteer put back, re-planned from the second plan with the first (published) plan's people pinned. */
  back: { visits: number; stillScheduled: number; arrivalsKept: number; weight: number; ms: number; violations: number; leftOutFits: number };
}

/**
 * Plans, then withdraws the volunteer with the most visits (who supervises no law student),
 * and re-plans from the first plan with every scheduled applicant pinned.
 */
export async function replanCase(size: string): Promise<ReplanCase> {
  const bundle = await loadBundle(size);
  const first = plan(bundle);
  const supervisors = new Set(bundle.volunteers.map((v) => v.supervisor));
  const visits = new Map<string, number>();
  for (const s of first.scheduled) for (const v of s.visits) if (!supervisors.has(v.volunteer)) visits.set(v.volunteer, (visits.get(v.volunteer) ?? 0) + 1);
  const withdrawn = [...visits].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  const after = { ...bundle, volunteers: bundle.volunteers.filter((v) => v.id !== withdrawn) };
  const pin = first.scheduled.map((s) => s.applicant);
  const t0 = performance.now();
  const second = plan(after, { previous: first, pin });
  const ms = performance.now() - t0;
  const now = new Map(second.scheduled.map((s) => [s.applicant, s]));
  const pins = new Map(first.scheduled.map((s) => [s.applicant, s.arrival]));
  const secondViolations = checkPlan(after, second, pins);
  const t1 = performance.now();
  // As a coordinator re-plans once the volunteer is back: from the latest version, the first (published) still what people hold.
  const third = plan(bundle, { previous: second, pin, published: first });
  const backMs = performance.now() - t1;
  const thirdViolations = checkPlan(bundle, third, pins);
  const later = new Map(third.scheduled.map((s) => [s.applicant, s]));
  const untouched = first.scheduled.filter((s) => !s.visits.some((v) => v.volunteer === withdrawn || v.interpreter === withdrawn));
  return {
    withdrawn,
    pinned: pin.length,
    stillScheduled: first.scheduled.filter((s) => now.has(s.applicant)).length,
    arrivalsKept: first.scheduled.filter((s) => now.get(s.applicant)?.arrival === s.arrival).length,
    untouched: untouched.length,
    untouchedIdentical: untouched.filter((s) => JSON.stringify(now.get(s.applicant)) === JSON.stringify(s)).length,
    weightBefore: first.summary.scheduled_weight,
    weightAfter: second.summary.scheduled_weight,
    ms,
    violations: secondViolations.length,
    leftOutFits: secondViolations.filter((v) => v.rule === 'noRoomLeft').length,
    back: {
      visits: third.scheduled.filter((s) => s.visits.some((v) => v.volunteer === withdrawn || v.interpreter === withdrawn)).length,
      stillScheduled: first.scheduled.filter((s) => later.has(s.applicant)).length,
      arrivalsKept: first.scheduled.filter((s) => later.get(s.applicant)?.arrival === s.arrival).length,
      weight: third.summary.scheduled_weight,
      ms: backMs,
      violations: thirdViolations.length,
      leftOutFits: thirdViolations.filter((v) => v.rule === 'noRoomLeft').length,
    },
  };
}

export interface EstimateCase {
  runs: number;
  whatIf: boolean;
  ms: number;
  servedMean: number;
  bottleneck: string;
  peakMiB: number;
}

/** `estimate()` of a generated day (its quick plan included), with or without the what-if list. */
export async function estimateCase(size: string, runs: number, whatIf: boolean): Promise<EstimateCase> {
  const bundle = await loadBundle(size);
  const t0 = performance.now();
  const result = estimate(bundle, { runs, whatIf });
  const ms = performance.now() - t0;
  return { runs, whatIf, ms, servedMean: result.served.mean, bottleneck: result.bottleneck, peakMiB: peakMiB() };
}

export interface LpCase extends LpBound {
  peakMiB: number;
}

export async function lpCase(size: string, kind: 'plain' | 'tight'): Promise<LpCase> {
  const bundle = await loadBundle(size);
  const result = await lpBound(bundle, { tight: kind === 'tight' });
  return { ...result, peakMiB: peakMiB() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [what, a, b] = process.argv.slice(2);
  let out: unknown;
  if (what === 'import') out = importCase(Number(a), Number(b));
  else if (what === 'plan') out = await planCase(a!, b as PlanMode);
  else if (what === 'lp') out = await lpCase(a!, b === 'tight' ? 'tight' : 'plain');
  else if (what === 'replan') out = await replanCase(a!);
  else if (what === 'estimate') out = await estimateCase(a!, Number(b), process.argv[5] === 'what-if');
  else throw new Error(`usage: cases.ts import A V | plan SIZE default|baseline|quick | lp SIZE plain|tight | replan SIZE`);
  process.stdout.write(JSON.stringify(out));
}
