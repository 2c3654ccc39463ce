/**
 * A problem's words as data, for a page that says it in its own language: which sentence
 * (`code`) and what fills it (`params`). The sentence in English is the problem's `message`,
 * as the command line prints it.
 *
 * Params follow one convention, so a page can fill them alike: `value` is a value as the sheet
 * or the file holds it and `values` several, `example`, `otherExample` and `examples` what a
 * sentence gives as examples (all quoted where they are shown); `field` is a column
 * of Taller's files (`languages`), `role` a volunteer's role code, `target` the list
 * (`volunteers` or `applicants`); `column` and `other` are a sheet's column letters, with
 * `columnHeader` and `otherHeader` their headers (`''` when a column has none). Anything else is
 * shown as it is.
 */

export type WordParams = Readonly<Record<string, string | readonly string[]>>;

/** What the strict reader (src/bundle) says of a cell of volunteers.csv or applicants.csv, and what src/sheets adds. */
export type SheetProblemCode =
  | 'required'
  | 'duplicate_id'
  | 'not_email'
  | 'not_window'
  | 'window_backwards'
  | 'not_date'
  | 'not_calendar_day'
  | 'not_whole_number'
  | 'not_whole_number_fraction'
  | 'too_small'
  | 'too_large'
  | 'no_language'
  | 'not_language_code'
  | 'language_not_in_catalog'
  | 'not_role'
  | 'not_accreditation'
  | 'not_complexity'
  | 'not_flag'
  | 'not_flags'
  | 'not_case_type'
  | 'not_case_types'
  | 'rep_needs_accreditation'
  | 'rep_needs_org'
  | 'ignored_for_role'
  | 'student_needs_supervisor'
  | 'supervisor_not_volunteer'
  | 'supervisor_not_attorney'
  | 'window_outside_hours'
  | 'formula'
  | 'column_missing'
  /** A value the sheet holds that no code was found for (src/sheets words it so). */
  | 'unknown_value'
  /** A column Taller needs that no column of the sheet is set to (src/sheets words it so). */
  | 'no_column'
  /** Any other problem: its message is the only wording there is (`params.message`). */
  | 'other';

export interface ProblemWords<C extends string = SheetProblemCode> {
  code: C;
  params: WordParams;
}

/** `"a", "b"` (as the strict reader quotes a list) → `['a', 'b']`. */
export const unquoteList = (text: string): string[] => text.slice(1, -1).split('", "');

/**
 * Each sentence the strict reader writes about a cell, a row or a column of volunteers.csv or
 * applicants.csv, and the names of what its groups hold (`values` and `examples` are quoted lists). A test
 * holds every one of them to a message the reader really writes.
 */
const SHAPES: readonly (readonly [SheetProblemCode, RegExp, readonly string[]])[] = [
  ['required', /^(\S+) is required$/, ['field']],
  ['duplicate_id', /^duplicate id (.*): it is already used at row (\d+)$/s, ['id', 'row']],
  ['not_email', /^"(.*)" is not an e-mail address$/s, ['value']],
  ['not_window', /^"(.*)" is not a time window: write HH:MM-HH:MM between 00:00 and 24:00, e\.g\. 09:00-12:30$/s, ['value']],
  ['window_backwards', /^the window "(.*)" ends before it starts$/s, ['value']],
  ['not_date', /^"(.*)" is not a date: write it as YYYY-MM-DD, e\.g\. 2027-03-13$/s, ['value']],
  ['not_calendar_day', /^(\S+) is not a day on the calendar$/, ['date']],
  ['not_whole_number_fraction', /^"(.*)" is not a whole number \(no fractions\)$/s, ['value']],
  ['not_whole_number', /^"(.*)" is not a whole number$/s, ['value']],
  ['too_small', /^(\S+) is too small: it must be at least (\S+)$/, ['number', 'min']],
  ['too_large', /^(\S+) is too large$/, ['number']],
  ['no_language', /^at least one language code is required \(e\.g\. "(.*)" or "(.*)"\)$/, ['example', 'otherExample']],
  ['not_language_code', /^(".*") is not a language code: use ISO 639 codes of 2–3 letters such as (".*")$/s, ['values', 'examples']],
  ['language_not_in_catalog', /^language code "(.*)" is not in Taller's catalog; it is kept as written$/s, ['value']],
  ['not_role', /^"(.*)" is not a role: use one of (.*)$/s, ['value', 'allowed']],
  ['not_accreditation', /^"(.*)" is not a kind of accreditation: use one of (.*)$/s, ['value', 'allowed']],
  ['not_complexity', /^"(.*)" is not a complexity: use one of (.*)$/s, ['value', 'allowed']],
  ['not_flag', /^(".*") is not a red flag: use (.*)$/s, ['values', 'allowed']],
  ['not_flags', /^(".*") are not red flags: use (.*)$/s, ['values', 'allowed']],
  ['not_case_type', /^(".*") is not a case type of this event \(known: (.*)\)$/s, ['values', 'known']],
  ['not_case_types', /^(".*") are not case types of this event \(known: (.*)\)$/s, ['values', 'known']],
  ['rep_needs_accreditation', /^an accredited rep needs an accreditation: partial or full$/, []],
  ['rep_needs_org', /^an accredited rep needs the recognized organization \(org\) that holds the accreditation$/, []],
  ['ignored_for_role', /^(accreditation|supervisor) is ignored for the role (\S+)$/, ['field', 'role']],
  ['student_needs_supervisor', /^a law student needs a supervisor: the id of an attorney at this event$/, []],
  ['supervisor_not_volunteer', /^supervisor (.*) is not a volunteer in this file$/s, ['id']],
  ['supervisor_not_attorney', /^supervisor (.*) is a (\S+), not an attorney$/s, ['id', 'role']],
  ['window_outside_hours', /^the window (\S+) lies wholly outside the event's hours \((\S+)\)$/, ['window', 'hours']],
  ['formula', /^(\S+) starts with ("(?:[^"\\]|\\.)*"), so a spreadsheet would run it as a formula: Taller keeps it as text, and its CSV exports write it with a leading apostrophe$/, ['field', 'start']],
  ['column_missing', /^required column "(.*)" is missing$/s, ['value']],
];

/** The words of a message of the strict reader: its code and params, or `other` with the message itself. */
export function readerWords(message: string): ProblemWords {
  for (const [code, shape, names] of SHAPES) {
    const found = shape.exec(message);
    if (!found) continue;
    const params: Record<string, string | readonly string[]> = {};
    names.forEach((name, i) => {
      const text = found[i + 1]!;
      params[name] = name === 'values' || name === 'examples' ? unquoteList(text) : text;
    });
    return { code, params };
  }
  return { code: 'other', params: { message } };
}
