// Places given up, offered on: on random small bundles, the applicant a place is offered to,
// swapped into it, breaks no rule of the planner (checked by checkPlan itself), and everyone
// before them in the order would have broken one. And the order: most urgent first, then the
// planner's own lottery.
import t from 'tap';
import fc from 'fast-check';
import { checkPlan } from '../../src/planner/check.js';
import { lotteryOf, plan } from '../../src/planner/index.js';
import { firstFit, offerOrder, swapIn } from '../../src/services/offers.js';
import type { Bundle } from '../../src/domain/index.js';
import type { PlanJson } from '../../src/planner/types.js';
import { bundles } from '../planner/fixtures/arbitraries.js';
import { applicant, between, scene, volunteer } from '../planner/fixtures/scenes.js';

/** The rules a swap must keep: all of them but noRoomLeft, which judges the reasons of those still left out. */
const broken = (bundle: Bundle, p: PlanJson) => checkPlan(bundle, p).filter((v) => v.rule !== 'noRoomLeft');

/** Small days with more applicants than room, so that some are left out. */
const crowded = bundles({ volunteers: 5, applicants: 10 });

t.test('an applicant offered a place, swapped into it, never breaks a planner rule; nobody before them in the order fits', async (t) => {
  let offered = 0;
  let refused = 0;
  fc.assert(fc.property(crowded, fc.integer({ min: 0, max: 20 }), (bundle, iterations) => {
    const p = plan(bundle, { iterations });
    const order = offerOrder(bundle, p);
    for (const place of p.scheduled) {
      const found = firstFit(bundle, p, place.applicant, order);
      const tried = found ? order.slice(0, order.indexOf(found.candidate)) : order;
      for (const candidate of tried) {
        const swapped = swapIn(bundle, p, place.applicant, candidate);
        if (swapped && broken(swapped.bundle, swapped.plan).length === 0) {
          throw new Error(`${candidate} fits ${place.applicant}'s place but was passed over`);
        }
        refused++;
      }
      if (!found) continue;
      offered++;
      const swapped = swapIn(bundle, p, place.applicant, found.candidate)!;
      const problems = broken(swapped.bundle, found.plan);
      if (problems.length > 0) throw new Error(`${found.candidate} in ${place.applicant}'s place: ${problems.map((v) => v.message).join('; ')}`);
      if (!p.unscheduled.some((u) => u.applicant === found.candidate)) throw new Error(`${found.candidate} was not left out`);
      const day = found.plan.scheduled.find((s) => s.applicant === found.candidate)!;
      if (found.plan.scheduled.some((s) => s.applicant === place.applicant)) throw new Error('the released applicant is still in the plan');
      if (!day.visits.every((v) => place.visits.some((w) => w.station === v.station && w.volunteer === v.volunteer))) {
        throw new Error(`${found.candidate} is seen by someone else than the place's volunteers`);
      }
    }
    return true;
  }), { numRuns: 250, seed: 20270522 });
  t.ok(offered > 20, `${offered} places offered on, each checked by checkPlan`);
  t.ok(refused > 20, `${refused} candidates passed over, each breaking a rule`);
});

t.test('places are offered to the most urgent first, and among equals in the planner’s lottery order', async (t) => {
  const bundle = scene({
    volunteers: [volunteer({ id: 'V1', role: 'attorney', languages: ['es'], available: [between('09:00', '10:00')] })],
    applicants: ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'].map((id, i) => applicant({ id, caseType: 'consultation', priority: [1, 3, 1, 2, 1, 3][i]! })),
  });
  const p = plan(bundle, { iterations: 0 });
  const order = offerOrder(bundle, p);
  const priority = new Map(bundle.applicants.map((a) => [a.id, a.priority]));
  const lottery = lotteryOf(bundle);
  t.same(order.map((id) => priority.get(id)), [...order.map((id) => priority.get(id)!)].sort((a, b) => b - a), 'most urgent first');
  for (let i = 1; i < order.length; i++) {
    if (priority.get(order[i - 1]!) === priority.get(order[i]!)) {
      t.ok(lottery.indexOf(order[i - 1]!) < lottery.indexOf(order[i]!), `${order[i - 1]} before ${order[i]}, as the lottery drew them`);
    }
  }
  t.same([...order].sort(), p.unscheduled.map((u) => u.applicant).sort(), 'everyone left out, nobody else');
});
