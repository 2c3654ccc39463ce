import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { readBundleDir } from '../../src/bundle/dir.js';
import { readBundle } from '../../src/bundle/index.js';

const FRESNO_DIR = new URL('../../static/samples/fresno-saturday', import.meta.url).pathname;

t.test('reads the three files of a bundle folder', async (t) => {
  const files = await readBundleDir(FRESNO_DIR);
  t.same(Object.keys(files).sort(), ['applicants.csv', 'event.json', 'volunteers.csv']);
  t.ok(readBundle(files).bundle);
});

t.test('leaves out a file the folder lacks, so that the reader names it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'taller-dir-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'event.json'), '{}');
  const files = await readBundleDir(dir);
  t.same(Object.keys(files), ['event.json']);
  t.same(readBundle(files).errors.filter((p) => p.message.includes('missing from the bundle')).map((p) => p.file),
    ['volunteers.csv', 'applicants.csv']);
});

t.test('fails loudly when a bundle file cannot be read for another reason than absence', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'taller-dir-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'not-a-folder'), '');
  await t.rejects(readBundleDir(join(dir, 'not-a-folder')), { code: 'ENOTDIR' });
});
