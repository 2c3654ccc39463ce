// The printed outputs in a real browser: Debian's Chromium, driven by playwright-core,
// prints the station sheets of a 250-applicant day and the applicant slips to PDF on Letter and
// on A4. Checks: plausible page counts (each sheet starts a page; slips fill exactly
// ceil(n / perPage) pages), nothing wider than the printed column, every slip inside its cut
// lines, Arabic laid out right to left. Skipped, saying why, where /usr/bin/chromium is missing:
// CI installs it; a browser is never downloaded.
import { existsSync } from 'node:fs';
import t from 'tap';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { sheetsView, stationSheets } from '../../src/outputs/sheets.js';
import { applicantSlips } from '../../src/outputs/slips.js';
import { everySlipDay, fresnoDay, languageDay, mercedDay, PRINTED } from './fixtures/print.js';

/*
 * The few names of the page these checks use inside page.evaluate: declared here, for this
 * file alone, because the project compiles without the DOM library.
 */
interface PageElement {
  tagName: string;
  className: string;
  textContent: string | null;
  lang: string;
  scrollHeight: number;
  clientHeight: number;
  getBoundingClientRect(): { left: number; right: number; width: number };
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  id: string;
}
declare const document: {
  documentElement: PageElement & { clientWidth: number; scrollWidth: number };
  body: PageElement;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare function getComputedStyle(element: PageElement): {
  breakBefore: string; breakInside: string; display: string; fontSize: string; fontWeight: string; direction: string;
};

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const MM = 96 / 25.4;
/** Each paper's printable width in CSS px, inside the 12.7 mm side margins of print.css. */
const PAPERS = [
  { format: 'Letter', width: Math.floor((215.9 - 2 * 12.7) * MM) },
  { format: 'A4', width: Math.floor((210 - 2 * 12.7) * MM) },
] as const;

/** Pages of a PDF, counted from its page objects (`/Type /Page`, not `/Pages`): no pdfinfo needed. */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

async function printed(browser: Browser, html: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 1100 } });
  await page.setContent(html, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  return page;
}

/** The document's width against the viewport, and any element whose box leaves the printed column. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside = [...document.querySelectorAll('body *')].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
    });
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: width,
      outside: outside.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 40)}"`),
      count: outside.length,
    };
  });
}

if (!existsSync(CHROMIUM)) {
  t.plan(0, `skip: no Chromium at ${CHROMIUM}; CI installs Debian's chromium package (a browser is never downloaded)`);
} else {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  t.teardown(() => browser.close());

  t.test('station sheets for a 250-applicant day', async (t) => {
    const { bundle, plan } = mercedDay();
    const view = sheetsView(bundle, plan, { now: PRINTED });
    const html = stationSheets(bundle, plan, { now: PRINTED });
    const rows = view.sections.reduce((n, s) => n + s.rows.length + s.unscheduled.length, 0);

    for (const { format, width } of PAPERS) {
      t.test(`print on ${format}`, async (t) => {
        const page = await printed(browser, html, width);
        t.teardown(() => page.close());

        const wide = await overflow(page);
        t.ok(wide.scrollWidth <= wide.clientWidth, `the document is no wider than the ${format} column (${wide.scrollWidth} ≤ ${wide.clientWidth} px)`);
        t.same(wide.outside, [], `no element leaves the column (${wide.count} do)`);

        const pages = pdfPages(await page.pdf({ format }));
        t.comment(`${format}: ${pages} pages for the cover and ${view.sections.length} sheets (${rows} rows)`);
        t.ok(pages >= view.sections.length + 1, `at least a page for the cover and each sheet (${pages} ≥ ${view.sections.length + 1})`);
        t.ok(pages <= view.sections.length + 1 + Math.ceil(rows / 4), `no more than a page per four rows beyond that (${pages})`);

        const layout = await page.evaluate(() => ({
          sheetBreak: [...document.querySelectorAll('section.sheet')].every((s) => getComputedStyle(s).breakBefore === 'page'),
          rowsWhole: [...document.querySelectorAll('tbody.visit, .sheets tr')].every((r) => getComputedStyle(r).breakInside === 'avoid'),
          headersRepeat: [...document.querySelectorAll('section.sheet thead')].every((h) => getComputedStyle(h).display === 'table-header-group'),
          bodyPt: parseFloat(getComputedStyle(document.body).fontSize) * 0.75,
          timeWeight: Number(getComputedStyle(document.querySelector('.time')!).fontWeight),
        }));
        t.ok(layout.sheetBreak, 'every sheet starts a new page');
        t.ok(layout.rowsWhole, 'no row is cut by a page break');
        t.ok(layout.headersRepeat, 'table headers repeat on each page');
        t.ok(layout.bodyPt >= 11, `body text is ${layout.bodyPt} pt`);
        t.ok(layout.timeWeight >= 700, 'times are bold');
      });
    }
  });

  t.test('applicant slips: every language and case type, two and four to a page, and one', async (t) => {
    const { bundle, plan } = everySlipDay();
    const n = plan.scheduled.length;

    for (const perPage of [2, 4, 1] as const) {
      const html = await applicantSlips(bundle, plan, { perPage, contactPhone: '(559) 555-0100', checkInUrl: (id) => `https://taller.example.org/c/8f3a9c2e71d04b6a/${id}` });
      for (const { format, width } of PAPERS) {
        t.test(`${perPage} to a page on ${format}`, async (t) => {
          const page = await printed(browser, html, width);
          t.teardown(() => page.close());

          const wide = await overflow(page);
          t.ok(wide.scrollWidth <= wide.clientWidth, `no wider than the ${format} column (${wide.scrollWidth} ≤ ${wide.clientWidth} px)`);
          t.same(wide.outside, [], `no element leaves the column (${wide.count} do)`);

          const spilled = await page.evaluate(() => [...document.querySelectorAll('article.slip')]
            .filter((s) => s.scrollHeight > s.clientHeight + 1)
            .map((s) => `${s.querySelector('h2')?.id} (${s.lang}) by ${s.scrollHeight - s.clientHeight} px`));
          t.same(spilled, [], 'every slip stays inside its cut lines');

          const pages = pdfPages(await page.pdf({ format }));
          t.comment(`${format}, ${perPage} to a page: ${pages} pages for ${n} slips`);
          t.equal(pages, Math.ceil(n / perPage), `ceil(${n} / ${perPage}) pages`);
        });
      }
    }
  });

  t.test('the Fresno sample\'s slips print two to a page', async (t) => {
    const { bundle, plan } = fresnoDay();
    const html = await applicantSlips(bundle, plan);
    for (const { format, width } of PAPERS) {
      const page = await printed(browser, html, width);
      const pages = pdfPages(await page.pdf({ format }));
      await page.close();
      t.comment(`${format}: ${pages} pages for ${plan.scheduled.length} slips`);
      t.equal(pages, Math.ceil(plan.scheduled.length / 2), format);
    }
  });

  t.test('an Arabic slip is laid out right to left; the others left to right', async (t) => {
    const { bundle, plan } = languageDay();
    const page = await printed(browser, await applicantSlips(bundle, plan), PAPERS[0].width);
    t.teardown(() => page.close());
    const directions = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('article.slip')]
      .map((s) => [s.getAttribute('aria-labelledby')!.slice(5), `${s.getAttribute('lang')} ${getComputedStyle(s).direction}`])));
    t.same(directions, { A0005: 'es ltr', A0006: 'es ltr', A0007: 'en ltr', A0008: 'ar rtl', A0009: 'es ltr' });
    const own = await printed(browser, await applicantSlips(bundle, plan, { applicant: 'A0008' }), PAPERS[1].width);
    t.teardown(() => own.close());
    t.equal(await own.evaluate(() => getComputedStyle(document.documentElement).direction), 'rtl', "the applicant's own page too");
    t.equal(pdfPages(await own.pdf({ format: 'A4' })), 1, 'one page');
  });
}
