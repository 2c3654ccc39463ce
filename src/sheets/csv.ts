import { CsvError, parse } from 'csv-parse/sync';

/** The separators spreadsheet apps write: comma, semicolon (Excel in Spanish and most of Europe) and tab. */
export type Delimiter = ',' | ';' | '\t';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

export const DELIMITER_NAMES: Readonly<Record<Delimiter, string>> = Object.freeze({
  ',': 'comma-separated',
  ';': 'semicolon-separated',
  '\t': 'tab-separated',
});

const BASE = {
  relax_column_count: true,
  skip_empty_lines: false,
  record_delimiter: ['\r\n', '\n', '\r'],
};

/** How many records the sniffer reads with each candidate delimiter. */
const SNIFF_RECORDS = 200;

/** The records of a text, or the CsvError that stopped it. */
function tryParse(text: string, delimiter: Delimiter, relaxQuotes: boolean): string[][] | CsvError {
  try {
    return parse(text, { ...BASE, delimiter, relax_quotes: relaxQuotes }) as string[][];
  } catch (err) {
    // Unreachable: parsing a string with these options throws CsvErrors only.
    /* c8 ignore next */
    if (!(err instanceof CsvError)) throw err;
    return err;
  }
}

/** The first records a delimiter gives with strict quotes, up to the first quote out of place; and whether there was one. */
function firstRecords(text: string, delimiter: Delimiter): { records: string[][]; clean: boolean } {
  const records: string[][] = [];
  try {
    parse(text, {
      ...BASE, delimiter, to: SNIFF_RECORDS,
      on_record: (record: string[]) => {
        records.push(record);
        return record;
      },
    });
    return { records, clean: true };
  } catch {
    return { records, clean: false };
  }
}

const filled = (record: string[]) => record.some((cell) => cell.trim() !== '');

type Rank = [number, number, number, number];

/** Ranks a candidate: a header of several columns, rows as wide as the header, no quote out of place, width. */
function rank(text: string, delimiter: Delimiter): Rank {
  const { records, clean } = firstRecords(text, delimiter);
  const rows = records.filter(filled);
  const width = rows[0]?.length ?? 0;
  const consistent = rows.length === 0 ? 0 : rows.filter((r) => r.length === width).length / rows.length;
  return [width > 1 ? 1 : 0, consistent, clean ? 1 : 0, width];
}

const compare = (a: Rank, b: Rank) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3];

/**
 * Finds the delimiter by reading the start of the file with each candidate as a CSV reader
 * would, quotes and all, up to the first quote a candidate finds out of place (a `;` inside a
 * quoted field of a comma file leaves a quote in mid-field when read with `;`, so it cannot
 * fool it). The one that gives a header of several columns wins, then rows as wide as the
 * header, then reading without a misplaced quote, then the widest; comma wins a tie (a file of
 * one column).
 */
export function sniffDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; rank: Rank } | null = null;
  for (const delimiter of DELIMITERS) {
    const r = rank(text, delimiter);
    if (!best || compare(r, best.rank) > 0) best = { delimiter, rank: r };
  }
  return best!.delimiter;
}

/** `sep=;` on the first line: Excel's own note of the delimiter, which it hides when it opens the file. */
const SEP_LINE = /^sep=(,|;|\t)[ \t]*(\r\n|\n|\r|$)/i;

export type CsvRead =
  | { ok: true; records: string[][]; delimiter: Delimiter }
  | { ok: false; row: number; message: string };

/**
 * Reads CSV text into records, each the row a spreadsheet app shows (a quoted field spanning
 * lines is one record), the first being row 1 (a `sep=` line is not a row). Quotes are read strictly first and leniently when that fails (a stray `"`
 * inside an unquoted value is kept as text); a quote that never closes is reported at its row.
 */
export function readCsvText(text: string, forced?: Delimiter): CsvRead {
  const sep = SEP_LINE.exec(text);
  const body = sep ? text.slice(sep[0].length) : text;
  const delimiter = forced ?? (sep ? (sep[1] as Delimiter) : sniffDelimiter(body));
  let records = tryParse(body, delimiter, false);
  if (records instanceof CsvError) records = tryParse(body, delimiter, true);
  if (records instanceof CsvError) {
    const row = (records as unknown as { records: number }).records + 1;
    // With quotes read leniently, the one error left is a quote that never closes.
    const message = `a value in row ${row} opens a double quote (") that is never closed, so the rest of the file cannot be read: fix that cell and save the file again`;
    return { ok: false, row, message };
  }
  return { ok: true, records, delimiter };
}
