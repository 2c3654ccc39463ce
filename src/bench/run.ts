/**
 * `npm run bench`: measures what a coordinator waits for, at realistic sizes, each case in its
 * own child process (src/bench/cases.ts) so that peak memory is that case's alone. Prints
 * markdown tables; never a pass/fail on timings.
 *
 * Options (after `npm run bench --`):
 *   --sizes LIST   only these sizes, comma-separated: `fresno` (the real sample
 *                  static/samples/fresno-saturday, 40×12), `40`, `250`, `3000`, `10000`
 *                  (applicants; `250x45` also works). Default: all.
 *   --no-import    skip the import table.
 *   --no-plan      skip the planning and LP tables.
 *   --no-lp        skip the LP bounds (the planning table then shows `—` for them).
 *   --no-tight     skip the tightened LP (by default computed up to 3,000 applicants).
 *   --tight-all    compute the tightened LP at every size (10,000×800: ~600k columns, a minute or two, >1 GiB).
 *   --no-replan    skip the re-plan table (plan, withdraw the busiest volunteer, re-plan with all arrivals pinned).
 *   --no-estimate  skip the estimate table (1,000 runs × 250, 200 × 1,000, what-if at 250, 100 × 10,000).
 *   --no-field     skip the clinic days rebuilt from public reports (src/bench/field.ts).
 *   --no-choices   skip the choices tables: finishing on time, fair against most, floors (src/bench/choices.ts).
 *   --no-startup   skip the start-up table.
 *   --no-season    skip the season table: 120 workshops × 300 applicants from a pool of 400 volunteers,
 *                  read, checked as a season and planned (src/bench/season.ts).
 * Example: `npm run bench -- --sizes fresno,250 --no-import`.
 *
 * Start-up table (first): wall clock from spawning node until `taller check` of the Fresno sample
 * exits, and until a `taller serve` (as `npm start` runs it, on 127.0.0.1) answers `/health` with a
 * new database (migrations and the demo import) and with that database again; median and
 * slowest of 5 runs (3 through tsx), from the JavaScript compiled into dist/ and from the sources
 * through tsx (TALLER_SOURCES=1), beside `node -e 0`. Without a fresh dist/ (`npm run build`)
 * the compiled column is empty.
 *
 * Import table: bundle size in KiB; `check ms` reading and checking the three files; `store ms`
 * saving them in one SQLite transaction; `peak MiB` the child's maxRSS.
 *
 * Planning table, one row per size (generated bundles use seed 1; `fresno` is the real sample):
 *   plan time      `plan(bundle)` with default settings, alone (not reading the bundle, not checking).
 *   peak MiB       the plan child's `process.resourceUsage().maxRSS` when plan() returns (the bundle
 *                  is generated and read in the same process, so it counts too).
 *   scheduled      scheduled applicants / applicants.
 *   weight         `summary.scheduled_weight` (the sum of scheduled applicants' priorities).
 *   LP bound       the LP relaxation of src/bench/lp.ts: no valid plan can schedule more weight. It
 *                  is solved in its own child process, so its memory is not the plan's.
 *   % of LP        weight / LP bound.
 *   baseline, %    `strategy: 'baseline'` (file order, first free volunteer): weight and % of LP bound.
 *   quick time, quick weight   `quick: true`.
 *   violations     checkPlan rule violations of the default / baseline / quick plans: must be 0/0/0.
 *
 * LP table: classes, volunteer and interpreter types, applicants left out (no plan can serve
 * them), the LP's rows, columns and nonzeros, build time and solve time (which includes loading
 * HiGHS, ~0.2 s), the LP child's peak MiB and the bound; then the tightened LP (`tight: true`: max_applicants and time-of-day cuts, still a
 * valid bound) with its size, solve time, bound, and the plan's weight as % of it.
 *
 * Notes after the tables flag anything odd: a violation, a child that failed, an LP that is not
 * Optimal, a bound below a plan's weight (the bound would be wrong), a plan below the baseline.
 * The exit status is 1 only for those (never for timings).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distState } from '../cli/dist.js';
import { BIN, startTaller } from './server.js';
import { markdownTable } from './table.js';
import type { EstimateCase, ImportCase, LpCase, PlanCase, PlanMode, ReplanCase } from './cases.js';

export const SIZES = [
  { applicants: 40, volunteers: 12 },
  { applicants: 250, volunteers: 45 },
  { applicants: 3000, volunteers: 300 },
  { applicants: 10000, volunteers: 800 },
] as const;

/** Tightened LPs beyond this many applicants are skipped unless --tight-all. */
const TIGHT_LIMIT = 3000;

const CASES = fileURLToPath(new URL('./cases.ts', import.meta.url));

const table = (headers: string[], rows: (string | number)[][]) => markdownTable(headers, rows);

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Runs one case in a child process; a failure is reported, not thrown. */
function child<T>(args: string[]): Result<T> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CASES, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status === 0) {
    try {
      return { ok: true, value: JSON.parse(run.stdout) as T };
    } catch {
      return { ok: false, error: `unreadable output: ${run.stdout.slice(0, 200)}` };
    }
  }
  const why = run.error?.message ?? (run.signal ? `killed by ${run.signal}` : `exit ${run.status}`);
  const lastLines = run.stderr.trim().split('\n').filter((l) => l.trim() !== '').slice(-6).join('\n    ');
  return { ok: false, error: `${why}${lastLines ? `\n    ${lastLines}` : ''}` };
}

function parseArgs(argv: string[]) {
  const flags = new Set(argv.filter((a) => a.startsWith('--') && a !== '--sizes'));
  const at = argv.indexOf('--sizes');
  const list = at >= 0 ? (argv[at + 1] ?? '') : 'fresno,40,250,3000,10000';
  const known = new Set(['--no-import', '--no-plan', '--no-lp', '--no-tight', '--tight-all', '--no-replan', '--no-estimate', '--no-field', '--no-choices', '--no-startup', '--no-season']);
  for (const flag of flags) if (!known.has(flag) && !flag.startsWith('--sizes=')) console.error(`bench: unknown option ${flag} (ignored)`);
  const eq = argv.find((a) => a.startsWith('--sizes='));
  const wanted = (eq ? eq.slice('--sizes='.length) : list).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const keys = wanted.map((w) => (w === 'fresno' ? 'fresno' : w.replace(/[×x].*$/, '').replace(/[_,]/g, '')));
  for (const k of keys) {
    if (k !== 'fresno' && !SIZES.some((s) => String(s.applicants) === k)) console.error(`bench: unknown size ${k} (sizes: fresno, ${SIZES.map((s) => s.applicants).join(', ')})`);
  }
  return {
    fresno: keys.includes('fresno'),
    sizes: SIZES.filter((s) => keys.includes(String(s.applicants))),
    imports: !flags.has('--no-import'),
    plans: !flags.has('--no-plan'),
    lp: !flags.has('--no-lp'),
    tight: !flags.has('--no-tight'),
    tightAll: flags.has('--tight-all'),
    replan: !flags.has('--no-replan'),
    estimate: !flags.has('--no-estimate'),
    field: !flags.has('--no-field'),
    choices: !flags.has('--no-choices'),
    season: !flags.has('--no-season'),
    startup: !flags.has('--no-startup'),
  };
}

const ms = (t: number) => (t < 1000 ? `${t.toFixed(0)} ms` : `${(t / 1000).toFixed(t < 10_000 ? 2 : 1)} s`);
const mib = (m: number) => m.toFixed(0);
const pct = (w: number, bound: number) => (bound > 0 ? `${((100 * w) / bound).toFixed(1)}%` : '—');
const num = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const thousands = (n: number) => n.toLocaleString('en-US');
const progress = (what: string) => process.stderr.write(`bench: ${what}\n`);

const args = parseArgs(process.argv.slice(2));
const notes: string[] = [];
let odd = false;

if (args.startup) {
  const fresno = fileURLToPath(new URL('../../static/samples/fresno-saturday', import.meta.url));
  const built = distState();
  const timed = async (runs: number, once: () => Promise<number>): Promise<string> => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await once());
    times.sort((a, b) => a - b);
    return `${ms(times[Math.floor(times.length / 2)]!)} (${ms(times[times.length - 1]!)})`;
  };
  const exits = (argv: string[], env: NodeJS.ProcessEnv = {}) => async () => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, argv, { env: { ...process.env, ...env }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.trim().split('\n').pop()}`);
    return performance.now() - t0;
  };
  const serves = (env: NodeJS.ProcessEnv, fresh: boolean) => async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taller-bench-start-'));
    const db = join(dir, 'taller.sqlite');
    try {
      if (!fresh) await (await startTaller({ ...env, TALLER_DB: db })).stop();
      const server = await startTaller({ ...env, TALLER_DB: db });
      await server.stop();
      return server.readyMs;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const rows: string[][] = [];
  const both = async (label: string, make: (env: NodeJS.ProcessEnv) => () => Promise<number>) => {
    progress(`start-up: ${label}`);
    try {
      rows.push([label, built === null ? await timed(5, make({})) : '—', await timed(3, make({ TALLER_SOURCES: '1' }))]);
    } catch (err) {
      notes.push(`start-up: ${label} failed: ${(err as Error).message}`);
      odd = true;
    }
  };
  rows.push(['`node -e 0`', await timed(5, exits(['-e', '0'])), '']);
  await both('`taller check` of the Fresno sample (40 applicants)', (env) => exits([BIN, 'check', fresno], env));
  await both('`taller serve` until `/health` answers, new database', (env) => serves(env, true));
  await both('`taller serve` until `/health` answers, existing database', (env) => serves(env, false));
  console.log(`Start-up: wall clock from spawning node, median (slowest) of 5 runs, 3 through tsx (node ${process.version})\n`);
  console.log(table(['what', 'compiled (dist/)', 'sources through tsx'], rows));
  if (built !== null) console.log(`\ndist/ is ${built === 'missing' ? 'not built' : 'older than src/'}: \`npm run build\` fills the compiled column.`);
  console.log();
}

if (args.imports && args.sizes.length > 0) {
  const rows = args.sizes.map(({ applicants, volunteers }) => {
    progress(`import ${applicants}×${volunteers}`);
    const r = child<ImportCase>(['import', String(applicants), String(volunteers)]);
    if (!r.ok) {
      notes.push(`import ${applicants}×${volunteers} failed: ${r.error}`);
      odd = true;
      return [`${applicants}×${volunteers}`, 'failed', '', '', '', ''];
    }
    const v = r.value;
    return [v.size, (v.bytes / 1024).toFixed(0), v.checkMs.toFixed(0), v.saveMs.toFixed(0), v.totalMs.toFixed(0), mib(v.peakMiB)];
  });
  console.log(`Import: check the bundle, then store it in one SQLite transaction (node ${process.version})\n`);
  console.log(table(['applicants×volunteers', 'KiB', 'check ms', 'store ms', 'total ms', 'peak MiB'], rows));
  console.log();
}

const cases = [
  ...(args.fresno ? [{ key: 'fresno', label: 'Fresno sample 40×12', applicants: 40 }] : []),
  ...args.sizes.map((s) => ({ key: `${s.applicants}x${s.volunteers}`, label: `${s.applicants}×${s.volunteers}`, applicants: s.applicants as number })),
];

if (args.plans) {
  const planRows: string[][] = [];
  const lpRows: string[][] = [];
  for (const c of cases) {
    const runs = {} as Record<PlanMode, Result<PlanCase>>;
    for (const mode of ['default', 'baseline', 'quick'] as const) {
      progress(`plan ${c.label} (${mode})`);
      runs[mode] = child<PlanCase>(['plan', c.key, mode]);
    }
    let lp: Result<LpCase> | null = null;
    let tight: Result<LpCase> | null = null;
    if (args.lp) {
      progress(`LP bound ${c.label}`);
      lp = child<LpCase>(['lp', c.key, 'plain']);
      if (args.tight && (args.tightAll || c.applicants <= TIGHT_LIMIT)) {
        progress(`tightened LP bound ${c.label}`);
        tight = child<LpCase>(['lp', c.key, 'tight']);
      }
    }

    for (const [mode, r] of Object.entries(runs)) {
      if (!r.ok) { notes.push(`${c.label}: the ${mode} plan failed: ${r.error}`); odd = true; }
      else if (r.value.violations > 0) { notes.push(`${c.label}: the ${mode} plan breaks ${r.value.violations} rule(s), e.g. ${r.value.sample.join('; ')}`); odd = true; }
    }
    for (const [name, r] of [['LP', lp], ['tightened LP', tight]] as const) {
      if (!r) continue;
      if (!r.ok) { notes.push(`${c.label}: the ${name} failed: ${r.error}`); odd = true; continue; }
      if (r.value.status !== 'Optimal') { notes.push(`${c.label}: the ${name} status is ${r.value.status}`); odd = true; continue; }
      for (const [mode, p] of Object.entries(runs)) {
        if (p.ok && p.value.weight > r.value.bound + 1e-6) {
          notes.push(`${c.label}: the ${mode} plan's weight ${p.value.weight} exceeds the ${name} bound ${num(r.value.bound)}: the bound is wrong`);
          odd = true;
        }
      }
    }
    const d = runs.default.ok ? runs.default.value : null;
    const b = runs.baseline.ok ? runs.baseline.value : null;
    const q = runs.quick.ok ? runs.quick.value : null;
    if (d && b && d.weight < b.weight) notes.push(`${c.label}: the default plan's weight ${d.weight} is below the baseline's ${b.weight}`);
    if (q && b && q.weight < b.weight) notes.push(`${c.label}: the quick plan's weight ${q.weight} is below the baseline's ${b.weight}`);

    const bound = lp?.ok && lp.value.status === 'Optimal' ? lp.value.bound : null;
    const tb = tight?.ok && tight.value.status === 'Optimal' ? tight.value.bound : null;
    const dash = '—';
    const violations = (['default', 'baseline', 'quick'] as const).map((m) => (runs[m].ok ? String((runs[m] as { value: PlanCase }).value.violations) : '?')).join('/');
    const fits = (['default', 'quick'] as const).map((m) => (runs[m].ok ? String((runs[m] as { value: PlanCase }).value.leftOutFits) : '?')).join('/');
    planRows.push([
      c.label,
      d ? ms(d.ms) : 'failed',
      d ? mib(d.peakMiB) : dash,
      d ? `${thousands(d.scheduled)}/${thousands(d.applicants)}` : dash,
      d ? thousands(d.weight) : dash,
      bound !== null ? num(bound) : dash,
      d && bound !== null ? pct(d.weight, bound) : dash,
      b ? thousands(b.weight) : 'failed',
      b && bound !== null ? pct(b.weight, bound) : dash,
      q ? ms(q.ms) : 'failed',
      q ? thousands(q.weight) : dash,
      violations,
      fits,
    ]);
    if (lp?.ok) {
      const l = lp.value;
      const t = tight?.ok ? tight.value : null;
      lpRows.push([
        c.label, thousands(l.classes), String(l.volunteerTypes), String(l.interpreterTypes), thousands(l.excluded),
        thousands(l.rows), thousands(l.columns), thousands(l.nonzeros), ms(l.buildMs), ms(l.solveMs), mib(l.peakMiB),
        bound !== null ? num(bound) : l.status,
        t ? `${thousands(t.rows)} × ${thousands(t.columns)}` : dash,
        t ? ms(t.buildMs + t.solveMs) : dash,
        t ? mib(t.peakMiB) : dash,
        tb !== null ? num(tb) : t ? t.status : dash,
        d && tb !== null ? pct(d.weight, tb) : dash,
      ]);
    }
  }

  console.log(`Planning: default settings, baseline and quick, each in its own process; LP bounds in their own (node ${process.version})\n`);
  console.log(table(['size', 'plan time', 'peak MiB', 'scheduled', 'weight', 'LP bound', '% of LP', 'baseline', 'baseline %',
    'quick time', 'quick weight', 'violations', 'left out but fit'], planRows));
  if (lpRows.length > 0) {
    console.log('\nLP relaxation (HiGHS): sizes, times and bounds; the tightened LP adds max_applicants and time-of-day cuts\n');
    console.log(table(['size', 'classes', 'vol types', 'interp types', 'left out', 'rows', 'columns', 'nonzeros', 'build', 'solve',
      'peak MiB', 'LP bound', 'tight rows × cols', 'tight build+solve', 'tight MiB', 'tight bound', '% of tight'], lpRows));
  }
}

if (args.estimate) {
  // The throughput issue's cases: runs × size, and the what-if list at 250.
  const wanted: [string, string, number, boolean][] = [
    ['250×45', '250x45', 1000, false], ['1000×100', '1000x100', 200, false], ['250×45', '250x45', 1000, true], ['10000×800', '10000x800', 100, false],
  ];
  const rows: string[][] = [];
  for (const [label, key, runs, whatIf] of wanted) {
    progress(`estimate ${label} × ${runs}${whatIf ? ' with what-if' : ''}`);
    const r = child<EstimateCase>(['estimate', key, String(runs), whatIf ? 'what-if' : 'plain']);
    if (!r.ok) {
      notes.push(`${label}: the estimate failed: ${r.error}`);
      odd = true;
      continue;
    }
    rows.push([label, String(runs), whatIf ? 'yes' : 'no', ms(r.value.ms), mib(r.value.peakMiB), String(r.value.servedMean), r.value.bottleneck]);
  }
  console.log('\nEstimate: simulated days (a quick plan included), each in its own process\n');
  console.log(table(['size', 'runs', 'what-if', 'time', 'peak MiB', 'served mean', 'bottleneck'], rows));
}

if (args.replan) {
  const rows: string[][] = [];
  for (const c of cases) {
    progress(`re-plan ${c.label}`);
    const r = child<ReplanCase>(['replan', c.key]);
    if (!r.ok) {
      notes.push(`${c.label}: the re-plan failed: ${r.error}`);
      odd = true;
      continue;
    }
    const v = r.value;
    if (v.violations > 0) { notes.push(`${c.label}: the re-plan breaks ${v.violations} rule(s)`); odd = true; }
    if (v.arrivalsKept !== v.stillScheduled || v.back.arrivalsKept !== v.back.stillScheduled) { notes.push(`${c.label}: a re-plan moved a pinned arrival`); odd = true; }
    if (v.back.violations > 0) { notes.push(`${c.label}: the re-plan with the volunteer back breaks ${v.back.violations} rule(s)`); odd = true; }
    rows.push([c.label, v.withdrawn, ms(v.ms), `${v.stillScheduled}/${v.pinned}`, `${v.arrivalsKept}/${v.stillScheduled}`,
      `${v.untouchedIdentical}/${v.untouched}`, pct(v.untouchedIdentical, v.untouched), `${v.weightBefore} → ${v.weightAfter}`, String(v.violations), String(v.leftOutFits),
      ms(v.back.ms), `${v.back.arrivalsKept}/${v.pinned}`, String(v.back.visits), String(v.back.weight), String(v.back.violations), String(v.back.leftOutFits)]);
  }
  console.log('\nRe-plan after the busiest volunteer withdraws, every scheduled applicant pinned (their slips are out); then with them back\n');
  console.log(table(['size', 'withdrawn', 're-plan time', 'pinned still scheduled', 'arrivals kept', 'untouched days identical', '%', 'weight',
    'violations', 'left out but fit', 'back: time', 'back: arrivals kept', 'back: their applicants', 'back: weight', 'back: violations', 'back: left out but fit'], rows));
}

// The field days and the coordinator's choices run in children of their own, like every case.
const script = (name: string) => fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
for (const [wanted, name, title] of [[args.field, 'field', 'Clinic days rebuilt from public reports (field/), planned and estimated with default settings'],
  [args.choices, 'choices', 'What each choice does to the same day'],
  [args.season, 'season', 'A season of a regional collaborative: every workshop read, checked as one season, and planned']] as const) {
  if (!wanted) continue;
  progress(name);
  const r = spawnSync(process.execPath, ['--import', 'tsx', script(name)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    notes.push(`the ${name} tables failed: ${(r.stderr || '').trim().split('\n').pop()}`);
    odd = true;
    continue;
  }
  console.log(`\n${title}\n\n${r.stdout.trim()}`);
}

if (notes.length > 0) {
  console.log('\nNotes:');
  for (const n of notes) console.log(`- ${n}`);
}
if (odd) process.exitCode = 1;
