// The spreadsheet import's use cases over a real database: uploads kept for their account only
// and for an hour, columns and values chosen, the list checked with the event, saved in one
// transaction, the mapping remembered for the organization, and the plan told out of date.
import { readFileSync } from 'node:fs';
import t from 'tap';
import type { Test } from 'tap';
import { loadBundle, saveBundle } from '../../src/db/events.js';
import type { OpenDatabase } from '../../src/db/index.js';
import { eventKey, savePlan } from '../../src/db/plans.js';
import { purgeEvent } from '../../src/db/purge.js';
import { auditLog, spreadsheetUploads } from '../../src/db/schema.js';
import { loadMapping } from '../../src/db/spreadsheets.js';
import { insertAccount, organizationNamed } from '../../src/db/users.js';
import { plan } from '../../src/planner/index.js';
import {
  UPLOAD_MINUTES, cancelUpload, checkSheet, chooseColumns, chooseValues, columnProposals, mappingOf, openUpload, planAfterImport, saveSheet,
  saveUpload, startUpload, valueProposals,
} from '../../src/services/imports.js';
import type { Importer } from '../../src/services/imports.js';
import { choicesOf, proposeColumns, readSheet } from '../../src/sheets/index.js';
import type { Sheet } from '../../src/sheets/index.js';
import { FRESNO, FRESNO_ID, sampleBundle, tempDatabase } from '../support/fixtures.js';

const SHEETS = new URL('../../static/samples/spreadsheets/', import.meta.url);
const sample = (name: string) => ({ name, bytes: readFileSync(new URL(name, SHEETS)) });
const csv = (name: string, rows: string[][]) => ({ name, bytes: Buffer.from(rows.map((r) => r.join(',')).join('\n')) });
const NOON = new Date('2027-05-01T12:00:00Z');
const later = (minutes: number) => new Date(NOON.getTime() + minutes * 60_000);

/** The Fresno event run by Casa Legal, and two of its coordinators. */
function clinic(t: Test) {
  const store = tempDatabase(t);
  const org = organizationNamed(store.db, 'Casa Legal');
  saveBundle(store.db, sampleBundle(FRESNO), 'test', org);
  const person = (email: string): Importer => ({
    userId: insertAccount(store.db, { email, name: email, role: 'coordinator', organizationId: org, passwordHash: null }), organizationId: org,
  });
  return { store, org, cora: person('cora@example.org'), beto: person('beto@example.org') };
}

async function sheetOf(file: { name: string; bytes: Buffer }): Promise<Sheet> {
  const read = await readSheet(file.bytes, file.name);
  if (!read.ok) throw new Error(read.problem);
  return read.sheet;
}

/** Starts an upload and opens it. */
async function uploaded(store: OpenDatabase, who: Importer, target: 'volunteers' | 'applicants', file: { name: string; bytes: Buffer }) {
  const started = await startUpload(store.db, who, FRESNO_ID, target, file, 'user:1', NOON);
  if (!started.ok) throw new Error(JSON.stringify(started));
  return (await openUpload(store.db, who, FRESNO_ID, target, NOON))!;
}

t.test('an upload opens only for the account that made it', async (t) => {
  const { store, cora, beto } = clinic(t);
  await uploaded(store, cora, 'volunteers', sample('volunteers-es.csv'));
  t.ok(await openUpload(store.db, cora, FRESNO_ID, 'volunteers', NOON));
  t.equal(await openUpload(store.db, beto, FRESNO_ID, 'volunteers', NOON), undefined);
  t.equal(await openUpload(store.db, cora, FRESNO_ID, 'applicants', NOON), undefined, 'nor for the other list');
});

t.test('an upload is gone once its hour is over, and its bytes deleted', async (t) => {
  const { store, cora } = clinic(t);
  await uploaded(store, cora, 'volunteers', sample('volunteers-es.csv'));
  t.ok(await openUpload(store.db, cora, FRESNO_ID, 'volunteers', later(UPLOAD_MINUTES - 1)));
  t.equal(await openUpload(store.db, cora, FRESNO_ID, 'volunteers', later(UPLOAD_MINUTES)), undefined);
  t.same(store.db.select().from(spreadsheetUploads).all(), []);
});

t.test('a file that cannot be read is refused in words and nothing is kept', async (t) => {
  const { store, cora } = clinic(t);
  const started = await startUpload(store.db, cora, FRESNO_ID, 'volunteers', { name: 'lista.xls', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]) }, 'user:1', NOON);
  const problem = 'lista.xls: this is an old Excel file (.xls): open it and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8", then upload that';
  t.same(started, { ok: false, problem, read: { ok: false, reason: 'old_excel', problem, params: { file: 'lista.xls' } } });
  t.same(store.db.select().from(spreadsheetUploads).all(), []);
});

t.test('cancelling deletes the upload', async (t) => {
  const { store, cora } = clinic(t);
  await uploaded(store, cora, 'volunteers', sample('volunteers-es.csv'));
  t.ok(cancelUpload(store.db, cora, FRESNO_ID, 'volunteers', 'user:1'));
  t.equal(await openUpload(store.db, cora, FRESNO_ID, 'volunteers', NOON), undefined);
  t.notOk(cancelUpload(store.db, cora, FRESNO_ID, 'volunteers', 'user:1'), 'nothing left to cancel');
});

t.test('a purge of the event deletes the uploads waiting for it', async (t) => {
  const { store, cora } = clinic(t);
  await uploaded(store, cora, 'applicants', sample('applicants-es.csv'));
  purgeEvent(store.db, eventKey(store.db, FRESNO_ID)!, 'test', NOON.toISOString());
  t.same(store.db.select().from(spreadsheetUploads).all(), []);
});

t.test('a column left unchosen, a field on two columns and a needed field on none keep the columns from being confirmed', async (t) => {
  const { store, cora } = clinic(t);
  const open = await uploaded(store, cora, 'applicants', csv('a.csv', [['Nombre', 'Idiomas', 'Lengua', 'Notas'], ['Ana', 'Español', 'Inglés', 'x']]));
  const refused = chooseColumns(store.db, open, ['name', 'languages', 'languages', null]);
  t.same(refused, {
    ok: false,
    problems: [
      {
        index: 3, message: 'Choose what column D (Notas) holds, or “ignore this column”.',
        code: 'choose_column', params: { column: 'D', columnHeader: 'Notas' },
      },
      {
        index: 2, message: 'Column B (Idiomas) and column C (Lengua) are both set to languages: choose one, and ignore the other.',
        code: 'same_field', params: { column: 'B', columnHeader: 'Idiomas', other: 'C', otherHeader: 'Lengua', field: 'languages' },
      },
      {
        index: 0, message: 'No column is set to case_type, which Taller needs for every applicant.',
        code: 'needed_field', params: { field: 'case_type', target: 'applicants' },
      },
    ],
  });
  t.equal((await openUpload(store.db, cora, FRESNO_ID, 'applicants', NOON))!.upload.step, 'columns', 'nothing recorded');
});

t.test('a value Taller does not know must be given a code; a list may leave a value out', async (t) => {
  const { store, cora } = clinic(t);
  let open = await uploaded(store, cora, 'applicants', csv('a.csv', [['Nombre', 'Idiomas', 'Tipo de caso'], ['Ana', 'Mixtekoo y Klingon', 'Ciudadanía']]));
  t.ok(chooseColumns(store.db, open, ['name', 'languages', 'case_type']).ok);
  open = (await openUpload(store.db, cora, FRESNO_ID, 'applicants', NOON))!;
  const { values } = valueProposals(open);
  t.same(values.map((v) => [v.value, v.code]), [['Mixtekoo', null], ['Klingon', null], ['Ciudadanía', 'n400']]);
  const refused = chooseValues(store.db, open, [null, 'en', 'n400']);
  t.same(refused, {
    ok: false,
    problems: [{
      index: 0, message: 'Choose the language “Mixtekoo” stands for (column B, 1 row).',
      code: 'choose_value', params: { kind: 'language', text: 'Mixtekoo', letter: 'B', rows: '1' },
    }],
  });
  t.ok(chooseValues(store.db, open, ['mix', '', 'n400']).ok);
  open = (await openUpload(store.db, cora, FRESNO_ID, 'applicants', NOON))!;
  t.same(open.upload.choices.values, { language: { mixtekoo: 'mix', klingon: '' } }, 'only the choices Taller would not make itself are kept');
  const check = checkSheet(open.bundle, 'applicants', open.sheet, mappingOf(open));
  t.equal(check.bundle!.applicants[0]!.languages.join(';'), 'mix');
});

t.test('a problem on a row is told at the sheet’s row, column letter and header, and nothing is saved', async (t) => {
  const { store, org } = clinic(t);
  const before = loadBundle(store.db, FRESNO_ID);
  const sheet = await sheetOf(csv('nuevos.csv', [['Folio', 'Nombre', 'Idiomas', 'Tipo de caso', 'Disponible'], ['A1', 'Ana', 'Español', 'Ciudadanía', '9 a 12'], ['A2', 'Luis', 'Español', 'Ciudadanía', 'temprano']]));
  const done = saveSheet(store.db, FRESNO_ID, 'applicants', sheet, { columns: ['id', 'name', 'languages', 'case_type', 'available'] }, 'user:1', org);
  t.notOk(done.ok);
  t.same(!done.ok && 'check' in done && done.check.problems.map((p) => p.text),
    ['nuevos.csv: row 3, column E (Disponible): "temprano" is not a time window: write HH:MM-HH:MM between 00:00 and 24:00, e.g. 09:00-12:30']);
  t.same(loadBundle(store.db, FRESNO_ID), before);
  t.equal(loadMapping(store.db, org, 'applicants'), undefined, 'no mapping remembered');
});

t.test('a saved roster replaces the stored one in one transaction, keeps the applicants and is on the audit log', async (t) => {
  const { store, org } = clinic(t);
  const sheet = await sheetOf(sample('volunteers-es.csv'));
  const done = saveSheet(store.db, FRESNO_ID, 'volunteers', sheet, { columns: choicesOf(proposeColumns('volunteers', sheet.header)) }, 'user:7', org);
  t.ok(done.ok);
  const stored = loadBundle(store.db, FRESNO_ID)!;
  t.equal(stored.volunteers.length, 12);
  t.same(stored.applicants, sampleBundle(FRESNO).applicants);
  const rows = store.db.select({ actor: auditLog.actor, action: auditLog.action, detail: auditLog.detail }).from(auditLog).all();
  t.match(rows.at(-1), { actor: 'user:7', action: 'spreadsheet.import', detail: '12 volunteers from a csv file' });
});

t.test('the mapping saved with a list pre-fills the organization’s next upload', async (t) => {
  const { store, org, cora, beto } = clinic(t);
  const header = ['Nombre', 'Lengua materna', 'Servicio', 'Notas'];
  let open = await uploaded(store, cora, 'applicants', csv('marzo.csv', [header, ['Ana', 'Mixtekoo', 'Ciudadanía', 'x']]));
  t.same(columnProposals(open).map((p) => p.field), ['name', null, 'case_type', null], 'Taller alone does not know two of them');
  chooseColumns(store.db, open, ['name', 'languages', 'case_type', 'ignore']);
  open = (await openUpload(store.db, cora, FRESNO_ID, 'applicants', NOON))!;
  chooseValues(store.db, open, ['mix', 'n400']);
  open = (await openUpload(store.db, cora, FRESNO_ID, 'applicants', NOON))!;
  t.ok((await saveUpload(store.db, open, 'user:1', undefined, NOON)).ok);
  t.ok(loadMapping(store.db, org, 'applicants'));

  const next = await uploaded(store, beto, 'applicants', csv('abril.csv', [header, ['Luis', 'Mixtekoo', 'Ciudadanía', 'y']]));
  t.same(columnProposals(next).map((p) => [p.field, p.match]), [['name', 'remembered'], ['languages', 'remembered'], ['case_type', 'remembered'], [null, 'remembered']]);
  chooseColumns(store.db, next, ['name', 'languages', 'case_type', 'ignore']);
  const reopened = (await openUpload(store.db, beto, FRESNO_ID, 'applicants', NOON))!;
  t.same(valueProposals(reopened).values.map((v) => [v.value, v.code]), [['Mixtekoo', 'mix'], ['Ciudadanía', 'n400']]);
});

t.test('saving an upload deletes it', async (t) => {
  const { store, cora } = clinic(t);
  let open = await uploaded(store, cora, 'volunteers', sample('volunteers-es.csv'));
  chooseColumns(store.db, open, columnProposals(open).map((p) => p.field ?? 'ignore'));
  open = (await openUpload(store.db, cora, FRESNO_ID, 'volunteers', NOON))!;
  chooseValues(store.db, open, valueProposals(open).values.map((v) => v.code));
  open = (await openUpload(store.db, cora, FRESNO_ID, 'volunteers', NOON))!;
  t.ok((await saveUpload(store.db, open, 'user:1', undefined, NOON)).ok);
  t.same(store.db.select().from(spreadsheetUploads).all(), []);
});

t.test('a list saved over a planned event says that the plan no longer fits it', async (t) => {
  const { store, org } = clinic(t);
  const planned = plan(sampleBundle(FRESNO), { iterations: 50 });
  savePlan(store.db, eventKey(store.db, FRESNO_ID)!, planned, {}, 'test');
  t.equal(await planAfterImport(store.db, FRESNO_ID).then((p) => p?.outOfDate), false, 'the plan fits the event as imported');
  // The applicants without one the plan gives a day to.
  const gone = planned.scheduled[0]!.applicant;
  const sheet = await sheetOf(sample('applicants-es.csv'));
  const kept = sheet.rows.map((row, i) => ({ row, at: sheet.rowNumbers[i]! })).filter(({ row }) => row[0] !== gone);
  const fewer = { ...sheet, rows: kept.map((k) => k.row), rowNumbers: kept.map((k) => k.at) };
  t.ok(saveSheet(store.db, FRESNO_ID, 'applicants', fewer, { columns: choicesOf(proposeColumns('applicants', sheet.header)) }, 'user:1', org).ok);
  const after = await planAfterImport(store.db, FRESNO_ID);
  t.equal(after?.version, 1);
  t.equal(after?.outOfDate, true);
  t.ok(after!.problems > 0, `${after!.problems} problems`);
});

t.test('importing one list leaves a formula-like value of the other list exactly as it was stored', async (t) => {
  const { store, org } = clinic(t);
  const bundle = sampleBundle(FRESNO);
  bundle.volunteers[0]!.name = '=Ana Ruiz';
  saveBundle(store.db, bundle, 'test', org);
  const sheet = await sheetOf(csv('nuevos.csv', [['Folio', 'Nombre', 'Idiomas', 'Tipo de caso', 'Disponible'], ['A1', 'Ana', 'Español', 'Ciudadanía', '9 a 12']]));
  const done = saveSheet(store.db, FRESNO_ID, 'applicants', sheet, { columns: ['id', 'name', 'languages', 'case_type', 'available'] }, 'user:1', org);
  t.ok(done.ok);
  t.equal(loadBundle(store.db, FRESNO_ID)!.volunteers[0]!.name, '=Ana Ruiz');
});

t.test('a roster from a sheet that books someone at another workshop they cannot also reach is refused at that row, saving nothing', async (t) => {
  const { store, org } = clinic(t);
  const fresno = sampleBundle(FRESNO);
  // The same day in Madera County, with V001 (by e-mail) on its roster all day.
  saveBundle(store.db, {
    ...fresno, event: { ...fresno.event, id: 'madera-same-day', site: { ...fresno.event.site, name: 'Madera hall', county: 'Madera' } },
    volunteers: fresno.volunteers.map((v, i) => (i === 0 ? v : { ...v, email: undefined })),
  }, 'test', org);
  const sheet = await sheetOf(sample('volunteers-es.csv'));
  const done = saveSheet(store.db, FRESNO_ID, 'volunteers', sheet, { columns: choicesOf(proposeColumns('volunteers', sheet.header)) }, 'user:7', org);
  t.notOk(done.ok, 'refused');
  t.match(done, { check: { problems: [{ row: 2, message: /by the same e-mail as V001 on a roster already stored, at madera-same-day \(Madera County/ }] } });
  t.same(loadBundle(store.db, FRESNO_ID)!.volunteers, fresno.volunteers, 'the stored roster is as it was');
});
