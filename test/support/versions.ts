/**
 * A planned Fresno day with three stored versions made by three kinds of maker, for the plan
 * versions and print pages: version 1 by a coordinator of Casa Legal (signed in), version 2
 * by the command line, version 3 through an API token. Version 2 differs from version 1 in
 * exactly three applicants: one added, one dropped, one moved a quarter hour later. Accounts
 * sign in with a password as a browser does (sessions, form tokens), through Visitor.
 */
import type { Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { saveBundle } from '../../src/db/events.js';
import type { OpenDatabase } from '../../src/db/index.js';
import { eventKey, savePlan } from '../../src/db/plans.js';
import { listAccounts, organizationNamed } from '../../src/db/users.js';
import type { Bundle } from '../../src/domain/index.js';
import { plan } from '../../src/planner/index.js';
import type { PlanJson, ScheduledJson } from '../../src/planner/types.js';
import { addAccount } from '../../src/services/users.js';
import { FRESNO, FRESNO_ID, sampleBundle, tempDatabase } from './fixtures.js';
import { authHeader, build, Visitor } from './http.js';

export const PASSWORD = 'correct horse battery staple';
export const CORA = { name: 'Cora Coordinator', email: 'cora@example.org', role: 'coordinator', organization: 'Casa Legal' } as const;
export const VERA = { name: 'Vera Viewer', email: 'vera@example.org', role: 'viewer', organization: 'Casa Legal' } as const;
export const OTTO = { name: 'Otto Other', email: 'otto@example.org', role: 'coordinator', organization: 'Otra Organización' } as const;

/** A stay moved by some minutes: its arrival, desk steps and visits alike. */
function shifted(stay: ScheduledJson, minutes: number): ScheduledJson {
  const move = (iso: string) => DateTime.fromISO(iso, { setZone: true }).plus({ minutes }).toISO({ suppressMilliseconds: true })!;
  const span = <T extends { start: string; end: string }>(s: T): T => ({ ...s, start: move(s.start), end: move(s.end) });
  return {
    ...stay, arrival: move(stay.arrival), check_in: stay.check_in && span(stay.check_in), visits: stay.visits.map(span),
    final_check: stay.final_check && span(stay.final_check),
  };
}

const withScheduled = (base: PlanJson, scheduled: ScheduledJson[]): PlanJson => ({
  ...base, scheduled, summary: { ...base.summary, scheduled: scheduled.length },
});

export interface VersionsDay {
  app: FastifyInstance;
  store: OpenDatabase;
  bundle: Bundle;
  /** The planner's plan of the day: version 3 as it is. */
  base: PlanJson;
  v1: PlanJson;
  v2: PlanJson;
  /** Added, dropped and moved going from version 1 to version 2. */
  added: string;
  dropped: string;
  moved: string;
  /** Account numbers. */
  ids: { cora: number; vera: number; otto: number };
  /** Signs one of the accounts in, as a browser would. */
  signIn(who: typeof CORA | typeof VERA | typeof OTTO, headers?: Record<string, string>): Promise<Visitor>;
}

/** The Fresno day with its three versions, nothing published. */
export async function versionsDay(t: Test): Promise<VersionsDay> {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  const bundle = sampleBundle(FRESNO);
  saveBundle(store.db, bundle, 'test', organizationNamed(store.db, 'Casa Legal'));
  const ids = { cora: 0, vera: 0, otto: 0 };
  for (const [key, who] of [['cora', CORA], ['vera', VERA], ['otto', OTTO]] as const) {
    const made = await addAccount(store.db, { ...who, password: PASSWORD }, 'test');
    if (!made.ok) throw new Error(`no account ${who.email}: ${made.problems[0]?.message}`);
    ids[key] = made.id;
  }
  const base = plan(bundle, { iterations: 30, seed: 7 });
  const [x, y, z] = [base.scheduled[0]!, base.scheduled[1]!, base.scheduled[2]!];
  if (!x || !y || !z) throw new Error('the Fresno plan schedules fewer than three applicants');
  const v1 = withScheduled(base, base.scheduled.filter((s) => s !== x));
  const v2 = withScheduled(base, base.scheduled.filter((s) => s !== y).map((s) => (s === z ? shifted(s, 15) : s)));
  const key = eventKey(store.db, FRESNO_ID)!;
  savePlan(store.db, key, v1, { quick: true }, `user:${ids.cora}`);
  savePlan(store.db, key, v2, { edited: true }, 'cli');
  const put = await app.inject({ method: 'PUT', url: `/api/events/${FRESNO_ID}/plan`, headers: authHeader(store, { role: 'coordinator', organization: 'Casa Legal' }), payload: base });
  if (put.statusCode !== 201) throw new Error(`version 3 was not stored: ${put.body}`);
  const signIn = async (who: typeof CORA | typeof VERA | typeof OTTO, headers: Record<string, string> = {}) => {
    const visitor = new Visitor(app, headers);
    await visitor.get('/sign-in');
    const res = await visitor.post('/sign-in', { email: who.email, password: PASSWORD, next: '/' });
    if (res.statusCode !== 303) throw new Error(`${who.email} did not sign in: ${res.statusCode}`);
    return visitor;
  };
  return { app, store, bundle, base, v1, v2, added: x.applicant, dropped: y.applicant, moved: z.applicant, ids, signIn };
}

/** The account number of the account authHeader makes for a coordinator of Casa Legal. */
export function tokenAccount(store: OpenDatabase): number | undefined {
  return listAccounts(store.db).find((a) => a.email === 'coordinator.casa-legal@example.org')?.id;
}

/** The volunteers whose day differs between two plans, worked out here from their visits, interpreting and shifts. */
export function volunteersTouched(before: PlanJson, after: PlanJson): string[] {
  const duties = (p: PlanJson) => {
    const all = new Map<string, Set<string>>();
    const add = (who: string, what: string) => all.set(who, (all.get(who) ?? new Set()).add(what));
    for (const s of p.scheduled) {
      for (const v of s.visits) {
        add(v.volunteer, `${s.applicant} ${v.station} ${v.start} ${v.end}`);
        if (v.interpreter) add(v.interpreter, `${s.applicant} ${v.station} ${v.start} ${v.end} interpreting`);
      }
    }
    for (const sh of p.shifts) add(sh.volunteer, `${sh.station} ${sh.start} ${sh.end}`);
    return all;
  };
  const a = duties(before);
  const b = duties(after);
  const same = (x?: Set<string>, y?: Set<string>) => (x?.size ?? 0) === (y?.size ?? 0) && [...(x ?? [])].every((d) => y?.has(d));
  return [...new Set([...a.keys(), ...b.keys()])].filter((v) => !same(a.get(v), b.get(v))).sort();
}
