/**
 * Calendars: one iCalendar per volunteer per event, holding their desk shifts, their
 * visits and the visits they interpret, that stays correct when the plan changes; e-mail
 * invitations for what changed; and a public feed of workshops.
 *
 * Pure apart from formatting: no clock (`now` is given), no file system, no database.
 * Privacy: an applicant appears by code only, never by name (unless
 * `showFirstNames` adds a first name), never with a red flag, phone, e-mail or household.
 */
import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { caseTypeName, languageName, localInstant, parseClock } from '../domain/index.js';
import type { Applicant, Bundle, ClinicEvent, DeskStation, Station, Volunteer } from '../domain/index.js';
import type { PlanJson, VisitJson } from '../planner/types.js';

export const VOLUNTEER_PROD_ID = '-//Taller//Volunteer calendar//EN';
export const FEED_PROD_ID = '-//Taller//Workshops//EN';
/** The right-hand side of every UID; an installation may name its own domain. */
export const DEFAULT_UID_DOMAIN = 'taller';

export interface Organizer {
  name: string;
  email: string;
}

/** An earlier version of the plan; `bundle` is the input it was made from, when it differs from today's. */
export interface PlanVersion {
  version: number;
  plan: PlanJson;
  bundle?: Bundle;
}

export interface VolunteerEntriesOptions {
  /**
   * The versions before `plan` that volunteers may have seen (any order: sorted by `version`);
   * they set SEQUENCE and cancellations. Leave `plan` itself out, or nothing counts as changed.
   */
  history?: readonly PlanVersion[];
  organizer?: Organizer;
  /** Adds applicants' first names beside their codes; off by default. */
  showFirstNames?: boolean;
  uidDomain?: string;
}

export interface VolunteerCalendarOptions extends VolunteerEntriesOptions {
  /** DTSTAMP of every event: injected, so that the same input gives the same text. */
  now: DateTime;
  /** A full PRODID such as `-//Taller//Volunteer calendar//EN`. */
  prodId?: string;
  /** The plan is not yet published: each event says so, as its times may still change. */
  draft?: boolean;
}

export type EntryKind = 'shift' | 'visit' | 'interpreting';

/** One VEVENT of a volunteer's calendar, before it is written as text. */
export interface CalendarEntry {
  uid: string;
  /** 0 when first published, one more for each later version in which it changed or disappeared. */
  sequence: number;
  status: 'confirmed' | 'cancelled';
  /** New, changed or cancelled in the current plan against the latest earlier version (or new, without history). */
  changed: boolean;
  kind: EntryKind;
  /** In the event's zone. */
  start: DateTime;
  end: DateTime;
  summary: string;
  description: string;
  location: string;
}

/** One iTIP message (RFC 5546 allows a single UID per REQUEST or CANCEL), to e-mail as text/calendar. */
export interface Invite {
  uid: string;
  method: 'REQUEST' | 'CANCEL';
  sequence: number;
  ics: string;
}

/** The facts of a workshop the public may see: no roster, no applicants. */
export type PublicEvent = Pick<ClinicEvent, 'id' | 'name' | 'date' | 'timezone' | 'opens' | 'closes' | 'site' | 'hostOrgs'>;

export interface PublicWorkshop {
  event: PublicEvent;
  /** Raise it when the workshop's hours or site change; 0 by default. */
  sequence?: number;
  cancelled?: boolean;
}

export interface FeedOptions {
  now: DateTime;
  /** The calendar's display name. */
  name?: string;
  prodId?: string;
  organizer?: Organizer;
  uidDomain?: string;
}

/** Asked for a volunteer the event's roster does not hold (the CLI exits 2, HTTP answers 404). */
export class UnknownVolunteerError extends Error {
  readonly volunteerId: string;
  readonly eventId: string;
  constructor(volunteerId: string, eventId: string) {
    super(`volunteer ${volunteerId} is not on the roster of event ${eventId}`);
    this.name = 'UnknownVolunteerError';
    this.volunteerId = volunteerId;
    this.eventId = eventId;
  }
}

/** What each station does and what a volunteer brings, in plain words. */
export const STATION_GUIDE: Readonly<Record<Station, { name: string; does: string; bring: string }>> = Object.freeze({
  check_in: {
    name: 'Check-in desk',
    does: 'Welcome applicants, register their arrival, check ID and go through the documents checklist.',
    bring: 'A charged phone to reach the organizer; the arrivals list and checklists are at the desk.',
  },
  screening: {
    name: 'Screening',
    does: 'Intake interview: confirm the case type and collect the facts the forms need; anything that may affect eligibility goes to the reviewer.',
    bring: 'A pen; the intake questionnaire is at the station.',
  },
  preparation: {
    name: 'Preparation',
    does: 'Fill in the forms with the applicant from their documents.',
    bring: 'A charged laptop if you fill forms online, and pens; blank forms and instructions are at the station.',
  },
  review: {
    name: 'Review',
    does: 'Legal review of the prepared forms, sign-off, and next steps explained to the applicant.',
    bring: 'Your bar card or DOJ accreditation ID.',
  },
  final_check: {
    name: 'Final check desk',
    does: 'Copies, fee check, packet assembly and next steps with each applicant.',
    bring: 'A charged phone to reach the organizer; envelopes and the copier are at the desk.',
  },
});

export const INTERPRETING_GUIDE = Object.freeze({
  does: 'Interpret everything said between the applicant and the volunteer, faithfully and in full; give no advice of your own.',
  bring: 'Water, and a glossary of immigration terms if you have one.',
});

/**
 * Finds a volunteer on the roster, or else on the roster of the newest earlier version that had
 * them (so that someone taken off the roster still receives the cancellations), or throws
 * UnknownVolunteerError.
 */
export function rosterVolunteer(bundle: Bundle, volunteerId: string, history: readonly PlanVersion[] = []): Volunteer {
  const rosters = [bundle, ...[...history].sort((a, b) => b.version - a.version).map((h) => h.bundle)];
  for (const roster of rosters) {
    const volunteer = roster?.volunteers.find((v) => v.id === volunteerId);
    if (volunteer) return volunteer;
  }
  throw new UnknownVolunteerError(volunteerId, bundle.event.id);
}

/**
 * Every event of a volunteer's calendar, sorted by start: the current plan's shifts, visits and
 * interpreting, plus a cancelled entry for each one an earlier version held and this one does not.
 */
export function volunteerEntries(bundle: Bundle, plan: PlanJson, volunteerId: string, options: VolunteerEntriesOptions = {}): CalendarEntry[] {
  const volunteer = rosterVolunteer(bundle, volunteerId, options.history);
  const versions = [...(options.history ?? [])]
    .sort((a, b) => a.version - b.version)
    .map((h) => ({ bundle: h.bundle ?? bundle, plan: h.plan, label: `plan version ${h.version}` }));
  versions.push({ bundle, plan, label: 'plan' });

  const tracks = new Map<string, Track>();
  for (const version of versions) {
    if (version.plan.event !== bundle.event.id) {
      throw new Error(`${version.label} is for event ${version.plan.event}, not ${bundle.event.id}`);
    }
    const scene: Scene = {
      bundle: version.bundle,
      plan: version.plan,
      volunteer: version.bundle.volunteers.find((v) => v.id === volunteerId) ?? volunteer,
      zone: bundle.event.timezone,
      showFirstNames: options.showFirstNames ?? false,
      uidDomain: options.uidDomain ?? DEFAULT_UID_DOMAIN,
      organizer: options.organizer,
      label: version.label,
      applicants: new Map(version.bundle.applicants.map((a) => [a.id, a])),
      volunteers: new Map(version.bundle.volunteers.map((v) => [v.id, v])),
    };
    advance(tracks, drafts(scene));
  }
  return [...tracks.values()]
    .map(entryOf)
    .sort((a, b) => a.start.toMillis() - b.start.toMillis() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}

/** A volunteer's calendar as a subscription feed (METHOD:PUBLISH): live events and cancellations. */
export function volunteerCalendar(bundle: Bundle, plan: PlanJson, volunteerId: string, options: VolunteerCalendarOptions): string {
  const volunteer = rosterVolunteer(bundle, volunteerId, options.history);
  return writeCalendar({
    prodId: options.prodId ?? VOLUNTEER_PROD_ID,
    method: ICalCalendarMethod.PUBLISH,
    name: `${bundle.event.name}: ${volunteer.name}`,
    now: options.now,
    organizer: options.organizer,
    events: volunteerEntries(bundle, plan, volunteerId, options)
      .map((e) => ({ ...e, zone: bundle.event.timezone, summary: options.draft ? `Draft, times may change: ${e.summary}` : e.summary })),
  });
}

/**
 * E-mail invitations for what changed since the latest earlier version: a METHOD:REQUEST
 * message for each new or changed event, a METHOD:CANCEL message for each removed one, one UID
 * per message as RFC 5546 requires, with the organizer and the volunteer as attendee.
 */
export function volunteerInvites(
  bundle: Bundle, plan: PlanJson, volunteerId: string, options: VolunteerCalendarOptions & { organizer: Organizer },
): Invite[] {
  const volunteer = rosterVolunteer(bundle, volunteerId, options.history);
  if (!options.organizer) throw new Error('options.organizer is required: an invitation needs an ORGANIZER');
  if (!volunteer.email) throw new Error(`volunteer ${volunteerId} has no email: an invitation needs an ATTENDEE address`);
  return volunteerEntries(bundle, plan, volunteerId, options).filter((e) => e.changed).map((entry) => {
    const method = entry.status === 'cancelled' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
    const ics = writeCalendar({
      prodId: options.prodId ?? VOLUNTEER_PROD_ID,
      method,
      now: options.now,
      organizer: options.organizer,
      attendee: { name: volunteer.name, email: volunteer.email! },
      events: [{ ...entry, zone: bundle.event.timezone }],
    });
    return { uid: entry.uid, method: method === ICalCalendarMethod.CANCEL ? 'CANCEL' : 'REQUEST', sequence: entry.sequence, ics };
  });
}

/**
 * A public feed of workshops: name, site, address and hours, nothing about people. It takes
 * only the event facts it prints, so a roster or applicant list cannot leak into it.
 */
export function organizationFeed(workshops: readonly PublicWorkshop[], options: FeedOptions): string {
  const uidDomain = options.uidDomain ?? DEFAULT_UID_DOMAIN;
  const events = workshops.map(({ event, sequence, cancelled }): WritableEvent => {
    const opens = parseClock(event.opens);
    const closes = parseClock(event.closes);
    if (opens === null || closes === null) throw new Error(`event ${event.id}: opens and closes must be HH:MM`);
    const hosts = event.hostOrgs.length > 0 ? `Hosted by ${event.hostOrgs.join(', ')}.` : null;
    return {
      uid: uid([event.id, 'workshop'], uidDomain),
      sequence: sequence ?? 0,
      status: cancelled ? 'cancelled' : 'confirmed',
      start: zoned(localInstant(event.date, event.timezone, opens), `event ${event.id} opening`),
      end: zoned(localInstant(event.date, event.timezone, closes), `event ${event.id} closing`),
      zone: event.timezone,
      summary: cancelled ? `Cancelled: ${event.name}` : event.name,
      description: lines(
        'Free immigration legal help from volunteer attorneys and DOJ-accredited representatives.',
        `Open ${event.opens}–${event.closes}, local time (${event.timezone}).`,
        hosts,
      ),
      location: siteText(event),
    };
  });
  return writeCalendar({
    prodId: options.prodId ?? FEED_PROD_ID,
    method: ICalCalendarMethod.PUBLISH,
    name: options.name ?? 'Workshops',
    now: options.now,
    organizer: options.organizer,
    events: [...events].sort((a, b) => a.start.toMillis() - b.start.toMillis() || (a.uid < b.uid ? -1 : 1)),
  });
}

// One version of the plan rendered for one volunteer.

interface Scene {
  bundle: Bundle;
  plan: PlanJson;
  volunteer: Volunteer;
  zone: string;
  showFirstNames: boolean;
  uidDomain: string;
  organizer: Organizer | undefined;
  label: string;
  /** The version's applicants and volunteers by id, looked up once per visit. */
  applicants: ReadonlyMap<string, Applicant>;
  volunteers: ReadonlyMap<string, Volunteer>;
}

/** What every visit event says about its applicant and station, as volunteer or interpreter. */
function visitBasics(scene: Scene, applicantId: string, visit: VisitJson) {
  const applicant = scene.applicants.get(applicantId);
  return {
    guide: STATION_GUIDE[visit.station],
    applicant,
    who: applicantLabel(applicantId, applicant, scene.showFirstNames),
    caseType: applicant ? caseTypeName(applicant.caseType) : null,
  };
}

type Draft = Omit<CalendarEntry, 'sequence' | 'status' | 'changed'>;

function drafts(scene: Scene): Draft[] {
  const { plan, volunteer } = scene;
  const out: Draft[] = [];
  const shifts = plan.shifts
    .filter((s) => s.volunteer === volunteer.id)
    .map((s) => ({ station: s.station, start: at(scene, s.start, `${s.station} shift start`), end: at(scene, s.end, `${s.station} shift end`) }))
    .sort((a, b) => a.start.toMillis() - b.start.toMillis() || a.end.toMillis() - b.end.toMillis());
  const counts = new Map<DeskStation, number>();
  for (const shift of shifts) {
    const index = counts.get(shift.station) ?? 0;
    counts.set(shift.station, index + 1);
    out.push(shiftDraft(scene, shift.station, index, shift.start, shift.end));
  }
  for (const stay of plan.scheduled) {
    for (const visit of stay.visits) {
      if (visit.volunteer === volunteer.id) out.push(visitDraft(scene, stay.applicant, visit));
      else if (visit.interpreter === volunteer.id) out.push(interpretingDraft(scene, stay.applicant, visit));
    }
  }
  const seen = new Set<string>();
  for (const draft of out) {
    if (seen.has(draft.uid)) throw new Error(`${scene.label} gives volunteer ${volunteer.id} the same event twice (${draft.uid})`);
    seen.add(draft.uid);
  }
  return out;
}

function shiftDraft(scene: Scene, station: DeskStation, index: number, start: DateTime, end: DateTime): Draft {
  const guide = STATION_GUIDE[station];
  return {
    uid: uid([scene.plan.event, scene.volunteer.id, 'shift', station, String(index)], scene.uidDomain),
    kind: 'shift',
    start,
    end,
    summary: guide.name,
    description: lines(
      scene.bundle.event.name,
      `Your shift at the ${guide.name.toLowerCase()}.`,
      `The desk: ${guide.does}`,
      `Bring: ${guide.bring}`,
      organizerLine(scene.organizer),
    ),
    location: siteText(scene.bundle.event),
  };
}

function visitDraft(scene: Scene, applicantId: string, visit: VisitJson): Draft {
  const { guide, applicant, who, caseType } = visitBasics(scene, applicantId, visit);
  let language: string;
  if (visit.interpreter === null) {
    const shared = applicant ? applicant.languages.filter((l) => scene.volunteer.languages.includes(l)) : [];
    language = (shared.length > 0 ? shared : applicant?.languages ?? []).map(languageLabel).join(', ');
  } else {
    const interpreter = scene.volunteers.get(visit.interpreter);
    const theirs = applicant && interpreter ? bridgeFrom(applicant, interpreter, scene.volunteer) : applicant?.languages[0];
    const yours = interpreter ? scene.volunteer.languages.find((l) => interpreter.languages.includes(l)) : undefined;
    language = [
      theirs ? `${languageLabel(theirs)} ` : '',
      `with interpreter ${personLabel(visit.interpreter, interpreter)}`,
      yours ? `, who speaks ${languageLabel(yours)} with you` : '',
    ].join('');
  }
  return {
    uid: uid([scene.plan.event, scene.volunteer.id, applicantId, visit.station], scene.uidDomain),
    kind: 'visit',
    start: at(scene, visit.start, `${applicantId} ${visit.station} start`),
    end: at(scene, visit.end, `${applicantId} ${visit.station} end`),
    summary: [`${guide.name}: ${who}`, caseType].filter(Boolean).join(', '),
    description: lines(
      scene.bundle.event.name,
      `${guide.name} with applicant ${who}.`,
      caseType ? `Case type: ${caseType}` : null,
      language ? `Language: ${language}` : null,
      `The station: ${guide.does}`,
      `Bring: ${guide.bring}`,
      organizerLine(scene.organizer),
    ),
    location: siteText(scene.bundle.event),
  };
}

function interpretingDraft(scene: Scene, applicantId: string, visit: VisitJson): Draft {
  const { guide, applicant, who, caseType } = visitBasics(scene, applicantId, visit);
  const colleague = scene.volunteers.get(visit.volunteer);
  const theirs = applicant ? bridgeFrom(applicant, scene.volunteer, colleague) : undefined;
  const other = colleague?.languages.find((l) => scene.volunteer.languages.includes(l));
  const pair = [theirs, other].filter((l): l is string => Boolean(l)).map(languageLabel);
  return {
    uid: uid([scene.plan.event, scene.volunteer.id, applicantId, visit.station, 'interpreting'], scene.uidDomain),
    kind: 'interpreting',
    start: at(scene, visit.start, `${applicantId} ${visit.station} start`),
    end: at(scene, visit.end, `${applicantId} ${visit.station} end`),
    summary: `Interpreting at ${guide.name.toLowerCase()}: ${who}${pair.length === 2 ? `, ${pair.join(' and ')}` : ''}`,
    description: lines(
      scene.bundle.event.name,
      `Interpreting at ${guide.name.toLowerCase()} for applicant ${who}.`,
      caseType ? `Case type: ${caseType}` : null,
      pair.length > 0 ? `Languages: ${pair.join(' to and from ')}` : null,
      `Volunteer: ${personLabel(visit.volunteer, colleague)}`,
      `Your part: ${INTERPRETING_GUIDE.does}`,
      `The station: ${guide.does}`,
      `Bring: ${INTERPRETING_GUIDE.bring}`,
      organizerLine(scene.organizer),
    ),
    location: siteText(scene.bundle.event),
  };
}

/** The applicant's language an interpreter bridges: one the interpreter speaks, preferably one the volunteer does not. */
function bridgeFrom(applicant: Applicant, interpreter: Volunteer, volunteer: Volunteer | undefined): string | undefined {
  const spoken = applicant.languages.filter((l) => interpreter.languages.includes(l));
  return spoken.find((l) => !volunteer?.languages.includes(l)) ?? spoken[0] ?? applicant.languages[0];
}

/** `A0014`, or `A0014 (Ana)` when first names are on: never a surname. */
function applicantLabel(id: string, applicant: Applicant | undefined, showFirstNames: boolean): string {
  const first = showFirstNames ? applicant?.name.trim().split(/\s+/)[0] : undefined;
  return first ? `${id} (${first})` : id;
}

function personLabel(id: string, person: Volunteer | undefined): string {
  return person ? `${id} ${person.name}` : id;
}

function languageLabel(code: string): string {
  return `${languageName(code)} (${code})`;
}

function organizerLine(organizer: Organizer | undefined): string | null {
  return organizer ? `Questions: ${organizer.name} <${organizer.email}>` : null;
}

function siteText(event: Pick<ClinicEvent, 'site'>): string {
  return [event.site.name, event.site.address].filter(Boolean).join(', ');
}

function lines(...parts: (string | null)[]): string {
  return parts.filter((p): p is string => p !== null).join('\n');
}

/** A plan time as an instant in the event's zone; a malformed time names where it is. */
function at(scene: Scene, text: string, where: string): DateTime {
  return zoned(DateTime.fromISO(text, { setZone: true }).setZone(scene.zone), `${scene.label}: ${where} "${text}"`);
}

function zoned(instant: DateTime, where: string): DateTime {
  if (!instant.isValid) throw new Error(`${where} is not a valid time: ${instant.invalidExplanation ?? instant.invalidReason}`);
  return instant;
}

/** A UID from stable ids, each part escaped so that no two lists of ids give the same UID. */
function uid(parts: string[], domain: string): string {
  const escape = (part: string) => encodeURIComponent(part).replace(/[.!~*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${parts.map(escape).join('.')}@${domain}`;
}

// SEQUENCE and cancellations across versions.

interface Track {
  sequence: number;
  /** The latest rendering seen: what a cancellation shows. */
  last: Draft;
  /** Null once the event has disappeared. */
  fingerprint: string | null;
  changed: boolean;
}

function fingerprint(draft: Draft): string {
  return JSON.stringify([draft.start.toMillis(), draft.end.toMillis(), draft.summary, draft.description, draft.location]);
}

/** Moves every event's history one version on: a new one starts at 0, a change or a disappearance adds 1. */
function advance(tracks: Map<string, Track>, current: Draft[]): void {
  const present = new Set<string>();
  for (const draft of current) {
    present.add(draft.uid);
    const print = fingerprint(draft);
    const track = tracks.get(draft.uid);
    if (!track) {
      tracks.set(draft.uid, { sequence: 0, last: draft, fingerprint: print, changed: true });
      continue;
    }
    track.changed = track.fingerprint !== print;
    if (track.changed) track.sequence += 1;
    track.last = draft;
    track.fingerprint = print;
  }
  for (const [key, track] of tracks) {
    if (present.has(key)) continue;
    track.changed = track.fingerprint !== null;
    if (track.changed) track.sequence += 1;
    track.fingerprint = null;
  }
}

function entryOf(track: Track): CalendarEntry {
  const { last } = track;
  if (track.fingerprint !== null) return { ...last, sequence: track.sequence, status: 'confirmed', changed: track.changed };
  return {
    ...last,
    sequence: track.sequence,
    status: 'cancelled',
    changed: track.changed,
    summary: `Cancelled: ${last.summary}`,
    description: `Cancelled: this is no longer in the plan for you.\n\n${last.description}`,
  };
}

// Writing iCalendar text.

interface WritableEvent {
  uid: string;
  sequence: number;
  status: 'confirmed' | 'cancelled';
  start: DateTime;
  end: DateTime;
  zone: string;
  summary: string;
  description: string;
  location: string;
}

interface CalendarSpec {
  prodId: string;
  method: ICalCalendarMethod;
  name?: string;
  now: DateTime;
  organizer: Organizer | undefined;
  attendee?: Organizer;
  events: WritableEvent[];
}

/**
 * A value of iCalendar TEXT (RFC 5545 §3.3.11) as written: backslashes, semicolons and commas
 * escaped, line breaks as `\n`, other control characters dropped. ical-generator escapes event
 * text itself but writes a calendar's name as it is given, so a name from a request could
 * otherwise start lines (and events) of its own.
 */
export function icalText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

function writeCalendar(spec: CalendarSpec): string {
  if (!DateTime.isDateTime(spec.now) || !spec.now.isValid) throw new Error('options.now must be a valid luxon DateTime: it is every DTSTAMP');
  const calendar = ical({
    // ical-generator writes `-` and the rest: give it the rest.
    prodId: spec.prodId.replace(/^-/, ''),
    method: spec.method,
    // A generator only: a calendar-level zone would write floating times.
    timezone: { name: null, generator: vtimezone },
    ...(spec.name ? { name: icalText(spec.name) } : {}),
  });
  const stamp = spec.now.toUTC();
  for (const event of spec.events) {
    const inZone = unambiguous(event.start) && unambiguous(event.end);
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp,
      start: inZone ? event.start : event.start.toUTC(),
      end: inZone ? event.end : event.end.toUTC(),
      timezone: inZone ? event.zone : null,
      summary: event.summary,
      description: event.description,
      location: event.location,
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(spec.organizer ? { organizer: { name: quotable(spec.organizer.name), email: spec.organizer.email } } : {}),
      ...(spec.attendee ? { attendees: [{ name: quotable(spec.attendee.name), email: spec.attendee.email, role: ICalAttendeeRole.REQ }] } : {}),
    });
  }
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** The VTIMEZONE of a zone, its TZID the name the events use (the library calls UTC `Etc/UTC`). */
function vtimezone(zone: string): string {
  const found = tzlib_get_ical_block(zone);
  const block = Array.isArray(found) ? found[0] : undefined;
  if (!block?.startsWith('BEGIN:VTIMEZONE')) throw new Error(`no VTIMEZONE is known for the zone ${zone}`);
  return block.replace(/^TZID:.*$/m, `TZID:${zone}`);
}

/**
 * Whether an instant's wall-clock time in its zone names it alone. A time that occurs twice
 * (clocks falling back) does not: RFC 5545 reads it as the first occurrence, ical.js and
 * luxon as the second, so such an event is written in UTC, which every reader agrees on.
 */
function unambiguous(instant: DateTime): boolean {
  const wall = Date.UTC(instant.year, instant.month - 1, instant.day, instant.hour, instant.minute, instant.second);
  const offsets = new Set([-6, -3, 0, 3, 6].map((h) => instant.plus({ hours: h }).offset));
  const occurrences = [...offsets]
    .map((offset) => wall - offset * 60_000)
    .filter((ms) => DateTime.fromMillis(ms, { zone: instant.zone }).offset * 60_000 === wall - ms);
  return occurrences.length === 1;
}

/** A parameter value cannot hold a double quote (RFC 5545 §3.2). */
function quotable(name: string): string {
  return name.replace(/"/g, "'");
}
