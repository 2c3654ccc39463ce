import type { FastifyInstance } from 'fastify';
import { importDemo, planDemo } from '../services/demo.js';
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
 * Opens and migrates the database, loads the demo on first start, listens, and closes cleanly
 * on SIGTERM. The demo is imported before the server listens (the home page shows it at once)
 * and planned in a worker once it does, so even the first start answers within a second.
 */
export async function startServer(config: ServerConfig): Promise<FastifyInstance> {
  const store = openDatabase(config.database);
  const demo = config.demo ? await importDemo(store.db) : undefined;
  const app = await buildApp({ database: store, logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  app.addHook('onClose', async () => store.close());
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
