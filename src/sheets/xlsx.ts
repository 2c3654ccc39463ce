import readXlsxFile from 'read-excel-file/node';

type Cell = string | number | boolean | Date | null | undefined;

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel's day zero in each of its two calendars: a time of day alone is stored as a date on one of these. */
const DAY_ZERO = new Set(['1899-12-30', '1899-12-31', '1904-01-01']);

/**
 * A date cell as text: `YYYY-MM-DD`, a time of day alone as `HH:MM`, both as
 * `YYYY-MM-DD HH:MM`, rounded to the minute. The reader gives the wall-clock value as UTC.
 */
function dateText(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return '';
  const at = new Date(Math.round(ms / 60_000) * 60_000);
  const day = `${String(at.getUTCFullYear()).padStart(4, '0')}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
  const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
  if (DAY_ZERO.has(day)) return time;
  return time === '00:00' ? day : `${day} ${time}`;
}

/**
 * A number cell as text: whole numbers without `.0` (a phone number typed as digits stays its
 * digits), others to 15 significant digits, as a spreadsheet shows them (`0.1 + 0.2` is `0.3`).
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(Number(n.toPrecision(15)));
}

/** One cell as the text a spreadsheet shows for it. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return dateText(cell);
}

export interface Workbook {
  sheets: { name: string; rows: string[][] }[];
}

/** Every sheet of an XLSX workbook, each cell as text; rows keep their places (row i is spreadsheet row i + 1). */
export async function readWorkbook(bytes: Buffer): Promise<Workbook> {
  const sheets = await readXlsxFile(bytes, { trim: true });
  return {
    sheets: sheets.map((sheet) => ({
      name: sheet.sheet,
      rows: sheet.data.map((row) => row.map((cell) => cellText(cell as unknown as Cell))),
    })),
  };
}
