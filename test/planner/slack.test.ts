// Slack: a plan that keeps minutes before closing free, checked against the day it was made for.
import t from 'tap';
import { checkPlan, plan, withSlack } from '../../src/planner/index.js';
import type { Applicant, Volunteer } from '../../src/domain/index.js';
import { applicant, minutesOf, scene, volunteer } from './fixtures/scenes.js';

const attorney = (over: Partial<Volunteer> = {}) => volunteer({ id: 'V1', role: 'attorney', ...over });
const spanish = (id: string, over: Partial<Applicant> = {}) => applicant({ id, languages: ['es'], ...over });
/** One attorney, more applicants than a 7-hour day holds. */
const full = scene({ volunteers: [attorney()], applicants: Array.from({ length: 8 }, (_, i) => spanish(`A${i + 1}`)) });
const CLOSING = 7 * 60;

t.test('with 60 minutes of slack, every applicant is planned to finish an hour before closing', async (t) => {
  const p = plan(full, { iterations: 50, slack: 60 });
  t.ok(p.scheduled.length > 0);
  for (const s of p.scheduled) t.ok(minutesOf(full, s.final_check!.end) <= CLOSING - 60, `${s.applicant} ends by 15:00`);
  t.equal(p.summary.finish!.slack_minutes, 60);
});

t.test('slack costs people on a full day', async (t) => {
  t.ok(plan(full, { iterations: 50, slack: 90 }).summary.scheduled < plan(full, { iterations: 50 }).summary.scheduled);
});

t.test('a plan with slack keeps every rule of the day it was made for', async (t) => {
  t.same(checkPlan(full, plan(full, { iterations: 50, slack: 60 })), []);
});

t.test('a plan that hides its slack is caught: someone left out would fit before closing', async (t) => {
  const p = plan(full, { iterations: 50, slack: 90 });
  delete p.summary.finish;
  t.ok(checkPlan(full, p).some((v) => v.rule === 'noRoomLeft'));
});

t.test('the day with slack closes earlier on the site’s clock', async (t) => {
  t.equal(withSlack(full, 45).event.closes, '15:15');
  t.equal(withSlack(full, 0), full);
});

t.test('slack never shortens the day below one slot', async (t) => {
  t.equal(withSlack(full, 10_000).event.dayMinutes, full.event.slotMinutes);
});
