import t from 'tap';
import {
  APPLICANT_HEADER, VOLUNTEER_HEADER, applicant, bundleOf, csv, read, volunteer, where, whereSaying,
} from './builders.js';

const MINIMAL_VOLUNTEER_HEADER = ['id', 'name', 'role', 'languages'];
const BOM = '\uFEFF';
const LATIN1_E_ACUTE = 0xe9;

t.test('reads a file saved with a byte-order mark', async (t) => {
  const result = read({ volunteers: BOM + csv(VOLUNTEER_HEADER, [volunteer()]) });
  t.same(result.errors, []);
  t.equal(bundleOf(result).volunteers[0]?.id, 'V001');
});

t.test('reads CRLF line endings without inventing rows between the records', async (t) => {
  const rows = [volunteer(), volunteer({ id: 'V002' }), volunteer({ id: 'V003', role: 'chef' })];
  const result = read({ volunteers: csv(VOLUNTEER_HEADER, rows, '\r\n') });
  t.same(where(result.errors), ['volunteers.csv:4:role']);
});

t.test('keeps a comma inside a quoted field as part of the value', async (t) => {
  const result = read({ volunteers: csv(VOLUNTEER_HEADER, [volunteer({ name: 'González, Sofía' })]) });
  t.equal(bundleOf(result).volunteers[0]?.name, 'González, Sofía');
});

t.test('counts a quoted field spanning two lines as one row', async (t) => {
  const rows = [volunteer({ org: 'Catholic Charities\nDiocese of Fresno' }), volunteer({ id: 'V002', role: 'chef' })];
  const result = read({ volunteers: csv(VOLUNTEER_HEADER, rows) });
  t.same(where(result.errors), ['volunteers.csv:3:role']);
});

t.test('keeps the line break of a quoted field spanning two lines', async (t) => {
  const result = read({ volunteers: csv(VOLUNTEER_HEADER, [volunteer({ org: 'Catholic Charities\nDiocese of Fresno' })]) });
  t.equal(bundleOf(result).volunteers[0]?.org, 'Catholic Charities\nDiocese of Fresno');
});

t.test('reads the columns in any order', async (t) => {
  const header = ['languages', 'role', 'name', 'id'];
  const result = read({ volunteers: csv(header, [volunteer({ id: 'V007', name: 'Ana Ruiz', role: 'screener' })]) });
  t.match(bundleOf(result).volunteers[0], { id: 'V007', name: 'Ana Ruiz', role: 'screener', languages: ['es', 'en'] });
});

t.test('matches header names whatever their case and surrounding spaces', async (t) => {
  const header = [' ID ', 'Name', 'ROLE', ' Languages'];
  const result = read({ volunteers: csv(header, [volunteer()]) });
  t.same(result.errors, []);
  t.same(result.warnings, []);
  t.match(bundleOf(result).volunteers[0], { id: 'V001', role: 'attorney' });
});

t.test('trims the spaces around a value', async (t) => {
  const result = read({ volunteers: csv(VOLUNTEER_HEADER, [volunteer({ id: ' V001 ', role: ' attorney ' })]) });
  t.match(bundleOf(result).volunteers[0], { id: 'V001', role: 'attorney' });
});

t.test('skips blank rows without shifting the row numbers after them', async (t) => {
  const blankWithCommas = VOLUNTEER_HEADER.map(() => '');
  const rows = [volunteer(), [''], blankWithCommas, volunteer({ id: 'V002', languages: 'xyz' })];
  const result = read({ volunteers: csv(VOLUNTEER_HEADER, rows) });
  t.same(where(result.warnings), ['volunteers.csv:5:languages']);
  t.same(bundleOf(result).volunteers.map((v) => v.id), ['V001', 'V002']);
});

t.test('warns about an unknown column at row 1 and ignores its values', async (t) => {
  const header = [...MINIMAL_VOLUNTEER_HEADER, 'shirt_size'];
  const result = read({ volunteers: csv(header, [{ ...volunteer(), shirt_size: 'M' }]) });
  t.same(where(result.warnings), ['volunteers.csv:1:shirt_size']);
  t.match(result.warnings[0]?.message, /unknown column "shirt_size" is ignored/);
  t.notOk('shirt_size' in bundleOf(result).volunteers[0]!);
});

t.test('ignores a nameless column left by a trailing comma in the header', async (t) => {
  const header = [...MINIMAL_VOLUNTEER_HEADER, ''];
  const result = read({ volunteers: csv(header, [volunteer()]) });
  t.same(result.errors, []);
  t.same(result.warnings, []);
});

t.test('reports a column named twice in the header', async (t) => {
  const header = [...MINIMAL_VOLUNTEER_HEADER, 'Role'];
  const result = read({ volunteers: csv(header, [{ ...volunteer() }]) });
  t.same(where(result.errors), ['volunteers.csv:1:role']);
  t.match(result.errors[0]?.message, /column "role" appears twice/);
});

t.test('reports a missing required column once, at row 1 under its header name', async (t) => {
  const header = ['id', 'name', 'languages'];
  const result = read({ volunteers: csv(header, [volunteer(), volunteer({ id: 'V002' }), volunteer({ id: 'V003' })]) });
  t.same(where(result.errors), ['volunteers.csv:1:role']);
  t.match(result.errors[0]?.message, /required column "role" is missing/);
  t.equal(result.bundle, null);
});

t.test('reports a missing required column of applicants.csv at row 1', async (t) => {
  const header = APPLICANT_HEADER.filter((name) => name !== 'case_type');
  const result = read({ applicants: csv(header, [applicant()]) });
  t.same(where(result.errors), ['applicants.csv:1:case_type']);
});

t.test('reports a row with more fields than the header at its row', async (t) => {
  const unquotedComma = 'V001,González, Sofía,attorney,es';
  const result = read({ volunteers: `${MINIMAL_VOLUNTEER_HEADER.join(',')}\n${unquotedComma}\n` });
  t.same(whereSaying(result.errors, /this row has 5 fields but the header has 4/), ['volunteers.csv:2:languages']);
  t.match(result.errors[0]?.message, /must be in double quotes/);
  t.equal(result.bundle, null);
});

t.test('reports the missing values of a row with fewer fields than the header', async (t) => {
  const result = read({ volunteers: `${MINIMAL_VOLUNTEER_HEADER.join(',')}\nV001,Sofía González,attorney\n` });
  t.same(where(result.errors), ['volunteers.csv:2:languages']);
  t.match(result.errors[0]?.message, /languages is required/);
});

t.test('reports an unclosed quote at the row where it opens', async (t) => {
  const text = csv(MINIMAL_VOLUNTEER_HEADER, [volunteer()]) + 'V002,"Ana Ruiz,screener,es\nV003,Luis Pérez,general,es\n';
  const result = read({ volunteers: text });
  t.same(where(result.errors), ['volunteers.csv:3:-']);
  t.match(result.errors[0]?.message, /not readable as CSV: .*quote/);
  t.equal(result.bundle, null);
});

t.test('reports a quote in the middle of an unquoted value', async (t) => {
  const text = csv(MINIMAL_VOLUNTEER_HEADER, [volunteer()]) + 'V002,Ana "Anita" Ruiz,screener,es\n';
  const result = read({ volunteers: text });
  t.same(where(result.errors), ['volunteers.csv:3:-']);
  t.match(result.errors[0]?.message, /not readable as CSV/);
});

t.test('reports an empty file at row 1', async (t) => {
  const result = read({ volunteers: '' });
  t.same(where(result.errors), ['volunteers.csv:1:-']);
  t.match(result.errors[0]?.message, /the file is empty/);
  t.equal(result.bundle, null);
});

t.test('reports a file holding only a byte-order mark and blank lines as empty', async (t) => {
  const result = read({ applicants: `${BOM}\n\n` });
  t.same(where(result.errors), ['applicants.csv:1:-']);
  t.match(result.errors[0]?.message, /the file is empty/);
});

t.test('names the row and column of a Latin-1 byte that is not UTF-8', async (t) => {
  const text = csv(APPLICANT_HEADER, [applicant({ name: 'Ruben Nunez' }), applicant({ id: 'A0002', name: 'José Pérez' })]);
  const result = read({ applicants: Buffer.from(text, 'latin1') });
  t.same(where(result.errors), ['applicants.csv:3:name']);
  t.match(result.errors[0]?.message, /not UTF-8: save the file as "CSV UTF-8"/);
  t.equal(result.bundle, null);
});

t.test('names the row of bytes that are not UTF-8 in a short row', async (t) => {
  const header = ['id', 'name', 'languages', 'case_type', 'household'];
  const text = `${header.join(',')}\nA0001,Jos\xe9 P\xe9rez,es,n400\n`;
  const result = read({ applicants: Buffer.from(text, 'latin1') });
  t.same(where(result.errors), ['applicants.csv:2:name']);
});

t.test('reports bytes that are not UTF-8 in the header at row 1', async (t) => {
  const header = Buffer.from(`${MINIMAL_VOLUNTEER_HEADER.join(',')},ca\xf1a\n`, 'latin1');
  const result = read({ volunteers: Buffer.concat([header, Buffer.from('V001,Sofía González,attorney,es,\n')]) });
  t.same(where(result.errors), ['volunteers.csv:1:-']);
  t.match(result.errors[0]?.message, /not UTF-8/);
});

t.test('reports bytes that are not UTF-8 under a nameless column as "-"', async (t) => {
  const record = Buffer.concat([Buffer.from('V001,Sofía González,attorney,es,'), Buffer.from([LATIN1_E_ACUTE]), Buffer.from('\n')]);
  const result = read({ volunteers: Buffer.concat([Buffer.from(`${MINIMAL_VOLUNTEER_HEADER.join(',')},\n`), record]) });
  t.same(where(result.errors), ['volunteers.csv:2:-']);
});

t.test('reports a row with more fields than a header ending in a nameless column under "-"', async (t) => {
  const header = `${MINIMAL_VOLUNTEER_HEADER.join(',')},`;
  const result = read({ volunteers: `${header}\nV001,Sofía González,attorney,es,,extra\n` });
  t.same(where(result.errors), ['volunteers.csv:2:-']);
  t.match(result.errors[0]?.message, /this row has 6 fields but the header has 5/);
});
