// Plan versions and printing in a real browser: Debian's Chromium, driven by playwright-core,
// against the real app listening on 127.0.0.1 over a fresh SQLite file. A coordinator signs
// in, goes from the event page to the versions, compares two, publishes one through its
// confirmation, and prints the compact station sheets and the Spanish slips from the print
// page; then every versions page on a 390 px phone, nothing scrolling sideways.
//
// Each page is saved as a PNG for a person to look at, under test-artifacts/browser/ at the
// repository's root (kept out of git): versions-NAME-desktop.png at 1280 px (event, list,
// compare, publish, published, print, sheets, slips) and versions-NAME-phone.png at 390 px.
//
// Skipped, saying why, where /usr/bin/chromium is missing: CI installs it; a browser is never
// downloaded.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import type { Test } from 'tap';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { publishVersion } from '../../src/services/plans.js';
import { FRESNO_ID } from '../support/fixtures.js';
import { readPdf } from '../support/pdf.js';
import { CORA, PASSWORD, versionsDay } from '../support/versions.js';
import type { VersionsDay } from '../support/versions.js';
import { ARGS, ARTIFACTS, CHROMIUM, arrives } from '../support/browser.js';

/* The few names of the page the checks use inside page.evaluate (the project compiles without the DOM library). */
interface PageElement { id: string; labels: { length: number } | null }
declare const document: {
  documentElement: { clientWidth: number; scrollWidth: number };
  querySelectorAll(selector: string): Iterable<PageElement>;
};

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const VERSIONS = `/events/${FRESNO_ID}/versions`;

/** The versions day, version 1 published, listening on a free port of 127.0.0.1 until the test ends. */
async function serve(t: Test): Promise<{ base: string; day: VersionsDay }> {
  const day = await versionsDay(t);
  publishVersion(day.store.db, FRESNO_ID, 1, 'cli');
  await day.app.listen({ host: '127.0.0.1', port: 0 });
  return { base: `http://127.0.0.1:${(day.app.server.address() as AddressInfo).port}`, day };
}


async function signedIn(t: Test, browser: Browser, base: string, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext({ ...options, baseURL: base });
  t.teardown(() => context.close());
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(CORA.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await arrives(page, () => page.getByRole('button', { name: 'Sign in' }).click());
  return page;
}

const shot = (page: Page, name: string, size: 'desktop' | 'phone', fullPage = true) =>
  page.screenshot({ path: `${ARTIFACTS}versions-${name}-${size}.png`, fullPage });

/** Whether the page scrolls sideways, and the fields without a label. */
const layoutOf = (page: Page) => page.evaluate(() => ({
  scrollWidth: document.documentElement.scrollWidth,
  clientWidth: document.documentElement.clientWidth,
  unlabelled: [...document.querySelectorAll('select, input:not([type=hidden]), textarea')].filter((f) => !f.labels || f.labels.length === 0).map((f) => f.id),
}));

if (!existsSync(CHROMIUM)) {
  t.plan(0, `skip: no Chromium at ${CHROMIUM}; CI installs Debian's chromium package (a browser is never downloaded)`);
} else {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  t.teardown(() => browser.close());

  t.test('a coordinator compares two versions, publishes one after its confirmation, and prints the sheets and slips', async (t) => {
    const { base, day } = await serve(t);
    const page = await signedIn(t, browser, base, DESKTOP);

    await page.goto(`/events/${FRESNO_ID}`);
    t.ok(await page.getByText('Published: version 1').isVisible(), 'the event page says what is published');
    await page.locator('#plan').scrollIntoViewIfNeeded();
    await shot(page, 'event', 'desktop', false);
    await arrives(page, () => page.getByRole('link', { name: 'Plan versions: compare, publish, print' }).click());
    t.equal(new URL(page.url()).pathname, VERSIONS);
    t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Plan versions');
    const rows = await page.locator('table.versions tbody tr').allTextContents();
    t.equal(rows.length, 3, 'three versions');
    t.match(rows[2], /Published/);
    t.match(rows[2], /Cora Coordinator/);
    await shot(page, 'list', 'desktop');

    await page.getByLabel('From version').selectOption('1');
    await page.getByLabel('To version').selectOption('2');
    await arrives(page, () => page.getByRole('button', { name: 'Compare' }).click());
    t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Version 2 against version 1');
    for (const [heading, code] of [['Who moves', day.moved], ['Who is added', day.added], ['Who is dropped', day.dropped]] as const) {
      t.ok(await page.getByRole('heading', { name: heading }).isVisible(), heading);
      t.ok(await page.getByRole('rowheader', { name: code }).isVisible(), `${code} under ${heading}`);
    }
    t.ok(await page.getByRole('heading', { name: 'Whom to tell' }).isVisible());
    await shot(page, 'compare', 'desktop');

    await arrives(page, () => page.getByRole('link', { name: 'Publish version 2…' }).click());
    t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Publish version 2?');
    t.ok(await page.getByText('3 applicants (a new slip each)').isVisible(), 'how many applicants it affects');
    t.ok(await page.getByText(/^\d+ volunteers?$/).isVisible(), 'how many volunteers');
    await shot(page, 'publish', 'desktop');
    await arrives(page, () => page.getByRole('button', { name: 'Publish version 2' }).click());
    t.equal(new URL(page.url()).pathname, VERSIONS);
    t.ok(await page.getByRole('status').filter({ hasText: 'Version 2 is published' }).isVisible(), 'it says so');
    t.match((await page.locator('table.versions tbody tr').allTextContents())[1], /Published/, 'version 2 is the published one');
    await shot(page, 'published', 'desktop');

    await arrives(page, () => page.getByRole('link', { name: 'Print sheets and slips' }).click());
    t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Print sheets and slips');
    t.same((await layoutOf(page)).unlabelled, [], 'every field has its label');
    await shot(page, 'print', 'desktop');
    const sheets = await arrives(page, () => page.getByRole('button', { name: 'Open the station sheets' }).click());
    t.equal(sheets.status(), 200);
    t.match(page.url(), /\/print\/sheets\?version=2&layout=compact$/);
    t.ok(await page.getByText('Station sheets, compact').isVisible(), 'the compact sheets');
    await shot(page, 'sheets', 'desktop', false);
    const pdf = readPdf(await page.pdf({ format: 'Letter' }));
    t.ok(pdf.length >= 5, `${pdf.length} printed pages`);
    t.notOk(pdf.some((p) => p.text.replace(/\s+/g, '').includes('DRAFT')), 'the published version is not marked draft');

    await page.goBack();
    await page.getByLabel('Slips in').selectOption('es');
    await page.getByLabel('Slips to a page').selectOption('4');
    const slips = await arrives(page, () => page.getByRole('button', { name: 'Open the slips' }).click());
    t.equal(slips.status(), 200);
    t.equal(await page.locator('html').getAttribute('lang'), 'es');
    const langs = await page.locator('article.slip').evaluateAll((els) => els.map((el) => (el as unknown as { lang: string }).lang));
    t.ok(langs.length > 0 && langs.every((l) => l === 'es'), `${langs.length} slips, every one in Spanish`);
    await shot(page, 'slips', 'desktop', false);

    // A draft opened from the server, under its Content-Security-Policy: the mark atop every printed page still shows.
    const draft = await page.goto(`/events/${FRESNO_ID}/print/sheets?version=3&layout=full`);
    t.equal(draft?.status(), 200);
    const drafted = readPdf(await page.pdf({ format: 'A4' }));
    t.same(drafted.flatMap((p, i) => (p.text.replace(/\s+/g, '').includes('DRAFT—notyetpublished') ? [] : [i + 1])), [],
      `every one of ${drafted.length} pages of a draft says so at its top`);
  });

  t.test('every versions page fits a 390 px phone without sideways scrolling, and labels every field', async (t) => {
    const { base } = await serve(t);
    const page = await signedIn(t, browser, base, PHONE);
    for (const [name, url] of [['list', VERSIONS], ['compare', `${VERSIONS}/compare?from=1&to=2`], ['publish', `${VERSIONS}/2/publish`],
      ['print', `/events/${FRESNO_ID}/print`]] as const) {
      const res = await page.goto(url);
      t.equal(res?.status(), 200, name);
      const layout = await layoutOf(page);
      t.ok(layout.scrollWidth <= layout.clientWidth, `${name}: ${layout.scrollWidth} px wide in ${layout.clientWidth}`);
      t.same(layout.unlabelled, [], `${name}: every field has its label`);
      await shot(page, name, 'phone');
    }
  });
}
