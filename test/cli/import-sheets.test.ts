// `taller import --event ID --volunteers FILE | --applicants FILE`: a spreadsheet as coordinators
// keep it, read into a stored event by Taller's proposal or the organization's saved mapping,
// every problem as FILE:ROW:COLUMN: message.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import type { Test } from 'tap';
import { loadBundle } from '../../src/db/events.js';
import { openDatabase } from '../../src/db/index.js';
import { loadMapping, storeMapping } from '../../src/db/spreadsheets.js';
import { organizationNamed } from '../../src/db/users.js';
import { rememberMapping } from '../../src/sheets/index.js';
import { FRESNO, FRESNO_ID, SAMPLES_DIR, sampleBundle, tempDir } from '../support/fixtures.js';
import { runTaller } from '../support/cli.js';

const HEADER = ['Nombre', 'Lengua materna', 'Servicio', 'Notas'];

/** A database holding the Fresno sample, Casa Legal's saved mapping for the header above, and a folder for sheets. */
async function clinic(t: Test) {
  const dir = tempDir(t);
  const db = join(dir, 'taller.sqlite');
  const res = await runTaller(db, ['import', join(SAMPLES_DIR, FRESNO)]);
  if (res.code !== 0) throw new Error(res.stderr);
  const store = openDatabase(db);
  try {
    const org = organizationNamed(store.db, 'Casa Legal');
    // What a coordinator of Casa Legal chose in the browser for their sheet.
    const saved = rememberMapping('applicants', HEADER, {
      columns: ['name', 'languages', 'case_type', 'ignore'], values: { language: { mixtekoo: 'mix' } },
    });
    storeMapping(store.db, org, 'applicants', saved, new Date().toISOString());
  } finally {
    store.close();
  }
  const sheet = (name: string, rows: string[][]) => {
    const file = join(dir, name);
    writeFileSync(file, rows.map((r) => r.join(';')).join('\r\n'));
    return file;
  };
  return { db, dir, sheet };
}

function stored(db: string) {
  const store = openDatabase(db);
  try {
    return loadBundle(store.db, FRESNO_ID)!;
  } finally {
    store.close();
  }
}

t.test('--mapping saved imports a sheet by the organization’s saved mapping, columns and values Taller alone does not know', async (t) => {
  const { db, sheet } = await clinic(t);
  const file = sheet('abril.csv', [HEADER, ['Ana Ruiz', 'Mixtekoo', 'Ciudadanía', 'llega tarde'], ['Luis Pérez', 'Español', 'Renovación de DACA', '']]);
  const res = await runTaller(db, ['import', '--event', FRESNO_ID, '--applicants', file, '--mapping', 'saved', '--org', 'Casa Legal']);
  t.equal(res.code, 0, res.stderr);
  t.match(res.stdout, `imported 2 applicants into ${FRESNO_ID} from ${file}`);
  t.same(stored(db).applicants.map((a) => [a.id, a.name, a.languages, a.caseType]), [
    ['A0002', 'Ana Ruiz', ['mix'], 'n400'], ['A0003', 'Luis Pérez', ['es'], 'daca_renewal'],
  ]);
  t.equal(stored(db).volunteers.length, 12, 'the roster is unchanged');
});

t.test('--mapping saved with a value it cannot map exits 2 at FILE:ROW:COLUMN and imports nothing', async (t) => {
  const { db, sheet } = await clinic(t);
  const before = stored(db);
  const file = sheet('abril.csv', [HEADER, ['Ana Ruiz', 'Mixtekoo', 'Ciudadanía', ''], ['Luis Pérez', 'Klingonés', 'Ciudadanía', '']]);
  const res = await runTaller(db, ['import', '--event', FRESNO_ID, '--applicants', file, '--mapping', 'saved', '--org', 'Casa Legal']);
  t.equal(res.code, 2);
  t.match(res.stderr, `${file}:3:B (Lengua materna): unknown language "Klingonés"\n`);
  t.match(res.stderr, '1 problem found; nothing was imported');
  t.same(stored(db), before);
});

t.test('--mapping saved lists each column the saved mapping does not know, at row 1', async (t) => {
  const { db, sheet } = await clinic(t);
  const file = sheet('abril.csv', [[...HEADER, 'Observaciones'], ['Ana Ruiz', 'Mixtekoo', 'Ciudadanía', '', 'x']]);
  const res = await runTaller(db, ['import', '--event', FRESNO_ID, '--applicants', file, '--mapping', 'saved', '--org', 'Casa Legal']);
  t.equal(res.code, 2);
  t.match(res.stderr, `${file}:1:E (Observaciones): the saved mapping of Casa Legal does not know this column`);
});

t.test('--mapping saved without a saved mapping says how to make one', async (t) => {
  const { db, sheet } = await clinic(t);
  const file = sheet('abril.csv', [HEADER, ['Ana Ruiz', 'Mixtekoo', 'Ciudadanía', '']]);
  const res = await runTaller(db, ['import', '--event', FRESNO_ID, '--volunteers', file, '--mapping', 'saved', '--org', 'Casa Legal']);
  t.equal(res.code, 2);
  t.match(res.stderr, 'Casa Legal has no saved mapping for volunteers yet');
  const orphan = await runTaller(db, ['import', '--event', FRESNO_ID, '--applicants', file, '--mapping', 'saved']);
  t.equal(orphan.code, 2);
  t.match(orphan.stderr, `the event ${FRESNO_ID} belongs to no organization: name the one whose saved mapping to use with --org NAME`);
});

t.test('the proposed mapping of a sheet with unknown columns and values is printed, and nothing is imported (exit 2)', async (t) => {
  const { db, sheet } = await clinic(t);
  const before = stored(db);
  const file = sheet('abril.csv', [HEADER, ['Ana Ruiz', 'Mixtekoo', 'Ciudadanía', 'x'], ['Luis Pérez', 'Mixtekoo', 'Ciudadanía', '']]);
  const res = await runTaller(db, ['import', '--event', FRESNO_ID, '--applicants', file]);
  t.equal(res.code, 2);
  t.match(res.stdout, `${file}: read as semicolon-separated text, UTF-8`);
  t.match(res.stdout, '  A Nombre -> name\n  B Lengua materna -> not recognised: choose its field in the browser\n  C Servicio -> case_type\n  D Notas -> not recognised');
  t.match(res.stderr, `${file}:1:B (Lengua materna): Taller cannot tell which field this column holds`);
  t.match(res.stderr, `${file}:1:D (Notas): Taller cannot tell which field this column holds`);
  t.same(stored(db), before);
});

t.test('the proposed mapping lists each value Taller does not know at its first row', async (t) => {
  const { db, sheet } = await clinic(t);
  const file = sheet('abril.csv', [['Nombre', 'Idiomas', 'Tipo de caso'], ['Ana Ruiz', 'Español', 'Ciudadanía'], ['Luis Pérez', 'Mixtekoo', 'Ciudadanía'], ['Eva Cruz', 'Mixtekoo', 'Ciudadanía']]);
  const res = await runTaller(db, ['import', '--event', FRESNO_ID, '--applicants', file]);
  t.equal(res.code, 2);
  t.match(res.stdout, 'values Taller does not know:\n  B Idiomas, row 3: language "Mixtekoo" (2 rows)');
  t.match(res.stderr, `${file}:3:B (Idiomas): unknown language "Mixtekoo"\n${file}:4:B (Idiomas): unknown language "Mixtekoo"\n`);
});

t.test('the proposed mapping imports the Spanish sample when everything maps, and keeps it for the organization named', async (t) => {
  const { db, dir } = await clinic(t);
  const file = join(dir, 'applicants-es.csv');
  copyFileSync(new URL('../../static/samples/spreadsheets/applicants-es.csv', import.meta.url), file);
  const res = await runTaller(db, ['import', '--event', FRESNO_ID, '--applicants', file, '--org', 'Casa Legal']);
  t.equal(res.code, 0, res.stderr);
  t.match(res.stdout, `${file}: read as semicolon-separated text, Windows-1252 (Western European)`);
  t.match(res.stdout, '  A Folio -> id\n  B Nombre completo -> name\n');
  t.match(res.stdout, `imported 40 applicants into ${FRESNO_ID}`);
  t.match(res.stdout, 'the mapping is kept for Casa Legal');
  t.match(res.stderr, `${file}:29:J (Disponible): warning: the window 17:00-20:00 lies wholly outside the event's hours`);
  const names = stored(db).applicants.map((a) => a.name);
  t.same(names.filter((n) => n !== 'Gurpreet Kaur'), sampleBundle(FRESNO).applicants.map((a) => a.name).filter((n) => n !== 'ਗੁਰਪ੍ਰੀਤ ਕੌਰ'));
  const store = openDatabase(db);
  t.teardown(() => store.close());
  t.equal(loadMapping(store.db, organizationNamed(store.db, 'Casa Legal'), 'applicants')?.columns['folio'], 'id');
});

t.test('the spreadsheet form refuses a bundle folder beside it, two sheets, a mapping it does not have and a file it cannot read', async (t) => {
  const { db } = await clinic(t);
  const cases: [string[], RegExp][] = [
    [['import', join(SAMPLES_DIR, FRESNO), '--event', FRESNO_ID, '--applicants', 'x.csv'], /not both/],
    [['import', '--event', FRESNO_ID], /name one spreadsheet/],
    [['import', '--event', FRESNO_ID, '--applicants', 'a.csv', '--volunteers', 'v.csv'], /name one spreadsheet/],
    [['import', '--event', FRESNO_ID, '--applicants', 'a.csv', '--mapping', 'guess'], /--mapping is saved or proposed, not "guess"/],
    [['import', '--event', FRESNO_ID, '--applicants', '/no/such/file.csv'], /\/no\/such\/file.csv: cannot read the file/],
    [['import', join(SAMPLES_DIR, FRESNO), '--mapping', 'saved'], /--mapping goes with --event/],
    [['import', '--event', 'no-such-event', '--applicants', join(SAMPLES_DIR, FRESNO, 'applicants.csv')], /no event no-such-event in the database/],
  ];
  for (const [args, message] of cases) {
    const res = await runTaller(db, args);
    t.equal(res.code, 2, args.join(' '));
    t.match(res.stderr, message);
  }
});

t.test('taller --help shows the spreadsheet import', async (t) => {
  const res = await runTaller(':memory:', ['--help']);
  t.match(res.stdout, 'import --event ID --volunteers FILE | --applicants FILE');
  t.match(res.stdout, '--mapping saved');
});
