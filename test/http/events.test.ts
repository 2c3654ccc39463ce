// Coordinators run their events from the browser: the home page's lists and search, and making,
// changing, duplicating and deleting an event through forms, as a signed-in browser does it.
import t from 'tap';
import type { Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { findEvent, listEvents, loadBundle, loadEvent, saveBundle } from '../../src/db/events.js';
import type { OpenDatabase } from '../../src/db/index.js';
import { eventKey, listPlans, savePlan } from '../../src/db/plans.js';
import { accessTokens, auditLog, events, users, volunteers } from '../../src/db/schema.js';
import { issueLink, verifyToken } from '../../src/db/tokens.js';
import { listOrganizations, organizationNamed } from '../../src/db/users.js';
import type { Role } from '../../src/db/users.js';
import type { Bundle } from '../../src/domain/index.js';
import { plan } from '../../src/planner/index.js';
import { dateAtSite } from '../../src/services/events.js';
import { purgeStoredEvent } from '../../src/services/retention.js';
import { addAccount, changeAccount } from '../../src/services/users.js';
import { FRESNO, FRESNO_ID, sampleBundle, tempDatabase } from '../support/fixtures.js';
import { build, Visitor } from '../support/http.js';
import { ATTACKS } from '../support/markup.js';

const PASSWORD = 'correct horse battery staple';
const CASA = 'Casa Legal';
const OTRA = 'Otra Organización';
const FRESNO_BUNDLE = sampleBundle(FRESNO);
const FRESNO_PLAN = plan(FRESNO_BUNDLE, { quick: true, iterations: 50 });

/** A browser that asks for Spanish first, as one set to Spanish of Mexico does. */
const SPANISH = { 'accept-language': 'es-MX,es;q=0.9' };

/** The app over a fresh database, with no limits (a test signs in often). */
async function server(t: Test) {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  return { app, store };
}

/** A browser signed in with an account of that role and organization (made on first use). */
async function signedIn(app: FastifyInstance, store: OpenDatabase, role: Role, organization?: string, headers: Record<string, string> = {}): Promise<Visitor> {
  const email = `${role}.${(organization ?? 'none').replace(/\W+/g, '-').toLowerCase()}@example.org`;
  await addAccount(store.db, { email, name: `Test ${role}`, role, password: PASSWORD, ...(organization ? { organization } : {}) }, 'test');
  const visitor = new Visitor(app, headers);
  await visitor.get('/sign-in');
  const res = await visitor.post('/sign-in', { email, password: PASSWORD, next: '/' });
  if (res.statusCode !== 303) throw new Error(`sign-in answered ${res.statusCode}`);
  return visitor;
}

/** An event stored as if imported by an organization: the Fresno sample, with some of its event's fields replaced. */
function stored(store: OpenDatabase, changes: Partial<Bundle['event']> = {}, organization: string | null = CASA): Bundle {
  const bundle = { ...FRESNO_BUNDLE, event: { ...FRESNO_BUNDLE.event, ...changes } };
  saveBundle(store.db, bundle, 'test', organization === null ? null : organizationNamed(store.db, organization));
  return bundle;
}

/** The Fresno sample stored with a plan of it. */
function planned(store: OpenDatabase): number {
  const key = saveBundle(store.db, FRESNO_BUNDLE, 'test', organizationNamed(store.db, CASA)).eventId;
  savePlan(store.db, key, FRESNO_PLAN, {}, 'test');
  return key;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
const unescape = (text: string) => text.replace(/&(#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (all, _e, hex: string, dec: string, name: string) =>
  hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ENTITIES[name] ?? all);
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** What a browser would send for a page's form as it stands: each field's value, selected option or text. */
function formOf(html: string): Record<string, string> {
  const form = html.slice(html.indexOf('<form method="post" action="/events'));
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    if (name && name !== '_csrf') fields[name] = unescape(attribute(tag, 'value') ?? '');
  }
  for (const [, attrs, body] of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const chosen = /<option value="([^"]*)" selected>/.exec(body!) ?? /<option value="([^"]*)"/.exec(body!);
    fields[attribute(attrs!, 'name')!] = unescape(chosen?.[1] ?? '');
  }
  for (const [, attrs, body] of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) fields[attribute(attrs!, 'name')!] = unescape(body!);
  return fields;
}

/** The inline message of a field, by its element id, and whether the field is marked invalid and pointed at it. */
function fieldProblem(html: string, id: string): { message: string | undefined; invalid: boolean } {
  const message = new RegExp(`<span id="${id}-problem" class="field-problem">([^<]*)</span>`).exec(html)?.[1];
  const control = new RegExp(`<(input|select|textarea) id="${id}"[^>]*>`).exec(html)?.[0] ?? '';
  return { message: message && unescape(message), invalid: /aria-invalid="true"/.test(control) && control.includes(`${id}-problem`) };
}

/** The ids of the events a section of the home page lists, in order. */
function listed(html: string, section: 'upcoming' | 'past'): string[] {
  const start = html.indexOf(`<section aria-labelledby="${section}">`);
  const part = html.slice(start, html.indexOf('</section>', start));
  return [...part.matchAll(/<a href="\/events\/([^"]+)">/g)].map((m) => m[1]!);
}

const auditRows = (store: OpenDatabase, action: string) =>
  store.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

/** A new event's form as the page gives it, with a name, date and zone filled in. */
async function newEventForm(visitor: Visitor, fill: Record<string, string> = {}) {
  const page = await visitor.get('/events/new');
  return { ...formOf(page.body), name: 'Taller de ciudadanía', date: '2027-09-18', timezone: 'America/Los_Angeles', ...fill };
}

// ——— The home page ———

t.test('the home page lists upcoming workshops soonest first and past ones most recent first', async (t) => {
  const { app, store } = await server(t);
  for (const [id, date] of [['spring-2001', '2001-04-07'], ['autumn-2099', '2099-10-02'], ['winter-2000', '2000-12-09'], ['spring-2099', '2099-04-11']]) {
    stored(store, { id: id!, date: date! });
  }
  const page = await (await signedIn(app, store, 'coordinator', CASA)).get('/');
  t.equal(page.statusCode, 200);
  t.same(listed(page.body, 'upcoming'), ['spring-2099', 'autumn-2099']);
  t.same(listed(page.body, 'past'), ['spring-2001', 'winter-2000']);
  t.match(page.body, '<caption>2 upcoming workshops, soonest first</caption>');
  t.match(page.body, '<caption>2 past workshops, most recent first</caption>');
});

t.test('whether a workshop is still to come is read on its own site’s calendar', async (t) => {
  const { app, store } = await server(t);
  // The date it is now at Pago Pago (UTC−11) is already over at Kiritimati (UTC+14), a day ahead at least.
  const today = dateAtSite('Pacific/Pago_Pago', new Date());
  stored(store, { id: 'pago-pago', date: today, timezone: 'Pacific/Pago_Pago' });
  stored(store, { id: 'kiritimati', date: today, timezone: 'Pacific/Kiritimati' });
  const page = await (await signedIn(app, store, 'admin')).get('/');
  t.same(listed(page.body, 'upcoming'), ['pago-pago']);
  t.same(listed(page.body, 'past'), ['kiritimati']);
});

t.test('the search finds a workshop by its accented name typed without accents, and by its county', async (t) => {
  const { app, store } = await server(t);
  stored(store, { id: 'jose-2099-05-01', date: '2099-05-01', name: 'Clínica San José' });
  stored(store, { id: 'madera-2099-06-01', date: '2099-06-01', name: 'Farmworker clinic', site: { name: 'Hall B', county: 'Madera' } });
  const visitor = await signedIn(app, store, 'coordinator', CASA);
  const jose = await visitor.get('/?q=JOSE');
  t.same(listed(jose.body, 'upcoming'), ['jose-2099-05-01']);
  t.match(jose.body, '1 of 2 workshops match “JOSE”.');
  t.match(jose.body, 'value="JOSE"', 'the search box keeps what was typed');
  t.same(listed((await visitor.get('/?q=madera')).body, 'upcoming'), ['madera-2099-06-01']);
  const none = await visitor.get('/?q=merced');
  t.same(listed(none.body, 'upcoming'), []);
  t.match(none.body, 'No upcoming workshop matches.');
});

t.test('the home page lists only the workshops of the account’s organization; an admin sees all', async (t) => {
  const { app, store } = await server(t);
  stored(store, { id: 'casa-2099-05-01', date: '2099-05-01' }, CASA);
  stored(store, { id: 'otra-2099-05-02', date: '2099-05-02' }, OTRA);
  t.same(listed((await (await signedIn(app, store, 'coordinator', CASA)).get('/')).body, 'upcoming'), ['casa-2099-05-01']);
  t.same(listed((await (await signedIn(app, store, 'viewer', OTRA)).get('/')).body, 'upcoming'), ['otra-2099-05-02']);
  t.same(listed((await (await signedIn(app, store, 'admin')).get('/')).body, 'upcoming'), ['casa-2099-05-01', 'otra-2099-05-02']);
});

t.test('admins and coordinators get a “New event” link; a viewer gets none and may not open the form', async (t) => {
  const { app, store } = await server(t);
  for (const [role, org] of [['admin', undefined], ['coordinator', CASA]] as const) {
    t.match((await (await signedIn(app, store, role, org)).get('/')).body, '<a class="button" href="/events/new">New event</a>', role);
  }
  const viewer = await signedIn(app, store, 'viewer', CASA);
  t.notMatch((await viewer.get('/')).body, 'href="/events/new"');
  t.equal((await viewer.get('/events/new')).statusCode, 403);
});

// ——— Making an event ———

t.test('a coordinator makes an event from the form: an id from its name and date, their organization’s, with nobody yet', async (t) => {
  const { app, store } = await server(t);
  const visitor = await signedIn(app, store, 'coordinator', CASA);
  const res = await visitor.post('/events', await newEventForm(visitor, { 'site.name': 'Salón Guadalupe', 'desks.check_in': '4' }));
  t.equal(res.statusCode, 303);
  t.equal(res.headers.location, '/events/taller-de-ciudadania-2027-09-18?created=1');
  const page = await visitor.get(res.headers.location!);
  t.equal(page.statusCode, 200);
  t.match(page.body, '<h1>Taller de ciudadanía</h1>');
  t.match(page.body, 'The event is made. Its roster and applicant list are empty');
  const found = loadBundle(store.db, 'taller-de-ciudadania-2027-09-18')!;
  t.equal(found.event.site.name, 'Salón Guadalupe');
  t.equal(found.event.desks.check_in, 4);
  t.same([found.volunteers.length, found.applicants.length], [0, 0]);
  const casa = listOrganizations(store.db).find((o) => o.name === CASA)!.id;
  t.equal(store.db.select({ org: events.organizationId }).from(events).get()!.org, casa);
  t.match(auditRows(store, 'event.create'), [{ actor: /^user:\d+$/, eventId: found.key }]);
});

t.test('an admin chooses the organization that runs a new event, or none', async (t) => {
  const { app, store } = await server(t);
  const otra = organizationNamed(store.db, OTRA);
  const admin = await signedIn(app, store, 'admin');
  await admin.post('/events', await newEventForm(admin, { id: 'otra-event', organization: String(otra) }));
  await admin.post('/events', await newEventForm(admin, { id: 'admins-only', organization: '' }));
  const owners = Object.fromEntries(store.db.select({ slug: events.slug, org: events.organizationId }).from(events).all().map((e) => [e.slug, e.org]));
  t.same(owners, { 'otra-event': otra, 'admins-only': null });
});

for (const [what, fill, id, message] of [
  ['a time zone that is not an IANA zone', { timezone: 'PST' }, 'timezone', /^Time zone: "PST" is not an IANA time zone/],
  ['closing before opening', { opens: '14:00', closes: '09:00' }, 'closes', 'Closes at: the event closes (09:00) before it opens (14:00)'],
  ['negative minutes', { 'case_types.n400.preparation': '-5' }, 'case_types-n400-preparation', 'Naturalization (N-400): preparation minutes must be at least 0, not -5'],
] as const) {
  t.test(`${what} is refused with a message at its field, and nothing is saved`, async (t) => {
    const { app, store } = await server(t);
    const visitor = await signedIn(app, store, 'coordinator', CASA);
    const res = await visitor.post('/events', await newEventForm(visitor, fill));
    t.equal(res.statusCode, 400);
    const problem = fieldProblem(res.body, id);
    t.match(problem.message, message);
    t.ok(problem.invalid, 'the field is marked invalid and described by its message');
    t.match(res.body, `<li><a href="#${id}">`, 'the summary links to the field');
    t.match(res.body, '<title>Error: New event — Taller</title>');
    t.match(res.body, 'value="Taller de ciudadanía"', 'what was typed is kept');
    t.same(listEvents(store.db), [], 'no event was made');
    t.same(auditRows(store, 'event.create'), []);
  });
}

t.test('a coordinator whose account has no organization is told so, and no event is made that only admins could reach', async (t) => {
  const { app, store } = await server(t);
  const visitor = await signedIn(app, store, 'coordinator', CASA);
  const form = await newEventForm(visitor);
  const account = store.db.select({ id: users.id }).from(users).where(eq(users.role, 'coordinator')).get()!;
  await changeAccount(store.db, account.id, { organization: '' }, 'test');
  const res = await visitor.post('/events', form);
  t.equal(res.statusCode, 400);
  t.match(fieldProblem(res.body, 'name').message, /^Your account belongs to no organization/);
  t.same(listEvents(store.db), []);
});

t.test('an id another event has is refused at the id field', async (t) => {
  const { app, store } = await server(t);
  stored(store);
  const visitor = await signedIn(app, store, 'coordinator', CASA);
  const res = await visitor.post('/events', await newEventForm(visitor, { id: FRESNO_ID }));
  t.equal(res.statusCode, 400);
  t.equal(fieldProblem(res.body, 'id').message, `Event id: an event with the id “${FRESNO_ID}” exists already: choose another`);
  t.equal(listEvents(store.db).length, 1);
});

t.test('a suggested id another event has already gets a number', async (t) => {
  const { app, store } = await server(t);
  const visitor = await signedIn(app, store, 'coordinator', CASA);
  const first = await visitor.post('/events', await newEventForm(visitor));
  const second = await visitor.post('/events', await newEventForm(visitor));
  t.same([first.headers.location, second.headers.location],
    ['/events/taller-de-ciudadania-2027-09-18?created=1', '/events/taller-de-ciudadania-2027-09-18-2?created=1']);
});

t.test('on the day clocks spring forward an event keeps the hours typed on the site’s clock', async (t) => {
  const { app, store } = await server(t);
  const visitor = await signedIn(app, store, 'coordinator', CASA);
  // 2027-03-14 in Los Angeles: 02:00 does not exist, so 01:00 to 05:00 is three hours.
  const res = await visitor.post('/events', await newEventForm(visitor, { id: 'dst', date: '2027-03-14', opens: '01:00', closes: '05:00' }));
  t.equal(res.statusCode, 303);
  t.match((await visitor.get('/events/dst')).body, /Sunday, March 14, 2027, 1:00\sAM–5:00\sAM/);
  const form = formOf((await visitor.get('/events/dst/edit')).body);
  t.same([form.opens, form.closes], ['01:00', '05:00']);
  t.equal(loadEvent(store.db, 'dst')!.event.dayMinutes, 180);
});

t.test('typed markup comes back on the form as text, never as markup', async (t) => {
  const { app, store } = await server(t);
  const visitor = await signedIn(app, store, 'coordinator', CASA);
  const res = await visitor.post('/events', await newEventForm(visitor, { name: ATTACKS[0]!, timezone: 'PST' }));
  t.equal(res.statusCode, 400);
  t.notMatch(res.body, ATTACKS[0]!);
  t.equal(formOf(res.body).name, ATTACKS[0]);
});

// ——— Changing an event ———

t.test('saving the edit form keeps the roster, applicants and plans, and the event page then says the plan no longer fits', async (t) => {
  const { app, store } = await server(t);
  const key = planned(store);
  const before = store.db.select({ at: events.updatedAt }).from(events).get()!.at;
  const visitor = await signedIn(app, store, 'coordinator', CASA);
  const form = formOf((await visitor.get(`/events/${FRESNO_ID}/edit`)).body);
  t.equal(form.name, FRESNO_BUNDLE.event.name, 'the form is filled from the stored event');
  t.equal(form['case_types.n400.preparation'], '100');
  const res = await visitor.post(`/events/${FRESNO_ID}`, { ...form, closes: '11:00' });
  t.equal(res.statusCode, 303);
  t.equal(res.headers.location, `/events/${FRESNO_ID}?saved=1`);
  const page = await visitor.get(res.headers.location!);
  t.match(page.body, 'Saved. The roster, the applicants and the plans are kept');
  t.match(page.body, '<strong>Out of date.</strong>');
  const bundle = loadBundle(store.db, FRESNO_ID)!;
  t.same([bundle.event.closes, bundle.volunteers.length, bundle.applicants.length, listPlans(store.db, key).length], ['11:00', 12, 40, 1]);
  t.not(store.db.select({ at: events.updatedAt }).from(events).get()!.at, before, 'the event’s updated_at moved');
  t.match(auditRows(store, 'event.update'), [{ eventId: key, detail: 'changed: hours' }]);
});

t.test('the id of an event with a plan stays, and the form says why', async (t) => {
  const { app, store } = await server(t);
  planned(store);
  const visitor = await signedIn(app, store, 'coordinator', CASA);
  const form = formOf((await visitor.get(`/events/${FRESNO_ID}/edit`)).body);
  const res = await visitor.post(`/events/${FRESNO_ID}`, { ...form, id: 'fresno-renamed', name: 'Renamed' });
  t.equal(res.statusCode, 400);
  t.match(fieldProblem(res.body, 'id').message, /^Event id: this event has 1 plan version, and printed slips, sheets and calendar links name it by its id: it stays “fresno-2027-05-22”/);
  t.equal(findEvent(store.db, FRESNO_ID)?.name, FRESNO_BUNDLE.event.name, 'nothing was changed');
  t.notOk(findEvent(store.db, 'fresno-renamed'));
});

t.test('the id of an event without a plan may change; its old address is gone', async (t) => {
  const { app, store } = await server(t);
  stored(store);
  const visitor = await signedIn(app, store, 'coordinator', CASA);
  const form = formOf((await visitor.get(`/events/${FRESNO_ID}/edit`)).body);
  const res = await visitor.post(`/events/${FRESNO_ID}`, { ...form, id: 'fresno-renamed' });
  t.equal(res.headers.location, '/events/fresno-renamed?saved=1');
  t.equal(loadBundle(store.db, 'fresno-renamed')?.applicants.length, 40);
  t.equal((await visitor.get(`/events/${FRESNO_ID}`)).statusCode, 404);
});

t.test('a bad value on the edit form is refused at its field and changes nothing', async (t) => {
  const { app, store } = await server(t);
  stored(store);
  const visitor = await signedIn(app, store, 'coordinator', CASA);
  const form = formOf((await visitor.get(`/events/${FRESNO_ID}/edit`)).body);
  const res = await visitor.post(`/events/${FRESNO_ID}`, { ...form, 'desks.check_in': '0', name: 'Renamed' });
  t.equal(res.statusCode, 400);
  t.equal(fieldProblem(res.body, 'desks-check_in').message, 'Check-in desks must be at least 1, not 0');
  t.equal(findEvent(store.db, FRESNO_ID)?.name, FRESNO_BUNDLE.event.name);
  t.same(auditRows(store, 'event.update'), []);
});

t.test('editing an event whose personal data was purged keeps it purged', async (t) => {
  const { app, store } = await server(t);
  stored(store);
  purgeStoredEvent(store.db, FRESNO_ID, 'test');
  const visitor = await signedIn(app, store, 'coordinator', CASA);
  const form = formOf((await visitor.get(`/events/${FRESNO_ID}/edit`)).body);
  t.equal((await visitor.post(`/events/${FRESNO_ID}`, { ...form, name: 'Renamed' })).statusCode, 303);
  const page = await visitor.get(`/events/${FRESNO_ID}`);
  t.match(page.body, '<h1>Renamed</h1>');
  t.match(page.body, 'Personal data removed');
});

// ——— Duplicating ———

t.test('duplicating an event opens the new-event form with its settings and without its id, date or people', async (t) => {
  const { app, store } = await server(t);
  stored(store);
  const visitor = await signedIn(app, store, 'coordinator', CASA);
  await visitor.get(`/events/${FRESNO_ID}`);
  const res = await visitor.post(`/events/${FRESNO_ID}/duplicate`, {});
  t.equal(res.statusCode, 200);
  t.match(res.body, '<h1>New event from a template</h1>');
  t.match(res.body, '<form method="post" action="/events" ');
  const form = formOf(res.body);
  t.same([form.id, form.date], ['', '']);
  t.same([form.name, form['site.name'], form['desks.check_in'], form['case_types.n400.preparation'], form.host_orgs],
    [FRESNO_BUNDLE.event.name, 'St. Anthony Parish Hall', '3', '100', FRESNO_BUNDLE.event.hostOrgs.join('\n')]);
  const made = await visitor.post('/events', { ...form, id: 'fresno-2027-06-19', date: '2027-06-19' });
  t.equal(made.statusCode, 303);
  const copy = loadBundle(store.db, 'fresno-2027-06-19')!;
  const { id: _id, date: _date, dayMinutes: _minutes, ...settings } = copy.event;
  const { id: _id0, date: _date0, dayMinutes: _minutes0, ...original } = FRESNO_BUNDLE.event;
  t.same(settings, original, 'every setting but the id and the date is the original’s');
  t.same([copy.volunteers.length, copy.applicants.length], [0, 0]);
  t.equal(loadBundle(store.db, FRESNO_ID)!.applicants.length, 40, 'the original keeps its people');
});

// ——— Deleting ———

t.test('the delete page says what will be removed, counting each kind', async (t) => {
  const { app, store } = await server(t);
  planned(store);
  issueLink(store.db, { kind: 'applicant', event: FRESNO_ID, code: FRESNO_PLAN.scheduled[0]!.applicant }, {}, 'test');
  const page = await (await signedIn(app, store, 'coordinator', CASA)).get(`/events/${FRESNO_ID}/delete`);
  t.equal(page.statusCode, 200);
  for (const line of ['12 volunteers on the roster', '40 applicants', '1 plan version', '1 slip or calendar link']) t.match(page.body, `<li>${line}</li>`);
  for (const a of FRESNO_BUNDLE.applicants) t.notOk(page.body.includes(a.name), `${a.id}'s name is not on the page`);
});

t.test('deleting needs the event’s id typed exactly; otherwise nothing is removed', async (t) => {
  const { app, store } = await server(t);
  planned(store);
  const visitor = await signedIn(app, store, 'coordinator', CASA);
  await visitor.get(`/events/${FRESNO_ID}/delete`);
  const res = await visitor.post(`/events/${FRESNO_ID}/delete`, { confirm: 'fresno' });
  t.equal(res.statusCode, 400);
  t.equal(fieldProblem(res.body, 'confirm').message, `This is not the event's id: type ${FRESNO_ID} exactly to delete it`);
  t.equal(loadBundle(store.db, FRESNO_ID)?.applicants.length, 40);
  t.same(auditRows(store, 'event.delete'), []);
});

t.test('deleting an event removes it with its people, plans and links, and the audit log keeps counts only', async (t) => {
  const { app, store } = await server(t);
  const key = planned(store);
  const slip = issueLink(store.db, { kind: 'applicant', event: FRESNO_ID, code: FRESNO_PLAN.scheduled[0]!.applicant }, {}, 'test');
  if (!slip.ok) throw new Error('no link');
  const visitor = await signedIn(app, store, 'coordinator', CASA);
  t.equal((await visitor.get(`/slips/${slip.token}`)).statusCode, 200, 'the slip link works before');
  await visitor.get(`/events/${FRESNO_ID}/delete`);
  const res = await visitor.post(`/events/${FRESNO_ID}/delete`, { confirm: FRESNO_ID });
  t.equal(res.statusCode, 303);
  t.equal(res.headers.location, '/?deleted=1');
  t.match((await visitor.get('/?deleted=1')).body, 'The event was deleted, with everything of it.');
  t.notOk(eventKey(store.db, FRESNO_ID));
  t.equal((await visitor.get(`/events/${FRESNO_ID}`)).statusCode, 404);
  t.equal((await visitor.get(`/slips/${slip.token}`)).statusCode, 404, 'the slip link is dead');
  t.notOk(verifyToken(store.db, slip.token, 'applicant', new Date().toISOString()));
  t.same(store.db.select().from(accessTokens).where(eq(accessTokens.eventId, key)).all(), []);
  t.same(store.db.select().from(volunteers).all(), [], 'volunteers no other event lists are forgotten');
  const [row] = auditRows(store, 'event.delete');
  t.equal(row?.detail, `${FRESNO_ID}: 12 volunteers, 40 applicants, 1 plan version, 1 link; 12 volunteer records no other event lists`);
  const log = JSON.stringify(store.db.select().from(auditLog).all());
  for (const person of [...FRESNO_BUNDLE.applicants, ...FRESNO_BUNDLE.volunteers]) t.notOk(log.includes(person.name), `${person.id} is not in the audit log`);
});

t.test('deleting an event keeps the volunteers another event still lists', async (t) => {
  const { app, store } = await server(t);
  stored(store);
  stored(store, { id: 'fresno-2027-09-18', date: '2027-09-18' });
  const visitor = await signedIn(app, store, 'coordinator', CASA);
  await visitor.get(`/events/${FRESNO_ID}/delete`);
  await visitor.post(`/events/${FRESNO_ID}/delete`, { confirm: FRESNO_ID });
  t.equal(store.db.select().from(volunteers).all().length, 12);
  t.equal(loadBundle(store.db, 'fresno-2027-09-18')?.volunteers.length, 12);
});

// ——— Who may ———

t.test('the event page links to Edit, Duplicate and Delete for a coordinator, not for a viewer', async (t) => {
  const { app, store } = await server(t);
  stored(store);
  const coordinator = await (await signedIn(app, store, 'coordinator', CASA)).get(`/events/${FRESNO_ID}`);
  t.match(coordinator.body, `<a href="/events/${FRESNO_ID}/edit">Edit</a>`);
  t.match(coordinator.body, `<form method="post" action="/events/${FRESNO_ID}/duplicate"`);
  t.match(coordinator.body, `<a href="/events/${FRESNO_ID}/delete">Delete</a>`);
  const viewer = await (await signedIn(app, store, 'viewer', CASA)).get(`/events/${FRESNO_ID}`);
  t.equal(viewer.statusCode, 200);
  t.notMatch(viewer.body, /\/edit"|\/duplicate"|\/delete"/);
});

t.test('a coordinator of another organization finds none of the event’s forms (404), and changes nothing', async (t) => {
  const { app, store } = await server(t);
  stored(store);
  const other = await signedIn(app, store, 'coordinator', OTRA);
  await other.get('/events/new');
  const form = formOf((await other.get('/events/new')).body);
  const answers = [
    (await other.get(`/events/${FRESNO_ID}/edit`)).statusCode,
    (await other.post(`/events/${FRESNO_ID}`, { ...form, name: 'Taken over', date: '2027-05-22', timezone: 'America/Los_Angeles' })).statusCode,
    (await other.post(`/events/${FRESNO_ID}/duplicate`, {})).statusCode,
    (await other.get(`/events/${FRESNO_ID}/delete`)).statusCode,
    (await other.post(`/events/${FRESNO_ID}/delete`, { confirm: FRESNO_ID })).statusCode,
  ];
  t.same(answers, [404, 404, 404, 404, 404]);
  t.equal(findEvent(store.db, FRESNO_ID)?.name, FRESNO_BUNDLE.event.name);
});

t.test('a viewer may open none of the forms that change an event (403), and changes nothing', async (t) => {
  const { app, store } = await server(t);
  stored(store);
  const viewer = await signedIn(app, store, 'viewer', CASA);
  await viewer.get(`/events/${FRESNO_ID}`);
  const answers = [
    (await viewer.get(`/events/${FRESNO_ID}/edit`)).statusCode,
    (await viewer.post(`/events/${FRESNO_ID}`, { name: 'Taken over' })).statusCode,
    (await viewer.post(`/events/${FRESNO_ID}/duplicate`, {})).statusCode,
    (await viewer.get(`/events/${FRESNO_ID}/delete`)).statusCode,
    (await viewer.post(`/events/${FRESNO_ID}/delete`, { confirm: FRESNO_ID })).statusCode,
    (await viewer.post('/events', { name: 'New' })).statusCode,
  ];
  t.same(answers, [403, 403, 403, 403, 403, 403]);
  t.equal(findEvent(store.db, FRESNO_ID)?.name, FRESNO_BUNDLE.event.name);
});

t.test('a coordinator who reaches an event as a host cannot edit their organization out of it', async (t) => {
  const { app, store } = await server(t);
  stored(store, {}, null);
  const host = FRESNO_BUNDLE.event.hostOrgs[0]!;
  const visitor = await signedIn(app, store, 'coordinator', host);
  const form = formOf((await visitor.get(`/events/${FRESNO_ID}/edit`)).body);
  const res = await visitor.post(`/events/${FRESNO_ID}`, { ...form, host_orgs: 'Jakara Movement' });
  t.equal(res.statusCode, 400);
  t.match(fieldProblem(res.body, 'host_orgs').message, `Host organizations: your organization, ${host}, would no longer run or host this event`);
  t.same(loadEvent(store.db, FRESNO_ID)!.event.hostOrgs, FRESNO_BUNDLE.event.hostOrgs);
});

// ——— In Spanish and in English ———

t.test('with Accept-Language es the home page lists the workshops in Spanish, dates and hours as Spanish writes them', async (t) => {
  const { app, store } = await server(t);
  stored(store, { id: 'fresno-2099-05-22', date: '2099-05-22' });
  stored(store, { id: 'fresno-2001-05-22', date: '2001-05-22' });
  const page = await (await signedIn(app, store, 'coordinator', CASA, SPANISH)).get('/?q=fresno');
  t.equal(page.statusCode, 200);
  t.match(page.body, '<html lang="es">');
  t.match(page.body, '<title>Talleres — Taller</title>');
  t.match(page.body, '<a class="button" href="/events/new">Nuevo evento</a>');
  t.match(page.body, '<label for="q">Buscar un taller <span class="hint">(nombre, identificador, lugar o condado)</span></label>');
  t.match(page.body, '2 de 2 talleres coinciden con «fresno».');
  t.match(page.body, '<h2 id="upcoming">Próximos</h2>');
  t.match(page.body, '<caption>1 taller próximo</caption>');
  t.match(page.body, '<h2 id="past">Pasados</h2>');
  t.match(page.body, '<caption>1 taller pasado</caption>');
  t.match(page.body, /<td>viernes, 22 de mayo de 2099<br><span class="muted">9:00\sa\.\s?m\.–4:00\sp\.\s?m\.<\/span><\/td>/);
  t.match(page.body, '<th scope="col">Personas</th>');
  t.match(page.body, '<td>12 voluntarios<br>40 solicitantes</td>');
  t.notMatch(page.body, /Upcoming|Past<|New event|Find a workshop|\d volunteers/, 'no English words left');
});

t.test('the home page in English shows the English words', async (t) => {
  const { app, store } = await server(t);
  stored(store, { id: 'fresno-2099-05-22', date: '2099-05-22' });
  const page = await (await signedIn(app, store, 'coordinator', CASA)).get('/');
  t.match(page.body, '<html lang="en">');
  t.match(page.body, '<h1>Workshops</h1>');
  t.match(page.body, '<label for="q">Find a workshop <span class="hint">(name, id, site or county)</span></label>');
  t.match(page.body, '<h2 id="upcoming">Upcoming</h2>');
  t.match(page.body, '<caption>1 upcoming workshop</caption>');
  t.match(page.body, /<td>Friday, May 22, 2099<br><span class="muted">9:00\sAM–4:00\sPM<\/span><\/td>/);
  t.match(page.body, '<td>12 volunteers<br>40 applicants</td>');
  t.match(page.body, 'No workshop has taken place yet.');
  t.notMatch(page.body, /Próximos|Nuevo evento|voluntarios/);
});

t.test('with Accept-Language es the new-event form is in Spanish: title, labels, hints, choices and time zones', async (t) => {
  const { app, store } = await server(t);
  const page = await (await signedIn(app, store, 'coordinator', CASA, SPANISH)).get('/events/new');
  t.equal(page.statusCode, 200);
  t.match(page.body, '<title>Nuevo evento — Taller</title>');
  t.match(page.body, '<h1>Nuevo evento</h1>');
  t.match(page.body, '<legend><h2>El día</h2></legend>');
  t.match(page.body, '<label for="desks-check_in">Mesas de registro</label>');
  t.match(page.body, '<span id="desks-check_in-hint" class="hint">Cuántas personas registran a los solicitantes al mismo tiempo (al menos 1).</span>');
  t.match(page.body, '<legend>Naturalización (N-400) <span class="code">n400</span></legend>');
  t.match(page.body, '<label for="case_types-n400-preparation">Preparación</label>');
  t.match(page.body, '<option value="America/Los_Angeles">Pacífico — America/Los_Angeles</option>');
  t.match(page.body, '<option value="most">Máxima: tantas personas como quepan</option>');
  t.match(page.body, '<button type="submit">Crear el evento</button> <a href="/">Cancelar</a>');
  t.notMatch(page.body, /Check-in desks|Make the event|Time zone|>Pacific —/, 'no English words left');
});

t.test('the new-event form in English shows the English words', async (t) => {
  const { app, store } = await server(t);
  const page = await (await signedIn(app, store, 'coordinator', CASA)).get('/events/new');
  t.match(page.body, '<title>New event — Taller</title>');
  t.match(page.body, '<label for="desks-check_in">Check-in desks</label>');
  t.match(page.body, '<legend>Naturalization (N-400) <span class="code">n400</span></legend>');
  t.match(page.body, '<option value="America/Los_Angeles">Pacific — America/Los_Angeles</option>');
  t.match(page.body, '<button type="submit">Make the event</button> <a href="/">Cancel</a>');
  t.notMatch(page.body, /Mesas de registro|Crear el evento/);
});

t.test('with Accept-Language es a problem the form finds is said in Spanish at its field and in the summary', async (t) => {
  const { app, store } = await server(t);
  stored(store);
  const visitor = await signedIn(app, store, 'coordinator', CASA, SPANISH);
  const res = await visitor.post('/events', await newEventForm(visitor, { id: FRESNO_ID }));
  t.equal(res.statusCode, 400);
  t.match(res.body, '<title>Error: Nuevo evento — Taller</title>');
  t.match(res.body, '<h2>Corrija 1 dato</h2>');
  const problem = fieldProblem(res.body, 'id');
  t.equal(problem.message, `Identificador del evento: ya existe un evento con el identificador «${FRESNO_ID}»: elija otro`);
  t.ok(problem.invalid, 'the field is marked invalid and described by its message');
  t.match(res.body, `<li><a href="#id">Identificador del evento: ya existe un evento`);
});

t.test('with Accept-Language es a bundle rule’s English sentence follows the field’s Spanish label, marked as English', async (t) => {
  const { app, store } = await server(t);
  const visitor = await signedIn(app, store, 'coordinator', CASA, SPANISH);
  const res = await visitor.post('/events', await newEventForm(visitor, { 'desks.check_in': '0' }));
  t.equal(res.statusCode, 400);
  t.match(res.body, '<span id="desks-check_in-problem" class="field-problem">Mesas de registro: <span lang="en">must be at least 1, not 0</span></span>');
  t.match(res.body, '<li><a href="#desks-check_in">Mesas de registro: <span lang="en">must be at least 1, not 0</span></a></li>');
});

t.test('with Accept-Language es the event page’s links and the notice after a change are in Spanish', async (t) => {
  const { app, store } = await server(t);
  stored(store);
  const visitor = await signedIn(app, store, 'coordinator', CASA, SPANISH);
  const page = await visitor.get(`/events/${FRESNO_ID}?saved=1`);
  t.match(page.body, '<div class="notice" role="status"><p>Guardado. La lista de voluntarios, los solicitantes y los planes se conservan como estaban.</p></div>');
  t.match(page.body, '<nav class="event-actions" aria-label="Cambiar este evento">');
  t.match(page.body, `<a href="/events/${FRESNO_ID}/edit">Editar</a>`);
  t.match(page.body, '<button type="submit" class="link">Duplicar como plantilla</button>');
  t.match(page.body, `<a href="/events/${FRESNO_ID}/delete">Eliminar</a>`);
});

t.test('with Accept-Language es the delete page counts what goes and refuses a wrong id in Spanish', async (t) => {
  const { app, store } = await server(t);
  stored(store);
  const visitor = await signedIn(app, store, 'coordinator', CASA, SPANISH);
  const page = await visitor.get(`/events/${FRESNO_ID}/delete`);
  t.match(page.body, `<h1>Eliminar ${FRESNO_BUNDLE.event.name.replace('&', '&amp;')}</h1>`);
  for (const line of ['12 voluntarios en la lista', '40 solicitantes', '0 versiones de plan', '0 enlaces de hojas de cita y de calendario']) {
    t.match(page.body, `<li>${line}</li>`);
  }
  const res = await visitor.post(`/events/${FRESNO_ID}/delete`, { confirm: 'fresno' });
  t.equal(res.statusCode, 400);
  t.equal(fieldProblem(res.body, 'confirm').message, `Este no es el identificador del evento: escriba ${FRESNO_ID} exactamente para eliminarlo`);
  t.equal(loadBundle(store.db, FRESNO_ID)?.applicants.length, 40, 'nothing was removed');
});
