import type { SheetMapping } from './apply.js';
import { fieldsOf, proposeColumns } from './columns.js';
import type { ColumnChoice, ColumnProposal, SheetTarget } from './columns.js';
import type { DateOrder } from './convert.js';
import { columnLetter, compact } from './text.js';
import { VALUE_KINDS } from './values.js';
import type { ValueChoices } from './values.js';

/**
 * A coordinator's mapping kept for their next upload (the lead stores one per organization
 * and target). Plain JSON: columns by header key, value codes by kind and value key.
 */
export interface SavedMapping {
  version: 1;
  target: SheetTarget;
  /** Header key (see headerKeys) → the field chosen, or 'ignore'. */
  columns: Record<string, ColumnChoice>;
  /** Kind → value key → code (or `''` for "leave it out"). */
  values: ValueChoices;
  dateOrder?: DateOrder;
}

/**
 * The keys a header's columns are remembered by: the name compared as headers are (case,
 * accents, spacing and punctuation ignored); a column with no name by its letter; a name seen
 * again in the same header with `#2`, `#3`.
 */
export function headerKeys(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((h, i) => {
    const base = compact(h) || `column ${columnLetter(i)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/**
 * The mapping to keep after an import: this sheet's column choices and the value codes chosen,
 * over what an earlier saved mapping for the same target held (the newer choice wins, and
 * value codes learnt from other sheets are kept).
 */
export function rememberMapping(
  target: SheetTarget,
  header: readonly string[],
  mapping: SheetMapping,
  previous?: SavedMapping | null,
): SavedMapping {
  const earlier = previous?.target === target ? previous : null;
  const columns: Record<string, ColumnChoice> = { ...earlier?.columns };
  headerKeys(header).forEach((key, i) => {
    const choice = mapping.columns[i];
    if (choice !== undefined) columns[key] = choice;
  });
  const values: ValueChoices = {};
  for (const kind of VALUE_KINDS) {
    const merged = { ...earlier?.values[kind], ...mapping.values?.[kind] };
    if (Object.keys(merged).length > 0) values[kind] = merged;
  }
  const saved: SavedMapping = { version: 1, target, columns, values };
  const dateOrder = mapping.dateOrder ?? earlier?.dateOrder;
  if (dateOrder) saved.dateOrder = dateOrder;
  return saved;
}

/**
 * Column proposals for a new upload, pre-filled from a saved mapping: each column whose header
 * was seen before gets the choice made then (`match: 'remembered'`; an ignored column has
 * `field: null`), the others what proposeColumns proposes, leaving out fields already chosen.
 * Value codes are reused by passing `saved.values` to proposeValues.
 */
export function reuseMapping(saved: SavedMapping, header: readonly string[]): ColumnProposal[] {
  const keys = headerKeys(header);
  const fields = fieldsOf(saved.target);
  const remembered = keys.map((key) => {
    const choice = saved.columns[key];
    return choice === 'ignore' || (choice !== undefined && fields.includes(choice)) ? choice : undefined;
  });
  const taken = new Set(remembered.filter((c) => c !== undefined && c !== 'ignore'));
  const fresh = proposeColumns(saved.target, [...header]);
  return fresh.map((proposal, i) => {
    const choice = remembered[i];
    if (choice !== undefined) return { ...proposal, field: choice === 'ignore' ? null : choice, match: 'remembered' };
    if (proposal.field && taken.has(proposal.field)) return { ...proposal, field: null, match: null };
    return proposal;
  });
}

/** Whether a saved mapping knows every column of this header, so the column step can be skipped. */
export function knowsHeader(saved: SavedMapping, header: readonly string[]): boolean {
  return headerKeys(header).every((key) => saved.columns[key] !== undefined);
}
