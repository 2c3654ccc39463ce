// A volunteer's own link on a 390 px phone, in a real browser (Debian's Chromium, driven by
// playwright-core) against the real app listening on 127.0.0.1 over a fresh SQLite file: the
// volunteer opens their link, subscribes to and downloads their calendar, says they cannot
// come with a note, and the coordinator's overview, on a phone too, shows it.
//
// Each page is saved as a full-page PNG under test-artifacts/browser/ at the repository's root
// (kept out of git), for a person to look at: volunteer-day-phone.png,
// volunteer-day-es-phone.png, volunteer-answered-phone.png, overview-phone.png and
// links-phone.png.
//
// Skipped, saying why, where /usr/bin/chromium is missing: CI installs it; a browser is never
// downloaded.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import type { Test } from 'tap';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { FRESNO_ID } from '../support/fixtures.js';
import { BUSY, fresnoDay, linkPath, ORG, PASSWORD, PLAN } from '../support/links.js';
import { addAccount } from '../../src/services/users.js';
import { parseCalendar } from '../outputs/fixtures/ical.js';
import { ARGS, ARTIFACTS, CHROMIUM, arrives } from '../support/browser.js';

/* The few names of the page the checks use inside page.evaluate (the project compiles without the DOM library). */
interface Field { id: string; name: string; labels: { length: number } | null }
declare const document: {
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelectorAll(selector: string): Iterable<Field>;
};

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const NOTE = 'Mi hija está enferma; lo siento mucho.';
const MINE = BUSY[0]!;

/** The Fresno day published, served on a free port of 127.0.0.1, with a coordinator of Casa Legal. */
async function serve(t: Test) {
  const built = await fresnoDay(t);
  await built.app.listen({ host: '127.0.0.1', port: 0 });
  const made = await addAccount(built.store.db, { email: 'cora@example.org', name: 'Cora Coordinator', role: 'coordinator', organization: ORG, password: PASSWORD }, 'test');
  if (!made.ok) throw new Error('no coordinator');
  return { ...built, base: `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}` };
}


/** The page fits the phone (nothing scrolls sideways), every field has a label, and it is saved as a screenshot. */
async function looked(t: Test, page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name}-phone.png`, fullPage: true });
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
  }));
  t.ok(scrollWidth <= clientWidth, `${name}: ${scrollWidth} px wide in ${clientWidth}`);
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('select, input:not([type=hidden]), textarea')]
    .filter((f) => !f.labels || f.labels.length === 0).map((f) => f.id || f.name));
  t.same(unlabelled, [], `${name}: every field has a label`);
}

/** A fresh phone browser context on the app, closed when the test ends. */
async function phone(t: Test, browser: Browser, base: string, extra: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, baseURL: base, acceptDownloads: true, ...extra });
  t.teardown(() => context.close());
  return context.newPage();
}

if (!existsSync(CHROMIUM)) {
  t.plan(0, `skip: no Chromium at ${CHROMIUM}; CI installs Debian's chromium package (a browser is never downloaded)`);
} else {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  t.teardown(() => browser.close());

  t.test('on a phone, a volunteer opens their link, takes their calendar, says they cannot come, and the coordinator sees it', async (t) => {
    const { base, store } = await serve(t);
    const path = linkPath(store, MINE);
    const page = await phone(t, browser, base);
    const planned = PLAN.scheduled.flatMap((s) => s.visits).filter((v) => v.volunteer === MINE).map((v) => Date.parse(v.start)).sort((a, b) => a - b);

    t.test('the link opens their day, fitting the phone', async (t) => {
      const res = await page.goto(path);
      t.equal(res?.status(), 200);
      t.match(await page.locator('main').textContent(), `(${MINE})`);
      t.equal(await page.locator('table.duties tbody tr').count(), planned.length, 'a row per visit');
      await looked(t, page, 'volunteer-day');
    });

    t.test('the subscribe link is a webcal:// address of their calendar, which answers with it', async (t) => {
      const href = await page.getByRole('link', { name: 'Subscribe to your calendar' }).getAttribute('href');
      t.match(href, /^webcal:\/\/localhost:\d+\/v\/[A-Za-z0-9_-]{43}\/calendar\.ics$/);
      const fetched = await page.request.get(`${base}${new URL(href!.replace(/^webcal:/, 'http:')).pathname}`);
      t.equal(fetched.status(), 200);
      t.match(fetched.headers()['content-type'], /^text\/calendar/);
      t.same(parseCalendar(await fetched.text()).events.map((e) => e.start).sort((a, b) => a - b), planned);
    });

    t.test('the download gives their calendar file, with the plan\'s instants', async (t) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download the calendar file (.ics)' }).click(),
      ]);
      t.equal(download.suggestedFilename(), `${FRESNO_ID}-${MINE}.ics`);
      const text = readFileSync((await download.path())!, 'utf8');
      t.same(parseCalendar(text).events.map((e) => e.start).sort((a, b) => a - b), planned);
    });

    t.test('"I can\'t come" with a note is sent and thanked for', async (t) => {
      await page.getByLabel('I can’t come').check();
      await page.getByLabel('A note for your coordinator (optional)').fill(NOTE);
      const res = await arrives(page, () => page.getByRole('button', { name: 'Send' }).click());
      t.equal(res.status(), 200);
      t.match(await page.getByRole('status').first().textContent(), 'Thank you. Your coordinator sees your answer now.');
      t.match(await page.locator('main').textContent(), NOTE);
      await looked(t, page, 'volunteer-answered');
    });

    t.test("the coordinator's overview, on a phone, shows the answer and its note", async (t) => {
      const cora = await phone(t, browser, base);
      await cora.goto('/sign-in');
      await cora.getByLabel('E-mail address').fill('cora@example.org');
      await cora.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await arrives(cora, () => cora.getByRole('button', { name: 'Sign in' }).click());
      await cora.goto(`/events/${FRESNO_ID}`);
      await arrives(cora, () => cora.getByRole('link', { name: 'Answers and place offers' }).click());
      const main = await cora.locator('main').textContent();
      t.match(main, NOTE);
      t.match(main, `Volunteer ${MINE}`);
      t.match(main, 'can’t come');
      await looked(t, cora, 'overview');
      await cora.goto(`/events/${FRESNO_ID}/links`);
      await looked(t, cora, 'links');
    });
  });

  t.test('on a phone set to Spanish, the volunteer\'s page is in Spanish and fits', async (t) => {
    const { base, store } = await serve(t);
    const page = await phone(t, browser, base, { locale: 'es-US' });
    await page.goto(linkPath(store, MINE));
    t.equal(await page.getByRole('heading', { level: 2 }).first().textContent(), 'Su día');
    t.ok(await page.getByLabel('No puedo ir').isVisible());
    await looked(t, page, 'volunteer-day-es');
  });
}
