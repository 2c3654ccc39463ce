// A coordinator's day in a real browser, in Spanish, on a phone, with the keyboard: Debian's
// Chromium, driven by playwright-core, against the real app listening on 127.0.0.1 over a fresh
// SQLite file. One page, in order: signing in, making the day's event, importing the roster
// (the semicolon-separated Windows-1252 sample) and the applicants (the Excel sample), a sheet
// with a bad row refused at its row and column and then saved corrected, and finding people in
// the roster and applicants tables by search and by language. At every page nothing scrolls
// sideways at 390 px.
//
// Each step's pages are saved as full-page PNGs, for a person to look at, under
// test-artifacts/browser/ at the repository's root (kept out of git): coordinator-N-NAME-phone.png,
// where N is the step (1 signing in, 2 the new event, 3 the roster, 4 the applicants workbook,
// 5 the sheet with a bad row, 6 the roster and applicants tables).
//
// Skipped, saying why, where /usr/bin/chromium is missing: CI installs it; a browser is never
// downloaded.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import type { Test } from 'tap';
import { chromium } from 'playwright-core';
import type { BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import iconv from 'iconv-lite';
import { listEvents, loadBundle } from '../../src/db/events.js';
import { addAccount } from '../../src/services/users.js';
import { tempDatabase } from '../support/fixtures.js';
import { build } from '../support/http.js';
import { ARGS, ARTIFACTS, CHROMIUM, arrives } from '../support/browser.js';

/* The few names of the page the checks use inside page.evaluate (the project compiles without the DOM library). */
declare const document: { activeElement: { id: string } | null; documentElement: { clientWidth: number; scrollWidth: number } };

const SHEETS = fileURLToPath(new URL('../../static/samples/spreadsheets/', import.meta.url));
/** A phone set to Spanish of Mexico: its Accept-Language asks for es-MX first. */
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'es-MX',
};
const CORA = { email: 'cora@example.org', name: 'Cora Coordinadora', organization: 'Casa Legal', password: 'correct horse battery staple' };
const EVENT = { name: 'Taller de ciudadanía en Fresno', date: '2099-03-13', id: 'taller-de-ciudadania-en-fresno-2099-03-13' };

/**
 * The applicants sheet a coordinator keeps by hand, as Excel saves a CSV in Spanish: semicolons,
 * Windows-1252, CRLF. Row 3 (Tomás) has his hours written as words unless `corrected`; his
 * language is a name Taller does not know.
 */
function handKeptApplicants(corrected: boolean): Buffer {
  const rows = [
    'Folio;Nombre completo;Idiomas;Tipo de caso;Disponible',
    'S001;Guadalupe Ramírez Peña;Español;Ciudadanía (N-400);9:00 a 12:00',
    `S002;Tomás Hernández Ávila;Lengua mixteca y español;Renovación de DACA;${corrected ? '10:00 a 13:00' : 'por la mañana'}`,
    'S003;Nayeli Cruz Gómez;Triqui y español;Acción diferida laboral;',
  ];
  return iconv.encode(`${rows.join('\r\n')}\r\n`, 'windows-1252');
}


const pathOf = (page: Page) => new URL(page.url()).pathname;

/** The id of the element that has the focus ('' for none). */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Tabs forward until the focus is on the element with that id (at most `limit` presses); false if it never gets there. */
async function tabTo(page: Page, id: string, limit: number): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await focusedId(page) === id) return true;
  }
  return false;
}

/**
 * The order a date field of this browser takes its parts typed in: day first or month first.
 * Found on a page of its own, by typing 01022003 into an empty date field.
 */
async function dateOrder(context: BrowserContext): Promise<'dmy' | 'mdy'> {
  const probe = await context.newPage();
  try {
    await probe.setContent('<input type="date" aria-label="date">');
    await probe.getByLabel('date').focus();
    await probe.keyboard.type('01022003');
    const value = await probe.getByLabel('date').inputValue();
    if (value === '2003-02-01') return 'dmy';
    if (value === '2003-01-02') return 'mdy';
    throw new Error(`a date field that reads 01022003 as ${value}`);
  } finally {
    await probe.close();
  }
}

if (!existsSync(CHROMIUM)) {
  t.plan(0, `skip: no Chromium at ${CHROMIUM}; CI installs Debian's chromium package (a browser is never downloaded)`);
} else {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  const made = await addAccount(store.db, { ...CORA, role: 'coordinator' }, 'test');
  if (!made.ok) throw new Error(`no coordinator: ${made.problems[0]?.message}`);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  t.teardown(() => browser.close());
  const context = await browser.newContext({ ...PHONE, baseURL: base });
  t.teardown(() => context.close());
  const page = await context.newPage();
  mkdirSync(ARTIFACTS, { recursive: true });

  /** The page as it is: saved as a screenshot, and no wider than the phone. */
  const fits = async (t: Test, name: string) => {
    await page.screenshot({ path: `${ARTIFACTS}coordinator-${name}-phone.png`, fullPage: true });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
    }));
    t.ok(scrollWidth <= clientWidth, `${name}: nothing scrolls sideways (${scrollWidth} ≤ ${clientWidth} px)`);
  };

  const heading = () => page.getByRole('heading', { level: 1 });
  const applicantsStored = () => loadBundle(store.db, EVENT.id)?.applicants ?? [];

  /** The text of the label of a field. */
  const labelOf = async (field: Locator) => (await page.locator(`label[for="${await field.getAttribute('id')}"]`).textContent()) ?? '';

  /**
   * Goes through the columns and values steps of an upload as proposed, choosing for each value
   * Taller does not know the code `meaning[value]`; returns the values asked for. Each page's
   * screenshot is named after `shot`.
   */
  /**
   * One step of the day, as its own subtest on the shared page. Once a step fails the later ones
   * are skipped, saying which, rather than each waiting out its timeouts on the wrong page.
   */
  let failed: string | undefined;
  const step = (name: string, run: (t: Test) => Promise<void>) => t.test(name, async (t) => {
    if (failed !== undefined) {
      t.plan(0, `skip: an earlier step failed (${failed})`);
      return;
    }
    try {
      await run(t);
    } catch (err) {
      failed = name;
      throw err;
    } finally {
      if (!t.passing()) failed ??= name;
    }
  });

  async function columnsAndValues(t: Test, title: string, shot: string, meaning: Record<string, string> = {}): Promise<string[]> {
    t.equal(await heading().textContent(), `${title}: qué es cada columna`);
    const columns = page.getByRole('combobox', { name: /^Campo de Taller para la columna/ });
    t.ok(await columns.count() > 0, 'a choice for each column');
    const unproposed = [];
    for (const column of await columns.all()) if (await column.inputValue() === '') unproposed.push(await labelOf(column));
    t.same(unproposed, [], 'Taller proposes a field for every column');
    await fits(t, `${shot}-columns`);
    await arrives(page, () => page.getByRole('button', { name: 'Seguir con los valores' }).click());

    t.equal(await heading().textContent(), `${title}: qué significan los valores`);
    const unknown = page.getByRole('table', { name: 'Valores que Taller no conoce' });
    const asked: string[] = [];
    if (await unknown.count() > 0) {
      const choices = unknown.getByRole('combobox');
      for (let i = 0; i < await choices.count(); i++) {
        const choice = choices.nth(i);
        const value = /«(.*)»/.exec(await labelOf(choice))?.[1] ?? '';
        asked.push(value);
        const code = meaning[value];
        if (code) await choice.selectOption(code);
      }
    }
    await fits(t, `${shot}-values`);
    await arrives(page, () => page.getByRole('button', { name: 'Revisar la lista' }).click());
    t.equal(await heading().textContent(), `${title}: revisar y guardar`);
    return asked;
  }

  step('signing in from the keyboard on the Spanish sign-in page opens the list of workshops, in Spanish', async (t) => {
    const res = await page.goto('/');
    t.equal(res?.status(), 200);
    t.equal(pathOf(page), '/sign-in', 'signed out, the home page sends her to sign in');
    t.equal(await page.locator('html').getAttribute('lang'), 'es');
    t.equal(await heading().textContent(), 'Iniciar sesión');
    await fits(t, '1-sign-in');
    await page.getByLabel('Correo electrónico').focus();
    await page.keyboard.type(CORA.email);
    await page.keyboard.press('Tab');
    t.equal(await focusedId(page), 'password', 'Tab goes from the address to the password');
    await page.keyboard.type(CORA.password);
    const home = await arrives(page, () => page.keyboard.press('Enter'));
    t.equal(home.status(), 200);
    t.equal(pathOf(page), '/');
    t.equal(await heading().textContent(), 'Talleres');
    t.ok(await page.getByRole('link', { name: CORA.name }).isVisible(), 'the header names her');
    await fits(t, '1-home');
  });

  step('the new-event form, filled from the keyboard with a name, a date and a time zone, opens the new event’s page', async (t) => {
    const order = await dateOrder(context);
    await arrives(page, () => page.getByRole('link', { name: 'Nuevo evento' }).click());
    t.equal(pathOf(page), '/events/new');
    t.equal(await heading().textContent(), 'Nuevo evento');
    await page.getByLabel('Nombre', { exact: true }).focus();
    await page.keyboard.type(EVENT.name);
    await page.keyboard.press('Tab');
    t.equal(await focusedId(page), 'id', 'then the id, left empty to have one made');
    await page.keyboard.press('Tab');
    t.equal(await focusedId(page), 'date', 'then the date');
    // A date field takes its parts in the order of the browser's own language (Debian's Chromium
    // ships only American English: month first), whatever the page's.
    const [year, month, day] = EVENT.date.split('-');
    await page.keyboard.type(order === 'dmy' ? `${day}${month}${year}` : `${month}${day}${year}`);
    t.equal(await page.getByLabel('Fecha', { exact: true }).inputValue(), EVENT.date, 'the date is typed');
    t.ok(await tabTo(page, 'timezone', 3), 'then Tab leads to the time zone');
    // A closed list takes the first letters of a choice from the keyboard.
    await page.keyboard.type('Pac');
    t.equal(await page.getByLabel('Zona horaria', { exact: true }).inputValue(), 'America/Los_Angeles', 'Pacífico is chosen');
    await page.keyboard.press('Tab');
    t.equal(await focusedId(page), 'opens', 'then the opening hour, left as proposed');
    await fits(t, '2-event-form');
    const res = await arrives(page, () => page.keyboard.press('Enter'));
    t.equal(res.status(), 200);
    t.equal(pathOf(page), `/events/${EVENT.id}`, 'the id is made from the name and the date');
    t.equal(await heading().textContent(), EVENT.name);
    t.match(await page.getByRole('status').textContent(), 'Se creó el evento.');
    t.equal(await page.getByRole('heading', { level: 2, name: /^Voluntarios:/ }).textContent(), 'Voluntarios: 0', 'no volunteers yet');
    await fits(t, '2-event');
    t.same(listEvents(store.db).map((e) => e.id), [EVENT.id], 'the event is stored');
  });

  step('the Spanish roster (semicolons, Windows-1252) is read as it is, every column and value proposed, and 12 volunteers are saved', async (t) => {
    await arrives(page, () => page.getByRole('link', { name: 'Importar voluntarios o solicitantes desde una hoja de cálculo' }).click());
    t.equal(await heading().textContent(), 'Importar desde una hoja de cálculo');
    await fits(t, '3-upload');
    await page.getByLabel(/^Hoja de cálculo con la lista de voluntarios/).setInputFiles(`${SHEETS}volunteers-es.csv`);
    await arrives(page, () => page.getByRole('button', { name: 'Subir la lista de voluntarios' }).click());
    t.match(await page.locator('main').textContent(), 'volunteers-es.csv: 12 filas, leída como texto separado por punto y coma, Windows-1252');
    const asked = await columnsAndValues(t, 'Voluntarios', '3');
    t.same(asked, [], 'Taller knows every value of the sample');
    t.equal(await page.getByRole('status').textContent(), 'Todas las filas están bien: 12 voluntarios, listos para guardar.');
    t.ok(await page.getByRole('cell', { name: 'Xóchitl Santiago Feliciano' }).or(page.getByRole('rowheader', { name: 'Xóchitl Santiago Feliciano' })).first().isVisible(),
      'the preview shows the names read as Windows-1252');
    await fits(t, '3-preview');
    await arrives(page, () => page.getByRole('button', { name: /^Guardar 12 voluntarios como la lista de voluntarios/ }).click());
    t.equal(await heading().textContent(), 'Voluntarios guardados');
    t.match(await page.getByRole('status').textContent(), `Se guardaron 12 voluntarios como la lista de voluntarios de ${EVENT.name}.`);
    await fits(t, '3-saved');
    t.equal(loadBundle(store.db, EVENT.id)?.volunteers.length, 12, 'the roster is stored');
  });

  step('the applicants workbook goes through the same steps, and 40 applicants are saved', async (t) => {
    await arrives(page, () => page.getByRole('link', { name: 'Importar otra lista' }).click());
    await page.getByLabel(/^Hoja de cálculo con la lista de solicitantes/).setInputFiles(`${SHEETS}applicants-es.xlsx`);
    await arrives(page, () => page.getByRole('button', { name: 'Subir la lista de solicitantes' }).click());
    t.match(await page.locator('main').textContent(), 'applicants-es.xlsx: 40 filas, leída como libro de Excel, hoja «Solicitantes»');
    const asked = await columnsAndValues(t, 'Solicitantes', '4');
    t.same(asked, [], 'Taller knows every value of the sample');
    t.equal(await page.getByRole('status').textContent(), 'Todas las filas están bien: 40 solicitantes, listos para guardar.');
    await fits(t, '4-preview');
    await arrives(page, () => page.getByRole('button', { name: /^Guardar 40 solicitantes como la lista de solicitantes/ }).click());
    t.equal(await heading().textContent(), 'Solicitantes guardados');
    t.match(await page.getByRole('status').textContent(), 'Se guardaron 40 solicitantes');
    await fits(t, '4-saved');
    t.equal(applicantsStored().length, 40, 'the applicants are stored');
  });

  const handKept = (corrected: boolean) => ({ name: 'solicitantes.csv', mimeType: 'text/csv', buffer: handKeptApplicants(corrected) });

  step('a sheet with an unreadable time window is refused at its row and column, in Spanish, and nothing is saved', async (t) => {
    await arrives(page, () => page.getByRole('link', { name: 'Importar otra lista' }).click());
    await page.getByLabel(/^Hoja de cálculo con la lista de solicitantes/).setInputFiles(handKept(false));
    await arrives(page, () => page.getByRole('button', { name: 'Subir la lista de solicitantes' }).click());
    t.match(await page.locator('main').textContent(), 'solicitantes.csv: 3 filas, leída como texto separado por punto y coma, Windows-1252');
    const asked = await columnsAndValues(t, 'Solicitantes', '5', { 'Lengua mixteca': 'mix' });
    t.same(asked, ['Lengua mixteca'], 'the one language Taller does not know is asked for, and chosen');

    const alert = page.getByRole('alert');
    t.match(await alert.getByRole('heading').textContent(), '1 problema por corregir: no se guardó nada');
    t.match(await alert.getByRole('link', { name: /^solicitantes\.csv:/ }).textContent(),
      /^solicitantes\.csv: fila 3, columna E \(Disponible\): «por la mañana» no es un horario/, 'the summary names the row and column');
    const problem = page.getByRole('table', { name: 'Problemas, y dónde buscarlos en su hoja de cálculo' }).getByRole('row').nth(1);
    t.same((await problem.getByRole('cell').allTextContents()).map((s) => s.trim()).slice(0, 2), ['E', 'Disponible'], 'its column letter and header');
    t.equal((await problem.getByRole('rowheader').textContent())?.trim(), '3', 'its row');
    t.equal(await page.getByRole('button', { name: /^Guardar/ }).count(), 0, 'no button to save');
    await fits(t, '5-problem');
    t.equal(applicantsStored().length, 40, 'nothing was saved: the 40 applicants are still the list');
  });

  step('the corrected sheet, uploaded from the same page, is saved', async (t) => {
    await page.getByLabel(/^La hoja de cálculo corregida/).setInputFiles(handKept(true));
    await arrives(page, () => page.getByRole('button', { name: 'Volver a subirla' }).click());
    // Choices are remembered for the organization once a list is saved, so none is yet.
    const again = await columnsAndValues(t, 'Solicitantes', '5-corrected', { 'Lengua mixteca': 'mix' });
    t.same(again, ['Lengua mixteca'], 'the language is asked for again, and chosen again');
    t.equal(await page.getByRole('status').textContent(), 'Todas las filas están bien: 3 solicitantes, listos para guardar.');
    await arrives(page, () => page.getByRole('button', { name: /^Guardar 3 solicitantes como la lista de solicitantes/ }).click());
    t.match(await page.getByRole('status').textContent(), 'Se guardaron 3 solicitantes');
    await fits(t, '5-saved');
    const stored = applicantsStored();
    t.same(stored.map((a) => a.id), ['S001', 'S002', 'S003'], 'the corrected sheet is the list');
    t.same(stored.find((a) => a.id === 'S002')?.languages, ['mix', 'es'], 'Tomás speaks Mixtec, as chosen, and Spanish');
  });

  step('in the roster an imported volunteer is found by a search without accents and by language', async (t) => {
    await arrives(page, () => page.getByRole('link', { name: 'Volver al evento' }).click());
    t.equal(await page.getByRole('heading', { level: 2, name: /^Voluntarios:/ }).textContent(), 'Voluntarios: 12');
    t.equal(await page.getByRole('heading', { level: 2, name: /^Solicitantes:/ }).textContent(), 'Solicitantes: 3');
    await fits(t, '6-event');
    await arrives(page, () => page.getByRole('link', { name: 'Ver, buscar y cambiar a los voluntarios' }).click());
    t.equal(await heading().textContent(), 'Voluntarios');
    t.match(await page.locator('.counts').textContent(), '12 de 12 voluntarios');
    await fits(t, '6-roster');
    const rows = page.getByRole('table').getByRole('rowheader');

    await page.getByRole('searchbox', { name: 'Buscar' }).focus();
    await page.keyboard.type('xochitl');
    await arrives(page, () => page.keyboard.press('Enter'));
    t.same(await rows.allTextContents(), ['Xóchitl Santiago Feliciano'], 'a search without the accent finds Xóchitl');
    t.match(await page.locator('.counts').textContent(), '1 de 12 voluntarios');
    await fits(t, '6-roster-search');

    await arrives(page, () => page.getByRole('link', { name: 'Mostrar a todos' }).click());
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('trs');
    await arrives(page, () => page.getByRole('button', { name: 'Mostrar', exact: true }).click());
    t.same(await rows.allTextContents(), ['Xóchitl Santiago Feliciano'], 'the one volunteer who speaks Triqui');
    await fits(t, '6-roster-language');
  });

  step('in the applicants an imported applicant is found by search and by the language chosen for him on the values step', async (t) => {
    await arrives(page, () => page.getByRole('link', { name: EVENT.name }).first().click());
    await arrives(page, () => page.getByRole('link', { name: 'Ver, buscar y cambiar a los solicitantes' }).click());
    t.equal(await heading().textContent(), 'Solicitantes');
    const rows = page.getByRole('table').getByRole('rowheader');
    await page.getByRole('searchbox', { name: 'Buscar' }).focus();
    await page.keyboard.type('hernandez');
    await arrives(page, () => page.keyboard.press('Enter'));
    t.same(await rows.allTextContents(), ['Tomás Hernández Ávila'], 'a search finds Tomás');
    await fits(t, '6-applicants-search');
    await arrives(page, () => page.getByRole('link', { name: 'Mostrar a todos' }).click());
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('mix');
    await arrives(page, () => page.getByRole('button', { name: 'Mostrar', exact: true }).click());
    t.same(await rows.allTextContents(), ['Tomás Hernández Ávila'], 'and so does the language he was given on the values step');
    t.match(await page.locator('.counts').textContent(), '1 de 3 solicitantes');
    await fits(t, '6-applicants-language');
  });
}

