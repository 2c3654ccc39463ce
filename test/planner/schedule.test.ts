// The day's bookings, and the small set the search draws applicants from in constant time.
import t from 'tap';
import { buildModel } from '../../src/planner/model.js';
import { seededRandom } from '../../src/planner/random.js';
import { DEFAULT_COSTS, findPath, IndexSet, Schedule } from '../../src/planner/schedule.js';
import type { Path } from '../../src/planner/schedule.js';
import type { Applicant, Volunteer } from '../../src/domain/index.js';
import { applicant, between, scene, volunteer } from './fixtures/scenes.js';

/** A day's bookings for a few people, and the first applicant's model. */
function bookings(volunteers: Volunteer[], applicants: Applicant[], event = {}) {
  const schedule = new Schedule(buildModel(scene({ event, volunteers, applicants })));
  return { schedule, app: schedule.model.apps[0]!, slot: schedule.model.slotMinutes };
}

/** Every step of a path in order, as [start, end) slots: check-in, visits, final check. */
const steps = (path: Path): [number, number][] => [[path.arrival, path.checkInEnd], ...path.visits.map((v) => [v.start, v.end] as [number, number]), [path.finalStart, path.end]];
const backToBack = (path: Path) => steps(path).every(([start], i, all) => i === 0 || start === all[i - 1]![1]);

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

t.test('placed at their latest, an applicant leaves at closing with no wait between steps', async (t) => {
  const { schedule, app } = bookings([volunteer({ id: 'V1', role: 'attorney' })], [applicant({ id: 'A1' })]);
  const path = findPath(schedule, app, DEFAULT_COSTS, undefined, true)!;
  t.equal(path.end, schedule.model.daySlots);
  t.ok(backToBack(path), JSON.stringify(steps(path)));
  const early = findPath(schedule, app, DEFAULT_COSTS)!;
  t.equal(early.arrival, 0, 'placed at their earliest, the same applicant arrives at opening');
});

t.test('placed at their latest, an applicant with two windows takes the later one', async (t) => {
  const { schedule, app, slot } = bookings([volunteer({ id: 'V1', role: 'attorney' })], [applicant({ id: 'A1', available: [between('09:00', '12:00'), between('13:00', '16:00')] })]);
  const path = findPath(schedule, app, DEFAULT_COSTS, undefined, true)!;
  t.equal(path.end * slot, 420);
  t.ok(path.arrival * slot >= 240);
});

t.test('placed at their latest, the last visit ends as the volunteer leaves and final check follows at once', async (t) => {
  const { schedule, app, slot } = bookings([volunteer({ id: 'V1', role: 'attorney', available: [between('09:00', '14:00')] })], [applicant({ id: 'A1' })]);
  const path = findPath(schedule, app, DEFAULT_COSTS, undefined, true)!;
  t.equal(path.visits.at(-1)!.end * slot, 300, 'review ends as V1 leaves at 14:00');
  t.equal(path.finalStart, path.visits.at(-1)!.end, 'final check follows at once');
  t.ok(backToBack(path));
});

t.test('placed at their latest with the desks full at closing, final check takes the last free desk time', async (t) => {
  const { schedule, app } = bookings(
    [volunteer({ id: 'V1', role: 'attorney' }), volunteer({ id: 'V2', role: 'attorney' })],
    [applicant({ id: 'A1' }), applicant({ id: 'A2' })],
    { desks: { check_in: 1, final_check: 1 } },
  );
  const first = findPath(schedule, app, DEFAULT_COSTS, undefined, true)!;
  schedule.commit(app, first);
  const second = findPath(schedule, schedule.model.apps[1]!, DEFAULT_COSTS, undefined, true)!;
  t.equal(second.end, first.finalStart, 'the second leaves as the first starts final check');
  t.ok(second.arrival < first.arrival, 'and checks in before the first, at the one desk');
});

t.test('placed at their latest, an applicant needing an interpreter gets one free at the same time as the volunteer', async (t) => {
  const { schedule, app } = bookings(
    [volunteer({ id: 'V1', role: 'attorney', languages: ['en'] }), volunteer({ id: 'V2', role: 'interpreter', languages: ['es', 'en'], available: [between('09:00', '13:00')] })],
    [applicant({ id: 'A1' })],
  );
  const path = findPath(schedule, app, DEFAULT_COSTS, undefined, true)!;
  t.ok(path.visits.every((v) => v.vol === 0 && v.interp === 1));
  t.ok(path.visits.at(-1)!.end * schedule.model.slotMinutes <= 240, 'the interpreter leaves at 13:00');
  t.ok(backToBack(path));
});

t.test('placed at their latest, an applicant no desk can take is not placed', async (t) => {
  const { schedule, app } = bookings([volunteer({ id: 'V1', role: 'attorney' })], [applicant({ id: 'A1' })], { desks: { check_in: 1, final_check: 0 } });
  t.equal(findPath(schedule, app, DEFAULT_COSTS, undefined, true), null);
});

t.test('a volunteer at their max_applicants may still take the applicants they already serve, and nobody else', async (t) => {
  const { schedule, app } = bookings([volunteer({ id: 'V1', role: 'attorney', maxApplicants: 1 })], [applicant({ id: 'A1' }), applicant({ id: 'A2' })]);
  t.ok(schedule.canServe(0, 1), 'before any booking');
  schedule.commit(app, findPath(schedule, app, DEFAULT_COSTS)!);
  t.ok(schedule.canServe(0, app.index));
  t.notOk(schedule.canServe(0, 1));
  schedule.release(app);
  t.ok(schedule.canServe(0, 1), 'once A1 is released');
});
