// What-if beyond volunteers: one more desk, or another floor, for the same roster and applicants.
import t from 'tap';
import type { Bundle } from '../../src/domain/index.js';
import { DEFAULT_CASE_TYPES, floorMinutes } from '../../src/domain/index.js';
import { estimate } from '../../src/throughput/index.js';
import { baseline } from '../../src/throughput/index.js';
import { changed, layoutChanges, layoutGains, onFloor } from '../../src/throughput/layout.js';
import { FRESNO, sampleBundle } from '../support/fixtures.js';
import { applicant, clinicEvent, volunteer } from '../domain/fixtures/builders.js';

/** Eight attorneys, thirty renewals, a four-hour day and one final-check desk: the desk is the limit. */
function deskBound(): Bundle {
  const event = clinicEvent({ closes: '13:00', dayMinutes: 240, desks: { check_in: 3, final_check: 1 } });
  const caseTypes = { ...event.caseTypes, daca_renewal: { ...DEFAULT_CASE_TYPES['daca_renewal']! } };
  return {
    event: { ...event, caseTypes },
    volunteers: Array.from({ length: 8 }, (_, i) => volunteer({ id: `V${i + 1}`, role: 'attorney', available: [{ start: 0, end: 240 }] })),
    applicants: Array.from({ length: 30 }, (_, i) => applicant({ id: `A${i + 1}`, languages: ['es'], available: [{ start: 0, end: 240 }] })),
  };
}

/** The Fresno sample on a short day with one final-check desk: the desk is the limit. */
function oneDesk(): Bundle {
  const bundle = sampleBundle(FRESNO);
  const caseTypes = { ...bundle.event.caseTypes, n400: floorMinutes('stations', DEFAULT_CASE_TYPES['n400']!) };
  const event = { ...bundle.event, caseTypes, dayMinutes: 300, closes: '14:00', desks: { check_in: 2, final_check: 1 } };
  return { ...bundle, event: { ...event, planning: { ...event.planning, finishProbability: 0 } } };
}

t.test('another floor takes that floor’s default minutes and keeps an event’s own numbers', async (t) => {
  const bundle = sampleBundle(FRESNO);
  const own = { ...bundle, event: { ...bundle.event, caseTypes: { ...bundle.event.caseTypes, tps: { check_in: 5, screening: 1, preparation: 2, review: 3, final_check: 4 } } } };
  const seated = onFloor(own, 'seated');
  t.equal(seated.event.floor, 'seated');
  t.same(seated.event.caseTypes['daca_renewal'], floorMinutes('seated', DEFAULT_CASE_TYPES['daca_renewal']!));
  t.same(seated.event.caseTypes['tps'], own.event.caseTypes['tps']);
});

t.test('one more desk adds one to that desk only', async (t) => {
  const bundle = oneDesk();
  t.same(changed(bundle, { desk: 'final_check' }).event.desks, { check_in: 2, final_check: 2 });
});

t.test('the changes tried are one more of each desk the day uses and every other floor', async (t) => {
  t.same(layoutChanges(oneDesk()), [{ desk: 'check_in' }, { desk: 'final_check' }, { floor: 'seated' }, { floor: 'fast_lane' }]);
  t.same(layoutChanges(onFloor(oneDesk(), 'seated')), [{ desk: 'check_in' }, { floor: 'stations' }, { floor: 'fast_lane' }], 'the seated floor has no final desk');
});

t.test('when the final desk is the limit, a seated floor or one more final desk serves more people', async (t) => {
  const gains = layoutGains(baseline(deskBound(), { runs: 60 }));
  const of = (key: string) => gains.find((g) => JSON.stringify(g.change) === key)!;
  t.ok(of('{"floor":"seated"}').served_gain > 0, `seated: ${of('{"floor":"seated"}').served_gain}`);
  t.ok(of('{"desk":"final_check"}').served_gain > 0, `final desk: ${of('{"desk":"final_check"}').served_gain}`);
  t.same(gains.map((g) => g.served_gain), [...gains.map((g) => g.served_gain)].sort((a, b) => b - a), 'most first');
});

t.test('the estimate lists layout changes with the what-if, and not without it', async (t) => {
  t.ok(estimate(oneDesk(), { runs: 30, whatIf: true, whatIfLimit: 1 }).what_if_layout!.length > 0);
  t.equal(estimate(oneDesk(), { runs: 30 }).what_if_layout, undefined);
});
