/** The organizations page as it prints, in the page's language. */
import type { OrganizationFields, OrganizationOverview, OrganizationProblem } from '../services/organizations.js';
import { DateTime } from 'luxon';
import { INTL_LOCALE, translate, translator } from './i18n.js';
import type { Locale } from './i18n.js';

/** What the form shows in its fields: as typed, or as kept. */
export interface OrganizationDraft { name?: string; doj_recognized?: string; recognized_until?: string; county?: string }

export const draftOf = (o: OrganizationFields): OrganizationDraft => ({
  name: o.name, ...(o.dojRecognized ? { doj_recognized: 'yes' } : {}), recognized_until: o.recognizedUntil ?? '', county: o.county ?? '',
});

/** A form's problems in the page's language: the summary's links (to the field's id, `prefix` put before it) and each field's message. */
export function organizationProblemsView(problems: readonly OrganizationProblem[], locale: Locale, prefix = '') {
  const shown = problems.map((p) => ({ field: `${prefix}${p.field}`, message: translate(locale, `admin.organizations.problems.${p.code}`, p.params) }));
  return { problems: shown, field: Object.fromEntries(problems.map((p, i) => [p.field, shown[i]!.message])) };
}

/** "June 30, 2028" / "30 de junio de 2028" for a `YYYY-MM-DD` date. */
const dayOf = (locale: Locale, date: string) => DateTime.fromISO(date, { zone: 'UTC' }).setLocale(INTL_LOCALE[locale]).toLocaleString(DateTime.DATE_FULL);

/** The page's rows: each organization's recognition in words, and its counts. */
export function organizationsView(organizations: readonly OrganizationOverview[], locale: Locale, today: string) {
  const t = translator(locale);
  return organizations.map((o) => {
    const ended = o.dojRecognized && o.recognizedUntil !== null && o.recognizedUntil < today;
    return {
      ...o,
      recognition: !o.dojRecognized ? t('admin.organizations.notRecognized')
        : o.recognizedUntil === null ? t('admin.organizations.recognized')
          : ended ? t('admin.organizations.recognitionEnded', { date: dayOf(locale, o.recognizedUntil) })
            : t('admin.organizations.recognizedUntil', { date: dayOf(locale, o.recognizedUntil) }),
      ended,
    };
  });
}
