// A problem's words as data (a code and what fills it), so a page can say it in its own
// language: for every sentence the strict reader writes about a roster or applicants file, and
// for what keeps a mapping from being applied.
import t from 'tap';
import { readBundle } from '../../src/bundle/index.js';
import { checkMapping, mappingProblems, readerWords } from '../../src/sheets/index.js';
import { FRESNO_APPLICANTS, FRESNO_EVENT, FRESNO_VOLUNTEERS, sheet } from './helpers.js';

const file = (rows: string[][]) => Buffer.from(`${rows.map((r) => r.join(',')).join('\n')}\n`);

const VOLUNTEER_HEADER = ['id', 'name', 'role', 'languages', 'email', 'case_types', 'accreditation', 'org', 'supervisor', 'available', 'max_applicants'];
const APPLICANT_HEADER = ['id', 'name', 'languages', 'case_type', 'complexity', 'flags', 'deadline', 'priority'];

/** Every message the strict reader writes about these rows, errors and warnings. */
function messagesOf(volunteers: string[][], applicants: string[][]): string[] {
  const read = readBundle({
    'event.json': FRESNO_EVENT,
    'volunteers.csv': volunteers.length ? file(volunteers) : FRESNO_VOLUNTEERS,
    'applicants.csv': applicants.length ? file(applicants) : FRESNO_APPLICANTS,
  });
  return [...read.errors, ...read.warnings].map((p) => p.message);
}

t.test('every sentence the strict reader writes about a roster or applicants file is read as its code', async (t) => {
  const messages = [
    ...messagesOf([
      VOLUNTEER_HEADER,
      ['V1', '', 'attorney', 'es', 'nope', '', 'full', '', 'V2', 'morning', 'many'],
      ['V1', 'Ana', 'wizard', 'e$;x1', '', 'xx', '', '', '', '12:00-09:00', '2.5'],
      ['V3', '=cmd', 'accredited_rep', ';', '', 'xx;yy', '', '', '', '05:00-06:00', '-1'],
      ['V4', 'Bo', 'accredited_rep', 'zzz', '', '', 'half', 'ILSCC', '', '', '99999999999999999999'],
      ['V5', 'Cy', 'law_student', 'es', '', '', '', '', '', '', ''],
      ['V6', 'Di', 'law_student', 'es', '', '', '', '', 'V99', '', ''],
      ['V7', 'Ed', 'law_student', 'es', '', '', '', '', 'V8', '', ''],
      ['V8', 'Flo', 'paralegal', 'es', '', '', '', '', '', '05:00-06:00', ''],
    ], [
      APPLICANT_HEADER,
      ['A1', 'Ana', 'es', 'xx', 'hard', 'odd', 'soon', ''],
      ['A2', 'Bo', 'es', 'tps', '', 'odd;weird', '2027-02-30', ''],
    ]),
    ...messagesOf([['id', 'name', 'languages'], ['V1', 'Ana', 'es']], []),
  ];
  const words = messages.map((m) => readerWords(m));
  t.same(words.filter((w) => w.code === 'other'), [], 'no sentence is left without a code');
  t.same([...new Set(words.map((w) => w.code))].sort(), [
    'column_missing', 'duplicate_id', 'formula', 'ignored_for_role', 'language_not_in_catalog', 'no_language', 'not_accreditation',
    'not_calendar_day', 'not_case_type', 'not_case_types', 'not_complexity', 'not_date', 'not_email', 'not_flag', 'not_flags',
    'not_language_code', 'not_role', 'not_whole_number', 'not_whole_number_fraction', 'not_window', 'rep_needs_accreditation',
    'rep_needs_org', 'required', 'student_needs_supervisor', 'supervisor_not_attorney', 'supervisor_not_volunteer', 'too_large',
    'too_small', 'window_backwards', 'window_outside_hours',
  ], 'every sentence the reader has for these files');
  const find = (code: string) => words.filter((w) => w.code === code).map((w) => w.params);
  t.same(find('required'), [{ field: 'name' }]);
  t.same(find('duplicate_id'), [{ id: 'V1', row: '2' }]);
  t.same(find('not_language_code'), [{ values: ['e$', 'x1'], examples: ['es', 'en', 'mix'] }]);
  t.same(find('no_language'), [{ example: 'es', otherExample: 'mix;es' }]);
  t.same(find('not_case_types'), [{ values: ['xx', 'yy'], known: find('not_case_types')[0]!.known }]);
  t.match(find('not_case_types')[0]!.known, /^daca_renewal, /);
  t.same(find('formula'), [{ field: 'name', start: '"="' }]);
  t.same(find('supervisor_not_attorney'), [{ id: 'V8', role: 'paralegal' }]);
  t.same(find('ignored_for_role'), [{ field: 'accreditation', role: 'attorney' }, { field: 'supervisor', role: 'attorney' }]);
  t.same(find('window_outside_hours')[0], { window: '05:00-06:00', hours: '09:00-16:00' });
  t.same(find('too_small'), [{ number: '-1', min: '0' }]);
  t.same(find('column_missing'), [{ value: 'role' }]);
});

t.test('a sentence the reader has no code for keeps its message as its only words', async (t) => {
  t.same(readerWords('"desks.check_in" must be at least 1, not 0'), { code: 'other', params: { message: '"desks.check_in" must be at least 1, not 0' } });
});

t.test('what keeps a mapping from being applied comes with its code and the columns it is about', async (t) => {
  const s = sheet(['Nombre', '', 'Apellidos', 'Idiomas', 'Rol'], [['a', 'b', 'c', 'd', 'e']]);
  const mapping = { columns: ['name', 'name', 'last_name', 'ignore', 'role'] as const };
  const problems = mappingProblems('applicants', s, { columns: [...mapping.columns] });
  t.same(problems.map((p) => [p.code, p.params]), [
    ['same_field', { column: 'A', columnHeader: 'Nombre', other: 'B', otherHeader: '', field: 'name' }],
    ['not_a_field', { column: 'E', columnHeader: 'Rol', value: 'role', target: 'applicants' }],
    ['name_and_parts', { column: 'A', columnHeader: 'Nombre', other: 'C', otherHeader: 'Apellidos' }],
    ['needed_field', { field: 'languages', target: 'applicants' }],
    ['needed_field', { field: 'case_type', target: 'applicants' }],
  ]);
  t.same(problems.map((p) => p.message), checkMapping('applicants', s, { columns: [...mapping.columns] }), 'the same sentences as checkMapping');
  t.same(mappingProblems('volunteers', s, { columns: ['name'] }).map((p) => [p.code, p.params]), [['column_count', { given: '1', width: '5' }]]);
});
