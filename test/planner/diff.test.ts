import t from 'tap';
import { diffPlans } from '../../src/planner/diff.js';
import type { PlanJson, ScheduledJson } from '../../src/planner/types.js';

const AT_9 = '2027-05-22T09:00:00-07:00';
const AT_10 = '2027-05-22T10:00:00-07:00';

function stay(applicant: string, arrival: string, volunteer: string, interpreter: string | null = null): ScheduledJson {
  return { applicant, arrival, check_in: null, final_check: null, visits: [{ station: 'screening', volunteer, interpreter, start: arrival, end: arrival }] };
}

function planOf(...scheduled: ScheduledJson[]): PlanJson {
  return { event: 'e', scheduled, unscheduled: [], shifts: [], summary: { applicants: 3, scheduled: scheduled.length, scheduled_weight: 0, interpreted_visits: 0, mean_minutes_in_clinic: null } };
}

t.test('an applicant newly scheduled is added', async (t) => {
  t.same(diffPlans(planOf(), planOf(stay('A1', AT_9, 'V1'))).map((c) => [c.applicant, c.change]), [['A1', 'added']]);
});

t.test('an applicant no longer scheduled is removed', async (t) => {
  t.same(diffPlans(planOf(stay('A1', AT_9, 'V1')), planOf()).map((c) => [c.applicant, c.change]), [['A1', 'removed']]);
});

t.test('a new arrival time is a move, whose slip must be sent again', async (t) => {
  const [change] = diffPlans(planOf(stay('A1', AT_9, 'V1')), planOf(stay('A1', AT_10, 'V1')));
  t.match(change, { change: 'moved', before: { arrival: AT_9 }, after: { arrival: AT_10 } });
});

t.test('the same time with another volunteer or interpreter is a reassignment', async (t) => {
  const [change] = diffPlans(planOf(stay('A1', AT_9, 'V1')), planOf(stay('A1', AT_9, 'V1', 'V9')));
  t.match(change, { change: 'reassigned', after: { volunteers: ['V1+V9'] } });
});

t.test('an unchanged applicant is not listed', async (t) => {
  t.same(diffPlans(planOf(stay('A1', AT_9, 'V1')), planOf(stay('A1', AT_9, 'V1'))), []);
});
