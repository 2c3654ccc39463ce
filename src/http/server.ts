import type { FastifyInstance } from 'fastify';
import { ensureDemo } from '../services/demo.js';
import { applyRetention, RETENTION_INTERVAL_MS } from '../services/retention.js';
import { openDatabase } from '../db/index.js';
import { buildApp } from './app.js';

export interface ServerConfig {
  port: number;
  host: string;
  database: string | undefined;
  demo: boolean;
}

/** Reads PORT, HOST, TALLER_DB and TALLER_DEMO, refusing a value that cannot work. */
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
  };
}

/**
 * Opens and migrates the database, loads the demo on first start, applies the events' retention
 * rules (now and once a day), listens, and closes cleanly on SIGTERM.
 */
export async function startServer(config: ServerConfig): Promise<FastifyInstance> {
  const store = openDatabase(config.database);
  if (config.demo) await ensureDemo(store.db);
  const app = await buildApp({ database: store, logger: { level: process.env.LOG_LEVEL ?? 'info' } });
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
  return app;
}
