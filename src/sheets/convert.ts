import { isCalendarDate } from '../domain/index.js';
import { WHOLE_DAY } from './names.js';
import type { Sheet } from './read.js';
import { compact, normalize } from './text.js';

/** How a date such as 03/04/2027 is read: day first (most of the world, Excel in Spanish) or month first (the US). */
export type DateOrder = 'dmy' | 'mdy';

const pad = (n: number) => String(n).padStart(2, '0');

const MONTHS: Readonly<Record<string, number>> = (() => {
  const names: [string[], number][] = [
    [['january', 'enero'], 1], [['february', 'febrero'], 2], [['march', 'marzo'], 3], [['april', 'abril'], 4],
    [['may', 'mayo'], 5], [['june', 'junio'], 6], [['july', 'julio'], 7], [['august', 'agosto'], 8],
    [['september', 'septiembre', 'setiembre'], 9], [['october', 'octubre'], 10], [['november', 'noviembre'], 11],
    [['december', 'diciembre'], 12],
  ];
  const table: Record<string, number> = {};
  for (const [words, month] of names) {
    for (const word of words) {
      table[word] = month;
      table[word.slice(0, 3)] = month;
      table[word.slice(0, 4)] = month;
    }
  }
  return table;
})();

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/;

function iso(year: number, month: number, day: number): string | null {
  const text = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return isCalendarDate(text) ? text : null;
}

const fullYear = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text));

/**
 * A date as `YYYY-MM-DD`, from what a spreadsheet holds: `2027-03-13` (or with a time after
 * it, as an Excel date-time cell reads), `13/03/2027` or `03/13/2027` (by `order` when both
 * parts could be the month), `13-3-27`, `13.03.2027`, `13 de marzo de 2027`, `March 13, 2027`,
 * `13-mar-2027`. Null when it is none of these or not a day on the calendar.
 */
export function dateText(cell: string, order: DateOrder): string | null {
  const text = cell.trim();
  const isoMatch = ISO.exec(text);
  if (isoMatch) return iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    const year = fullYear(numeric[3]!);
    const dayFirst = a > 12 || (b <= 12 && order === 'dmy');
    return dayFirst ? iso(year, b, a) : iso(year, a, b);
  }
  const words = normalize(text).split(' ').filter((w) => !['de', 'del', 'of', 'the'].includes(w));
  const months = words.filter((w) => /^\p{L}+$/u.test(w)).map((w) => MONTHS[w]);
  const numbers = words.filter((w) => /^\d+$/.test(w));
  if (words.length !== 3 || months.length !== 1 || months[0] === undefined || numbers.length !== 2) return null;
  const year = numbers.find((n) => n.length === 4);
  const day = numbers.find((n) => n.length <= 2);
  if (!year || !day) return null;
  return iso(Number(year), months[0], Number(day));
}

/**
 * The order a column's dates are written in, when its values tell (a first part above 12 means
 * day first, a second part above 12 month first); null when they do not, or disagree.
 */
export function dateOrderOf(cells: readonly string[]): DateOrder | null {
  let dmy = false;
  let mdy = false;
  for (const cell of cells) {
    const m = NUMERIC.exec(cell.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dmy = true;
    if (Number(m[2]) > 12) mdy = true;
  }
  if (dmy === mdy) return null;
  return dmy ? 'dmy' : 'mdy';
}

/** How a column's dates will be read, and whether its values said so or it is a guess for the coordinator to confirm. */
export interface DateOrderProposal {
  order: DateOrder;
  from: 'values' | 'guess';
}

/**
 * The order of a column's numeric dates: from its values when they tell, else a guess from
 * the file: a semicolon-separated CSV comes from a spreadsheet app set to a language that
 * writes the day first (Spanish among them); anything else is taken as the US order.
 */
export function proposeDateOrder(sheet: Pick<Sheet, 'rows' | 'delimiter'>, column: number): DateOrderProposal {
  const found = dateOrderOf(sheet.rows.map((row) => row[column] ?? ''));
  if (found) return { order: found, from: 'values' };
  return { order: sheet.delimiter === ';' ? 'dmy' : 'mdy', from: 'guess' };
}

const TIME = String.raw`(\d{1,2})(?:[:.h](\d{2})|h)?\s*(a\.?\s*m\.?|p\.?\s*m\.?)?`;
const WINDOW = new RegExp(String.raw`^(?:de|desde|from)?\s*${TIME}\s*(?:-|–|—|~|to|a|hasta|al|until)\s*${TIME}$`, 'i');
const WINDOW_SEPARATORS = /\s*(?:[;,\n/|&]|\s(?:y|and|e)\s)\s*/i;
const WHOLE_DAY_KEYS = new Set(WHOLE_DAY.map(compact));

/** Hours and minutes, with am/pm applied: 12 am is 0, 1 pm is 13. */
function clock(hours: string, minutes: string | undefined, meridiem: string | undefined): { h: number; m: number; pm: boolean | null } {
  let h = Number(hours);
  const pm = meridiem ? /^p/i.test(meridiem) : null;
  if (pm === true && h < 12) h += 12;
  if (pm === false && h === 12) h = 0;
  return { h, m: Number(minutes ?? 0), pm };
}

/**
 * One window as `HH:MM-HH:MM`, or null. Without am/pm, hours are read as a clinic day reads
 * them: "9-1" is 09:00-13:00, and a window starting at 1 to 6 written without a leading zero is
 * in the afternoon ("1-5" is 13:00-17:00; "01:00-05:00" stays at night); "1-5pm" is 13:00-17:00.
 */
function windowText(part: string): string | null {
  const m = WINDOW.exec(part.trim());
  if (!m) return null;
  const start = clock(m[1]!, m[2], m[3]);
  const end = clock(m[4]!, m[5], m[6]);
  const minutes = (t: { h: number; m: number }) => t.h * 60 + t.m;
  if (start.pm === null && end.pm === true && start.h < 12 && minutes(start) + 720 < minutes(end)) start.h += 12;
  if (start.pm === null && end.pm === null) {
    if (/^[1-6]$/.test(m[1]!) && end.h <= 12) {
      start.h += 12;
      if (end.h < 12) end.h += 12;
    } else if (minutes(end) <= minutes(start) && end.h < 12) {
      end.h += 12;
    }
  }
  for (const t of [start, end]) if (t.h > 24 || t.m > 59 || (t.h === 24 && t.m > 0)) return null;
  return `${pad(start.h)}:${pad(start.m)}-${pad(end.h)}:${pad(end.m)}`;
}

/**
 * An availability cell as `HH:MM-HH:MM;…`: windows like "9:00-12:30", "9 a 12", "de 9:00 a
 * 13:00", "9am-1pm", "1-5 p.m.", "9h30-12h", separated by `;`, `,`, `/`, a line break, " y " or
 * " and ". A word for the whole day ("Todo el día", "All day", "Sí") gives `''`, which means
 * the event's hours. Null when any part is not a window.
 */
export function windowsText(cell: string): string | null {
  const text = cell.trim();
  if (text === '' || WHOLE_DAY_KEYS.has(compact(text))) return '';
  const windows = text.split(WINDOW_SEPARATORS).filter((p) => p.trim() !== '').map(windowText);
  return windows.every((w): w is string => w !== null) ? windows.join(';') : null;
}

/** A whole number written as a spreadsheet may ("4", "4.0", "4,00"), or null. */
export function wholeNumberText(cell: string): string | null {
  const m = /^\+?(\d+)(?:[.,]0+)?$/.exec(cell.trim());
  return m ? String(Number(m[1])) : null;
}

const PRIORITY_WORDS: Readonly<Record<string, string>> = {
  alta: '3', alto: '3', high: '3', urgent: '3', urgente: '3',
  media: '2', medio: '2', medium: '2', normal: '2',
  baja: '1', bajo: '1', low: '1',
};

/** A priority: a whole number, or "Alta"/"High" (3), "Media"/"Medium" (2), "Baja"/"Low" (1); null otherwise. */
export function priorityText(cell: string): string | null {
  return wholeNumberText(cell) ?? PRIORITY_WORDS[compact(cell)] ?? null;
}
