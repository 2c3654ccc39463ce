// Accounts in the browser: the first start's setup page, signing in and out, form tokens,
// sessions, each account's tokens, and what admins run.
import t from 'tap';
import type { Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { auditLog, sessions, users } from '../../src/db/schema.js';
import { addAccount } from '../../src/services/users.js';
import type { OpenDatabase } from '../../src/db/index.js';
import { tempDatabase } from '../support/fixtures.js';
import { build, Visitor } from '../support/http.js';

const PASSWORD = 'correct horse battery staple';

async function withAdmin(t: Test, options: Parameters<typeof build>[2] = {}) {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false, ...options });
  const made = await addAccount(store.db, { email: 'ana@example.org', name: 'Ana Admin', role: 'admin', password: PASSWORD }, 'test');
  if (!made.ok) throw new Error('no admin');
  return { app, store };
}

async function signedIn(app: FastifyInstance, email = 'ana@example.org', password = PASSWORD) {
  const visitor = new Visitor(app);
  await visitor.get('/sign-in');
  const res = await visitor.post('/sign-in', { email, password, next: '/' });
  return { visitor, res };
}

const actions = (store: OpenDatabase) => store.db.select({ action: auditLog.action, actor: auditLog.actor, detail: auditLog.detail }).from(auditLog).all();

t.test('on the first start every page leads to the setup page, which makes the first admin and signs them in', async (t) => {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  const visitor = new Visitor(app);
  const home = await visitor.get('/');
  t.equal(home.statusCode, 303);
  t.equal(home.headers.location, '/sign-in?next=%2F');
  const signIn = await visitor.get('/sign-in');
  t.equal(signIn.headers.location, '/setup');
  const setup = await visitor.get('/setup');
  t.equal(setup.statusCode, 200);
  t.match(setup.body, 'Make the admin account');
  const made = await visitor.post('/setup', { name: 'Ana Admin', email: 'Ana@Example.org', organization: 'Casa Legal', password: PASSWORD, confirm: PASSWORD });
  t.equal(made.statusCode, 303);
  t.equal(made.headers.location, '/');
  const after = await visitor.get('/');
  t.equal(after.statusCode, 200);
  t.match(after.body, 'Ana Admin');
  const row = store.db.select().from(users).get()!;
  t.equal(row.email, 'ana@example.org', 'the address is kept lower-case');
  t.equal(row.role, 'admin');
  t.match(row.passwordHash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/, 'the password is hashed with argon2id');
});

t.test('the setup page is gone once there is an account', async (t) => {
  const { app } = await withAdmin(t);
  t.equal((await app.inject({ url: '/setup', headers: { accept: 'text/html' } })).statusCode, 404);
  const visitor = new Visitor(app);
  await visitor.get('/sign-in');
  const res = await visitor.post('/setup', { name: 'Mallory', email: 'm@example.org', password: PASSWORD, confirm: PASSWORD });
  t.equal(res.statusCode, 404);
});

t.test('the setup page names each field that is wrong and keeps what was typed', async (t) => {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  const visitor = new Visitor(app);
  await visitor.get('/setup');
  const res = await visitor.post('/setup', { name: 'Ana', email: 'not-an-address', password: 'short', confirm: 'other' });
  t.equal(res.statusCode, 400);
  t.match(res.body, '<a href="#email">Write an e-mail address');
  t.match(res.body, '<a href="#confirm">The two passwords differ');
  t.match(res.body, 'value="not-an-address"');
  t.match(res.body, /id="email"[^>]*aria-invalid="true"/);
});

t.test('signing in sets an httpOnly, SameSite=Lax session cookie, new at each sign-in, and returns to the page asked for', async (t) => {
  const { app, store } = await withAdmin(t);
  const visitor = new Visitor(app);
  await visitor.get('/sign-in?next=/admin/audit');
  t.match(visitor.csrf, /.+/);
  const res = await visitor.post('/sign-in', { email: 'ana@example.org', password: PASSWORD, next: '/admin/audit' });
  t.equal(res.statusCode, 303);
  t.equal(res.headers.location, '/admin/audit');
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] as string[]).find((c) => c.startsWith('taller_session='))!;
  t.match(cookie, /HttpOnly/);
  t.match(cookie, /SameSite=Lax/);
  t.notMatch(cookie, /Secure/, 'not Secure over plain http');
  const first = visitor.cookies.get('taller_session');
  await visitor.post('/sign-out', {});
  await visitor.get('/sign-in');
  await visitor.post('/sign-in', { email: 'ana@example.org', password: PASSWORD, next: '/' });
  t.not(visitor.cookies.get('taller_session'), first, 'a new session id');
  const stored = store.db.select({ id: sessions.id }).from(sessions).all();
  t.ok(stored.every((s) => !(first ?? '').includes(s.id)), 'sessions are stored by a hash, never by the cookie’s id');
});

t.test('behind a TLS proxy the session cookie is Secure', async (t) => {
  const { app } = await withAdmin(t, { trustProxy: true });
  const visitor = new Visitor(app, { 'x-forwarded-proto': 'https' });
  await visitor.get('/sign-in');
  const res = await visitor.post('/sign-in', { email: 'ana@example.org', password: PASSWORD });
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] as string[]).find((c) => c.startsWith('taller_session='))!;
  t.match(cookie, /Secure/);
});

t.test('a wrong password, an unknown address and a switched-off account get the same answer, each on the audit log', async (t) => {
  const { app, store } = await withAdmin(t);
  const off = await addAccount(store.db, { email: 'off@example.org', name: 'Off', role: 'viewer', organization: 'Casa Legal', password: PASSWORD }, 'test');
  store.db.update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.id, (off as { id: number }).id)).run();
  const answers = [];
  for (const [email, password] of [['ana@example.org', 'wrong password here'], ['nobody@example.org', PASSWORD], ['off@example.org', PASSWORD]] as const) {
    const { res } = await signedIn(app, email, password);
    answers.push([res.statusCode, /do not match an account/.test(res.body)]);
  }
  t.same(answers, [[401, true], [401, true], [401, true]]);
  const failed = actions(store).filter((a) => a.action === 'user.sign_in_failed').map((a) => a.detail);
  t.same(failed, ['user 1, wrong password', 'no such account', 'user 2, account disabled']);
  t.notOk(JSON.stringify(actions(store)).includes('wrong password here'), 'never the password typed');
});

t.test('sign-in attempts are limited per address, with a sentence saying when to try again', async (t) => {
  const { app } = await withAdmin(t, { rateLimits: { signIns: 3 } });
  const visitor = new Visitor(app);
  await visitor.get('/sign-in');
  const codes = [];
  for (let i = 0; i < 4; i++) codes.push((await visitor.post('/sign-in', { email: 'ana@example.org', password: 'not it at all' })).statusCode);
  t.same(codes, [401, 401, 401, 429]);
  const last = await visitor.post('/sign-in', { email: 'ana@example.org', password: PASSWORD });
  t.equal(last.statusCode, 429, 'even the right password waits');
  t.match(last.body, /Too many sign-in attempts from this address\. Try again in \d+ seconds?\./);
  t.match(last.headers['retry-after'], /^\d+$/);
});

t.test('a form sent without its token, or with another’s, changes nothing and says why', async (t) => {
  const { app, store } = await withAdmin(t);
  const { visitor } = await signedIn(app);
  await visitor.get('/account');
  const before = store.db.select().from(auditLog).all().length;
  const none = await visitor.post('/account/tokens', { name: 'script', scope: 'read' }, { token: false });
  t.equal(none.statusCode, 403);
  t.match(none.body, 'This form has expired, or was not sent from this site');
  const forged = await visitor.post('/account/tokens', { name: 'script', scope: 'read', _csrf: 'forged-token' }, { token: false });
  t.equal(forged.statusCode, 403);
  t.equal(store.db.select().from(auditLog).all().length, before, 'no token was made');
});

t.test('signing out ends the session: its cookie opens nothing afterwards', async (t) => {
  const { app } = await withAdmin(t);
  const { visitor } = await signedIn(app);
  const kept = visitor.cookies.get('taller_session')!;
  t.equal((await visitor.get('/account')).statusCode, 200);
  await visitor.post('/sign-out', {});
  const replay = await app.inject({ url: '/account', headers: { accept: 'text/html', cookie: `taller_session=${kept}` } });
  t.equal(replay.statusCode, 303);
  t.match(replay.headers.location, /^\/sign-in/);
});

t.test('a visit keeps a session alive, renewing its stored lifetime at most once in ten minutes', async (t) => {
  const { app, store } = await withAdmin(t);
  const { visitor } = await signedIn(app);
  const stored = () => store.db.select({ data: sessions.data, expiresAt: sessions.expiresAt }).from(sessions).get()!;
  await visitor.get('/account');
  const renewed = stored();
  t.ok(Date.parse(renewed.expiresAt) > Date.now() + 11 * 3_600_000, 'lasts a day of work from the visit');
  for (let i = 0; i < 5; i++) t.equal((await visitor.get('/account')).statusCode, 200);
  t.same(stored(), renewed, 'views within ten minutes leave the stored session as it was');
  // Eleven minutes on: the last renewal is moved back, as the clock would have moved on, and its lifetime shortened.
  const data = JSON.parse(renewed.data) as { renewedAt: number };
  data.renewedAt -= 11 * 60_000;
  const earlier = new Date(Date.parse(renewed.expiresAt) - 11 * 60_000).toISOString();
  store.db.update(sessions).set({ data: JSON.stringify(data), expiresAt: earlier }).run();
  t.equal((await visitor.get('/account')).statusCode, 200);
  t.ok(stored().expiresAt > earlier, 'the next view renews the lifetime');
});

t.test('an account makes a named read token on its page, sees it once, uses it, and revokes it', async (t) => {
  const { app, store } = await withAdmin(t);
  const { visitor } = await signedIn(app);
  await visitor.get('/account');
  const made = await visitor.post('/account/tokens', { name: 'mail merge', scope: 'read' });
  t.equal(made.statusCode, 201);
  const token = /id="made-token" class="token" readonly value="([^"]+)"/.exec(made.body)![1]!;
  t.ok(token.length >= 43);
  const auth = { authorization: `Bearer ${token}` };
  t.equal((await app.inject({ url: '/api/events', headers: auth })).statusCode, 200, 'it reads');
  const write = await app.inject({ method: 'POST', url: '/api/events/import', headers: auth });
  t.equal(write.statusCode, 403, 'it may not change');
  const listed = await visitor.get('/account');
  t.notMatch(listed.body, token, 'never shown again');
  t.match(listed.body, 'mail merge');
  const id = /action="\/account\/tokens\/(\d+)\/revoke"/.exec(listed.body)![1];
  t.equal((await visitor.post(`/account/tokens/${id}/revoke`, {})).statusCode, 303);
  t.equal((await app.inject({ url: '/api/events', headers: auth })).statusCode, 401, 'revoked: it opens nothing');
  t.ok(actions(store).some((a) => a.action === 'token.revoke' && a.detail === `api token ${id}`));
});

t.test('a viewer may make read tokens only', async (t) => {
  const { app, store } = await withAdmin(t);
  await addAccount(store.db, { email: 'vic@example.org', name: 'Vic Viewer', role: 'viewer', organization: 'Casa Legal', password: PASSWORD }, 'test');
  const { visitor } = await signedIn(app, 'vic@example.org');
  const page = await visitor.get('/account');
  t.notMatch(page.body, 'value="write"');
  const res = await visitor.post('/account/tokens', { name: 'sneaky', scope: 'write' });
  t.equal(res.statusCode, 400);
  t.match(res.body, 'A viewer’s tokens can only read.');
});

t.test('an admin adds a coordinator, who signs in; switching them off ends their session at once', async (t) => {
  const { app } = await withAdmin(t);
  const { visitor: admin } = await signedIn(app);
  await admin.get('/admin/users');
  const added = await admin.post('/admin/users', { name: 'Carla Coordinator', email: 'carla@example.org', role: 'coordinator', organization: 'Casa Legal', password: PASSWORD });
  t.equal(added.statusCode, 201);
  t.match(added.body, 'Carla Coordinator');
  const { visitor: carla } = await signedIn(app, 'carla@example.org');
  t.equal((await carla.get('/')).statusCode, 200);
  t.equal((await carla.get('/admin/users')).statusCode, 403, 'a coordinator does not manage people');
  const page = await admin.get('/admin/users');
  const id = /action="\/admin\/users\/(\d+)"[^]*?Carla/.exec(page.body) ? /Carla Coordinator[^]*?action="\/admin\/users\/(\d+)"/.exec(page.body)![1] : undefined;
  t.ok(id);
  t.equal((await admin.post(`/admin/users/${id}`, { disabled: 'yes' })).statusCode, 303);
  const after = await carla.get('/');
  t.equal(after.statusCode, 303, 'signed out');
});

t.test('an admin cannot switch off their own account', async (t) => {
  const { app } = await withAdmin(t);
  const { visitor } = await signedIn(app);
  await visitor.get('/admin/users');
  const res = await visitor.post('/admin/users/1', { disabled: 'yes' });
  t.equal(res.statusCode, 400);
  t.match(res.body, 'You cannot switch off your own account');
});

t.test('the audit log in the browser filters by who, what and when, and shows sign-ins', async (t) => {
  const { app } = await withAdmin(t);
  await signedIn(app, 'ana@example.org', 'not the password');
  const { visitor } = await signedIn(app);
  const all = await visitor.get('/admin/audit');
  t.match(all.body, 'user.sign_in_failed');
  t.match(all.body, 'user.sign_in<');
  const failed = await visitor.get('/admin/audit?action=user.sign_in_failed');
  t.match(failed.body, '1 entry');
  const none = await visitor.get('/admin/audit?from=2000-01-01&to=2000-01-02');
  t.match(none.body, '0 entries');
  const bad = await visitor.get('/admin/audit?from=yesterday');
  t.equal(bad.statusCode, 400);
  t.match(bad.body, /from/);
});

t.test('changing one’s password ends every other session', async (t) => {
  const { app } = await withAdmin(t);
  const { visitor: laptop } = await signedIn(app);
  const { visitor: phone } = await signedIn(app);
  await laptop.get('/account');
  const NEW = 'another long passphrase';
  const res = await laptop.post('/account/password', { current: PASSWORD, password: NEW, confirm: NEW });
  t.equal(res.statusCode, 200);
  t.match(res.body, 'Your password is changed');
  t.equal((await laptop.get('/account')).statusCode, 200, 'this session goes on');
  t.equal((await phone.get('/account')).statusCode, 303, 'the other is signed out');
  t.equal((await signedIn(app, 'ana@example.org', NEW)).res.statusCode, 303, 'the new password opens it');
});

// The same pages for a browser that asks for Spanish: titles, labels and every form problem in Spanish.
const SPANISH = { 'accept-language': 'es-MX,es;q=0.9' };

async function signedInSpanish(app: FastifyInstance, email = 'ana@example.org', password = PASSWORD) {
  const visitor = new Visitor(app, SPANISH);
  await visitor.get('/sign-in');
  const res = await visitor.post('/sign-in', { email, password, next: '/' });
  return { visitor, res };
}

t.test('a browser that asks for Spanish gets the setup page in Spanish, and a password too short is said in Spanish', async (t) => {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  const visitor = new Visitor(app, SPANISH);
  const page = await visitor.get('/setup');
  t.match(page.body, '<html lang="es">');
  t.match(page.body, '<title>Configurar Taller — Taller</title>');
  t.match(page.body, '<h1>Configurar Taller</h1>');
  t.match(page.body, '<label for="password">Contraseña <span class="hint">(al menos 12 caracteres)</span></label>');
  const res = await visitor.post('/setup', { name: 'Ana', email: 'ana@example.org', password: 'corta', confirm: 'corta' });
  t.equal(res.statusCode, 400);
  t.match(res.body, '<h2>Hay 1 problema por corregir</h2>');
  t.match(res.body, '<a href="#password">Use al menos 12 caracteres: unas cuantas palabras que usted recuerde funcionan bien.</a>');
  t.match(res.body, /<span id="password-problem" class="field-problem">Use al menos 12 caracteres/);
  t.notMatch(res.body, /Please fix|Use at least/);
});

t.test('a wrong password on the sign-in page is refused in Spanish for a browser that asks for Spanish', async (t) => {
  const { app } = await withAdmin(t);
  const { visitor, res } = await signedInSpanish(app, 'ana@example.org', 'not the password');
  t.equal(res.statusCode, 401);
  t.match(res.body, '<title>Iniciar sesión — Taller</title>');
  t.match(res.body, '<h1>Iniciar sesión</h1>');
  t.match(res.body, '<div class="problem" role="alert"><p>Ese correo electrónico y esa contraseña no corresponden a ninguna cuenta que pueda iniciar sesión.</p></div>');
  t.match(res.body, '<label for="email">Correo electrónico</label>');
  t.notMatch(res.body, /do not match|E-mail address/);
  t.equal((await visitor.post('/sign-in', { email: 'ana@example.org', password: PASSWORD })).statusCode, 303, 'the right password still opens it');
});

t.test('too many sign-in attempts are told in Spanish, with when to try again', async (t) => {
  const { app } = await withAdmin(t, { rateLimits: { signIns: 1 } });
  await signedInSpanish(app, 'ana@example.org', 'not it at all');
  const { res } = await signedInSpanish(app, 'ana@example.org', 'not it at all');
  t.equal(res.statusCode, 429);
  t.match(res.body, /Demasiados intentos de iniciar sesión desde esta dirección\. Vuelva a intentarlo en \d+ segundos?\./);
});

t.test('the account page in Spanish lists the tokens and says a wrong current password in Spanish', async (t) => {
  const { app } = await withAdmin(t);
  const { visitor } = await signedInSpanish(app);
  await visitor.get('/account');
  const made = await visitor.post('/account/tokens', { name: 'combinar correspondencia', scope: 'read' });
  t.equal(made.statusCode, 201);
  t.match(made.body, '<h1>Su cuenta</h1>');
  t.match(made.body, 'Ana Admin · ana@example.org · administrador');
  t.match(made.body, 'Su nuevo token «combinar correspondencia». Cópielo ahora: solo se muestra esta vez.');
  t.match(made.body, /<th scope="row">combinar correspondencia<\/th>\s*<td>leer<\/td>/);
  t.match(made.body, '<td>activo</td>');
  t.match(made.body, '>Revocar<span class="visually-hidden"> combinar correspondencia</span>');
  const NEW = 'otra contraseña bien larga';
  const refused = await visitor.post('/account/password', { current: 'not the password', password: NEW, confirm: NEW });
  t.equal(refused.statusCode, 400);
  t.match(refused.body, '<a href="#current">Esta no es su contraseña actual.</a>');
  t.match(refused.body, '<h2>Contraseña</h2>');
});

t.test('the people page in Spanish says an address already taken in Spanish', async (t) => {
  const { app } = await withAdmin(t);
  const { visitor } = await signedInSpanish(app);
  const page = await visitor.get('/admin/users');
  t.match(page.body, '<title>Personas — Taller</title>');
  t.match(page.body, '<caption>1 cuenta</caption>');
  t.match(page.body, 'Ana Admin (usted)');
  t.match(page.body, '<option value="admin" selected>administrador</option>');
  t.match(page.body, '<option value="viewer">lector: consulta los eventos de su organización</option>');
  const res = await visitor.post('/admin/users', { name: 'Otra Ana', email: 'ana@example.org', role: 'coordinator', organization: 'Casa Legal', password: PASSWORD });
  t.equal(res.statusCode, 400);
  t.match(res.body, '<a href="#email">Ya existe una cuenta con este correo electrónico.</a>');
  const added = await visitor.post('/admin/users', { name: 'Carla', email: 'carla@example.org', role: 'coordinator', organization: 'Casa Legal', password: PASSWORD });
  t.match(added.body, 'Carla ya puede iniciar sesión con la contraseña que usted eligió');
});

t.test('the audit log in Spanish keeps its entries as logged, marked as English for screen readers', async (t) => {
  const { app } = await withAdmin(t);
  const { visitor } = await signedInSpanish(app);
  const page = await visitor.get('/admin/audit?action=user.sign_in');
  t.match(page.body, '<h1>Registro de auditoría</h1>');
  t.match(page.body, /<caption>\d+ entradas?, las? más recientes? primero<\/caption>/);
  t.match(page.body, '<th scope="col">Cuándo (UTC)</th>');
  t.match(page.body, '<td lang="en">user.sign_in</td>');
});

t.test('a browser that asks for no language gets these pages in English, as before', async (t) => {
  const { app } = await withAdmin(t);
  const visitor = new Visitor(app);
  const signIn = await visitor.get('/sign-in');
  t.match(signIn.body, '<html lang="en">');
  t.match(signIn.body, '<h1>Sign in</h1>');
  const failed = await visitor.post('/sign-in', { email: 'ana@example.org', password: 'not the password' });
  t.match(failed.body, 'That e-mail address and password do not match an account that may sign in.');
  await visitor.post('/sign-in', { email: 'ana@example.org', password: PASSWORD });
  const account = await visitor.get('/account');
  t.match(account.body, '<h1>Your account</h1>');
  t.match(account.body, 'Ana Admin · ana@example.org · admin');
  const short = await visitor.post('/account/password', { current: PASSWORD, password: 'short', confirm: 'short' });
  t.match(short.body, '<h2>Please fix 1 thing</h2>');
  t.match(short.body, '<a href="#password">Use at least 12 characters: a few words you will remember work well.</a>');
  t.match((await visitor.get('/admin/users')).body, '<caption>1 account</caption>');
  t.match((await visitor.get('/admin/audit')).body, /<caption>\d+ entr(y|ies), newest first<\/caption>/);
});

t.test('a form the server cannot read is refused in Spanish, with what was wrong after it, marked as English', async (t) => {
  const { app } = await withAdmin(t);
  const { visitor } = await signedInSpanish(app);
  const res = await visitor.get('/admin/audit?from=yesterday');
  t.equal(res.statusCode, 400);
  t.match(res.body, '<html lang="es">');
  t.match(res.body, '<h1>No se pudo hacer</h1><p>El formulario no se envió como se esperaba. Regrese y revise el formulario. No se cambió nada.</p><p lang="en">querystring.from must match pattern');
  const english = await (await signedIn(app)).visitor.get('/admin/audit?from=yesterday');
  t.match(english.body, /<h1>Not done<\/h1><p>querystring\.from must match pattern [^<]*\. Go back and check the form\. Nothing was changed\.<\/p><p><a href="\/">/);
});
