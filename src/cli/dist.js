// Whether the compiled JavaScript in dist/ (made by `npm run build`, which `npm install` runs)
// may be run instead of the TypeScript sources: it is there and no file under src/ is newer
// than the build. A cheap check (one stat per source file, a millisecond or two), made at
// every start so that someone who edits src/ and starts the app never runs stale code.
// Plain JavaScript: it runs before anything can compile TypeScript.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SRC = join(ROOT, 'src');
export const DIST = join(ROOT, 'dist');
/** Written last by the build, dated when the build started: sources saved since are newer. */
export const STAMP = join(DIST, '.built');

/** The newest modification time (ms) of any file under a folder. */
export function newestSource(dir = SRC) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/** Why a repository's dist/ cannot be run (`missing` or `stale`), or null when it can. */
export function distState(root = ROOT) {
  let built;
  try {
    built = statSync(join(root, 'dist', '.built')).mtimeMs;
  } catch {
    return 'missing';
  }
  return newestSource(join(root, 'src')) > built ? 'stale' : null;
}
