import t from 'tap';
import { saveBundle } from '../../src/db/events.js';
import { FRESNO, FRESNO_ID, sampleBundle } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';
import { auditLog } from '../../src/db/schema.js';
import fc from 'fast-check';
import { eventKey, savePlan } from '../../src/db/plans.js';
import { plan } from '../../src/planner/index.js';
import { addedMarkup, hostile, PLAIN, plantedIn } from '../support/markup.js';

t.test('the home page lists each workshop with its date, site and counts', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const res = await app.inject({ url: '/', headers: authHeader(store) });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /text\/html/);
  t.match(res.body, `<a href="/events/${FRESNO_ID}">DACA &amp; Citizenship Saturday — Fresno</a>`);
  t.match(res.body, 'Saturday, May 22, 2027');
  t.match(res.body, 'St. Anthony Parish Hall');
});

t.test('the home page with no workshops says how to import one', async (t) => {
  const { app, store } = await build(t);
  const res = await app.inject({ url: '/', headers: authHeader(store) });
  t.match(res.body, 'No workshops yet');
  t.match(res.body, 'npx taller import DIR');
});

t.test('the event page names the languages applicants speak, Triqui included, and counts who needs an interpreter', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const res = await app.inject({ url: `/events/${FRESNO_ID}`, headers: authHeader(store) });
  t.equal(res.statusCode, 200);
  // A0039 speaks only Triqui; A0012 and A0040 also speak Spanish or English.
  t.match(res.body, '<tr class="warn"><th scope="row">Triqui (trs)</th><td class="num">3</td><td class="num">0</td><td class="num">1</td></tr>');
  // Every Mixteco speaker here also speaks Spanish.
  t.match(res.body, '<tr><th scope="row">Mixteco (mix)</th><td class="num">4</td><td class="num">0</td><td class="num">0</td></tr>');
});

t.test('the event page of an event not yet planned shows no applicant names', async (t) => {
  const { app, store } = await build(t);
  const bundle = sampleBundle(FRESNO);
  saveBundle(store.db, bundle, 'test');
  const res = await app.inject({ url: `/events/${FRESNO_ID}`, headers: authHeader(store) });
  for (const a of bundle.applicants) t.notOk(res.body.includes(a.name), `${a.id}'s name is not on the page`);
});

t.test('pages load their stylesheet from this server only', async (t) => {
  const { app, store } = await build(t);
  const page = await app.inject({ url: '/', headers: authHeader(store) });
  t.match(page.body, '<link rel="stylesheet" href="/static/css/app.css">');
  t.notMatch(page.body, /https?:\/\//);
  const css = await app.inject('/static/css/app.css');
  t.equal(css.statusCode, 200);
});

t.test('the sample bundles can be downloaded', async (t) => {
  const { app } = await build(t);
  const res = await app.inject('/static/samples/fresno-saturday/volunteers.csv');
  t.equal(res.statusCode, 200);
  t.match(res.body, /^id,name,email,phone,role,languages/);
});

t.test('a page that is not there answers 404 in HTML for a browser', async (t) => {
  const { app, store } = await build(t);
  const res = await app.inject({ url: '/events/nowhere-2027-01-01', headers: { accept: 'text/html', ...authHeader(store) } });
  t.equal(res.statusCode, 404);
  t.match(res.headers['content-type'], /text\/html/);
  t.match(res.body, '<h1>Not found</h1>');
});

/** The Fresno sample stored and planned through the API (a draft with people left out). */
async function plannedFresno(t: Parameters<typeof build>[0]) {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const headers = authHeader(store);
  await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { quick: true, finish_probability: 0 } });
  return { app, store, headers };
}

t.test('without an account the event page says nothing about the event: 401 for a script, the sign-in page for a browser', async (t) => {
  const { app } = await plannedFresno(t);
  const res = await app.inject(`/events/${FRESNO_ID}`);
  t.equal(res.statusCode, 401);
  t.notMatch(res.body, /Fresno|A00\d\d|V0\d\d|scheduled/);
  const browser = await app.inject({ url: `/events/${FRESNO_ID}`, headers: { accept: 'text/html' } });
  t.equal(browser.statusCode, 303);
  t.match(browser.headers.location, /^\/sign-in\?next=/);
});

t.test('with a token the event page shows each volunteer’s day and the reasons, and the view is audit-logged', async (t) => {
  const { app, store, headers } = await plannedFresno(t);
  const res = await app.inject({ url: `/events/${FRESNO_ID}`, headers });
  t.match(res.body, /\bA00\d\d\b/);
  t.match(res.body, /Each volunteer's day/);
  const logged = store.db.select().from(auditLog).all().filter((row) => row.action === 'plan.view');
  t.equal(logged.length, 1);
  t.match(logged[0]!.actor, /^token:\d+$/);
});

t.test('personal answers say no-store: the coordinator’s page, the API, a slip link and a calendar feed', async (t) => {
  const { app, headers } = await plannedFresno(t);
  t.equal((await app.inject({ url: `/events/${FRESNO_ID}`, headers })).headers['cache-control'], 'no-store');
  t.equal((await app.inject({ url: `/api/events/${FRESNO_ID}/plans`, headers })).headers['cache-control'], 'no-store');
  const plans = (await app.inject({ url: `/api/events/${FRESNO_ID}/plans/1`, headers })).json();
  const aid = plans.scheduled[0].applicant as string;
  const slip = (await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/applicants/${aid}/slip-link`, headers })).json().url as string;
  const slipRes = await app.inject(new URL(slip).pathname);
  t.equal(slipRes.statusCode, 200);
  t.equal(slipRes.headers['cache-control'], 'no-store');
  const feed = (await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/volunteers/V001/calendar-link`, headers })).json().url as string;
  const feedRes = await app.inject(new URL(feed).pathname);
  t.equal(feedRes.statusCode, 200);
  t.equal(feedRes.headers['cache-control'], 'no-store');
});

t.test('robots are asked to index nothing: robots.txt, a header and the pages themselves', async (t) => {
  const { app } = await build(t);
  t.equal((await app.inject('/robots.txt')).body, 'User-agent: *\nDisallow: /\n');
  const signIn = await app.inject('/sign-in');
  t.equal(signIn.headers['x-robots-tag'], 'noindex, nofollow');
});

t.test("the coordinator's event page shows hostile names and places as text, never as markup", async (t) => {
  const { app, store } = await build(t);
  const bundle = sampleBundle(FRESNO);
  const pageWith = async (names: string[]) => {
    saveBundle(store.db, plantedIn(bundle, names), 'test');
    return (await app.inject({ url: `/events/${FRESNO_ID}`, headers: authHeader(store) })).body;
  };
  await pageWith(PLAIN);
  savePlan(store.db, eventKey(store.db, FRESNO_ID)!, plan(bundle, { iterations: 20 }), {}, 'test');
  const plainPlanned = await pageWith(PLAIN);
  t.match(plainPlanned, 'Ana María Núñez', 'the page shows the planted event name');
  await fc.assert(fc.asyncProperty(fc.array(hostile, { minLength: 6, maxLength: 12 }), async (names) => {
    const found = addedMarkup(await pageWith(names), plainPlanned);
    if (found) throw new Error(`the page holds ${JSON.stringify(found)}`);
    return true;
  }), { numRuns: 10, seed: 9 });
});
