/**
 * The events pages as they print: the home page's two lists, the event form (every field with
 * its label, hint and problem), the delete page, and the event page's links for accounts that
 * may change it. Templates only print; the text a field shows is in EVENT_FORM_TEXT.
 */
import { STATIONS, STATION_NAMES, canonicalZone, caseTypeName } from '../domain/index.js';
import type { EventContents, EventFieldProblem, EventForm, EventListing, EventLists } from '../services/events.js';
import { EVENT_FIELDS, formCaseTypes } from '../services/events.js';
import { escapeHtml } from './errors.js';
import { longDate } from './views.js';

/** What the event form shows: each field's label and hint, the sections' titles, the choices' words. */
export const EVENT_FORM_TEXT = {
  sections: {
    day: 'The day',
    site: 'The site',
    desks: 'Desks',
    minutes: 'Minutes per station',
    simulation: 'Simulating the day',
    planning: 'Planning',
    retention: 'Personal data',
  },
  minutesIntro: 'Minutes for a straightforward case without an interpreter. A station at 0 is skipped for that case type.',
  floorNote: 'Floor layout',
  floorHint: 'Set by importing event.json; the minutes here are the ones used.',
  labels: {
    name: 'Name',
    id: 'Event id',
    date: 'Date',
    timezone: 'Time zone',
    opens: 'Opens at',
    closes: 'Closes at',
    slot_minutes: 'Slot minutes',
    organization: 'Organization that runs it',
    'site.name': 'Site name',
    'site.address': 'Address',
    'site.county': 'County',
    'site.setting': 'Setting',
    host_orgs: 'Host organizations',
    'desks.check_in': 'Check-in desks',
    'desks.final_check': 'Final-check desks',
    floor: 'Floor layout',
    'simulation.no_show_rate': 'No-show rate',
    'simulation.walk_ins_per_hour': 'Walk-ins per hour',
    'simulation.service_time': 'Service times',
    'simulation.service_time_cv': 'Service time spread (cv)',
    'simulation.overtime_minutes': 'Overtime minutes',
    'simulation.walk_ins_until': 'Walk-ins admitted until',
    'simulation.walk_in_profile': 'Walk-ins through the day',
    'simulation.walk_in_mix': 'Walk-in mix',
    'planning.fairness': 'Fairness',
    'planning.selection': 'Selection on a full day',
    'planning.seed': 'Seed',
    'planning.finish_probability': 'Chance of finishing on time',
    'retention.purge_days_after': 'Purge personal data after (days)',
  } satisfies Record<(typeof EVENT_FIELDS)[number], string>,
  hints: {
    name: 'As applicants and volunteers will read it.',
    id: 'Letters, digits, “.”, “_” and “-”. Leave it empty to have one made from the name and the date.',
    idEdit: 'It stays as it is once the event has a plan.',
    date: 'The day of the workshop.',
    timezone: 'Where the site is: the hours below are its wall clock, daylight saving included.',
    opens: 'HH:MM, the site’s clock.',
    closes: 'HH:MM, the site’s clock.',
    slot_minutes: 'Every start falls on this grid from opening (1 to 60).',
    organization: 'Its coordinators run the event. None: admins only.',
    host_orgs: 'One per line. Accredited representatives review only at events their organization hosts.',
    'desks.check_in': 'How many people check applicants in at once (at least 1).',
    'desks.final_check': 'How many people do the final check at once (at least 1).',
    'simulation.no_show_rate': 'The share of registered applicants who do not come, 0 to 1 (0.15 is 15%).',
    'simulation.walk_ins_per_hour': 'People who come without registering.',
    'simulation.service_time_cv': 'How much visits run long or short: 0 to 10 (0.35 is usual).',
    'simulation.overtime_minutes': 'How long volunteers agree to stay after closing.',
    'simulation.walk_ins_until': 'HH:MM; empty: Taller suggests a cut-off.',
    'simulation.walk_in_profile': '“even”, “morning”, or a share per hour from opening, separated by “;”.',
    'simulation.walk_in_mix': 'One line per kind of walk-in: case type, languages (separated by “;”), complexity, share. For example: n400, es;en, straightforward, 0.5. Empty: like the registered applicants.',
    'planning.seed': 'The same seed gives the same plan.',
    'planning.finish_probability': 'The chance, 0 to 0.99, that the simulated day finishes by closing; 0 packs the day.',
    'retention.purge_days_after': 'Whole days after the event; empty: kept until purged by hand.',
  } as Record<string, string>,
  choices: {
    'site.setting': { '': 'Not said', urban: 'Urban', rural: 'Rural' },
    'simulation.service_time': {
      lognormal: 'Lognormal: most visits near their minutes, a few much longer', exponential: 'Exponential: very uneven', fixed: 'Fixed: every visit takes its minutes',
    },
    'planning.fairness': { none: 'None: the most urgent first', proportional: 'Proportional: each language group in proportion to its demand' },
    'planning.selection': { fair: 'Fair: a lottery among people of equal priority', most: 'Most: as many people as fit' },
  } as Record<string, Record<string, string>>,
  noZone: 'Choose the site’s time zone',
  zoneGroups: { us: 'United States', others: 'Everywhere else', given: 'As sent' },
  noOrganization: 'None: admins only',
  /** The United States' zones, first in the list, by the name people know. */
  usZones: {
    'America/New_York': 'Eastern',
    'America/Chicago': 'Central',
    'America/Denver': 'Mountain',
    'America/Phoenix': 'Mountain, no daylight saving (Arizona)',
    'America/Los_Angeles': 'Pacific',
    'America/Anchorage': 'Alaska',
    'Pacific/Honolulu': 'Hawaii',
    'America/Puerto_Rico': 'Atlantic (Puerto Rico, U.S. Virgin Islands)',
    'America/Detroit': 'Eastern (Michigan)',
    'America/Indiana/Indianapolis': 'Eastern (Indiana)',
    'America/Kentucky/Louisville': 'Eastern (Louisville, Kentucky)',
    'America/Boise': 'Mountain (southern Idaho)',
    'America/Juneau': 'Alaska (Juneau)',
    'America/Adak': 'Hawaii–Aleutian (Adak)',
    'Pacific/Guam': 'Chamorro (Guam, Northern Mariana Islands)',
    'Pacific/Pago_Pago': 'Samoa (American Samoa)',
  } as Record<string, string>,
  fieldsWithLines: { 'simulation.walk_in_mix': 'line', host_orgs: 'line' } as Record<string, string>,
};

/** A field's element id: its path with dots as dashes (`site-name`). */
export const fieldId = (field: string): string => field.replace(/\./g, '-');

/** How a case type's minutes field is named in a message: "Naturalization (N-400): preparation minutes". */
function minutesLabel(field: string): string | undefined {
  const m = /^case_types\.([a-z][a-z0-9_]*)(?:\.(\w+))?$/.exec(field);
  if (!m) return undefined;
  const station = m[2] as keyof typeof STATION_NAMES | undefined;
  return station && STATION_NAMES[station] ? `${caseTypeName(m[1]!)}: ${STATION_NAMES[station].toLowerCase()} minutes` : caseTypeName(m[1]!);
}

/** The words for an event.json path in a message: its field's label, with the line of a list ("Walk-in mix, line 2"). */
export function columnLabel(column: string): string {
  const labels = EVENT_FORM_TEXT.labels as Record<string, string>;
  if (labels[column]) return labels[column];
  const minutes = minutesLabel(column);
  if (minutes) return minutes;
  for (const list of Object.keys(EVENT_FORM_TEXT.fieldsWithLines)) {
    const m = new RegExp(`^${list.replace(/\./g, '\\.')}\\.(\\d+)(?:\\.(\\w+))?$`).exec(column);
    if (m) return `${labels[list]}, line ${Number(m[1]) + 1}${m[2] ? ` (${m[2].replace(/_/g, ' ')})` : ''}`;
  }
  return column;
}

/**
 * A problem as the form shows it, naming its field: the path the reader quotes becomes the
 * field's words (`"desks.check_in" must be at least 1` → `Check-in desks must be at least 1`),
 * or the words lead the message (`Closes at: the event closes (08:00) before it opens (09:00)`).
 */
export function problemText(p: EventFieldProblem): string {
  const label = columnLabel(p.column);
  const quoted = `"${p.column}"`;
  const text = p.column === '-' ? p.message : p.message.includes(quoted) ? p.message.split(quoted).join(label) : `${label}: ${p.message}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
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
  problem?: string;
  problemId?: string;
  describedBy?: string;
}

const options = (choices: Record<string, string> | [string, string][], value: string): OptionView[] => {
  const list = (Array.isArray(choices) ? choices : Object.entries(choices)).map(([v, label]) => ({ value: v, label, selected: v === value }));
  // A stored value the list does not name stays choosable, as it was.
  return list.some((o) => o.selected) || value === '' ? list : [...list, { value, label: value, selected: true }];
};

/** The time zone choices: the United States' zones first, then every other zone the runtime knows. */
export function zoneGroups(value: string): FieldView['groups'] {
  const text = EVENT_FORM_TEXT;
  const us = new Map<string, string>();
  for (const [zone, name] of Object.entries(text.usZones)) {
    const canonical = canonicalZone(zone);
    if (canonical && !us.has(canonical)) us.set(canonical, `${name} — ${canonical}`);
  }
  const others = [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].filter((z) => !us.has(z)).sort();
  const option = (zone: string, label: string) => ({ value: zone, label, selected: zone === value });
  const groups = [
    { label: text.zoneGroups.us, options: [...us].map(([zone, label]) => option(zone, label)) },
    { label: text.zoneGroups.others, options: others.map((z) => option(z, z.replace(/_/g, ' '))) },
  ];
  if (value !== '' && !groups.some((g) => g.options.some((o) => o.selected))) {
    groups.unshift({ label: text.zoneGroups.given, options: [option(value, value)] });
  }
  return groups;
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
}

/** The event form as the page prints it: sections of fields, each with its value, hint and problem, and the summary. */
export function eventFormView(form: EventForm, problems: EventFieldProblem[], context: FormContext) {
  const text = EVENT_FORM_TEXT;
  const byField = new Map<string, string[]>();
  for (const p of problems) byField.set(p.field, [...(byField.get(p.field) ?? []), problemText(p)]);
  const field = (name: string, kind: FieldView['kind'], extra: Partial<FieldView> = {}): FieldView => {
    const id = fieldId(name);
    const hint = (name === 'id' && context.editing ? text.hints.idEdit : text.hints[name]) ?? undefined;
    const problem = byField.get(name)?.join(' ');
    const view: FieldView = {
      name, id, kind, value: form[name] ?? '', label: (text.labels as Record<string, string>)[name] ?? minutesLabel(name) ?? name, ...extra,
    };
    if (NUMERIC[name]) view.inputmode = NUMERIC[name];
    if (hint) Object.assign(view, { hint, hintId: `${id}-hint` });
    if (problem) Object.assign(view, { problem, problemId: `${id}-problem` });
    const described = [view.hintId, view.problemId].filter(Boolean).join(' ');
    if (described) view.describedBy = described;
    return view;
  };
  const select = (name: string) => field(name, 'select', { options: options(text.choices[name]!, form[name] ?? '') });
  const organization = context.organizations
    ? [field('organization', 'select', {
      options: options([['', text.noOrganization], ...context.organizations.map((o): [string, string] => [String(o.id), o.name])], form.organization ?? ''),
    })]
    : [];
  const caseTypes = formCaseTypes(form).map((code) => ({
    legend: caseTypeName(code),
    code,
    fields: STATIONS.map((s) => field(`case_types.${code}.${s}`, 'text', { label: STATION_NAMES[s], inputmode: 'numeric' })),
  }));
  const sections = [
    { id: 'day', legend: text.sections.day, fields: [
      field('name', 'text'), field('id', 'text', { autocomplete: 'off' }), field('date', 'date'),
      field('timezone', 'select', { groups: zoneGroups(form.timezone ?? '') }),
      field('opens', 'time'), field('closes', 'time'), field('slot_minutes', 'text'), ...organization,
    ] },
    { id: 'site', legend: text.sections.site, fields: [
      field('site.name', 'text'), field('site.address', 'text', { autocomplete: 'street-address' }), field('site.county', 'text'),
      select('site.setting'), field('host_orgs', 'textarea'),
    ] },
    { id: 'desks', legend: text.sections.desks, fields: [field('desks.check_in', 'text'), field('desks.final_check', 'text')] },
    {
      id: 'minutes', legend: text.sections.minutes, intro: text.minutesIntro, fields: [], caseTypes,
      floor: { label: text.floorNote, value: form.floor ?? 'stations', hint: text.floorHint, problem: byField.get('floor')?.join(' ') },
    },
    { id: 'simulation', legend: text.sections.simulation, fields: [
      field('simulation.no_show_rate', 'text'), field('simulation.walk_ins_per_hour', 'text'), select('simulation.service_time'),
      field('simulation.service_time_cv', 'text'), field('simulation.overtime_minutes', 'text'), field('simulation.walk_ins_until', 'time'),
      field('simulation.walk_in_profile', 'text'), field('simulation.walk_in_mix', 'textarea'),
    ] },
    { id: 'planning', legend: text.sections.planning, fields: [
      select('planning.fairness'), select('planning.selection'), field('planning.seed', 'text'), field('planning.finish_probability', 'text'),
    ] },
    { id: 'retention', legend: text.sections.retention, fields: [field('retention.purge_days_after', 'text')] },
  ];
  return {
    sections,
    noZone: text.noZone,
    problems: problems.map((p) => ({ href: `#${fieldId(p.field)}`, message: problemText(p) })),
  };
}

// ——— The home page ———

const listRow = (e: EventListing) => ({
  id: e.id, name: e.name, date: longDate(e.date), hours: `${e.opens}–${e.closes}`,
  place: [e.site, e.county].filter((p) => p).join(', '), volunteers: e.volunteers, applicants: e.applicants,
});

/** The home page: the events to come and those past (each a table, or nothing), the search, and whether a new one may be made. */
export function eventListsView(lists: EventLists, query: string, mayCreate: boolean) {
  return {
    query,
    searched: query.trim() !== '',
    mayCreate,
    total: lists.total,
    found: lists.upcoming.length + lists.past.length,
    upcoming: lists.upcoming.map(listRow),
    past: lists.past.map(listRow),
  };
}

// ——— Deleting ———

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the delete page says will go: each kind of record with how many. */
export function deletionView(contents: EventContents) {
  return [
    plural(contents.volunteers, 'volunteer on the roster', 'volunteers on the roster'),
    plural(contents.applicants, 'applicant'),
    plural(contents.plans, 'plan version'),
    plural(contents.links, 'slip or calendar link', 'slip and calendar links'),
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

/** What the event page says after a change, by the word its address carries (`?saved=1`). */
export const EVENT_PAGE_NOTICES = {
  created: 'The event is made. Its roster and applicant list are empty: import volunteers.csv and applicants.csv to fill them.',
  saved: 'Saved. The roster, the applicants and the plans are kept as they were.',
  savedPlanned: 'Saved. The roster, the applicants and the plans are kept; each plan is checked again against the new settings: see “Plan” below, and re-plan if it says the plan is out of date.',
};

const EVENT_ACTIONS_TEXT = { edit: 'Edit', duplicate: 'Duplicate as a template', delete: 'Delete', label: 'Change this event' };

/**
 * The event page's links to change the event, for an account that may: Edit, Duplicate (a form,
 * with this request's form token) and Delete; and the notice of a change just made.
 */
export function eventActionsHtml(slug: string, mayWrite: boolean, csrf: string, notice: string | undefined): string {
  const id = encodeURIComponent(slug);
  const note = notice ? `<div class="notice" role="status"><p>${escapeHtml(notice)}</p></div>` : '';
  if (!mayWrite) return note;
  const t = EVENT_ACTIONS_TEXT;
  return `${note}<nav class="event-actions" aria-label="${t.label}"><ul>`
    + `<li><a href="/events/${id}/edit">${t.edit}</a></li>`
    + `<li><form method="post" action="/events/${id}/duplicate" class="inline"><input type="hidden" name="_csrf" value="${escapeHtml(csrf)}"><button type="submit" class="link">${t.duplicate}</button></form></li>`
    + `<li><a href="/events/${id}/delete">${t.delete}</a></li>`
    + `</ul></nav>`;
}
