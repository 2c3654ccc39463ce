/**
 * What every browser test shares: Debian's Chromium (installed by CI, never downloaded), the
 * flags it runs with here, and the folder its screenshots and PDFs go to.
 */
import { fileURLToPath } from 'node:url';
import type { Page, Response } from 'playwright-core';

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
