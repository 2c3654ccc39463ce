/**
 * `npm run bench`: measures what a coordinator waits for, at realistic sizes, each case in its
 * own process so that peak memory is that case's alone. Prints tables; never a pass/fail.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBundle } from '../bundle/index.js';
import { saveBundle } from '../db/events.js';
import { openDatabase } from '../db/index.js';
import { generateBundleFiles } from './generate.js';

export const SIZES = [
  { applicants: 40, volunteers: 12 },
  { applicants: 250, volunteers: 45 },
  { applicants: 3000, volunteers: 300 },
  { applicants: 10000, volunteers: 800 },
] as const;

interface ImportCase {
  size: string;
  bytes: number;
  checkMs: number;
  saveMs: number;
  totalMs: number;
  peakMiB: number;
}

function importCase(applicants: number, volunteers: number): ImportCase {
  const files = generateBundleFiles({ applicants, volunteers, seed: 1 });
  const bytes = Object.values(files).reduce((sum, b) => sum + (b?.length ?? 0), 0);
  const dir = mkdtempSync(join(tmpdir(), 'taller-bench-'));
  try {
    const store = openDatabase(join(dir, 'bench.sqlite'));
    const t0 = performance.now();
    const read = readBundle(files);
    const t1 = performance.now();
    if (!read.bundle) throw new Error(`generated bundle does not read: ${JSON.stringify(read.errors.slice(0, 3))}`);
    saveBundle(store.db, read.bundle, 'bench');
    const t2 = performance.now();
    store.close();
    return {
      size: `${applicants}×${volunteers}`, bytes, checkMs: t1 - t0, saveMs: t2 - t1, totalMs: t2 - t0,
      peakMiB: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

const [mode, a, v] = process.argv.slice(2);
if (mode === '--import-case') {
  process.stdout.write(JSON.stringify(importCase(Number(a), Number(v))));
} else {
  const self = fileURLToPath(import.meta.url);
  const rows = SIZES.map(({ applicants, volunteers }) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--import-case', String(applicants), String(volunteers)]);
    const r = JSON.parse(String(out)) as ImportCase;
    return [r.size, (r.bytes / 1024).toFixed(0), r.checkMs.toFixed(0), r.saveMs.toFixed(0), r.totalMs.toFixed(0), r.peakMiB.toFixed(0)];
  });
  console.log(`Import: check the bundle, then store it in one SQLite transaction (node ${process.version})\n`);
  console.log(table(['applicants×volunteers', 'KiB', 'check ms', 'store ms', 'total ms', 'peak MiB'], rows));
}
