import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE_FILES } from './index.js';
import type { BundleFiles } from './index.js';

/** Reads the three bundle files of a folder; a file that is not there is left out (and reported by readBundle). */
export async function readBundleDir(dir: string): Promise<BundleFiles> {
  const files: BundleFiles = {};
  await Promise.all(BUNDLE_FILES.map(async (name) => {
    try {
      files[name] = await readFile(join(dir, name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }));
  return files;
}
