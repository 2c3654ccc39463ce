/**
 * Hostile text for pages: markup that would run or load something if a page copied it raw,
 * and a check of what a page holds as markup beyond the same page made with plain names.
 */
import fc from 'fast-check';
import type { Bundle } from '../../src/domain/index.js';

/** Markup that would run or load something if a page copied it raw. */
export const ATTACKS = [
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>", '</title><iframe src=//evil.example>',
  '{{constructor.constructor "alert(1)"}}', '<a href="javascript:alert(1)">x</a>', '<style>*{display:none}</style>',
];
export const hostile = fc.tuple(fc.constantFrom(...ATTACKS), fc.string({ maxLength: 6 }), fc.constantFrom('', '&amp;', '&', '"', "'", '`', '='))
  .map(([attack, text, tail]) => `${text}${attack}${tail}`);

/** Markup an attack would add: how often each tag or attribute occurs in a page. */
const MARKUP = /<(script|img|svg|iframe|style|a)\b|\son[a-z]+\s*=|href\s*=\s*["']?javascript:/gi;
function markupOf(html: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const m of html.matchAll(MARKUP)) found.set(m[0].toLowerCase(), (found.get(m[0].toLowerCase()) ?? 0) + 1);
  return found;
}

/** What the hostile page holds as markup beyond what the same page with plain names holds, if anything. */
export function addedMarkup(html: string, plain: string): string | undefined {
  const before = markupOf(plain);
  return [...markupOf(html)].find(([tag, n]) => n > (before.get(tag) ?? 0))?.[0]
    ?? ATTACKS.find((attack) => html.includes(attack));
}

export const PLAIN = ['Ana María Núñez', 'St. Anthony Hall', '123 Main St', 'Li Wei', 'José Pérez', 'Household 2'];

/** A day with every text a coordinator's files fill replaced by hostile strings. */
export function plantedIn(bundle: Bundle, names: string[]): Bundle {
  const at = (i: number) => names[i % names.length]!;
  return {
    ...bundle,
    event: { ...bundle.event, name: at(0), site: { ...bundle.event.site, name: at(1), address: at(2) } },
    volunteers: bundle.volunteers.map((v, i) => ({ ...v, name: at(i + 3) })),
    applicants: bundle.applicants.map((a, i) => ({ ...a, name: at(i + 4), household: at(i + 5) })),
  };
}
