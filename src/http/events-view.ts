/**
 * The events pages as they print: the home page's two lists, the event form (every field with
 * its label, hint and problem), the delete page, and the event page's links for accounts that
 * may change it. Templates only print; the words are in the catalogs (`events.*`), in the
 * request's language.
 */
import { STATIONS, canonicalZone } from '../domain/index.js';
import type { EventContents, EventFieldProblem, EventForm, EventListing, EventLists } from '../services/events.js';
import { EVENT_FIELDS, formCaseTypes } from '../services/events.js';
import { escapeHtml } from './errors.js';
import { caseTypeLabel, clockSpan, longDate, lookup, translator } from './i18n.js';
import type { Locale, MessageKey, Translator } from './i18n.js';

/** A field's element id: its path with dots as dashes (`site-name`). */
export const fieldId = (field: string): string => field.replace(/\./g, '-');

type EventField = (typeof EVENT_FIELDS)[number];

const isEventField = (field: string): field is EventField => (EVENT_FIELDS as readonly string[]).includes(field);

/** The fields that hold one item per line, and how a line's parts are named. */
const LINED_FIELDS = ['simulation.walk_in_mix', 'host_orgs'] as const;
const MIX_PARTS = ['case_type', 'languages', 'complexity', 'share'] as const;

/** A case type's minutes at a station, as a problem names the field: "Naturalization (N-400): preparation minutes". */
function minutesLabel(t: Translator, locale: Locale, field: string): string | undefined {
  const m = /^case_types\.([a-z][a-z0-9_]*)(?:\.(\w+))?$/.exec(field);
  if (!m) return undefined;
  const caseType = caseTypeLabel(locale, m[1]!);
  const station = STATIONS.find((s) => s === m[2]);
  return station ? t('events.form.minutesLabel', { caseType, station: t(`stations.${station}`).toLocaleLowerCase(locale) }) : caseType;
}

/** A field's label in the locale. */
const labelOf = (t: Translator, field: EventField) => t(`events.form.labels.${field}`);

/** The words for an event.json path in a message: its field's label, with the line of a list ("Walk-in mix, line 2"). */
export function columnLabel(column: string, locale: Locale): string {
  const t = translator(locale);
  if (isEventField(column)) return labelOf(t, column);
  const minutes = minutesLabel(t, locale, column);
  if (minutes) return minutes;
  for (const list of LINED_FIELDS) {
    const m = new RegExp(`^${list.replace(/\./g, '\\.')}\\.(\\d+)(?:\\.(\\w+))?$`).exec(column);
    if (!m) continue;
    const line = Number(m[1]) + 1;
    const part = MIX_PARTS.find((p) => p === m[2]);
    if (part) return t('events.form.linePart', { label: labelOf(t, list), line, part: t(`events.form.mixParts.${part}`) });
    return m[2] ? t('events.form.linePart', { label: labelOf(t, list), line, part: m[2].replace(/_/g, ' ') }) : t('events.form.line', { label: labelOf(t, list), line });
  }
  return column;
}

const capitalized = (text: string, locale: Locale) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

/** A problem's own words, in the locale when the form found it (else the reader's English), without its field's label. */
export function problemMessage(p: EventFieldProblem, locale: Locale): string {
  return capitalized(p.code ? translator(locale)(`events.problems.${p.code}`, p.params) : p.message, locale);
}

/**
 * A problem as the form shows it, naming its field: in `text`, after `label` when there is one,
 * in `lang` when that is not the page's language.
 */
export interface ProblemWords {
  label?: string;
  text: string;
  lang?: 'en';
}

/**
 * A problem as the form shows it, naming its field. One the form finds itself is said in the
 * locale after its field's label (`Event id: an event with the id “x” exists already…`). The
 * bundle reader's sentences are English. On an English page the path they quote becomes the
 * field's words (`"desks.check_in" must be at least 1` → `Check-in desks must be at least 1`),
 * or the words lead the message (`Closes at: the event closes (08:00) before it opens (09:00)`).
 * On a page in another language the field's label leads, in that language, and the reader's
 * sentence follows marked as English (`Mesas de registro: must be at least 1, not 0`).
 */
export function problemWords(p: EventFieldProblem, locale: Locale): ProblemWords {
  const t = translator(locale);
  const label = columnLabel(p.column, locale);
  if (p.code) {
    const message = t(`events.problems.${p.code}`, p.params);
    return { text: capitalized(p.column === '-' ? message : t('events.problems.withLabel', { label, message }), locale) };
  }
  const quoted = `"${p.column}"`;
  if (locale !== 'en') {
    if (p.column === '-') return { text: capitalized(p.message, 'en'), lang: 'en' };
    return { label, text: p.message.startsWith(`${quoted} `) ? p.message.slice(quoted.length + 1) : p.message, lang: 'en' };
  }
  const text = p.column === '-' ? p.message
    : p.message.includes(quoted) ? p.message.split(quoted).join(label) : t('events.problems.withLabel', { label, message: p.message });
  return { text: capitalized(text, locale) };
}

export interface OptionView { value: string; label: string; selected: boolean }

export interface FieldView {
  name: string;
  id: string;
  label: string;
  value: string;
  kind: 'text' | 'date' | 'time' | 'select' | 'textarea';
  inputmode?: string;
  autocomplete?: string;
  hint?: string;
  hintId?: string;
  options?: OptionView[];
  groups?: { label: string; options: OptionView[] }[];
  problems?: ProblemWords[];
  problemId?: string;
  describedBy?: string;
}

const options = (choices: [string, string][], value: string): OptionView[] => {
  const list = choices.map(([v, label]) => ({ value: v, label, selected: v === value }));
  // A stored value the list does not name stays choosable, as it was.
  return list.some((o) => o.selected) || value === '' ? list : [...list, { value, label: value, selected: true }];
};

/** The United States' zones, first in the list, in the order people look for them (their names are in the catalogs). */
const US_ZONES = [
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage',
  'Pacific/Honolulu', 'America/Puerto_Rico', 'America/Detroit', 'America/Indiana/Indianapolis', 'America/Kentucky/Louisville',
  'America/Boise', 'America/Juneau', 'America/Adak', 'Pacific/Guam', 'Pacific/Pago_Pago',
] as const;

/** The time zone choices: the United States' zones first, then every other zone the runtime knows. */
export function zoneGroups(value: string, locale: Locale): FieldView['groups'] {
  const t = translator(locale);
  const us = new Map<string, string>();
  for (const zone of US_ZONES) {
    const canonical = canonicalZone(zone);
    if (canonical && !us.has(canonical)) us.set(canonical, t('events.form.zoneLabel', { name: t(`events.form.zones.${zone}`), zone: canonical }));
  }
  const others = [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].filter((z) => !us.has(z)).sort();
  const option = (zone: string, label: string) => ({ value: zone, label, selected: zone === value });
  const groups = [
    { label: t('events.form.zoneGroups.us'), options: [...us].map(([zone, label]) => option(zone, label)) },
    { label: t('events.form.zoneGroups.others'), options: others.map((z) => option(z, z.replace(/_/g, ' '))) },
  ];
  if (value !== '' && !groups.some((g) => g.options.some((o) => o.selected))) {
    groups.unshift({ label: t('events.form.zoneGroups.given'), options: [option(value, value)] });
  }
  return groups;
}

/** Each choice field's values and the catalog's words for them. */
function choicesOf(t: Translator, field: string): [string, string][] {
  switch (field) {
    case 'site.setting':
      return [['', t('events.form.choices.setting.none')], ['urban', t('events.form.choices.setting.urban')], ['rural', t('events.form.choices.setting.rural')]];
    case 'simulation.service_time':
      return (['lognormal', 'exponential', 'fixed'] as const).map((v) => [v, t(`events.form.choices.serviceTime.${v}`)]);
    case 'planning.fairness':
      return (['none', 'proportional'] as const).map((v) => [v, t(`events.form.choices.fairness.${v}`)]);
    case 'planning.selection':
      return (['fair', 'most'] as const).map((v) => [v, t(`events.form.choices.selection.${v}`)]);
    default:
      return [];
  }
}

const NUMERIC: Record<string, string> = {
  slot_minutes: 'numeric', 'desks.check_in': 'numeric', 'desks.final_check': 'numeric', 'simulation.overtime_minutes': 'numeric',
  'planning.seed': 'numeric', 'retention.purge_days_after': 'numeric', 'simulation.no_show_rate': 'decimal',
  'simulation.walk_ins_per_hour': 'decimal', 'simulation.service_time_cv': 'decimal', 'planning.finish_probability': 'decimal',
};

export interface FormContext {
  /** Admins choose the organization that runs the event. */
  organizations?: { id: number; name: string }[];
  editing: boolean;
  locale: Locale;
}

/** The event form as the page prints it: sections of fields, each with its value, hint and problem, and the summary. */
export function eventFormView(form: EventForm, problems: EventFieldProblem[], context: FormContext) {
  const { locale } = context;
  const t = translator(locale);
  const byField = new Map<string, ProblemWords[]>();
  for (const p of problems) byField.set(p.field, [...(byField.get(p.field) ?? []), problemWords(p, locale)]);
  const hintOf = (name: string): string | undefined => {
    const key = name === 'id' && context.editing ? 'events.form.hints.idEdit' : `events.form.hints.${name}`;
    return typeof lookup(locale, key) === 'string' ? t(key as MessageKey) : undefined;
  };
  const field = (name: string, kind: FieldView['kind'], extra: Partial<FieldView> = {}): FieldView => {
    const id = fieldId(name);
    const hint = hintOf(name);
    const fieldProblems = byField.get(name);
    const label = isEventField(name) ? labelOf(t, name) : minutesLabel(t, locale, name) ?? name;
    const view: FieldView = { name, id, kind, value: form[name] ?? '', label, ...extra };
    if (NUMERIC[name]) view.inputmode = NUMERIC[name];
    if (hint) Object.assign(view, { hint, hintId: `${id}-hint` });
    if (fieldProblems) Object.assign(view, { problems: fieldProblems, problemId: `${id}-problem` });
    const described = [view.hintId, view.problemId].filter(Boolean).join(' ');
    if (described) view.describedBy = described;
    return view;
  };
  const select = (name: string) => field(name, 'select', { options: options(choicesOf(t, name), form[name] ?? '') });
  const organization = context.organizations
    ? [field('organization', 'select', {
      options: options([['', t('events.form.noOrganization')], ...context.organizations.map((o): [string, string] => [String(o.id), o.name])], form.organization ?? ''),
    })]
    : [];
  const caseTypes = formCaseTypes(form).map((code) => ({
    legend: caseTypeLabel(locale, code),
    code,
    fields: STATIONS.map((s) => field(`case_types.${code}.${s}`, 'text', { label: t(`stations.${s}`), inputmode: 'numeric' })),
  }));
  const sections = [
    { id: 'day', legend: t('events.form.sections.day'), fields: [
      field('name', 'text'), field('id', 'text', { autocomplete: 'off' }), field('date', 'date'),
      field('timezone', 'select', { groups: zoneGroups(form.timezone ?? '', locale) }),
      field('opens', 'time'), field('closes', 'time'), field('slot_minutes', 'text'), ...organization,
    ] },
    { id: 'site', legend: t('events.form.sections.site'), fields: [
      field('site.name', 'text'), field('site.address', 'text', { autocomplete: 'street-address' }), field('site.county', 'text'),
      select('site.setting'), field('host_orgs', 'textarea'),
    ] },
    { id: 'desks', legend: t('events.form.sections.desks'), fields: [field('desks.check_in', 'text'), field('desks.final_check', 'text')] },
    {
      id: 'minutes', legend: t('events.form.sections.minutes'), intro: t('events.form.minutesIntro'), fields: [], caseTypes,
      floor: { label: t('events.form.floorNote'), value: form.floor ?? 'stations', hint: t('events.form.floorHint'), problems: byField.get('floor') },
    },
    { id: 'simulation', legend: t('events.form.sections.simulation'), fields: [
      field('simulation.no_show_rate', 'text'), field('simulation.walk_ins_per_hour', 'text'), select('simulation.service_time'),
      field('simulation.service_time_cv', 'text'), field('simulation.overtime_minutes', 'text'), field('simulation.walk_ins_until', 'time'),
      field('simulation.walk_in_profile', 'text'), field('simulation.walk_in_mix', 'textarea'),
    ] },
    { id: 'planning', legend: t('events.form.sections.planning'), fields: [
      select('planning.fairness'), select('planning.selection'), field('planning.seed', 'text'), field('planning.finish_probability', 'text'),
    ] },
    { id: 'retention', legend: t('events.form.sections.retention'), fields: [field('retention.purge_days_after', 'text')] },
  ];
  return {
    sections,
    noZone: t('events.form.noZone'),
    problems: problems.map((p) => ({ href: `#${fieldId(p.field)}`, ...problemWords(p, locale) })),
  };
}

// ——— The home page ———

/** One workshop of a list: its date and hours as the locale writes them, on the site's own clock. */
const listRow = (locale: Locale) => (e: EventListing) => ({
  id: e.id, name: e.name, date: longDate(locale, e.date), hours: clockSpan(locale, e.opens, e.closes),
  place: [e.site, e.county].filter((p) => p).join(', '), volunteers: e.volunteers, applicants: e.applicants,
});

/** The home page: the events to come and those past (each a table, or nothing), the search, and whether a new one may be made. */
export function eventListsView(lists: EventLists, query: string, mayCreate: boolean, locale: Locale) {
  const t = translator(locale);
  return {
    query,
    searched: query.trim() !== '',
    mayCreate,
    total: lists.total,
    found: lists.upcoming.length + lists.past.length,
    upcoming: lists.upcoming.map(listRow(locale)),
    upcomingCaption: t('events.list.upcomingCaption', { count: lists.upcoming.length }),
    past: lists.past.map(listRow(locale)),
    pastCaption: t('events.list.pastCaption', { count: lists.past.length }),
  };
}

// ——— Deleting ———

/** What the delete page says will go: each kind of record with how many. */
export function deletionView(contents: EventContents, locale: Locale): string[] {
  const t = translator(locale);
  return [
    t('events.delete.counts.volunteers', { count: contents.volunteers }),
    t('events.delete.counts.applicants', { count: contents.applicants }),
    t('events.delete.counts.plans', { count: contents.plans }),
    t('events.delete.counts.links', { count: contents.links }),
  ];
}

// ——— The event page ———

/** Stands in a kept event page where the links to change it go, put in per request. */
export const EVENT_ACTIONS_SLOT = '<!--taller:event-actions-->';

/** A kept event page with this request's links and notice put into their slot. */
export function withEventActions(page: Buffer, html: string): Buffer {
  const at = page.indexOf(EVENT_ACTIONS_SLOT);
  if (at < 0) return page;
  return Buffer.concat([page.subarray(0, at), Buffer.from(html, 'utf8'), page.subarray(at + EVENT_ACTIONS_SLOT.length)]);
}

/** What the event page says after a change, by the word its address carries (`?saved=1`): none without one. */
export function eventPageNotice(locale: Locale, change: 'created' | 'saved' | 'savedPlanned' | undefined): string | undefined {
  return change && translator(locale)(`events.page.${change}`);
}

/**
 * The event page's links to change the event, for an account that may: Edit, Duplicate (a form,
 * with this request's form token), Delete and send its applicants to the waitlist; and the notice
 * of a change just made.
 */
export function eventActionsHtml(slug: string, locale: Locale, mayWrite: boolean, csrf: string, notice: string | undefined): string {
  const id = encodeURIComponent(slug);
  const note = notice ? `<div class="notice" role="status"><p>${escapeHtml(notice)}</p></div>` : '';
  if (!mayWrite) return note;
  const t = translator(locale);
  const say = (key: 'actionsLabel' | 'edit' | 'duplicate' | 'delete') => escapeHtml(t(`events.page.${key}`));
  return `${note}<nav class="event-actions" aria-label="${say('actionsLabel')}"><ul>`
    + `<li><a href="/events/${id}/edit">${say('edit')}</a></li>`
    + `<li><form method="post" action="/events/${id}/duplicate" class="inline"><input type="hidden" name="_csrf" value="${escapeHtml(csrf)}"><button type="submit" class="link">${say('duplicate')}</button></form></li>`
    + `<li><a href="/events/${id}/delete">${say('delete')}</a></li>`
    + `<li><a href="/events/${id}/waitlist">${escapeHtml(t('waitlist.send.open'))}</a></li>`
    + `</ul></nav>`;
}
