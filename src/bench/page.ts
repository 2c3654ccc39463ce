/**
 * What one view of the event page costs as the event grows, on the server's main thread:
 *
 *   node --import tsx src/bench/page.ts [--sizes 10000x800,50000x4000] [--views 5]
 *
 * For each size: a generated bundle (seed 1) in a temporary database, its quick plan stored and
 * published as version 1 and stored again as a draft version 2 (so the page compares the draft
 * with what people hold), then `GET /events/:id` through `app.inject` with an admin's API
 * token: the first view, then the median of the next ones, in wall-clock ms and in CPU ms
 * of this process. Plans are kept in the system's temporary folder
 * (taller-page-bench-SIZE.json) so that a second run, or a run of another checkout, plans
 * nothing. The worker pool is replaced by one that answers in this thread: a plan check as the
 * workers would, and as the page's estimate that of a small generated day (its charts do not
 * grow with the event), so the numbers are the page's own. Prints a markdown table.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBundle } from '../bundle/index.js';
import { saveBundle } from '../db/events.js';
import { openDatabase } from '../db/index.js';
import { savePlan } from '../db/plans.js';
import { createToken } from '../db/tokens.js';
import { insertAccount } from '../db/users.js';
import { buildApp } from '../http/app.js';
import type { JobPool } from '../jobs/index.js';
import type { Job } from '../jobs/run.js';
import { checkPlan, plan } from '../planner/index.js';
import type { PlanJson } from '../planner/index.js';
import { publishVersion } from '../services/plans.js';
import { estimate } from '../throughput/index.js';
import { generateBundleFiles } from './generate.js';
import { markdownTable } from './table.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] ? argv[at + 1]! : fallback;
};
const sizes = option('--sizes', '10000x800,50000x4000').split(',').map((s) => {
  const m = /^(\d+)x(\d+)$/.exec(s.trim());
  if (!m) throw new Error(`--sizes: ${s} is not APPLICANTSxVOLUNTEERS`);
  return { applicants: Number(m[1]), volunteers: Number(m[2]) };
});
const views = Math.max(1, Math.min(50, Number(option('--views', '5'))));

/**
 * The estimate the page shows: that of the generated 250×45 day, 20 runs. Its charts and
 * sentences do not grow with the event, and a 50,000×4,000 day's own estimate takes a worker
 * a minute and more (README, Long jobs), which would hide the page's cost.
 */
let small: ReturnType<typeof estimate> | undefined;
const smallEstimate = () => (small ??= estimate(readBundle(generateBundleFiles({ applicants: 250, volunteers: 45, seed: 1 })).bundle!,
  { runs: 20, whatIf: false, tradeoff: false }));

/** Answers the page's jobs in this thread, as the workers would (the estimate: smallEstimate). */
const inThread = {
  pending: 0,
  close: async () => {},
  run: async (job: Job) => {
    if (job.kind === 'check') return checkPlan(job.bundle, job.plan, job.pins);
    if (job.kind === 'estimate') return smallEstimate();
    throw new Error(`page bench: no ${job.kind} jobs expected`);
  },
} as unknown as JobPool;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f = (ms: number) => (ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`);

const rows: string[][] = [];
for (const { applicants, volunteers } of sizes) {
  const size = `${applicants}x${volunteers}`;
  const read = readBundle(generateBundleFiles({ applicants, volunteers, seed: 1 }));
  if (!read.bundle) throw new Error(`generated bundle ${size} does not read`);
  const bundle = read.bundle;
  const planFile = join(tmpdir(), `taller-page-bench-${size}.json`);
  let planned: PlanJson;
  if (existsSync(planFile)) planned = JSON.parse(readFileSync(planFile, 'utf8')) as PlanJson;
  else {
    process.stderr.write(`page bench: quick plan of ${size} (kept in ${planFile})\n`);
    planned = plan(bundle, { quick: true });
    writeFileSync(planFile, JSON.stringify(planned));
  }
  const dir = mkdtempSync(join(tmpdir(), 'taller-page-bench-'));
  const store = openDatabase(join(dir, 'page.sqlite'));
  try {
    const { eventId } = saveBundle(store.db, bundle, 'bench');
    savePlan(store.db, eventId, planned, { quick: true }, 'bench');
    publishVersion(store.db, bundle.event.id, 1, 'bench');
    savePlan(store.db, eventId, planned, { quick: true }, 'bench');
    const app = await buildApp({ database: store, jobs: inThread });
    const admin = insertAccount(store.db, { email: 'bench@example.org', name: 'Bench', role: 'admin', organizationId: null, passwordHash: null });
    const authorization = `Bearer ${createToken(store.db, 'api', { userId: admin, scope: 'read' })}`;
    const url = `/events/${bundle.event.id}`;
    const view = async () => {
      const wall = performance.now();
      const cpu = cpuMs();
      const res = await app.inject({ url, headers: { authorization } });
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
      return { wall: performance.now() - wall, cpu: cpuMs() - cpu, bytes: res.rawPayload.length };
    };
    process.stderr.write(`page bench: ${size}\n`);
    const first = await view();
    const next: { wall: number; cpu: number; bytes: number }[] = [];
    for (let i = 0; i < views; i++) next.push(await view());
    rows.push([size, 'signed in', f(first.wall), f(median(next.map((n) => n.wall))), f(median(next.map((n) => n.cpu))), (first.bytes / 1024).toFixed(0)]);
    await app.close();
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const headers = ['size', 'view', 'first view', `next ${views}: median wall`, 'median CPU', 'page KiB'];
console.log(`GET /events/:id through app.inject (node ${process.version}); the first view includes the plan check, in this thread\n`);
console.log(markdownTable(headers, rows, 2));
