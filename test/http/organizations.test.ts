// The organizations page (admins): adding and changing a partner organization through its forms
// (with their form tokens), what it lists of each (DOJ recognition, county, workshops, accounts,
// and the accredited representatives and attorneys the rosters bring), and the refusals: another
// role, a name taken in any case, a date that is not one.
import t from 'tap';
import type { Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { saveBundle } from '../../src/db/events.js';
import { purgeEvent } from '../../src/db/purge.js';
import { auditLog, events, organizations } from '../../src/db/schema.js';
import { organizationNamed } from '../../src/db/users.js';
import type { Bundle } from '../../src/domain/index.js';
import { addAccount } from '../../src/services/users.js';
import { FRESNO, MADERA, MERCED, sampleBundle, tempDatabase } from '../support/fixtures.js';
import { build, Visitor } from '../support/http.js';

const PASSWORD = 'correct horse battery staple';

async function signedIn(t: Test, role: 'admin' | 'coordinator' = 'admin') {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  const email = `${role}@example.org`;
  const made = await addAccount(store.db, { email, name: `Ana ${role}`, role, organization: 'Casa Legal', password: PASSWORD }, 'test');
  if (!made.ok) throw new Error(`no ${role}`);
  const visitor = await signIn(app, email);
  return { app, store, visitor };
}

async function signIn(app: FastifyInstance, email: string) {
  const visitor = new Visitor(app);
  await visitor.get('/sign-in');
  await visitor.post('/sign-in', { email, password: PASSWORD, next: '/' });
  return visitor;
}

/** The row of one organization on the page, its cells' text by column. */
function rowOf(body: string, name: string): string[] {
  const row = [...body.matchAll(/<tr>\s*<th scope="row">([^<]*)<\/th>([\s\S]*?)<\/tr>/g)].find((m) => m[1] === name);
  if (!row) return [];
  return [row[1]!, ...[...row[2]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim())];
}

t.test('an admin adds an organization, DOJ-recognized until a date, and sees it listed with its recognition and county', async (t) => {
  const { store, visitor } = await signedIn(t);
  const page = await visitor.get('/admin/organizations');
  t.equal(page.statusCode, 200);
  t.match(page.body, '<h1>Organizations</h1>');
  t.match(page.body, 'href="/admin/organizations">Organizations</a>', 'the admin navigation links the page');
  const added = await visitor.post('/admin/organizations', {
    name: '  Catholic Charities   Diocese of Fresno ', doj_recognized: 'yes', recognized_until: '2028-06-30', county: 'Fresno',
  });
  t.equal(added.statusCode, 303);
  const listed = await visitor.get(added.headers.location as string);
  t.match(listed.body, 'Catholic Charities Diocese of Fresno is saved.');
  t.same(rowOf(listed.body, 'Catholic Charities Diocese of Fresno').slice(0, 3),
    ['Catholic Charities Diocese of Fresno', 'Recognized until June 30, 2028', 'Fresno']);
  t.same(rowOf(listed.body, 'Casa Legal').slice(0, 3), ['Casa Legal', 'Not recognized', '—'], 'the organization the admin account came with');
  const kept = store.db.select().from(organizations).where(eq(organizations.name, 'Catholic Charities Diocese of Fresno')).get()!;
  t.same([kept.dojRecognized, kept.recognizedUntil, kept.county], [true, '2028-06-30', 'Fresno']);
  const logged = store.db.select().from(auditLog).where(eq(auditLog.action, 'organization.add')).all();
  t.same(logged.map((l) => l.detail), [`organization ${kept.id}, DOJ-recognized until 2028-06-30`]);
});

t.test('an admin changes an organization: its recognition ends, its county changes, and the change is logged', async (t) => {
  const { store, visitor } = await signedIn(t);
  const id = organizationNamed(store.db, 'Casa Legal');
  const form = await visitor.get(`/admin/organizations?edit=${id}`);
  t.match(form.body, '<h2 id="edit-heading">Change Casa Legal</h2>');
  const changed = await visitor.post(`/admin/organizations/${id}`, { name: 'Casa Legal', doj_recognized: 'yes', recognized_until: '2020-01-31', county: 'Madera' });
  t.equal(changed.statusCode, 303);
  const listed = await visitor.get('/admin/organizations');
  t.same(rowOf(listed.body, 'Casa Legal').slice(1, 3), ['Recognition ended January 31, 2020', 'Madera']);
  const logged = store.db.select().from(auditLog).where(eq(auditLog.action, 'organization.edit')).all();
  t.same(logged.map((l) => l.detail), [`organization ${id}: DOJ-recognized until 2020-01-31, county`]);
});

t.test('a coordinator is refused the page and its forms, and nothing changes', async (t) => {
  const { store, visitor } = await signedIn(t, 'coordinator');
  t.equal((await visitor.get('/admin/organizations')).statusCode, 403);
  t.notMatch((await visitor.get('/')).body, 'href="/admin/organizations"', 'no link to it either');
  const before = store.db.select().from(organizations).all();
  const refused = await visitor.post('/admin/organizations', { name: 'Nueva Organización' });
  t.equal(refused.statusCode, 403);
  t.equal((await visitor.post(`/admin/organizations/${before[0]!.id}`, { name: 'Renamed' })).statusCode, 403);
  t.same(store.db.select().from(organizations).all(), before);
});

t.test('a name another organization has, in any case or spacing, is refused naming the field, keeping what was typed, and changes nothing', async (t) => {
  const { store, visitor } = await signedIn(t);
  await visitor.get('/admin/organizations');
  const before = store.db.select().from(organizations).all();
  const refused = await visitor.post('/admin/organizations', { name: 'casa  LEGAL', doj_recognized: 'yes', county: 'Merced' });
  t.equal(refused.statusCode, 400);
  t.match(refused.body, '<a href="#name">An organization named Casa Legal exists already.</a>');
  t.match(refused.body, /<input id="name" name="name" required maxlength="200" value="casa  LEGAL" aria-invalid="true" aria-describedby="name-problem">/);
  t.match(refused.body, /id="doj_recognized" name="doj_recognized" type="checkbox" value="yes" checked>/, 'the box stays ticked');
  t.match(refused.body, 'value="Merced"');
  t.same(store.db.select().from(organizations).all(), before);
  t.equal(store.db.select().from(auditLog).where(eq(auditLog.action, 'organization.add')).all().length, 0);

  // Renaming one to another's name is refused the same way, at the change form's field.
  await visitor.post('/admin/organizations', { name: 'Otra Organización' });
  const other = store.db.select().from(organizations).where(eq(organizations.name, 'Otra Organización')).get()!;
  const rename = await visitor.post(`/admin/organizations/${other.id}`, { name: 'CASA LEGAL' });
  t.equal(rename.statusCode, 400);
  t.match(rename.body, '<a href="#edit-name">An organization named Casa Legal exists already.</a>');
  t.match(rename.body, /id="edit-name" name="name" required maxlength="200" value="CASA LEGAL" aria-invalid="true"/);
  t.equal(store.db.select().from(organizations).where(eq(organizations.id, other.id)).get()!.name, 'Otra Organización');
});

t.test('an impossible date is refused naming the field, in English and in Spanish', async (t) => {
  const { store, visitor } = await signedIn(t);
  await visitor.get('/admin/organizations');
  const before = store.db.select().from(organizations).all();
  for (const date of ['2027-02-30', '2027-13-01', 'next June']) {
    const refused = await visitor.post('/admin/organizations', { name: 'Centro Legal', doj_recognized: 'yes', recognized_until: date });
    t.equal(refused.statusCode, 400, date);
    t.match(refused.body, '<a href="#recognized_until">Write a real date, like 2028-06-30.</a>', date);
    t.match(refused.body, `value="${date}" aria-invalid="true"`, `${date} is kept`);
  }
  const unrecognized = await visitor.post('/admin/organizations', { name: 'Centro Legal', recognized_until: '2028-01-01' });
  t.match(unrecognized.body, '<a href="#recognized_until">Tick “DOJ-recognized”, or leave the end of the recognition empty.</a>');
  const spanish = new Visitor(visitor['app' as keyof Visitor] as unknown as FastifyInstance, { 'accept-language': 'es' });
  for (const [k, v] of visitor.cookies) spanish.cookies.set(k, v);
  await spanish.get('/admin/organizations');
  const enEspañol = await spanish.post('/admin/organizations', { name: 'Centro Legal', doj_recognized: 'yes', recognized_until: '2027-02-29' });
  t.match(enEspañol.body, '<h1>Organizaciones</h1>');
  t.match(enEspañol.body, 'Escriba una fecha real, como 2028-06-30.');
  t.same(store.db.select().from(organizations).all(), before, 'nothing was added');
});

t.test('a form without its token changes nothing', async (t) => {
  const { store, visitor } = await signedIn(t);
  await visitor.get('/admin/organizations');
  const refused = await visitor.post('/admin/organizations', { name: 'Sin Token' }, { token: false });
  t.equal(refused.statusCode, 403);
  t.equal(store.db.select().from(organizations).where(eq(organizations.name, 'Sin Token')).get(), undefined);
});

t.test('an organization that is not there: its change form and its change answer 404', async (t) => {
  const { visitor } = await signedIn(t);
  await visitor.get('/admin/organizations');
  t.equal((await visitor.get('/admin/organizations?edit=999')).statusCode, 404);
  const res = await visitor.post('/admin/organizations/999', { name: 'Nadie' });
  t.equal(res.statusCode, 404);
  t.match(res.body, 'There is no such organization.');
});

t.test('the accredited representatives and attorneys an organization brings are counted from the rosters, each person once', async (t) => {
  const { store, visitor } = await signedIn(t);
  const owner = organizationNamed(store.db, 'Casa Legal');
  const [merced, fresno, madera] = [sampleBundle(MERCED), sampleBundle(FRESNO), sampleBundle(MADERA)] as [Bundle, Bundle, Bundle];
  // Fresno's attorneys come from Casa Legal, written three ways; its first attorney is on Madera's roster too (the same e-mail), again for Casa Legal.
  const attorneys = fresno.volunteers.filter((v) => v.role === 'attorney');
  const casa = ['Casa Legal', 'casa legal', ' Casa  Legal '];
  const fresnoCasa: Bundle = { ...fresno, volunteers: fresno.volunteers.map((v) => (v.role === 'attorney' ? { ...v, org: casa[attorneys.indexOf(v) % 3] } : v)) };
  const shared = attorneys.find((v) => v.email)!;
  const maderaShared: Bundle = { ...madera, volunteers: [...madera.volunteers, { ...shared, id: 'V900', org: 'Casa Legal' }] };
  for (const b of [merced, fresnoCasa, maderaShared]) saveBundle(store.db, b, 'test', owner);
  const page = (await visitor.get('/admin/organizations')).body;
  t.same(rowOf(page, 'Casa Legal').slice(3), ['3', '1', '0', String(attorneys.length), 'Change Casa Legal'], 'three workshops, one account, no rep, each attorney once');
  // The samples' accredited representatives name their recognized organizations, which the host lists made.
  const cviic = 'Central Valley Immigrant Integration Collaborative';
  const reps = new Set([...merced.volunteers, ...madera.volunteers].filter((v) => v.role === 'accredited_rep' && v.org === cviic).map((v) => v.email ?? v.name));
  t.equal(rowOf(page, cviic)[5], String(reps.size), `${cviic}'s accredited representatives`);
});

t.test('a new name shows on the workshops the organization hosts at once, and a purged workshop stays purged', async (t) => {
  const { store, visitor } = await signedIn(t);
  const fresno = sampleBundle(FRESNO);
  const host = fresno.event.hostOrgs[0]!;
  const { eventId } = saveBundle(store.db, fresno, 'test', null);
  purgeEvent(store.db, eventId, 'test', '2027-06-30T00:00:00Z');
  const seen = await visitor.get(`/events/${fresno.event.id}`);
  t.match(seen.body, host);
  const id = store.db.select().from(organizations).where(eq(organizations.name, host)).get()!.id;
  await visitor.get('/admin/organizations');
  t.equal((await visitor.post(`/admin/organizations/${id}`, { name: `${host} (CVIIC)` })).statusCode, 303);
  t.match((await visitor.get(`/events/${fresno.event.id}`)).body, `${host} (CVIIC)`, 'the kept page is made again');
  t.not(store.db.select().from(events).where(eq(events.id, eventId)).get()!.purgedAt, null, 'still purged');
  t.same(store.db.select().from(auditLog).where(eq(auditLog.action, 'organization.edit')).all().map((l) => l.detail), [`organization ${id}: name`]);
});
