import { isKnownLanguage, isLanguageCode, isCalendarDate, parseClock } from '../domain/index.js';
import { splitList } from './csv.js';

/** What a field check found: the value, or the message that says why there is none. */
export type Checked<T> = { ok: true; value: T; warnings?: string[] } | { ok: false; message: string };

const ok = <T>(value: T, warnings?: string[]): Checked<T> => (warnings?.length ? { ok: true, value, warnings } : { ok: true, value });
const bad = (message: string): Checked<never> => ({ ok: false, message });

/** A `;`-separated list of language codes, lowercased; an unknown but well-formed code is a warning. */
export function checkLanguages(cell: string): Checked<string[]> {
  const codes = [...new Set(splitList(cell).map((code) => code.toLowerCase()))];
  if (codes.length === 0) return bad('at least one language code is required (e.g. "es" or "mix;es")');
  const malformed = codes.filter((code) => !isLanguageCode(code));
  if (malformed.length > 0) {
    return bad(`${malformed.map((c) => `"${c}"`).join(', ')} is not a language code: use ISO 639 codes of 2–3 letters such as "es", "en", "mix"`);
  }
  const unknown = codes.filter((code) => !isKnownLanguage(code));
  return ok(codes, unknown.map((code) => `language code "${code}" is not in Taller's catalog; it is kept as written`));
}

/** One value from a fixed list. */
export function checkOneOf<T extends string>(cell: string, allowed: readonly T[], what: string): Checked<T> {
  const value = cell.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(value)) return ok(value as T);
  return bad(`"${cell}" is not a ${what}: use one of ${allowed.join(', ')}`);
}

/** A `;`-separated list where each part comes from a fixed list. */
export function checkListOf<T extends string>(cell: string, allowed: readonly T[], what: string): Checked<T[]> {
  const parts = [...new Set(splitList(cell).map((p) => p.toLowerCase()))];
  const wrong = parts.filter((p) => !(allowed as readonly string[]).includes(p));
  if (wrong.length > 0) {
    return bad(`${wrong.map((w) => `"${w}"`).join(', ')} ${wrong.length > 1 ? 'are not' : 'is not a'} ${what}${wrong.length > 1 ? 's' : ''}: use ${allowed.join(', ')}`);
  }
  return ok(parts as T[]);
}

/** A whole number at least `min`. */
export function checkInteger(cell: string, min: number): Checked<number> {
  const text = cell.trim();
  if (!/^[+-]?\d+$/.test(text)) {
    return bad(`"${cell}" is not a whole number${/^-?\d*[.,]\d+$/.test(text) ? ' (no fractions)' : ''}`);
  }
  const value = Number(text);
  if (value < min) return bad(`${value} is too small: it must be at least ${min}`);
  if (!Number.isSafeInteger(value)) return bad(`${text} is too large`);
  return ok(value);
}

/** A date that exists on the calendar, `YYYY-MM-DD`. */
export function checkDate(cell: string): Checked<string> {
  const text = cell.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return bad(`"${cell}" is not a date: write it as YYYY-MM-DD, e.g. 2027-03-13`);
  if (!isCalendarDate(text)) return bad(`${text} is not a day on the calendar`);
  return ok(text);
}

/** A clock window as minutes after midnight. */
export interface ClockWindow {
  start: number;
  end: number;
}

/** A `;`-separated list of `HH:MM-HH:MM` windows, each ending after it starts. */
export function checkWindows(cell: string): Checked<ClockWindow[]> {
  const windows: ClockWindow[] = [];
  for (const part of splitList(cell)) {
    const match = /^(\S+?)\s*-\s*(\S+)$/.exec(part);
    const start = match ? parseClock(match[1]!) : null;
    const end = match ? parseClock(match[2]!) : null;
    if (start === null || end === null) {
      return bad(`"${part}" is not a time window: write HH:MM-HH:MM between 00:00 and 24:00, e.g. 09:00-12:30`);
    }
    if (end <= start) return bad(`the window "${part}" ends before it starts`);
    windows.push({ start, end });
  }
  return ok(windows);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An e-mail address with one @ and a dotted domain. */
export function checkEmail(cell: string): Checked<string> {
  return EMAIL.test(cell.trim()) ? ok(cell.trim()) : bad(`"${cell}" is not an e-mail address`);
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?[\d\s().\-]+$/;

/**
 * Whether a spreadsheet would run this text as a formula: it starts with `=`, `+`, `-`, `@`, a
 * tab or a carriage return, and is not just a number or a phone number (`+1 (559) 555-0101`).
 */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** The warning for a cell a spreadsheet would run as a formula, or undefined. */
export function formulaWarning(column: string, cell: string): string | undefined {
  if (!looksLikeFormula(cell)) return undefined;
  return `${column} starts with ${JSON.stringify(cell[0])}, so a spreadsheet would run it as a formula: Taller keeps it as text, and its CSV exports write it with a leading apostrophe`;
}
