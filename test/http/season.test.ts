// The season's pages: the calendar a signed-in coordinator reads (workshops by month, competing
// days and people booked twice flagged, their organization's workshops only) and the public
// list of announced workshops (event facts only).
import t from 'tap';
import type { Test } from 'tap';
import { saveBundle } from '../../src/db/events.js';
import { organizationNamed } from '../../src/db/users.js';
import { eventKey } from '../../src/db/plans.js';
import { purgeEvent } from '../../src/db/purge.js';
import { sendFromEvent } from '../../src/services/waitlist.js';
import type { Bundle } from '../../src/domain/index.js';
import { FRESNO, MADERA, MERCED, sampleBundle, tempDatabase } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';

const ORG = 'Casa Legal';
const html = { accept: 'text/html' };

/** The three samples stored for Casa Legal, with changes to some first. */
async function season(t: Test, change: (bundles: Bundle[]) => Bundle[] = (b) => b) {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  const bundles = change([sampleBundle(MERCED), sampleBundle(FRESNO), sampleBundle(MADERA)]);
  for (const b of bundles) saveBundle(store.db, b, 'test', organizationNamed(store.db, ORG));
  const coordinator = authHeader(store, { role: 'coordinator', organization: ORG });
  return { app, store, bundles, coordinator };
}

/** The Fresno sample moved to the Merced sample's day, with one of Merced's volunteers on its roster too (by e-mail). */
const sharedDay = (bundles: Bundle[]): Bundle[] => {
  const [merced, fresno, madera] = bundles as [Bundle, Bundle, Bundle];
  const shared = merced.volunteers[0]!;
  const moved: Bundle = {
    ...fresno,
    event: { ...fresno.event, id: 'fresno-2027-06-05', date: '2027-06-05', site: { ...fresno.event.site, county: 'Merced' } },
    volunteers: fresno.volunteers.map((v, i) => (i === 0 ? { ...v, email: shared.email!.toUpperCase() } : v)),
  };
  return [merced, moved, madera];
};

t.test('the season calendar lists every workshop by month, with its county and plan', async (t) => {
  const { app, coordinator } = await season(t);
  const page = await app.inject({ url: '/season', headers: { ...coordinator, ...html } });
  t.equal(page.statusCode, 200);
  t.match(page.body, '<h1>Season calendar</h1>');
  for (const month of ['March 2027', 'May 2027', 'June 2027']) t.match(page.body, `>${month}</h2>`, month);
  t.match(page.body, 'href="/events/merced-2027-06-05"');
  t.match(page.body, 'Madera <span class="muted">(rural)</span>');
  t.match(page.body, 'Not planned yet');
  t.match(page.body, 'Nobody is booked at two workshops they cannot both reach.');
  t.match(page.body, 'No two workshops fall on the same day in the same county.');
});

t.test('a person on two rosters on one day is flagged by code, with both workshops, and never by name or e-mail', async (t) => {
  const { app, coordinator, bundles } = await season(t, sharedDay);
  const page = await app.inject({ url: '/season', headers: { ...coordinator, ...html } });
  t.match(page.body, 'People booked at two workshops at once');
  t.match(page.body, /V001 at Central Valley Citizenship Day — Merced, 8:30\s*AM–4:30\s*PM/);
  t.match(page.body, 'the hours overlap');
  t.match(page.body, '1 person booked elsewhere too');
  const shared = bundles[0]!.volunteers[0]!;
  t.notMatch(page.body, shared.name, 'no name');
  t.notMatch(page.body.toLowerCase(), shared.email!.toLowerCase(), 'no e-mail');
});

t.test('two workshops on one day in one county are flagged as competing', async (t) => {
  const { app, coordinator } = await season(t, sharedDay);
  const page = await app.inject({ url: '/season', headers: { ...coordinator, ...html } });
  t.match(page.body, 'Workshops competing on one day in one county');
  t.match(page.body, 'Same day, same county as another workshop');
});

t.test('a coordinator of another organization sees none of these workshops; an anonymous visitor is sent to sign in', async (t) => {
  const { app, store } = await season(t);
  const other = authHeader(store, { role: 'coordinator', organization: 'Otra Organización' });
  const page = await app.inject({ url: '/season', headers: { ...other, ...html } });
  t.equal(page.statusCode, 200);
  t.match(page.body, 'No workshops yet.');
  t.notMatch(page.body, 'merced-2027-06-05');
  const anonymous = await app.inject({ url: '/season', headers: html });
  t.equal(anonymous.statusCode, 303);
});

t.test('the season calendar in Spanish', async (t) => {
  const { app, coordinator } = await season(t);
  const page = await app.inject({ url: '/season', headers: { ...coordinator, ...html, 'accept-language': 'es' } });
  t.match(page.body, '<h1>Calendario de la temporada</h1>');
  t.match(page.body, 'junio de 2027');
});

t.test('a new plan shows on the calendar at once', async (t) => {
  const { app, coordinator } = await season(t);
  t.match((await app.inject({ url: '/season', headers: { ...coordinator, ...html } })).body, 'Not planned yet');
  const planned = await app.inject({ method: 'POST', url: '/api/events/fresno-2027-05-22/plan', headers: coordinator, payload: { quick: true, iterations: 50 } });
  t.equal(planned.statusCode, 201);
  t.match((await app.inject({ url: '/season', headers: { ...coordinator, ...html } })).body, /\d+ of 40 scheduled \(version 1\)/);
});

t.test('a planned workshop says what staffing it still misses, in words, in English and in Spanish', async (t) => {
  const { app, coordinator } = await season(t);
  const planned = await app.inject({ method: 'POST', url: '/api/events/madera-2027-03-27/plan', headers: coordinator, payload: { quick: true, iterations: 50 } });
  t.equal(planned.statusCode, 201, planned.body);
  const english = (await app.inject({ url: '/season', headers: { ...coordinator, ...html } })).body;
  t.match(english, /<strong>Still missing:<\/strong><ul class="short"><li>\d+ left out: /);
  const listed = /<ul class="short">(.*?)<\/ul>/.exec(english)![1]!.split('<li>').length - 1;
  t.equal(listed, 5, 'the four largest needs and a line for the rest');
  t.match(english, /<li>\d+ more left out for other needs<\/li><\/ul>/);
  const spanish = (await app.inject({ url: '/season', headers: { ...coordinator, ...html, 'accept-language': 'es' } })).body;
  t.match(spanish, /<strong>Todavía falta:<\/strong><ul class="short"><li>\d+ sin cita: /);
});

t.test('the public list shows announced workshops to come with their place and hours, and nothing personal', async (t) => {
  const { app, coordinator, bundles } = await season(t);
  for (const id of ['fresno-2027-05-22']) {
    t.equal((await app.inject({ method: 'POST', url: `/api/events/${id}/plan`, headers: coordinator, payload: { quick: true, iterations: 50 } })).statusCode, 201);
    t.equal((await app.inject({ method: 'POST', url: `/api/events/${id}/plans/1/publish`, headers: coordinator })).statusCode, 200);
  }
  const page = await app.inject({ url: '/workshops', headers: html });
  t.equal(page.statusCode, 200);
  t.match(page.body, 'Free immigration legal workshops');
  t.match(page.body, 'St. Anthony Parish Hall');
  t.notMatch(page.body, 'Merced College', 'a workshop without a published plan is not announced');
  for (const b of bundles) {
    for (const p of [...b.volunteers, ...b.applicants].slice(0, 30)) t.notMatch(page.body, p.name, `no ${p.id}`);
  }
  t.match(page.body, 'href="/feeds/workshops.ics"');
});

t.test('the season report counts served and not served by month and case type, from the published plan', async (t) => {
  const { app, coordinator } = await season(t);
  const planned = await app.inject({ method: 'POST', url: '/api/events/fresno-2027-05-22/plan', headers: coordinator, payload: { quick: true, iterations: 50 } });
  const served = planned.json().plan.summary.scheduled as number;
  t.equal((await app.inject({ method: 'POST', url: '/api/events/fresno-2027-05-22/plans/1/publish', headers: coordinator })).statusCode, 200);
  const page = await app.inject({ url: '/season/report', headers: { ...coordinator, ...html } });
  t.equal(page.statusCode, 200);
  t.match(page.body, '<h1>Season report</h1>');
  t.match(page.body, `410 applicants: ${served} served, ${40 - served} not served, 370 not planned yet.`);
  t.match(page.body, /<svg role="img" aria-label="March 2027: 0 served, 0 not served, 120 not planned; May 2027: \d+ served/);
  t.match(page.body, '<th scope="row">Madera</th><td class="num">0</td><td class="num">0</td><td class="num">120</td>', 'by county');
});

t.test('the season report counts who waits on the regional waitlist now, by county, case type and language, as soon as they are sent', async (t) => {
  const { app, store, coordinator } = await season(t);
  const planned = await app.inject({ method: 'POST', url: '/api/events/fresno-2027-05-22/plan', headers: coordinator, payload: { quick: true, iterations: 50 } });
  const left = (planned.json().plan.unscheduled as { applicant: string }[]).map((u) => u.applicant);
  t.equal((await app.inject({ method: 'POST', url: '/api/events/fresno-2027-05-22/plans/1/publish', headers: coordinator })).statusCode, 200);
  t.match((await app.inject({ url: '/season/report', headers: { ...coordinator, ...html } })).body, '0 people wait on the regional waitlist now');
  t.ok(left.length > 1, `${left.length} left out`);
  t.match(await sendFromEvent(store.db, 'fresno-2027-05-22', { unscheduled: left, released: [], notFinished: [] }, { actor: 'test', userId: null }), { ok: true, added: left.length });
  const page = (await app.inject({ url: '/season/report', headers: { ...coordinator, ...html } })).body;
  t.match(page, `${left.length} people wait on the regional waitlist now`);
  t.match(page, new RegExp(`<th scope="row">Fresno</th>(<td class="num">\\d+</td>){4}<td class="num">${left.length}</td>`), 'by the county they wait in');
});

t.test('the season report’s CSV has a row per workshop, case type, language and outcome, and no name', async (t) => {
  const { app, coordinator, bundles } = await season(t);
  const csv = await app.inject({ url: '/season/report.csv', headers: coordinator });
  t.equal(csv.statusCode, 200);
  t.match(csv.headers['content-type'], 'text/csv');
  const lines = csv.body.trim().split(/\r?\n/);
  t.equal(lines[0], 'event,date,month,county,setting,case_type,language,outcome,count');
  const total = lines.slice(1).reduce((n, l) => n + Number(l.split(',').pop()), 0);
  t.equal(total, 410, 'every applicant counted once');
  t.ok(lines.slice(1).every((l) => l.split(',')[7] === 'unplanned'), 'nothing published yet');
  for (const b of bundles) for (const a of b.applicants.slice(0, 20)) t.notMatch(csv.body, a.name, a.id);
});

t.test('a purged workshop is still counted in the report, from the counts its purge kept', async (t) => {
  const { app, store, coordinator } = await season(t);
  purgeEvent(store.db, eventKey(store.db, 'madera-2027-03-27')!, 'test', '2027-04-30T00:00:00Z');
  const csv = (await app.inject({ url: '/season/report.csv', headers: coordinator })).body;
  const madera = csv.split(/\r?\n/).filter((l) => l.startsWith('madera-2027-03-27,'));
  t.ok(madera.length > 0, 'its rows are there');
  t.equal(madera.reduce((n, l) => n + Number(l.split(',').pop()), 0), 120, 'all 120 of its applicants');
});
