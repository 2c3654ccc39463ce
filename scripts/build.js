#!/usr/bin/env node
// `npm run build` (run by `npm install` and `npm ci` through `prepare`): compiles src/ to
// dist/ with tsc (tsconfig.build.json), copies the files under src/ that are not TypeScript
// (the worker thread's entry, the slips' translations), and writes dist/.built last, dated when
// the build started. `taller` and `npm start` run dist/ only while no source is newer than that.
//
//   --if-possible   (prepare) without TypeScript installed (npm install --omit=dev), or when tsc
//                   fails, say so and exit 0: the app then runs from the sources through tsx.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { DIST, ROOT, SRC, STAMP } from '../src/cli/dist.js';

/** Not copied: the launcher stays in src/ and chooses between the two trees. */
const LAUNCHERS = new Set([join(SRC, 'cli', 'bin.js')]);

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  if (process.argv.includes('--if-possible')) {
    process.stderr.write('taller build: TypeScript is not installed (dev dependencies omitted): the app will compile its sources as it starts\n');
    process.exit(0);
  }
  process.stderr.write('taller build: TypeScript is not installed: run npm install\n');
  process.exit(1);
}

const started = new Date();
rmSync(DIST, { recursive: true, force: true });
const run = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
if (run.status !== 0) {
  process.stderr.write('taller build: tsc failed; dist/ is not used until a build succeeds (the app compiles its sources as it starts)\n');
  rmSync(STAMP, { force: true });
  // At install a type error does not stop the install: `npm test` reports it, and the app runs from the sources.
  process.exit(process.argv.includes('--if-possible') ? 0 : (run.status ?? 1));
}

function copyAssets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(path);
    else if (!entry.name.endsWith('.ts') && !LAUNCHERS.has(path)) {
      const target = join(DIST, relative(SRC, path));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(path, target);
    }
  }
}
copyAssets(SRC);

writeFileSync(STAMP, `built ${started.toISOString()} from src/\n`);
utimesSync(STAMP, started, started);
process.stderr.write(`taller build: dist/ compiled in ${((Date.now() - started.getTime()) / 1000).toFixed(1)} s\n`);
