import t from 'tap';
import { looksLikeFormula } from '../../src/bundle/fields.js';

t.test('text starting with =, +, -, @, a tab or a carriage return looks like a formula', async (t) => {
  for (const text of ['=1+1', '+SUM(A1:A2)', '-2+3*cmd|" /C calc"!A0', '@SUM(A1)', '\tx', '\rx']) t.ok(looksLikeFormula(text), text);
});

t.test('numbers, phone numbers and ordinary names do not look like formulas', async (t) => {
  for (const text of ['-5', '+1 (559) 555-0101', '559.555.0101', 'María José', 'O\'Brien', 'a=b']) t.notOk(looksLikeFormula(text), text);
});
