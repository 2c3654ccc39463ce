// `npm install` (and `npm ci` in CI) compiles src/ into dist/ through `prepare`; `taller` and
// `npm start` run dist/ while no source is newer. These tests run the compiled app when dist/
// is fresh, and are skipped (saying why) when it is not.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { distState } from '../../src/cli/dist.js';
import { BIN, getOnce, startTaller } from '../../src/bench/server.js';
import { FRESNO, FRESNO_ID, SAMPLES_DIR, tempDir } from '../support/fixtures.js';

const run = promisify(execFile);
const state = distState();
const skip = state === null ? false : `dist/ is ${state === 'missing' ? 'not built' : 'older than src/'}: npm run build`;
const compiledEnv = { ...process.env, TALLER_SOURCES: '' };

t.test('dist/ runs only when built and no source is newer than the build', async (t) => {
  const root = tempDir(t);
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  writeFileSync(join(root, 'src', 'cli', 'main.ts'), '');
  t.equal(distState(root), 'missing');
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', '.built'), '');
  const now = Date.now() / 1000;
  utimesSync(join(root, 'src', 'cli', 'main.ts'), now - 60, now - 60);
  utimesSync(join(root, 'dist', '.built'), now - 30, now - 30);
  t.equal(distState(root), null, 'built after the last edit');
  utimesSync(join(root, 'src', 'cli', 'main.ts'), now, now);
  t.equal(distState(root), 'stale', 'a source saved since the build');
});

t.test('the compiled taller checks a bundle and says nothing about compiling', { skip }, async (t) => {
  const res = await run(process.execPath, [BIN, 'check', join(SAMPLES_DIR, FRESNO)], { env: compiledEnv });
  t.match(res.stdout, /fresno-2027-05-22: 12 volunteers, 40 applicants: no problems/);
  t.notMatch(res.stderr, /compiling/);
});

t.test('the compiled taller prints slips with their translations', { skip }, async (t) => {
  const out = join(tempDir(t), 'slips.html');
  const res = await run(process.execPath, [BIN, 'slips', join(SAMPLES_DIR, FRESNO), '--out', out], { env: compiledEnv });
  t.notMatch(res.stderr, /compiling/);
  t.match(readFileSync(out, 'utf8'), /lang="es"/);
});

t.test('the compiled server serves pages, static files and the event page, whose plan and estimate come from workers started from dist/', { skip }, async (t) => {
  const db = join(tempDir(t), 'taller.sqlite');
  const env = { ...compiledEnv, TALLER_DB: db };
  const server = await startTaller({ ...env, TALLER_DEMO: '1' });
  t.teardown(() => server.stop());
  t.equal((await getOnce(server.port, '/health')).status, 200);
  t.equal((await getOnce(server.port, '/static/css/app.css')).status, 200);
  // Pages are for accounts: an admin made by the compiled taller reads them with an API token.
  await run(process.execPath, [BIN, 'user', 'add', '--email', 'admin@example.org', '--name', 'Admin', '--role', 'admin'], { env });
  const token = (await run(process.execPath, [BIN, 'token', '--user', 'admin@example.org', '--name', 'compiled test'], { env })).stdout.trim();
  const headers = { authorization: `Bearer ${token}` };
  const base = `http://127.0.0.1:${server.port}`;
  t.match(await (await fetch(`${base}/`, { headers })).text(), FRESNO_ID, 'the demo event is listed');
  // The demo is planned in a worker once the server listens.
  let page = '';
  for (let i = 0; i < 600 && !/How the day will go/.test(page); i++) {
    page = await (await fetch(`${base}/events/${FRESNO_ID}`, { headers })).text();
    if (!/How the day will go/.test(page)) await new Promise((r) => setTimeout(r, 200));
  }
  t.match(page, /applicants scheduled/);
  t.match(page, /How the day will go/);
  t.notMatch(server.stderr(), /compiling/);
});
