import { join } from 'node:path';
import t from 'tap';
import { serverConfig, startServer } from '../../src/http/server.js';
import { tempDir } from '../support/fixtures.js';

t.test('serve migrates a new database, loads the demo event and answers over real HTTP', async (t) => {
  const app = await startServer({ port: 0, host: '127.0.0.1', database: join(tempDir(t), 'taller.sqlite'), demo: true });
  t.teardown(() => app.close());
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const health = await fetch(`http://127.0.0.1:${port}/health`);
  t.same(await health.json(), { status: 'ok' });
  const events = await (await fetch(`http://127.0.0.1:${port}/api/events`)).json() as { id: string }[];
  t.same(events.map((e) => e.id), ['fresno-2027-05-22']);
});

t.test('the server listens on localhost:3000 unless PORT and HOST say otherwise', async (t) => {
  t.match(serverConfig({}), { port: 3000, host: 'localhost', demo: true });
  t.match(serverConfig({ PORT: '8080', HOST: '0.0.0.0', TALLER_DEMO: '0', TALLER_DB: '/tmp/x.sqlite' }),
    { port: 8080, host: '0.0.0.0', demo: false, database: '/tmp/x.sqlite' });
});

t.test('a PORT that cannot be a port is refused before anything starts', async (t) => {
  t.throws(() => serverConfig({ PORT: 'eighty' }), /PORT must be a whole number from 0 to 65535, not "eighty"/);
  t.throws(() => serverConfig({ PORT: '70000' }), /PORT must be/);
});
