// The waitlist in Chromium: a coordinator sends the people left out of a workshop to the
// waitlist, opens it from the season calendar, prints a come-back slip, moves a person to the
// later workshop offered, with the keyboard, and finds them on that workshop's applicants table.
// Screenshots under test-artifacts/browser/.
import { existsSync } from 'node:fs';
import t from 'tap';
import { addAccount } from '../../src/services/users.js';
import { ARTIFACTS, CHROMIUM, arrives, servedApp, signedInPage } from '../support/browser.js';
import { readPdf } from '../support/pdf.js';
import { BEFORE, FRESNO_ID, LATER_ID, LEFT_OUT, ORG, applicantOf, turnedAwaySeason } from '../support/waitlist.js';

const PASSWORD = 'correct horse battery staple';

interface SlipElement { scrollHeight: number; clientHeight: number }
declare const document: { querySelector(selector: string): SlipElement | null };

if (!existsSync(CHROMIUM)) {
  t.plan(0, `skip: no Chromium at ${CHROMIUM}; CI installs Debian's chromium package (a browser is never downloaded)`);
} else {
  t.test('a coordinator moves a waitlisted applicant to a later workshop with the keyboard, and finds them on its applicants table', async (t) => {
    const { store, base } = await servedApp(t, { now: BEFORE });
    turnedAwaySeason(t, store);
    await addAccount(store.db, { email: 'cora@example.org', name: 'Cora Coordinator', role: 'coordinator', organization: ORG, password: PASSWORD }, 'test');
    const name = applicantOf(LEFT_OUT[0]!).name;

    const page = await signedInPage(t, base, 'cora@example.org', PASSWORD);

    // From the workshop that turned them away: everyone left out is ticked already.
    await page.goto(`/events/${FRESNO_ID}`);
    await arrives(page, () => page.getByRole('link', { name: 'Send applicants to the waitlist' }).click());
    t.equal(await page.getByRole('checkbox', { name: new RegExp(name) }).isChecked(), true, 'left out, so ticked');
    await page.screenshot({ path: `${ARTIFACTS}waitlist-send.png`, fullPage: true });
    await arrives(page, () => page.getByRole('button', { name: 'Put the ticked people on the waitlist' }).click());
    t.match(await page.getByRole('status').textContent(), /put on the waitlist/);

    await page.goto('/season');
    await arrives(page, () => page.getByRole('link', { name: /^Waitlist/ }).click());
    t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Waitlist');
    const row = page.getByRole('row', { name: new RegExp(name) });
    t.match(await row.textContent(), /Fresno Saturday, June/, 'offered the later workshop');
    await page.screenshot({ path: `${ARTIFACTS}waitlist.png`, fullPage: true });

    // The come-back slip, in black and white on half a page.
    await arrives(page, () => row.getByRole('link', { name: 'Come-back slip' }).click());
    t.match(await page.getByRole('heading', { level: 1 }).textContent(), 'Vuelva a un taller más adelante', 'in the person\'s own language');
    await page.screenshot({ path: `${ARTIFACTS}waitlist-slip.png`, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    t.equal(await page.evaluate(() => {
      const slip = document.querySelector('article.slip')!;
      return slip.scrollHeight <= slip.clientHeight + 1;
    }), true, 'the slip\'s text fits its half page');
    for (const format of ['Letter', 'A4'] as const) {
      const pages = readPdf(await page.pdf({ format }));
      t.equal(pages.length, 1, `one ${format} page`);
      t.match(pages[0]!.text.replace(/\s+/g, ''), 'St.AnthonyParishHall', `${format}: the site is printed`);
    }
    await page.emulateMedia({ media: 'screen' });
    await page.goBack();

    // With the keyboard: the row's link, then the confirmation's button.
    await row.getByRole('link', { name: 'Move to Fresno Saturday, June' }).focus();
    await arrives(page, () => page.keyboard.press('Enter'));
    t.match(await page.getByRole('heading', { level: 1 }).textContent(), `Move ${name} to Fresno Saturday, June?`);
    await page.getByRole('button', { name: 'Move them' }).focus();
    const moved = await arrives(page, () => page.keyboard.press('Enter'));
    t.match(moved.url(), `/events/${LATER_ID}/applicants`);
    t.match(await page.getByRole('table').textContent(), name, 'on the later workshop\'s applicants table');
    await page.screenshot({ path: `${ARTIFACTS}waitlist-moved.png`, fullPage: true });

    await page.goto('/season/waitlist');
    t.notMatch(await page.locator('main').textContent(), name, 'off the waitlist');
  });
}
