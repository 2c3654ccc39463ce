// Personal links (an applicant's slip, a volunteer's calendar feed): whose they are, how long
// they work, and the address they are built from.
import t from 'tap';
import type { Test } from 'tap';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { saveBundle } from '../../src/db/events.js';
import { savePlan } from '../../src/db/plans.js';
import { accessTokens, auditLog } from '../../src/db/schema.js';
import { buildApp } from '../../src/http/app.js';
import type { AppOptions } from '../../src/http/app.js';
import { plan } from '../../src/planner/index.js';
import { FRESNO, FRESNO_ID, sampleBundle, sampleFiles, tempDatabase, withFile } from '../support/fixtures.js';
import { authHeader, multipart } from '../support/http.js';

const BUNDLE = sampleBundle(FRESNO);
const PLAN = plan(BUNDLE, { quick: true, iterations: 50 });
/** A scheduled applicant: their slip link shows their day. */
const MINE = PLAN.scheduled[0]!.applicant;
const MY_NAME = BUNDLE.applicants.find((a) => a.id === MINE)!.name;
/** A volunteer with visits that day. */
const VOLUNTEER = PLAN.scheduled[0]!.visits[0]!.volunteer;
const UNKNOWN = '/slips/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** The app over a fresh database holding the Fresno event and a plan of it. */
async function planned(t: Test, options: Omit<AppOptions, 'database'> = {}) {
  const store = tempDatabase(t);
  const app = await buildApp({ database: store, ...options });
  t.teardown(() => app.close());
  savePlan(store.db, saveBundle(store.db, BUNDLE, 'test').eventId, PLAN, {}, 'test');
  return { app, store, headers: authHeader(store) };
}

type Built = Awaited<ReturnType<typeof planned>>;

async function slipLink({ app, headers }: Built, body?: Record<string, unknown>, code = MINE) {
  return app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/applicants/${code}/slip-link`, headers, ...(body ? { payload: body } : {}) });
}

async function calendarLink({ app, headers }: Built, extra: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/volunteers/${VOLUNTEER}/calendar-link`, headers: { ...headers, ...extra } });
}

const pathOf = (url: string) => new URL(url).pathname;

/** Re-imports the Fresno bundle over the API with one CSV line replaced. */
async function reimport({ app, headers }: Built, file: 'applicants.csv' | 'volunteers.csv', change: (text: string) => string) {
  const files = sampleFiles(FRESNO);
  const body = multipart(withFile(files, file, change(Buffer.from(files[file]!).toString('utf8'))) as Record<string, Uint8Array>);
  const res = await app.inject({ method: 'POST', url: '/api/events/import', payload: body.payload, headers: { ...body.headers, ...headers } });
  if (res.statusCode !== 200) throw new Error(`re-import answered ${res.statusCode}: ${res.body}`);
}

/** The CSV line of a code, given to someone else: another name, phone and e-mail. */
const giveToSomeoneElse = (code: string) => (text: string) =>
  text.replace(new RegExp(`^${code},[^,]*,[^,]*,[^,]*,`, 'm'), `${code},Marisol Ochoa Ruiz,209-555-0199,marisol@example.net,`);

t.test('a slip link made before a re-import gave its code to someone else answers as an unknown link', async (t) => {
  const built = await planned(t);
  const path = pathOf((await slipLink(built)).json().url);
  t.match((await built.app.inject(path)).body, MY_NAME);
  await reimport(built, 'applicants.csv', giveToSomeoneElse(MINE));
  const res = await built.app.inject(path);
  t.equal(res.statusCode, 404);
  t.equal(res.body, (await built.app.inject(UNKNOWN)).body);
  t.notMatch(res.body, 'Marisol');
});

t.test('a slip link keeps working after a re-import of the same people', async (t) => {
  const built = await planned(t);
  const path = pathOf((await slipLink(built)).json().url);
  await reimport(built, 'applicants.csv', (text) => text.replace(MY_NAME, MY_NAME.toUpperCase()));
  const res = await built.app.inject(path);
  t.equal(res.statusCode, 200);
  t.match(res.body, MY_NAME.toUpperCase());
});

t.test('a calendar link stops working once its volunteer is removed from the roster', async (t) => {
  const built = await planned(t);
  const path = pathOf((await calendarLink(built)).json().url);
  t.equal((await built.app.inject(path)).statusCode, 200);
  await reimport(built, 'volunteers.csv', (text) => text.replace(new RegExp(`^${VOLUNTEER},.*\\n`, 'm'), ''));
  t.equal((await built.app.inject(path)).statusCode, 404);
});

t.test('a new slip link asked for with replace revokes the person\'s earlier one', async (t) => {
  const built = await planned(t);
  const first = pathOf((await slipLink(built)).json().url);
  const second = await slipLink(built, { replace: true });
  t.equal(second.json().revoked, 1);
  t.equal((await built.app.inject(first)).statusCode, 404);
  t.equal((await built.app.inject(pathOf(second.json().url))).statusCode, 200);
});

t.test('a new slip link without replace leaves the earlier one working', async (t) => {
  const built = await planned(t);
  const first = pathOf((await slipLink(built)).json().url);
  t.equal((await slipLink(built)).json().revoked, 0);
  t.equal((await built.app.inject(first)).statusCode, 200);
});

t.test('an expired slip link answers exactly as an unknown one', async (t) => {
  const built = await planned(t);
  const path = pathOf((await slipLink(built)).json().url);
  built.store.db.update(accessTokens).set({ expiresAt: DateTime.utc().minus({ minutes: 1 }).toISO() }).where(eq(accessTokens.kind, 'applicant')).run();
  const res = await built.app.inject(path);
  t.equal(res.statusCode, 404);
  t.equal(res.body, (await built.app.inject(UNKNOWN)).body);
});

t.test('a link works until the end of the 30th day after the event at the site, unless another end is chosen', async (t) => {
  const store = tempDatabase(t);
  const app = await buildApp({ database: store });
  t.teardown(() => app.close());
  const date = DateTime.now().setZone(BUNDLE.event.timezone).plus({ days: 60 }).toISODate()!;
  saveBundle(store.db, { ...BUNDLE, event: { ...BUNDLE.event, date } }, 'test');
  const built = { app, store, headers: authHeader(store) };
  const endOf = (day: string) => DateTime.fromISO(day, { zone: BUNDLE.event.timezone }).plus({ days: 1 }).startOf('day').toUTC().toISO();
  t.equal((await slipLink(built)).json().expires_at, endOf(DateTime.fromISO(date).plus({ days: 30 }).toISODate()!));
  const chosen = DateTime.fromISO(date).plus({ days: 2 }).toISODate()!;
  t.equal((await slipLink(built, { expires_at: chosen })).json().expires_at, endOf(chosen));
});

t.test('a link asked to expire in the past is refused, naming expires_at, and nothing is made', async (t) => {
  const built = await planned(t);
  const res = await slipLink(built, { expires_at: '2020-01-01' });
  t.equal(res.statusCode, 400);
  t.match(res.json().error, /expires_at/);
  t.equal(built.store.db.select().from(accessTokens).where(eq(accessTokens.kind, 'applicant')).all().length, 0);
});

t.test('links are built from PUBLIC_URL whatever the Host header says', async (t) => {
  const built = await planned(t, { publicUrl: 'https://taller.example.org/' });
  const slip = await built.app.inject({
    method: 'POST', url: `/api/events/${FRESNO_ID}/applicants/${MINE}/slip-link`, headers: { ...built.headers, host: 'evil.example', 'x-forwarded-host': 'evil.example' },
  });
  t.match(slip.json().url, /^https:\/\/taller\.example\.org\/slips\/[A-Za-z0-9_-]{43}$/);
  const feed = (await calendarLink(built, { host: 'evil.example' })).json();
  t.match(feed.url, /^https:\/\/taller\.example\.org\/calendars\/[A-Za-z0-9_-]{43}\.ics$/);
  t.equal(feed.https, feed.url, 'an https URL keeps its https field');
  t.equal(feed.webcal, feed.url.replace('https:', 'webcal:'));
});

t.test('a calendar link served over plain http is not called https', async (t) => {
  const built = await planned(t);
  const feed = (await calendarLink(built)).json();
  t.match(feed.url, /^http:\/\/localhost\/calendars\//);
  t.equal(feed.https, undefined);
});

t.test('a server listening beyond localhost without PUBLIC_URL refuses to make a link and says to set it', async (t) => {
  const built = await planned(t);
  await built.app.listen({ host: '0.0.0.0', port: 0 });
  const { port } = built.app.server.address() as { port: number };
  const res = await fetch(`http://127.0.0.1:${port}/api/events/${FRESNO_ID}/applicants/${MINE}/slip-link`, { method: 'POST', headers: built.headers });
  t.equal(res.status, 409);
  t.match(((await res.json()) as { error: string }).error, /set PUBLIC_URL/);
  t.equal(built.store.db.select().from(accessTokens).where(eq(accessTokens.kind, 'applicant')).all().length, 0, 'no link was made');
});

t.test('a server listening on localhost without PUBLIC_URL makes links to http://localhost and its port', async (t) => {
  const built = await planned(t);
  await built.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = built.app.server.address() as { port: number };
  const res = await fetch(`http://127.0.0.1:${port}/api/events/${FRESNO_ID}/applicants/${MINE}/slip-link`, { method: 'POST', headers: built.headers });
  t.equal(res.status, 201);
  t.match(((await res.json()) as { url: string }).url, new RegExp(`^http://localhost:${port}/slips/`));
});

t.test('answers over plain http carry no HSTS and no upgrade-insecure-requests', async (t) => {
  const { app } = await planned(t);
  const res = await app.inject('/health');
  t.equal(res.headers['strict-transport-security'], undefined);
  t.notMatch(String(res.headers['content-security-policy']), 'upgrade-insecure-requests');
});

t.test('with an https PUBLIC_URL answers carry HSTS and upgrade-insecure-requests', async (t) => {
  const { app } = await planned(t, { publicUrl: 'https://taller.example.org' });
  const res = await app.inject('/health');
  t.match(String(res.headers['strict-transport-security']), /max-age=\d+/);
  t.match(String(res.headers['content-security-policy']), 'upgrade-insecure-requests');
});

t.test('a trusted proxy saying the request came over https turns HSTS on', async (t) => {
  const { app } = await planned(t, { trustProxy: true });
  const res = await app.inject({ url: '/health', headers: { 'x-forwarded-proto': 'https' } });
  t.match(String(res.headers['strict-transport-security']), /max-age=\d+/);
});

t.test('an x-forwarded-proto header from a proxy that is not trusted changes nothing', async (t) => {
  const { app } = await planned(t);
  const res = await app.inject({ url: '/health', headers: { 'x-forwarded-proto': 'https' } });
  t.equal(res.headers['strict-transport-security'], undefined);
});

t.test('making and replacing a link are in the audit log by token number, never by the token', async (t) => {
  const built = await planned(t);
  const first = pathOf((await slipLink(built)).json().url);
  const second = pathOf((await slipLink(built, { replace: true })).json().url);
  const rows = built.store.db.select().from(auditLog).all().filter((r) => r.action.startsWith('token.') && r.detail?.startsWith('applicant'));
  const ids = built.store.db.select({ id: accessTokens.id }).from(accessTokens).where(eq(accessTokens.kind, 'applicant')).all().map((r) => r.id);
  t.match(rows.map((r) => [r.action, r.detail]), [
    ['token.create', new RegExp(`^applicant token ${ids[0]}, expires `)],
    ['token.create', new RegExp(`^applicant token ${ids[1]}, expires `)],
    ['token.revoke', `applicant token ${ids[0]}, replaced by ${ids[1]}`],
  ]);
  const text = JSON.stringify(rows);
  for (const path of [first, second]) t.notOk(text.includes(path.split('/').pop()!), 'no token in the audit log');
});

t.test('an unknown, revoked or expired slip or calendar link is in the audit log without the token', async (t) => {
  const built = await planned(t);
  const slip = pathOf((await slipLink(built)).json().url);
  await slipLink(built, { replace: true });
  const feed = pathOf((await calendarLink(built)).json().url);
  built.store.db.update(accessTokens).set({ expiresAt: '2020-01-01T00:00:00.000Z' }).where(eq(accessTokens.kind, 'feed')).run();
  for (const path of [UNKNOWN, slip, feed]) t.equal((await built.app.inject(path)).statusCode, 404);
  const refused = built.store.db.select().from(auditLog).where(eq(auditLog.action, 'token.refused')).all();
  t.match(refused.map((r) => [r.actor, r.detail]), [
    ['anonymous', 'unknown applicant token, GET /slips/:token'],
    ['anonymous', /^applicant token \d+ revoked, GET \/slips\/:token$/],
    ['anonymous', /^feed token \d+ expired, GET \/calendars\/:token$/],
  ]);
  const text = JSON.stringify(refused);
  for (const path of [slip, feed]) t.notOk(text.includes(path.split('/').pop()!.replace('.ics', '')), 'no token in the audit log');
});
