// A clinic day in the simulator: appointments from a plan, walk-ins, and many seeded runs.
import t from 'tap';
import type { Bundle } from '../../src/domain/index.js';
import { plan } from '../../src/planner/index.js';
import { appointments, compileDay, dayModel, simulateDay, WALK_IN_PREFIX } from '../../src/throughput/day.js';
import { applicant, clinicEvent, volunteer } from '../domain/fixtures/builders.js';
import { FRESNO, sampleBundle } from '../support/fixtures.js';

function fresno(simulation: Partial<Bundle['event']['simulation']> = {}): Bundle {
  const bundle = sampleBundle(FRESNO);
  bundle.event.simulation = { ...bundle.event.simulation, ...simulation };
  return bundle;
}

function dayOf(bundle: Bundle) {
  return compileDay(bundle, dayModel(bundle));
}

t.test('walk-ins arrive until closing and never at or after it', async (t) => {
  const bundle = fresno({ walkInsPerHour: 30 });
  const day = dayOf(bundle);
  const runs = simulateDay(day, appointments(day, plan(bundle, { quick: true, seed: 1 })), 200, 1);
  t.ok(runs.latestWalkIn < day.close, `latest ${runs.latestWalkIn}`);
  t.ok(runs.latestWalkIn > day.close - 5, 'and they keep coming to the end');
  t.ok(Math.abs(runs.walkIns / 200 / (30 * 7) - 1) < 0.03, `${runs.walkIns / 200} walk-ins a day at 30 an hour`);
});

t.test('walk-ins come like the registered applicants when the event gives no mix', async (t) => {
  const day = dayOf(fresno());
  const registeredClasses = new Set(day.model.apps.map((a) => a.classId));
  t.ok([...day.walkInClass].every((k) => registeredClasses.has(k)));
  t.equal(day.walkInCumulative[day.walkInCumulative.length - 1], 1);
});

t.test('walk-ins come in the classes of the event’s walk-in mix, by share', async (t) => {
  const bundle = fresno({
    walkInMix: [
      { caseType: 'i90', languages: ['es'], complexity: 'straightforward', share: 3 },
      { caseType: 'tps', languages: ['zap', 'es'], complexity: 'moderate', share: 1 },
    ],
  });
  const day = dayOf(bundle);
  t.equal(day.registered, bundle.applicants.length);
  t.equal(day.model.apps.length, bundle.applicants.length + 2);
  t.equal(day.model.apps[day.registered]!.applicant.id, `${WALK_IN_PREFIX}0`);
  t.same([...day.walkInClass], [day.model.apps[day.registered]!.classId, day.model.apps[day.registered + 1]!.classId]);
  t.same([...day.walkInCumulative], [0.75, 1]);
});

t.test('no walk-ins come when there is nobody to be like and no mix', async (t) => {
  const bundle: Bundle = { event: clinicEvent(), volunteers: [volunteer({ role: 'attorney' })], applicants: [] };
  const day = dayOf(bundle);
  t.equal(day.walkInRate, 0);
  const runs = simulateDay(day, appointments(day, plan(bundle, { quick: true })), 10, 1);
  t.equal(runs.walkIns, 0);
  t.equal(runs.latestWalkIn, -1);
  t.equal(runs.allFinished, 10, 'nobody was scheduled, so everyone scheduled finished');
});

t.test('appointments are the plan’s scheduled applicants at their arrival, in order, skipping unknown ids', async (t) => {
  const bundle = fresno();
  const p = plan(bundle, { quick: true, seed: 1 });
  p.scheduled.push({ ...p.scheduled[0]!, applicant: 'A-unknown' });
  const day = dayOf(bundle);
  const booked = appointments(day, p);
  t.equal(booked.time.length, p.scheduled.length - 1);
  t.equal(booked.time[0], 0, 'the first comes at opening');
  for (let i = 1; i < booked.time.length; i++) t.ok(booked.time[i - 1]! <= booked.time[i]!);
  const first = bundle.applicants[booked.entity[0]!]!;
  t.equal(booked.klass[0], day.model.apps[booked.entity[0]!]!.classId);
  t.ok(p.scheduled.some((s) => s.applicant === first.id));
});

t.test('more no-shows serve fewer applicants', async (t) => {
  const served = [0, 0.5].map((noShowRate) => {
    const bundle = fresno({ noShowRate, walkInsPerHour: 0 });
    const day = dayOf(bundle);
    const runs = simulateDay(day, appointments(day, plan(bundle, { quick: true, seed: 1 })), 300, 1);
    return runs.served.reduce((a, b) => a + b, 0) / 300;
  });
  t.ok(served[1]! < served[0]!, `${served[1]} < ${served[0]}`);
});

t.test('a run is the same for the same seed and differs for another', async (t) => {
  const bundle = fresno();
  const day = dayOf(bundle);
  const booked = appointments(day, plan(bundle, { quick: true, seed: 1 }));
  const a = simulateDay(day, booked, 50, 1).served.slice();
  const b = simulateDay(day, booked, 50, 1).served.slice();
  const c = simulateDay(day, booked, 50, 2).served.slice();
  t.same(a, b);
  t.notSame(a, c);
});

t.test('a day with only walk-ins of one unservable kind serves nobody and turns them away', async (t) => {
  const bundle: Bundle = {
    event: clinicEvent({ simulation: { noShowRate: 0, walkInsPerHour: 6, serviceTime: 'fixed', serviceTimeCv: 0, walkInMix: [] } }),
    volunteers: [volunteer({ role: 'attorney', languages: ['en'] })],
    applicants: [applicant({ languages: ['trs'] })],
  };
  const day = dayOf(bundle);
  const runs = simulateDay(day, appointments(day, plan(bundle, { quick: true })), 20, 3);
  t.ok(runs.walkIns > 0);
  t.equal(runs.turnedAway, runs.walkIns);
  t.equal(runs.turnedAwayWalkIns, runs.walkIns);
  t.equal(runs.served.reduce((a, b) => a + b, 0), 0);
});
