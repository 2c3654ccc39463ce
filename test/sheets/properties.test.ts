// Properties of the spreadsheet reader on generated input: any table of safe text written as
// CSV with any of the three delimiters and either encoding reads back as the same cells, and
// no bytes at all make it throw.
import assert from 'node:assert/strict';
import t from 'tap';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { readSheet } from '../../src/sheets/index.js';
import type { Delimiter } from '../../src/sheets/index.js';
import { csvText, encode } from './helpers.js';

/**
 * Safe text: what fits Windows-1252 (letters with accents, digits, punctuation, the other
 * delimiters, quotes, line breaks inside), trimmed, as a spreadsheet cell holds it.
 */
const CHARS = [...'abcxyzABCÑñáéíóúüÁÉçàèß0123456789 .,;\t"\'-/()¿?¡!€ºª\n'];
const cellArb = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((cs) => cs.join('').trim());
const headerCellArb = cellArb.filter((c) => c !== '');

const tableArb = fc.integer({ min: 1, max: 5 }).chain((width) => fc.record({
  header: fc.array(headerCellArb, { minLength: width, maxLength: width }),
  rows: fc.array(
    fc.array(cellArb, { minLength: width, maxLength: width }).filter((row) => row.some((c) => c !== '')),
    { minLength: 1, maxLength: 6 },
  ),
}));

const delimiterArb = fc.constantFrom<Delimiter>(',', ';', '\t');
const encodingArb = fc.constantFrom('utf-8' as const, 'windows-1252' as const);

t.test('a table written as CSV with any delimiter and either encoding reads back as the same cells', async (t) => {
  await fc.assert(fc.asyncProperty(tableArb, delimiterArb, encodingArb, fc.boolean(), async (table, delimiter, encoding, crlf) => {
    const text = csvText([table.header, ...table.rows], delimiter, crlf ? '\r\n' : '\n');
    const bytes = encoding === 'utf-8' ? encode(text, 'utf-8') : iconv.encode(text, 'windows-1252');
    const result = await readSheet(bytes, 'table.csv');
    if (!result.ok) throw new Error(result.problem);
    assert.deepStrictEqual(result.sheet.header, table.header);
    assert.deepStrictEqual(result.sheet.rows, table.rows);
    assert.deepStrictEqual(result.sheet.rowNumbers, table.rows.map((_, i) => i + 2));
    if (table.header.length > 1) assert.equal(result.sheet.delimiter, delimiter);
    // Plain ASCII is the same bytes in both, and reads as UTF-8.
    assert.equal(result.sheet.encoding, /[^\x00-\x7f]/.test(text) ? encoding : 'utf-8');
    return true;
  }), { numRuns: 300, seed: 20270313 });
  t.pass('300 tables read back');
});

const bytesArb = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
  fc.uint8Array({ maxLength: 300 }).map((b) => new Uint8Array([0xff, 0xfe, ...b])),
  fc.uint8Array({ maxLength: 300 }).map((b) => new Uint8Array([0xfe, 0xff, ...b])),
  fc.uint8Array({ maxLength: 300 }).map((b) => new Uint8Array([0xef, 0xbb, 0xbf, ...b])),
  fc.string({ maxLength: 200 }).map((s) => new Uint8Array(Buffer.from(s))),
  fc.array(fc.constantFrom('"', ',', ';', '\t', '\n', '\r', 'a', ' ', 'sep=;\n'), { maxLength: 60 }).map((cs) => new Uint8Array(Buffer.from(cs.join('')))),
);

t.test('readSheet never throws: any bytes give a sheet or a problem naming the file', async (t) => {
  await fc.assert(fc.asyncProperty(bytesArb, async (bytes) => {
    const result = await readSheet(bytes, 'upload.bin');
    if (result.ok) {
      const { header, rows, rowNumbers } = result.sheet;
      if (rows.length !== rowNumbers.length || rows.some((r) => r.length !== header.length)) throw new Error('ragged sheet');
    } else if (!result.problem.startsWith('upload.bin: ')) {
      throw new Error(`a problem that does not name the file: ${result.problem}`);
    }
    return true;
  }), { numRuns: 500, seed: 1 });
  t.pass('no throw');
});
