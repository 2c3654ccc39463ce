/**
 * A markdown table as the bench and load scripts print them: the first columns (names) left
 * aligned, the rest (figures) right aligned, every column as wide as its widest cell.
 */
export function markdownTable(headers: string[], rows: (string | number)[][], leftColumns = 1): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => (c < leftColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (c < leftColumns ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(headers), rule, ...cells.slice(1).map(line)].join('\n');
}
