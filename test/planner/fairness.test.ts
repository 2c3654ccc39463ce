import t from 'tap';
import { checkPlan, plan } from '../../src/planner/index.js';
import { MADERA, sampleBundle } from '../support/fixtures.js';

// Proportional fairness corrects serving the most people, which crowds out the costly groups.
const BUDGET = { iterations: 300, selection: 'most' } as const;

t.test('proportional fairness reports what it cost against serving the most priority', async (t) => {
  const bundle = sampleBundle(MADERA);
  const plain = plan(bundle, { ...BUDGET, fairness: 'none' });
  const fair = plan(bundle, { ...BUDGET, fairness: 'proportional' });
  t.same(fair.summary.fairness, {
    mode: 'proportional',
    cost_applicants: plain.summary.scheduled - fair.summary.scheduled,
    cost_weight: plain.summary.scheduled_weight - fair.summary.scheduled_weight,
  });
  t.equal(plain.summary.fairness, undefined);
});

t.test('proportional fairness serves Triqui speakers closer to their share of the demand', async (t) => {
  const bundle = sampleBundle(MADERA);
  const plain = plan(bundle, { ...BUDGET, fairness: 'none' });
  const fair = plan(bundle, { ...BUDGET, fairness: 'proportional' });
  const overall = plain.summary.scheduled / plain.summary.applicants;
  const gap = (p: typeof plain) => Math.abs(p.summary.served_share!.language.trs! - overall);
  t.ok(gap(fair) <= gap(plain), `Triqui share ${fair.summary.served_share!.language.trs} vs ${plain.summary.served_share!.language.trs}, overall ${overall.toFixed(3)}`);
  t.same(checkPlan(bundle, fair), []);
});

t.test('the event setting planning.fairness turns proportional fairness on', async (t) => {
  const bundle = sampleBundle(MADERA);
  const fair = plan({ ...bundle, event: { ...bundle.event, planning: { ...bundle.event.planning, fairness: 'proportional' } } }, BUDGET);
  t.equal(fair.summary.fairness?.mode, 'proportional');
});
