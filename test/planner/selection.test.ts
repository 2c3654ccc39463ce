// Fair selection: within equal priority, people are served in lottery order, and nobody is left
// out for room while they would fit in the place of someone drawn after them.
import t from 'tap';
import fc from 'fast-check';
import { checkPlan, lotteryOf, plan } from '../../src/planner/index.js';
import { buildModel } from '../../src/planner/model.js';
import { pathsOf } from '../../src/planner/paths.js';
import { ALONE, Schedule, findPath } from '../../src/planner/schedule.js';
import { fairSwaps, lotteryOrder, ranksOf } from '../../src/planner/search.js';
import { seededRandom } from '../../src/planner/random.js';
import type { Applicant, Bundle, Volunteer } from '../../src/domain/index.js';
import type { PlanJson } from '../../src/planner/types.js';
import { applicant, scene, volunteer } from './fixtures/scenes.js';
import { bundles } from './fixtures/arbitraries.js';

/** Crowded days: few volunteers, many applicants. */
const crowdedArb = bundles({ volunteers: 3, applicants: 16 });

const attorney = (over: Partial<Volunteer> = {}) => volunteer({ id: 'V1', role: 'attorney', ...over });
const paralegal = (over: Partial<Volunteer> = {}) => volunteer({ id: 'V2', role: 'paralegal', ...over });
const spanish = (id: string, over: Partial<Applicant> = {}) => applicant({ id, languages: ['es'], ...over });

/** Each pair (left out, served later in the lottery at equal priority) where the first fits in the second's place. */
function displaced(bundle: Bundle, p: PlanJson, seed: number): string[] {
  const model = buildModel(bundle);
  const rank = new Map(lotteryOf(bundle, seed).map((id, i) => [id, i]));
  const schedule = new Schedule(model);
  const paths = pathsOf(model, p);
  for (const app of model.apps) if (paths[app.index]) schedule.commit(app, paths[app.index]!);
  const out: string[] = [];
  for (const u of p.unscheduled.filter((x) => x.reason === 'no_capacity')) {
    const left = model.apps.find((a) => a.applicant.id === u.applicant)!;
    for (const other of model.apps) {
      const held = schedule.paths[other.index];
      if (!held || other.priority !== left.priority || rank.get(other.applicant.id)! < rank.get(left.applicant.id)!) continue;
      schedule.release(other);
      if (findPath(schedule, left, ALONE)) out.push(`${left.applicant.id} fits in the place of ${other.applicant.id}`);
      schedule.commit(other, held);
    }
  }
  return out;
}

t.test('fair selection never leaves out an applicant who fits in the place of a later-lottery applicant of equal priority', async () => {
  fc.assert(fc.property(crowdedArb, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 30 }), (bundle, seed, iterations) => {
    const p = plan(bundle, { seed, iterations, selection: 'fair' });
    const found = displaced(bundle, p, seed);
    if (found.length > 0) throw new Error(found.join('\n'));
    return true;
  }), { numRuns: 150, seed: 10 });
});

/** One attorney for the whole day: a complex case costs as much as two or three simple ones. */
const crowded = scene({
  volunteers: [attorney()],
  applicants: [
    ...['A1', 'A2', 'A3', 'A4'].map((id) => spanish(id, { complexity: 'complex' })),
    ...['A5', 'A6', 'A7', 'A8', 'A9', 'A10', 'A11', 'A12'].map((id) => spanish(id)),
  ],
});
const complexServed = (p: PlanJson) => p.scheduled.filter((s) => ['A1', 'A2', 'A3', 'A4'].includes(s.applicant)).length;

t.test('on a full day, serving the most people drops the complex cases', async (t) => {
  const most = plan(crowded, { iterations: 400, selection: 'most' });
  t.equal(complexServed(most), 0);
  t.same(checkPlan(crowded, most), []);
});

t.test('on a full day, fair selection serves complex cases in lottery order', async (t) => {
  let served = 0;
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const fair = plan(crowded, { iterations: 400, seed, selection: 'fair' });
    t.same(checkPlan(crowded, fair), []);
    const first = lotteryOf(crowded, seed)[0]!;
    t.ok(fair.scheduled.some((s) => s.applicant === first), `seed ${seed}: the first drawn (${first}) is served`);
    served += complexServed(fair);
  }
  t.ok(served >= 3, `complex cases served over six seeds: ${served}`);
});

t.test('fair selection is the default, and the event may choose to serve the most', async (t) => {
  t.same(plan(crowded, { iterations: 100 }), plan(crowded, { iterations: 100, selection: 'fair' }));
  const most = { ...crowded, event: { ...crowded.event, planning: { ...crowded.event.planning, selection: 'most' as const } } };
  t.same(plan(most, { iterations: 100 }).scheduled, plan(crowded, { iterations: 100, selection: 'most' }).scheduled);
});

t.test('the summary puts the other selection beside the plan’s, share by share', async (t) => {
  const fair = plan(crowded, { iterations: 400 });
  const most = plan(crowded, { iterations: 400, selection: 'most', compare: false });
  t.equal(fair.summary.selection!.mode, 'fair');
  t.equal(fair.summary.selection!.other.mode, 'most');
  t.equal(fair.summary.selection!.other.scheduled, most.summary.scheduled);
  t.equal(fair.summary.selection!.other.served_share.complexity.complex, 0);
  t.ok(fair.summary.served_share!.complexity.complex! > 0);
});

t.test('a quick plan does not plan the other selection', async (t) => {
  t.equal(plan(crowded, { quick: true }).summary.selection, undefined);
});

t.test('the served share says who needed an interpreter', async (t) => {
  const bundle = scene({
    volunteers: [attorney({ languages: ['en'] }), paralegal({ id: 'V2', languages: ['es', 'en'] })],
    applicants: [spanish('A1'), spanish('A2', { languages: ['en'] })],
  });
  t.match(plan(bundle, { iterations: 20 }).summary.served_share!.interpreter, { needed: Number, not_needed: Number });
});

t.test('past its budget of tries, the fair pass still gives a place held by someone later in the lottery who uses the same volunteer', async (t) => {
  const bundle = scene({ volunteers: [attorney({ maxApplicants: 1 })], applicants: [spanish('A1'), spanish('A2')] });
  const model = buildModel(bundle);
  const order = lotteryOrder(model.apps, seededRandom(1));
  const schedule = new Schedule(model);
  const [first, second] = order;
  schedule.commit(second!, findPath(schedule, second!, ALONE)!);
  fairSwaps(schedule, order, ranksOf(order, model.apps.length), new Map(), 0);
  t.ok(schedule.paths[first!.index], 'the first drawn is served');
  t.equal(schedule.paths[second!.index], null, 'the second is left out: the attorney takes one applicant');
});

t.test('past its budget, the fair pass does not take a place that frees nobody the applicant could use', async (t) => {
  const bundle = scene({
    volunteers: [attorney()],
    applicants: [spanish('A1', { languages: ['mix'], priority: 3 }), spanish('A2', { priority: 1 })],
  });
  const model = buildModel(bundle);
  const order = lotteryOrder(model.apps, seededRandom(1));
  const schedule = new Schedule(model);
  const a2 = model.apps[1]!;
  const held = findPath(schedule, a2, ALONE)!;
  schedule.commit(a2, held);
  fairSwaps(schedule, order, ranksOf(order, model.apps.length), new Map(), 0);
  t.same(schedule.paths[a2.index], held, 'A2 keeps their day');
  t.equal(schedule.paths[0], null, 'A1, whom nobody speaks to, stays out');
});

t.test('the one a fair swap displaces keeps another day where the bookings leave one', async (t) => {
  const bundle = scene({
    volunteers: [attorney()],
    applicants: [spanish('A1', { available: [{ start: 0, end: 120 }], priority: 3 }), spanish('A2', { priority: 1 })],
  });
  const model = buildModel(bundle);
  const order = lotteryOrder(model.apps, seededRandom(1));
  const schedule = new Schedule(model);
  const [a1, a2] = model.apps;
  schedule.commit(a2!, findPath(schedule, a2!, ALONE)!);
  t.equal(findPath(schedule, a1!, ALONE), null, 'A2’s morning day leaves A1 no room');
  fairSwaps(schedule, order, ranksOf(order, model.apps.length), new Map());
  t.ok(schedule.paths[a1!.index], 'A1 takes the morning');
  t.ok(schedule.paths[a2!.index], 'A2 keeps another day');
});
