/** What the season's pages print, in the page's language. */
import { DateTime } from 'luxon';
import type { ClinicEvent } from '../domain/index.js';
import type { ConflictSide, PoolPerson, PossibleSame, RecordSide, ReportGroup, SeasonCalendar, SeasonReport } from '../services/season.js';
import { INTL_LOCALE, caseTypeLabel, clockSpan, formatNumber, longDate, translator } from './i18n.js';
import { languageName } from '../domain/index.js';
import type { Locale } from './i18n.js';
import type { RulesForm, RulesProblem } from '../services/season-rules.js';

const monthName = (locale: Locale, month: string) =>
  DateTime.fromISO(`${month}-01`, { zone: 'UTC' }).setLocale(INTL_LOCALE[locale]).toFormat('LLLL yyyy');

const clock = (locale: Locale, ms: number, zone: string) =>
  DateTime.fromMillis(ms, { zone }).setLocale(INTL_LOCALE[locale]).toLocaleString(DateTime.TIME_SIMPLE);

/** A site's setting in the page's language: urban and rural translated, anything else as written. */
const settingName = (t: ReturnType<typeof translator>, setting: string | null | undefined) =>
  (setting === 'rural' || setting === 'urban' ? t(`season.setting.${setting}`) : setting ?? '');

/** The needs a workshop's row lists (the largest first); the rest are counted in one line. */
const SHORT_SHOWN = 4;

/** The season calendar page. */
export function seasonView(calendar: SeasonCalendar, locale: Locale) {
  const t = translator(locale);
  const side = (s: ConflictSide) => ({ event: s.event, name: s.name, code: s.code, hours: `${clock(locale, s.start, s.timezone)}–${clock(locale, s.end, s.timezone)}` });
  const { summary } = calendar;
  return {
    title: t('season.title'),
    summary: summary.workshops === 0 ? null : {
      ...summary, first: summary.first && longDate(locale, summary.first), last: summary.last && longDate(locale, summary.last),
      counties: summary.counties.map((c) => ({ ...c, setting: settingName(t, c.setting) })),
    },
    months: calendar.months.map((m) => ({
      id: `month-${m.month}`,
      name: monthName(locale, m.month),
      workshops: m.workshops.map((w) => ({
        id: w.id, name: w.name, date: longDate(locale, w.date), hours: clockSpan(locale, w.opens, w.closes),
        place: [w.site, w.address].filter((p) => p).join(', '), county: w.county ?? '',
        setting: settingName(t, w.setting),
        applicants: w.applicants, volunteers: w.volunteers,
        plan: w.purgedAt !== null ? t('season.plan.purged')
          : w.latest === null ? t('season.plan.none')
            : t('season.plan.scheduled', { scheduled: w.latest.scheduled, applicants: w.applicants, version: w.latest.version }),
        published: w.published !== null ? t('season.plan.published', { version: w.published }) : '',
        staffed: w.latest !== null && w.purgedAt === null && w.short.length === 0,
        // The largest needs, and how many more are left out for the rest (a long list would hide the month's other workshops).
        short: [
          ...w.short.slice(0, SHORT_SHOWN).map((f) => t(`season.short.${f.need}`, {
            count: f.count, language: f.language ? languageName(f.language, locale) : t('season.short.anyLanguage'), caseType: f.caseType ? caseTypeLabel(locale, f.caseType) : '',
          })),
          ...(w.short.length > SHORT_SHOWN ? [t('season.short.more', { count: w.short.slice(SHORT_SHOWN).reduce((n, f) => n + f.count, 0) })] : []),
        ],
        competing: w.competing, conflicts: w.conflicts, past: !w.upcoming,
      })),
    })),
    conflicts: calendar.conflicts.map((c) => ({
      first: side(c.first), second: side(c.second),
      why: c.gap < 0 ? t('season.conflicts.overlap') : t('season.conflicts.tooClose', { gap: c.gap, travel: c.travel }),
    })),
    competing: calendar.competing.map((c) => ({ date: longDate(locale, c.date), county: c.county, events: c.events })),
    heavy: calendar.heavy.map((h) => ({ month: monthName(locale, h.month), code: h.code, count: h.events.length, limit: h.limit, events: h.events })),
  };
}

/** The public list of announced workshops to come. */
export function publicWorkshopsView(events: readonly ClinicEvent[], org: string | undefined, origin: string | undefined, locale: Locale) {
  const t = translator(locale);
  const feed = `/feeds/workshops.ics${org ? `?org=${encodeURIComponent(org)}` : ''}`;
  return {
    title: org ? t('season.public.titleOf', { org }) : t('season.public.title'),
    workshops: events.map((e) => ({
      name: e.name, date: longDate(locale, e.date), hours: clockSpan(locale, e.opens, e.closes),
      site: e.site.name, address: e.site.address ?? '', county: e.site.county ?? '', hosts: e.hostOrgs.join(', '),
    })),
    feed,
    subscribe: origin ? `${origin}${feed}`.replace(/^https?:/, 'webcal:') : null,
  };
}

/** Bars of the chart: one per group, served, not served and not planned side by side in one bar, as long as its total. */
const CHART = { width: 640, label: 150, bar: 22, gap: 8, number: 70 };

function chartOf(groups: readonly (ReportGroup & { label: string })[], locale: Locale) {
  const t = translator(locale);
  const most = Math.max(1, ...groups.map((g) => g.scheduled + g.unscheduled + g.unplanned));
  const room = CHART.width - CHART.label - CHART.number;
  const bars = groups.map((g, i) => {
    const y = i * (CHART.bar + CHART.gap);
    let x = CHART.label;
    const parts = (['scheduled', 'unscheduled', 'unplanned'] as const).map((outcome) => {
      const width = (g[outcome] / most) * room;
      const part = { outcome, x, width, count: g[outcome] };
      x += width;
      return part;
    }).filter((p) => p.width > 0);
    return { y, label: g.label, textY: y + CHART.bar * 0.7, parts, totalX: x + 6, total: formatNumber(locale, g.scheduled + g.unscheduled + g.unplanned) };
  });
  return {
    width: CHART.width, height: Math.max(CHART.bar, groups.length * (CHART.bar + CHART.gap)), barHeight: CHART.bar, labelX: CHART.label - 8, bars,
    description: groups.map((g) => t('season.report.chartLine', { label: g.label, scheduled: g.scheduled, unscheduled: g.unscheduled, unplanned: g.unplanned })).join('; '),
  };
}

/** The season's report page. */
export function seasonReportView(report: SeasonReport, locale: Locale) {
  const t = translator(locale);
  const table = (groups: ReportGroup[], label: (key: string) => string) => groups.map((g) => ({
    ...g, label: label(g.key), total: g.scheduled + g.unscheduled + g.unplanned,
  }));
  const months = table(report.byMonth, (k) => monthName(locale, k));
  const setting = (k: string) => settingName(t, k) || t('season.report.none');
  return {
    title: t('season.report.title'),
    empty: report.rows.length === 0,
    total: { ...report.total, total: report.total.scheduled + report.total.unscheduled + report.total.unplanned },
    chart: chartOf(months, locale),
    tables: [
      { id: 'by-month', heading: t('season.report.byMonth'), rows: months },
      { id: 'by-county', heading: t('season.report.byCounty'), rows: table(report.byCounty, (k) => k || t('season.report.none')) },
      { id: 'by-setting', heading: t('season.report.bySetting'), rows: table(report.bySetting, setting) },
      { id: 'by-case-type', heading: t('season.report.byCaseType'), rows: table(report.byCaseType, (k) => caseTypeLabel(locale, k)) },
      { id: 'by-language', heading: t('season.report.byLanguage'), rows: table(report.byLanguage, (k) => (k ? languageName(k, locale) : t('season.report.none'))) },
    ],
    hours: hoursView(report, locale),
  };
}

/** Hours to a tenth, as the locale writes numbers. */
const hoursOf = (locale: Locale, minutes: number) => new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 }).format(minutes / 60);

/** The report's volunteer hours by organization. */
function hoursView(report: SeasonReport, locale: Locale) {
  const t = translator(locale);
  const { byOrg, total, purged } = report.hours;
  return {
    rows: byOrg.map((g) => ({ ...g, label: g.org || t('season.report.hours.noOrganization'), hours: hoursOf(locale, g.minutes) })),
    total: byOrg.length === 0 ? '' : `${t('season.report.hours.total', { hours: hoursOf(locale, total.minutes), count: total.volunteers })} ${t('season.report.hours.at', { count: total.workshops })}`,
    purged: purged === 0 ? '' : t('season.report.hours.purged', { count: purged }),
  };
}

/** The season's rules form: the values as sent or stored, and each problem at its field (a pair's at its line). */
export function rulesView(form: RulesForm, problems: readonly RulesProblem[], locale: Locale) {
  const t = translator(locale);
  const said = problems.map((p) => ({ field: p.field, message: t(`season.rules.problems.${p.code}`, { line: p.line ?? 0 }) }));
  const at = (field: RulesProblem['field']) => said.filter((p) => p.field === field).map((p) => p.message).join(' ');
  return {
    title: t('season.rules.title'),
    form,
    problems: said,
    invalid: { same_county: at('same_county'), other_county: at('other_county'), monthly_limit: at('monthly_limit'), pairs: at('pairs') },
  };
}

/** The volunteer pool page: each person with their workshops, hours and busiest month. */
export function poolView(pool: readonly PoolPerson[], limit: number, locale: Locale) {
  const t = translator(locale);
  return {
    title: t('season.pool.title'),
    limit,
    count: pool.length,
    people: pool.map((p) => ({
      name: p.name || t('season.pool.noName'),
      roles: p.roles.map((r) => t(`role.${r as 'attorney'}`)).join(', '),
      orgs: p.orgs.join(', '),
      workshops: p.workshops.map((w) => ({ id: w.id, name: w.name, date: longDate(locale, w.date), code: w.code })),
      hours: hoursOf(locale, p.minutes),
      busiest: t('season.pool.busiest', { count: p.busiest.workshops, month: monthName(locale, p.busiest.month) }),
      heavy: p.heavy,
    })),
  };
}

/** Records that may be one person, each side with its contacts and roster lines, for the pool page. */
export function samePeopleView(pairs: readonly PossibleSame[], locale: Locale) {
  const t = translator(locale);
  const side = (r: RecordSide) => ({
    id: r.id, name: r.name || t('season.pool.noName'), contact: [r.email, r.phone].filter(Boolean).join(', '),
    lines: r.lines.map((l) => ({ event: l.event, text: t('season.same.line', { code: l.code, event: l.name, date: longDate(locale, l.date) }) })),
  });
  return pairs.map((p) => ({ kept: side(p.kept), other: side(p.other), why: t(`season.same.why.${p.why}`) }));
}
