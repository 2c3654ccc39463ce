// The season calendar in Chromium: a coordinator goes from the home page to the season, finds a
// person booked at two workshops of one day flagged, opens the report and downloads its counts,
// and reads the calendar on a 390 px phone too; the public list of workshops on a phone. Screenshots under test-artifacts/browser/.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { saveBundle } from '../../src/db/events.js';
import { organizationNamed } from '../../src/db/users.js';
import type { Bundle } from '../../src/domain/index.js';
import { addAccount } from '../../src/services/users.js';
import { FRESNO, MADERA, MERCED, sampleBundle, tempDatabase } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';
import { ARGS, ARTIFACTS, CHROMIUM } from '../support/browser.js';

interface PageElement { scrollWidth: number; clientWidth: number }
declare const document: { documentElement: PageElement; querySelector(selector: string): unknown };
declare function getComputedStyle(element: unknown): { fill: string; listStyleType: string };

const PASSWORD = 'correct horse battery staple';

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

if (!existsSync(CHROMIUM)) {
  t.plan(0, `skip: no Chromium at ${CHROMIUM}; CI installs Debian's chromium package (a browser is never downloaded)`);
} else {
  t.test('a coordinator finds the season calendar from the home page, with a person booked twice flagged, on a desktop and a phone', async (t) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const store = tempDatabase(t);
    const { app } = await build(t, store, { rateLimits: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const [merced, fresno, madera] = [sampleBundle(MERCED), sampleBundle(FRESNO), sampleBundle(MADERA)] as [Bundle, Bundle, Bundle];
    // The Fresno workshop on Merced's day, one of Merced's volunteers on its roster too.
    const moved: Bundle = {
      ...fresno,
      event: { ...fresno.event, id: 'fresno-2027-06-05', date: '2027-06-05' },
      volunteers: fresno.volunteers.map((v, i) => (i === 0 ? { ...v, email: merced.volunteers[0]!.email } : v)),
    };
    for (const b of [merced, moved, madera]) saveBundle(store.db, b, 'test', organizationNamed(store.db, 'Casa Legal'));
    const headers = authHeader(store, { role: 'coordinator', organization: 'Casa Legal' });
    t.equal((await app.inject({ method: 'POST', url: '/api/events/madera-2027-03-27/plan', headers, payload: { quick: true, iterations: 50 } })).statusCode, 201);
    t.equal((await app.inject({ method: 'POST', url: '/api/events/madera-2027-03-27/plans/1/publish', headers })).statusCode, 200);
    await addAccount(store.db, { email: 'cora@example.org', name: 'Cora Coordinator', role: 'coordinator', organization: 'Casa Legal', password: PASSWORD }, 'test');

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    t.teardown(() => browser.close());
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill('cora@example.org');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await Promise.all([page.waitForURL('**/'), page.getByRole('button', { name: 'Sign in' }).click()]);
    await Promise.all([page.waitForURL('**/season'), page.getByRole('link', { name: /Season calendar/ }).click()]);
    t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Season calendar');
    const conflicts = page.getByRole('region', { name: 'People booked at two workshops at once' });
    t.match(await conflicts.textContent(), /V001 at Central Valley Citizenship Day — Merced.*V001 at .*the hours overlap/s, 'the person booked twice, by code');
    t.match(await page.getByRole('region', { name: 'June 2027' }).textContent(), /1 person booked elsewhere too/);
    t.match(await page.getByRole('region', { name: 'March 2027' }).textContent(), /version 1 published/);
    await page.screenshot({ path: `${ARTIFACTS}season-calendar.png`, fullPage: true });

    // The report for funders, and its counts downloaded as CSV.
    await Promise.all([page.waitForURL('**/season/report'), page.getByRole('link', { name: /Season report/ }).click()]);
    t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Season report');
    t.match(await page.getByRole('img').first().getAttribute('aria-label'), /^March 2027: \d+ served, \d+ not served, 0 not planned; June 2027: 0 served, 0 not served, 290 not planned$/);
    // Served, not served and not planned in three shades with their key, on a desktop as on a phone.
    const fills = await page.evaluate(() => ['scheduled', 'unscheduled', 'unplanned']
      .map((outcome) => getComputedStyle(document.querySelector(`figure.chart rect.${outcome}`)).fill));
    t.same(fills, ['rgb(34, 34, 34)', 'rgb(153, 153, 153)', 'rgb(255, 255, 255)'], 'three shades that print in black and white');
    t.equal(await page.evaluate(() => getComputedStyle(document.querySelector('ul.legend')).listStyleType), 'none', 'the key is a key, not a list');
    await page.screenshot({ path: `${ARTIFACTS}season-report.png`, fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the counts (CSV)' }).click()]);
    t.equal(download.suggestedFilename(), 'season-report.csv');
    await page.goto('/season');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    t.equal(await sideways(page), 0, 'nothing scrolls sideways on a 390 px phone');
    await page.screenshot({ path: `${ARTIFACTS}season-calendar-phone.png`, fullPage: true });

    // The public list, signed out, on the phone: the published workshop only.
    const visitor = await browser.newContext({ baseURL: base, viewport: { width: 390, height: 844 }, locale: 'es-US' });
    const pub = await visitor.newPage();
    await pub.goto('/workshops');
    t.equal(await pub.getByRole('heading', { level: 1 }).textContent(), 'Talleres legales de inmigración gratuitos');
    t.ok(await pub.getByText(madera.event.site.name).count(), 'the announced workshop');
    t.equal(await pub.getByText(merced.event.site.name).count(), 0, 'not one without a published plan');
    t.equal(await sideways(pub), 0, 'nothing scrolls sideways');
    await pub.screenshot({ path: `${ARTIFACTS}workshops-public-phone.png`, fullPage: true });
  });
}
