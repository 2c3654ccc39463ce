import t from 'tap';
import { readBundle } from '../../src/bundle/index.js';
import type { Problem } from '../../src/bundle/index.js';
import {
  MappingError, applyMapping, checkMapping, choicesOf, locateProblem, mapProblems, proposeColumns,
} from '../../src/sheets/index.js';
import type { SheetMapping, SheetTarget } from '../../src/sheets/index.js';
import { FRESNO_APPLICANTS, FRESNO_EVENT, FRESNO_VOLUNTEERS, sheet, sheetOf, xlsxBytes } from './helpers.js';

/** The mapping Taller proposes, as the coordinator would confirm it untouched. */
const proposed = (target: SheetTarget, header: string[]): SheetMapping => ({ columns: choicesOf(proposeColumns(target, header)) });

const readApplicants = (csv: Buffer) => readBundle({ 'event.json': FRESNO_EVENT, 'volunteers.csv': FRESNO_VOLUNTEERS, 'applicants.csv': csv });
const readVolunteers = (csv: Buffer) => readBundle({ 'event.json': FRESNO_EVENT, 'volunteers.csv': csv, 'applicants.csv': FRESNO_APPLICANTS });

const APPLICANT_HEADER = ['Nombre', 'Apellidos', 'Idiomas', 'Tipo de caso', 'Teléfono', 'Correo electrónico', 'Complejidad',
  'Alertas', 'Familia', 'Disponible', 'Fecha límite', 'Prioridad', 'Notas'];

t.test('writes a canonical applicants.csv that readBundle accepts with the sample event', async (t) => {
  const s = sheet(APPLICANT_HEADER, [
    ['María', 'Guzmán Bautista', 'Mixteco y español', 'Naturalización', '559-555-0101', 'maria@example.com', 'Moderado',
      'Ninguna', 'H1', '9 a 12', '13/03/2027', 'Alta', 'trae sus papeles'],
    ['Kou', 'Xiong', 'Hmong, inglés', 'Renovación de DACA', '', '', '', 'Antecedentes penales; en corte', '', '', '2027-12-01', '', ''],
  ], { rowNumbers: [2, 5] });
  const { csv, origin } = applyMapping('applicants', s, proposed('applicants', APPLICANT_HEADER));
  t.equal(csv.toString(), [
    'id,name,phone,email,languages,case_type,complexity,flags,household,available,deadline,priority',
    'A0002,María Guzmán Bautista,559-555-0101,maria@example.com,mix;es,n400,moderate,,H1,09:00-12:00,2027-03-13,3',
    'A0005,Kou Xiong,,,hmn;en,daca_renewal,,criminal_history;in_proceedings,,,2027-12-01,',
    '',
  ].join('\n'));
  const read = readApplicants(csv);
  t.same(read.errors, []);
  t.same(read.bundle?.applicants.map((a) => [a.id, a.name, a.languages, a.caseType, a.flags, a.priority]), [
    ['A0002', 'María Guzmán Bautista', ['mix', 'es'], 'n400', [], 3],
    ['A0005', 'Kou Xiong', ['hmn', 'en'], 'daca_renewal', ['criminal_history', 'in_proceedings'], 1],
  ]);
  t.same(origin.columns['id'], 'generated');
  t.same(origin.columns['name'], { letters: ['A', 'B'], headers: ['Nombre', 'Apellidos'] });
  t.same(origin.rowNumbers, [2, 5]);
  t.same(JSON.parse(JSON.stringify(origin)), origin, 'the origin is plain JSON');
});

t.test('writes a canonical volunteers.csv that readBundle accepts, a supervisor named by name becoming an id', async (t) => {
  const header = ['ID', 'Nombre completo', 'Rol', 'Idiomas', 'Tipos de caso', 'Acreditación', 'Organización', 'Supervisor(a)',
    'Horario', 'Máx. solicitantes'];
  const s = sheet(header, [
    ['V1', 'Sofía González', 'Abogada', 'Español, inglés', 'Todos', '', '', '', '', '4.0'],
    ['V2', 'Manpreet Sandhu', 'Estudiante de derecho', 'Panyabí; inglés', 'Ciudadanía, Renovación de DACA', '', '', 'sofia  GONZÁLEZ', '1-5', ''],
    ['V3', 'Emily Okafor', 'Representante acreditada', 'English/Spanish', '', 'Completa', 'ILSCC', '', '9-2', ''],
    ['V4', 'Houa Her', 'Estudiante de derecho', 'Hmong', '', '', '', 'v1', '', ''],
  ]);
  const { csv } = applyMapping('volunteers', s, proposed('volunteers', header));
  const read = readVolunteers(csv);
  t.same(read.errors, []);
  t.same(read.bundle?.volunteers.map((v) => [v.id, v.role, v.languages, v.caseTypes, v.supervisor ?? null, v.maxApplicants ?? null]), [
    ['V1', 'attorney', ['es', 'en'], [], null, 4],
    ['V2', 'law_student', ['pa', 'en'], ['n400', 'daca_renewal'], 'V1', null],
    ['V3', 'accredited_rep', ['en', 'es'], [], null, null],
    ['V4', 'law_student', ['hmn'], [], 'V1', null],
  ]);
  t.same(read.bundle?.volunteers[1]?.available, [{ start: 240, end: 480 }]);
});

t.test('leaves a supervisor name it cannot pin to one volunteer as written', async (t) => {
  const header = ['Nombre', 'Rol', 'Idiomas', 'Supervisor'];
  const s = sheet(header, [
    ['Ana Ruiz', 'Abogada', 'es', ''], ['Ana Ruiz', 'Abogada', 'es', ''], ['Bo', 'Estudiante de derecho', 'en', 'Ana Ruiz'], ['Cy', 'Estudiante de derecho', 'en', 'Nadie'],
  ]);
  const { csv } = applyMapping('volunteers', s, proposed('volunteers', header));
  t.match(csv.toString(), /V004,Bo,law_student,en,Ana Ruiz\nV005,Cy,law_student,en,Nadie\n$/);
});

t.test('uses the coordinator\'s value codes over Taller\'s, and leaves out a value set to nothing', async (t) => {
  const header = ['Nombre', 'Idiomas', 'Tipo de caso', 'Alertas'];
  const s = sheet(header, [['Ana', 'Bilingüe, mixteco', 'Fee waiver', 'Rara, fraude']]);
  const { csv, origin } = applyMapping('applicants', s, {
    ...proposed('applicants', header),
    values: { language: { bilingue: 'es; en', mixteco: 'trs' }, case_type: { feewaiver: 'n400' }, flag: { rara: '' } },
  });
  t.equal(csv.toString().split('\n')[1], 'A0002,Ana,es;en;trs,n400,fraud_misrep');
  t.same(origin.unknown, {});
});

t.test('maps a problem on an unknown language back to the spreadsheet\'s row, column letter and header', async (t) => {
  const bytes = await xlsxBytes([
    ['Nombre', 'Teléfono', 'Correo', 'Tipo de caso', 'Familia', 'Idiomas'],
    ...Array.from({ length: 12 }, (_, i) => [`Persona ${i + 1}`, null, null, 'N-400', null, 'Español']),
    ['Ana Ruiz', null, null, 'N-400', null, 'Mixtekoo'],
  ]);
  const s = await sheetOf(bytes, 'applicants.xlsx');
  const { csv, origin } = applyMapping('applicants', s, proposed('applicants', s.header));
  const read = readApplicants(csv);
  t.same(read.errors.map((p) => `${p.row}:${p.column}`), ['14:languages']);
  const [problem] = mapProblems(read.errors, origin);
  t.same(problem, {
    file: 'applicants.xlsx', row: 14, column: 'F', header: 'Idiomas', field: 'languages',
    message: 'unknown language "Mixtekoo"',
    text: 'applicants.xlsx: row 14, column F (Idiomas): unknown language "Mixtekoo"',
    code: 'unknown_value', params: { kind: 'language', values: ['Mixtekoo'] },
  });
});

t.test('maps problems through the rows the sheet skipped and names every unknown value of a cell', async (t) => {
  const bytes = Buffer.from('Nombre;Idiomas;Tipo de caso\r\n\r\nAna;"Mixtekoo, Otroo";N-400\r\n;;\r\nBo;es;Pasaporte\r\n', 'utf8');
  const s = await sheetOf(bytes, 'lista.csv');
  const { csv, origin } = applyMapping('applicants', s, proposed('applicants', s.header));
  const texts = mapProblems(readApplicants(csv).errors, origin).map((p) => p.text);
  t.same(texts, [
    'lista.csv: row 3, column B (Idiomas): unknown languages "Mixtekoo", "Otroo"',
    'lista.csv: row 5, column C (Tipo de caso): unknown case type "Pasaporte"',
  ]);
});

t.test('maps a problem on a name joined from parts to all of its columns', async (t) => {
  const header = ['Nombre', 'Apellidos', 'Rol', 'Idiomas'];
  const s = sheet(header, [['=HYPERLINK("x")', 'Ruiz', 'Abogada', 'es']]);
  const { csv, origin } = applyMapping('volunteers', s, proposed('volunteers', header));
  const [warning] = mapProblems(readVolunteers(csv).warnings, origin);
  t.match(warning, { row: 2, column: 'A, B', header: 'Nombre, Apellidos', text: /^sheet\.csv: row 2, columns A, B \(Nombre, Apellidos\): name starts with "="/ });
});

t.test('keeps a value it cannot convert as written, for the strict reader to report where it is', async (t) => {
  const header = ['Nombre', 'Idiomas', 'Tipo de caso', 'Disponible', 'Fecha límite', 'Prioridad', 'Complejidad'];
  const s = sheet(header, [['Ana', 'es', 'N-400', 'por la tarde', 'pronto', 'muy alta', 'Rara']]);
  const { csv, origin } = applyMapping('applicants', s, proposed('applicants', header));
  t.equal(csv.toString().split('\n')[1], 'A0002,Ana,es,n400,Rara,por la tarde,pronto,muy alta');
  t.match(mapProblems(readApplicants(csv).errors, origin).map((p) => `${p.column} ${p.message}`), [
    'G unknown complexity "Rara"', /^D "por la tarde" is not a time window/, /^E "pronto" is not a date/, /^F "muy alta" is not a whole number/,
  ]);
});

t.test('reads numeric deadlines in the order given, else in the order the column tells', async (t) => {
  const header = ['Nombre', 'Idiomas', 'Tipo de caso', 'Vence'];
  const s = sheet(header, [['Ana', 'es', 'TPS', '03/04/2027'], ['Bo', 'es', 'TPS', '25/12/2027']]);
  const deadlines = (mapping: SheetMapping) => applyMapping('applicants', s, mapping).csv.toString().trim().split('\n').slice(1).map((l) => l.split(',').at(-1));
  t.same(deadlines(proposed('applicants', header)), ['2027-04-03', '2027-12-25']);
  t.same(deadlines({ ...proposed('applicants', header), dateOrder: 'mdy' }), ['2027-03-04', '2027-12-25']);
});

t.test('writes an id column the sheet has as written, and only the columns chosen', async (t) => {
  const header = ['Folio', 'Nombre', 'Idiomas', 'Tipo de caso', 'Teléfono'];
  const s = sheet(header, [['A-7', 'Ana', 'es', 'TPS', '559']]);
  const { csv, origin } = applyMapping('applicants', s, { columns: ['id', 'name', 'languages', 'case_type', 'ignore'] });
  t.equal(csv.toString(), 'id,name,languages,case_type\nA-7,Ana,es,tps\n');
  t.same(Object.keys(origin.columns), ['id', 'name', 'languages', 'case_type']);
});

t.test('reads the missing cells of a row shorter than the header as empty', async (t) => {
  const s = sheet(['Nombre', 'Apellidos', 'Idiomas', 'Tipo de caso', 'Teléfono'], [['Ana', 'Ruiz', 'es', 'TPS'], ['Bo']]);
  const { csv } = applyMapping('applicants', s, proposed('applicants', s.header));
  t.equal(csv.toString(), 'id,name,phone,languages,case_type\nA0002,Ana Ruiz,,es,tps\nA0003,Bo,,,\n');
});

t.test('names a column with no header by its letter alone', async (t) => {
  const s = sheet(['Nombre', '', 'Tipo de caso'], [['Ana', 'Mixtekoo', 'TPS']]);
  t.same(checkMapping('applicants', s, { columns: ['name', 'name', 'case_type'] }),
    ['column A (Nombre) and column B are both set to name: choose one, and ignore the other', 'no column is set to languages, which Taller needs for every applicant']);
  const { csv, origin } = applyMapping('applicants', s, { columns: ['name', 'languages', 'case_type'] });
  t.same(mapProblems(readApplicants(csv).errors, origin).map((p) => p.text), ['sheet.csv: row 2, column B: unknown language "Mixtekoo"']);
});

t.test('says what keeps a mapping from being applied', async (t) => {
  const header = ['Nombre', 'Name', 'Apellidos', 'Idiomas', 'Rol', ''];
  const s = sheet(header, [['a', 'b', 'c', 'd', 'e', 'f']]);
  t.same(checkMapping('applicants', s, { columns: ['name', 'name', 'last_name', 'ignore', 'role', 'deadline'] }), [
    'column A (Nombre) and column B (Name) are both set to name: choose one, and ignore the other',
    'column E (Rol) is set to "role", which the applicants file does not have',
    'column A (Nombre) holds the whole name and column C (Apellidos) a part of it: choose one or the other',
    'no column is set to languages, which Taller needs for every applicant',
    'no column is set to case_type, which Taller needs for every applicant',
  ]);
  t.same(checkMapping('volunteers', s, { columns: ['ignore', 'ignore', 'ignore', 'languages', 'role', 'ignore'] }),
    ['no column is set to name, which Taller needs for every volunteer']);
  t.same(checkMapping('volunteers', s, { columns: ['first_name'] }), ['the mapping gives 1 columns but the sheet has 6']);
  t.same(checkMapping('volunteers', s, { columns: ['ignore', 'ignore', 'last_name', 'languages', 'role', 'ignore'] }), []);
  const error = t.throws(() => applyMapping('applicants', s, { columns: ['name', 'ignore', 'ignore', 'ignore', 'ignore', 'ignore'] })) as MappingError;
  t.ok(error instanceof MappingError);
  t.same(error.problems, ['no column is set to languages, which Taller needs for every applicant', 'no column is set to case_type, which Taller needs for every applicant']);
});

t.test('tells problems of files with no origin, and of the header row, in the same shape', async (t) => {
  const s = sheet(['Nombre', 'Idiomas', 'Tipo de caso'], [['Ana', 'es', 'TPS']]);
  const { origin } = applyMapping('applicants', s, proposed('applicants', s.header));
  const problems: Problem[] = [
    { file: 'event.json', row: 1, column: 'desks.check_in', message: 'must be at least 1' },
    { file: 'event.json', row: 1, column: '-', message: 'not JSON' },
    { file: 'applicants.csv', row: 1, column: 'household', message: 'required column "household" is missing' },
    { file: 'applicants.csv', row: 2, column: 'id', message: 'duplicate id' },
    { file: 'applicants.csv', row: 9, column: '-', message: 'odd' },
  ];
  t.same(mapProblems(problems, [origin]).map((p) => p.text), [
    'event.json: row 1, desks.check_in: must be at least 1',
    'event.json: row 1: not JSON',
    'sheet.csv: row 1: no column of the sheet is set to household, which Taller needs',
    'sheet.csv: row 2: duplicate id',
    'sheet.csv: row 9: odd',
  ]);
  t.same(locateProblem(problems[3]!, origin).column, null);
});
