import { Writable } from 'node:stream';
import t from 'tap';
import { buildApp, loggedPath } from '../../src/http/app.js';
import { FRESNO, sampleBundle, sampleFiles, tempDatabase } from '../support/fixtures.js';
import { authHeader, multipart } from '../support/http.js';

t.test('the request log holds no names, tokens or uploaded data', async (t) => {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  const store = tempDatabase(t);
  const app = await buildApp({ database: store, logger: { level: 'trace', stream } });
  t.teardown(() => app.close());
  const token = authHeader(store).authorization.slice('Bearer '.length);
  const upload = multipart(sampleFiles(FRESNO));
  await app.inject({ method: 'POST', url: '/api/events/import', payload: upload.payload,
    headers: { ...upload.headers, authorization: `Bearer ${token}` } });
  await app.inject({ url: `/api/events/fresno-2027-05-22/applicants?token=${token}`, headers: { authorization: `Bearer ${token}` } });
  const log = lines.join('');
  t.ok(log.includes('/api/events/fresno-2027-05-22/applicants'), 'requests are logged');
  t.ok(log.includes('"statusCode":201'), 'the import went through: what it held had its chance to reach the log');
  t.notOk(log.includes(token), 'no token');
  for (const a of sampleBundle(FRESNO).applicants) t.notOk(log.includes(a.name), `no trace of ${a.id}'s name`);
});

t.test('slip and calendar links never reach the log: their secret is written [token]', async (t) => {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  const store = tempDatabase(t);
  const app = await buildApp({ database: store, logger: { level: 'trace', stream } });
  t.teardown(() => app.close());
  const api = authHeader(store).authorization.slice('Bearer '.length);
  const headers = { authorization: `Bearer ${api}` };
  const upload = multipart(sampleFiles(FRESNO));
  await app.inject({ method: 'POST', url: '/api/events/import', payload: upload.payload, headers: { ...upload.headers, ...headers } });
  const planned = (await app.inject({ method: 'POST', url: '/api/events/fresno-2027-05-22/plan', headers, payload: { quick: true, finish_probability: 0 } })).json();
  const aid = planned.plan.scheduled[0].applicant as string;
  const slip = (await app.inject({ method: 'POST', url: `/api/events/fresno-2027-05-22/applicants/${aid}/slip-link`, headers })).json().url as string;
  const slipToken = slip.split('/').pop()!;
  const feed = (await app.inject({ method: 'POST', url: '/api/events/fresno-2027-05-22/volunteers/V001/calendar-link', headers })).json().url as string;
  const feedToken = feed.split('/').pop()!.replace(/\.ics$/, '');
  const madeUp = 'Zq3xY7wPpL0kM2nB8vC4dE6fG';
  const paths = [`/slips/${slipToken}`, `/calendars/${feedToken}.ics`, `/slips/${madeUp}`, `/calendars/${madeUp}.ics`, `/slips/${madeUp}?lang=es`];
  for (const url of paths) await app.inject({ url });
  const log = lines.join('');
  t.ok(log.includes('/slips/[token]'), 'slip requests are logged, secret hidden');
  t.ok(log.includes('/calendars/[token].ics'), 'calendar requests are logged, secret hidden');
  t.equal(lines.filter((l) => l.includes('"statusCode":200')).length >= 2, true, 'the real links answered');
  for (const secret of [slipToken, feedToken, madeUp, api]) t.notOk(log.includes(secret), `no trace of ${secret.slice(0, 4)}…`);
  for (const a of sampleBundle(FRESNO).applicants) t.notOk(log.includes(a.name), `no trace of ${a.id}'s name`);
});

t.test('a secret pasted anywhere in a path is written [token] in the log', async (t) => {
  const secret = 'rsp7By6Lq77MWOKiGE_ynLfT5wwlzRJmc5BdtFpBaaw';
  t.equal(loggedPath(`/api/events/${secret}/plans`), '/api/events/[token]/plans');
  t.equal(loggedPath(`/slips/${secret}/more`), '/slips/[token]/more');
  t.equal(loggedPath(`/events/x/${secret}.ics?lang=es`), '/events/x/[token].ics');
});

t.test('event ids and ordinary paths are logged as they are', async (t) => {
  t.equal(loggedPath('/events/central-valley-citizenship-day-2027-06-12'), '/events/central-valley-citizenship-day-2027-06-12');
  t.equal(loggedPath('/api/events/fresno-2027-05-22/plans/3/changes?against=2'), '/api/events/fresno-2027-05-22/plans/3/changes');
});
