/**
 * The season table of `npm run bench`: a generated season of a regional collaborative, 120
 * workshops of 300 applicants on 40 Saturdays, three a Saturday in three of eight Central
 * Valley counties, each staffed with 60 volunteers drawn from one pool of 400 people (by
 * e-mail; nobody at two workshops on one day, so the season has no conflict to find). It times
 * what a collaborative waits for: reading and checking the 120 bundles, the season's checks
 * (conflicts with travel, heavy months, competing workshops, the summary), and planning every
 * workshop (quick plans, in the worker pool the server uses, one worker per core), and the season
 * proposal for 2,000 people waiting after it. Prints one
 * markdown table; never a pass/fail on timings.
 *
 *   node --import tsx src/bench/season.ts [--events N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { readBundle } from '../bundle/index.js';
import type { BundleFiles } from '../bundle/index.js';
import type { Bundle } from '../domain/index.js';
import { saveBundle } from '../db/events.js';
import { openDatabase } from '../db/index.js';
import { eventKey, publishPlan, savePlan } from '../db/plans.js';
import { JobPool } from '../jobs/index.js';
import { addWaiting } from '../db/waitlist.js';
import { proposalRequest } from '../services/proposal.js';
import { seasonCalendar, seasonReport } from '../services/season.js';
import { proposeSeason } from '../season/proposal.js';
import { competingEvents, overloads, seasonConflicts, seasonEventOf, seasonSummary } from '../season/index.js';
import type { SeasonEvent } from '../season/index.js';
import { seededRandom } from '../planner/random.js';
import { generateBundleFiles } from './generate.js';
import { markdownTable } from './table.js';

const APPLICANTS = 300;
const VOLUNTEERS = 60;
const POOL = 400;
const PER_DAY = 3;
const COUNTIES: [string, 'urban' | 'rural'][] = [
  ['Fresno', 'urban'], ['Merced', 'urban'], ['Madera', 'rural'], ['Tulare', 'rural'],
  ['Kings', 'rural'], ['Kern', 'urban'], ['Stanislaus', 'urban'], ['San Joaquin', 'urban'],
];

/** People on the waitlist when the season proposal is asked for. */
const WAITING = 2000;

const at = process.argv.indexOf('--events');
const EVENTS = at >= 0 ? Number(process.argv[at + 1]) : 120;

/** The season's files: each workshop on its Saturday, in its county, its roster lines given the pool's e-mails. */
function generateSeason(events: number): { files: BundleFiles[]; lines: number } {
  const random = seededRandom(2027);
  const first = DateTime.fromISO('2027-01-09', { zone: 'America/Los_Angeles' });
  const files: BundleFiles[] = [];
  let lines = 0;
  for (let day = 0; day * PER_DAY < events; day++) {
    const date = first.plus({ weeks: day }).toISODate()!;
    // The day's people: distinct, so that nobody is at two workshops that day.
    const pool = Array.from({ length: POOL }, (_, i) => i);
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    const counties = [...COUNTIES].sort(() => random() - 0.5).slice(0, PER_DAY);
    for (let k = 0; k < PER_DAY && day * PER_DAY + k < events; k++) {
      const index = day * PER_DAY + k;
      const generated = generateBundleFiles({ applicants: APPLICANTS, volunteers: VOLUNTEERS, seed: index + 1 });
      const event = JSON.parse(Buffer.from(generated['event.json']!).toString('utf8')) as Record<string, unknown>;
      const [county, setting] = counties[k]!;
      event.id = `season-${String(index + 1).padStart(3, '0')}`;
      event.date = date;
      event.site = { name: `${county} community hall`, address: `${index + 1} Main St, ${county} County, CA`, county, setting };
      const rows = Buffer.from(generated['volunteers.csv']!).toString('utf8').split('\n');
      const email = rows[0]!.split(',').indexOf('email');
      const people = pool.slice(k * VOLUNTEERS, (k + 1) * VOLUNTEERS);
      const volunteers = rows.map((row, r) => {
        if (r === 0 || row === '') return row;
        const cells = row.split(',');
        cells[email] = `person${people[(r - 1) % people.length]}@pool.example.org`;
        lines++;
        return cells.join(',');
      });
      files.push({ ...generated, 'event.json': Buffer.from(JSON.stringify(event)), 'volunteers.csv': Buffer.from(volunteers.join('\n')) });
    }
  }
  return { files, lines };
}

const ms = (t: number) => (t < 1000 ? `${Math.round(t)} ms` : `${(t / 1000).toFixed(1)} s`);

const t0 = performance.now();
const { files, lines } = generateSeason(EVENTS);
const generated = performance.now() - t0;

const t1 = performance.now();
const bundles: Bundle[] = [];
const events: SeasonEvent[] = files.map((f, i) => {
  const read = readBundle(f);
  if (!read.bundle) throw new Error(`generated workshop ${i + 1} has problems: ${read.errors[0]?.message}`);
  bundles.push(read.bundle);
  return seasonEventOf(read.bundle.event.id, read.bundle, new Map(read.bundle.volunteers.map((v, r) => [v.id, r + 2])));
});
const checked = performance.now() - t1;

const t2 = performance.now();
const conflicts = seasonConflicts(events);
const heavy = overloads(events);
const competing = competingEvents(events);
const summary = seasonSummary(events);
const seasonMs = performance.now() - t2;

// The season calendar as a page builds it, with every workshop stored (and planned) in a database file.
const dir = mkdtempSync(join(tmpdir(), 'taller-season-'));
const store = openDatabase(join(dir, 'season.sqlite'));
const t4 = performance.now();
for (const b of bundles) saveBundle(store.db, b, 'bench', null);
const stored = performance.now() - t4;

const workers = Math.max(1, availableParallelism());
const jobs = new JobPool(workers);
const t3 = performance.now();
const plans = await Promise.all(bundles.map((bundle) => jobs.run({ kind: 'plan', bundle, options: { quick: true } })));
const planned = performance.now() - t3;
await jobs.close();
const scheduled = plans.reduce((n, p) => n + p.summary.scheduled, 0);
bundles.forEach((b, i) => savePlan(store.db, eventKey(store.db, b.event.id)!, plans[i]!, { quick: true }, 'bench'));
const calendarTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const t5 = performance.now();
  seasonCalendar(store.db, undefined);
  calendarTimes.push(performance.now() - t5);
}
// The season report as its page builds it: counts by month, county, setting, case type and language, the waitlist, volunteer hours.
bundles.slice(0, 40).forEach((b) => publishPlan(store.db, eventKey(store.db, b.event.id)!, 1, new Date().toISOString()));
const reportTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const t6 = performance.now();
  seasonReport(store.db, undefined);
  reportTimes.push(performance.now() - t6);
}
// The season proposal as its page asks for it: people waiting in every county after the season, twelve Saturdays planned.
const waitingRandom = seededRandom(1106);
const pick = <T>(list: readonly T[]) => list[Math.floor(waitingRandom() * list.length)]!;
const LANGUAGES = ['es', 'es', 'es', 'es', 'es', 'en', 'en', 'hmn', 'pa', 'mix', 'vi', 'tl'];
const caseTypes = Object.keys(bundles[0]!.event.caseTypes);
addWaiting(store.db, Array.from({ length: WAITING }, (_, i) => ({
  organizationId: null, name: `Waiting ${i}`, phone: null, email: null, languages: [pick(LANGUAGES)], caseType: pick(caseTypes),
  complexity: pick(['straightforward', 'straightforward', 'moderate', 'complex']), county: pick(COUNTIES)[0],
  deadline: DateTime.fromISO('2027-11-01').plus({ days: Math.floor(waitingRandom() * 150) }).toISODate()!,
  fromEventId: null, fromCode: null, reason: 'registration' as const, since: new Date().toISOString(), addedBy: null,
})));
const t7 = performance.now();
const asked = proposalRequest(store.db, undefined, { from: '2027-10-16', weeks: 12, minimum: 20 }, '2027-10-02');
const askedMs = performance.now() - t7;
const t8 = performance.now();
const proposal = proposeSeason(asked.input);
const proposedMs = performance.now() - t8;
store.close();
rmSync(dir, { recursive: true, force: true });

console.log(`${EVENTS} workshops × ${APPLICANTS} applicants, ${VOLUNTEERS} volunteers each from a pool of ${POOL} people, `
  + `${PER_DAY} a Saturday in ${COUNTIES.length} counties (node ${process.version}, ${availableParallelism()} cores)\n`);
console.log(markdownTable(['step', 'time', 'what'], [
  ['generate the season', ms(generated), `${files.length} bundles, ${lines} roster lines`],
  ['read and check every bundle', ms(checked), `${events.reduce((n, e) => n + e.applicants, 0)} applicants, ${lines} volunteer places`],
  ['season checks', ms(seasonMs), `${summary.people} people (${summary.shared} at more than one workshop); ${conflicts.length} conflicts, `
    + `${heavy.length} heavy months, ${competing.length} days with competing workshops`],
  [`plan every workshop (quick, ${workers} workers)`, ms(planned), `${scheduled} of ${EVENTS * APPLICANTS} applicants scheduled`],
  ['checks and plans together', ms(checked + seasonMs + planned), 'goal: under 60 s'],
  ['store every workshop (one transaction each)', ms(stored), 'into a new SQLite file'],
  ['season calendar page, built', `${ms(Math.min(...calendarTimes))} (slowest ${ms(Math.max(...calendarTimes))})`,
    'all workshops, rosters and plans read, conflicts found; 5 builds; kept until the data change (goal: under 300 ms)'],
  ['season report page, built', `${ms(Math.min(...reportTimes))} (slowest ${ms(Math.max(...reportTimes))})`,
    'every applicant counted, 40 workshops published (their visits summed by organization), the waitlist; 5 builds (goal: under 300 ms)'],
  ['season proposal: what it is given', ms(askedMs), `${asked.input.demand.length} waiting with no workshop ahead, ${asked.input.sites.length} sites, `
    + `${asked.input.pool.length} people in the pool, ${asked.input.dates.length} Saturdays`],
  ['season proposal: proposed', ms(proposedMs), `${proposal.workshops.length} workshops serve ${proposal.served} of ${proposal.waiting} `
    + `(bound ${proposal.bound}); ${proposal.extra.length} kinds of extra volunteer weighed`],
]));
