import type { Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import type { AppOptions } from '../../src/http/app.js';
import type { OpenDatabase } from '../../src/db/index.js';
import { createToken } from '../../src/db/tokens.js';
import { tempDatabase } from './fixtures.js';

/**
 * The app over a fresh database, closed when the test ends. A plan or estimate waits for its job
 * up to ten minutes before answering 202, so a busy test machine never changes an answer.
 */
export async function build(t: Test, store: OpenDatabase = tempDatabase(t), options: Omit<AppOptions, 'database'> = {}): Promise<{ app: FastifyInstance; store: OpenDatabase }> {
  const app = await buildApp({ jobWait: 10 * 60_000, ...options, database: store });
  t.teardown(() => app.close());
  return { app, store };
}

/** An Authorization header with a fresh API token. */
export function authHeader(store: OpenDatabase): { authorization: string } {
  return { authorization: `Bearer ${createToken(store.db, 'api')}` };
}

/** A multipart/form-data body holding files, each under its own field name. */
export function multipart(files: Record<string, Uint8Array | string>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----taller-test-boundary';
  const chunks: Buffer[] = [];
  for (const [name, content] of Object.entries(files)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}"\r\n`
      + `Content-Type: application/octet-stream\r\n\r\n`));
    chunks.push(Buffer.from(content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
