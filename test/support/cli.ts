import { main } from '../../src/cli/main.js';

/** Runs `taller ARGS` in-process against the database file `db`, collecting what it writes. */
export async function runTaller(db: string, args: string[]): Promise<{ code: number | undefined; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { TALLER_DB: db },
  });
  return { code, stdout, stderr };
}
