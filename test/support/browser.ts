/**
 * What every browser test shares: Debian's Chromium (installed by CI, never downloaded), the
 * flags it runs with here, and the folder its screenshots and PDFs go to.
 */
import { fileURLToPath } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/browser/', import.meta.url));
