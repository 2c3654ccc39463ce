// Printing from the browser, signed in: the print page, the station sheets (full or compact)
// and the slips (all, one language's, one applicant's) it opens with the session and no token,
// each print on the audit log; and, in Chromium (Debian's, never downloaded), a draft marked on
// every printed page and the compact sheets of a 250-applicant day on fewer pages than the full
// ones, on Letter and on A4, none wider than its paper.
import { existsSync } from 'node:fs';
import t from 'tap';
import type { Test } from 'tap';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { readAudit } from '../../src/db/audit.js';
import { saveBundle } from '../../src/db/events.js';
import { eventKey, savePlan } from '../../src/db/plans.js';
import { organizationNamed } from '../../src/db/users.js';
import { slipLanguage } from '../../src/outputs/slips.js';
import { publishVersion } from '../../src/services/plans.js';
import { purgeStoredEvent } from '../../src/services/retention.js';
import { addAccount } from '../../src/services/users.js';
import { mercedDay } from '../outputs/fixtures/print.js';
import { FRESNO_ID, tempDatabase } from '../support/fixtures.js';
import { authHeader, build, Visitor } from '../support/http.js';
import { readPdf } from '../support/pdf.js';
import { CORA, PASSWORD, VERA, versionsDay } from '../support/versions.js';
import { CHROMIUM } from '../support/browser.js';

/* The few names of the page the checks use inside page.evaluate (the project compiles without the DOM library). */
interface PageElement { tagName: string; className: string; getBoundingClientRect(): { left: number; right: number; width: number } }
declare const document: {
  documentElement: { clientWidth: number; scrollWidth: number };
  querySelectorAll(selector: string): Iterable<PageElement>;
};

const PRINT = `/events/${FRESNO_ID}/print`;
const MM = 96 / 25.4;
/** Each paper, and its printable width in CSS px inside the 12.7 mm side margins of print.css. */
const PAPERS = [
  { format: 'Letter', width: Math.floor((215.9 - 2 * 12.7) * MM), points: [612, 792] },
  { format: 'A4', width: Math.floor((210 - 2 * 12.7) * MM), points: [595.92, 842.88] },
] as const;

/** The applicants a slips document has a slip for. */
const slipsIn = (html: string) => [...html.matchAll(/<h2 id="slip-([^"]+)"/g)].map((m) => m[1]!).sort();

t.test('the station sheets open from the print page with the session, no token, and the print is on the audit log', async (t) => {
  const day = await versionsDay(t);
  publishVersion(day.store.db, FRESNO_ID, 3, 'cli');
  const cora = await day.signIn(CORA);
  const res = await cora.get(`${PRINT}/sheets?version=3&layout=full`);
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /text\/html/);
  const first = day.bundle.applicants.find((a) => a.id === day.base.scheduled[0]!.applicant)!;
  t.match(res.body, first.name, 'the sheets carry the names');
  t.match(res.body, '<body class="print sheets">', 'the published version is not marked draft');
  t.notMatch(res.body, 'class="draft-mark"');
  const rows = readAudit(day.store.db, { action: 'sheets.export' });
  t.same(rows.map((r) => [r.actor, r.event, r.detail]), [[`user:${day.ids.cora}`, FRESNO_ID, 'version 3']]);
});

t.test('the compact sheets are one table per station, and their print is on the audit log as compact', async (t) => {
  const day = await versionsDay(t);
  const cora = await day.signIn(CORA);
  const res = await cora.get(`${PRINT}/sheets?version=3&layout=compact`);
  t.equal(res.statusCode, 200);
  t.match(res.body, '<body class="print sheets compact draft">', 'compact, and a draft: nothing is published');
  t.equal([...res.body.matchAll(/<table class="station-list">/g)].length, 3, 'screening, preparation, review');
  t.notMatch(res.body, 'master roster');
  t.equal(readAudit(day.store.db, { action: 'sheets.export' })[0]?.detail, 'version 3, compact');
});

t.test('a draft printed from the page says DRAFT atop every sheet and in every table header', async (t) => {
  const day = await versionsDay(t);
  publishVersion(day.store.db, FRESNO_ID, 1, 'cli');
  const cora = await day.signIn(CORA);
  for (const layout of ['full', 'compact']) {
    const html = (await cora.get(`${PRINT}/sheets?version=2&layout=${layout}`)).body;
    const sections = [...html.matchAll(/<section class="(?:cover|sheet[^"]*)"[\s\S]*?<\/section>/g)].map((m) => m[0]);
    t.ok(sections.length > 3, `${layout}: ${sections.length} sheets`);
    t.ok(sections.every((s) => s.includes('<p class="draft-mark" role="note">DRAFT')), `${layout}: every sheet starts with the mark`);
    const heads = [...html.matchAll(/<thead>[\s\S]*?<\/thead>/g)].map((m) => m[0]).filter((h) => h.includes('class="running"'));
    t.ok(heads.length > 0 && heads.every((h) => h.includes('draft-running')), `${layout}: every repeated table header carries it`);
  }
});

t.test('slips for one language include only the applicants whose slip is in that language', async (t) => {
  const day = await versionsDay(t);
  const cora = await day.signIn(CORA);
  const languageOf = new Map(day.bundle.applicants.map((a) => [a.id, slipLanguage(a.languages)]));
  const byLanguage = (lang: string) => day.base.scheduled.map((s) => s.applicant).filter((id) => languageOf.get(id) === lang).sort();
  for (const lang of ['es', 'en']) {
    const want = byLanguage(lang);
    t.ok(want.length > 0, `${want.length} slips in ${lang}`);
    const res = await cora.get(`${PRINT}/slips?version=3&language=${lang}&applicant=&per_page=2`);
    t.equal(res.statusCode, 200);
    t.same(slipsIn(res.body), want, `only the ${lang} slips`);
    t.match(res.body, `<html lang="${lang}" dir="ltr">`);
  }
  t.match(readAudit(day.store.db, { action: 'slips.export' }).map((r) => r.detail), ['version 3, language en', 'version 3, language es']);
});

t.test("one applicant's slip from the print form, one to a page", async (t) => {
  const day = await versionsDay(t);
  const cora = await day.signIn(CORA);
  const code = day.base.scheduled[4]!.applicant;
  const res = await cora.get(`${PRINT}/slips?version=3&language=&applicant=${code}&per_page=4`);
  t.equal(res.statusCode, 200);
  t.same(slipsIn(res.body), [code]);
  t.match(res.body, 'class="print slips per-1"');
});

t.test('a code with no slip in the version gets a page saying so (404)', async (t) => {
  const day = await versionsDay(t);
  const cora = await day.signIn(CORA);
  const res = await cora.get(`${PRINT}/slips?version=2&applicant=${day.dropped}`);
  t.equal(res.statusCode, 404);
  t.match(res.body, `Applicant ${day.dropped} has no slip in version 2: not on the applicant list, or not scheduled.`);
  t.equal(readAudit(day.store.db, { action: 'slips.export' }).length, 0, 'nothing printed, nothing logged');
});

t.test('the print page offers every version, the published one chosen and the drafts marked', async (t) => {
  const day = await versionsDay(t);
  publishVersion(day.store.db, FRESNO_ID, 2, 'cli');
  const vera = await day.signIn(VERA);
  const res = await vera.get(PRINT);
  t.equal(res.statusCode, 200, 'a viewer may print');
  const options = [...res.body.matchAll(/<select id="sheets-version" name="version">([\s\S]*?)<\/select>/g)][0]![1]!;
  t.same([...options.matchAll(/<option value="(\d+)"( selected)?>([^<]+)<\/option>/g)].map((m) => [m[1], m[2] === ' selected', m[3]]), [
    ['3', false, 'Version 3, draft (every page marked DRAFT)'],
    ['2', true, 'Version 2, published'],
    ['1', false, 'Version 1, draft (every page marked DRAFT)'],
  ]);
  t.match(res.body, /<input type="radio" name="layout" value="compact" checked>/, 'compact sheets by default');
  for (const code of ['en', 'es', 'zh', 'vi', 'tl', 'pa', 'ht', 'ar']) t.match(res.body, `<option value="${code}">`, `slips in ${code}`);
});

t.test('the print page and its refusals in Spanish for Accept-Language: es', async (t) => {
  const day = await versionsDay(t);
  const cora = await day.signIn(CORA, { 'accept-language': 'es-MX,es;q=0.9' });
  const page = (await cora.get(PRINT)).body;
  t.match(page, '<h1>Imprimir hojas y citas</h1>');
  t.match(page, 'Versión 3, borrador (cada página va marcada como borrador)');
  t.match(page, ' Compacto: una tabla por estación, varios voluntarios por página</label>');
  t.match(page, '<option value="zh">chino (中文)</option>');
  const refused = await cora.get(`${PRINT}/slips?version=2&applicant=${day.dropped}`);
  t.equal(refused.statusCode, 404);
  t.match(refused.body, `El solicitante ${day.dropped} no tiene hoja de cita en la versión 2`);
});

t.test('an event with no plan has nothing to print, said on the page and by the papers (404)', async (t) => {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  const { bundle } = mercedDay();
  saveBundle(store.db, bundle, 'test', organizationNamed(store.db, 'Casa Legal'));
  await addAccount(store.db, { ...CORA, password: PASSWORD }, 'test');
  const cora = new Visitor(app);
  await cora.get('/sign-in');
  await cora.post('/sign-in', { email: CORA.email, password: PASSWORD, next: '/' });
  const print = `/events/${bundle.event.id}/print`;
  t.match((await cora.get(print)).body, 'There is nothing to print yet: the event has no plan.');
  const sheets = await cora.get(`${print}/sheets`);
  t.equal(sheets.statusCode, 404);
  t.match(sheets.body, 'There is nothing to print yet');
});

t.test("a purged event's papers say there is nothing left to print, and when (410)", async (t) => {
  const day = await versionsDay(t);
  purgeStoredEvent(day.store.db, FRESNO_ID, 'cli', new Date('2027-07-01T12:00:00Z'));
  const cora = await day.signIn(CORA);
  for (const paper of ['sheets', 'slips']) {
    const res = await cora.get(`${PRINT}/${paper}`);
    t.equal(res.statusCode, 410, paper);
    t.match(res.body, 'The applicants’ personal data was removed on Thursday, July 1, 2027: there is nothing left to print.');
  }
});

t.test("the API's sheets and slips take the new options; without them they answer as before", async (t) => {
  const day = await versionsDay(t);
  const headers = authHeader(day.store);
  const full = await day.app.inject({ url: `/api/events/${FRESNO_ID}/sheets.html`, headers });
  t.equal(full.statusCode, 200);
  t.match(full.body, '<body class="print sheets draft">');
  t.match(full.body, 'master roster');
  const compact = await day.app.inject({ url: `/api/events/${FRESNO_ID}/sheets.html?layout=compact`, headers });
  t.match(compact.body, '<body class="print sheets compact draft">');
  const spanish = await day.app.inject({ url: `/api/events/${FRESNO_ID}/slips.html?language=es&per_page=4`, headers });
  t.equal(spanish.statusCode, 200);
  t.ok(slipsIn(spanish.body).length > 0 && slipsIn(spanish.body).length < day.base.scheduled.length, 'some slips, not all');
  t.equal((await day.app.inject({ url: `/api/events/${FRESNO_ID}/slips.html?language=xx`, headers })).statusCode, 400, 'a language slips are not printed in');
  const all = await day.app.inject({ url: `/api/events/${FRESNO_ID}/slips.html`, headers });
  t.same(slipsIn(all.body), day.base.scheduled.map((s) => s.applicant).sort(), 'every slip by default');
});

/** A document printed to PDF by Chromium on a paper, with its layout measured at the paper's printable width. */
async function printed(browser: Browser, html: string, paper: (typeof PAPERS)[number]) {
  const page = await browser.newPage({ viewport: { width: paper.width, height: 1000 } });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const wide = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const outside = [...document.querySelectorAll('body *')].filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
      }).map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, outside: outside.slice(0, 5) };
    });
    const pages = readPdf(await page.pdf({ format: paper.format }));
    return { wide, pages };
  } finally {
    await page.close();
  }
}

/** Whether every page of a PDF has the paper's own size (Chromium did not change it to fit). */
const paperSized = (pages: { width: number; height: number }[], points: readonly [number, number]) =>
  pages.every((p) => Math.abs(p.width - points[0]) < 1 && Math.abs(p.height - points[1]) < 1);

if (!existsSync(CHROMIUM)) {
  t.test('printed pages in Chromium', { skip: `no Chromium at ${CHROMIUM}; CI installs Debian's chromium package (a browser is never downloaded)` }, async () => {});
} else {
  const launch = async (t: Test) => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    t.teardown(() => browser.close());
    return browser;
  };

  t.test("a draft's sheets and slips say DRAFT on every printed page, on Letter and A4", async (t) => {
    const day = await versionsDay(t);
    publishVersion(day.store.db, FRESNO_ID, 1, 'cli');
    const cora = await day.signIn(CORA);
    const browser = await launch(t);
    const papers = {
      'full sheets': (await cora.get(`${PRINT}/sheets?version=2&layout=full`)).body,
      'compact sheets': (await cora.get(`${PRINT}/sheets?version=2&layout=compact`)).body,
      'English slips': (await cora.get(`${PRINT}/slips?version=2&language=en&per_page=2`)).body,
    };
    for (const [name, html] of Object.entries(papers)) {
      for (const paper of PAPERS) {
        const { pages } = await printed(browser, html, paper);
        const unmarked = pages.flatMap((p, i) => (p.text.replace(/\s+/g, '').includes('DRAFT') ? [] : [i + 1]));
        t.same(unmarked, [], `${name} on ${paper.format}: all ${pages.length} pages marked`);
      }
    }
  });

  t.test('the compact sheets of a 250-applicant day take far fewer pages than the full ones, and no page is wider than its paper', async (t) => {
    const store = tempDatabase(t);
    const { app } = await build(t, store, { rateLimits: false });
    const { bundle, plan } = mercedDay();
    saveBundle(store.db, bundle, 'test', organizationNamed(store.db, 'Casa Legal'));
    savePlan(store.db, eventKey(store.db, bundle.event.id)!, plan, { quick: true }, 'test');
    publishVersion(store.db, bundle.event.id, 1, 'test');
    await addAccount(store.db, { ...CORA, password: PASSWORD }, 'test');
    const cora = new Visitor(app);
    await cora.get('/sign-in');
    await cora.post('/sign-in', { email: CORA.email, password: PASSWORD, next: '/' });
    const sheets = (layout: string) => cora.get(`/events/${bundle.event.id}/print/sheets?layout=${layout}`).then((r) => r.body);
    const [full, compact] = [await sheets('full'), await sheets('compact')];
    const browser = await launch(t);
    for (const paper of PAPERS) {
      const before = await printed(browser, full, paper);
      const after = await printed(browser, compact, paper);
      const per = (n: number) => (n / bundle.applicants.length).toFixed(2);
      t.comment(`${paper.format}: full ${before.pages.length} pages (${per(before.pages.length)} per applicant), compact ${after.pages.length} `
        + `(${per(after.pages.length)}), for ${bundle.applicants.length} applicants, ${plan.scheduled.length} scheduled`);
      t.ok(after.pages.length * 3 <= before.pages.length, `${paper.format}: compact ${after.pages.length} pages, at most a third of the full ${before.pages.length}`);
      for (const [name, done] of [['full', before], ['compact', after]] as const) {
        t.ok(done.wide.scrollWidth <= done.wide.clientWidth, `${name} on ${paper.format}: no wider than the paper's column (${done.wide.scrollWidth} ≤ ${done.wide.clientWidth} px)`);
        t.same(done.wide.outside, [], `${name} on ${paper.format}: no element leaves the column`);
        t.ok(paperSized(done.pages, paper.points), `${name} on ${paper.format}: every page is the paper's size`);
      }
      const text = after.pages.map((p) => p.text.replace(/\s+/g, '')).join('');
      for (const stay of plan.scheduled.slice(0, 20)) t.ok(text.includes(stay.applicant), `${stay.applicant} is on the compact sheets (${paper.format})`);
    }
  });
}
