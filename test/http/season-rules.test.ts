// The collaborative's own travel times and monthly limit: set by an admin on /season/rules, used by
// the season calendar and by every import's one-pool check.
import t from 'tap';
import type { Test } from 'tap';
import { saveBundle } from '../../src/db/events.js';
import { auditLog } from '../../src/db/schema.js';
import { organizationNamed } from '../../src/db/users.js';
import type { Bundle } from '../../src/domain/index.js';
import { importBundle } from '../../src/services/bundles.js';
import { FRESNO, sampleBundle, sampleFiles, tempDatabase } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';

const ORG = 'Casa Legal';
const html = { accept: 'text/html' };
const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...html },
});
const RULES = { same_county: '45', other_county: '150', monthly_limit: '3', pairs: 'Fresno, Madera, 130\nmerced ,FRESNO, 75' };

/** Fresno's workshop in the morning (V001, by e-mail, 09:00–11:00) and a Madera one the same afternoon with V001 from 13:00: two hours apart. */
async function twoWorkshops(t: Test) {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  const org = organizationNamed(store.db, ORG);
  const fresno = sampleBundle(FRESNO);
  const morning: Bundle = { ...fresno, volunteers: fresno.volunteers.map((v, i) => (i === 0 ? { ...v, available: [{ start: 0, end: 120 }] } : { ...v, email: undefined })) };
  const afternoon: Bundle = {
    ...fresno, event: { ...fresno.event, id: 'madera-afternoon', site: { ...fresno.event.site, name: 'Madera hall', county: 'Madera' } },
    volunteers: fresno.volunteers.map((v, i) => (i === 0 ? { ...v, available: [{ start: 240, end: 420 }] } : { ...v, email: undefined })),
  };
  saveBundle(store.db, morning, 'test', org);
  saveBundle(store.db, afternoon, 'test', org);
  const admin = authHeader(store, { role: 'admin' });
  return { app, store, admin, coordinator: authHeader(store, { role: 'coordinator', organization: ORG }) };
}

t.test('an admin sets the travel times; the season calendar then flags a person the longer drive keeps from reaching both workshops', async (t) => {
  const { app, admin, coordinator } = await twoWorkshops(t);
  const flagged = async () => /1 person booked elsewhere too/.test((await app.inject({ url: '/season', headers: { ...coordinator, ...html } })).body);
  t.notOk(await flagged(), 'two hours apart, and two hours between counties by default');
  const page = await app.inject({ url: '/season/rules', headers: { ...admin, ...html } });
  t.equal(page.statusCode, 200);
  t.match(page.body, 'value="120"', 'the defaults are shown');
  const saved = await app.inject({ method: 'POST', url: '/season/rules', ...form(RULES), headers: { ...admin, ...form(RULES).headers } });
  t.equal(saved.statusCode, 303);
  t.equal(saved.headers.location, '/season/rules?saved=1');
  const again = (await app.inject({ url: '/season/rules?saved=1', headers: { ...admin, ...html } })).body;
  t.match(again, 'Saved.');
  t.match(again, 'Fresno, Madera, 130\nmerced, FRESNO, 75', 'the pairs as written, one a line');
  t.ok(await flagged(), 'Fresno to Madera now takes 130 minutes');
});

t.test('an import books someone the travel set by the admin keeps from reaching another workshop: refused', async (t) => {
  const { app, store, admin } = await twoWorkshops(t);
  await app.inject({ method: 'POST', url: '/season/rules', ...form({ ...RULES, pairs: '' }), headers: { ...admin, ...form(RULES).headers } });
  // The Fresno sample again, as another workshop that day in Merced County, V001 all day: within 150 minutes of both.
  const files = sampleFiles(FRESNO);
  const event = JSON.parse(new TextDecoder().decode(files['event.json'])) as Record<string, unknown> & { site: Record<string, unknown> };
  files['event.json'] = new TextEncoder().encode(JSON.stringify({ ...event, id: 'merced-too', site: { ...event.site, name: 'Merced hall', county: 'Merced' } }));
  const outcome = importBundle(store.db, files, 'test');
  t.notOk(outcome.ok);
  t.match(outcome.ok ? '' : outcome.errors.map((e) => e.message).join('\n'), /the travel between the sites takes 150|the two overlap/);
});

t.test('a coordinator may not see or set the rules', async (t) => {
  const { app, coordinator } = await twoWorkshops(t);
  t.equal((await app.inject({ url: '/season/rules', headers: { ...coordinator, ...html } })).statusCode, 403);
  t.equal((await app.inject({ method: 'POST', url: '/season/rules', ...form(RULES), headers: { ...coordinator, ...form(RULES).headers } })).statusCode, 403);
  t.notMatch((await app.inject({ url: '/season', headers: { ...coordinator, ...html } })).body, 'href="/season/rules"', 'nor is offered the link');
});

t.test('a wrong field or pair line is refused, naming it, and nothing is saved', async (t) => {
  const { app, store, admin } = await twoWorkshops(t);
  const bad = { same_county: 'an hour', other_county: '150', monthly_limit: '40', pairs: 'Fresno, Madera, 130\nFresno Madera 90\nMadera, Fresno, 20' };
  const page = await app.inject({ method: 'POST', url: '/season/rules', ...form(bad), headers: { ...admin, ...form(bad).headers } });
  t.equal(page.statusCode, 400);
  t.match(page.body, 'Please fix 4 things');
  t.match(page.body, 'Write a whole number of minutes from 0 to 1440.');
  t.match(page.body, 'Write a whole number of workshops from 1 to 31.');
  t.match(page.body, 'Line 2: write two counties and the minutes, separated by commas.');
  t.match(page.body, 'Line 3: this pair of counties is given already on an earlier line.');
  t.match(page.body, 'value="an hour"', 'what was typed is kept');
  t.equal(store.db.select().from(auditLog).all().filter((r) => r.action === 'season.rules').length, 0);
  t.match((await app.inject({ url: '/season/rules', headers: { ...admin, ...html } })).body, 'value="120"', 'the rules are as they were');
});

t.test('the rules page in Spanish', async (t) => {
  const { app, admin } = await twoWorkshops(t);
  const page = await app.inject({ url: '/season/rules', headers: { ...admin, ...html, 'accept-language': 'es' } });
  t.match(page.body, '<h1>Tiempos de viaje y el límite mensual</h1>');
});
