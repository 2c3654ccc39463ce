import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { importDemo, planDemo } from '../services/demo.js';
import { applyRetention, RETENTION_INTERVAL_MS } from '../services/retention.js';
import { openDatabase } from '../db/index.js';
import { buildApp } from './app.js';
import { parsePublicUrl } from './links.js';

export interface ServerConfig {
  port: number;
  host: string;
  database: string | undefined;
  demo: boolean;
  /** PUBLIC_URL: the address people open the server at, which personal links are built from. */
  publicUrl?: string | undefined;
  /** TRUST_PROXY: which proxies' forwarded headers give the client's address and protocol. */
  trustProxy?: boolean | number | string;
}

/**
 * TRUST_PROXY as fastify's `trustProxy`: `true` trusts any proxy, a whole number the nearest
 * that many, else a comma-separated list of proxy addresses or CIDR ranges; unset or `false`, none.
 */
function trustProxyOf(text: string | undefined): boolean | number | string {
  const value = (text ?? '').trim();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  for (const entry of value.split(',').map((e) => e.trim())) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const badBits = bits !== undefined && (!/^\d+$/.test(bits) || Number(bits) > (family === 6 ? 128 : 32));
    if (!['loopback', 'linklocal', 'uniquelocal'].includes(entry) && (family === 0 || badBits || extra !== undefined)) {
      throw new Error(`TRUST_PROXY must be true, a number of proxies, or proxy addresses such as 127.0.0.1,10.0.0.0/8; "${entry}" is none of these`);
    }
  }
  return value;
}

/** Reads PORT, HOST, TALLER_DB, TALLER_DEMO, PUBLIC_URL and TRUST_PROXY, refusing a value that cannot work. */
export function serverConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST || 'localhost',
    database: env.TALLER_DB || undefined,
    demo: env.TALLER_DEMO !== '0',
    publicUrl: env.PUBLIC_URL ? parsePublicUrl(env.PUBLIC_URL) : undefined,
    trustProxy: trustProxyOf(env.TRUST_PROXY),
  };
}

/**
 * Opens and migrates the database, loads the demo on first start, applies the events' retention
 * rules (now and once a day), listens, and closes cleanly on SIGTERM. The demo is imported
 * before the server listens (the home page shows it at once) and planned in a worker once it
 * does, so even the first start answers within a second.
 */
export async function startServer(config: ServerConfig): Promise<FastifyInstance> {
  const store = openDatabase(config.database);
  const demo = config.demo ? await importDemo(store.db) : undefined;
  const app = await buildApp({
    database: store, logger: { level: process.env.LOG_LEVEL ?? 'info' },
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}), ...(config.trustProxy !== undefined ? { trustProxy: config.trustProxy } : {}),
  });
  // Retention rules: applied now and once a day; the timer never keeps the process alive and stops with the app.
  const retain = () => {
    try {
      const purged = applyRetention(store.db, 'retention');
      if (purged.length > 0) app.log.info({ events: purged.length, applicants: purged.reduce((n, p) => n + p.result.applicants, 0) }, 'retention: purged personal data');
    } catch (err) {
      app.log.error({ err }, 'retention: the purge failed; it is tried again at the next run');
    }
  };
  retain();
  const timer = setInterval(retain, RETENTION_INTERVAL_MS).unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    store.close();
  });
  const shutdown = (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  if (demo !== undefined) {
    planDemo(store.db, demo, (bundle, options) => app.jobs.run({ kind: 'plan', bundle, options })).then(
      () => app.log.info({ event: demo }, 'the demo event is planned'),
      (err: Error) => app.log.warn({ event: demo, err: err.message }, 'the demo event was not planned: plan it with taller plan --event'),
    );
  }
  return app;
}
