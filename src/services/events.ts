/**
 * Events run from the browser: the home page's lists and search, and making, changing,
 * duplicating and deleting an event through a form. A form is turned into the event.json it
 * stands for and checked by the bundle reader, so a form and an import keep one set of rules.
 */
import { DateTime } from 'luxon';
import { ProblemList } from '../bundle/index.js';
import { readEvent } from '../bundle/event.js';
import { STATIONS, isCalendarDate } from '../domain/index.js';
import type { ClinicEvent, WalkInMix, WalkInProfile } from '../domain/index.js';
import {
  createEvent, deleteEvent, eventContents, eventOwner, findEvent, listEventListings, loadEvent, updateEvent,
} from '../db/events.js';
import type { EventContents, EventListing } from '../db/events.js';
import type { Db } from '../db/index.js';
import { listOrganizations } from '../db/users.js';
import type { Account, FieldProblem } from './users.js';

export type { EventContents, EventListing };

/**
 * What the form itself finds wrong (the bundle reader's sentences aside), in English. Each has a
 * code the pages say it by in their own language (src/http/messages: `events.problems.<code>`),
 * with the same values.
 */
const SAY = {
  idNeeded: () => 'write an id, or fill in the name and the date and leave the id empty to have one made from them',
  idTaken: (p) => `an event with the id “${p.id}” exists already: choose another`,
  idReserved: () => '“new” names the page for a new event: choose another id',
  idKept: (p) => `this event has ${p.count} plan version${p.count === 1 ? '' : 's'}, and printed slips, sheets and calendar links name it by its id: it stays “${p.id}”. Duplicate the event to start one under another id`,
  noSuchOrganization: () => 'choose one of the organizations listed, or none',
  noOrganizationOfYours: () => 'your account belongs to no organization, so nobody but admins could reach the event: ask an admin to set yours first',
  hostKept: (p) => `your organization, ${p.organization}, would no longer run or host this event, and you could not reach it: keep it in the list`,
  mixLine: (p) => `line ${p.line} has more than four parts: write the case type, the languages (separated by ;), the complexity and the share, separated by commas`,
  confirmMismatch: (p) => `this is not the event's id: type ${p.id} exactly to delete it`,
} satisfies Record<string, (params: ProblemParams) => string>;

/** The values a problem's words name. */
export type ProblemParams = Readonly<Record<string, string | number>>;

/** The problems the form finds itself, by code. */
export type EventProblemCode = keyof typeof SAY;

// ——— The home page's lists ———

/** Text as search compares it: lower case, without accents ("José" is "jose"), spaces collapsed. */
export function searchText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether an event matches every word of a search, in its name, id, site or county. An empty search matches all. */
export function matchesSearch(event: EventListing, query: string): boolean {
  const words = searchText(query).split(' ').filter((w) => w !== '');
  const haystack = searchText([event.name, event.id, event.site ?? '', event.county ?? ''].join(' '));
  return words.every((w) => haystack.includes(w));
}

/** The date it is now at a site, `YYYY-MM-DD`: the event's own zone, never the machine's. */
export function dateAtSite(timezone: string, now: Date): string {
  return DateTime.fromJSDate(now, { zone: timezone }).toISODate() ?? now.toISOString().slice(0, 10);
}

/**
 * Events still to come (their date is today or later at their own site), soonest first, and
 * events past, the most recent first.
 */
export function splitByDay<E extends { id: string; date: string; timezone: string }>(events: readonly E[], now: Date): { upcoming: E[]; past: E[] } {
  const upcoming: E[] = [];
  const past: E[] = [];
  for (const e of events) (e.date >= dateAtSite(e.timezone, now) ? upcoming : past).push(e);
  const byId = (a: E, b: E) => a.id.localeCompare(b.id);
  upcoming.sort((a, b) => a.date.localeCompare(b.date) || byId(a, b));
  past.sort((a, b) => b.date.localeCompare(a.date) || byId(a, b));
  return { upcoming, past };
}

export interface EventLists {
  upcoming: EventListing[];
  past: EventListing[];
  /** How many events the account may see, found or not. */
  total: number;
}

/** The events an account may see (admins every one, others their organization's), found by a search and split by day. */
export function eventLists(db: Db, account: Pick<Account, 'role' | 'organizationId'>, query = '', now = new Date()): EventLists {
  const all = listEventListings(db, account.role === 'admin' ? undefined : account.organizationId);
  return { ...splitByDay(all.filter((e) => matchesSearch(e, query)), now), total: all.length };
}

// ——— The event form ———

/** The form as sent: each field's text by the event.json path it fills (`desks.check_in`). */
export type EventForm = Record<string, string>;

/**
 * The form's fields, by the event.json path each fills, in the order of the page; each case
 * type's minutes add `case_types.CODE.STATION`. `organization` (admins only) is not in event.json.
 */
export const EVENT_FIELDS = [
  'name', 'id', 'date', 'timezone', 'opens', 'closes', 'slot_minutes', 'organization',
  'site.name', 'site.address', 'site.county', 'site.setting', 'host_orgs', 'desks.check_in', 'desks.final_check', 'floor',
  'simulation.no_show_rate', 'simulation.walk_ins_per_hour', 'simulation.service_time', 'simulation.service_time_cv',
  'simulation.overtime_minutes', 'simulation.walk_ins_until', 'simulation.walk_in_profile', 'simulation.walk_in_mix',
  'planning.fairness', 'planning.selection', 'planning.seed', 'planning.finish_probability', 'retention.purge_days_after',
] as const;

const MINUTES_FIELD = /^case_types\.([a-z][a-z0-9_]*)\.(check_in|screening|preparation|review|final_check)$/;

/**
 * A form problem: the field it belongs to, and the event.json path its message may quote (`-`:
 * none, about the whole form). One the form finds itself also has its code and values, for the
 * pages to say it in their language; the bundle reader's have only the English message.
 */
export interface EventFieldProblem extends Omit<FieldProblem, 'code' | 'params'> {
  column: string;
  code?: EventProblemCode;
  params?: ProblemParams;
}

/** A problem the form finds itself, at a field (the message about the whole form when `column` is `-`). */
function said(field: string, code: EventProblemCode, params: ProblemParams = {}, column = field): EventFieldProblem {
  return { field, column, code, params, message: SAY[code](params) };
}

/** What a form came to: done, or every problem with it, each at its field. */
export type FormOutcome<T> = ({ ok: true } & T) | { ok: false; problems: EventFieldProblem[] };

/** The case types a form gives minutes for, in the form's order. */
export function formCaseTypes(form: EventForm): string[] {
  const codes: string[] = [];
  for (const key of Object.keys(form)) {
    const code = MINUTES_FIELD.exec(key)?.[1];
    if (code !== undefined && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** Every field of a form: the fixed ones and its case types' minutes. */
export function formFields(form: EventForm): string[] {
  return [...EVENT_FIELDS, ...formCaseTypes(form).flatMap((code) => STATIONS.map((s) => `case_types.${code}.${s}`))];
}

/** A new event's settings: what event.json gives when it names only what it must. */
export function defaultEvent(): ClinicEvent {
  const json = { id: 'new', name: 'New', date: '2027-01-01', timezone: 'UTC', opens: '09:00', closes: '16:00' };
  return readEvent(Buffer.from(JSON.stringify(json)), new ProblemList()).event!;
}

const profileText = (profile: WalkInProfile | undefined) => (Array.isArray(profile) ? profile.join('; ') : profile ?? 'even');
const mixText = (mix: readonly WalkInMix[]) =>
  mix.map((m) => `${m.caseType}, ${m.languages.join(';')}, ${m.complexity}, ${m.share}`).join('\n');

/** The form filled from an event (a new event's defaults, or a stored one). */
export function formOf(event: ClinicEvent, owner: number | null = null): EventForm {
  const { site, simulation: sim, planning } = event;
  const form: EventForm = {
    name: event.name, id: event.id, date: event.date, timezone: event.timezone, opens: event.opens, closes: event.closes,
    slot_minutes: String(event.slotMinutes), organization: owner === null ? '' : String(owner),
    'site.name': site.name, 'site.address': site.address ?? '', 'site.county': site.county ?? '', 'site.setting': site.setting ?? '',
    host_orgs: event.hostOrgs.join('\n'),
    'desks.check_in': String(event.desks.check_in), 'desks.final_check': String(event.desks.final_check), floor: event.floor,
    'simulation.no_show_rate': String(sim.noShowRate), 'simulation.walk_ins_per_hour': String(sim.walkInsPerHour),
    'simulation.service_time': sim.serviceTime, 'simulation.service_time_cv': String(sim.serviceTimeCv),
    'simulation.overtime_minutes': String(sim.overtimeMinutes ?? 0), 'simulation.walk_ins_until': sim.walkInsUntil ?? '',
    'simulation.walk_in_profile': profileText(sim.walkInProfile), 'simulation.walk_in_mix': mixText(sim.walkInMix),
    'planning.fairness': planning.fairness, 'planning.selection': planning.selection, 'planning.seed': String(planning.seed),
    'planning.finish_probability': String(planning.finishProbability),
    'retention.purge_days_after': event.retention?.purgeDaysAfter === undefined ? '' : String(event.retention.purgeDaysAfter),
  };
  for (const [code, minutes] of Object.entries(event.caseTypes)) {
    for (const station of STATIONS) form[`case_types.${code}.${station}`] = String(minutes[station]);
  }
  return form;
}

/** A new event's form: the defaults, opening at 9 and closing at 4, with no id, date or zone yet. */
export function newEventForm(owner: number | null): EventForm {
  return { ...formOf(defaultEvent(), owner), id: '', name: '', date: '', timezone: '' };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A number field as event.json holds it: a number when it reads as one (a decimal comma
 * too), else the text as typed, which the reader then refuses naming the field; nothing when empty.
 */
function numberOf(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const dotted = /^[+-]?\d*,\d+$/.test(t) ? t.replace(',', '.') : t;
  return NUMBER.test(dotted) ? Number(dotted) : t;
}

const linesOf = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');

function profileOf(text: string): unknown {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'even' || t === 'morning') return t === '' ? undefined : t;
  const parts = t.split(/[;\s]+/).filter((p) => p !== '').map(numberOf);
  return parts.every((p) => typeof p === 'number') ? parts : text.trim();
}

/** The event.json a form stands for, and the problems with lines it cannot read as parts. */
export function eventJsonOf(form: EventForm): { json: Record<string, unknown>; problems: EventFieldProblem[] } {
  const text = (key: string) => (form[key] ?? '').trim();
  const optional = (key: string) => (text(key) === '' ? undefined : text(key));
  const number = (key: string) => numberOf(form[key] ?? '');
  const problems: EventFieldProblem[] = [];
  const mix = linesOf(form['simulation.walk_in_mix'] ?? '').map((line, i) => {
    const parts = line.split(',').map((p) => p.trim());
    if (parts.length > 4) problems.push(said('simulation.walk_in_mix', 'mixLine', { line: i + 1 }));
    const [caseType, languages, complexity, share] = parts;
    return { case_type: caseType || undefined, languages: languages ?? '', complexity: complexity || undefined, share: numberOf(share ?? '') };
  });
  const caseTypes: Record<string, Record<string, unknown>> = {};
  for (const code of formCaseTypes(form)) {
    caseTypes[code] = Object.fromEntries(STATIONS.map((s) => [s, number(`case_types.${code}.${s}`)]));
  }
  const days = number('retention.purge_days_after');
  const json = {
    id: optional('id'), name: optional('name'), date: optional('date'), timezone: optional('timezone'),
    opens: optional('opens'), closes: optional('closes'), slot_minutes: number('slot_minutes'), floor: optional('floor'),
    site: { name: optional('site.name'), address: optional('site.address'), county: optional('site.county'), setting: optional('site.setting') },
    host_orgs: linesOf(form.host_orgs ?? ''),
    desks: { check_in: number('desks.check_in'), final_check: number('desks.final_check') },
    case_types: caseTypes,
    simulation: {
      no_show_rate: number('simulation.no_show_rate'), walk_ins_per_hour: number('simulation.walk_ins_per_hour'),
      service_time: optional('simulation.service_time'), service_time_cv: number('simulation.service_time_cv'),
      overtime_minutes: number('simulation.overtime_minutes'), walk_ins_until: optional('simulation.walk_ins_until'),
      walk_in_profile: profileOf(form['simulation.walk_in_profile'] ?? ''), walk_in_mix: mix,
    },
    planning: {
      fairness: optional('planning.fairness'), selection: optional('planning.selection'),
      finish_probability: number('planning.finish_probability'), seed: number('planning.seed'),
    },
    retention: days === undefined ? undefined : { purge_days_after: days },
  };
  // Through JSON and back, as a file would come: what is undefined is left out.
  return { json: JSON.parse(JSON.stringify(json)) as Record<string, unknown>, problems };
}

/** The form field an event.json path belongs to (a case type as a whole: its screening minutes). */
export function fieldOf(column: string, fields: readonly string[]): string {
  if (fields.includes(column)) return column;
  for (const whole of ['simulation.walk_in_mix', 'host_orgs']) if (column.startsWith(`${whole}.`)) return whole;
  const inside = fields.find((f) => f === `${column}.screening`) ?? fields.find((f) => f.startsWith(`${column}.`));
  if (inside) return inside;
  const at = column.lastIndexOf('.');
  return at > 0 ? fieldOf(column.slice(0, at), fields) : 'name';
}

/** Checks a form by the bundle reader's rules for event.json, each problem at its field. */
export function readEventForm(form: EventForm): { event: ClinicEvent | null; problems: EventFieldProblem[] } {
  const { json, problems } = eventJsonOf(form);
  const list = new ProblemList();
  const { event } = readEvent(Buffer.from(JSON.stringify(json)), list);
  const fields = formFields(form);
  for (const p of list.errors) {
    problems.push({ field: fieldOf(p.column, fields), column: p.column, message: p.message });
  }
  return { event: problems.length === 0 ? event : null, problems };
}

/** An id made from a name and a date: `daca-citizenship-saturday-fresno-2027-03-13`; none without both. */
export function suggestEventId(name: string, date: string): string | undefined {
  if (!isCalendarDate(date)) return undefined;
  const words = searchText(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  if (words === '') return undefined;
  return words.endsWith(date) ? words : `${words}-${date}`;
}

/** The id itself when free, else with -2, -3… added. */
function freeId(db: Db, id: string): string {
  let candidate = id;
  for (let n = 2; findEvent(db, candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}

/** Who runs the event: an admin's choice (an organization's number, or none), else the account's own or the stored owner. */
function ownerOf(db: Db, form: EventForm, account: Account, kept: number | null | undefined): { owner: number | null; problems: EventFieldProblem[] } {
  if (account.role !== 'admin') {
    // An event made by a coordinator of no organization could be reached by nobody but admins.
    if (kept === undefined && account.organizationId === null) return { owner: null, problems: [said('name', 'noOrganizationOfYours', {}, '-')] };
    return { owner: kept === undefined ? account.organizationId : kept, problems: [] };
  }
  const chosen = (form.organization ?? '').trim();
  if (chosen === '') return { owner: null, problems: [] };
  const found = listOrganizations(db).find((o) => String(o.id) === chosen);
  return found ? { owner: found.id, problems: [] } : { owner: null, problems: [said('organization', 'noSuchOrganization')] };
}

/** What a form makes of an event, or every problem with it; `stored` is the event being changed. */
function checkForm(db: Db, form: EventForm, account: Account, stored?: { key: number; event: ClinicEvent }):
  FormOutcome<{ event: ClinicEvent; owner: number | null }> {
  // An id left empty: the stored one, or one made from the name and date (made unique).
  const typedId = (form.id ?? '').trim();
  const suggested = typedId === '' && !stored ? suggestEventId(form.name ?? '', (form.date ?? '').trim()) : undefined;
  const id = typedId !== '' ? typedId : stored ? stored.event.id : suggested && freeId(db, suggested);
  const read = readEventForm({ ...form, id: id ?? '' });
  const problems = read.problems.map((p) => (p.field === 'id' && id === undefined ? said('id', 'idNeeded') : p));
  const { owner, problems: ownerProblems } = ownerOf(db, form, account, stored ? eventOwner(db, stored.key) : undefined);
  problems.push(...ownerProblems);
  const event = read.event;
  if (event) {
    const renamed = !stored || event.id !== stored.event.id;
    if (event.id === 'new') problems.push(said('id', 'idReserved'));
    else if (renamed && findEvent(db, event.id)) problems.push(said('id', 'idTaken', { id: event.id }));
    const plans = stored && renamed ? eventContents(db, stored.key).plans : 0;
    if (stored && plans > 0) problems.push(said('id', 'idKept', { id: stored.event.id, count: plans }));
    // A coordinator who reaches the event only as a host does not edit themselves out of it.
    const org = account.organization;
    if (stored && account.role !== 'admin' && org !== null && owner !== account.organizationId && !event.hostOrgs.includes(org)) {
      problems.push(said('host_orgs', 'hostKept', { organization: org }));
    }
  }
  if (problems.length > 0 || !event) return { ok: false, problems };
  return { ok: true, event, owner };
}

/** A constraint SQLite refused: the id was taken between the check and the write. */
const isTaken = (err: unknown) => (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

/**
 * Makes a new event from a form: empty roster, no applicants, run by the account's organization
 * (an admin chooses one, or none). Audited as `event.create`.
 */
export function createEventFromForm(db: Db, form: EventForm, account: Account, actor: string): FormOutcome<{ slug: string }> {
  const checked = checkForm(db, form, account);
  if (!checked.ok) return checked;
  try {
    createEvent(db, checked.event, checked.owner, actor);
  } catch (err) {
    if (isTaken(err)) return { ok: false, problems: [said('id', 'idTaken', { id: checked.event.id })] };
    throw err;
  }
  return { ok: true, slug: checked.event.id };
}

/** A stored event's form, and who runs it; undefined when there is no such event. */
export function storedForm(db: Db, slug: string): EventForm | undefined {
  const found = loadEvent(db, slug);
  return found && formOf(found.event, eventOwner(db, found.key));
}

/** The form for a new event like a stored one: every setting but its id and date (and no people). */
export function templateForm(db: Db, slug: string): EventForm | undefined {
  const form = storedForm(db, slug);
  return form && { ...form, id: '', date: '' };
}

/** The parts of an event that differ between two versions of it, for the audit log (no personal data). */
function changedParts(before: ClinicEvent, after: ClinicEvent, ownerBefore: number | null, ownerAfter: number | null): string {
  const parts: [string, unknown, unknown][] = [
    ['id', before.id, after.id], ['name', before.name, after.name], ['date', before.date, after.date],
    ['time zone', before.timezone, after.timezone], ['hours', [before.opens, before.closes], [after.opens, after.closes]],
    ['slot minutes', before.slotMinutes, after.slotMinutes], ['site', before.site, after.site],
    ['host organizations', before.hostOrgs, after.hostOrgs], ['desks', before.desks, after.desks],
    ['minutes', before.caseTypes, after.caseTypes], ['simulation', before.simulation, after.simulation],
    ['planning', before.planning, after.planning], ['retention', before.retention ?? null, after.retention ?? null],
    ['organization', ownerBefore, ownerAfter],
  ];
  const changed = parts.filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b)).map(([name]) => name);
  return changed.length === 0 ? 'nothing changed' : `changed: ${changed.join(', ')}`;
}

/**
 * Changes a stored event from a form, keeping its roster, applicants, plans and links; its
 * plans are checked again against it. The id changes only while the event has no plan.
 * Audited as `event.update`, naming what changed. Undefined when there is no such event; a
 * refusal also gives the event's stored name, for the page.
 */
export function editEventFromForm(db: Db, slug: string, form: EventForm, account: Account, actor: string):
  (FormOutcome<{ slug: string }> & { name: string }) | undefined {
  const stored = loadEvent(db, slug);
  if (!stored) return undefined;
  const { name } = stored.event;
  const checked = checkForm(db, form, account, stored);
  if (!checked.ok) return { ...checked, name };
  const ownerBefore = eventOwner(db, stored.key);
  try {
    updateEvent(db, stored.key, checked.event, checked.owner, actor, changedParts(stored.event, checked.event, ownerBefore, checked.owner));
  } catch (err) {
    if (isTaken(err)) return { ok: false, problems: [said('id', 'idTaken', { id: checked.event.id })], name };
    throw err;
  }
  return { ok: true, slug: checked.event.id, name };
}

// ——— Deleting ———

/** What deleting an event would remove, or undefined when there is no such event. */
export function deletionOf(db: Db, slug: string): { slug: string; name: string; contents: EventContents } | undefined {
  const found = loadEvent(db, slug);
  return found && { slug, name: found.event.name, contents: eventContents(db, found.key) };
}

/**
 * Deletes an event and everything of it once the coordinator has typed its id, exactly; a
 * mismatch changes nothing and says again what deleting would remove. Undefined when there is
 * no such event.
 */
export function deleteEventConfirmed(db: Db, slug: string, typed: string, actor: string):
  ({ ok: true; removed: EventContents } | { ok: false; problems: EventFieldProblem[]; name: string; contents: EventContents }) | undefined {
  const found = loadEvent(db, slug);
  if (!found) return undefined;
  if (typed.trim() !== slug) {
    return { ok: false, problems: [said('confirm', 'confirmMismatch', { id: slug })], name: found.event.name, contents: eventContents(db, found.key) };
  }
  const { people: _people, ...removed } = deleteEvent(db, found.key, actor);
  return { ok: true, removed };
}
