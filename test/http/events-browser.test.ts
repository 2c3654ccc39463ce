// The events pages in a real browser on a phone's width: Debian's Chromium, driven by
// playwright-core, signs in, and on the home page, the event form (as given and with problems)
// and the delete page checks that nothing is wider than the screen, that every field has a
// label, and that each link of the problem summary leads to its field; and, in Spanish, the
// new-event form filled and sent from the keyboard alone. Skipped, saying why, where
// /usr/bin/chromium is missing: a browser is never downloaded.
import { existsSync } from 'node:fs';
import t from 'tap';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { saveBundle } from '../../src/db/events.js';
import { organizationNamed } from '../../src/db/users.js';
import { addAccount } from '../../src/services/users.js';
import { FRESNO, FRESNO_ID, sampleBundle, tempDatabase } from '../support/fixtures.js';
import { build } from '../support/http.js';
import { ARGS, CHROMIUM } from '../support/browser.js';

/* The few names of the page these checks use inside page.evaluate (the project compiles without the DOM library). */
interface Control { id: string; type: string; labels: { length: number } | null }
declare const document: {
  activeElement: { id: string } | null;
  documentElement: { clientWidth: number; scrollWidth: number };
  querySelectorAll(selector: string): Iterable<Control & { getAttribute(name: string): string | null }>;
  getElementById(id: string): unknown;
};

const PHONE = { width: 390, height: 844 };
const PASSWORD = 'correct horse battery staple';

/** How much wider than the screen the page is, in CSS pixels (0: no sideways scrolling). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The form controls a person fills that no label names. */
const unlabelled = (page: Page) => page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
  .filter((c) => c.type !== 'hidden' && (c.labels?.length ?? 0) === 0).map((c) => c.id || c.type));

/** The problem summary's links whose target is missing from the page. */
const brokenSummaryLinks = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.problem a[href^="#"]')]
  .map((a) => a.getAttribute('href')!.slice(1)).filter((id) => !document.getElementById(id)));

/** The id of the element that has the focus ('' for none). */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Tabs forward until the focus is on the element with that id (at most `limit` presses); false if it never gets there. */
async function tabTo(page: Page, id: string, limit = 40): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await focused(page) === id) return true;
  }
  return false;
}

t.test('the events pages fit a phone’s width, label every field and lead each problem to its field', async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.plan(0, `skip: no Chromium at ${CHROMIUM}; CI installs Debian's chromium package (a browser is never downloaded)`);
    return;
  }
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  const bundle = sampleBundle(FRESNO);
  saveBundle(store.db, { ...bundle, event: { ...bundle.event, date: '2099-05-22', name: `${bundle.event.name} ${'y'.repeat(60)}` } },
    'test', organizationNamed(store.db, 'Casa Legal'));
  await addAccount(store.db, { email: 'cora@example.org', name: 'Cora Coordinator', role: 'coordinator', organization: 'Casa Legal', password: PASSWORD }, 'test');
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  t.teardown(() => browser.close());
  const page = await browser.newPage({ viewport: PHONE });

  await page.goto(`${address}/sign-in`);
  await page.fill('#email', 'cora@example.org');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(`${address}/`), page.click('button[type=submit]')]);

  const check = async (what: string) => {
    t.equal(await overflow(page), 0, `${what}: nothing is wider than the screen`);
    t.same(await unlabelled(page), [], `${what}: every field has a label`);
    t.same(await brokenSummaryLinks(page), [], `${what}: every problem links to its field`);
  };
  await check('the home page');
  await page.goto(`${address}/events/new`);
  await check('the new-event form');
  await page.fill('#name', 'Taller de ciudadanía');
  await page.fill('#case_types-n400-preparation', '-5');
  await page.click('form.event-form button[type=submit]');
  await page.waitForSelector('.problem');
  t.ok(await page.isVisible('#case_types-n400-preparation-problem'), 'the minutes’ problem is shown by the field');
  await check('the new-event form with problems');
  await page.goto(`${address}/events/${FRESNO_ID}/delete`);
  await check('the delete page');
  await page.goto(`${address}/events/${FRESNO_ID}`);
  await page.click('button:has-text("Duplicate as a template")');
  await page.waitForSelector('h1:has-text("New event from a template")');
  await check('the duplicate form');
});

t.test('in Spanish, the new-event form is filled and sent from the keyboard alone, and says at each field what is missing', async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.plan(0, `skip: no Chromium at ${CHROMIUM}; CI installs Debian's chromium package (a browser is never downloaded)`);
    return;
  }
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  await addAccount(store.db, { email: 'cora@example.org', name: 'Cora Coordinator', role: 'coordinator', organization: 'Casa Legal', password: PASSWORD }, 'test');
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  t.teardown(() => browser.close());
  // A phone set to Spanish of Mexico: its Accept-Language asks for es-MX first.
  const page = await browser.newPage({ viewport: PHONE, locale: 'es-MX' });

  await page.goto(`${address}/sign-in`);
  await page.fill('#email', 'cora@example.org');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(`${address}/`), page.click('button[type=submit]')]);

  await page.goto(`${address}/events/new`);
  t.equal(await page.getAttribute('html', 'lang'), 'es');
  t.equal(await page.textContent('h1'), 'Nuevo evento');
  t.ok(await tabTo(page, 'name'), 'the name field is reached with Tab');
  await page.keyboard.type('Taller de ciudadanía');
  await Promise.all([page.waitForSelector('.problem'), page.keyboard.press('Enter')]);
  t.equal(await page.title(), 'Error: Nuevo evento — Taller');
  t.equal((await page.textContent('.problem h2'))?.trim(), 'Corrija 3 datos', 'three problems: the date, the time zone, and the id (none is made without a date)');
  t.match(await page.textContent('#date-problem'), /^Fecha: is required$/, 'the date’s problem names the field in Spanish');
  t.equal(await page.getAttribute('#date-problem span', 'lang'), 'en', 'the bundle rule’s own sentence is marked as English');
  t.equal(await page.getAttribute('#date', 'aria-invalid'), 'true');
  t.match(await page.getAttribute('#date', 'aria-describedby'), /\bdate-problem\b/, 'the date field is described by its problem');
  t.match(await page.textContent('#id-problem'), /^Identificador del evento: escriba un identificador/, 'the form’s own problem is in Spanish');
  t.equal(await page.inputValue('#name'), 'Taller de ciudadanía', 'what was typed is kept');
  t.equal(await overflow(page), 0, 'nothing is wider than the screen');
  t.same(await unlabelled(page), [], 'every field has a label');
  t.same(await brokenSummaryLinks(page), [], 'every problem links to its field');
});

t.test('an event’s page fits a phone’s width in English and in Spanish: its applicants by language scroll inside their own box', async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.plan(0, `skip: no Chromium at ${CHROMIUM}; CI installs Debian's chromium package (a browser is never downloaded)`);
    return;
  }
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  saveBundle(store.db, sampleBundle(FRESNO), 'test', organizationNamed(store.db, 'Casa Legal'));
  await addAccount(store.db, { email: 'cora@example.org', name: 'Cora Coordinator', role: 'coordinator', organization: 'Casa Legal', password: PASSWORD }, 'test');
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  t.teardown(() => browser.close());
  for (const [locale, caption] of [['en-US', 'By preferred language'], ['es-MX', 'Por idioma preferido']] as const) {
    const page = await browser.newPage({ viewport: PHONE, locale });
    await page.goto(`${address}/sign-in?next=${encodeURIComponent(`/events/${FRESNO_ID}`)}`);
    await page.fill('#email', 'cora@example.org');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(`${address}/events/${FRESNO_ID}`), page.click('form button[type=submit]')]);
    const table = page.getByRole('table', { name: caption });
    t.ok(await table.isVisible(), `${locale}: the applicants by language are shown`);
    t.ok(await table.evaluate((el: { scrollWidth: number; clientWidth: number }) => el.scrollWidth > el.clientWidth),
      `${locale}: wider than the phone, they scroll inside their own box`);
    t.equal(await overflow(page), 0, `${locale}: nothing is wider than the screen`);
  }
});
