// Where each person of a list is: the row of their id, for problems found outside the file.
import t from 'tap';
import { VOLUNTEERS_FILE, rowsById } from '../../src/bundle/index.js';

const bytes = (text: string) => new TextEncoder().encode(text);

t.test('each id is at the row it is first on, counting the header and blank lines as rows', async (t) => {
  const rows = rowsById(VOLUNTEERS_FILE, bytes('id,name\nV001,Ana\n\nV002,Luis\n,No id\nV001,Ana again\n'));
  t.same([...rows], [['V001', 2], ['V002', 4]]);
});

t.test('a file without an id column gives no rows', async (t) => {
  t.same([...rowsById(VOLUNTEERS_FILE, bytes('name\nAna\n'))], []);
});

t.test('an empty file gives no rows', async (t) => {
  t.same([...rowsById(VOLUNTEERS_FILE, bytes(''))], []);
});
