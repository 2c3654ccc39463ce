import t from 'tap';
import { dateText, proposeDateOrder, windowsText } from '../../src/sheets/index.js';
import { priorityText, wholeNumberText } from '../../src/sheets/convert.js';
import { sheet } from './helpers.js';

t.test('reads dates as spreadsheets write them into YYYY-MM-DD', async (t) => {
  const cases: [string, string | null][] = [
    ['2027-03-13', '2027-03-13'], ['2027/3/5', '2027-03-05'], ['2027-03-13 14:05', '2027-03-13'], ['13/03/2027', '2027-03-13'],
    ['13-3-27', '2027-03-13'], ['13.03.2027', '2027-03-13'], ['13 de marzo de 2027', '2027-03-13'], ['March 13, 2027', '2027-03-13'],
    ['13-mar-2027', '2027-03-13'], ['Sept 9 2027', '2027-09-09'], ['9 setiembre 2027', '2027-09-09'], ['1 de dic. de 2027', '2027-12-01'],
    ['2027-02-30', null], ['31/02/2027', null], ['pronto', null], ['13 marzo', null], ['marzo abril 2027', null], ['13 de foo de 2027', null],
    ['2027 13 2027', null], ['marzo 2027 2028', null], ['13 marzo 12', null],
  ];
  for (const [text, iso] of cases) t.equal(dateText(text, 'dmy'), iso, text);
});

t.test('reads an ambiguous numeric date by the order given, and an unambiguous one whatever the order', async (t) => {
  t.equal(dateText('03/04/2027', 'dmy'), '2027-04-03');
  t.equal(dateText('03/04/2027', 'mdy'), '2027-03-04');
  t.equal(dateText('13/04/2027', 'mdy'), '2027-04-13');
  t.equal(dateText('04/13/2027', 'dmy'), '2027-04-13');
});

t.test('proposes the date order a column\'s values tell, else guesses it from the delimiter', async (t) => {
  t.same(proposeDateOrder(sheet(['d'], [['03/04/2027'], ['25/12/2027']]), 0), { order: 'dmy', from: 'values' });
  t.same(proposeDateOrder(sheet(['d'], [['03/04/2027'], ['12/25/2027']]), 0), { order: 'mdy', from: 'values' });
  t.same(proposeDateOrder(sheet(['d'], [['03/04/2027'], ['2027-05-01']], { delimiter: ';' }), 0), { order: 'dmy', from: 'guess' });
  t.same(proposeDateOrder(sheet(['d'], [['25/12/2027'], ['12/25/2027']]), 0), { order: 'mdy', from: 'guess' });
  t.same(proposeDateOrder(sheet(['d'], [['']], { delimiter: null }), 0), { order: 'mdy', from: 'guess' });
  t.same(proposeDateOrder(sheet(['a', 'd'], [['x'], ['y', '13/01/2027']]), 1), { order: 'dmy', from: 'values' }, 'a short row has an empty cell');
});

t.test('reads availability windows as people write them', async (t) => {
  const cases: [string, string | null][] = [
    ['9:00-12:30', '09:00-12:30'], ['09:00 – 12:00', '09:00-12:00'], ['9 a 12', '09:00-12:00'], ['de 9:00 a 13:00', '09:00-13:00'],
    ['desde las 9 hasta 1', null], ['9am-1pm', '09:00-13:00'], ['9 a.m. - 1 p.m.', '09:00-13:00'], ['1-5pm', '13:00-17:00'],
    ['9-1', '09:00-13:00'], ['8-5', '08:00-17:00'], ['9h30-12h', '09:30-12:00'], ['12pm-4pm', '12:00-16:00'], ['12am-1am', '00:00-01:00'],
    ['9:00-11:30; 13:30-16:00', '09:00-11:30;13:30-16:00'], ['9:00 a 11:30 y 13:30 a 16:00', '09:00-11:30;13:30-16:00'],
    ['9-12, 1-4', '09:00-12:00;13:00-16:00'], ['1:30-4', '13:30-16:00'], ['12-4', '12:00-16:00'], ['01:00-05:00', '01:00-05:00'], ['20:00-24:00', '20:00-24:00'], ['Todo el día', ''], ['All day', ''], ['Sí', ''], ['', ''],
    ['Mañana', null], ['9:00', null], ['25:00-26:00', null], ['9:75-10:00', null], ['10:00-24:30', null], ['9-12, tarde', null],
  ];
  for (const [text, windows] of cases) t.equal(windowsText(text), windows, text);
});

t.test('reads whole numbers and priority words', async (t) => {
  t.same(['4', '4.0', '4,00', '+2', '007', '4.5', 'cuatro', ''].map(wholeNumberText), ['4', '4', '4', '2', '7', null, null, null]);
  t.same(['3', 'Alta', 'high', 'Media', 'Baja', 'LOW', 'Urgente', 'pronto'].map(priorityText), ['3', '3', '3', '2', '1', '1', '3', null]);
});
