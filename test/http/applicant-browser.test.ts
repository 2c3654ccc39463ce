// An applicant's own page in a real browser: Debian's Chromium, driven by playwright-core, on a
// 390 px phone, against the real app listening on 127.0.0.1 over a fresh SQLite file. An
// applicant who reads Arabic opens their link: the page is in Arabic, right to left, nothing
// scrolls sideways, every button is big enough for a thumb; they give their place up (the button,
// then the confirmation with a note), and the page says so. The coordinator then opens the offers
// page and finds the place offered to the applicant left out who fits it.
//
// Screenshots for a person to look at, under test-artifacts/browser/ at the repository's root
// (kept out of git): applicant-ar-phone.png, applicant-confirm-ar-phone.png,
// applicant-released-ar-phone.png, offers-desktop.png and offers-phone.png.
//
// Skipped, saying why, where /usr/bin/chromium is missing: CI installs it; a browser is never
// downloaded.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { chromium } from 'playwright-core';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { saveBundle } from '../../src/db/events.js';
import { placeOffers } from '../../src/db/schema.js';
import { organizationNamed } from '../../src/db/users.js';
import { CATALOGS } from '../../src/outputs/slips.js';
import { addAccount } from '../../src/services/users.js';
import { tempDatabase } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';
import { ONE_SEAT_ID, oneSeatDay } from '../support/one-seat.js';
import { ARGS, ARTIFACTS, CHROMIUM } from '../support/browser.js';

/* The few names of the page the checks use inside page.evaluate (the project compiles without the DOM library). */
interface PageElement { getBoundingClientRect(): { width: number; height: number } }
declare const document: {
  documentElement: { scrollWidth: number; clientWidth: number; lang: string; dir: string };
  querySelectorAll(selector: string): Iterable<PageElement>;
};

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const PASSWORD = 'correct horse battery staple';
const AR = CATALOGS.ar.page;

/** The page as a phone shows it: how wide against the screen, and the smallest button or link-button's height. */
async function fits(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    smallest: Math.min(...[...document.querySelectorAll('button, a.button')].map((b) => b.getBoundingClientRect().height)),
  }));
}

if (!existsSync(CHROMIUM)) {
  t.plan(0, `skip: no Chromium at ${CHROMIUM}; CI installs Debian's chromium package (a browser is never downloaded)`);
} else {
  t.test('on a phone, an applicant gives up their place in Arabic, and the coordinator finds it offered on', async (t) => {
    const store = tempDatabase(t);
    const { app } = await build(t, store);
    saveBundle(store.db, oneSeatDay(), 'test', organizationNamed(store.db, 'Casa Legal'));
    await addAccount(store.db, { email: 'cora@example.org', name: 'Cora', role: 'coordinator', organization: 'Casa Legal', password: PASSWORD }, 'test');
    const headers = authHeader(store, { role: 'coordinator', organization: 'Casa Legal' });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    t.equal((await app.inject({ method: 'POST', url: `/api/events/${ONE_SEAT_ID}/plan`, headers, payload: { quick: true, finish_probability: 0 } })).statusCode, 201);
    t.equal((await app.inject({ method: 'POST', url: `/api/events/${ONE_SEAT_ID}/plans/1/publish`, headers })).statusCode, 200);
    const made = (await app.inject({ method: 'POST', url: `/api/events/${ONE_SEAT_ID}/applicants/A1/slip-link`, headers })).json() as { page_url: string };
    const path = new URL(made.page_url).pathname;

    mkdirSync(ARTIFACTS, { recursive: true });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    t.teardown(() => browser.close());
    const phone = await browser.newContext({ ...PHONE, baseURL: base });
    t.teardown(() => phone.close());
    const page = await phone.newPage();
    // Nothing is fetched from anywhere but the app.
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base)) elsewhere.push(r.url());
    });

    await page.goto(path);
    let shown = await fits(page);
    t.same([shown.lang, shown.dir], ['ar', 'rtl'], 'the page is in Arabic, right to left');
    t.ok(shown.scrollWidth <= shown.clientWidth, `nothing scrolls sideways (${shown.scrollWidth} px in ${shown.clientWidth})`);
    t.ok(shown.smallest >= 44, `every button is at least 44 px high (${shown.smallest})`);
    await t.resolves(page.getByRole('heading', { name: CATALOGS.ar.title }).waitFor(), 'its title in Arabic');
    await page.screenshot({ path: `${ARTIFACTS}applicant-ar-phone.png`, fullPage: true });

    await page.getByRole('link', { name: AR.release }).click();
    await page.getByRole('heading', { name: AR.confirm_heading }).waitFor();
    shown = await fits(page);
    t.same([shown.lang, shown.dir], ['ar', 'rtl'], 'the confirmation too');
    t.ok(shown.scrollWidth <= shown.clientWidth, 'the confirmation fits the phone');
    t.equal(await store.db.select().from(placeOffers).all().length, 0, 'nothing is given up before the confirmation');
    await page.getByLabel(AR.note).fill('ابنتي مريضة');
    await page.screenshot({ path: `${ARTIFACTS}applicant-confirm-ar-phone.png`, fullPage: true });
    await page.getByRole('button', { name: AR.confirm_yes }).click();
    await page.getByText(AR.released).waitFor();
    shown = await fits(page);
    t.ok(shown.scrollWidth <= shown.clientWidth, 'the page after giving up fits the phone');
    t.equal(await page.getByRole('button', { name: AR.coming }).count(), 0, 'no answer left to give');
    await page.screenshot({ path: `${ARTIFACTS}applicant-released-ar-phone.png`, fullPage: true });
    t.same(elsewhere, [], 'nothing loaded from anywhere else');

    for (const [size, options] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const coordinator = await browser.newContext({ ...options, baseURL: base });
      t.teardown(() => coordinator.close());
      const office = await coordinator.newPage();
      await office.goto('/sign-in');
      await office.getByLabel('E-mail address').fill('cora@example.org');
      await office.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await office.getByRole('button', { name: 'Sign in' }).click();
      await office.waitForURL(`${base}/`);
      await office.goto(`/events/${ONE_SEAT_ID}/offers`);
      await office.getByText('Offered to A4, Luz Waiting').waitFor();
      await t.resolves(office.getByRole('button', { name: 'A4 takes the place' }).waitFor(), `${size}: the answer buttons, named for whom`);
      const seen = await fits(office);
      t.ok(seen.scrollWidth <= seen.clientWidth, `${size}: the offers page does not scroll sideways (${seen.scrollWidth} in ${seen.clientWidth})`);
      await office.screenshot({ path: `${ARTIFACTS}offers-${size}.png`, fullPage: true });
    }
  });
}
