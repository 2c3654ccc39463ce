/**
 * What every browser test shares: Debian's Chromium (installed by CI, never downloaded), the
 * flags it runs with here, and the folder its screenshots and PDFs go to.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Page, Response } from 'playwright-core';
import type { Test } from 'tap';
import type { OpenDatabase } from '../../src/db/index.js';
import { tempDatabase } from './fixtures.js';
import { build } from './http.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/browser/', import.meta.url));

/** Does something that loads a new page and waits for that page: its answer (after any redirect) and its load event. */
export async function arrives(page: Page, act: () => Promise<unknown>): Promise<Response> {
  const answered = page.waitForResponse((r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame()
    && !(r.status() >= 300 && r.status() < 400));
  const loaded = page.waitForEvent('load');
  await act();
  const [response] = await Promise.all([answered, loaded]);
  return response;
}

/**
 * A browser test's server: a fresh database, the app listening on a free loopback port, and its
 * address; the artifacts folder made. Closed with the test.
 */
export async function servedApp(t: Test): Promise<{ store: OpenDatabase; app: FastifyInstance; base: string }> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { store, app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}
