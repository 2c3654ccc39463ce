/**
 * `npm run bench -- --field` (or alone: `node --import tsx src/bench/field.ts`): the clinic days
 * rebuilt from public reports in `field/` (field/README.md cites each), planned and estimated
 * as a coordinator would (default settings), beside what the day really served.
 *
 * Columns: the day; its floor; registered applicants and volunteers; what the report says was
 * served; the plan's scheduled applicants (default search); the estimate's served mean and
 * p10–p90 over `RUNS` simulated days (no-shows, walk-ins and service spread as the bundle sets
 * them), with the ratio of the mean to the reported count.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readBundle } from '../bundle/index.js';
import { readBundleDir } from '../bundle/dir.js';
import { plan } from '../planner/index.js';
import { estimate } from '../throughput/index.js';

const FIELD = fileURLToPath(new URL('../../field/', import.meta.url));
const RUNS = 200;

interface Day { dir: string; name: string; reported_served: number; reported_what: string; floor: string }

export async function fieldTable(): Promise<string> {
  const days = JSON.parse(readFileSync(`${FIELD}days.json`, 'utf8')) as Day[];
  const rows: string[] = [
    '| day | floor | registered × volunteers | reported served | scheduled | estimate served (p10–p90) | estimate / reported | seconds |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const day of days) {
    const read = readBundle(await readBundleDir(`${FIELD}${day.dir}`));
    if (!read.bundle) throw new Error(`${day.dir}: ${read.errors.map((e) => e.message).join('; ')}`);
    const bundle = read.bundle;
    const started = performance.now();
    const planned = plan(bundle);
    const est = estimate(bundle, { plan: planned, runs: RUNS });
    const seconds = (performance.now() - started) / 1000;
    rows.push(`| ${day.dir} | ${bundle.event.floor} | ${bundle.applicants.length} × ${bundle.volunteers.length} | ${day.reported_served} `
      + `| ${planned.summary.scheduled} | ${est.served.mean} (${est.served.p10}–${est.served.p90}) `
      + `| ${(est.served.mean / day.reported_served).toFixed(2)} | ${seconds.toFixed(1)} |`);
  }
  return rows.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await fieldTable());
}
