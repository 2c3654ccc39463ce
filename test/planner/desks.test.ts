// Desks the roster staffs: steps only while someone is on shift, and warnings where nobody is.
import t from 'tap';
import { checkPlan } from '../../src/planner/check.js';
import { plan } from '../../src/planner/index.js';
import { deskWarnings } from '../../src/planner/warnings.js';
import type { Applicant, Bundle, Volunteer } from '../../src/domain/index.js';
import type { PlanJson } from '../../src/planner/types.js';
import { applicant, between, copy, minutesOf, scene, volunteer } from './fixtures/scenes.js';

const attorney = (id: string, over: Partial<Volunteer> = {}) => volunteer({ id, role: 'attorney', ...over });
const greeter = (id: string, over: Partial<Volunteer> = {}) => volunteer({ id, role: 'general', languages: ['es'], ...over });
const spanish = (id: string, over: Partial<Applicant> = {}) => applicant({ id, languages: ['es'], ...over });
const many = (n: number) => Array.from({ length: n }, (_, i) => spanish(`A${i + 1}`));
const planned = (bundle: Bundle): PlanJson => plan(bundle, { iterations: 60 });

/** A morning greeter and an afternoon one: check-in in the morning, final check from noon. */
const afternoonFinal = scene({
  volunteers: [
    attorney('V1'), attorney('V2'), attorney('V3'),
    greeter('G1', { available: [between('09:00', '12:00')] }), greeter('G2', { available: [between('12:00', '16:00')] }),
  ],
  applicants: many(40),
});

t.test('each greeter takes the desk their hours leave unstaffed the most, counting when each desk is needed', async (t) => {
  const p = planned(afternoonFinal);
  t.same(p.shifts.map((s) => [s.volunteer, s.station, minutesOf(afternoonFinal, s.start), minutesOf(afternoonFinal, s.end)]), [
    ['G1', 'check_in', 0, 180], ['G2', 'final_check', 180, 420],
  ]);
});

t.test('no check-in or final check is planned while nobody is on shift at that desk', async (t) => {
  const p = planned(afternoonFinal);
  t.same(checkPlan(afternoonFinal, p), []);
  t.ok(p.scheduled.length > 0);
  t.same(p.scheduled.filter((s) => minutesOf(afternoonFinal, s.check_in!.end) > 180).map((s) => s.applicant), [], 'every check-in by 12:00');
  t.same(p.scheduled.filter((s) => minutesOf(afternoonFinal, s.final_check!.start) < 180).map((s) => s.applicant), [], 'every final check from 12:00');
  t.same(p.warnings, []);
});

t.test('a left-out applicant is told which desk or station is full while they can come', async (t) => {
  const p = planned(afternoonFinal);
  const full = p.unscheduled.filter((u) => u.reason === 'no_capacity');
  t.ok(full.length > 0, 'three attorneys cannot take forty');
  for (const u of full) t.match(u.detail, /^the day is full: (the check-in desk is taken or has nobody on shift|everyone who could (screen|prepare|review) a DACA renewal in Spanish \(es\) is booked|those who could)/);
});

t.test('a roster without greeters leaves the desks open all day and warns of nothing', async (t) => {
  const bundle = scene({ volunteers: [attorney('V1')], applicants: many(2) });
  const p = planned(bundle);
  t.same(p.shifts, []);
  t.same(p.warnings, []);
  t.equal(p.scheduled.length, 2);
});

t.test('a lone greeter takes final check, and every check-in is a warning of a desk with nobody on shift', async (t) => {
  const bundle = scene({ volunteers: [attorney('V1'), greeter('G1')], applicants: many(2) });
  const p = planned(bundle);
  t.same(p.shifts.map((s) => s.station), ['final_check']);
  t.equal(p.scheduled.length, 2, 'an unstaffed desk is warned of, not closed: closing it would serve nobody');
  t.same(p.warnings!.map((w) => [w.code, w.station, w.steps]), [['unstaffed_desk', 'check_in', 1], ['unstaffed_desk', 'check_in', 1]], 'one warning per stretch, apart in time');
  t.equal(p.warnings![0]!.message, 'Nobody is on shift at the check-in desk 09:00–09:05, when 1 check-in is planned');
});

t.test('a stored plan warns of final checks once its final-check volunteer leaves the roster', async (t) => {
  const p = planned(afternoonFinal);
  t.same(deskWarnings(afternoonFinal, p), []);
  const without = { ...afternoonFinal, volunteers: afternoonFinal.volunteers.filter((v) => v.id !== 'G2') };
  const warnings = deskWarnings(without, copy(p));
  t.ok(warnings.length > 0);
  t.ok(warnings.every((w) => w.station === 'final_check'));
  t.equal(warnings.reduce((n, w) => n + w.steps, 0), p.scheduled.length, 'every final check is in a warning');
});

t.test('a left-out applicant the check-in desk cannot take is told the check-in desk is the limit', async (t) => {
  const bundle = scene({
    event: { desks: { check_in: 1, final_check: 2 } },
    volunteers: [attorney('V1'), attorney('V2'), attorney('V3'), greeter('G1', { available: [between('09:00', '09:10')] }), greeter('G2')],
    applicants: many(3),
  });
  const p = planned(bundle);
  t.same(p.shifts.map((s) => [s.volunteer, s.station]), [['G1', 'check_in'], ['G2', 'final_check']]);
  t.equal(p.scheduled.length, 2, 'two check-ins fit the ten minutes the desk is staffed');
  t.equal(p.unscheduled[0]!.detail, 'the day is full: the check-in desk is taken or has nobody on shift whenever they could check in (09:00–16:00)');
  t.same(checkPlan(bundle, p), []);
});

t.test('a left-out applicant the final-check desk cannot take is told the final-check desk is the limit', async (t) => {
  const bundle = scene({
    event: { desks: { check_in: 2, final_check: 1 } },
    volunteers: [attorney('V1'), attorney('V2'), attorney('V3'), greeter('G1', { available: [between('15:30', '16:00')] }), greeter('G2')],
    applicants: many(5),
  });
  const p = planned(bundle);
  t.same(p.shifts.map((s) => [s.volunteer, s.station]), [['G1', 'final_check'], ['G2', 'check_in']]);
  t.equal(p.scheduled.length, 3, 'three final checks fit the half hour the desk is staffed');
  for (const u of p.unscheduled) t.equal(u.detail, 'the day is full: the final-check desk is taken or has nobody on shift whenever they could finish (09:00–16:00)');
  t.same(checkPlan(bundle, p), []);
});
