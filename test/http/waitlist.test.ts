// The waitlist's pages through HTTP on a real SQLite file: an event's applicants sent once,
// registrations refused at the field, each organization's people its own, moving a person to a
// later workshop's applicants, and the come-back slip in the person's language.
import t from 'tap';
import type { Test } from 'tap';
import { loadBundle } from '../../src/db/events.js';
import { auditLog, waitlist } from '../../src/db/schema.js';
import { sendFromEvent } from '../../src/services/waitlist.js';
import { tempDatabase } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';
import { BEFORE, FRESNO_ID, LATER_ID, LEFT_OUT, ORG, UNSCHEDULED, applicantOf, turnedAwaySeason } from '../support/waitlist.js';

const html = { accept: 'text/html' };
const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of ([] as string[]).concat(v)) body.append(k, one);
  return { payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...html } };
};

async function season(t: Test) {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false, now: BEFORE });
  turnedAwaySeason(t, store);
  const coordinator = authHeader(store, { role: 'coordinator', organization: ORG });
  return { app, store, coordinator };
}

t.test('the send form ticks everyone left out; sending them puts each on the waitlist once', async (t) => {
  const { app, store, coordinator } = await season(t);
  const page = await app.inject({ url: `/events/${FRESNO_ID}/waitlist`, headers: { ...coordinator, ...html } });
  t.equal(page.statusCode, 200);
  for (const code of UNSCHEDULED) t.match(page.body, new RegExp(`name="unscheduled" value="${code}" checked`), code);
  const sent = await app.inject({ method: 'POST', url: `/events/${FRESNO_ID}/waitlist`, ...form({ unscheduled: UNSCHEDULED }), headers: { ...coordinator, ...form({}).headers } });
  t.equal(sent.statusCode, 303);
  t.equal(sent.headers.location, `/season/waitlist?added=${UNSCHEDULED.length}`);
  const again = await app.inject({ method: 'POST', url: `/events/${FRESNO_ID}/waitlist`, ...form({ unscheduled: UNSCHEDULED }), headers: { ...coordinator, ...form({}).headers } });
  t.equal(again.headers.location, '/season/waitlist?added=0');
  t.equal(store.db.select().from(waitlist).all().length, UNSCHEDULED.length);
  const list = await app.inject({ url: '/season/waitlist', headers: { ...coordinator, ...html } });
  t.match(list.body, applicantOf(LEFT_OUT[0]!).name);
  t.match(list.body, 'Move to Fresno Saturday, June');
  t.ok(store.db.select().from(auditLog).all().some((r) => r.action === 'waitlist.view'), 'the view is on the audit log');
});

t.test('a registration with a bad field is refused naming it, and adds nothing', async (t) => {
  const { app, store, coordinator } = await season(t);
  const res = await app.inject({
    method: 'POST', url: '/season/waitlist/new',
    ...form({ name: 'Rosa Díaz', phone: '559-555-0199', languages: 'e5', case_type: 'daca_renewal', county: 'Fresno' }),
    headers: { ...coordinator, ...form({}).headers },
  });
  t.equal(res.statusCode, 400);
  t.match(res.body, /href="#field-languages">Languages: /);
  t.match(res.body, 'id="field-languages" name="languages" type="text" value="e5"');
  t.equal(store.db.select().from(waitlist).all().length, 0);
  const ok = await app.inject({
    method: 'POST', url: '/season/waitlist/new',
    ...form({ name: 'Rosa Díaz', phone: '559-555-0199', languages: 'es', case_type: 'daca_renewal', county: 'Fresno' }),
    headers: { ...coordinator, ...form({}).headers },
  });
  t.equal(ok.statusCode, 303);
  const list = await app.inject({ url: ok.headers.location as string, headers: { ...coordinator, ...html } });
  t.match(list.body, 'Rosa Díaz is on the waitlist.');
});

t.test('a coordinator of another organization sees none of them, and cannot move them or print their slip', async (t) => {
  const { app, store } = await season(t);
  await sendFromEvent(store.db, FRESNO_ID, { unscheduled: UNSCHEDULED, released: [], notFinished: [] }, { actor: 'test', userId: null });
  const other = authHeader(store, { role: 'coordinator', organization: 'Otra Organización' });
  const list = await app.inject({ url: '/season/waitlist', headers: { ...other, ...html } });
  t.equal(list.statusCode, 200);
  t.match(list.body, 'Nobody is waiting.');
  for (const code of UNSCHEDULED) t.notMatch(list.body, applicantOf(code).name);
  const [row] = store.db.select().from(waitlist).all();
  t.equal((await app.inject({ url: `/season/waitlist/${row!.id}/slip`, headers: { ...other, ...html } })).statusCode, 404);
  const move = await app.inject({ method: 'POST', url: `/season/waitlist/${row!.id}/move`, ...form({ to: LATER_ID }), headers: { ...other, ...form({}).headers } });
  t.equal(move.statusCode, 404);
  t.equal((await app.inject({ url: `/events/${FRESNO_ID}/waitlist`, headers: { ...other, ...html } })).statusCode, 404);
  t.equal((await app.inject({ url: '/season/waitlist', headers: html })).statusCode, 303, 'an anonymous visitor is sent to sign in');
});

t.test('moving a person makes them an applicant of the later workshop and takes them off the list', async (t) => {
  const { app, store, coordinator } = await season(t);
  await sendFromEvent(store.db, FRESNO_ID, { unscheduled: [LEFT_OUT[0]!], released: [], notFinished: [] }, { actor: 'test', userId: null });
  const [row] = store.db.select().from(waitlist).all();
  const ask = await app.inject({ url: `/season/waitlist/${row!.id}/move?to=${LATER_ID}`, headers: { ...coordinator, ...html } });
  t.equal(ask.statusCode, 200);
  t.match(ask.body, `Move ${row!.name} to Fresno Saturday, June?`);
  const moved = await app.inject({ method: 'POST', url: `/season/waitlist/${row!.id}/move`, ...form({ to: LATER_ID }), headers: { ...coordinator, ...form({}).headers } });
  t.equal(moved.statusCode, 303);
  const code = `W${String(row!.id).padStart(4, '0')}`;
  t.equal(moved.headers.location, `/events/${LATER_ID}/applicants?done=add&code=${code}`);
  t.same(loadBundle(store.db, LATER_ID)!.applicants.map((a) => [a.id, a.name]), [[code, row!.name]]);
  const list = await app.inject({ url: '/season/waitlist', headers: { ...coordinator, ...html } });
  t.match(list.body, 'Nobody is waiting.');
  const twice = await app.inject({ method: 'POST', url: `/season/waitlist/${row!.id}/move`, ...form({ to: LATER_ID }), headers: { ...coordinator, ...form({}).headers } });
  t.equal(twice.statusCode, 404, 'not moved twice');
});

t.test('the come-back slip is in the person\'s language and names the workshop offered', async (t) => {
  const { app, store, coordinator } = await season(t);
  const added = await app.inject({
    method: 'POST', url: '/season/waitlist/new',
    ...form({ name: 'Trần Thị Lan', phone: '559-555-0123', languages: 'vi;en', case_type: 'n400', county: 'Fresno' }),
    headers: { ...coordinator, ...form({}).headers },
  });
  t.equal(added.statusCode, 303);
  const [row] = store.db.select().from(waitlist).all();
  const slip = await app.inject({ url: `/season/waitlist/${row!.id}/slip`, headers: { ...coordinator, ...html } });
  t.equal(slip.statusCode, 200);
  t.match(slip.body, '<html lang="vi" dir="ltr">');
  t.match(slip.body, 'Mời quý vị trở lại vào buổi hội thảo sau');
  t.match(slip.body, 'Trần Thị Lan');
  const event = loadBundle(store.db, FRESNO_ID)!.event;
  t.match(slip.body, event.site.name);
  t.ok(store.db.select().from(auditLog).all().some((r) => r.action === 'waitlist.slip'));
});

t.test('a slip for someone who reads Arabic first (and is served in English) is in Arabic, right to left', async (t) => {
  const { app, store, coordinator } = await season(t);
  await app.inject({
    method: 'POST', url: '/season/waitlist/new',
    ...form({ name: 'Layla Haddad', phone: '559-555-0188', languages: 'ar;en', case_type: 'n400', county: 'Fresno' }),
    headers: { ...coordinator, ...form({}).headers },
  });
  const [row] = store.db.select().from(waitlist).all();
  const slip = await app.inject({ url: `/season/waitlist/${row!.id}/slip`, headers: { ...coordinator, ...html } });
  t.match(slip.body, '<html lang="ar" dir="rtl">');
});

t.test('the season calendar links to the waitlist', async (t) => {
  const { app, coordinator } = await season(t);
  const page = await app.inject({ url: '/season', headers: { ...coordinator, ...html } });
  t.match(page.body, '<a href="/season/waitlist">');
});

t.test('taking a person off the list asks first, then offers them nothing more', async (t) => {
  const { app, store, coordinator } = await season(t);
  await sendFromEvent(store.db, FRESNO_ID, { unscheduled: [LEFT_OUT[0]!], released: [], notFinished: [] }, { actor: 'test', userId: null });
  const [row] = store.db.select().from(waitlist).all();
  const ask = await app.inject({ url: `/season/waitlist/${row!.id}/remove`, headers: { ...coordinator, ...html } });
  t.match(ask.body, `Take ${row!.name} off the waitlist?`);
  const removed = await app.inject({ method: 'POST', url: `/season/waitlist/${row!.id}/remove`, ...form({}), headers: { ...coordinator, ...form({}).headers } });
  t.equal(removed.headers.location, '/season/waitlist?removed=1');
  t.same(store.db.select({ state: waitlist.state }).from(waitlist).all(), [{ state: 'removed' }]);
  const list = await app.inject({ url: '/season/waitlist?removed=1', headers: { ...coordinator, ...html } });
  t.match(list.body, 'Taken off the waitlist.');
  t.match(list.body, 'Nobody is waiting.');
  t.equal((await app.inject({ url: `/season/waitlist/${row!.id}/slip`, headers: { ...coordinator, ...html } })).statusCode, 404);
});

t.test('a person\'s number that is not one is refused, never a server error', async (t) => {
  const { app, coordinator } = await season(t);
  for (const url of ['/season/waitlist/abc/slip', '/season/waitlist/99999/slip', '/season/waitlist/1;drop/move?to=x']) {
    const res = await app.inject({ url, headers: { ...coordinator, ...html } });
    t.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode}`);
  }
});

t.test('a viewer reads the waitlist but is offered no move, and may not move anyone', async (t) => {
  const { app, store } = await season(t);
  await sendFromEvent(store.db, FRESNO_ID, { unscheduled: [LEFT_OUT[0]!], released: [], notFinished: [] }, { actor: 'test', userId: null });
  const viewer = authHeader(store, { role: 'viewer', organization: ORG });
  const list = await app.inject({ url: '/season/waitlist', headers: { ...viewer, ...html } });
  t.match(list.body, applicantOf(LEFT_OUT[0]!).name);
  t.notMatch(list.body, 'Move to');
  const [row] = store.db.select().from(waitlist).all();
  const move = await app.inject({ method: 'POST', url: `/season/waitlist/${row!.id}/move`, ...form({ to: LATER_ID }), headers: { ...viewer, ...form({}).headers } });
  t.equal(move.statusCode, 403);
});

t.test('every waitlist route declares who may use it', async (t) => {
  const { app } = await season(t);
  const rules = new Map(app.routeRules.map((r) => [`${r.method} ${r.url}`, r.access]));
  t.same(Object.fromEntries([...rules].filter(([route]) => route.includes('waitlist'))), {
    'GET /season/waitlist': 'signed-in',
    'GET /season/waitlist/new': 'write',
    'POST /season/waitlist/new': 'write',
    'GET /season/waitlist/:wid/move': 'write',
    'POST /season/waitlist/:wid/move': 'write',
    'GET /season/waitlist/:wid/remove': 'write',
    'POST /season/waitlist/:wid/remove': 'write',
    'GET /season/waitlist/:wid/slip': 'signed-in',
    'GET /events/:id/waitlist': 'write',
    'POST /events/:id/waitlist': 'write',
  });
});

t.test('the waitlist reads in Spanish, the reason for no offer too', async (t) => {
  const { app, coordinator } = await season(t);
  await app.inject({
    method: 'POST', url: '/season/waitlist/new',
    ...form({ name: 'Ana Ruiz', phone: '559-555-0177', languages: 'es', case_type: 'n400', county: 'Fresno', deadline: '2027-01-02' }),
    headers: { ...coordinator, ...form({}).headers },
  });
  const page = await app.inject({ url: '/season/waitlist', headers: { ...coordinator, ...html, 'accept-language': 'es' } });
  t.match(page.body, '<h1>Lista de espera</h1>');
  t.match(page.body, 'Ningún taller adecuado antes de la fecha límite', 'every workshop is after her deadline');
  t.notMatch(page.body, 'Pasar a ');
});

t.test('the event page offers sending its applicants to the waitlist to a coordinator, and not to a viewer', async (t) => {
  const { app, store, coordinator } = await season(t);
  const viewer = authHeader(store, { role: 'viewer', organization: ORG });
  const link = `<a href="/events/${FRESNO_ID}/waitlist">Send applicants to the waitlist</a>`;
  t.match((await app.inject({ url: `/events/${FRESNO_ID}`, headers: { ...coordinator, ...html } })).body, link);
  t.notMatch((await app.inject({ url: `/events/${FRESNO_ID}`, headers: { ...viewer, ...html } })).body, link);
});
