import t from 'tap';
import { saveBundle } from '../../src/db/events.js';
import { revokeToken } from '../../src/db/tokens.js';
import { FRESNO, FRESNO_ID, sampleBundle } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';

async function planned(t: Parameters<typeof build>[0]) {
  const built = await build(t);
  saveBundle(built.store.db, sampleBundle(FRESNO), 'test');
  const headers = authHeader(built.store);
  const plan = (await built.app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { quick: true, iterations: 50 } })).json().plan;
  return { ...built, headers, plan };
}

t.test('station sheets for a token holder name each scheduled applicant, for use on site', async (t) => {
  const { app, headers, plan } = await planned(t);
  const res = await app.inject({ url: `/api/events/${FRESNO_ID}/sheets.html`, headers });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /text\/html/);
  const names = new Map(sampleBundle(FRESNO).applicants.map((a) => [a.id, a.name]));
  for (const s of plan.scheduled) t.ok(res.body.includes(s.applicant), `${s.applicant} is on the sheets`);
  t.ok(res.body.includes(names.get(plan.scheduled[0].applicant)!), 'names are on the sheets');
});

t.test('sheets and slips need a token, and an event with no plan answers 404 saying so', async (t) => {
  const built = await build(t);
  saveBundle(built.store.db, sampleBundle(FRESNO), 'test');
  t.equal((await built.app.inject(`/api/events/${FRESNO_ID}/sheets.html`)).statusCode, 401);
  const res = await built.app.inject({ url: `/api/events/${FRESNO_ID}/slips.html`, headers: authHeader(built.store) });
  t.equal(res.statusCode, 404);
  t.match(res.json().error, /has no plan yet/);
});

t.test('all slips print for a token holder', async (t) => {
  const { app, headers, plan } = await planned(t);
  const res = await app.inject({ url: `/api/events/${FRESNO_ID}/slips.html?per_page=4`, headers });
  t.equal(res.statusCode, 200);
  for (const s of plan.scheduled) t.ok(res.body.includes(s.applicant), `${s.applicant} has a slip`);
});

t.test('an applicant opens their own slip by link, and only theirs', async (t) => {
  const { app, headers, plan } = await planned(t);
  const mine = plan.scheduled[0].applicant;
  const other = plan.scheduled[1].applicant;
  const link = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/applicants/${mine}/slip-link`, headers });
  t.equal(link.statusCode, 201);
  const page = await app.inject(new URL(link.json().url).pathname);
  t.equal(page.statusCode, 200);
  t.ok(page.body.includes(mine));
  t.notOk(page.body.includes(`>${other}<`), 'no other applicant on it');
});

t.test('a revoked or made-up slip link answers 404 in plain words', async (t) => {
  const { app, headers, plan, store } = await planned(t);
  const { url } = (await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/applicants/${plan.scheduled[0].applicant}/slip-link`, headers })).json();
  const path = new URL(url).pathname;
  revokeToken(store.db, path.replace('/slips/', ''), new Date().toISOString());
  const res = await app.inject(path);
  t.equal(res.statusCode, 404);
  t.match(res.body, 'This link does not work');
  t.equal((await app.inject('/slips/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode, 404);
});

t.test('a slip link for an applicant who is not there answers 404', async (t) => {
  const { app, headers } = await planned(t);
  t.equal((await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/applicants/A9999/slip-link`, headers })).statusCode, 404);
});

t.test('pages allow the printed stylesheet by its hash and no other inline style', async (t) => {
  const { app, headers } = await planned(t);
  const { PRINT_CSS_HASH } = await import('../../src/outputs/print.js');
  const res = await app.inject({ url: `/api/events/${FRESNO_ID}/sheets.html`, headers });
  const csp = String(res.headers['content-security-policy']);
  t.match(csp, `style-src 'self' ${PRINT_CSS_HASH}`);
  t.notMatch(csp, 'unsafe-inline');
});
