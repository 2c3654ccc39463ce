import type { Bundle } from '../domain/index.js';
import type { Outcome } from '../db/purge.js';
import { DEFAULT_LOCALE, caseTypeLabel, languageLabel, longDate, translator } from './i18n.js';
import type { Locale } from './i18n.js';

type Count = { caseType: string; language: string; outcome: Outcome; count: number };

function totals(counts: Count[], key: (c: Count) => string): [string, number][] {
  const found = new Map<string, number>();
  for (const c of counts) found.set(key(c), (found.get(key(c)) ?? 0) + c.count);
  return [...found].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * The event page of a purged event: its demand from the anonymous counts the purge kept (by
 * case type, language and outcome), when its personal data was removed, and no plan.
 */
export function purgedEventView(bundle: Bundle, applicantCount: number, counts: Count[], purgedAt: string, locale: Locale = DEFAULT_LOCALE) {
  const t = translator(locale);
  const staff = bundle.volunteers.filter((v) => v.role !== 'interpreter');
  const outcomes = totals(counts, (c) => c.outcome).map(([outcome, count]) => t(`purged.outcomes.${outcome as Outcome}`, { count }));
  return {
    applicantCount,
    caseTypes: totals(counts, (c) => c.caseType).map(([code, count]) => ({ label: caseTypeLabel(locale, code), count })),
    // Who needed an interpreter went with the applicants' languages beyond the first.
    languages: totals(counts, (c) => c.language).map(([code, count]) => ({
      label: t('event.demand.languageLabel', { name: languageLabel(locale, code), code }), count,
      speakers: staff.filter((v) => v.languages.includes(code)).length, needInterpreter: '',
    })),
    purged: { on: longDate(locale, purgedAt.slice(0, 10)), outcomes: outcomes.join(t('purged.separator')) },
  };
}
