/**
 * Places given up, offered on. When an applicant gives up a place the published plan gave them,
 * the event's unscheduled applicants are looked at in priority order (their priority, then the
 * planner's own lottery order) and the first who fits the place is offered it: a `place_offers`
 * row, `offered`, for the coordinator to phone them. The coordinator marks it `accepted` or
 * `declined` (then the next who fits is offered it); planning again withdraws open offers.
 *
 * Whether someone fits is decided by the planner's own rules, never by a copy of them: the
 * place's visits are given to the candidate (the same arrival, the same volunteer at each station
 * their case needs, an interpreter where they share no language, each visit as long as their case
 * and complexity make it), and the plan with that swap is checked by the rules of
 * src/planner/check.ts. A rule the published plan already broke (an import since) does not stop
 * an offer; any rule the swap breaks does. `noRoomLeft` is left out: it judges whether the reasons
 * given to those still left out are true, which the coordinator's next plan writes anew.
 */
import { DateTime } from 'luxon';
import type { Db } from '../db/index.js';
import { loadBundle } from '../db/events.js';
import type { StoredPlan } from '../db/plans.js';
import {
  addOffer, answerOffer, applicantCodes, applicantKey, auditRow, offerOf, offersOf, standingReleases,
} from '../db/offers.js';
export { withdrawOpenOffers } from '../db/offers.js';
import type { StoredOffer } from '../db/offers.js';
import { VISIT_STATIONS, canInterpret, deskMinutes, formatInstant, shareLanguage, visitMinutes } from '../domain/index.js';
import type { Bundle } from '../domain/index.js';
import {
  RULES, availability, caseCompetency, knownVolunteers, languageBridge, onSlotGrid, readContext, reviewRules, rightLengths, roleBoundaries,
  stationsInOrder, timesInSiteZone, withinApplicantWindow, withinEventHours,
} from '../planner/check.js';
import type { Context, Violation } from '../planner/check.js';
import { lotteryOf } from '../planner/index.js';
import { slackOf, withSlack } from '../planner/slack.js';
import type { PlanJson, ScheduledJson, VisitJson } from '../planner/types.js';
import { publishedPlan } from './plans.js';

/** A plan and the applicants it is checked against. */
export interface PlanWith {
  bundle: Bundle;
  plan: PlanJson;
}

/** The summary's counts, as `summaryMatches` reads them, for a plan whose days were changed by hand. */
function recount(bundle: Bundle, plan: PlanJson): PlanJson {
  const priority = new Map(bundle.applicants.map((a) => [a.id, a.priority]));
  return {
    ...plan,
    summary: {
      ...plan.summary,
      applicants: bundle.applicants.length,
      scheduled: plan.scheduled.length,
      scheduled_weight: plan.scheduled.reduce((sum, s) => sum + (priority.get(s.applicant) ?? 0), 0),
      interpreted_visits: plan.scheduled.reduce((sum, s) => sum + s.visits.filter((v) => v.interpreter !== null).length, 0),
    },
  };
}

/** The plan with `released` gone from it and from the applicants: their place free. */
export function withoutApplicant(bundle: Bundle, plan: PlanJson, released: string): PlanWith {
  const rest = { ...bundle, applicants: bundle.applicants.filter((a) => a.id !== released) };
  return {
    bundle: rest,
    plan: recount(rest, {
      ...plan, scheduled: plan.scheduled.filter((s) => s.applicant !== released), unscheduled: plan.unscheduled.filter((u) => u.applicant !== released),
    }),
  };
}

/**
 * The candidate's day in the released place: the same arrival and the same volunteer at each
 * station their case needs; no interpreter where that volunteer shares one of their languages,
 * else the first who can bridge them (the place's own interpreter first, then the place's others,
 * then the roster's); each visit starting when the released one did, or when the candidate's
 * previous step ends if that is later, and lasting as their case, complexity and interpretation
 * make it. Undefined when their case needs a station the place has no visit at. The rules, not
 * this proposal, decide whether it fits.
 */
export function dayInPlace(bundle: Bundle, place: ScheduledJson, candidate: string): ScheduledJson | undefined {
  const applicant = bundle.applicants.find((a) => a.id === candidate);
  if (!applicant) return undefined;
  const { event } = bundle;
  const volunteers = new Map(bundle.volunteers.map((v) => [v.id, v]));
  const needed = VISIT_STATIONS.filter((station) => (event.caseTypes[applicant.caseType]?.[station] ?? 0) > 0);
  const byStation = new Map(place.visits.map((v) => [v.station, v]));
  if (needed.some((station) => !byStation.has(station))) return undefined;
  const read = (iso: string): DateTime => DateTime.fromISO(iso, { zone: event.timezone });
  const later = (a: DateTime, b: DateTime): DateTime => (a > b ? a : b);
  const booked = [...new Set(place.visits.map((v) => v.interpreter).filter((i): i is string => i !== null))];
  const roster = bundle.volunteers.filter((v) => v.role === 'interpreter').map((v) => v.id);
  const checkInMinutes = deskMinutes(event, applicant.caseType, 'check_in');
  let arrival: DateTime = read(place.arrival);
  let cursor: DateTime = arrival.plus({ minutes: checkInMinutes });
  const visits: VisitJson[] = needed.map((station, index) => {
    const was = byStation.get(station)!;
    const volunteer = volunteers.get(was.volunteer);
    const staffLanguages = volunteer?.languages ?? [];
    const interpreter = shareLanguage(staffLanguages, applicant.languages) ? null
      : [was.interpreter, ...booked, ...roster].find((id): id is string => {
        const who = id === null ? undefined : volunteers.get(id);
        return who !== undefined && canInterpret(who, applicant.languages, staffLanguages, applicant.caseType);
      }) ?? was.interpreter;
    const start = later(read(was.start), cursor);
    // Without a check-in the day starts at the first visit: the arrival moves with it.
    if (index === 0 && checkInMinutes === 0) arrival = start;
    cursor = start.plus({ minutes: visitMinutes(event, applicant.caseType, station, applicant.complexity, interpreter !== null) });
    return { station, volunteer: was.volunteer, interpreter, start: formatInstant(start), end: formatInstant(cursor) };
  });
  const finalMinutes = deskMinutes(event, applicant.caseType, 'final_check');
  const finalStart = place.final_check ? later(read(place.final_check.start), cursor) : cursor;
  return {
    applicant: candidate,
    arrival: formatInstant(arrival),
    check_in: checkInMinutes > 0 ? { start: formatInstant(arrival), end: formatInstant(arrival.plus({ minutes: checkInMinutes })) } : null,
    visits,
    final_check: finalMinutes > 0 ? { start: formatInstant(finalStart), end: formatInstant(finalStart.plus({ minutes: finalMinutes })) } : null,
  };
}

/**
 * The plan with the candidate in the released applicant's place (the released applicant gone
 * from it and from the applicants), or undefined when there is no such day (see dayInPlace).
 */
export function swapIn(bundle: Bundle, plan: PlanJson, released: string, candidate: string): PlanWith | undefined {
  const place = plan.scheduled.find((s) => s.applicant === released);
  if (!place || !plan.unscheduled.some((u) => u.applicant === candidate)) return undefined;
  const day = dayInPlace(bundle, place, candidate);
  if (!day) return undefined;
  const rest = withoutApplicant(bundle, plan, released);
  return {
    bundle: rest.bundle,
    plan: recount(rest.bundle, {
      ...plan,
      scheduled: plan.scheduled.map((s) => (s.applicant === released ? day : s)),
      unscheduled: plan.unscheduled.filter((u) => u.applicant !== released && u.applicant !== candidate),
    }),
  };
}

/** The rules a swap is judged by: every rule of the planner but `noRoomLeft` (see the header). */
const SWAP_RULES = Object.entries(RULES).filter(([name]) => name !== 'noRoomLeft').map(([, rule]) => rule);

/** The rules that read one applicant's day alone: a quick first look before the whole plan is checked. */
const DAY_RULES = [knownVolunteers, timesInSiteZone, onSlotGrid, stationsInOrder, rightLengths, withinEventHours, withinApplicantWindow,
  roleBoundaries, reviewRules, caseCompetency, languageBridge, availability];

const violationKey = (v: Violation) => `${v.rule}|${v.applicant ?? ''}|${v.volunteer ?? ''}|${v.message}`;

/**
 * The first of `order` who fits the place `released` gave up, with the plan as the swap makes
 * it; undefined when nobody does. Only applicants the plan leaves out are tried.
 *
 * The rules read a plan through its context (src/planner/check.ts, as checkPlan reads it: on the
 * day its slack leaves). The context of the plan with the place free is read once; each swap's is
 * that one with the candidate's day read and added, so a candidate costs a read of one day, the
 * rules that read one day alone on it, and, only when those hold, the rules on the whole plan.
 */
export function firstFit(bundle: Bundle, plan: PlanJson, released: string, order: readonly string[]): { candidate: string; plan: PlanJson } | undefined {
  if (!plan.scheduled.some((s) => s.applicant === released)) return undefined;
  const free = withoutApplicant(bundle, plan, released);
  const day = withSlack(free.bundle, slackOf(plan));
  const freeContext = readContext(day, free.plan);
  // What the plan broke already (an import since it was made) is no fault of the candidate's.
  const before = new Set(SWAP_RULES.flatMap((rule) => rule(freeContext)).map(violationKey));
  for (const candidate of order) {
    const swapped = swapIn(bundle, plan, released, candidate);
    if (!swapped) continue;
    const stay = swapped.plan.scheduled.find((s) => s.applicant === candidate)!;
    const alone = readContext(day, { ...swapped.plan, scheduled: [stay], shifts: [] });
    if (DAY_RULES.some((rule) => rule(alone).length > 0)) continue;
    const context: Context = {
      ...freeContext, plan: swapped.plan, stays: [...freeContext.stays, ...alone.stays], badTimes: [...freeContext.badTimes, ...alone.badTimes],
    };
    if (SWAP_RULES.every((rule) => rule(context).every((v) => before.has(violationKey(v))))) return { candidate, plan: swapped.plan };
  }
  return undefined;
}

/**
 * The plan's unscheduled applicants in the order a place is offered: highest priority first,
 * then as the planner's lottery draws them with the plan's seed.
 */
export function offerOrder(bundle: Bundle, plan: PlanJson, seed: number = bundle.event.planning.seed): string[] {
  const priority = new Map(bundle.applicants.map((a) => [a.id, a.priority]));
  const draw = new Map(lotteryOf(bundle, seed).map((id, index) => [id, index]));
  return plan.unscheduled.map((u) => u.applicant).filter((id) => priority.has(id))
    .sort((a, b) => priority.get(b)! - priority.get(a)! || (draw.get(a) ?? Infinity) - (draw.get(b) ?? Infinity) || a.localeCompare(b));
}

const seedOf = (bundle: Bundle, stored: StoredPlan) => (typeof stored.options.seed === 'number' ? stored.options.seed : bundle.event.planning.seed);

export type OfferOutcome =
  | { kind: 'offered'; offerId: number; candidate: string }
  /** Nobody left out fits the place: it stays free. */
  | { kind: 'nobody' }
  /** The place is not in the published plan (nothing published, or the applicant has no day in it). */
  | { kind: 'no_place' }
  /** The place is offered to someone already, or was taken. */
  | { kind: 'taken' };

/**
 * Offers the place an applicant (by row number) gave up in the published version to the first
 * unscheduled applicant who fits it and has not declined it, has no open offer and took no other
 * place of this version. In one transaction, audited (by offer number).
 */
export function offerPlace(db: Db, slug: string, releasedBy: number, responseId: number | null, actor: string): OfferOutcome {
  const bundle = loadBundle(db, slug);
  if (!bundle) return { kind: 'no_place' };
  return db.transaction((tx) => {
    const published = publishedPlan(tx as unknown as Db, bundle.key);
    const code = applicantCodes(tx, [releasedBy]).get(releasedBy);
    if (!published || code === undefined || !published.plan.scheduled.some((s) => s.applicant === code)) return { kind: 'no_place' } as const;
    const offers = offersOf(tx, bundle.key).filter((o) => o.planVersion === published.version);
    const mine = offers.filter((o) => o.releasedBy === releasedBy);
    if (mine.some((o) => o.status === 'offered' || o.status === 'accepted')) return { kind: 'taken' } as const;
    const out = new Set([
      ...offers.filter((o) => o.status === 'offered' || o.status === 'accepted').map((o) => o.offeredCode),
      ...mine.filter((o) => o.status === 'declined').map((o) => o.offeredCode),
    ]);
    const order = offerOrder(bundle, published.plan, seedOf(bundle, published)).filter((id) => !out.has(id));
    const found = firstFit(bundle, published.plan, code, order);
    const offeredTo = found && applicantKey(tx, bundle.key, found.candidate);
    if (!found || offeredTo === undefined) return { kind: 'nobody' } as const;
    const offerId = addOffer(tx, { eventId: bundle.key, responseId, releasedBy, offeredTo, planVersion: published.version });
    auditRow(tx, actor, 'offer.create', bundle.key, `offer ${offerId}, version ${published.version}`);
    return { kind: 'offered', offerId, candidate: found.candidate } as const;
  }, { behavior: 'immediate' });
}

export type AnswerOutcome =
  | { kind: 'accepted' }
  | { kind: 'declined'; next: OfferOutcome }
  | { kind: 'not_open' }
  | { kind: 'not_found' };

/** The coordinator phoned the applicant offered a place: they take it. */
export function acceptOffer(db: Db, slug: string, offerId: number, actor: string, now = new Date()): AnswerOutcome {
  const bundle = loadBundle(db, slug);
  const offer = bundle && offerOf(db, bundle.key, offerId);
  if (!bundle || !offer) return { kind: 'not_found' };
  if (!answerOffer(db, offerId, 'accepted', now.toISOString())) return { kind: 'not_open' };
  auditRow(db, actor, 'offer.accept', bundle.key, `offer ${offerId}`);
  return { kind: 'accepted' };
}

/** The applicant offered a place does not take it (or cannot be reached): the next who fits is offered it. */
export function declineOffer(db: Db, slug: string, offerId: number, actor: string, now = new Date()): AnswerOutcome {
  const bundle = loadBundle(db, slug);
  const offer = bundle && offerOf(db, bundle.key, offerId);
  if (!bundle || !offer) return { kind: 'not_found' };
  if (!answerOffer(db, offerId, 'declined', now.toISOString())) return { kind: 'not_open' };
  auditRow(db, actor, 'offer.decline', bundle.key, `offer ${offerId}`);
  if (offer.releasedBy === null) return { kind: 'declined', next: { kind: 'no_place' } };
  return { kind: 'declined', next: offerPlace(db, slug, offer.releasedBy, offer.responseId, actor) };
}

/**
 * Looks again for someone to offer a place given up: one whose applicant still stands by giving
 * it up, in the published version, with no open or accepted offer (after a plan withdrew its
 * offer, say, or when someone new was added to the applicants).
 */
export function offerAgain(db: Db, slug: string, releasedCode: string, actor: string): OfferOutcome {
  const bundle = loadBundle(db, slug);
  if (!bundle) return { kind: 'no_place' };
  const release = standingReleases(db, bundle.key).find((r) => r.code === releasedCode);
  if (!release) return { kind: 'no_place' };
  return offerPlace(db, slug, release.applicantId, release.responseId, actor);
}

/** A place given up in the published version, and where its offers stand. */
export interface ReleasedPlace {
  code: string;
  releasedAt: string;
  /** The place's day as the published version gives it. */
  day: ScheduledJson;
  /** Its offers of this version, newest first. */
  offers: StoredOffer[];
}

/** What the coordinator's offers page reads: the published version, the places given up in it, and every offer. */
export interface OfferBoard {
  bundle: Bundle & { key: number };
  published: StoredPlan | undefined;
  places: ReleasedPlace[];
  offers: StoredOffer[];
}

/** The offers page's facts of an event, or undefined when there is no such event. */
export function offerBoard(db: Db, slug: string): OfferBoard | undefined {
  const bundle = loadBundle(db, slug);
  if (!bundle) return undefined;
  const published = publishedPlan(db, bundle.key);
  const offers = offersOf(db, bundle.key);
  const days = new Map((published?.plan.scheduled ?? []).map((s) => [s.applicant, s]));
  const places = standingReleases(db, bundle.key).flatMap((r) => {
    const day = days.get(r.code);
    return day ? [{
      code: r.code, releasedAt: r.createdAt, day,
      offers: offers.filter((o) => o.releasedBy === r.applicantId && o.planVersion === published!.version),
    }] : [];
  });
  return { bundle, published, places, offers };
}
