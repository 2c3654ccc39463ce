// A hand-edited plan sent back with PUT: the plan JSON exactly as Taller gives it, and nothing else.
import { join } from 'node:path';
import t from 'tap';
import type { Test } from 'tap';
import { saveBundle } from '../../src/db/events.js';
import { savePlan } from '../../src/db/plans.js';
import { plan } from '../../src/planner/index.js';
import { FRESNO, FRESNO_ID, SAMPLES_DIR, sampleBundle, tempDir } from '../support/fixtures.js';
import { runTaller } from '../support/cli.js';
import { authHeader, build } from '../support/http.js';

const BUNDLE = sampleBundle(FRESNO);
const PLAN = plan(BUNDLE, { quick: true, iterations: 50 });

async function withPlan(t: Test) {
  const built = await build(t);
  savePlan(built.store.db, saveBundle(built.store.db, BUNDLE, 'test').eventId, PLAN, {}, 'test');
  return { ...built, headers: authHeader(built.store) };
}

type Built = Awaited<ReturnType<typeof withPlan>>;
const put = ({ app, headers }: Built, payload: unknown) => app.inject({ method: 'PUT', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: payload as object });
const versions = async ({ app, headers }: Built) => (await app.inject({ url: `/api/events/${FRESNO_ID}/plans`, headers })).json().length;

t.test('a hand-edited plan with a field the plan JSON does not have is refused, naming the field, and nothing is stored', async (t) => {
  const built = await withPlan(t);
  const edited = structuredClone(PLAN) as unknown as { scheduled: Record<string, unknown>[] };
  edited.scheduled[1]!.colour = 'red';
  const res = await put(built, edited);
  t.equal(res.statusCode, 400);
  t.equal(res.json().error, 'body.scheduled.1 has an unknown field "colour": remove it');
  t.equal(await versions(built), 1);
});

t.test('an unknown field at the top of a hand-edited plan is refused by its name', async (t) => {
  const built = await withPlan(t);
  const res = await put(built, { ...PLAN, notes: 'call Ana back' });
  t.equal(res.statusCode, 400);
  t.equal(res.json().error, 'body has an unknown field "notes": remove it');
});

t.test('a plan sent back exactly as GET …/plans/:version gave it is stored as the next version', async (t) => {
  const built = await withPlan(t);
  const got = await built.app.inject({ url: `/api/events/${FRESNO_ID}/plans/1`, headers: built.headers });
  const res = await put(built, got.json());
  t.equal(res.statusCode, 201, res.body);
  t.same(res.json(), { version: 2 });
});

t.test('a plan exactly as taller plan prints it is accepted', async (t) => {
  const built = await withPlan(t);
  const printed = await runTaller(join(tempDir(t), 'cli.sqlite'), ['plan', join(SAMPLES_DIR, FRESNO), '--quick', '--iterations', '50']);
  t.equal(printed.code, 0);
  const res = await built.app.inject({
    method: 'PUT', url: `/api/events/${FRESNO_ID}/plan`, headers: { ...built.headers, 'content-type': 'application/json' }, payload: printed.stdout,
  });
  t.equal(res.statusCode, 201, res.body);
});
