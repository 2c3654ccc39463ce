import { DateTime } from 'luxon';
import {
  canInterpret, clockAt, deskMinutes, insideOneWindow, isCompetent, mayReview, mayStaff, openingInstant, shareLanguage,
  supervisionCovers, visitMinutes, VISIT_STATIONS,
} from '../domain/index.js';
import type { Applicant, Bundle, Volunteer } from '../domain/index.js';
import type { PlanJson, ScheduledJson, VisitJson } from './types.js';
import { UNSCHEDULED_REASONS } from './types.js';
import { slackOf, withSlack } from './slack.js';
import { alikeKey, buildModel } from './model.js';
import { pathsOf, slotAt, stillFits } from './paths.js';
import { ALONE, findPath, Schedule } from './schedule.js';
import type { Path } from './schedule.js';

/** One broken rule, named, with who it concerns and a sentence saying what is wrong. */
export interface Violation {
  rule: string;
  applicant?: string;
  volunteer?: string;
  message: string;
}

interface Span {
  start: number;
  end: number;
}

/** A scheduled applicant with every time read as elapsed minutes since the event opened. */
interface Stay {
  json: ScheduledJson;
  applicant: Applicant | undefined;
  arrival: number;
  checkIn: Span | null;
  visits: (Span & { json: VisitJson })[];
  finalCheck: Span | null;
}

/** What every rule reads: the plan's times as elapsed minutes, and the roster by id. */
export interface Context {
  bundle: Bundle;
  plan: PlanJson;
  volunteers: Map<string, Volunteer>;
  stays: Stay[];
  shifts: (Span & { volunteer: string; station: string })[];
  /** Instants that could not be read, or carry another offset than the site's at that instant. */
  badTimes: { where: string; value: string; why: string }[];
  /** Published arrivals a re-plan had to keep (applicant → arrival): such an applicant fits only from there. */
  pins: ReadonlyMap<string, string>;
}

/** Reads a plan against its bundle once, for the rules (exported so that one rule can be run alone). */
export function readContext(bundle: Bundle, plan: PlanJson, pins: ReadonlyMap<string, string> = new Map()): Context {
  const opening = openingInstant(bundle.event);
  const badTimes: Context['badTimes'] = [];
  // A day's plan repeats the same few hundred instants (the slot grid): each is read once.
  const read = new Map<string, { minutes: number; why: string | null }>();
  const readInstant = (value: string) => {
    const t = DateTime.fromISO(value, { setZone: true });
    if (!t.isValid || !/[+-]\d{2}:\d{2}$/.test(value)) return { minutes: Number.NaN, why: 'is not an ISO 8601 time with an offset' };
    const why = t.offset !== t.setZone(bundle.event.timezone).offset ? `does not carry the site's offset at that instant (${bundle.event.timezone})` : null;
    return { minutes: t.diff(opening, 'minutes').minutes, why };
  };
  const minutes = (value: string, where: string): number => {
    let found = read.get(value);
    if (!found) read.set(value, found = readInstant(value));
    if (found.why !== null) badTimes.push({ where, value, why: found.why });
    return found.minutes;
  };
  const span = (s: { start: string; end: string } | null, where: string): Span | null =>
    s ? { start: minutes(s.start, `${where}.start`), end: minutes(s.end, `${where}.end`) } : null;
  const applicants = new Map(bundle.applicants.map((a) => [a.id, a]));
  const stays = plan.scheduled.map((json) => ({
    json,
    applicant: applicants.get(json.applicant),
    arrival: minutes(json.arrival, `${json.applicant}.arrival`),
    checkIn: span(json.check_in, `${json.applicant}.check_in`),
    visits: json.visits.map((v, i) => ({ ...span(v, `${json.applicant}.visits.${i}`)!, json: v })),
    finalCheck: span(json.final_check, `${json.applicant}.final_check`),
  }));
  const shifts = plan.shifts.map((s, i) => ({ ...span(s, `shifts.${i}`)!, volunteer: s.volunteer, station: s.station }));
  return { bundle, plan, volunteers: new Map(bundle.volunteers.map((v) => [v.id, v])), stays, shifts, badTimes, pins };
}

export type Rule = (ctx: Context) => Violation[];

/** Each applicant of the bundle is either scheduled or unscheduled, exactly once, and nobody else is. */
export const everyApplicantOnce: Rule = ({ bundle, plan }) => {
  const seen = new Map<string, number>();
  for (const id of [...plan.scheduled.map((s) => s.applicant), ...plan.unscheduled.map((u) => u.applicant)]) seen.set(id, (seen.get(id) ?? 0) + 1);
  const out: Violation[] = [];
  for (const a of bundle.applicants) {
    const n = seen.get(a.id) ?? 0;
    if (n !== 1) out.push({ rule: 'everyApplicantOnce', applicant: a.id, message: n === 0 ? `${a.id} is neither scheduled nor unscheduled` : `${a.id} appears ${n} times` });
  }
  const known = new Set(bundle.applicants.map((a) => a.id));
  for (const id of seen.keys()) if (!known.has(id)) out.push({ rule: 'everyApplicantOnce', applicant: id, message: `${id} is not an applicant of this event` });
  return out;
};

/** Every volunteer, interpreter and shift names someone on the roster. */
export const knownVolunteers: Rule = ({ volunteers, stays, shifts }) => {
  const out: Violation[] = [];
  const check = (id: string | null, applicant?: string) => {
    if (id !== null && !volunteers.has(id)) out.push({ rule: 'knownVolunteers', volunteer: id, applicant, message: `${id} is not on the roster` });
  };
  for (const s of stays) for (const v of s.visits) { check(v.json.volunteer, s.json.applicant); check(v.json.interpreter, s.json.applicant); }
  for (const s of shifts) check(s.volunteer);
  return out;
};

/** Times are ISO 8601 with the site's UTC offset at that instant. */
export const timesInSiteZone: Rule = ({ badTimes }) =>
  badTimes.map((b) => ({ rule: 'timesInSiteZone', message: `${b.where} ${b.value} ${b.why}` }));

function allSpans(stay: Stay): Span[] {
  return [stay.checkIn, ...stay.visits, stay.finalCheck].filter((s): s is Span => s !== null);
}

/** Every start lies on the slot grid counted from opening. */
export const onSlotGrid: Rule = ({ bundle, stays, shifts }) => {
  const slot = bundle.event.slotMinutes;
  const off = (m: number) => Number.isFinite(m) && Math.abs(m / slot - Math.round(m / slot)) > 1e-9;
  const out: Violation[] = [];
  for (const s of stays) {
    if ([s.arrival, ...allSpans(s).flatMap((x) => [x.start, x.end])].some(off)) {
      out.push({ rule: 'onSlotGrid', applicant: s.json.applicant, message: `${s.json.applicant} has a time off the ${slot}-minute grid` });
    }
  }
  for (const sh of shifts) if (off(sh.start) || off(sh.end)) out.push({ rule: 'onSlotGrid', volunteer: sh.volunteer, message: `a shift of ${sh.volunteer} is off the grid` });
  return out;
};

/** Each applicant visits exactly the stations their case needs, in order, after arriving and checking in. */
export const stationsInOrder: Rule = ({ bundle, stays }) => {
  const out: Violation[] = [];
  for (const s of stays) {
    const a = s.applicant;
    if (!a) continue;
    const needed = VISIT_STATIONS.filter((st) => (bundle.event.caseTypes[a.caseType]?.[st] ?? 0) > 0);
    const given = s.visits.map((v) => v.json.station);
    if (needed.join() !== given.join()) {
      out.push({ rule: 'stationsInOrder', applicant: a.id, message: `${a.id} needs ${needed.join(', ')} but visits ${given.join(', ') || 'nothing'}` });
      continue;
    }
    if (s.checkIn ? s.checkIn.start !== s.arrival : s.visits[0] && s.visits[0].start !== s.arrival) {
      out.push({ rule: 'stationsInOrder', applicant: a.id, message: `${a.id}'s arrival is not when their day starts` });
    }
    const steps = allSpans(s);
    for (let i = 1; i < steps.length; i++) {
      if (steps[i]!.start < steps[i - 1]!.end) out.push({ rule: 'stationsInOrder', applicant: a.id, message: `${a.id} starts a step before the previous one ends` });
    }
  }
  return out;
};

/** Each visit lasts the catalog minutes × complexity × interpretation, rounded up; desks their own minutes. */
export const rightLengths: Rule = ({ bundle, stays }) => {
  const { event } = bundle;
  const out: Violation[] = [];
  for (const s of stays) {
    const a = s.applicant;
    if (!a) continue;
    for (const v of s.visits) {
      const want = visitMinutes(event, a.caseType, v.json.station, a.complexity, v.json.interpreter !== null);
      if (v.end - v.start !== want) out.push({ rule: 'rightLengths', applicant: a.id, message: `${a.id}'s ${v.json.station} lasts ${v.end - v.start} minutes, not ${want}` });
    }
    for (const [desk, span] of [['check_in', s.checkIn], ['final_check', s.finalCheck]] as const) {
      const want = deskMinutes(event, a.caseType, desk);
      const got = span ? span.end - span.start : 0;
      if (got !== want || (want === 0) !== (span === null)) out.push({ rule: 'rightLengths', applicant: a.id, message: `${a.id}'s ${desk} lasts ${got} minutes, not ${want}` });
    }
  }
  return out;
};

/** Everything happens between opening and closing. */
export const withinEventHours: Rule = ({ bundle, stays, shifts }) => {
  const out: Violation[] = [];
  const outside = (x: Span) => x.start < 0 || x.end > bundle.event.dayMinutes;
  for (const s of stays) if (allSpans(s).some(outside)) out.push({ rule: 'withinEventHours', applicant: s.json.applicant, message: `${s.json.applicant} is scheduled outside ${bundle.event.opens}–${bundle.event.closes}` });
  for (const sh of shifts) if (outside(sh)) out.push({ rule: 'withinEventHours', volunteer: sh.volunteer, message: `a shift of ${sh.volunteer} is outside the event's hours` });
  return out;
};

/** An applicant's whole stay, check-in to the end of final check, lies inside one of their windows. */
export const withinApplicantWindow: Rule = ({ stays }) => stays.flatMap((s) => {
  const spans = allSpans(s);
  if (!s.applicant || spans.length === 0) return [];
  const start = s.arrival;
  const end = spans[spans.length - 1]!.end;
  return insideOneWindow(s.applicant.available, start, end) ? [] : [{ rule: 'withinApplicantWindow', applicant: s.applicant.id, message: `${s.applicant.id} cannot be there for their whole stay` }];
});

function eachVisit(ctx: Context, fn: (a: Applicant, v: Volunteer, visit: Stay['visits'][number], interpreter: Volunteer | undefined) => Violation | null): Violation[] {
  const out: Violation[] = [];
  for (const s of ctx.stays) {
    if (!s.applicant) continue;
    for (const visit of s.visits) {
      const v = ctx.volunteers.get(visit.json.volunteer);
      if (!v) continue;
      const interpreter = visit.json.interpreter === null ? undefined : ctx.volunteers.get(visit.json.interpreter);
      const found = fn(s.applicant, v, visit, interpreter);
      if (found) out.push(found);
    }
  }
  return out;
}

/** A volunteer staffs only stations their role allows (role boundaries are legal boundaries). */
export const roleBoundaries: Rule = (ctx) => eachVisit(ctx, (a, v, visit) =>
  mayStaff(v.role, visit.json.station) ? null
    : { rule: 'roleBoundaries', applicant: a.id, volunteer: v.id, message: `${v.id} (${v.role}) may not staff ${visit.json.station}` });

/** Review is by an attorney, or by an eligible accredited rep of a host organization. */
export const reviewRules: Rule = (ctx) => eachVisit(ctx, (a, v, visit) =>
  visit.json.station !== 'review' || mayReview(v, a, ctx.bundle.event) ? null
    : { rule: 'reviewRules', applicant: a.id, volunteer: v.id, message: `${v.id} (${v.role}) may not review ${a.id}'s case` });

/** A volunteer or interpreter with a case-type list handles only those types. */
export const caseCompetency: Rule = (ctx) => eachVisit(ctx, (a, v, _visit, i) => {
  const who = [v, ...(i ? [i] : [])].find((p) => !isCompetent(p, a.caseType));
  return who ? { rule: 'caseCompetency', applicant: a.id, volunteer: who.id, message: `${who.id} does not handle ${a.caseType}` } : null;
});

/** Each visit shares a language, or books an interpreter who speaks one of each side's. */
export const languageBridge: Rule = (ctx) => eachVisit(ctx, (a, v, visit, i) => {
  if (visit.json.interpreter === null ? shareLanguage(v.languages, a.languages) : i !== undefined && canInterpret(i, a.languages, v.languages, a.caseType)) return null;
  return { rule: 'languageBridge', applicant: a.id, volunteer: v.id, message: `${v.id} and ${a.id} share no language${i ? ` that ${i.id} can bridge` : ''}` };
});

/** Volunteers and interpreters work inside their availability; a law student while the supervisor is there. */
export const availability: Rule = (ctx) => eachVisit(ctx, (a, v, visit, i) => {
  const who = [v, ...(i ? [i] : [])].find((p) => !insideOneWindow(p.available, visit.start, visit.end));
  if (who) return { rule: 'availability', applicant: a.id, volunteer: who.id, message: `${who.id} is not available for ${a.id}'s ${visit.json.station}` };
  if (v.role === 'law_student' && !supervisionCovers(ctx.volunteers.get(v.supervisor ?? ''), visit.start, visit.end)) {
    return { rule: 'availability', applicant: a.id, volunteer: v.id, message: `${v.id}'s supervisor is not there for the whole of ${a.id}'s ${visit.json.station}` };
  }
  return null;
});

/** Nobody is in two places at once: visits, interpreting and desk shifts never overlap for one person. */
export const noDoubleBooking: Rule = ({ stays, shifts }) => {
  const byPerson = new Map<string, { span: Span; what: string }[]>();
  const add = (id: string, span: Span, what: string) => {
    const items = byPerson.get(id);
    if (items) items.push({ span, what });
    else byPerson.set(id, [{ span, what }]);
  };
  for (const s of stays) {
    for (const v of s.visits) {
      add(v.json.volunteer, v, `${s.json.applicant}'s ${v.json.station}`);
      if (v.json.interpreter !== null) add(v.json.interpreter, v, `interpreting ${s.json.applicant}'s ${v.json.station}`);
    }
  }
  for (const sh of shifts) add(sh.volunteer, sh, `a ${sh.station} shift`);
  const out: Violation[] = [];
  for (const [id, items] of byPerson) {
    items.sort((x, y) => x.span.start - y.span.start);
    // Compare each item with the earlier one that ends last, so a long visit overlapping several short ones counts each.
    let last = items[0]!;
    for (let k = 1; k < items.length; k++) {
      if (items[k]!.span.start < last.span.end) {
        out.push({ rule: 'noDoubleBooking', volunteer: id, message: `${id} is booked for ${last.what} and ${items[k]!.what} at once` });
      }
      if (items[k]!.span.end > last.span.end) last = items[k]!;
    }
  }
  return out;
};

/** A volunteer serves (or interprets for) at most `max_applicants` distinct applicants. */
export const maxApplicants: Rule = ({ stays, volunteers }) => {
  const served = new Map<string, Set<string>>();
  for (const s of stays) for (const v of s.visits) for (const id of [v.json.volunteer, v.json.interpreter]) {
    if (id !== null) served.set(id, (served.get(id) ?? new Set()).add(s.json.applicant));
  }
  const out: Violation[] = [];
  for (const [id, set] of served) {
    const max = volunteers.get(id)?.maxApplicants;
    if (max !== undefined && set.size > max) out.push({ rule: 'maxApplicants', volunteer: id, message: `${id} serves ${set.size} applicants, more than their ${max}` });
  }
  return out;
};

/** Check-in and final check hold at most their desk count at any moment. */
export const deskCapacity: Rule = ({ bundle, stays }) => {
  const out: Violation[] = [];
  for (const [desk, pick] of [['check_in', (s: Stay) => s.checkIn], ['final_check', (s: Stay) => s.finalCheck]] as const) {
    const events = stays.map(pick).filter((x): x is Span => x !== null)
      .flatMap((x) => [[x.start, 1], [x.end, -1]] as const).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    let open = 0;
    for (const [at, delta] of events) {
      open += delta;
      if (open > bundle.event.desks[desk]) {
        out.push({ rule: 'deskCapacity', message: `${open} applicants at ${desk} at minute ${at} of the day, with ${bundle.event.desks[desk]} desks` });
        break;
      }
    }
  }
  return out;
};

/** A desk shift goes to someone who may staff that desk, while they are available. */
export const shiftRules: Rule = ({ shifts, volunteers }) => shifts.flatMap((sh) => {
  const v = volunteers.get(sh.volunteer);
  if (!v) return [];
  if (!mayStaff(v.role, sh.station as 'check_in')) return [{ rule: 'shiftRules', volunteer: v.id, message: `${v.id} (${v.role}) may not staff ${sh.station}` }];
  return insideOneWindow(v.available, sh.start, sh.end) ? [] : [{ rule: 'shiftRules', volunteer: v.id, message: `${v.id}'s ${sh.station} shift is outside their availability` }];
});

/** An unscheduled applicant has a reason from the list and a sentence a coordinator can act on. */
export const unscheduledReasons: Rule = ({ plan }) => plan.unscheduled.flatMap((u) =>
  (UNSCHEDULED_REASONS as readonly string[]).includes(u.reason) && u.detail.trim() !== '' ? []
    : [{ rule: 'unscheduledReasons', applicant: u.applicant, message: `${u.applicant} has no valid reason and detail` }]);

/** The summary counts what the plan holds. */
export const summaryMatches: Rule = ({ plan, stays, bundle }) => {
  const weight = stays.reduce((sum, s) => sum + (s.applicant?.priority ?? 0), 0);
  const interpreted = stays.reduce((sum, s) => sum + s.visits.filter((v) => v.json.interpreter !== null).length, 0);
  const wrong: string[] = [];
  if (plan.summary.applicants !== bundle.applicants.length) wrong.push('applicants');
  if (plan.summary.scheduled !== plan.scheduled.length) wrong.push('scheduled');
  if (plan.summary.scheduled_weight !== weight) wrong.push('scheduled_weight');
  if (plan.summary.interpreted_visits !== interpreted) wrong.push('interpreted_visits');
  return wrong.map((field) => ({ rule: 'summaryMatches', message: `summary.${field} does not match the plan` }));
};

/**
 * Nobody left out as `no_capacity` fits the plan as it stands: a day found for them on the
 * plan's own bookings (earliest finish at every step) would make the reason untrue. Judged
 * only on a plan whose days can all be booked as given, as the planner books them; one that
 * cannot breaks other rules.
 */
export const noRoomLeft: Rule = ({ bundle, plan, pins }) => {
  const full = plan.unscheduled.filter((u) => u.reason === 'no_capacity');
  if (full.length === 0) return [];
  const model = buildModel(bundle);
  const schedule = new Schedule(model);
  const paths = pathsOf(model, plan);
  for (const app of model.apps) {
    const path = paths[app.index];
    if (!path) continue;
    if (!stillFits(schedule, app, path)) return [];
    schedule.commit(app, path);
  }
  const byId = new Map(model.apps.map((a) => [a.applicant.id, a]));
  const answers = new Map<string, Path | null>();
  return full.flatMap((u) => {
    const app = byId.get(u.applicant);
    if (!app) return [];
    const pin = pins.get(u.applicant);
    const at = pin === undefined ? undefined : slotAt(model)(pin);
    const key = alikeKey(app, at);
    if (!answers.has(key)) answers.set(key, findPath(schedule, app, ALONE, at));
    const path = answers.get(key)!;
    return path ? [{
      rule: 'noRoomLeft', applicant: u.applicant,
      message: `${u.applicant} is left out as "no capacity" but fits the plan as it stands, arriving ${clockAt(bundle.event, path.arrival * model.slotMinutes)}`,
    }] : [];
  });
};

/** Every rule, by name. Hard rules all: a plan that breaks one is refused. */
export const RULES: Readonly<Record<string, Rule>> = Object.freeze({
  everyApplicantOnce, knownVolunteers, timesInSiteZone, onSlotGrid, stationsInOrder, rightLengths, withinEventHours,
  withinApplicantWindow, roleBoundaries, reviewRules, caseCompetency, languageBridge, availability, noDoubleBooking,
  maxApplicants, deskCapacity, shiftRules, unscheduledReasons, summaryMatches, noRoomLeft,
});

/**
 * Checks a plan against the bundle with every rule of the clinic (src/domain); an empty list means it keeps
 * them all. `pins` gives the published arrivals a re-plan had to keep.
 */
export function checkPlan(bundle: Bundle, plan: PlanJson, pins?: ReadonlyMap<string, string>): Violation[] {
  // A plan that keeps time free before closing is checked against the day it was made for.
  const ctx = readContext(withSlack(bundle, slackOf(plan)), plan, pins);
  return Object.values(RULES).flatMap((rule) => rule(ctx));
}
