/**
 * Starts `taller serve` as `npm start` does, in a child process of its own, on 127.0.0.1 and a
 * free port, and says how long it took until `/health` answered: for the bench's start-up
 * table and the load script.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../cli/bin.js', import.meta.url));
export const LOOPBACK = '127.0.0.1';

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** One GET on loopback: its status and how long it took (ms); status 0 when nothing answered. */
export function getOnce(port: number, path: string, timeoutMs = 2000): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = get({ host: LOOPBACK, port, path, agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
  });
}

export interface Started {
  child: ChildProcess;
  port: number;
  /** From spawning node to the first 200 from /health. */
  readyMs: number;
  /** What the server wrote on stderr so far (kept short). */
  stderr: () => string;
  stop(): Promise<void>;
}

/**
 * Spawns `node src/cli/bin.js serve` with the given environment added (TALLER_DB and the like),
 * on a free loopback port, and waits until /health answers 200 (at most `timeoutMs`); `nodeArgs` go
 * to node before the script (`--cpu-prof` and the like).
 */
export async function startTaller(env: NodeJS.ProcessEnv, timeoutMs = 120_000, nodeArgs: string[] = []): Promise<Started> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, BIN, 'serve'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, HOST: LOOPBACK, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    if (err.length < 20_000) err += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before answering: ${err.trim().split('\n').slice(-3).join(' / ')}`);
    const { status } = await getOnce(port, '/health', 500);
    if (status === 200) return { child, port, readyMs: performance.now() - t0, stderr: () => err, stop };
    if (performance.now() - t0 > timeoutMs) {
      await stop();
      throw new Error(`the server did not answer /health within ${timeoutMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}
