// The organizations page in Chromium: an admin signs in, opens the page from the navigation, adds
// two organizations from the keyboard alone (one DOJ-recognized until a date), sees both listed,
// and reads the page on a 390 px phone without sideways scrolling. Screenshots under
// test-artifacts/browser/ (organizations.png, organizations-phone.png).
import { existsSync } from 'node:fs';
import t from 'tap';
import type { Test } from 'tap';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { saveBundle } from '../../src/db/events.js';
import { organizationNamed } from '../../src/db/users.js';
import { addAccount } from '../../src/services/users.js';
import { FRESNO, sampleBundle } from '../support/fixtures.js';
import { ARGS, ARTIFACTS, CHROMIUM, arrives, servedApp } from '../support/browser.js';

interface PageElement { scrollWidth: number; clientWidth: number; id: string }
declare const document: { documentElement: PageElement; activeElement: PageElement | null };

const PASSWORD = 'correct horse battery staple';

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Adds an organization from the keyboard: the page's link to the form, then Tab from field to field, Space to tick, Enter to send. */
async function addByKeyboard(t: Test, page: Page, org: { name: string; until?: string; county: string }) {
  await page.getByRole('link', { name: 'Add an organization' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  t.equal(await focused(page), 'name', 'the link leads the focus to the form’s first field');
  await page.keyboard.type(org.name);
  await page.keyboard.press('Tab');
  t.equal(await focused(page), 'doj_recognized');
  if (org.until) await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  t.equal(await focused(page), 'recognized_until');
  // A date field takes its month, day and year typed in turn (the browser's en-US order).
  if (org.until) await page.keyboard.type(org.until);
  // Tab steps through the date's own parts (month, day, year) before it leaves the field.
  for (let part = 0; part < 4 && await focused(page) === 'recognized_until'; part++) await page.keyboard.press('Tab');
  t.equal(await focused(page), 'county');
  await page.keyboard.type(org.county);
  const answer = await arrives(page, () => page.keyboard.press('Enter'));
  t.equal(answer.status(), 200);
}

if (!existsSync(CHROMIUM)) {
  t.plan(0, `skip: no Chromium at ${CHROMIUM}; CI installs Debian's chromium package (a browser is never downloaded)`);
} else {
  t.test('an admin adds two organizations from the keyboard and sees both listed, on a desktop and a 390 px phone', async (t) => {
    const { store, base } = await servedApp(t);
    saveBundle(store.db, sampleBundle(FRESNO), 'test', organizationNamed(store.db, 'Casa Legal'));
    await addAccount(store.db, { email: 'ana@example.org', name: 'Ana Admin', role: 'admin', organization: 'Casa Legal', password: PASSWORD }, 'test');

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    t.teardown(() => browser.close());
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill('ana@example.org');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await arrives(page, () => page.getByRole('button', { name: 'Sign in' }).click());
    await arrives(page, () => page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Organizations' }).click());
    t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Organizations');

    await addByKeyboard(t, page, { name: 'Centro Legal de la Raza', until: '06302028', county: 'Fresno' });
    t.match(await page.getByRole('status').textContent(), 'Centro Legal de la Raza is saved.');
    await addByKeyboard(t, page, { name: 'Madera Coalition for Community Justice', county: 'Madera' });

    const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    t.match(await row('Centro Legal de la Raza').textContent(), /Recognized until June 30, 2028\s*Fresno/);
    t.match(await row('Madera Coalition for Community Justice').textContent(), /Not recognized\s*Madera/);
    t.match(await page.getByRole('table').getByRole('caption').textContent(), /\d+ organizations/);
    await page.screenshot({ path: `${ARTIFACTS}organizations.png`, fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    t.equal(await sideways(page), 0, 'nothing scrolls sideways on a 390 px phone');
    t.ok(await row('Centro Legal de la Raza').isVisible(), 'each organization a block of labelled lines');
    await page.getByRole('link', { name: 'Change Centro Legal de la Raza' }).click();
    await page.waitForURL('**/admin/organizations?edit=*');
    t.equal(await sideways(page), 0, 'the change form fits too');
    t.equal(await page.getByLabel(/^Name/).first().inputValue(), 'Centro Legal de la Raza');
    await page.screenshot({ path: `${ARTIFACTS}organizations-phone.png`, fullPage: true });
  });
}
