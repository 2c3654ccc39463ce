import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import type { Test } from 'tap';
import { listEvents } from '../../src/db/events.js';
import { openDatabase } from '../../src/db/index.js';
import { verifyToken } from '../../src/db/tokens.js';
import { FRESNO, MADERA, MERCED, SAMPLES_DIR, sampleFiles, tempDir } from '../support/fixtures.js';
import { generateBundleFiles } from '../../src/bench/generate.js';
import { runTaller } from '../support/cli.js';

const BIN = new URL('../../src/cli/bin.js', import.meta.url).pathname;

/** Runs `taller ARGS` in-process against a database in a fresh folder. */
async function taller(t: Test, args: string[], db = join(tempDir(t), 'taller.sqlite')) {
  return { ...(await runTaller(db, args)), db };
}

/** A bundle folder: a sample with some files replaced by text. */
function bundleDir(t: Test, sample: string, replace: Record<string, string> = {}): string {
  const dir = join(tempDir(t), 'bundle');
  mkdirSync(dir);
  for (const [name, bytes] of Object.entries(sampleFiles(sample))) writeFileSync(join(dir, name), replace[name] ?? bytes!);
  return dir;
}

const BROKEN_VOLUNTEERS = 'id,name,role,languages,supervisor\nV1,Ana,attorney,es,\nV2,Bo,law_student,es,V9\nV1,Cy,paralegal,en,\n';

for (const sample of [FRESNO, MADERA, MERCED]) {
  t.test(`check accepts the ${sample} sample with exit 0`, async (t) => {
    const res = await taller(t, ['check', join(SAMPLES_DIR, sample)]);
    t.equal(res.code, 0);
    t.match(res.stdout, /: \d+ volunteers, \d+ applicants: no problems/);
  });
}

t.test('check prints sample warnings on stderr as FILE:ROW:COLUMN: warning: message', async (t) => {
  const res = await taller(t, ['check', join(SAMPLES_DIR, FRESNO)]);
  t.equal(res.stderr, "applicants.csv:29:available: warning: the window 17:00-20:00 lies wholly outside the event's hours (09:00-16:00)\n");
});

t.test('check reports every problem of a broken bundle and exits 2', async (t) => {
  const res = await taller(t, ['check', bundleDir(t, FRESNO, { 'volunteers.csv': BROKEN_VOLUNTEERS })]);
  t.equal(res.code, 2);
  t.same(res.stderr.trim().split('\n').filter((l) => !l.includes('warning:')).map((l) => l.split(': ')[0]), [
    'volunteers.csv:3:supervisor', 'volunteers.csv:4:id', '2 problems found',
  ]);
});

t.test('check writes nothing to the database', async (t) => {
  const res = await taller(t, ['check', join(SAMPLES_DIR, FRESNO)]);
  const store = openDatabase(res.db);
  t.teardown(() => store.close());
  t.same(listEvents(store.db), []);
});

t.test('check of a folder that is not there exits 2 and says so', async (t) => {
  const res = await taller(t, ['check', '/no/such/bundle']);
  t.equal(res.code, 2);
  t.equal(res.stderr, 'taller check: /no/such/bundle: no such folder\n');
});

t.test('check without a folder exits 2 with an example', async (t) => {
  const res = await taller(t, ['check']);
  t.equal(res.code, 2);
  t.match(res.stderr, /name the bundle folder/);
});

t.test('import loads a bundle and a second import updates it', async (t) => {
  const dir = join(SAMPLES_DIR, FRESNO);
  const first = await taller(t, ['import', dir]);
  t.equal(first.code, 0);
  t.equal(first.stdout, 'imported fresno-2027-05-22: 12 volunteers, 40 applicants\n');
  const second = await taller(t, ['import', dir], first.db);
  t.equal(second.stdout, 'updated fresno-2027-05-22: 12 volunteers, 40 applicants\n');
});

t.test('import of a workshop that books someone at another stored workshop at the same hours exits 2, naming both, and stores nothing', async (t) => {
  const first = await taller(t, ['import', join(SAMPLES_DIR, FRESNO)]);
  const event = JSON.parse(new TextDecoder().decode(sampleFiles(FRESNO)['event.json'])) as Record<string, unknown>;
  const copy = bundleDir(t, FRESNO, { 'event.json': JSON.stringify({ ...event, id: 'fresno-same-day-again' }) });
  const res = await taller(t, ['import', copy], first.db);
  t.equal(res.code, 2);
  t.match(res.stderr, /^volunteers\.csv:2:available: V001 is booked at fresno-same-day-again \(Fresno County, 2027-05-22 09:00-16:00\) and, by the same e-mail as V001 on a roster already stored, at fresno-2027-05-22 /m);
  t.match(res.stderr, /\d+ problems found; nothing was imported\n$/);
  const store = openDatabase(first.db);
  t.teardown(() => store.close());
  t.same(listEvents(store.db).map((e) => e.id), ['fresno-2027-05-22']);
});

t.test('import of a broken bundle exits 2 and leaves the database as it was', async (t) => {
  const first = await taller(t, ['import', join(SAMPLES_DIR, MADERA)]);
  const res = await taller(t, ['import', bundleDir(t, FRESNO, { 'volunteers.csv': BROKEN_VOLUNTEERS })], first.db);
  t.equal(res.code, 2);
  t.match(res.stderr, /nothing was imported/);
  const store = openDatabase(first.db);
  t.teardown(() => store.close());
  t.same(listEvents(store.db).map((e) => e.id), ['madera-2027-03-27']);
});

t.test('backup copies the database and reports a passing integrity check', async (t) => {
  const imported = await taller(t, ['import', join(SAMPLES_DIR, FRESNO)]);
  const target = join(tempDir(t), 'backup.sqlite');
  const res = await taller(t, ['backup', target], imported.db);
  t.equal(res.code, 0);
  t.match(res.stdout, /integrity check: ok/);
  const copy = openDatabase(target);
  t.teardown(() => copy.close());
  t.equal(listEvents(copy.db).length, 1);
});

t.test('backup without a file name exits 2', async (t) => {
  t.equal((await taller(t, ['backup'])).code, 2);
});

/** A database with one admin account, made at the command line. */
async function withAdmin(t: Test) {
  const made = await taller(t, ['user', 'add', '--email', 'Ana@Example.org', '--name', 'Ana Admin', '--role', 'admin']);
  if (made.code !== 0) throw new Error(made.stderr);
  return made;
}

t.test('user add makes an account and prints its first password once, on stderr', async (t) => {
  const made = await withAdmin(t);
  t.match(made.stdout, /^added account 1: ana@example\.org \(admin\)\n$/);
  t.match(made.stderr, /^First password \(shown once; they change it on their account page\): [A-Za-z0-9_-]{20}\n$/);
  const store = openDatabase(made.db);
  t.teardown(() => store.close());
  t.match(store.sqlite.prepare('select password_hash from users').get(), { password_hash: /^\$argon2id\$/ });
});

t.test('user add names what is missing or wrong, and adds nothing', async (t) => {
  const missing = await taller(t, ['user', 'add', '--email', 'x@example.org']);
  t.equal(missing.code, 2);
  t.match(missing.stderr, /--name, --role/);
  const wrong = await taller(t, ['user', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'boss']);
  t.equal(wrong.code, 2);
  t.match(wrong.stderr, /--role: Choose admin, coordinator or viewer/);
  t.match((await taller(t, ['user', 'list'], wrong.db)).stdout, /^$/);
});

t.test('user list shows each account, and user disable switches one off', async (t) => {
  const made = await withAdmin(t);
  await taller(t, ['user', 'add', '--email', 'carla@example.org', '--name', 'Carla', '--role', 'coordinator', '--org', 'Casa Legal'], made.db);
  t.equal((await taller(t, ['user', 'disable', '--email', 'carla@example.org'], made.db)).code, 0);
  const list = await taller(t, ['user', 'list'], made.db);
  t.equal(list.stdout, '1\tana@example.org\tadmin\t\tactive\n2\tcarla@example.org\tcoordinator\tCasa Legal\tswitched off\n');
});

t.test('token --user prints a working API token of that account once, and --revoke stops it', async (t) => {
  const admin = await withAdmin(t);
  const made = await taller(t, ['token', '--user', 'ana@example.org', '--name', 'mail merge'], admin.db);
  t.equal(made.code, 0);
  const token = made.stdout.trim();
  const store = openDatabase(made.db);
  t.teardown(() => store.close());
  t.match(verifyToken(store.db, token, 'api', new Date().toISOString()), { userId: 1, scope: 'write' });
  t.match((await taller(t, ['token', '--list'], made.db)).stdout, /^1\tana@example\.org\tmail merge\twrite\tworking\n$/);
  const revoked = await taller(t, ['token', '--revoke', token], made.db);
  t.equal(revoked.code, 0);
  t.notOk(verifyToken(store.db, token, 'api', new Date().toISOString()));
  t.equal((await taller(t, ['token', '--revoke', token], made.db)).code, 2);
});

t.test('token without an account to act for exits 2 saying how', async (t) => {
  const res = await taller(t, ['token']);
  t.equal(res.code, 2);
  t.match(res.stderr, /taller token --user EMAIL/);
  const unknown = await taller(t, ['token', '--user', 'nobody@example.org'], res.db);
  t.equal(unknown.code, 2);
  t.match(unknown.stderr, /no account has this e-mail address/);
});

t.test('token and token --revoke are in the audit log by the token\'s number, never the token', async (t) => {
  const admin = await withAdmin(t);
  const made = await taller(t, ['token', '--user', 'ana@example.org'], admin.db);
  const token = made.stdout.trim();
  await taller(t, ['token', '--revoke', token], made.db);
  const store = openDatabase(made.db);
  t.teardown(() => store.close());
  const rows = store.sqlite.prepare("select actor, action, detail from audit_log where action like 'token.%' order by id").all();
  t.same(rows, [
    { actor: 'cli', action: 'token.create', detail: 'api token 1' },
    { actor: 'cli', action: 'token.revoke', detail: 'api token 1' },
  ]);
  t.notOk(JSON.stringify(rows).includes(token));
});

t.test('an unknown option exits 2', async (t) => {
  const res = await taller(t, ['token', '--frobnicate']);
  t.equal(res.code, 2);
  t.match(res.stderr, /frobnicate/);
});

t.test('an unknown command exits 2 and shows the commands', async (t) => {
  const res = await taller(t, ['frobnicate']);
  t.equal(res.code, 2);
  t.match(res.stderr, /unknown command "frobnicate"[\s\S]*check DIR/);
});

t.test('--help lists the commands and exits 0', async (t) => {
  const res = await taller(t, ['--help']);
  t.equal(res.code, 0);
  for (const command of ['check DIR', 'import DIR', 'serve', 'backup FILE']) t.match(res.stdout, command);
});

t.test('the installed taller command runs without a build step', async (t) => {
  const run = promisify(execFile);
  const ok = await run(process.execPath, [BIN, 'check', join(SAMPLES_DIR, MERCED)], { env: { ...process.env, TALLER_DB: join(tempDir(t), 'x.sqlite') } });
  t.match(ok.stdout, /merced-2027-06-05: 45 volunteers, 250 applicants: no problems/);
  const broken = await run(process.execPath, [BIN, 'check', bundleDir(t, FRESNO, { 'volunteers.csv': BROKEN_VOLUNTEERS })])
    .then(() => ({ code: 0, stderr: '' }), (err: { code: number; stderr: string }) => err);
  t.equal(broken.code, 2);
  t.match(broken.stderr, /^volunteers\.csv:3:supervisor: /m);
});

t.test('plan prints the plan JSON of the bundle on stdout', async (t) => {
  const res = await taller(t, ['plan', join(SAMPLES_DIR, FRESNO), '--iterations', '100']);
  t.equal(res.code, 0);
  const plan = JSON.parse(res.stdout);
  t.equal(plan.event, 'fresno-2027-05-22');
  t.equal(plan.scheduled.length + plan.unscheduled.length, 40);
});

t.test('plan gives the same JSON for the same input and seed', async (t) => {
  const a = await taller(t, ['plan', join(SAMPLES_DIR, MADERA), '--seed', '7', '--iterations', '200']);
  const b = await taller(t, ['plan', join(SAMPLES_DIR, MADERA), '--seed', '7', '--iterations', '200']);
  t.equal(a.stdout, b.stdout);
});

t.test('plan --out writes the file and says how many were scheduled', async (t) => {
  const out = join(tempDir(t), 'plan.json');
  const res = await taller(t, ['plan', join(SAMPLES_DIR, FRESNO), '--quick', '--out', out]);
  t.equal(res.code, 0);
  t.equal(res.stdout, '');
  t.match(res.stderr, /planned \d+ of 40 applicants \(weight \d+\) into /);
  const { readFileSync } = await import('node:fs');
  t.equal(JSON.parse(readFileSync(out, 'utf8')).event, 'fresno-2027-05-22');
});

t.test('plan --previous with --pin keeps the pinned arrivals', async (t) => {
  const out = join(tempDir(t), 'plan.json');
  await taller(t, ['plan', join(SAMPLES_DIR, FRESNO), '--quick', '--out', out]);
  const { readFileSync } = await import('node:fs');
  const first = JSON.parse(readFileSync(out, 'utf8'));
  const pinned = first.scheduled.slice(0, 5).map((s: { applicant: string }) => s.applicant);
  const res = await taller(t, ['plan', join(SAMPLES_DIR, FRESNO), '--previous', out, '--pin', pinned.join(','), '--seed', '3', '--quick']);
  const second = JSON.parse(res.stdout);
  for (const s of first.scheduled.slice(0, 5)) {
    t.equal(second.scheduled.find((x: { applicant: string }) => x.applicant === s.applicant)?.arrival, s.arrival);
  }
});

t.test('plan refuses a seed that is not a whole number, or an unknown fairness, with exit 2', async (t) => {
  t.equal((await taller(t, ['plan', join(SAMPLES_DIR, FRESNO), '--seed', 'x'])).code, 2);
  t.equal((await taller(t, ['plan', join(SAMPLES_DIR, FRESNO), '--fairness', 'random'])).code, 2);
});

t.test('plan refuses an unknown selection or a finish probability outside 0–0.99, naming the option', async (t) => {
  const selection = await taller(t, ['plan', join(SAMPLES_DIR, FRESNO), '--selection', 'cheapest']);
  t.equal(selection.code, 2);
  t.match(selection.stderr, /--selection is one of fair, most, not "cheapest"/);
  const finish = await taller(t, ['plan', join(SAMPLES_DIR, FRESNO), '--finish-probability', '1.5']);
  t.equal(finish.code, 2);
  t.match(finish.stderr, /--finish-probability is a number from 0 to 0.99, not "1.5"/);
});

t.test('plan --finish-probability 0 packs the day; a target keeps time free and says what it measured', async (t) => {
  const packed = JSON.parse((await taller(t, ['plan', join(SAMPLES_DIR, FRESNO), '--quick', '--finish-probability', '0'])).stdout);
  t.equal(packed.summary.finish, undefined);
  const aimed = JSON.parse((await taller(t, ['plan', join(SAMPLES_DIR, FRESNO), '--quick', '--finish-probability', '0.5'])).stdout);
  t.equal(aimed.summary.finish.target, 0.5);
  t.ok(aimed.summary.finish.slack_minutes > 0);
});

t.test('plan --selection most serves at least as many as fair selection', async (t) => {
  const fair = JSON.parse((await taller(t, ['plan', join(SAMPLES_DIR, FRESNO), '--iterations', '500', '--finish-probability', '0'])).stdout);
  const most = JSON.parse((await taller(t, ['plan', join(SAMPLES_DIR, FRESNO), '--iterations', '500', '--finish-probability', '0', '--selection', 'most'])).stdout);
  t.equal(fair.summary.selection.mode, 'fair');
  t.equal(most.summary.selection.mode, 'most');
  t.ok(most.summary.scheduled >= fair.summary.scheduled);
});

t.test('plan of a broken bundle exits 2 and plans nothing', async (t) => {
  const res = await taller(t, ['plan', bundleDir(t, FRESNO, { 'volunteers.csv': BROKEN_VOLUNTEERS })]);
  t.equal(res.code, 2);
  t.equal(res.stdout, '');
  t.match(res.stderr, /nothing was planned/);
});

t.test('plan --previous of a file that is not JSON exits 2', async (t) => {
  const bad = join(tempDir(t), 'bad.json');
  writeFileSync(bad, 'not json');
  const res = await taller(t, ['plan', join(SAMPLES_DIR, FRESNO), '--previous', bad]);
  t.equal(res.code, 2);
  t.match(res.stderr, /not valid JSON/);
  t.equal((await taller(t, ['plan', join(SAMPLES_DIR, FRESNO), '--previous', '/no/such.json'])).code, 2);
});

t.test('ics prints a volunteer calendar with its time zone, the same for the same input', async (t) => {
  const a = await taller(t, ['ics', join(SAMPLES_DIR, FRESNO), '--volunteer', 'V003']);
  t.equal(a.code, 0);
  t.match(a.stdout, /^BEGIN:VCALENDAR\r\n/);
  t.match(a.stdout, 'BEGIN:VTIMEZONE\r\nTZID:America/Los_Angeles');
  t.match(a.stdout, 'DTSTAMP:20270522T160000Z');
  const b = await taller(t, ['ics', join(SAMPLES_DIR, FRESNO), '--volunteer', 'V003']);
  t.equal(a.stdout, b.stdout);
});

t.test('ics of a volunteer not on the roster exits 2 naming them', async (t) => {
  const res = await taller(t, ['ics', join(SAMPLES_DIR, FRESNO), '--volunteer', 'V999']);
  t.equal(res.code, 2);
  t.match(res.stderr, /volunteer V999 is not on the roster/);
  t.equal((await taller(t, ['ics', join(SAMPLES_DIR, FRESNO)])).code, 2);
});

t.test('ics refuses a --plan that breaks a rule', async (t) => {
  const out = join(tempDir(t), 'plan.json');
  await taller(t, ['plan', join(SAMPLES_DIR, FRESNO), '--quick', '--out', out]);
  const { readFileSync } = await import('node:fs');
  const edited = JSON.parse(readFileSync(out, 'utf8'));
  edited.scheduled[0].visits[0].volunteer = 'V001';
  writeFileSync(out, JSON.stringify(edited));
  const res = await taller(t, ['ics', join(SAMPLES_DIR, FRESNO), '--volunteer', 'V003', '--plan', out]);
  t.equal(res.code, 2);
  t.match(res.stderr, /breaks \d+ rule/);
});

t.test('estimate prints the estimate JSON, the same for the same seed', async (t) => {
  const args = ['estimate', join(SAMPLES_DIR, FRESNO), '--runs', '40', '--seed', '3', '--no-what-if'];
  const a = await taller(t, args);
  t.equal(a.code, 0);
  const body = JSON.parse(a.stdout);
  t.match(body, { runs: 40, seed: 3, what_if: [] });
  t.equal((await taller(t, args)).stdout, a.stdout);
});

t.test('estimate refuses zero runs with exit 2', async (t) => {
  t.equal((await taller(t, ['estimate', join(SAMPLES_DIR, FRESNO), '--runs', '0'])).code, 2);
});

t.test('estimate refuses an event too large to simulate in one line naming the limit, with exit 2', async (t) => {
  // 5,000 applicants of as many languages (5,000 kinds of applicant) and 5,000 volunteers.
  const dir = tempDir(t);
  const code = (i: number) => String.fromCharCode(97 + Math.floor(i / 676), 97 + (Math.floor(i / 26) % 26), 97 + (i % 26));
  writeFileSync(join(dir, 'event.json'), generateBundleFiles({ applicants: 1, volunteers: 1, seed: 1 })['event.json']!);
  writeFileSync(join(dir, 'volunteers.csv'), `id,name,role,languages\n${Array.from({ length: 5000 }, (_, i) => `V${i},Volunteer ${i},attorney,es;en`).join('\n')}\n`);
  writeFileSync(join(dir, 'applicants.csv'), `id,name,languages,case_type,complexity\n${Array.from({ length: 5000 }, (_, i) => `A${i},Applicant ${i},${code(i)},n400,straightforward`).join('\n')}\n`);
  const res = await taller(t, ['estimate', dir, '--runs', '1']);
  t.equal(res.code, 2);
  t.equal(res.stdout, '');
  t.match(res.stderr, /^This event is too large to simulate: its 5,000 kinds of applicant \(by languages, case type, complexity and flags\) times its 5,000 volunteers are over the simulator's limit of 25,000,000 pairs\.$/m);
});

t.test('sheets and slips write printable HTML files', async (t) => {
  const dir = tempDir(t);
  for (const kind of ['sheets', 'slips']) {
    const out = join(dir, `${kind}.html`);
    const res = await taller(t, [kind, join(SAMPLES_DIR, FRESNO), '--out', out]);
    t.equal(res.code, 0, kind);
    const { readFileSync } = await import('node:fs');
    t.match(readFileSync(out, 'utf8'), /^<!doctype html>/i, kind);
  }
});

t.test('sheets without --out, or slips for an applicant who has none, exit 2', async (t) => {
  t.equal((await taller(t, ['sheets', join(SAMPLES_DIR, FRESNO)])).code, 2);
  t.equal((await taller(t, ['slips', join(SAMPLES_DIR, FRESNO), '--per-page', '3', '--out', join(tempDir(t), 'x.html')])).code, 2);
  t.equal((await taller(t, ['slips', join(SAMPLES_DIR, FRESNO), '--applicant', 'A9999', '--out', join(tempDir(t), 'x.html')])).code, 2);
});
