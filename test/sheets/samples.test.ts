// The spreadsheet samples (made by scripts/make-spreadsheet-samples.ts from the Fresno sample)
// and the templates import cleanly, through the proposals untouched, into the same people.
import { readFileSync } from 'node:fs';
import t from 'tap';
import { readBundle } from '../../src/bundle/index.js';
import type { Applicant, Bundle, Volunteer } from '../../src/domain/index.js';
import {
  applyMapping, choicesOf, describeSheet, mapProblems, proposeColumns, proposeValues,
} from '../../src/sheets/index.js';
import type { AppliedMapping, SheetTarget } from '../../src/sheets/index.js';
import { FRESNO_APPLICANTS, FRESNO_EVENT, FRESNO_VOLUNTEERS, STATIC, sheetOf } from './helpers.js';

const original = readBundle({ 'event.json': FRESNO_EVENT, 'volunteers.csv': FRESNO_VOLUNTEERS, 'applicants.csv': FRESNO_APPLICANTS }).bundle!;

async function imported(target: SheetTarget, file: string): Promise<AppliedMapping & { description: string; unknown: number }> {
  const sheet = await sheetOf(readFileSync(new URL(`samples/spreadsheets/${file}`, STATIC)), file);
  const columns = choicesOf(proposeColumns(target, sheet.header));
  const unknown = proposeValues(target, sheet, columns, original.event).filter((v) => v.code === null).length;
  return { ...applyMapping(target, sheet, { columns }, original.event), description: describeSheet(sheet), unknown };
}

function read(volunteers: AppliedMapping, applicants: AppliedMapping): Bundle {
  const result = readBundle({ 'event.json': FRESNO_EVENT, 'volunteers.csv': volunteers.csv, 'applicants.csv': applicants.csv });
  const origins = [volunteers.origin, applicants.origin];
  if (!result.bundle) throw new Error(mapProblems(result.errors, origins).map((p) => p.text).join('\n'));
  return result.bundle;
}

/** A person without the id the spreadsheet gave or Taller numbered, supervisors by name. */
const volunteerLike = (v: Volunteer, names: Map<string, string>) => ({ ...v, id: undefined, supervisor: v.supervisor && names.get(v.supervisor) });
const applicantLike = (a: Applicant) => ({ ...a, name: a.name === 'ਗੁਰਪ੍ਰੀਤ ਕੌਰ' ? 'Gurpreet Kaur' : a.name });

t.test('the Spanish CSV samples are semicolon-separated Windows-1252 and import into the Fresno people', async (t) => {
  const volunteers = await imported('volunteers', 'volunteers-es.csv');
  const applicants = await imported('applicants', 'applicants-es.csv');
  t.equal(volunteers.description, 'read as semicolon-separated text, Windows-1252 (Western European)');
  t.equal(applicants.description, 'read as semicolon-separated text, Windows-1252 (Western European)');
  t.equal(volunteers.unknown + applicants.unknown, 0, 'every value has a code');
  const bundle = read(volunteers, applicants);
  const names = (b: Bundle) => new Map(b.volunteers.map((v) => [v.id, v.name]));
  t.same(bundle.volunteers.map((v) => volunteerLike(v, names(bundle))), original.volunteers.map((v) => volunteerLike(v, names(original))));
  t.same(bundle.applicants.map(applicantLike), original.applicants.map(applicantLike));
});

t.test('the XLSX sample imports into the same applicants, names in Gurmukhi and all', async (t) => {
  const volunteers = await imported('volunteers', 'volunteers-es.csv');
  const applicants = await imported('applicants', 'applicants-es.xlsx');
  t.equal(applicants.description, 'read as an Excel workbook, sheet "Solicitantes"');
  t.equal(applicants.unknown, 0);
  t.same(read(volunteers, applicants).applicants, original.applicants);
});

t.test('the templates are canonical files that readBundle accepts with the sample event', async (t) => {
  const template = (name: string) => readFileSync(new URL(`templates/${name}`, STATIC));
  const result = readBundle({
    'event.json': FRESNO_EVENT, 'volunteers.csv': template('volunteers-template.csv'), 'applicants.csv': template('applicants-template.csv'),
  });
  t.same(result.errors, []);
  t.same(result.warnings, []);
  t.equal(result.bundle?.volunteers.length, 1);
  t.equal(result.bundle?.applicants.length, 1);
});

t.test('the templates read back through the spreadsheet reader as themselves', async (t) => {
  const template = readFileSync(new URL('templates/applicants-template.csv', STATIC));
  const sheet = await sheetOf(template, 'applicants-template.csv');
  t.same(choicesOf(proposeColumns('applicants', sheet.header)), sheet.header);
  const { csv } = applyMapping('applicants', sheet, { columns: choicesOf(proposeColumns('applicants', sheet.header)) });
  t.same(csv.toString().trim(), template.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').trim());
});
