// CSV exports: what a spreadsheet opens is text, never a formula, and what Taller writes it reads back.
import t from 'tap';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { readBundle } from '../../src/bundle/index.js';
import { looksLikeFormula } from '../../src/bundle/fields.js';
import { applicantsCsv, csvText, volunteersCsv } from '../../src/outputs/csv.js';
import { FRESNO, MERCED, sampleBundle, sampleFiles, withFile } from '../support/fixtures.js';

/** Cells built from what breaks CSV files and spreadsheets, with ordinary text between. */
const hostile = fc.array(fc.oneof(
  fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\r\n', '\n', ',', ';', '"', '""', "'", '=HYPERLINK("http://evil.example","Click")',
    '=cmd|" /C calc"!A0', '@SUM(A1)', 'Núñez', '中文', '\ufeff'),
  fc.string({ maxLength: 6 }),
), { maxLength: 8 }).map((parts) => parts.join(''));

const readBack = (text: string): string[][] => parse(text, { bom: true, relax_column_count: true }) as string[][];

t.test('no exported cell is a formula, and each reads back as given once its apostrophe is taken off', async () => {
  fc.assert(fc.property(fc.array(fc.array(hostile, { minLength: 3, maxLength: 3 }), { maxLength: 5 }), (rows) => {
    const text = csvText(['a', 'b', 'c'], rows);
    const [header, ...back] = readBack(text);
    if (header!.join() !== 'a,b,c') throw new Error('the header changed');
    if (back.length !== rows.length) throw new Error(`${rows.length} rows became ${back.length}`);
    back.forEach((row, i) => row.forEach((cell, j) => {
      if (looksLikeFormula(cell)) throw new Error(`a formula cell: ${JSON.stringify(cell)}`);
      const given = rows[i]![j]!;
      const expected = looksLikeFormula(given) ? `'${given}` : given;
      if (cell !== expected) throw new Error(`${JSON.stringify(given)} read back as ${JSON.stringify(cell)}`);
    }));
    return true;
  }), { numRuns: 500, seed: 11 });
});

t.test('a name a spreadsheet would run is written with a leading apostrophe', async (t) => {
  const text = csvText(['name'], [['=HYPERLINK("http://evil.example","Click")']]);
  t.equal(readBack(text)[1]![0], `'=HYPERLINK("http://evil.example","Click")`);
});

t.test('phone numbers starting with a plus sign are written as they are', async (t) => {
  t.equal(readBack(csvText(['phone'], [['+1 (559) 555-0101']]))[1]![0], '+1 (559) 555-0101');
});

t.test('the export starts with a byte-order mark and ends its lines with CRLF, as spreadsheets expect', async (t) => {
  const text = csvText(['a'], [['b']]);
  t.equal(text, '\ufeffa\r\nb\r\n');
});

for (const sample of [FRESNO, MERCED]) {
  t.test(`the ${sample} roster and applicants exported read back as the same people`, async (t) => {
    const bundle = sampleBundle(sample);
    let files = withFile(sampleFiles(sample), 'volunteers.csv', volunteersCsv(bundle.event, bundle.volunteers));
    files = withFile(files, 'applicants.csv', applicantsCsv(bundle.event, bundle.applicants));
    const again = readBundle(files);
    t.same(again.errors, []);
    t.same(again.bundle?.volunteers, bundle.volunteers);
    t.same(again.bundle?.applicants, bundle.applicants);
  });
}
