/**
 * The season's waitlist: nobody turned away is lost. People get on it from an event (the
 * published plan's unscheduled applicants, those who gave their place up, and those the
 * coordinator ticks as not finished on the day), or by a registration for no workshop. The list
 * shows each person's offer of a later workshop, or why there is none (src/season/waitlist.ts),
 * and moving a person adds them as an applicant of that workshop through the applicant form's
 * own save (src/services/people.ts).
 *
 * Personal data: a person is seen only by the accounts of the organization that holds them (the
 * one running the event they came from, or the one whose account registered them), and by admins.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { checkDate, checkEmail, checkLanguages, checkOneOf } from '../bundle/fields.js';
import { auditWriter } from '../db/audit.js';
import { eventOwner, loadBundle, loadEvent, loadVolunteers } from '../db/events.js';
import type { Db } from '../db/index.js';
import { offersOf, standingReleases } from '../db/offers.js';
import { loadPlan } from '../db/plans.js';
import { purgedAt } from '../db/purge.js';
import { plans } from '../db/schema.js';
import { seasonWorkshops } from '../db/season.js';
import {
  addWaiting, codesSentFrom, eventsByKey, markMoved, markRemoved, waitingPeople, waitingPerson,
} from '../db/waitlist.js';
import type { NewWaitlistRow, WaitlistReason, WaitlistRow } from '../db/waitlist.js';
import { COMPLEXITIES, DEFAULT_CASE_TYPES } from '../domain/index.js';
import type { ClinicEvent, Complexity } from '../domain/index.js';
import type { PlanJson } from '../planner/types.js';
import { coverage, matchWaitlist, openPlaces } from '../season/waitlist.js';
import type { NoOfferReason, WaitlistWorkshop } from '../season/waitlist.js';
import { changePerson } from './people.js';
import type { PersonProblem } from './people.js';

/** Whose people an account sees: an admin's, everyone's (undefined); others, their organization's. */
export type Scope = number | null | undefined;

// ——— From an event ———

/** An applicant of an event who may be sent to the waitlist. */
export interface Candidate { code: string; name: string }

export interface EventCandidates {
  event: ClinicEvent;
  /** The published version they come from; none: nothing is published, so no one is unscheduled yet. */
  published: number | null;
  unscheduled: Candidate[];
  released: Candidate[];
  /** Scheduled applicants (and those who took a place given up), who may be ticked as not finished on the day. */
  scheduled: Candidate[];
  /** How many were sent from this event already (they are not offered again). */
  sent: number;
}

/** The applicants of an event who may go on the waitlist, without those already sent; undefined: no such event, or purged. */
export function eventCandidates(db: Db, slug: string): EventCandidates | undefined {
  const bundle = loadBundle(db, slug, { asImported: true });
  if (!bundle || purgedAt(db, bundle.key) !== null) return undefined;
  const plan = loadPublished(db, bundle.key);
  const sent = codesSentFrom(db, bundle.key);
  const names = new Map(bundle.applicants.map((a) => [a.id, a.name]));
  const pick = (codes: Iterable<string>) => [...new Set(codes)].filter((c) => names.has(c) && !sent.has(c))
    .map((code) => ({ code, name: names.get(code)! }));
  const released = new Set(standingReleases(db, bundle.key).map((r) => r.code));
  // Someone left out who accepted a place given up (or is being offered one) has a place after all.
  const placed = new Set(offersOf(db, bundle.key).filter((o) => o.status === 'accepted' || o.status === 'offered').flatMap((o) => (o.offeredCode ? [o.offeredCode] : [])));
  const scheduled = plan ? [...plan.body.scheduled.map((s) => s.applicant), ...placed].filter((c) => !released.has(c)) : [];
  return {
    event: bundle.event,
    published: plan?.version ?? null,
    unscheduled: pick(plan ? plan.body.unscheduled.map((u) => u.applicant).filter((c) => !placed.has(c)) : []),
    released: pick(released),
    scheduled: pick(scheduled),
    sent: sent.size,
  };
}

function loadPublished(db: Db, eventKey: number): { version: number; body: PlanJson } | undefined {
  // The version published last, as everywhere else.
  const row = db.select({ version: plans.version }).from(plans).where(and(eq(plans.eventId, eventKey), isNotNull(plans.publishedAt)))
    .orderBy(desc(plans.publishedAt), desc(plans.version)).limit(1).get();
  if (!row) return undefined;
  const plan = loadPlan(db, eventKey, row.version);
  return plan ? { version: row.version, body: plan.plan } : undefined;
}

/** What a coordinator sent: the codes ticked in each group. */
export interface Sending { unscheduled: readonly string[]; released: readonly string[]; notFinished: readonly string[] }

export type SendOutcome = { ok: true; added: number } | { ok: false; notFound: true };

/**
 * Puts the ticked applicants of an event on the waitlist, each with why (a code ticked in a
 * group it is not in is ignored; one already sent from the event is not sent twice), held by
 * the event's organization, with the event's county; on the audit log by count.
 */
export async function sendFromEvent(db: Db, slug: string, sending: Sending, who: { actor: string; userId: number | null }, now = new Date()): Promise<SendOutcome> {
  const candidates = eventCandidates(db, slug);
  if (!candidates) return { ok: false, notFound: true };
  const stored = loadBundle(db, slug, { asImported: true })!;
  const people = new Map(stored.applicants.map((a) => [a.id, a]));
  const since = now.toISOString();
  const organizationId = eventOwner(db, stored.key);
  const rows: NewWaitlistRow[] = [];
  const groups: [WaitlistReason, readonly Candidate[], readonly string[]][] = [
    ['unscheduled', candidates.unscheduled, sending.unscheduled],
    ['released', candidates.released, sending.released],
    ['not_finished', candidates.scheduled, sending.notFinished],
  ];
  const taken = new Set<string>();
  for (const [reason, group, ticked] of groups) {
    const wanted = new Set(ticked);
    for (const c of group) {
      if (!wanted.has(c.code) || taken.has(c.code)) continue;
      taken.add(c.code);
      const a = people.get(c.code)!;
      rows.push({
        organizationId, name: a.name, phone: a.phone ?? null, email: a.email ?? null, languages: a.languages, caseType: a.caseType,
        complexity: a.complexity, county: stored.event.site.county ?? null, deadline: a.deadline ?? null,
        fromEventId: stored.key, fromCode: a.id, reason, since, addedBy: who.userId,
      });
    }
  }
  const added = addWaiting(db, rows).length;
  if (added > 0) await auditWriter(db).write(who.actor, 'waitlist.add', stored.key, `${added} applicants put on the waitlist`);
  return { ok: true, added };
}

// ——— A registration for no workshop ———

export const REGISTRATION_FIELDS = ['name', 'phone', 'email', 'languages', 'case_type', 'complexity', 'county', 'deadline'] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];
export type RegistrationForm = Partial<Record<RegistrationField, string>>;

/** A refused field and why, in the bundle reader's words (the applicant form shows the same). */
export interface RegistrationProblem { field: RegistrationField; message: string }

/** The case types a registration may name: Taller's catalog. */
export const REGISTRATION_CASE_TYPES = Object.keys(DEFAULT_CASE_TYPES);

/** A registration checked field by field as applicants.csv checks its cells; county and phone are required here too. */
export function checkRegistration(form: RegistrationForm):
  { ok: true; person: Omit<NewWaitlistRow, 'organizationId' | 'fromEventId' | 'fromCode' | 'reason' | 'since' | 'addedBy'> }
  | { ok: false; problems: RegistrationProblem[] } {
  const problems: RegistrationProblem[] = [];
  const cell = (f: RegistrationField) => (form[f] ?? '').replace(/[\r\n]+/g, ' ').trim();
  const required = (f: RegistrationField) => {
    if (cell(f) === '') problems.push({ field: f, message: `${f} is required` });
    return cell(f);
  };
  const checked = <T>(f: RegistrationField, check: (text: string) => { ok: true; value: T } | { ok: false; message: string }): T | undefined => {
    if (cell(f) === '') return undefined;
    const found = check(cell(f));
    if (!found.ok) problems.push({ field: f, message: found.message });
    return found.ok ? found.value : undefined;
  };
  const name = required('name');
  const phone = required('phone');
  const email = checked('email', checkEmail);
  const languages = cell('languages') === '' ? (required('languages'), undefined) : checked('languages', checkLanguages);
  const caseType = cell('case_type') === '' ? (required('case_type'), undefined)
    : checked('case_type', (c) => {
      const code = c.toLowerCase();
      return REGISTRATION_CASE_TYPES.includes(code)
        ? { ok: true, value: code }
        : { ok: false, message: `"${c}" is not a case type of this event (known: ${REGISTRATION_CASE_TYPES.join(', ')})` };
    });
  const complexity: Complexity = checked('complexity', (c) => checkOneOf(c, COMPLEXITIES, 'complexity')) ?? 'straightforward';
  const county = required('county');
  const deadline = checked('deadline', checkDate);
  if (problems.length > 0 || languages === undefined || caseType === undefined) return { ok: false, problems };
  return {
    ok: true,
    person: { name, phone, email: email ?? null, languages, caseType, complexity, county, deadline: deadline ?? null },
  };
}

/** Adds a registration for no workshop, held by the registering account's organization; nothing on any problem. */
export async function registerWaiting(db: Db, form: RegistrationForm, who: { actor: string; userId: number | null; organizationId: number | null }, now = new Date()):
  Promise<{ ok: true; id: number } | { ok: false; problems: RegistrationProblem[] }> {
  const checked = checkRegistration(form);
  if (!checked.ok) return checked;
  const [id] = addWaiting(db, [{
    ...checked.person, organizationId: who.organizationId, fromEventId: null, fromCode: null, reason: 'registration',
    since: now.toISOString(), addedBy: who.userId,
  }]);
  await auditWriter(db).write(who.actor, 'waitlist.register', null, `waitlist #${id} registered`);
  return { ok: true, id: id! };
}

// ——— The list and its offers ———

/** A workshop ahead that people may be moved to, as the list names it. */
export interface WaitlistWorkshopView {
  key: number;
  id: string;
  name: string;
  date: string;
  opens: string;
  closes: string;
  site: string | null;
  address: string | null;
  county: string | null;
  places: number;
}

export interface WaitlistEntry {
  person: WaitlistRow;
  /** The event they came from, if any. */
  from: { id: string; name: string } | null;
  offer: WaitlistWorkshopView | null;
  reason: NoOfferReason | null;
}

/** The workshops after `today` an account may move people to, each with what it covers and its places left. */
function workshopsAhead(db: Db, scope: Scope, today: string): { view: WaitlistWorkshopView; match: WaitlistWorkshop }[] {
  return seasonWorkshops(db, scope).filter((w) => w.date > today && w.purgedAt === null).map((w) => {
    // The roster and the applicants' count only: no applicant's record is read to match.
    const { event } = loadEvent(db, w.id)!;
    const roster = loadVolunteers(db, event, w.key, { asImported: true });
    const places = openPlaces(roster, w.applicants);
    return {
      view: { key: w.key, id: w.id, name: w.name, date: w.date, opens: w.opens, closes: w.closes, site: w.site, address: w.address, county: w.county, places },
      match: {
        id: w.id, date: w.date, county: w.county ?? undefined, setting: w.setting ?? undefined,
        covers: coverage(Object.keys(event.caseTypes), roster), places,
      },
    };
  });
}

/** Everyone still waiting whom the account sees, in the order the matcher serves them, each with an offer or a reason. */
export function waitlistEntries(db: Db, scope: Scope, today: string): { entries: WaitlistEntry[]; workshops: WaitlistWorkshopView[] } {
  const people = waitingPeople(db, scope);
  const ahead = workshopsAhead(db, scope, today);
  const byId = new Map(ahead.map((w) => [w.view.id, w.view]));
  const rows = new Map(people.map((p) => [String(p.id), p]));
  const from = eventsByKey(db, people.flatMap((p) => (p.fromEventId === null ? [] : [p.fromEventId])));
  const matches = matchWaitlist(ahead.map((w) => w.match), people.map((p) => ({
    id: String(p.id), languages: p.languages, caseType: p.caseType, county: p.county ?? undefined,
    deadline: p.deadline ?? undefined, since: p.since, after: p.fromEventId === null ? undefined : from.get(p.fromEventId)?.date,
  })), today);
  return {
    entries: matches.map((m) => {
      const person = rows.get(m.person)!;
      return {
        person, from: person.fromEventId === null ? null : from.get(person.fromEventId) ?? null,
        offer: m.offer === undefined ? null : byId.get(m.offer)!, reason: m.reason ?? null,
      };
    }),
    workshops: ahead.map((w) => w.view),
  };
}

/** One waiting person's entry as the list gives it today, if the account sees them and they still wait. */
export function waitlistEntry(db: Db, scope: Scope, id: number, today: string): WaitlistEntry | undefined {
  if (waitingPerson(db, id, scope)?.state !== 'waiting') return undefined;
  return waitlistEntries(db, scope, today).entries.find((e) => e.person.id === id);
}

// ——— Moving a person ———

export type MoveOutcome =
  | { ok: true; event: string; code: string }
  | { ok: false; notFound: true }
  /** The workshop is not the one the list offers the person today (places taken since, or another chosen). */
  | { ok: false; notOffered: true }
  | { ok: false; problems: PersonProblem[] };

/** A code for the person at the workshop not used there yet: `W` and their number on the list. */
function freshCode(taken: ReadonlySet<string>, id: number): string {
  const base = `W${String(id).padStart(4, '0')}`;
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
  return code;
}

/**
 * Adds a waiting person as an applicant of the workshop the list offers them today, through
 * the applicant form's save (so the workshop's plan goes out of date, and they get a code
 * there), then marks them moved; on the audit log by codes.
 */
export async function moveToWorkshop(db: Db, scope: Scope, id: number, slug: string, actor: string, today: string): Promise<MoveOutcome> {
  const entry = waitlistEntry(db, scope, id, today);
  if (!entry) return { ok: false, notFound: true };
  const { person, offer: target } = entry;
  if (target?.id !== slug) return { ok: false, notOffered: true };
  const stored = loadBundle(db, slug, { asImported: true })!;
  const code = freshCode(new Set(stored.applicants.map((a) => a.id)), id);
  const outcome = changePerson(db, slug, 'applicants', {
    kind: 'add',
    form: {
      id: code, name: person.name, phone: person.phone ?? '', email: person.email ?? '', languages: person.languages.join(';'),
      case_type: person.caseType, complexity: person.complexity, deadline: person.deadline ?? '',
    },
  }, actor);
  if (!outcome.ok) {
    if ('problems' in outcome) return { ok: false, problems: outcome.problems };
    return { ok: false, notFound: true };
  }
  markMoved(db, id, target.key, code);
  await auditWriter(db).write(actor, 'waitlist.move', target.key, `waitlist #${id} moved as applicant ${code}`);
  return { ok: true, event: slug, code };
}

/** Takes a waiting person off the list without moving them (they found help elsewhere, or asked to be left off); on the audit log. */
export async function removeWaiting(db: Db, scope: Scope, id: number, actor: string): Promise<boolean> {
  const person = waitingPerson(db, id, scope);
  if (person?.state !== 'waiting' || !markRemoved(db, id)) return false;
  await auditWriter(db).write(actor, 'waitlist.remove', person.fromEventId, `waitlist #${id} removed`);
  return true;
}

/** The workshop a waiting person is offered, as their come-back slip names it. */
export function slipOf(db: Db, scope: Scope, id: number, today: string): { person: WaitlistRow; event: ClinicEvent } | undefined {
  const entry = waitlistEntry(db, scope, id, today);
  if (!entry?.offer) return undefined;
  const found = loadEvent(db, entry.offer.id);
  return found ? { person: entry.person, event: found.event } : undefined;
}
