// The roster and applicant tables in a real browser on a 390 px phone: Debian's Chromium, driven
// by playwright-core, against the real app listening on 127.0.0.1 over a fresh SQLite file. A
// coordinator filters the roster and edits a volunteer with the keyboard alone; nothing scrolls
// sideways, and every field has its label.
//
// Each page visited is saved as a full-page PNG under test-artifacts/browser/ at the
// repository's root (kept out of git): people-list-phone.png, people-filtered-phone.png,
// people-form-phone.png, people-problem-phone.png, people-saved-phone.png and
// people-applicants-es-phone.png; and people-applicants-desktop.png at 1280 px.
//
// Skipped, saying why, where /usr/bin/chromium is missing: CI installs it; a browser is never
// downloaded.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import type { Test } from 'tap';
import { chromium } from 'playwright-core';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { loadBundle, saveBundle } from '../../src/db/events.js';
import { organizationNamed } from '../../src/db/users.js';
import { plan } from '../../src/planner/index.js';
import { planEvent } from '../../src/services/plans.js';
import { addAccount } from '../../src/services/users.js';
import { FRESNO, FRESNO_ID, sampleBundle, tempDatabase } from '../support/fixtures.js';
import { build } from '../support/http.js';
import { ARGS, ARTIFACTS, CHROMIUM, arrives } from '../support/browser.js';

/* The few names of the page the checks use inside page.evaluate (the project compiles without the DOM library). */
interface PageElement {
  tagName: string;
  id: string;
  textContent: string | null;
  labels?: { length: number } | null;
  getAttribute(name: string): string | null;
}
declare const document: {
  activeElement: PageElement | null;
  body: PageElement;
  documentElement: { clientWidth: number; scrollWidth: number };
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare function getComputedStyle(element: PageElement): { outlineStyle: string; outlineWidth: string };

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const PASSWORD = 'correct horse battery staple';
const VOLUNTEERS = `/events/${FRESNO_ID}/volunteers`;

/** The Fresno event run by Casa Legal, its coordinator's account, and the app listening on a free port of 127.0.0.1. */
async function serve(t: Test) {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  saveBundle(store.db, sampleBundle(FRESNO), 'test', organizationNamed(store.db, 'Casa Legal'));
  const made = await addAccount(store.db, { email: 'cora@example.org', name: 'Cora', role: 'coordinator', organization: 'Casa Legal', password: PASSWORD }, 'test');
  if (!made.ok) throw new Error('no coordinator');
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, store };
}


/** The focused element as a person would name it ("input#filter-q", `a "Edit"`), and whether its focus is drawn. */
const focusOf = (page: Page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { name: 'nothing', drawn: false };
  const tag = el.tagName.toLowerCase();
  const name = el.id ? `${tag}#${el.id}` : `${tag} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ')}"`;
  const style = getComputedStyle(el);
  return { name, drawn: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 };
});

/** Tabs forward until the focus is on the named element (at most `limit` presses): whether it got there, its focus drawn. */
async function tabTo(page: Page, name: string, limit = 60): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focus = await focusOf(page);
    if (focus.name === name) return focus.drawn;
  }
  return false;
}

/** Whether the page fits the phone: the document no wider than the window, and every field labelled. */
const layout = (page: Page) => page.evaluate(() => ({
  scrollWidth: document.documentElement.scrollWidth,
  clientWidth: document.documentElement.clientWidth,
  unlabelled: [...document.querySelectorAll('select, input:not([type=hidden]), textarea')].filter((f) => !f.labels || f.labels.length === 0).map((f) => f.id),
}));

if (!existsSync(CHROMIUM)) {
  t.plan(0, `skip: no Chromium at ${CHROMIUM}; CI installs Debian's chromium package (a browser is never downloaded)`);
} else {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  t.teardown(() => browser.close());
  mkdirSync(ARTIFACTS, { recursive: true });

  t.test('on a 390 px phone a coordinator filters the roster and edits a volunteer with the keyboard alone', async (t) => {
    const { base, store } = await serve(t);
    const context = await browser.newContext({ ...PHONE, baseURL: base });
    t.teardown(() => context.close());
    const page = await context.newPage();

    /** The page fits the phone and is saved as a screenshot. */
    const fits = async (name: string) => {
      await page.screenshot({ path: `${ARTIFACTS}${name}-phone.png`, fullPage: true });
      const seen = await layout(page);
      t.ok(seen.scrollWidth <= seen.clientWidth, `${name}: no sideways scrolling (${seen.scrollWidth} ≤ ${seen.clientWidth} px)`);
      t.same(seen.unlabelled, [], `${name}: every field has a label`);
    };

    await page.goto(`/sign-in?next=${encodeURIComponent(VOLUNTEERS)}`);
    await page.getByLabel('E-mail address').fill('cora@example.org');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await arrives(page, () => page.getByRole('button', { name: 'Sign in' }).click());
    t.equal(new URL(page.url()).pathname, VOLUNTEERS, 'signed in, on the roster');
    t.equal(await page.locator('table.persons tbody tr').count(), 12);
    await fits('people-list');

    t.ok(await tabTo(page, 'input#filter-q'), 'Tab reaches the search field, its focus drawn');
    await page.keyboard.type('gonzalez');
    t.ok(await tabTo(page, 'select#filter-role', 3), 'then the role');
    // A closed select takes the first letter of a choice from the keyboard.
    await page.keyboard.type('A');
    t.equal(await page.locator('#filter-role').inputValue(), 'attorney');
    t.ok(await tabTo(page, 'button "Show"', 5), 'Tab reaches Show');
    await arrives(page, () => page.keyboard.press('Enter'));
    const url = new URL(page.url());
    t.equal(url.searchParams.get('q'), 'gonzalez', 'the query string keeps the search');
    t.equal(url.searchParams.get('role'), 'attorney', 'and the role');
    t.same(await page.locator('table.persons td.code').allTextContents(), ['V002', 'V003'], 'González and González Hernández, both attorneys');
    t.match(await page.locator('.counts').textContent(), '2 of 12 volunteers');
    await fits('people-filtered');

    t.ok(await tabTo(page, 'a "Edit Sofía González Hernández"'), 'Tab reaches the edit link of V003');
    await arrives(page, () => page.keyboard.press('Enter'));
    t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Volunteer V003: Sofía González Hernández');
    await fits('people-form');

    t.ok(await tabTo(page, 'input#field-email'), 'Tab reaches the e-mail field');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('sofia-at-example');
    t.ok(await tabTo(page, 'button "Save the changes"'), 'and the save button');
    const refused = await arrives(page, () => page.keyboard.press('Enter'));
    t.equal(refused.status(), 400);
    t.match(await page.getByRole('alert').textContent(), 'E-mail address: “sofia-at-example” is not an e-mail address.');
    t.equal(await page.locator('#field-email').getAttribute('aria-invalid'), 'true');
    t.equal(await page.locator('#field-email').getAttribute('aria-describedby'), 'field-email-problem');
    await fits('people-problem');

    await page.keyboard.press('Tab');
    t.ok(await tabTo(page, 'input#field-email'), 'Tab finds the field again');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('sofia@example.org');
    t.ok(await tabTo(page, 'input#field-phone', 2), 'then the phone');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('559-555-0199');
    t.ok(await tabTo(page, 'button "Save the changes"'), 'and the save button');
    const saved = await arrives(page, () => page.keyboard.press('Enter'));
    t.equal(saved.status(), 200);
    const back = new URL(page.url());
    t.equal(back.pathname, VOLUNTEERS, 'back on the roster');
    t.equal(back.searchParams.get('q'), 'gonzalez', 'as it was filtered');
    t.match(await page.getByRole('status').textContent(), 'V003 was saved.');
    await fits('people-saved');
    const sofia = loadBundle(store.db, FRESNO_ID)!.volunteers.find((v) => v.id === 'V003')!;
    t.same([sofia.email, sofia.phone], ['sofia@example.org', '559-555-0199'], 'the change is stored');
  });

  t.test('the applicants on a phone in Spanish fit the window', async (t) => {
    const { base } = await serve(t);
    const context = await browser.newContext({ ...PHONE, baseURL: base, locale: 'es-MX' });
    t.teardown(() => context.close());
    const page = await context.newPage();
    await page.goto(`/sign-in?next=${encodeURIComponent(`/events/${FRESNO_ID}/applicants?language=es`)}`);
    await page.locator('#email').fill('cora@example.org');
    await page.locator('#password').fill(PASSWORD);
    await arrives(page, () => page.locator('form button[type=submit]').click());
    t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Solicitantes');
    t.match(await page.locator('.counts').textContent(), /de 40 solicitantes/);
    await page.screenshot({ path: `${ARTIFACTS}people-applicants-es-phone.png`, fullPage: true });
    const seen = await layout(page);
    t.ok(seen.scrollWidth <= seen.clientWidth, `no sideways scrolling (${seen.scrollWidth} ≤ ${seen.clientWidth} px)`);
  });

  t.test('on a desktop window the applicants read as a table, each with what the plan says of them', async (t) => {
    const { base, store } = await serve(t);
    await planEvent(store.db, FRESNO_ID, { quick: true }, 'test', (bundle, options) => plan(bundle, options));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: base });
    t.teardown(() => context.close());
    const page = await context.newPage();
    await page.goto(`/sign-in?next=${encodeURIComponent(`/events/${FRESNO_ID}/applicants`)}`);
    await page.getByLabel('E-mail address').fill('cora@example.org');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await arrives(page, () => page.getByRole('button', { name: 'Sign in' }).click());
    t.equal(await page.locator('table.persons thead th').count(), 7, 'a header cell per column');
    t.ok(await page.locator('table.persons td', { hasText: /^Scheduled$/ }).count() > 0, 'some applicants are scheduled');
    t.ok(await page.locator('table.persons td', { hasText: /^Not scheduled: / }).count() > 0, 'others are not, and why');
    await page.screenshot({ path: `${ARTIFACTS}people-applicants-desktop.png`, fullPage: false });
    const seen = await layout(page);
    t.ok(seen.scrollWidth <= seen.clientWidth, `no sideways scrolling (${seen.scrollWidth} ≤ ${seen.clientWidth} px)`);
  });
}
