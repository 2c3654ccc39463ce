import type { Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import type { AppOptions } from '../../src/http/app.js';
import type { OpenDatabase } from '../../src/db/index.js';
import { createToken } from '../../src/db/tokens.js';
import { insertAccount, listAccounts, organizationNamed } from '../../src/db/users.js';
import type { Role } from '../../src/db/users.js';
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

/**
 * An Authorization header with a fresh API token of an account (an admin unless asked
 * otherwise, made on first use; `write` scope unless asked otherwise).
 */
export function authHeader(store: OpenDatabase, as: { role?: Role; organization?: string; scope?: 'read' | 'write' } = {}): { authorization: string } {
  const role = as.role ?? 'admin';
  const organization = as.organization ?? null;
  const email = `${role}.${(organization ?? 'none').replace(/\W+/g, '-').toLowerCase()}@example.org`;
  const userId = listAccounts(store.db).find((a) => a.email === email)?.id
    ?? insertAccount(store.db, { email, name: `Test ${role}`, role, organizationId: organization === null ? null : organizationNamed(store.db, organization), passwordHash: null });
  return { authorization: `Bearer ${createToken(store.db, 'api', { userId, scope: as.scope ?? (role === 'viewer' ? 'read' : 'write') })}` };
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
