// Finishing on time as a choice: the least slack that reaches a finish probability, measured by
// simulating the day the plan makes.
import t from 'tap';
import type { Bundle } from '../../src/domain/index.js';
import { plan } from '../../src/planner/index.js';
import { estimate, finishTradeoff, planToFinish } from '../../src/throughput/index.js';
import { measureFinish, slackFor } from '../../src/throughput/finish.js';
import { FRESNO, sampleBundle } from '../support/fixtures.js';

/** The Fresno sample on a short day (10:00–14:00), so the packed plan often runs past closing. */
function shortDay(finishProbability = 0.8): Bundle {
  const bundle = sampleBundle(FRESNO);
  const event = { ...bundle.event, opens: '10:00', closes: '14:00', dayMinutes: 240 };
  return {
    ...bundle,
    event: { ...event, planning: { ...event.planning, finishProbability } },
    volunteers: bundle.volunteers.map((v) => ({ ...v, available: [{ start: 0, end: 240 }] })),
    applicants: bundle.applicants.map((a) => ({ ...a, available: [{ start: 0, end: 240 }] })),
  };
}

t.test('a finish probability of 0 packs the day: the plan is the planner’s own', async (t) => {
  const bundle = shortDay(0);
  t.same(planToFinish(bundle, { quick: true }), plan(bundle, { quick: true }));
});

t.test('the plan keeps the least slack that reaches the event’s finish probability, and says what it measured', async (t) => {
  const bundle = shortDay(0.8);
  const packed = measureFinish(bundle, plan(bundle, { quick: true }), 200, 1);
  const made = planToFinish(bundle, { quick: true });
  const finish = made.summary.finish!;
  t.equal(finish.target, 0.8);
  t.ok(finish.probability >= 0.8 || finish.slack_minutes === 120, `finishes on ${finish.probability} of days with ${finish.slack_minutes} minutes of slack`);
  t.ok(packed.finish_probability >= 0.8 || finish.slack_minutes > 0, `the packed plan finishes on ${packed.finish_probability} of days`);
});

t.test('the slack found is the least whose plan reaches the target over every simulated day, though the search stops a measure once it is settled', async (t) => {
  const bundle = shortDay(0.8);
  const slack = slackFor(bundle, 0.8, {}, 1);
  const at = (minutes: number) => measureFinish(bundle, plan(bundle, { quick: true, slack: minutes }), 200, 1).finish_probability;
  t.ok(slack === 120 || at(slack) >= 0.8, `${slack} minutes reach it (${at(slack)})`);
  if (slack > 0) t.ok(at(slack - 15) < 0.8, `${slack - 15} minutes do not (${at(slack - 15)})`);
});

t.test('a quick plan to finish is the plan of the slack it keeps, as if planned afresh with it', async (t) => {
  const bundle = shortDay(0.8);
  const made = planToFinish(bundle, { quick: true });
  const fresh = plan(bundle, { quick: true, slack: made.summary.finish!.slack_minutes });
  const withoutFinish = (p: typeof made) => ({ ...p, summary: { ...p.summary, finish: undefined } });
  t.same(withoutFinish(made), withoutFinish(fresh));
});

t.test('a quick plan that also compares the other way of choosing is planned again at the slack found, with its comparison', async (t) => {
  const bundle = shortDay(0.8);
  const made = planToFinish(bundle, { quick: true, compare: true });
  t.ok(made.summary.selection, 'the other way of choosing is compared');
  t.equal(made.summary.finish!.slack_minutes, planToFinish(bundle, { quick: true }).summary.finish!.slack_minutes);
});

t.test('finish_probability in the plan options overrides the event’s', async (t) => {
  t.equal(planToFinish(shortDay(0.8), { quick: true, finishProbability: 0 }).summary.finish, undefined);
});

t.test('a re-plan of a published version keeps its slack, so published days still fit', async (t) => {
  const bundle = shortDay(0.8);
  const published = plan(bundle, { quick: true, slack: 45 });
  const again = planToFinish(bundle, { quick: true, previous: published, published, pin: published.scheduled.map((s) => s.applicant) });
  t.equal(again.summary.finish!.slack_minutes, 45);
  t.same(again.scheduled.map((s) => s.arrival), published.scheduled.map((s) => s.arrival));
});

t.test('when no slack reaches the target, the most tried (half the day) is kept', async (t) => {
  const bundle = shortDay(0.99);
  const wild = { ...bundle, event: { ...bundle.event, simulation: { ...bundle.event.simulation, serviceTimeCv: 4 } } };
  t.equal(slackFor(wild, 0.99, {}, 1, 50), 120);
});

t.test('the trade-off lists, for each target, the slack it takes and what the day serves', async (t) => {
  const rows = finishTradeoff(shortDay(), 1, 100, [0, 0.8]);
  t.same(rows.map((r) => r.target), [0, 0.8]);
  t.equal(rows[0]!.slack_minutes, 0);
  t.ok(rows[1]!.slack_minutes >= rows[0]!.slack_minutes);
  t.ok(rows[1]!.finish_probability >= 0.8 || rows[1]!.slack_minutes === 120, `finishes on ${rows[1]!.finish_probability} of days`);
});

t.test('the estimate gives the trade-off for the targets 0, 0.5, 0.8 and 0.95 when asked, and not otherwise', async (t) => {
  const bundle = shortDay(0);
  t.same(estimate(bundle, { runs: 40, tradeoff: true }).finish_tradeoff!.map((r) => r.target), [0, 0.5, 0.8, 0.95]);
  t.equal(estimate(bundle, { runs: 40 }).finish_tradeoff, undefined);
});

t.test('overtime the event allows counts as finishing: the same plan finishes more often with 30 minutes of it', async (t) => {
  const bundle = shortDay(0);
  const planned = plan(bundle, { quick: true });
  const strict = measureFinish(bundle, planned, 100, 1).finish_probability;
  const staying = { ...bundle, event: { ...bundle.event, simulation: { ...bundle.event.simulation, overtimeMinutes: 30 } } };
  const lenient = measureFinish(staying, planned, 100, 1).finish_probability;
  t.ok(lenient > strict, `${lenient} with overtime against ${strict} without`);
});
