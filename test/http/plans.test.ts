import t from 'tap';
import { saveBundle } from '../../src/db/events.js';
import { FRESNO, FRESNO_ID, sampleBundle } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';

const QUICK = { quick: true, iterations: 50 };

async function withFresno(t: Parameters<typeof build>[0]) {
  const built = await build(t);
  saveBundle(built.store.db, sampleBundle(FRESNO), 'test');
  return { ...built, headers: authHeader(built.store) };
}

t.test('planning an event stores version 1 and answers with the plan', async (t) => {
  const { app, headers } = await withFresno(t);
  const res = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: QUICK });
  t.equal(res.statusCode, 201);
  const body = res.json();
  t.equal(body.version, 1);
  t.equal(body.from, null);
  t.equal(body.plan.event, FRESNO_ID);
  t.equal(body.plan.summary.applicants, 40);
});

t.test('planning again makes version 2 from version 1', async (t) => {
  const { app, headers } = await withFresno(t);
  await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: QUICK });
  const res = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: QUICK });
  t.match(res.json(), { version: 2, from: 1 });
  const list = await app.inject({ url: `/api/events/${FRESNO_ID}/plans`, headers });
  t.same(list.json().map((v: { version: number }) => v.version), [2, 1]);
});

t.test('a re-plan after publishing keeps every published arrival', async (t) => {
  const { app, headers } = await withFresno(t);
  const first = (await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: QUICK })).json();
  const published = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plans/1/publish`, headers });
  t.equal(published.statusCode, 200);
  const second = (await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { ...QUICK, seed: 99 } })).json();
  t.equal(second.pinned.length, first.plan.scheduled.length);
  const arrivals = new Map(second.plan.scheduled.map((s: { applicant: string; arrival: string }) => [s.applicant, s.arrival]));
  for (const s of first.plan.scheduled) t.equal(arrivals.get(s.applicant), s.arrival, `${s.applicant} keeps ${s.arrival}`);
});

t.test('the changes of a version list who was added, moved or reassigned', async (t) => {
  const { app, headers } = await withFresno(t);
  await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: QUICK });
  const changes = await app.inject({ url: `/api/events/${FRESNO_ID}/plans/1/changes`, headers });
  t.equal(changes.statusCode, 200);
  const body = changes.json();
  t.equal(body.from, null);
  t.ok(body.changes.length > 0);
  t.ok(body.changes.every((c: { change: string }) => c.change === 'added'));
});

t.test('reads one stored version, and answers 404 for a version that is not there', async (t) => {
  const { app, headers } = await withFresno(t);
  await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: QUICK });
  t.equal((await app.inject({ url: `/api/events/${FRESNO_ID}/plans/1`, headers })).json().event, FRESNO_ID);
  const missing = await app.inject({ url: `/api/events/${FRESNO_ID}/plans/7`, headers });
  t.equal(missing.statusCode, 404);
  t.same(missing.json(), { error: `Plan version 7 of ${FRESNO_ID} not found` });
});

t.test('a hand-edited plan that breaks a rule is refused with the rule named, and nothing is stored', async (t) => {
  const { app, headers } = await withFresno(t);
  const plan = (await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: QUICK })).json().plan;
  const review = plan.scheduled[0].visits.find((v: { station: string }) => v.station === 'review');
  review.volunteer = 'V004'; // a form filler may not review
  const res = await app.inject({ method: 'PUT', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: plan });
  t.equal(res.statusCode, 400);
  t.ok(res.json().violations.some((v: { rule: string }) => v.rule === 'roleBoundaries'));
  t.equal((await app.inject({ url: `/api/events/${FRESNO_ID}/plans`, headers })).json().length, 1);
});

t.test('a hand-edited plan that keeps every rule is stored as the next version', async (t) => {
  const { app, headers } = await withFresno(t);
  const plan = (await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: QUICK })).json().plan;
  const res = await app.inject({ method: 'PUT', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: plan });
  t.equal(res.statusCode, 201);
  t.same(res.json(), { version: 2 });
});

t.test('a plan body of the wrong shape answers 400 naming the field', async (t) => {
  const { app, headers } = await withFresno(t);
  const res = await app.inject({ method: 'PUT', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { event: FRESNO_ID, scheduled: 'all' } });
  t.equal(res.statusCode, 400);
  t.match(res.json().error, /^body/);
});

t.test('a plan request with an unknown option answers 400', async (t) => {
  const { app, headers } = await withFresno(t);
  const res = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { speed: 'max' } });
  t.equal(res.statusCode, 400);
});

t.test('plans need an API token', async (t) => {
  const { app } = await withFresno(t);
  t.equal((await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, payload: QUICK })).statusCode, 401);
  t.equal((await app.inject({ url: `/api/events/${FRESNO_ID}/plans` })).statusCode, 401);
});

t.test('planning an event that is not there answers 404', async (t) => {
  const { app, headers } = await withFresno(t);
  const res = await app.inject({ method: 'POST', url: '/api/events/nowhere-2027-01-01/plan', headers, payload: QUICK });
  t.equal(res.statusCode, 404);
});

t.test('the event page shows the latest plan by applicant code, without names', async (t) => {
  const { app, headers } = await withFresno(t);
  const plan = (await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: QUICK })).json().plan;
  const page = await app.inject({ url: `/events/${FRESNO_ID}`, headers });
  t.match(page.body, `<strong>${plan.summary.scheduled} of 40</strong> applicants scheduled`);
  t.match(page.body, `<td class="code">${plan.scheduled[0].applicant}</td>`);
  for (const a of sampleBundle(FRESNO).applicants) t.notOk(page.body.includes(a.name), `no ${a.id} name`);
});

t.test('the server answers other requests while a long plan is computed', async (t) => {
  const { app, headers } = await withFresno(t);
  let planned = false;
  const long = app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { iterations: 40000 } })
    .then((res) => { planned = true; return res; });
  // Long enough for the plan to have started: in this thread, it would hold this timer back too.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const health = await app.inject({ url: '/health' });
  t.equal(health.statusCode, 200);
  t.notOk(planned, 'the health check came back before the plan');
  t.equal((await long).statusCode, 201);
});
