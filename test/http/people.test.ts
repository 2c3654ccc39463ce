// An event's roster and applicants in tables, and one person at a time added, changed and
// removed, as a signed-in coordinator does it in a browser: real SQLite file, real HTTP (inject),
// forms sent with their token.
import t from 'tap';
import type { Test } from 'tap';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { loadBundle, saveBundle } from '../../src/db/events.js';
import type { OpenDatabase } from '../../src/db/index.js';
import { auditLog } from '../../src/db/schema.js';
import { purgeEvent } from '../../src/db/purge.js';
import { organizationNamed } from '../../src/db/users.js';
import { plan } from '../../src/planner/index.js';
import { planEvent } from '../../src/services/plans.js';
import { addAccount } from '../../src/services/users.js';
import { problemText } from '../../src/http/people-view.js';
import { checkChange } from '../../src/services/people.js';
import type { PersonForm } from '../../src/services/people.js';
import { FRESNO, FRESNO_ID, MERCED, sampleBundle, tempDatabase } from '../support/fixtures.js';
import { authHeader, build, Visitor } from '../support/http.js';

const PASSWORD = 'correct horse battery staple';
const MERCED_ID = sampleBundle(MERCED).event.id;
const VOLUNTEERS = `/events/${FRESNO_ID}/volunteers`;
const APPLICANTS = `/events/${FRESNO_ID}/applicants`;

async function signedIn(app: FastifyInstance, email: string, headers: Record<string, string> = {}): Promise<Visitor> {
  const visitor = new Visitor(app, headers);
  await visitor.get('/sign-in');
  const res = await visitor.post('/sign-in', { email, password: PASSWORD, next: '/' });
  if (res.statusCode !== 303) throw new Error(`${email} could not sign in`);
  return visitor;
}

async function account(store: OpenDatabase, email: string, organization: string, role: 'coordinator' | 'viewer' = 'coordinator') {
  const made = await addAccount(store.db, { email, name: email.split('@')[0]!, role, organization, password: PASSWORD }, 'test');
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
}

/** A sample event run by Casa Legal, and its coordinator Cora signed in. */
async function clinic(t: Test, sample = FRESNO, headers: Record<string, string> = {}) {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  saveBundle(store.db, sampleBundle(sample), 'test', organizationNamed(store.db, 'Casa Legal'));
  await account(store, 'cora@example.org', 'Casa Legal');
  const cora = await signedIn(app, 'cora@example.org', headers);
  return { app, store, cora };
}

/** A quick plan of the stored event, stored as its next version, made in this thread. */
async function planned(store: OpenDatabase, slug = FRESNO_ID) {
  const made = await planEvent(store.db, slug, { quick: true }, 'test', (bundle, options) => plan(bundle, options));
  if (made.kind !== 'planned') throw new Error(`not planned: ${made.kind}`);
  return made.plan;
}

/** A page as a browser reads its links: Handlebars writes "=" in attributes as "&#x3D;". */
const unescaped = (html: string) => html.replace(/&#x3D;/g, '=');

/** The codes in the table's rows, in order. */
const codes = (html: string) => [...html.matchAll(/<td class="code" data-label="[^"]*">([^<]*)<\/td>/g)].map((m) => m[1]!);

/** The text of the element with this id (tags dropped, spaces collapsed). */
const textOf = (html: string, id: string) => {
  const at = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</(p|span|div)>`).exec(html);
  return at ? at[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim() : '';
};

/** A person's form as the edit page fills it, ready to send back with changes. */
function formFields(html: string): Record<string, string> {
  const form: Record<string, string> = {};
  for (const m of html.matchAll(/<input id="field-[^"]+" name="([^"]+)" type="[^"]+" value="([^"]*)"/g)) form[m[1]!] = m[2]!.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
  for (const m of html.matchAll(/<select id="field-[^"]+" name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    form[m[1]!] = /<option value="([^"]*)" selected>/.exec(m[2]!)?.[1] ?? '';
  }
  const ticked = new Map<string, string[]>();
  for (const m of html.matchAll(/<input type="checkbox" id="[^"]+" name="([^"]+)" value="([^"]+)" checked>/g)) ticked.set(m[1]!, [...(ticked.get(m[1]!) ?? []), m[2]!]);
  for (const [name, values] of ticked) form[name] = values.join(';');
  return form;
}

t.test('the roster page lists every volunteer with their role, languages, contacts and status', async (t) => {
  const { cora } = await clinic(t);
  const res = await cora.get(VOLUNTEERS);
  t.equal(res.statusCode, 200);
  t.same(codes(res.body), sampleBundle(FRESNO).volunteers.map((v) => v.id));
  t.match(res.body, '<strong>12 of 12 volunteers</strong>');
  t.match(res.body, '<caption>Volunteers, page 1 of 1</caption>');
  t.match(res.body, '<th scope="row">Sofía González Hernández</th>');
  t.match(res.body, '<a href="mailto:sofia.gonzalez.hernandez@cviic-volunteers.example.org">');
  t.match(res.body, 'No plan yet: nobody is planned.');
  t.match(res.body, '<th scope="col">Name</th>', 'header cells for screen readers');
});

t.test('the event page links to both tables', async (t) => {
  const { cora } = await clinic(t);
  const page = (await cora.get(`/events/${FRESNO_ID}`)).body;
  t.match(page, `<a href="/events/${FRESNO_ID}/volunteers">See, search and change the volunteers</a>`);
  t.match(page, `<a href="/events/${FRESNO_ID}/applicants">See, search and change the applicants</a>`);
});

t.test('each view of a table is on the audit log, with counts and never what was searched', async (t) => {
  const { cora, store } = await clinic(t);
  await cora.get(`${VOLUNTEERS}?q=gonz%C3%A1lez`);
  const rows = store.db.select().from(auditLog).where(eq(auditLog.action, 'volunteers.view')).all();
  t.equal(rows.length, 1);
  t.equal(rows[0]!.detail, 'page 1 of 1: 2 of 12');
  t.match(rows[0]!.actor, /^user:\d+$/);
});

t.test('choosing a role keeps only the volunteers of that role, and the query string keeps the choice', async (t) => {
  const { cora } = await clinic(t);
  const res = await cora.get(`${VOLUNTEERS}?role=attorney`);
  const attorneys = sampleBundle(FRESNO).volunteers.filter((v) => v.role === 'attorney').map((v) => v.id);
  t.same(codes(res.body), attorneys);
  t.match(res.body, `<strong>${attorneys.length} of 12 volunteers</strong>`);
  t.match(res.body, '<option value="attorney" selected>Attorney</option>', 'the filter shows its choice');
  t.match(unescaped(res.body), /href="\/events\/[^"]+\/volunteers\/V002\/edit\?back=role%3Dattorney"/, 'an edit link comes back to the same filter');
});

t.test('choosing a language keeps the volunteers who speak it', async (t) => {
  const { cora } = await clinic(t);
  const res = await cora.get(`${VOLUNTEERS}?language=pa`);
  t.same(codes(res.body), sampleBundle(FRESNO).volunteers.filter((v) => v.languages.includes('pa')).map((v) => v.id));
  t.ok(codes(res.body).length > 0);
});

t.test('choosing a language and a case type keeps the applicants who speak it and have that case', async (t) => {
  const { cora } = await clinic(t);
  const res = await cora.get(`${APPLICANTS}?language=es&case_type=n400`);
  const want = sampleBundle(FRESNO).applicants.filter((a) => a.languages.includes('es') && a.caseType === 'n400').map((a) => a.id);
  t.ok(want.length > 0 && want.length < 40);
  t.same(codes(res.body), want);
  t.match(res.body, `<strong>${want.length} of 40 applicants</strong>`);
  t.match(res.body, '<option value="n400" selected>Naturalization (N-400)</option>');
});

t.test('the status filter keeps the applicants the latest plan schedules, or leaves out for a reason', async (t) => {
  const { cora, store } = await clinic(t);
  const made = await planned(store);
  const scheduled = (await cora.get(`${APPLICANTS}?status=scheduled`)).body;
  t.same(codes(scheduled), sampleBundle(FRESNO).applicants.map((a) => a.id).filter((id) => made.scheduled.some((s) => s.applicant === id)));
  t.match(scheduled, 'The status is what version 1 of the plan says.');
  const reason = made.unscheduled[0]!.reason;
  const left = (await cora.get(`${APPLICANTS}?status=unscheduled:${reason}`)).body;
  t.same(codes(left).sort(), made.unscheduled.filter((u) => u.reason === reason).map((u) => u.applicant).sort());
  t.match(left, 'Not scheduled: No shared language or interpreter');
});

t.test('an applicant added after the plan reads as not yet planned', async (t) => {
  const { cora, store } = await clinic(t);
  await planned(store);
  await cora.get(`${APPLICANTS}/new`);
  const added = await cora.post(`${APPLICANTS}/new`, { id: 'A0100', name: 'Nueva Persona', languages: 'es', case_type: 'n400', complexity: 'straightforward' });
  t.equal(added.statusCode, 303);
  const res = await cora.get(`${APPLICANTS}?status=unplanned`);
  t.same(codes(res.body), ['A0100']);
});

t.test('volunteers with visits and without are told apart by the status filter', async (t) => {
  const { cora, store } = await clinic(t);
  const made = await planned(store);
  const busy = new Set(made.scheduled.flatMap((s) => s.visits.flatMap((v) => [v.volunteer, v.interpreter ?? ''])));
  const withVisits = (await cora.get(`${VOLUNTEERS}?status=visits`)).body;
  const without = (await cora.get(`${VOLUNTEERS}?status=no_visits`)).body;
  t.same(codes(withVisits), sampleBundle(FRESNO).volunteers.filter((v) => busy.has(v.id)).map((v) => v.id));
  t.same(codes(without), sampleBundle(FRESNO).volunteers.filter((v) => !busy.has(v.id)).map((v) => v.id));
  t.match(withVisits, /<td data-label="Status" class="status-visits">\d+ visits?<\/td>/);
});

t.test('search finds people whatever the case and the accents, by name, code or e-mail address', async (t) => {
  const { cora } = await clinic(t);
  t.same(codes((await cora.get(`${VOLUNTEERS}?q=gonzalez`)).body), ['V002', 'V003'], '"gonzalez" finds González');
  t.same(codes((await cora.get(`${VOLUNTEERS}?q=SOFIA`)).body), ['V003'], '"SOFIA" finds Sofía');
  t.same(codes((await cora.get(`${VOLUNTEERS}?q=${encodeURIComponent('GONZÁLEZ hernandez')}`)).body), ['V003'], 'every word must be found');
  t.same(codes((await cora.get(`${VOLUNTEERS}?q=v004`)).body), ['V004'], 'by code');
  t.same(codes((await cora.get(`${VOLUNTEERS}?q=rachel.murphy%40`)).body), ['V004'], 'by e-mail address');
  const none = (await cora.get(`${VOLUNTEERS}?q=zzzz`)).body;
  t.same(codes(none), []);
  t.match(none, 'Nobody matches: change the search or the filters.');
});

t.test('250 applicants come 100 a page, with next and previous links that keep the filters', async (t) => {
  const { cora } = await clinic(t, MERCED);
  const url = `/events/${MERCED_ID}/applicants`;
  const all = sampleBundle(MERCED).applicants.map((a) => a.id);
  const first = (await cora.get(url)).body;
  t.same(codes(first), all.slice(0, 100));
  t.match(first, '<strong>250 of 250 applicants</strong>');
  t.match(unescaped(first), `<a href="/events/${MERCED_ID}/applicants?page=2" rel="next">Next page</a>`);
  t.notMatch(first, 'rel="prev"');
  const last = (await cora.get(`${url}?page=3`)).body;
  t.same(codes(last), all.slice(200));
  t.match(last, 'Page 3 of 3');
  t.notMatch(last, 'rel="next"');
  const spanish = sampleBundle(MERCED).applicants.filter((a) => a.languages.includes('es')).map((a) => a.id);
  t.ok(spanish.length > 100, `${spanish.length} speak Spanish`);
  const second = (await cora.get(`${url}?language=es&page=2`)).body;
  t.same(codes(second), spanish.slice(100, 200));
  t.match(unescaped(second), `<a href="/events/${MERCED_ID}/applicants?language=es" rel="prev">Previous page</a>`);
  t.match(second, `<strong>${spanish.length} of 250 applicants</strong>`);
});

t.test('a volunteer added with a bad e-mail address shows the problem at its field, and nothing is saved', async (t) => {
  const { cora, store } = await clinic(t);
  await cora.get(`${VOLUNTEERS}/new`);
  const res = await cora.post(`${VOLUNTEERS}/new`, { id: 'V013', name: 'Ana Nueva', email: 'ana-at-example', role: 'attorney', languages: 'es;en' });
  t.equal(res.statusCode, 400);
  t.match(res.body, /<input id="field-email" name="email" type="email" value="ana-at-example"[^>]* aria-describedby="field-email-problem" aria-invalid="true">/);
  t.equal(textOf(res.body, 'field-email-problem'), '“ana-at-example” is not an e-mail address.');
  t.match(res.body, '<a href="#field-email">E-mail address: “ana-at-example” is not an e-mail address.</a>', 'the summary links to the field');
  t.match(res.body, 'value="Ana Nueva"', 'what was typed stays');
  t.equal(loadBundle(store.db, FRESNO_ID)!.volunteers.length, 12, 'nobody was added');
});

t.test('a law student added without a supervisor is refused at the supervisor field', async (t) => {
  const { cora, store } = await clinic(t);
  await cora.get(`${VOLUNTEERS}/new`);
  const res = await cora.post(`${VOLUNTEERS}/new`, { id: 'V013', name: 'Luz Estudiante', role: 'law_student', languages: 'es' });
  t.equal(res.statusCode, 400);
  t.equal(textOf(res.body, 'field-supervisor-problem'), 'A law student needs a supervising attorney of this event.');
  t.equal(loadBundle(store.db, FRESNO_ID)!.volunteers.length, 12);
});

t.test('a code another person has is refused at the code field', async (t) => {
  const { cora } = await clinic(t);
  const form = formFields((await cora.get(`${VOLUNTEERS}/V002/edit`)).body);
  const res = await cora.post(`${VOLUNTEERS}/V002/edit`, { ...form, id: 'V010' });
  t.equal(res.statusCode, 400);
  t.equal(textOf(res.body, 'field-id-problem'), 'Someone else at this event has the code V010: choose another.');
});

t.test('a volunteer added with good values is saved and the list says so', async (t) => {
  const { cora, store } = await clinic(t);
  await cora.get(`${VOLUNTEERS}/new`);
  const res = await cora.post(`${VOLUNTEERS}/new`, {
    id: 'V013', name: 'Ana Nueva', email: 'ana@example.org', role: 'accredited_rep', accreditation: 'full', org: 'Casa Legal', languages: 'es;mix',
    available: '09:00-12:00', back: 'role=attorney',
  });
  t.equal(res.statusCode, 303);
  t.equal(res.headers.location, `${VOLUNTEERS}?role=attorney&done=add&code=V013`, 'back to the list as it was filtered');
  const added = loadBundle(store.db, FRESNO_ID)!.volunteers.at(-1)!;
  t.same({ id: added.id, name: added.name, role: added.role, languages: added.languages, accreditation: added.accreditation, org: added.org },
    { id: 'V013', name: 'Ana Nueva', role: 'accredited_rep', languages: ['es', 'mix'], accreditation: 'full', org: 'Casa Legal' });
  const list = await cora.get(res.headers.location as string);
  t.match(list.body, '<p>V013 was added.</p>');
  const logged = store.db.select().from(auditLog).where(eq(auditLog.action, 'volunteer.add')).all();
  t.same(logged.map((r) => r.detail), ['volunteer V013']);
});

t.test('a good edit is saved, and the event page then says the plan is out of date', async (t) => {
  const { cora, store } = await clinic(t);
  const made = await planned(store);
  const busy = made.scheduled[0]!.visits[0]!.volunteer;
  t.notMatch((await cora.get(`/events/${FRESNO_ID}`)).body, /Out of date/, 'the plan fits before');
  const form = formFields((await cora.get(`${VOLUNTEERS}/${busy}/edit`)).body);
  t.equal(form.id, busy, 'the form holds the volunteer');
  const res = await cora.post(`${VOLUNTEERS}/${busy}/edit`, { ...form, available: '15:30-16:00' });
  t.equal(res.statusCode, 303);
  t.same(loadBundle(store.db, FRESNO_ID)!.volunteers.find((v) => v.id === busy)!.available.length, 1);
  const list = (await cora.get(res.headers.location as string)).body;
  t.match(list, `${busy} was saved.`);
  t.match(list, 'Version 1 of the plan no longer fits: re-plan the event before you publish or print it.');
  const page = (await cora.get(`/events/${FRESNO_ID}`)).body;
  t.match(page, /Out of date/);
});

t.test('an applicant’s priority left empty follows their deadline, and is kept when set', async (t) => {
  const { cora, store } = await clinic(t);
  const form = formFields((await cora.get(`${APPLICANTS}/A0001/edit`)).body);
  t.equal(form.priority, '', 'the stored priority is what the deadline gives: shown empty');
  t.equal((await cora.post(`${APPLICANTS}/A0001/edit`, { ...form, deadline: '2027-06-01' })).statusCode, 303);
  t.equal(loadBundle(store.db, FRESNO_ID)!.applicants[0]!.priority, 3, 'a near deadline raises it');
  t.equal((await cora.post(`${APPLICANTS}/A0001/edit`, { ...form, deadline: '2027-06-01', priority: '5' })).statusCode, 303);
  t.equal(loadBundle(store.db, FRESNO_ID)!.applicants[0]!.priority, 5);
});

t.test('Remove asks first; confirming removes the applicant', async (t) => {
  const { cora, store } = await clinic(t);
  const list = (await cora.get(`${APPLICANTS}?q=A0004`)).body;
  t.match(unescaped(list), /<a href="\/events\/[^"]+\/applicants\/A0004\/remove\?back=q%3DA0004" aria-label="Remove Brenda Vásquez Ramírez">Remove<\/a>/);
  const ask = await cora.get(`${APPLICANTS}/A0004/remove?back=q%3DA0004`);
  t.equal(ask.statusCode, 200);
  t.match(ask.body, '<h1>Remove applicant A0004?</h1>');
  t.match(ask.body, 'Brenda Vásquez Ramírez (A0004) will no longer be among the applicants.');
  t.match(ask.body, '<button type="submit" class="danger">Yes, remove Brenda Vásquez Ramírez</button>');
  t.equal(loadBundle(store.db, FRESNO_ID)!.applicants.length, 40, 'asking removes nobody');
  const res = await cora.post(`${APPLICANTS}/A0004/remove`, { back: 'q=A0004' });
  t.equal(res.statusCode, 303);
  t.equal(res.headers.location, `${APPLICANTS}?q=A0004&done=remove&code=A0004`);
  const after = loadBundle(store.db, FRESNO_ID)!.applicants;
  t.equal(after.length, 39);
  t.notOk(after.some((a) => a.id === 'A0004'));
  t.match((await cora.get(res.headers.location as string)).body, '<p>A0004 was removed.</p>');
});

t.test('removing the attorney who supervises a law student is refused, naming the student', async (t) => {
  const { cora, store } = await clinic(t);
  const student = sampleBundle(FRESNO).volunteers.find((v) => v.role === 'law_student')!;
  await cora.get(`${VOLUNTEERS}/${student.supervisor}/remove`);
  const res = await cora.post(`${VOLUNTEERS}/${student.supervisor}/remove`, {});
  t.equal(res.statusCode, 400);
  t.match(res.body, 'Not removed: 1 thing stands in the way');
  t.match(res.body, `This change breaks the record of ${student.id} (${student.name}): ${student.supervisor} is not a volunteer of this event.`);
  t.equal(loadBundle(store.db, FRESNO_ID)!.volunteers.length, 12);
});

t.test('a viewer reads the tables but cannot add, change or remove anyone', async (t) => {
  const { app, store } = await clinic(t);
  await account(store, 'vera@example.org', 'Casa Legal', 'viewer');
  const vera = await signedIn(app, 'vera@example.org');
  const list = await vera.get(VOLUNTEERS);
  t.equal(list.statusCode, 200);
  t.notMatch(list.body, /\/edit|\/remove|Add a volunteer/, 'no ways to change anyone are offered');
  for (const url of [`${VOLUNTEERS}/new`, `${VOLUNTEERS}/V002/edit`, `${APPLICANTS}/A0001/remove`]) {
    t.equal((await vera.get(url)).statusCode, 403, `GET ${url}`);
  }
  t.equal((await vera.post(`${VOLUNTEERS}/new`, { id: 'V013', name: 'X', role: 'attorney', languages: 'es' })).statusCode, 403);
  t.equal((await vera.post(`${VOLUNTEERS}/V002/edit`, { id: 'V002', name: 'X', role: 'attorney', languages: 'es' })).statusCode, 403);
  t.equal((await vera.post(`${APPLICANTS}/A0001/remove`, {})).statusCode, 403);
  const reading = authHeader(store, { role: 'coordinator', organization: 'Casa Legal', scope: 'read' });
  const byToken = await app.inject({ method: 'POST', url: `${APPLICANTS}/A0001/remove`, headers: { ...reading, 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
  t.equal(byToken.statusCode, 403, 'nor a read-scoped token');
  t.equal(loadBundle(store.db, FRESNO_ID)!.applicants.length, 40);
  t.equal(loadBundle(store.db, FRESNO_ID)!.volunteers.length, 12);
});

t.test('a coordinator of another organization finds neither table nor form (404)', async (t) => {
  const { app, store } = await clinic(t);
  await account(store, 'otto@example.org', 'Otra Organización');
  const otto = await signedIn(app, 'otto@example.org');
  for (const url of [VOLUNTEERS, APPLICANTS, `${VOLUNTEERS}/new`, `${VOLUNTEERS}/V002/edit`, `${APPLICANTS}/A0001/remove`]) {
    t.equal((await otto.get(url)).statusCode, 404, `GET ${url}`);
  }
  t.equal((await otto.post(`${APPLICANTS}/A0001/remove`, {})).statusCode, 404);
  t.equal(loadBundle(store.db, FRESNO_ID)!.applicants.length, 40);
});

t.test('a code nobody has any more is said so, with the way back to the list', async (t) => {
  const { cora } = await clinic(t);
  const res = await cora.get(`${VOLUNTEERS}/V999/edit`);
  t.equal(res.statusCode, 404);
  t.match(res.body, 'There is no volunteer with the code V999 at this event');
});

t.test('an event whose personal data was purged can be read, and nobody in it changed', async (t) => {
  const { cora, store } = await clinic(t);
  purgeEvent(store.db, loadBundle(store.db, FRESNO_ID)!.key, 'test', '2027-08-01T00:00:00.000Z');
  const list = await cora.get(VOLUNTEERS);
  t.equal(list.statusCode, 200);
  t.match(list.body, 'personal data was removed on Sunday, August 1, 2027: nobody can be added, changed or removed');
  t.notMatch(list.body, /\/edit|\/remove|Add a volunteer/);
  t.equal((await cora.get(`${VOLUNTEERS}/new`)).statusCode, 409);
  t.equal((await cora.post(`${VOLUNTEERS}/V002/edit`, { id: 'V002', name: 'Juan', role: 'attorney', languages: 'es' })).statusCode, 409);
});

t.test('the roster page and a refused form in Spanish for Accept-Language: es', async (t) => {
  const { cora } = await clinic(t, FRESNO, { 'accept-language': 'es' });
  const list = (await cora.get(`${VOLUNTEERS}?role=attorney`)).body;
  t.match(list, '<html lang="es">');
  t.match(list, '<h1>Voluntarios</h1>');
  t.match(list, /<strong>\d+ de 12 voluntarios<\/strong>/);
  t.match(list, '<label for="filter-q">Buscar</label>');
  t.match(list, '<option value="attorney" selected>Abogado</option>');
  t.match(list, '<caption>Voluntarios, página 1 de 1</caption>');
  t.match(list, 'Todavía no hay plan');
  await cora.get(`${VOLUNTEERS}/new`);
  const refused = (await cora.post(`${VOLUNTEERS}/new`, { id: 'V013', name: 'Ana', role: 'attorney', languages: 'es', available: 'por la mañana' })).body;
  t.match(refused, '<h1>Agregar un voluntario</h1>');
  t.match(refused, 'Corrija 1 cosa: no se guardó nada');
  t.equal(textOf(refused, 'field-available-problem'), 'No es un horario: por la mañana. Escríbalo como HH:MM-HH:MM, por ejemplo 09:00-12:30.');
});

t.test('every problem a person’s form can have is said in the catalogs’ words, not the reader’s', async (t) => {
  const stored = sampleBundle(FRESNO);
  const bad: [string, PersonForm][] = [
    ['volunteers', { id: '', name: '', email: 'x', role: 'boss', languages: '', case_types: 'nope', accreditation: 'half', available: 'morning', max_applicants: '1.5' }],
    ['volunteers', { id: 'V013', name: 'A', role: 'accredited_rep', languages: 'e1', max_applicants: '-1' }],
    ['volunteers', { id: 'V013', name: 'A', role: 'law_student', languages: 'es', supervisor: 'V001', available: '12:00-11:00', max_applicants: '99999999999999999999' }],
    ['volunteers', { id: 'V013', name: 'A', role: 'law_student', languages: 'es', supervisor: 'V404' }],
    ['applicants', { id: 'A0001', name: 'A', languages: 'es', case_type: 'nope', complexity: 'hard', flags: 'bad', deadline: 'soon', priority: '0' }],
    ['applicants', { id: 'A0100', name: 'A', languages: 'es', case_type: '', deadline: '2027-02-30' }],
  ];
  const seen = new Set<string>();
  for (const [kind, form] of bad) {
    const checked = checkChange(stored, kind as 'volunteers' | 'applicants', { kind: 'add', form });
    t.notOk(checked.ok, JSON.stringify(form));
    if (checked.ok || 'notFound' in checked) continue;
    for (const p of checked.problems) {
      seen.add(p.problem.message);
      for (const locale of ['en', 'es'] as const) t.notOk(problemText(p.problem.message, locale).english, `${locale}: ${p.problem.message}`);
    }
  }
  t.ok(seen.size >= 18, `${seen.size} different problems`);
  const warned = checkChange(stored, 'volunteers', { kind: 'add', form: { id: 'V013', name: '=Ana', role: 'attorney', languages: 'xyz', accreditation: 'full', available: '05:00-06:00' } });
  t.ok(warned.ok);
  for (const w of warned.ok ? warned.warnings : []) t.notOk(problemText(w.problem.message, 'es').english, w.problem.message);
  t.equal(warned.ok ? warned.warnings.length : 0, 4, 'a formula, an unknown language, an ignored accreditation, hours outside the day');
});
