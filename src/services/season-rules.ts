/**
 * The collaborative's own travel times and monthly limit: what the season calendar, the season
 * report and every import's one-pool check use. Set by an admin on `/season/rules`, kept in the
 * settings table; Taller's defaults until then.
 */
import { eq } from 'drizzle-orm';
import { audit } from '../db/events.js';
import type { Db } from '../db/index.js';
import { settings } from '../db/schema.js';
import { DEFAULT_SEASON_RULES, countyPair } from '../season/index.js';
import type { SeasonRules } from '../season/index.js';

const KEY = 'season_rules';
const DAY_MINUTES = 24 * 60;
const MAX_MONTHLY = 31;

/** The rules as a form shows and sends them: minutes and the limit as text, one county pair a line (`Fresno, Merced, 75`). */
export interface RulesForm { same_county: string; other_county: string; monthly_limit: string; pairs: string }
export type RulesField = keyof RulesForm;

/** A field the form must change: which, why, and for a pair, its line. */
export interface RulesProblem { field: RulesField; code: 'minutes' | 'limit' | 'pair_parts' | 'pair_county' | 'pair_minutes' | 'pair_twice'; line?: number }

/** The rules as stored: the pairs with the counties as the admin wrote them. */
interface Stored { sameCountyMinutes: number; otherCountyMinutes: number; monthlyLimit: number; pairs: [string, string, number][] }

const toRules = (stored: Stored): SeasonRules => ({
  sameCountyMinutes: stored.sameCountyMinutes, otherCountyMinutes: stored.otherCountyMinutes, monthlyLimit: stored.monthlyLimit,
  pairs: new Map(stored.pairs.map(([a, b, minutes]) => [countyPair(a, b), minutes])),
});

function readStored(db: Db): Stored | undefined {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).get();
  return row ? (JSON.parse(row.value) as Stored) : undefined;
}

/** The season's rules: the admin's, or Taller's defaults. */
export function seasonRules(db: Db): SeasonRules {
  const stored = readStored(db);
  return stored ? toRules(stored) : DEFAULT_SEASON_RULES;
}

/** The rules as the form shows them. */
export function rulesForm(db: Db): RulesForm {
  const stored = readStored(db);
  return {
    same_county: String(stored?.sameCountyMinutes ?? DEFAULT_SEASON_RULES.sameCountyMinutes),
    other_county: String(stored?.otherCountyMinutes ?? DEFAULT_SEASON_RULES.otherCountyMinutes),
    monthly_limit: String(stored?.monthlyLimit ?? DEFAULT_SEASON_RULES.monthlyLimit),
    pairs: (stored?.pairs ?? []).map(([a, b, minutes]) => `${a}, ${b}, ${minutes}`).join('\n'),
  };
}

const whole = (text: string, min: number, max: number): number | undefined => {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : undefined;
};

/** Reads a sent form: the rules, or every problem with the field (and line) it is on. */
export function checkRules(form: RulesForm): { rules: Stored } | { problems: RulesProblem[] } {
  const problems: RulesProblem[] = [];
  const same = whole(form.same_county, 0, DAY_MINUTES);
  if (same === undefined) problems.push({ field: 'same_county', code: 'minutes' });
  const other = whole(form.other_county, 0, DAY_MINUTES);
  if (other === undefined) problems.push({ field: 'other_county', code: 'minutes' });
  const limit = whole(form.monthly_limit, 1, MAX_MONTHLY);
  if (limit === undefined) problems.push({ field: 'monthly_limit', code: 'limit' });
  const pairs: [string, string, number][] = [];
  const seen = new Set<string>();
  form.pairs.split(/\r?\n/).forEach((text, i) => {
    if (text.trim() === '') return;
    const line = i + 1;
    const parts = text.split(',').map((p) => p.trim());
    if (parts.length !== 3) return problems.push({ field: 'pairs', code: 'pair_parts', line });
    const [a, b, minutesText] = parts as [string, string, string];
    if (a === '' || b === '') return problems.push({ field: 'pairs', code: 'pair_county', line });
    const minutes = whole(minutesText, 0, DAY_MINUTES);
    if (minutes === undefined) return problems.push({ field: 'pairs', code: 'pair_minutes', line });
    const key = countyPair(a, b);
    if (seen.has(key)) return problems.push({ field: 'pairs', code: 'pair_twice', line });
    seen.add(key);
    pairs.push([a.replace(/\s+/g, ' '), b.replace(/\s+/g, ' '), minutes]);
  });
  if (problems.length > 0) return { problems };
  return { rules: { sameCountyMinutes: same!, otherCountyMinutes: other!, monthlyLimit: limit!, pairs } };
}

/** Saves a checked form as the season's rules, on the audit log; nothing is saved when any field is wrong. */
export function saveRules(db: Db, form: RulesForm, actor: string): { ok: true } | { ok: false; problems: RulesProblem[] } {
  const checked = checkRules(form);
  if ('problems' in checked) return { ok: false, problems: checked.problems };
  const value = JSON.stringify(checked.rules);
  db.transaction((tx) => {
    tx.insert(settings).values({ key: KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    audit(tx, actor, 'season.rules', null,
      `travel ${checked.rules.sameCountyMinutes}/${checked.rules.otherCountyMinutes} minutes, ${checked.rules.pairs.length} pairs, limit ${checked.rules.monthlyLimit} a month`);
  });
  return { ok: true };
}

/** A mark of the rules, for the keys of kept pages (they change what the season's pages find). */
export function rulesMark(db: Db): string {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).get()?.value ?? '';
}
