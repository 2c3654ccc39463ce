/**
 * Text helpers shared by the spreadsheet reader: the normal form headers and values are
 * compared in, and the column letters a spreadsheet shows.
 */

/** Apostrophes of every kind: removed, so `Tu'un savi`, `Tu’un savi` and `Tuun savi` compare equal. */
const APOSTROPHES = /['’ʼ‘`´ʻ]/g;

/**
 * The form in which headers and values are compared: compatibility-decomposed (full-width
 * letters become plain ones), accents and other combining marks dropped, lowercased,
 * apostrophes removed, every other run of characters that is not a letter or a digit (spaces,
 * punctuation, underscores) made one space, trimmed. `Máx._Solicitantes ` → `max solicitantes`,
 * `N-400` → `n 400`, `中文` → `中文`. Marks are dropped in every script alike, so both sides of a
 * comparison lose the same ones.
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The normal form without its spaces: `max applicants`, `max_applicants` and `MaxApplicants` are one key. */
export function compact(text: string): string {
  return normalize(text).replace(/ /g, '');
}

/** A spreadsheet's letters for a zero-based column index: 0 → A, 25 → Z, 26 → AA, 701 → ZZ, 702 → AAA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A cell's text with its whitespace runs (line breaks included) made single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
