/**
 * `npm run bench` (its field table; alone: `node --import tsx src/bench/field.ts`): the clinic
 * days rebuilt from public reports in `field/` (field/README.md cites each), planned and
 * estimated as a coordinator would (default settings), beside what the day really served.
 *
 * One row per day and floor: the day's own floor (the one its reports describe, marked) and the
 * other two for the same roster and applicants. Columns: registered applicants and volunteers;
 * what the report says was served; the plan's scheduled applicants (default search, aimed at
 * the event's finish probability) and the minutes it keeps free before closing; the estimate's
 * served mean and p10–p90 over `RUNS` simulated days (no-shows, walk-ins and service spread as
 * the bundle sets them), those finished in the overtime the day allows, and the ratio of both
 * to the reported count.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FLOORS } from '../domain/index.js';
import { estimate, planToFinish } from '../throughput/index.js';
import { onFloor } from '../throughput/layout.js';
import { dirBundle } from './choices.js';

const FIELD = fileURLToPath(new URL('../../field/', import.meta.url));
const RUNS = 200;

interface Day { dir: string; name: string; reported_served: number; reported_what: string; floor: string }

export async function fieldTable(): Promise<string> {
  const days = JSON.parse(readFileSync(`${FIELD}days.json`, 'utf8')) as Day[];
  const rows: string[] = [
    '| day | floor | registered × volunteers | reported served | scheduled | min free | served by closing (p10–p90) | + in overtime | estimate / reported | seconds |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const day of days) {
    const own = await dirBundle(`${FIELD}${day.dir}`);
    for (const floor of [own.event.floor, ...FLOORS.filter((f) => f !== own.event.floor)]) {
      const bundle = onFloor(own, floor);
      const started = performance.now();
      const planned = planToFinish(bundle);
      const est = estimate(bundle, { plan: planned, runs: RUNS });
      const seconds = (performance.now() - started) / 1000;
      const total = est.served.mean + est.finished_in_overtime.mean;
      const name = floor === own.event.floor ? `${floor} (reported)` : floor;
      rows.push(`| ${day.dir} | ${name} | ${bundle.applicants.length} × ${bundle.volunteers.length} | ${day.reported_served} `
        + `| ${planned.summary.scheduled} | ${planned.summary.finish?.slack_minutes ?? 0} | ${est.served.mean} (${est.served.p10}–${est.served.p90}) `
        + `| ${est.finished_in_overtime.mean} | ${(total / day.reported_served).toFixed(2)} | ${seconds.toFixed(1)} |`);
    }
  }
  return rows.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await fieldTable());
}
