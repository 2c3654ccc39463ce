import { caseTypeName, languageName } from '../domain/index.js';
import type { Bundle } from '../domain/index.js';
import type { Outcome } from '../db/purge.js';
import { longDate } from './views.js';

type Count = { caseType: string; language: string; outcome: Outcome; count: number };

const OUTCOME_WORDS: Record<Outcome, string> = {
  scheduled: 'scheduled in the published plan',
  unscheduled: 'left out of it',
  unplanned: 'counted before any plan was published',
};

function totals(counts: Count[], key: (c: Count) => string): [string, number][] {
  const found = new Map<string, number>();
  for (const c of counts) found.set(key(c), (found.get(key(c)) ?? 0) + c.count);
  return [...found].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * The event page of a purged event: its demand from the anonymous counts the purge kept (by
 * case type, language and outcome), when its personal data was removed, and no plan.
 */
export function purgedEventView(bundle: Bundle, applicantCount: number, counts: Count[], purgedAt: string) {
  const staff = bundle.volunteers.filter((v) => v.role !== 'interpreter');
  const outcomes = totals(counts, (c) => c.outcome).map(([outcome, n]) => `${n} ${OUTCOME_WORDS[outcome as Outcome]}`);
  return {
    applicantCount,
    caseTypes: totals(counts, (c) => c.caseType).map(([code, count]) => ({ label: caseTypeName(code), count })),
    // Who needed an interpreter went with the applicants' languages beyond the first.
    languages: totals(counts, (c) => c.language).map(([code, count]) => ({
      label: `${languageName(code)} (${code})`, count, speakers: staff.filter((v) => v.languages.includes(code)).length, needInterpreter: '',
    })),
    purged: { on: longDate(purgedAt.slice(0, 10)), outcomes: outcomes.join('; ') },
  };
}
