// Why an applicant is left out: the first reason that applies in the public order, with a
// sentence a coordinator can act on.
import t from 'tap';
import type { Test } from 'tap';
import { plan } from '../../src/planner/index.js';
import { UNSCHEDULED_REASONS } from '../../src/planner/types.js';
import type { Applicant, Bundle, Volunteer } from '../../src/domain/index.js';
import type { PlanJson, UnscheduledJson } from '../../src/planner/types.js';
import { checkPlan } from '../../src/planner/check.js';
import { accreditedRep, applicant, between, HOST_ORG, OTHER_ORG, scene, volunteer } from './fixtures/scenes.js';

const attorney = (over: Partial<Volunteer> = {}) => volunteer({ id: 'V1', role: 'attorney', ...over });
const paralegal = (over: Partial<Volunteer> = {}) => volunteer({ id: 'V2', role: 'paralegal', ...over });
const interpreter = (over: Partial<Volunteer> = {}) => volunteer({ id: 'V3', role: 'interpreter', languages: ['mix', 'es'], ...over });
const spanish = (id: string, over: Partial<Applicant> = {}) => applicant({ id, languages: ['es'], ...over });
const triqui = (id: string, over: Partial<Applicant> = {}) => applicant({ id, languages: ['trs'], ...over });

/** Plans a scene, checks the plan keeps every rule, and returns why each applicant was left out. */
function reasons(t: Test, bundle: Bundle): UnscheduledJson[] {
  const p: PlanJson = plan(bundle, { iterations: 30 });
  t.same(checkPlan(bundle, p), [], 'the plan keeps every rule');
  return p.unscheduled;
}

function reasonOf(t: Test, bundle: Bundle, id: string): UnscheduledJson {
  const found = reasons(t, bundle).find((u) => u.applicant === id);
  if (!found) throw new Error(`${id} was scheduled`);
  return found;
}

t.test('the reasons, in the order they are tried, are the public list', async (t) => {
  t.same(UNSCHEDULED_REASONS, ['invalid', 'no_language_match', 'no_eligible_reviewer', 'no_competent_volunteer', 'outside_hours', 'no_capacity']);
});

// invalid

t.test('invalid: a window shorter than the case says when they can come and how long the case takes', async (t) => {
  const bundle = scene({ volunteers: [attorney()], applicants: [spanish('A1', { available: [between('09:00', '09:30')] })] });
  t.same(reasonOf(t, bundle, 'A1'), {
    applicant: 'A1', reason: 'invalid', detail: 'can come only 09:00–09:30, but a DACA renewal takes at least 95 minutes here',
  });
});

t.test('invalid: every window too short is listed, and a naturalization reads mid-sentence in lower case', async (t) => {
  const bundle = scene({ volunteers: [attorney()], applicants: [spanish('A1', { caseType: 'n400', available: [between('09:00', '10:00'), between('13:00', '14:30')] })] });
  t.equal(reasonOf(t, bundle, 'A1').detail, 'can come only 09:00–10:00, 13:00–14:30, but a naturalization (N-400) takes at least 155 minutes here');
});

t.test('invalid: a window long enough in Spanish but too short for an interpreted stay counts the interpreted minutes', async (t) => {
  // 5 + 25 + 70 + 30 + 10 = 140 minutes when every visit is interpreted; the window is 120.
  const bundle = scene({ volunteers: [attorney(), interpreter()], applicants: [applicant({ id: 'A1', languages: ['mix'], available: [between('09:00', '11:00')] })] });
  t.same(reasonOf(t, bundle, 'A1'), {
    applicant: 'A1', reason: 'invalid', detail: 'can come only 09:00–11:00, but a DACA renewal takes at least 140 minutes here',
  });
});

t.test('outside_hours, not invalid: an applicant who gave no hours, on a day shorter than the stay, is told the day is too short', async (t) => {
  const bundle = scene({ event: { opens: '10:00', closes: '11:00' }, volunteers: [attorney()], applicants: [spanish('A1')] });
  t.same(reasons(t, bundle), [
    { applicant: 'A1', reason: 'outside_hours', detail: "the workshop's hours (10:00–11:00) are shorter than the 95 minutes a DACA renewal takes here" },
  ]);
});

t.test('invalid comes before no_language_match', async (t) => {
  const bundle = scene({ volunteers: [attorney()], applicants: [triqui('A1', { available: [between('09:00', '09:30')] })] });
  t.equal(reasonOf(t, bundle, 'A1').reason, 'invalid');
});

// no_language_match

t.test('no_language_match: nobody speaks Triqui and no interpreter bridges: the sentence names the language and the bridge', async (t) => {
  const bundle = scene({ volunteers: [attorney({ languages: ['es'] }), paralegal({ languages: ['es'] })], applicants: [triqui('A1')] });
  t.same(reasonOf(t, bundle, 'A1'), {
    applicant: 'A1', reason: 'no_language_match',
    detail: 'nobody who can screen a case speaks Triqui (trs), and no interpreter bridges to them; an interpreter for trs–es would let 1 applicant in',
  });
});

t.test('no_language_match: the interpreter sentence counts every applicant that bridge would let in', async (t) => {
  const bundle = scene({
    volunteers: [attorney({ languages: ['es'] }), paralegal({ languages: ['es'] })],
    applicants: [triqui('A1'), triqui('A2', { languages: ['trs', 'mix'] }), triqui('A3', { caseType: 'consultation' })],
  });
  const found = reasons(t, bundle);
  t.same(found.map((u) => u.reason), ['no_language_match', 'no_language_match', 'no_language_match']);
  for (const u of found) t.match(u.detail, /; an interpreter for trs–es would let 3 applicants in$/);
  t.match(found[1]!.detail, /speaks Triqui \(trs\) or Mixteco \(mix\),/);
});

t.test('no_language_match: applicants of two languages are counted per bridge', async (t) => {
  const bundle = scene({
    volunteers: [attorney({ languages: ['es'] })],
    applicants: [triqui('A1'), applicant({ id: 'A2', languages: ['mam'] }), triqui('A3')],
  });
  const found = reasons(t, bundle);
  t.same(found.map((u) => u.detail.replace(/.*; /, '')), [
    'an interpreter for trs–es would let 2 applicants in', 'an interpreter for mam–es would let 1 applicant in', 'an interpreter for trs–es would let 2 applicants in',
  ]);
});

t.test('no_language_match: an interpreter who speaks Triqui but not the staff’s language bridges nothing', async (t) => {
  const bundle = scene({ volunteers: [attorney({ languages: ['es'] }), interpreter({ languages: ['trs', 'en'] })], applicants: [triqui('A1')] });
  t.equal(reasonOf(t, bundle, 'A1').reason, 'no_language_match');
});

t.test('no_language_match: the bridge names the language most of the station’s staff speak', async (t) => {
  const bundle = scene({
    volunteers: [attorney({ languages: ['es'] }), paralegal({ languages: ['es', 'en'] }), volunteer({ id: 'V3', role: 'screener', languages: ['es'] })],
    applicants: [triqui('A1')],
  });
  t.match(reasonOf(t, bundle, 'A1').detail, /screen a case .* interpreter for trs–es would/);
});

t.test('no_language_match: when staff languages tie, the bridge names the first in alphabetical order', async (t) => {
  const bundle = scene({ volunteers: [attorney({ languages: ['es', 'en'] })], applicants: [triqui('A1')] });
  t.match(reasonOf(t, bundle, 'A1').detail, /interpreter for trs–en would/);
});

t.test('no_language_match: a Triqui speaker screened in Triqui but with no bridge at preparation names preparation', async (t) => {
  const bundle = scene({
    volunteers: [attorney({ languages: ['en'] }), volunteer({ id: 'V2', role: 'screener', languages: ['trs', 'es'] })],
    applicants: [triqui('A1')],
  });
  t.equal(reasonOf(t, bundle, 'A1').detail,
    'nobody who can prepare a case speaks Triqui (trs), and no interpreter bridges to them; an interpreter for trs–en would let 1 applicant in');
});

t.test('no_language_match comes before no_eligible_reviewer', async (t) => {
  const bundle = scene({ volunteers: [paralegal({ languages: ['es'] })], applicants: [triqui('A1', { complexity: 'complex' })] });
  t.equal(reasonOf(t, bundle, 'A1').reason, 'no_language_match');
});

// no_eligible_reviewer

t.test('no_eligible_reviewer: a complex case with no attorney on the roster needs an attorney', async (t) => {
  const bundle = scene({ volunteers: [accreditedRep({ id: 'V1' }), paralegal()], applicants: [spanish('A1', { complexity: 'complex' })] });
  t.same(reasonOf(t, bundle, 'A1'), {
    applicant: 'A1', reason: 'no_eligible_reviewer', detail: 'this case needs an attorney to review it, and none is on the roster',
  });
});

t.test('no_eligible_reviewer: a case in proceedings with only a partial accredited rep needs an attorney or a full one', async (t) => {
  const bundle = scene({ volunteers: [accreditedRep({ id: 'V1', accreditation: 'partial' })], applicants: [spanish('A1', { flags: ['in_proceedings'] })] });
  t.equal(reasonOf(t, bundle, 'A1').detail, 'this case needs an attorney or a fully accredited representative to review it, and none is on the roster');
});

t.test('no_eligible_reviewer: a straightforward case with only a rep of another organization needs a host organization’s rep', async (t) => {
  const bundle = scene({ volunteers: [accreditedRep({ id: 'V1', org: OTHER_ORG })], applicants: [spanish('A1')] });
  t.equal(reasonOf(t, bundle, 'A1').detail,
    'this case needs an attorney or an accredited representative of a host organization to review it, and none is on the roster');
});

t.test('no_eligible_reviewer comes before no_competent_volunteer', async (t) => {
  const bundle = scene({ volunteers: [accreditedRep({ id: 'V1', org: HOST_ORG, caseTypes: ['n400'] })], applicants: [spanish('A1', { complexity: 'complex' })] });
  t.equal(reasonOf(t, bundle, 'A1').reason, 'no_eligible_reviewer');
});

// no_competent_volunteer

t.test('no_competent_volunteer: when everyone does only naturalizations, a DACA renewal has nobody', async (t) => {
  const bundle = scene({ volunteers: [attorney({ caseTypes: ['n400'] }), paralegal({ caseTypes: ['n400'] })], applicants: [spanish('A1')] });
  t.same(reasonOf(t, bundle, 'A1'), {
    applicant: 'A1', reason: 'no_competent_volunteer', detail: 'nobody who can screen it in their language handles DACA renewal cases',
  });
});

t.test('no_competent_volunteer: names the first station without a competent volunteer', async (t) => {
  const bundle = scene({ volunteers: [attorney({ caseTypes: ['tps'] }), paralegal()], applicants: [spanish('A1', { caseType: 'n400' })] });
  t.equal(reasonOf(t, bundle, 'A1').detail, 'nobody who can review it in their language handles naturalization (N-400) cases');
});

t.test('no_competent_volunteer: a competent volunteer who cannot talk with the applicant does not count', async (t) => {
  const bundle = scene({
    volunteers: [attorney({ caseTypes: ['n400'] }), attorney({ id: 'V2', languages: ['en'] }), volunteer({ id: 'V3', role: 'screener', languages: ['es'] })],
    applicants: [spanish('A1')],
  });
  // V3 screens in Spanish; V2 prepares DACA renewals but speaks only English; V1 speaks Spanish but does naturalizations only.
  t.equal(reasonOf(t, bundle, 'A1').detail, 'nobody who can prepare it in their language handles DACA renewal cases');
});

t.test('no_competent_volunteer comes before outside_hours', async (t) => {
  const bundle = scene({ volunteers: [attorney({ caseTypes: ['n400'] })], applicants: [spanish('A1', { available: [between('16:30', '19:00')] })] });
  t.equal(reasonOf(t, bundle, 'A1').reason, 'no_competent_volunteer');
});

// outside_hours

t.test('outside_hours: a window after closing says the workshop’s hours and the length of the stay', async (t) => {
  const bundle = scene({ volunteers: [attorney()], applicants: [spanish('A1', { available: [between('16:30', '19:00')] })] });
  t.same(reasonOf(t, bundle, 'A1'), {
    applicant: 'A1', reason: 'outside_hours', detail: "can come only outside the workshop's hours (09:00–16:00) for a 95-minute stay",
  });
});

t.test('outside_hours: a window that overlaps the day by less than the stay is outside the hours', async (t) => {
  const bundle = scene({ volunteers: [attorney()], applicants: [spanish('A1', { available: [between('15:00', '18:00')] })] });
  t.equal(reasonOf(t, bundle, 'A1').reason, 'outside_hours');
});

t.test('outside_hours: the only attorney leaves before the applicant can come', async (t) => {
  const bundle = scene({ volunteers: [attorney({ available: [between('09:00', '11:00')] })], applicants: [spanish('A1', { available: [between('13:00', '16:00')] })] });
  t.same(reasonOf(t, bundle, 'A1'), {
    applicant: 'A1', reason: 'outside_hours', detail: 'nobody who can screen a DACA renewal is there while they can come',
  });
});

t.test('outside_hours: names the station whose staff are away, after the ones that are there', async (t) => {
  const bundle = scene({
    volunteers: [attorney({ available: [between('09:00', '11:00')] }), paralegal({ available: [between('12:00', '16:00')] })],
    applicants: [spanish('A1', { available: [between('12:00', '16:00')] })],
  });
  t.equal(reasonOf(t, bundle, 'A1').detail, 'nobody who can review a DACA renewal is there while they can come');
});

t.test('outside_hours: windows that each end before a visit could is not being there', async (t) => {
  // Ten-minute windows back to back: never there for a 15-minute screening in one stretch.
  const tenMinutes = Array.from({ length: 18 }, (_, k) => ({ start: 240 + 10 * k, end: 250 + 10 * k }));
  const bundle = scene({
    volunteers: [attorney({ available: [between('09:00', '10:00'), ...tenMinutes] })],
    applicants: [spanish('A1', { available: [between('13:00', '16:00')] })],
  });
  t.equal(reasonOf(t, bundle, 'A1').detail, 'nobody who can screen a DACA renewal is there while they can come');
});

t.test('outside_hours: a volunteer there long enough only for a visit in Spanish is not there for an interpreted one', async (t) => {
  // The screening takes 15 minutes in Spanish but 25 interpreted; the screener is there 20 minutes while the applicant is.
  const bundle = scene({
    volunteers: [attorney({ available: [between('09:00', '12:00')] }), volunteer({ id: 'V2', role: 'screener', available: [between('13:00', '13:20')] }), interpreter()],
    applicants: [applicant({ id: 'A1', languages: ['mix'], available: [between('13:00', '16:00')] })],
  });
  t.same(reasonOf(t, bundle, 'A1'), { applicant: 'A1', reason: 'outside_hours', detail: 'nobody who can screen a DACA renewal is there while they can come' });
});

t.test('outside_hours: when the staff are each there but their hours do not line up for the whole visit, the hours are the cause, not capacity', async (t) => {
  // The attorney, the only reviewer, leaves at 10:00; screening and preparation cannot be done before then.
  const bundle = scene({
    volunteers: [attorney({ available: [between('09:00', '10:00')] }), paralegal({ available: [between('10:00', '16:00')] })],
    applicants: [spanish('A1')],
  });
  t.same(reasonOf(t, bundle, 'A1'), {
    applicant: 'A1', reason: 'outside_hours',
    detail: 'the hours of those who could serve a DACA renewal do not line up to take them through every station while they can come',
  });
});

t.test('a proper name keeps its capitals mid-sentence: Temporary Protected Status', async (t) => {
  const bundle = scene({ volunteers: [attorney({ caseTypes: ['n400'] })], applicants: [spanish('A1', { caseType: 'tps' })] });
  t.equal(reasonOf(t, bundle, 'A1').detail, 'nobody who can screen it in their language handles Temporary Protected Status (TPS) cases');
});

t.test('outside_hours comes before no_capacity', async (t) => {
  const bundle = scene({
    volunteers: [attorney({ maxApplicants: 1, available: [between('09:00', '12:00')] })],
    applicants: [spanish('A1', { priority: 3 }), spanish('A2', { available: [between('13:00', '16:00')] })],
  });
  t.same(reasons(t, bundle).map((u) => [u.applicant, u.reason]), [['A2', 'outside_hours']]);
});

// no_capacity

t.test('no_capacity: when the only attorney may serve one applicant, the other finds the day full', async (t) => {
  const bundle = scene({ volunteers: [attorney({ maxApplicants: 1 })], applicants: [spanish('A1', { priority: 3 }), spanish('A2')] });
  t.same(reasons(t, bundle), [
    { applicant: 'A2', reason: 'no_capacity', detail: 'the day is full: everyone who could screen a DACA renewal in Spanish (es) is booked or serving as many applicants as they take while they can come (09:00–16:00)' },
  ]);
});

t.test('no_capacity: a short day with one attorney leaves the rest of the line with the day full', async (t) => {
  const bundle = scene({
    event: { closes: '11:00' },
    volunteers: [attorney()],
    applicants: [spanish('A1'), spanish('A2'), spanish('A3')],
  });
  const found = reasons(t, bundle);
  t.ok(found.length >= 1);
  t.ok(found.every((u) => u.reason === 'no_capacity'));
});

t.test('unscheduled applicants are listed in file order, each with the first reason that applies', async (t) => {
  const bundle = scene({
    volunteers: [attorney({ languages: ['es'], maxApplicants: 1 }), paralegal({ languages: ['es'] })],
    applicants: [
      spanish('A1', { available: [between('16:30', '19:00')] }), triqui('A2'), spanish('A3', { priority: 3 }),
      spanish('A4', { available: [between('09:00', '09:20')] }), spanish('A5'),
    ],
  });
  t.same(reasons(t, bundle).map((u) => [u.applicant, u.reason]), [
    ['A1', 'outside_hours'], ['A2', 'no_language_match'], ['A4', 'invalid'], ['A5', 'no_capacity'],
  ]);
});

t.test('a case type said with a vowel sound takes "an": an advance parole', async (t) => {
  const bundle = scene({
    volunteers: [attorney({ maxApplicants: 1 })],
    applicants: [spanish('A1', { priority: 3, caseType: 'advance_parole' }), spanish('A2', { caseType: 'advance_parole' })],
  });
  t.match(reasons(t, bundle)[0]!.detail, /could screen an advance parole in Spanish/);
});
