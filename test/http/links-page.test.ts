// The coordinators' pages of personal links and answers: every person's link made (or
// replaced) and shown once, every link exported as CSV for a mail merge, and the overview of
// what people answered, the places offered on and whom the answers affect.
import t from 'tap';
import { eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { saveBundle } from '../../src/db/events.js';
import { saveResponse } from '../../src/db/responses.js';
import { applicants, auditLog, placeOffers, rosterEntries } from '../../src/db/schema.js';
import { applicantOf, checkToken, rosterEntryOf } from '../../src/db/tokens.js';
import { organizationNamed } from '../../src/db/users.js';
import { readBundle } from '../../src/bundle/index.js';
import { FRESNO, FRESNO_ID, sampleFiles, withFile } from '../support/fixtures.js';
import { authHeader } from '../support/http.js';
import { BUNDLE, BUSY, fresnoDay, linkPath, ORG, PLAN, signedIn } from '../support/links.js';

const LINKS = `/events/${FRESNO_ID}/links`;
const OVERVIEW = `/events/${FRESNO_ID}/overview`;
/** The CSV file's rows by its header, the byte-order mark dropped. */
const rowsOf = (csv: string) => parse(csv.replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];

t.test('the links page lists every volunteer and applicant, each with a button to make a link', async (t) => {
  const { app, store } = await fresnoDay(t);
  const cora = await signedIn(app, store);
  const res = await cora.get(LINKS);
  t.equal(res.statusCode, 200);
  t.match(res.body, `Volunteers: ${BUNDLE.volunteers.length}`);
  t.match(res.body, `Applicants: ${BUNDLE.applicants.length}`);
  const buttons = [...res.body.matchAll(/action="\/events\/[^/]+\/links\/(volunteer|applicant)\/([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
  t.same(buttons, [...BUNDLE.volunteers.map((v) => `volunteer ${v.id}`), ...BUNDLE.applicants.map((a) => `applicant ${a.id}`)]);
  t.ok(store.db.select().from(auditLog).all().some((r) => r.action === 'links.view'), 'each view is on the audit log');
});

t.test('the event page leads to the links page and to the overview', async (t) => {
  const { app, store } = await fresnoDay(t);
  const { body } = await (await signedIn(app, store)).get(`/events/${FRESNO_ID}`);
  t.match(body, `href="${LINKS}"`);
  t.match(body, `href="${OVERVIEW}"`);
});

t.test("a link made on the page is shown once, and opens that volunteer's own page", async (t) => {
  const { app, store } = await fresnoDay(t);
  const cora = await signedIn(app, store);
  await cora.get(LINKS);
  const made = await cora.post(`${LINKS}/volunteer/${BUSY[0]}`, {});
  t.equal(made.statusCode, 200);
  t.equal(made.headers['cache-control'], 'no-store');
  const url = /id="made-link" class="token link" readonly value="([^"]+)"/.exec(made.body)?.[1];
  t.match(url, /^http:\/\/localhost\/v\/[A-Za-z0-9_-]{43}$/);
  t.match((await app.inject({ url: new URL(url!).pathname, headers: { accept: 'text/html' } })).body, `(${BUSY[0]})`);
  const list = await cora.get(LINKS);
  t.match(list.body, new RegExp(`${BUSY[0]}</th>.*?works until`, 's'), 'the list says it works, and until when');
  t.notOk(list.body.includes(new URL(url!).pathname), 'the list never shows the link again');
});

t.test("replacing a person's link stops the earlier one", async (t) => {
  const { app, store } = await fresnoDay(t);
  const earlier = linkPath(store, BUSY[0]!);
  const cora = await signedIn(app, store);
  await cora.get(LINKS);
  const made = await cora.post(`${LINKS}/volunteer/${BUSY[0]}`, {});
  t.match(made.body, 'The earlier link stopped working.');
  t.equal((await app.inject({ url: earlier, headers: { accept: 'text/html' } })).statusCode, 404);
});

t.test("an applicant's link made on the page opens the applicant's own page, /a/TOKEN", async (t) => {
  const { app, store } = await fresnoDay(t);
  const cora = await signedIn(app, store);
  await cora.get(LINKS);
  const code = BUNDLE.applicants[0]!.id;
  const made = await cora.post(`${LINKS}/applicant/${code}`, {});
  const url = /value="(http:\/\/localhost\/a\/[^"]+)"/.exec(made.body)?.[1];
  t.ok(url, 'an /a/ link');
  const checked = checkToken(store.db, url!.split('/a/')[1]!, 'applicant', new Date().toISOString());
  t.ok('grant' in checked && applicantOf(store.db, checked.grant.applicantId!)?.code === code, "a working link of that applicant's record");
});

t.test('a viewer sees the list without buttons, and cannot make a link', async (t) => {
  const { app, store } = await fresnoDay(t);
  const viewer = await signedIn(app, store, 'viewer');
  const res = await viewer.get(LINKS);
  t.equal(res.statusCode, 200);
  t.notMatch(res.body, '/links/volunteer/');
  t.match(res.body, 'a coordinator or an admin makes the links');
  t.equal((await viewer.post(`${LINKS}/volunteer/${BUSY[0]}`, {})).statusCode, 403);
});

t.test('another organization’s coordinator finds no links page and makes no link', async (t) => {
  const { app, store } = await fresnoDay(t);
  const other = authHeader(store, { role: 'coordinator', organization: 'Otra Organización' });
  t.equal((await app.inject({ url: LINKS, headers: other })).statusCode, 404);
  t.equal((await app.inject({ method: 'POST', url: `${LINKS}/volunteer/${BUSY[0]}`, headers: other, payload: {} })).statusCode, 404);
  t.equal((await app.inject({ url: OVERVIEW, headers: other })).statusCode, 404);
});

t.test('a link for someone not in the event is refused with 404, and none is made', async (t) => {
  const { app, store } = await fresnoDay(t);
  const cora = await signedIn(app, store);
  await cora.get(LINKS);
  const res = await cora.post(`${LINKS}/volunteer/V999`, {});
  t.equal(res.statusCode, 404);
  t.match(res.body, 'There is no volunteer V999 in this event.');
});

t.test('the links CSV has a working link for every volunteer and applicant', async (t) => {
  const { app, store } = await fresnoDay(t);
  const cora = await signedIn(app, store);
  await cora.get(LINKS);
  const res = await cora.post(`${LINKS}.csv`, { scope: 'all' });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^text\/csv/);
  t.match(res.headers['content-disposition'], `attachment; filename="${FRESNO_ID}-links.csv"`);
  t.ok(res.body.startsWith('\ufeffkind,code,name,language,email,phone,url,expires\r\n'), 'the columns, for a spreadsheet');
  const rows = rowsOf(res.body);
  t.equal(rows.length, BUNDLE.volunteers.length + BUNDLE.applicants.length);
  const now = new Date().toISOString();
  for (const row of rows) {
    const url = new URL(row.url!);
    const kind = row.kind as 'volunteer' | 'applicant';
    t.equal(url.pathname.slice(0, 3), kind === 'volunteer' ? '/v/' : '/a/', `${row.code} opens their own page`);
    const checked = checkToken(store.db, url.pathname.slice(3), kind, now);
    const owner = 'grant' in checked ? (kind === 'volunteer' ? rosterEntryOf(store.db, checked.grant.rosterEntryId!) : applicantOf(store.db, checked.grant.applicantId!)) : undefined;
    if (owner?.code !== row.code) t.fail(`${row.kind} ${row.code}: not a working link of theirs`);
    t.ok(Date.parse(row.expires!) > Date.now(), `${row.code} expires later`);
  }
  const someone = rows.find((r) => r.kind === 'volunteer' && r.code === BUSY[0])!;
  const page = await app.inject({ url: new URL(someone.url!).pathname, headers: { accept: 'text/html' } });
  t.match(page.body, `(${BUSY[0]})`, 'a volunteer’s link opens their page');
  const person = BUNDLE.volunteers.find((v) => v.id === BUSY[0])!;
  t.match(someone, { name: person.name, email: person.email ?? '', language: person.languages[0] });
  const logged = store.db.select().from(auditLog).where(eq(auditLog.action, 'links.export')).all();
  t.equal(logged.length, 1, 'the export is on the audit log');
  t.notOk(logged[0]!.detail!.includes(person.name), 'by its counts, never a name');
});

t.test('a new export for everyone stops every earlier link', async (t) => {
  const { app, store } = await fresnoDay(t);
  const earlier = linkPath(store, BUSY[0]!);
  const cora = await signedIn(app, store);
  await cora.get(LINKS);
  await cora.post(`${LINKS}.csv`, { scope: 'all' });
  t.equal((await app.inject({ url: earlier, headers: { accept: 'text/html' } })).statusCode, 404);
});

t.test('an export only for those without a working link leaves the others out, and their links working', async (t) => {
  const { app, store } = await fresnoDay(t);
  const kept = linkPath(store, BUSY[0]!);
  const cora = await signedIn(app, store);
  await cora.get(LINKS);
  const rows = rowsOf((await cora.post(`${LINKS}.csv`, { scope: 'missing' })).body);
  t.equal(rows.length, BUNDLE.volunteers.length + BUNDLE.applicants.length - 1);
  t.notOk(rows.some((r) => r.code === BUSY[0]));
  t.equal((await app.inject({ url: kept, headers: { accept: 'text/html' } })).statusCode, 200);
  t.equal(rowsOf((await cora.post(`${LINKS}.csv`, { scope: 'missing' })).body).length, 0, 'a second export makes none');
});

t.test('a name a spreadsheet would run as a formula is written as text in the links CSV', async (t) => {
  const { app, store } = await fresnoDay(t);
  const files = sampleFiles(FRESNO);
  const text = Buffer.from(files['volunteers.csv']!).toString('utf8').replace(/^(V001),[^,]*,/m, '$1,"=HYPERLINK(""http://evil.example"",""x"")",');
  const read = readBundle(withFile(files, 'volunteers.csv', text));
  saveBundle(store.db, read.bundle!, 'test', organizationNamed(store.db, ORG));
  const cora = await signedIn(app, store);
  await cora.get(LINKS);
  const res = await cora.post(`${LINKS}.csv`, { scope: 'all' });
  t.match(res.body, `"'=HYPERLINK(""http://evil.example"",""x"")"`);
  t.equal(rowsOf(res.body).find((r) => r.code === 'V001')!.name, `'=HYPERLINK("http://evil.example","x")`);
});

t.test('exporting the links needs a coordinator: a viewer is refused and nothing is made', async (t) => {
  const { app, store } = await fresnoDay(t);
  const viewer = await signedIn(app, store, 'viewer');
  await viewer.get(LINKS);
  t.equal((await viewer.post(`${LINKS}.csv`, { scope: 'all' })).statusCode, 403);
  t.notOk(store.db.select().from(auditLog).all().some((r) => r.action === 'links.export'));
});

/** Answers as people give them through their links, stored directly. */
function answer(store: Awaited<ReturnType<typeof fresnoDay>>['store'], key: number, who: { volunteer?: string; applicant?: string }, said: string,
  extra: { minutesLate?: number; note?: string; at: string }) {
  const entry = who.volunteer && store.db.select({ id: rosterEntries.id }).from(rosterEntries).where(eq(rosterEntries.code, who.volunteer)).get()!.id;
  const person = who.applicant && store.db.select({ id: applicants.id }).from(applicants).where(eq(applicants.code, who.applicant)).get()!.id;
  return saveResponse(store.db, {
    eventId: key, ...(entry ? { rosterEntryId: entry } : {}), ...(person ? { applicantId: person } : {}), answer: said,
    minutesLate: extra.minutesLate ?? null, note: extra.note ?? null, tokenId: null,
  }, { actor: 'test', action: 'response.create', detail: 'test' }, extra.at);
}

t.test('the overview counts confirmed, declined and unanswered applicants and volunteers', async (t) => {
  const { app, store, key } = await fresnoDay(t);
  const [a1, a2, a3] = BUNDLE.applicants.map((a) => a.id) as [string, string, string];
  answer(store, key, { applicant: a1 }, 'coming', { at: '2027-05-01T10:00:00.000Z' });
  answer(store, key, { applicant: a2 }, 'coming', { at: '2027-05-01T10:01:00.000Z' });
  answer(store, key, { applicant: a2 }, 'releases', { at: '2027-05-02T10:00:00.000Z' });
  answer(store, key, { applicant: a3 }, 'coming', { at: '2027-05-02T11:00:00.000Z' });
  answer(store, key, { volunteer: BUSY[0] }, 'cannot_come', { at: '2027-05-03T10:00:00.000Z' });
  answer(store, key, { volunteer: BUSY[1] }, 'late', { minutesLate: 30, at: '2027-05-03T11:00:00.000Z' });
  const { body } = await (await signedIn(app, store)).get(OVERVIEW);
  const row = (label: string) => [...(new RegExp(`<th scope="row">${label}</th>((?:<td class="num">[^<]*</td>){3})`).exec(body)?.[1] ?? '').matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
  t.same(row('Applicants'), ['2', '1', String(BUNDLE.applicants.length - 3)], 'the latest answer stands: one who came, then gave up the place, declined');
  t.same(row('Volunteers'), ['1', '1', String(BUNDLE.volunteers.length - 2)], 'late counts as confirmed');
});

t.test('the overview lists the latest answers newest first, with their notes', async (t) => {
  const { app, store, key } = await fresnoDay(t);
  answer(store, key, { volunteer: BUSY[0] }, 'late', { minutesLate: 15, note: 'Bus <late>', at: '2027-05-03T10:00:00.000Z' });
  answer(store, key, { applicant: BUNDLE.applicants[0]!.id }, 'releases', { note: 'Found a lawyer', at: '2027-05-04T10:00:00.000Z' });
  const { body } = await (await signedIn(app, store)).get(OVERVIEW);
  t.ok(body.indexOf('Found a lawyer') < body.indexOf('Bus &lt;late&gt;'), 'newest first, notes escaped');
  t.match(body, '15 minutes late');
  t.match(body, 'gives up their place');
  t.match(body, `Applicant ${BUNDLE.applicants[0]!.id}: ${BUNDLE.applicants[0]!.name}`);
  t.ok(store.db.select().from(auditLog).all().some((r) => r.action === 'overview.view'), 'each view is on the audit log');
});

t.test('the overview shows the places offered on, with their status, to read only', async (t) => {
  const { app, store, key } = await fresnoDay(t);
  const code = (i: number) => BUNDLE.applicants[i]!.id;
  const id = (c: string) => store.db.select({ id: applicants.id }).from(applicants).where(eq(applicants.code, c)).get()!.id;
  store.db.insert(placeOffers).values([
    { eventId: key, releasedBy: id(code(0)), offeredTo: id(code(1)), planVersion: 1, status: 'declined', createdAt: '2027-05-01T10:00:00.000Z', answeredAt: '2027-05-01T12:00:00.000Z' },
    { eventId: key, releasedBy: id(code(0)), offeredTo: id(code(2)), planVersion: 1, status: 'offered', createdAt: '2027-05-02T10:00:00.000Z' },
  ]).run();
  const { body } = await (await signedIn(app, store)).get(OVERVIEW);
  const offers = body.slice(body.indexOf('id="offers"'));
  t.match(offers, new RegExp(`${code(2)}</th><td class="code" data-label="Given up by">${code(0)}</td>.*?offered`, 's'));
  t.match(offers, new RegExp(`${code(1)}</th>.*?declined`, 's'));
  t.ok(offers.indexOf(code(2)) < offers.indexOf(code(1)), 'newest first');
  t.notMatch(offers, '<form', 'nothing to act on here');
});

t.test('the overview names the published people an answer affects', async (t) => {
  const { app, store, key } = await fresnoDay(t);
  answer(store, key, { volunteer: BUSY[0] }, 'cannot_come', { at: '2027-05-03T10:00:00.000Z' });
  const { body } = await (await signedIn(app, store)).get(OVERVIEW);
  const affected = body.slice(body.indexOf('id="affected"'), body.indexOf('id="offers"'));
  t.match(affected, 'published version 1');
  const theirs = [...new Set(PLAN.scheduled.filter((s) => s.visits.some((v) => v.volunteer === BUSY[0] || v.interpreter === BUSY[0])).map((s) => s.applicant))];
  for (const code of theirs) t.match(affected, `<span class="code">${code}</span>`, `${code} to tell`);
  t.match(affected, new RegExp(`Volunteers whose day changes: <span class="code">${BUSY[0]}</span>`));
  t.match(affected, `npx taller plan --event ${FRESNO_ID}`);
});

t.test('before anything is published, the overview says no one holds a day to change', async (t) => {
  const { app, store, key } = await fresnoDay(t, { publish: false });
  answer(store, key, { volunteer: BUSY[0] }, 'cannot_come', { at: '2027-05-03T10:00:00.000Z' });
  t.match((await (await signedIn(app, store)).get(OVERVIEW)).body, 'No version is published yet');
});

t.test('the overview and the links page come in Spanish for a coordinator whose browser asks for it', async (t) => {
  const { app, store, key } = await fresnoDay(t);
  answer(store, key, { volunteer: BUSY[0] }, 'late', { minutesLate: 1, at: '2027-05-03T10:00:00.000Z' });
  const cora = await signedIn(app, store, 'coordinator', { 'accept-language': 'es-US,es;q=0.9' });
  const overview = (await cora.get(OVERVIEW)).body;
  t.match(overview, '<html lang="es">');
  t.match(overview, 'Quiénes han respondido');
  t.match(overview, '1 minuto tarde');
  t.match(overview, 'Confirmados');
  const links = (await cora.get(LINKS)).body;
  t.match(links, 'Enlaces personales');
  t.match(links, 'Crear enlace');
  t.match(links, 'Exportar el archivo CSV');
});
