/**
 * Printed station sheets: one standalone HTML file for the tables of a clinic day.
 * A cover with the day's timeline and contacts; then, station by station, a master roster and
 * a sheet per volunteer, a sheet per desk, a sheet per interpreter, and the applicants not
 * scheduled. Each sheet starts a new page and repeats its header on every page.
 *
 * Sheets stay on site, so they carry applicants' names; red flags and complexity appear only
 * where legal volunteers work (screening, preparation, review), never on the desks' sheets,
 * which greeters staff. `sheetsView` is the view model (plain data, tested on its own);
 * `stationSheets` prints it through views/print/sheets.hbs. Sheets of a draft plan say so on
 * the cover and atop every sheet; the plan's desk warnings show on the cover and on their desk's sheet.
 */
import { DateTime } from 'luxon';
import { caseTypeName, languageName, ROLE_NAMES, STATION_NAMES as NAMES, VISIT_STATIONS } from '../domain/index.js';
import { REASON_NAMES } from '../planner/reasons.js';
import type { Applicant, Bundle, DeskStation, Station, VisitStation, Volunteer } from '../domain/index.js';
import type { IntervalJson, PlanJson, PlanWarning, ScheduledJson, UnscheduledReason } from '../planner/types.js';
import { STATION_GUIDE } from './ics.js';
import { byId, eventClock, planInstant, printTemplate } from './print.js';

export interface Contact {
  name: string;
  role?: string;
  phone?: string;
  email?: string;
}

export interface SheetsOptions {
  /** When the sheets were printed, shown on the cover; default: now. */
  now?: DateTime;
  /** People to call on the day (the organizer, the site contact), listed on the cover. */
  contacts?: readonly Contact[];
  /** The plan is not published yet: the cover and every sheet's header say times may still change. */
  draft?: boolean;
  /**
   * Compact sheets: one table per station (each volunteer's visits a block of it, several to a
   * page), one per desk and one for the interpreters, without the note lines and the master
   * rosters; a 250-applicant day on about a sixth of the pages.
   */
  compact?: boolean;
}

/** The mark on draft sheets, on the cover and in each sheet's header. */
export const DRAFT_MARK = 'DRAFT — not yet published: times may still change';

export type SectionKind = 'roster' | 'volunteer' | 'desk' | 'interpreter' | 'unscheduled';

/** One applicant at one place and time. */
export interface SheetRow {
  /** The start as the plan wrote it: for order and tests; the template prints `time`. */
  at: string;
  time: string;
  until: string;
  minutes: number;
  code: string;
  name: string;
  languages: string;
  /** The languages by name alone, for the compact sheets: "Spanish, English". */
  spoken: string;
  caseType: string;
  /** Null on the desks' sheets, which never show legal risk. */
  complexity: string | null;
  flags: string[];
  volunteer: string | null;
  interpreter: string | null;
  /** Where the applicant goes next, or where the row happens (interpreters). */
  next: string | null;
  /** The same in few words, for the compact sheets: "Preparation 9:20 AM, V003 Sofía". */
  then: string | null;
}

export interface ShiftRow {
  volunteer: string;
  languages: string;
  hours: string;
}

export interface UnscheduledRow {
  code: string;
  name: string;
  languages: string;
  caseType: string;
  reason: string;
  detail: string;
}

/** A plan warning as the sheets print it: on the cover, and on the sheet of the desk it concerns. */
export interface WarningView {
  station: DeskStation;
  /** The desk as the sheets name it, "Check-in desk". */
  desk: string;
  /** The start as the plan wrote it: for order and tests. */
  start: string;
  /** The plan's message, as a sentence. */
  message: string;
}

export interface SheetSection {
  id: string;
  kind: SectionKind;
  station: Station | null;
  volunteerId: string | null;
  kicker: string;
  title: string;
  /** Printed above the column headers on every page the table spans. */
  running: string;
  facts: string[];
  /** Flags for the template, which cannot compare. */
  isRoster: boolean;
  isUnscheduled: boolean;
  /** Complexity and red flags are printed (legal stations only). */
  legal: boolean;
  rows: SheetRow[];
  shifts: ShiftRow[];
  unscheduled: UnscheduledRow[];
  /** The plan's warnings about this desk (desk sheets only). */
  warnings: WarningView[];
}

export interface CoverView {
  eventName: string;
  date: string;
  hours: string;
  timezone: string;
  site: string;
  address: string | null;
  hosts: string[];
  contacts: { name: string; role: string | null; phone: string | null; email: string | null }[];
  printed: string;
  timeline: { label: string; time: string }[];
  stations: { name: string; visits: number; people: string }[];
  applicants: number;
  scheduled: number;
  unscheduled: number;
  interpreted: number;
  reasons: { label: string; count: number }[];
  /** Every warning of the plan, in time order. */
  warnings: WarningView[];
  /** The packet's sheets, grouped by station: what to hand to whom. */
  contents: { label: string; entries: string[] }[];
}

export interface SheetsView {
  title: string;
  /** The draft mark, or null when the plan is published. */
  draft: string | null;
  cover: CoverView;
  sections: SheetSection[];
}

export { REASON_NAMES };

/** On the sheets the desks are named as the tables people walk up to. */
const STATION_NAMES: Record<Station, string> = { ...NAMES, check_in: 'Check-in desk', final_check: 'Final check desk' };

/** The view model of the station sheets: every sheet, in print order, as plain data. */
export function sheetsView(bundle: Bundle, plan: PlanJson, options: SheetsOptions = {}): SheetsView {
  if (plan.event !== bundle.event.id) throw new Error(`the plan is for event ${plan.event}, not ${bundle.event.id}`);
  const scene = new Scene(bundle);
  const stays = [...plan.scheduled].sort((a, b) => scene.ms(a.arrival) - scene.ms(b.arrival) || byId(a.applicant, b.applicant));
  const warnings = warningViews(plan.warnings ?? []);

  const sections: SheetSection[] = [];
  sections.push(deskSection(scene, plan, stays, 'check_in', warnings));
  for (const station of VISIT_STATIONS) {
    sections.push(rosterSection(scene, stays, station));
    const ids = [...new Set(stays.flatMap((s) => s.visits.filter((v) => v.station === station).map((v) => v.volunteer)))].sort(byId);
    for (const id of ids) sections.push(volunteerSection(scene, stays, station, id));
  }
  sections.push(deskSection(scene, plan, stays, 'final_check', warnings));
  const interpreters = [...new Set(stays.flatMap((s) => s.visits.map((v) => v.interpreter)).filter((id): id is string => id !== null))].sort(byId);
  for (const id of interpreters) sections.push(interpreterSection(scene, stays, id));
  if (plan.unscheduled.length > 0) sections.push(unscheduledSection(scene, plan));

  const draft = options.draft === true;
  return {
    title: `${draft ? 'DRAFT station sheets' : 'Station sheets'} — ${bundle.event.name}`,
    draft: draft ? DRAFT_MARK : null,
    cover: cover(scene, plan, stays, sections, warnings, options),
    sections,
  };
}

/** The station sheets as one standalone HTML document (inline print stylesheet, nothing fetched). */
export function stationSheets(bundle: Bundle, plan: PlanJson, options: SheetsOptions = {}): string {
  const view = sheetsView(bundle, plan, options);
  return options.compact === true ? compactTemplate(compactView(view)) : template(view);
}

const template = printTemplate('sheets');
const compactTemplate = printTemplate('sheets-compact');

/** One person's part of a compact table: a block of rows under their name. */
export interface CompactGroup {
  id: string;
  title: string;
  facts: string[];
  rows: SheetRow[];
  /** Short enough to keep whole on one page (so it can be cut out for its volunteer). */
  short: boolean;
}

/** The most rows a block is kept whole with: about a third of a page. */
export const SHORT_GROUP = 10;

/** A compact sheet: a desk, a station (every volunteer's visits), the interpreters, or the applicants not scheduled. */
export interface CompactSection {
  id: string;
  kind: 'desk' | 'station' | 'interpreting' | 'unscheduled';
  kicker: string;
  title: string;
  running: string;
  facts: string[];
  /** The heading of the column that says where the applicant goes next (or, for interpreters, where the visit is). */
  thenLabel: string;
  /** Complexity and red flags are printed (legal stations only). */
  legal: boolean;
  isDesk: boolean;
  isUnscheduled: boolean;
  /** The desk's rows (desks only). */
  rows: SheetRow[];
  /** Each volunteer's or interpreter's rows (stations and interpreting). */
  groups: CompactGroup[];
  shifts: ShiftRow[];
  /** The applicants not scheduled, by reason. */
  reasons: { reason: string; count: number; unscheduled: UnscheduledRow[] }[];
  warnings: WarningView[];
}

export interface CompactSheetsView {
  /** Always true: the cover says these are the compact sheets. */
  compact: true;
  title: string;
  draft: string | null;
  cover: CoverView;
  sections: CompactSection[];
}

/** A volunteer's or interpreter's sheet as a block of a compact table: who, their role, languages and visits, then the rows. */
const groupOf = (s: SheetSection): CompactGroup => ({ id: s.id, title: s.title, facts: s.facts, rows: s.rows, short: s.rows.length <= SHORT_GROUP });

/** The applicants not scheduled under each reason, the commonest first. */
function byReason(rows: readonly UnscheduledRow[]): CompactSection['reasons'] {
  const groups = new Map<string, UnscheduledRow[]>();
  for (const row of rows) groups.set(row.reason, [...(groups.get(row.reason) ?? []), row]);
  return [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([reason, unscheduled]) => ({ reason, count: unscheduled.length, unscheduled }));
}

/**
 * The compact sheets from the full ones: the desks as they are, without note lines; each
 * station's volunteer sheets as blocks of one table (its master roster left out: the blocks
 * hold every visit); the interpreters' sheets as blocks of one table; the applicants not
 * scheduled as they are.
 */
export function compactView(view: SheetsView): CompactSheetsView {
  const sections: CompactSection[] = [];
  // Each section gets lists of its own: blocks are pushed into a station's list as they come.
  const base = () => ({ facts: [] as string[], thenLabel: 'Then', legal: false, isDesk: false, isUnscheduled: false, rows: [] as SheetRow[],
    groups: [] as CompactGroup[], shifts: [] as ShiftRow[], reasons: [] as CompactSection['reasons'], warnings: [] as WarningView[] });
  for (const s of view.sections) {
    if (s.kind === 'desk') {
      sections.push({ ...base(), id: s.id, kind: 'desk', kicker: s.kicker, title: s.title, running: s.running, facts: s.facts,
        isDesk: true, rows: s.rows, shifts: s.shifts, warnings: s.warnings });
    } else if (s.kind === 'unscheduled') {
      sections.push({ ...base(), id: s.id, kind: 'unscheduled', kicker: s.kicker, title: s.title, running: s.running, facts: s.facts,
        isUnscheduled: true, reasons: byReason(s.unscheduled) });
    } else if (s.kind === 'roster' && s.station !== null) {
      const name = STATION_NAMES[s.station];
      sections.push({ ...base(), id: `station-${s.station}`, kind: 'station', kicker: name, title: `${name}: every volunteer's visits`,
        running: name, facts: s.facts, legal: true });
    } else if (s.kind === 'volunteer') {
      const last = sections[sections.length - 1];
      if (last?.kind === 'station') last.groups.push(groupOf(s));
    } else if (s.kind === 'interpreter') {
      let last = sections[sections.length - 1];
      if (last?.kind !== 'interpreting') {
        last = { ...base(), id: 'interpreting', kind: 'interpreting', kicker: 'Interpreting', title: "Interpreting: every interpreter's visits",
          running: 'Interpreting', thenLabel: 'Where', legal: true, groups: [] };
        sections.push(last);
      }
      last.groups.push(groupOf(s));
    }
  }
  const interpreting = sections.find((s) => s.kind === 'interpreting');
  if (interpreting) {
    const visits = interpreting.groups.reduce((n, g) => n + g.rows.length, 0);
    interpreting.facts = [count(interpreting.groups.length, 'interpreter'), count(visits, 'visit')];
  }
  // The packet in a few lines: each sheet and how much it holds (the people are named on it).
  const contents = sections.map((s) => ({ label: s.kicker, entries: s.facts.filter((f) => !/\d:\d\d/.test(f)) }));
  return { compact: true, title: view.title, draft: view.draft, cover: { ...view.cover, contents }, sections };
}

/** Lookups and formatting shared by every sheet of one rendering. */
class Scene {
  readonly bundle: Bundle;
  private readonly applicants: Map<string, Applicant>;
  private readonly volunteers: Map<string, Volunteer>;
  private readonly instants = new Map<string, DateTime>();
  private readonly clocks = new Map<string, string>();

  constructor(bundle: Bundle) {
    this.bundle = bundle;
    this.applicants = new Map(bundle.applicants.map((a) => [a.id, a]));
    this.volunteers = new Map(bundle.volunteers.map((v) => [v.id, v]));
  }

  instant(text: string): DateTime {
    let found = this.instants.get(text);
    if (!found) {
      found = planInstant(text, this.bundle.event.timezone, 'plan time');
      this.instants.set(text, found);
    }
    return found;
  }

  ms(text: string): number {
    return this.instant(text).toMillis();
  }

  /** "9:05 AM", the site's wall clock. */
  clock(text: string): string {
    let found = this.clocks.get(text);
    if (found === undefined) {
      found = clockOf(this.instant(text));
      this.clocks.set(text, found);
    }
    return found;
  }

  applicant(id: string): Applicant | undefined {
    return this.applicants.get(id);
  }

  volunteer(id: string): Volunteer | undefined {
    return this.volunteers.get(id);
  }

  /** "V007 Héctor", as the compact sheets name a colleague: the id and the first name. */
  short(id: string): string {
    const first = this.volunteers.get(id)?.name.trim().split(/\s+/)[0];
    return first ? `${id} ${first}` : id;
  }

  /** "V007 Héctor Cervantes Jiménez", or the id alone for someone the roster no longer has. */
  person(id: string): string {
    const v = this.volunteers.get(id);
    return v ? `${id} ${v.name}` : id;
  }
}

const clockOf = (instant: DateTime) => instant.setLocale('en-US').toFormat('h:mm a');

const languagesOf = (codes: readonly string[]) => codes.map((c) => `${languageName(c)} (${c})`).join(', ');

function minutesOf(scene: Scene, span: IntervalJson): number {
  return Math.round((scene.ms(span.end) - scene.ms(span.start)) / 60_000);
}

/** One row: an applicant's span at some place, with what the sheet's kind shows. */
function row(scene: Scene, stay: ScheduledJson, span: IntervalJson, legal: boolean, extra: Partial<SheetRow> = {}): SheetRow {
  const applicant = scene.applicant(stay.applicant);
  return {
    at: span.start,
    time: scene.clock(span.start),
    until: scene.clock(span.end),
    minutes: minutesOf(scene, span),
    code: stay.applicant,
    name: applicant?.name ?? '(not on the applicant list)',
    languages: applicant ? languagesOf(applicant.languages) : '',
    spoken: applicant ? applicant.languages.map((c) => languageName(c)).join(', ') : '',
    caseType: applicant ? caseTypeName(applicant.caseType) : '',
    complexity: legal && applicant ? applicant.complexity : null,
    flags: legal && applicant ? [...applicant.flags] : [],
    volunteer: null,
    interpreter: null,
    next: null,
    then: null,
    ...extra,
  };
}

/** The languages an interpreter bridges at a visit, "Mixteco–Spanish", or null when unknown. */
function bridge(scene: Scene, stay: ScheduledJson, volunteerId: string, interpreterId: string): string | null {
  const interpreter = scene.volunteer(interpreterId);
  const applicant = scene.applicant(stay.applicant);
  const colleague = scene.volunteer(volunteerId);
  if (!interpreter || !applicant) return null;
  const spoken = applicant.languages.filter((l) => interpreter.languages.includes(l));
  const theirs = spoken.find((l) => !colleague?.languages.includes(l)) ?? spoken[0];
  const other = colleague?.languages.find((l) => interpreter.languages.includes(l) && l !== theirs);
  return theirs && other ? `${languageName(theirs)}–${languageName(other)}` : null;
}

/** The interpreter of a visit with the languages they bridge: "V008 Xóchitl Santiago, Mixteco–Spanish". */
function interpreterLabel(scene: Scene, stay: ScheduledJson, volunteerId: string, interpreterId: string): string {
  const pair = bridge(scene, stay, volunteerId, interpreterId);
  return pair ? `${scene.person(interpreterId)}, ${pair}` : scene.person(interpreterId);
}

/** Where an applicant goes after the step at `index` (-1 for check-in): the next visit or the final check. */
function nextStep(scene: Scene, stay: ScheduledJson, index: number): string | null {
  const visit = stay.visits[index + 1];
  if (visit) return `Next: ${STATION_NAMES[visit.station]} at ${scene.clock(visit.start)}, ${scene.person(visit.volunteer)}`;
  if (stay.final_check) return `Next: ${STATION_NAMES.final_check} at ${scene.clock(stay.final_check.start)}`;
  return null;
}

/** Where an applicant goes after the step at `index`, in few words: "Preparation 9:20 AM, V003 Sofía". */
function thenStep(scene: Scene, stay: ScheduledJson, index: number): string | null {
  const visit = stay.visits[index + 1];
  if (visit) return `${NAMES[visit.station]} ${scene.clock(visit.start)}, ${scene.short(visit.volunteer)}`;
  if (stay.final_check) return `${NAMES.final_check} ${scene.clock(stay.final_check.start)}`;
  return null;
}

const byTime = (a: SheetRow, b: SheetRow) => Date.parse(a.at) - Date.parse(b.at) || byId(a.code, b.code);

function span(rows: readonly SheetRow[]): string | null {
  if (rows.length === 0) return null;
  const last = rows.reduce((a, b) => (Date.parse(b.at) > Date.parse(a.at) ? b : a));
  return `${rows[0]!.time} – ${last.until}`;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The plan's warnings in time order, each message ending as a sentence. */
export function warningViews(warnings: readonly PlanWarning[]): WarningView[] {
  const at = (w: PlanWarning) => Date.parse(w.start) || 0;
  return [...warnings]
    .sort((a, b) => at(a) - at(b) || (a.station === b.station ? 0 : a.station === 'check_in' ? -1 : 1))
    .map((w) => {
      const message = w.message.trim();
      return { station: w.station, desk: STATION_NAMES[w.station], start: w.start, message: /[.!?]$/.test(message) ? message : `${message}.` };
    });
}

function section(fields: Partial<SheetSection> & Pick<SheetSection, 'id' | 'kind' | 'kicker' | 'title' | 'running'>): SheetSection {
  return {
    station: null, volunteerId: null, facts: [], isRoster: false, isUnscheduled: false, legal: false,
    rows: [], shifts: [], unscheduled: [], warnings: [], ...fields,
  };
}

function rosterSection(scene: Scene, stays: readonly ScheduledJson[], station: VisitStation): SheetSection {
  const rows = stays.flatMap((stay) => stay.visits.filter((v) => v.station === station).map((v) => row(scene, stay, v, true, {
    volunteer: scene.person(v.volunteer),
    interpreter: v.interpreter ? interpreterLabel(scene, stay, v.volunteer, v.interpreter) : null,
  }))).sort(byTime);
  const people = new Set(stays.flatMap((s) => s.visits.filter((v) => v.station === station).map((v) => v.volunteer)));
  return section({
    id: `roster-${station}`,
    kind: 'roster',
    station,
    kicker: STATION_NAMES[station],
    title: `${STATION_NAMES[station]}: master roster`,
    running: `${STATION_NAMES[station]} · master roster`,
    facts: [count(rows.length, 'visit'), count(people.size, 'volunteer'), span(rows)].filter((f): f is string => f !== null),
    isRoster: true,
    legal: true,
    rows,
  });
}

function volunteerSection(scene: Scene, stays: readonly ScheduledJson[], station: VisitStation, volunteerId: string): SheetSection {
  const rows = stays.flatMap((stay) => stay.visits.flatMap((v, i) => v.station === station && v.volunteer === volunteerId
    ? [row(scene, stay, v, true, {
      interpreter: v.interpreter ? interpreterLabel(scene, stay, v.volunteer, v.interpreter) : null,
      next: nextStep(scene, stay, i),
      then: thenStep(scene, stay, i),
    })]
    : [])).sort(byTime);
  const volunteer = scene.volunteer(volunteerId);
  return section({
    id: `${station}-${volunteerId}`,
    kind: 'volunteer',
    station,
    volunteerId,
    kicker: STATION_NAMES[station],
    title: scene.person(volunteerId),
    running: `${STATION_NAMES[station]} · ${scene.person(volunteerId)}`,
    facts: [
      volunteer ? ROLE_NAMES[volunteer.role] : null,
      volunteer ? `Speaks ${volunteer.languages.map((l) => languageName(l)).join(', ')}` : null,
      count(rows.length, 'visit'),
      span(rows),
    ].filter((f): f is string => f !== null),
    legal: true,
    rows,
  });
}

function interpreterSection(scene: Scene, stays: readonly ScheduledJson[], interpreterId: string): SheetSection {
  const rows = stays.flatMap((stay) => stay.visits.filter((v) => v.interpreter === interpreterId).map((v) => {
    const pair = bridge(scene, stay, v.volunteer, interpreterId);
    return row(scene, stay, v, true, {
      next: `At ${STATION_NAMES[v.station]} with ${scene.person(v.volunteer)}${pair ? `, ${pair}` : ''}`,
      then: `${NAMES[v.station]}, ${scene.short(v.volunteer)}${pair ? `; ${pair}` : ''}`,
    });
  })).sort(byTime);
  const interpreter = scene.volunteer(interpreterId);
  return section({
    id: `interpreting-${interpreterId}`,
    kind: 'interpreter',
    volunteerId: interpreterId,
    kicker: 'Interpreting',
    title: scene.person(interpreterId),
    running: `Interpreting · ${scene.person(interpreterId)}`,
    facts: [
      interpreter ? `Speaks ${interpreter.languages.map((l) => languageName(l)).join(', ')}` : null,
      count(rows.length, 'visit'),
      span(rows),
    ].filter((f): f is string => f !== null),
    legal: true,
    rows,
  });
}

function deskSection(scene: Scene, plan: PlanJson, stays: readonly ScheduledJson[], desk: DeskStation, warnings: readonly WarningView[]): SheetSection {
  const rows = stays.flatMap((stay) => {
    const step = desk === 'check_in' ? stay.check_in : stay.final_check;
    if (!step) return [];
    const last = stay.visits[stay.visits.length - 1];
    const next = desk === 'check_in'
      ? nextStep(scene, stay, -1)
      : last ? `After ${STATION_NAMES[last.station]} with ${scene.person(last.volunteer)}` : null;
    const then = desk === 'check_in'
      ? thenStep(scene, stay, -1)
      : last ? `From ${NAMES[last.station]}, ${scene.short(last.volunteer)}` : null;
    return [row(scene, stay, step, false, { next, then })];
  }).sort(byTime);
  const shifts = plan.shifts
    .filter((s) => s.station === desk)
    .sort((a, b) => scene.ms(a.start) - scene.ms(b.start) || byId(a.volunteer, b.volunteer))
    .map((s) => ({
      volunteer: scene.person(s.volunteer),
      languages: (scene.volunteer(s.volunteer)?.languages ?? []).map((l) => languageName(l)).join(', '),
      hours: `${scene.clock(s.start)} – ${scene.clock(s.end)}`,
    }));
  const desks = scene.bundle.event.desks[desk];
  return section({
    id: `desk-${desk}`,
    kind: 'desk',
    station: desk,
    kicker: STATION_NAMES[desk],
    title: desk === 'check_in' ? 'Check-in desk: every arrival' : 'Final check desk: every packet',
    running: STATION_NAMES[desk],
    facts: [count(desks, 'desk'), count(rows.length, 'applicant'), span(rows)].filter((f): f is string => f !== null),
    rows,
    shifts,
    warnings: warnings.filter((w) => w.station === desk),
  });
}

function unscheduledSection(scene: Scene, plan: PlanJson): SheetSection {
  const unscheduled = [...plan.unscheduled].sort((a, b) => byId(a.applicant, b.applicant)).map((u) => {
    const applicant = scene.applicant(u.applicant);
    return {
      code: u.applicant,
      name: applicant?.name ?? '(not on the applicant list)',
      languages: applicant ? languagesOf(applicant.languages) : '',
      caseType: applicant ? caseTypeName(applicant.caseType) : '',
      reason: REASON_NAMES[u.reason] ?? u.reason,
      detail: u.detail,
    };
  });
  return section({
    id: 'unscheduled',
    kind: 'unscheduled',
    kicker: 'Not scheduled',
    title: 'Applicants not scheduled',
    running: 'Not scheduled',
    facts: [count(unscheduled.length, 'applicant'), 'if one comes, the check-in lead decides whether a volunteer can fit them in'],
    isUnscheduled: true,
    unscheduled,
  });
}

function cover(
  scene: Scene, plan: PlanJson, stays: readonly ScheduledJson[], sections: readonly SheetSection[],
  warnings: WarningView[], options: SheetsOptions,
): CoverView {
  const { event } = scene.bundle;
  const ends = stays.map((s) => s.final_check?.end ?? s.visits[s.visits.length - 1]?.end ?? s.arrival);
  const lastEnd = ends.reduce<string | null>((a, b) => (a === null || scene.ms(b) > scene.ms(a) ? b : a), null);
  const opens = eventClock(event, event.opens);
  const closes = eventClock(event, event.closes);
  const timeline = [
    { label: 'Doors open', time: clockOf(opens) },
    { label: 'First arrival', time: stays[0] ? scene.clock(stays[0].arrival) : '—' },
    { label: 'Last final check ends', time: lastEnd ? scene.clock(lastEnd) : '—' },
    { label: 'Closing', time: clockOf(closes) },
  ];
  const visits = (station: VisitStation) => stays.flatMap((s) => s.visits).filter((v) => v.station === station);
  const deskCount = (desk: DeskStation) => stays.filter((s) => (desk === 'check_in' ? s.check_in : s.final_check) !== null).length;
  const deskStaff = (desk: DeskStation) => new Set(plan.shifts.filter((s) => s.station === desk).map((s) => s.volunteer)).size;
  const stations = [
    { name: STATION_GUIDE.check_in.name, visits: deskCount('check_in'), people: `${count(event.desks.check_in, 'desk')}, ${count(deskStaff('check_in'), 'person', 'people')} on shift` },
    ...VISIT_STATIONS.map((station) => ({
      name: STATION_GUIDE[station].name,
      visits: visits(station).length,
      people: count(new Set(visits(station).map((v) => v.volunteer)).size, 'volunteer'),
    })),
    { name: STATION_GUIDE.final_check.name, visits: deskCount('final_check'), people: `${count(event.desks.final_check, 'desk')}, ${count(deskStaff('final_check'), 'person', 'people')} on shift` },
  ];
  const reasons = new Map<string, number>();
  for (const u of plan.unscheduled) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
  const now = options.now ?? DateTime.now();
  return {
    eventName: event.name,
    date: opens.setLocale('en-US').toLocaleString(DateTime.DATE_HUGE),
    hours: `${clockOf(opens)} – ${clockOf(closes)}`,
    timezone: event.timezone,
    site: event.site.name || 'Site to be announced',
    address: event.site.address ?? null,
    hosts: [...event.hostOrgs],
    contacts: (options.contacts ?? []).map((c) => ({ name: c.name, role: c.role ?? null, phone: c.phone ?? null, email: c.email ?? null })),
    printed: now.setZone(event.timezone).setLocale('en-US').toFormat("LLL d, yyyy 'at' h:mm a"),
    timeline,
    stations,
    applicants: plan.summary.applicants,
    scheduled: stays.length,
    unscheduled: plan.unscheduled.length,
    interpreted: stays.flatMap((s) => s.visits).filter((v) => v.interpreter !== null).length,
    reasons: [...reasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([reason, n]) => ({ label: REASON_NAMES[reason as UnscheduledReason] ?? reason, count: n })),
    warnings,
    contents: contentsOf(sections),
  };
}

function contentsOf(sections: readonly SheetSection[]): CoverView['contents'] {
  const groups: CoverView['contents'] = [];
  for (const s of sections) {
    const entry = s.kind === 'volunteer' || s.kind === 'interpreter' ? s.title : s.title.replace(`${s.kicker}: `, '');
    const last = groups[groups.length - 1];
    if (last?.label === s.kicker) last.entries.push(entry);
    else groups.push({ label: s.kicker, entries: [entry] });
  }
  return groups;
}
