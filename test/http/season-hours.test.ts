// The season report's volunteer hours by organization on the page and in their own CSV, from a
// published plan: anonymous counts (no name, no code), the report's CSV as it was.
import t from 'tap';
import { saveBundle } from '../../src/db/events.js';
import { organizationNamed } from '../../src/db/users.js';
import type { Bundle } from '../../src/domain/index.js';
import type { PlanJson } from '../../src/planner/types.js';
import { addOrganization } from '../../src/services/organizations.js';
import { FRESNO, sampleBundle, tempDatabase } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';

const ORG = 'Casa Legal';
const html = { accept: 'text/html' };

t.test('the report shows volunteer hours by organization from the published plan, and downloads them as their own CSV', async (t) => {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  const fresno = sampleBundle(FRESNO);
  // Every attorney from Casa Legal; everyone else names no organization (but the sample's accredited representative).
  const bundle: Bundle = { ...fresno, volunteers: fresno.volunteers.map((v) => (v.role === 'attorney' ? { ...v, org: 'casa legal' } : v)) };
  saveBundle(store.db, bundle, 'test', organizationNamed(store.db, ORG));
  const coordinator = authHeader(store, { role: 'coordinator', organization: ORG });

  const before = await app.inject({ url: '/season/report', headers: { ...coordinator, ...html } });
  t.match(before.body, '<h2 id="hours-by-organization">Volunteer hours by organization</h2>');
  t.match(before.body, 'No published plan books anyone yet.');

  const planned = await app.inject({ method: 'POST', url: '/api/events/fresno-2027-05-22/plan', headers: coordinator, payload: { quick: true, iterations: 50 } });
  t.equal(planned.statusCode, 201);
  t.equal((await app.inject({ method: 'POST', url: '/api/events/fresno-2027-05-22/plans/1/publish', headers: coordinator })).statusCode, 200);
  // What the plan books each attorney for, read from the plan itself.
  const plan = planned.json().plan as PlanJson;
  const attorneys = new Set(bundle.volunteers.filter((v) => v.role === 'attorney').map((v) => v.id));
  const visits = plan.scheduled.flatMap((s) => s.visits);
  const minutes = (codes: (code: string | null) => boolean) => visits.reduce((n, v) =>
    n + [v.volunteer, v.interpreter].filter(codes).length * (Date.parse(v.end) - Date.parse(v.start)) / 60_000, 0);
  const casaMinutes = minutes((c) => c !== null && attorneys.has(c));
  const casaPeople = new Set(visits.map((v) => v.volunteer).filter((c) => attorneys.has(c))).size;
  t.ok(casaMinutes > 0, `the attorneys are booked for ${casaMinutes} minutes`);

  const page = await app.inject({ url: '/season/report', headers: { ...coordinator, ...html } });
  t.equal(page.statusCode, 200);
  const hours = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(casaMinutes / 60);
  t.match(page.body, `<tr><th scope="row">Casa Legal</th><td class="num">1</td><td class="num">${casaPeople}</td><td class="num">${hours}</td></tr>`, 'under the registered name');
  t.match(page.body, '<th scope="row">No organization</th>');
  t.match(page.body, /[\d.]+ hours booked for \d+ volunteers at 1 workshop with a published plan\./);
  t.match(page.body, 'href="/season/report-hours.csv"');
  for (const v of bundle.volunteers) t.notMatch(page.body, v.name, `no name (${v.id})`);

  const csv = await app.inject({ url: '/season/report-hours.csv', headers: coordinator });
  t.equal(csv.statusCode, 200);
  t.match(csv.headers['content-type'], 'text/csv');
  t.match(csv.headers['content-disposition'], 'filename="season-report-hours.csv"');
  const lines = csv.body.replace(/^\ufeff/, '').trim().split(/\r\n/);
  t.equal(lines[0], 'organization,workshops,volunteers,minutes,hours');
  t.ok(lines.includes(`Casa Legal,1,${casaPeople},${casaMinutes},${Math.round((casaMinutes / 60) * 100) / 100}`), 'Casa Legal’s row');
  const total = lines.slice(1).reduce((n, l) => n + Number(l.split(',')[3]), 0);
  t.equal(total, minutes((c) => c !== null), 'every visit’s minutes, once for its volunteer and once for its interpreter');
  for (const v of bundle.volunteers) t.notMatch(csv.body, v.name, `no name in the CSV (${v.id})`);

  const report = await app.inject({ url: '/season/report.csv', headers: coordinator });
  t.equal(report.body.replace(/^\ufeff/, '').split(/\r\n/)[0], 'event,date,month,county,setting,case_type,language,outcome,count', 'the report’s CSV keeps its columns');
});

t.test('the hours in Spanish, and the hours CSV needs a sign-in', async (t) => {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  saveBundle(store.db, sampleBundle(FRESNO), 'test', organizationNamed(store.db, ORG));
  const coordinator = authHeader(store, { role: 'coordinator', organization: ORG });
  const page = await app.inject({ url: '/season/report', headers: { ...coordinator, ...html, 'accept-language': 'es' } });
  t.match(page.body, 'Horas de voluntariado por organización');
  t.equal((await app.inject({ url: '/season/report-hours.csv' })).statusCode, 401);
  t.equal((await app.inject({ url: '/season/report-hours.csv', headers: html })).statusCode, 303);
});

t.test('an organization added on the organizations page names its volunteers’ hours at once', async (t) => {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  const fresno = sampleBundle(FRESNO);
  saveBundle(store.db, { ...fresno, volunteers: fresno.volunteers.map((v) => (v.role === 'attorney' ? { ...v, org: 'abogados  del valle' } : v)) },
    'test', organizationNamed(store.db, ORG));
  const coordinator = authHeader(store, { role: 'coordinator', organization: ORG });
  t.equal((await app.inject({ method: 'POST', url: '/api/events/fresno-2027-05-22/plan', headers: coordinator, payload: { quick: true, iterations: 50 } })).statusCode, 201);
  t.equal((await app.inject({ method: 'POST', url: '/api/events/fresno-2027-05-22/plans/1/publish', headers: coordinator })).statusCode, 200);
  const row = async () => /<th scope="row">([^<]*del valle)<\/th>/i.exec((await app.inject({ url: '/season/report', headers: { ...coordinator, ...html } })).body)?.[1];
  t.equal(await row(), 'abogados del valle', 'as the rosters write it, its spaces single');
  t.ok(addOrganization(store.db, { name: 'Abogados del Valle' }, 'test').ok);
  t.equal(await row(), 'Abogados del Valle', 'under the registered name');
});
