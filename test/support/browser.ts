/**
 * What every browser test shares: Debian's Chromium (installed by CI, never downloaded), the
 * flags it runs with here, and the folder its screenshots and PDFs go to.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium } from 'playwright-core';
import type { Page, Response } from 'playwright-core';
import type { Test } from 'tap';
import type { OpenDatabase } from '../../src/db/index.js';
import type { AppOptions } from '../../src/http/app.js';
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
 * address; the artifacts folder made. Closed with the test. `options` as the app takes them (a fixed clock).
 */
export async function servedApp(t: Test, options: Omit<AppOptions, 'database'> = {}): Promise<{ store: OpenDatabase; app: FastifyInstance; base: string }> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { store, app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** Debian's Chromium on a desktop-sized page, signed in through the sign-in page; closed with the test. */
export async function signedInPage(t: Test, base: string, email: string, password: string): Promise<Page> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  t.teardown(() => browser.close());
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await Promise.all([page.waitForURL('**/'), page.getByRole('button', { name: 'Sign in' }).click()]);
  return page;
}
