// The analytic capacity bound: staffed minutes against the demand's minutes, station by station.
import t from 'tap';
import type { Bundle, Volunteer } from '../../src/domain/index.js';
import { buildModel } from '../../src/planner/model.js';
import { capacityBound, maxServed } from '../../src/throughput/capacity.js';
import { applicant, clinicEvent, DAY_MINUTES, volunteer } from '../domain/fixtures/builders.js';

function bundleOf(volunteers: Volunteer[], applicants: number, over: Partial<Parameters<typeof applicant>[0]> = {}): Bundle {
  return {
    event: clinicEvent(),
    volunteers,
    applicants: Array.from({ length: applicants }, (_, i) => applicant({ id: `A${i}`, ...over })),
  };
}

/** The bound with every registered applicant coming and no walk-ins. */
function boundOf(bundle: Bundle) {
  const model = buildModel(bundle);
  const demand = new Float64Array(model.classes.length);
  for (const app of model.apps) demand[app.classId]! += 1;
  return capacityBound(model, demand, bundle.event.desks, bundle.event.dayMinutes);
}

const staff = (id: string, role: Volunteer['role'], over: Partial<Volunteer> = {}) => volunteer({ id, role, languages: ['es'], ...over });

t.test('one resource serves the shortest needs first', async (t) => {
  const served = maxServed([{ demand: 10, minutes: 30, eligible: [0] }, { demand: 5, minutes: 10, eligible: [0] }], [100]);
  t.same([...served].map((x) => Math.round(x * 1000) / 1000), [1.667, 5]);
});

t.test('minutes given to an earlier need are rerouted to make room for a later one', async (t) => {
  const served = maxServed([{ demand: 10, minutes: 1, eligible: [0, 1] }, { demand: 5, minutes: 2, eligible: [0] }], [10, 10]);
  t.same([...served], [10, 5]);
});

t.test('a need of no minutes is served whole, of no demand not at all, and one nobody may serve gets nothing', async (t) => {
  const served = maxServed([
    { demand: 3, minutes: 0, eligible: [] },
    { demand: 0, minutes: 10, eligible: [0] },
    { demand: 4, minutes: 10, eligible: [] },
    { demand: 4, minutes: 10, eligible: [1] },
  ], [100, 0]);
  t.same([...served], [3, 0, 0, 0]);
});

t.test('a roster with one attorney binds at review: its minutes over the review minutes', async (t) => {
  const bundle = bundleOf([
    staff('V1', 'attorney'), staff('V2', 'form_filler'), staff('V3', 'form_filler'), staff('V4', 'form_filler'),
    staff('V5', 'screener'), staff('V6', 'screener'),
  ], 40);
  const c = boundOf(bundle);
  t.equal(c.limits.review, DAY_MINUTES / 20);
  t.equal(c.limits.screening, 40);
  t.ok(Math.abs(c.limits.preparation - (4 * DAY_MINUTES) / 45) < 1e-9);
  t.equal(c.limits.all_visits, (6 * DAY_MINUTES) / 80);
  t.equal(c.bound, 21);
  t.equal(c.binding, 'review');
  t.equal(c.bindingStation, 'review');
});

t.test('when the roster could serve everyone the demand binds, and the most loaded station is named', async (t) => {
  const c = boundOf(bundleOf([staff('V1', 'attorney'), staff('V2', 'paralegal')], 3));
  t.equal(c.bound, 3);
  t.equal(c.binding, 'demand');
  t.equal(c.bindingStation, 'preparation');
});

t.test('volunteers shared by every station bind together, at the most loaded visit station', async (t) => {
  const c = boundOf(bundleOf([staff('V1', 'attorney')], 10));
  t.equal(c.limits.all_visits, DAY_MINUTES / 80);
  t.equal(c.binding, 'all_visits');
  t.equal(c.bindingStation, 'preparation');
});

t.test('a volunteer counts at most its maximum of applicants', async (t) => {
  const c = boundOf(bundleOf([staff('V1', 'attorney', { maxApplicants: 3 }), staff('V2', 'paralegal')], 10));
  t.equal(c.limits.review, 3);
});

t.test('an applicant nobody can serve counts for nothing', async (t) => {
  const c = boundOf(bundleOf([staff('V1', 'attorney')], 2, { languages: ['trs'] }));
  t.equal(c.limits.demand, 0);
  t.equal(c.bound, 0);
});

t.test('interpreters limit those only they can bridge, at interpreted length', async (t) => {
  const bundle = bundleOf([
    staff('V1', 'attorney'), staff('V2', 'attorney'), staff('V3', 'attorney'),
    volunteer({ id: 'V9', role: 'interpreter', languages: ['mix', 'es'], available: [{ start: 0, end: 120 }] }),
  ], 10, { languages: ['mix'] });
  const c = boundOf(bundle);
  // 15, 45 and 20 minutes × 1.5 = 25 + 70 + 30 on a 5-minute grid: 125 minutes of the interpreter each.
  t.equal(c.limits.interpretation, 120 / 125);
  t.equal(c.binding, 'interpretation');
  t.equal(c.bindingStation, 'preparation');
});

t.test('a case type without preparation is not held back by preparation', async (t) => {
  const c = boundOf(bundleOf([staff('V1', 'attorney'), staff('V2', 'screener')], 4, { caseType: 'consultation' }));
  t.equal(c.limits.preparation, 4);
  t.equal(c.share[2], 1);
});
