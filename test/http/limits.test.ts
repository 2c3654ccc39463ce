// Rate limits per client address: wrong API tokens, the open pages and personal feeds; never
// /health or static files; all off with TALLER_RATE_LIMIT=off.
import t from 'tap';
import type { Test } from 'tap';
import type { AppOptions } from '../../src/http/app.js';
import { saveBundle } from '../../src/db/events.js';
import { FRESNO, FRESNO_ID, sampleBundle } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';

const SMALL = { tokenFailures: 3, pages: 3, feeds: 3 };

async function withFresno(t: Test, options: Omit<AppOptions, 'database'> = { rateLimits: SMALL }) {
  const built = await build(t, undefined, options);
  saveBundle(built.store.db, sampleBundle(FRESNO), 'test');
  return { ...built, headers: authHeader(built.store) };
}

const WRONG = { authorization: 'Bearer not-a-real-token' };

t.test('an address that sends too many wrong tokens is answered 429 with Retry-After and a sentence', async (t) => {
  const { app } = await withFresno(t);
  const url = `/api/events/${FRESNO_ID}/volunteers`;
  for (let i = 0; i < 3; i++) t.equal((await app.inject({ url, headers: WRONG })).statusCode, 401, `wrong token ${i + 1} is refused as such`);
  const res = await app.inject({ url, headers: WRONG });
  t.equal(res.statusCode, 429);
  t.match(res.headers['retry-after'], /^[1-9]\d*$/);
  t.match(res.json().error, /^Too many requests from this address; try again in \d+ seconds?\.$/);
});

t.test('once limited, an address is refused on every token-gated route, even with a good token', async (t) => {
  const { app, headers } = await withFresno(t);
  for (let i = 0; i < 4; i++) await app.inject({ url: `/api/events/${FRESNO_ID}/applicants`, headers: WRONG });
  const res = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { quick: true } });
  t.equal(res.statusCode, 429);
  t.notOk(res.body.includes('scheduled'));
});

t.test('another address with a good token is not held back by one address\'s wrong tokens', async (t) => {
  const { app, headers } = await withFresno(t);
  for (let i = 0; i < 4; i++) await app.inject({ url: `/api/events/${FRESNO_ID}/applicants`, headers: WRONG, remoteAddress: '10.0.0.7' });
  const res = await app.inject({ url: `/api/events/${FRESNO_ID}/applicants`, headers, remoteAddress: '10.0.0.8' });
  t.equal(res.statusCode, 200);
});

t.test('requests without any token are refused with 401 but are not counted as guesses', async (t) => {
  const { app } = await withFresno(t);
  const codes = [];
  for (let i = 0; i < 6; i++) codes.push((await app.inject(`/api/events/${FRESNO_ID}/applicants`)).statusCode);
  t.same(codes, [401, 401, 401, 401, 401, 401]);
});

t.test('the sign-in page is limited per address with 429, Retry-After and a page saying so', async (t) => {
  const { app } = await withFresno(t);
  for (let i = 0; i < 3; i++) t.equal((await app.inject('/sign-in')).statusCode, 200);
  const res = await app.inject('/sign-in');
  t.equal(res.statusCode, 429);
  t.match(res.headers['retry-after'], /^[1-9]\d*$/);
  t.match(res.json().error, /^Too many requests from this address/);
  const browser = await app.inject({ url: '/sign-in', headers: { accept: 'text/html' } });
  t.match(browser.body, /<h1>Too many requests<\/h1>/, 'a browser gets a page');
  t.equal((await app.inject({ url: '/sign-in', remoteAddress: '10.0.0.9' })).statusCode, 200, 'another address still gets the page');
});

t.test('slip and calendar links are limited per address', async (t) => {
  const { app } = await withFresno(t);
  const codes = [];
  for (let i = 0; i < 2; i++) codes.push((await app.inject('/slips/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode);
  codes.push((await app.inject('/calendars/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).statusCode);
  codes.push((await app.inject('/slips/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode);
  t.same(codes, [404, 404, 404, 429]);
});

t.test('/health and static files are never limited', async (t) => {
  const { app } = await withFresno(t);
  for (let i = 0; i < 6; i++) {
    t.equal((await app.inject('/health')).statusCode, 200);
    t.equal((await app.inject('/static/css/app.css')).statusCode, 200);
  }
});

t.test('by default, the 31st wrong token within a minute is answered 429', async (t) => {
  const before = process.env.TALLER_RATE_LIMIT;
  delete process.env.TALLER_RATE_LIMIT;
  t.teardown(() => { if (before !== undefined) process.env.TALLER_RATE_LIMIT = before; });
  const { app } = await withFresno(t, {});
  const codes = new Set<number>();
  for (let i = 0; i < 30; i++) codes.add((await app.inject({ url: `/api/events/${FRESNO_ID}/volunteers`, headers: WRONG })).statusCode);
  t.same([...codes], [401]);
  t.equal((await app.inject({ url: `/api/events/${FRESNO_ID}/volunteers`, headers: WRONG })).statusCode, 429);
});

t.test('TALLER_RATE_LIMIT=off turns every limit off', async (t) => {
  const before = process.env.TALLER_RATE_LIMIT;
  process.env.TALLER_RATE_LIMIT = 'off';
  t.teardown(() => { if (before === undefined) delete process.env.TALLER_RATE_LIMIT; else process.env.TALLER_RATE_LIMIT = before; });
  const { app } = await withFresno(t, {});
  const codes = new Set<number>();
  for (let i = 0; i < 40; i++) codes.add((await app.inject({ url: `/api/events/${FRESNO_ID}/volunteers`, headers: WRONG })).statusCode);
  t.same([...codes], [401], 'forty wrong tokens, each answered 401');
  const pages = new Set<number>();
  for (let i = 0; i < 250; i++) pages.add((await app.inject('/sign-in')).statusCode);
  t.same([...pages], [200], 'more pages than the default limit, each answered');
});

t.test('a browser asking in Spanish for a page past the limit gets a page saying so in Spanish, not JSON', async (t) => {
  const { app } = await withFresno(t);
  const browser = { accept: 'text/html', 'accept-language': 'es-MX,es;q=0.9' };
  for (let i = 0; i < 3; i++) await app.inject({ url: '/sign-in', headers: browser });
  const res = await app.inject({ url: '/sign-in', headers: browser });
  t.equal(res.statusCode, 429);
  t.match(res.headers['content-type'], /^text\/html/);
  t.match(res.headers['retry-after'], /^[1-9]\d*$/);
  t.match(res.body, '<html lang="es">');
  t.match(res.body, '<title>Demasiadas solicitudes — Taller</title>');
  t.match(res.body, '<h1>Demasiadas solicitudes</h1>');
  t.match(res.body, /<p>Demasiadas solicitudes desde esta dirección; vuelva a intentarlo en \d+ segundos?\.<\/p>/);
  t.match(res.body, '<a href="/">Volver a los talleres</a>');
});

t.test('a page asked for with too many wrong tokens is answered 429 as a page in the visitor’s language; the API still in JSON', async (t) => {
  const { app } = await withFresno(t);
  for (let i = 0; i < 3; i++) await app.inject({ url: `/api/events/${FRESNO_ID}/applicants`, headers: WRONG });
  const page = await app.inject({ url: `/events/${FRESNO_ID}`, headers: { ...WRONG, accept: 'text/html', 'accept-language': 'es' } });
  t.equal(page.statusCode, 429);
  t.match(page.headers['retry-after'], /^[1-9]\d*$/);
  t.match(page.headers['content-type'], /^text\/html/);
  t.match(page.body, '<h1>Demasiadas solicitudes</h1>');
  const english = await app.inject({ url: `/events/${FRESNO_ID}`, headers: { ...WRONG, accept: 'text/html' } });
  t.match(english.body, /<h1>Too many requests<\/h1><p>Too many requests from this address; try again in \d+ seconds?\.<\/p>/);
  const api = await app.inject({ url: `/api/events/${FRESNO_ID}/applicants`, headers: { ...WRONG, accept: 'text/html,application/json' } });
  t.equal(api.statusCode, 429);
  t.match(api.json().error, /^Too many requests from this address; try again in \d+ seconds?\.$/);
});
