// The import pages say every problem from its code: in English exactly as the command line
// says it, in Spanish with every placeholder filled. Real files read by the real readers.
import t from 'tap';
import type { Test } from 'tap';
import { readBundle } from '../../src/bundle/index.js';
import {
  applyMapping, choicesOf, describeSheet, mapProblems, mappingProblems, proposeColumns, readSheet, readerWords,
} from '../../src/sheets/index.js';
import type { SheetProblem } from '../../src/sheets/index.js';
import type { ReadFailure } from '../../src/services/imports.js';
import { mappingMessage, problemLine, problemMessage, readDescription, readMessage } from '../../src/http/import-view.js';
import { FRESNO_APPLICANTS, FRESNO_EVENT, FRESNO_VOLUNTEERS, encode, sheet, sheetOf, xlsxBytes } from '../sheets/helpers.js';

const file = (rows: string[][]) => Buffer.from(`${rows.map((r) => r.join(',')).join('\n')}\n`);

/** Every error and warning the strict reader finds in these files, as problems of canonical files (no sheet behind them). */
function readerProblems(volunteers: string[][], applicants: string[][]): SheetProblem[] {
  const read = readBundle({
    'event.json': FRESNO_EVENT,
    'volunteers.csv': volunteers.length ? file(volunteers) : FRESNO_VOLUNTEERS,
    'applicants.csv': applicants.length ? file(applicants) : FRESNO_APPLICANTS,
  });
  return mapProblems([...read.errors, ...read.warnings], []);
}

/** The English is the command line's, word for word; the Spanish differs and fills every placeholder. */
function saysBoth(t: Test, english: string, say: (locale: 'en' | 'es') => string) {
  t.equal(say('en'), english, english);
  const spanish = say('es');
  t.not(spanish, english, `in Spanish: ${spanish}`);
  t.notMatch(spanish, /\{\w+\}/, 'no placeholder left');
}

t.test('every sentence of the strict reader about a roster or applicants file reads in English as the command line writes it, and in Spanish', async (t) => {
  const problems = [
    ...readerProblems([
      ['id', 'name', 'role', 'languages', 'email', 'case_types', 'accreditation', 'org', 'supervisor', 'available', 'max_applicants'],
      ['V1', '', 'attorney', 'es', 'nope', '', 'full', '', 'V2', 'morning', 'many'],
      ['V1', 'Ana', 'wizard', 'e$;x1', '', 'xx', '', '', '', '12:00-09:00', '2.5'],
      ['V3', '=cmd', 'accredited_rep', ';', '', 'xx;yy', '', '', '', '05:00-06:00', '-1'],
      ['V4', 'Bo', 'accredited_rep', 'zzz', '', '', 'half', 'ILSCC', '', '', '99999999999999999999'],
      ['V5', 'Cy', 'law_student', 'es', '', '', '', '', '', '', ''],
      ['V6', 'Di', 'law_student', 'es', '', '', '', '', 'V99', '', ''],
      ['V7', 'Ed', 'law_student', 'es', '', '', '', '', 'V8', '', ''],
      ['V8', 'Flo', 'paralegal', 'es', '', '', '', '', '', '05:00-06:00', ''],
    ], [
      ['id', 'name', 'languages', 'case_type', 'complexity', 'flags', 'deadline', 'priority'],
      ['A1', 'Ana', 'es', 'xx', 'hard', 'odd', 'soon', ''],
      ['A2', 'Bo', 'es', 'tps', '', 'odd;weird', '2027-02-30', ''],
    ]),
    ...readerProblems([['id', 'name', 'languages'], ['V1', 'Ana', 'es']], []),
  ];
  t.ok(problems.length >= 30, `${problems.length} problems`);
  t.same(problems.filter((p) => p.code === 'other').map((p) => p.message), [], 'each has its code');
  for (const p of problems) {
    saysBoth(t, p.message, (locale) => problemMessage(locale, p));
    saysBoth(t, p.text, (locale) => problemLine(locale, p));
  }
});

t.test('the reader’s two sentences that quote examples fill them in both languages', async (t) => {
  for (const message of [
    'at least one language code is required (e.g. "es" or "mix;es")',
    '"e$" is not a language code: use ISO 639 codes of 2–3 letters such as "es", "en", "mix"',
  ]) saysBoth(t, message, (locale) => problemMessage(locale, readerWords(message)));
  t.equal(problemMessage('es', readerWords('at least one language code is required (e.g. "es" or "mix;es")')),
    'se necesita al menos un código de idioma (por ejemplo «es» o «mix;es»)');
});

t.test('what the sheet says itself, an unknown value and a needed column, reads in both languages, at the sheet’s row and column', async (t) => {
  const s = sheet(['Nombre', 'Apellidos', 'Idiomas', 'Tipo de caso'], [['=Ana', 'Ruiz', 'Mixtekoo y Otroo', 'N-400'], ['Bo', '', 'es', 'Pasaporte']]);
  const { csv, origin } = applyMapping('applicants', s, { columns: choicesOf(proposeColumns('applicants', s.header)) });
  const read = readBundle({ 'event.json': FRESNO_EVENT, 'volunteers.csv': FRESNO_VOLUNTEERS, 'applicants.csv': csv });
  const problems = mapProblems([...read.errors, ...read.warnings, { file: 'applicants.csv', row: 1, column: 'household', message: 'required column "household" is missing' }], origin);
  t.same(problems.map((p) => p.code), ['unknown_value', 'unknown_value', 'formula', 'no_column']);
  for (const p of problems) {
    saysBoth(t, p.message, (locale) => problemMessage(locale, p));
    saysBoth(t, p.text, (locale) => problemLine(locale, p));
  }
  t.equal(problemLine('es', problems[0]!), 'sheet.csv: fila 2, columna C (Idiomas): idiomas desconocidos «Mixtekoo», «Otroo»');
  t.equal(problemLine('es', problems[2]!), 'sheet.csv: fila 2, columnas A, B (Nombre, Apellidos): nombre empieza con "=", así que una hoja de cálculo lo ejecutaría como fórmula: Taller lo guarda como texto, y sus exportaciones CSV lo escriben con un apóstrofo al principio');
});

t.test('a problem Taller has no sentence for keeps its English in both languages', async (t) => {
  const [p] = mapProblems([{ file: 'event.json', row: 1, column: 'desks.check_in', message: 'must be at least 1' }], []);
  t.equal(problemMessage('es', p!), 'must be at least 1');
  t.equal(problemLine('en', p!), p!.text);
  t.equal(problemLine('es', p!), 'event.json: fila 1, desks.check_in: must be at least 1');
});

t.test('what keeps the chosen columns from being applied reads in both languages', async (t) => {
  const s = sheet(['Nombre', '', 'Apellidos', 'Idiomas', 'Rol'], [['a', 'b', 'c', 'd', 'e']]);
  const problems = [
    ...mappingProblems('applicants', s, { columns: ['name', 'name', 'last_name', 'ignore', 'role'] }),
    ...mappingProblems('volunteers', s, { columns: ['name'] }),
  ];
  t.same(problems.map((p) => p.code), ['same_field', 'not_a_field', 'name_and_parts', 'needed_field', 'needed_field', 'column_count']);
  for (const p of problems) saysBoth(t, p.message, (locale) => mappingMessage(locale, p));
  t.equal(mappingMessage('es', problems[3]!), 'ninguna columna está asignada a idiomas, que Taller necesita para cada solicitante');
});

t.test('a file that cannot be read is said in both languages', async (t) => {
  const failures: ReadFailure[] = [];
  const fail = async (bytes: Uint8Array, name: string, options = {}) => {
    const read = await readSheet(bytes, name, options);
    if (read.ok) throw new Error(`${name} was read`);
    failures.push(read);
  };
  await fail(Buffer.alloc(0), 'vacío.csv');
  await fail(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'foto.png');
  await fail(Buffer.from('%PDF-1.7\n...'), 'lista.pdf');
  await fail(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'viejo.xls');
  await fail(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]), 'hoja.ods');
  await fail(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip')]), 'lista.xlsx');
  const workbook = await xlsxBytes({ Portada: [[null]], Encabezado: [[null, null], ['Ana', 'es']], Solo: [['Nombre', 'Idiomas']] });
  await fail(workbook, 'libro.xlsx', { sheet: 'Hoja 9' });
  await fail(workbook, 'libro.xlsx', { sheet: 'Portada' });
  await fail(workbook, 'libro.xlsx', { sheet: 'Encabezado' });
  await fail(workbook, 'libro.xlsx', { sheet: 'Solo' });
  await fail(Buffer.from(',,\nAna,es,n400\n'), 'sin-encabezado.csv');
  await fail(Buffer.from('name,languages\n\n'), 'solo.csv');
  await fail(Buffer.from('name,notes\nAna,ok\nBo,"never closed\nCy,x\n'), 'comillas.csv');
  t.same(failures.map((f) => f.reason), [
    'empty', 'not_a_spreadsheet', 'pdf', 'old_excel', 'opendocument', 'not_xlsx', 'sheet_not_found', 'no_rows', 'empty_header', 'no_data_rows',
    'empty_header', 'no_data_rows', 'unreadable_csv',
  ]);
  for (const failure of failures) saysBoth(t, failure.problem, (locale) => readMessage(locale, failure));
  t.equal(readMessage('es', failures[6]!), 'libro.xlsx: el libro no tiene ninguna hoja llamada «Hoja 9» (sus hojas: «Portada», «Encabezado», «Solo»)');
  t.equal(readMessage('es', failures[3]!),
    'viejo.xls: este es un archivo antiguo de Excel (.xls): ábralo, guárdelo como «Libro de Excel (.xlsx)» o «CSV UTF-8 (delimitado por comas)» y suba ese');
});

t.test('how a file was read is said in both languages', async (t) => {
  const sheets = [
    await sheetOf(encode('Nombre;Idiomas\r\nAna;es\r\n', 'windows-1252'), 'lista.csv'),
    await sheetOf(encode('Nombre\tIdiomas\r\nAna\tes\r\n', 'utf-16le'), 'lista.txt'),
    await sheetOf(encode('Nombre,Idiomas\r\nAna,es\r\n', 'utf-8-bom'), 'lista.csv'),
    await sheetOf(await xlsxBytes({ Solicitantes: [['Nombre'], ['Ana']] }), 'libro.xlsx'),
  ];
  for (const s of sheets) saysBoth(t, describeSheet(s), (locale) => readDescription(locale, s));
  t.equal(readDescription('es', sheets[3]!), 'leída como libro de Excel, hoja «Solicitantes»');
});
