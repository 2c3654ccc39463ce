/**
 * `npm run load`: how the server holds up under many visitors, on this machine's loopback only.
 *
 *   npm run load -- [--duration S] [--connections N] [--host 127.0.0.1] [--only WORD] [--profile DIR]
 *
 * It builds a temporary database with the 250-applicant sample workshop
 * (static/samples/central-valley-citizenship-day), imported, planned and published by the
 * compiled `taller` command, with an admin's API token, a volunteer's calendar feed link and
 * every volunteer's own link (`taller links`), and starts the compiled server
 * (`node src/cli/bin.js serve`, as `npm start` does; dist/ is built first when it is missing or
 * older than src/) in a child process of its own on 127.0.0.1 and a free port, with
 * `TALLER_RATE_LIMIT=off` (rate limits off for the run) and `LOG_LEVEL=warn`. N coordinators
 * sign in through the sign-in page, each with a session of their own. After one visit to each
 * route (the page's estimate is simulated then), it runs autocannon with N connections for S
 * seconds (after 2 s at N connections, not counted: the client's own start) against, one after
 * the other:
 *   (a) the event page, with an admin's API token;
 *   (b) a volunteer's calendar feed;
 *   (c) the plan workspace, each connection a signed-in coordinator with their own session cookie;
 *   (d) volunteers' own pages, each connection a volunteer's link (the event's volunteers in turn);
 * while a separate process asks `/health` every 100 ms (counted while a route is loaded, warm-up
 * included). It prints a table: per route, requests per second, the size of an answer (headers
 * included), latency p50, p99 and max, errors
 * (connection errors and timeouts) and non-2xx answers, and `/health`'s p99 and max while that
 * route was loaded.
 *
 * `--only WORD` loads only the routes whose name holds WORD (event, feed, plan, volunteers);
 * `--profile DIR` has the server write a V8 CPU profile into DIR when it stops (open it in
 * Chromium's DevTools) to see where a view's time goes.
 *
 * Defaults: 30 s, 100 connections; at most 120 s and 500 connections. Any host but loopback is
 * refused: this is not a tool to load someone else's server. Never a pass/fail on timings:
 * the goals (0 errors, p99 under 300 ms, /health under 50 ms) are shown beside the numbers.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Client } from 'autocannon';
import { distState } from '../cli/dist.js';
import type { PlanJson } from '../planner/index.js';
import { BIN, LOOPBACK, startTaller } from './server.js';
import { markdownTable } from './table.js';

const LIMITS = { duration: 120, connections: 500 };
const GOALS = { p99: 300, health: 50 };
const WARMUP_S = 2;
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function parse(argv: string[]) {
  const value = (name: string) => {
    const at = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (at < 0) return undefined;
    return argv[at]!.includes('=') ? argv[at]!.slice(name.length + 1) : argv[at + 1];
  };
  const known = ['--duration', '--connections', '--host', '--only', '--profile'];
  for (const a of argv) {
    if (a.startsWith('--') && !known.some((k) => a === k || a.startsWith(`${k}=`))) fail(`unknown option ${a} (options: ${known.join(', ')})`);
  }
  const whole = (name: string, fallback: number, max: number) => {
    const text = value(name);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) fail(`${name} takes a whole number of at least 1, not "${text}"`);
    if (n > max) fail(`${name} is at most ${max}`);
    return n;
  };
  const host = value('--host') ?? LOOPBACK;
  if (!LOOPBACK_NAMES.has(host)) fail(`only loopback (127.0.0.1, localhost, ::1), never ${host}: the load runs against a server this script starts`);
  return {
    duration: whole('--duration', 30, LIMITS.duration), connections: whole('--connections', 100, LIMITS.connections),
    only: value('--only'), profile: value('--profile'),
  };
}

/** A reason to stop, said in one line (the server is stopped and the folder removed first). */
class Stop extends Error {}

function fail(message: string): never {
  throw new Stop(message);
}

const say = (text: string) => process.stderr.write(`load: ${text}\n`);
const ms = (t: number) => (Number.isFinite(t) ? (t < 10 ? `${t.toFixed(1)} ms` : `${Math.round(t)} ms`) : '—');

const table = (headers: string[], rows: string[][]) => markdownTable(headers, rows);

/** Runs `taller ARGS` (the compiled command, in a process of its own) against the database; its stdout. */
function taller(db: string, args: string[], input?: string): string {
  const run = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, TALLER_DB: db }, encoding: 'utf8', input });
  if (run.status !== 0) throw new Error(`taller ${args.join(' ')} exited ${run.status}: ${run.stderr.trim()}`);
  return run.stdout;
}

/**
 * Asks /health every 100 ms from a process of its own (its own event loop and CPU time, shared
 * with neither the load client nor the server), each sample tagged with the phase it fell in.
 */
const SAMPLER = `
const http = require('node:http');
const [host, port] = process.argv.slice(1);
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const done = [];
const pending = new Set();
let phase = 'idle';
const finish = (entry, status) => {
  if (!pending.delete(entry)) return;
  done.push({ phase: entry.phase, ms: performance.now() - entry.t0, status });
};
const timer = setInterval(() => {
  const entry = { phase, t0: performance.now() };
  pending.add(entry);
  const req = http.get({ host, port: Number(port), path: '/health', agent, timeout: 10000 }, (res) => {
    res.resume();
    res.on('end', () => finish(entry, res.statusCode));
  });
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.on('error', () => finish(entry, 0));
}, 100);
process.on('message', (message) => {
  if (message.phase) phase = message.phase;
  if (message.stop) {
    clearInterval(timer);
    // Requests on their way are given 2 s to answer; one still waiting then counts as failed, for as long as it waited.
    const deadline = performance.now() + 2000;
    const report = () => {
      if (pending.size > 0 && performance.now() < deadline) return setTimeout(report, 10);
      for (const entry of [...pending]) finish(entry, 0);
      agent.destroy();
      process.send(done, () => process.exit(0));
    };
    report();
  }
});
process.send({ ready: true });
`;

interface Sample { phase: string; ms: number; status: number }

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** A password for the coordinators' sign-in; the database lives only as long as the run. */
const PASSWORD = 'load-test-password-1';

interface Route {
  name: string;
  label: string;
  path: string;
  headers: Record<string, string>;
  setupClient?: (client: Client) => void;
}

/** The cookies a browser keeps from a response, as one Cookie header value (the latest of each name). */
function cookiesOf(res: Response, jar = new Map<string, string>()): Map<string, string> {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
  }
  return jar;
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in through the sign-in page as a browser does (its form token, then the form); the session's Cookie header. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const page = await fetch(`${base}/sign-in`);
  const jar = cookiesOf(page);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!csrf) fail('the sign-in page has no form token');
  const res = await fetch(`${base}/sign-in`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ _csrf: csrf, email, password, next: '/' }).toString(),
  });
  await res.arrayBuffer();
  if (res.status !== 303) fail(`signing in answered ${res.status}`);
  return cookieHeader(cookiesOf(res, jar));
}

let options: ReturnType<typeof parse>;
try {
  options = parse(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`load: ${(err as Error).message}\n`);
  process.exit(2);
}
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const state = distState();
if (state !== null) {
  say(`dist/ is ${state === 'missing' ? 'not built' : 'older than src/'}: building it first (npm run build)`);
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.js')], { stdio: 'inherit' });
  if (built.status !== 0) {
    say('the build failed');
    process.exit(1);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'taller-load-'));
const db = join(dir, 'load.sqlite');
let server: Awaited<ReturnType<typeof startTaller>> | undefined;
try {
  const load0 = loadavg();
  // The 250-applicant sample, as a coordinator would import it, planned and published by the command's code.
  const bundleDir = join(ROOT, 'static', 'samples', 'central-valley-citizenship-day');
  const slug = (JSON.parse(readFileSync(join(bundleDir, 'event.json'), 'utf8')) as { id: string }).id;
  say(`importing and planning ${slug} (the 250-applicant sample) in ${db}`);
  taller(db, ['import', bundleDir]);
  const planFile = join(dir, 'plan.json');
  taller(db, ['plan', '--event', slug, '--out', planFile]);
  taller(db, ['publish', '--event', slug, '--version', '1']);
  taller(db, ['user', 'add', '--email', 'load@example.org', '--name', 'Load test', '--role', 'admin']);
  taller(db, ['user', 'add', '--email', 'coordinator@example.org', '--name', 'Load coordinator', '--role', 'admin', '--password-stdin'], `${PASSWORD}\n`);
  const token = taller(db, ['token', '--user', 'load@example.org', '--name', 'load test']).trim();
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as PlanJson;
  const visits = new Map<string, number>();
  for (const s of plan.scheduled) for (const v of s.visits) visits.set(v.volunteer, (visits.get(v.volunteer) ?? 0) + 1);
  const volunteer = [...visits].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  if (!volunteer) fail('the plan schedules nobody: no calendar to load');
  // Every volunteer's own link, as the coordinator's export gives them; only their paths are used.
  const linksFile = join(dir, 'links.csv');
  taller(db, ['links', '--event', slug, '--out', linksFile]);
  const volunteerPages = [...readFileSync(linksFile, 'utf8').matchAll(/https?:\/\/[^/,\s]+(\/v\/[A-Za-z0-9_-]+)/g)].map((m) => m[1]!);
  if (volunteerPages.length === 0) fail('the links export holds no volunteer link');

  say('starting the compiled server with TALLER_RATE_LIMIT=off');
  const nodeArgs = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${options.profile}`] : [];
  server = await startTaller({ TALLER_DB: db, TALLER_DEMO: '0', TALLER_RATE_LIMIT: 'off' }, undefined, nodeArgs);
  const base = `http://${LOOPBACK}:${server.port}`;
  const link = await fetch(`${base}/api/events/${slug}/volunteers/${volunteer}/calendar-link`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  if (link.status !== 201) fail(`the calendar link was refused (${link.status}): ${await link.text()}`);
  const feed = new URL(((await link.json()) as { url: string }).url).pathname;
  say(`signing in ${options.connections} coordinators through the sign-in page`);
  const sessions: string[] = [];
  for (let i = 0; i < options.connections; i += 8) {
    const batch = Math.min(8, options.connections - i);
    sessions.push(...await Promise.all(Array.from({ length: batch }, () => signIn(base, 'coordinator@example.org', PASSWORD))));
  }
  const signedIn = { authorization: `Bearer ${token}` };
  /** Each connection its own of the given values, in turn. */
  const each = (values: string[], apply: (client: Client, value: string) => void) => {
    let next = 0;
    return (client: Client) => apply(client, values[next++ % values.length]!);
  };
  const all: Route[] = [
    { name: 'event page, signed in', label: `GET /events/${slug}`, path: `/events/${slug}`, headers: signedIn },
    { name: 'calendar feed', label: 'GET /calendars/[token].ics', path: feed, headers: {} },
    {
      name: 'plan workspace, signed in', label: `GET /events/${slug}/plan (${sessions.length} sessions)`, path: `/events/${slug}/plan`,
      headers: { cookie: sessions[0]! }, setupClient: each(sessions, (client, cookie) => client.setHeaders({ cookie })),
    },
    {
      name: 'volunteers\' own pages', label: `GET /v/[token] (${volunteerPages.length} volunteers)`, path: volunteerPages[0]!,
      headers: {}, setupClient: each(volunteerPages, (client, path) => client.setRequest({ path })),
    },
  ];
  const routes = all.filter((r) => options.only === undefined || r.name.includes(options.only));
  if (routes.length === 0) fail(`no route's name holds "${options.only}" (routes: ${all.map((r) => r.name).join('; ')})`);
  // One visit each first: the page's estimate is simulated (in a worker) on its first visit.
  for (const r of routes) {
    const t0 = performance.now();
    const res = await fetch(`${base}${r.path}`, { headers: r.headers });
    await res.arrayBuffer();
    if (res.status !== 200) fail(`${r.label} answered ${res.status} before the load`);
    say(`${r.name}: first visit ${ms(performance.now() - t0)}`);
  }

  const sampler = spawn(process.execPath, ['-e', SAMPLER, LOOPBACK, String(server.port)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise((resolve) => sampler.once('message', resolve));
  // A second of samples before the first route, not counted: the sampler's own start.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rows: string[][] = [];
  const goals: string[] = [];
  for (const r of routes) {
    say(`${r.name}: ${options.connections} connections for ${options.duration} s`);
    sampler.send({ phase: r.name });
    // The client's own start (its connections opened, its code warmed) is not the server's time:
    // a few seconds at the same connections first, not counted.
    const result = await autocannon({
      url: `${base}${r.path}`, headers: r.headers, setupClient: r.setupClient, connections: options.connections, duration: options.duration, timeout: 10,
      warmup: { connections: options.connections, duration: WARMUP_S },
    });
    sampler.send({ phase: 'idle' });
    const size = result.requests.total > 0 ? result.throughput.total / result.requests.total : 0;
    rows.push([r.label, String(Math.round(result.requests.average)), `${(size / 1024).toFixed(size < 10_240 ? 1 : 0)} KiB`, ms(result.latency.p50), ms(result.latency.p99), ms(result.latency.max),
      `${result.errors}/${result.non2xx}`, '', '']);
    if (result.errors > 0 || result.non2xx > 0 || result.latency.p99 >= GOALS.p99) goals.push(`${r.name}: ${result.errors} errors, ${result.non2xx} non-2xx, p99 ${ms(result.latency.p99)}`);
  }
  const samples = await new Promise<Sample[]>((resolve) => {
    sampler.once('message', (message) => resolve(message as Sample[]));
    sampler.send({ stop: true });
  });
  routes.forEach((r, i) => {
    const mine = samples.filter((s) => s.phase === r.name);
    const times = mine.map((s) => s.ms);
    const failed = mine.filter((s) => s.status !== 200).length;
    rows[i]![7] = `${ms(percentile(times, 99))}${failed ? ` (${failed} failed)` : ''}`;
    rows[i]![8] = `${ms(Math.max(...times))} (${times.length})`;
    if (failed > 0 || Math.max(...times) >= GOALS.health) goals.push(`/health during ${r.name}: max ${ms(Math.max(...times))}${failed ? `, ${failed} failed` : ''}`);
  });
  const load1 = loadavg();

  console.log(`Load on loopback: ${options.connections} connections × ${options.duration} s per route (autocannon, after ${WARMUP_S} s not counted), /health asked every 100 ms from another process`);
  console.log(`Server: the compiled app (node src/cli/bin.js serve) in its own process, TALLER_RATE_LIMIT=off (rate limits off for this run), LOG_LEVEL=warn;`);
  console.log(`the 250-applicant sample (${slug}), planned and published; the feed of ${volunteer}, who has the most visits; ${sessions.length} coordinators' sessions; ${volunteerPages.length} volunteers' links.`);
  console.log(`Machine: ${cpus().length} cores, load average ${load0.map((l) => l.toFixed(2)).join(' ')} before, ${load1.map((l) => l.toFixed(2)).join(' ')} after (node ${process.version}).\n`);
  console.log(table(['route', 'requests/s', 'answer size', 'p50', 'p99', 'max', 'errors/non-2xx', '/health p99', '/health max (samples)'], rows));
  console.log(`\nGoals: 0 errors and non-2xx, p99 under ${GOALS.p99} ms, /health under ${GOALS.health} ms: ${goals.length === 0 ? 'all met' : `missed: ${goals.join('; ')}`}.`);
  const serverErrors = server.stderr().trim();
  if (serverErrors) console.log(`\nThe server wrote on stderr:\n${serverErrors.split('\n').slice(-10).join('\n')}`);
} catch (err) {
  say(err instanceof Stop ? err.message : `failed: ${(err as Error).stack ?? err}`);
  process.exitCode = 1;
} finally {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}
