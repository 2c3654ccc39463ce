// The day's bookings, and the small set the search draws applicants from in constant time.
import t from 'tap';
import { buildModel } from '../../src/planner/model.js';
import { seededRandom } from '../../src/planner/random.js';
import { IndexSet, Schedule } from '../../src/planner/schedule.js';
import { applicant, scene, volunteer } from './fixtures/scenes.js';

t.test('an IndexSet holds each index once', async (t) => {
  const set = new IndexSet(4);
  set.add(3);
  set.add(1);
  set.add(3);
  t.equal(set.size, 2);
  t.ok(set.has(3));
  t.ok(set.has(1));
  t.notOk(set.has(2));
});

t.test('deleting from an IndexSet keeps the others, whichever place the deleted one had', async (t) => {
  const set = new IndexSet(5);
  for (const i of [0, 1, 2, 3]) set.add(i);
  set.delete(1);
  set.delete(3);
  set.delete(7);
  t.same([...set.items].sort(), [0, 2]);
  t.notOk(set.has(1));
  set.add(1);
  t.same([...set.items].sort(), [0, 1, 2]);
});

t.test('picking from an IndexSet draws only members, the same ones for the same seed', async (t) => {
  const set = new IndexSet(10);
  for (const i of [2, 4, 6, 8]) set.add(i);
  const draw = (seed: number) => {
    const random = seededRandom(seed);
    return Array.from({ length: 20 }, () => set.pick(random));
  };
  t.ok(draw(1).every((i) => set.has(i)));
  t.same(draw(1), draw(1));
  t.same(new Set(draw(3)), new Set([2, 4, 6, 8]), 'twenty draws reach every member');
});

t.test('releasing an applicant who holds no day changes nothing', async (t) => {
  const schedule = new Schedule(buildModel(scene({ volunteers: [volunteer({ id: 'V1', role: 'attorney' })], applicants: [applicant({ id: 'A1' })] })));
  const app = schedule.model.apps[0]!;
  t.equal(schedule.release(app), null);
  t.same([schedule.count, schedule.weight, schedule.waiting.size, schedule.placed.size], [0, 0, 1, 0]);
});
