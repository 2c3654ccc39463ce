import type handlebars from 'handlebars';
import { ROLES, shareLanguage } from '../domain/index.js';
import type { PlanJson, PlanWarning } from '../planner/types.js';
import type { Applicant, Bundle } from '../domain/index.js';
import type { StoredPlan } from '../db/plans.js';
import type { Notice, Staleness } from '../services/plans.js';
import {
  DEFAULT_LOCALE, INTL_LOCALE, byName, caseTypeLabel, clockSpan, formatPercent, instantTime, languageLabel, longDate, registerI18nHelpers, translator,
} from './i18n.js';
import type { Locale } from './i18n.js';

/** Templates only print; the little logic they need lives in view models below, and the words in the catalogs. */
export function registerHelpers(engine: typeof handlebars): void {
  engine.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  registerI18nHelpers(engine);
}

/** The sample bundles the home page offers, by folder: their names are in the catalogs. */
export const SAMPLES = ['fresno-saturday', 'mixteco-farmworker-clinic', 'central-valley-citizenship-day'] as const;

function tally<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const byCountThenName = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0]);

/** The event page: the day's facts, the roster by role, and the demand by case type and language. No names. */
export function eventView(bundle: Bundle, locale: Locale = DEFAULT_LOCALE) {
  const t = translator(locale);
  const { event, volunteers, applicants } = bundle;
  const roles = ROLES.map((role) => {
    const people = volunteers.filter((v) => v.role === role);
    const languages = [...new Set(people.flatMap((v) => v.languages))].map((c) => languageLabel(locale, c)).sort(byName(locale));
    return { label: t(`roles.${role}`), count: people.length, languages: languages.join(', ') };
  }).filter((r) => r.count > 0);
  const staff = volunteers.filter((v) => v.role !== 'interpreter');
  const speakers = (code: string) => staff.filter((v) => v.languages.includes(code)).length;
  // Whether anyone on the legal staff shares a language with an applicant depends only on the
  // applicant's languages: asked once per set of languages, not once per applicant.
  const bridged = new Map<string, boolean>();
  const sharesStaffLanguage = (a: Applicant) => {
    const key = a.languages.join(';');
    let found = bridged.get(key);
    if (found === undefined) bridged.set(key, found = staff.some((v) => shareLanguage(v.languages, a.languages)));
    return found;
  };
  const byLanguage = new Map<string, { count: number; needInterpreter: number }>();
  for (const a of applicants) {
    const code = a.languages[0]!;
    let group = byLanguage.get(code);
    if (!group) byLanguage.set(code, group = { count: 0, needInterpreter: 0 });
    group.count++;
    // Those who share no language at all with the legal volunteers: only an interpreter lets them in.
    if (!sharesStaffLanguage(a)) group.needInterpreter++;
  }
  const languages = [...byLanguage].map(([code, group]) => ({
    code,
    count: group.count,
    speakers: speakers(code),
    needInterpreter: group.needInterpreter,
  })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .map((l) => ({ ...l, label: t('event.demand.languageLabel', { name: languageLabel(locale, l.code), code: l.code }) }));
  const caseTypes = [...tally(applicants, (a) => a.caseType)].sort(byCountThenName)
    .map(([code, count]) => ({ label: caseTypeLabel(locale, code), count }));
  return {
    title: event.name,
    id: event.id,
    name: event.name,
    when: t('event.dateAndHours', { date: longDate(locale, event.date), hours: clockSpan(locale, event.opens, event.closes) }),
    timezone: event.timezone,
    site: event.site.name || t('event.siteToBeAnnounced'),
    address: event.site.address,
    hosts: event.hostOrgs.join('; '),
    desks: t('event.deskCounts', { checkIn: event.desks.check_in, finalCheck: event.desks.final_check }),
    volunteerCount: volunteers.length,
    applicantCount: applicants.length,
    roles,
    caseTypes,
    languages,
  };
}

/**
 * The latest plan on the event page: how many are served, why others are not, and each
 * volunteer's day. Applicants appear by code only, never by name. Times are the site's clock
 * (the event's zone), as the locale writes them.
 */
export function planView(bundle: Bundle, stored: StoredPlan, locale: Locale = DEFAULT_LOCALE) {
  const t = translator(locale);
  const { plan } = stored;
  const zone = bundle.event.timezone;
  const span = (start: string, end: string) => `${instantTime(locale, start, zone)}–${instantTime(locale, end, zone)}`;
  type Item = { at: string; time: string; station: string; applicant: string; note: string };
  const byVolunteer = new Map<string, Item[]>();
  const add = (id: string, item: Item) => {
    const items = byVolunteer.get(id);
    if (items) items.push(item);
    else byVolunteer.set(id, [item]);
  };
  for (const s of plan.scheduled) {
    for (const v of s.visits) {
      const time = span(v.start, v.end);
      const station = t(`stations.${v.station}`);
      add(v.volunteer, { at: v.start, time, station, applicant: s.applicant, note: v.interpreter ? t('plan.withInterpreter', { id: v.interpreter }) : '' });
      if (v.interpreter) add(v.interpreter, { at: v.start, time, station, applicant: s.applicant, note: t('plan.interpretingFor', { id: v.volunteer }) });
    }
  }
  for (const sh of plan.shifts) {
    add(sh.volunteer, { at: sh.start, time: span(sh.start, sh.end), station: t(`plan.desk.${sh.station}`), applicant: '', note: t('plan.shift') });
  }
  const onRoster = new Set(bundle.volunteers.map((v) => v.id));
  const volunteers = [
    ...bundle.volunteers.filter((v) => byVolunteer.has(v.id)).map((v) => ({ id: v.id, role: t(`role.${v.role}`), gone: false })),
    // Someone the plan books who has since left the roster stays visible, marked: their visits need repair.
    ...[...byVolunteer.keys()].filter((id) => !onRoster.has(id)).sort().map((id) => ({ id, role: t('plan.offRoster'), gone: true })),
  ].map((v) => ({ ...v, items: byVolunteer.get(v.id)!.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.at.localeCompare(b.at)) }));
  const byReason = new Map<string, { applicant: string; detail: string }[]>();
  for (const u of plan.unscheduled) {
    const examples = byReason.get(u.reason);
    if (examples) examples.push({ applicant: u.applicant, detail: u.detail });
    else byReason.set(u.reason, [{ applicant: u.applicant, detail: u.detail }]);
  }
  const reasons = [...byReason].map(([reason, examples]) => [reason, examples.length] as [string, number]).sort(byCountThenName).map(([reason, count]) => ({
    label: t(`reasons.${reason as PlanJson['unscheduled'][number]['reason']}`),
    count,
    examples: byReason.get(reason)!,
  }));
  const { summary } = plan;
  return {
    version: stored.version,
    published: stored.publishedAt !== null,
    scheduled: summary.scheduled,
    applicants: summary.applicants,
    weight: summary.scheduled_weight,
    interpreted: summary.interpreted_visits,
    meanMinutes: summary.mean_minutes_in_clinic,
    firstArrival: plan.scheduled[0] ? instantTime(locale, plan.scheduled[0].arrival, zone) : null,
    selection: selectionView(summary, locale),
    reasons,
    volunteers,
  };
}

/** "40%", or a dash for a group the other choice does not have. */
const pct = (locale: Locale, x: number | undefined) => (x === undefined ? '—' : formatPercent(locale, x));

/** A phrase that opens a sentence: "The “serve the most” choice", "La opción…". */
const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * Whom the day serves under the plan's selection against the other choice, share by share:
 * a sentence and a table (counts and shares only, nobody named).
 */
export function selectionView(summary: PlanJson['summary'], locale: Locale = DEFAULT_LOCALE) {
  const t = translator(locale);
  const choice = summary.selection;
  const mine = summary.served_share;
  if (!choice || !mine) return null;
  const other = choice.other;
  const group = (title: string, key: keyof NonNullable<typeof mine>, label: (k: string) => string) =>
    Object.keys(mine[key] ?? {}).map((k) => ({ group: title, label: label(k), mine: pct(locale, mine[key]?.[k]), other: pct(locale, other.served_share[key]?.[k]) }));
  const known = <K extends string>(keys: readonly K[], k: string): k is K => (keys as readonly string[]).includes(k);
  const rows = [
    ...group(t('selection.groups.complexity'), 'complexity', (k) => (known(COMPLEXITY_KEYS, k) ? t(`complexity.${k}`) : k)),
    ...group(t('selection.groups.interpreter'), 'interpreter', (k) => (k === 'needed' ? t('selection.interpreter.needed') : t('selection.interpreter.not_needed'))),
    ...group(t('selection.groups.caseType'), 'case_type', (k) => caseTypeLabel(locale, k)),
    ...group(t('selection.groups.language'), 'language', (k) => languageLabel(locale, k)),
  ];
  const list = new Intl.ListFormat(INTL_LOCALE[locale], { type: 'conjunction' });
  const costly = (share: NonNullable<typeof mine>) => {
    const c = share.complexity;
    return list.format((['moderate', 'complex'] as const).filter((k) => c[k] !== undefined).map((k) => t(`selection.share.${k}`, { share: pct(locale, c[k]) })));
  };
  const difference = other.scheduled - summary.scheduled;
  const more = difference > 0 ? t('selection.more', { count: difference }) : difference < 0 ? t('selection.fewer', { count: -difference }) : t('selection.asMany');
  const name = (mode: 'fair' | 'most') => t(`selection.${mode}`);
  const theirs = { other: capitalized(name(other.mode)), difference: more };
  const sentence = `${t('selection.uses', { mine: name(choice.mode), scheduled: summary.scheduled })} `
    + (costly(mine) ? t('selection.wouldReaching', { ...theirs, theirs: costly(other.served_share), ours: costly(mine) }) : t('selection.would', theirs));
  return { sentence, mine: name(choice.mode), other: name(other.mode), rows };
}

const COMPLEXITY_KEYS = ['straightforward', 'moderate', 'complex'] as const;


/**
 * What broke, one line per kind of problem, with the applicants it touches: "V004 is not on the
 * roster: the day of A0017, A0029". The problem itself is the plan checker's sentence, as the API
 * and the command line give it (in English).
 */
export function problemLines(stale: Staleness, locale: Locale = DEFAULT_LOCALE): string[] {
  const byMessage = new Map<string, Set<string>>();
  for (const p of stale.problems) {
    const who = byMessage.get(p.message) ?? new Set<string>();
    if (p.applicant !== undefined && !p.message.includes(p.applicant)) who.add(p.applicant);
    byMessage.set(p.message, who);
  }
  return [...byMessage].map(([message, who]) => (who.size === 0 ? message
    : translator(locale)('status.problemWho', { problem: message, who: [...who].sort().join(', ') })));
}

/** A desk nobody staffs, said in the locale from the warning's facts: "Nobody is on shift at the check-in desk 9:00 AM–9:30 AM, when 3 check-ins are planned". */
export function warningLine(warning: PlanWarning, zone: string, locale: Locale = DEFAULT_LOCALE): string {
  return translator(locale)(`status.unstaffedDesk.${warning.station}`, {
    from: instantTime(locale, warning.start, zone), to: instantTime(locale, warning.end, zone), count: warning.steps,
  });
}

/**
 * Where a plan stands for the people who hold it: draft or published, what a draft changes
 * against the published version and whom to tell, what an import broke, which desks nobody
 * staffs, and the commands that take the next step. Times are on the site's clock (`zone`).
 */
export function planStatusView(slug: string, stored: StoredPlan, published: StoredPlan | undefined, notice: Notice | null, stale: Staleness,
  zone: string, locale: Locale = DEFAULT_LOCALE) {
  const t = translator(locale);
  const isPublished = published?.version === stored.version;
  const problems = problemLines(stale, locale);
  const changes = (notice?.applicants ?? []).map((c) => ({
    applicant: c.applicant,
    what: c.change === 'moved' || c.change === 'removed' || c.change === 'added' ? t(`status.change.${c.change}`) : c.change,
    from: c.before ? instantTime(locale, c.before.arrival, zone) : null,
    to: c.after ? instantTime(locale, c.after.arrival, zone) : null,
  }));
  return {
    draft: !isPublished,
    publishedVersion: published?.version ?? null,
    changes,
    volunteersToTell: notice?.volunteers ?? [],
    outOfDate: stale.outOfDate,
    problems: problems.slice(0, 30),
    moreProblems: Math.max(0, problems.length - 30),
    warnings: stale.warnings.map((w) => (w.code === 'unstaffed_desk' ? warningLine(w, zone, locale) : w.message)),
    commands: {
      replan: `npx taller plan --event ${slug}`,
      publish: `npx taller publish --event ${slug} --version ${stored.version}`,
      sheets: `npx taller sheets --event ${slug} --out sheets.html`,
    },
  };
}
