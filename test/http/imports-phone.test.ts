// The spreadsheet import's pages on a phone, in a real browser (Debian's Chromium, driven by
// playwright-core): 390 px wide, nothing scrolls sideways, and every field has its label.
// Skipped, saying why, where /usr/bin/chromium is missing: CI installs it; a browser is never
// downloaded.
import { existsSync, readFileSync } from 'node:fs';
import t from 'tap';
import type { Test } from 'tap';
import { chromium } from 'playwright-core';
import iconv from 'iconv-lite';
import { saveBundle } from '../../src/db/events.js';
import { organizationNamed } from '../../src/db/users.js';
import { addAccount } from '../../src/services/users.js';
import { FRESNO, FRESNO_ID, sampleBundle, tempDatabase } from '../support/fixtures.js';
import { build, Visitor } from '../support/http.js';
import { CHROMIUM } from '../support/browser.js';

/* The few names of the page the checks use inside page.evaluate (the project compiles without the DOM library). */
interface Field { id: string; labels: { length: number } | null }
declare const document: {
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelectorAll(selector: string): Iterable<Field>;
};

const PHONE = { width: 390, height: 844 };
const PASSWORD = 'correct horse battery staple';
const SHEETS = new URL('../../static/samples/spreadsheets/', import.meta.url);
const CSS = readFileSync(new URL('../../static/css/app.css', import.meta.url));
const IMPORT = `/events/${FRESNO_ID}/import`;

/** Every page of the flow as the server renders it: upload, columns, values, a preview with a problem, a preview to save, saved. */
async function pages(t: Test): Promise<Record<string, string>> {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  saveBundle(store.db, sampleBundle(FRESNO), 'test', organizationNamed(store.db, 'Casa Legal'));
  await addAccount(store.db, { email: 'cora@example.org', name: 'Cora', role: 'coordinator', organization: 'Casa Legal', password: PASSWORD }, 'test');
  const cora = new Visitor(app);
  await cora.get('/sign-in');
  await cora.post('/sign-in', { email: 'cora@example.org', password: PASSWORD, next: '/' });
  const shown: Record<string, string> = {};
  shown.upload = (await cora.get(IMPORT)).body;
  const form = (html: string) => Object.fromEntries([...html.matchAll(/<select id="[^"]+" name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)]
    .map((m) => [m[1]!, /<option value="([^"]*)" selected>/.exec(m[2]!)?.[1] ?? '']));
  const text = iconv.decode(readFileSync(new URL('volunteers-es.csv', SHEETS)), 'windows-1252').replace('Panyabí y inglés', 'Panyabí y Klingon muy largo de escribir');
  await cora.upload(`${IMPORT}/volunteers`, { name: 'voluntarios-con-un-nombre-de-archivo-largo.csv', bytes: iconv.encode(text, 'windows-1252') });
  shown.columns = (await cora.get(`${IMPORT}/volunteers/columns`)).body;
  await cora.post(`${IMPORT}/volunteers/columns`, form(shown.columns));
  shown.values = (await cora.get(`${IMPORT}/volunteers/values`)).body;
  shown.valuesRefused = (await cora.post(`${IMPORT}/volunteers/values`, form(shown.values))).body;
  t.ok(Object.values(form(shown.values)).includes(''), 'a value Taller does not know');
  // A sheet whose supervisor names nobody: a problem at its row and column.
  await cora.upload(`${IMPORT}/volunteers`, { name: 'v.csv', bytes: Buffer.from('Nombre,Rol,Idiomas,Supervisor(a)\nLuz Estudiante Muy Larga de Nombre,Estudiante de derecho,Español,Alguien que no está en la lista\n') });
  await cora.post(`${IMPORT}/volunteers/columns`, form((await cora.get(`${IMPORT}/volunteers/columns`)).body));
  await cora.post(`${IMPORT}/volunteers/values`, form((await cora.get(`${IMPORT}/volunteers/values`)).body));
  shown.previewProblems = (await cora.get(`${IMPORT}/volunteers/preview`)).body;
  await cora.upload(`${IMPORT}/applicants`, { name: 'applicants-es.xlsx', bytes: readFileSync(new URL('applicants-es.xlsx', SHEETS)) });
  await cora.post(`${IMPORT}/applicants/columns`, form((await cora.get(`${IMPORT}/applicants/columns`)).body));
  await cora.post(`${IMPORT}/applicants/values`, form((await cora.get(`${IMPORT}/applicants/values`)).body));
  shown.preview = (await cora.get(`${IMPORT}/applicants/preview`)).body;
  shown.saved = (await cora.post(`${IMPORT}/applicants/save`, {})).body;
  return shown;
}

if (!existsSync(CHROMIUM)) {
  t.plan(0, `skip: no Chromium at ${CHROMIUM}; CI installs Debian's chromium package (a browser is never downloaded)`);
} else {
  t.test('every page of the import fits a 390 px phone without sideways scrolling, and labels every field', async (t) => {
    const shown = await pages(t);
    t.match(shown.previewProblems, 'problem to fix', 'the preview with a problem is among them');
    t.match(shown.saved, 'Saved 40 applicants');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    t.teardown(() => browser.close());
    const page = await browser.newPage({ viewport: PHONE });
    await page.route('http://taller.test/**', (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/static/css/app.css') return route.fulfill({ body: CSS, contentType: 'text/css' });
      const html = shown[path.slice(1)];
      return html ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }) : route.fulfill({ status: 404, body: '' });
    });
    for (const name of Object.keys(shown)) {
      await page.goto(`http://taller.test/${name}`);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
      }));
      t.ok(scrollWidth <= clientWidth, `${name}: ${scrollWidth} px wide in ${clientWidth}`);
      const unlabelled = await page.evaluate(() => [...document.querySelectorAll('select, input:not([type=hidden]), textarea')]
        .filter((f) => !f.labels || f.labels.length === 0).map((f) => f.id));
      t.same(unlabelled, [], `${name}: every field has a label`);
    }
  });
}
