import t from 'tap';
import { isKnownLanguage, isLanguageCode, languageName } from '../../src/domain/index.js';

/**
 * Every language code used in the sample bundles (static/samples), with the name a
 * coordinator reads in English and in Spanish. The indigenous languages are spelled as
 * the clinics spell them.
 */
const SAMPLE_LANGUAGES: Record<string, { en: string; es: string }> = {
  en: { en: 'English', es: 'inglés' },
  es: { en: 'Spanish', es: 'español' },
  hi: { en: 'Hindi', es: 'hindi' },
  hmn: { en: 'Hmong', es: 'hmong' },
  km: { en: 'Khmer', es: 'jemer' },
  lo: { en: 'Lao', es: 'lao' },
  mam: { en: 'Mam', es: 'Mam' },
  mix: { en: 'Mixteco', es: 'Mixteco' },
  pa: { en: 'Punjabi', es: 'panyabí' },
  tl: { en: 'Tagalog', es: 'tagalo' },
  trs: { en: 'Triqui', es: 'Triqui' },
  zap: { en: 'Zapoteco', es: 'Zapoteco' },
  kjb: { en: "Q'anjob'al", es: "Q'anjob'al" },
  quc: { en: "K'iche'", es: "K'iche'" },
};
const A_CODE_INTL_KNOWS = 'de';
const A_CODE_NOBODY_KNOWS = 'qqq'; // in ISO 639's range reserved for local use

for (const [code, names] of Object.entries(SAMPLE_LANGUAGES)) {
  t.test(`the catalog names ${code} "${names.en}" in English and "${names.es}" in Spanish`, async (t) => {
    t.equal(isKnownLanguage(code), true);
    t.equal(languageName(code, 'en'), names.en);
    t.equal(languageName(code, 'es'), names.es);
  });
}

t.test('names Mixteco "Mixteco" in Spanish', async (t) => {
  t.equal(languageName('mix', 'es'), 'Mixteco');
});

t.test('names a language in English when no language is asked for', async (t) => {
  t.equal(languageName('trs'), 'Triqui');
  t.equal(languageName('es'), 'Spanish');
});

t.test('names Mam "Mam"', async (t) => {
  t.equal(languageName('mam'), 'Mam');
});

t.test('names a language the catalog lacks by what Intl knows: de is German', async (t) => {
  t.equal(isKnownLanguage(A_CODE_INTL_KNOWS), false);
  t.equal(languageName(A_CODE_INTL_KNOWS), 'German');
});

t.test('names a language the catalog lacks in Spanish by what Intl knows: de is alemán', async (t) => {
  t.equal(languageName(A_CODE_INTL_KNOWS, 'es'), 'alemán');
});

t.test('shows the code itself for a language neither the catalog nor Intl names', async (t) => {
  t.equal(languageName(A_CODE_NOBODY_KNOWS), A_CODE_NOBODY_KNOWS);
});

t.test('shows the text itself for something that is not a language code at all', async (t) => {
  t.equal(languageName('Español'), 'Español');
});

t.test('takes a two-letter code as a language code', async (t) => {
  t.equal(isLanguageCode('es'), true);
});

t.test('takes a three-letter code as a language code', async (t) => {
  t.equal(isLanguageCode('mix'), true);
});

t.test('does not take a language name as a language code', async (t) => {
  t.equal(isLanguageCode('Español'), false);
});

t.test('does not take a code with a digit as a language code', async (t) => {
  t.equal(isLanguageCode('e5'), false);
});

t.test('does not take a four-letter code as a language code', async (t) => {
  t.equal(isLanguageCode('span'), false);
});

t.test('does not take a one-letter code as a language code', async (t) => {
  t.equal(isLanguageCode('e'), false);
});

t.test('expects codes already lowercased: ES is not a code until it becomes es', async (t) => {
  t.equal(isLanguageCode('ES'), false);
});

t.test('does not know a well-formed code the catalog does not name', async (t) => {
  t.equal(isKnownLanguage(A_CODE_NOBODY_KNOWS), false);
});

t.test('does not take a built-in object property for a known language', async (t) => {
  t.equal(isKnownLanguage('constructor'), false);
});

t.test('names a code that is also a property of every object by the code itself', async (t) => {
  t.equal(languageName('toString'), 'toString');
});
