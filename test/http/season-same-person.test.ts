// One person, two records: the pool page shows records that may be one person (the same name or
// phone, never two different e-mails), a coordinator confirms it, and from then on they are one
// person, whose two bookings on one day the season calendar flags. Through HTTP on a real SQLite file.
import t from 'tap';
import type { Test } from 'tap';
import { saveBundle } from '../../src/db/events.js';
import { auditLog, volunteers } from '../../src/db/schema.js';
import { organizationNamed } from '../../src/db/users.js';
import type { Bundle } from '../../src/domain/index.js';
import { FRESNO, sampleBundle, tempDatabase } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';

const ORG = 'Casa Legal';
const html = { accept: 'text/html' };
const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...html },
});

/**
 * The Fresno workshop, and one the same day in Merced whose roster has Rosa Díaz (no e-mail) and
 * Tomás Ruiz (another e-mail); at Fresno they are "Rosa Diaz" with an e-mail and Tomás Ruiz with his own.
 */
async function twoRecords(t: Test) {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  const org = organizationNamed(store.db, ORG);
  const fresno = sampleBundle(FRESNO);
  const rosa = { ...fresno.volunteers[0]!, name: 'Rosa Diaz', email: 'rosa@example.org' };
  const tomas = { ...fresno.volunteers[1]!, name: 'Tomás Ruiz', email: 'tomas@example.org' };
  const first: Bundle = { ...fresno, volunteers: [rosa, tomas, ...fresno.volunteers.slice(2)] };
  const second: Bundle = {
    ...fresno,
    event: { ...fresno.event, id: 'merced-2027-05-22', site: { name: 'Merced hall', address: '1 Main St, Merced', county: 'Merced' } },
    volunteers: [{ ...rosa, id: 'M01', name: 'Rosa  Díaz', email: undefined }, { ...tomas, id: 'M02', email: 'truiz@example.org' }],
  };
  saveBundle(store.db, first, 'test', org);
  saveBundle(store.db, second, 'test', org);
  const recordOf = (email: string | null, name: string) => store.db.select().from(volunteers).all().find((v) => v.name === name && v.email === email)!.id;
  return {
    app, store, coordinator: authHeader(store, { role: 'coordinator', organization: ORG }),
    rosa: { kept: recordOf('rosa@example.org', 'Rosa Diaz'), other: recordOf(null, 'Rosa  Díaz') },
    tomas: { kept: recordOf('tomas@example.org', 'Tomás Ruiz'), other: recordOf('truiz@example.org', 'Tomás Ruiz') },
  };
}

t.test('the pool page shows two records of one name as possibly one person, and not two with different e-mails', async (t) => {
  const { app, coordinator } = await twoRecords(t);
  const page = await app.inject({ url: '/season/pool', headers: { ...coordinator, ...html } });
  t.equal(page.statusCode, 200);
  const section = page.body.slice(page.body.indexOf('Possibly the same person'));
  t.match(section, /<strong>Rosa Diaz<\/strong> \(rosa@example\.org[^)]*\).*V001 at/s);
  t.match(section, /<strong>Rosa  Díaz<\/strong>.*M01 at/s);
  t.match(section, 'same name');
  t.notMatch(section, 'Tomás Ruiz', 'two different e-mails are two people');
});

t.test('confirming one person makes one record, and the season calendar then flags their two bookings that day', async (t) => {
  const { app, store, coordinator, rosa } = await twoRecords(t);
  const before = await app.inject({ url: '/season', headers: { ...coordinator, ...html } });
  t.notMatch(before.body, /M01 at/, 'two people: no conflict yet');
  const res = await app.inject({ method: 'POST', url: '/season/pool/same', ...form({ kept: String(rosa.kept), other: String(rosa.other) }), headers: { ...coordinator, ...form({}).headers } });
  t.equal(res.statusCode, 303);
  t.equal(res.headers.location, '/season/pool?same=merged');
  t.notOk(store.db.select().from(volunteers).all().some((v) => v.id === rosa.other), 'the other record is gone');
  const pool = await app.inject({ url: '/season/pool?same=merged', headers: { ...coordinator, ...html } });
  t.match(pool.body, 'Done: they are one person now.');
  t.notMatch(pool.body, /<strong>Rosa  Díaz<\/strong>/);
  const after = await app.inject({ url: '/season', headers: { ...coordinator, ...html } });
  t.match(after.body, /M01 at .*V001 at|V001 at .*M01 at/s, 'one person at two workshops at once');
  t.ok(store.db.select().from(auditLog).all().some((r) => r.action === 'pool.same_person'));
});

t.test('two records with different e-mails are refused as one person, and nothing changes', async (t) => {
  const { app, store, coordinator, tomas } = await twoRecords(t);
  const count = store.db.select().from(volunteers).all().length;
  const res = await app.inject({ method: 'POST', url: '/season/pool/same', ...form({ kept: String(tomas.kept), other: String(tomas.other) }), headers: { ...coordinator, ...form({}).headers } });
  t.equal(res.headers.location, '/season/pool?same=two_emails');
  t.equal(store.db.select().from(volunteers).all().length, count);
});

t.test("another organization's coordinator cannot join these records; a viewer is not asked and may not", async (t) => {
  const { app, store, rosa } = await twoRecords(t);
  const other = authHeader(store, { role: 'coordinator', organization: 'Otra Organización' });
  const res = await app.inject({ method: 'POST', url: '/season/pool/same', ...form({ kept: String(rosa.kept), other: String(rosa.other) }), headers: { ...other, ...form({}).headers } });
  t.equal(res.headers.location, '/season/pool?same=not_found');
  t.ok(store.db.select().from(volunteers).all().some((v) => v.id === rosa.other));
  const viewer = authHeader(store, { role: 'viewer', organization: ORG });
  const page = await app.inject({ url: '/season/pool', headers: { ...viewer, ...html } });
  t.notMatch(page.body, 'Possibly the same person');
  const post = await app.inject({ method: 'POST', url: '/season/pool/same', ...form({ kept: String(rosa.kept), other: String(rosa.other) }), headers: { ...viewer, ...form({}).headers } });
  t.equal(post.statusCode, 403);
});
