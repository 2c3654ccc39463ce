// The web pages in English and Spanish: chosen from the browser's languages, switched with a
// link in the header that a cookie remembers, and the switch sending people back only to a page
// of this server. The real app over a real SQLite file.
import t from 'tap';
import type { Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { saveBundle } from '../../src/db/events.js';
import { readBundle } from '../../src/bundle/index.js';
import { planEvent, publishVersion } from '../../src/services/plans.js';
import { purgeStoredEvent } from '../../src/services/retention.js';
import { plan } from '../../src/planner/index.js';
import { FRESNO, FRESNO_ID, MADERA, sampleBundle, sampleFiles, withFile } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';

const SPANISH = { 'accept-language': 'es-MX,es;q=0.9' };

/** The `lang` cookie a response sets, as a request sends it back. */
function cookieFrom(res: { headers: Record<string, unknown> }): string {
  const set = res.headers['set-cookie'];
  const line = (Array.isArray(set) ? set[0] : set) as string;
  return line.split(';')[0]!;
}

/** Fresno, planned through the API as a coordinator would: a draft with people left out. */
async function plannedFresno(t: Test) {
  const built = await build(t);
  saveBundle(built.store.db, sampleBundle(FRESNO), 'test');
  const headers = authHeader(built.store);
  const res = await built.app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { quick: true, finish_probability: 0 } });
  t.equal(res.statusCode, 201, 'planned');
  return { ...built, headers };
}

/** A page as a signed-in admin sees it (pages need an account). */
const page = async (app: FastifyInstance, url: string, headers: Record<string, string> = {}) => {
  const res = await app.inject({ url, headers: { ...authHeader(app.store), ...headers } });
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
  return res;
};

t.test('Accept-Language es-MX gives the home page in Spanish', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const res = await page(app, '/', SPANISH);
  t.match(res.body, '<html lang="es">');
  t.match(res.body, '<h1>Talleres</h1>');
  t.match(res.body, '<title>Talleres — Taller</title>');
  t.match(res.body, '<a class="skip" href="#main">Ir al contenido</a>');
  t.match(res.body, /<caption>1 taller (próximo|pasado)<\/caption>/);
  t.match(res.body, /<td>sábado, 22 de mayo de 2027<br><span class="muted">9:00\sa\.\s?m\.–4:00\sp\.\s?m\.<\/span><\/td>/,
    'the date and the hours as Spanish writes them');
  t.match(res.body, '<td>12 voluntarios<br>40 solicitantes</td>');
  t.match(res.body, 'Sábado de DACA y Ciudadanía, Fresno (40 solicitantes)', 'the samples named in Spanish');
  t.match(res.body, `<a href="/events/${FRESNO_ID}">DACA &amp; Citizenship Saturday — Fresno</a>`, 'the event keeps its own name');
  t.match(res.body, 'Ayuda legal gratuita: los notarios no son abogados.');
  t.notMatch(res.body, /Workshops|Skip to content|soonest first|most recent first|\d volunteers/);
  t.match(String(res.headers.vary), /Accept-Language/);
  t.match(String(res.headers.vary), /Cookie/);
});

t.test('without Accept-Language, or with a language the pages lack, they are in English', async (t) => {
  const { app } = await build(t);
  const asked: Record<string, string>[] = [{}, { 'accept-language': 'fr-FR,fr;q=0.9' }, { 'accept-language': 'es;q=0, en;q=0.2' }];
  for (const headers of asked) {
    const res = await page(app, '/', headers);
    t.match(res.body, '<html lang="en">', JSON.stringify(headers));
    t.match(res.body, '<h1>Workshops</h1>');
    t.match(res.body, 'No workshops yet');
  }
});

t.test('the home page with no workshops says how to import one, in Spanish', async (t) => {
  const { app } = await build(t);
  const res = await page(app, '/', SPANISH);
  t.match(res.body, 'Todavía no hay talleres. Cree uno con «Nuevo evento», importe un paquete con <code>npx taller import DIR</code>');
  t.match(res.body, '<a href="/static/samples/fresno-saturday/event.json">un event.json de ejemplo</a>');
});

t.test('plurals and placeholders on the home page, in both languages', async (t) => {
  const { app, store } = await build(t);
  // Dated far ahead, so that both stay upcoming whatever day the test runs.
  const ahead = (sample: string, date: string) => {
    const bundle = sampleBundle(sample);
    return { ...bundle, event: { ...bundle.event, date } };
  };
  saveBundle(store.db, ahead(FRESNO, '2099-05-22'), 'test');
  t.match((await page(app, '/')).body, '<caption>1 upcoming workshop</caption>');
  t.match((await page(app, '/', SPANISH)).body, '<caption>1 taller próximo</caption>');
  saveBundle(store.db, ahead(MADERA, '2099-06-05'), 'test');
  t.match((await page(app, '/')).body, '<caption>2 upcoming workshops, soonest first</caption>');
  t.match((await page(app, '/', SPANISH)).body, '<caption>2 talleres próximos, los más cercanos primero</caption>');
});

t.test('the event page in Spanish: facts, counts, languages and case types, the event’s own names kept', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const res = await page(app, `/events/${FRESNO_ID}`, SPANISH);
  const body = res.body;
  t.match(body, '<html lang="es">');
  t.match(body, '<h1>DACA &amp; Citizenship Saturday — Fresno</h1>');
  t.match(body, '<p class="crumbs"><a href="/">Todos los talleres</a></p>');
  t.match(body, /<dt>Cuándo<\/dt><dd>sábado, 22 de mayo de 2027, 9:00\sa\.\s?m\.–4:00\sp\.\s?m\. <span class="muted">\(America\/Los_Angeles\)<\/span><\/dd>/);
  t.match(body, '<dt>Dónde</dt><dd>St. Anthony Parish Hall');
  t.match(body, '<dt>Mesas</dt><dd>3 de registro, 2 de revisión final</dd>');
  t.match(body, '<h2 id="roster">Voluntarios: 12</h2>');
  t.match(body, '<h2 id="demand">Solicitantes: 40</h2>');
  t.match(body, '<th scope="row">Abogados</th><td class="num">3</td><td>español, hmong, inglés</td>');
  t.match(body, '<th scope="row">Representantes acreditados por el DOJ</th>');
  t.match(body, '<tr><th scope="row">Renovación de DACA</th><td class="num">14</td></tr>');
  t.match(body, '<tr><th scope="row">español (es)</th><td class="num">24</td>');
  t.match(body, '<tr class="warn"><th scope="row">Triqui (trs)</th><td class="num">3</td><td class="num">0</td><td class="num">1</td></tr>');
  t.match(body, 'Todavía no hay plan.');
  t.notMatch(body, /Volunteers:|Applicants:|When<\/dt>|By case type|No plan yet/);
  for (const a of sampleBundle(FRESNO).applicants) t.notOk(body.includes(a.name), `${a.id}'s name is not on the page`);
});

t.test('the planned event page in Spanish: the counts, the estimate and each volunteer’s day', async (t) => {
  const { app, headers } = await plannedFresno(t);
  const anyone = (await page(app, `/events/${FRESNO_ID}`, SPANISH)).body;
  t.match(anyone, '<h2 id="plan">Plan</h2>');
  t.match(anyone, /<strong>\d+ de 40<\/strong> solicitantes con cita \(peso de prioridad \d+\)/);
  t.match(anyone, /\d+ visitas? con intérprete/);
  t.match(anyone, /Versión 1\./);
  t.match(anyone, '<strong>Borrador.</strong> La versión 1 no está publicada');
  t.match(anyone, /<h3>Sin cita<\/h3>/);
  t.match(anyone, '<h2 id="estimate">Cómo saldrá el día</h2>');
  t.match(anyone, /En 200 días simulados/);
  t.match(anyone, /Dónde se atasca: <strong>[A-ZÁÉÍÓÚ][a-záéíóúñ ]+<\/strong>/);
  t.match(anyone, /En el día caben (al menos )?\d+ citas\./);
  t.match(anyone, /— cuello de botella<\/text>/);
  t.match(anyone, /<title id="queue-title">Personas esperando en cada estación a lo largo del día\. (Fila más larga: [a-záéíóúñ ]+, unas [\d.]+ personas esperando alrededor de las \d{1,2}:\d\d\s[ap]\.\s?m\.|Nadie hace fila\.)<\/title>/);
  t.match(anyone, /un abogado más que hable español: alrededor de \d+ personas? más atendidas?/);
  t.notMatch(anyone, /Each volunteer|applicants scheduled|How the day will go/, 'nothing left in English');

  const coordinator = (await page(app, `/events/${FRESNO_ID}`, { ...SPANISH, ...headers })).body;
  t.match(coordinator, '<h3>El día de cada voluntario</h3>');
  t.match(coordinator, /<th scope="col">Hora<\/th><th scope="col">Estación<\/th><th scope="col">Solicitante<\/th><th scope="col">Nota<\/th>/);
  t.match(coordinator, /<td>\d{1,2}:\d\d\s[ap]\.\s?m\.–\d{1,2}:\d\d\s[ap]\.\s?m\.<\/td><td>(Evaluación inicial|Preparación|Revisión legal)<\/td><td class="code">A00\d\d<\/td>/);
  t.match(coordinator, /<caption>V0\d\d · Abogado<\/caption>/);
  t.match(coordinator, /<td>Mesa de (registro|revisión final)<\/td><td class="code"><\/td><td>turno<\/td>/);
  t.match(coordinator, /<span class="code">A00\d\d<\/span>: <span lang="en">/, 'the planner’s own sentence about a person is marked as English');
});

t.test('the event page is kept per language: English, Spanish and English again each come right', async (t) => {
  const { app } = await plannedFresno(t);
  const first = (await page(app, `/events/${FRESNO_ID}`)).body;
  t.match(first, '<html lang="en">');
  t.match(first, 'applicants scheduled');
  const spanish = (await page(app, `/events/${FRESNO_ID}`, SPANISH)).body;
  t.match(spanish, '<html lang="es">');
  t.match(spanish, 'solicitantes con cita');
  // The header's account part and the links that change the event (each with a fresh form token)
  // are the parts made per request.
  const kept = (html: string) => html.replace(/<nav class="account".*?<\/nav>/s, '').replace(/<nav class="event-actions".*?<\/nav>/s, '');
  t.equal(kept((await page(app, `/events/${FRESNO_ID}`)).body), kept(first), 'the English page, kept');
  t.equal(kept((await page(app, `/events/${FRESNO_ID}`, SPANISH)).body), kept(spanish), 'the Spanish page, kept');
});

t.test('a draft against a published version in Spanish: whom to tell, with times as Spanish writes them', async (t) => {
  const { app, headers } = await plannedFresno(t);
  await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plans/1/publish`, headers });
  const published = (await page(app, `/events/${FRESNO_ID}`, SPANISH)).body;
  t.match(published, /Versión 1, publicada\./);
  t.notMatch(published, /Borrador/);
  const v2 = await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { quick: true, fresh: true, confirm: true, seed: 77, finish_probability: 0 } });
  t.equal(v2.statusCode, 201);
  const draft = (await page(app, `/events/${FRESNO_ID}`, { ...SPANISH, ...headers })).body;
  t.match(draft, /<strong>Borrador\.<\/strong> La versión 2 no está publicada: las hojas de cita, los enlaces, las hojas y los calendarios\s+siguen la versión 1/);
  t.match(draft, /Publíquela con <code>npx taller publish --event fresno-2027-05-22 --version 2<\/code>/);
  t.match(draft, /Frente a la versión 1, (a quién avisar:|ningún solicitante cambia de hora)/);
  if (/a quién avisar/.test(draft)) {
    t.match(draft, /<li><span class="code">A00\d\d<\/span> (cambia de hora|sale del plan|entra en el plan)/);
    t.notMatch(draft, /\(was |\(now /);
  }
});

t.test('a purged event’s page in Spanish says when and what was kept', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, readBundle(sampleFiles(FRESNO)).bundle!, 'test');
  await planEvent(store.db, FRESNO_ID, {}, 'test', (bundle, options) => plan(bundle, { ...options, quick: true }));
  publishVersion(store.db, FRESNO_ID, 1, 'test');
  purgeStoredEvent(store.db, FRESNO_ID, 'cli', new Date('2027-07-01T12:00:00Z'));
  const body = (await page(app, `/events/${FRESNO_ID}`, SPANISH)).body;
  t.match(body, '<h2 id="purged">Datos personales eliminados</h2>');
  t.match(body, /se eliminaron el jueves, 1 de julio de 2027\.\s+Las cifras de arriba son lo que se guardó: \d+ con cita en el plan publicado; \d+ quedaron? fuera del plan\./);
  t.match(body, /<th scope="row">español \(es\)<\/th><td class="num">24<\/td>/);
});

t.test('an unstaffed desk is said in Spanish from the warning’s facts', async (t) => {
  // Only greeters staff the desks: without V011 nobody is at check-in from the start.
  const files = sampleFiles(FRESNO);
  const lines = Buffer.from(files['volunteers.csv']!).toString('utf8').split('\n');
  const { app, store } = await build(t);
  saveBundle(store.db, readBundle(withFile(files, 'volunteers.csv', lines.filter((l) => !l.startsWith('V011,')).join('\n'))).bundle!, 'test');
  const headers = authHeader(store);
  t.equal((await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers, payload: { quick: true } })).statusCode, 201);
  const stored = (await app.inject({ url: `/api/events/${FRESNO_ID}/plans/1`, headers })).json();
  t.ok(stored.warnings?.length > 0, 'without V011 a desk is unstaffed');
  const spanish = (await page(app, `/events/${FRESNO_ID}`, SPANISH)).body;
  t.match(spanish, '<p><strong>Mesas sin nadie de turno.</strong></p>');
  t.match(spanish, /<li>No hay nadie de turno en la mesa de (registro|revisión final) de \d{1,2}:\d\d\s[ap]\.\s?m\. a \d{1,2}:\d\d\s[ap]\.\s?m\., cuando (está previst[oa]|están previst[oa]s) \d+ /);
  const english = (await page(app, `/events/${FRESNO_ID}`)).body;
  t.match(english, /<li>Nobody is on shift at the (check-in|final-check) desk \d{1,2}:\d\d\s[AP]M–\d{1,2}:\d\d\s[AP]M, when \d+ (check-ins? (is|are)|final checks? (is|are)) planned<\/li>/);
});

t.test('the header offers each language in itself, as links back to the same page', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const english = (await page(app, `/events/${FRESNO_ID}`)).body;
  t.match(english, '<nav class="languages" aria-label="Language">');
  t.match(english, `<a href="/language/es?back&#x3D;%2Fevents%2F${FRESNO_ID}" lang="es" hreflang="es">Español</a>`);
  t.match(english, `<a href="/language/en?back&#x3D;%2Fevents%2F${FRESNO_ID}" lang="en" hreflang="en" aria-current="true">English</a>`);
  const spanish = (await page(app, '/', SPANISH)).body;
  t.match(spanish, '<nav class="languages" aria-label="Idioma">');
  t.match(spanish, '<a href="/language/es?back&#x3D;%2F" lang="es" hreflang="es" aria-current="true">Español</a>');
  t.match(spanish, '<a href="/language/en?back&#x3D;%2F" lang="en" hreflang="en">English</a>');
});

t.test('the switch sets a cookie for a year and goes back; later pages stay in that language without Accept-Language', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const res = await app.inject({ url: `/language/es?back=${encodeURIComponent(`/events/${FRESNO_ID}`)}` });
  t.equal(res.statusCode, 303);
  t.equal(res.headers.location, `/events/${FRESNO_ID}`);
  const set = String(res.headers['set-cookie']);
  t.match(set, /^lang=es;/);
  t.match(set, /Max-Age=31536000/);
  t.match(set, /Path=\//);
  t.match(set, /HttpOnly/);
  t.match(set, /SameSite=Lax/);
  t.notMatch(set, /Secure/, 'not over plain http');
  const cookie = cookieFrom(res);
  for (const url of ['/', `/events/${FRESNO_ID}`, '/']) {
    const later = await page(app, url, { cookie });
    t.match(later.body, '<html lang="es">', `${url} stays Spanish`);
  }
  t.match((await page(app, '/', { cookie })).body, '<h1>Talleres</h1>');
  const back = await app.inject({ url: '/language/en?back=/', headers: { cookie } });
  t.equal(back.statusCode, 303);
  t.match((await page(app, '/', { cookie: cookieFrom(back), ...SPANISH })).body, '<html lang="en">', 'English chosen stays English');
});

t.test('the cookie beats the browser’s languages; a cookie with no known locale does not', async (t) => {
  const { app } = await build(t);
  t.match((await page(app, '/', { cookie: 'lang=en', ...SPANISH })).body, '<html lang="en">');
  t.match((await page(app, '/', { cookie: 'lang=es', 'accept-language': 'en-US,en;q=0.9' })).body, '<html lang="es">');
  t.match((await page(app, '/', { cookie: 'other=1; lang=es' })).body, '<html lang="es">');
  t.match((await page(app, '/', { cookie: 'lang=fr', ...SPANISH })).body, '<html lang="es">', 'an unknown cookie falls back to the header');
  t.match((await page(app, '/', { cookie: 'lang=fr' })).body, '<html lang="en">');
});

t.test('over https (through a trusted proxy) the cookie is Secure', async (t) => {
  const { app } = await build(t, undefined, { trustProxy: true });
  const res = await app.inject({ url: '/language/es?back=/', headers: { 'x-forwarded-proto': 'https' } });
  t.equal(res.statusCode, 303);
  t.match(String(res.headers['set-cookie']), /; Secure/);
});

t.test('the switch goes back only to a local path: anything else goes home', async (t) => {
  const { app } = await build(t);
  const cases: [string, string][] = [
    ['//evil.example', '/'], ['https://evil.example', '/'], ['http://evil.example/x', '/'], ['/\\evil.example', '/'],
    ['/.//evil.example', '/'], ['javascript:alert(1)', '/'], ['evil.example', '/'], ['', '/'],
    ['/events/x?y=1', '/events/x?y=1'], ['/', '/'],
  ];
  for (const [back, want] of cases) {
    const res = await app.inject({ url: `/language/es?back=${encodeURIComponent(back)}` });
    t.equal(res.statusCode, 303, back);
    t.equal(res.headers.location, want, `${JSON.stringify(back)} goes to ${want}`);
  }
  t.equal((await app.inject('/language/es')).headers.location, '/', 'no back: home');
  t.equal((await app.inject('/language/es?back=//evil.example&back=/x')).headers.location, '/', 'a repeated back: the first, checked');
  t.equal((await app.inject('/language/es?back=%2F%2Fevil.example')).headers.location, '/');
});

t.test('a language the pages do not come in is not found, never an error', async (t) => {
  const { app } = await build(t);
  for (const locale of ['fr', 'EN', 'es-MX', 'constructor', '__proto__', 'toString', 'x'.repeat(90), '%00', '..%2F']) {
    const res = await app.inject({ url: `/language/${locale}?back=/` });
    t.equal(res.statusCode, 404, locale.slice(0, 20));
    t.equal(res.headers['set-cookie'], undefined, 'no cookie');
  }
  // Longer than any route parameter Fastify reads: its own 414, still no error of ours.
  const long = await app.inject({ url: `/language/${'x'.repeat(300)}` });
  t.equal(long.statusCode, 414);
  const html = await app.inject({ url: '/language/fr', headers: { accept: 'text/html', ...SPANISH } });
  t.equal(html.statusCode, 404);
  t.match(html.body, '<html lang="es">');
  t.match(html.body, '<h1>Página no encontrada</h1>');
  t.match(html.body, '<a href="/">Volver a los talleres</a>');
});

t.test('the not-found page follows the visitor’s language and escapes the path', async (t) => {
  const { app, store } = await build(t);
  const english = await app.inject({ url: '/events/nowhere-2027-01-01', headers: { accept: 'text/html', ...authHeader(store) } });
  t.match(english.body, '<h1>Not found</h1>');
  const spanish = await app.inject({ url: '/nada/<b>x', headers: { accept: 'text/html', cookie: 'lang=es' } });
  t.equal(spanish.statusCode, 404);
  t.match(spanish.body, '<html lang="es">');
  t.match(spanish.body, '<title>Página no encontrada — Taller</title>');
  t.notMatch(spanish.body, '<b>x');
});

t.test('the JSON API is the same whatever the language', async (t) => {
  const { app, headers } = await plannedFresno(t);
  const plain = await app.inject({ url: `/api/events/${FRESNO_ID}/plans/1`, headers });
  const spanish = await app.inject({ url: `/api/events/${FRESNO_ID}/plans/1`, headers: { ...headers, ...SPANISH, cookie: 'lang=es' } });
  t.equal(spanish.body, plain.body);
  const missing = await app.inject({ url: '/api/nowhere', headers: { ...SPANISH, cookie: 'lang=es', accept: 'text/html' } });
  t.equal(missing.statusCode, 404);
  t.same(missing.json(), { error: 'There is nothing at GET /api/nowhere' });
});
