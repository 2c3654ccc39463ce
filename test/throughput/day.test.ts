// A clinic day in the simulator: appointments from a plan, walk-ins, and many seeded runs.
import t from 'tap';
import type { Bundle } from '../../src/domain/index.js';
import { plan } from '../../src/planner/index.js';
import { appointments, compileDay, dayModel, simulateDay, suggestedWalkInsUntil, WALK_IN_PREFIX, walkInTime } from '../../src/throughput/day.js';
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

t.test('walk-ins arrive until a cut-off at closing and never at or after it', async (t) => {
  const bundle = fresno({ walkInsPerHour: 30, walkInsUntil: '16:00' });
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

t.test('without a cut-off, walk-ins are accepted until a straightforward stay can still end by closing', async (t) => {
  const bundle = fresno({ walkInsPerHour: 30 });
  const day = dayOf(bundle);
  t.notOk(bundle.event.simulation.walkInsUntil);
  t.ok(day.walkInsUntilSuggested);
  // Fresno's applicants are n400s: 5 + 100 (straightforward) + 10 minutes at the least.
  const stays = bundle.applicants.filter((a) => a.complexity === 'straightforward').map((a) => day.network.minimumStay[day.model.apps[bundle.applicants.indexOf(a)]!.classId * 6]!).sort((a, b) => a - b);
  const median = stays[(stays.length - 1) >> 1]!;
  t.equal(day.walkInsUntil, Math.floor((day.close - median) / 5) * 5);
  const runs = simulateDay(day, appointments(day, plan(bundle, { quick: true, seed: 1 })), 200, 1);
  t.ok(runs.latestWalkIn < day.walkInsUntil && runs.latestWalkIn > day.walkInsUntil - 5, `latest ${runs.latestWalkIn} before ${day.walkInsUntil}`);
  t.ok(Math.abs(runs.walkIns / 200 / (30 * day.walkInsUntil / 60) - 1) < 0.03, 'at 30 an hour until the cut-off');
});

t.test('the suggested cut-off follows the walk-in mix, its straightforward entries, or all when none is', async (t) => {
  const mix = (complexity: 'straightforward' | 'complex') => [
    { caseType: 'i90', languages: ['es'], complexity, share: 1 },
    { caseType: 'n400', languages: ['es'], complexity: 'complex' as const, share: 1 },
  ];
  const simple = dayOf(fresno({ walkInMix: mix('straightforward') }));
  const i90 = simple.network.minimumStay[simple.model.apps[simple.registered]!.classId * 6]!;
  t.equal(simple.walkInsUntil, Math.floor((simple.close - i90) / 5) * 5, 'only the straightforward i90');
  const complex = dayOf(fresno({ walkInMix: mix('complex') }));
  const stays = [0, 1].map((j) => complex.network.minimumStay[complex.model.apps[complex.registered + j]!.classId * 6]!).sort((a, b) => a - b);
  t.equal(complex.walkInsUntil, Math.floor((complex.close - stays[0]!) / 5) * 5, 'the lower middle of the two');
  const empty: Bundle = { event: clinicEvent(), volunteers: [volunteer({ role: 'attorney' })], applicants: [] };
  const none = dayOf(empty);
  t.equal(suggestedWalkInsUntil(empty, none.model, none.network), none.close, 'nobody to be like: until closing');
  const long = fresno({ walkInMix: [{ caseType: 'n400', languages: ['es'], complexity: 'complex', share: 1 }] });
  long.event.dayMinutes = 60;
  const short = dayOf(long);
  t.equal(short.walkInsUntil, 0, 'a stay longer than the day: no walk-in can finish');
});

t.test('a given cut-off is the local time after which no walk-in comes', async (t) => {
  const day = dayOf(fresno({ walkInsPerHour: 30, walkInsUntil: '12:30' }));
  t.equal(day.walkInsUntil, 210);
  t.notOk(day.walkInsUntilSuggested);
  const runs = simulateDay(day, appointments(day, plan(fresno(), { quick: true, seed: 1 })), 50, 1);
  t.ok(runs.latestWalkIn < 210 && runs.latestWalkIn > 200, `latest ${runs.latestWalkIn}`);
});

t.test('a morning profile brings the same walk-ins, twice the even rate at opening, down to none at the cut-off', async (t) => {
  const even = dayOf(fresno({ walkInsPerHour: 12, walkInsUntil: '15:00' }));
  const morning = dayOf(fresno({ walkInsPerHour: 12, walkInsUntil: '15:00', walkInProfile: 'morning' }));
  t.equal(walkInTime(even, 6), 30, 'even: 12 an hour, so the sixth at half past');
  t.ok(Math.abs(walkInTime(morning, 12) - 360 * (1 - Math.sqrt(1 - 12 / 72))) < 1e-9);
  t.equal(walkInTime(morning, 72), Number.POSITIVE_INFINITY, 'the 72 expected come before the cut-off');
  t.ok(walkInTime(morning, 71.9) < 360);
  const bundle = fresno({ walkInsPerHour: 12, walkInsUntil: '15:00' });
  const a = simulateDay(even, appointments(even, plan(bundle, { quick: true, seed: 1 })), 100, 3);
  const b = simulateDay(morning, appointments(morning, plan(bundle, { quick: true, seed: 1 })), 100, 3);
  t.equal(a.walkIns, b.walkIns, 'the same draws: as many walk-ins in every run, only earlier');
  t.ok(b.latestWalkIn < a.latestWalkIn);
});

t.test('per-hour shares spread the walk-ins of the intake over its hours', async (t) => {
  const day = dayOf(fresno({ walkInsPerHour: 10, walkInsUntil: '11:30', walkInProfile: [3, 0, 1, 5] }));
  // 150 minutes of intake: 25 walk-ins; shares 3 : 0 : 1 over the three hours it touches.
  t.same([...day.walkInKnotTime], [0, 60, 120, 150]);
  t.same([...day.walkInKnotCount], [0, 18.75, 18.75, 25]);
  t.equal(walkInTime(day, 18.75), 120 + 0, 'none come in the second hour');
  t.equal(walkInTime(day, 21.875), 135);
  const none = dayOf(fresno({ walkInsPerHour: 10, walkInProfile: [0, 0] }));
  t.equal(walkInTime(none, 0), Number.POSITIVE_INFINITY, 'all shares 0: nobody walks in');
  const closed = dayOf(fresno({ walkInsPerHour: 10, walkInsUntil: '09:00', walkInProfile: [1] }));
  t.equal(closed.walkInsUntil, 0);
  t.equal(walkInTime(closed, 0), Number.POSITIVE_INFINITY, 'a cut-off at opening: nobody walks in');
});
