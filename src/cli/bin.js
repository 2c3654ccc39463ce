#!/usr/bin/env node
// The `taller` command (and `npm start`): runs the JavaScript compiled into dist/ at install
// (`npm run build`) while no source under src/ is newer than it; otherwise compiles the
// TypeScript sources as it starts, through tsx, which is slower but never runs stale code.
// TALLER_SOURCES=1 always runs the sources.
import { distState } from './dist.js';

const state = process.env.TALLER_SOURCES === '1' ? 'forced' : distState();
let main;
if (state === null) {
  ({ main } = await import('../../dist/cli/main.js'));
} else {
  if (state !== 'forced') {
    process.stderr.write(`taller: compiling the TypeScript sources on the fly (dist/ is ${state === 'missing' ? 'not built' : 'older than src/'}); \`npm run build\` makes starts fast\n`);
  }
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
if (code !== undefined) process.exitCode = code;
