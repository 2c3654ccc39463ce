import ICAL from 'ical.js';
import t from 'tap';
import { saveBundle } from '../../src/db/events.js';
import { revokeToken } from '../../src/db/tokens.js';
import { FRESNO, FRESNO_ID, sampleBundle } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';

const QUICK = { quick: true, iterations: 50 };

async function planned(t: Parameters<typeof build>[0]) {
  const built = await build(t);
  saveBundle(built.store.db, sampleBundle(FRESNO), 'test');
  const headers = authHeader(built.store);
  const plan = (await built.app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: QUICK })).json().plan;
  return { ...built, headers, plan };
}

/** The absolute start instants (ms) of a calendar's events, read by ical.js with the calendar's own VTIMEZONE. */
function starts(text: string): number[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).startDate.toJSDate().getTime()).sort((a, b) => a - b);
}

t.test('a volunteer calendar link gives the volunteer\'s visits at the plan\'s instants', async (t) => {
  const { app, headers, plan } = await planned(t);
  const link = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/volunteers/V003/calendar-link`, headers });
  t.equal(link.statusCode, 201);
  const { url, webcal } = link.json();
  t.match(webcal, /^webcal:\/\/localhost(:\d+)?\/calendars\/[A-Za-z0-9_-]{43}\.ics$/);
  const feed = await app.inject(new URL(url).pathname);
  t.equal(feed.statusCode, 200);
  t.match(feed.headers['content-type'], /^text\/calendar/);
  const booked = plan.scheduled.flatMap((s: { visits: { volunteer: string; start: string }[] }) => s.visits)
    .filter((v: { volunteer: string }) => v.volunteer === 'V003').map((v: { start: string }) => Date.parse(v.start)).sort((a: number, b: number) => a - b);
  t.same(starts(feed.body), booked);
});

t.test('a revoked calendar link stops working', async (t) => {
  const { app, headers, store } = await planned(t);
  const { url } = (await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/volunteers/V003/calendar-link`, headers })).json();
  const path = new URL(url).pathname;
  revokeToken(store.db, path.replace(/^\/calendars\/|\.ics$/g, ''), new Date().toISOString());
  t.equal((await app.inject(path)).statusCode, 404);
});

t.test('a made-up calendar link answers 404 without saying more', async (t) => {
  const { app } = await planned(t);
  const res = await app.inject('/calendars/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics');
  t.equal(res.statusCode, 404);
});

t.test('no calendar holds an applicant name', async (t) => {
  const { app, headers } = await planned(t);
  const bundle = sampleBundle(FRESNO);
  for (const v of bundle.volunteers) {
    const res = await app.inject({ url: `/api/events/${FRESNO_ID}/volunteers/${v.id}/calendar.ics`, headers });
    t.equal(res.statusCode, 200);
    for (const a of bundle.applicants) if (res.body.includes(a.name)) t.fail(`${a.id}'s name is in ${v.id}'s calendar`);
  }
});

t.test('the calendar download needs a token and names an unknown volunteer with 404', async (t) => {
  const { app, headers } = await planned(t);
  t.equal((await app.inject(`/api/events/${FRESNO_ID}/volunteers/V003/calendar.ics`)).statusCode, 401);
  t.equal((await app.inject({ url: `/api/events/${FRESNO_ID}/volunteers/V999/calendar.ics`, headers })).statusCode, 404);
  t.equal((await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/volunteers/V999/calendar-link`, headers })).statusCode, 404);
});

t.test('the public workshop feed lists each published workshop with no roster or applicant', async (t) => {
  const { app, headers } = await planned(t);
  t.notMatch((await app.inject('/feeds/workshops.ics')).body, 'DACA & Citizenship Saturday', 'not before it is published');
  await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plans/1/publish`, headers });
  const res = await app.inject('/feeds/workshops.ics');
  t.equal(res.statusCode, 200);
  t.match(res.body, 'DACA & Citizenship Saturday');
  for (const v of sampleBundle(FRESNO).volunteers) t.notOk(res.body.includes(v.name), `${v.id} not named`);
});

t.test('an org given in the feed link cannot add an event to the calendar', async (t) => {
  const { app } = await planned(t);
  const org = encodeURIComponent('x\r\nBEGIN:VEVENT\r\nUID:fake\r\nDTSTART:20270522T090000Z\r\nSUMMARY:Workshop MOVED — bring passport\r\nEND:VEVENT');
  const res = await app.inject(`/feeds/workshops.ics?org=${org}`);
  t.equal(res.statusCode, 200);
  t.equal(new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents('vevent').length, 0, 'no event at all: nothing is published and the name is text');
  t.notMatch(res.body, /\r\nBEGIN:VEVENT/);
});

t.test('an organization\'s feed holds only the workshops it hosts', async (t) => {
  const { app, headers } = await planned(t);
  await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plans/1/publish`, headers });
  t.match((await app.inject('/feeds/workshops.ics?org=jakara%20movement')).body, 'DACA & Citizenship Saturday');
  t.notMatch((await app.inject('/feeds/workshops.ics?org=Somebody%20Else')).body, 'DACA & Citizenship Saturday');
});
