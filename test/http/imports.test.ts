// Importing the roster and the applicants from spreadsheets in the browser: upload, columns,
// values, check, save, as a signed-in coordinator does it with real files, a real database and
// real HTTP.
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import t from 'tap';
import type { Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';
import { eq } from 'drizzle-orm';
import { loadBundle, saveBundle } from '../../src/db/events.js';
import type { OpenDatabase } from '../../src/db/index.js';
import { auditLog, spreadsheetUploads } from '../../src/db/schema.js';
import { organizationNamed } from '../../src/db/users.js';
import { addAccount } from '../../src/services/users.js';
import { FRESNO, FRESNO_ID, sampleBundle, tempDatabase } from '../support/fixtures.js';
import { build, Visitor } from '../support/http.js';
import { xlsxBytes } from '../sheets/helpers.js';

const PASSWORD = 'correct horse battery staple';
const SHEETS = new URL('../../static/samples/spreadsheets/', import.meta.url);
const sample = (name: string) => ({ name, bytes: readFileSync(new URL(name, SHEETS)) });
const IMPORT = `/events/${FRESNO_ID}/import`;
const step = (target: string, name: string) => `${IMPORT}/${target}/${name}`;

/** The Spanish applicants sample with row 5's hours written as words: "por la mañana". */
function applicantsWithBadRow() {
  const text = iconv.decode(sample('applicants-es.csv').bytes, 'windows-1252');
  const lines = text.split('\r\n');
  lines[4] = lines[4]!.replace('Moderado;;;;', 'Moderado;;;por la mañana;');
  return { name: 'applicants-es.csv', bytes: iconv.encode(lines.join('\r\n'), 'windows-1252') };
}

/** A CSV file in UTF-8 from rows. */
const csv = (name: string, rows: string[][]) => ({ name, bytes: Buffer.from(rows.map((r) => r.join(',')).join('\r\n')) });

async function signedIn(app: FastifyInstance, email: string): Promise<Visitor> {
  const visitor = new Visitor(app);
  await visitor.get('/sign-in');
  const res = await visitor.post('/sign-in', { email, password: PASSWORD, next: '/' });
  if (res.statusCode !== 303) throw new Error(`${email} could not sign in`);
  return visitor;
}

async function account(store: OpenDatabase, email: string, organization: string, role: 'coordinator' | 'viewer' = 'coordinator') {
  const made = await addAccount(store.db, { email, name: email.split('@')[0]!, role, organization, password: PASSWORD }, 'test');
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
}

/** The Fresno event run by Casa Legal, and its coordinator signed in. */
async function clinic(t: Test, options: Parameters<typeof build>[2] = {}) {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false, ...options });
  saveBundle(store.db, sampleBundle(FRESNO), 'test', organizationNamed(store.db, 'Casa Legal'));
  await account(store, 'cora@example.org', 'Casa Legal');
  const cora = await signedIn(app, 'cora@example.org');
  await cora.get(IMPORT);
  return { app, store, cora };
}

/** Each select's chosen value on a page, by name: what the browser would send back untouched. */
function chosen(html: string): Record<string, string> {
  const form: Record<string, string> = {};
  for (const m of html.matchAll(/<select id="[^"]+" name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    form[m[1]!] = /<option value="([^"]*)" selected>/.exec(m[2]!)?.[1] ?? '';
  }
  for (const m of html.matchAll(/<input type="radio" name="([^"]+)" value="([^"]+)" checked>/g)) form[m[1]!] = m[2]!;
  return form;
}

/** Uploads a file and goes through columns and values as proposed; the preview page. */
async function throughSteps(t: Test, visitor: Visitor, target: string, file: { name: string; bytes: Uint8Array }) {
  const uploaded = await visitor.upload(`${IMPORT}/${target}`, file);
  t.equal(uploaded.statusCode, 303, 'uploaded');
  t.equal(uploaded.headers.location, step(target, 'columns'));
  const columns = await visitor.get(step(target, 'columns'));
  t.equal((await visitor.post(step(target, 'columns'), chosen(columns.body))).statusCode, 303, 'columns confirmed');
  const values = await visitor.get(step(target, 'values'));
  t.equal((await visitor.post(step(target, 'values'), chosen(values.body))).statusCode, 303, 'values confirmed');
  return { columns, values, preview: await visitor.get(step(target, 'preview')) };
}

const uploadsOf = (store: OpenDatabase) => store.db.select().from(spreadsheetUploads).all();

t.test('the Spanish roster, semicolon-separated in Windows-1252, goes through every step and becomes the event’s roster', async (t) => {
  const { store, cora } = await clinic(t);
  const { columns, preview } = await throughSteps(t, cora, 'volunteers', sample('volunteers-es.csv'));
  t.match(columns.body, 'read as semicolon-separated text, Windows-1252');
  t.match(columns.body, /<span class="letter">F<\/span> Idiomas/);
  t.match(preview.body, 'Every row is right: 12 volunteers');
  const saved = await cora.post(step('volunteers', 'save'), {});
  t.equal(saved.statusCode, 200);
  t.match(saved.body, 'Saved 12 volunteers as the roster');
  const stored = loadBundle(store.db, FRESNO_ID)!;
  const original = sampleBundle(FRESNO);
  t.same(stored.volunteers.map((v) => v.name).sort(), original.volunteers.map((v) => v.name).sort());
  t.equal(stored.applicants.length, 40, 'the applicants are unchanged');
  t.same(uploadsOf(store), [], 'the upload is deleted once saved');
});

t.test('the applicants workbook goes through every step and is saved as the same applicants', async (t) => {
  const { store, cora } = await clinic(t);
  const { columns, preview } = await throughSteps(t, cora, 'applicants', sample('applicants-es.xlsx'));
  t.match(columns.body, 'read as an Excel workbook, sheet &quot;Solicitantes&quot;');
  t.match(preview.body, 'Every row is right: 40 applicants');
  t.match((await cora.post(step('applicants', 'save'), {})).body, 'Saved 40 applicants');
  t.same(loadBundle(store.db, FRESNO_ID)!.applicants, sampleBundle(FRESNO).applicants);
});

t.test('a bad row is shown at its spreadsheet row, column letter and header, and nothing is saved', async (t) => {
  const { store, cora } = await clinic(t);
  const before = loadBundle(store.db, FRESNO_ID)!;
  const { preview } = await throughSteps(t, cora, 'applicants', applicantsWithBadRow());
  t.match(preview.body, '1 problem to fix: nothing was saved');
  t.match(preview.body, /<tr id="problem-1"><th scope="row" class="num" data-label="Row">5<\/th><td data-label="Column">J<\/td><td data-label="Header">Disponible<\/td><td data-label="What is wrong">&quot;por la mañana&quot; is not a time window/);
  t.match(preview.body, '<a href="#problem-1">applicants-es.csv: row 5, column J (Disponible):');
  t.notMatch(preview.body, '/save"', 'no save button');
  const forced = await cora.post(step('applicants', 'save'), {});
  t.equal(forced.statusCode, 400);
  t.same(loadBundle(store.db, FRESNO_ID), before, 'nothing was saved');
});

t.test('a corrected file uploaded after a problem replaces the bad one and is saved', async (t) => {
  const { store, cora } = await clinic(t);
  await throughSteps(t, cora, 'applicants', applicantsWithBadRow());
  const { preview } = await throughSteps(t, cora, 'applicants', sample('applicants-es.csv'));
  t.match(preview.body, 'Every row is right: 40 applicants');
  t.equal(uploadsOf(store).length, 1, 'one upload waits, the corrected one');
  t.equal((await cora.post(step('applicants', 'save'), {})).statusCode, 200);
  const names = loadBundle(store.db, FRESNO_ID)!.applicants.map((a) => a.name);
  t.ok(names.includes('Brenda Vásquez Ramírez'), 'read as Windows-1252');
});

t.test('a column Taller does not recognise must be chosen, or ignored, before going on', async (t) => {
  const { store, cora } = await clinic(t);
  await cora.upload(`${IMPORT}/applicants`, csv('nuevos.csv', [['Nombre', 'Idiomas', 'Tipo de caso', 'Notas'], ['Ana Ruiz', 'Español', 'Ciudadanía', 'llega tarde']]));
  const page = await cora.get(step('applicants', 'columns'));
  t.match(page.body, /<tr class="warn">\s*<th scope="row"><span class="letter">D<\/span> Notas<\/th>/, 'the column is shown, marked');
  t.match(page.body, '<label for="column-3" class="visually-hidden">Taller field for column D (Notas)</label>');
  const form = chosen(page.body);
  t.equal(form['column-3'], '', 'nothing is chosen for it');
  const refused = await cora.post(step('applicants', 'columns'), form);
  t.equal(refused.statusCode, 400);
  t.match(refused.body, '<a href="#column-3">Choose what column D (Notas) holds, or “ignore this column”.</a>');
  t.match(refused.body, /<select id="column-3" name="column-3" aria-describedby="column-3-how column-3-problem" aria-invalid="true">/);
  t.equal(uploadsOf(store)[0]!.step, 'columns', 'still at the columns');
  const ignored = await cora.post(step('applicants', 'columns'), { ...form, 'column-3': 'ignore' });
  t.equal(ignored.statusCode, 303);
  t.equal(ignored.headers.location, step('applicants', 'values'));
});

t.test('a value Taller does not know must be given a code before the check', async (t) => {
  const { cora } = await clinic(t);
  await cora.upload(`${IMPORT}/applicants`, csv('nuevos.csv', [['Nombre', 'Idiomas', 'Tipo de caso'], ['Ana Ruiz', 'Mixtekoo', 'Ciudadanía']]));
  await cora.post(step('applicants', 'columns'), chosen((await cora.get(step('applicants', 'columns'))).body));
  const values = await cora.get(step('applicants', 'values'));
  t.match(values.body, /<caption>Values Taller does not know<\/caption>[\s\S]*Mixtekoo <span class="hint">\(language\)<\/span>/);
  const refused = await cora.post(step('applicants', 'values'), chosen(values.body));
  t.equal(refused.statusCode, 400);
  t.match(refused.body, '<a href="#value-0">Choose the language “Mixtekoo” stands for (column B, 1 row).</a>');
  const given = await cora.post(step('applicants', 'values'), { ...chosen(values.body), 'value-0': 'mix' });
  t.equal(given.headers.location, step('applicants', 'preview'));
  t.match((await cora.get(step('applicants', 'preview'))).body, 'Every row is right: 1 applicant');
});

t.test('the columns and values saved with one upload pre-fill the next upload of the organization', async (t) => {
  const { app, store, cora } = await clinic(t);
  const header = ['Nombre', 'Lengua materna', 'Servicio', 'Notas'];
  await cora.upload(`${IMPORT}/applicants`, csv('marzo.csv', [header, ['Ana Ruiz', 'Mixtekoo', 'Ciudadanía', 'x']]));
  const first = chosen((await cora.get(step('applicants', 'columns'))).body);
  t.same([first['column-1'], first['column-3']], ['', ''], 'the first time, Taller does not know them');
  await cora.post(step('applicants', 'columns'), { ...first, 'column-1': 'languages', 'column-3': 'ignore' });
  await cora.post(step('applicants', 'values'), { 'value-0': 'mix', 'value-1': 'n400' });
  t.equal((await cora.post(step('applicants', 'save'), {})).statusCode, 200);

  // Another coordinator of the same organization, another file kept the same way.
  await account(store, 'beto@example.org', 'Casa Legal');
  const beto = await signedIn(app, 'beto@example.org');
  await beto.get(IMPORT);
  await beto.upload(`${IMPORT}/applicants`, csv('abril.csv', [header, ['Luis Pérez', 'Mixtekoo', 'Ciudadanía', 'y']]));
  const columns = await beto.get(step('applicants', 'columns'));
  t.match(columns.body, 'saved mapping knows a column');
  const next = chosen(columns.body);
  t.same([next['column-0'], next['column-1'], next['column-2'], next['column-3']], ['name', 'languages', 'case_type', 'ignore']);
  await beto.post(step('applicants', 'columns'), next);
  const values = chosen((await beto.get(step('applicants', 'values'))).body);
  t.equal(values['value-0'], 'mix', 'Mixtekoo is Mixteco, as chosen before');
});

t.test('an upload is seen only by the account that made it', async (t) => {
  const { app, store, cora } = await clinic(t);
  await cora.upload(`${IMPORT}/volunteers`, sample('volunteers-es.csv'));
  await account(store, 'otra@example.org', 'Otra Organización');
  const other = await signedIn(app, 'otra@example.org');
  const elsewhere = await other.get(step('volunteers', 'columns'));
  t.equal(elsewhere.statusCode, 404, 'another organization’s coordinator');
  t.notMatch(elsewhere.body, 'Idiomas');
  await account(store, 'beto@example.org', 'Casa Legal');
  const colleague = await signedIn(app, 'beto@example.org');
  const same = await colleague.get(step('volunteers', 'columns'));
  t.equal(same.statusCode, 404, 'a coordinator of the same organization');
  t.match(same.body, 'No spreadsheet is waiting here');
  t.notMatch(same.body, 'Idiomas');
  t.equal((await cora.get(step('volunteers', 'columns'))).statusCode, 200, 'its own coordinator');
});

t.test('an upload past its hour is gone, and deleted', async (t) => {
  const { store, cora } = await clinic(t);
  await cora.upload(`${IMPORT}/volunteers`, sample('volunteers-es.csv'));
  const [upload] = uploadsOf(store);
  t.ok(Date.parse(upload!.expiresAt) - Date.now() <= 60 * 60_000, 'kept an hour at most');
  store.db.update(spreadsheetUploads).set({ expiresAt: new Date(Date.now() - 1000).toISOString() }).where(eq(spreadsheetUploads.id, upload!.id)).run();
  const res = await cora.get(step('volunteers', 'columns'));
  t.equal(res.statusCode, 404);
  t.match(res.body, 'No spreadsheet is waiting here');
  t.same(uploadsOf(store), [], 'its bytes are deleted');
});

t.test('an upload without the form’s token is refused before its file is read, and nothing is kept', async (t) => {
  const { store, cora } = await clinic(t);
  const res = await cora.upload(`${IMPORT}/volunteers`, sample('volunteers-es.csv'), { token: false });
  t.equal(res.statusCode, 403);
  t.match(res.body, 'This form has expired');
  t.same(uploadsOf(store), []);
});

t.test('a file that is not a spreadsheet is refused on the upload page with what to do, and nothing is kept', async (t) => {
  const { store, cora } = await clinic(t);
  const res = await cora.upload(`${IMPORT}/volunteers`, { name: 'lista.pdf', bytes: Buffer.from('%PDF-1.7\n...') });
  t.equal(res.statusCode, 400);
  t.match(res.body, '<a href="#file-volunteers">lista.pdf: this is a PDF, not a spreadsheet');
  t.match(res.body, /id="file-volunteers"[^>]*aria-invalid="true"/);
  t.same(uploadsOf(store), []);
});

t.test('cancelling deletes the upload', async (t) => {
  const { store, cora } = await clinic(t);
  await cora.upload(`${IMPORT}/volunteers`, sample('volunteers-es.csv'));
  const page = await cora.get(IMPORT);
  t.match(page.body, 'Your upload of the roster is waiting');
  const res = await cora.post(step('volunteers', 'cancel'), {});
  t.equal(res.statusCode, 303);
  t.equal(res.headers.location, IMPORT);
  t.same(uploadsOf(store), []);
  t.equal((await cora.get(step('volunteers', 'columns'))).statusCode, 404);
});

t.test('the upload page offers the templates and samples to download', async (t) => {
  const { app, cora } = await clinic(t);
  const page = await cora.get(IMPORT);
  const links = [...page.body.matchAll(/href="(\/static\/(?:templates|samples\/spreadsheets)\/[^"]+)" download/g)].map((m) => m[1]!);
  t.same(links, [
    '/static/templates/volunteers-template.csv', '/static/templates/applicants-template.csv',
    '/static/samples/spreadsheets/volunteers-es.csv', '/static/samples/spreadsheets/applicants-es.csv', '/static/samples/spreadsheets/applicants-es.xlsx',
  ]);
  for (const link of links) t.equal((await app.inject({ url: link })).statusCode, 200, link);
});

t.test('a viewer may not import', async (t) => {
  const { app, store } = await clinic(t);
  await account(store, 'vera@example.org', 'Casa Legal', 'viewer');
  const vera = await signedIn(app, 'vera@example.org');
  t.equal((await vera.get(IMPORT)).statusCode, 403);
});

t.test('each page that shows the sheet’s cells is on the audit log, and no cell reaches the log', async (t) => {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  const { store, cora } = await clinic(t, { logger: { level: 'trace', stream } });
  await throughSteps(t, cora, 'volunteers', sample('volunteers-es.csv'));
  await cora.post(step('volunteers', 'save'), {});
  const rows = store.db.select({ action: auditLog.action, detail: auditLog.detail }).from(auditLog).all().filter((r) => r.action.startsWith('spreadsheet.'));
  t.same(rows.map((r) => r.action), ['spreadsheet.upload', 'spreadsheet.view', 'spreadsheet.view', 'spreadsheet.import']);
  t.same(rows.map((r) => r.detail), ['volunteers: 12 rows, csv', 'volunteers columns', 'volunteers preview', '12 volunteers from a csv file']);
  const logged = lines.join('');
  for (const v of sampleBundle(FRESNO).volunteers) t.notOk(logged.includes(v.name), `no ${v.id}'s name in the log`);
  t.notOk(logged.includes('volunteers-es.csv'), 'nor the file’s name');
});

t.test('another sheet of a workbook can be read instead, and its columns are chosen afresh', async (t) => {
  const { cora } = await clinic(t);
  const workbook = await xlsxBytes({
    Notas: [[{ value: 'Lo que falta' }], [{ value: 'llamar a Ana' }]],
    Solicitantes: [[{ value: 'Nombre' }, { value: 'Idiomas' }, { value: 'Tipo de caso' }], [{ value: 'Ana Ruiz' }, { value: 'Español' }, { value: 'Ciudadanía' }]],
  });
  await cora.upload(`${IMPORT}/applicants`, { name: 'libro.xlsx', bytes: workbook });
  const first = await cora.get(step('applicants', 'columns'));
  t.match(first.body, 'sheet &quot;Notas&quot;');
  t.match(first.body, '<option value="Notas" selected>Notas</option><option value="Solicitantes">Solicitantes</option>');
  const read = await cora.post(step('applicants', 'read'), { sheet: 'Solicitantes' });
  t.equal(read.headers.location, step('applicants', 'columns'));
  const again = await cora.get(step('applicants', 'columns'));
  t.match(again.body, 'sheet &quot;Solicitantes&quot;');
  t.same(chosen(again.body), { sheet: 'Solicitantes', 'column-0': 'name', 'column-1': 'languages', 'column-2': 'case_type' });
  const missing = await cora.post(step('applicants', 'read'), { sheet: 'Hoja 9' });
  t.equal(missing.statusCode, 400);
  t.match(missing.body, '<a href="#read">libro.xlsx: the workbook has no sheet named &quot;Hoja 9&quot;');
});

// The same pages for a coordinator whose browser asks for Spanish: every step, and every problem, in Spanish.
const SPANISH = { 'accept-language': 'es-MX,es;q=0.9' };

/** Fresno run by Casa Legal, with its coordinator signed in from a browser set to Spanish. */
async function spanishClinic(t: Test) {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  saveBundle(store.db, sampleBundle(FRESNO), 'test', organizationNamed(store.db, 'Casa Legal'));
  await account(store, 'cora@example.org', 'Casa Legal');
  const cora = new Visitor(app, SPANISH);
  await cora.get('/sign-in');
  await cora.post('/sign-in', { email: 'cora@example.org', password: PASSWORD, next: '/' });
  return { app, store, cora, upload: await cora.get(IMPORT) };
}

t.test('in Spanish, the upload page and the event page’s link to it speak Spanish', async (t) => {
  const { cora, upload } = await spanishClinic(t);
  t.match(upload.body, '<html lang="es">');
  t.match(upload.body, '<title>Importar desde una hoja de cálculo — Taller</title>');
  t.match(upload.body, '<h2 id="heading-volunteers">Voluntarios</h2>');
  t.match(upload.body, '<label for="file-applicants">Hoja de cálculo con la lista de solicitantes <span class="hint">(.xlsx o .csv)</span></label>');
  t.match(upload.body, '<button type="submit">Subir la lista de voluntarios</button>');
  t.match(upload.body, 'durante 60 minutos como máximo');
  t.notMatch(upload.body, /Upload|Spreadsheet of/);
  t.match((await cora.get(`/events/${FRESNO_ID}`)).body, `<a href="${IMPORT}">Importar voluntarios o solicitantes desde una hoja de cálculo</a>`);
});

t.test('in Spanish, a bad row is shown at its row, column letter and header with its problem in Spanish', async (t) => {
  const { cora } = await spanishClinic(t);
  const { columns, values, preview } = await throughSteps(t, cora, 'applicants', applicantsWithBadRow());
  t.match(columns.body, '<h1>Solicitantes: qué es cada columna</h1>');
  t.match(columns.body, 'applicants-es.csv: 40 filas, leída como texto separado por punto y coma, Windows-1252 (Europa occidental).');
  t.match(values.body, '<h1>Solicitantes: qué significan los valores</h1>');
  t.match(preview.body, '<title>Solicitantes: revisar y guardar — Taller</title>');
  t.match(preview.body, '<h2>1 problema por corregir: no se guardó nada</h2>');
  t.match(preview.body, /<tr id="problem-1"><th scope="row" class="num" data-label="Fila">5<\/th><td data-label="Columna">J<\/td><td data-label="Encabezado">Disponible<\/td><td data-label="Qué está mal">«por la mañana» no es un horario: escríbalo como HH:MM-HH:MM/);
  t.match(preview.body, '<a href="#problem-1">applicants-es.csv: fila 5, columna J (Disponible): «por la mañana» no es un horario');
  t.notMatch(preview.body, /is not a time window|problem to fix/);
});

t.test('in Spanish, a column left unchosen and a value Taller does not know are asked for in Spanish', async (t) => {
  const { cora } = await spanishClinic(t);
  await cora.upload(`${IMPORT}/applicants`, csv('nuevos.csv', [['Nombre', 'Idiomas', 'Tipo de caso', 'Notas'], ['Ana Ruiz', 'Mixtekoo', 'Ciudadanía', 'llega tarde']]));
  const columns = await cora.get(step('applicants', 'columns'));
  t.match(columns.body, '<label for="column-3" class="visually-hidden">Campo de Taller para la columna D (Notas)</label>');
  t.match(columns.body, '<span id="column-3-how" class="hint">no reconocida: elija</span>');
  t.match(columns.body, '<option value="languages" selected>Idiomas</option>');
  const form = chosen(columns.body);
  const refused = await cora.post(step('applicants', 'columns'), form);
  t.equal(refused.statusCode, 400);
  t.match(refused.body, '<a href="#column-3">Elija qué tiene la columna D (Notas), o «Ignorar esta columna».</a>');
  await cora.post(step('applicants', 'columns'), { ...form, 'column-3': 'ignore' });
  const values = await cora.get(step('applicants', 'values'));
  t.match(values.body, /<caption>Valores que Taller no conoce<\/caption>[\s\S]*Mixtekoo <span class="hint">\(idioma\)<\/span>/);
  const unknown = await cora.post(step('applicants', 'values'), chosen(values.body));
  t.equal(unknown.statusCode, 400);
  t.match(unknown.body, '<a href="#value-0">Elija qué idioma significa «Mixtekoo» (columna B, 1 fila).</a>');
});

t.test('in Spanish, two columns set to one field are refused in Spanish', async (t) => {
  const { cora } = await spanishClinic(t);
  await cora.upload(`${IMPORT}/applicants`, csv('nuevos.csv', [['Nombre', 'Idiomas', 'Lengua', 'Tipo de caso'], ['Ana Ruiz', 'Español', 'Mixteco', 'Ciudadanía']]));
  const form = chosen((await cora.get(step('applicants', 'columns'))).body);
  const refused = await cora.post(step('applicants', 'columns'), { ...form, 'column-1': 'languages', 'column-2': 'languages' });
  t.equal(refused.statusCode, 400);
  t.match(refused.body, 'La columna B (Idiomas) y la columna C (Lengua) están asignadas a idiomas: elija una e ignore la otra.');
});

t.test('in Spanish, a PDF is refused on the upload page in Spanish', async (t) => {
  const { store, cora } = await spanishClinic(t);
  const res = await cora.upload(`${IMPORT}/volunteers`, { name: 'lista.pdf', bytes: Buffer.from('%PDF-1.7\n...') });
  t.equal(res.statusCode, 400);
  t.match(res.body, '<a href="#file-volunteers">lista.pdf: esto es un PDF, no una hoja de cálculo: suba la lista como libro de Excel (.xlsx) o como CSV</a>');
  t.same(uploadsOf(store), []);
});

t.test('in Spanish, the roster saved says how many were saved, in Spanish', async (t) => {
  const { cora } = await spanishClinic(t);
  const { preview } = await throughSteps(t, cora, 'volunteers', sample('volunteers-es.csv'));
  t.match(preview.body, 'Todas las filas están bien: 12 voluntarios, listos para guardar.');
  t.match(preview.body, '<th scope="col">Función</th>');
  t.match(preview.body, '<button type="submit">Guardar 12 voluntarios como la lista de voluntarios</button>');
  const saved = await cora.post(step('volunteers', 'save'), {});
  t.equal(saved.statusCode, 200);
  t.match(saved.body, '<h1>Voluntarios guardados</h1>');
  t.match(saved.body, 'Se guardaron 12 voluntarios como la lista de voluntarios de DACA &amp; Citizenship Saturday — Fresno. 40 solicitantes: sin cambios.');
  t.match(saved.body, 'quedan guardados para Casa Legal');
});

t.test('in Spanish, an upload that is no longer waiting is said to be gone in Spanish', async (t) => {
  const { cora } = await spanishClinic(t);
  const res = await cora.get(step('volunteers', 'columns'));
  t.equal(res.statusCode, 404);
  t.match(res.body, '<h1>Aquí no hay ninguna hoja de cálculo pendiente</h1>');
  t.match(res.body, 'No hay ningún archivo suyo de la lista de voluntarios pendiente');
});

t.test('in Spanish, a viewer is told in Spanish that their account may not import', async (t) => {
  const { app, store } = await spanishClinic(t);
  await account(store, 'vera@example.org', 'Casa Legal', 'viewer');
  const vera = new Visitor(app, SPANISH);
  await vera.get('/sign-in');
  await vera.post('/sign-in', { email: 'vera@example.org', password: PASSWORD, next: '/' });
  const res = await vera.get(IMPORT);
  t.equal(res.statusCode, 403);
  t.match(res.body, '<html lang="es">');
  t.match(res.body, '<h1>No permitido</h1>');
  t.match(res.body, 'Su cuenta puede consultar, pero no cambiar: pídaselo a un coordinador o a un administrador.');
});

t.test('in Spanish, an upload without the form’s token is refused in Spanish', async (t) => {
  const { cora } = await spanishClinic(t);
  const res = await cora.upload(`${IMPORT}/volunteers`, sample('volunteers-es.csv'), { token: false });
  t.equal(res.statusCode, 403);
  t.match(res.body, 'Este formulario venció, o no se envió desde este sitio.');
});
