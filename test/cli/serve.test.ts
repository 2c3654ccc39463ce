import { join } from 'node:path';
import t from 'tap';
import { serverConfig, startServer } from '../../src/http/server.js';
import { tempDir } from '../support/fixtures.js';

t.test('serve migrates a new database, loads the demo event, leads to the setup page and answers over real HTTP', async (t) => {
  const app = await startServer({ port: 0, host: '127.0.0.1', database: join(tempDir(t), 'taller.sqlite'), demo: true });
  t.teardown(() => app.close());
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const health = await fetch(`http://127.0.0.1:${port}/health`);
  t.same(await health.json(), { status: 'ok' });
  const home = await fetch(`http://127.0.0.1:${port}/`, { headers: { accept: 'text/html' }, redirect: 'manual' });
  t.equal(home.headers.get('location'), '/sign-in?next=%2F', 'a newcomer is sent to sign in…');
  const signIn = await fetch(`http://127.0.0.1:${port}/sign-in`, { redirect: 'manual' });
  t.equal(signIn.headers.get('location'), '/setup', '…and, with no account yet, to the setup page');
  const { authHeader } = await import('../support/http.js');
  const events = await (await fetch(`http://127.0.0.1:${port}/api/events`, { headers: authHeader(app.store) })).json() as { id: string }[];
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

t.test('PUBLIC_URL is read without its trailing slash, and one that is not an http or https address is refused', async (t) => {
  t.equal(serverConfig({ PUBLIC_URL: 'https://taller.example.org/' }).publicUrl, 'https://taller.example.org');
  t.equal(serverConfig({}).publicUrl, undefined);
  t.throws(() => serverConfig({ PUBLIC_URL: 'taller.example.org' }), /PUBLIC_URL must be the address people open this server at/);
  t.throws(() => serverConfig({ PUBLIC_URL: 'ftp://taller.example.org' }), /PUBLIC_URL must start with https:\/\/ or http:\/\//);
});

t.test('TRUST_PROXY trusts no proxy unless set to true, a number of proxies or their addresses', async (t) => {
  t.equal(serverConfig({}).trustProxy, false);
  t.equal(serverConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
  t.equal(serverConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
  t.equal(serverConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy, '127.0.0.1, 10.0.0.0/8');
  t.throws(() => serverConfig({ TRUST_PROXY: 'yes please' }), /TRUST_PROXY must be true, a number of proxies, or proxy addresses/);
});

t.test('a server started with PUBLIC_URL makes links to it', async (t) => {
  const app = await startServer({
    ...serverConfig({ PUBLIC_URL: 'https://taller.example.org', TALLER_DEMO: '1' }), port: 0, host: '0.0.0.0', database: join(tempDir(t), 'taller.sqlite'),
  });
  t.teardown(() => app.close());
  const { authHeader } = await import('../support/http.js');
  const { port } = app.server.address() as { port: number };
  const res = await fetch(`http://127.0.0.1:${port}/api/events/fresno-2027-05-22/volunteers/V001/calendar-link`, {
    method: 'POST', headers: authHeader(app.store),
  });
  t.equal(res.status, 201);
  t.match(((await res.json()) as { url: string }).url, /^https:\/\/taller\.example\.org\/calendars\//);
});
