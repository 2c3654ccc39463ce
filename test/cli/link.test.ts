// `taller link` and `taller links`: a person's new link, or everyone's as a CSV file, made at a
// terminal through the same use case as the coordinators' page, built from PUBLIC_URL (or, said
// so, from localhost while the server listens only on this machine).
import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import type { Test } from 'tap';
import { parse } from 'csv-parse/sync';
import { accessTokens } from '../../src/db/schema.js';
import { applicantOf, checkToken } from '../../src/db/tokens.js';
import { main } from '../../src/cli/main.js';
import { FRESNO_ID, tempDir } from '../support/fixtures.js';
import { BUNDLE, BUSY, fresnoDay } from '../support/links.js';

/** Runs `taller ARGS` in-process with this environment, against the test's database file. */
async function taller(db: string, args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { TALLER_DB: db, ...env },
  });
  return { code, stdout, stderr };
}

const PUBLIC = { PUBLIC_URL: 'https://taller.example.org/' };

/** The Fresno day, published, with the app over the same database file the command writes to. */
async function day(t: Test) {
  const built = await fresnoDay(t);
  return { ...built, db: built.store.path };
}

t.test("taller link prints a volunteer's new link from PUBLIC_URL, and it opens their page", async (t) => {
  const { app, db } = await day(t);
  const res = await taller(db, ['link', '--event', FRESNO_ID, '--volunteer', BUSY[0]!], PUBLIC);
  t.equal(res.code, 0, res.stderr);
  t.match(res.stdout, /^https:\/\/taller\.example\.org\/v\/[A-Za-z0-9_-]{43}\n$/);
  t.match(res.stderr, `a new link for volunteer ${BUSY[0]} of ${FRESNO_ID}, working until`);
  const page = await app.inject({ url: new URL(res.stdout.trim()).pathname, headers: { accept: 'text/html' } });
  t.equal(page.statusCode, 200);
  t.match(page.body, `(${BUSY[0]})`);
});

t.test("taller link --applicant prints the applicant's own page, /a/TOKEN, as a working link of theirs", async (t) => {
  const { store, db } = await day(t);
  const code = BUNDLE.applicants[3]!.id;
  const res = await taller(db, ['link', '--event', FRESNO_ID, '--applicant', code], PUBLIC);
  t.equal(res.code, 0, res.stderr);
  const url = new URL(res.stdout.trim());
  t.equal(url.origin, 'https://taller.example.org');
  t.match(url.pathname, /^\/a\/[A-Za-z0-9_-]{43}$/);
  const checked = checkToken(store.db, url.pathname.slice(3), 'applicant', new Date().toISOString());
  t.ok('grant' in checked && applicantOf(store.db, checked.grant.applicantId!)?.code === code);
});

t.test('without PUBLIC_URL, taller link builds the link on localhost:PORT and says so', async (t) => {
  const { db } = await day(t);
  const res = await taller(db, ['link', '--event', FRESNO_ID, '--volunteer', BUSY[0]!], { PORT: '8080' });
  t.equal(res.code, 0);
  t.match(res.stdout, /^http:\/\/localhost:8080\/v\//);
  t.match(res.stderr, 'PUBLIC_URL is not set: links are built as http://localhost:8080, which opens only on this machine');
});

t.test('without PUBLIC_URL and with HOST beyond this machine, taller link refuses (exit 2) and makes no link', async (t) => {
  const { store, db } = await day(t);
  const res = await taller(db, ['link', '--event', FRESNO_ID, '--volunteer', BUSY[0]!], { HOST: '0.0.0.0' });
  t.equal(res.code, 2);
  t.equal(res.stdout, '');
  t.match(res.stderr, 'links need PUBLIC_URL: HOST=0.0.0.0');
  t.equal(store.db.select().from(accessTokens).all().length, 0);
});

t.test('taller link exits 2 on a volunteer the event does not have, and makes no link', async (t) => {
  const { store, db } = await day(t);
  const res = await taller(db, ['link', '--event', FRESNO_ID, '--volunteer', 'V999'], PUBLIC);
  t.equal(res.code, 2);
  t.equal(res.stdout, '');
  t.match(res.stderr, `taller link: no volunteer V999 in ${FRESNO_ID}`);
  t.equal(store.db.select().from(accessTokens).all().length, 0);
});

t.test('taller link exits 2 on bad input, each with a sentence', async (t) => {
  const { db } = await day(t);
  const cases: [string[], RegExp | string][] = [
    [['link', '--event', 'no-such-event', '--volunteer', 'V001'], 'no event no-such-event in the database'],
    [['link', '--volunteer', 'V001'], 'name the event'],
    [['link', '--event', FRESNO_ID], 'name one person'],
    [['link', '--event', FRESNO_ID, '--volunteer', 'V001', '--applicant', 'A0001'], 'name one person'],
    [['link', '--event', FRESNO_ID, '--volunteer', 'V001', '--expires', 'soon'], '--expires takes a date'],
    [['link', '--event', FRESNO_ID, '--volunteer', 'V001', '--wat'], /Unknown option '--wat'/],
    [['links', '--event', FRESNO_ID], 'name the event and the file'],
  ];
  for (const [args, message] of cases) {
    const res = await taller(db, args, PUBLIC);
    t.equal(res.code, 2, args.join(' '));
    t.match(res.stderr, message);
  }
  t.equal((await taller(db, ['link', '--event', FRESNO_ID, '--volunteer', 'V001'], { PUBLIC_URL: 'taller.example.org' })).code, 2, 'a PUBLIC_URL that is no address');
});

t.test('taller link --replace stops the earlier link', async (t) => {
  const { app, db } = await day(t);
  const first = (await taller(db, ['link', '--event', FRESNO_ID, '--volunteer', BUSY[0]!], PUBLIC)).stdout.trim();
  const second = await taller(db, ['link', '--event', FRESNO_ID, '--volunteer', BUSY[0]!, '--replace'], PUBLIC);
  t.match(second.stderr, '1 earlier link stopped working');
  t.equal((await app.inject({ url: new URL(first).pathname, headers: { accept: 'text/html' } })).statusCode, 404);
});

t.test('taller links exports a working link per person to a file only its owner may read', async (t) => {
  const { app, db } = await day(t);
  const out = join(tempDir(t), 'links.csv');
  const res = await taller(db, ['links', '--event', FRESNO_ID, '--out', out], PUBLIC);
  t.equal(res.code, 0, res.stderr);
  t.match(res.stderr, `wrote ${BUNDLE.volunteers.length} volunteer and ${BUNDLE.applicants.length} applicant links of ${FRESNO_ID} to ${out}`);
  t.equal(statSync(out).mode & 0o777, 0o600);
  const rows = parse(readFileSync(out, 'utf8').replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
  t.equal(rows.length, BUNDLE.volunteers.length + BUNDLE.applicants.length);
  for (const row of rows.filter((r) => r.kind === 'volunteer').slice(0, 5)) {
    t.match(row.url, /^https:\/\/taller\.example\.org\/v\//);
    t.match((await app.inject({ url: new URL(row.url!).pathname, headers: { accept: 'text/html' } })).body, `(${row.code})`, `${row.code}'s link opens their page`);
  }
  const again = await taller(db, ['links', '--event', FRESNO_ID, '--out', out, '--only-missing'], PUBLIC);
  t.equal(again.code, 0);
  t.match(again.stderr, 'wrote 0 volunteer and 0 applicant links');
});

t.test('taller links exits 2 on an event the database does not have', async (t) => {
  const { db } = await day(t);
  const res = await taller(db, ['links', '--event', 'no-such-event', '--out', join(tempDir(t), 'x.csv')], PUBLIC);
  t.equal(res.code, 2);
  t.match(res.stderr, 'no event no-such-event in the database');
});

t.test('the help names taller link and taller links', async (t) => {
  const res = await taller('unused.sqlite', ['--help']);
  t.match(res.stdout, 'link --event ID --volunteer VID | --applicant AID');
  t.match(res.stdout, 'links --event ID --out FILE');
  t.match(res.stdout, 'PUBLIC_URL');
});
