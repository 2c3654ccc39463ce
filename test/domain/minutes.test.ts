import t from 'tap';
import { deskMinutes, roundUpToSlot, visitMinutes } from '../../src/domain/index.js';
import { clinicEvent, defaultCaseTypes } from './fixtures/builders.js';

const FIVE = 5;
const FIFTEEN = 15;
const INTERPRETED = true;
const NOT_INTERPRETED = false;
const fiveMinuteGrid = clinicEvent({ slotMinutes: FIVE });
const fifteenMinuteGrid = clinicEvent({ slotMinutes: FIFTEEN });

// roundUpToSlot

t.test('rounds 16 minutes up to 20 on a 5-minute grid', async (t) => {
  t.equal(roundUpToSlot(16, FIVE), 20);
});

t.test('keeps 15 minutes at 15 on a 5-minute grid', async (t) => {
  t.equal(roundUpToSlot(15, FIVE), 15);
});

t.test('rounds 1 minute up to a whole 15-minute slot', async (t) => {
  t.equal(roundUpToSlot(1, FIFTEEN), 15);
});

t.test('keeps 0 minutes at 0', async (t) => {
  t.equal(roundUpToSlot(0, FIVE), 0);
});

// visitMinutes: hand-computed from the README's table and factors

t.test('an interpreted moderate DACA renewal preparation takes 85 minutes on a 5-minute grid', async (t) => {
  // 45 × 1.25 × 1.5 = 84.375 → 85 (rounding after each factor would give 60 × 1.5 = 90)
  t.equal(visitMinutes(fiveMinuteGrid, 'daca_renewal', 'preparation', 'moderate', INTERPRETED), 85);
});

t.test('a straightforward uninterpreted N-400 preparation takes the table’s 90 minutes', async (t) => {
  t.equal(visitMinutes(fiveMinuteGrid, 'n400', 'preparation', 'straightforward', NOT_INTERPRETED), 90);
});

t.test('a moderate EAD renewal screening takes 15 minutes on a 5-minute grid', async (t) => {
  // 10 × 1.25 = 12.5 → 15
  t.equal(visitMinutes(fiveMinuteGrid, 'ead_renewal', 'screening', 'moderate', NOT_INTERPRETED), 15);
});

t.test('an interpreted moderate EAD renewal screening takes 20 minutes, rounded once at the end', async (t) => {
  // 10 × 1.25 × 1.5 = 18.75 → 20 (rounding 12.5 to 15 first would give 22.5 → 25)
  t.equal(visitMinutes(fiveMinuteGrid, 'ead_renewal', 'screening', 'moderate', INTERPRETED), 20);
});

t.test('a complex TPS screening takes 25 minutes on a 5-minute grid', async (t) => {
  // 15 × 1.5 = 22.5 → 25
  t.equal(visitMinutes(fiveMinuteGrid, 'tps', 'screening', 'complex', NOT_INTERPRETED), 25);
});

t.test('an interpreted complex N-400 review takes 70 minutes on a 5-minute grid', async (t) => {
  // 30 × 1.5 × 1.5 = 67.5 → 70
  t.equal(visitMinutes(fiveMinuteGrid, 'n400', 'review', 'complex', INTERPRETED), 70);
});

t.test('an interpreted straightforward DACA renewal review takes exactly 30 minutes', async (t) => {
  // 20 × 1.5 = 30, already on the grid
  t.equal(visitMinutes(fiveMinuteGrid, 'daca_renewal', 'review', 'straightforward', INTERPRETED), 30);
});

t.test('an interpreted complex labor-based deferred action preparation takes exactly 135 minutes', async (t) => {
  // 60 × 1.5 × 1.5 = 135, already on the grid
  t.equal(visitMinutes(fiveMinuteGrid, 'labor_deferred_action', 'preparation', 'complex', INTERPRETED), 135);
});

t.test('a consultation has no preparation, even complex and interpreted', async (t) => {
  t.equal(visitMinutes(fiveMinuteGrid, 'consultation', 'preparation', 'complex', INTERPRETED), 0);
});

t.test('a consultation still has a review: 30 minutes when straightforward', async (t) => {
  t.equal(visitMinutes(fiveMinuteGrid, 'consultation', 'review', 'straightforward', NOT_INTERPRETED), 30);
});

t.test("an event's override of N-400 preparation to 100 minutes makes a moderate one take 125", async (t) => {
  const caseTypes = defaultCaseTypes();
  caseTypes.n400 = { ...caseTypes.n400!, preparation: 100 };
  const event = clinicEvent({ caseTypes });
  // 100 × 1.25 = 125
  t.equal(visitMinutes(event, 'n400', 'preparation', 'moderate', NOT_INTERPRETED), 125);
});

t.test("an event's own case type takes its own minutes: a 25-minute U visa screening interpreted is 40", async (t) => {
  const caseTypes = { ...defaultCaseTypes(), u_visa: { check_in: 5, screening: 25, preparation: 60, review: 30, final_check: 10 } };
  // 25 × 1.5 = 37.5 → 40
  t.equal(visitMinutes(clinicEvent({ caseTypes }), 'u_visa', 'screening', 'straightforward', INTERPRETED), 40);
});

t.test('a case type the event does not know takes 0 minutes', async (t) => {
  t.equal(visitMinutes(fiveMinuteGrid, 'asylum', 'preparation', 'moderate', INTERPRETED), 0);
});

t.test('a straightforward DACA renewal review takes 30 minutes on a 15-minute grid', async (t) => {
  // 20 → 30
  t.equal(visitMinutes(fifteenMinuteGrid, 'daca_renewal', 'review', 'straightforward', NOT_INTERPRETED), 30);
});

t.test('a moderate N-400 preparation takes 120 minutes on a 15-minute grid', async (t) => {
  // 90 × 1.25 = 112.5 → 120 (it would be 115 on a 5-minute grid)
  t.equal(visitMinutes(fifteenMinuteGrid, 'n400', 'preparation', 'moderate', NOT_INTERPRETED), 120);
});

t.test('an interpreted moderate DACA renewal preparation takes 90 minutes on a 15-minute grid', async (t) => {
  // 84.375 → 90
  t.equal(visitMinutes(fifteenMinuteGrid, 'daca_renewal', 'preparation', 'moderate', INTERPRETED), 90);
});

// deskMinutes

t.test('check-in takes 5 minutes on a 5-minute grid', async (t) => {
  t.equal(deskMinutes(fiveMinuteGrid, 'n400', 'check_in'), 5);
});

t.test('final check takes 10 minutes on a 5-minute grid', async (t) => {
  t.equal(deskMinutes(fiveMinuteGrid, 'consultation', 'final_check'), 10);
});

t.test('check-in takes a whole 15-minute slot on a 15-minute grid', async (t) => {
  t.equal(deskMinutes(fifteenMinuteGrid, 'daca_renewal', 'check_in'), 15);
});

t.test("an event's 7-minute check-in is rounded up to 10 on a 5-minute grid", async (t) => {
  const caseTypes = defaultCaseTypes();
  caseTypes.tps = { ...caseTypes.tps!, check_in: 7 };
  t.equal(deskMinutes(clinicEvent({ caseTypes }), 'tps', 'check_in'), 10);
});

t.test('a desk step of a case type the event does not know takes 0 minutes', async (t) => {
  t.equal(deskMinutes(fiveMinuteGrid, 'asylum', 'final_check'), 0);
});
