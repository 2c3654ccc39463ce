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

/**
 * A browser, as far as the server can tell: it keeps cookies, reads each form's token from the
 * page it was given, and sends forms the way a browser does (urlencoded, with the token).
 */
export class Visitor {
  readonly cookies = new Map<string, string>();
  /** The form token of the last page read. */
  csrf = '';

  constructor(private readonly app: FastifyInstance, private readonly headers: Record<string, string> = {}) {}

  private keep(res: { headers: Record<string, unknown> }): void {
    const set = res.headers['set-cookie'];
    for (const line of ([] as string[]).concat((set as string | string[] | undefined) ?? [])) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size === 0 ? {} : { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  async get(url: string) {
    const res = await this.app.inject({ url, headers: { accept: 'text/html', ...this.headers, ...this.cookieHeader() } });
    this.keep(res);
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.csrf = token;
    return res;
  }

  /**
   * Sends a form with a file as a browser does (multipart/form-data, fields in the page's
   * order): the form's token first, then the file under `field`.
   */
  async upload(url: string, file: { name: string; bytes: Uint8Array }, { token = true, field = 'file' } = {}) {
    const boundary = '----taller-browser-boundary';
    const part = (head: string, body: Uint8Array | string) => [Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')];
    const payload = Buffer.concat([
      ...(token ? part('Content-Disposition: form-data; name="_csrf"', this.csrf) : []),
      ...part(`Content-Disposition: form-data; name="${field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream`, file.bytes),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const res = await this.app.inject({
      method: 'POST', url, payload,
      headers: { accept: 'text/html', 'content-type': `multipart/form-data; boundary=${boundary}`, ...this.headers, ...this.cookieHeader() },
    });
    this.keep(res);
    const next = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (next) this.csrf = next;
    return res;
  }

  async post(url: string, form: Record<string, string>, { token = true } = {}) {
    const body = new URLSearchParams({ ...(token ? { _csrf: this.csrf } : {}), ...form }).toString();
    const res = await this.app.inject({
      method: 'POST', url, payload: body,
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...this.headers, ...this.cookieHeader() },
    });
    this.keep(res);
    const next = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (next) this.csrf = next;
    return res;
  }
}
