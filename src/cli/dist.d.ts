/** The repository's root folder, its src/ and dist/ (absolute paths). */
export const ROOT: string;
export const SRC: string;
export const DIST: string;
/** The file the build writes last, dated when it started. */
export const STAMP: string;
/** The newest modification time (ms) of any file under a folder (default src/). */
export function newestSource(dir?: string): number;
/** Why a repository's dist/ cannot be run (`missing` or `stale`), or null when it can (default: this one). */
export function distState(root?: string): 'missing' | 'stale' | null;
