import { readFile, stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readBundleDir } from '../bundle/dir.js';
import { formatProblem, readBundle } from '../bundle/index.js';
import type { BundleRead } from '../bundle/index.js';
import { saveBundle } from '../db/events.js';
import { backupDatabase, openDatabase } from '../db/index.js';
import { createToken, revokeToken } from '../db/tokens.js';
import { serverConfig, startServer } from '../http/server.js';
import { FAIRNESS_MODES } from '../domain/index.js';
import type { FairnessMode } from '../domain/index.js';
import { checkPlan, plan } from '../planner/index.js';
import { UnknownVolunteerError, volunteerCalendar } from '../outputs/ics.js';
import { estimate } from '../throughput/index.js';
import { stationSheets } from '../outputs/sheets.js';
import { applicantSlips, SlipUnavailableError } from '../outputs/slips.js';
import type { SlipsOptions } from '../outputs/slips.js';
import type { EstimateOptions } from '../throughput/index.js';
import { openingInstant } from '../domain/index.js';
import type { Bundle } from '../domain/index.js';
import { DateTime } from 'luxon';
import type { PlanJson, PlanOptions } from '../planner/index.js';

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

/** Exit statuses: 0 done, 2 bad input (every problem on stderr), 1 anything else. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

/** Bad input the user can fix: reported as a sentence, exit 2. */
class UsageError extends Error {}

const HELP = `taller — plans day-long immigration legal clinics

Usage: taller <command> [options]

Commands:
  check DIR           check the bundle in DIR (event.json, volunteers.csv, applicants.csv);
                      writes nothing; every problem on stderr as FILE:ROW:COLUMN: message
  import DIR          check the bundle and load it into the database, all or nothing;
                      importing an event id again updates that event in place
  plan DIR            plan the bundle in DIR; the plan JSON on stdout, or into --out FILE
      --seed S          the lottery among equal priorities (default: the event's planning.seed)
      --iterations N    how long to search for a better plan (deterministic for N)
      --quick           a fast first plan
      --fairness MODE   none (serve the most priority) or proportional (each language group
                        in proportion to its demand where capacity allows)
      --previous FILE   re-plan from an earlier plan, keeping as much of it as still works
      --pin IDS         applicants (comma-separated) whose arrival times were published
  estimate DIR        how many the day will serve, where it will jam, whom to add: the estimate
                      JSON, by simulating the day many times
      --runs N          simulated days (default 1000)
      --seed S          the simulation's seed (default: the event's planning.seed)
      --plan FILE       simulate this plan's appointments (default: a quick plan)
      --no-what-if      skip the what-if list (it re-plans once per kind of volunteer)
  sheets DIR --out FILE   printable station sheets (HTML; Letter and A4): the cover with the
                      day's timeline, each volunteer's and desk's visits, a roster per station
  slips DIR --out FILE    printable appointment slips in each applicant's language (HTML),
                      2 per page (--per-page 1|2|4), or one --applicant ID; --phone NUMBER
                      (both take --plan FILE, else a fresh plan)
  ics DIR --volunteer ID   that volunteer's calendar (RFC 5545, with VTIMEZONE): shifts and
                      visits by applicant code, never names; from --plan FILE or a fresh plan;
                      --now ISO sets DTSTAMP (default: the event's opening), --out FILE
  serve               run the web app (same as npm start) on http://HOST:PORT
  backup FILE         copy the live database to FILE and check the copy's integrity
  token               print a new API token for the JSON API (shown once; keep it safe)
  token --revoke T    revoke the API token T

Options:
  -h, --help          show this help

Environment:
  TALLER_DB           the SQLite file (default ./data/taller.sqlite)
  PORT, HOST          where serve listens (default 3000, localhost)
  TALLER_DEMO=0       do not load the demo event on first start

Exit status: 0 done; 2 bad input, with every problem on stderr; 1 anything else.
`;

/** Warnings first, then errors, each as `FILE:ROW:COLUMN: message` with the file's name in the bundle. */
function reportProblems(io: Io, read: Pick<BundleRead, 'errors' | 'warnings'>): void {
  for (const w of read.warnings) io.stderr.write(`${formatProblem(w, 'warning')}\n`);
  for (const e of read.errors) io.stderr.write(`${formatProblem(e)}\n`);
}

async function readDir(dir: string | undefined): Promise<BundleRead> {
  if (!dir) throw new UsageError('name the bundle folder, e.g. taller check static/samples/fresno-saturday');
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`${dir}: no such folder`);
  return readBundle(await readBundleDir(dir));
}

function summary(read: BundleRead): string {
  const { event, volunteers, applicants } = read.bundle!;
  return `${event.id}: ${volunteers.length} volunteers, ${applicants.length} applicants`;
}

async function check(io: Io, args: string[]): Promise<number> {
  const read = await readDir(args[0]);
  reportProblems(io, read);
  if (!read.bundle) {
    io.stderr.write(`${read.errors.length} problem${read.errors.length === 1 ? '' : 's'} found\n`);
    return EXIT.badInput;
  }
  io.stdout.write(`${summary(read)}: no problems${read.warnings.length ? ` (${read.warnings.length} warnings)` : ''}\n`);
  return EXIT.ok;
}

async function importDir(io: Io, args: string[]): Promise<number> {
  const read = await readDir(args[0]);
  reportProblems(io, read);
  if (!read.bundle) {
    io.stderr.write(`${read.errors.length} problem${read.errors.length === 1 ? '' : 's'} found; nothing was imported\n`);
    return EXIT.badInput;
  }
  const store = openDatabase(io.env.TALLER_DB);
  try {
    const saved = saveBundle(store.db, read.bundle, 'cli');
    io.stdout.write(`${saved.created ? 'imported' : 'updated'} ${summary(read)}\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}

/** Reads a whole number option, refusing anything else as bad input. */
function wholeNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name} takes a whole number, not "${value}"`);
  return Number(value);
}

async function readPlanFile(file: string): Promise<PlanJson> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`${file}: cannot read the plan file`);
  });
  try {
    return JSON.parse(text) as PlanJson;
  } catch (err) {
    throw new UsageError(`${file}: not valid JSON: ${(err as Error).message}`);
  }
}

async function planDir(io: Io, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: {
      out: { type: 'string' }, seed: { type: 'string' }, iterations: { type: 'string' }, quick: { type: 'boolean' },
      fairness: { type: 'string' }, previous: { type: 'string' }, pin: { type: 'string' },
    },
  });
  if (values.fairness !== undefined && !(FAIRNESS_MODES as readonly string[]).includes(values.fairness)) {
    throw new UsageError(`--fairness is one of ${FAIRNESS_MODES.join(', ')}, not "${values.fairness}"`);
  }
  const read = await readDir(positionals[0]);
  reportProblems(io, read);
  if (!read.bundle) {
    io.stderr.write(`${read.errors.length} problem${read.errors.length === 1 ? '' : 's'} found; nothing was planned\n`);
    return EXIT.badInput;
  }
  const options: PlanOptions = {};
  const seed = wholeNumber(values.seed, 'seed');
  const iterations = wholeNumber(values.iterations, 'iterations');
  if (seed !== undefined) options.seed = seed;
  if (iterations !== undefined) options.iterations = Math.max(0, iterations);
  if (values.quick) options.quick = true;
  if (values.fairness) options.fairness = values.fairness as FairnessMode;
  if (values.previous) options.previous = await readPlanFile(values.previous);
  if (values.pin) options.pin = values.pin.split(',').map((id) => id.trim()).filter(Boolean);
  const result = plan(read.bundle, options);
  const text = `${JSON.stringify(result, null, 2)}\n`;
  if (values.out) {
    await writeFile(values.out, text);
    const { summary } = result;
    io.stderr.write(`planned ${summary.scheduled} of ${summary.applicants} applicants (weight ${summary.scheduled_weight}) into ${values.out}\n`);
  } else {
    io.stdout.write(text);
  }
  return EXIT.ok;
}

/** The plan to render: the one in --plan FILE, or a fresh plan of the bundle. */
async function planFor(bundle: Bundle, file: string | undefined): Promise<PlanJson> {
  if (file === undefined) return plan(bundle);
  const given = await readPlanFile(file);
  if (given.event !== bundle.event.id) throw new UsageError(`${file}: this plan is for ${given.event}, not ${bundle.event.id}`);
  const broken = checkPlan(bundle, given);
  if (broken.length > 0) throw new UsageError(`${file}: the plan breaks ${broken.length} rule(s), e.g. ${broken[0]!.rule}: ${broken[0]!.message}`);
  return given;
}

async function estimateDir(io: Io, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: {
      runs: { type: 'string' }, seed: { type: 'string' }, plan: { type: 'string' }, out: { type: 'string' },
      'no-what-if': { type: 'boolean' },
    },
  });
  const read = await readDir(positionals[0]);
  reportProblems(io, read);
  if (!read.bundle) {
    io.stderr.write(`${read.errors.length} problem${read.errors.length === 1 ? '' : 's'} found; nothing was estimated\n`);
    return EXIT.badInput;
  }
  const runs = wholeNumber(values.runs, 'runs');
  if (runs !== undefined && runs < 1) throw new UsageError('--runs takes a whole number of at least 1');
  const seed = wholeNumber(values.seed, 'seed');
  const options: EstimateOptions = { whatIf: !values['no-what-if'] };
  if (runs !== undefined) options.runs = runs;
  if (seed !== undefined) options.seed = seed;
  if (values.plan !== undefined) options.plan = await planFor(read.bundle, values.plan);
  const text = `${JSON.stringify(estimate(read.bundle, options), null, 2)}\n`;
  if (values.out) await writeFile(values.out, text);
  else io.stdout.write(text);
  return EXIT.ok;
}

async function ics(io: Io, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { volunteer: { type: 'string' }, plan: { type: 'string' }, now: { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.volunteer) throw new UsageError('name the volunteer, e.g. taller ics DIR --volunteer V003');
  const read = await readDir(positionals[0]);
  reportProblems(io, read);
  if (!read.bundle) {
    io.stderr.write(`${read.errors.length} problem${read.errors.length === 1 ? '' : 's'} found\n`);
    return EXIT.badInput;
  }
  // DTSTAMP: --now, or the moment the event opens, so the same input gives the same calendar.
  const now = values.now === undefined ? openingInstant(read.bundle.event) : DateTime.fromISO(values.now, { setZone: true });
  if (!now.isValid) throw new UsageError(`--now takes an ISO 8601 time, not "${values.now}"`);
  const given = await planFor(read.bundle, values.plan);
  let text: string;
  try {
    text = volunteerCalendar(read.bundle, given, values.volunteer, { now });
  } catch (err) {
    if (err instanceof UnknownVolunteerError) throw new UsageError(err.message);
    throw err;
  }
  if (values.out) await writeFile(values.out, text);
  else io.stdout.write(text);
  return EXIT.ok;
}

/** `taller sheets` and `taller slips`: printable HTML from the bundle and a plan. */
async function printable(io: Io, args: string[], kind: 'sheets' | 'slips'): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { plan: { type: 'string' }, out: { type: 'string' }, 'per-page': { type: 'string' }, applicant: { type: 'string' }, phone: { type: 'string' } },
  });
  if (!values.out) throw new UsageError(`name the output file, e.g. taller ${kind} DIR --out ${kind}.html`);
  const read = await readDir(positionals[0]);
  reportProblems(io, read);
  if (!read.bundle) {
    io.stderr.write(`${read.errors.length} problem${read.errors.length === 1 ? '' : 's'} found\n`);
    return EXIT.badInput;
  }
  const given = await planFor(read.bundle, values.plan);
  let html: string;
  if (kind === 'sheets') {
    html = stationSheets(read.bundle, given, { now: openingInstant(read.bundle.event) });
  } else {
    const perPage = wholeNumber(values['per-page'], 'per-page');
    if (perPage !== undefined && ![1, 2, 4].includes(perPage)) throw new UsageError('--per-page is 1, 2 or 4');
    const options: SlipsOptions = {};
    if (perPage !== undefined) options.perPage = perPage as 1 | 2 | 4;
    if (values.applicant) options.applicant = values.applicant;
    if (values.phone) options.contactPhone = values.phone;
    try {
      html = await applicantSlips(read.bundle, given, options);
    } catch (err) {
      if (err instanceof SlipUnavailableError) throw new UsageError(err.message);
      throw err;
    }
  }
  await writeFile(values.out, html);
  io.stderr.write(`wrote ${kind} for ${read.bundle.event.id} to ${values.out}\n`);
  return EXIT.ok;
}

async function backup(io: Io, args: string[]): Promise<number> {
  if (!args[0]) throw new UsageError('name the backup file, e.g. taller backup backups/taller-2027-05-22.sqlite');
  const store = openDatabase(io.env.TALLER_DB);
  try {
    const result = await backupDatabase(store, args[0]);
    io.stdout.write(`backed up ${store.path} to ${result.file} (${result.pages} pages); integrity check: ${result.integrity}\n`);
    return result.integrity === 'ok' ? EXIT.ok : EXIT.failed;
  } finally {
    store.close();
  }
}

async function token(io: Io, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { revoke: { type: 'string' } }, strict: true });
  const store = openDatabase(io.env.TALLER_DB);
  try {
    if (values.revoke !== undefined) {
      if (!revokeToken(store.db, values.revoke, new Date().toISOString())) throw new UsageError('no such active token');
      io.stdout.write('revoked\n');
      return EXIT.ok;
    }
    io.stdout.write(`${createToken(store.db, 'api')}\n`);
    io.stderr.write('This API token is shown once. Send it as "Authorization: Bearer <token>".\n');
    return EXIT.ok;
  } finally {
    store.close();
  }
}

async function serve(io: Io): Promise<number | undefined> {
  const app = await startServer(serverConfig(io.env));
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : '';
  io.stdout.write(`Taller is serving on http://${io.env.HOST || 'localhost'}:${port}\n`);
  return undefined;
}

const COMMANDS: Record<string, (io: Io, args: string[]) => Promise<number | undefined>> = {
  check, import: importDir, plan: planDir, estimate: estimateDir, ics, backup, token, serve,
  sheets: (io, args) => printable(io, args, 'sheets'),
  slips: (io, args) => printable(io, args, 'slips'),
};

/** Runs one command; resolves to the exit status (undefined while a server keeps running). */
export async function main(argv: string[], io: Io): Promise<number | undefined> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help' || rest.includes('--help')) {
    io.stdout.write(HELP);
    return command ? EXIT.ok : EXIT.badInput;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr.write(`taller: unknown command "${command}"\n\n${HELP}`);
    return EXIT.badInput;
  }
  try {
    return await run(io, rest);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`taller ${command}: ${(err as Error).message}\n`);
      return EXIT.badInput;
    }
    io.stderr.write(`taller ${command}: ${(err as Error).message}\n`);
    return EXIT.failed;
  }
}
