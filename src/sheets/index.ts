/**
 * Spreadsheets as coordinators keep them → Taller's canonical volunteers.csv and
 * applicants.csv. Pure: bytes in, bytes and plain data out, no HTTP and no database.
 *
 * 1. readSheet: CSV (any of three delimiters, four encodings) or XLSX → a sheet of text rows.
 * 2. proposeColumns: which Taller field each column most likely is.
 * 3. proposeValues: which code each language, case type, role… written in the sheet is.
 * 4. applyMapping: the confirmed mapping → the canonical CSV for readBundle, and an origin;
 *    mapProblems: readBundle's problems → the spreadsheet's rows, column letters and headers,
 *    each with its words as data (a code and params) for a page to say in its own language.
 * 5. rememberMapping / reuseMapping: the mapping kept for the next upload.
 */
export { readSheet, describeSheet } from './read.js';
export type { Sheet, SheetFormat, SheetResult, SheetProblemReason, SheetReadParams, ReadSheetOptions } from './read.js';
export { DELIMITERS, DELIMITER_NAMES, sniffDelimiter } from './csv.js';
export type { Delimiter } from './csv.js';
export { ENCODING_NAMES, decodeText } from './decode.js';
export type { SheetEncoding } from './decode.js';
export { CANONICAL_COLUMNS, NAME_PARTS, choicesOf, fieldsOf, proposeColumns } from './columns.js';
export type {
  CanonicalColumn, ColumnChoice, ColumnProposal, MatchKind, NamePart, SheetField, SheetTarget,
} from './columns.js';
export {
  CODED_FIELDS, NOTHING, VALUE_KINDS, caseTypeCode, codeFor, languageCode, listItems, proposeValues, valueKey, valueOptions,
} from './values.js';
export type { EventCaseTypes, ValueChoices, ValueKind, ValueOption, ValueProposal } from './values.js';
export { dateText, proposeDateOrder, windowsText } from './convert.js';
export type { DateOrder, DateOrderProposal } from './convert.js';
export { MappingError, applyMapping, checkMapping, locateProblem, mapProblems, mappingProblems } from './apply.js';
export type { AppliedMapping, MappingProblem, MappingProblemCode, SheetMapping, SheetOrigin, SheetProblem } from './apply.js';
export { readerWords } from './problems.js';
export type { ProblemWords, SheetProblemCode, WordParams } from './problems.js';
export { headerKeys, knowsHeader, rememberMapping, reuseMapping } from './saved.js';
export type { SavedMapping } from './saved.js';
export { columnLetter, normalize } from './text.js';
