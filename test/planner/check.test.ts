// checkPlan, one rule at a time: for every rule a small scene that keeps it and one (or more)
// deliberate edits of a real plan that break it, with the exact count and who it concerns.
import t from 'tap';
import type { Test } from 'tap';
import { DateTime } from 'luxon';
import { checkPlan, noRoomLeft, readContext, RULES } from '../../src/planner/check.js';
import { plan } from '../../src/planner/index.js';
import type { Applicant, Bundle, Volunteer } from '../../src/domain/index.js';
import type { PlanJson } from '../../src/planner/types.js';
import {
  accreditedRep, applicant, between, copy, HOST_ORG, iso, later, minutesOf, moveStay, OTHER_ORG, runRule, scene,
  SPRING_FORWARD_DATE, stayOf, visitOf, volunteer,
} from './fixtures/scenes.js';

const planned = (bundle: Bundle): PlanJson => plan(bundle, { iterations: 20 });

const attorney = (over: Partial<Volunteer> = {}) => volunteer({ id: 'V1', role: 'attorney', ...over });
const interpreter = (over: Partial<Volunteer> = {}) => volunteer({ id: 'V2', role: 'interpreter', languages: ['mix', 'es'], ...over });
const greeter = (over: Partial<Volunteer> = {}) => volunteer({ id: 'V3', role: 'general', languages: ['es'], ...over });
const spanish = (id: string, over: Partial<Applicant> = {}) => applicant({ id, languages: ['es'], ...over });
const mixteco = (id: string, over: Partial<Applicant> = {}) => applicant({ id, languages: ['mix'], ...over });

/** One attorney who does every visit for two Spanish-speaking applicants, and a greeter at the desks. */
const solo = scene({ volunteers: [attorney(), greeter()], applicants: [spanish('A1'), spanish('A2')] });
const soloPlan = planned(solo);

/** Every violation names the rule that found it. */
function only(t: Test, found: { rule: string }[], rule: string, count: number): void {
  t.equal(found.length, count, `${count} violation(s) of ${rule}: ${JSON.stringify(found)}`);
  t.ok(found.every((v) => v.rule === rule), `every violation is of ${rule}`);
}

t.test('RULES holds exactly the rules this file tests, each a named function', async (t) => {
  t.same(Object.keys(RULES).sort(), [
    'availability', 'caseCompetency', 'deskCapacity', 'everyApplicantOnce', 'knownVolunteers', 'languageBridge',
    'maxApplicants', 'noDoubleBooking', 'noRoomLeft', 'onSlotGrid', 'reviewRules', 'rightLengths', 'roleBoundaries', 'shiftRules',
    'stationsInOrder', 'summaryMatches', 'timesInSiteZone', 'unscheduledReasons', 'withinApplicantWindow', 'withinEventHours',
  ]);
  for (const [name, rule] of Object.entries(RULES)) t.equal(rule.name, name, name);
});

t.test('looking up a rule that does not exist is an error, not an empty list', async (t) => {
  t.throws(() => runRule('noSuchRule', solo, soloPlan), /no rule named noSuchRule/);
});

t.test('a plan made by the planner keeps every rule', async (t) => {
  t.equal(soloPlan.scheduled.length, 2);
  t.same(checkPlan(solo, soloPlan), []);
});

t.test('checkPlan reports the violations of every rule an edit breaks', async (t) => {
  const edited = copy(soloPlan);
  edited.summary.scheduled_weight += 1;
  stayOf(edited, 'A1').visits[0]!.volunteer = 'V99';
  const found = checkPlan(solo, edited);
  t.same(found.map((v) => v.rule).sort(), ['knownVolunteers', 'summaryMatches']);
});

// everyApplicantOnce

t.test('everyApplicantOnce: keeps a plan where each applicant is scheduled or unscheduled once', async (t) => {
  const bundle = scene({ volunteers: [attorney()], applicants: [spanish('A1'), spanish('A2'), spanish('A3', { available: [between('09:00', '09:30')] })] });
  const p = planned(bundle);
  t.equal(p.unscheduled.length, 1);
  t.same(runRule('everyApplicantOnce', bundle, p), []);
});

t.test('everyApplicantOnce: an applicant dropped from the plan is one violation naming them', async (t) => {
  const edited = copy(soloPlan);
  edited.scheduled = edited.scheduled.filter((s) => s.applicant !== 'A2');
  const found = runRule('everyApplicantOnce', solo, edited);
  only(t, found, 'everyApplicantOnce', 1);
  t.equal(found[0]!.applicant, 'A2');
  t.match(found[0]!.message, /neither scheduled nor unscheduled/);
});

t.test('everyApplicantOnce: an applicant both scheduled and unscheduled is one violation', async (t) => {
  const edited = copy(soloPlan);
  edited.unscheduled.push({ applicant: 'A1', reason: 'no_capacity', detail: 'the day is full' });
  const found = runRule('everyApplicantOnce', solo, edited);
  only(t, found, 'everyApplicantOnce', 1);
  t.equal(found[0]!.applicant, 'A1');
  t.match(found[0]!.message, /appears 2 times/);
});

t.test('everyApplicantOnce: someone who is not an applicant of the event is one violation', async (t) => {
  const edited = copy(soloPlan);
  edited.unscheduled.push({ applicant: 'A9', reason: 'no_capacity', detail: 'the day is full' });
  const found = runRule('everyApplicantOnce', solo, edited);
  only(t, found, 'everyApplicantOnce', 1);
  t.equal(found[0]!.applicant, 'A9');
  t.match(found[0]!.message, /not an applicant of this event/);
});

// knownVolunteers

const interpreted = scene({ volunteers: [attorney(), interpreter(), greeter()], applicants: [spanish('A1'), mixteco('A2')] });
const interpretedPlan = planned(interpreted);

t.test('knownVolunteers: keeps a plan whose volunteers, interpreters and shifts are all on the roster', async (t) => {
  t.ok(stayOf(interpretedPlan, 'A2').visits.every((v) => v.interpreter === 'V2'));
  t.ok(interpretedPlan.shifts.length > 0);
  t.same(runRule('knownVolunteers', interpreted, interpretedPlan), []);
});

t.test('knownVolunteers: a visit by someone off the roster is one violation naming them and the applicant', async (t) => {
  const edited = copy(interpretedPlan);
  visitOf(edited, 'A1', 'screening').volunteer = 'V99';
  const found = runRule('knownVolunteers', interpreted, edited);
  only(t, found, 'knownVolunteers', 1);
  t.match(found[0]!, { volunteer: 'V99', applicant: 'A1' });
});

t.test('knownVolunteers: an interpreter off the roster is one violation', async (t) => {
  const edited = copy(interpretedPlan);
  visitOf(edited, 'A2', 'review').interpreter = 'V98';
  const found = runRule('knownVolunteers', interpreted, edited);
  only(t, found, 'knownVolunteers', 1);
  t.match(found[0]!, { volunteer: 'V98', applicant: 'A2' });
});

t.test('knownVolunteers: a desk shift for someone off the roster is one violation', async (t) => {
  const edited = copy(interpretedPlan);
  edited.shifts[0]!.volunteer = 'V97';
  const found = runRule('knownVolunteers', interpreted, edited);
  only(t, found, 'knownVolunteers', 1);
  t.equal(found[0]!.volunteer, 'V97');
  t.equal(found[0]!.applicant, undefined);
});

// timesInSiteZone

t.test('timesInSiteZone: keeps a plan written with the site offset', async (t) => {
  t.match(stayOf(soloPlan, 'A1').arrival, /-08:00$/);
  t.same(runRule('timesInSiteZone', solo, soloPlan), []);
});

t.test('timesInSiteZone: keeps a plan across a daylight-saving change, each time with its own offset', async (t) => {
  const bundle = scene({
    event: { date: SPRING_FORWARD_DATE, opens: '00:00', closes: '08:00' },
    volunteers: [attorney({ available: [{ start: 0, end: 420 }] })],
    applicants: [spanish('A1', { available: [{ start: 0, end: 420 }] }), spanish('A2', { available: [{ start: 0, end: 420 }] })],
  });
  const p = planned(bundle);
  const offsets = new Set(p.scheduled.flatMap((s) => s.visits.flatMap((v) => [v.start, v.end])).map((x) => x.slice(-6)));
  t.same([...offsets].sort(), ['-07:00', '-08:00']);
  t.same(runRule('timesInSiteZone', bundle, p), []);
});

t.test('timesInSiteZone: a time written with Z is one violation saying where', async (t) => {
  const edited = copy(soloPlan);
  const stay = stayOf(edited, 'A1');
  stay.arrival = DateTime.fromISO(stay.arrival).toUTC().toISO({ suppressMilliseconds: true })!;
  t.match(stay.arrival, /Z$/);
  const found = runRule('timesInSiteZone', solo, edited);
  only(t, found, 'timesInSiteZone', 1);
  t.match(found[0]!.message, /^A1\.arrival .* is not an ISO 8601 time with an offset/);
});

t.test('timesInSiteZone: the same instant written with the wrong offset is one violation', async (t) => {
  const edited = copy(soloPlan);
  const visit = visitOf(edited, 'A2', 'review');
  visit.start = DateTime.fromISO(visit.start).setZone('UTC-7').toISO({ suppressMilliseconds: true })!;
  t.match(visit.start, /-07:00$/);
  const found = runRule('timesInSiteZone', solo, edited);
  only(t, found, 'timesInSiteZone', 1);
  t.match(found[0]!.message, /^A2\.visits\.2\.start .* does not carry the site's offset/);
});

t.test('timesInSiteZone: after the spring-forward change, a time still written at -08:00 is one violation', async (t) => {
  const bundle = scene({
    event: { date: SPRING_FORWARD_DATE, opens: '00:00', closes: '08:00' },
    volunteers: [attorney({ available: [{ start: 0, end: 420 }] }), greeter({ available: [{ start: 0, end: 420 }] })],
    applicants: [spanish('A1', { available: [{ start: 0, end: 420 }] })],
  });
  const edited = copy(planned(bundle));
  const shift = edited.shifts[0]!;
  t.match(shift.end, /T08:00:00-07:00$/);
  shift.end = DateTime.fromISO(shift.end).setZone('UTC-8').toISO({ suppressMilliseconds: true })!;
  const found = runRule('timesInSiteZone', bundle, edited);
  only(t, found, 'timesInSiteZone', 1);
  t.match(found[0]!.message, /^shifts\.0\.end 2027-03-14T07:00:00-08:00 does not carry/);
});

t.test('timesInSiteZone: a time that cannot be read is one violation', async (t) => {
  const edited = copy(soloPlan);
  stayOf(edited, 'A1').final_check!.end = 'half past eleven';
  const found = runRule('timesInSiteZone', solo, edited);
  only(t, found, 'timesInSiteZone', 1);
  t.match(found[0]!.message, /^A1\.final_check\.end half past eleven is not/);
});

// onSlotGrid

t.test('onSlotGrid: keeps a plan on a 15-minute grid', async (t) => {
  const bundle = scene({ event: { slotMinutes: 15 }, volunteers: [attorney(), greeter()], applicants: [spanish('A1'), spanish('A2')] });
  const p = planned(bundle);
  t.ok(p.scheduled.every((s) => s.visits.every((v) => minutesOf(bundle, v.start) % 15 === 0)));
  t.same(runRule('onSlotGrid', bundle, p), []);
});

t.test('onSlotGrid: a visit moved 2 minutes off the grid is one violation for its applicant', async (t) => {
  const edited = copy(soloPlan);
  const visit = visitOf(edited, 'A1', 'screening');
  visit.start = later(visit.start, 2);
  visit.end = later(visit.end, 2);
  const found = runRule('onSlotGrid', solo, edited);
  only(t, found, 'onSlotGrid', 1);
  t.equal(found[0]!.applicant, 'A1');
});

t.test('onSlotGrid: a desk shift starting off the grid is one violation for its volunteer', async (t) => {
  const edited = copy(soloPlan);
  edited.shifts[0]!.start = later(edited.shifts[0]!.start, 3);
  const found = runRule('onSlotGrid', solo, edited);
  only(t, found, 'onSlotGrid', 1);
  t.equal(found[0]!.volunteer, 'V3');
});

// stationsInOrder

const withConsultation = scene({ volunteers: [attorney()], applicants: [spanish('A1'), spanish('A2', { caseType: 'consultation' })] });
const withConsultationPlan = planned(withConsultation);

t.test('stationsInOrder: keeps a plan where a consultation skips preparation', async (t) => {
  t.same(stayOf(withConsultationPlan, 'A2').visits.map((v) => v.station), ['screening', 'review']);
  t.same(runRule('stationsInOrder', withConsultation, withConsultationPlan), []);
});

t.test('stationsInOrder: a missing preparation is one violation naming the stations', async (t) => {
  const edited = copy(withConsultationPlan);
  const stay = stayOf(edited, 'A1');
  stay.visits = stay.visits.filter((v) => v.station !== 'preparation');
  const found = runRule('stationsInOrder', withConsultation, edited);
  only(t, found, 'stationsInOrder', 1);
  t.equal(found[0]!.applicant, 'A1');
  t.equal(found[0]!.message, 'A1 needs screening, preparation, review but visits screening, review');
});

t.test('stationsInOrder: a stay with no visits at all is one violation', async (t) => {
  const edited = copy(withConsultationPlan);
  stayOf(edited, 'A2').visits = [];
  const found = runRule('stationsInOrder', withConsultation, edited);
  only(t, found, 'stationsInOrder', 1);
  t.equal(found[0]!.message, 'A2 needs screening, review but visits nothing');
});

t.test('stationsInOrder: an applicant whose case type the event does not have needs no station at all', async (t) => {
  const bundle = { ...withConsultation, event: { ...withConsultation.event, caseTypes: { consultation: withConsultation.event.caseTypes['consultation']! } } };
  t.same(runRule('stationsInOrder', bundle, withConsultationPlan).map((v) => v.message), ['A1 needs  but visits screening, preparation, review']);
});

t.test('stationsInOrder: an arrival before check-in starts is one violation', async (t) => {
  const edited = copy(withConsultationPlan);
  const stay = stayOf(edited, 'A1');
  stay.arrival = later(stay.check_in!.start, -5);
  const found = runRule('stationsInOrder', withConsultation, edited);
  only(t, found, 'stationsInOrder', 1);
  t.match(found[0]!.message, /arrival is not when their day starts/);
});

t.test('stationsInOrder: review starting before preparation ends is one violation', async (t) => {
  const edited = copy(withConsultationPlan);
  const prep = visitOf(edited, 'A1', 'preparation');
  const review = visitOf(edited, 'A1', 'review');
  review.start = later(prep.end, -5);
  review.end = later(review.start, 20);
  const found = runRule('stationsInOrder', withConsultation, edited);
  only(t, found, 'stationsInOrder', 1);
  t.match(found[0]!.message, /starts a step before the previous one ends/);
});

t.test('stationsInOrder: with no check-in desk, the day starts at the first visit', async (t) => {
  const bundle = scene({ volunteers: [attorney()], applicants: [spanish('A1')] });
  for (const minutes of Object.values(bundle.event.caseTypes)) minutes.check_in = 0;
  const p = planned(bundle);
  const stay = stayOf(p, 'A1');
  t.equal(stay.check_in, null);
  t.equal(stay.arrival, stay.visits[0]!.start);
  t.same(runRule('stationsInOrder', bundle, p), []);
  const edited = copy(p);
  stayOf(edited, 'A1').arrival = later(stay.arrival, -10);
  only(t, runRule('stationsInOrder', bundle, edited), 'stationsInOrder', 1);
});

// rightLengths

t.test('rightLengths: keeps a plan whose interpreted visits take half again as long', async (t) => {
  const lengths = stayOf(interpretedPlan, 'A2').visits.map((v) => minutesOf(interpreted, v.end) - minutesOf(interpreted, v.start));
  t.same(lengths, [25, 70, 30]);
  t.same(runRule('rightLengths', interpreted, interpretedPlan), []);
});

t.test('rightLengths: a review cut short by 5 minutes is one violation', async (t) => {
  const edited = copy(interpretedPlan);
  const review = visitOf(edited, 'A1', 'review');
  review.end = later(review.end, -5);
  const found = runRule('rightLengths', interpreted, edited);
  only(t, found, 'rightLengths', 1);
  t.equal(found[0]!.applicant, 'A1');
  t.equal(found[0]!.message, "A1's review lasts 15 minutes, not 20");
});

t.test('rightLengths: interpreted visits without their interpreter are three violations, one per visit', async (t) => {
  const edited = copy(interpretedPlan);
  for (const v of stayOf(edited, 'A2').visits) v.interpreter = null;
  const found = runRule('rightLengths', interpreted, edited);
  only(t, found, 'rightLengths', 3);
  t.same(found.map((v) => v.message), [
    "A2's screening lasts 25 minutes, not 15", "A2's preparation lasts 70 minutes, not 45", "A2's review lasts 30 minutes, not 20",
  ]);
});

t.test('rightLengths: a missing 5-minute check-in is one violation', async (t) => {
  const edited = copy(interpretedPlan);
  stayOf(edited, 'A1').check_in = null;
  const found = runRule('rightLengths', interpreted, edited);
  only(t, found, 'rightLengths', 1);
  t.equal(found[0]!.message, "A1's check_in lasts 0 minutes, not 5");
});

t.test('rightLengths: a 0-minute final check written as a span instead of null is one violation', async (t) => {
  const bundle = scene({ volunteers: [attorney()], applicants: [spanish('A1')] });
  bundle.event.caseTypes['daca_renewal']!.final_check = 0;
  const p = planned(bundle);
  t.equal(stayOf(p, 'A1').final_check, null);
  t.same(runRule('rightLengths', bundle, p), []);
  const edited = copy(p);
  const end = stayOf(edited, 'A1').visits[2]!.end;
  stayOf(edited, 'A1').final_check = { start: end, end };
  const found = runRule('rightLengths', bundle, edited);
  only(t, found, 'rightLengths', 1);
  t.equal(found[0]!.message, "A1's final_check lasts 0 minutes, not 0");
});

// withinEventHours

t.test('withinEventHours: keeps a plan between opening and closing', async (t) => {
  t.same(runRule('withinEventHours', solo, soloPlan), []);
});

t.test('withinEventHours: a stay moved past closing is one violation for its applicant', async (t) => {
  const edited = copy(soloPlan);
  moveStay(stayOf(edited, 'A1'), 6 * 60);
  const found = runRule('withinEventHours', solo, edited);
  only(t, found, 'withinEventHours', 1);
  t.equal(found[0]!.applicant, 'A1');
});

t.test('withinEventHours: a stay starting before opening is one violation', async (t) => {
  const edited = copy(soloPlan);
  const stay = stayOf(edited, 'A2');
  moveStay(stay, -minutesOf(solo, stay.arrival) - 30);
  only(t, runRule('withinEventHours', solo, edited), 'withinEventHours', 1);
});

t.test('withinEventHours: a desk shift running past closing is one violation for its volunteer', async (t) => {
  const edited = copy(soloPlan);
  edited.shifts[0]!.end = later(edited.shifts[0]!.end, 30);
  const found = runRule('withinEventHours', solo, edited);
  only(t, found, 'withinEventHours', 1);
  t.equal(found[0]!.volunteer, 'V3');
});

// withinApplicantWindow

const morning = scene({ volunteers: [attorney()], applicants: [spanish('A1', { available: [between('09:00', '12:00')] })] });
const morningPlan = planned(morning);

t.test('withinApplicantWindow: keeps a stay inside the applicant’s morning window', async (t) => {
  t.ok(minutesOf(morning, stayOf(morningPlan, 'A1').final_check!.end) <= 180);
  t.same(runRule('withinApplicantWindow', morning, morningPlan), []);
});

t.test('withinApplicantWindow: a stay moved into the afternoon is one violation for its applicant', async (t) => {
  const edited = copy(morningPlan);
  moveStay(stayOf(edited, 'A1'), 180);
  const found = runRule('withinApplicantWindow', morning, edited);
  only(t, found, 'withinApplicantWindow', 1);
  t.equal(found[0]!.applicant, 'A1');
});

t.test('withinApplicantWindow: a stay spanning the gap between two windows is one violation', async (t) => {
  const bundle = scene({ volunteers: [attorney()], applicants: [spanish('A1', { available: [between('09:00', '10:30'), between('10:30', '13:00')] })] });
  const p = planned(bundle);
  t.same(runRule('withinApplicantWindow', bundle, p), []);
  const edited = copy(p);
  const stay = stayOf(edited, 'A1');
  moveStay(stay, 60 - minutesOf(bundle, stay.arrival));
  only(t, runRule('withinApplicantWindow', bundle, edited), 'withinApplicantWindow', 1);
});

// roleBoundaries

const roles = scene({
  volunteers: [attorney(), volunteer({ id: 'V2', role: 'screener' }), volunteer({ id: 'V3', role: 'form_filler' }), interpreter({ id: 'V4' })],
  applicants: [spanish('A1')],
});
const rolesPlan = planned(roles);

t.test('roleBoundaries: keeps a plan where each volunteer staffs only what their role allows', async (t) => {
  t.same(runRule('roleBoundaries', roles, rolesPlan), []);
});

t.test('roleBoundaries: a screener at preparation is one violation naming them and the applicant', async (t) => {
  const edited = copy(rolesPlan);
  visitOf(edited, 'A1', 'preparation').volunteer = 'V2';
  const found = runRule('roleBoundaries', roles, edited);
  only(t, found, 'roleBoundaries', 1);
  t.match(found[0]!, { applicant: 'A1', volunteer: 'V2', message: 'V2 (screener) may not staff preparation' });
});

t.test('roleBoundaries: a form filler at screening is one violation', async (t) => {
  const edited = copy(rolesPlan);
  visitOf(edited, 'A1', 'screening').volunteer = 'V3';
  const found = runRule('roleBoundaries', roles, edited);
  only(t, found, 'roleBoundaries', 1);
  t.match(found[0]!, { volunteer: 'V3' });
});

t.test('roleBoundaries: an interpreter in a volunteer’s seat is one violation', async (t) => {
  const edited = copy(rolesPlan);
  visitOf(edited, 'A1', 'review').volunteer = 'V4';
  const found = runRule('roleBoundaries', roles, edited);
  only(t, found, 'roleBoundaries', 1);
  t.match(found[0]!, { volunteer: 'V4', message: 'V4 (interpreter) may not staff review' });
});

// reviewRules

const reviews = scene({
  volunteers: [
    attorney(), volunteer({ id: 'V2', role: 'paralegal' }),
    accreditedRep({ id: 'V3', org: OTHER_ORG, accreditation: 'full' }), accreditedRep({ id: 'V4', org: HOST_ORG, accreditation: 'partial' }),
  ],
  applicants: [spanish('A1'), spanish('A2', { complexity: 'complex' }), spanish('A3', { flags: ['in_proceedings'] })],
});
const reviewsPlan = planned(reviews);

t.test('reviewRules: keeps a plan where only eligible people review', async (t) => {
  t.equal(reviewsPlan.scheduled.length, 3);
  t.equal(visitOf(reviewsPlan, 'A2', 'review').volunteer, 'V1');
  t.equal(visitOf(reviewsPlan, 'A3', 'review').volunteer, 'V1');
  t.same(runRule('reviewRules', reviews, reviewsPlan), []);
});

t.test('reviewRules: a partial accredited rep of a host organization may review a straightforward case', async (t) => {
  const edited = copy(reviewsPlan);
  visitOf(edited, 'A1', 'review').volunteer = 'V4';
  t.same(runRule('reviewRules', reviews, edited), []);
});

t.test('reviewRules: a paralegal swapped in as reviewer is one violation (and a role violation too)', async (t) => {
  const edited = copy(reviewsPlan);
  visitOf(edited, 'A1', 'review').volunteer = 'V2';
  const found = runRule('reviewRules', reviews, edited);
  only(t, found, 'reviewRules', 1);
  t.match(found[0]!, { applicant: 'A1', volunteer: 'V2', message: "V2 (paralegal) may not review A1's case" });
  only(t, runRule('roleBoundaries', reviews, edited), 'roleBoundaries', 1);
});

t.test('reviewRules: an accredited rep of an organization that does not host the event is one violation', async (t) => {
  const edited = copy(reviewsPlan);
  visitOf(edited, 'A1', 'review').volunteer = 'V3';
  const found = runRule('reviewRules', reviews, edited);
  only(t, found, 'reviewRules', 1);
  t.match(found[0]!, { applicant: 'A1', volunteer: 'V3' });
  t.same(runRule('roleBoundaries', reviews, edited), [], 'an accredited rep may staff review: only the review rule is broken');
});

t.test('reviewRules: a host-org accredited rep reviewing a complex case is one violation', async (t) => {
  const edited = copy(reviewsPlan);
  visitOf(edited, 'A2', 'review').volunteer = 'V4';
  const found = runRule('reviewRules', reviews, edited);
  only(t, found, 'reviewRules', 1);
  t.match(found[0]!, { applicant: 'A2', volunteer: 'V4' });
});

t.test('reviewRules: a partial accredited rep reviewing a case in proceedings is one violation', async (t) => {
  const edited = copy(reviewsPlan);
  visitOf(edited, 'A3', 'review').volunteer = 'V4';
  const found = runRule('reviewRules', reviews, edited);
  only(t, found, 'reviewRules', 1);
  t.match(found[0]!, { applicant: 'A3', volunteer: 'V4' });
});

// caseCompetency

const competency = scene({
  volunteers: [
    attorney({ caseTypes: ['daca_renewal'] }), volunteer({ id: 'V2', role: 'paralegal', caseTypes: ['n400'] }),
    interpreter({ id: 'V3', caseTypes: ['n400'] }), interpreter({ id: 'V4' }),
  ],
  applicants: [spanish('A1'), mixteco('A2')],
});
const competencyPlan = planned(competency);

t.test('caseCompetency: keeps a plan where a volunteer limited to DACA renewals does DACA renewals', async (t) => {
  t.equal(competencyPlan.scheduled.length, 2);
  t.ok(stayOf(competencyPlan, 'A2').visits.every((v) => v.interpreter === 'V4'));
  t.same(runRule('caseCompetency', competency, competencyPlan), []);
});

t.test('caseCompetency: a naturalization-only paralegal screening a DACA renewal is one violation', async (t) => {
  const edited = copy(competencyPlan);
  visitOf(edited, 'A1', 'screening').volunteer = 'V2';
  const found = runRule('caseCompetency', competency, edited);
  only(t, found, 'caseCompetency', 1);
  t.match(found[0]!, { applicant: 'A1', volunteer: 'V2', message: 'V2 does not handle daca_renewal' });
});

t.test('caseCompetency: a naturalization-only interpreter on a DACA renewal is one violation naming the interpreter', async (t) => {
  const edited = copy(competencyPlan);
  visitOf(edited, 'A2', 'review').interpreter = 'V3';
  const found = runRule('caseCompetency', competency, edited);
  only(t, found, 'caseCompetency', 1);
  t.match(found[0]!, { applicant: 'A2', volunteer: 'V3', message: 'V3 does not handle daca_renewal' });
});

// languageBridge

const languages = scene({
  volunteers: [attorney(), volunteer({ id: 'V2', role: 'paralegal', languages: ['en'] }), interpreter({ id: 'V3' }), interpreter({ id: 'V4', languages: ['mix', 'pt'] })],
  applicants: [spanish('A1'), mixteco('A2')],
});
const languagesPlan = planned(languages);

t.test('languageBridge: keeps a plan where each visit shares a language or books a bridging interpreter', async (t) => {
  t.ok(stayOf(languagesPlan, 'A2').visits.every((v) => v.interpreter === 'V3'));
  t.same(runRule('languageBridge', languages, languagesPlan), []);
});

t.test('languageBridge: an English-only volunteer screening a Spanish speaker is one violation', async (t) => {
  const edited = copy(languagesPlan);
  visitOf(edited, 'A1', 'screening').volunteer = 'V2';
  const found = runRule('languageBridge', languages, edited);
  only(t, found, 'languageBridge', 1);
  t.match(found[0]!, { applicant: 'A1', volunteer: 'V2', message: 'V2 and A1 share no language' });
});

t.test('languageBridge: a Mixteco speaker’s visit with the interpreter taken away is one violation', async (t) => {
  const edited = copy(languagesPlan);
  visitOf(edited, 'A2', 'preparation').interpreter = null;
  const found = runRule('languageBridge', languages, edited);
  only(t, found, 'languageBridge', 1);
  t.match(found[0]!, { applicant: 'A2' });
});

t.test('languageBridge: an interpreter who speaks Mixteco but not the volunteer’s language is one violation', async (t) => {
  const edited = copy(languagesPlan);
  visitOf(edited, 'A2', 'screening').interpreter = 'V4';
  const found = runRule('languageBridge', languages, edited);
  only(t, found, 'languageBridge', 1);
  t.match(found[0]!.message, /share no language that V4 can bridge/);
});

t.test('languageBridge: an interpreter off the roster bridges nothing: one violation', async (t) => {
  const edited = copy(languagesPlan);
  visitOf(edited, 'A2', 'screening').interpreter = 'V99';
  only(t, runRule('languageBridge', languages, edited), 'languageBridge', 1);
});

// availability

const supervised = scene({
  volunteers: [
    attorney({ available: [between('09:00', '12:00')] }), attorney({ id: 'V2' }),
    volunteer({ id: 'V3', role: 'law_student', supervisor: 'V1' }), interpreter({ id: 'V4', available: [between('09:00', '12:00')] }),
  ],
  applicants: [spanish('A1', { available: [between('13:00', '16:00')] }), mixteco('A2', { available: [between('09:00', '12:00')] })],
});
const supervisedPlan = planned(supervised);

t.test('availability: keeps a plan where nobody works outside their hours and the student works only supervised', async (t) => {
  t.equal(supervisedPlan.scheduled.length, 2);
  t.notOk(stayOf(supervisedPlan, 'A1').visits.some((v) => v.volunteer === 'V3' || v.volunteer === 'V1'));
  t.same(runRule('availability', supervised, supervisedPlan), []);
});

t.test('availability: a law student screening while the supervisor is away is one violation naming the student', async (t) => {
  const edited = copy(supervisedPlan);
  visitOf(edited, 'A1', 'screening').volunteer = 'V3';
  const found = runRule('availability', supervised, edited);
  only(t, found, 'availability', 1);
  t.match(found[0]!, { applicant: 'A1', volunteer: 'V3', message: "V3's supervisor is not there for the whole of A1's screening" });
});

t.test('availability: a law student whose supervisor is not on the roster is never supervised', async (t) => {
  const bundle = { ...supervised, volunteers: supervised.volunteers.map((v) => (v.id === 'V3' ? { ...v, supervisor: 'V99' } : v)) };
  const edited = copy(supervisedPlan);
  const stay = stayOf(edited, 'A2');
  stay.visits[0]!.volunteer = 'V3';
  const byStudent = stay.visits.filter((v) => v.volunteer === 'V3').length;
  t.same(runRule('availability', supervised, edited), [], 'supervised while V1 is there');
  const found = runRule('availability', bundle, edited);
  only(t, found, 'availability', byStudent);
  t.ok(found.every((v) => v.applicant === 'A2' && v.volunteer === 'V3'));
});

t.test('availability: a law student with no supervisor named is never supervised', async (t) => {
  const bundle = { ...supervised, volunteers: supervised.volunteers.map((v) => (v.id === 'V3' ? { ...v, supervisor: undefined } : v)) };
  const edited = copy(supervisedPlan);
  for (const s of edited.scheduled) for (const v of s.visits) if (v.volunteer === 'V3') v.volunteer = 'V2';
  visitOf(edited, 'A2', 'screening').volunteer = 'V3';
  const found = runRule('availability', bundle, edited);
  only(t, found, 'availability', 1);
  t.match(found[0]!, { applicant: 'A2', volunteer: 'V3', message: "V3's supervisor is not there for the whole of A2's screening" });
});

t.test('availability: a visit by an attorney who has gone home is one violation naming them', async (t) => {
  const edited = copy(supervisedPlan);
  visitOf(edited, 'A1', 'review').volunteer = 'V1';
  const found = runRule('availability', supervised, edited);
  only(t, found, 'availability', 1);
  t.match(found[0]!, { applicant: 'A1', volunteer: 'V1', message: "V1 is not available for A1's review" });
});

t.test('availability: an interpreted visit moved past the interpreter’s hours is one violation naming the interpreter', async (t) => {
  const edited = copy(supervisedPlan);
  const visit = visitOf(edited, 'A2', 'screening');
  visit.volunteer = 'V2';
  visit.start = iso(supervised, 190);
  visit.end = iso(supervised, 215);
  const found = runRule('availability', supervised, edited);
  only(t, found, 'availability', 1);
  t.match(found[0]!, { applicant: 'A2', volunteer: 'V4' });
});

// noDoubleBooking

t.test('noDoubleBooking: keeps a plan where one attorney sees applicants one after another', async (t) => {
  t.same(runRule('noDoubleBooking', solo, soloPlan), []);
});

t.test('noDoubleBooking: two screenings by one attorney at the same time are one violation naming the attorney', async (t) => {
  const edited = copy(soloPlan);
  const first = visitOf(edited, 'A1', 'screening');
  const second = visitOf(edited, 'A2', 'screening');
  second.start = first.start;
  second.end = first.end;
  const found = runRule('noDoubleBooking', solo, edited);
  only(t, found, 'noDoubleBooking', 1);
  t.equal(found[0]!.volunteer, 'V1');
  t.match(found[0]!.message, /A[12]'s screening and A[12]'s screening at once/);
});

t.test('noDoubleBooking: one long visit overlapping two short ones is two violations', async (t) => {
  const edited = copy(soloPlan);
  const prep = visitOf(edited, 'A1', 'preparation');
  const a2 = stayOf(edited, 'A2');
  const [screening, , review] = a2.visits;
  screening!.start = later(prep.start, 5);
  screening!.end = later(prep.start, 20);
  review!.start = later(prep.start, 25);
  review!.end = later(prep.start, 45);
  a2.visits = [screening!, review!];
  const found = runRule('noDoubleBooking', solo, edited);
  only(t, found, 'noDoubleBooking', 2);
});

t.test('noDoubleBooking: an interpreter booked for two applicants at once is one violation naming the interpreter', async (t) => {
  // V3 is never there during the day, so the planner never books them: only the interpreter is doubly booked by the edit.
  const bundle = scene({ volunteers: [attorney(), interpreter(), attorney({ id: 'V3', available: [between('17:00', '18:00')] })], applicants: [mixteco('A1'), mixteco('A2')] });
  const p = planned(bundle);
  t.same(runRule('noDoubleBooking', bundle, p), []);
  const edited = copy(p);
  const a = visitOf(edited, 'A1', 'screening');
  const b = visitOf(edited, 'A2', 'screening');
  b.volunteer = 'V3';
  b.start = a.start;
  b.end = a.end;
  const found = runRule('noDoubleBooking', bundle, edited);
  only(t, found, 'noDoubleBooking', 1);
  t.match(found[0]!, { volunteer: 'V2', message: /^V2 is booked for interpreting A[12]'s screening and interpreting A[12]'s screening at once$/ });
});

t.test('noDoubleBooking: two overlapping desk shifts of one greeter are one violation', async (t) => {
  const edited = copy(soloPlan);
  edited.shifts.push({ ...edited.shifts[0]!, station: 'final_check' });
  const found = runRule('noDoubleBooking', solo, edited);
  only(t, found, 'noDoubleBooking', 1);
  t.equal(found[0]!.volunteer, 'V3');
});

// maxApplicants

const capped = scene({ volunteers: [attorney(), volunteer({ id: 'V2', role: 'paralegal', maxApplicants: 1 }), interpreter({ id: 'V3', maxApplicants: 1 })], applicants: [spanish('A1'), spanish('A2'), mixteco('A3')] });
const cappedPlan = planned(capped);

t.test('maxApplicants: keeps a plan where a volunteer with max_applicants 1 serves one applicant', async (t) => {
  const served = new Set(cappedPlan.scheduled.filter((s) => s.visits.some((v) => v.volunteer === 'V2')).map((s) => s.applicant));
  t.ok(served.size <= 1);
  t.same(runRule('maxApplicants', capped, cappedPlan), []);
});

t.test('maxApplicants: a volunteer with max_applicants 1 given a second applicant is one violation naming them', async (t) => {
  const edited = copy(cappedPlan);
  visitOf(edited, 'A1', 'screening').volunteer = 'V2';
  visitOf(edited, 'A2', 'screening').volunteer = 'V2';
  const found = runRule('maxApplicants', capped, edited);
  only(t, found, 'maxApplicants', 1);
  t.match(found[0]!, { volunteer: 'V2', message: 'V2 serves 2 applicants, more than their 1' });
});

t.test('maxApplicants: interpreting counts toward max_applicants', async (t) => {
  const edited = copy(cappedPlan);
  visitOf(edited, 'A1', 'screening').interpreter = 'V3';
  const found = runRule('maxApplicants', capped, edited);
  only(t, found, 'maxApplicants', 1);
  t.equal(found[0]!.volunteer, 'V3');
});

t.test('maxApplicants: several visits with the same applicant count once', async (t) => {
  const edited = copy(cappedPlan);
  const a1 = stayOf(edited, 'A1');
  for (const v of a1.visits.filter((x) => x.station !== 'review')) v.volunteer = 'V2';
  for (const s of edited.scheduled) if (s.applicant !== 'A1') for (const v of s.visits) if (v.volunteer === 'V2') v.volunteer = 'V1';
  t.same(runRule('maxApplicants', capped, edited), []);
});

t.test('maxApplicants: someone off the roster has no limit to break', async (t) => {
  const edited = copy(cappedPlan);
  for (const s of edited.scheduled) s.visits[0]!.volunteer = 'V99';
  t.same(runRule('maxApplicants', capped, edited), []);
});

// deskCapacity

const three = scene({ volunteers: [attorney(), attorney({ id: 'V2' }), attorney({ id: 'V3' })], applicants: [spanish('A1'), spanish('A2'), spanish('A3')] });
const threePlan = planned(three);

function sameDesk(p: PlanJson, desk: 'check_in' | 'final_check', ids: string[], start: number, bundle: Bundle): void {
  for (const id of ids) stayOf(p, id)[desk] = { start: iso(bundle, start), end: iso(bundle, start + (desk === 'check_in' ? 5 : 10)) };
}

t.test('deskCapacity: keeps two check-ins at once on two desks', async (t) => {
  const edited = copy(threePlan);
  sameDesk(edited, 'check_in', ['A1', 'A2'], 0, three);
  sameDesk(edited, 'check_in', ['A3'], 400, three);
  t.same(runRule('deskCapacity', three, edited), []);
});

t.test('deskCapacity: keeps one check-in ending as the next begins', async (t) => {
  const edited = copy(threePlan);
  sameDesk(edited, 'check_in', ['A1', 'A2'], 0, three);
  sameDesk(edited, 'check_in', ['A3'], 5, three);
  t.same(runRule('deskCapacity', three, edited), []);
});

t.test('deskCapacity: three check-ins at once on two desks is one violation', async (t) => {
  const edited = copy(threePlan);
  sameDesk(edited, 'check_in', ['A1', 'A2', 'A3'], 0, three);
  const found = runRule('deskCapacity', three, edited);
  only(t, found, 'deskCapacity', 1);
  t.equal(found[0]!.message, '3 applicants at check_in at minute 0 of the day, with 2 desks');
});

t.test('deskCapacity: three final checks at once on two desks is one violation', async (t) => {
  const edited = copy(threePlan);
  sameDesk(edited, 'final_check', ['A1', 'A2', 'A3'], 300, three);
  const found = runRule('deskCapacity', three, edited);
  only(t, found, 'deskCapacity', 1);
  t.match(found[0]!.message, /^3 applicants at final_check at minute 300/);
});

t.test('deskCapacity: a 0-minute desk written as null takes no desk', async (t) => {
  const edited = copy(threePlan);
  sameDesk(edited, 'check_in', ['A1', 'A2'], 0, three);
  stayOf(edited, 'A3').check_in = null;
  t.same(runRule('deskCapacity', three, edited), []);
});

// shiftRules

const shifts = scene({ volunteers: [attorney(), greeter({ id: 'V2', available: [between('09:00', '12:00')] }), interpreter({ id: 'V3' })], applicants: [spanish('A1')] });
const shiftsPlan = planned(shifts);

t.test('shiftRules: keeps a desk shift for a greeter within their hours', async (t) => {
  t.same(shiftsPlan.shifts.map((s) => s.volunteer), ['V2']);
  t.same(runRule('shiftRules', shifts, shiftsPlan), []);
});

t.test('shiftRules: keeps a desk shift for an attorney, who may staff every station', async (t) => {
  const edited = copy(shiftsPlan);
  edited.shifts[0]!.volunteer = 'V1';
  t.same(runRule('shiftRules', shifts, edited), []);
});

t.test('shiftRules: a desk shift for an interpreter is one violation naming them', async (t) => {
  const edited = copy(shiftsPlan);
  edited.shifts[0]!.volunteer = 'V3';
  const found = runRule('shiftRules', shifts, edited);
  only(t, found, 'shiftRules', 1);
  t.match(found[0]!, { volunteer: 'V3', message: 'V3 (interpreter) may not staff check_in' });
});

t.test('shiftRules: a shift running past the greeter’s hours is one violation', async (t) => {
  const edited = copy(shiftsPlan);
  edited.shifts[0]!.end = later(edited.shifts[0]!.end, 60);
  const found = runRule('shiftRules', shifts, edited);
  only(t, found, 'shiftRules', 1);
  t.match(found[0]!, { volunteer: 'V2', message: "V2's check_in shift is outside their availability" });
});

t.test('shiftRules: leaves a shift of someone off the roster to knownVolunteers', async (t) => {
  const edited = copy(shiftsPlan);
  edited.shifts[0]!.volunteer = 'V99';
  t.same(runRule('shiftRules', shifts, edited), []);
});

// unscheduledReasons

const shortWindow = scene({ volunteers: [attorney()], applicants: [spanish('A1'), spanish('A2', { available: [between('09:00', '09:30')] })] });
const shortWindowPlan = planned(shortWindow);

t.test('unscheduledReasons: keeps an unscheduled applicant with a listed reason and a sentence', async (t) => {
  t.same(shortWindowPlan.unscheduled.map((u) => [u.applicant, u.reason]), [['A2', 'invalid']]);
  t.same(runRule('unscheduledReasons', shortWindow, shortWindowPlan), []);
});

t.test('unscheduledReasons: a reason not in the list is one violation naming the applicant', async (t) => {
  const edited = copy(shortWindowPlan);
  (edited.unscheduled[0] as { reason: string }).reason = 'busy';
  const found = runRule('unscheduledReasons', shortWindow, edited);
  only(t, found, 'unscheduledReasons', 1);
  t.equal(found[0]!.applicant, 'A2');
});

t.test('unscheduledReasons: a blank detail is one violation', async (t) => {
  const edited = copy(shortWindowPlan);
  edited.unscheduled[0]!.detail = '   ';
  only(t, runRule('unscheduledReasons', shortWindow, edited), 'unscheduledReasons', 1);
});

// summaryMatches

t.test('summaryMatches: keeps the summary the planner wrote', async (t) => {
  t.same(runRule('summaryMatches', interpreted, interpretedPlan), []);
});

t.test('summaryMatches: a wrong scheduled_weight is one violation naming the field', async (t) => {
  const edited = copy(interpretedPlan);
  edited.summary.scheduled_weight += 1;
  const found = runRule('summaryMatches', interpreted, edited);
  only(t, found, 'summaryMatches', 1);
  t.equal(found[0]!.message, 'summary.scheduled_weight does not match the plan');
});

t.test('summaryMatches: every count wrong at once is four violations', async (t) => {
  const edited = copy(interpretedPlan);
  edited.summary.applicants += 1;
  edited.summary.scheduled -= 1;
  edited.summary.scheduled_weight += 2;
  edited.summary.interpreted_visits = 0;
  const found = runRule('summaryMatches', interpreted, edited);
  only(t, found, 'summaryMatches', 4);
  t.same(found.map((v) => v.message.split(' ')[0]), ['summary.applicants', 'summary.scheduled', 'summary.scheduled_weight', 'summary.interpreted_visits']);
});

// noRoomLeft

t.test('noRoomLeft: keeps a plan whose left-out applicant finds the one attorney booked all day', async (t) => {
  const short = scene({ event: { closes: '11:00' }, volunteers: [attorney(), greeter()], applicants: [spanish('A1'), spanish('A2'), spanish('A3')] });
  const p = planned(short);
  t.ok(p.unscheduled.some((u) => u.reason === 'no_capacity'), 'someone is left out for capacity');
  t.same(runRule('noRoomLeft', short, p), []);
});

t.test('noRoomLeft: an applicant taken off a plan with room for them is one violation naming them and when they fit', async (t) => {
  const edited = copy(soloPlan);
  edited.scheduled = edited.scheduled.filter((s) => s.applicant !== 'A2');
  edited.unscheduled.push({ applicant: 'A2', reason: 'no_capacity', detail: 'the day is full' });
  const found = runRule('noRoomLeft', solo, edited);
  only(t, found, 'noRoomLeft', 1);
  t.match(found[0]!.message, /^A2 is left out as "no capacity" but fits the plan as it stands, arriving \d\d:\d\d$/);
});

t.test('noRoomLeft: leaves a plan whose days cannot all be booked to the rules they break', async (t) => {
  const edited = copy(soloPlan);
  edited.scheduled = edited.scheduled.filter((s) => s.applicant !== 'A2');
  edited.unscheduled.push({ applicant: 'A2', reason: 'no_capacity', detail: 'the day is full' });
  stayOf(edited, 'A1').visits[0]!.volunteer = 'V99';
  t.same(runRule('noRoomLeft', solo, edited), []);
});

t.test('noRoomLeft: leaves a left-out id that is not an applicant to everyApplicantOnce', async (t) => {
  const edited = copy(soloPlan);
  edited.unscheduled.push({ applicant: 'A9', reason: 'no_capacity', detail: 'the day is full' });
  t.same(runRule('noRoomLeft', solo, edited), []);
});

t.test('noRoomLeft: a pinned applicant fits only from their published arrival', async (t) => {
  const edited = copy(soloPlan);
  const a2 = stayOf(edited, 'A2');
  edited.scheduled = edited.scheduled.filter((s) => s.applicant !== 'A2');
  edited.unscheduled.push({ applicant: 'A2', reason: 'no_capacity', detail: 'the day is full at their published arrival' });
  const rule = (pins: Map<string, string>) => readContext(solo, edited, pins);
  t.same(noRoomLeft(rule(new Map([['A2', iso(solo, 390)]]))), [], 'no day starts half an hour before closing');
  t.same(noRoomLeft(rule(new Map([['A2', a2.arrival]]))).map((v) => v.rule), ['noRoomLeft'], 'their old arrival still starts a day');
});

// A stay of someone who is not an applicant

t.test('rules about a stay leave an applicant who is not in the bundle to everyApplicantOnce', async (t) => {
  const edited = copy(interpretedPlan);
  stayOf(edited, 'A2').applicant = 'A9';
  const broken = Object.keys(RULES).filter((name) => runRule(name, interpreted, edited).length > 0);
  t.same(broken, ['everyApplicantOnce', 'summaryMatches']);
});

t.test('a stay with no steps at all has no window to leave', async (t) => {
  const edited = copy(soloPlan);
  const stay = stayOf(edited, 'A1');
  stay.check_in = null;
  stay.visits = [];
  stay.final_check = null;
  t.same(runRule('withinApplicantWindow', solo, edited), []);
});
