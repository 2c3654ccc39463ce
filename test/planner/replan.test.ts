// Re-planning with a previous plan: published arrivals (pinned) stay where they were, what
// still works is kept as it was, and what no longer works is planned again within the rules.
import t from 'tap';
import type { Test } from 'tap';
import { checkPlan } from '../../src/planner/check.js';
import { plan } from '../../src/planner/index.js';
import type { Applicant, Bundle, Volunteer } from '../../src/domain/index.js';
import type { PlanJson, ScheduledJson } from '../../src/planner/types.js';
import { applicant, between, copy, later, minutesOf, moveStay, peopleOf, scene, stayOf, visitOf, volunteer } from './fixtures/scenes.js';

const attorney = (id: string, over: Partial<Volunteer> = {}) => volunteer({ id, role: 'attorney', ...over });
const interpreter = (id: string, over: Partial<Volunteer> = {}) => volunteer({ id, role: 'interpreter', languages: ['mix', 'es'], ...over });
const spanish = (id: string, over: Partial<Applicant> = {}) => applicant({ id, languages: ['es'], ...over });
const mixteco = (id: string, over: Partial<Applicant> = {}) => applicant({ id, languages: ['mix'], ...over });

/** Re-plans with a previous plan (and pins), checking every rule of the result. */
function replan(t: Test, bundle: Bundle, previous: PlanJson, pin: string[] = [], release: string[] = []): PlanJson {
  const p = plan(bundle, { iterations: 60, previous, pin, release });
  const pins = new Map(previous.scheduled.filter((s) => pin.includes(s.applicant) && !release.includes(s.applicant)).map((s) => [s.applicant, s.arrival]));
  t.same(checkPlan(bundle, p, pins), [], 'the new plan keeps every rule');
  return p;
}

const without = (bundle: Bundle, id: string): Bundle => ({ ...bundle, volunteers: bundle.volunteers.filter((v) => v.id !== id) });
const changed = (bundle: Bundle, id: string, over: Partial<Volunteer>): Bundle => ({ ...bundle, volunteers: bundle.volunteers.map((v) => (v.id === id ? { ...v, ...over } : v)) });
const kept = (before: PlanJson, after: PlanJson, id: string): boolean => JSON.stringify(stayOf(before, id)) === JSON.stringify(stayOf(after, id));

const roster = [attorney('V1'), attorney('V2'), volunteer({ id: 'V3', role: 'paralegal' }), attorney('V4')];
const six = scene({ volunteers: roster, applicants: ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'].map((id) => spanish(id)) });
const sixPlan = plan(six, { iterations: 100 });

t.test('pinned arrivals are kept when re-planning after a volunteer withdraws, and most other assignments are unchanged', async (t) => {
  t.equal(sixPlan.scheduled.length, 6);
  const withdrawn = 'V2';
  t.ok(sixPlan.scheduled.some((s) => peopleOf(s).includes(withdrawn)), 'the withdrawn volunteer had appointments');
  const after = replan(t, without(six, withdrawn), sixPlan, sixPlan.scheduled.map((s) => s.applicant));
  t.equal(after.scheduled.length, 6);
  for (const s of sixPlan.scheduled) t.equal(stayOf(after, s.applicant).arrival, s.arrival, `${s.applicant} arrives when their slip says`);
  const untouched = sixPlan.scheduled.filter((s) => !peopleOf(s).includes(withdrawn));
  t.ok(untouched.length >= 1);
  for (const s of untouched) t.ok(kept(sixPlan, after, s.applicant), `${s.applicant}, whom ${withdrawn} did not serve, keeps the same day`);
  t.notOk(after.scheduled.some((s) => peopleOf(s).includes(withdrawn)));
});

t.test('re-planning the same input with its own plan changes nothing', async (t) => {
  const after = replan(t, six, sixPlan);
  t.same(after.scheduled, sixPlan.scheduled);
});

t.test('a pinned applicant whose volunteer withdrew is re-planned at the same arrival, even if they must wait', async (t) => {
  const bundle = scene({ volunteers: [attorney('V1'), attorney('V2')], applicants: [spanish('A1'), spanish('A2')] });
  const before = plan(bundle, { iterations: 30 });
  const arrivals = before.scheduled.map((s) => s.arrival);
  t.same(arrivals, [arrivals[0], arrivals[0]], 'both arrive at opening with two attorneys');
  const after = replan(t, without(bundle, 'V2'), before, ['A1', 'A2']);
  t.same(after.scheduled.map((s) => s.arrival), arrivals);
});

t.test('a pinned applicant who cannot be served at their arrival any more is left out rather than moved', async (t) => {
  const bundle = scene({ volunteers: [attorney('V1')], applicants: [spanish('A1')] });
  const before = plan(bundle, { iterations: 10 });
  const after = replan(t, changed(bundle, 'V1', { available: [between('09:00', '09:30')] }), before, ['A1']);
  t.same(after.unscheduled.map((u) => u.applicant), ['A1']);
});

t.test('an applicant who was not pinned may move when their volunteer withdraws', async (t) => {
  const bundle = scene({ volunteers: [attorney('V1'), attorney('V2')], applicants: [spanish('A1'), spanish('A2')] });
  const before = plan(bundle, { iterations: 30 });
  const after = replan(t, without(bundle, 'V2'), before);
  t.equal(after.scheduled.length, 2);
  t.ok(after.scheduled.some((s) => s.arrival !== before.scheduled[0]!.arrival), 'one of them now comes later');
});

t.test('when two kept days no longer fit together, the pinned one keeps its day', async (t) => {
  const bundle = scene({ volunteers: [attorney('V1'), attorney('V2')], applicants: [spanish('A1'), spanish('A2')] });
  const before = plan(bundle, { iterations: 30 });
  t.equal(stayOf(before, 'A1').arrival, stayOf(before, 'A2').arrival);
  const oneDesk = { ...bundle, event: { ...bundle.event, desks: { check_in: 1, final_check: 2 } } };
  const after = replan(t, oneDesk, before, ['A2']);
  t.ok(kept(before, after, 'A2'));
  t.notOk(kept(before, after, 'A1'));
});

t.test('when every scheduled applicant is pinned, the search has nothing to move and keeps them', async (t) => {
  const bundle = scene({ volunteers: [attorney('V1', { maxApplicants: 1 })], applicants: [spanish('A1'), spanish('A2')] });
  const before = plan(bundle, { iterations: 10 });
  const served = before.scheduled[0]!.applicant;
  const after = replan(t, bundle, before, [served]);
  t.ok(kept(before, after, served));
});

t.test('pins of unknown applicants, or of applicants the previous plan left out, are ignored', async (t) => {
  const bundle = scene({ volunteers: [attorney('V1', { maxApplicants: 1 })], applicants: [spanish('A1', { priority: 3 }), spanish('A2')] });
  const before = plan(bundle, { iterations: 10 });
  t.same(before.unscheduled.map((u) => u.applicant), ['A2']);
  const after = replan(t, bundle, before, ['A2', 'A9']);
  t.same(after.scheduled, before.scheduled);
});

t.test('a previous plan without pins still keeps what works', async (t) => {
  const bundle = scene({ volunteers: [attorney('V1'), attorney('V2'), attorney('V3')], applicants: [spanish('A1'), spanish('A2'), spanish('A3')] });
  const before = plan(bundle, { iterations: 30 });
  const after = replan(t, without(bundle, 'V3'), before);
  for (const s of before.scheduled.filter((x) => !peopleOf(x).includes('V3'))) t.ok(kept(before, after, s.applicant), s.applicant);
});

t.test('an applicant who left the event is dropped from the new plan, and a new one is added', async (t) => {
  const before = plan(six, { iterations: 30 });
  const bundle = { ...six, applicants: [...six.applicants.filter((a) => a.id !== 'A3'), spanish('A7')] };
  const after = replan(t, bundle, before, ['A3']);
  t.notOk(after.scheduled.some((s) => s.applicant === 'A3'));
  t.ok(after.scheduled.some((s) => s.applicant === 'A7'));
});

// A previous day that no longer fits exactly as it was is not kept as it was.

/** One attorney, one interpreter and two applicants, one of them interpreted. */
const pair = scene({ volunteers: [attorney('V1'), interpreter('V2'), attorney('V3')], applicants: [spanish('A1'), mixteco('A2')] });
const pairPlan = plan(pair, { iterations: 30 });

/** Re-plans after an edit of the previous plan (or of the bundle) and says whether A's old day was kept. */
function after(t: Test, id: string, edit: (previous: PlanJson, stay: ScheduledJson) => void, bundle: Bundle = pair): { kept: boolean; plan: PlanJson } {
  const previous = copy(pairPlan);
  edit(previous, stayOf(previous, id));
  const p = replan(t, bundle, previous);
  t.ok(p.scheduled.some((s) => s.applicant === id), `${id} is still served`);
  return { kept: JSON.stringify(stayOf(p, id)) === JSON.stringify(stayOf(previous, id)), plan: p };
}

t.test('an unedited previous day is kept exactly', async (t) => {
  t.ok(after(t, 'A2', () => {}).kept);
  t.same(stayOf(pairPlan, 'A2').visits.map((v) => v.interpreter), ['V2', 'V2', 'V2']);
});

t.test('a previous day with an arrival off the grid is planned again', async (t) => {
  t.notOk(after(t, 'A1', (_, s) => {
    s.arrival = later(s.arrival, 2);
    s.check_in!.start = s.arrival;
  }).kept);
});

t.test('a previous day missing a visit is planned again', async (t) => {
  t.notOk(after(t, 'A1', (_, s) => { s.visits.pop(); }).kept);
});

t.test('a previous day with a 10-minute check-in is planned again', async (t) => {
  t.notOk(after(t, 'A1', (_, s) => { s.check_in!.end = later(s.check_in!.end, 5); }).kept);
});

t.test('a previous day with a 5-minute final check is planned again', async (t) => {
  t.notOk(after(t, 'A1', (_, s) => { s.final_check!.end = later(s.final_check!.end, -5); }).kept);
});

t.test('a previous day outside the applicant’s new window is planned again inside it', async (t) => {
  const bundle = { ...pair, applicants: pair.applicants.map((a) => (a.id === 'A1' ? { ...a, available: [between('13:00', '16:00')] } : a)) };
  const result = after(t, 'A1', () => {}, bundle);
  t.notOk(result.kept);
  t.ok(minutesOf(bundle, stayOf(result.plan, 'A1').arrival) >= 240);
});

t.test('of two previous days that now share the one check-in desk, one is planned again', async (t) => {
  const bundle = { ...pair, event: { ...pair.event, desks: { check_in: 1, final_check: 2 } } };
  const a1 = stayOf(pairPlan, 'A1');
  const result = after(t, 'A2', (_, s) => {
    moveStay(s, minutesOf(pair, a1.arrival) - minutesOf(pair, s.arrival));
  }, bundle);
  t.notOk(result.kept && kept(pairPlan, result.plan, 'A1'));
  t.not(stayOf(result.plan, 'A1').arrival, stayOf(result.plan, 'A2').arrival);
});

t.test('a previous day whose final-check desk is now taken is planned again', async (t) => {
  const bundle = { ...pair, event: { ...pair.event, desks: { check_in: 2, final_check: 1 } } };
  const a1 = stayOf(pairPlan, 'A1');
  const result = after(t, 'A2', (_, s) => {
    s.final_check = { ...a1.final_check! };
  }, bundle);
  t.notOk(result.kept);
});

t.test('a previous day with its stations out of order is planned again', async (t) => {
  t.notOk(after(t, 'A1', (_, s) => {
    const [a, b] = s.visits;
    [a!.station, b!.station] = [b!.station, a!.station];
  }).kept);
});

t.test('a previous day with a visit off the grid is planned again', async (t) => {
  t.notOk(after(t, 'A1', (_, s) => {
    const v = s.visits[0]!;
    v.start = later(v.start, 1);
    v.end = later(v.end, 1);
  }).kept);
});

t.test('a previous day whose screening starts before check-in ends is planned again', async (t) => {
  t.notOk(after(t, 'A1', (_, s) => {
    const v = s.visits[0]!;
    v.start = s.check_in!.start;
    v.end = later(v.start, 15);
  }).kept);
});

t.test('a previous day with a volunteer who no longer speaks the applicant’s language is planned again', async (t) => {
  const v = visitOf(pairPlan, 'A1', 'screening').volunteer;
  t.notOk(after(t, 'A1', () => {}, changed(pair, v, { languages: ['en'] })).kept);
});

t.test('a previous interpreted visit whose interpreter no longer bridges is planned again', async (t) => {
  const bundle = { ...pair, volunteers: [...pair.volunteers, interpreter('V9', { languages: ['mix', 'pt'] })] };
  t.notOk(after(t, 'A2', (_, s) => { s.visits[0]!.interpreter = 'V9'; }, bundle).kept);
});

t.test('a previous visit by someone no longer on the roster is planned again', async (t) => {
  t.notOk(after(t, 'A2', (_, s) => { s.visits[1]!.volunteer = 'V99'; }).kept);
});

t.test('a previous visit with an interpreter no longer on the roster is planned again', async (t) => {
  t.notOk(after(t, 'A2', (_, s) => { s.visits[2]!.interpreter = 'V98'; }).kept);
});

t.test('a previous visit of the wrong length is planned again', async (t) => {
  t.notOk(after(t, 'A1', (_, s) => {
    s.visits[2]!.end = later(s.visits[2]!.end, 5);
    s.final_check!.start = later(s.final_check!.start, 5);
    s.final_check!.end = later(s.final_check!.end, 5);
  }).kept);
});

t.test('a previous visit at a time the volunteer is no longer there is planned again', async (t) => {
  const review = visitOf(pairPlan, 'A1', 'review');
  const start = minutesOf(pair, review.start);
  t.notOk(after(t, 'A1', () => {}, changed(pair, review.volunteer, { available: [{ start: 0, end: start }, { start: start + 20, end: 420 }] })).kept);
});

t.test('a volunteer whose max_applicants fell keeps only as many previous days as allowed', async (t) => {
  const bundle = scene({
    volunteers: [attorney('V1'), volunteer({ id: 'V2', role: 'paralegal' })],
    applicants: [spanish('A1', { available: [between('09:00', '11:00')] }), spanish('A2', { available: [between('11:00', '16:00')] })],
  });
  const previous = plan(bundle, { iterations: 20 });
  t.equal(previous.scheduled.filter((s) => peopleOf(s).includes('V2')).length, 2, 'the paralegal served both');
  const p = replan(t, changed(bundle, 'V2', { maxApplicants: 1 }), previous);
  t.equal(p.scheduled.filter((s) => peopleOf(s).includes('V2')).length, 1);
  t.equal(p.scheduled.filter((s) => kept(previous, p, s.applicant)).length, 1, 'one day kept as it was');
});

t.test('a previous interpreted visit at a time the interpreter is no longer there is planned again', async (t) => {
  const screening = visitOf(pairPlan, 'A2', 'screening');
  const start = minutesOf(pair, screening.start);
  t.notOk(after(t, 'A2', () => {}, changed(pair, 'V2', { available: [{ start: start + 25, end: 420 }] })).kept);
});

t.test('an interpreter whose max_applicants fell to 0 keeps no previous day', async (t) => {
  const result = after(t, 'A1', () => {}, changed(pair, 'V2', { maxApplicants: 0 }));
  t.ok(result.kept, 'the Spanish speaker needed no interpreter');
  t.same(result.plan.unscheduled.map((u) => u.applicant), ['A2']);
});

t.test('a previous day whose final check starts before review ends is planned again', async (t) => {
  t.notOk(after(t, 'A1', (_, s) => {
    s.final_check!.start = later(s.visits[2]!.end, -5);
    s.final_check!.end = later(s.final_check!.start, 10);
  }).kept);
});

t.test('a previous plan from an event with no check-in desk is read with arrival at the first visit', async (t) => {
  const bundle = scene({ volunteers: [attorney('V1')], applicants: [spanish('A1'), spanish('A2')] });
  for (const minutes of Object.values(bundle.event.caseTypes)) minutes.check_in = 0;
  const before = plan(bundle, { iterations: 10 });
  t.equal(stayOf(before, 'A1').check_in, null);
  const after2 = replan(t, bundle, before, ['A1', 'A2']);
  t.same(after2.scheduled, before.scheduled);
});

t.test('a pinned applicant whose arrival can no longer be kept is left out, not moved, and told to be released', async (t) => {
  const bundle = scene({ volunteers: [attorney('V1'), attorney('V2')], applicants: [spanish('A1'), spanish('A2')] });
  for (const minutes of Object.values(bundle.event.caseTypes)) minutes.check_in = 0;
  const before = plan(bundle, { iterations: 10 });
  t.same(before.scheduled.map((s) => minutesOf(bundle, s.arrival)), [0, 0]);
  const after2 = replan(t, without(bundle, 'V2'), before, ['A1', 'A2']);
  t.same(after2.scheduled.map((s) => minutesOf(bundle, s.arrival)), [0], 'only one can start with the one attorney at opening');
  t.equal(after2.unscheduled.length, 1);
  t.match(after2.unscheduled[0]!, { reason: 'no_capacity', detail: 'the day is full at their published arrival (09:00): no day through every station starts then; released, they could come at 10:20 instead' });
});

t.test('released, the applicant whose arrival could not be kept is given a later one', async (t) => {
  const bundle = scene({ volunteers: [attorney('V1'), attorney('V2')], applicants: [spanish('A1'), spanish('A2')] });
  for (const minutes of Object.values(bundle.event.caseTypes)) minutes.check_in = 0;
  const before = plan(bundle, { iterations: 10 });
  const lost = before.scheduled.find((s) => s.visits.some((v) => v.volunteer === 'V2'))!.applicant;
  const after2 = replan(t, without(bundle, 'V2'), before, ['A1', 'A2'], [lost]);
  t.equal(after2.scheduled.length, 2, 'both come');
  t.ok(minutesOf(bundle, stayOf(after2, lost).arrival) > 0, `${lost} comes once the attorney is free`);
});

t.test('a released applicant may lose their day to a more urgent one', async (t) => {
  const bundle = scene({ event: { closes: '10:40' }, volunteers: [attorney('V1')], applicants: [spanish('A1')] });
  const before = plan(bundle, { iterations: 10 });
  t.equal(before.scheduled.length, 1);
  const urgent = { ...bundle, applicants: [...bundle.applicants, spanish('A2', { priority: 3 })] };
  t.same(replan(t, urgent, before, ['A1']).scheduled.map((s) => s.applicant), ['A1'], 'kept while published and not released');
  t.same(replan(t, urgent, before, ['A1'], ['A1']).scheduled.map((s) => s.applicant), ['A2'], 'released, the more urgent one takes the day');
});

t.test('a previous plan with a day of no steps is read without failing', async (t) => {
  const previous = copy(pairPlan);
  const s = stayOf(previous, 'A1');
  s.check_in = null;
  s.visits = [];
  s.final_check = null;
  const p = replan(t, pair, previous);
  t.equal(p.scheduled.length, 2);
});

t.test('with the withdrawn volunteer back, every published applicant gets their published day again', async (t) => {
  const ids = sixPlan.scheduled.map((s) => s.applicant);
  const draft = replan(t, without(six, 'V2'), sixPlan, ids);
  const back = plan(six, { iterations: 60, previous: draft, pin: ids, published: sixPlan });
  t.same(checkPlan(six, back), []);
  for (const s of sixPlan.scheduled) t.same(stayOf(back, s.applicant), s, `${s.applicant} has their published day`);
});

t.test('a published applicant a draft dropped is pinned at their published arrival, not left to chance', async (t) => {
  const draft = copy(sixPlan);
  const dropped = draft.scheduled.shift()!;
  draft.unscheduled.push({ applicant: dropped.applicant, reason: 'no_capacity', detail: 'the day is full' });
  draft.summary.scheduled -= 1;
  const ids = sixPlan.scheduled.map((s) => s.applicant);
  const p = plan(six, { iterations: 60, previous: draft, pin: ids, published: sixPlan });
  t.equal(stayOf(p, dropped.applicant).arrival, dropped.arrival);
});

t.test('a pinned applicant the published version never scheduled keeps the arrival of the previous plan', async (t) => {
  const published = copy(sixPlan);
  const later = published.scheduled.pop()!;
  const p = plan(six, { iterations: 60, previous: sixPlan, pin: sixPlan.scheduled.map((s) => s.applicant), published });
  t.equal(stayOf(p, later.applicant).arrival, later.arrival);
});

t.test('a pinned applicant with no day at their arrival nor at any other time is told both', async (t) => {
  const bundle = scene({ event: { closes: '10:40' }, volunteers: [attorney('V1'), attorney('V2')], applicants: [spanish('A1'), spanish('A2')] });
  const before = plan(bundle, { iterations: 10 });
  t.equal(before.scheduled.length, 2);
  const after = replan(t, without(bundle, 'V2'), before, ['A1', 'A2']);
  t.equal(after.unscheduled.length, 1);
  t.match(after.unscheduled[0]!.detail, /^the day is full at their published arrival \(09:00\): no day through every station starts then; nor at any other time: the day is full: /);
});
