import type { FastifyInstance } from 'fastify';
import { ensureDemo } from '../services/demo.js';
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

/** Opens and migrates the database, loads the demo on first start, listens, and closes cleanly on SIGTERM. */
export async function startServer(config: ServerConfig): Promise<FastifyInstance> {
  const store = openDatabase(config.database);
  if (config.demo) await ensureDemo(store.db);
  const app = await buildApp({ database: store, logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  app.addHook('onClose', async () => store.close());
  const shutdown = (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  return app;
}
