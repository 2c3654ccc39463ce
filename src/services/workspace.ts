/**
 * The plan workspace's use cases: from a stored plan and its bundle to what the pages show
 * (a timeline of volunteers and desks through the day, each station's steps, one applicant's
 * itinerary, the applicants left out with what would help), and planning from the page, each
 * event's running plan kept in a small registry so that someone who leaves and comes back finds
 * it. Everything here is in elapsed minutes since opening and the plan's own instants: the
 * view models (src/http/workspace-view.ts) read them on the site's clock, in the page's language.
 */
import { DESK_STATIONS, openingInstant } from '../domain/index.js';
import type { Bundle, DeskStation, Role, Station, VisitStation, Volunteer, Window } from '../domain/index.js';
import type { PlanJson, PlanWarning, ScheduledJson, UnscheduledReason } from '../planner/types.js';
import { deskWarnings } from '../planner/warnings.js';
import type { EstimateJson } from '../throughput/index.js';
import type { LayoutChange } from '../throughput/layout.js';
import type { PlanOutcome, PlanRequest, Planner } from './plans.js';
import { planEvent } from './plans.js';
import type { Db } from '../db/index.js';
import { loadBundle } from '../db/events.js';
import { listPlans, loadPlan } from '../db/plans.js';
import type { PlanVersion, StoredPlan } from '../db/plans.js';
import { purgedAt } from '../db/purge.js';

/** Minutes since opening of an instant of the plan (elapsed, so a day with a clock change still measures right). */
const minutesFrom = (opening: number) => (iso: string) => Math.round((Date.parse(iso) - opening) / 60_000);

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

// ---------------------------------------------------------------------------------------------
// The timeline

export type BlockKind = 'visit' | 'interpreting' | 'shift' | 'unstaffed' | 'desk';

/** One stretch of a row: a visit, an interpreted visit, a desk shift, a desk's steps or its unstaffed time. */
export interface Block {
  kind: BlockKind;
  /** Minutes since opening; `end` exclusive. */
  start: number;
  end: number;
  station: Station;
  /** The applicant seen (visits and interpreting). */
  applicant?: string;
  /** Whom an interpreter interprets for, or who a visit's interpreter is. */
  partner?: string | null;
  /** A desk's steps that start in the stretch. */
  steps?: number;
}

/** How the rows are grouped: by the station a volunteer works at most, then interpreters, desks, and whoever is not booked. */
export const GROUPS = ['screening', 'preparation', 'review', 'interpreters', 'desks', 'unbooked'] as const;
export type Group = (typeof GROUPS)[number];

export interface TimelineRow {
  key: string;
  group: Group;
  /** A volunteer's row (null for a desk's own row). */
  volunteer: { id: string; name: string; role: Role | null } | null;
  /** A desk's own row: its steps and its unstaffed stretches. */
  desk: DeskStation | null;
  blocks: Block[];
  booked: number;
  available: number;
  /** Share of the available time booked; null where nothing is available. */
  share: number | null;
  /** The busiest row of all (by share). */
  busiest: boolean;
}

export interface TimelineGroup {
  group: Group;
  rows: TimelineRow[];
  /** Share of its people's (or desks') time booked; null for groups not compared. */
  share: number | null;
  bottleneck: boolean;
}

/** A part of the day drawn as one table: the whole day, or a half of it. */
export interface DayPart {
  from: number;
  to: number;
}

export interface Timeline {
  /** The instant of opening, in ms, and the event's zone: view models read minutes on its clock. */
  opening: number;
  zone: string;
  /** Width of one column in minutes (the slot, or less where a step needs it). */
  unit: number;
  from: number;
  to: number;
  /** Minutes since opening of each full hour of the site's clock in the day. */
  hours: number[];
  parts: DayPart[];
  groups: TimelineGroup[];
  /** The busiest station or desk by share of time booked, and the busiest volunteer. */
  bottleneck: { group: Group; share: number; desk?: DeskStation } | null;
  busiest: { volunteer: string; share: number } | null;
  warnings: PlanWarning[];
}

/** A day longer than this is drawn in two halves, so each prints legibly on its own page. */
const ONE_PART_MINUTES = 4 * 60;

/** Minutes of `windows` inside [from, to). */
function minutesInside(windows: readonly Window[], from: number, to: number): number {
  return windows.reduce((sum, w) => sum + Math.max(0, Math.min(to, w.end) - Math.max(from, w.start)), 0);
}

/** The full hours of the site's clock between two elapsed minutes. */
function fullHours(bundle: Bundle, from: number, to: number): number[] {
  const opening = openingInstant(bundle.event);
  const hours: number[] = [];
  let at = opening.plus({ minutes: from });
  if (at.minute !== 0 || at.second !== 0) at = at.startOf('hour').plus({ hours: 1 });
  for (; ; at = at.plus({ hours: 1 })) {
    const m = Math.round(at.diff(opening, 'minutes').minutes);
    if (m > to) break;
    hours.push(m);
  }
  return hours;
}

/**
 * The timeline of a plan: a row per volunteer (the roster's order within each group, and anyone
 * the plan books who has left the roster), a row per desk with its steps and the stretches
 * nobody staffs, and the busiest station and volunteer by share of time booked.
 */
export function timelineOf(bundle: Bundle, plan: PlanJson): Timeline {
  const { event } = bundle;
  const opening = openingInstant(event).toMillis();
  const at = minutesFrom(opening);
  const byVolunteer = new Map<string, Block[]>();
  const add = (id: string, block: Block) => {
    const list = byVolunteer.get(id);
    if (list) list.push(block);
    else byVolunteer.set(id, [block]);
  };
  const deskSteps: Record<DeskStation, { start: number; end: number }[]> = { check_in: [], final_check: [] };
  for (const s of plan.scheduled) {
    if (s.check_in) deskSteps.check_in.push({ start: at(s.check_in.start), end: at(s.check_in.end) });
    if (s.final_check) deskSteps.final_check.push({ start: at(s.final_check.start), end: at(s.final_check.end) });
    for (const v of s.visits) {
      const span = { start: at(v.start), end: at(v.end), station: v.station, applicant: s.applicant };
      add(v.volunteer, { kind: 'visit', ...span, partner: v.interpreter });
      if (v.interpreter) add(v.interpreter, { kind: 'interpreting', ...span, partner: v.volunteer });
    }
  }
  for (const sh of plan.shifts) add(sh.volunteer, { kind: 'shift', start: at(sh.start), end: at(sh.end), station: sh.station });
  const warnings = deskWarnings(bundle, plan);

  // The drawn day: opening to closing, widened to whatever the plan books outside it.
  const all = [...byVolunteer.values()].flat();
  const from = Math.min(0, ...all.map((b) => b.start));
  const to = Math.max(event.dayMinutes, ...all.map((b) => b.end));
  const hours = fullHours(bundle, from, to);

  const rows: TimelineRow[] = [];
  const dayWindow = (v: Volunteer | undefined) => (v ? minutesInside(v.available, 0, event.dayMinutes) : 0);
  const rowOf = (id: string, v: Volunteer | undefined): TimelineRow => {
    const blocks = (byVolunteer.get(id) ?? []).sort((a, b) => a.start - b.start || a.end - b.end);
    const minutesAt = new Map<Group, number>();
    for (const b of blocks) {
      const group: Group = b.kind === 'interpreting' ? 'interpreters' : b.kind === 'shift' ? 'desks' : b.station as VisitStation;
      minutesAt.set(group, (minutesAt.get(group) ?? 0) + (b.end - b.start));
    }
    const booked = [...minutesAt.values()].reduce((a, b) => a + b, 0);
    const group = [...minutesAt].sort((a, b) => b[1] - a[1] || GROUPS.indexOf(a[0]) - GROUPS.indexOf(b[0]))[0]?.[0] ?? 'unbooked';
    const available = dayWindow(v);
    return {
      key: `v:${id}`, group, volunteer: { id, name: v?.name ?? '', role: v?.role ?? null }, desk: null, blocks,
      booked, available, share: available > 0 ? booked / available : null, busiest: false,
    };
  };
  for (const v of bundle.volunteers) rows.push(rowOf(v.id, v));
  const onRoster = new Set(bundle.volunteers.map((v) => v.id));
  for (const id of [...byVolunteer.keys()].filter((id) => !onRoster.has(id)).sort()) rows.push(rowOf(id, undefined));

  // Each desk: its steps hour by hour, and the stretches nobody staffs.
  for (const desk of DESK_STATIONS) {
    const steps = deskSteps[desk].sort((a, b) => a.start - b.start);
    const unstaffed = warnings.filter((w) => w.station === desk).map((w) => ({ start: at(w.start), end: at(w.end), steps: w.steps }));
    const blocks: Block[] = unstaffed.map((u) => ({ kind: 'unstaffed', station: desk, ...u }));
    const cuts = [...new Set([from, ...hours, to, ...unstaffed.flatMap((u) => [u.start, u.end])])].sort((a, b) => a - b);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [s, e] = [cuts[i]!, cuts[i + 1]!];
      if (unstaffed.some((u) => u.start <= s && e <= u.end)) continue;
      const n = steps.filter((x) => x.start >= s && x.start < e).length;
      if (n > 0) blocks.push({ kind: 'desk', station: desk, start: s, end: e, steps: n });
    }
    blocks.sort((a, b) => a.start - b.start);
    const booked = steps.reduce((sum, x) => sum + (x.end - x.start), 0);
    const available = event.desks[desk] * event.dayMinutes;
    rows.push({
      key: `d:${desk}`, group: 'desks', volunteer: null, desk, blocks, booked, available,
      share: available > 0 ? booked / available : null, busiest: false,
    });
  }

  const groups: TimelineGroup[] = GROUPS.map((group) => {
    const members = rows.filter((r) => r.group === group);
    // A station's share: the time its people are booked over the time they are there; desks count each desk's own row.
    const counted = group === 'desks' ? members.filter((r) => r.desk !== null) : group === 'unbooked' ? [] : members;
    const available = counted.reduce((sum, r) => sum + r.available, 0);
    const booked = counted.reduce((sum, r) => sum + r.booked, 0);
    return { group, rows: members, share: available > 0 && counted.length > 0 ? booked / available : null, bottleneck: false };
  }).filter((g) => g.rows.length > 0);
  // Desks compared one by one: a jammed check-in desk is not hidden by a quiet final check.
  const deskShares = rows.filter((r) => r.desk !== null && r.share !== null).map((r) => ({ group: 'desks' as Group, share: r.share!, desk: r.desk! }));
  const candidates: { group: Group; share: number; desk?: DeskStation }[] = [
    ...groups.filter((g) => g.share !== null && g.group !== 'desks').map((g) => ({ group: g.group, share: g.share! })),
    ...deskShares,
  ].sort((a, b) => b.share - a.share);
  const bottleneck = candidates[0] && candidates[0].share > 0 ? candidates[0] : null;
  if (bottleneck) groups.find((g) => g.group === bottleneck.group)!.bottleneck = true;
  // The busiest volunteer among those who see applicants: a greeter on shift is booked all day by design.
  const people = rows.filter((r) => r.volunteer !== null && r.group !== 'desks' && r.share !== null && r.booked > 0)
    .sort((a, b) => b.share! - a.share! || a.key.localeCompare(b.key));
  const top = people[0];
  if (top) top.busiest = true;
  // A desk that is the bottleneck is marked on its own row too.
  if (bottleneck?.desk) rows.find((r) => r.desk === bottleneck.desk)!.busiest = true;

  const ticks = [from, to, ...hours, ...all.flatMap((b) => [b.start, b.end])];
  const unit = ticks.reduce((g, m) => gcd(g, m - from), event.slotMinutes) || event.slotMinutes;
  const parts = halves(from, to, hours);
  return {
    opening, zone: event.timezone, unit, from, to, hours, parts, groups, bottleneck,
    busiest: top ? { volunteer: top.volunteer!.id, share: top.share! } : null, warnings,
  };
}

/** The day in one part, or two halves split at the full hour nearest its middle. */
function halves(from: number, to: number, hours: number[]): DayPart[] {
  if (to - from <= ONE_PART_MINUTES) return [{ from, to }];
  const middle = (from + to) / 2;
  const inner = hours.filter((h) => h > from && h < to);
  const cut = inner.length > 0 ? inner.reduce((best, h) => (Math.abs(h - middle) < Math.abs(best - middle) ? h : best)) : Math.round(middle);
  return [{ from, to: cut }, { from: cut, to }];
}

// ---------------------------------------------------------------------------------------------
// Stations, itineraries

export interface StationStep {
  start: string;
  end: string;
  applicant: string;
  /** Who serves at a visit station; at a desk, whoever is on shift there when the step starts. */
  volunteers: string[];
  interpreter: string | null;
  /** A desk step when nobody is on shift. */
  unstaffed: boolean;
}

/** Every step planned at a station, by start. */
export function stationSteps(plan: PlanJson, station: Station): StationStep[] {
  const steps: StationStep[] = [];
  if (station === 'check_in' || station === 'final_check') {
    const shifts = plan.shifts.filter((sh) => sh.station === station).map((sh) => ({ ...sh, s: Date.parse(sh.start), e: Date.parse(sh.end) }));
    for (const s of plan.scheduled) {
      const step = station === 'check_in' ? s.check_in : s.final_check;
      if (!step) continue;
      const at = Date.parse(step.start);
      const on = shifts.filter((sh) => sh.s <= at && at < sh.e).map((sh) => sh.volunteer);
      // A roster with no greeters leaves desks to whoever is there: only a roster with shifts can leave one unstaffed.
      steps.push({ ...step, applicant: s.applicant, volunteers: on, interpreter: null, unstaffed: plan.shifts.length > 0 && on.length === 0 });
    }
  } else {
    for (const s of plan.scheduled) {
      for (const v of s.visits) {
        if (v.station === station) steps.push({ start: v.start, end: v.end, applicant: s.applicant, volunteers: [v.volunteer], interpreter: v.interpreter, unstaffed: false });
      }
    }
  }
  return steps.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.applicant.localeCompare(b.applicant));
}

export interface ItineraryStep {
  station: Station;
  start: string;
  end: string;
  volunteer: string | null;
  interpreter: string | null;
  /** Minutes waited since the step before (or since arrival). */
  waitBefore: number;
}

export type Itinerary =
  | { kind: 'scheduled'; applicant: string; arrival: string; leaves: string; steps: ItineraryStep[]; minutes: number }
  | { kind: 'unscheduled'; applicant: string; reason: UnscheduledReason; detail: string }
  | { kind: 'not_planned'; applicant: string };

/** One applicant's day in order: arrival, check-in, each visit, final check; or why they have none. */
export function itineraryOf(plan: PlanJson, applicant: string): Itinerary {
  const s = plan.scheduled.find((x) => x.applicant === applicant);
  if (!s) {
    const u = plan.unscheduled.find((x) => x.applicant === applicant);
    return u ? { kind: 'unscheduled', applicant, reason: u.reason, detail: u.detail } : { kind: 'not_planned', applicant };
  }
  const raw: Omit<ItineraryStep, 'waitBefore'>[] = [
    ...(s.check_in ? [{ station: 'check_in' as Station, ...s.check_in, volunteer: null, interpreter: null }] : []),
    ...s.visits.map((v) => ({ station: v.station as Station, start: v.start, end: v.end, volunteer: v.volunteer, interpreter: v.interpreter })),
    ...(s.final_check ? [{ station: 'final_check' as Station, ...s.final_check, volunteer: null, interpreter: null }] : []),
  ].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  let last = Date.parse(s.arrival);
  const steps = raw.map((step) => {
    const waitBefore = Math.max(0, Math.round((Date.parse(step.start) - last) / 60_000));
    last = Date.parse(step.end);
    return { ...step, waitBefore };
  });
  const leaves = lastEnd(s);
  return { kind: 'scheduled', applicant, arrival: s.arrival, leaves, steps, minutes: Math.round((Date.parse(leaves) - Date.parse(s.arrival)) / 60_000) };
}

const lastEnd = (s: ScheduledJson) => [s.check_in?.end, s.final_check?.end, ...s.visits.map((v) => v.end)]
  .filter((x): x is string => x !== undefined).sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? s.arrival;

// ---------------------------------------------------------------------------------------------
// The unscheduled, and what would help

/** What would help someone left out: a volunteer of a kind, a change in the room, or advice for their reason. */
export type Help =
  | { kind: 'addition'; role: Role; languages: string[]; gain: number }
  | { kind: 'layout'; change: LayoutChange; gain: number }
  | { kind: 'advice'; reason: UnscheduledReason; languages: string[]; caseType: string };

export interface UnscheduledItem {
  applicant: string;
  name: string;
  languages: string[];
  caseType: string;
  detail: string;
  help: Help;
}

export interface UnscheduledGroup {
  reason: UnscheduledReason;
  items: UnscheduledItem[];
  /** The distinct changes that would help this group, most gain first, each with how many of it it reaches. */
  helps: { help: Help; count: number }[];
}

/** A what-if's gain worth saying: about one more person served at least (as the event page counts). */
const WORTH = 0.5;

/**
 * Those left out, by reason (most first), each with the change that would help them: the
 * estimate's what-if volunteer that speaks their language and could do the work their reason
 * lacks, else a change in the room for a full day, else advice for the reason. Without an
 * estimate (it is still being simulated), advice only.
 */
export function unscheduledOf(bundle: Bundle, plan: PlanJson, estimate: EstimateJson | null): UnscheduledGroup[] {
  const applicants = new Map(bundle.applicants.map((a) => [a.id, a]));
  const additions = (estimate?.what_if ?? []).filter((w) => w.served_gain >= WORTH).sort((a, b) => b.served_gain - a.served_gain);
  const layouts = (estimate?.what_if_layout ?? []).filter((w) => w.served_gain >= WORTH).sort((a, b) => b.served_gain - a.served_gain);
  const legal: Role[] = ['attorney', 'accredited_rep'];
  const groups = new Map<UnscheduledReason, UnscheduledItem[]>();
  for (const u of plan.unscheduled) {
    const a = applicants.get(u.applicant);
    const languages = a?.languages ?? [];
    const caseType = a?.caseType ?? '';
    const speaks = (w: { add: { languages: string[] } }) => w.add.languages.some((l) => languages.includes(l));
    const fits = (w: (typeof additions)[number]) => {
      switch (u.reason) {
        case 'no_language_match': return speaks(w);
        case 'no_competent_volunteer': return speaks(w) && w.add.role !== 'interpreter';
        case 'no_eligible_reviewer': return speaks(w) && legal.includes(w.add.role as Role);
        case 'no_capacity': return speaks(w);
        default: return false;
      }
    };
    const found = additions.find(fits);
    const layout = u.reason === 'no_capacity' ? layouts[0] : undefined;
    const help: Help = found ? { kind: 'addition', role: found.add.role as Role, languages: found.add.languages, gain: found.served_gain }
      : layout ? { kind: 'layout', change: layout.change, gain: layout.served_gain }
        : { kind: 'advice', reason: u.reason, languages, caseType };
    const item = { applicant: u.applicant, name: a?.name ?? '', languages, caseType, detail: u.detail, help };
    const list = groups.get(u.reason);
    if (list) list.push(item);
    else groups.set(u.reason, [item]);
  }
  const helpKey = (h: Help) => (h.kind === 'addition' ? `a|${h.role}|${h.languages.join(';')}` : h.kind === 'layout' ? `l|${JSON.stringify(h.change)}`
    : `r|${h.reason}|${h.languages.join(';')}|${h.caseType}`);
  return [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([reason, items]) => {
    const helps = new Map<string, { help: Help; count: number }>();
    for (const item of items) {
      const key = helpKey(item.help);
      const seen = helps.get(key);
      if (seen) seen.count++;
      else helps.set(key, { help: item.help, count: 1 });
    }
    // A change in the room reaches everyone a full day leaves out: the best one is offered beside the volunteers, for all of them.
    if (reason === 'no_capacity' && layouts[0]) {
      helps.set(helpKey({ kind: 'layout', change: layouts[0].change, gain: 0 }), { help: { kind: 'layout', change: layouts[0].change, gain: layouts[0].served_gain }, count: items.length });
    }
    const gainOf = (h: Help) => (h.kind === 'advice' ? -1 : h.gain);
    return { reason, items, helps: [...helps.values()].sort((x, y) => gainOf(y.help) - gainOf(x.help) || y.count - x.count) };
  });
}

// ---------------------------------------------------------------------------------------------
// Planning from the page

/** The options the page's form sends, as the API's plan request takes them. */
export interface PlanForm {
  mode?: string;
  quick?: string;
  fairness?: string;
  selection?: string;
  finish_probability?: string;
  seed?: string;
  iterations?: string;
  release?: string;
  confirm?: string;
}

export type FormProblem = { field: keyof PlanForm; problem: 'finishProbability' | 'seed' | 'iterations' | 'release' | 'choice' };

/** The form read as a plan request, or what is wrong with it (field by field). */
export function planRequestOf(form: PlanForm, applicantIds: ReadonlySet<string>, iterationCap: number): { request: PlanRequest } | { problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const request: PlanRequest = {};
  if (form.mode === 'fresh') request.fresh = true;
  else if (form.mode !== undefined && form.mode !== '' && form.mode !== 'replan') problems.push({ field: 'mode', problem: 'choice' });
  if (form.quick === '1' || form.quick === 'on') request.quick = true;
  if (form.fairness === 'none' || form.fairness === 'proportional') request.fairness = form.fairness;
  else if (form.fairness) problems.push({ field: 'fairness', problem: 'choice' });
  if (form.selection === 'fair' || form.selection === 'most') request.selection = form.selection;
  else if (form.selection) problems.push({ field: 'selection', problem: 'choice' });
  const p = (form.finish_probability ?? '').trim().replace(',', '.');
  if (p !== '') {
    // "80" and "80%" read as a percentage, "0.8" as a share.
    const n = Number(p.replace(/%$/, ''));
    const share = p.endsWith('%') || n > 1 ? n / 100 : n;
    if (!Number.isFinite(n) || share < 0 || share > 0.99) problems.push({ field: 'finish_probability', problem: 'finishProbability' });
    else request.finishProbability = Math.round(share * 100) / 100;
  }
  const whole = (text: string | undefined, field: 'seed' | 'iterations', min: number, max: number) => {
    const t = (text ?? '').trim();
    if (t === '') return undefined;
    const n = Number(t);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push({ field, problem: field });
      return undefined;
    }
    return n;
  };
  const seed = whole(form.seed, 'seed', -(2 ** 31), 2 ** 31 - 1);
  if (seed !== undefined) request.seed = seed;
  const iterations = whole(form.iterations, 'iterations', 0, iterationCap);
  if (iterations !== undefined) request.iterations = iterations;
  const release = [...new Set((form.release ?? '').split(/[\s,;]+/).map((x) => x.trim()).filter((x) => x !== ''))];
  if (release.some((id) => !applicantIds.has(id))) problems.push({ field: 'release', problem: 'release' });
  else if (release.length > 0) request.release = release;
  if (form.confirm === '1' || form.confirm === 'on') request.confirm = true;
  return problems.length > 0 ? { problems } : { request };
}

/** A plan run from the page: running, or how it ended. */
export interface PlanRun {
  slug: string;
  /** When it started, in ms since the epoch. */
  startedAt: number;
  endedAt: number | null;
  actor: string;
  request: PlanRequest;
  state: 'running' | 'done' | 'failed';
  /** How a finished run ended: a version stored, a confirmation asked for, or a refusal. */
  outcome: Exclude<PlanOutcome, { kind: 'planned' }> | { kind: 'planned'; version: number; scheduled: number; applicants: number } | null;
  /** A failed run's sentence. */
  error: string | null;
  /** Settles when the run ends. */
  done: Promise<void>;
}

/**
 * Each event's plan run from the page, kept in memory while it runs and for a while after it
 * ends (so the page can say what it made), the oldest ended runs forgotten first.
 */
export class PlanRuns {
  private readonly runs = new Map<string, PlanRun>();

  constructor(readonly keepMs = 60 * 60 * 1000, readonly most = 500, private readonly now = () => Date.now()) {}

  /** The event's run, running or ended within the last `keepMs`. */
  get(slug: string): PlanRun | undefined {
    this.sweep();
    return this.runs.get(slug);
  }

  /**
   * Starts planning the event unless a run of it is going already (that run is answered then):
   * the plan runs in `planner` (the worker pool), its version stored by planEvent.
   */
  start(db: Db, slug: string, request: PlanRequest, actor: string, planner: Planner, fault: (error: unknown) => string): { run: PlanRun; started: boolean } {
    const going = this.get(slug);
    if (going?.state === 'running') return { run: going, started: false };
    const run: PlanRun = {
      slug, startedAt: this.now(), endedAt: null, actor, request, state: 'running', outcome: null, error: null, done: Promise.resolve(),
    };
    run.done = planEvent(db, slug, request, actor, planner).then((made) => {
      run.state = 'done';
      run.outcome = made.kind === 'planned'
        ? { kind: 'planned', version: made.version, scheduled: made.plan.summary.scheduled, applicants: made.plan.summary.applicants } : made;
    }, (error: unknown) => {
      run.state = 'failed';
      run.error = fault(error);
    }).finally(() => {
      run.endedAt = this.now();
    });
    this.runs.set(slug, run);
    return { run, started: true };
  }

  private sweep(): void {
    const now = this.now();
    for (const [slug, run] of this.runs) if (run.endedAt !== null && now - run.endedAt > this.keepMs) this.runs.delete(slug);
    if (this.runs.size <= this.most) return;
    const ended = [...this.runs.values()].filter((r) => r.endedAt !== null).sort((a, b) => a.endedAt! - b.endedAt!);
    for (const run of ended.slice(0, this.runs.size - this.most)) this.runs.delete(run.slug);
  }
}

// ---------------------------------------------------------------------------------------------
// Opening the workspace

export interface OpenWorkspace {
  bundle: Bundle & { key: number };
  /** The version shown: the one asked for, else the latest; undefined before any plan. */
  stored: StoredPlan | undefined;
  versions: PlanVersion[];
  /** The version people hold (published last), if any. */
  held: number | null;
  purgedAt: string | null;
}

/**
 * What every view of the workspace starts from: the event, the version to show and every
 * version. Undefined when there is no such event, or no such version of it.
 */
export function openWorkspace(db: Db, slug: string, version?: number): OpenWorkspace | undefined {
  const bundle = loadBundle(db, slug);
  if (!bundle) return undefined;
  const stored = loadPlan(db, bundle.key, version);
  if (version !== undefined && !stored) return undefined;
  const versions = listPlans(db, bundle.key);
  const published = versions.filter((v) => v.publishedAt !== null)
    .sort((a, b) => b.publishedAt!.localeCompare(a.publishedAt!) || b.version - a.version)[0];
  return { bundle, stored, versions, held: published?.version ?? null, purgedAt: purgedAt(db, bundle.key) };
}
