// The plan versions pages, signed in as a browser is: the list (who made each version, when,
// which is published), two versions compared, the confirmation before publishing and the
// publish itself, who may do what, and the pages in Spanish. The real app over a real SQLite
// file; three versions stored by a coordinator, the command line and an API token.
import t from 'tap';
import { DateTime } from 'luxon';
import { readAudit } from '../../src/db/audit.js';
import { publishVersion } from '../../src/services/plans.js';
import { FRESNO_ID } from '../support/fixtures.js';
import { CORA, OTTO, VERA, versionsDay, volunteersTouched } from '../support/versions.js';

const VERSIONS = `/events/${FRESNO_ID}/versions`;
const ZONE = 'America/Los_Angeles';

/** The cells of a table row whose header cell is `head`, as text. */
function rowOf(html: string, head: string): string[] {
  const row = [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).find((r) => new RegExp(`<th scope="row"[^>]*>${head}</th>`).test(r));
  if (!row) throw new Error(`no row headed ${head}`);
  return [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
}

/** The text of a page's part from an element with this id up to the next h2. */
function part(html: string, id: string): string {
  const at = html.indexOf(`id="${id}"`);
  if (at < 0) return '';
  const end = html.indexOf('<h2', at + 1);
  return html.slice(at, end < 0 ? undefined : end);
}

t.test('the versions page lists every version with who made it, when, how many it schedules, and which is published', async (t) => {
  const day = await versionsDay(t);
  publishVersion(day.store.db, FRESNO_ID, 1, 'cli');
  const cora = await day.signIn(CORA);
  const res = await cora.get(VERSIONS);
  t.equal(res.statusCode, 200);
  const made = day.store.sqlite.prepare('select version, created_at as at from plans order by version').all() as { version: number; at: string }[];
  const when = (version: number) => DateTime.fromISO(made[version - 1]!.at, { zone: 'utc' }).setZone(ZONE).setLocale('en-US').toLocaleString(DateTime.DATETIME_MED);
  t.same(rowOf(res.body, '3').slice(0, 5), ['3', 'Draft', 'Test coordinator (API token)', when(3), String(day.base.scheduled.length)]);
  t.same(rowOf(res.body, '2').slice(0, 5), ['2', 'Draft', 'the command line', when(2), String(day.v2.scheduled.length)]);
  t.equal(rowOf(res.body, '1')[1]!.replace(/ published .*/, ''), 'Published');
  t.same(rowOf(res.body, '1').slice(2, 5), ['Cora Coordinator', when(1), String(day.v1.scheduled.length)]);
  t.match(res.body, /<strong>Published: version 1<\/strong>/, 'the published version is said atop the page');
  t.match(res.body, `Times are the site’s clock (${ZONE})`);
});

t.test('the event page says which version is published, and links to the versions and the print page', async (t) => {
  const day = await versionsDay(t);
  const cora = await day.signIn(CORA);
  t.match((await cora.get(`/events/${FRESNO_ID}`)).body, /<strong>Nothing is published yet\.<\/strong>/);
  publishVersion(day.store.db, FRESNO_ID, 2, 'cli');
  const page = (await cora.get(`/events/${FRESNO_ID}`)).body;
  t.match(page, /<strong>Published: version 2<\/strong>/);
  t.match(page, `<a href="${VERSIONS}">Plan versions: compare, publish, print</a>`);
  t.match(page, `<a href="/events/${FRESNO_ID}/print">Print sheets and slips</a>`);
});

t.test('comparing two versions lists who moves with the old and new time, who is added, who is dropped, and whom to tell', async (t) => {
  const day = await versionsDay(t);
  const cora = await day.signIn(CORA);
  const res = await cora.get(`${VERSIONS}/compare?from=1&to=2`);
  t.equal(res.statusCode, 200);
  t.match(res.body, '<h1>Version 2 against version 1</h1>');
  const clock = (iso: string) => DateTime.fromISO(iso, { setZone: true }).setZone(ZONE).setLocale('en-US').toLocaleString(DateTime.TIME_SIMPLE);
  const before = day.v1.scheduled.find((s) => s.applicant === day.moved)!;
  const after = day.v2.scheduled.find((s) => s.applicant === day.moved)!;
  const moved = rowOf(part(res.body, 'moved'), day.moved);
  t.match(moved[1], `${clock(before.arrival)} with ${before.visits[0]!.volunteer}`, 'the old time and volunteers');
  t.match(moved[2], `${clock(after.arrival)} with ${after.visits[0]!.volunteer}`, 'the new time and volunteers');
  t.same(rowOf(part(res.body, 'added'), day.added).slice(0, 2), [day.added, clock(day.v2.scheduled.find((s) => s.applicant === day.added)!.arrival)]);
  t.same(rowOf(part(res.body, 'removed'), day.dropped).slice(0, 2), [day.dropped, clock(day.v1.scheduled.find((s) => s.applicant === day.dropped)!.arrival)]);
  t.equal([...part(res.body, 'moved').matchAll(/<th scope="row"/g)].length, 1, 'nobody else moves');
  const tell = part(res.body, 'tell');
  t.same([...tell.matchAll(/<li class="code">([^<]+)<\/li>/g)].map((m) => m[1]).sort(), [day.added, day.dropped, day.moved].sort(), 'the three applicants to tell');
  const volunteers = volunteersTouched(day.v1, day.v2);
  t.ok(volunteers.length > 0, `${volunteers.length} volunteers' day changes`);
  t.match(tell, `${volunteers.length} volunteer${volunteers.length === 1 ? '' : 's'} whose day changes:`);
  for (const v of volunteers) t.match(tell, new RegExp(`<li>${v} [^<]+</li>`), `${v} is named to tell`);
});

t.test('comparing is on the audit log as a view of the plan', async (t) => {
  const day = await versionsDay(t);
  const cora = await day.signIn(CORA);
  await cora.get(`${VERSIONS}/compare?from=1&to=3`);
  const row = readAudit(day.store.db, { action: 'plan.view' }).find((r) => r.detail === 'version 3 against 1');
  t.ok(row, 'a plan.view row');
  t.equal(row?.actor, `user:${day.ids.cora}`);
});

t.test('the publish confirmation says how many applicants and volunteers are affected against the published version', async (t) => {
  const day = await versionsDay(t);
  publishVersion(day.store.db, FRESNO_ID, 1, 'cli');
  const cora = await day.signIn(CORA);
  const res = await cora.get(`${VERSIONS}/2/publish`);
  t.equal(res.statusCode, 200);
  t.match(res.body, '<h1>Publish version 2?</h1>');
  t.match(res.body, 'Against version 1, which people hold now, publishing version 2 changes the day of:');
  t.match(res.body, '<strong>3 applicants (a new slip each)</strong>');
  const volunteers = volunteersTouched(day.v1, day.v2).length;
  t.match(res.body, `<strong>${volunteers} volunteer${volunteers === 1 ? '' : 's'}</strong>`);
  const decoded = res.body.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
  t.match(decoded, `href="${VERSIONS}/compare?from=1&to=2"`, 'a link to see who');
  t.match(res.body, /<button type="submit">Publish version 2<\/button>/);
});

t.test('before the first publish, the confirmation counts everyone the version gives a day', async (t) => {
  const day = await versionsDay(t);
  const cora = await day.signIn(CORA);
  const body = (await cora.get(`${VERSIONS}/1/publish`)).body;
  t.match(body, 'No version is published yet');
  t.match(body, `<strong>${day.v1.scheduled.length} applicants scheduled</strong>`);
});

t.test('publishing from the confirmation changes what the event page calls published, and says so', async (t) => {
  const day = await versionsDay(t);
  publishVersion(day.store.db, FRESNO_ID, 1, 'cli');
  const cora = await day.signIn(CORA);
  t.match((await cora.get(`/events/${FRESNO_ID}`)).body, /<strong>Published: version 1<\/strong>/);
  await cora.get(`${VERSIONS}/2/publish`);
  const res = await cora.post(`${VERSIONS}/2/publish`, {});
  t.equal(res.statusCode, 303);
  t.equal(res.headers.location, `${VERSIONS}?published=2`);
  t.match((await cora.get(res.headers.location as string)).body, 'Version 2 is published: slips, personal links, sheets and calendars now follow it.');
  t.match((await cora.get(`/events/${FRESNO_ID}`)).body, /<strong>Published: version 2<\/strong>/);
});

t.test('publishing from the page is on the audit log as the API’s publish is', async (t) => {
  const day = await versionsDay(t);
  const cora = await day.signIn(CORA);
  await cora.get(`${VERSIONS}/3/publish`);
  await cora.post(`${VERSIONS}/3/publish`, {});
  const rows = readAudit(day.store.db, { action: 'plan.publish' });
  t.same(rows.map((r) => [r.actor, r.event, r.detail]), [[`user:${day.ids.cora}`, FRESNO_ID, 'version 3']]);
});

t.test('a publish form sent without its token changes nothing', async (t) => {
  const day = await versionsDay(t);
  const cora = await day.signIn(CORA);
  await cora.get(`${VERSIONS}/2/publish`);
  const res = await cora.post(`${VERSIONS}/2/publish`, {}, { token: false });
  t.equal(res.statusCode, 403);
  t.match((await cora.get(VERSIONS)).body, /<strong>Nothing is published yet\.<\/strong>/);
});

t.test('a viewer sees the versions and compares them, but may not publish (403)', async (t) => {
  const day = await versionsDay(t);
  const vera = await day.signIn(VERA);
  const list = await vera.get(VERSIONS);
  t.equal(list.statusCode, 200);
  t.notMatch(list.body, 'Publish…', 'no publish link');
  t.equal((await vera.get(`${VERSIONS}/compare?from=1&to=2`)).statusCode, 200);
  t.equal((await vera.get(`${VERSIONS}/2/publish`)).statusCode, 403);
  const refused = await vera.post(`${VERSIONS}/2/publish`, {});
  t.equal(refused.statusCode, 403);
  t.match((await vera.get(VERSIONS)).body, /Nothing is published yet/);
});

t.test("another organization's account finds none of the versions pages (404)", async (t) => {
  const day = await versionsDay(t);
  const otto = await day.signIn(OTTO);
  for (const url of [VERSIONS, `${VERSIONS}/compare?from=1&to=2`, `${VERSIONS}/2/publish`, `/events/${FRESNO_ID}/print`, `/events/${FRESNO_ID}/print/sheets`]) {
    t.equal((await otto.get(url)).statusCode, 404, url);
  }
  const post = await otto.post(`${VERSIONS}/2/publish`, {});
  t.equal(post.statusCode, 404);
});

t.test('a version that is not there answers 404 on the compare and publish pages', async (t) => {
  const day = await versionsDay(t);
  const cora = await day.signIn(CORA);
  t.equal((await cora.get(`${VERSIONS}/compare?from=1&to=9`)).statusCode, 404);
  t.equal((await cora.get(`${VERSIONS}/9/publish`)).statusCode, 404);
});

t.test('the versions, compare and publish pages in Spanish for Accept-Language: es', async (t) => {
  const day = await versionsDay(t);
  publishVersion(day.store.db, FRESNO_ID, 1, 'cli');
  const cora = await day.signIn(CORA, { 'accept-language': 'es' });
  const list = (await cora.get(VERSIONS)).body;
  t.match(list, '<html lang="es">');
  t.match(list, '<h1>Versiones del plan</h1>');
  t.match(list, /<strong>Publicada: versión 1<\/strong>/);
  t.match(list, 'la línea de comandos');
  t.match(list, 'Test coordinator (token de la API)');
  t.match(list, /\d{1,2}:\d\d\s[ap]\.\s?m\./, 'times as Spanish writes them');
  const compare = (await cora.get(`${VERSIONS}/compare?from=1&to=2`)).body;
  t.match(compare, '<h1>Versión 2 frente a la versión 1</h1>');
  t.match(compare, 'A quién avisar');
  const publish = (await cora.get(`${VERSIONS}/2/publish`)).body;
  t.match(publish, '<h1>¿Publicar la versión 2?</h1>');
  t.match(publish, '<strong>3 solicitantes (una hoja de cita nueva para cada uno)</strong>');
  for (const page of [list, compare, publish]) t.notMatch(page, /\b(Version|Publish|Compare|Whom)\b/, 'no English left');
});
