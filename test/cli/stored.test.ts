import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import type { Test } from 'tap';
import { openDatabase } from '../../src/db/index.js';
import { eventKey, listPlans } from '../../src/db/plans.js';
import { DRAFT_MARK } from '../../src/outputs/sheets.js';
import { slipViews } from '../../src/outputs/slips.js';
import type { PlanJson } from '../../src/planner/types.js';
import { FRESNO, FRESNO_ID, SAMPLES_DIR, sampleBundle, sampleFiles, tempDir } from '../support/fixtures.js';
import { parseCalendar } from '../outputs/fixtures/ical.js';
import { runTaller } from '../support/cli.js';

const FAST = ['--iterations', '200'];

const taller = runTaller;

/** A fresh database holding the Fresno sample. */
async function imported(t: Test): Promise<string> {
  const db = join(tempDir(t), 'taller.sqlite');
  const res = await taller(db, ['import', join(SAMPLES_DIR, FRESNO)]);
  if (res.code !== 0) throw new Error(res.stderr);
  return db;
}

/** Plans the stored Fresno event; the stored plan as printed on stdout. */
async function planStored(db: string, ...extra: string[]) {
  const res = await taller(db, ['plan', '--event', FRESNO_ID, ...FAST, ...extra]);
  return { ...res, plan: res.code === 0 ? JSON.parse(res.stdout) as PlanJson : undefined };
}

/** The versions stored for the Fresno event, oldest first. */
function versions(db: string): number[] {
  const store = openDatabase(db);
  try {
    return listPlans(store.db, eventKey(store.db, FRESNO_ID)!).map((v) => v.version).reverse();
  } finally {
    store.close();
  }
}

/** Version 1 published, then version 2 a fresh plan with another seed (moves people) stored as a newer draft. */
async function publishedThenDraft(t: Test) {
  const db = await imported(t);
  const published = (await planStored(db)).plan!;
  await taller(db, ['publish', '--event', FRESNO_ID, '--version', '1']);
  const draft = await planStored(db, '--fresh', '--confirm', '--seed', '5');
  if (draft.code !== 0) throw new Error(draft.stderr);
  return { db, published, draft: draft.plan! };
}

const arrivals = (p: PlanJson) => new Map(p.scheduled.map((s) => [s.applicant, s.arrival]));

t.test('plan --event stores version 1 and prints the plan JSON', async (t) => {
  const db = await imported(t);
  const res = await planStored(db);
  t.equal(res.code, 0);
  t.equal(res.plan!.event, FRESNO_ID);
  t.equal(res.plan!.scheduled.length + res.plan!.unscheduled.length, 40);
  t.match(res.stderr, new RegExp(`^stored version 1 of ${FRESNO_ID} \\(a fresh plan\\): ${res.plan!.summary.scheduled} of 40 scheduled$`, 'm'));
  t.same(versions(db), [1]);
});

t.test('plan --event --out writes the plan JSON to the file and nothing to stdout', async (t) => {
  const db = await imported(t);
  const out = join(tempDir(t), 'plan.json');
  const res = await taller(db, ['plan', '--event', FRESNO_ID, '--quick', '--out', out]);
  t.equal(res.code, 0);
  t.equal(res.stdout, '');
  t.equal(JSON.parse(readFileSync(out, 'utf8')).event, FRESNO_ID);
  t.match(res.stderr, /^stored version 1 of /m);
});

t.test('a second plan --event re-plans from version 1', async (t) => {
  const db = await imported(t);
  await planStored(db);
  const res = await planStored(db, '--seed', '9');
  t.equal(res.code, 0);
  t.match(res.stderr, new RegExp(`^stored version 2 of ${FRESNO_ID} \\(re-planned from version 1\\): \\d+ of 40 scheduled$`, 'm'));
  t.match(res.stderr, /nothing is published yet: no one to tell/);
  t.same(versions(db), [1, 2]);
});

t.test('publish then re-plan keeps every published arrival and prints no one to tell', async (t) => {
  const db = await imported(t);
  const first = (await planStored(db)).plan!;
  const published = await taller(db, ['publish', '--event', FRESNO_ID, '--version', '1']);
  t.equal(published.code, 0);
  t.match(published.stdout, new RegExp(`^published version 1 of ${FRESNO_ID}$`, 'm'));
  const res = await planStored(db, '--seed', '9');
  t.equal(res.code, 0);
  const next = arrivals(res.plan!);
  for (const [applicant, arrival] of arrivals(first)) t.equal(next.get(applicant), arrival, applicant);
  t.match(res.stderr, /no one to tell/);
  t.notMatch(res.stderr, /^A\d+ /m);
});

t.test('--release lets a released applicant move and names them when moved', async (t) => {
  const db = await imported(t);
  const first = (await planStored(db)).plan!;
  await taller(db, ['publish', '--event', FRESNO_ID, '--version', '1']);
  // A0040 can now come only in the other half of the day: their published arrival no longer fits.
  const was = arrivals(first).get('A0040')!;
  const morning = was < '2027-05-22T12:30';
  const hours = morning ? '13:00-16:00' : '09:00-12:00';
  const dir = join(tempDir(t), 'bundle');
  mkdirSync(dir);
  for (const [name, bytes] of Object.entries(sampleFiles(FRESNO))) writeFileSync(join(dir, name), bytes!);
  const csv = readFileSync(join(dir, 'applicants.csv'), 'utf8').split('\n')
    .map((line) => (line.startsWith('A0040,') ? line.split(',').map((cell, i) => (i === 9 ? hours : cell)).join(',') : line)).join('\n');
  writeFileSync(join(dir, 'applicants.csv'), csv);
  t.equal((await taller(db, ['import', dir])).code, 0);
  const res = await planStored(db, '--release', 'A0040');
  t.equal(res.code, 0);
  const now = arrivals(res.plan!).get('A0040');
  t.ok(now && (morning ? now >= '2027-05-22T13:00' : now < '2027-05-22T12:00'), `A0040 arrives in their new hours (${now})`);
  t.match(res.stderr, new RegExp(`^A0040 moved ${was.slice(11, 16)} → ${now!.slice(11, 16)}$`, 'm'));
});

t.test('--release of an applicant the event does not have exits 2 and stores nothing', async (t) => {
  const db = await imported(t);
  const res = await planStored(db, '--release', 'A0001,A9999');
  t.equal(res.code, 2);
  t.equal(res.stderr, `taller plan: Not applicants of ${FRESNO_ID}: A9999\n`);
  t.same(versions(db), []);
});

t.test('--fresh without --confirm after publish refuses with exit 2, lists who would move, and stores nothing', async (t) => {
  const db = await imported(t);
  const first = (await planStored(db)).plan!;
  await taller(db, ['publish', '--event', FRESNO_ID, '--version', '1']);
  const res = await planStored(db, '--fresh', '--seed', '5');
  t.equal(res.code, 2);
  t.equal(res.stdout, '');
  t.match(res.stderr, /^taller plan: A fresh plan would move or drop \d+ published applicants? of version 1/);
  t.match(res.stderr, /--confirm/);
  const listed = [...res.stderr.matchAll(/^(A\d+) (moved|removed) /gm)].map((m) => m[1]!);
  t.ok(listed.length > 0, 'names who would move');
  for (const id of listed) t.ok(arrivals(first).has(id), `${id} was published`);
  t.same(versions(db), [1]);
});

t.test('--fresh --confirm stores the fresh plan and says whom to tell', async (t) => {
  const db = await imported(t);
  await planStored(db);
  await taller(db, ['publish', '--event', FRESNO_ID, '--version', '1']);
  const res = await planStored(db, '--fresh', '--confirm', '--seed', '5');
  t.equal(res.code, 0);
  t.match(res.stderr, new RegExp(`^stored version 2 of ${FRESNO_ID} \\(a fresh plan\\)`, 'm'));
  t.match(res.stderr, /^A\d+ (moved \d\d:\d\d → \d\d:\d\d|removed \(was \d\d:\d\d\)|added \d\d:\d\d)$/m);
  t.match(res.stderr, /^volunteers whose day changed: V\d+/m);
  t.same(versions(db), [1, 2]);
});

t.test('plan with --confirm but without --fresh exits 2', async (t) => {
  const db = await imported(t);
  t.equal((await planStored(db, '--confirm')).code, 2);
  t.same(versions(db), []);
});

t.test('publish of the first version says every scheduled applicant gets a slip', async (t) => {
  const db = await imported(t);
  await planStored(db);
  const res = await taller(db, ['publish', '--event', FRESNO_ID, '--version', '1']);
  t.equal(res.code, 0);
  t.equal(res.stdout, `published version 1 of ${FRESNO_ID}\nthe first published version: every scheduled applicant gets a slip, every volunteer a calendar\n`);
});

t.test('publish of a newer version names each applicant change against the published one', async (t) => {
  const { db, published, draft } = await publishedThenDraft(t);
  const res = await taller(db, ['publish', '--event', FRESNO_ID, '--version', '2']);
  t.equal(res.code, 0);
  const before = arrivals(published);
  const movedId = draft.scheduled.find((s) => before.has(s.applicant) && before.get(s.applicant) !== s.arrival)!;
  const hhmm = (iso: string) => iso.slice(11, 16);
  t.match(res.stdout, `\n${movedId.applicant} moved ${hhmm(before.get(movedId.applicant)!)} → ${hhmm(movedId.arrival)}\n`);
});

t.test('sheets --event before publish carry the draft mark and after publish do not', async (t) => {
  const db = await imported(t);
  await planStored(db);
  const out = join(tempDir(t), 'sheets.html');
  const draft = await taller(db, ['sheets', '--event', FRESNO_ID, '--out', out]);
  t.equal(draft.code, 0);
  t.match(draft.stderr, `wrote sheets for ${FRESNO_ID} (version 1, draft) to ${out}`);
  t.match(readFileSync(out, 'utf8'), DRAFT_MARK);
  await taller(db, ['publish', '--event', FRESNO_ID, '--version', '1']);
  t.equal((await taller(db, ['sheets', '--event', FRESNO_ID, '--out', out])).code, 0);
  const html = readFileSync(out, 'utf8');
  t.match(html, /^<!doctype html>/i);
  t.notMatch(html, DRAFT_MARK);
});

t.test('slips --event follow the published version, not a newer draft', async (t) => {
  const { db, published, draft } = await publishedThenDraft(t);
  const before = arrivals(published);
  const moved = draft.scheduled.find((s) => before.has(s.applicant) && before.get(s.applicant) !== s.arrival)!.applicant;
  const bundle = sampleBundle(FRESNO);
  const timeIn = (plan: PlanJson) => slipViews(bundle, plan, { applicant: moved })[0]!.time;
  const printedTime = (html: string) => /<dd class="arrive"><bdi>([^<]*)<\/bdi>/.exec(html)?.[1];
  const out = join(tempDir(t), 'slips.html');
  t.equal((await taller(db, ['slips', '--event', FRESNO_ID, '--applicant', moved, '--out', out])).code, 0);
  const held = readFileSync(out, 'utf8');
  t.equal(printedTime(held), timeIn(published));
  t.notMatch(held, 'class="draft-mark"');
  t.equal((await taller(db, ['slips', '--event', FRESNO_ID, '--version', '2', '--applicant', moved, '--out', out])).code, 0);
  const newer = readFileSync(out, 'utf8');
  t.equal(printedTime(newer), timeIn(draft));
  t.not(timeIn(draft), timeIn(published));
  t.match(newer, 'class="draft-mark"');
});

t.test('ics --event for a volunteer parses and follows the published version', async (t) => {
  const { db, published, draft } = await publishedThenDraft(t);
  const visitsOf = (plan: PlanJson, vid: string) => plan.scheduled.flatMap((s) => s.visits)
    .filter((v) => v.volunteer === vid).map((v) => Date.parse(v.start)).sort((a, b) => a - b);
  const onShift = new Set([...published.shifts, ...draft.shifts].map((s) => s.volunteer));
  const interpreting = new Set([...published.scheduled, ...draft.scheduled].flatMap((s) => s.visits.map((v) => v.interpreter)));
  const vid = sampleBundle(FRESNO).volunteers.map((v) => v.id)
    .find((id) => !onShift.has(id) && !interpreting.has(id) && visitsOf(published, id).length > 0 && visitsOf(published, id).join() !== visitsOf(draft, id).join())!;
  t.ok(vid, 'a volunteer whose visits differ between the versions');
  const res = await taller(db, ['ics', '--event', FRESNO_ID, '--volunteer', vid, '--now', '2027-05-01T12:00:00Z']);
  t.equal(res.code, 0);
  const calendar = parseCalendar(res.stdout);
  t.same(calendar.zones, ['America/Los_Angeles']);
  const live = calendar.events.filter((e) => e.status !== 'CANCELLED');
  t.same(live.map((e) => e.start).sort((a, b) => a - b), visitsOf(published, vid));
  t.notOk(live.some((e) => e.summary.startsWith('Draft')), 'no draft mark on the published version');
  t.match(res.stdout, 'DTSTAMP:20270501T120000Z');
});

t.test('ics --event --version of a newer draft marks every event as a draft', async (t) => {
  const { db } = await publishedThenDraft(t);
  const res = await taller(db, ['ics', '--event', FRESNO_ID, '--volunteer', 'V002', '--version', '2']);
  t.equal(res.code, 0);
  const live = parseCalendar(res.stdout).events.filter((e) => e.status !== 'CANCELLED');
  t.ok(live.length > 0);
  t.ok(live.every((e) => e.summary.startsWith('Draft, times may change: ')));
});

t.test('ics --event of a volunteer not on the roster exits 2 naming them', async (t) => {
  const db = await imported(t);
  await planStored(db, '--quick');
  const res = await taller(db, ['ics', '--event', FRESNO_ID, '--volunteer', 'V999']);
  t.equal(res.code, 2);
  t.match(res.stderr, /volunteer V999 is not on the roster/);
});

t.test('every stored-event command exits 2 for an event not in the database', async (t) => {
  const db = await imported(t);
  const out = join(tempDir(t), 'x.html');
  const commands: [string, ...string[]][] = [
    ['plan', '--event', 'nowhere', '--quick'], ['publish', '--event', 'nowhere', '--version', '1'],
    ['sheets', '--event', 'nowhere', '--out', out], ['slips', '--event', 'nowhere', '--out', out],
    ['ics', '--event', 'nowhere', '--volunteer', 'V001'],
  ];
  for (const args of commands) {
    const res = await taller(db, args);
    t.equal(res.code, 2, args[0]);
    t.equal(res.stderr, `taller ${args[0]}: no event nowhere in the database\n`, args[0]);
  }
});

t.test('printing a stored event with no plan yet exits 2 and says how to plan it', async (t) => {
  const db = await imported(t);
  const commands: [string, ...string[]][] = [['sheets', '--out', join(tempDir(t), 'x.html')], ['slips', '--out', join(tempDir(t), 'x.html')], ['ics', '--volunteer', 'V001']];
  for (const args of commands) {
    const res = await taller(db, [...args, '--event', FRESNO_ID]);
    t.equal(res.code, 2, args[0]);
    t.equal(res.stderr, `taller ${args[0]}: ${FRESNO_ID} has no plan yet: taller plan --event ${FRESNO_ID}\n`, args[0]);
  }
});

t.test('publishing or printing a version that is not stored exits 2', async (t) => {
  const db = await imported(t);
  await planStored(db, '--quick');
  const publish = await taller(db, ['publish', '--event', FRESNO_ID, '--version', '7']);
  t.equal(publish.code, 2);
  t.equal(publish.stderr, `taller publish: ${FRESNO_ID} has no plan version 7\n`);
  const sheets = await taller(db, ['sheets', '--event', FRESNO_ID, '--version', '7', '--out', join(tempDir(t), 'x.html')]);
  t.equal(sheets.code, 2);
  t.equal(sheets.stderr, `taller sheets: ${FRESNO_ID} has no plan version 7\n`);
  t.equal((await taller(db, ['publish', '--event', FRESNO_ID, '--version', '0'])).code, 2);
  t.equal((await taller(db, ['publish', '--event', FRESNO_ID])).code, 2);
});

t.test('--event together with a bundle folder, a --plan file or --previous exits 2', async (t) => {
  const db = await imported(t);
  const dir = join(SAMPLES_DIR, FRESNO);
  const out = join(tempDir(t), 'x.html');
  for (const args of [
    ['plan', dir, '--event', FRESNO_ID], ['plan', '--event', FRESNO_ID, '--previous', 'p.json'],
    ['sheets', dir, '--event', FRESNO_ID, '--out', out], ['ics', '--event', FRESNO_ID, '--volunteer', 'V001', '--plan', 'p.json'],
  ]) {
    t.equal((await taller(db, args)).code, 2, args.join(' '));
  }
  t.same(versions(db), []);
});

t.test('--fresh or --version without --event exits 2', async (t) => {
  const db = await imported(t);
  t.equal((await taller(db, ['plan', join(SAMPLES_DIR, FRESNO), '--fresh'])).code, 2);
  t.equal((await taller(db, ['sheets', join(SAMPLES_DIR, FRESNO), '--version', '1', '--out', join(tempDir(t), 'x.html')])).code, 2);
});

t.test('--help documents plan --event, publish and the stored printouts', async (t) => {
  const res = await taller(join(tempDir(t), 'x.sqlite'), ['--help']);
  for (const text of ['plan --event ID', '--release IDS', '--fresh', '--confirm', 'publish --event ID --version N', 'sheets|slips|ics --event ID']) {
    t.match(res.stdout, text);
  }
});
