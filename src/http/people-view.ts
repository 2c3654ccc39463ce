/**
 * The roster and applicant pages as plain data for their templates (which only print): the
 * filters with their choices, one page of rows, the paging links; a person's form, field by
 * field, with each problem the check found said at its field in the page's language.
 */
import { ACCREDITATIONS, COMPLEXITIES, RED_FLAGS, ROLES } from '../domain/index.js';
import type { Applicant, ClinicEvent, Volunteer } from '../domain/index.js';
import { FORM_FIELDS } from '../services/people.js';
import type {
  AnyPeoplePage, FormField, PeopleFilter, PeopleKind, PersonForm, PersonProblem, PersonStatus,
} from '../services/people.js';
import { UNSCHEDULED_REASONS } from '../planner/types.js';
import { byName, caseTypeLabel, clockSpan, languageLabel, longDate, translator } from './i18n.js';
import type { Locale, MessageKey, Params, Translator } from './i18n.js';

/** The list's query string parameters the filters and paging keep, as the filter reads them. */
export const LIST_PARAMS = ['q', 'role', 'language', 'case_type', 'status', 'page'] as const;

/** A list query (as sent, or kept in a form's `back` field) as a filter. */
export function filterOf(query: Partial<Record<string, unknown>>): PeopleFilter {
  const text = (v: unknown, max: number) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : undefined);
  const page = Number.parseInt(text(query.page, 12) ?? '1', 10);
  return {
    q: text(query.q, 200), role: text(query.role, 40), language: text(query.language, 20), caseType: text(query.case_type, 100),
    status: text(query.status, 60), page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** A filter as a query string ("q=ana&role=attorney"), without the first page's number; `page` overrides its page. */
export function queryOf(filter: PeopleFilter, page = filter.page): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.role) params.set('role', filter.role);
  if (filter.language) params.set('language', filter.language);
  if (filter.caseType) params.set('case_type', filter.caseType);
  if (filter.status) params.set('status', filter.status);
  if (page !== undefined && page > 1) params.set('page', String(page));
  return params.toString();
}

/** A kept list query (a form's `back` field) as a filter: only the list's own parameters. */
export const filterOfBack = (back: string | undefined): PeopleFilter =>
  filterOf(Object.fromEntries([...new URLSearchParams((back ?? '').slice(0, 2000))].filter(([k]) => (LIST_PARAMS as readonly string[]).includes(k))));

export const listUrl = (slug: string, kind: PeopleKind, query = '') => `/events/${encodeURIComponent(slug)}/${kind}${query ? `?${query}` : ''}`;
export const personUrl = (slug: string, kind: PeopleKind, code: string, step: 'edit' | 'remove', back = '') =>
  `/events/${encodeURIComponent(slug)}/${kind}/${encodeURIComponent(code)}/${step}${back ? `?back=${encodeURIComponent(back)}` : ''}`;
export const addUrl = (slug: string, kind: PeopleKind, back = '') =>
  `/events/${encodeURIComponent(slug)}/${kind}/new${back ? `?back=${encodeURIComponent(back)}` : ''}`;

const reasonKnown = (r: string): r is (typeof UNSCHEDULED_REASONS)[number] => (UNSCHEDULED_REASONS as readonly string[]).includes(r);

/** A status as a table cell says it. */
function statusText(t: Translator, status: PersonStatus): string {
  switch (status.kind) {
    case 'scheduled': return t('people.status.scheduled');
    case 'unscheduled': return t('people.status.unscheduledReason', { reason: t(`reasons.${status.reason}`) });
    case 'visits': return t('people.status.visits', { count: status.visits });
    case 'no_visits': return t('people.status.no_visits');
    default: return t('people.status.unplanned');
  }
}

/** A status filter's value as its choice says it. */
function statusChoice(t: Translator, value: string): string {
  if (value === 'visits') return t('people.status.withVisits');
  if (value === 'scheduled' || value === 'unscheduled' || value === 'no_visits' || value === 'unplanned') return t(`people.status.${value}`);
  const reason = value.startsWith('unscheduled:') ? value.slice('unscheduled:'.length) : '';
  return reasonKnown(reason) ? t('people.status.unscheduledReason', { reason: t(`reasons.${reason}`) }) : value;
}

const languageList = (locale: Locale, codes: readonly string[]) => codes.map((c) => languageLabel(locale, c)).join(', ');

/** A select's choices: "any" first, then each value with its label; the chosen one marked (kept even when the list no longer holds it). */
function choices(t: Translator, values: readonly string[], label: (v: string) => string, chosen: string | undefined, sort?: (a: string, b: string) => number) {
  const all = chosen && !values.includes(chosen) ? [...values, chosen] : [...values];
  const options = all.map((value) => ({ value, label: label(value), selected: value === chosen }));
  if (sort) options.sort((a, b) => sort(a.label, b.label));
  return [{ value: '', label: t('people.filters.any'), selected: !chosen }, ...options];
}

export interface ListExtras {
  mayWrite: boolean;
  done?: { what: 'add' | 'edit' | 'remove'; code: string } | undefined;
}

/** One page of the roster or the applicants: its filters, counts, rows and paging links. */
export function listView(page: AnyPeoplePage, filter: PeopleFilter, locale: Locale, extras: ListExtras) {
  const t = translator(locale);
  const { kind, event } = page;
  const slug = event.id;
  const back = queryOf(filter, page.page);
  const title = t(`people.title.${kind}`);
  const rows = page.rows.map(({ person, status }) => {
    const cells = kind === 'volunteers'
      ? [
        { label: t('people.columns.role'), text: t(`role.${(person as Volunteer).role}`) },
        { label: t('people.columns.languages'), text: languageList(locale, person.languages) },
      ]
      : [
        { label: t('people.columns.languages'), text: languageList(locale, person.languages) },
        { label: t('people.columns.caseType'), text: caseTypeLabel(locale, (person as Applicant).caseType) },
      ];
    return {
      code: person.id, name: person.name, cells, email: person.email ?? null, phone: person.phone ?? null,
      status: statusText(t, status), statusKind: status.kind,
      editUrl: personUrl(slug, kind, person.id, 'edit', back), removeUrl: personUrl(slug, kind, person.id, 'remove', back),
      editLabel: t('people.editWho', { name: person.name || person.id }), removeLabel: t('people.removeWho', { name: person.name || person.id }),
    };
  });
  const sortByName = byName(locale);
  const filters = {
    q: filter.q ?? '',
    role: kind === 'volunteers' ? choices(t, page.options.roles, (r) => t(`role.${r as (typeof ROLES)[number]}`), filter.role) : null,
    language: choices(t, page.options.languages, (c) => `${languageLabel(locale, c)} (${c})`, filter.language, sortByName),
    caseType: kind === 'applicants' ? choices(t, page.options.caseTypes, (c) => caseTypeLabel(locale, c), filter.caseType, sortByName) : null,
    status: choices(t, page.options.statuses, (s) => statusChoice(t, s), filter.status),
    narrowed: Boolean(filter.q || filter.role || filter.language || filter.caseType || filter.status),
  };
  const doneKey = extras.done ? (`people.done.${extras.done.what}` as const) : null;
  return {
    title,
    kind,
    eventId: slug,
    eventName: event.name,
    listUrl: listUrl(slug, kind),
    addUrl: addUrl(slug, kind, back),
    addLabel: t(`people.add.${kind}`),
    mayChange: extras.mayWrite && page.purgedAt === null,
    purged: page.purgedAt ? t('people.purged', { date: longDate(locale, page.purgedAt.slice(0, 10)) }) : null,
    done: doneKey ? t(doneKey, { code: extras.done!.code }) : null,
    plan: page.plan ? t(page.plan.outOfDate ? 'people.planAfter.outOfDate' : 'people.planAfter.fits', { version: page.plan.version }) : null,
    planOutOfDate: page.plan?.outOfDate ?? false,
    counts: t(`people.counts.${kind}`, { shown: page.matched, count: page.total }),
    caption: t('people.caption', { what: title, page: page.page, pages: page.pages }),
    statusFrom: page.planVersion === null ? t('people.statusNoPlan') : t('people.statusFrom', { version: page.planVersion }),
    empty: page.total === 0 ? t(`people.empty.${kind}`) : page.matched === 0 ? t('people.noMatch') : null,
    columns: kind === 'volunteers'
      ? [t('people.columns.role'), t('people.columns.languages')]
      : [t('people.columns.languages'), t('people.columns.caseType')],
    filters,
    rows,
    paging: page.pages > 1 ? {
      text: t('people.paging.page', { page: page.page, pages: page.pages }),
      previous: page.page > 1 ? listUrl(slug, kind, queryOf(filter, page.page - 1)) : null,
      next: page.page < page.pages ? listUrl(slug, kind, queryOf(filter, page.page + 1)) : null,
    } : null,
  };
}

// ——— Problems in the page's language ———

const unquoted = (text: string) => text.replace(/"/g, '');

type Said = { key: MessageKey; params?: Params };

/** The reader's problems (its own English sentences), each matched to its message in the catalogs. */
const PROBLEMS: [RegExp, (m: RegExpExecArray, t: Translator) => Said][] = [
  [/^\w+ is required$/, () => ({ key: 'people.problems.required' })],
  [/^duplicate id (.+): it is already used at row \d+$/, (m) => ({ key: 'people.problems.duplicate', params: { code: m[1] } })],
  [/^"([\s\S]*)" is not an e-mail address$/, (m) => ({ key: 'people.problems.email', params: { value: m[1] } })],
  [/^"[\s\S]*" is not a (role|kind of accreditation|complexity): use one of /, () => ({ key: 'people.problems.oneOf' })],
  [/^at least one language code is required/, () => ({ key: 'people.problems.languagesRequired' })],
  [/^([\s\S]+) is not a language code: /, (m) => ({ key: 'people.problems.languageCode', params: { codes: unquoted(m[1]!) } })],
  [/^([\s\S]+) (?:is not a case type|are not case types) of this event \(known: ([\s\S]*)\)$/,
    (m) => ({ key: 'people.problems.caseType', params: { codes: unquoted(m[1]!), known: m[2] } })],
  [/^an accredited rep needs an accreditation/, () => ({ key: 'people.problems.accreditationNeeded' })],
  [/^an accredited rep needs the recognized organization/, () => ({ key: 'people.problems.orgNeeded' })],
  [/^a law student needs a supervisor/, () => ({ key: 'people.problems.supervisorNeeded' })],
  [/^supervisor ([\s\S]+) is not a volunteer in this file$/, (m) => ({ key: 'people.problems.supervisorUnknown', params: { code: m[1] } })],
  [/^supervisor ([\s\S]+) is a (\w+), not an attorney$/, (m, t) => ({
    key: 'people.problems.supervisorRole',
    params: { code: m[1], role: (ROLES as readonly string[]).includes(m[2]!) ? t(`role.${m[2] as (typeof ROLES)[number]}`) : m[2] },
  })],
  [/^"([\s\S]*)" is not a time window: /, (m) => ({ key: 'people.problems.window', params: { part: m[1] } })],
  [/^the window "([\s\S]*)" ends before it starts$/, (m) => ({ key: 'people.problems.windowOrder', params: { part: m[1] } })],
  [/^"([\s\S]*)" is not a whole number/, (m) => ({ key: 'people.problems.wholeNumber', params: { value: m[1] } })],
  [/^-?\d+ is too small: it must be at least (\d+)$/, (m) => ({ key: 'people.problems.atLeast', params: { min: Number(m[1]) } })],
  [/^\S+ is too large$/, () => ({ key: 'people.problems.tooLarge' })],
  [/^"([\s\S]*)" is not a date: /, (m) => ({ key: 'people.problems.date', params: { value: m[1] } })],
  [/^(\S+) is not a day on the calendar$/, (m) => ({ key: 'people.problems.notADay', params: { value: m[1] } })],
  [/^([\s\S]+) (?:is not a red flag|are not red flags): /, (m) => ({ key: 'people.problems.flags', params: { values: unquoted(m[1]!) } })],
  [/^language code "([\s\S]*)" is not in Taller's catalog/, (m) => ({ key: 'people.warnings.unknownLanguage', params: { code: m[1] } })],
  [/^\w+ is ignored for the role /, () => ({ key: 'people.warnings.ignored' })],
  [/^\w+ starts with "((?:[^"\\]|\\.)+)", so a spreadsheet/, (m) => ({ key: 'people.warnings.formula', params: { char: `“${JSON.parse(`"${m[1]}"`) as string}”` } })],
  [/^the window (\S+) lies wholly outside the event's hours/, (m) => ({ key: 'people.warnings.outsideHours', params: { window: m[1] } })],
];

/**
 * A problem the reader found, in the page's language; one it says in no way the catalogs know
 * stays in its English words (`english`), for the page to mark so.
 */
export function problemText(message: string, locale: Locale): { text: string; english: boolean } {
  const t = translator(locale);
  for (const [pattern, say] of PROBLEMS) {
    const m = pattern.exec(message);
    if (m) {
      const { key, params } = say(m, t);
      return { text: t(key, params), english: false };
    }
  }
  return { text: message, english: true };
}

// ——— One person's form ———

type Option = { value: string; label: string; selected: boolean };

export interface FormContext {
  kind: PeopleKind;
  event: ClinicEvent;
  attorneys: { id: string; name: string }[];
  /** The person's code before this change; absent for a new person. */
  code?: string | undefined;
  /** Their name as stored, for the page's title. */
  name?: string | undefined;
  /** The list's query to go back to. */
  back: string;
  /** The change asked for, when the page shows it again. */
  problems?: PersonProblem[];
  warnings?: PersonProblem[];
}

/** The person's form: each field with its label, hint, value or choices, and its problems said in the page's language. */
export function formView(context: FormContext, form: PersonForm, locale: Locale) {
  const t = translator(locale);
  const { kind, event } = context;
  const problems = context.problems ?? [];
  const warnings = context.warnings ?? [];
  const fieldName = (f: FormField) => t(`people.form.fields.${f}`);
  const said = (p: PersonProblem) => problemText(p.problem.message, locale);
  const select = (values: readonly string[], label: (v: string) => string, chosen: string, blank?: string): Option[] => {
    const all = chosen && !values.includes(chosen) ? [...values, chosen] : [...values];
    return [...(blank !== undefined ? [{ value: '', label: blank, selected: chosen === '' }] : []),
      ...all.map((value) => ({ value, label: label(value), selected: value === chosen }))];
  };
  const listed = (text: string | undefined) => new Set((text ?? '').split(';').map((s) => s.trim().toLowerCase()).filter((s) => s !== ''));
  const checks = (name: string, values: readonly string[], label: (v: string) => string, chosen: string | undefined) => {
    const on = listed(chosen);
    const all = [...values, ...[...on].filter((v) => !values.includes(v))];
    return all.map((value, i) => ({ value, label: label(value), checked: on.has(value), id: `field-${name}-${i}` }));
  };
  const value = (f: FormField) => form[f] ?? '';
  const caseTypes = Object.keys(event.caseTypes);
  const hours = clockSpan(locale, event.opens, event.closes);
  const none = t('people.form.none');

  type Field = {
    name: FormField; type?: string; hint?: string; options?: Option[]; checks?: ReturnType<typeof checks>;
    required?: boolean; inputmode?: string; autocomplete?: string; min?: number;
  };
  const fields: Field[] = kind === 'volunteers'
    ? [
      { name: 'id', hint: t('people.form.hints.id'), required: true, autocomplete: 'off' },
      { name: 'name', required: true, autocomplete: 'off' },
      { name: 'email', type: 'email', autocomplete: 'off' },
      { name: 'phone', type: 'tel', autocomplete: 'off' },
      { name: 'role', options: select(ROLES, (r) => t(`role.${r as (typeof ROLES)[number]}`), value('role') || (context.code ? '' : 'attorney')) },
      { name: 'languages', hint: t('people.form.hints.languagesVolunteer'), required: true, autocomplete: 'off' },
      { name: 'case_types', hint: t('people.form.hints.case_types'), checks: checks('case_types', caseTypes, (c) => caseTypeLabel(locale, c), value('case_types')) },
      { name: 'accreditation', hint: t('people.form.hints.accreditation'), options: select(ACCREDITATIONS, (a) => t(`people.form.accreditation.${a as (typeof ACCREDITATIONS)[number]}`), value('accreditation'), none) },
      { name: 'org', hint: t('people.form.hints.org') },
      {
        name: 'supervisor', hint: t('people.form.hints.supervisor'),
        options: select(context.attorneys.filter((a) => a.id !== context.code).map((a) => a.id), (id) => {
          const who = context.attorneys.find((a) => a.id === id);
          return who ? `${who.name} (${id})` : id;
        }, value('supervisor'), none),
      },
      { name: 'available', hint: t('people.form.hints.available', { hours }), autocomplete: 'off' },
      { name: 'max_applicants', type: 'number', min: 0, inputmode: 'numeric', hint: t('people.form.hints.max_applicants') },
    ]
    : [
      { name: 'id', hint: t('people.form.hints.id'), required: true, autocomplete: 'off' },
      { name: 'name', required: true, autocomplete: 'off' },
      { name: 'phone', type: 'tel', autocomplete: 'off' },
      { name: 'email', type: 'email', autocomplete: 'off' },
      { name: 'languages', hint: t('people.form.hints.languagesApplicant'), required: true, autocomplete: 'off' },
      { name: 'case_type', options: select(caseTypes, (c) => caseTypeLabel(locale, c), value('case_type') || (context.code ? '' : caseTypes[0] ?? '')) },
      { name: 'complexity', options: select(COMPLEXITIES, (c) => t(`complexity.${c as (typeof COMPLEXITIES)[number]}`), value('complexity') || 'straightforward') },
      { name: 'flags', checks: checks('flags', RED_FLAGS, (f) => t(`people.flags.${f as (typeof RED_FLAGS)[number]}`), value('flags')) },
      { name: 'household', hint: t('people.form.hints.household'), autocomplete: 'off' },
      { name: 'available', hint: t('people.form.hints.available', { hours }), autocomplete: 'off' },
      { name: 'deadline', type: 'date', hint: t('people.form.hints.deadline') },
      { name: 'priority', type: 'number', min: 1, inputmode: 'numeric', hint: t('people.form.hints.priority') },
    ];
  const sorted = fields.map((f) => {
    const id = `field-${f.name}`;
    const own = problems.filter((p) => p.field === f.name).map(said);
    const notes = warnings.filter((p) => p.field === f.name).map(said);
    const describedBy = [f.hint ? `${id}-hint` : '', own.length ? `${id}-problem` : '', notes.length ? `${id}-note` : ''].filter(Boolean).join(' ');
    return {
      ...f, id, label: fieldName(f.name), value: value(f.name), type: f.type ?? 'text',
      kind: f.options ? 'select' : f.checks ? 'checks' : 'input',
      problems: own, notes, invalid: own.length > 0, describedBy: describedBy || null,
    };
  });
  const summary = problems.map((p) => {
    const text = said(p);
    if (p.field) return { href: `#field-${p.field}`, text: t('people.form.problemAt', { field: fieldName(p.field), problem: text.text }), english: text.english };
    if (p.other) return { href: null, text: t('people.form.otherPerson', { code: p.other.id, name: p.other.name, problem: text.text }), english: text.english };
    return { href: null, text: text.text, english: text.english };
  });
  const adding = context.code === undefined;
  const title = adding ? t(`people.form.addTitle.${kind}`) : t(`people.form.editTitle.${kind}`, { code: context.code });
  return {
    title,
    heading: adding ? title : `${title}: ${context.name ?? ''}`.replace(/: $/, ''),
    kind,
    eventId: event.id,
    eventName: event.name,
    listTitle: t(`people.title.${kind}`),
    listUrl: listUrl(event.id, kind, context.back),
    action: adding ? addUrl(event.id, kind) : personUrl(event.id, kind, context.code!, 'edit'),
    back: context.back,
    submit: adding ? t(`people.form.add.${kind}`) : t('people.form.save'),
    fields: sorted,
    problems: summary,
    problemsHeading: summary.length ? t('people.form.problems', { count: summary.length }) : null,
  };
}

/** The question before someone is removed, and what stands in the way when the check refused it. */
export function removeView(kind: PeopleKind, event: ClinicEvent, code: string, name: string, back: string, locale: Locale, problems: PersonProblem[] = []) {
  const t = translator(locale);
  const summary = problems.map((p) => {
    const text = problemText(p.problem.message, locale);
    return {
      text: p.other ? t('people.form.otherPerson', { code: p.other.id, name: p.other.name, problem: text.text }) : text.text,
      english: text.english,
    };
  });
  return {
    title: t(`people.confirm.title.${kind}`, { code }),
    kind,
    eventId: event.id,
    eventName: event.name,
    listTitle: t(`people.title.${kind}`),
    listUrl: listUrl(event.id, kind, back),
    action: personUrl(event.id, kind, code, 'remove'),
    back,
    lead: t(`people.confirm.lead.${kind}`, { code, name: name || code }),
    yes: t('people.confirm.yes', { name: name || code }),
    problems: summary,
    problemsHeading: summary.length ? t('people.confirm.refused', { count: summary.length }) : null,
  };
}

/** The form fields a form body may carry, with lists (ticked boxes) joined as a cell holds them. */
export function formOf(kind: PeopleKind, body: Record<string, unknown>): PersonForm {
  const form: PersonForm = {};
  for (const field of FORM_FIELDS[kind]) {
    const v = body[field];
    form[field] = Array.isArray(v) ? v.map(String).join(';') : typeof v === 'string' ? v : '';
  }
  return form;
}
