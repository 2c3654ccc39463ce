import t from 'tap';
import { saveBundle } from '../../src/db/events.js';
import { FRESNO, FRESNO_ID, sampleBundle } from '../support/fixtures.js';
import { build } from '../support/http.js';

t.test('the home page lists each workshop with its date, site and counts', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const res = await app.inject('/');
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /text\/html/);
  t.match(res.body, `<a href="/events/${FRESNO_ID}">DACA &amp; Citizenship Saturday — Fresno</a>`);
  t.match(res.body, 'Saturday, May 22, 2027');
  t.match(res.body, 'St. Anthony Parish Hall');
});

t.test('the home page with no workshops says how to import one', async (t) => {
  const { app } = await build(t);
  const res = await app.inject('/');
  t.match(res.body, 'No workshops yet');
  t.match(res.body, 'npx taller import DIR');
});

t.test('the event page names the languages applicants speak, Triqui included, and counts who needs an interpreter', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const res = await app.inject(`/events/${FRESNO_ID}`);
  t.equal(res.statusCode, 200);
  // A0039 speaks only Triqui; A0012 and A0040 also speak Spanish or English.
  t.match(res.body, '<tr class="warn"><th scope="row">Triqui (trs)</th><td class="num">3</td><td class="num">0</td><td class="num">1</td></tr>');
  // Every Mixteco speaker here also speaks Spanish.
  t.match(res.body, '<tr><th scope="row">Mixteco (mix)</th><td class="num">4</td><td class="num">0</td><td class="num">0</td></tr>');
});

t.test('the event page shows no applicant names', async (t) => {
  const { app, store } = await build(t);
  const bundle = sampleBundle(FRESNO);
  saveBundle(store.db, bundle, 'test');
  const res = await app.inject(`/events/${FRESNO_ID}`);
  for (const a of bundle.applicants) t.notOk(res.body.includes(a.name), `${a.id}'s name is not on the page`);
});

t.test('pages load their stylesheet from this server only', async (t) => {
  const { app } = await build(t);
  const page = await app.inject('/');
  t.match(page.body, '<link rel="stylesheet" href="/static/css/app.css">');
  t.notMatch(page.body, /https?:\/\//);
  const css = await app.inject('/static/css/app.css');
  t.equal(css.statusCode, 200);
});

t.test('the sample bundles can be downloaded', async (t) => {
  const { app } = await build(t);
  const res = await app.inject('/static/samples/fresno-saturday/volunteers.csv');
  t.equal(res.statusCode, 200);
  t.match(res.body, /^id,name,email,phone,role,languages/);
});

t.test('a page that is not there answers 404 in HTML for a browser', async (t) => {
  const { app } = await build(t);
  const res = await app.inject({ url: '/events/nowhere-2027-01-01', headers: { accept: 'text/html' } });
  t.equal(res.statusCode, 404);
  t.match(res.headers['content-type'], /text\/html/);
  t.match(res.body, '<h1>Not found</h1>');
});
