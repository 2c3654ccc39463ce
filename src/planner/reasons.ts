import {
  canInterpret, caseTypeName, clockAt, isCompetent, languageName, mayReview, mayStaff, reviewNeedsAttorney, shareLanguage,
} from '../domain/index.js';
import type { Applicant, Bundle, VisitStation, Volunteer } from '../domain/index.js';
import type { App, Model } from './model.js';
import { ALONE, findPath, Schedule } from './schedule.js';
import type { UnscheduledJson, UnscheduledReason } from './types.js';


/** Each reason as a heading a coordinator can act on at the door. */
export const REASON_NAMES: Readonly<Record<UnscheduledReason, string>> = Object.freeze({
  invalid: 'Their own hours make the stay impossible',
  no_language_match: 'No shared language or interpreter',
  no_eligible_reviewer: 'No eligible reviewer',
  no_competent_volunteer: 'Nobody handles the case type',
  outside_hours: 'Outside the workshop hours',
  no_capacity: 'The day is full',
});

const STATION_VERB: Record<VisitStation, string> = { screening: 'screen', preparation: 'prepare', review: 'review' };

/** "a DACA renewal", "an advance parole", "an I-90": the article as the name is said aloud. */
const withArticle = (name: string) => (/^([aeiou]|I-|N-)/i.test(name) && !/^(u[^n]|eu)/i.test(name) ? `an ${name}` : `a ${name}`);

const STEPS = new Intl.ListFormat('en', { type: 'conjunction' });

const clock = (bundle: Bundle, minutes: number) => clockAt(bundle.event, minutes);

/**
 * A name as it reads mid-sentence: "Naturalization (N-400)" → "naturalization (N-400)"; "DACA renewal" and a
 * proper name such as "Temporary Protected Status (TPS)" unchanged.
 */
const inSentence = (name: string) => (/^[A-Z][a-z]/.test(name) && !/^\S+ [A-Z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name);

const langs = (codes: string[]) => codes.map((c) => `${languageName(c)} (${c})`).join(' or ');

/** Who may staff a station for this applicant by role and review rules alone. */
function staff(bundle: Bundle, a: Applicant, station: VisitStation): Volunteer[] {
  return bundle.volunteers.filter((v) => mayStaff(v.role, station) && (station !== 'review' || mayReview(v, a, bundle.event)));
}

function bridged(interpreters: Volunteer[], a: Applicant, v: Volunteer): boolean {
  return shareLanguage(v.languages, a.languages)
    || interpreters.some((i) => i.id !== v.id && canInterpret(i, a.languages, v.languages, a.caseType));
}

/** Answers that depend only on an applicant's class, remembered per model: thousands of applicants share a few hundred classes. */
const memo = new WeakMap<Model, Map<string, unknown>>();
function remembered<T>(model: Model, key: string, compute: () => T): T {
  let cache = memo.get(model);
  if (!cache) memo.set(model, (cache = new Map()));
  if (!cache.has(key)) cache.set(key, compute());
  return cache.get(key) as T;
}

interface Explanation {
  reason: UnscheduledReason;
  detail: string;
  /** For a missing language bridge: the applicant's languages and the staff's most common one. */
  bridge?: { from: string; to: string };
}

/**
 * Why one applicant is not on the plan: the first reason that applies, in the public
 * order, with a sentence a coordinator can act on.
 */
export function explain(model: Model, app: App, schedule: Schedule): Explanation {
  const { bundle } = model;
  const a = app.applicant;
  const klass = model.classes[app.classId]!;
  const stayMinutes = klass.minimumStay * model.slotMinutes;
  const name = inSentence(caseTypeName(a.caseType));
  const kind = withArticle(name);

  // Hours they did not narrow (the whole day) are the workshop's, not theirs: a day too short is the event's hours.
  const wholeDay = a.available.some((w) => w.start <= 0 && w.end >= bundle.event.dayMinutes);
  if (wholeDay && bundle.event.dayMinutes < stayMinutes) {
    return { reason: 'outside_hours', detail: `the workshop's hours (${bundle.event.opens}–${bundle.event.closes}) are shorter than the ${stayMinutes} minutes ${kind} takes here` };
  }
  if (a.available.every((w) => w.end - w.start < stayMinutes)) {
    const given = a.available.map((w) => `${clock(bundle, w.start)}–${clock(bundle, w.end)}`).join(', ');
    return { reason: 'invalid', detail: `can come only ${given}, but ${kind} takes at least ${stayMinutes} minutes here` };
  }
  const staffOf = (station: VisitStation) => remembered(model, `staff|${app.classId}|${station}`, () => staff(bundle, a, station));
  const interpreters = remembered(model, 'interpreters', () => bundle.volunteers.filter((v) => v.role === 'interpreter'));
  const ableOf = (station: VisitStation) => remembered(model, `able|${app.classId}|${station}`, () => staffOf(station).filter((v) => bridged(interpreters, a, v)));
  for (const need of klass.stations) {
    const people = staffOf(need.station);
    if (people.length > 0 && ableOf(need.station).length === 0) {
      const staffLanguages = new Map<string, number>();
      for (const v of people) for (const l of v.languages) staffLanguages.set(l, (staffLanguages.get(l) ?? 0) + 1);
      const to = [...staffLanguages].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]![0];
      return {
        reason: 'no_language_match',
        detail: `nobody who can ${STATION_VERB[need.station]} a case speaks ${langs(a.languages)}, and no interpreter bridges to them`,
        bridge: { from: a.languages[0]!, to },
      };
    }
  }
  if (klass.stations.some((n) => n.station === 'review') && staffOf('review').length === 0) {
    const who = reviewNeedsAttorney(a) ? 'an attorney' : a.flags.includes('in_proceedings')
      ? 'an attorney or a fully accredited representative' : 'an attorney or an accredited representative of a host organization';
    return { reason: 'no_eligible_reviewer', detail: `this case needs ${who} to review it, and none is on the roster` };
  }
  for (const need of klass.stations) {
    if (!ableOf(need.station).some((v) => isCompetent(v, a.caseType))) {
      return { reason: 'no_competent_volunteer', detail: `nobody who can ${STATION_VERB[need.station]} it in their language handles ${name} cases` };
    }
  }
  const inHours = app.windows.some((w) => w.end - w.start >= klass.minimumStay);
  if (!inHours) {
    return { reason: 'outside_hours', detail: `can come only outside the workshop's hours (${bundle.event.opens}–${bundle.event.closes}) for a ${stayMinutes}-minute stay` };
  }
  for (const need of klass.stations) {
    const options = [...[...need.speakers].map((vol) => ({ vol, length: need.direct })), ...need.bridged.map((b) => ({ vol: b.vol, length: need.interpreted }))];
    const overlaps = options.some(({ vol, length }) => app.windows.some((w) => {
      const ids = model.vols[vol]!.window;
      let run = 0;
      for (let s = w.start; s < w.end; s++) {
        run = ids[s]! >= 0 && (run === 0 || ids[s] === ids[s - 1]) ? run + 1 : ids[s]! >= 0 ? 1 : 0;
        if (run >= length) return true;
      }
      return false;
    }));
    if (!overlaps) {
      return { reason: 'outside_hours', detail: `nobody who can ${STATION_VERB[need.station]} ${kind} is there while they can come` };
    }
  }
  // Everyone exists and each is there at some point; but if even an empty day has no way through, the hours are the cause.
  if (!findPath(remembered(model, 'empty', () => new Schedule(model)), app, ALONE)) {
    return { reason: 'outside_hours', detail: `the hours of those who could serve ${kind} do not line up to take them through every station while they can come` };
  }
  return { reason: 'no_capacity', detail: fullDetail(schedule, app, kind) };
}

/**
 * A published arrival no day can start from is the reason, whatever else is free: said with
 * what releasing them would give (another arrival, or none).
 */
function pinnedDetail(schedule: Schedule, app: App, at: number, full: string): string {
  const { bundle, slotMinutes } = schedule.model;
  const elsewhere = findPath(schedule, app, ALONE);
  return `the day is full at their published arrival (${clock(bundle, at * slotMinutes)}): no day through every station starts then; `
    + (elsewhere ? `released, they could come at ${clock(bundle, elsewhere.arrival * slotMinutes)} instead` : `nor at any other time: ${full}`);
}

/** Whether a desk has room for a step this long at some start inside one of the applicant's windows. */
function deskRoom(schedule: Schedule, app: App, desk: Int16Array, capacity: number, length: number): boolean {
  return length === 0 || app.windows.some((w) => schedule.deskEarliest(desk, capacity, w.start, length, w.end) >= 0);
}

/** Whether a volunteer is free for `length` slots somewhere inside the applicant's windows and may take them. */
function freeFor(schedule: Schedule, app: App, vol: number, length: number): boolean {
  return schedule.canServe(vol, app.index) && app.windows.some((w) => schedule.earliest(vol, w.start, length, w.end) >= 0);
}

/**
 * What fills the day for one applicant, said only as far as it is true of these bookings: the
 * first desk or station with nobody free while they can come, or else that the free times of
 * those who could serve them do not follow one another.
 */
function fullDetail(schedule: Schedule, app: App, kind: string): string {
  const { model } = schedule;
  const { bundle } = model;
  const klass = model.classes[app.classId]!;
  const when = app.windows.map((w) => `${clock(bundle, w.start * model.slotMinutes)}–${clock(bundle, w.end * model.slotMinutes)}`).join(', ');
  const spoken = langs(app.applicant.languages);
  if (!deskRoom(schedule, app, schedule.deskIn, model.desks.checkIn, klass.checkIn)) {
    return `the day is full: the check-in desk is taken or has nobody on shift whenever they could check in (${when})`;
  }
  for (const need of klass.stations) {
    const anyone = need.speakers.some((vol) => freeFor(schedule, app, vol, need.direct))
      || need.bridged.some((b) => freeFor(schedule, app, b.vol, need.interpreted) && b.interpreters.some((i) => freeFor(schedule, app, i, need.interpreted)));
    if (anyone) continue;
    // Free in time but at their max_applicants is a different fix (raise the limit) from booked.
    const limited = [...need.speakers, ...need.bridged.map((b) => b.vol)].some((vol) => !schedule.canServe(vol, app.index));
    return `the day is full: everyone who could ${STATION_VERB[need.station]} ${kind} in ${spoken} is booked${limited ? ' or serving as many applicants as they take' : ''} while they can come (${when})`;
  }
  if (!deskRoom(schedule, app, schedule.deskOut, model.desks.finalCheck, klass.finalCheck)) {
    return `the day is full: the final-check desk is taken or has nobody on shift whenever they could finish (${when})`;
  }
  const chain = STEPS.format(klass.stations.map((n) => STATION_VERB[n.station]));
  return `the day is full: those who could ${chain} ${kind} in ${spoken} have free time while they can come (${when}), but not one step after another`;
}

/**
 * Every unscheduled applicant's reason; a missing interpreter names the bridge and how many
 * applicants it would let in ("an interpreter for trs–es would let 3 applicants in").
 */
export function explainAll(model: Model, unscheduled: App[], schedule: Schedule, pinned: ReadonlyMap<number, number> = new Map()): UnscheduledJson[] {
  // Applicants alike in class, language order, hours and pinned arrival get the same answer: ask once.
  const cache = new Map<string, Explanation>();
  const explained = unscheduled.map((app) => {
    const at = pinned.get(app.index);
    const key = `${app.classId}|${app.applicant.languages.join(';')}|${JSON.stringify(app.applicant.available)}|${at ?? ''}`;
    let found = cache.get(key);
    if (!found) {
      found = explain(model, app, schedule);
      if (at !== undefined && found.reason === 'no_capacity') found = { reason: 'no_capacity', detail: pinnedDetail(schedule, app, at, found.detail) };
      cache.set(key, found);
    }
    return { app, ...found };
  });
  const perBridge = new Map<string, number>();
  for (const e of explained) if (e.bridge) perBridge.set(`${e.bridge.from}–${e.bridge.to}`, (perBridge.get(`${e.bridge.from}–${e.bridge.to}`) ?? 0) + 1);
  return explained.map((e) => {
    let detail = e.detail;
    if (e.bridge) {
      const key = `${e.bridge.from}–${e.bridge.to}`;
      const n = perBridge.get(key)!;
      detail += `; an interpreter for ${key} would let ${n} applicant${n === 1 ? '' : 's'} in`;
    }
    return { applicant: e.app.applicant.id, reason: e.reason, detail };
  });
}
