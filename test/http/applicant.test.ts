// An applicant's own page by their link, and the places given up through it offered on: the
// page in their language with nothing of anyone else, what the link cannot reach, the slip's QR
// code, the two answers (giving a place up only once confirmed), the offer to the first left-out
// applicant who fits, the coordinator's offers page, declining, and planning again.
import t from 'tap';
import type { Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { saveBundle } from '../../src/db/events.js';
import { loggedPath } from '../../src/http/app.js';
import { applicants, auditLog, placeOffers, responses } from '../../src/db/schema.js';
import { createToken, revokeToken } from '../../src/db/tokens.js';
import { organizationNamed } from '../../src/db/users.js';
import type { Bundle } from '../../src/domain/index.js';
import { CATALOGS, qrSvg, slipLanguage } from '../../src/outputs/slips.js';
import type { PlanJson } from '../../src/planner/types.js';
import { JobPool } from '../../src/jobs/index.js';
import { addAccount } from '../../src/services/users.js';
import { oneSeatDay } from '../support/one-seat.js';
import { FRESNO, MADERA, sampleBundle, tempDatabase } from '../support/fixtures.js';
import { authHeader, build, Visitor } from '../support/http.js';

const ORG = 'Casa Legal';
/** One worker for every app of this file: it starts once, warm for each plan. */
const jobs = new JobPool(1);
t.teardown(() => jobs.close());
const PASSWORD = 'correct horse battery staple';

/** The app with an event imported by a coordinator of Casa Legal, planned and published. */
async function published(t: Test, bundle: Bundle = sampleBundle(FRESNO)) {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false, jobs });
  saveBundle(store.db, bundle, 'test', organizationNamed(store.db, ORG));
  const headers = authHeader(store, { role: 'coordinator', organization: ORG });
  const id = bundle.event.id;
  const planned = await app.inject({ method: 'POST', url: `/api/events/${id}/plan`, headers, payload: { quick: true, iterations: 50, finish_probability: 0 } });
  t.equal(planned.statusCode, 201, 'planned');
  const plan = planned.json().plan as PlanJson;
  t.equal((await app.inject({ method: 'POST', url: `/api/events/${id}/plans/1/publish`, headers })).statusCode, 200, 'published');
  /** An applicant's own page, as the link the coordinator gives them (its path). */
  const link = async (code: string, event = id) => {
    const made = await app.inject({ method: 'POST', url: `/api/events/${event}/applicants/${code}/slip-link`, headers });
    t.equal(made.statusCode, 201, `a link for ${code}`);
    return new URL(made.json().page_url as string).pathname;
  };
  return { app, store, headers, plan, link, id };
}

const html = { accept: 'text/html' };
const answersOf = (store: { db: ReturnType<typeof tempDatabase>['db'] }) => store.db.select().from(responses).all();
const offersOf = (store: { db: ReturnType<typeof tempDatabase>['db'] }) => store.db.select().from(placeOffers).all();

t.test('the applicant link shows that applicant’s slip in their language and nothing of anyone else', async (t) => {
  const { app, plan, link } = await published(t);
  const bundle = sampleBundle(FRESNO);
  const mine = bundle.applicants.find((a) => slipLanguage(a.languages) === 'es' && plan.scheduled.some((s) => s.applicant === a.id))!;
  const page = await app.inject({ url: await link(mine.id), headers: html });
  t.equal(page.statusCode, 200);
  t.match(page.body, /<html lang="es" dir="ltr">/);
  t.match(page.body, CATALOGS.es.title, 'the slip’s title in Spanish');
  t.match(page.body, CATALOGS.es.page.coming, '“I’ll come” in Spanish');
  t.match(page.body, CATALOGS.es.page.release, '“I can’t come” in Spanish');
  t.match(page.body, mine.name);
  t.match(page.body, `>${mine.id}<`);
  for (const other of bundle.applicants.filter((a) => a.id !== mine.id)) {
    t.notMatch(page.body, other.name, `nothing of ${other.id}’s name`);
    t.notMatch(page.body, new RegExp(`\\b${other.id}\\b`), `nor their code`);
  }
  for (const v of bundle.volunteers) t.notMatch(page.body, v.name, `nor a volunteer’s name (${v.id})`);
  t.notMatch(page.body, /href="\/(?!a\/|static\/)/, 'no link to anything of the site but this page');
});

t.test('the page is never kept by a browser or a proxy, and asks search engines to stay away', async (t) => {
  const { app, plan, link } = await published(t);
  const page = await app.inject({ url: await link(plan.scheduled[0]!.applicant), headers: html });
  t.equal(page.headers['cache-control'], 'private, no-store');
  t.equal(page.headers['x-robots-tag'], 'noindex, nofollow');
  t.match(page.body, '<meta name="robots" content="noindex, nofollow">');
});

t.test('the language switch offers the eight slip languages, each named in itself, and Arabic reads right to left', async (t) => {
  const { app, plan, link } = await published(t);
  const path = await link(plan.scheduled[0]!.applicant);
  const page = await app.inject({ url: path, headers: html });
  const body = page.body.replaceAll('&#x3D;', '=');
  for (const lang of ['en', 'es', 'zh', 'vi', 'tl', 'pa', 'ht', 'ar'] as const) {
    t.match(body, `<a href="${path}?lang=${lang}" lang="${lang}" hreflang="${lang}" dir="${CATALOGS[lang].dir}"`, `a switch to ${lang}`);
    t.match(page.body, CATALOGS[lang].language_name, `${lang} named in itself`);
  }
  const arabic = await app.inject({ url: `${path}?lang=ar`, headers: html });
  t.match(arabic.body, /<html lang="ar" dir="rtl">/);
  t.match(arabic.body, CATALOGS.ar.page.release);
  t.match(arabic.body, CATALOGS.ar.title);
});

/** Gives the place up as the applicant does on the page: the button, then the confirmation. */
async function release(app: FastifyInstance, path: string, note?: string) {
  const visitor = new Visitor(app);
  await visitor.get(path);
  const asked = await visitor.get(`${path}/release`);
  const done = await visitor.post(`${path}/release`, { confirm: 'yes', ...(note ? { note } : {}) });
  return { asked, done, visitor };
}

t.test('a link shows its own applicant whatever else the address asks for, and nothing of another event', async (t) => {
  const { app, store, plan, link } = await published(t);
  const madera = sampleBundle(MADERA);
  saveBundle(store.db, madera, 'test', organizationNamed(store.db, ORG));
  const [mine, other] = [plan.scheduled[0]!.applicant, plan.scheduled[1]!.applicant];
  const path = await link(mine);
  for (const url of [path, `${path}?applicant=${other}`, `${path}?event=${madera.event.id}&code=${other}`, `${path}/../${other}`]) {
    const page = await app.inject({ url, headers: html });
    if (page.statusCode !== 200) {
      t.equal(page.statusCode, 404, `${url} opens nothing`);
      continue;
    }
    t.match(page.body, `>${mine}<`, `${url} is ${mine}’s page`);
    t.notMatch(page.body, new RegExp(`\\b${other}\\b`), `${url} shows nothing of ${other}`);
    t.notMatch(page.body, madera.event.name, `${url} shows nothing of the other event`);
    for (const a of madera.applicants) t.notMatch(page.body, a.name, `nor ${a.id} of the other event`);
  }
});

t.test('a revoked or expired link, or a calendar’s, opens nothing and stores no answer', async (t) => {
  const { app, store, plan, link, id } = await published(t);
  const code = plan.scheduled[0]!.applicant;
  const revoked = await link(code);
  revokeToken(store.db, revoked.slice('/a/'.length), new Date().toISOString());
  const row = store.db.select().from(applicants).where(eq(applicants.code, code)).get()!;
  const expired = `/a/${createToken(store.db, 'applicant', { eventId: row.eventId, subject: code, applicantId: row.id, expiresAt: '2020-01-01T00:00:00.000Z' })}`;
  const calendar = `/a/${createToken(store.db, 'feed', { eventId: row.eventId, subject: 'V001' })}`;
  const madeUp = `/a/${'A'.repeat(43)}`;
  for (const [what, path] of [['revoked', revoked], ['expired', expired], ['calendar', calendar], ['made-up', madeUp], ['malformed', '/a/not*a*token']] as const) {
    const page = await app.inject({ url: path, headers: html });
    t.equal(page.statusCode, 404, `${what}: the page is not there`);
    t.match(page.body, CATALOGS.en.page.link_gone, `${what}: said plainly`);
    t.match(page.body, CATALOGS.ar.page.link_gone, `${what}: in every language`);
    t.notMatch(page.body, id, `${what}: nothing of the event`);
    for (const form of ['coming', 'release']) {
      const sent = await app.inject({ method: 'POST', url: `${path}/${form}`, headers: html, payload: { confirm: 'yes' } });
      t.equal(sent.statusCode, 404, `${what}: ${form} answers nothing`);
    }
    t.equal((await app.inject({ url: `${path}/release`, headers: html })).statusCode, 404, `${what}: no confirmation page`);
  }
  t.same(answersOf(store), [], 'no answer stored');
  const refused = store.db.select().from(auditLog).where(eq(auditLog.action, 'token.refused')).all();
  t.ok(refused.length >= 5, 'each refusal is on the audit log');
  for (const r of refused) t.notMatch(r.detail ?? '', /[A-Za-z0-9_-]{40}/, 'by number, never the token');
});

t.test('the QR code on a slip printed from the link leads to the applicant’s own page', async (t) => {
  const { app, headers, plan, id } = await published(t);
  const code = plan.scheduled[0]!.applicant;
  const made = (await app.inject({ method: 'POST', url: `/api/events/${id}/applicants/${code}/slip-link`, headers })).json() as { url: string; page_url: string };
  t.equal(new URL(made.page_url).pathname, new URL(made.url).pathname.replace('/slips/', '/a/'), 'the page is the same link');
  const slip = await app.inject(new URL(made.url).pathname);
  t.equal(slip.statusCode, 200, 'the printable slip works as before');
  t.ok(slip.body.includes(await qrSvg(made.page_url)), 'its QR code holds the page’s address');
  t.notOk(slip.body.includes(await qrSvg(code)), 'not the bare code');
  t.match(slip.body, `>${code}<`, 'the code is still printed beside it');
});

t.test('“I’ll come” is stored, with the link it came through, and the page says so', async (t) => {
  const { app, store, plan, link } = await published(t);
  const code = plan.scheduled[0]!.applicant;
  const path = await link(code);
  const visitor = new Visitor(app);
  await visitor.get(`${path}?lang=vi`);
  const sent = await visitor.post(`${path}/coming`, { lang: 'vi' });
  t.equal(sent.statusCode, 303);
  t.equal(sent.headers.location, `${path}?lang=vi`, 'back to the page, in the language it was in');
  const [answer, ...more] = answersOf(store);
  t.same(more, [], 'one answer');
  t.match(answer, { answer: 'coming', note: null, rosterEntryId: null });
  t.ok(answer!.tokenId && answer!.applicantId, 'with the link and the applicant');
  const page = await visitor.get(`${path}?lang=vi`);
  t.match(page.body, CATALOGS.vi.page.coming_saved, 'the page says they are expected');
  const audited = store.db.select().from(auditLog).where(eq(auditLog.action, 'applicant.answer')).all();
  t.same(audited.map((a) => [a.actor, a.detail]), [[`token:${answer!.tokenId}`, `response ${answer!.id}: coming`]], 'audited by number');
});

t.test('an answer sent without the page’s form token, or from another site, changes nothing', async (t) => {
  const { app, store, plan, link } = await published(t);
  const path = await link(plan.scheduled[0]!.applicant);
  const visitor = new Visitor(app);
  await visitor.get(path);
  const bare = await visitor.post(`${path}/coming`, {}, { token: false });
  t.equal(bare.statusCode, 403);
  t.match(bare.body, CATALOGS.es.page.form_gone, 'said in the page’s language');
  const wrong = await app.inject({ method: 'POST', url: `${path}/release`, headers: html, payload: { _csrf: 'x'.repeat(43), confirm: 'yes' } });
  t.equal(wrong.statusCode, 403, 'another link’s token, or a made-up one, is refused');
  const crossSite = new Visitor(app, { 'sec-fetch-site': 'cross-site' });
  await crossSite.get(path);
  t.equal((await crossSite.post(`${path}/release`, { confirm: 'yes' })).statusCode, 403, 'a form another site sent is refused');
  const other = await link(plan.scheduled[1]!.applicant);
  const stolen = await app.inject({ method: 'POST', url: `${other}/coming`, headers: html, payload: { _csrf: visitor.csrf } });
  t.equal(stolen.statusCode, 403, 'one link’s form token does not work for another');
  t.same(answersOf(store), []);
  t.same(offersOf(store), []);
});

t.test('giving a place up asks to confirm first; once confirmed, the link cannot take it back', async (t) => {
  const { app, store, plan, link } = await published(t, oneSeatDay());
  t.same(plan.scheduled.map((s) => s.applicant).sort(), ['A1', 'A2'], 'the scene: A1 and A2 have the two places');
  const path = await link('A1');
  const visitor = new Visitor(app);
  const page = await visitor.get(path);
  t.match(page.body, /<html lang="ar" dir="rtl">/, 'A1 reads Arabic: the page is in Arabic, right to left');
  const button = await visitor.post(`${path}/release`, {});
  t.equal(button.statusCode, 200);
  t.match(button.body, CATALOGS.ar.page.confirm_heading, 'the button only asks');
  t.match(button.body, CATALOGS.ar.page.confirm_text, 'saying it cannot be undone here');
  t.same(answersOf(store), [], 'nothing is stored before the confirmation');
  const confirmed = await visitor.post(`${path}/release`, { confirm: 'yes', note: 'Mi hija está enferma' });
  t.equal(confirmed.statusCode, 303);
  t.match(answersOf(store), [{ answer: 'releases', note: 'Mi hija está enferma' }]);
  const after = await visitor.get(path);
  t.match(after.body, CATALOGS.ar.page.released, 'the page says the place was given up');
  t.notMatch(after.body, CATALOGS.ar.page.coming, 'and offers no answer any more');
  t.equal((await visitor.post(`${path}/coming`, {})).statusCode, 303);
  t.equal((await visitor.get(`${path}/release`)).statusCode, 303, 'nor a confirmation page');
  t.same(answersOf(store).map((a) => a.answer), ['releases'], '“I’ll come” afterwards changes nothing');
  const audited = store.db.select().from(auditLog).all().map((a) => a.detail ?? '').join('\n');
  t.notMatch(audited, 'Mi hija', 'the note is never on the audit log');
  t.notMatch(audited, path.slice('/a/'.length), 'nor the token');
});

t.test('a place given up is offered to the most urgent applicant left out who fits it: not one whose language the place lacks', async (t) => {
  const { app, store, plan, link } = await published(t, oneSeatDay());
  t.same(plan.unscheduled.map((u) => u.applicant).sort(), ['A3', 'A4'], 'the scene: A3 (Vietnamese, priority 2) and A4 (Spanish, priority 1) are left out');
  await release(app, await link('A1'));
  const ids = new Map(store.db.select().from(applicants).all().map((a) => [a.id, a.code]));
  const offers = offersOf(store);
  t.equal(offers.length, 1, 'one offer');
  t.match(offers[0], { status: 'offered', planVersion: 1 });
  t.equal(ids.get(offers[0]!.offeredTo!), 'A4', 'to A4, who speaks the place’s Spanish, and not to A3, more urgent but Vietnamese');
  t.equal(ids.get(offers[0]!.releasedBy!), 'A1', 'the place A1 gave up');
  t.ok(offers[0]!.responseId, 'tied to the answer that gave it up');
});

t.test('the coordinator’s offers page shows the offer, with what they need to phone and what to do', async (t) => {
  const { app, headers, link } = await published(t, oneSeatDay());
  await release(app, await link('A1'));
  const page = await app.inject({ url: '/events/one-seat-2027-03-13/offers', headers: { ...headers, ...html } });
  t.equal(page.statusCode, 200);
  t.match(page.body, 'Places given up and offered on');
  t.match(page.body, /id="place-A1"/, 'the place A1 gave up');
  t.match(page.body, 'Rasha Haddad');
  t.match(page.body, 'Offered to A4, Luz Waiting');
  t.match(page.body, '(559) 555-0104', 'the phone number to call');
  t.match(page.body, 'Phone the applicant offered a place', 'what to do');
  t.match(page.body, 'The published plan does not change by itself');
  t.match(page.body, /action="\/events\/one-seat-2027-03-13\/offers\/\d+\/accept"/);
  t.match(page.body, /action="\/events\/one-seat-2027-03-13\/offers\/\d+\/decline"/);
  t.notMatch(page.body, 'Van Waiting', 'nobody else’s offer');
});

t.test('the event page and the overview lead to the offers page', async (t) => {
  const { app, headers, link } = await published(t, oneSeatDay());
  await release(app, await link('A1'));
  for (const page of ['/events/one-seat-2027-03-13', '/events/one-seat-2027-03-13/overview']) {
    const res = await app.inject({ url: page, headers: { ...headers, ...html } });
    t.equal(res.statusCode, 200, page);
    t.match(res.body, 'href="/events/one-seat-2027-03-13/offers"', `${page} links the offers page`);
  }
});

t.test('a coordinator who marks an offer declined sees the place offered to the next who fits', async (t) => {
  const { app, store, link } = await published(t, oneSeatDay(true));
  await addAccount(store.db, { email: 'cora@example.org', name: 'Cora', role: 'coordinator', organization: ORG, password: PASSWORD }, 'test');
  await release(app, await link('A1'));
  const code = (id: number | null) => store.db.select().from(applicants).all().find((a) => a.id === id)?.code;
  const [first] = offersOf(store);
  const firstCode = code(first!.offeredTo);
  t.ok(firstCode === 'A4' || firstCode === 'A5', `offered first to ${firstCode}, one of the two who fit`);
  const cora = new Visitor(app);
  await cora.get('/sign-in');
  await cora.post('/sign-in', { email: 'cora@example.org', password: PASSWORD, next: '/' });
  await cora.get('/events/one-seat-2027-03-13/offers');
  const declined = await cora.post(`/events/one-seat-2027-03-13/offers/${first!.id}/decline`, {});
  t.equal(declined.statusCode, 303);
  const next = firstCode === 'A4' ? 'A5' : 'A4';
  t.equal(declined.headers.location, `/events/one-seat-2027-03-13/offers?done=offered&to=${next}`);
  const page = await cora.get(declined.headers.location as string);
  t.match(page.body, `The place is now offered to ${next}.`);
  t.match(page.body, `Offered to ${next}`);
  const offers = offersOf(store).sort((a, b) => a.id - b.id);
  t.same(offers.map((o) => [code(o.offeredTo), o.status]), [[firstCode, 'declined'], [next, 'offered']]);
  const last = await cora.post(`/events/one-seat-2027-03-13/offers/${offers[1]!.id}/decline`, {});
  t.equal(last.headers.location, '/events/one-seat-2027-03-13/offers?done=nobody', 'when nobody else fits, the page says the place stays free');
});

t.test('a coordinator who marks an offer accepted sees who takes the place and what to do next', async (t) => {
  const { app, headers, store, link } = await published(t, oneSeatDay());
  await release(app, await link('A1'));
  const [offer] = offersOf(store);
  const answered = await app.inject({ method: 'POST', url: `/events/one-seat-2027-03-13/offers/${offer!.id}/accept`, headers });
  t.same(answered.json(), { done: 'accepted' });
  t.match(offersOf(store), [{ status: 'accepted' }]);
  const page = await app.inject({ url: '/events/one-seat-2027-03-13/offers', headers: { ...headers, ...html } });
  t.match(page.body, 'A4, Luz Waiting, takes this place: plan again and publish');
  t.match(page.body, '<a href="/events/one-seat-2027-03-13/applicants/A1/remove">Remove A1 from the applicants</a>', 'the way to take A1 off the applicants');
  t.match(page.body, '<a href="/events/one-seat-2027-03-13/plan">Plan again</a>', 'and to plan again');
  t.notMatch(page.body, /offers\/\d+\/(accept|decline)"/, 'no answer left to give');
  const again = await app.inject({ method: 'POST', url: `/events/one-seat-2027-03-13/offers/${offer!.id}/decline`, headers });
  t.same(again.json(), { done: 'notOpen' }, 'an answered offer stays answered');
});

t.test('once an offer is accepted, doing what the page says gives the applicant who took the place its time', async (t) => {
  const { app, headers, store, link } = await published(t, oneSeatDay());
  const arrival = (p: PlanJson, code: string) => p.scheduled.find((s) => s.applicant === code)?.arrival;
  const before = (await app.inject({ url: '/api/events/one-seat-2027-03-13/plans/1', headers })).json() as PlanJson;
  await release(app, await link('A1'));
  const [offer] = offersOf(store);
  await app.inject({ method: 'POST', url: `/events/one-seat-2027-03-13/offers/${offer!.id}/accept`, headers });
  const removed = await app.inject({ method: 'POST', url: '/events/one-seat-2027-03-13/applicants/A1/remove', headers, payload: {} });
  t.equal(removed.statusCode, 303, 'A1 taken off the applicants');
  const planned = await app.inject({ method: 'POST', url: '/api/events/one-seat-2027-03-13/plan', headers, payload: { quick: true, finish_probability: 0 } });
  t.equal(planned.statusCode, 201, 'planned again');
  const next = planned.json().plan as PlanJson;
  t.equal(arrival(next, 'A4'), arrival(before, 'A1'), 'A4 comes when A1 would have');
  t.equal(arrival(next, 'A2'), arrival(before, 'A2'), 'everyone else keeps their time');
  t.match(offersOf(store), [{ status: 'accepted' }], 'the accepted offer stays as it was');
});

t.test('planning again withdraws the open offers, and the coordinator can look again for the place', async (t) => {
  const { app, headers, store, link } = await published(t, oneSeatDay());
  await release(app, await link('A1'));
  t.match(offersOf(store), [{ status: 'offered' }]);
  const planned = await app.inject({ method: 'POST', url: '/api/events/one-seat-2027-03-13/plan', headers, payload: { quick: true, finish_probability: 0 } });
  t.equal(planned.statusCode, 201);
  t.match(offersOf(store), [{ status: 'withdrawn' }], 'the offer is withdrawn');
  t.ok(store.db.select().from(auditLog).where(eq(auditLog.action, 'offer.withdraw')).get(), 'on the audit log');
  const page = await app.inject({ url: '/events/one-seat-2027-03-13/offers', headers: { ...headers, ...html } });
  t.match(page.body, 'withdrawn');
  t.match(page.body, 'Look again for someone who fits');
  const looked = await app.inject({ method: 'POST', url: '/events/one-seat-2027-03-13/offers/places/A1', headers });
  t.same(looked.json(), { done: 'offered', offer: 2, offered_to: 'A4' }, 'the place, still free in the published plan, is offered anew');
});

t.test('a viewer reads the offers page but gets no buttons, and cannot answer an offer', async (t) => {
  const { app, store, link } = await published(t, oneSeatDay());
  await release(app, await link('A1'));
  const viewer = authHeader(store, { role: 'viewer', organization: ORG });
  const page = await app.inject({ url: '/events/one-seat-2027-03-13/offers', headers: { ...viewer, ...html } });
  t.equal(page.statusCode, 200);
  t.match(page.body, 'Offered to A4');
  t.notMatch(page.body, /offers\/(\d+\/(accept|decline)|places\/)/, 'no answer or look-again forms');
  const [offer] = offersOf(store);
  t.equal((await app.inject({ method: 'POST', url: `/events/one-seat-2027-03-13/offers/${offer!.id}/accept`, headers: viewer })).statusCode, 403);
  t.equal((await app.inject({ url: '/events/one-seat-2027-03-13/offers', headers: authHeader(store, { role: 'coordinator', organization: 'Otra' }) })).statusCode, 404);
});

t.test('the offers page in Spanish', async (t) => {
  const { app, headers, link } = await published(t, oneSeatDay());
  await release(app, await link('A1'));
  const page = await app.inject({ url: '/events/one-seat-2027-03-13/offers', headers: { ...headers, ...html, 'accept-language': 'es-MX' } });
  t.match(page.body, '<html lang="es">');
  t.match(page.body, 'Lugares liberados y ofrecidos a otros');
  t.match(page.body, 'Ofrecido a A4, Luz Waiting');
  t.match(page.body, 'Qué hacer');
});

t.test('the server’s log never holds an applicant’s link', async (t) => {
  for (const secret of ['abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq', 'Qz0_-aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789ab']) {
    t.equal(loggedPath(`/a/${secret}?lang=ar`), '/a/[token]');
    t.equal(loggedPath(`/a/${secret}/release`), '/a/[token]/release');
    t.equal(loggedPath(`/a/${secret}/coming`), '/a/[token]/coming');
  }
});
