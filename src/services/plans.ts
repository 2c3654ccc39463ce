import type Database from 'better-sqlite3';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { audit, loadBundle } from '../db/events.js';
import type { Db } from '../db/index.js';
import { loadAllPlans, loadPlan, publishPlan, savePlan } from '../db/plans.js';
import { purgedAt } from '../db/purge.js';
import type { StoredPlan } from '../db/plans.js';
import { events, plans } from '../db/schema.js';
import type { Bundle, FairnessMode, Selection } from '../domain/index.js';
import type { DateTime } from 'luxon';
import { volunteerCalendar } from '../outputs/ics.js';
import { checkPlan } from '../planner/index.js';
import { planToFinish } from '../throughput/index.js';
import type { Violation } from '../planner/check.js';
import { diffPlans } from '../planner/diff.js';
import type { PlanChange } from '../planner/diff.js';
import type { PlanJson, PlanOptions, PlanWarning } from '../planner/types.js';
import { deskWarnings } from '../planner/warnings.js';
import { Memo } from './lru.js';
import { withdrawOpenOffers } from '../db/offers.js';

export interface PlanRequest {
  seed?: number;
  iterations?: number;
  quick?: boolean;
  fairness?: FairnessMode;
  selection?: Selection;
  /** The chance the day finishes by closing that the plan aims at (default: the event's). */
  finishProbability?: number;
  /** A plan that ignores every stored version (`replan: false` says the same). */
  fresh?: boolean;
  /** Kept for older scripts: `false` asks for a fresh plan. */
  replan?: boolean;
  /** A fresh plan that moves published people is stored only when confirmed. */
  confirm?: boolean;
  /** Applicants whose arrival must stay (default: everyone the published version scheduled). */
  pin?: string[];
  /** Published applicants the coordinator lets move or drop. */
  release?: string[];
}

/** Plans a bundle: in this thread by default, or elsewhere (a worker) when the caller says how. */
export type Planner = (bundle: Bundle, options: PlanOptions) => PlanJson | Promise<PlanJson>;

/** Who must hear of a new version, against the one people hold. */
export interface Notice {
  /** The published version compared against, or null before the first publish (nobody holds anything). */
  against: number | null;
  /** Published applicants moved or dropped, and applicants newly given a day. */
  applicants: PlanChange[];
  /** Volunteers whose visits or desk shifts differ. */
  volunteers: string[];
}

export type PlanOutcome =
  | { kind: 'planned'; version: number; from: number | null; pinned: string[]; released: string[]; plan: PlanJson; notify: Notice }
  | { kind: 'not_found' }
  | { kind: 'bad_request'; error: string }
  | { kind: 'needs_confirm'; published: number; notify: Notice; error: string };

/** The version published last (people hold it, even when it is older than another published one), if any. */
export function publishedPlan(db: Db, eventKey: number): StoredPlan | undefined {
  const row = db.select({ version: plans.version }).from(plans)
    .where(and(eq(plans.eventId, eventKey), isNotNull(plans.publishedAt))).orderBy(desc(plans.publishedAt), desc(plans.version)).limit(1).get();
  return row ? loadPlan(db, eventKey, row.version) : undefined;
}

/** The version people hold: the latest published one, or before any is published the latest draft (marked so). */
export function heldPlan(db: Db, eventKey: number): (StoredPlan & { draft: boolean }) | undefined {
  const published = publishedPlan(db, eventKey);
  if (published) return { ...published, draft: false };
  const latest = loadPlan(db, eventKey);
  return latest ? { ...latest, draft: true } : undefined;
}

/** Version N to print or show (a draft unless it is the one people hold), or without N the one people hold. */
export function shownPlan(db: Db, eventKey: number, version?: number): (StoredPlan & { draft: boolean }) | undefined {
  const held = heldPlan(db, eventKey);
  if (!held || version === undefined) return held;
  const stored = loadPlan(db, eventKey, version);
  return stored && { ...stored, draft: held.draft || stored.version !== held.version };
}

/** A volunteer's part of a plan, as one comparable string per visit or shift. */
function dutiesOf(p: PlanJson): Map<string, string[]> {
  const duties = new Map<string, string[]>();
  const add = (who: string, what: string) => {
    const list = duties.get(who);
    if (list) list.push(what);
    else duties.set(who, [what]);
  };
  for (const s of p.scheduled) {
    for (const v of s.visits) {
      add(v.volunteer, `${s.applicant}|${v.station}|${v.start}|${v.end}`);
      if (v.interpreter) add(v.interpreter, `${s.applicant}|${v.station}|${v.start}|${v.end}|interpreting`);
    }
  }
  for (const sh of p.shifts) add(sh.volunteer, `${sh.station}|${sh.start}|${sh.end}`);
  return duties;
}

/** Whom a new version changes things for, against the published one. */
export function noticeFor(published: StoredPlan | undefined, next: PlanJson): Notice {
  if (!published) return { against: null, applicants: [], volunteers: [] };
  const applicants = diffPlans(published.plan, next).filter((c) => c.change !== 'reassigned');
  const before = dutiesOf(published.plan);
  const after = dutiesOf(next);
  const volunteers = [...new Set([...before.keys(), ...after.keys()])]
    .filter((v) => (before.get(v) ?? []).sort().join('\n') !== (after.get(v) ?? []).sort().join('\n')).sort();
  return { against: published.version, applicants, volunteers };
}

const moved = (notice: Notice) => notice.applicants.filter((c) => c.change !== 'added').length;

/**
 * Plans a stored event and stores the result as its next version. A re-plan (the default)
 * starts from the latest version, keeps every day that still works, and keeps the arrival of
 * everyone the published version scheduled unless released. A fresh plan ignores the stored
 * versions; when it would move or drop published people it is stored only once confirmed.
 */
export async function planEvent(db: Db, slug: string, request: PlanRequest, actor: string, planner: Planner = planToFinish): Promise<PlanOutcome> {
  const bundle = loadBundle(db, slug);
  if (!bundle) return { kind: 'not_found' };
  const purged = purgedAt(db, bundle.key);
  if (purged !== null) {
    return { kind: 'bad_request', error: `The applicants of ${slug} were purged on ${purged.slice(0, 10)}: there is no one left to plan (importing the event again starts it afresh)` };
  }
  const ids = new Set(bundle.applicants.map((a) => a.id));
  const unknown = [...(request.release ?? []), ...(request.pin ?? [])].filter((id) => !ids.has(id));
  if (unknown.length > 0) return { kind: 'bad_request', error: `Not applicants of ${slug}: ${[...new Set(unknown)].join(', ')}` };
  const fresh = request.fresh === true || request.replan === false;
  const latest = fresh ? undefined : loadPlan(db, bundle.key);
  const published = publishedPlan(db, bundle.key);
  const released = request.release ?? [];
  const pin = (request.pin ?? published?.plan.scheduled.map((s) => s.applicant) ?? []).filter((id) => !released.includes(id));
  const options: PlanOptions = {};
  if (request.seed !== undefined) options.seed = request.seed;
  if (request.iterations !== undefined) options.iterations = request.iterations;
  if (request.quick) options.quick = true;
  if (request.fairness) options.fairness = request.fairness;
  if (request.selection) options.selection = request.selection;
  if (request.finishProbability !== undefined) options.finishProbability = request.finishProbability;
  if (latest) {
    options.previous = latest.plan;
    options.pin = pin;
    if (released.length > 0) options.release = released;
    if (published) options.published = published.plan;
  }
  const result = await planner(bundle, options);
  const notify = noticeFor(published, result);
  if (fresh && published && moved(notify) > 0 && request.confirm !== true) {
    const n = moved(notify);
    return {
      kind: 'needs_confirm', published: published.version, notify,
      error: `A fresh plan would move or drop ${n} published applicant${n === 1 ? '' : 's'} of version ${published.version}; send it again with confirm to store it`,
    };
  }
  const from = latest?.version ?? null;
  // The arrivals this version had to keep, for judging it later (who may be left out where).
  const arrivals = published ? Object.fromEntries(arrivalsOf(published.plan, options.pin ?? [])) : undefined;
  const version = savePlan(db, bundle.key, result, { ...options, from, fresh, ...(arrivals ? { arrivals } : {}) }, actor);
  // Places given up and offered on belong to the version they were cut from: a new plan withdraws the open offers.
  withdrawOpenOffers(db, bundle.key, actor);
  return { kind: 'planned', version, from, pinned: latest ? pin : [], released, plan: result, notify };
}

export type PublishOutcome =
  | { kind: 'published'; version: number; notify: Notice }
  | { kind: 'not_found'; error: string };

/** Publishes a version: from then on slips, links, sheets and calendars follow it; says whom it changes things for. */
export function publishVersion(db: Db, slug: string, version: number, actor: string, now = new Date()): PublishOutcome {
  const bundle = loadBundle(db, slug);
  const stored = bundle && loadPlan(db, bundle.key, version);
  if (!bundle || !stored) return { kind: 'not_found', error: `Plan version ${version} of ${slug} not found` };
  const before = publishedPlan(db, bundle.key);
  const notify = noticeFor(before && before.version !== version ? before : undefined, stored.plan);
  publishPlan(db, bundle.key, version, now.toISOString());
  audit(db, actor, 'plan.publish', slug, `version ${version}`);
  return { kind: 'published', version, notify };
}

/** What an import broke in a stored version: its rules checked against today's roster and applicants. */
export interface Staleness {
  outOfDate: boolean;
  problems: Violation[];
  /** Its desk warnings, read against today's roster. */
  warnings: PlanWarning[];
}

/** Each database's checks of stored versions, by event, version and import: bounded, least recently used out. */
const staleCaches = new WeakMap<Db, Memo<Staleness>>();
const STALE_ENTRIES = 200;

/** Checks a plan against a bundle: in this thread by default, or in a worker when the caller says how. */
export type Checker = (bundle: Bundle, plan: PlanJson, pins: ReadonlyMap<string, string>) => Violation[] | Promise<Violation[]>;

/** The published arrivals a stored re-plan had to keep: its pinned applicants' arrivals in the version it started from. */
function pinsOf(db: Db, eventKey: number, stored: StoredPlan): Map<string, string> {
  const { pin, from, arrivals } = stored.options as { pin?: string[]; from?: number | null; arrivals?: Record<string, string> };
  if (arrivals) return new Map(Object.entries(arrivals));
  const base = typeof from === 'number' && pin?.length ? loadPlan(db, eventKey, from) : undefined;
  return base ? arrivalsOf(base.plan, pin!) : new Map();
}

/** The arrivals a plan gives these applicants, by id. */
function arrivalsOf(plan: PlanJson, ids: readonly string[]): Map<string, string> {
  const wanted = new Set(ids);
  return new Map(plan.scheduled.filter((s) => wanted.has(s.applicant)).map((s) => [s.applicant, s.arrival]));
}

/**
 * Whether a stored version still fits the event as it now is. A version breaks no rule when
 * stored (the planner's, or a hand edit that was checked), so anything it breaks now came from
 * an import: a volunteer who left or changed hours, an applicant removed, added or changed.
 */
export function stalenessOf(db: Db, bundle: Bundle & { key: number }, stored: StoredPlan, checker: Checker = checkPlan,
  updatedAt: string = updatedAtOf(db, bundle.key)): Promise<Staleness> {
  let cache = staleCaches.get(db);
  if (!cache) staleCaches.set(db, cache = new Memo<Staleness>(STALE_ENTRIES));
  // The same version against the same import always checks the same: checked once, then remembered.
  return cache.get(`${bundle.key}|${stored.version}|${stored.createdAt}|${updatedAt}`, () =>
    Promise.resolve(checker(bundle, stored.plan, pinsOf(db, bundle.key, stored)))
      .then((problems) => ({ outOfDate: problems.length > 0, problems, warnings: deskWarnings(bundle, stored.plan) })));
}

const updatedAtOf = (db: Db, eventKey: number) => db.select({ at: events.updatedAt }).from(events).where(eq(events.id, eventKey)).get()?.at ?? '';

/**
 * What an event's pages and feeds are made of, in a few small reads that never touch the
 * roster, the applicants or a plan's body: the event's last import, its latest plan version
 * and the version published last. Anything that changes a page changes one of these.
 */
export interface VersionMark {
  /** The event's stored key, and its id from event.json. */
  key: number;
  slug: string;
  /** Set by every import (and the purge of personal data). */
  updatedAt: string;
  purgedAt: string | null;
  latest: { version: number; createdAt: string; publishedAt: string | null } | null;
  published: { version: number; publishedAt: string } | null;
}

/**
 * The mark's reads, prepared once per database as plain SQLite statements (the columns of
 * src/db/schema.ts): every view of a kept page or feed runs them, and only them, so they skip
 * the query builder's per-call work (a third of such a view's time).
 */
const prepareMarks = (db: Db) => {
  // drizzle() hands the driver's connection out as $client (its type is not on Db).
  const sqlite = (db as Db & { $client: Database.Database }).$client;
  const event = 'select id as key, slug, updated_at as updatedAt, purged_at as purgedAt from events';
  return {
    event: sqlite.prepare<[string], MarkEvent>(`${event} where slug = ?`),
    eventByKey: sqlite.prepare<[number], MarkEvent>(`${event} where id = ?`),
    latest: sqlite.prepare<[number], NonNullable<VersionMark['latest']>>(
      'select version, created_at as createdAt, published_at as publishedAt from plans where event_id = ? order by version desc limit 1'),
    counters: sqlite.prepare<[], { changes: number; version: number }>('select total_changes() as changes, data_version as version from pragma_data_version'),
    published: sqlite.prepare<[number], NonNullable<VersionMark['published']>>(
      'select version, published_at as publishedAt from plans where event_id = ? and published_at is not null order by published_at desc, version desc limit 1'),
  };
};
type MarkEvent = Pick<VersionMark, 'key' | 'slug' | 'updatedAt' | 'purgedAt'>;
interface KeptMarks { changes: number; version: number; marks: Map<string | number, VersionMark> }
const preparedMarks = new WeakMap<Db, ReturnType<typeof prepareMarks> & { kept: KeptMarks }>();
/** Marks kept between changes, at most (one per event asked for). */
const MARKS_KEPT = 1000;

/**
 * The version mark of an event by its id (or its stored key), or undefined when there is no such
 * event. Marks are kept while nothing in the database changes: one read of SQLite's change
 * counters (this connection's `total_changes()`, and `data_version`, which moves when another
 * process, a `taller import` say, commits) stands for the mark's three reads.
 */
export function versionMark(db: Db, event: string | number): VersionMark | undefined {
  let queries = preparedMarks.get(db);
  if (!queries) preparedMarks.set(db, queries = { ...prepareMarks(db), kept: { changes: -1, version: -1, marks: new Map() } });
  const { changes, version } = queries.counters.get()!;
  if (changes !== queries.kept.changes || version !== queries.kept.version) {
    queries.kept = { changes, version, marks: new Map() };
  }
  const kept = queries.kept.marks.get(event);
  if (kept) return kept;
  const found = typeof event === 'string' ? queries.event.get(event) : queries.eventByKey.get(event);
  if (!found) return undefined;
  const latest = queries.latest.get(found.key);
  const mark = { ...found, latest: latest ?? null, published: (latest && queries.published.get(found.key)) ?? null };
  // Kept under the counters read before it: a change in between moves them, and the next view reads afresh.
  if (queries.kept.marks.size < MARKS_KEPT) queries.kept.marks.set(event, mark);
  return mark;
}

/** A version mark as one string, for cache keys. */
export function markKey(mark: VersionMark): string {
  const { key, updatedAt, purgedAt, latest, published } = mark;
  return [key, updatedAt, purgedAt ?? '', latest?.version ?? '', latest?.createdAt ?? '', latest?.publishedAt ?? '',
    published?.version ?? '', published?.publishedAt ?? ''].join('|');
}

/** A stored version as it prints: its warnings read against today's roster. */
export function withWarnings(bundle: Bundle, stored: StoredPlan): PlanJson {
  return { ...stored.plan, warnings: deskWarnings(bundle, stored.plan) };
}

/**
 * A volunteer's calendar from a stored version (the one people hold, or a draft to check), the
 * earlier versions they saw giving SEQUENCE and cancellations: only published ones once any is
 * published. Throws UnknownVolunteerError for someone not on the roster.
 */
export function calendarFor(db: Db, bundle: Bundle & { key: number }, shown: StoredPlan & { draft: boolean }, volunteer: string, now: DateTime): string {
  const all = loadAllPlans(db, bundle.key);
  const anyPublished = all.some((v) => v.publishedAt !== null);
  const seen = all.filter((v) => v.version < shown.version && (!anyPublished || v.publishedAt !== null));
  return volunteerCalendar(bundle, shown.plan, volunteer, { now, draft: shown.draft, history: seen.map((v) => ({ version: v.version, plan: v.plan })) });
}
