import t from 'tap';
import { saveBundle } from '../../src/db/events.js';
import { auditLog } from '../../src/db/schema.js';
import { FRESNO, FRESNO_ID, MADERA, sampleBundle, sampleFiles } from '../support/fixtures.js';
import { authHeader, build, multipart } from '../support/http.js';

t.test('answers /health with ok', async (t) => {
  const { app } = await build(t);
  const res = await app.inject('/health');
  t.equal(res.statusCode, 200);
  t.same(res.json(), { status: 'ok' });
});

t.test('lists the stored events with counts and no personal data', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const res = await app.inject({ url: '/api/events', headers: authHeader(store) });
  t.equal(res.statusCode, 200);
  t.same(res.json(), [{
    id: FRESNO_ID, name: 'DACA & Citizenship Saturday — Fresno', date: '2027-05-22', timezone: 'America/Los_Angeles',
    opens: '09:00', closes: '16:00', site: 'St. Anthony Parish Hall', volunteers: 12, applicants: 40,
  }]);
});

t.test('reads one event by its id', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const res = await app.inject({ url: `/api/events/${FRESNO_ID}`, headers: authHeader(store) });
  t.equal(res.statusCode, 200);
  t.equal(res.json().applicants, 40);
});

t.test('answers 404 naming the event that is not there', async (t) => {
  const { app, store } = await build(t);
  const res = await app.inject({ url: '/api/events/nowhere-2027-01-01', headers: authHeader(store) });
  t.equal(res.statusCode, 404);
  t.same(res.json(), { error: 'Event nowhere-2027-01-01 not found' });
});

t.test('answers 400 for an id that cannot be an event id', async (t) => {
  const { app, store } = await build(t);
  const res = await app.inject({ url: '/api/events/%3Cscript%3E', headers: authHeader(store) });
  t.equal(res.statusCode, 400);
  t.match(res.json().error, /^params\.id must match pattern/);
});

t.test('refuses the applicant list without an account', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const res = await app.inject(`/api/events/${FRESNO_ID}/applicants`);
  t.equal(res.statusCode, 401);
  t.notOk(res.body.includes('Gurpreet'));
});

t.test('refuses a revoked or made-up token', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const res = await app.inject({ url: `/api/events/${FRESNO_ID}/volunteers`, headers: { authorization: 'Bearer made-up' } });
  t.equal(res.statusCode, 401);
});

t.test('gives the applicant list to a token holder, with windows as instants in the site zone', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const res = await app.inject({ url: `/api/events/${FRESNO_ID}/applicants`, headers: authHeader(store) });
  t.equal(res.statusCode, 200);
  const applicants = res.json();
  t.equal(applicants.length, 40);
  const a13 = applicants.find((a: { id: string }) => a.id === 'A0013');
  t.same(a13.available, [{ start: '2027-05-22T10:00:00-07:00', end: '2027-05-22T14:00:00-07:00' }]);
  t.equal(applicants.find((a: { id: string }) => a.id === 'A0017').priority, 4);
});

t.test('gives the roster to a token holder', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const res = await app.inject({ url: `/api/events/${FRESNO_ID}/volunteers`, headers: authHeader(store) });
  t.equal(res.statusCode, 200);
  const v009 = res.json().find((v: { id: string }) => v.id === 'V009');
  t.match(v009, { role: 'law_student', supervisor: 'V002', languages: ['pa', 'hi', 'en'] });
});

t.test('records in the audit log who viewed the applicant list', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  await app.inject({ url: `/api/events/${FRESNO_ID}/applicants`, headers: authHeader(store) });
  const views = store.db.select().from(auditLog).all().filter((r) => r.action === 'applicants.view');
  t.equal(views.length, 1);
  t.match(views[0]!.actor, /^token:\d+$/);
});

t.test('imports an uploaded bundle and answers 201 with its counts and warnings', async (t) => {
  const { app, store } = await build(t);
  const res = await app.inject({ method: 'POST', url: '/api/events/import', ...withAuth(multipart(sampleFiles(MADERA)), store) });
  t.equal(res.statusCode, 201);
  const body = res.json();
  t.match(body, { event: 'madera-2027-03-27', created: true, volunteers: 28, applicants: 120 });
  t.same(body.warnings.map((w: { row: number }) => w.row), [23, 114]);
});

t.test('importing the same event again answers 200 and updates it', async (t) => {
  const { app, store } = await build(t);
  await app.inject({ method: 'POST', url: '/api/events/import', ...withAuth(multipart(sampleFiles(FRESNO)), store) });
  const res = await app.inject({ method: 'POST', url: '/api/events/import', ...withAuth(multipart(sampleFiles(FRESNO)), store) });
  t.equal(res.statusCode, 200);
  t.equal(res.json().created, false);
});

t.test('a broken upload answers 400 with every problem and writes nothing', async (t) => {
  const { app, store } = await build(t);
  const files = {
    ...sampleFiles(FRESNO),
    'applicants.csv': Buffer.from('id,name,languages,case_type\nA1,Ana,es,daca\nA1,Bo,xx9,n400\n'),
  };
  const res = await app.inject({ method: 'POST', url: '/api/events/import', ...withAuth(multipart(files), store) });
  t.equal(res.statusCode, 400);
  const body = res.json();
  t.match(body.error, /3 problems found\. Nothing was changed/);
  t.same(body.problems.map((p: { file: string; row: number; column: string }) => `${p.file}:${p.row}:${p.column}`),
    ['applicants.csv:2:case_type', 'applicants.csv:3:id', 'applicants.csv:3:languages']);
  t.same((await app.inject({ url: '/api/events', headers: authHeader(store) })).json(), []);
});

t.test('an upload missing a file is refused and names the file', async (t) => {
  const { app, store } = await build(t);
  const { 'applicants.csv': _dropped, ...two } = sampleFiles(FRESNO);
  const res = await app.inject({ method: 'POST', url: '/api/events/import', ...withAuth(multipart(two), store) });
  t.equal(res.statusCode, 400);
  t.same(res.json().problems.map((p: { file: string }) => p.file), ['applicants.csv']);
});

t.test('an upload with a stray file is refused whole', async (t) => {
  const { app, store } = await build(t);
  const files = { ...sampleFiles(FRESNO), 'notes.txt': Buffer.from('hello') };
  const res = await app.inject({ method: 'POST', url: '/api/events/import', ...withAuth(multipart(files), store) });
  t.equal(res.statusCode, 400);
  t.match(res.json().problems[0], { file: 'notes.txt', message: /unexpected file/ });
  t.same((await app.inject({ url: '/api/events', headers: authHeader(store) })).json(), []);
});

t.test('an import sent as JSON instead of files answers 400 saying how to send it', async (t) => {
  const { app, store } = await build(t);
  const res = await app.inject({ method: 'POST', url: '/api/events/import', headers: authHeader(store), payload: { id: 'x' } });
  t.equal(res.statusCode, 400);
  t.match(res.json().error, /multipart\/form-data/);
});

t.test('an upload larger than the limit is refused with 413, not a crash', async (t) => {
  const { buildApp } = await import('../../src/http/app.js');
  const { tempDatabase } = await import('../support/fixtures.js');
  const store = tempDatabase(t);
  const app = await buildApp({ database: store, uploadLimit: 1000 });
  t.teardown(() => app.close());
  const res = await app.inject({ method: 'POST', url: '/api/events/import', ...withAuth(multipart(sampleFiles(MADERA)), store) });
  t.equal(res.statusCode, 413);
  t.type(res.json().error, 'string');
});

t.test('an unknown API path answers 404 in JSON', async (t) => {
  const { app } = await build(t);
  const res = await app.inject('/api/nothing');
  t.equal(res.statusCode, 404);
  t.same(res.json(), { error: 'There is nothing at GET /api/nothing' });
});

t.test('a fault of ours answers 500 with a plain sentence and no internals', async (t) => {
  const { app } = await build(t);
  app.get('/api/boom', { config: { access: 'public' } }, async () => {
    throw new Error('SQLITE_CORRUPT: secret internals at /srv/db');
  });
  const res = await app.inject('/api/boom');
  t.equal(res.statusCode, 500);
  t.notOk(res.body.includes('SQLITE'));
  t.match(res.json().error, /Something went wrong on our side/);
});

t.test('sends security headers that keep pages from loading anything from elsewhere', async (t) => {
  const { app } = await build(t);
  const res = await app.inject('/health');
  t.match(res.headers['content-security-policy'], /default-src 'self'/);
  t.equal(res.headers['referrer-policy'], 'no-referrer');
});

function withAuth(request: { payload: Buffer; headers: Record<string, string> }, store: Parameters<typeof authHeader>[0]) {
  return { payload: request.payload, headers: { ...request.headers, ...authHeader(store) } };
}
