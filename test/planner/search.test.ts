// The search's last pass: shorter stays for the same people, without pulling households apart,
// booking more interpreters or changing a day kept from the previous plan.
import t from 'tap';
import { buildModel } from '../../src/planner/model.js';
import { DEFAULT_COSTS, findPath, Schedule } from '../../src/planner/schedule.js';
import type { Path } from '../../src/planner/schedule.js';
import type { App } from '../../src/planner/model.js';
import { fill, householdMembers, shortenStays } from '../../src/planner/search.js';
import type { SearchRules } from '../../src/planner/search.js';
import type { Applicant, Volunteer } from '../../src/domain/index.js';
import { applicant, scene, volunteer } from './fixtures/scenes.js';

const rules: SearchRules = { costs: DEFAULT_COSTS, pinned: new Map() };
const stay = (path: Path | null) => path!.end - path!.arrival;

/**
 * A day where A1 was booked to arrive at opening while A2 held the only attorney for the
 * first visits: with A2 gone, A1 waits for nothing but their own booking.
 */
function waitingDay(volunteers: Volunteer[], applicants: Applicant[], previous: (Path | null)[] | null = null) {
  const schedule = new Schedule(buildModel(scene({ volunteers, applicants })), previous);
  const [a1, a2] = schedule.model.apps;
  schedule.commit(a2!, findPath(schedule, a2!, DEFAULT_COSTS)!);
  schedule.commit(a1!, findPath(schedule, a1!, DEFAULT_COSTS, 0)!);
  schedule.release(a2!);
  return { schedule, a1: a1!, a2: a2! };
}

const attorney = volunteer({ id: 'V1', role: 'attorney' });

t.test('the last pass shortens a stay that waits for a volunteer no longer busy', async (t) => {
  const { schedule, a1 } = waitingDay([attorney], [applicant({ id: 'A1' }), applicant({ id: 'A2' })]);
  const before = stay(schedule.paths[a1.index]!);
  shortenStays(schedule, rules, householdMembers(schedule.model.apps));
  t.ok(stay(schedule.paths[a1.index]!) < before, `${stay(schedule.paths[a1.index]!)} < ${before}`);
  t.equal(schedule.count, 1, 'nobody is added or dropped');
});

t.test('the last pass keeps a household together, even where one of them waits', async (t) => {
  const schedule = new Schedule(buildModel(scene({
    volunteers: [attorney], applicants: [applicant({ id: 'A1', household: 'H1' }), applicant({ id: 'A2', household: 'H1' })],
  })));
  const [a1, a2] = schedule.model.apps as [App, App];
  schedule.commit(a1, findPath(schedule, a1, DEFAULT_COSTS, 0)!);
  // A2 arrives with A1 and waits for the one attorney.
  schedule.commit(a2, findPath(schedule, a2, DEFAULT_COSTS, 1)!);
  shortenStays(schedule, rules, householdMembers(schedule.model.apps));
  const arrivals = [schedule.paths[a1.index]!.arrival, schedule.paths[a2.index]!.arrival];
  t.ok(Math.abs(arrivals[0]! - arrivals[1]!) <= 3, `arrivals ${arrivals} stay within 15 minutes`);
});

t.test('the last pass never trades a wait for an interpreter', async (t) => {
  const english = volunteer({ id: 'V2', role: 'attorney', languages: ['en'] });
  const interpreter = volunteer({ id: 'V3', role: 'interpreter', languages: ['es', 'en'] });
  const schedule = new Schedule(buildModel(scene({
    volunteers: [attorney, english, interpreter],
    applicants: [applicant({ id: 'A1', available: [{ start: 0, end: 275 }] }), applicant({ id: 'B1' })],
  })));
  const [a1, b1] = schedule.model.apps as [App, App];
  // B1 (pinned) holds the Spanish-speaking attorney from 09:20 to 12:20.
  schedule.commit(b1, { arrival: 4, checkInEnd: 4, visits: [{ station: 'preparation', vol: 0, interp: -1, start: 4, end: 40 }], finalStart: 40, end: 40 });
  // A1 is screened at once, then waits for that attorney: an interpreter would make the day shorter.
  schedule.commit(a1, findPath(schedule, a1, { ...DEFAULT_COSTS, interpreter: 1000 }, 0)!);
  t.ok(schedule.paths[a1.index]!.visits.every((v) => v.vol === 0 && v.interp < 0));
  shortenStays(schedule, { ...rules, pinned: new Map([[b1.index, 4]]) }, householdMembers(schedule.model.apps));
  t.ok(schedule.paths[a1.index]!.visits.every((v) => v.interp < 0), 'still no interpreter');
});

t.test('the last pass leaves pinned applicants where they are', async (t) => {
  const { schedule, a1 } = waitingDay([attorney], [applicant({ id: 'A1' }), applicant({ id: 'A2' })]);
  const before = schedule.paths[a1.index];
  shortenStays(schedule, { ...rules, pinned: new Map([[a1.index, before!.arrival]]) }, householdMembers(schedule.model.apps));
  t.equal(schedule.paths[a1.index], before);
});

t.test('when re-planning, the last pass does not change a day kept from the previous plan', async (t) => {
  const probe = waitingDay([attorney], [applicant({ id: 'A1' }), applicant({ id: 'A2' })]);
  const kept = probe.schedule.paths[probe.a1.index]!;
  const { schedule, a1 } = waitingDay([attorney], [applicant({ id: 'A1' }), applicant({ id: 'A2' })], [structuredClone(kept), null]);
  t.equal(schedule.changed, 0, 'A1 has the day the previous plan gave them');
  shortenStays(schedule, rules, householdMembers(schedule.model.apps));
  t.same(schedule.paths[a1.index], kept);
  t.equal(schedule.changed, 0);
});

t.test('the filling pass seats everyone the bookings leave room for, in the order given', async (t) => {
  const schedule = new Schedule(buildModel(scene({ volunteers: [attorney], applicants: [applicant({ id: 'A1' }), applicant({ id: 'A2' })] })));
  const [a1, a2] = schedule.model.apps;
  fill(schedule, [a2!, a1!], new Map());
  t.equal(schedule.count, 2);
  t.ok(schedule.paths[a2!.index]!.visits[0]!.start < schedule.paths[a1!.index]!.visits[0]!.start, 'A2, first in the order, is seen first');
});

t.test('the filling pass seats a pinned applicant only from their arrival', async (t) => {
  const schedule = new Schedule(buildModel(scene({ volunteers: [attorney], applicants: [applicant({ id: 'A1' }), applicant({ id: 'A2' })] })));
  const [a1, a2] = schedule.model.apps;
  schedule.commit(a1!, findPath(schedule, a1!, DEFAULT_COSTS, 0)!);
  const lastHalfHour = schedule.model.daySlots - 6;
  fill(schedule, [a2!], new Map([[a2!.index, lastHalfHour]]));
  t.equal(schedule.paths[a2!.index], null, 'no day starts half an hour before closing, and an earlier arrival is not theirs to take');
  fill(schedule, [a2!], new Map());
  t.not(schedule.paths[a2!.index], null, 'unpinned, they take a later day');
});
