// Ten thousand generated requests at every route, anonymous and with a token: the server
// never answers 5xx, and no answer or log line holds a name the caller may not see.
import { Writable } from 'node:stream';
import t from 'tap';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { saveBundle } from '../../src/db/events.js';
import { eventKey, savePlan } from '../../src/db/plans.js';
import { createToken } from '../../src/db/tokens.js';
import { publishVersion } from '../../src/services/plans.js';
import { plan } from '../../src/planner/index.js';
import type { Bundle } from '../../src/domain/index.js';
import { FRESNO, FRESNO_ID, sampleBundle, tempDatabase } from '../support/fixtures.js';
import { authHeader } from '../support/http.js';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);

/** Every name, phone and e-mail carries a mark no route prints on its own. */
const MARK = 'Qzplanted';
function planted(bundle: Bundle): Bundle {
  return {
    ...bundle,
    volunteers: bundle.volunteers.map((v, i) => ({ ...v, name: `${MARK}V${i} Ruiz`, email: `v${i}.${MARK.toLowerCase()}@example.org`, phone: `559-555-${1000 + i}` })),
    applicants: bundle.applicants.map((a, i) => ({ ...a, name: `${MARK}A${i} Núñez`, email: `a${i}.${MARK.toLowerCase()}@example.org`, household: `${MARK}H${i}` })),
  };
}
const MARKED = new RegExp(MARK, 'i');

/** Routes as the server lists them (a tree, each line adding to its parent's path): `{ method, path }` with `:params`. */
function routesOf(app: FastifyInstance): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ├└─]*)(\S+) \(([A-Z, ]+)\)/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const path = `${stack[depth - 1] ?? ''}${m[2]}`;
    stack[depth] = path;
    for (const method of m[3]!.split(', ')) if (method !== 'HEAD') routes.push({ method, path });
  }
  return routes;
}

const junk = fc.oneof(
  fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('..', '../../etc/passwd', '%00', '%', '%E0%A4%A', 'A0001', 'V001', '1', '0', '-1', '999999999999', 'null', '[]', '{}', '.ics',
    '<script>', "' or 1=1 --", 'a'.repeat(300)),
);
const enc = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return 'x';
  }
};

t.test('ten thousand generated requests: never a 5xx, never a name to someone who may not see it', async (t) => {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  const store = tempDatabase(t);
  const bundle = planted(sampleBundle(FRESNO));
  saveBundle(store.db, bundle, 'test');
  const key = eventKey(store.db, FRESNO_ID)!;
  savePlan(store.db, key, plan(bundle, { iterations: 20 }), {}, 'test');
  publishVersion(store.db, FRESNO_ID, 1, 'test');
  const api = authHeader(store).authorization.slice('Bearer '.length);
  const other = authHeader(store, { role: 'coordinator', organization: 'Otra Organización' }).authorization.slice('Bearer '.length);
  const slip = createToken(store.db, 'applicant', { eventId: key, subject: 'A0001' });
  const feed = createToken(store.db, 'feed', { eventId: key, subject: 'V001' });
  // Rate limits would answer most of these 429 (they have tests of their own); a job that is not done at once answers 202.
  const app = await buildApp({ database: store, logger: { level: 'info', stream }, rateLimits: false, jobWait: 50 });
  t.teardown(() => app.close());
  await app.ready();
  const routes = routesOf(app);
  t.ok(routes.some((r) => r.path === '/api/events/:id/plans/:version/publish'), `${routes.length} routes found`);

  const param = (name: string) => fc.oneof(
    { weight: 3, arbitrary: fc.constant(({ id: FRESNO_ID, version: '1', vid: 'V001', aid: 'A0001', token: slip } as Record<string, string>)[name] ?? 'x') },
    { weight: 1, arbitrary: fc.constantFrom(slip, feed, `${feed}.ics`, api) },
    { weight: 2, arbitrary: junk.map(enc) },
  );
  const body = fc.oneof(
    fc.constant(undefined),
    fc.record({ type: fc.constant('application/json'), payload: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) }),
    fc.record({ type: fc.constant('application/json'), payload: fc.record({
      quick: fc.boolean(), iterations: fc.integer({ min: -5, max: 50 }), seed: fc.integer(), runs: fc.integer({ min: -1, max: 30 }),
      fairness: fc.constantFrom('none', 'proportional', 'x'), release: fc.array(junk, { maxLength: 3 }), what_if: fc.constant(false),
      finish_tradeoff: fc.constant(false), finish_probability: fc.constantFrom(0, 0.5, 2, 'x'), confirm: fc.boolean(),
    }, { requiredKeys: [] }).map((v) => JSON.stringify(v)) }),
    fc.record({ type: fc.constantFrom('multipart/form-data; boundary=xyz', 'multipart/form-data', 'text/plain', 'application/x-www-form-urlencoded', 'application/json'),
      payload: fc.string({ maxLength: 200 }) }),
    fc.record({ type: fc.constant('multipart/form-data; boundary=b'), payload: fc.string({ maxLength: 60 }).map((s) => `--b\r\nContent-Disposition: form-data; name="event.json"; filename="event.json"\r\n\r\n${s}\r\n--b--\r\n`) }),
  );
  const request = fc.record({
    route: fc.constantFrom(...routes),
    method: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS') }),
    auth: fc.constantFrom('none', 'none', 'api', 'other', 'bad', 'slip'),
    query: fc.dictionary(fc.constantFrom('version', 'against', 'per_page', 'lang', 'org', 'token', 'x'), junk.map(enc), { maxKeys: 2 }),
    body,
    params: fc.record({ id: param('id'), version: param('version'), vid: param('vid'), aid: param('aid'), token: param('token') }),
    rest: junk.map(enc),
  });

  let sent = 0;
  const statuses = new Map<number, number>();
  await fc.assert(fc.asyncProperty(request, fc.context(), async (r, ctx) => {
    const values: Record<string, string> = r.params;
    const url = r.route.path.replace(/:(\w+)/g, (_m, name: string) => values[name] ?? 'x').replace(/\*$/, r.rest);
    const query = Object.entries(r.query).map(([k, v]) => `${k}=${v}`).join('&');
    const headers: Record<string, string> = {};
    if (r.auth === 'api') headers.authorization = `Bearer ${api}`;
    if (r.auth === 'other') headers.authorization = `Bearer ${other}`;
    if (r.auth === 'bad') headers.authorization = 'Bearer not-a-token';
    if (r.auth === 'slip') headers.authorization = `Bearer ${slip}`;
    if (r.body) headers['content-type'] = r.body.type;
    const res = await app.inject({
      method: (r.method ?? r.route.method) as 'GET', url: query ? `${url}?${query}` : url, headers, ...(r.body ? { payload: r.body.payload } : {}),
    });
    sent += 1;
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    ctx.log(`${r.method ?? r.route.method} ${url} → ${res.statusCode}`);
    if (res.statusCode >= 500) throw new Error(`${res.statusCode} for ${r.method ?? r.route.method} ${url}: ${res.body.slice(0, 300)}`);
    // Only an account of the event's organizations sees names (here the admin); a person's own link shows that person alone.
    if (r.auth !== 'api') {
      const own = url.startsWith(`/slips/${slip}`) ? /QzplantedA0 /g : url.startsWith(`/calendars/${feed}`) ? /QzplantedV0 /g : null;
      const shown = res.body.replace(own ?? /$^/, '');
      if (MARKED.test(shown)) throw new Error(`${r.method ?? r.route.method} ${url} (${r.auth}) showed a name: ${res.statusCode}`);
    }
    return true;
  }), { numRuns: REQUESTS, seed: 20271203, endOnFailure: true });

  t.equal(sent, REQUESTS, 'every request was sent');
  t.comment(`answers: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(', ')}`);
  const log = lines.join('');
  t.notMatch(log, MARKED, 'no name, phone or e-mail in the log');
  for (const secret of [api, other, slip, feed]) t.notOk(log.includes(secret), 'no token in the log');
});
