// The plan workspace in a real browser: Debian's Chromium, driven by playwright-core, against the
// real app on 127.0.0.1 over a fresh SQLite file. A coordinator plans the generated 250-applicant
// day (the bench's 250×45 case) from the page's form; the page shows the plan running and then,
// without being reloaded, its timeline; the timeline holds every visit of the stored version; on a
// 390 px phone it scrolls in its own box while the page does not; printed on Letter and A4, the
// timeline and its codes-only wall variant fit the page's width, each half of the day on its own
// pages.
//
// Screenshots for a person to look at, under test-artifacts/browser/ (kept out of git):
// workspace-running.png, workspace-done.png and workspace-timeline.png (1280 px), workspace-phone.png
// and workspace-phone-timeline.png (390 px, the timeline's box scrolled a little), workspace-stations-phone.png,
// workspace-unscheduled-phone.png, workspace-applicant-phone.png, workspace-unscheduled.png (1280 px),
// workspace-wall.png (the wall variant as printed, at Letter's width), and the PDFs
// workspace-Letter.pdf, workspace-A4.pdf, workspace-wall-Letter.pdf, workspace-wall-A4.pdf.
//
// Skipped, saying why, where /usr/bin/chromium is missing: CI installs it; a browser is never
// downloaded.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { readBundle } from '../../src/bundle/index.js';
import { generateBundleFiles } from '../../src/bench/generate.js';
import { saveBundle } from '../../src/db/events.js';
import { eventKey, loadPlan } from '../../src/db/plans.js';
import { organizationNamed } from '../../src/db/users.js';
import { addAccount } from '../../src/services/users.js';
import { tempDatabase } from '../support/fixtures.js';
import { build } from '../support/http.js';
import { ARGS, ARTIFACTS, CHROMIUM } from '../support/browser.js';

/* The few names of the page these checks use inside page.evaluate (the project compiles without the DOM library). */
interface PageElement {
  tagName: string;
  className: string;
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  getBoundingClientRect(): { left: number; right: number; width: number };
  getAttribute(name: string): string | null;
}
declare const document: {
  documentElement: PageElement;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare const window: Record<string, unknown>;

const PASSWORD = 'correct horse battery staple';

const MM = 96 / 25.4;
/** Each paper's printable width in CSS px, inside the 10 mm margins of workspace.css. */
const PAPERS = [
  { format: 'Letter', width: Math.floor((215.9 - 2 * 10) * MM) },
  { format: 'A4', width: Math.floor((210 - 2 * 10) * MM) },
] as const;

/** Pages of a PDF, counted from its page objects (`/Type /Page`, not `/Pages`). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

/** The document's width against the window, and any element whose box leaves it. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside = [...document.querySelectorAll('main *')].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
    });
    return {
      scrollWidth: document.documentElement.scrollWidth, clientWidth: width,
      outside: outside.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 30)}"`),
    };
  });
}

if (!existsSync(CHROMIUM)) {
  t.plan(0, `skip: no Chromium at ${CHROMIUM}; CI installs Debian's chromium package (a browser is never downloaded)`);
} else {
  t.test('a coordinator plans the 250-applicant day from the page, reads its timeline, and prints it', async (t) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const store = tempDatabase(t);
    const { app } = await build(t, store, { rateLimits: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const bundle = readBundle(generateBundleFiles({ applicants: 250, volunteers: 45, seed: 1 })).bundle!;
    saveBundle(store.db, bundle, 'test', organizationNamed(store.db, 'Casa Legal'));
    await addAccount(store.db, { email: 'cora@example.org', name: 'Cora Coordinator', role: 'coordinator', organization: 'Casa Legal', password: PASSWORD }, 'test');
    const plan = `/events/${bundle.event.id}/plan`;

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    t.teardown(() => browser.close());
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill('cora@example.org');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await Promise.all([page.waitForURL('**/'), page.getByRole('button', { name: 'Sign in' }).click()]);

    await page.goto(plan);
    t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Plan workspace');
    await page.getByLabel('Fresh plan: start from scratch', { exact: false }).check();
    await page.getByLabel('Finishing on time', { exact: false }).selectOption('0.8');
    await Promise.all([page.waitForURL(`**${plan}`), page.getByRole('button', { name: 'Plan', exact: true }).click()]);

    // A 250-applicant plan takes longer than the form waits: the page says it runs, since when and how.
    await page.getByText('Planning…').waitFor({ timeout: 30_000 });
    t.match(await page.locator('.ws-running').textContent(), /Options: fresh plan; .*finish by closing on 80% of days\./);
    await page.screenshot({ path: `${ARTIFACTS}workspace-running.png`, fullPage: true });
    // Marks this document: a reload would make a new one without the mark.
    await page.evaluate(() => { window.stayed = true; });
    const started = Date.now();
    await page.locator('table.timeline').first().waitFor({ timeout: 240_000 });
    t.comment(`the timeline came ${Math.round((Date.now() - started) / 1000)} s after the page said it was planning`);
    t.equal(await page.evaluate(() => window.stayed), true, 'the result came into the same page, not by reloading it');
    t.match(await page.locator('#plan-run').textContent(), /Version 1 is stored: \d+ of 250 applicants scheduled/);
    t.equal(new URL(page.url()).pathname, plan);

    // The timeline holds every visit of the stored version, each linking to its applicant's day.
    const stored = loadPlan(store.db, eventKey(store.db, bundle.event.id)!, 1)!.plan;
    const visits = stored.scheduled.reduce((n, s) => n + s.visits.length, 0);
    const shown = await page.evaluate(() => {
      const cells = [...document.querySelectorAll('table.timeline td.visit')];
      // A visit across the middle of the day shows in both halves: counted once, where it starts.
      return cells.filter((c) => !c.className.split(' ').includes('cont')).length;
    });
    t.equal(shown, visits, `${visits} visits in the timeline`);
    t.match(await page.locator('.ws-bottleneck').textContent(), /Bottleneck: .+ is the busiest, \d+% of its time booked\. Busiest volunteer: .+ \(V\d+\), \d+%\./);
    t.equal(await page.locator('table.timeline').count(), 2, 'the day in two halves');
    t.match(await page.locator('table.timeline thead').first().textContent(), /8:30 AM|9:00 AM/);
    await page.screenshot({ path: `${ARTIFACTS}workspace-done.png`, fullPage: true });
    await page.locator('.ws-part').first().screenshot({ path: `${ARTIFACTS}workspace-timeline.png` });

    // An applicant's day, from their box in the timeline.
    const first = page.locator('table.timeline td.visit a').first();
    const code = (await first.textContent())!.trim().split(' ').pop()!;
    await Promise.all([page.waitForURL(`**/applicants/${code}**`), first.click()]);
    t.match(await page.locator('h2#it-heading').textContent(), code);
    t.ok(await page.locator('ol.steps-list li').count() >= 3, 'their steps, in order');

    // On a phone: the page does not scroll sideways; the timeline scrolls in its own box.
    const phone = await browser.newContext({ baseURL: base, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    t.teardown(() => phone.close());
    await phone.addCookies(await context.cookies());
    const small = await phone.newPage();
    await small.goto(plan);
    const fit = await small.evaluate(() => ({
      page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
      box: [document.querySelector('.timeline-scroll')!.scrollWidth, document.querySelector('.timeline-scroll')!.clientWidth],
    }));
    t.ok(fit.page[0]! <= fit.page[1]!, `the page fits the phone (${fit.page[0]} ≤ ${fit.page[1]} px)`);
    t.ok(fit.box[0]! > fit.box[1]!, `the timeline scrolls in its box (${fit.box[0]} px in ${fit.box[1]})`);
    await small.screenshot({ path: `${ARTIFACTS}workspace-phone.png`, fullPage: false });
    await small.locator('.ws-part').first().scrollIntoViewIfNeeded();
    await small.locator('.timeline-scroll').first().evaluate((box) => { (box as unknown as { scrollLeft: number }).scrollLeft = 300; });
    await small.screenshot({ path: `${ARTIFACTS}workspace-phone-timeline.png`, fullPage: false });

    // The other views fit the phone too (their tables scroll in their own boxes).
    for (const [name, path] of [['stations', `${plan}/stations?station=review`], ['unscheduled', `${plan}/unscheduled`], ['applicant', `${plan}/applicants/${code}`]] as const) {
      await small.goto(path, { timeout: 120_000 });
      const width = await small.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      t.ok(width[0]! <= width[1]!, `${name} fits the phone (${width[0]} ≤ ${width[1]} px)`);
      await small.screenshot({ path: `${ARTIFACTS}workspace-${name}-phone.png`, fullPage: false });
    }
    await page.goto(`${plan}/unscheduled`, { timeout: 120_000 });
    t.match(await page.locator('main').textContent(), /What would help:/);
    await page.screenshot({ path: `${ARTIFACTS}workspace-unscheduled.png`, fullPage: false });

    // Printed: the page's width on Letter and A4, nothing cut; the wall variant likewise, and nobody named in it.
    for (const [name, path] of [['workspace', plan], ['workspace-wall', `${plan}/wall`]] as const) {
      for (const { format, width } of PAPERS) {
        const printed = await context.newPage();
        await printed.setViewportSize({ width, height: 1000 });
        await printed.goto(path);
        await printed.emulateMedia({ media: 'print' });
        const wide = await overflow(printed);
        t.ok(wide.scrollWidth <= wide.clientWidth, `${name} on ${format}: no wider than the page (${wide.scrollWidth} ≤ ${wide.clientWidth} px)`);
        t.same(wide.outside, [], `${name} on ${format}: nothing leaves the page`);
        const pdf = await printed.pdf({ format });
        writeFileSync(`${ARTIFACTS}${name}-${format}.pdf`, pdf);
        const pages = pdfPages(pdf);
        t.comment(`${name} on ${format}: ${pages} pages`);
        t.ok(pages >= 2 && pages <= 8, `${name} on ${format}: each half on its own pages (${pages} pages)`);
        if (name === 'workspace-wall') {
          const body = await printed.content();
          t.notOk(bundle.volunteers.concat().some((v) => body.includes(v.name)) || bundle.applicants.some((a) => body.includes(a.name)), 'no names on the wall');
          if (format === 'Letter') await printed.screenshot({ path: `${ARTIFACTS}workspace-wall.png`, fullPage: true });
        }
        await printed.close();
      }
    }
  });
}
