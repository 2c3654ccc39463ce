/**
 * An event's plan versions as coordinators handle them: each version with who made it, when,
 * how many it schedules and where it stands (published, a draft, or earlier); any two compared
 * (who moves, who is added or dropped, whom to tell); and what publishing one would change
 * before it is published. Shared by the versions pages; the JSON API has its own answers.
 */
import { and, eq } from 'drizzle-orm';
import { audit, loadBundle } from '../db/events.js';
import type { Db } from '../db/index.js';
import { listPlans, loadPlan } from '../db/plans.js';
import type { StoredPlan } from '../db/plans.js';
import { accessTokens, auditLog, plans, users } from '../db/schema.js';
import type { Bundle } from '../domain/index.js';
import { diffPlans } from '../planner/diff.js';
import type { PlanChange } from '../planner/diff.js';
import type { PlanJson } from '../planner/types.js';
import { noticeFor, publishedPlan } from './plans.js';
import type { Notice } from './plans.js';

/** Who made a version: an account (through an API token or not), the command line, the demo, or nobody known. */
export type Maker =
  | { kind: 'account'; name: string; token: boolean }
  | { kind: 'cli' }
  | { kind: 'demo' }
  | { kind: 'unknown' };

/**
 * Where a version stands: `published` (people hold it), `draft` (newer than it, or nothing is
 * published yet), `superseded` (published once, then another was), `earlier` (older, never published).
 */
export type VersionStatus = 'published' | 'draft' | 'superseded' | 'earlier';

export interface VersionEntry {
  version: number;
  createdAt: string;
  maker: Maker;
  scheduled: number;
  publishedAt: string | null;
  status: VersionStatus;
}

export interface EventVersions {
  bundle: Bundle & { key: number };
  versions: VersionEntry[];
  /** The version people hold, or null before the first publish. */
  published: number | null;
}

/** Every account's name by its number, for the makers of versions. */
function accountNames(db: Db, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  return new Map(db.select({ id: users.id, name: users.name }).from(users).all().filter((u) => ids.includes(u.id)).map((u) => [u.id, u.name]));
}

/**
 * Who made each version: the account the version names, else what the audit log says made it
 * (`plan.create`, "version N: …"): an account, an API token's account, the command line.
 */
function makers(db: Db, eventKey: number): Map<number, Maker> {
  const rows = db.select({ version: plans.version, createdBy: plans.createdBy }).from(plans).where(eq(plans.eventId, eventKey)).all();
  const logged = new Map<number, string>();
  for (const row of db.select({ actor: auditLog.actor, detail: auditLog.detail }).from(auditLog)
    .where(and(eq(auditLog.eventId, eventKey), eq(auditLog.action, 'plan.create'))).all()) {
    const version = Number(/^version (\d+):/.exec(row.detail ?? '')?.[1]);
    if (Number.isInteger(version)) logged.set(version, row.actor);
  }
  const tokenIds = [...logged.values()].filter((a) => a.startsWith('token:')).map((a) => Number(a.slice(6))).filter(Number.isInteger);
  const tokenUsers = new Map<number, number | null>(tokenIds.length === 0 ? [] : db.select({ id: accessTokens.id, userId: accessTokens.userId })
    .from(accessTokens).all().filter((tk) => tokenIds.includes(tk.id)).map((tk) => [tk.id, tk.userId]));
  const accountOf = (actor: string | undefined): { id: number; token: boolean } | undefined => {
    if (actor?.startsWith('user:')) return { id: Number(actor.slice(5)), token: false };
    if (actor?.startsWith('token:')) {
      const userId = tokenUsers.get(Number(actor.slice(6)));
      return userId == null ? undefined : { id: userId, token: true };
    }
    return undefined;
  };
  const ids = [...rows.flatMap((r) => (r.createdBy === null ? [] : [r.createdBy])), ...[...logged.values()].flatMap((a) => {
    const found = accountOf(a);
    return found ? [found.id] : [];
  })];
  const names = accountNames(db, [...new Set(ids)]);
  return new Map(rows.map((row): [number, Maker] => {
    const actor = logged.get(row.version);
    const account = accountOf(actor);
    const id = row.createdBy ?? account?.id;
    const name = id === undefined ? undefined : names.get(id);
    if (name !== undefined) return [row.version, { kind: 'account', name, token: account?.token === true && account.id === id }];
    if (actor === 'cli') return [row.version, { kind: 'cli' }];
    if (actor === 'demo') return [row.version, { kind: 'demo' }];
    return [row.version, { kind: 'unknown' }];
  }));
}

/** Where a version stands against the one people hold. */
export function statusOf(version: number, publishedAt: string | null, held: number | null): VersionStatus {
  if (held === null) return 'draft';
  if (version === held) return 'published';
  if (version > held) return 'draft';
  return publishedAt !== null ? 'superseded' : 'earlier';
}

/** Every version of an event's plan, newest first, with who made it and where it stands; undefined for no such event. */
export function eventVersions(db: Db, slug: string): EventVersions | undefined {
  const bundle = loadBundle(db, slug);
  if (!bundle) return undefined;
  const held = publishedPlan(db, bundle.key)?.version ?? null;
  const by = makers(db, bundle.key);
  const versions = listPlans(db, bundle.key).map((v) => ({
    version: v.version, createdAt: v.createdAt, maker: by.get(v.version) ?? { kind: 'unknown' as const }, scheduled: v.scheduled,
    publishedAt: v.publishedAt, status: statusOf(v.version, v.publishedAt, held),
  }));
  return { bundle, versions, published: held };
}

/** Two versions side by side: every applicant whose day differs, and whom to tell. */
export interface Comparison {
  bundle: Bundle & { key: number };
  from: StoredPlan;
  to: StoredPlan;
  /** Applicants given another time (`moved`) or other volunteers at the same time (`reassigned`). */
  moved: PlanChange[];
  added: PlanChange[];
  removed: PlanChange[];
  /** Applicants whose slip changes (moved, added, dropped) and volunteers whose day differs. */
  notice: Notice;
}

export type CompareOutcome = ({ kind: 'compared' } & Comparison) | { kind: 'not_found'; error: string };

/** Compares version `from` with version `to` of an event: what changes for whom going from the one to the other. */
export function compareVersions(db: Db, slug: string, from: number, to: number, actor: string): CompareOutcome {
  const bundle = loadBundle(db, slug);
  if (!bundle) return { kind: 'not_found', error: `Event ${slug} not found` };
  const before = loadPlan(db, bundle.key, from);
  const after = loadPlan(db, bundle.key, to);
  const missing = !before ? from : !after ? to : undefined;
  if (!before || !after) return { kind: 'not_found', error: `Plan version ${missing} of ${slug} not found` };
  const changes = diffPlans(before.plan, after.plan);
  // Who moves is read by applicant code: on the audit log as a view of the plan, like the event page.
  audit(db, actor, 'plan.view', slug, `version ${to} against ${from}`);
  return {
    kind: 'compared', bundle, from: before, to: after,
    moved: changes.filter((c) => c.change === 'moved' || c.change === 'reassigned'),
    added: changes.filter((c) => c.change === 'added'),
    removed: changes.filter((c) => c.change === 'removed'),
    notice: noticeFor(before, after.plan),
  };
}

/** What publishing a version would change, said before it is published. */
export interface PublishPreview {
  bundle: Bundle & { key: number };
  stored: StoredPlan;
  /** The version people hold now, if any. */
  published: StoredPlan | undefined;
  /** People hold this version already: publishing it changes nothing. */
  already: boolean;
  /** Whose day changes against the version people hold (against nothing before the first publish: see `first`). */
  notice: Notice;
  /** Before the first publish: everyone the version schedules hears of their day for the first time. */
  first: { applicants: number; volunteers: number } | null;
}

export type PreviewOutcome = ({ kind: 'preview' } & PublishPreview) | { kind: 'not_found'; error: string };

/** The volunteers a plan gives anything to do: visits, interpreting or desk shifts. */
function volunteersOf(plan: PlanJson): Set<string> {
  const ids = new Set<string>();
  for (const s of plan.scheduled) {
    for (const v of s.visits) {
      ids.add(v.volunteer);
      if (v.interpreter) ids.add(v.interpreter);
    }
  }
  for (const sh of plan.shifts) ids.add(sh.volunteer);
  return ids;
}

/** Whom publishing version N of an event would change things for, against the version people hold. */
export function publishPreview(db: Db, slug: string, version: number): PreviewOutcome {
  const bundle = loadBundle(db, slug);
  const stored = bundle && loadPlan(db, bundle.key, version);
  if (!bundle || !stored) return { kind: 'not_found', error: `Plan version ${version} of ${slug} not found` };
  const published = publishedPlan(db, bundle.key);
  const already = published?.version === version;
  const notice = noticeFor(published && !already ? published : undefined, stored.plan);
  const first = published ? null : { applicants: stored.plan.scheduled.length, volunteers: volunteersOf(stored.plan).size };
  return { kind: 'preview', bundle, stored, published, already, notice, first };
}
