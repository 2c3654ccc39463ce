import { randomBytes } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readBundleDir } from '../bundle/dir.js';
import { VOLUNTEERS_FILE, formatProblem, readBundle, rowsById } from '../bundle/index.js';
import type { BundleFiles, BundleRead } from '../bundle/index.js';
import { poolConflicts } from '../services/season.js';
import { audit, findEvent, loadBundle, saveBundle } from '../db/events.js';
import { backupDatabase, openDatabase } from '../db/index.js';
import type { Db, OpenDatabase } from '../db/index.js';
import type { StoredPlan } from '../db/plans.js';
import { calendarFor, heldPlan, planEvent, publishedPlan, publishVersion, shownPlan, withWarnings } from '../services/plans.js';
import type { Notice, PlanRequest } from '../services/plans.js';
import { applyRetention, nothingToPrint, purgeStoredEvent } from '../services/retention.js';
import { purgedAt } from '../db/purge.js';
import type { PurgeOutcome } from '../services/retention.js';
import { revokeToken } from '../db/tokens.js';
import { findSignIn, listAccounts } from '../db/users.js';
import type { Account } from '../db/users.js';
import { addAccount, apiTokensOf, changeAccount, makeApiToken } from '../services/users.js';
import type { TokenScopeName } from '../services/users.js';
import { FAIRNESS_MODES, SELECTIONS } from '../domain/index.js';
import type { FairnessMode, Selection } from '../domain/index.js';
import { checkPlan } from '../planner/index.js';
import { UnknownVolunteerError, volunteerCalendar } from '../outputs/ics.js';
import { estimate, planToFinish, tooLargeToSimulate } from '../throughput/index.js';
import type { SlipsOptions } from '../outputs/slips.js';
import type { EstimateOptions } from '../throughput/index.js';
import { openingInstant } from '../domain/index.js';
import type { Bundle } from '../domain/index.js';
import { DateTime } from 'luxon';
import type { PlanJson, PlanOptions } from '../planner/index.js';
import type { MappingReport } from '../services/imports.js';
import { configuredOrigin } from '../http/links.js';
import type { ConfiguredOrigin } from '../http/links.js';

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  /** Where `--password-stdin` reads from (default: the process's standard input). */
  stdin?: AsyncIterable<string | Buffer>;
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
  season DIR...       check bundles as one season: a volunteer is one person across them when
                      the e-mail matches; a person booked at two workshops they cannot both
                      reach (overlapping hours, or closer than the travel between the sites) is
                      a FILE:ROW:COLUMN line naming both (exit 2); else the season's summary
      --same-county M   minutes of travel within a county (default 60)
      --other-county M  minutes between counties (default 120)
      --travel FILE     CSV from,to,minutes: the travel between two counties, either way
      --monthly-limit N warn past N workshops a month for one person (default 4)
  import DIR          check the bundle and load it into the database, all or nothing;
                      importing an event id again updates that event in place
  import --event ID --volunteers FILE | --applicants FILE
                      read a spreadsheet as you keep it (.xlsx, or CSV separated by commas,
                      semicolons or tabs, in UTF-8, UTF-16 or Windows-1252) as the stored
                      event's roster or applicants: the whole list replaces the event's, all or
                      nothing, keeping everyone who is still the same person; every problem on
                      stderr as FILE:ROW:COLUMN: message, at the sheet's row and column letter
      --mapping proposed   (the default) print the columns and the unknown values as Taller
                        reads them; import only when every column and value maps (exit 2 if not)
      --mapping saved   use the mapping the organization saved (in the browser, or by an
                        earlier import); exit 2 listing each column or value it cannot map
      --org NAME        the organization whose mapping is used and kept (default: the one that
                        runs the event)
  plan DIR            plan the bundle in DIR; the plan JSON on stdout, or into --out FILE
      --seed S          the lottery among equal priorities (default: the event's planning.seed)
      --iterations N    how long to search for a better plan (deterministic for N)
      --quick           a fast first plan
      --fairness MODE   none (serve the most priority) or proportional (each language group
                        in proportion to its demand where capacity allows)
      --selection MODE  fair (equal priorities in lottery order, the default) or most (as many
                        people as fit); default: the event's planning.selection
      --finish-probability P
                        the chance (0–0.99) that the simulated day finishes everyone who came
                        by closing: the plan keeps the least time before closing free that
                        reaches it; 0 packs the day (default: the event's planning.finish_probability)
      --previous FILE   re-plan from an earlier plan, keeping as much of it as still works
      --pin IDS         applicants (comma-separated) whose arrival times were published
  plan --event ID     plan the stored event and store the result as its next version: a re-plan
                      of the latest version that keeps every published arrival; takes --out,
                      --seed, --iterations, --quick, --fairness, --selection and
                      --finish-probability as above; on stderr the
                      version stored and whom to tell (changes against the published version)
      --release IDS     published applicants (comma-separated) who may move or drop
      --fresh           plan from scratch, ignoring the stored versions; refused (exit 2, listing
                        who would move) when it moves published people, unless --confirm
  publish --event ID --version N   publish that version: from then on sheets, slips and
                      calendars follow it; prints whom to tell
  estimate DIR        how many the day will serve, where it will jam, whom to add: the estimate
                      JSON, by simulating the day many times
      --runs N          simulated days (default 1000)
      --seed S          the simulation's seed (default: the event's planning.seed)
      --plan FILE       simulate this plan's appointments (default: a quick plan)
      --no-what-if      skip the what-if list (it re-plans once per kind of volunteer)
      --no-tradeoff     skip finish_tradeoff (it plans and simulates the day a few times per target)
  sheets DIR --out FILE   printable station sheets (HTML; Letter and A4): the cover with the
                      day's timeline, each volunteer's and desk's visits, a roster per station;
                      --compact: one table per station, several volunteers to a page, no note
                      lines (a quarter of the pages)
  slips DIR --out FILE    printable appointment slips in each applicant's language (HTML),
                      2 per page (--per-page 1|2|4), or one --applicant ID, or only the slips in
                      one --language en|es|zh|vi|tl|pa|ht|ar; --phone NUMBER
                      (both take --plan FILE, else a fresh plan)
  ics DIR --volunteer ID   that volunteer's calendar (RFC 5545, with VTIMEZONE): shifts and
                      visits by applicant code, never names; from --plan FILE or a fresh plan;
                      --now ISO sets DTSTAMP (default: the event's opening), --out FILE
  sheets|slips|ics --event ID   the same from a stored event (same options, no --plan): the
                      version people hold (the latest published, else the latest draft, marked
                      draft), or --version N (marked draft unless it is the published one);
                      the sheets' cover and the DTSTAMP show when they were made (ics: --now ISO)
  serve               run the web app (same as npm start) on http://HOST:PORT; applies the
                      events' retention rules at start and once a day
  backup FILE         copy the live database to FILE (readable by its owner only) and check
                      the copy's integrity; audit-logged
  purge --event ID    remove the event's personal data now: applicants, their links, the
                      per-person parts of its plans, volunteers' contacts no other event needs;
                      keeps anonymous counts by case type, language and outcome; audit-logged
  purge --due         purge every event whose retention.purge_days_after has passed
      --now ISO         as if it were then (default: now)
  user add --email E --name N --role admin|coordinator|viewer [--org ORG] [--password-stdin]
                      add an account; without --password-stdin a first password is made
                      and printed once (they change it on their account page)
  user list           every account: number, e-mail, role, organization, state
  user disable --email E / user enable --email E
                      switch an account off (its sessions end, its tokens stop) or on
  token --user E [--name N] [--scope read|write]
                      print a new API token acting as that account (shown once; keep it safe)
  token --list [--user E]
                      API tokens: number, account, name, scope, state (never the token)
  token --revoke T    revoke the API token T
  link --event ID --volunteer VID | --applicant AID
                      print a new personal link's full URL (shown once): a volunteer's own page
                      (their day, calendar, "I can't come" / "I'll be late"), or an applicant's
                      own page; built from PUBLIC_URL, else http://localhost:PORT (saying so)
                      while HOST is this machine, else refused
      --replace         the person's earlier links of that kind stop working
      --expires DATE    when it stops working: YYYY-MM-DD (through that day at the site) or an
                        ISO 8601 instant (default: the 30th day after the event)
  links --event ID --out FILE
                      new links for everyone of the event as a CSV file for your own mail merge
                      (kind, code, name, language, email, phone, url, expires; readable by its
                      owner only); every earlier link stops working
      --only-missing    only for those without a working link (the others keep theirs)

Options:
  -h, --help          show this help

Environment:
  TALLER_DB           the SQLite file (default ./data/taller.sqlite)
  PORT, HOST          where serve listens (default 3000, localhost)
  TALLER_DEMO=0       do not load the demo event on first start
  TALLER_SOURCES=1    run the TypeScript sources through tsx even when dist/ is built
  PUBLIC_URL          the address people open the server at: personal links are built from it

Exit status: 0 done; 2 bad input, with every problem on stderr; 1 anything else.
`;

/** Warnings first, then errors, each as `FILE:ROW:COLUMN: message` with the file's name in the bundle. */
function reportProblems(io: Io, read: Pick<BundleRead, 'errors' | 'warnings'>): void {
  for (const w of read.warnings) io.stderr.write(`${formatProblem(w, 'warning')}\n`);
  for (const e of read.errors) io.stderr.write(`${formatProblem(e)}\n`);
}

async function readDirFiles(dir: string | undefined): Promise<BundleFiles> {
  if (!dir) throw new UsageError('name the bundle folder, e.g. taller check static/samples/fresno-saturday');
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`${dir}: no such folder`);
  return readBundleDir(dir);
}

async function readDir(dir: string | undefined): Promise<BundleRead> {
  return readBundle(await readDirFiles(dir));
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

/** `taller import`: a bundle folder, or with --event a spreadsheet into a stored event. */
async function importCommand(io: Io, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { event: { type: 'string' }, volunteers: { type: 'string' }, applicants: { type: 'string' }, mapping: { type: 'string' }, org: { type: 'string' } },
  });
  if (values.event === undefined) {
    for (const name of ['volunteers', 'applicants', 'mapping', 'org'] as const) {
      if (values[name] !== undefined) throw new UsageError(`--${name} goes with --event: taller import --event ID --volunteers FILE (or --applicants FILE)`);
    }
    return importDir(io, positionals);
  }
  if (positionals.length > 0) throw new UsageError(`import either a bundle folder or a spreadsheet into a stored event, not both (${positionals[0]} and --event ${values.event})`);
  if ((values.volunteers === undefined) === (values.applicants === undefined)) {
    throw new UsageError('name one spreadsheet: taller import --event ID --volunteers FILE, or --applicants FILE');
  }
  const mapping = values.mapping ?? 'proposed';
  if (mapping !== 'saved' && mapping !== 'proposed') throw new UsageError(`--mapping is saved or proposed, not "${mapping}"`);
  const target = values.volunteers !== undefined ? 'volunteers' : 'applicants';
  const file = (values.volunteers ?? values.applicants)!;
  const bytes = await readFile(file).catch(() => {
    throw new UsageError(`${file}: cannot read the file`);
  });
  const { importSheetFile, peopleOf } = await import('../services/imports.js');
  return withDatabase(io, async (db) => {
    const outcome = await importSheetFile(db, { slug: values.event!, target, file, bytes, mapping, organization: values.org, actor: 'cli' });
    if (outcome.kind === 'refused') throw new UsageError(outcome.message);
    if (outcome.report && mapping === 'proposed') io.stdout.write(mappingLines(file, outcome.report).join('\n') + '\n');
    if (outcome.kind === 'problems') {
      for (const p of outcome.problems) io.stderr.write(`${file}:${p.row}:${p.column}: ${p.message}\n`);
      io.stderr.write(`${outcome.problems.length} problem${outcome.problems.length === 1 ? '' : 's'} found; nothing was imported\n`);
      return EXIT.badInput;
    }
    for (const w of outcome.warnings) io.stderr.write(`${file}:${w.row}:${w.column}: warning: ${w.message}\n`);
    io.stdout.write(`imported ${peopleOf(target, outcome.rows)} into ${values.event} from ${file}\n`);
    if (outcome.remembered) io.stdout.write(`the mapping is kept for ${outcome.report.organization}: --mapping saved uses it next time\n`);
    if (outcome.plan?.outOfDate) {
      io.stdout.write(`version ${outcome.plan.version} of the plan no longer fits (${outcome.plan.problems} problem${outcome.plan.problems === 1 ? '' : 's'}): taller plan --event ${values.event}\n`);
    }
    return EXIT.ok;
  });
}

/** The columns and the unknown values as Taller reads a spreadsheet, for `taller import --mapping proposed`. */
function mappingLines(file: string, report: MappingReport): string[] {
  const lines = [`${file}: ${report.description}`, 'columns:'];
  for (const c of report.columns) {
    const field = c.field === null ? 'not recognised: choose its field in the browser' : c.field === 'ignore' ? 'ignored' : c.field;
    lines.push(`  ${c.letter} ${c.header || '(no header)'} -> ${field}`);
  }
  if (report.unknown.length > 0) {
    lines.push('values Taller does not know:');
    for (const v of report.unknown) lines.push(`  ${v.letter} ${v.header}, row ${v.row}: ${v.kind.replace('_', ' ')} "${v.value}" (${v.rows} row${v.rows === 1 ? '' : 's'})`);
  }
  return lines;
}

async function importDir(io: Io, args: string[]): Promise<number> {
  const files = await readDirFiles(args[0]);
  const read = readBundle(files);
  reportProblems(io, read);
  const refused = (n: number) => {
    io.stderr.write(`${n} problem${n === 1 ? '' : 's'} found; nothing was imported\n`);
    return EXIT.badInput;
  };
  if (!read.bundle) return refused(read.errors.length);
  const store = open(io);
  try {
    // One pool: nobody booked here who is booked at another stored workshop they cannot also reach.
    const clashes = poolConflicts(store.db, read.bundle, rowsById(VOLUNTEERS_FILE, files[VOLUNTEERS_FILE] ?? new Uint8Array()));
    reportProblems(io, { errors: clashes, warnings: [] });
    if (clashes.length > 0) return refused(clashes.length);
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

/** Comma-separated ids, blanks dropped. */
const idList = (value: string) => value.split(',').map((id) => id.trim()).filter(Boolean);

/** Opens the database named by TALLER_DB, saying on stderr when it had to tighten its file modes. */
function open(io: Io): OpenDatabase {
  return openDatabase(io.env.TALLER_DB, { onWarning: (message) => io.stderr.write(`taller: ${message}\n`) });
}

/** Opens the database named by TALLER_DB for one command and closes it afterwards. */
async function withDatabase<T>(io: Io, use: (db: Db) => T | Promise<T>): Promise<T> {
  const store = open(io);
  try {
    return await use(store.db);
  } finally {
    store.close();
  }
}

/** One line per applicant change, times on the site's wall clock: `A0008 moved 10:10 → 13:25`. */
function changeLines(notice: Notice, zone: string, only: (change: Notice['applicants'][number]['change']) => boolean = () => true, why = new Map<string, string>()): string[] {
  const at = (iso: string) => DateTime.fromISO(iso, { setZone: true }).setZone(zone).toFormat('HH:mm');
  return notice.applicants.filter((c) => only(c.change)).map((c) => {
    if (c.change === 'added') return `${c.applicant} added ${at(c.after!.arrival)}`;
    if (c.change === 'removed') return `${c.applicant} removed (was ${at(c.before!.arrival)})${why.has(c.applicant) ? `: ${why.get(c.applicant)}` : ''}`;
    return `${c.applicant} moved ${at(c.before!.arrival)} → ${at(c.after!.arrival)}`;
  });
}

/** Whom a new version changes things for: applicants one per line, then the volunteers. */
function noticeLines(notice: Notice, zone: string, why?: Map<string, string>): string[] {
  if (notice.against === null) return ['nothing is published yet: no one to tell'];
  const lines = changeLines(notice, zone, () => true, why);
  if (notice.volunteers.length > 0) lines.push(`volunteers whose day changed: ${notice.volunteers.join(', ')}`);
  return lines.length > 0 ? lines : [`no one to tell: everyone keeps their day of published version ${notice.against}`];
}

type PlanValues = {
  out?: string | undefined; seed?: string | undefined; iterations?: string | undefined; quick?: boolean | undefined;
  fairness?: string | undefined; selection?: string | undefined; 'finish-probability'?: string | undefined; release?: string | undefined; fresh?: boolean | undefined; confirm?: boolean | undefined;
};

type SearchOptions = Pick<PlanOptions, 'seed' | 'iterations' | 'quick' | 'fairness' | 'selection' | 'finishProbability'>;

/** The search options both forms of `taller plan` share: --seed, --iterations, --quick, --fairness, --selection, --finish-probability. */
function searchOptions(values: PlanValues): SearchOptions {
  const options: SearchOptions = {};
  const seed = wholeNumber(values.seed, 'seed');
  const iterations = wholeNumber(values.iterations, 'iterations');
  if (seed !== undefined) options.seed = seed;
  if (iterations !== undefined) options.iterations = Math.max(0, iterations);
  if (values.quick) options.quick = true;
  if (values.fairness) options.fairness = values.fairness as FairnessMode;
  if (values.selection) options.selection = values.selection as Selection;
  const finish = values['finish-probability'];
  if (finish !== undefined) {
    const p = Number(finish);
    if (finish.trim() === '' || !Number.isFinite(p) || p < 0 || p > 0.99) throw new UsageError(`--finish-probability is a number from 0 to 0.99, not "${finish}"`);
    options.finishProbability = p;
  }
  return options;
}

/** `taller plan --event ID`: plans the stored event and stores the result as its next version. */
async function planStored(io: Io, slug: string, values: PlanValues): Promise<number> {
  if (values.confirm && !values.fresh) throw new UsageError('--confirm goes with --fresh: only a fresh plan asks before moving published people');
  const request: PlanRequest = searchOptions(values);
  if (values.release !== undefined) request.release = idList(values.release);
  if (values.fresh) request.fresh = true;
  if (values.confirm) request.confirm = true;
  return withDatabase(io, async (db) => {
    const made = await planEvent(db, slug, request, 'cli');
    if (made.kind === 'not_found') throw new UsageError(`no event ${slug} in the database`);
    if (made.kind === 'bad_request') throw new UsageError(made.error);
    const zone = loadBundle(db, slug)!.event.timezone;
    if (made.kind === 'needs_confirm') {
      const moved = changeLines(made.notify, zone, (change) => change !== 'added');
      io.stderr.write(`taller plan: ${made.error}\nnothing was stored (add --confirm to store it); who would move:\n`);
      for (const line of moved) io.stderr.write(`${line}\n`);
      return EXIT.badInput;
    }
    // Said first: the version is stored even if writing --out fails.
    const from = made.from === null ? 'a fresh plan' : `re-planned from version ${made.from}`;
    const { scheduled, applicants } = made.plan.summary;
    io.stderr.write(`stored version ${made.version} of ${slug} (${from}): ${scheduled} of ${applicants} scheduled\n`);
    const why = new Map(made.plan.unscheduled.map((u) => [u.applicant, u.detail]));
    for (const line of noticeLines(made.notify, zone, why)) io.stderr.write(`${line}\n`);
    return emit(io, values.out, `${JSON.stringify(made.plan, null, 2)}\n`);
  });
}

async function planCommand(io: Io, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: {
      out: { type: 'string' }, seed: { type: 'string' }, iterations: { type: 'string' }, quick: { type: 'boolean' },
      fairness: { type: 'string' }, selection: { type: 'string' }, 'finish-probability': { type: 'string' },
      previous: { type: 'string' }, pin: { type: 'string' },
      event: { type: 'string' }, release: { type: 'string' }, fresh: { type: 'boolean' }, confirm: { type: 'boolean' },
    },
  });
  if (values.fairness !== undefined && !(FAIRNESS_MODES as readonly string[]).includes(values.fairness)) {
    throw new UsageError(`--fairness is one of ${FAIRNESS_MODES.join(', ')}, not "${values.fairness}"`);
  }
  if (values.selection !== undefined && !(SELECTIONS as readonly string[]).includes(values.selection)) {
    throw new UsageError(`--selection is one of ${SELECTIONS.join(', ')}, not "${values.selection}"`);
  }
  if (values.event !== undefined) {
    if (positionals.length > 0) throw new UsageError(`plan either a bundle folder or a stored event, not both (${positionals[0]} and --event ${values.event})`);
    if (values.previous !== undefined || values.pin !== undefined) {
      throw new UsageError('--previous and --pin are for a bundle folder: a stored event re-plans from its latest version and keeps its published arrivals');
    }
    return planStored(io, values.event, values);
  }
  for (const name of ['release', 'fresh', 'confirm'] as const) {
    if (values[name] !== undefined) throw new UsageError(`--${name} works on a stored event: taller plan --event ID --${name}`);
  }
  const read = await readDir(positionals[0]);
  reportProblems(io, read);
  if (!read.bundle) {
    io.stderr.write(`${read.errors.length} problem${read.errors.length === 1 ? '' : 's'} found; nothing was planned\n`);
    return EXIT.badInput;
  }
  const options: PlanOptions = searchOptions(values);
  if (values.previous) options.previous = await readPlanFile(values.previous);
  if (values.pin) options.pin = idList(values.pin);
  const result = planToFinish(read.bundle, options);
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
  if (file === undefined) return planToFinish(bundle);
  const given = await readPlanFile(file);
  if (given.event !== bundle.event.id) throw new UsageError(`${file}: this plan is for ${given.event}, not ${bundle.event.id}`);
  const broken = checkPlan(bundle, given);
  if (broken.length > 0) throw new UsageError(`${file}: the plan breaks ${broken.length} rule(s), e.g. ${broken[0]!.rule}: ${broken[0]!.message}`);
  return given;
}

/** A version number option: a whole number of at least 1. */
function versionOption(value: string | undefined): number | undefined {
  const version = wholeNumber(value, 'version');
  if (version !== undefined && version < 1) throw new UsageError('--version takes a whole number of at least 1');
  return version;
}

async function publish(io: Io, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { event: { type: 'string' }, version: { type: 'string' } } });
  const version = versionOption(values.version);
  if (values.event === undefined || version === undefined) throw new UsageError('name the event and the version, e.g. taller publish --event fresno-2027-05-22 --version 2');
  const slug = values.event;
  return withDatabase(io, (db) => {
    const bundle = loadBundle(db, slug);
    if (!bundle) throw new UsageError(`no event ${slug} in the database`);
    const before = publishedPlan(db, bundle.key);
    const done = publishVersion(db, slug, version, 'cli');
    if (done.kind === 'not_found') throw new UsageError(`${slug} has no plan version ${version}`);
    io.stdout.write(`published version ${version} of ${slug}\n`);
    // Publishing the version people already hold, or the first one, has no changes to list.
    const lines = before?.version === version ? ['it was already published: no one to tell']
      : before === undefined ? ['the first published version: every scheduled applicant gets a slip, every volunteer a calendar']
        : noticeLines(done.notify, bundle.event.timezone);
    for (const line of lines) io.stdout.write(`${line}\n`);
    return EXIT.ok;
  });
}

/** A stored event's version to print: the named one (a draft unless it is the published one), else the one people hold. */
function storedVersion(db: Db, slug: string, version: number | undefined): { bundle: Bundle & { key: number }; shown: StoredPlan & { draft: boolean } } {
  const bundle = loadBundle(db, slug);
  if (!bundle) throw new UsageError(`no event ${slug} in the database`);
  const purged = purgedAt(db, bundle.key);
  if (purged !== null) throw new UsageError(nothingToPrint(slug, purged));
  const held = heldPlan(db, bundle.key);
  if (!held) throw new UsageError(`${slug} has no plan yet: taller plan --event ${slug}`);
  const shown = shownPlan(db, bundle.key, version);
  if (!shown) throw new UsageError(`${slug} has no plan version ${version}`);
  return { bundle, shown };
}

/** Refuses mixing a stored event with a bundle folder or a plan file, and --version without an event. */
function storedOrDir(command: string, values: { event?: string | undefined; plan?: string | undefined; version?: string | undefined }, positionals: string[]): void {
  if (values.event === undefined) {
    if (values.version !== undefined) throw new UsageError(`--version picks a stored version: taller ${command} --event ID --version N`);
    return;
  }
  if (positionals.length > 0) throw new UsageError(`print either a bundle folder or a stored event, not both (${positionals[0]} and --event ${values.event})`);
  if (values.plan !== undefined) throw new UsageError(`--plan is for a bundle folder: a stored event prints its stored versions (--version N)`);
}

async function estimateDir(io: Io, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: {
      runs: { type: 'string' }, seed: { type: 'string' }, plan: { type: 'string' }, out: { type: 'string' },
      'no-what-if': { type: 'boolean' }, 'no-tradeoff': { type: 'boolean' },
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
  const tooLarge = tooLargeToSimulate(read.bundle);
  if (tooLarge) {
    io.stderr.write(`${tooLarge}\n`);
    return EXIT.badInput;
  }
  const options: EstimateOptions = { whatIf: !values['no-what-if'], tradeoff: !values['no-tradeoff'] };
  if (runs !== undefined) options.runs = runs;
  if (seed !== undefined) options.seed = seed;
  if (values.plan !== undefined) options.plan = await planFor(read.bundle, values.plan);
  return emit(io, values.out, `${JSON.stringify(estimate(read.bundle, options), null, 2)}\n`);
}

async function ics(io: Io, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: {
      volunteer: { type: 'string' }, plan: { type: 'string' }, now: { type: 'string' }, out: { type: 'string' },
      event: { type: 'string' }, version: { type: 'string' },
    },
  });
  if (!values.volunteer) throw new UsageError('name the volunteer, e.g. taller ics DIR --volunteer V003');
  storedOrDir('ics', values, positionals);
  if (values.event !== undefined) return icsStored(io, values.event, values.volunteer, values);
  const read = await readDir(positionals[0]);
  reportProblems(io, read);
  if (!read.bundle) {
    io.stderr.write(`${read.errors.length} problem${read.errors.length === 1 ? '' : 's'} found\n`);
    return EXIT.badInput;
  }
  // DTSTAMP: --now, or the moment the event opens, so the same input gives the same calendar.
  const now = nowOption(values.now, () => openingInstant(read.bundle!.event));
  const given = await planFor(read.bundle, values.plan);
  const volunteer = values.volunteer;
  return emit(io, values.out, calendarOrUsage(() => volunteerCalendar(read.bundle!, given, volunteer, { now })));
}

/** The `--now` option as an instant, or the fallback when it is not given. */
function nowOption(value: string | undefined, fallback: () => DateTime): DateTime {
  const now = value === undefined ? fallback() : DateTime.fromISO(value, { setZone: true });
  if (!now.isValid) throw new UsageError(`--now takes an ISO 8601 time, not "${value}"`);
  return now;
}

/** A calendar, with a volunteer not on the roster reported as bad input. */
function calendarOrUsage(write: () => string): string {
  try {
    return write();
  } catch (err) {
    if (err instanceof UnknownVolunteerError) throw new UsageError(err.message);
    throw err;
  }
}

/** Writes a command's output to --out, or to stdout. */
async function emit(io: Io, out: string | undefined, text: string): Promise<number> {
  if (out) await writeFile(out, text);
  else io.stdout.write(text);
  return EXIT.ok;
}

/** `taller ics --event ID`: a volunteer's calendar from a stored version, with the earlier versions they saw. */
async function icsStored(io: Io, slug: string, volunteer: string, values: { now?: string | undefined; out?: string | undefined; version?: string | undefined }): Promise<number> {
  // DTSTAMP: --now, or the moment of export, as the web app's calendars do.
  const now = nowOption(values.now, () => DateTime.utc());
  const version = versionOption(values.version);
  const text = await withDatabase(io, (db) => {
    const { bundle, shown } = storedVersion(db, slug, version);
    const text = calendarOrUsage(() => calendarFor(db, bundle, shown, volunteer, now));
    audit(db, 'cli', 'calendar.export', slug, `volunteer ${volunteer}`);
    return text;
  });
  return emit(io, values.out, text);
}

/** `taller sheets` and `taller slips`: printable HTML from the bundle and a plan, or from a stored event. */
async function printable(io: Io, args: string[], kind: 'sheets' | 'slips'): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: {
      plan: { type: 'string' }, out: { type: 'string' }, 'per-page': { type: 'string' }, applicant: { type: 'string' }, phone: { type: 'string' },
      event: { type: 'string' }, version: { type: 'string' }, compact: { type: 'boolean' }, language: { type: 'string' },
    },
  });
  if (!values.out) throw new UsageError(`name the output file, e.g. taller ${kind} DIR --out ${kind}.html`);
  if (values.compact && kind !== 'sheets') throw new UsageError('--compact is for taller sheets: slips print 4 to a page with --per-page 4');
  if (values.language !== undefined && kind !== 'slips') throw new UsageError('--language is for taller slips');
  const { isSlipLanguage, SLIP_LANGUAGES } = await import('../outputs/slips.js');
  const language = values.language;
  if (language !== undefined && !isSlipLanguage(language)) throw new UsageError(`--language is one of ${SLIP_LANGUAGES.join(', ')}`);
  storedOrDir(kind, values, positionals);
  const perPage = wholeNumber(values['per-page'], 'per-page');
  if (perPage !== undefined && ![1, 2, 4].includes(perPage)) throw new UsageError('--per-page is 1, 2 or 4');
  let bundle: Bundle;
  let given: PlanJson;
  let stored: { version: number; draft: boolean; now: DateTime } | undefined;
  if (values.event !== undefined) {
    const slug = values.event;
    const version = versionOption(values.version);
    ({ bundle, given, stored } = await withDatabase(io, (db) => {
      const { bundle, shown } = storedVersion(db, slug, version);
      // Slips and sheets carry names: each export of a stored event is on the audit log, as on the web.
      audit(db, 'cli', `${kind}.export`, slug, [`version ${shown.version}`, ...(values.compact ? ['compact'] : []),
        ...(language !== undefined ? [`language ${language}`] : [])].join(', '));
      // Warnings read against today's roster: a desk volunteer who left shows on the sheets.
      return { bundle, given: withWarnings(bundle, shown), stored: { version: shown.version, draft: shown.draft, now: DateTime.now() } };
    }));
  } else {
    const read = await readDir(positionals[0]);
    reportProblems(io, read);
    if (!read.bundle) {
      io.stderr.write(`${read.errors.length} problem${read.errors.length === 1 ? '' : 's'} found\n`);
      return EXIT.badInput;
    }
    bundle = read.bundle;
    given = await planFor(read.bundle, values.plan);
  }
  let html: string;
  // The printed outputs' templates load only when something is printed.
  const { stationSheets } = await import('../outputs/sheets.js');
  const { applicantSlips, SlipUnavailableError } = await import('../outputs/slips.js');
  if (kind === 'sheets') {
    html = stationSheets(bundle, given, { now: stored?.now ?? openingInstant(bundle.event), draft: stored?.draft === true, compact: values.compact === true });
  } else {
    const options: SlipsOptions = {};
    if (perPage !== undefined) options.perPage = perPage as 1 | 2 | 4;
    if (values.applicant) options.applicant = values.applicant;
    if (language !== undefined) options.language = language;
    if (values.phone) options.contactPhone = values.phone;
    if (stored?.draft) options.draft = true;
    try {
      html = await applicantSlips(bundle, given, options);
    } catch (err) {
      if (err instanceof SlipUnavailableError) throw new UsageError(err.message);
      throw err;
    }
  }
  await writeFile(values.out, html);
  const which = stored ? ` (version ${stored.version}${stored.draft ? ', draft' : ''})` : '';
  io.stderr.write(`wrote ${kind} for ${bundle.event.id}${which} to ${values.out}\n`);
  return EXIT.ok;
}

async function backup(io: Io, args: string[]): Promise<number> {
  if (!args[0]) throw new UsageError('name the backup file, e.g. taller backup backups/taller-2027-05-22.sqlite');
  const store = open(io);
  try {
    const result = await backupDatabase(store, args[0]);
    // A copy of everyone's personal data left the live file: on the audit log, without the path.
    audit(store.db, 'cli', 'database.backup', null, `${result.pages} pages; integrity check: ${result.integrity}`);
    io.stdout.write(`backed up ${store.path} to ${result.file} (${result.pages} pages); integrity check: ${result.integrity}\n`);
    return result.integrity === 'ok' ? EXIT.ok : EXIT.failed;
  } finally {
    store.close();
  }
}

/** One line for a purge: what went and what was kept, counts only. */
function purgeLine(outcome: Extract<PurgeOutcome, { kind: 'purged' }>): string {
  const { result: r } = outcome;
  const kept = Object.entries(r.outcomes).filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`).join(', ') || 'none';
  return `purged ${outcome.slug}: ${r.applicants} applicants removed and counted (${kept}), ${r.links} links, `
    + `${r.plans} plan versions reduced to their summaries, ${r.volunteers} volunteers' contacts erased`
    + `${outcome.checkpointed ? '' : ' (another process holds the database open: the write-ahead log is emptied at its next checkpoint)'}`;
}

async function purge(io: Io, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { event: { type: 'string' }, due: { type: 'boolean' }, now: { type: 'string' } } });
  if ((values.event === undefined) === (values.due === undefined)) {
    throw new UsageError('name one event (taller purge --event ID) or purge the events due by their retention rule (taller purge --due)');
  }
  if (values.now !== undefined && !values.due) throw new UsageError('--now goes with --due: it says when the retention rules are read');
  const now = nowOption(values.now, () => DateTime.now()).toJSDate();
  return withDatabase(io, (db) => {
    if (values.due) {
      const purged = applyRetention(db, 'cli', now);
      for (const outcome of purged) io.stdout.write(`${purgeLine(outcome)}\n`);
      if (purged.length === 0) io.stdout.write('no event is due for purging\n');
      return EXIT.ok;
    }
    const outcome = purgeStoredEvent(db, values.event!, 'cli', now);
    if (outcome.kind === 'not_found') throw new UsageError(outcome.error);
    if (outcome.kind === 'already') io.stdout.write(`${outcome.slug} was purged on ${outcome.purgedAt}: nothing to do\n`);
    else io.stdout.write(`${purgeLine(outcome)}\n`);
    return EXIT.ok;
  });
}

async function token(io: Io, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args, options: { revoke: { type: 'string' }, user: { type: 'string' }, name: { type: 'string' }, scope: { type: 'string' }, list: { type: 'boolean' } }, strict: true,
  });
  const store = open(io);
  try {
    if (values.revoke !== undefined) {
      if (!revokeToken(store.db, values.revoke, new Date().toISOString(), 'cli')) throw new UsageError('no such active token');
      io.stdout.write('revoked\n');
      return EXIT.ok;
    }
    if (values.list) {
      const owner = values.user === undefined ? undefined : accountByEmail(store.db, values.user);
      const emails = new Map(listAccounts(store.db).map((a) => [a.id, a.email]));
      for (const t of apiTokensOf(store.db, owner?.id)) {
        io.stdout.write(`${t.id}\t${t.userId === null ? '(no account)' : emails.get(t.userId)}\t${t.name ?? ''}\t${t.scope ?? 'write'}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'working'}\n`);
      }
      return EXIT.ok;
    }
    if (values.user === undefined) throw new UsageError('name the account the token acts for: taller token --user EMAIL [--name NAME] [--scope read|write]');
    const account = accountByEmail(store.db, values.user);
    if (account.disabledAt !== null) throw new UsageError(`${values.user}: the account is switched off`);
    const made = makeApiToken(store.db, account, values.name ?? 'command line', (values.scope ?? (account.role === 'viewer' ? 'read' : 'write')) as TokenScopeName, 'cli');
    if (!made.ok) throw new UsageError(made.problems.map((p) => `--${p.field}: ${p.message}`).join('\n'));
    io.stdout.write(`${made.token}\n`);
    io.stderr.write('This API token is shown once. Send it as "Authorization: Bearer <token>".\n');
    return EXIT.ok;
  } finally {
    store.close();
  }
}

function accountByEmail(db: Db, email: string): Account {
  const found = findSignIn(db, email);
  if (!found) throw new UsageError(`${email}: no account has this e-mail address (taller user list shows them)`);
  const { passwordHash: _hash, ...account } = found;
  return account;
}

async function readAll(input: AsyncIterable<string | Buffer>): Promise<string> {
  let text = '';
  for await (const chunk of input) text += chunk.toString();
  return text;
}

async function user(io: Io, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    strict: true,
  });
  const store = open(io);
  try {
    if (action === 'list') {
      for (const a of listAccounts(store.db)) {
        io.stdout.write(`${a.id}\t${a.email}\t${a.role}\t${a.organization ?? ''}\t${a.disabledAt ? 'switched off' : 'active'}\n`);
      }
      return EXIT.ok;
    }
    if (action === 'disable' || action === 'enable') {
      if (values.email === undefined) throw new UsageError(`name the account: taller user ${action} --email EMAIL`);
      const account = accountByEmail(store.db, values.email);
      await changeAccount(store.db, account.id, { disabled: action === 'disable' }, 'cli');
      io.stdout.write(`${action === 'disable' ? 'switched off' : 'switched on'}: ${account.email}\n`);
      return EXIT.ok;
    }
    if (action !== 'add') throw new UsageError('taller user add | list | disable | enable (taller --help shows the options)');
    const missing = (['email', 'name', 'role'] as const).filter((k) => values[k] === undefined);
    if (missing.length > 0) throw new UsageError(`taller user add needs ${missing.map((k) => `--${k}`).join(', ')}`);
    const made = values['password-stdin']
      ? (await readAll(io.stdin ?? process.stdin)).replace(/\r?\n$/, '')
      : randomBytes(15).toString('base64url');
    const added = await addAccount(store.db, { email: values.email!, name: values.name!, role: values.role!, organization: values.org, password: made }, 'cli');
    if (!added.ok) throw new UsageError(added.problems.map((p) => `--${p.field === 'organization' ? 'org' : p.field}: ${p.message}`).join('\n'));
    io.stdout.write(`added account ${added.id}: ${values.email!.trim().toLowerCase()} (${values.role})\n`);
    if (!values['password-stdin']) io.stderr.write(`First password (shown once; they change it on their account page): ${made}\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}

/** The origin links are built from (PUBLIC_URL, else localhost while HOST is this machine), saying on stderr how it was chosen. */
function originFor(io: Io, command: string): string {
  let configured: ConfiguredOrigin;
  try {
    configured = configuredOrigin(io.env);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if ('refused' in configured) throw new UsageError(configured.refused);
  if (configured.note) io.stderr.write(`taller ${command}: ${configured.note}\n`);
  return configured.origin;
}

/** `taller link --event ID --volunteer VID | --applicant AID`: one person's new link, its URL on stdout. */
async function link(io: Io, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args, strict: true,
    options: { event: { type: 'string' }, volunteer: { type: 'string' }, applicant: { type: 'string' }, replace: { type: 'boolean' }, expires: { type: 'string' } },
  });
  if (values.event === undefined) throw new UsageError('name the event: taller link --event ID --volunteer VID (or --applicant AID)');
  if ((values.volunteer === undefined) === (values.applicant === undefined)) {
    throw new UsageError('name one person: taller link --event ID --volunteer VID, or --applicant AID');
  }
  const kind = values.volunteer !== undefined ? 'volunteer' : 'applicant';
  const code = (values.volunteer ?? values.applicant)!;
  const origin = originFor(io, 'link');
  const { makeLink } = await import('../services/links.js');
  return withDatabase(io, (db) => {
    const options = { ...(values.replace ? { replace: true } : {}), ...(values.expires !== undefined ? { expires: values.expires } : {}) };
    const made = makeLink(db, origin, { event: values.event!, kind, code }, options, 'cli');
    if (!made.ok && made.reason === 'bad_expiry') throw new UsageError(`--expires takes a date (YYYY-MM-DD) or an ISO 8601 instant in the future, not "${values.expires}"`);
    if (!made.ok) {
      throw new UsageError(findEvent(db, values.event!) ? `no ${kind} ${code} in ${values.event} (codes as in its ${kind}s.csv)` : `no event ${values.event} in the database`);
    }
    io.stdout.write(`${made.url}\n`);
    io.stderr.write(`a new link for ${kind} ${code} of ${values.event}, working until ${made.expiresAt}; shown once, keep it safe`
      + `${made.revoked > 0 ? ` (${made.revoked} earlier link${made.revoked === 1 ? '' : 's'} stopped working)` : ''}\n`);
    return EXIT.ok;
  });
}

/** `taller links --event ID --out FILE [--only-missing]`: everyone's new links as a CSV file. */
async function links(io: Io, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { event: { type: 'string' }, out: { type: 'string' }, 'only-missing': { type: 'boolean' } } });
  if (values.event === undefined || values.out === undefined) throw new UsageError('name the event and the file: taller links --event ID --out links.csv');
  const origin = originFor(io, 'links');
  const { exportLinks } = await import('../services/links.js');
  const exported = await withDatabase(io, (db) => exportLinks(db, origin, values.event!, values['only-missing'] ? 'missing' : 'all', 'cli'));
  if (!exported) throw new UsageError(`no event ${values.event} in the database`);
  // The file holds working links: readable by its owner only, as the database is.
  await writeFile(values.out, exported.csv, { mode: 0o600 });
  await chmod(values.out, 0o600);
  io.stderr.write(`wrote ${exported.volunteers} volunteer and ${exported.applicants} applicant links of ${values.event} to ${values.out}`
    + `${exported.revoked > 0 ? `; ${exported.revoked} earlier link${exported.revoked === 1 ? '' : 's'} stopped working` : ''}\n`);
  return EXIT.ok;
}

async function serve(io: Io): Promise<number | undefined> {
  // The web server's modules load only for `serve`: the other commands start without them.
  const { serverConfig, startServer } = await import('../http/server.js');
  const app = await startServer(serverConfig(io.env));
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : '';
  io.stdout.write(`Taller is serving on http://${io.env.HOST || 'localhost'}:${port}\n`);
  return undefined;
}

const COMMANDS: Record<string, (io: Io, args: string[]) => Promise<number | undefined>> = {
  check, import: importCommand, plan: planCommand, publish, estimate: estimateDir, ics, backup, purge, token, user, serve, link, links,
  sheets: (io, args) => printable(io, args, 'sheets'),
  slips: (io, args) => printable(io, args, 'slips'),
  season: async (io, args) => {
    const { season, SeasonUsageError } = await import('./season.js');
    try {
      return await season(io, args);
    } catch (err) {
      if (err instanceof SeasonUsageError) throw new UsageError(err.message);
      throw err;
    }
  },
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
