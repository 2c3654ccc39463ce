import t from 'tap';
import {
  NOTHING, caseTypeCode, codeFor, languageCode, listItems, proposeValues, valueKey, valueOptions,
} from '../../src/sheets/index.js';
import { sheet } from './helpers.js';

t.test('maps language names in English and Spanish to codes', async (t) => {
  const cases: [string, string][] = [
    ['Spanish', 'es'], ['Español', 'es'], ['español', 'es'], ['ESPAÑOL', 'es'], ['castellano', 'es'], ['English', 'en'],
    ['Inglés', 'en'], ['Mixteco', 'mix'], ['Mixtec', 'mix'], ['Zapoteco', 'zap'], ['Triqui', 'trs'], ['Mandarín', 'cmn'],
    ['Chinese', 'zh'], ['Cantonese', 'yue'], ['Tagalog', 'tl'], ['Filipino', 'tl'], ['Hmong', 'hmn'], ['Punjabi', 'pa'],
    ['Panyabí', 'pa'], ['Haitian Creole', 'ht'], ['criollo haitiano', 'ht'], ['Portuguese', 'pt'], ['Vietnamita', 'vi'],
    ['Persian (Farsi)', 'fa'], ['Farsi', 'fa'], ["K'iche'", 'quc'], ['Quiché', 'quc'], ["Q'anjob'al", 'kjb'], ['Mam', 'mam'],
    ['Purépecha', 'tsz'], ['Náhuatl', 'nah'], ['American Sign Language', 'ase'], ['ASL', 'ase'],
  ];
  for (const [name, code] of cases) t.equal(languageCode(name), code, name);
});

t.test('maps languages by their own names in their own scripts', async (t) => {
  const cases: [string, string][] = [
    ["Tu'un savi", 'mix'], ['Tu’un sávi', 'mix'], ['中文', 'zh'], ['普通话', 'cmn'], ['廣東話', 'yue'], ['Tiếng Việt', 'vi'],
    ['العربية', 'ar'], ['ਪੰਜਾਬੀ', 'pa'], ['Kreyòl ayisyen', 'ht'], ['Português', 'pt'], ['한국어', 'ko'], ['日本語', 'ja'],
    ['ភាសាខ្មែរ', 'km'], ['ພາສາລາວ', 'lo'], ['Русский', 'ru'], ['हिन्दी', 'hi'], ['فارسی', 'fa'], ['Hmoob', 'hmn'], ['Diidxazá', 'zap'],
  ];
  for (const [name, code] of cases) t.equal(languageCode(name), code, name);
});

t.test('passes language codes through, and reads ISO 639-2 codes as the catalog\'s', async (t) => {
  t.same(['es', 'ES', 'mix', 'MIX', 'hmn', 'spa', 'eng', 'fil'].map(languageCode), ['es', 'es', 'mix', 'mix', 'hmn', 'es', 'en', 'tl']);
});

t.test('maps languages the catalog does not name by the names Intl knows', async (t) => {
  t.same(['Italiano', 'Deutsch', 'German'].map(languageCode), ['it', 'de', 'de']);
});

t.test('sets a note in brackets aside and reads a variety as its language', async (t) => {
  t.same(['Español (nativo)', 'Inglés [básico]', 'Mixteco de la costa', 'Zapoteco del Istmo', '(Mixteco)'].map(languageCode),
    ['es', 'en', 'mix', 'zap', 'mix']);
});

t.test('leaves an unknown language null', async (t) => {
  t.same(['Mixtekoo', 'Klingonese', 'Otro', '', 'N/A', 'y'].map(languageCode), [null, null, null, null, null, null]);
});

t.test('splits list cells at ; , / | + & line breaks and the words y, e, o, and, or', async (t) => {
  t.same(listItems('Español, inglés; mixteco / triqui | hmong + lao & thai\nkhmer'),
    ['Español', 'inglés', 'mixteco', 'triqui', 'hmong', 'lao', 'thai', 'khmer']);
  t.same(listItems('Español y mixteco'), ['Español', 'mixteco']);
  t.same(listItems('Español e inglés'), ['Español', 'inglés']);
  t.same(listItems('English and Spanish or Mixtec'), ['English', 'Spanish', 'Mixtec']);
  t.same(listItems('Español o inglés'), ['Español', 'inglés']);
  t.same(listItems('Maya yucateco'), ['Maya yucateco']);
  t.same(listItems('  '), []);
});

t.test('keeps a cell that is one known value whole, though it holds a separator', async (t) => {
  const known = (text: string) => codeFor('flag', text) !== null;
  t.same(listItems('Fraud or misrepresentation', known), ['Fraud or misrepresentation']);
  t.same(listItems('Fraude, arrestos', known), ['Fraude', 'arrestos']);
});

t.test('maps case-type labels in English and Spanish to the default catalog\'s codes', async (t) => {
  const cases: [string, string][] = [
    ['DACA renewal', 'daca_renewal'], ['Renovación de DACA', 'daca_renewal'], ['DACA primera vez', 'daca_initial'],
    ['Naturalization', 'n400'], ['Naturalización', 'n400'], ['Citizenship', 'n400'], ['Ciudadanía', 'n400'], ['N-400', 'n400'],
    ['n400', 'n400'], ['N400', 'n400'], ['Naturalización (N-400)', 'n400'], ['TPS', 'tps'], ['Temporary Protected Status', 'tps'],
    ['Green card renewal', 'i90'], ['I-90', 'i90'], ['Renovación de mica', 'i90'], ['Work permit renewal', 'ead_renewal'],
    ['Permiso de trabajo', 'ead_renewal'], ['Advance parole', 'advance_parole'], ['Permiso de viaje', 'advance_parole'],
    ['Family petition', 'family_petition'], ['I-130', 'family_petition'], ['Petición familiar', 'family_petition'],
    ['Consulta legal', 'consultation'], ['Acción diferida laboral', 'labor_deferred_action'],
  ];
  for (const [label, code] of cases) t.equal(caseTypeCode(label), code, label);
});

t.test('reads a longer case-type label by the form number or words that name one type', async (t) => {
  t.same(['N-400 con exención de cuota', 'Renovación DACA 2027', 'Green card (I-90) replacement', 'Ciudadanía + fee waiver'].map((l) => caseTypeCode(l)),
    ['n400', 'daca_renewal', 'i90', 'n400']);
});

t.test('leaves an unknown or ambiguous case type null', async (t) => {
  t.same(['Fee waiver', 'DACA', 'DACA y TPS', 'U visa', 'Pasaporte'].map((l) => caseTypeCode(l)), [null, null, null, null, null]);
});

t.test('maps case types among the event\'s own, by their codes and labels', async (t) => {
  const event = { caseTypes: { n400: {}, fee_waiver: {}, u_visa: {} } };
  t.same(['Fee waiver', 'U visa', 'u_visa', 'Naturalización', 'DACA renewal'].map((l) => caseTypeCode(l, event)),
    ['fee_waiver', 'u_visa', 'u_visa', 'n400', null]);
});

t.test('maps roles people write to role codes', async (t) => {
  const cases: [string, string][] = [
    ['Abogado/a', 'attorney'], ['Abogada', 'attorney'], ['Attorney', 'attorney'], ['Lawyer', 'attorney'],
    ['Representante acreditado', 'accredited_rep'], ['DOJ-accredited representative', 'accredited_rep'],
    ['Estudiante de derecho', 'law_student'], ['Law student', 'law_student'], ['Paralegal', 'paralegal'],
    ['Llenado de formularios', 'form_filler'], ['Evaluador/a', 'screener'], ['Intérprete', 'interpreter'],
    ['Traductora', 'interpreter'], ['Voluntario', 'general'], ['Greeter or organizer', 'general'], ['form_filler', 'form_filler'],
  ];
  for (const [label, code] of cases) t.equal(codeFor('role', label), code, label);
  t.equal(codeFor('role', 'Estudiante'), null);
});

t.test('maps accreditation, complexity and red flags, with words for none', async (t) => {
  t.same(['Completa', 'Parcial', 'full', 'Fully accredited'].map((v) => codeFor('accreditation', v)), ['full', 'partial', 'full', 'full']);
  t.same(['Sencillo', 'Moderada', 'Complejo', 'Difícil', 'Easy', 'complex'].map((v) => codeFor('complexity', v)),
    ['straightforward', 'moderate', 'complex', 'complex', 'straightforward', 'complex']);
  t.same(['Antecedentes penales', 'Deportación previa', 'En corte', 'Reingreso ilegal', 'prior_denial', 'Ninguna', 'No', 'Rara'].map((v) => codeFor('flag', v)),
    ['criminal_history', 'prior_removal', 'in_proceedings', 'unlawful_reentry', 'prior_denial', NOTHING, NOTHING, null]);
});

t.test('proposes a code for each distinct value of each coded column, counting the rows that use it', async (t) => {
  const s = sheet(['Nombre', 'Idiomas', 'Tipo de caso', 'Alertas'], [
    ['Ana', 'Mixteco, español', 'Naturalización', ''],
    ['Bo', 'español y Mixtekoo', 'N-400', 'Ninguna'],
    ['Cy', 'ESPAÑOL; español', 'Fee waiver', 'Arrestos, fraude'],
    ['Di', '', 'naturalizacion', ''],
  ]);
  const proposals = proposeValues('applicants', s, ['name', 'languages', 'case_type', 'flags']);
  t.same(proposals.map((p) => [p.field, p.value, p.key, p.code, p.rows]), [
    ['languages', 'Mixteco', 'mixteco', 'mix', 1],
    ['languages', 'español', 'espanol', 'es', 3],
    ['languages', 'Mixtekoo', 'mixtekoo', null, 1],
    ['case_type', 'Naturalización', 'naturalizacion', 'n400', 2],
    ['case_type', 'N-400', 'n400', 'n400', 1],
    ['case_type', 'Fee waiver', 'feewaiver', null, 1],
    ['flags', 'Ninguna', 'ninguna', NOTHING, 1],
    ['flags', 'Arrestos', 'arrestos', 'criminal_history', 1],
    ['flags', 'fraude', 'fraude', 'fraud_misrep', 1],
  ]);
  t.same(proposals[0]!.column, 1);
});

t.test('proposes remembered codes first, and no "all" for an applicant\'s one case type', async (t) => {
  const s = sheet(['Idiomas', 'Tipo de caso'], [['Mixtekoo', 'Todos'], ['Bilingüe', 'Fee waiver']]);
  const proposals = proposeValues('applicants', s, ['languages', 'case_type'], null,
    { language: { mixtekoo: 'mix', bilingue: 'es;en' }, case_type: { feewaiver: 'n400' } });
  t.same(proposals.map((p) => [p.value, p.code]), [['Mixtekoo', 'mix'], ['Bilingüe', 'es;en'], ['Todos', null], ['Fee waiver', 'n400']]);
  const volunteers = proposeValues('volunteers', sheet(['Casos'], [['Todos']]), ['case_types']);
  t.same(volunteers.map((p) => p.code), [NOTHING]);
});

t.test('proposes no values for ignored, unmatched, uncoded or other-target columns', async (t) => {
  const s = sheet(['A', 'B', 'C', 'D'], [['es', 'es', 'es', 'attorney']]);
  t.same(proposeValues('applicants', s, ['ignore', null, 'name', 'role']), []);
});

t.test('offers the codes of each kind, named in English and Spanish', async (t) => {
  t.match(valueOptions('language'), [{ code: 'mix', en: 'Mixteco', es: 'Mixteco' }]);
  t.same(valueOptions('case_type', { caseTypes: { n400: {}, u_visa: {} } }),
    [{ code: 'n400', en: 'Naturalization (N-400)', es: 'Naturalización (N-400)' }, { code: 'u_visa', en: 'u visa', es: 'u visa' }]);
  t.equal(valueOptions('case_type').length, 10);
  t.same(valueOptions('role')[0], { code: 'attorney', en: 'Attorney', es: 'Abogado/a' });
  t.same(valueOptions('accreditation').map((o) => o.code), ['partial', 'full']);
  t.same(valueOptions('complexity').map((o) => o.code), ['straightforward', 'moderate', 'complex']);
  t.equal(valueOptions('flag').length, 6);
});

t.test('keys values by their normal form without spaces', async (t) => {
  t.equal(valueKey(' N-400 '), 'n400');
  t.equal(valueKey('Tu’un Sávi'), 'tuunsavi');
  t.equal(valueKey('中文'), '中文');
});

t.test('reads the missing cells of a row shorter than the header as empty', async (t) => {
  const s = sheet(['Nombre', 'Idiomas'], [['Ana'], ['Bo', 'es']]);
  t.same(proposeValues('applicants', s, ['name', 'languages']).map((p) => [p.value, p.rows]), [['es', 1]]);
});
