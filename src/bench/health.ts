/**
 * How long `/health` takes to answer while a large bundle is imported through the API:
 *
 *   node --import tsx src/bench/health.ts [APPLICANTS] [VOLUNTEERS]   (default 200000 800)
 *
 * Starts the server over a fresh SQLite file, uploads a generated bundle to
 * `POST /api/events/import`, and asks `/health` every 10 ms (from a thread of its own) until the
 * import answers, after two seconds of asking an idle server. Prints one JSON object: the
 * import's status and time (as the client saw it), and the health checks' count, median, p99
 * and worst latency in ms, idle and during the import.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { buildApp } from '../http/app.js';
import { openDatabase } from '../db/index.js';
import { createToken } from '../db/tokens.js';
import { insertAccount } from '../db/users.js';
import { generateBundleFiles } from './generate.js';

const applicants = Number(process.argv[2] ?? 200_000);
const volunteers = Number(process.argv[3] ?? 800);
const dir = mkdtempSync(join(tmpdir(), 'taller-health-'));
const store = openDatabase(join(dir, 'bench.sqlite'));
const app = await buildApp({ database: store, rateLimits: false });
try {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const files = generateBundleFiles({ applicants, volunteers, seed: 1 });
  const form = new FormData();
  for (const [name, bytes] of Object.entries(files)) form.append(name, new Blob([bytes!]), name);
  const admin = insertAccount(store.db, { email: 'bench@example.org', name: 'Bench', role: 'admin', organizationId: null, passwordHash: null });
  const token = createToken(store.db, 'api', { userId: admin, scope: 'write' });

  // The health checks are asked from a thread of their own, so a busy server thread cannot hold them back unseen.
  const poll = () => new Worker(`
    const { parentPort, workerData } = require('node:worker_threads');
    const latencies = [];
    let going = true;
    parentPort.on('message', () => { going = false; });
    (async () => {
      while (going) {
        const t0 = performance.now();
        await fetch(workerData + '/health').then((res) => res.text());
        latencies.push(performance.now() - t0);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      parentPort.postMessage(latencies);
    })();
  `, { eval: true, workerData: base });
  const stop = async (poller: Worker) => {
    const latencies = await new Promise<number[]>((resolve) => {
      poller.once('message', resolve);
      poller.postMessage('stop');
    });
    await poller.terminate();
    return latencies;
  };
  // First two seconds with nothing else to do: what this machine gives when the server is idle.
  const idlePoller = poll();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idle = await stop(idlePoller);
  const poller = poll();
  const t0 = performance.now();
  const imported = await fetch(`${base}/api/events/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })
    .then(async (res) => ({ status: res.status, ms: performance.now() - t0, body: await res.text() }));
  const latencies = await stop(poller);
  const done = imported;
  const summary = (all: number[]) => {
    const sorted = [...all].sort((a, b) => a - b);
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
    return { checks: sorted.length, p50Ms: at(0.5), p99Ms: at(0.99), worstMs: Math.round(sorted.at(-1) ?? 0) };
  };
  console.log(JSON.stringify({
    rows: applicants + volunteers, bytes: Object.values(files).reduce((n, b) => n + (b?.length ?? 0), 0),
    import: { status: done.status, ms: Math.round(done.ms) },
    idle: summary(idle),
    health: summary(latencies),
  }));
} finally {
  await app.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
