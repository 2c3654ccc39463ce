// The plan workspace (/events/:id/plan): planning from the page, a plan that runs while the page
// is left and found again, the timeline on the site's clock, the bottleneck, an applicant's day,
// the unscheduled with what would help, the wall's codes-only print, and who may see and plan.
import t from 'tap';
import type { Test } from 'tap';
import { eq } from 'drizzle-orm';
import { saveBundle } from '../../src/db/events.js';
import { auditLog } from '../../src/db/schema.js';
import { eventKey, listPlans, savePlan } from '../../src/db/plans.js';
import { organizationNamed } from '../../src/db/users.js';
import { readBundle } from '../../src/bundle/index.js';
import type { Bundle } from '../../src/domain/index.js';
import { JobPool } from '../../src/jobs/index.js';
import type { Job, JobResult, RunOptions } from '../../src/jobs/index.js';
import { plan } from '../../src/planner/index.js';
import type { PlanJson } from '../../src/planner/types.js';
import { addAccount } from '../../src/services/users.js';
import type { OpenDatabase } from '../../src/db/index.js';
import { FRESNO, FRESNO_ID, sampleBundle, sampleFiles, tempDatabase, withFile } from '../support/fixtures.js';
import { authHeader, build, Visitor } from '../support/http.js';
import { ATTACKS, PLAIN, addedMarkup, plantedIn } from '../support/markup.js';

const ORG = 'Casa Legal';
const PASSWORD = 'correct horse battery staple';
const PLAN = `/events/${FRESNO_ID}/plan`;

/** A worker pool whose plans wait for the test to let them go: a plan that is still running, for as long as the test wants. */
class GatedPool extends JobPool {
  private open!: () => void;
  readonly gate = new Promise<void>((resolve) => { this.open = resolve; });
  release(): void {
    this.open();
  }

  override run<J extends Job>(job: J, options: RunOptions = {}): Promise<JobResult<J>> {
    if (job.kind !== 'plan') return super.run(job, options);
    return this.gate.then(() => super.run(job, options));
  }
}

/** The Fresno sample, owned by Casa Legal, and a coordinator of it signed in through the sign-in page. */
async function workspace(t: Test, options: { jobs?: JobPool; bundle?: Bundle; role?: 'coordinator' | 'viewer'; headers?: Record<string, string> } = {}) {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false, ...(options.jobs ? { jobs: options.jobs } : {}) });
  const bundle = options.bundle ?? sampleBundle(FRESNO);
  saveBundle(store.db, bundle, 'test', organizationNamed(store.db, ORG));
  const role = options.role ?? 'coordinator';
  const email = `${role}@example.org`;
  await addAccount(store.db, { email, name: `Cora ${role}`, role, organization: ORG, password: PASSWORD }, 'test');
  const visitor = new Visitor(app, options.headers ?? {});
  await visitor.get('/sign-in');
  const signedIn = await visitor.post('/sign-in', { email, password: PASSWORD, next: '/' });
  t.equal(signedIn.statusCode, 303, 'signed in');
  return { app, store, bundle, visitor };
}

/** A plan stored as the event's next version, made here in the test's own thread. */
function stored(store: OpenDatabase, bundle: Bundle, made: PlanJson = plan(bundle, { quick: true })): PlanJson {
  savePlan(store.db, eventKey(store.db, bundle.event.id)!, made, { quick: true }, 'test');
  return made;
}

/** A page's HTML with the template engine's escaped equals signs read back (in links' query strings). */
const html = (res: { body: string }) => res.body.replace(/&#x3D;/g, '=');

/** The text of the page, tags and entities gone, spaces squeezed. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

t.test('planning from the form stores a new version, and the page shows it', async (t) => {
  const { visitor, store } = await workspace(t);
  const before = await visitor.get(PLAN);
  t.equal(before.statusCode, 200);
  t.match(before.body, 'No plan yet');
  t.match(before.body, '<form method="post" action="/events/fresno-2027-05-22/plan"');
  const sent = await visitor.post(PLAN, { mode: 'replan', quick: '1', fairness: 'none', selection: 'fair', finish_probability: '0' });
  t.equal(sent.statusCode, 303);
  t.equal(sent.headers.location, PLAN);
  // A quick plan of 40 applicants is done within the form's wait; else the page says it runs.
  let page = await visitor.get(PLAN);
  for (let i = 0; i < 200 && page.body.includes('Planning…'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    page = await visitor.get(PLAN);
  }
  t.equal(listPlans(store.db, eventKey(store.db, FRESNO_ID)!).length, 1, 'version 1 is stored');
  t.match(page.body, /Version 1 is stored: <strong>\d+ of 40<\/strong> applicants scheduled/);
  t.match(page.body, 'Timeline of version 1');
  t.match(page.body, '<table class="timeline"');
});

t.test('a plan still running shows as running when the page is opened again, then as done', async (t) => {
  const jobs = new GatedPool();
  t.teardown(() => jobs.close());
  const { visitor, store } = await workspace(t, { jobs });
  const sent = await visitor.post(PLAN, { mode: 'replan', quick: '1', finish_probability: '0.5' });
  t.equal(sent.statusCode, 303, 'the form comes back to the page while the plan runs');
  // Somebody else's visit, or the same coordinator coming back: the run is found by the event.
  const running = await visitor.get(PLAN);
  t.match(running.body, 'Planning…');
  t.match(running.body, /Options: re-plan; quick; finish by closing on 50% of days\./);
  t.match(running.body, '<noscript><meta http-equiv="refresh" content="5"></noscript>', 'refreshes itself without JavaScript');
  t.match(running.body, '<script src="/static/js/workspace.js" defer></script>');
  t.notMatch(running.body, 'name="quick"', 'no second plan while one runs');
  const status = await visitor.get(`${PLAN}/status`);
  t.match(JSON.parse(status.body), { state: 'running', outcome: null, version: null, latest_version: null });
  const again = await visitor.post(PLAN, { mode: 'replan', quick: '1' });
  t.equal(again.statusCode, 303, 'a second plan while one runs comes back to the running one');
  jobs.release();
  let done = JSON.parse((await visitor.get(`${PLAN}/status`)).body);
  for (let i = 0; i < 300 && done.state === 'running'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    done = JSON.parse((await visitor.get(`${PLAN}/status`)).body);
  }
  t.match(done, { state: 'done', outcome: 'planned', version: 1, latest_version: 1 });
  const page = await visitor.get(PLAN);
  t.notMatch(page.body, 'Planning…');
  t.notMatch(page.body, 'http-equiv="refresh"');
  t.match(page.body, 'Version 1 is stored');
  t.equal(listPlans(store.db, eventKey(store.db, FRESNO_ID)!).length, 1, 'one plan ran, not two');
});

t.test('a form with a code that is no applicant of the event says so and plans nothing', async (t) => {
  const { visitor, store } = await workspace(t);
  const res = await visitor.post(PLAN, { mode: 'replan', release: 'A0001, NOBODY' });
  t.equal(res.statusCode, 400);
  t.match(res.body, 'Release only codes of applicants of this event');
  t.match(res.body, 'value="A0001, NOBODY"');
  t.equal(listPlans(store.db, eventKey(store.db, FRESNO_ID)!).length, 0);
});

t.test('a fresh plan that would move published people asks for a confirmation before it is stored', async (t) => {
  const { visitor, store, bundle, app } = await workspace(t);
  stored(store, bundle, plan(bundle, { quick: true, seed: 1 }));
  await app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plans/1/publish`, headers: authHeader(store) });
  await visitor.post(PLAN, { mode: 'fresh', quick: '1', seed: '77', finish_probability: '0' });
  let page = await visitor.get(PLAN);
  for (let i = 0; i < 200 && page.body.includes('Planning…'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    page = await visitor.get(PLAN);
  }
  t.match(page.body, /A fresh plan would move or drop \d+ applicants? of published version 1/);
  t.match(page.body, 'name="confirm" value="1"');
  t.match(page.body, 'name="mode" value="fresh" checked', 'the form comes back as it was sent');
  t.match(page.body, 'name="seed" inputmode="numeric" value="77"');
  t.equal(listPlans(store.db, eventKey(store.db, FRESNO_ID)!).length, 1, 'nothing stored yet');
  await visitor.post(PLAN, { mode: 'fresh', quick: '1', seed: '77', finish_probability: '0', confirm: '1' });
  for (let i = 0; i < 200 && listPlans(store.db, eventKey(store.db, FRESNO_ID)!).length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  t.equal(listPlans(store.db, eventKey(store.db, FRESNO_ID)!).length, 2, 'stored once confirmed');
});

/** The Fresno sample moved to a day the clocks spring forward: 2027-03-14 in Los Angeles (at 2 AM). */
function springForward(): Bundle {
  const files = sampleFiles(FRESNO);
  const event = JSON.parse(Buffer.from(files['event.json']!).toString('utf8')) as Record<string, unknown>;
  const read = readBundle(withFile(files, 'event.json', JSON.stringify({ ...event, date: '2027-03-14', opens: '08:00', closes: '15:00' })));
  if (!read.bundle) throw new Error('the spring-forward day does not read');
  return read.bundle;
}

t.test('the timeline shows every scheduled visit at its local time on the day the clocks change', async (t) => {
  const bundle = springForward();
  const { visitor, store } = await workspace(t, { bundle });
  const made = stored(store, bundle);
  const page = await visitor.get(PLAN);
  t.equal(page.statusCode, 200);
  const visits = made.scheduled.flatMap((s) => s.visits.map((v) => ({ ...v, applicant: s.applicant })));
  t.ok(visits.length > 20, `${visits.length} visits`);
  t.match(made.scheduled[0]!.arrival, /^2027-03-14T08:\d\d:00-07:00$/, 'the plan is on daylight time that day');
  const clock = (iso: string) => {
    const [h, m] = iso.slice(11, 16).split(':').map(Number);
    return `${h! % 12 || 12}:${String(m).padStart(2, '0')} ${h! < 12 ? 'AM' : 'PM'}`;
  };
  for (const v of visits) {
    // Each visit's cell: its local start and end (the offset in the plan is the site's), its station, its applicant.
    const title = `${clock(v.start)}–${clock(v.end)} · ${v.station[0]!.toUpperCase()}${v.station.slice(1)}`;
    t.ok(page.body.includes(`title="${title}`) && page.body.includes(`/applicants/${v.applicant}"`), `${v.applicant} ${v.station} at ${title}`);
  }
  t.match(page.body, '<th scope="col" colspan="12" class="hour h">9:00 AM</th>', 'the hours across the top are the site’s');
  t.notMatch(page.body, /title="(3|4):\d\d PM–/, 'nothing read on the machine’s clock (UTC would be 3 PM on)');
  t.match(page.body, 'First half of the day, 8:00 AM–');
  t.match(page.body, 'Second half of the day, ');
});

t.test('the bottleneck station and the busiest volunteer are marked in words', async (t) => {
  const { visitor, store, bundle } = await workspace(t);
  stored(store, bundle);
  const page = await visitor.get(PLAN);
  t.match(page.body, /<strong>Bottleneck:<\/strong> (Screening|Preparation|Review|Interpreters|Desks and greeters) is the busiest, \d+% of its time booked\./);
  t.match(page.body, /Busiest volunteer: [^<]+ \(V\d+\), \d+%\./);
  t.match(page.body, /<tbody class="bottleneck">\s*<tr class="group"><th scope="rowgroup" colspan="\d+"><span class="label">[^<]+ <span class="share">\d+% of time booked<\/span> <strong class="flag">bottleneck<\/strong>/);
  t.match(page.body, '<tr class="busiest">');
  t.match(page.body, '<strong class="flag">busiest</strong>');
});

t.test('unstaffed desk time is marked on the desk’s row', async (t) => {
  const { visitor, store, bundle } = await workspace(t);
  const made = stored(store, bundle);
  // A greeter the plan puts on a desk leaves the roster: their shift is nobody's now.
  const greeter = made.shifts[0]!.volunteer;
  saveBundle(store.db, { ...bundle, volunteers: bundle.volunteers.filter((v) => v.id !== greeter) }, 'test', organizationNamed(store.db, ORG));
  const page = await visitor.get(PLAN);
  t.match(page.body, 'Desks nobody staffs.');
  t.match(page.body, /<td colspan="\d+" class="block unstaffed[^"]*" title="[^"]+ · nobody on shift, \d+ steps? planned">/);
  t.match(page.body, /unstaffed: \d+<\/td>/);
});

t.test('an applicant’s itinerary lists their steps in order, on the site’s clock', async (t) => {
  const { visitor, store, bundle } = await workspace(t);
  const made = stored(store, bundle);
  const s = made.scheduled.find((x) => x.visits.length >= 3 && x.check_in && x.final_check)!;
  const a = bundle.applicants.find((x) => x.id === s.applicant)!;
  const page = await visitor.get(`${PLAN}/applicants/${s.applicant}`);
  t.equal(page.statusCode, 200);
  t.match(page.body, a.name);
  const steps = [...page.body.matchAll(/<li><span class="time">([^<]+)<\/span> <strong>([^<]+)<\/strong>/g)].map((m) => m[2]);
  t.same(steps, ['Check-in', 'Screening', 'Preparation', 'Review', 'Final check']);
  const firstTime = /<li><span class="time">([^–]+)–/.exec(page.body)![1];
  t.equal(firstTime, new Date(s.check_in!.start).toLocaleTimeString('en-US', { timeZone: 'America/Los_Angeles', hour: 'numeric', minute: '2-digit' }));
  // The lookup form goes to the same page.
  const lookup = await visitor.get(`${PLAN}/applicants?applicant=${s.applicant}`);
  t.equal(lookup.statusCode, 303);
  t.equal(lookup.headers.location, `${PLAN}/applicants/${s.applicant}`);
});

t.test('the unscheduled list names each reason and a what-if change that would help', async (t) => {
  const base = sampleBundle(FRESNO);
  // Half the roster stays home: the day is full, and the what-if finds whom to add.
  const bundle = { ...base, volunteers: base.volunteers.filter((v, i) => v.role === 'interpreter' || v.role === 'general' || i % 2 === 0) };
  const { visitor, store } = await workspace(t, { bundle });
  const made = stored(store, bundle);
  t.ok(made.unscheduled.some((u) => u.reason === 'no_capacity'), 'some are left out for room');
  // The what-if is simulated in a worker: a busy machine may show advice first, and the what-if on a later look.
  let page = await visitor.get(`${PLAN}/unscheduled`);
  for (let i = 0; i < 20 && page.body.includes('still simulating'); i++) page = await visitor.get(`${PLAN}/unscheduled`);
  t.equal(page.statusCode, 200);
  t.match(page.body, /applicants are not scheduled\./);
  t.match(page.body, '<h2 id="reason-no_capacity">The day is full');
  t.match(page.body, /<li>one more [^<]+: about \d+ more (people|person) served <span class="muted">simulated; for \d+ applicants? here<\/span><\/li>/);
  const u = made.unscheduled[0]!;
  t.match(html(page), `<a class="code" href="${PLAN}/applicants/${u.applicant}?version=1">${u.applicant}</a>`);
});

t.test('the wall variant shows codes only: no volunteer’s, applicant’s or account’s name', async (t) => {
  const { visitor, store, bundle } = await workspace(t);
  const made = stored(store, bundle);
  const wall = await visitor.get(`${PLAN}/wall`);
  t.equal(wall.statusCode, 200);
  t.match(wall.body, 'Timeline for the wall');
  for (const s of made.scheduled.slice(0, 10)) t.match(wall.body, s.applicant);
  for (const p of [...bundle.volunteers, ...bundle.applicants]) t.notOk(wall.body.includes(p.name), `${p.id}'s name is not on the wall`);
  t.notMatch(wall.body, 'Cora coordinator', 'not even the name of whoever prints it');
  // The coordinator's own timeline does name them.
  const named = await visitor.get(PLAN);
  t.ok(bundle.volunteers.some((v) => named.body.includes(v.name)), 'the workspace names the volunteers');
});

t.test('each view of names is on the audit log; the wall’s codes are not', async (t) => {
  const { visitor, store, bundle } = await workspace(t);
  const made = stored(store, bundle);
  await visitor.get(PLAN);
  await visitor.get(`${PLAN}/stations`);
  await visitor.get(`${PLAN}/applicants/${made.scheduled[0]!.applicant}`);
  await visitor.get(`${PLAN}/wall`);
  const rows = store.db.select().from(auditLog).where(eq(auditLog.action, 'plan.view')).all().map((r) => r.detail);
  t.same(rows, ['workspace timeline version 1', 'workspace stations version 1', `workspace itinerary ${made.scheduled[0]!.applicant} version 1`]);
});

t.test('a viewer sees the plan but no plan form, and planning as a viewer is refused', async (t) => {
  const { visitor, store, bundle } = await workspace(t, { role: 'viewer' });
  stored(store, bundle);
  const page = await visitor.get(PLAN);
  t.equal(page.statusCode, 200);
  t.match(page.body, 'Timeline of version 1');
  t.notMatch(page.body, 'method="post" action="/events/fresno-2027-05-22/plan"');
  t.match(page.body, 'Your account may read the plan, not make one');
  const sent = await visitor.post(PLAN, { mode: 'replan', quick: '1' });
  t.equal(sent.statusCode, 403);
  t.equal(listPlans(store.db, eventKey(store.db, FRESNO_ID)!).length, 1);
});

t.test("another organization's account finds no such workspace", async (t) => {
  const { app, store, bundle } = await workspace(t);
  stored(store, bundle);
  const other = { ...authHeader(store, { role: 'coordinator', organization: 'Otra Organización' }), accept: 'text/html' };
  for (const path of ['', '/stations', '/unscheduled', '/wall', '/status', '/applicants/A0001']) {
    const res = await app.inject({ url: `${PLAN}${path}`, headers: other });
    t.equal(res.statusCode, 404, `${path || '/'}: 404`);
    for (const a of bundle.applicants) if (res.body.includes(a.name)) t.fail(`${a.id}'s name on a 404`);
  }
  const sent = await app.inject({ method: 'POST', url: PLAN, headers: other, payload: { mode: 'replan' } });
  t.equal(sent.statusCode, 404);
});

t.test('the workspace in Spanish for a browser that asks for it', async (t) => {
  const { visitor, store, bundle } = await workspace(t, { headers: { 'accept-language': 'es-MX,es;q=0.9' } });
  stored(store, bundle);
  const page = await visitor.get(PLAN);
  t.match(page.body, '<html lang="es">');
  t.match(page.body, '<h1>Espacio de planificación</h1>');
  t.match(page.body, 'Cronograma de la versión 1');
  t.match(page.body, 'Primera mitad del día, 9:00 a.m.');
  t.match(page.body, '<button type="submit">Planificar</button>');
  t.match(page.body, /<strong>Cuello de botella:<\/strong>/);
  t.notMatch(text(page.body), /\b(Timeline|Bottleneck|Busiest|Plan the day)\b/);
  const unscheduled = await visitor.get(`${PLAN}/unscheduled`);
  t.match(unscheduled.body, /solicitantes? (no tiene|no tienen) cita\./);
});

t.test('a version asked for by number is shown, and one that is not there is 404', async (t) => {
  const { visitor, store, bundle } = await workspace(t);
  stored(store, bundle, plan(bundle, { quick: true, seed: 1 }));
  stored(store, bundle, plan(bundle, { quick: true, seed: 2 }));
  const latest = await visitor.get(PLAN);
  t.match(latest.body, 'Timeline of version 2');
  const first = await visitor.get(`${PLAN}?version=1`);
  t.match(first.body, 'Timeline of version 1');
  t.match(html(first), '<a href="/events/fresno-2027-05-22/plan?version=1" aria-current="page">Version 1 (draft)</a>');
  t.equal((await visitor.get(`${PLAN}?version=9`)).statusCode, 404);
});

t.test('the station view lists every step of a station in time order', async (t) => {
  const { visitor, store, bundle } = await workspace(t);
  const made = stored(store, bundle);
  const page = await visitor.get(`${PLAN}/stations?station=review`);
  const reviews = made.scheduled.flatMap((s) => s.visits.filter((v) => v.station === 'review')).length;
  t.match(page.body, `<h2 id="st-review">Review <span class="muted">(${reviews} steps)</span></h2>`);
  t.notMatch(page.body, 'id="st-screening"');
});

t.test('hostile names in the roster and the applicants show as text in every view, never as markup', async (t) => {
  const plain = plantedIn(sampleBundle(FRESNO), PLAIN);
  const bad = plantedIn(sampleBundle(FRESNO), ATTACKS);
  const made = plan(plain, { quick: true });
  const pages = async (bundle: Bundle) => {
    const { visitor, store } = await workspace(t, { bundle });
    stored(store, bundle, made);
    const paths = ['', '/stations', `/applicants/${made.scheduled[0]!.applicant}`, `/applicants/${made.unscheduled[0]?.applicant ?? made.scheduled[1]!.applicant}`, '/wall'];
    return Promise.all(paths.map(async (p) => ({ path: p || '/', body: (await visitor.get(`${PLAN}${p}`)).body })));
  };
  const [clean, hostile] = [await pages(plain), await pages(bad)];
  for (const [i, page] of hostile.entries()) t.equal(addedMarkup(page.body, clean[i]!.body), undefined, `${page.path}: no markup added`);
});

t.test('a volunteer renamed after the timeline was shown appears under the new name on the next view', async (t) => {
  const { visitor, store, bundle } = await workspace(t);
  const made = stored(store, bundle);
  const busy = made.scheduled[0]!.visits[0]!.volunteer;
  const before = bundle.volunteers.find((v) => v.id === busy)!.name;
  t.match((await visitor.get(PLAN)).body, before, 'the timeline names them');
  const renamed = { ...bundle, volunteers: bundle.volunteers.map((v) => (v.id === busy ? { ...v, name: 'Renamed Volunteer' } : v)) };
  saveBundle(store.db, renamed, 'test', organizationNamed(store.db, ORG));
  const after = await visitor.get(PLAN);
  t.match(after.body, 'Renamed Volunteer', 'the new name is shown');
  t.notMatch(after.body, before, 'the old name is gone');
});
