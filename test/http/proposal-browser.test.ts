// The season proposal in Chromium: a coordinator goes from the season calendar to the proposal,
// asks for one by the form with the keyboard, reads the workshop proposed and who would staff it,
// reads it on a 390 px phone with nothing wider than the screen, and creates the first workshop. Screenshots under test-artifacts/browser/.
import { existsSync } from 'node:fs';
import t from 'tap';
import { DateTime } from 'luxon';
import { addAccount } from '../../src/services/users.js';
import { ARTIFACTS, CHROMIUM, arrives, servedApp, signedInPage } from '../support/browser.js';
import { ORG, proposalDates, registeredWaiting, turnedAwaySeason } from '../support/waitlist.js';

interface PageElement { scrollWidth: number; clientWidth: number }
declare const document: { documentElement: PageElement };

const PASSWORD = 'correct horse battery staple';

if (!existsSync(CHROMIUM)) {
  t.plan(0, `skip: no Chromium at ${CHROMIUM}; CI installs Debian's chromium package (a browser is never downloaded)`);
} else {
  t.test('a coordinator asks for a season proposal from the calendar and reads who would staff it, on a desktop and a phone', async (t) => {
    const { store, base } = await servedApp(t);
    const { org } = turnedAwaySeason(t, store);
    const { from, deadline } = proposalDates();
    registeredWaiting(store, org, 25, deadline);
    await addAccount(store.db, { email: 'cora@example.org', name: 'Cora Coordinator', role: 'coordinator', organization: ORG, password: PASSWORD }, 'test');

    const page = await signedInPage(t, base, 'cora@example.org', PASSWORD);
    await arrives(page, () => page.goto('/season'));
    await arrives(page, () => page.getByRole('link', { name: 'Propose workshops for the people still waiting' }).click());
    t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Season proposal');
    await page.getByLabel('First Saturday').fill(from);
    await page.getByLabel('Weeks to plan').fill('3');
    await page.getByLabel('Fewest people a workshop should serve').fill('10');
    // Sent with the keyboard: Enter in the last field.
    const answer = await arrives(page, () => page.getByLabel('Fewest people a workshop should serve').press('Enter'));
    t.equal(answer.status(), 200);
    t.match(await page.locator('.proposal-summary').textContent(), /25 people wait with no workshop ahead that can take them/);
    const table = page.getByRole('region', { name: 'Proposed workshops' });
    const first = table.getByRole('row').nth(1);
    t.match(await first.getByRole('rowheader').textContent(), DateTime.fromISO(from).setLocale('en-US').toFormat('MMMM d, yyyy'));
    t.match(await first.textContent(), /St\. Anthony Parish Hall/);
    t.match(await first.textContent(), /of 25 who could come/);
    // Who would staff it: behind a disclosure, opened with the keyboard.
    await first.locator('summary').focus();
    await page.keyboard.press('Enter');
    t.ok(await first.locator('details').evaluate((d) => (d as unknown as { open: boolean }).open), 'the names open');
    t.match(await first.locator('details li').first().textContent(), /\(.+; .+\)/, 'a name with role and languages');
    await page.screenshot({ path: `${ARTIFACTS}season-proposal.png`, fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    t.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'nothing wider than a phone');
    await page.screenshot({ path: `${ARTIFACTS}season-proposal-phone.png`, fullPage: true });

    // The first proposed workshop made real: its event page opens.
    const created = await arrives(page, () => page.getByRole('button', { name: /^Create the workshop at St\. Anthony Parish Hall on / }).first().click());
    t.equal(created.status(), 200);
    t.match(page.url(), /\/events\/fresno-\d{4}-\d{2}-\d{2}\?created=1$/);
    t.match(await page.getByRole('heading', { level: 1 }).textContent(), /St\. Anthony Parish Hall/);
  });
}
