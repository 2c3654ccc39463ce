// A volunteer's own page by their personal link: whose day it shows and whose it never shows,
// what stops it working, the calendar behind it, and the answer ("I can't come", "I'll be
// late") that reaches the coordinator and marks the plan out of date.
import { createHash } from 'node:crypto';
import t from 'tap';
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { saveBundle } from '../../src/db/events.js';
import { savePlan } from '../../src/db/plans.js';
import { accessTokens, auditLog, responses } from '../../src/db/schema.js';
import { createToken, revokeToken } from '../../src/db/tokens.js';
import { organizationNamed } from '../../src/db/users.js';
import { loggedPath } from '../../src/http/app.js';
import { instantTime } from '../../src/http/i18n.js';
import { plan } from '../../src/planner/index.js';
import { publishVersion } from '../../src/services/plans.js';
import { parseCalendar } from '../outputs/fixtures/ical.js';
import { attorney, flagged, LOS_ANGELES, scene, SPRING_FORWARD_DATE } from '../outputs/fixtures/scenes.js';
import { FRESNO_ID, MADERA, sampleBundle, tempDatabase } from '../support/fixtures.js';
import { build, Visitor } from '../support/http.js';
import { applicantsOf, BUNDLE, BUSY, fresnoDay, linkPath, ORG, PLAN, signedIn } from '../support/links.js';

const [MINE, OTHER] = BUSY as [string, string];
const ZONE = BUNDLE.event.timezone;
const tokenOf = (path: string) => path.split('/')[2]!;
/** The applicant codes a volunteer's page lists. */
const listedApplicants = (html: string) => [...new Set([...html.matchAll(/<td class="code">(A\d+)<\/td>/g)].map((m) => m[1]!))].sort();
const page = { headers: { accept: 'text/html' } };

t.test("a volunteer's link shows their own day on the site's clock, and no one else's", async (t) => {
  const { app, store } = await fresnoDay(t);
  const res = await app.inject({ url: linkPath(store, MINE), ...page });
  t.equal(res.statusCode, 200);
  t.match(res.body, `(${MINE})`);
  t.match(res.body, '5770 N Maroa Ave, Fresno, CA 93704', "the event's address");
  t.same(listedApplicants(res.body), applicantsOf(PLAN, MINE), 'exactly the applicants of their visits');
  const mine = PLAN.scheduled.flatMap((s) => s.visits).filter((v) => v.volunteer === MINE);
  for (const v of mine) t.match(res.body, `${instantTime('en', v.start, ZONE)}–${instantTime('en', v.end, ZONE)}`);
  t.notMatch(res.body, `(${OTHER})`, "another volunteer's name line");
  for (const code of applicantsOf(PLAN, OTHER).filter((a) => !applicantsOf(PLAN, MINE).includes(a))) t.notMatch(res.body, `>${code}<`, `${code} is not theirs`);
});

t.test("a volunteer's page never holds an applicant's name", async (t) => {
  const { app, store } = await fresnoDay(t);
  for (const code of BUSY.slice(0, 5)) {
    const { body } = await app.inject({ url: linkPath(store, code), ...page });
    for (const a of BUNDLE.applicants) if (body.includes(a.name)) t.fail(`${a.id}'s name is on ${code}'s page`);
  }
  t.pass('no name on five volunteers\' pages');
});

t.test('the page is kept by no browser or proxy and asks search engines to stay away', async (t) => {
  const { app, store } = await fresnoDay(t);
  const res = await app.inject({ url: linkPath(store, MINE), ...page });
  t.equal(res.headers['cache-control'], 'private, no-store');
  t.match(res.headers['x-robots-tag'], 'noindex');
  t.match(res.body, '<meta name="robots" content="noindex, nofollow">');
  t.match(res.body, 'name="viewport" content="width=device-width, initial-scale=1"');
});

t.test('before a version is published the page says the day is not yet planned, and offers no calendar', async (t) => {
  const { app, store } = await fresnoDay(t, { publish: false });
  const { body } = await app.inject({ url: linkPath(store, MINE), ...page });
  t.match(body, 'Not yet planned');
  t.same(listedApplicants(body), []);
  t.notMatch(body, 'calendar.ics');
  t.match(body, 'I can’t come', 'an answer can be given all the same');
});

t.test("a volunteer's link opens nothing of another volunteer, another event, or another kind of link", async (t) => {
  const { app, store } = await fresnoDay(t);
  saveBundle(store.db, sampleBundle(MADERA), 'test', organizationNamed(store.db, ORG));
  const path = linkPath(store, MINE);
  const token = tokenOf(path);
  const { body } = await app.inject({ url: path, ...page });
  t.match(body, BUNDLE.event.name.replace('&', '&amp;'));
  t.notMatch(body, sampleBundle(MADERA).event.name.replace('&', '&amp;'), 'not the other event');
  const reachable = [...body.matchAll(/(?:href|action)="([^"]+)"/g)].map((m) => m[1]!.replace(/&#x3D;/g, '=')).filter((h) => h.includes(token));
  t.same([...new Set(reachable)].sort(), [`${path}`, `${path}/calendar.ics`, `webcal://localhost${path}/calendar.ics`, `/language/en?back=${encodeURIComponent(path)}`,
    `/language/es?back=${encodeURIComponent(path)}`].sort(), 'only its own page, calendar and answer');
  t.equal((await app.inject(`/calendars/${token}.ics`)).statusCode, 404, 'not a calendar feed link');
  t.equal((await app.inject({ url: `/slips/${token}`, ...page })).statusCode, 404, 'not a slip link');
  const feed = createToken(store.db, 'feed', { eventId: 1, subject: MINE });
  t.equal((await app.inject({ url: `/v/${feed}`, ...page })).statusCode, 404, 'a calendar feed token opens no volunteer page');
  t.equal((await app.inject({ url: `${path}/../${OTHER}`, ...page })).statusCode, 404);
});

t.test('a revoked link shows the page that says it does not work, and the refusal is on the audit log', async (t) => {
  const { app, store } = await fresnoDay(t);
  const path = linkPath(store, MINE);
  revokeToken(store.db, tokenOf(path), new Date().toISOString());
  const res = await app.inject({ url: path, ...page });
  t.equal(res.statusCode, 404);
  t.match(res.body, 'This link does not work');
  t.notMatch(res.body, MINE);
  t.equal((await app.inject(`${path}/calendar.ics`)).statusCode, 404, 'nor its calendar');
  const refused = store.db.select().from(auditLog).where(eq(auditLog.action, 'token.refused')).all();
  t.ok(refused.some((r) => /^volunteer token \d+ revoked, GET \/v\/:token$/.test(r.detail ?? '')), 'by the token\'s number and the route');
  t.notOk(refused.some((r) => (r.detail ?? '').includes(tokenOf(path))), 'never the token');
});

t.test('an expired link shows the page that says it does not work, and the refusal is on the audit log', async (t) => {
  const { app, store } = await fresnoDay(t);
  const path = linkPath(store, MINE);
  store.db.update(accessTokens).set({ expiresAt: '2020-01-01T00:00:00.000Z' }).where(eq(accessTokens.tokenHash, createHash('sha256').update(tokenOf(path)).digest('hex'))).run();
  const res = await app.inject({ url: path, ...page });
  t.equal(res.statusCode, 404);
  t.match(res.body, 'This link does not work');
  t.ok(store.db.select().from(auditLog).all().some((r) => r.action === 'token.refused' && /expired, GET \/v\/:token$/.test(r.detail ?? '')));
});

t.test("the server's log writes a volunteer's link as [token], whatever its letters", async (t) => {
  t.equal(loggedPath('/v/abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq?sent=1'), '/v/[token]');
  t.equal(loggedPath('/v/ABCdef123_-ABCdef123_-ABCdef123_-ABCdef123/calendar.ics'), '/v/[token]/calendar.ics');
});

t.test('a made-up link answers the same 404 page', async (t) => {
  const { app } = await fresnoDay(t);
  const res = await app.inject({ url: `/v/${'A'.repeat(43)}`, ...page });
  t.equal(res.statusCode, 404);
  t.match(res.body, 'This link does not work');
});

t.test("a link made before the volunteer left the roster stops working once they are gone", async (t) => {
  const { app, store } = await fresnoDay(t);
  const path = linkPath(store, MINE);
  saveBundle(store.db, { ...BUNDLE, volunteers: BUNDLE.volunteers.filter((v) => v.id !== MINE) }, 'test');
  t.equal((await app.inject({ url: path, ...page })).statusCode, 404);
});

t.test('a link carries 256 random bits, and only its hash is stored', async (t) => {
  const { store } = await fresnoDay(t);
  const tokens = BUSY.slice(0, 20).map((code) => tokenOf(linkPath(store, code)));
  for (const token of tokens) t.match(token, /^[A-Za-z0-9_-]{43}$/, '43 base64url characters: 256 bits');
  t.equal(new Set(tokens).size, tokens.length, 'every one different');
  const rows = store.db.select().from(accessTokens).where(eq(accessTokens.kind, 'volunteer')).all();
  t.same(rows.map((r) => r.tokenHash).sort(), tokens.map((k) => createHash('sha256').update(k).digest('hex')).sort(), 'the sha256 of each, nothing else');
  const everything = JSON.stringify([rows, store.db.select().from(auditLog).all()]);
  for (const token of tokens) t.notOk(everything.includes(token), 'the token itself is nowhere in the database');
});

t.test("the calendar behind the link, read back with ical.js, has the plan's instants on the day clocks spring forward", async (t) => {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  const bundle = scene({
    event: { id: 'night-2027-03-14', date: SPRING_FORWARD_DATE, opens: '00:00', closes: '06:00' },
    volunteers: [attorney({ available: [{ start: 0, end: 300 }] })],
    // Elapsed minutes: the first can come only before the jump, the second only after it (elapsed 120 is 03:00 PDT).
    applicants: [flagged({ id: 'A1', available: [{ start: 0, end: 100 }] }), flagged({ id: 'A2', available: [{ start: 130, end: 300 }] })],
  });
  const night = plan(bundle, { iterations: 20 });
  savePlan(store.db, saveBundle(store.db, bundle, 'test').eventId, night, {}, 'test');
  publishVersion(store.db, bundle.event.id, 1, 'test');
  const path = linkPath(store, 'V003', 'volunteer', bundle.event.id);
  const res = await app.inject(`${path}/calendar.ics`);
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^text\/calendar/);
  t.equal(res.headers['cache-control'], 'private, no-store');
  const planned = night.scheduled.flatMap((s) => s.visits).filter((v) => v.volunteer === 'V003').map((v) => [Date.parse(v.start), Date.parse(v.end)]).sort((a, b) => a[0]! - b[0]!);
  const jump = DateTime.fromISO(`${SPRING_FORWARD_DATE}T03:00:00`, { zone: LOS_ANGELES }).toMillis();
  t.ok(planned.some(([, end]) => end! <= jump) && planned.some(([start]) => start! >= jump), 'visits on both sides of the jump');
  const events = parseCalendar(res.body).events;
  t.same(events.map((e) => [e.start, e.end]).sort((a, b) => a[0]! - b[0]!), planned);
  for (const e of events) t.equal(e.startZone, LOS_ANGELES);
  const { body } = await app.inject({ url: path, ...page });
  for (const v of night.scheduled.flatMap((s) => s.visits)) t.match(body, `${instantTime('en', v.start, LOS_ANGELES)}–${instantTime('en', v.end, LOS_ANGELES)}`, 'the page says the same wall times');
});

t.test('the calendar behind the link is the calendar feed, no more', async (t) => {
  const { app, store } = await fresnoDay(t);
  const path = linkPath(store, MINE);
  const headers = await import('../support/http.js').then((m) => m.authHeader(store));
  const download = await app.inject({ url: `/api/events/${FRESNO_ID}/volunteers/${MINE}/calendar.ics`, headers });
  const mine = await app.inject(`${path}/calendar.ics`);
  const strip = (ics: string) => ics.replace(/^DTSTAMP:.*$/gm, '');
  t.equal(strip(mine.body), strip(download.body));
});

/** The volunteer's browser on their page: it keeps the form's cookie and token. */
async function onMyPage(app: Awaited<ReturnType<typeof fresnoDay>>['app'], path: string, headers: Record<string, string> = {}) {
  const me = new Visitor(app, headers);
  await me.get(path);
  return me;
}

t.test("“I can't come” with a note is stored and the overview shows it to the coordinator at once", async (t) => {
  const { app, store } = await fresnoDay(t);
  const path = linkPath(store, MINE);
  const me = await onMyPage(app, path);
  const sent = await me.post(path, { answer: 'cannot_come', note: 'Mi hija está enferma & no puedo' });
  t.equal(sent.statusCode, 303);
  t.equal(sent.headers.location, `${path}?sent=1`);
  const stored = store.db.select().from(responses).all();
  t.equal(stored.length, 1);
  t.match(stored[0], { answer: 'cannot_come', minutesLate: null, note: 'Mi hija está enferma & no puedo', applicantId: null });
  t.match((await me.get(`${path}?sent=1`)).body, 'Thank you. Your coordinator sees your answer now.');
  const cora = await signedIn(app, store);
  const overview = (await cora.get(`/events/${FRESNO_ID}/overview`)).body;
  t.match(overview, 'Mi hija está enferma &amp; no puedo');
  t.match(overview, `Volunteer ${MINE}`);
  t.match(overview, 'can’t come');
});

t.test("“I'll be there” confirms: the overview counts the volunteer as confirmed, and the plan stays as it was", async (t) => {
  const { app, store } = await fresnoDay(t);
  const cora = await signedIn(app, store);
  const counts = async () => /<th scope="row">Volunteers<\/th><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td>/.exec((await cora.get(`/events/${FRESNO_ID}/overview`)).body)?.slice(1).map(Number);
  const [confirmed, declined, unanswered] = (await counts())!;
  const path = linkPath(store, MINE);
  const me = await onMyPage(app, path);
  t.equal((await me.post(path, { answer: 'coming', note: '' })).statusCode, 303);
  t.same(await counts(), [confirmed! + 1, declined, unanswered! - 1]);
  t.match((await me.get(path)).body, 'you’ll be there', 'the page says what was answered');
  t.notMatch((await cora.get(`/events/${FRESNO_ID}`)).body, 'Out of date');
});

t.test("after “I can't come” the event page says the plan is out of date, naming the volunteer", async (t) => {
  const { app, store } = await fresnoDay(t);
  const cora = await signedIn(app, store);
  t.notMatch((await cora.get(`/events/${FRESNO_ID}`)).body, 'Out of date', 'it fits before');
  const path = linkPath(store, MINE);
  const me = await onMyPage(app, path);
  await me.post(path, { answer: 'cannot_come', note: '' });
  const after = (await cora.get(`/events/${FRESNO_ID}`)).body;
  t.match(after, 'Out of date');
  t.match(after, `${MINE} is not available`);
});

t.test("“I'll be late” by an hour moves only the visits before the volunteer arrives out of the plan", async (t) => {
  const { app, store } = await fresnoDay(t);
  const path = linkPath(store, MINE);
  const me = await onMyPage(app, path);
  t.equal((await me.post(path, { answer: 'late', minutes: '60', note: 'Traffic on 99' })).statusCode, 303);
  t.match(store.db.select().from(responses).get(), { answer: 'late', minutesLate: 60 });
  const arrives = DateTime.fromISO(`${BUNDLE.event.date}T10:00:00`, { zone: ZONE }).toMillis();
  const early = PLAN.scheduled.filter((s) => s.visits.some((v) => (v.volunteer === MINE || v.interpreter === MINE) && Date.parse(v.start) < arrives)).map((s) => s.applicant);
  const later = PLAN.scheduled.filter((s) => s.visits.every((v) => v.volunteer !== MINE || Date.parse(v.start) >= arrives) && s.visits.some((v) => v.volunteer === MINE)).map((s) => s.applicant);
  t.ok(early.length > 0 && later.length > 0, 'visits on both sides of 10:00');
  const cora = await signedIn(app, store);
  const overview = (await cora.get(`/events/${FRESNO_ID}/overview`)).body;
  const told = /Applicants to tell: ([^<]*(?:<span class="code">[^<]+<\/span>\s*)+)/.exec(overview)?.[1] ?? '';
  for (const code of early) t.match(told, code, `${code} is told`);
  for (const code of later) t.notMatch(told, `>${code}<`, `${code} keeps their day`);
  t.match((await me.get(path)).body, 'you’ll be 60 minutes late');
});

t.test("an answer is on the audit log by the link's number and what was answered, never the token or the note", async (t) => {
  const { app, store } = await fresnoDay(t);
  const path = linkPath(store, MINE);
  const me = await onMyPage(app, path);
  await me.post(path, { answer: 'late', minutes: '20', note: 'secret-ish note' });
  const row = store.db.select().from(auditLog).where(eq(auditLog.action, 'response.create')).get();
  t.match(row, { actor: /^token:\d+$/, detail: `volunteer ${MINE}: late 20 minutes` });
  const all = JSON.stringify(store.db.select().from(auditLog).all());
  t.notOk(all.includes(tokenOf(path)), 'no token');
  t.notOk(all.includes('secret-ish'), 'no note');
});

t.test('an answer sent without the form token of the page changes nothing', async (t) => {
  const { app, store } = await fresnoDay(t);
  const path = linkPath(store, MINE);
  const stranger = new Visitor(app);
  const res = await stranger.post(path, { answer: 'cannot_come' }, { token: false });
  t.equal(res.statusCode, 403);
  const forged = await onMyPage(app, path);
  forged.csrf = 'not-the-token';
  t.equal((await forged.post(path, { answer: 'cannot_come' })).statusCode, 403);
  t.equal(store.db.select().from(responses).all().length, 0);
});

t.test('an answer with no choice, or late by no minutes, is refused on the page and nothing is stored', async (t) => {
  const { app, store } = await fresnoDay(t);
  const path = linkPath(store, MINE);
  const me = await onMyPage(app, path);
  const none = await me.post(path, { note: 'hello' });
  t.equal(none.statusCode, 400);
  t.match(none.body, 'Choose “I’ll be there”, “I can’t come” or “I’ll be late”.');
  t.match(none.body, '>hello</textarea>', 'the note is kept to send again');
  const late = await me.post(path, { answer: 'late', minutes: '0' });
  t.match(late.body, 'a whole number from 1 to 600');
  const long = await me.post(path, { answer: 'cannot_come', note: 'x'.repeat(501) });
  t.match(long.body, '500 characters');
  t.equal(store.db.select().from(responses).all().length, 0);
});

t.test('an answer through a revoked link changes nothing', async (t) => {
  const { app, store } = await fresnoDay(t);
  const path = linkPath(store, MINE);
  const me = await onMyPage(app, path);
  revokeToken(store.db, tokenOf(path), new Date().toISOString());
  t.equal((await me.post(path, { answer: 'cannot_come' })).statusCode, 404);
  t.equal(store.db.select().from(responses).where(and(eq(responses.answer, 'cannot_come'))).all().length, 0);
});

t.test('the page comes in Spanish for a browser that asks for it, with the site’s times as Spanish writes them', async (t) => {
  const { app, store } = await fresnoDay(t);
  const path = linkPath(store, MINE);
  const { body } = await app.inject({ url: path, headers: { accept: 'text/html', 'accept-language': 'es-MX,es;q=0.9' } });
  t.match(body, '<html lang="es">');
  t.match(body, 'Su día');
  t.match(body, 'sábado, 22 de mayo de 2027');
  t.match(body, 'No puedo ir');
  t.match(body, 'Llegaré tarde');
  const first = PLAN.scheduled.flatMap((s) => s.visits).find((v) => v.volunteer === MINE)!;
  t.match(body, instantTime('es', first.start, ZONE));
  const gone = await app.inject({ url: `/v/${'A'.repeat(43)}`, headers: { accept: 'text/html', 'accept-language': 'es' } });
  t.match(gone.body, 'Este enlace no funciona');
});

t.test("the language switch takes the volunteer back to their own page in the language they chose", async (t) => {
  const { app, store } = await fresnoDay(t);
  const path = linkPath(store, MINE);
  const me = await onMyPage(app, path);
  const switched = await me.get(`/language/es?back=${encodeURIComponent(path)}`);
  t.equal(switched.headers.location, path);
  t.match((await me.get(path)).body, 'Su día');
  const sent = await me.post(path, { answer: 'late', minutes: '15' });
  t.equal(sent.statusCode, 303);
  t.match((await me.get(`${path}?sent=1`)).body, 'Gracias. Su coordinador ya ve su respuesta.');
});
