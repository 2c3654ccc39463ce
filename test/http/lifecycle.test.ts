// The life of a plan: published is what people hold, re-plans keep them, stale versions are named.
import t from 'tap';
import type { Test } from 'tap';
import { loadBundle } from '../../src/db/events.js';
import { checkPlan } from '../../src/planner/check.js';
import type { PlanJson } from '../../src/planner/types.js';
import { applicantSlips } from '../../src/outputs/slips.js';
import { FRESNO, FRESNO_ID, sampleFiles, withFile } from '../support/fixtures.js';
import { authHeader, build, multipart } from '../support/http.js';
import type { BundleFiles } from '../../src/bundle/index.js';

const QUICK = { iterations: 300 };
type Built = Awaited<ReturnType<typeof build>> & { headers: { authorization: string } };

async function fresno(t: Test, files: BundleFiles = sampleFiles(FRESNO)): Promise<Built> {
  const built = await build(t);
  const headers = authHeader(built.store);
  const res = await built.app.inject({ method: 'POST', url: '/api/events/import', ...multipart(files as Record<string, Uint8Array>), headers: { ...multipart(files as Record<string, Uint8Array>).headers, ...headers } });
  t.equal(res.statusCode, 201, 'imported');
  return { ...built, headers };
}

async function reimport(t: Test, { app, headers }: Built, files: BundleFiles): Promise<void> {
  const body = multipart(files as Record<string, Uint8Array>);
  const res = await app.inject({ method: 'POST', url: '/api/events/import', payload: body.payload, headers: { ...body.headers, ...headers } });
  t.equal(res.statusCode, 200, 'updated');
}

async function planIt(built: Built, payload: Record<string, unknown> = {}) {
  return built.app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plan`, headers: built.headers, payload: { ...QUICK, ...payload } });
}

const publish = (built: Built, version: number) =>
  built.app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/plans/${version}/publish`, headers: built.headers });

/** The roster file without one volunteer's row. */
function withoutVolunteer(files: BundleFiles, id: string): BundleFiles {
  const text = Buffer.from(files['volunteers.csv']!).toString('utf8');
  return withFile(files, 'volunteers.csv', text.split('\n').filter((line) => !line.startsWith(`${id},`)).join('\n'));
}

const arrivals = (p: PlanJson) => new Map(p.scheduled.map((s) => [s.applicant, s.arrival]));

t.test('the versions list says which one is published and which are drafts', async (t) => {
  const built = await fresno(t);
  await planIt(built);
  await publish(built, 1);
  await planIt(built);
  const list = (await built.app.inject({ url: `/api/events/${FRESNO_ID}/plans`, headers: built.headers })).json();
  t.same(list.map((v: { version: number; status: string }) => [v.version, v.status]), [[2, 'draft'], [1, 'published']]);
});

t.test('a slip link opened after a newer draft shows the published time, not the draft', async (t) => {
  const built = await fresno(t);
  const v1 = (await planIt(built)).json().plan as PlanJson;
  await publish(built, 1);
  const fresh = await planIt(built, { fresh: true, confirm: true, seed: 77 });
  t.equal(fresh.statusCode, 201);
  const v2 = fresh.json().plan as PlanJson;
  const before = arrivals(v1);
  const moved = v2.scheduled.find((s) => before.has(s.applicant) && before.get(s.applicant) !== s.arrival);
  t.ok(moved, 'the fresh draft moves someone');
  const link = (await built.app.inject({ method: 'POST', url: `/api/events/${FRESNO_ID}/applicants/${moved!.applicant}/slip-link`, headers: built.headers })).json();
  const page = await built.app.inject(new URL(link.url).pathname);
  const bundle = loadBundle(built.store.db, FRESNO_ID)!;
  // Printed from the link, its QR code leads to the applicant's own page.
  const options = { applicant: moved!.applicant, draft: false, checkInUrl: () => link.page_url as string };
  t.equal(page.body, await applicantSlips(bundle, v1, options), 'the slip of the published version');
  t.not(page.body, await applicantSlips(bundle, v2, options));
});

t.test('slips and sheets say draft before the first publish and stop saying it after', async (t) => {
  const built = await fresno(t);
  await planIt(built);
  const draftSlips = (await built.app.inject({ url: `/api/events/${FRESNO_ID}/slips.html`, headers: built.headers })).body;
  const draftSheets = (await built.app.inject({ url: `/api/events/${FRESNO_ID}/sheets.html`, headers: built.headers })).body;
  await publish(built, 1);
  const slips = (await built.app.inject({ url: `/api/events/${FRESNO_ID}/slips.html`, headers: built.headers })).body;
  const sheets = (await built.app.inject({ url: `/api/events/${FRESNO_ID}/sheets.html`, headers: built.headers })).body;
  t.match(draftSheets, /DRAFT/);
  t.notMatch(sheets, /DRAFT/);
  t.ok(draftSlips.length > slips.length, 'each draft slip carries a draft mark the published ones do not');
});

t.test('a volunteer calendar follows the published version and marks drafts before any', async (t) => {
  const built = await fresno(t);
  await planIt(built);
  const url = `/api/events/${FRESNO_ID}/volunteers/V002/calendar.ics`;
  t.match((await built.app.inject({ url, headers: built.headers })).body, /SUMMARY:Draft\\, times may change/);
  await publish(built, 1);
  const published = (await built.app.inject({ url, headers: built.headers })).body;
  t.notMatch(published, /Draft/);
  await planIt(built, { fresh: true, confirm: true, seed: 77 });
  t.equal((await built.app.inject({ url, headers: built.headers })).body.replace(/DTSTAMP:\S+/g, ''), published.replace(/DTSTAMP:\S+/g, ''), 'a newer draft changes nothing volunteers hold');
});

t.test('a fresh plan that would move published people is refused until confirmed, and says how many', async (t) => {
  const built = await fresno(t);
  await planIt(built);
  await publish(built, 1);
  const refused = await planIt(built, { fresh: true, seed: 77 });
  t.equal(refused.statusCode, 409);
  const body = refused.json();
  t.match(body.error, /^A fresh plan would move or drop \d+ published applicants? of version 1; send it again with confirm to store it$/);
  t.ok(body.notify.applicants.length > 0);
  const list = (await built.app.inject({ url: `/api/events/${FRESNO_ID}/plans`, headers: built.headers })).json();
  t.equal(list.length, 1, 'nothing was stored');
  t.equal((await planIt(built, { fresh: true, seed: 77, confirm: true })).statusCode, 201);
});

t.test('replan: false is a fresh plan, refused like one after a publish', async (t) => {
  const built = await fresno(t);
  await planIt(built);
  await publish(built, 1);
  t.equal((await planIt(built, { replan: false, seed: 77 })).statusCode, 409);
});

t.test('a release naming someone not on the applicant list is refused, naming them', async (t) => {
  const built = await fresno(t);
  await planIt(built);
  const res = await planIt(built, { release: ['A0001', 'A9999'] });
  t.equal(res.statusCode, 400);
  t.equal(res.json().error, `Not applicants of ${FRESNO_ID}: A9999`);
});

t.test('a released applicant may move, and the result names them among those to tell', async (t) => {
  const built = await fresno(t);
  const v1 = (await planIt(built)).json().plan as PlanJson;
  await publish(built, 1);
  // Everyone released: the search may then move anyone; those it moves are exactly the ones to tell.
  const all = v1.scheduled.map((s) => s.applicant);
  const res = (await planIt(built, { release: all, seed: 5 })).json();
  t.same(res.released, all);
  t.same(res.pinned, []);
  const before = arrivals(v1);
  const movedNow = (res.plan as PlanJson).scheduled.filter((s) => before.has(s.applicant) && before.get(s.applicant) !== s.arrival).map((s) => s.applicant).sort();
  const told = res.notify.applicants.filter((c: { change: string }) => c.change === 'moved').map((c: { applicant: string }) => c.applicant).sort();
  t.same(told, movedNow);
});

t.test('after a volunteer leaves the roster, the stored version is out of date and names them', async (t) => {
  const built = await fresno(t);
  const v1 = (await planIt(built)).json().plan as PlanJson;
  const busy = v1.scheduled[0]!.visits[0]!.volunteer;
  await reimport(t, built, withoutVolunteer(sampleFiles(FRESNO), busy));
  const stored = (await built.app.inject({ url: `/api/events/${FRESNO_ID}/plans/1`, headers: built.headers })).json();
  t.ok(stored.out_of_date?.length > 0, 'out of date');
  t.ok(stored.out_of_date.some((p: { message: string }) => p.message.includes(busy)), `names ${busy}`);
  const page = (await built.app.inject({ url: `/events/${FRESNO_ID}`, headers: built.headers })).body;
  t.match(page, /Out of date/);
  t.match(page, new RegExp(`${busy} · no longer on the roster`));
});

t.test('a version that still fits the event is not out of date', async (t) => {
  const built = await fresno(t);
  await planIt(built);
  await reimport(t, built, sampleFiles(FRESNO));
  const stored = (await built.app.inject({ url: `/api/events/${FRESNO_ID}/plans/1`, headers: built.headers })).json();
  t.equal(stored.out_of_date, undefined);
  t.notMatch((await built.app.inject({ url: `/events/${FRESNO_ID}`, headers: built.headers })).body, /Out of date/);
});

t.test('the event page marks a draft and lists whom it changes things for against the published version', async (t) => {
  const built = await fresno(t);
  await planIt(built);
  await publish(built, 1);
  await planIt(built, { fresh: true, confirm: true, seed: 77 });
  const page = (await built.app.inject({ url: `/events/${FRESNO_ID}`, headers: built.headers })).body;
  t.match(page, /<strong>Draft\.<\/strong> Version 2 is not published/);
  t.match(page, /Against version 1, whom to tell:/);
  t.match(page, /npx taller publish --event fresno-2027-05-22 --version 2/);
});

t.test('publishing answers with whom the new version changes things for', async (t) => {
  const built = await fresno(t);
  await planIt(built);
  t.same((await publish(built, 1)).json().notify, { against: null, applicants: [], volunteers: [] }, 'nothing was held before');
  await planIt(built, { fresh: true, confirm: true, seed: 77 });
  const second = (await publish(built, 2)).json();
  t.equal(second.notify.against, 1);
  t.ok(second.notify.applicants.length > 0);
});

t.test('a roster that leaves a desk unstaffed gives plan JSON warnings', async (t) => {
  // Only one greeter: one desk has nobody on shift.
  const built = await fresno(t, withoutVolunteer(sampleFiles(FRESNO), 'V011'));
  const plan = (await planIt(built)).json().plan as PlanJson;
  t.ok(plan.warnings!.length > 0);
  t.ok(plan.warnings!.every((w) => w.code === 'unstaffed_desk'));
  const stored = (await built.app.inject({ url: `/api/events/${FRESNO_ID}/plans/1`, headers: built.headers })).json();
  t.same(stored.warnings, plan.warnings);
});

t.test('a form filler removed and put back: published days kept, the returning volunteer used, every reason true', async (t) => {
  const files = sampleFiles(FRESNO);
  const built = await fresno(t, files);
  const v1 = (await planIt(built)).json().plan as PlanJson;
  await publish(built, 1);

  await reimport(t, built, withoutVolunteer(files, 'V004'));
  const v2 = (await planIt(built)).json();
  const bundleWithout = loadBundle(built.store.db, FRESNO_ID)!;
  t.same(checkPlan(bundleWithout, v2.plan, arrivals(v1)), [], 'the re-plan keeps every rule, no left-out applicant fits');
  const lostV004 = new Set(v1.scheduled.filter((s) => s.visits.some((v) => v.volunteer === 'V004' || v.interpreter === 'V004')).map((s) => s.applicant));
  for (const s of v1.scheduled) {
    if (lostV004.has(s.applicant)) continue;
    const now = (v2.plan as PlanJson).scheduled.find((x) => x.applicant === s.applicant);
    t.same(now, s, `${s.applicant} lost nobody and keeps their day`);
  }
  const told = v2.notify.applicants.map((c: { applicant: string }) => c.applicant);
  t.ok(told.every((id: string) => lostV004.has(id) || !arrivals(v1).has(id)), 'only people who lost V004 (or newly added) are to be told');
  for (const id of lostV004) {
    const kept = (v2.plan as PlanJson).scheduled.find((x) => x.applicant === id);
    if (kept && kept.arrival === arrivals(v1).get(id)) t.notOk(told.includes(id), `${id} keeps their arrival and needs no word`);
    else t.ok(told.includes(id), `${id} is to be told`);
  }

  await reimport(t, built, files);
  const v3 = (await planIt(built)).json();
  const bundle = loadBundle(built.store.db, FRESNO_ID)!;
  t.same(checkPlan(bundle, v3.plan, arrivals(v1)), [], 'every rule kept and nobody left out for capacity fits');
  const p3 = v3.plan as PlanJson;
  const fillerVisits = p3.scheduled.filter((s) => s.visits.some((v) => v.volunteer === 'V004')).length;
  const couldUse = p3.unscheduled.filter((u) => u.reason === 'no_capacity').length;
  t.ok(fillerVisits > 0 || couldUse === 0, `V004 is back at work (${fillerVisits} applicants) or nobody is waiting for capacity`);
  // With the roster as it was when version 1 was published, everyone gets their published day back.
  for (const s of v1.scheduled) t.same(p3.scheduled.find((x) => x.applicant === s.applicant), s, `${s.applicant} has their published day again`);
  t.same(v3.notify.applicants, [], 'nobody to tell against the published version');
});
