/**
 * `taller season DIR...`: many bundles checked as one season. Each bundle is read as
 * `taller check` reads it (its own problems first, exit 2); then a volunteer is the same person
 * across bundles when their e-mail matches, and each booking of one person at two workshops they
 * cannot both reach (overlapping, or closer than the travel between the sites) is printed as
 * `FILE:ROW:COLUMN: message` at the later bundle's roster line, naming both workshops (exit 2).
 * Otherwise it prints the season's summary (exit 0), with warnings for workshops competing on the
 * same day in the same county and for people asked past the monthly limit.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ProblemList, VOLUNTEERS_FILE, formatProblem, readBundle, rowsById } from '../bundle/index.js';
import { readCsv } from '../bundle/csv.js';
import { readBundleDir } from '../bundle/dir.js';
import {
  DEFAULT_SEASON_RULES, competingEvents, conflictLine, countyPair, overloads, seasonConflicts, seasonEventOf, seasonSummary,
} from '../season/index.js';
import type { SeasonEvent, SeasonRules } from '../season/index.js';

export interface SeasonIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** What the command line got wrong: said in one sentence, exit 2. */
export class SeasonUsageError extends Error {}

export const SEASON_EXIT = { ok: 0, badInput: 2 } as const;

const wholeMinutes = (name: string, text: string | undefined, fallback: number, max = 24 * 60): number => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new SeasonUsageError(`--${name} takes a whole number from 0 to ${max}, not "${text}"`);
  return n;
};

/**
 * Reads a travel file: CSV with a header `from,to,minutes`, one pair of counties per row, either
 * way round. Problems are named by file, row and column.
 */
export function readTravel(file: string, bytes: Uint8Array): { pairs: Map<string, number>; problems: string[] } {
  const problems = new ProblemList();
  const table = readCsv(file, bytes, { required: ['from', 'to', 'minutes'], optional: [] }, problems);
  const pairs = new Map<string, number>();
  for (const record of table?.records ?? []) {
    const from = record.get('from');
    const to = record.get('to');
    const text = record.get('minutes');
    const minutes = Number(text);
    if (from === '') problems.error(file, record.row, 'from', 'name the county travelled from');
    if (to === '') problems.error(file, record.row, 'to', 'name the county travelled to');
    if (!/^\d+$/.test(text) || minutes > 24 * 60) {
      problems.error(file, record.row, 'minutes', `minutes is a whole number from 0 to 1440, not "${text}"`);
      continue;
    }
    if (from !== '' && to !== '') pairs.set(countyPair(from, to), minutes);
  }
  return { pairs, problems: problems.errors.map((p) => formatProblem(p)) };
}

export async function season(io: SeasonIo, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: {
      travel: { type: 'string' }, 'same-county': { type: 'string' }, 'other-county': { type: 'string' }, 'monthly-limit': { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new SeasonUsageError('name the bundle folders of the season, e.g. taller season events/*');
  const rules: SeasonRules = {
    sameCountyMinutes: wholeMinutes('same-county', values['same-county'], DEFAULT_SEASON_RULES.sameCountyMinutes),
    otherCountyMinutes: wholeMinutes('other-county', values['other-county'], DEFAULT_SEASON_RULES.otherCountyMinutes),
    monthlyLimit: wholeMinutes('monthly-limit', values['monthly-limit'], DEFAULT_SEASON_RULES.monthlyLimit, 31),
    pairs: new Map(),
  };
  if (values.travel !== undefined) {
    const bytes = await readFile(values.travel).catch(() => {
      throw new SeasonUsageError(`${values.travel}: cannot read the file`);
    });
    const travel = readTravel(values.travel, bytes);
    if (travel.problems.length > 0) {
      for (const p of travel.problems) io.stderr.write(`${p}\n`);
      io.stderr.write(`${travel.problems.length} problem${travel.problems.length === 1 ? '' : 's'} found in the travel file; nothing was checked\n`);
      return SEASON_EXIT.badInput;
    }
    rules.pairs = travel.pairs;
  }

  // Every bundle read, and every problem of every bundle said, before the season is checked.
  const events: SeasonEvent[] = [];
  let problems = 0;
  const seen = new Map<string, string>();
  for (const dir of positionals) {
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) throw new SeasonUsageError(`${dir}: no such folder`);
    const files = await readBundleDir(dir);
    const read = readBundle(files);
    for (const w of read.warnings) io.stderr.write(`${join(dir, formatProblem(w, 'warning'))}\n`);
    for (const e of read.errors) io.stderr.write(`${join(dir, formatProblem(e))}\n`);
    problems += read.errors.length;
    if (!read.bundle) continue;
    const earlier = seen.get(read.bundle.event.id);
    if (earlier !== undefined) {
      io.stderr.write(`${join(dir, 'event.json')}:1:id: the event id ${read.bundle.event.id} is also the id of ${earlier}: each workshop of a season needs its own\n`);
      problems++;
      continue;
    }
    seen.set(read.bundle.event.id, dir);
    events.push(seasonEventOf(dir, read.bundle, rowsById(VOLUNTEERS_FILE, files[VOLUNTEERS_FILE] ?? new Uint8Array())));
  }
  if (problems > 0) {
    io.stderr.write(`${problems} problem${problems === 1 ? '' : 's'} found; the season was not checked\n`);
    return SEASON_EXIT.badInput;
  }

  const conflicts = seasonConflicts(events, rules);
  for (const c of conflicts) {
    const said = conflictLine(events, c, (event, volunteer) => `at ${join(events[event]!.source, VOLUNTEERS_FILE)}:${events[event]!.rows.get(volunteer) ?? 1}`);
    io.stderr.write(`${join(events[said.event]!.source, VOLUNTEERS_FILE)}:${said.row}:available: ${said.message}\n`);
  }
  if (conflicts.length > 0) {
    io.stderr.write(`${conflicts.length} cross-event conflict${conflicts.length === 1 ? '' : 's'}: a person cannot be at two workshops at once\n`);
    return SEASON_EXIT.badInput;
  }

  const s = seasonSummary(events);
  const lines = [
    `season: ${s.workshops} workshop${s.workshops === 1 ? '' : 's'}${s.first ? ` from ${s.first} to ${s.last}` : ''}, ${s.applicants} applicants, `
      + `${s.volunteerLines} volunteer places filled by ${s.people} people (${s.shared} at more than one workshop; ${s.withoutEmail} without an e-mail, each counted alone)`,
    'by month:',
    ...s.months.map((m) => `  ${m.month}: ${m.workshops} workshop${m.workshops === 1 ? '' : 's'}, ${m.applicants} applicants, ${m.volunteerLines} volunteer places`),
    'by county:',
    ...s.counties.map((c) => `  ${c.county}${c.setting ? ` (${c.setting})` : ''}: ${c.workshops} workshop${c.workshops === 1 ? '' : 's'}, ${c.applicants} applicants`),
    `travel: ${rules.sameCountyMinutes} minutes within a county, ${rules.otherCountyMinutes} between counties${rules.pairs.size ? `, ${rules.pairs.size} pairs set` : ''}; no cross-event conflicts`,
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  for (const c of competingEvents(events)) {
    io.stderr.write(`warning: ${c.date}, ${c.county} County: ${c.events.map((i) => events[i]!.event.id).join(' and ')} fall on the same day in the same county and draw on the same people\n`);
  }
  for (const o of overloads(events, rules)) {
    const first = o.bookings[0]!;
    const file = join(events[first.event]!.source, VOLUNTEERS_FILE);
    const count = new Set(o.bookings.map((b) => b.event)).size;
    io.stderr.write(`${file}:${events[first.event]!.rows.get(first.volunteer.id) ?? 1}:email: warning: ${first.volunteer.id} is asked for ${count} workshops in ${o.month}, more than ${rules.monthlyLimit}: ${[...new Set(o.bookings.map((b) => events[b.event]!.event.id))].join(', ')}\n`);
  }
  return SEASON_EXIT.ok;
}
