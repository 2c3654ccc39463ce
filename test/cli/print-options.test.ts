// The command line's print options beside the pages': `taller sheets --compact` (one table per
// station, several volunteers to a page) and `taller slips --language CODE` (only the slips in
// that language), from a bundle folder and from a stored event (audit-logged as on the web).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { readAudit } from '../../src/db/audit.js';
import { openDatabase } from '../../src/db/index.js';
import { slipLanguage } from '../../src/outputs/slips.js';
import type { PlanJson } from '../../src/planner/types.js';
import { FRESNO, FRESNO_ID, SAMPLES_DIR, sampleBundle, tempDir } from '../support/fixtures.js';
import { runTaller } from '../support/cli.js';

const FAST = ['--iterations', '100'];

t.test('taller sheets --compact writes the compact sheets: one table per station, no master rosters', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'sheets.html');
  const res = await runTaller(join(dir, 'taller.sqlite'), ['sheets', join(SAMPLES_DIR, FRESNO), '--compact', '--out', out]);
  t.equal(res.code, 0, res.stderr);
  const html = readFileSync(out, 'utf8');
  t.match(html, '<body class="print sheets compact">');
  t.equal([...html.matchAll(/<table class="station-list">/g)].length, 3);
  t.notMatch(html, 'master roster');
});

t.test('taller slips --language es writes only the slips in Spanish, and the export is on the audit log with its language', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'taller.sqlite');
  t.equal((await runTaller(db, ['import', join(SAMPLES_DIR, FRESNO)])).code, 0);
  const planned = await runTaller(db, ['plan', '--event', FRESNO_ID, ...FAST]);
  t.equal(planned.code, 0, planned.stderr);
  const plan = JSON.parse(planned.stdout) as PlanJson;
  const out = join(dir, 'slips.html');
  const res = await runTaller(db, ['slips', '--event', FRESNO_ID, '--language', 'es', '--out', out]);
  t.equal(res.code, 0, res.stderr);
  const languages = new Map(sampleBundle(FRESNO).applicants.map((a) => [a.id, slipLanguage(a.languages)]));
  const want = plan.scheduled.map((s) => s.applicant).filter((id) => languages.get(id) === 'es').sort();
  t.ok(want.length > 0);
  t.same([...readFileSync(out, 'utf8').matchAll(/<h2 id="slip-([^"]+)"/g)].map((m) => m[1]).sort(), want);
  const store = openDatabase(db);
  t.teardown(() => store.close());
  t.equal(readAudit(store.db, { action: 'slips.export' })[0]?.detail, 'version 1, language es');
});

t.test('--language that slips are not printed in, --compact on slips and --language on sheets exit 2', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'taller.sqlite');
  const bundle = join(SAMPLES_DIR, FRESNO);
  const out = join(dir, 'x.html');
  t.equal((await runTaller(db, ['slips', bundle, '--language', 'xx', '--out', out])).code, 2);
  t.equal((await runTaller(db, ['slips', bundle, '--compact', '--out', out])).code, 2);
  t.equal((await runTaller(db, ['sheets', bundle, '--language', 'es', '--out', out])).code, 2);
});
