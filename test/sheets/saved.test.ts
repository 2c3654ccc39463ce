import t from 'tap';
import {
  applyMapping, choicesOf, headerKeys, knowsHeader, proposeColumns, proposeValues, rememberMapping, reuseMapping,
} from '../../src/sheets/index.js';
import type { SavedMapping, SheetMapping } from '../../src/sheets/index.js';
import { sheet } from './helpers.js';

const HEADER = ['Nombre', 'Lengua materna', 'Servicio', 'Notas', 'Folio interno'];
const MAPPING: SheetMapping = {
  columns: ['name', 'languages', 'case_type', 'ignore', 'id'],
  values: { language: { mixtekoo: 'mix' }, case_type: { feewaiver: 'n400' } },
  dateOrder: 'dmy',
};

t.test('reuses a saved mapping for the next upload with the same headers, written differently', async (t) => {
  const saved = rememberMapping('applicants', HEADER, MAPPING);
  const stored = JSON.parse(JSON.stringify(saved)) as SavedMapping;
  t.same(stored, saved, 'the saved mapping is plain JSON');
  const next = ['NOMBRE', 'lengua_materna', 'Servicio ', 'notas', 'Folio  interno'];
  const proposals = reuseMapping(stored, next);
  t.same(proposals.map((p) => [p.header, p.field, p.match]), [
    ['NOMBRE', 'name', 'remembered'],
    ['lengua_materna', 'languages', 'remembered'],
    ['Servicio ', 'case_type', 'remembered'],
    ['notas', null, 'remembered'],
    ['Folio  interno', 'id', 'remembered'],
  ]);
  t.ok(knowsHeader(stored, next));
  const s = sheet(next, [['Ana', 'Mixtekoo', 'Fee waiver', '', 'X1']]);
  const values = proposeValues('applicants', s, choicesOf(proposals), null, stored.values);
  t.same(values.map((v) => [v.value, v.code]), [['Mixtekoo', 'mix'], ['Fee waiver', 'n400']]);
  const { csv } = applyMapping('applicants', s, { columns: choicesOf(proposals), values: stored.values });
  t.equal(csv.toString(), 'id,name,languages,case_type\nX1,Ana,mix,n400\n');
});

t.test('proposes the columns a saved mapping has not seen, leaving out the fields it already chose', async (t) => {
  const saved = rememberMapping('applicants', ['Nombre', 'Lengua materna'], { columns: ['name', 'languages'] });
  const proposals = reuseMapping(saved, ['Nombre', 'Lengua materna', 'Idiomas', 'Tipo de caso']);
  t.same(proposals.map((p) => [p.field, p.match]), [['name', 'remembered'], ['languages', 'remembered'], [null, null], ['case_type', 'name']]);
  t.notOk(knowsHeader(saved, ['Nombre', 'Idiomas']));
});

t.test('merges a new mapping over an earlier one of the same target, keeping the value codes learnt', async (t) => {
  const first = rememberMapping('applicants', HEADER, MAPPING);
  const second = rememberMapping('applicants', ['Nombre', 'Idiomas'], {
    columns: ['name', 'languages'], values: { language: { bilingue: 'es;en', mixtekoo: 'mix' }, flag: { rara: '' } },
  }, first);
  t.same(second.values, { language: { mixtekoo: 'mix', bilingue: 'es;en' }, case_type: { feewaiver: 'n400' }, flag: { rara: '' } });
  t.equal(second.columns['notas'], 'ignore');
  t.equal(second.columns['idiomas'], 'languages');
  t.equal(second.dateOrder, 'dmy');
  const other = rememberMapping('volunteers', ['Nombre'], { columns: ['name'] }, first);
  t.same(other.values, {});
  t.same(Object.keys(other.columns), ['nombre']);
  t.equal(other.dateOrder, undefined);
});

t.test('does not reuse a remembered field the target lacks', async (t) => {
  const saved: SavedMapping = { version: 1, target: 'volunteers', columns: { fecha: 'deadline', rol: 'role' }, values: {} };
  t.same(reuseMapping(saved, ['Fecha', 'Rol']).map((p) => [p.field, p.match]), [[null, null], ['role', 'remembered']]);
});

t.test('keys headers by their normal form, unnamed columns by letter, repeats by count', async (t) => {
  t.same(headerKeys(['Teléfono', 'TELEFONO', '', 'Máx. solicitantes', '']), ['telefono', 'telefono#2', 'column C', 'maxsolicitantes', 'column E']);
});

t.test('keeps proposals from the header when nothing is remembered', async (t) => {
  const saved = rememberMapping('volunteers', [], { columns: [] });
  const header = ['Nombre', 'Rol', 'Idiomas'];
  t.same(reuseMapping(saved, header), proposeColumns('volunteers', header));
});
