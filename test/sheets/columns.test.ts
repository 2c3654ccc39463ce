import t from 'tap';
import { choicesOf, columnLetter, proposeColumns } from '../../src/sheets/index.js';
import type { SheetTarget } from '../../src/sheets/index.js';

const fields = (target: SheetTarget, header: string[]) => proposeColumns(target, header).map((p) => p.field);

t.test('matches Spanish volunteer headers', async (t) => {
  t.same(fields('volunteers', ['Nombre completo', 'Correo electrónico', 'Teléfono', 'Rol', 'Idiomas', 'Tipos de caso',
    'Acreditación', 'Organización', 'Supervisor(a)', 'Horario', 'Máx. solicitantes', 'Folio']),
  ['name', 'email', 'phone', 'role', 'languages', 'case_types', 'accreditation', 'org', 'supervisor', 'available', 'max_applicants', 'id']);
});

t.test('matches English volunteer headers, ignoring case, spacing, punctuation and underscores', async (t) => {
  t.same(fields('volunteers', ['Volunteer ID', 'Full Name', 'E-mail', 'Phone number', 'ROLE', 'Languages spoken', 'case_types',
    'Accreditation type', 'Organization', 'Supervising attorney', 'Availability', 'max_applicants']),
  ['id', 'name', 'email', 'phone', 'role', 'languages', 'case_types', 'accreditation', 'org', 'supervisor', 'available', 'max_applicants']);
  t.same(fields('volunteers', ['MaxApplicants', 'Max Applicants', 'máx solicitantes']), ['max_applicants', null, null]);
});

t.test('matches Spanish applicant headers', async (t) => {
  t.same(fields('applicants', ['Nº', 'Nombre', 'Teléfono', 'Correo', 'Idiomas', 'Tipo de caso', 'Complejidad', 'Banderas',
    'Hogar', 'Disponible', 'Fecha límite', 'Prioridad']),
  ['id', 'name', 'phone', 'email', 'languages', 'case_type', 'complexity', 'flags', 'household', 'available', 'deadline', 'priority']);
  t.same(fields('applicants', ['Familia', 'Alertas']), ['household', 'flags']);
});

t.test('matches English applicant headers', async (t) => {
  t.same(fields('applicants', ['#', 'Name', 'Cell phone', 'Email address', 'Language(s)', 'Case type', 'Complexity', 'Red flags',
    'Household', 'Available', 'Deadline', 'Priority']),
  ['id', 'name', 'phone', 'email', 'languages', 'case_type', 'complexity', 'flags', 'household', 'available', 'deadline', 'priority']);
});

t.test('reads "case type" as the target\'s own column: one for an applicant, a list for a volunteer', async (t) => {
  t.same(fields('applicants', ['Tipo de caso']), ['case_type']);
  t.same(fields('volunteers', ['Tipo de caso']), ['case_types']);
});

t.test('joins first and last name columns into the name', async (t) => {
  const proposals = proposeColumns('applicants', ['Nombre', 'Apellido(s)', 'Idiomas']);
  t.same(proposals.map((p) => p.field), ['first_name', 'last_name', 'languages']);
  t.same(fields('volunteers', ['First name', 'Middle name', 'Last name']), ['first_name', 'middle_name', 'last_name']);
  t.same(fields('applicants', ['Primer nombre', 'Apellido paterno', 'Apellido materno']), ['first_name', 'last_name', 'second_last_name']);
});

t.test('prefers a whole-name column to parts of a name, leaving the parts unmatched', async (t) => {
  t.same(fields('applicants', ['Nombre', 'Apellidos', 'Nombre completo']), [null, null, 'name']);
  t.same(fields('applicants', ['Name', 'Segundo nombre']), ['name', null]);
});

t.test('reports a header that matches nothing as unmatched, never dropping it', async (t) => {
  const proposals = proposeColumns('applicants', ['Nombre', 'Fecha de nacimiento', '', 'Notas del caso', 'Idiomas']);
  t.same(proposals.map((p) => [p.letter, p.header, p.field, p.match]), [
    ['A', 'Nombre', 'name', 'name'],
    ['B', 'Fecha de nacimiento', null, null],
    ['C', '', null, null],
    ['D', 'Notas del caso', null, null],
    ['E', 'Idiomas', 'languages', 'name'],
  ]);
  t.same(choicesOf(proposals), ['name', 'ignore', 'ignore', 'ignore', 'languages']);
});

t.test('proposes a field for one column only: the surest match, then the leftmost', async (t) => {
  t.same(fields('applicants', ['Teléfono de emergencia', 'Teléfono', 'Celular']), [null, 'phone', null]);
  t.same(fields('applicants', ['Idiomas hablados en casa', 'Idioma']), [null, 'languages']);
  t.same(fields('applicants', ['Idioma', 'Idiomas']), ['languages', null]);
});

t.test('sets a note in brackets aside, and finds a known name within a longer header', async (t) => {
  const proposals = proposeColumns('volunteers', ['Idiomas (separados por coma)', 'Teléfono celular del voluntario', 'Rol*']);
  t.same(proposals.map((p) => [p.field, p.match]), [['languages', 'bracketed'], ['phone', 'words'], ['role', 'name']]);
});

t.test('does not take a single word inside a longer header for a field when it often means something else', async (t) => {
  t.same(fields('applicants', ['Código postal', 'Last updated', 'Grupo de edad', 'Caso anterior']), [null, null, null, null]);
  t.same(fields('volunteers', ['Idiomas del voluntario', 'Notas sobre idiomas']), ['languages', null]);
});

t.test('does not propose a field of the other target', async (t) => {
  t.same(fields('volunteers', ['Fecha límite', 'Prioridad', 'Hogar']), [null, null, null]);
  t.same(fields('applicants', ['Rol', 'Acreditación', 'Supervisor']), [null, null, null]);
});

t.test('names columns with spreadsheet letters', async (t) => {
  t.same([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter), ['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
});
