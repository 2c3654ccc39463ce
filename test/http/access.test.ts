// Who may use which route: built from the app's own route table, so a route added without a
// rule fails here (and at start), and every rule is tried by every kind of caller.
import t from 'tap';
import Fastify from 'fastify';
import { saveBundle } from '../../src/db/events.js';
import { revokeToken } from '../../src/db/tokens.js';
import { organizationNamed } from '../../src/db/users.js';
import { registerAccess } from '../../src/http/access.js';
import type { Access, RouteRule } from '../../src/http/access.js';
import { FRESNO, FRESNO_ID, sampleBundle, tempDatabase } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';

type Caller = 'anonymous' | 'admin' | 'coordinator' | 'viewer' | 'read token' | 'other coordinator' | 'revoked token';
const CALLERS: Caller[] = ['anonymous', 'admin', 'coordinator', 'viewer', 'read token', 'other coordinator', 'revoked token'];

/** What the rules say a caller gets: through (the route's own answer), or refused with this status. */
function expected(rule: RouteRule, caller: Caller): 'through' | 401 | 403 | 404 {
  const open: Access[] = ['public', 'link'];
  if (open.includes(rule.access)) return 'through';
  if (caller === 'anonymous' || caller === 'revoked token') return 401;
  if (rule.access === 'signed-in') return 'through';
  if (rule.access === 'admin') return caller === 'admin' ? 'through' : 403;
  if (rule.access === 'write' && (caller === 'viewer' || caller === 'read token')) return 403;
  if (caller === 'other coordinator' && rule.eventParam !== undefined) return 404;
  return 'through';
}

/** A concrete path for a route pattern: the sample event, and harmless values for the rest. */
function pathOf(rule: RouteRule): string {
  return rule.url
    .replace(/\*$/, 'css/app.css')
    .replace(':token', rule.url.startsWith('/calendars/') ? `${'x'.repeat(43)}.ics` : 'x'.repeat(43))
    .replace(':version', '1').replace(':vid', 'V001').replace(':aid', 'A0001').replace(':tid', '999').replace(':uid', '999').replace(':oid', '999').replace(':locale', 'es')
    .replace(':id', rule.eventParam === 'id' ? FRESNO_ID : 'no-such-job');
}

t.test('every route keeps its rule for anonymous visitors, each role, another organization, a read-only and a revoked token', async (t) => {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  saveBundle(store.db, sampleBundle(FRESNO), 'test', organizationNamed(store.db, 'Casa Legal'));
  const revoked = authHeader(store, { role: 'coordinator', organization: 'Casa Legal' });
  revokeToken(store.db, revoked.authorization.slice('Bearer '.length), new Date().toISOString());
  const headers: Record<Caller, Record<string, string>> = {
    anonymous: {},
    admin: authHeader(store),
    coordinator: authHeader(store, { role: 'coordinator', organization: 'Casa Legal' }),
    viewer: authHeader(store, { role: 'viewer', organization: 'Casa Legal' }),
    'read token': authHeader(store, { role: 'coordinator', organization: 'Casa Legal', scope: 'read' }),
    'other coordinator': authHeader(store, { role: 'coordinator', organization: 'Otra Organización' }),
    'revoked token': revoked,
  };
  t.ok(app.routeRules.length >= 30, `${app.routeRules.length} routes`);
  let tried = 0;
  for (const rule of app.routeRules) {
    for (const caller of CALLERS) {
      // A body nothing accepts: a route that lets the caller through refuses the body, and does no work.
      const body = rule.method === 'GET' ? {} : { payload: 'x', headers: { 'content-type': 'text/plain' } };
      const res = await app.inject({ method: rule.method as 'GET', url: pathOf(rule), ...body, headers: { ...headers[caller], ...body.headers } });
      const want = expected(rule, caller);
      const label = `${rule.method} ${rule.url} (${rule.access}) as ${caller}: ${res.statusCode}`;
      // An open route's form without its form token is stopped by that check, past the access rule.
      const formCheck = res.statusCode === 403 && /This form has expired/.test(res.body);
      if (want === 'through') t.ok((formCheck || ![401, 403].includes(res.statusCode)) && res.statusCode < 500, label);
      else if (want === 404) t.ok(res.statusCode === 404 && res.json().error === `Event ${FRESNO_ID} not found`, label);
      else t.equal(res.statusCode, want, label);
      tried++;
    }
  }
  t.comment(`${app.routeRules.length} routes × ${CALLERS.length} callers = ${tried} requests`);
});

t.test('a route registered without an access rule stops the app from starting', async (t) => {
  const app = Fastify();
  registerAccess(app);
  t.throws(() => app.get('/forgotten', async () => 'x'), /GET \/forgotten has no access rule/);
  await app.close();
});

t.test('a page asked for by a browser without an account sends it to sign in, and back afterwards', async (t) => {
  const { app } = await build(t);
  const res = await app.inject({ url: `/events/${FRESNO_ID}?tab=plan`, headers: { accept: 'text/html' } });
  t.equal(res.statusCode, 303);
  t.equal(res.headers.location, `/sign-in?next=${encodeURIComponent(`/events/${FRESNO_ID}?tab=plan`)}`);
});

t.test('a coordinator lists only the events their organization runs or hosts; an admin lists all', async (t) => {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  saveBundle(store.db, sampleBundle(FRESNO), 'test', organizationNamed(store.db, 'Casa Legal'));
  const ids = async (h: Record<string, string>) => (await app.inject({ url: '/api/events', headers: h })).json().map((e: { id: string }) => e.id);
  t.same(await ids(authHeader(store, { role: 'coordinator', organization: 'Casa Legal' })), [FRESNO_ID]);
  t.same(await ids(authHeader(store, { role: 'coordinator', organization: 'Otra Organización' })), []);
  t.same(await ids(authHeader(store)), [FRESNO_ID]);
});

t.test('the roster and applicant tables are read, every person form is write; each caller gets what its rule says', async (t) => {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  saveBundle(store.db, sampleBundle(FRESNO), 'test', organizationNamed(store.db, 'Casa Legal'));
  const rules = app.routeRules.filter((r) => /^\/events\/:id\/(volunteers|applicants)(\/|$)/.test(r.url)).map((r) => `${r.method} ${r.url} ${r.access}`).sort();
  t.same(rules, ['volunteers', 'applicants'].flatMap((kind) => {
    const code = kind === 'volunteers' ? ':vid' : ':aid';
    return [
      `GET /events/:id/${kind} read`, `GET /events/:id/${kind}/new write`, `POST /events/:id/${kind}/new write`,
      `GET /events/:id/${kind}/${code}/edit write`, `POST /events/:id/${kind}/${code}/edit write`,
      `GET /events/:id/${kind}/${code}/remove write`, `POST /events/:id/${kind}/${code}/remove write`,
    ];
  }).sort());
  const as = {
    admin: authHeader(store),
    coordinator: authHeader(store, { role: 'coordinator', organization: 'Casa Legal' }),
    viewer: authHeader(store, { role: 'viewer', organization: 'Casa Legal' }),
    'read token': authHeader(store, { role: 'coordinator', organization: 'Casa Legal', scope: 'read' }),
    'other coordinator': authHeader(store, { role: 'coordinator', organization: 'Otra Organización' }),
  };
  const table = `/events/${FRESNO_ID}/applicants`;
  const want: Record<keyof typeof as, [number, number]> = {
    admin: [200, 200], coordinator: [200, 200], viewer: [200, 403], 'read token': [200, 403], 'other coordinator': [404, 404],
  };
  for (const [caller, headers] of Object.entries(as) as [keyof typeof as, Record<string, string>][]) {
    const read = await app.inject({ url: table, headers: { ...headers, accept: 'text/html' } });
    const form = await app.inject({ url: `${table}/A0001/edit`, headers: { ...headers, accept: 'text/html' } });
    t.same([read.statusCode, form.statusCode], want[caller], `${caller}: the table ${read.statusCode}, a form ${form.statusCode}`);
  }
});

// The plan workspace: its pages are read, planning from its form is write.
t.test('the plan workspace is read, planning from it is write; each caller gets what its rule says', async (t) => {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  saveBundle(store.db, sampleBundle(FRESNO), 'test', organizationNamed(store.db, 'Casa Legal'));
  const rules = app.routeRules.filter((r) => /^\/events\/:id\/plan(\/|$)/.test(r.url)).map((r) => `${r.method} ${r.url} ${r.access}`).sort();
  t.same(rules, [
    'GET /events/:id/plan read', 'POST /events/:id/plan write', 'GET /events/:id/plan/status read', 'GET /events/:id/plan/stations read',
    'GET /events/:id/plan/unscheduled read', 'GET /events/:id/plan/applicants read', 'GET /events/:id/plan/applicants/:aid read',
    'GET /events/:id/plan/wall read',
  ].sort());
  const as = {
    admin: authHeader(store),
    coordinator: authHeader(store, { role: 'coordinator', organization: 'Casa Legal' }),
    viewer: authHeader(store, { role: 'viewer', organization: 'Casa Legal' }),
    'read token': authHeader(store, { role: 'coordinator', organization: 'Casa Legal', scope: 'read' }),
    'other coordinator': authHeader(store, { role: 'coordinator', organization: 'Otra Organización' }),
  };
  const page = `/events/${FRESNO_ID}/plan`;
  // A form nothing accepts (an unknown field): a caller let through is refused by the form's check, and nothing is planned.
  const want: Record<keyof typeof as, [number, number]> = {
    admin: [200, 400], coordinator: [200, 400], viewer: [200, 403], 'read token': [200, 403], 'other coordinator': [404, 404],
  };
  for (const [caller, headers] of Object.entries(as) as [keyof typeof as, Record<string, string>][]) {
    const read = await app.inject({ url: page, headers: { ...headers, accept: 'text/html' } });
    const form = await app.inject({ method: 'POST', url: page, headers: { ...headers, accept: 'text/html' }, payload: { nothing: 'x' } });
    t.same([read.statusCode, form.statusCode], want[caller], `${caller}: the page ${read.statusCode}, the form ${form.statusCode}`);
  }
});

// Personal links: a volunteer's own page (its day, calendar and answer, by the link alone), and
// the coordinators' links page, the links' CSV export and the overview of answers.
t.test('the personal links’ routes keep their rules: the link alone for a volunteer’s page, read for the lists, write to make links', async (t) => {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  saveBundle(store.db, sampleBundle(FRESNO), 'test', organizationNamed(store.db, 'Casa Legal'));
  const table: [string, string, Access][] = [
    ['GET', '/v/:token', 'link'],
    ['POST', '/v/:token', 'link'],
    ['GET', '/v/:token/calendar.ics', 'link'],
    ['GET', '/events/:id/links', 'read'],
    ['POST', '/events/:id/links/:kind/:code', 'write'],
    ['POST', '/events/:id/links.csv', 'write'],
    ['GET', '/events/:id/overview', 'read'],
  ];
  for (const [method, url, access] of table) {
    t.same(app.routeRules.filter((r) => r.method === method && r.url === url).map((r) => r.access), [access], `${method} ${url} is ${access}`);
  }
  const as = {
    anonymous: {},
    viewer: authHeader(store, { role: 'viewer', organization: 'Casa Legal' }),
    coordinator: authHeader(store, { role: 'coordinator', organization: 'Casa Legal' }),
    other: authHeader(store, { role: 'coordinator', organization: 'Otra Organización' }),
  };
  const event = `/events/${FRESNO_ID}`;
  const tried: [string, string, keyof typeof as, number][] = [
    ['GET', `${event}/links`, 'anonymous', 401], ['GET', `${event}/links`, 'viewer', 200], ['GET', `${event}/links`, 'other', 404],
    ['GET', `${event}/overview`, 'anonymous', 401], ['GET', `${event}/overview`, 'viewer', 200], ['GET', `${event}/overview`, 'other', 404],
    ['POST', `${event}/links/volunteer/V001`, 'anonymous', 401], ['POST', `${event}/links/volunteer/V001`, 'viewer', 403],
    ['POST', `${event}/links/volunteer/V001`, 'other', 404], ['POST', `${event}/links/volunteer/V001`, 'coordinator', 200],
    ['POST', `${event}/links.csv`, 'anonymous', 401], ['POST', `${event}/links.csv`, 'viewer', 403], ['POST', `${event}/links.csv`, 'other', 404],
    ['POST', `${event}/links.csv`, 'coordinator', 200],
    ['GET', `/v/${'x'.repeat(43)}`, 'anonymous', 404], ['GET', `/v/${'x'.repeat(43)}/calendar.ics`, 'coordinator', 404],
  ];
  for (const [method, url, who, status] of tried) {
    const body = method === 'POST' ? { payload: url.endsWith('.csv') ? { scope: 'missing' } : {} } : {};
    const res = await app.inject({ method: method as 'GET', url, headers: as[who], ...body });
    t.equal(res.statusCode, status, `${method} ${url} as ${who}`);
  }
});

// The applicant's own page and the places given up, offered on: the page and its forms by the
// applicant's link alone, the offers page read, its answers write.
t.test('the applicant’s page is by link; the offers page is read and its answers write; each caller gets what its rule says', async (t) => {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  saveBundle(store.db, sampleBundle(FRESNO), 'test', organizationNamed(store.db, 'Casa Legal'));
  const rules = app.routeRules.filter((r) => r.url.startsWith('/a/') || /^\/events\/:id\/offers(\/|$)/.test(r.url)).map((r) => `${r.method} ${r.url} ${r.access}`).sort();
  t.same(rules, [
    'GET /a/:token link', 'POST /a/:token/coming link', 'GET /a/:token/release link', 'POST /a/:token/release link',
    'GET /events/:id/offers read', 'POST /events/:id/offers/:oid/accept write', 'POST /events/:id/offers/:oid/decline write',
    'POST /events/:id/offers/places/:aid write',
  ].sort());
  const as = {
    anonymous: {},
    admin: authHeader(store),
    coordinator: authHeader(store, { role: 'coordinator', organization: 'Casa Legal' }),
    viewer: authHeader(store, { role: 'viewer', organization: 'Casa Legal' }),
    'read token': authHeader(store, { role: 'coordinator', organization: 'Casa Legal', scope: 'read' }),
    'other coordinator': authHeader(store, { role: 'coordinator', organization: 'Otra Organización' }),
  };
  const offers = `/events/${FRESNO_ID}/offers`;
  const want: Record<keyof typeof as, [number, number, number]> = {
    anonymous: [303, 401, 404], admin: [200, 200, 404], coordinator: [200, 200, 404], viewer: [200, 403, 404],
    'read token': [200, 403, 404], 'other coordinator': [404, 404, 404],
  };
  for (const [caller, headers] of Object.entries(as) as [keyof typeof as, Record<string, string>][]) {
    const page = await app.inject({ url: offers, headers: { ...headers, accept: 'text/html' } });
    const look = await app.inject({ method: 'POST', url: `${offers}/places/A0001`, headers });
    // A link that is not one: the same 404 whoever asks, an account opens no applicant's page.
    const link = await app.inject({ url: `/a/${'x'.repeat(43)}`, headers: { ...headers, accept: 'text/html' } });
    t.same([page.statusCode, look.statusCode, link.statusCode], want[caller], `${caller}: the offers page ${page.statusCode}, looking again ${look.statusCode}, a made-up link ${link.statusCode}`);
  }
});

// Plan versions and printing from the browser (the versions, compare, publish and print pages):
// each route with the rule it must keep, so that one gone missing or loosened fails here.
t.test('the plan versions and print pages keep their rules', async (t) => {
  const { app } = await build(t, tempDatabase(t), { rateLimits: false });
  const rules = new Map(app.routeRules.map((r) => [`${r.method} ${r.url}`, r.access]));
  const want: Record<string, Access> = {
    'GET /events/:id/versions': 'read',
    'GET /events/:id/versions/compare': 'read',
    'GET /events/:id/versions/:version/publish': 'write',
    'POST /events/:id/versions/:version/publish': 'write',
    'GET /events/:id/print': 'read',
    'GET /events/:id/print/sheets': 'read',
    'GET /events/:id/print/slips': 'read',
  };
  for (const [route, access] of Object.entries(want)) t.equal(rules.get(route), access, route);
});

// The season's pages: the calendar for any signed-in account (their organizations' workshops),
// the announced workshops for everyone.
t.test('the season calendar needs a sign-in; the list of announced workshops is public', async (t) => {
  const { app } = await build(t, tempDatabase(t), { rateLimits: false });
  const rules = new Map(app.routeRules.map((r) => [`${r.method} ${r.url}`, r.access]));
  t.equal(rules.get('GET /season'), 'signed-in');
  t.equal(rules.get('GET /workshops'), 'public');
});

t.test('the season report and its CSV need a sign-in', async (t) => {
  const { app } = await build(t, tempDatabase(t), { rateLimits: false });
  const rules = new Map(app.routeRules.map((r) => [`${r.method} ${r.url}`, r.access]));
  t.equal(rules.get('GET /season/report'), 'signed-in');
  t.equal(rules.get('GET /season/report.csv'), 'signed-in');
  t.equal(rules.get('GET /season/report-hours.csv'), 'signed-in');
});

t.test('the organizations page and its forms are for admins', async (t) => {
  const { app } = await build(t, tempDatabase(t), { rateLimits: false });
  const rules = new Map(app.routeRules.map((r) => [`${r.method} ${r.url}`, r.access]));
  for (const route of ['GET /admin/organizations', 'POST /admin/organizations', 'POST /admin/organizations/:oid']) t.equal(rules.get(route), 'admin', route);
});
