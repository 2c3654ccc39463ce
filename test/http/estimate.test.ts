import t from 'tap';
import { saveBundle } from '../../src/db/events.js';
import { additionPhrase, gainPhrase } from '../../src/http/estimate-view.js';
import { FRESNO, FRESNO_ID, sampleBundle } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';

async function withPlan(t: Parameters<typeof build>[0]) {
  const built = await build(t);
  saveBundle(built.store.db, sampleBundle(FRESNO), 'test');
  const headers = authHeader(built.store);
  await built.app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { quick: true, iterations: 50 } });
  return { ...built, headers };
}

t.test('the estimate API simulates the stored plan and answers the estimate JSON', async (t) => {
  const { app, headers } = await withPlan(t);
  const res = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/estimate`, headers, payload: { runs: 50, what_if: false } });
  t.equal(res.statusCode, 200);
  const body = res.json();
  t.match(body, { runs: 50, seed: 1, served: { mean: Number }, bottleneck: String, what_if: [] });
  t.equal(body.stations.length, 5);
});

t.test('the same estimate request gives the same answer', async (t) => {
  const { app, headers } = await withPlan(t);
  const ask = () => app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/estimate`, headers, payload: { runs: 30, what_if: false } });
  t.equal((await ask()).body, (await ask()).body);
});

t.test('the estimate API answers 404 for a plan version that is not there, and needs an account', async (t) => {
  const { app, headers } = await withPlan(t);
  t.equal((await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/estimate`, headers, payload: { version: 9 } })).statusCode, 404);
  t.equal((await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/estimate`, payload: {} })).statusCode, 401);
});

t.test('the event page shows the simulated day, the bottleneck in words and whom to add', async (t) => {
  const { app, headers } = await withPlan(t);
  const page = await app.inject({ url: `/events/${FRESNO_ID}`, headers });
  t.equal(page.statusCode, 200);
  t.match(page.body, /Over 200 simulated days/);
  t.match(page.body, /Where it jams: <strong>[A-Z][a-z ]+<\/strong>/);
  t.match(page.body, /<svg role="img" aria-labelledby="util-title"/);
  t.match(page.body, /— bottleneck<\/text>/);
  t.match(page.body, /one more Spanish-speaking attorney: about \d+ more people served/);
  t.match(page.body, /<title id="queue-title">People waiting at each station through the day\. Longest queue: [a-z ]+, about [\d.]+ people waiting around \d{1,2}:\d\d\s[AP]M\.<\/title>/);
});

t.test('the event page says how many to register to fill the day', async (t) => {
  const { app, headers } = await withPlan(t);
  const page = await app.inject({ url: `/events/${FRESNO_ID}`, headers });
  t.match(page.body, /The day fits (at least )?\d+ appointments\. With about \d+ no-shows and \d+ walk-ins expected, register about \d+; /);
});

t.test('what-if lines read as a coordinator would say them', async (t) => {
  t.equal(additionPhrase('attorney', ['es']), 'one more Spanish-speaking attorney');
  t.equal(additionPhrase('interpreter', ['trs', 'es']), 'one more Triqui–Spanish interpreter');
  t.equal(gainPhrase(6.4), 'about 6 more people served');
  t.equal(gainPhrase(1.2), 'about 1 more person served');
  t.equal(gainPhrase(0.2), 'no clear gain in people served');
});
