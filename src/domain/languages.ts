/**
 * Language names a coordinator reads, in English and Spanish. Indigenous languages of Mexico
 * and Guatemala come first: they are common at farmworker clinics and Intl knows no name for
 * most of them, so they are spelled here as the communities and clinics spell them.
 */
export interface LanguageName {
  en: string;
  es: string;
}

export const LANGUAGES: Readonly<Record<string, LanguageName>> = Object.freeze({
  // Indigenous languages of Mexico
  mix: { en: 'Mixteco', es: 'Mixteco' },
  zap: { en: 'Zapoteco', es: 'Zapoteco' },
  trs: { en: 'Triqui', es: 'Triqui' },
  nah: { en: 'Nahuatl', es: 'Náhuatl' },
  tsz: { en: 'Purépecha', es: 'Purépecha' },
  tzo: { en: 'Tzotzil', es: 'Tsotsil' },
  tzh: { en: 'Tzeltal', es: 'Tseltal' },
  maz: { en: 'Mazahua', es: 'Mazahua' },
  chq: { en: 'Chinanteco', es: 'Chinanteco' },
  yua: { en: 'Yucatec Maya', es: 'Maya yucateco' },
  // Mayan languages of Guatemala
  mam: { en: 'Mam', es: 'Mam' },
  quc: { en: "K'iche'", es: "K'iche'" },
  kjb: { en: "Q'anjob'al", es: "Q'anjob'al" },
  cak: { en: 'Kaqchikel', es: 'Kaqchikel' },
  kek: { en: "Q'eqchi'", es: "Q'eqchi'" },
  ixl: { en: 'Ixil', es: 'Ixil' },
  jac: { en: "Popti'", es: "Popti'" },
  acc: { en: 'Achi', es: 'Achí' },
  // Widely spoken at clinics in the United States
  en: { en: 'English', es: 'inglés' },
  es: { en: 'Spanish', es: 'español' },
  pt: { en: 'Portuguese', es: 'portugués' },
  fr: { en: 'French', es: 'francés' },
  ht: { en: 'Haitian Creole', es: 'criollo haitiano' },
  zh: { en: 'Chinese', es: 'chino' },
  yue: { en: 'Cantonese', es: 'cantonés' },
  cmn: { en: 'Mandarin', es: 'mandarín' },
  vi: { en: 'Vietnamese', es: 'vietnamita' },
  tl: { en: 'Tagalog', es: 'tagalo' },
  ko: { en: 'Korean', es: 'coreano' },
  ja: { en: 'Japanese', es: 'japonés' },
  hmn: { en: 'Hmong', es: 'hmong' },
  km: { en: 'Khmer', es: 'jemer' },
  lo: { en: 'Lao', es: 'lao' },
  th: { en: 'Thai', es: 'tailandés' },
  my: { en: 'Burmese', es: 'birmano' },
  pa: { en: 'Punjabi', es: 'panyabí' },
  hi: { en: 'Hindi', es: 'hindi' },
  ur: { en: 'Urdu', es: 'urdu' },
  bn: { en: 'Bengali', es: 'bengalí' },
  ne: { en: 'Nepali', es: 'nepalí' },
  gu: { en: 'Gujarati', es: 'guyaratí' },
  ta: { en: 'Tamil', es: 'tamil' },
  te: { en: 'Telugu', es: 'telugu' },
  ar: { en: 'Arabic', es: 'árabe' },
  fa: { en: 'Persian (Farsi)', es: 'persa (farsi)' },
  prs: { en: 'Dari', es: 'darí' },
  ps: { en: 'Pashto', es: 'pastún' },
  ku: { en: 'Kurdish', es: 'kurdo' },
  tr: { en: 'Turkish', es: 'turco' },
  hy: { en: 'Armenian', es: 'armenio' },
  ru: { en: 'Russian', es: 'ruso' },
  uk: { en: 'Ukrainian', es: 'ucraniano' },
  pl: { en: 'Polish', es: 'polaco' },
  ro: { en: 'Romanian', es: 'rumano' },
  so: { en: 'Somali', es: 'somalí' },
  am: { en: 'Amharic', es: 'amárico' },
  ti: { en: 'Tigrinya', es: 'tigriña' },
  sw: { en: 'Swahili', es: 'suajili' },
  ff: { en: 'Fula', es: 'fula' },
  wo: { en: 'Wolof', es: 'wólof' },
  ln: { en: 'Lingala', es: 'lingala' },
  rw: { en: 'Kinyarwanda', es: 'kinyarwanda' },
  ase: { en: 'American Sign Language', es: 'lengua de señas americana' },
});

const LANGUAGE_CODE = /^[a-z]{2,3}$/;

/** Whether a (lowercased) code has the shape of an ISO 639 code: two or three letters. */
export function isLanguageCode(code: string): boolean {
  return LANGUAGE_CODE.test(code);
}

/** Whether Taller's catalog names this language. */
export function isKnownLanguage(code: string): boolean {
  return Object.hasOwn(LANGUAGES, code);
}

/**
 * A language's name in English or Spanish: the catalog's, else Intl's, else the code itself,
 * so that a page never shows a blank where a language should be.
 */
export function languageName(code: string, lang: 'en' | 'es' = 'en'): string {
  const known = isKnownLanguage(code) ? LANGUAGES[code] : undefined;
  if (known) return known[lang];
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' }).of(code);
    if (name) return name;
  } catch {
    // A code Intl rejects falls through to the code itself.
  }
  return code;
}
