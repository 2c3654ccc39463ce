/**
 * `npm run bench -- --choices` (or alone: `node --import tsx src/bench/choices.ts`): what each
 * of a coordinator's choices does to the same day, on the samples, the 250-applicant bench
 * case and the clinic days rebuilt in `field/`.
 *
 * (a) Finishing on time: the packed plan against finish targets 0.5, 0.8 and 0.95 (quick plans,
 *     `RUNS` simulated days each): minutes kept free, scheduled, simulated served, finished in
 *     overtime and referred (when the event lets volunteers stay), the finish probability the
 *     target is measured by (everyone who came finished by closing or in the overtime), and
 *     the share of days finished by closing itself.
 * (b) Fair against most: scheduled, and the share served of moderate or complex applicants and
 *     of applicants who need an interpreter (default search, seed of the event).
 * (c) Floors side by side: stations, seated and fast lane for the same roster and applicants
 *     (default minutes of each floor; quick plans; simulated served mean and finish probability).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readBundle } from '../bundle/index.js';
import { readBundleDir } from '../bundle/dir.js';
import { FLOORS } from '../domain/index.js';
import type { Bundle } from '../domain/index.js';
import { onFloor } from '../throughput/layout.js';
import { plan } from '../planner/index.js';
import type { PlanJson } from '../planner/types.js';
import { estimate, finishTradeoff } from '../throughput/index.js';
import { generateBundleFiles } from './generate.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 200;

/** A bundle folder read and checked, or an error naming its problems. */
export async function dirBundle(dir: string): Promise<Bundle> {
  const read = readBundle(await readBundleDir(dir));
  if (!read.bundle) throw new Error(`${dir}: ${read.errors.map((e) => e.message).join('; ')}`);
  return read.bundle;
}

/** The days compared: the three samples, the 250×45 bench case, and the field days. */
export async function days(): Promise<{ name: string; bundle: Bundle }[]> {
  const out: { name: string; bundle: Bundle }[] = [];
  // Bundles only: static/samples/spreadsheets holds coordinators' spreadsheets, not a bundle.
  for (const sample of readdirSync(`${ROOT}static/samples`)) {
    if (existsSync(`${ROOT}static/samples/${sample}/event.json`)) out.push({ name: sample, bundle: await dirBundle(`${ROOT}static/samples/${sample}`) });
  }
  const generated = readBundle(generateBundleFiles({ applicants: 250, volunteers: 45, seed: 1 }));
  out.push({ name: '250x45', bundle: generated.bundle! });
  const field = JSON.parse(readFileSync(`${ROOT}field/days.json`, 'utf8')) as { dir: string }[];
  for (const day of field) out.push({ name: day.dir, bundle: await dirBundle(`${ROOT}field/${day.dir}`) });
  return out;
}

const pct = (x: number | undefined) => (x === undefined ? '—' : `${Math.round(x * 100)}%`);

function costlyShare(bundle: Bundle, p: PlanJson): number | undefined {
  const costly = new Set(bundle.applicants.filter((a) => a.complexity !== 'straightforward').map((a) => a.id));
  if (costly.size === 0) return undefined;
  return p.scheduled.filter((s) => costly.has(s.applicant)).length / costly.size;
}

export async function choiceTables(): Promise<string> {
  const all = await days();
  const a = ['| day | target | min free | scheduled | served | in overtime | referred | finish (with overtime) | finish by closing |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|'];
  const b = ['| day | selection | scheduled | moderate/complex served | interpreter needed served |', '|---|---|---:|---:|---:|'];
  const c = ['| day | floor | scheduled | served | finish |', '|---|---|---:|---:|---:|'];
  for (const { name, bundle } of all) {
    const seed = bundle.event.planning.seed;
    for (const row of finishTradeoff(bundle, seed, RUNS, [0, 0.5, 0.8, 0.95])) {
      const planned = plan(bundle, { quick: true, seed, slack: row.slack_minutes, compare: false });
      const est = estimate(bundle, { plan: planned, runs: RUNS, seed });
      a.push(`| ${name} | ${row.target} | ${row.slack_minutes} | ${row.scheduled} | ${est.served.mean} | ${est.finished_in_overtime.mean} `
        + `| ${est.referred.mean} | ${pct(row.finish_probability)} | ${pct(est.finish_by_close_probability)} |`);
    }
    for (const selection of ['fair', 'most'] as const) {
      const p = plan(bundle, { selection, compare: false, iterations: Math.min(20_000, 40 * bundle.applicants.length) });
      b.push(`| ${name} | ${selection} | ${p.summary.scheduled} | ${pct(costlyShare(bundle, p))} | ${pct(p.summary.served_share?.interpreter?.['needed'])} |`);
    }
    for (const floor of FLOORS) {
      const there = onFloor(bundle, floor);
      const p = plan(there, { quick: true, compare: false, seed });
      const est = estimate(there, { plan: p, runs: RUNS, seed });
      c.push(`| ${name} | ${floor}${floor === bundle.event.floor ? ' (its own)' : ''} | ${p.summary.scheduled} | ${est.served.mean} | ${pct(est.finish_by_close_probability)} |`);
    }
  }
  return ['### (a) Finishing on time', a.join('\n'), '### (b) Fair against most', b.join('\n'), '### (c) Floors', c.join('\n')].join('\n\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await choiceTables());
}
