import { Writable } from 'node:stream';
import t from 'tap';
import { buildApp } from '../../src/http/app.js';
import { createToken } from '../../src/db/tokens.js';
import { FRESNO, sampleBundle, sampleFiles, tempDatabase } from '../support/fixtures.js';
import { multipart } from '../support/http.js';

t.test('the request log holds no names, tokens or uploaded data', async (t) => {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  const store = tempDatabase(t);
  const app = await buildApp({ database: store, logger: { level: 'trace', stream } });
  t.teardown(() => app.close());
  const token = createToken(store.db, 'api');
  const upload = multipart(sampleFiles(FRESNO));
  await app.inject({ method: 'POST', url: '/api/events/import', payload: upload.payload,
    headers: { ...upload.headers, authorization: `Bearer ${token}` } });
  await app.inject({ url: `/api/events/fresno-2027-05-22/applicants?token=${token}`, headers: { authorization: `Bearer ${token}` } });
  const log = lines.join('');
  t.ok(log.includes('/api/events/fresno-2027-05-22/applicants'), 'requests are logged');
  t.notOk(log.includes(token), 'no token');
  for (const a of sampleBundle(FRESNO).applicants) t.notOk(log.includes(a.name), `no trace of ${a.id}'s name`);
});
