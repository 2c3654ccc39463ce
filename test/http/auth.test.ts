// The API token is checked before anything of a request's body is read, and every refusal is audited.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { eq } from 'drizzle-orm';
import { saveBundle } from '../../src/db/events.js';
import { accessTokens, auditLog } from '../../src/db/schema.js';
import { revokeToken } from '../../src/db/tokens.js';
import { BUNDLE_FILES } from '../../src/bundle/index.js';
import { FRESNO, FRESNO_ID, SAMPLES_DIR, sampleBundle } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';

const BOUNDARY = 'taller-boundary';

/** The Fresno bundle as a multipart body, written out by hand so that it can be broken. */
function bundleBody(): string {
  return BUNDLE_FILES.map((name) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}"\r\n`
    + `Content-Type: text/plain\r\n\r\n${readFileSync(join(SAMPLES_DIR, FRESNO, name), 'utf8')}\r\n`).join('') + `--${BOUNDARY}--\r\n`;
}

const importRequest = (payload: string, contentType = `multipart/form-data; boundary=${BOUNDARY}`, headers: Record<string, string> = {}) =>
  ({ method: 'POST' as const, url: '/api/events/import', payload, headers: { 'content-type': contentType, ...headers } });

t.test('an anonymous malformed JSON body answers 401, not 400: it is never parsed', async (t) => {
  const { app, store } = await build(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test');
  const res = await app.inject({ method: 'PUT', url: `/api/events/${FRESNO_ID}/plan`, headers: { 'content-type': 'application/json' }, payload: '{"event": ' });
  t.equal(res.statusCode, 401);
});

t.test('an anonymous body over the size limit answers 401, not 413: it is never read', async (t) => {
  const { app } = await build(t);
  const res = await app.inject({
    method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers: { 'content-type': 'application/json' }, payload: `{"seed": "${'x'.repeat(6 * 1024 * 1024)}"}`,
  });
  t.equal(res.statusCode, 401);
});

t.test('an anonymous multipart upload over real HTTP answers 401 and imports nothing', async (t) => {
  const { app, store } = await build(t);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  const res = await fetch(`http://127.0.0.1:${port}/api/events/import`, {
    method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, body: bundleBody(),
  });
  t.equal(res.status, 401);
  t.same(await (await fetch(`http://127.0.0.1:${port}/api/events`, { headers: authHeader(store) })).json(), []);
});

t.test('a multipart upload with no boundary answers 400 with a sentence', async (t) => {
  const { app, store } = await build(t);
  const res = await app.inject(importRequest(bundleBody(), 'multipart/form-data', authHeader(store)));
  t.equal(res.statusCode, 400);
  t.match(res.json().error, /^The upload is not a complete multipart\/form-data body .*Nothing was changed\.$/);
});

t.test('a multipart upload whose boundary is not the one its header names answers 400 with a sentence', async (t) => {
  const { app, store } = await build(t);
  const res = await app.inject(importRequest(bundleBody(), 'multipart/form-data; boundary=another-one', authHeader(store)));
  t.equal(res.statusCode, 400);
  t.match(res.json().error, /boundary/);
});

t.test('a multipart upload cut short answers 400 with a sentence and imports nothing', async (t) => {
  const { app, store } = await build(t);
  const body = bundleBody();
  const res = await app.inject(importRequest(body.slice(0, body.indexOf('A0020,')), undefined, authHeader(store)));
  t.equal(res.statusCode, 400);
  t.match(res.json().error, /cut short/);
  t.same((await app.inject({ url: '/api/events', headers: authHeader(store) })).json(), []);
});

t.test('a refused API token is in the audit log with its route and never the token', async (t) => {
  const { app, store } = await build(t);
  const revoked = authHeader(store).authorization.slice('Bearer '.length);
  revokeToken(store.db, revoked, new Date().toISOString());
  const revokedId = store.db.select({ id: accessTokens.id }).from(accessTokens).get()!.id;
  const url = `/api/events/${FRESNO_ID}/volunteers`;
  t.equal((await app.inject(url)).statusCode, 401);
  t.equal((await app.inject({ url, headers: { authorization: 'Bearer made-up-token-value' } })).statusCode, 401);
  t.equal((await app.inject({ url, headers: { authorization: `Bearer ${revoked}` } })).statusCode, 401);
  const rows = store.db.select().from(auditLog).where(eq(auditLog.action, 'token.refused')).all();
  // A request with no token at all is a visitor, not a failed check: it is refused, not logged.
  t.same(rows.map((r) => [r.actor, r.detail]), [
    ['anonymous', 'unknown api token, GET /api/events/:id/volunteers'],
    ['anonymous', `api token ${revokedId} revoked, GET /api/events/:id/volunteers`],
  ]);
  t.notOk(JSON.stringify(rows).includes(revoked) || JSON.stringify(rows).includes('made-up-token-value'));
});
