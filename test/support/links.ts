/**
 * A published Fresno day and personal links into it, for the tests of volunteers' own pages,
 * the coordinators' links page and their overview.
 */
import type { FastifyInstance } from 'fastify';
import type { Test } from 'tap';
import { saveBundle } from '../../src/db/events.js';
import type { OpenDatabase } from '../../src/db/index.js';
import { savePlan } from '../../src/db/plans.js';
import { organizationNamed } from '../../src/db/users.js';
import type { AppOptions } from '../../src/http/app.js';
import { plan } from '../../src/planner/index.js';
import type { PlanJson } from '../../src/planner/types.js';
import { makeLink } from '../../src/services/links.js';
import type { PersonKind } from '../../src/services/links.js';
import { publishVersion } from '../../src/services/plans.js';
import { addAccount } from '../../src/services/users.js';
import { FRESNO, FRESNO_ID, sampleBundle, tempDatabase } from './fixtures.js';
import { build, Visitor } from './http.js';

export const BUNDLE = sampleBundle(FRESNO);
export const PLAN: PlanJson = plan(BUNDLE, { quick: true, iterations: 50 });
export const ORG = 'Casa Legal';
export const PASSWORD = 'correct horse battery staple';

/** The applicants a volunteer sees in a plan: those they give a visit to or interpret for. */
export function applicantsOf(p: PlanJson, code: string): string[] {
  return [...new Set(p.scheduled.filter((s) => s.visits.some((v) => v.volunteer === code || v.interpreter === code)).map((s) => s.applicant))].sort();
}

/** The volunteers with visits that day, busiest first. */
export const BUSY = [...new Set(PLAN.scheduled.flatMap((s) => s.visits.map((v) => v.volunteer)))]
  .sort((a, b) => applicantsOf(PLAN, b).length - applicantsOf(PLAN, a).length || a.localeCompare(b));

/**
 * The app over a fresh database holding the Fresno event (run by Casa Legal) and its plan as
 * version 1, published unless told otherwise.
 */
export async function fresnoDay(t: Test, options: { publish?: boolean; app?: Omit<AppOptions, 'database'> } = {}) {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false, ...options.app });
  const key = saveBundle(store.db, BUNDLE, 'test', organizationNamed(store.db, ORG)).eventId;
  savePlan(store.db, key, PLAN, {}, 'test');
  if (options.publish !== false) publishVersion(store.db, FRESNO_ID, 1, 'test');
  return { app, store, key };
}

/** The path of a new personal link of one person of the Fresno event (`/v/TOKEN` or `/a/TOKEN`). */
export function linkPath(store: OpenDatabase, code: string, kind: PersonKind = 'volunteer', event = FRESNO_ID): string {
  const made = makeLink(store.db, 'http://localhost', { event, kind, code }, {}, 'test');
  if (!made.ok) throw new Error(`no link for ${kind} ${code}: ${made.reason}`);
  return new URL(made.url).pathname;
}

/** A coordinator (or a viewer) of Casa Legal, signed in through the pages as a browser is. */
export async function signedIn(app: FastifyInstance, store: OpenDatabase, role: 'coordinator' | 'viewer' = 'coordinator', headers: Record<string, string> = {}): Promise<Visitor> {
  const email = `${role}@casa-legal.example.org`;
  await addAccount(store.db, { email, name: `Cora ${role}`, role, organization: ORG, password: PASSWORD }, 'test');
  const visitor = new Visitor(app, headers);
  await visitor.get('/sign-in');
  const res = await visitor.post('/sign-in', { email, password: PASSWORD, next: '/' });
  if (res.statusCode !== 303) throw new Error(`sign-in answered ${res.statusCode}`);
  return visitor;
}
