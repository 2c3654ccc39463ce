// The season proposal page through HTTP on a real SQLite file, planned in a real worker: the
// workshops proposed for the people no workshop ahead can take, with the pool's people named
// (on the audit log), a refused field named, and each organization's people its own.
import t from 'tap';
import type { Test } from 'tap';
import { DateTime } from 'luxon';
import { loadBundle } from '../../src/db/events.js';
import { auditLog, waitlist } from '../../src/db/schema.js';
import { tempDatabase } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';
import { ORG, proposalDates, registeredWaiting, turnedAwaySeason } from '../support/waitlist.js';

const html = { accept: 'text/html' };
const { from: FROM, deadline: DEADLINE } = proposalDates();

/** The Fresno workshops of one organization, and 25 people of Fresno county it holds whose deadline no workshop ahead meets. */
async function season(t: Test) {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  const { org } = turnedAwaySeason(t, store);
  registeredWaiting(store, org, 25, DEADLINE);
  return { app, store, coordinator: authHeader(store, { role: 'coordinator', organization: ORG }) };
}

t.test('the proposal names a workshop at the organization\'s site before their deadline, with whom, and how far from the bound', async (t) => {
  const { app, store, coordinator } = await season(t);
  const res = await app.inject({ url: `/season/proposal?from=${FROM}&weeks=3&minimum=10`, headers: { ...coordinator, ...html } });
  t.equal(res.statusCode, 200);
  t.match(res.body, /25 people wait with no workshop ahead that can take them\. (This workshop|These \d+ workshops) would serve \d+: \d+% of the 25 that any workshops/);
  t.match(res.body, 'St. Anthony Parish Hall');
  t.match(res.body, DateTime.fromISO(FROM).setLocale('en-US').toFormat('MMMM d'));
  t.match(res.body, /of 25 who could come/);
  t.match(res.body, 'Attorney', 'the staffing by role');
  t.notMatch(res.body, 'Persona 0', 'nobody waiting is named');
  t.ok(store.db.select().from(auditLog).all().some((r) => r.action === 'proposal.view'), 'the names shown are on the audit log');
});

t.test('a refused field is named and nothing is proposed', async (t) => {
  const { app, coordinator } = await season(t);
  const res = await app.inject({ url: '/season/proposal?from=2020-01-04&weeks=99&minimum=ten', headers: { ...coordinator, ...html } });
  t.equal(res.statusCode, 400);
  t.match(res.body, '<a href="#from">Write a date after today.</a>');
  t.match(res.body, '<a href="#weeks">Write a whole number of weeks from 1 to 52.</a>');
  t.match(res.body, '<a href="#minimum">Write a whole number of people from 1 to 1000.</a>');
  t.notMatch(res.body, 'Proposed workshops');
});

t.test('the form first offers the first Saturday two weeks ahead', async (t) => {
  const { app, coordinator } = await season(t);
  const res = await app.inject({ url: '/season/proposal', headers: { ...coordinator, ...html } });
  t.equal(res.statusCode, 200);
  const from = /id="from" name="from" type="date" required value="([\d-]+)"/.exec(res.body)?.[1];
  t.ok(from);
  t.equal(DateTime.fromISO(from!).weekday, 6, 'a Saturday');
  t.ok(from! >= DateTime.utc().plus({ days: 14 }).toISODate()!);
});

t.test("another organization's coordinator is proposed nothing for people it does not hold; a visitor must sign in", async (t) => {
  const { app, store } = await season(t);
  const other = authHeader(store, { role: 'coordinator', organization: 'Otra Organización' });
  const res = await app.inject({ url: `/season/proposal?from=${FROM}&weeks=3`, headers: { ...other, ...html } });
  t.equal(res.statusCode, 200);
  t.match(res.body, 'Nobody is waiting without a workshop ahead that can take them.');
  t.equal((await app.inject({ url: '/season/proposal', headers: html })).statusCode, 303);
});

t.test('the proposal in Spanish', async (t) => {
  const { app, coordinator } = await season(t);
  const res = await app.inject({ url: `/season/proposal?from=${FROM}&weeks=3&minimum=10`, headers: { ...coordinator, accept: 'text/html', 'accept-language': 'es' } });
  t.equal(res.statusCode, 200);
  t.match(res.body, /25 personas esperan sin un taller próximo que pueda recibirlas/);
  t.match(res.body, 'Talleres propuestos');
});

t.test('creating a proposed workshop makes the event, its roster from the pool and its applicants from the waitlist', async (t) => {
  const { app, store, coordinator } = await season(t);
  const page = await app.inject({ url: `/season/proposal?from=${FROM}&weeks=3&minimum=10`, headers: { ...coordinator, ...html } });
  const model = /name="model" value="([^"]+)"/.exec(page.body)![1]!;
  const date = /name="date" value="([^"]+)"/.exec(page.body)![1]!;
  const serves = Number(/(\d+) of 25 who could come/.exec(page.body)![1]);
  const res = await app.inject({
    method: 'POST', url: '/season/proposal/create',
    payload: new URLSearchParams({ from: FROM, weeks: '3', minimum: '10', model, date }).toString(),
    headers: { ...coordinator, 'content-type': 'application/x-www-form-urlencoded', ...html },
  });
  t.equal(res.statusCode, 303);
  const id = `fresno-${date}`;
  t.equal(res.headers.location, `/events/${id}?created=1`);
  const bundle = loadBundle(store.db, id)!;
  t.equal(bundle.event.date, date);
  t.equal(bundle.event.site.name, 'St. Anthony Parish Hall');
  t.equal(bundle.applicants.length, serves, 'the people it serves are its applicants');
  t.ok(bundle.applicants.every((a) => /^W\d{4}$/.test(a.id) && a.name.startsWith('Persona ')));
  t.ok(bundle.volunteers.length > 0 && bundle.volunteers.every((v) => /^V\d{3}$/.test(v.id)));
  t.equal(store.db.select().from(waitlist).all().filter((w) => w.state === 'moved').length, serves, 'moved off the waitlist');
  t.ok(store.db.select().from(auditLog).all().some((r) => r.action === 'proposal.create'));
  const again = await app.inject({ url: `/season/proposal?from=${FROM}&weeks=3&minimum=10`, headers: { ...coordinator, ...html } });
  t.notMatch(again.body, `name="date" value="${date}"`, 'that Saturday in Fresno is taken now: nothing more is proposed on it');
});

t.test('a workshop the proposal no longer holds is not created', async (t) => {
  const { app, store, coordinator } = await season(t);
  const events = store.db.select().from(waitlist).all().length;
  const res = await app.inject({
    method: 'POST', url: '/season/proposal/create',
    payload: new URLSearchParams({ from: FROM, weeks: '3', minimum: '10', model: 'fresno-2027-06-19', date: '2030-01-05' }).toString(),
    headers: { ...coordinator, 'content-type': 'application/x-www-form-urlencoded', ...html },
  });
  t.equal(res.statusCode, 409);
  t.match(res.body, 'Nothing was created: the proposal changed since it was shown');
  t.equal(store.db.select().from(waitlist).all().filter((w) => w.state === 'waiting').length, events);
  const viewer = authHeader(store, { role: 'viewer', organization: ORG });
  const page = await app.inject({ url: `/season/proposal?from=${FROM}&weeks=3&minimum=10`, headers: { ...viewer, ...html } });
  t.notMatch(page.body, 'Create this workshop', 'a viewer is not offered it');
});
