import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'tap';
import { BUNDLE_FILES, readBundle } from '../../src/bundle/index.js';
import type { BundleFiles } from '../../src/bundle/index.js';
import type { Bundle } from '../../src/domain/index.js';
import { openDatabase } from '../../src/db/index.js';
import type { OpenDatabase } from '../../src/db/index.js';

export const SAMPLES_DIR = new URL('../../static/samples/', import.meta.url).pathname;
export const FRESNO = 'fresno-saturday';
export const MADERA = 'mixteco-farmworker-clinic';
export const MERCED = 'central-valley-citizenship-day';
export const FRESNO_ID = 'fresno-2027-05-22';

/** The three files of a sample bundle, as bytes. */
export function sampleFiles(sample: string): BundleFiles {
  const files: BundleFiles = {};
  for (const name of BUNDLE_FILES) files[name] = readFileSync(join(SAMPLES_DIR, sample, name));
  return files;
}

/** A sample bundle read and checked. */
export function sampleBundle(sample: string): Bundle {
  const read = readBundle(sampleFiles(sample));
  if (!read.bundle) throw new Error(`sample ${sample} does not read: ${JSON.stringify(read.errors[0])}`);
  return read.bundle;
}

/** A fresh folder that the test removes when it ends. */
export function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'taller-test-'));
  t.teardown(() => import('node:fs').then((fs) => fs.rmSync(dir, { recursive: true, force: true })));
  return dir;
}

/** A real SQLite file in a fresh folder, migrated, closed when the test ends. */
export function tempDatabase(t: Test): OpenDatabase {
  const store = openDatabase(join(tempDir(t), 'taller.sqlite'));
  t.teardown(() => {
    if (store.sqlite.open) store.close();
  });
  return store;
}

/** Replaces one file of a bundle with text. */
export function withFile(files: BundleFiles, name: keyof BundleFiles, text: string): BundleFiles {
  return { ...files, [name]: Buffer.from(text, 'utf8') };
}
