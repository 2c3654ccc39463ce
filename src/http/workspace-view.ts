/**
 * The plan workspace's view models: the timeline as table cells (one column per few minutes,
 * each visit a cell spanning its minutes, hour lines, the busiest station and volunteer said in
 * words), each station's steps, one applicant's itinerary, the unscheduled with what would help,
 * and the plan form with its running plan. Times are the site's clock (the event's zone), never
 * the machine's. With `names: false` (the wall variant) nobody is named: codes only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type handlebars from 'handlebars';
import { DateTime } from 'luxon';
import { STATIONS } from '../domain/index.js';
import type { Bundle, Role, Station } from '../domain/index.js';
import type { PlanVersion, StoredPlan } from '../db/plans.js';
import type { PlanJson } from '../planner/types.js';
import type { FormProblem, Group, Help, Itinerary, PlanForm, PlanRun, Timeline, TimelineRow, UnscheduledGroup } from '../services/workspace.js';
import { stationSteps } from '../services/workspace.js';
import { additionPhrase, gainPhrase, layoutPhrase } from './estimate-view.js';
import {
  DEFAULT_LOCALE, INTL_LOCALE, caseTypeLabel, clockSpan, formatNumber, formatPercent, instantTime, languageLabel, longDate, translator,
} from './i18n.js';
import type { Locale } from './i18n.js';
import { warningLine } from './views.js';

const PARTIALS = fileURLToPath(new URL('../../views/workspace/partials/', import.meta.url));

/** The workspace's partials (`workspace-NAME` for views/workspace/partials/NAME.hbs), registered on the app's engine. */
export function registerWorkspacePartials(engine: typeof handlebars): void {
  for (const file of readdirSync(PARTIALS).filter((f) => f.endsWith('.hbs'))) {
    engine.registerPartial(`workspace-${file.slice(0, -4)}`, readFileSync(`${PARTIALS}${file}`, 'utf8'));
  }
  timelineFragment = engine.compile('{{> workspace-timeline tl=timeline}}', { strict: false });
}

/** The timeline partial alone, compiled by the engine the pages use (every app's engine has the same partials and helpers). */
let timelineFragment: ((data: unknown) => string) | undefined;

/**
 * The timeline as HTML, in a locale: what the plan page shows of a version, rendered once and
 * kept by the route (a 250-applicant day is thousands of blocks).
 */
export function timelineHtml(view: ReturnType<typeof timelineView>, locale: Locale): string {
  if (!timelineFragment) throw new Error('the workspace partials are not registered');
  return timelineFragment({ locale, timeline: view });
}

/** The workspace's own stylesheet and script, linked by the layout. */
export const WORKSPACE_ASSETS = { styles: ['/static/css/workspace.css'], scripts: ['/static/js/workspace.js'] };

/** Screen pixels per minute of the timeline: a half day is about 770 px, each 5 minutes 16 px. */
const PX_PER_MINUTE = 3.2;
/** The width of the rows' names, in px (the stylesheet gives the column the same). */
const LABEL_PX = 176;

const planUrl = (slug: string, path = '', version?: number) => `/events/${encodeURIComponent(slug)}/plan${path}${version === undefined ? '' : `?version=${version}`}`;
export const applicantUrl = (slug: string, applicant: string, version?: number) => planUrl(slug, `/applicants/${encodeURIComponent(applicant)}`, version);

/** Who is who: names by code, or no names at all. */
interface Names {
  volunteer: (id: string) => string;
  applicant: (id: string) => string;
}
const namesOf = (bundle: Bundle, shown: boolean): Names => {
  if (!shown) return { volunteer: () => '', applicant: () => '' };
  const v = new Map(bundle.volunteers.map((x) => [x.id, x.name]));
  const a = new Map(bundle.applicants.map((x) => [x.id, x.name]));
  return { volunteer: (id) => v.get(id) ?? '', applicant: (id) => a.get(id) ?? '' };
};

/** "Ana López (V003)", or the code alone. */
const who = (name: string, id: string) => (name ? `${name} (${id})` : id);

/** The page's head: the event, the version shown, every version to choose from, and the workspace's views. */
export function headView(bundle: Bundle, stored: StoredPlan | undefined, versions: PlanVersion[], heldVersion: number | null, view: string, locale: Locale = DEFAULT_LOCALE) {
  const t = translator(locale);
  const slug = bundle.event.id;
  const current = stored?.version;
  const latest = versions[0]?.version;
  const status = (v: number) => (v === heldVersion ? t('workspace.versions.published') : heldVersion === null || v > heldVersion ? t('workspace.versions.draft') : t('workspace.versions.earlier'));
  const pinned = current !== undefined && current !== latest ? current : undefined;
  return {
    eventId: slug,
    eventName: bundle.event.name,
    when: t('event.dateAndHours', { date: longDate(locale, bundle.event.date), hours: clockSpan(locale, bundle.event.opens, bundle.event.closes) }),
    zone: bundle.event.timezone,
    version: current ?? null,
    versionStatus: current === undefined ? null : status(current),
    versions: versions.slice(0, 12).map((v) => ({
      version: v.version, status: status(v.version), current: v.version === current,
      href: `${planUrl(slug, view === 'timeline' ? '' : `/${view}`)}?version=${v.version}`,
      scheduled: v.scheduled,
    })),
    views: [
      { key: 'timeline', href: planUrl(slug, '', pinned), label: t('workspace.views.timeline') },
      { key: 'stations', href: planUrl(slug, '/stations', pinned), label: t('workspace.views.stations') },
      { key: 'unscheduled', href: planUrl(slug, '/unscheduled', pinned), label: t('workspace.views.unscheduled') },
      { key: 'wall', href: planUrl(slug, '/wall', pinned), label: t('workspace.views.wall') },
    ].map((v) => ({ ...v, current: v.key === view })),
    lookupAction: planUrl(slug, '/applicants'),
    pinned: pinned ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// The timeline

interface Cell {
  span: number;
  cls: string;
  text: string;
  /** Said to screen readers before the text, and shown on hover: the step in words. */
  title: string;
  href: string | null;
}

/** The timeline's tables, one per part of the day, ready to print: cells with their spans, the hours, the groups. */
export function timelineView(timeline: Timeline, bundle: Bundle, plan: PlanJson, options: { names: boolean; locale?: Locale; links: boolean; version?: number }) {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const names = namesOf(bundle, options.names);
  const { unit, zone, opening } = timeline;
  // A day has a few hundred distinct minutes and thousands of blocks: each minute is written once.
  const clocks = new Map<number, string>();
  const clock = (m: number) => {
    let text = clocks.get(m);
    if (text === undefined) {
      text = DateTime.fromMillis(opening + m * 60_000, { zone }).setLocale(INTL_LOCALE[locale]).toLocaleString(DateTime.TIME_SIMPLE);
      clocks.set(m, text);
    }
    return text;
  };
  const span = (s: number, e: number) => `${clock(s)}–${clock(e)}`;
  const hours = new Set(timeline.hours);
  const slug = bundle.event.id;
  const station = (s: Station) => t(`stations.${s}`);
  const mark = (s: Station) => t(`workspace.timeline.mark.${s}`);

  const blockCell = (row: TimelineRow, b: TimelineRow['blocks'][number], s: number): Omit<Cell, 'span'> => {
    const cut = s > b.start ? ' cont' : '';
    const when = span(b.start, b.end);
    switch (b.kind) {
      case 'visit': {
        const partner = b.partner ? t('workspace.timeline.withInterpreter', { who: who(names.volunteer(b.partner), b.partner) }) : '';
        return {
          cls: `block visit ${b.station}${b.partner ? ' interpreted' : ''}${cut}`,
          text: `${mark(b.station)} ${b.applicant}`,
          title: [when, station(b.station), who(names.applicant(b.applicant!), b.applicant!), partner].filter(Boolean).join(' · '),
          href: options.links ? applicantUrl(slug, b.applicant!, options.version) : null,
        };
      }
      case 'interpreting':
        return {
          cls: `block interpreting${cut}`,
          text: `${mark(b.station)} ${b.applicant}`,
          title: [when, station(b.station), who(names.applicant(b.applicant!), b.applicant!),
            t('workspace.timeline.interpretingFor', { who: who(names.volunteer(b.partner!), b.partner!) })].join(' · '),
          href: options.links ? applicantUrl(slug, b.applicant!, options.version) : null,
        };
      case 'shift':
        return { cls: `block shift${cut}`, text: t(`workspace.timeline.desk.${b.station as 'check_in' | 'final_check'}`), title: `${when} · ${t(`plan.desk.${b.station as 'check_in' | 'final_check'}`)}`, href: null };
      case 'unstaffed':
        return {
          cls: `block unstaffed${cut}`, text: t('workspace.timeline.unstaffedShort', { count: b.steps ?? 0 }),
          title: `${when} · ${t('workspace.timeline.unstaffed', { count: b.steps ?? 0 })}`, href: null,
        };
      case 'desk':
      default:
        return { cls: `block desk${cut}`, text: formatNumber(locale, b.steps ?? 0), title: `${when} · ${t('workspace.timeline.deskSteps', { count: b.steps ?? 0, desk: station(row.desk!) })}`, href: null };
    }
  };

  /** A row's cells within a part: its blocks clipped to the part, the gaps between cut at each hour. */
  const cellsOf = (row: TimelineRow, from: number, to: number): Cell[] => {
    const cells: Cell[] = [];
    const gap = (s: number, e: number) => {
      const cuts = [s, ...timeline.hours.filter((h) => h > s && h < e), e];
      for (let i = 0; i + 1 < cuts.length; i++) {
        cells.push({ span: (cuts[i + 1]! - cuts[i]!) / unit, cls: `gap${hours.has(cuts[i]!) ? ' h' : ''}`, text: '', title: '', href: null });
      }
    };
    let cursor = from;
    for (const b of row.blocks) {
      const s = Math.max(b.start, cursor, from);
      const e = Math.min(b.end, to);
      if (e <= s) continue;
      if (s > cursor) gap(cursor, s);
      const cell = blockCell(row, b, s);
      const span = (e - s) / unit;
      // A box of ten minutes or less has room for the code alone: the station is in its words and the key.
      const text = e - s <= 10 && cell.text.includes(' ') ? cell.text.slice(cell.text.indexOf(' ') + 1) : cell.text;
      cells.push({ ...cell, text, cls: `${cell.cls}${hours.has(s) ? ' h' : ''}`, span });
      cursor = e;
    }
    if (cursor < to) gap(cursor, to);
    return cells;
  };

  const groupLabel = (g: Group) => (g === 'screening' || g === 'preparation' || g === 'review' ? station(g) : t(`workspace.groups.${g}`));
  const roleLabel = (role: Role | null) => (role ? t(`role.${role}`) : t('plan.offRoster'));
  const share = (x: number | null) => (x === null ? '' : formatPercent(locale, x));

  const parts = timeline.parts.map((part, index) => {
    const columns = Math.round((part.to - part.from) / unit);
    // The hours across the top: a cell from each full hour to the next, labelled with the hour.
    const cuts = [part.from, ...timeline.hours.filter((h) => h > part.from && h < part.to), part.to];
    const header = cuts.slice(0, -1).map((s, i) => ({
      span: (cuts[i + 1]! - s) / unit, text: hours.has(s) ? clock(s) : '', cls: hours.has(s) ? 'h' : '',
    }));
    return {
      index,
      title: timeline.parts.length === 1 ? t('workspace.timeline.wholeDay', { from: clock(part.from), to: clock(part.to) })
        : t(index === 0 ? 'workspace.timeline.firstHalf' : 'workspace.timeline.secondHalf', { from: clock(part.from), to: clock(part.to) }),
      width: Math.round(LABEL_PX + (part.to - part.from) * PX_PER_MINUTE),
      columns,
      cols: Array.from({ length: columns }, () => 0),
      allColumns: columns + 1,
      header,
      groups: timeline.groups.map((g) => ({
        label: groupLabel(g.group),
        share: g.share === null ? '' : t('workspace.timeline.groupShare', { share: share(g.share) }),
        bottleneck: g.bottleneck,
        rows: g.rows.map((row) => {
          const name = row.desk ? t(`plan.desk.${row.desk}`) : names.volunteer(row.volunteer!.id);
          const code = row.volunteer?.id ?? '';
          // Two lines: the name (or the code where nobody is named), then the code, role and share.
          return {
          first: name || code,
          code: name ? code : '',
          role: row.desk ? t('workspace.timeline.deskCount', { count: bundle.event.desks[row.desk] }) : roleLabel(row.volunteer!.role),
          share: share(row.share),
          busiest: row.busiest,
          cells: cellsOf(row, part.from, part.to),
          };
        }),
      })),
    };
  });

  const bottleneck = timeline.bottleneck;
  const busiest = timeline.busiest;
  return {
    parts,
    bottleneck: bottleneck ? t('workspace.timeline.bottleneck', {
      station: bottleneck.desk ? t(`plan.desk.${bottleneck.desk}`) : groupLabel(bottleneck.group), share: share(bottleneck.share),
    }) : null,
    busiest: busiest ? t('workspace.timeline.busiest', { who: who(names.volunteer(busiest.volunteer), busiest.volunteer), share: share(busiest.share) }) : null,
    warnings: timeline.warnings.map((w) => warningLine(w, zone, locale)),
    legend: [...STATIONS.filter((s) => s !== 'check_in' && s !== 'final_check').map((s) => ({ mark: mark(s), label: station(s) }))],
    scheduled: plan.summary.scheduled,
    applicants: plan.summary.applicants,
    visits: plan.scheduled.reduce((n, s) => n + s.visits.length, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Stations

/** Each station's steps in order, one table per station (or just the one asked for). */
export function stationsView(bundle: Bundle, plan: PlanJson, only: Station | undefined, version: number, locale: Locale = DEFAULT_LOCALE) {
  const t = translator(locale);
  const names = namesOf(bundle, true);
  const zone = bundle.event.timezone;
  const slug = bundle.event.id;
  const time = (iso: string) => instantTime(locale, iso, zone);
  return {
    choices: STATIONS.map((s) => ({ station: s, label: t(`stations.${s}`), href: `${planUrl(slug, '/stations')}?version=${version}&station=${s}`, current: s === only })),
    allHref: `${planUrl(slug, '/stations')}?version=${version}`,
    stations: STATIONS.filter((s) => only === undefined || s === only).map((s) => {
      const steps = stationSteps(plan, s);
      return {
        station: s,
        label: t(`stations.${s}`),
        count: steps.length,
        desk: s === 'check_in' || s === 'final_check',
        steps: steps.map((x) => ({
          time: `${time(x.start)}–${time(x.end)}`,
          applicant: x.applicant,
          applicantName: names.applicant(x.applicant),
          href: applicantUrl(slug, x.applicant, version),
          volunteers: x.volunteers.map((v) => who(names.volunteer(v), v)).join(', '),
          interpreter: x.interpreter ? who(names.volunteer(x.interpreter), x.interpreter) : '',
          unstaffed: x.unstaffed,
        })),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// One applicant

export function itineraryView(bundle: Bundle, itinerary: Itinerary, locale: Locale = DEFAULT_LOCALE) {
  const t = translator(locale);
  const names = namesOf(bundle, true);
  const zone = bundle.event.timezone;
  const time = (iso: string) => instantTime(locale, iso, zone);
  const a = bundle.applicants.find((x) => x.id === itinerary.applicant);
  const base = {
    applicant: itinerary.applicant,
    name: a?.name ?? '',
    languages: (a?.languages ?? []).map((l) => languageLabel(locale, l)).join(', '),
    caseType: a ? caseTypeLabel(locale, a.caseType) : '',
    complexity: a ? t(`complexity.${a.complexity}`) : '',
  };
  if (itinerary.kind === 'unscheduled') {
    return { ...base, scheduled: false, reason: t(`reasons.${itinerary.reason}`), detail: itinerary.detail, steps: [] };
  }
  if (itinerary.kind === 'not_planned') return { ...base, scheduled: false, reason: t('workspace.itinerary.notPlanned'), detail: '', steps: [] };
  return {
    ...base,
    scheduled: true,
    arrival: time(itinerary.arrival),
    leaves: time(itinerary.leaves),
    minutes: itinerary.minutes,
    steps: itinerary.steps.map((s, i) => ({
      n: i + 1,
      time: `${time(s.start)}–${time(s.end)}`,
      station: t(`stations.${s.station}`),
      volunteer: s.volunteer ? who(names.volunteer(s.volunteer), s.volunteer) : '',
      interpreter: s.interpreter ? who(names.volunteer(s.interpreter), s.interpreter) : '',
      wait: s.waitBefore > 0 ? t('workspace.itinerary.wait', { minutes: s.waitBefore }) : '',
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The unscheduled

/** What would help, in words: "one more Spanish-speaking attorney: about 4 more people served", or advice for the reason. */
export function helpPhrase(help: Help, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  if (help.kind === 'addition') return t('estimate.gainLine', { change: additionPhrase(help.role, help.languages, locale), gain: gainPhrase(help.gain, locale) });
  if (help.kind === 'layout') return t('estimate.gainLine', { change: layoutPhrase(help.change, locale), gain: gainPhrase(help.gain, locale) });
  const languages = help.languages.map((l) => languageLabel(locale, l)).join(t('workspace.unscheduled.or'));
  return t(`workspace.unscheduled.advice.${help.reason}`, { languages, caseType: help.caseType ? caseTypeLabel(locale, help.caseType) : '' });
}

/** Helps that read the same (advice that names nothing of its applicants) said once, their counts added. */
function mergedHelps(helps: { text: string; count: number; whatIf: boolean }[]) {
  const byText = new Map<string, { text: string; count: number; whatIf: boolean }>();
  for (const h of helps) {
    const seen = byText.get(h.text);
    if (seen) seen.count += h.count;
    else byText.set(h.text, { ...h });
  }
  return [...byText.values()];
}

export function unscheduledView(bundle: Bundle, groups: UnscheduledGroup[], version: number, simulated: boolean, locale: Locale = DEFAULT_LOCALE) {
  const t = translator(locale);
  const slug = bundle.event.id;
  return {
    total: groups.reduce((n, g) => n + g.items.length, 0),
    simulated,
    groups: groups.map((g) => ({
      reason: g.reason,
      label: t(`reasons.${g.reason}`),
      count: g.items.length,
      helps: mergedHelps(g.helps.map((h) => ({ text: helpPhrase(h.help, locale), count: h.count, whatIf: h.help.kind !== 'advice' }))).slice(0, 4),
      items: g.items.map((item) => ({
        applicant: item.applicant,
        name: item.name,
        href: applicantUrl(slug, item.applicant, version),
        languages: item.languages.map((l) => languageLabel(locale, l)).join(', '),
        caseType: item.caseType ? caseTypeLabel(locale, item.caseType) : '',
        detail: item.detail,
        help: helpPhrase(item.help, locale),
      })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Planning from the page

const OPTION_PROBABILITIES = [0, 0.5, 0.8, 0.9, 0.95];

/** Seconds between a page's refreshes while a plan runs, without JavaScript. */
export const REFRESH_SECONDS = 5;

/** The plan run as the page says it: running since when with which options, or what it made. */
export function runView(run: PlanRun | undefined, zone: string, now: number, locale: Locale = DEFAULT_LOCALE) {
  if (!run) return null;
  const t = translator(locale);
  const r = run.request;
  const options = [
    r.fresh ? t('workspace.form.fresh') : t('workspace.form.replan'),
    ...(r.quick ? [t('workspace.form.quick')] : []),
    ...(r.fairness ? [t(`workspace.form.fairness.${r.fairness}`)] : []),
    ...(r.selection ? [t(`selection.${r.selection}`)] : []),
    ...(r.finishProbability !== undefined ? [t('workspace.run.finish', { percent: formatPercent(locale, r.finishProbability) })] : []),
    ...(r.release?.length ? [t('workspace.run.release', { codes: r.release.join(', ') })] : []),
    ...(r.confirm ? [t('workspace.run.confirmed')] : []),
  ].join('; ');
  const since = DateTime.fromMillis(run.startedAt, { zone }).setLocale(INTL_LOCALE[locale]).toLocaleString(DateTime.TIME_WITH_SECONDS);
  const elapsed = Math.max(0, Math.round(((run.endedAt ?? now) - run.startedAt) / 1000));
  const base = { since, elapsed, startedAt: run.startedAt, options, state: run.state as string };
  if (run.state === 'running') return { ...base, running: true };
  if (run.state === 'failed') return { ...base, failed: true, error: run.error ?? '' };
  const outcome = run.outcome!;
  if (outcome.kind === 'planned') return { ...base, planned: true, version: outcome.version, scheduled: outcome.scheduled, applicants: outcome.applicants };
  if (outcome.kind === 'needs_confirm') {
    const moved = outcome.notify.applicants.filter((c) => c.change !== 'added');
    return { ...base, state: 'needs_confirm', needsConfirm: true, published: outcome.published, count: moved.length, codes: moved.map((c) => c.applicant).slice(0, 40).join(', ') };
  }
  return { ...base, state: 'refused', refused: true, error: outcome.kind === 'bad_request' ? outcome.error : t('workspace.run.gone') };
}

/** The plan form: the API's options, each with its label, the event's defaults chosen, and what was wrong with the last one sent. */
export function formView(bundle: Bundle, form: PlanForm, problems: FormProblem[], confirm: boolean, locale: Locale = DEFAULT_LOCALE) {
  const t = translator(locale);
  const { planning } = bundle.event;
  const fairness = form.fairness || planning.fairness;
  const selection = form.selection || planning.selection;
  const chosen = form.finish_probability ?? '';
  const problem = (field: keyof PlanForm) => {
    const p = problems.find((x) => x.field === field);
    return p ? t(`workspace.form.problems.${p.problem}`) : null;
  };
  return {
    fresh: form.mode === 'fresh',
    quick: form.quick === '1' || form.quick === 'on',
    fairness: (['none', 'proportional'] as const).map((f) => ({ value: f, label: t(`workspace.form.fairness.${f}`), selected: f === fairness })),
    selection: (['fair', 'most'] as const).map((s) => ({ value: s, label: t(`selection.${s}`), selected: s === selection })),
    probabilities: [
      { value: '', label: t('workspace.form.eventDefault', { percent: formatPercent(locale, planning.finishProbability) }), selected: chosen === '' },
      ...OPTION_PROBABILITIES.map((p) => ({
        value: String(p), label: p === 0 ? t('workspace.form.packed') : formatPercent(locale, p), selected: chosen === String(p),
      })),
    ],
    seed: form.seed ?? '',
    iterations: form.iterations ?? '',
    release: form.release ?? '',
    confirm,
    problems: problems.map((p) => ({ field: p.field, message: t(`workspace.form.problems.${p.problem}`) })),
    problemOf: { finish_probability: problem('finish_probability'), seed: problem('seed'), iterations: problem('iterations'), release: problem('release') },
    advanced: Boolean(form.seed || form.iterations || problem('seed') || problem('iterations')),
  };
}
