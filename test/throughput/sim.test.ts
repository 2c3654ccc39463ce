// The core simulator on small scenes: who is served when, and what counts as served.
import t from 'tap';
import { CHECK_IN, FINAL_CHECK, Network, PREPARATION, REVIEW, SCREENING, WAIT_BIN } from '../../src/throughput/sim.js';
import type { Arrivals, ClassSpec, NetworkSpec, ServerSpec, VisitSpec } from '../../src/throughput/sim.js';

const ALWAYS = [{ start: 0, end: Number.POSITIVE_INFINITY }];
const server = (over: Partial<ServerSpec> = {}): ServerSpec => ({ windows: ALWAYS, ...over });
const direct = (minutes: number, speakers: number[]): VisitSpec => ({ direct: minutes, interpreted: minutes * 1.5, speakers, bridged: [] });
const bridged = (minutes: number, vol: number, interpreters: number[]): VisitSpec => ({ direct: minutes, interpreted: minutes * 1.5, speakers: [], bridged: [{ vol, interpreters }] });
/** A class with only a screening visit (no desks), by the given visit. */
const screeningOnly = (visit: VisitSpec): ClassSpec => ({ checkIn: 0, finalCheck: 0, visits: [visit, null, null] });

function network(over: Partial<NetworkSpec>): Network {
  return new Network({
    close: Number.POSITIVE_INFINITY, desks: [1, 1], servers: [server()], classes: [screeningOnly(direct(10, [0]))],
    service: { model: 'fixed', cv: 0 }, noShowRate: 0, ...over,
  });
}

interface Arrival {
  time: number;
  klass?: number;
  walkIn?: boolean;
}

function arrivals(list: Arrival[]): Arrivals {
  return {
    count: list.length,
    time: Float64Array.from(list, (a) => a.time),
    klass: Int32Array.from(list, (a) => a.klass ?? 0),
    entity: Int32Array.from(list, (_, i) => i),
    walkIn: Uint8Array.from(list, (a) => (a.walkIn ? 1 : 0)),
  };
}

/** Runs a scene once and returns each arrival's time of leaving served (-1: not served). */
function run(net: Network, list: Arrival[]): number[] {
  net.resetTotals();
  net.run(arrivals(list), 1);
  return list.map((_, i) => net.doneAt(i));
}

t.test('a person passes check-in, the visits and final check in order, and leaves served', async (t) => {
  const net = network({
    classes: [{ checkIn: 5, finalCheck: 10, visits: [direct(15, [0]), direct(45, [0]), direct(20, [0])] }],
  });
  t.same(run(net, [{ time: 0 }]), [95]);
  t.equal(net.lastServed, 1);
  t.equal(net.sojournSum, 95);
  t.equal(net.area, 95, 'one person in the clinic for 95 minutes');
  t.same([...net.waitCount], [1, 1, 1, 1, 1]);
  t.same([...net.busyMinutes], [5, 15, 45, 20, 10]);
});

t.test('a station of 0 minutes is skipped', async (t) => {
  const net = network({ classes: [{ checkIn: 5, finalCheck: 10, visits: [direct(15, [0]), null, direct(0, [0])] }] });
  t.same(run(net, [{ time: 0 }]), [30]);
  t.same([...net.waitCount], [1, 1, 0, 0, 1]);
});

t.test('whoever is unfinished at closing is not served', async (t) => {
  const net = network({ close: 100, classes: [screeningOnly(direct(60, [0]))] });
  t.same(run(net, [{ time: 0 }, { time: 0 }]), [60, -1]);
  t.equal(net.lastServed, 1, 'the second one started at 60 and would end at 120');
  t.equal(net.unserved[SCREENING], 1, 'counted as unserved at screening');
  t.equal(net.queueAtClose[SCREENING], 0, 'being served, not waiting');
  t.equal(net.busyMinutes[SCREENING], 100, 'work after closing is not counted');
});

t.test('a final check that ends exactly at closing counts as served', async (t) => {
  const net = network({ close: 60, classes: [screeningOnly(direct(60, [0]))] });
  t.same(run(net, [{ time: 0 }]), [60]);
});

t.test('those still in a queue at closing are counted as waiting at closing', async (t) => {
  const net = network({ close: 100, classes: [screeningOnly(direct(60, [0]))] });
  run(net, [{ time: 0 }, { time: 0 }, { time: 10 }]);
  t.equal(net.queueAtClose[SCREENING], 1);
  t.equal(net.openWait[SCREENING], 90, 'waiting from 10 to closing');
  t.equal(net.waitSum[SCREENING], 60, 'the served waited 0 and 60 minutes');
});

t.test('volunteers stay the overtime to finish those inside; whoever is not finished by its end is referred', async (t) => {
  const net = network({ close: 100, overtime: 30, servers: [server({ windows: [{ start: 0, end: 100 }] })], classes: [screeningOnly(direct(60, [0]))] });
  t.equal(net.horizon, 130);
  t.same(run(net, [{ time: 0 }, { time: 0 }, { time: 0 }]), [60, 120, -1]);
  t.equal(net.lastServed, 1, 'served means finished by closing');
  t.equal(net.lastFinishedInOvertime, 1);
  t.equal(net.lastReferred, 1, 'the third could not start in time to finish');
  t.equal(net.overtimeMinutes[0], 20, 'the volunteer stayed until 120');
  t.equal(net.queueAtClose[SCREENING], 1, 'counted at closing');
  t.equal(net.unserved[SCREENING], 2, 'two were not served by closing');
  t.equal(net.busyMinutes[SCREENING], 100, 'work after closing is not counted');
  t.equal(net.area, 3 * 60 + 2 * 40, 'people in the clinic are counted until closing');
});

t.test('work that would run past the overtime leaves the person referred and the volunteer stays to its end', async (t) => {
  const net = network({ close: 100, overtime: 10, servers: [server({ windows: [{ start: 0, end: 200 }] })], classes: [screeningOnly(direct(60, [0]))] });
  t.same(run(net, [{ time: 0 }, { time: 0 }]), [60, -1], 'the second starts at 60, as the window allows, and is not done by 110');
  t.equal(net.lastReferred, 1);
  t.equal(net.overtimeMinutes[0], 10, 'stayed the whole overtime');
});

t.test('arrivals at or after closing are not admitted', async (t) => {
  const net = network({ close: 100 });
  t.same(run(net, [{ time: 99, walkIn: true }, { time: 100, walkIn: true }, { time: 130, walkIn: true }]), [-1, -1, -1]);
  t.equal(net.lastWalkIns, 1, 'only the one before closing came in');
  t.equal(net.lastTurnedAway, 1, 'and its day could not end by closing');
});

t.test('someone whose shortest day cannot end by closing is turned away at the door', async (t) => {
  const net = network({ close: 100, classes: [screeningOnly(direct(60, [0]))] });
  t.same(run(net, [{ time: 30 }, { time: 50 }]), [90, -1]);
  t.equal(net.lastTurnedAway, 1);
  t.equal(net.unserved[CHECK_IN], 1, 'turned away at check-in');
});

t.test('a class nobody can serve at some station is turned away at the door', async (t) => {
  const net = network({ classes: [{ checkIn: 5, finalCheck: 0, visits: [direct(10, [0]), direct(10, []), null] }] });
  t.equal(net.blockedAt[0], PREPARATION);
  t.notOk(net.servable(0));
  t.same(run(net, [{ time: 0 }]), [-1]);
  t.equal(net.unserved[PREPARATION], 1);
});

t.test('a desk with no places turns away whoever needs it', async (t) => {
  const net = network({ desks: [1, 0], classes: [{ checkIn: 5, finalCheck: 10, visits: [null, null, null] }] });
  t.equal(net.blockedAt[0], FINAL_CHECK);
});

t.test('a desk serves as many at once as it has places, first come first served', async (t) => {
  const net = network({ desks: [2, 1], servers: [], classes: [{ checkIn: 10, finalCheck: 0, visits: [null, null, null] }] });
  t.same(run(net, [{ time: 0 }, { time: 0 }, { time: 1 }]), [10, 10, 20]);
  t.equal(net.waitSum[CHECK_IN], 9);
});

t.test('a free desk takes a waiting appointment before a walk-in who came earlier', async (t) => {
  const net = network({ servers: [], classes: [{ checkIn: 10, finalCheck: 0, visits: [null, null, null] }] });
  t.same(run(net, [{ time: 0 }, { time: 1, walkIn: true }, { time: 2 }]), [10, 30, 20]);
});

t.test('a freed volunteer takes a waiting appointment before a walk-in who came earlier', async (t) => {
  const net = network({});
  t.same(run(net, [{ time: 0 }, { time: 1, walkIn: true }, { time: 2 }]), [10, 30, 20]);
});

t.test('a freed volunteer serves later stations first, then the longest waiting', async (t) => {
  const net = network({ classes: [{ checkIn: 0, finalCheck: 0, visits: [direct(10, [0]), direct(10, [0]), null] }] });
  // A: 0–20. C screens 20–30; at 30 C (at preparation since 30) goes before D (at screening since 3).
  t.same(run(net, [{ time: 0 }, { time: 2 }, { time: 3 }]), [20, 40, 60]);
});

t.test('a reviewer who finishes a visit reviews before taking the next screening', async (t) => {
  const net = network({ classes: [{ checkIn: 0, finalCheck: 0, visits: [direct(10, [0]), null, direct(10, [0])] }] });
  t.same(run(net, [{ time: 0 }, { time: 1 }]), [20, 40]);
});

t.test('a person finishing a visit keeps their place when the freed volunteer takes someone at a later station', async (t) => {
  const net = network({
    servers: [server(), server()],
    classes: [
      { checkIn: 0, finalCheck: 0, visits: [direct(10, [1]), null, direct(10, [0])] },
      { checkIn: 0, finalCheck: 0, visits: [direct(10, [0]), direct(10, [0]), null] },
    ],
  });
  // At 10 the first waits for review; the second's screener (0) reviews the first, so the second waits for preparation.
  t.same(run(net, [{ time: 0, klass: 0 }, { time: 0, klass: 1 }]), [20, 30]);
});

t.test('a visit goes to the first free speaker in order of preference', async (t) => {
  const net = network({ servers: [server(), server()], classes: [screeningOnly(direct(10, [1, 0]))] });
  run(net, [{ time: 0 }]);
  t.equal(net.available[0], Number.POSITIVE_INFINITY);
  t.same(run(net, [{ time: 0 }, { time: 0 }, { time: 0 }]), [10, 10, 20]);
});

t.test('an interpreted visit waits for the volunteer and an interpreter, and takes its interpreted length', async (t) => {
  const net = network({ servers: [server(), server()], classes: [screeningOnly(bridged(10, 0, [1])), screeningOnly(direct(10, [0]))] });
  t.same(run(net, [{ time: 0, klass: 1 }, { time: 1, klass: 0 }]), [10, 25]);
  t.equal(net.interpreterBusy, 15);
});

t.test('a freed interpreter joins a waiting person to a free volunteer it bridges', async (t) => {
  const net = network({
    servers: [server(), server(), server()],
    classes: [screeningOnly(bridged(20, 0, [1])), screeningOnly(bridged(20, 2, [1]))],
  });
  // The interpreter (1) is busy with the first until 30; the second's volunteer (2) is free all along.
  t.same(run(net, [{ time: 0, klass: 0 }, { time: 1, klass: 1 }]), [30, 60]);
});

t.test('a freed interpreter passes over free volunteers it does not bridge', async (t) => {
  const net = network({
    servers: [server(), server(), server({ windows: [{ start: 1000, end: 2000 }] }), server(), server()],
    classes: [
      { checkIn: 0, finalCheck: 0, visits: [{ direct: 10, interpreted: 15, speakers: [], bridged: [{ vol: 0, interpreters: [2] }, { vol: 1, interpreters: [3] }] }, null, null] },
      screeningOnly(bridged(10, 4, [3])),
    ],
  });
  // Interpreter 3 is busy until 15; then it skips volunteer 0 (bridged only by 2, away) for volunteer 1.
  t.same(run(net, [{ time: 0, klass: 1 }, { time: 1, klass: 0 }]), [15, 30]);
});

t.test('nobody is interpreted for by an interpreter who is busy or away', async (t) => {
  const net = network({
    servers: [server(), server({ windows: [{ start: 40, end: 1000 }] })],
    classes: [screeningOnly(bridged(20, 0, [1]))],
  });
  t.same(run(net, [{ time: 0 }]), [70], 'the interpreter comes at 40');
});

t.test('a volunteer starts nobody before its window opens, and takes the queue when it does', async (t) => {
  const net = network({ servers: [server({ windows: [{ start: 30, end: 100 }, { start: 150, end: 300 }] })], close: 400 });
  t.same(run(net, [{ time: 0 }, { time: 120 }]), [40, 160]);
  t.equal(net.available[0], 220);
});

t.test('a volunteer busy when another window opens finishes first', async (t) => {
  const net = network({ servers: [server({ windows: [{ start: 0, end: 30 }, { start: 10, end: 100 }] })], close: 100 });
  t.same(run(net, [{ time: 1 }, { time: 5 }]), [11, 21]);
});

t.test('a volunteer starts no visit whose mean length would run past its window', async (t) => {
  const net = network({ servers: [server({ windows: [{ start: 0, end: 50 }] })], close: 200, classes: [screeningOnly(direct(30, [0]))] });
  t.same(run(net, [{ time: 0 }, { time: 10 }]), [30, -1]);
});

t.test('a volunteer serves at most its maximum of distinct people, but finishes with those it has', async (t) => {
  const net = network({
    servers: [server({ maxApplicants: 1 }), server()],
    classes: [{ checkIn: 0, finalCheck: 0, visits: [direct(10, [0]), direct(10, [0]), bridged(10, 0, [1])] }],
  });
  t.same(run(net, [{ time: 0 }, { time: 1 }]), [35, -1], 'one applicant, three visits with the same volunteer');
});

t.test('an interpreter interprets for at most its maximum of distinct people', async (t) => {
  const net = network({ servers: [server(), server({ maxApplicants: 1 })], classes: [screeningOnly(bridged(10, 0, [1]))] });
  t.same(run(net, [{ time: 0 }, { time: 1 }]), [15, -1]);
});

t.test('an appointment who does not come is not served and takes nobody’s time', async (t) => {
  const net = network({ noShowRate: 1 });
  t.same(run(net, [{ time: 0 }, { time: 0, walkIn: true }]), [-1, 10]);
  t.equal(net.lastNoShows, 1);
  t.equal(net.lastArrivedAppointments, 0);
  t.equal(net.lastWalkIns, 1);
});

t.test('random service times change from person to person but keep their mean', async (t) => {
  const net = network({ service: { model: 'exponential', cv: 1 }, servers: Array.from({ length: 50 }, () => server()), classes: [screeningOnly(direct(10, Array.from({ length: 50 }, (_, v) => v)))] });
  const done = run(net, Array.from({ length: 2000 }, (_, i) => ({ time: i })));
  const lengths = done.map((d, i) => d - i);
  t.ok(new Set(lengths).size > 1900);
  t.ok(Math.abs(lengths.reduce((a, b) => a + b, 0) / 2000 / 10 - 1) < 0.1);
});

t.test('the same key gives the same run, and a run uses the arrays of the last however many come', async (t) => {
  const net = network({ service: { model: 'lognormal', cv: 0.5 } });
  const small = run(net, [{ time: 0 }]);
  const large = run(net, Array.from({ length: 300 }, (_, i) => ({ time: i })));
  t.same(run(net, [{ time: 0 }]), small);
  t.same(run(net, Array.from({ length: 300 }, (_, i) => ({ time: i }))), large);
});

t.test('the waiting-time quantile reads the histogram: 0 with no waits, the bin edge, and the last bin for the longest', async (t) => {
  const net = network({ classes: [screeningOnly(direct(2000, [0]))] });
  t.equal(net.waitQuantile(SCREENING, 0.9), 0, 'nobody served yet');
  run(net, [{ time: 0 }, { time: 0 }]);
  t.equal(net.waitQuantile(SCREENING, 0.5), 0, 'half waited nothing');
  t.equal(net.waitQuantile(SCREENING, 0.9), 15000 * WAIT_BIN, 'a wait beyond the histogram lands in its last bin');
  const short = network({ classes: [screeningOnly(direct(3.05, [0]))] });
  run(short, [{ time: 0 }, { time: 0 }]);
  t.ok(Math.abs(short.waitQuantile(SCREENING, 0.9) - 3.1) < 1e-9);
  t.equal(short.waitQuantile(REVIEW, 0.9), 0);
});

t.test('a large day whose bridges share one list of interpreters is built and run: 1,000 classes × 4,000 volunteers', async (t) => {
  // Every class is bridged to 2,000 volunteers by the same 1,000 interpreters: two billion
  // bridge–interpreter pairs if each bridge kept its own copy, one list of 1,000 kept once.
  const interpreters = Int32Array.from({ length: 1000 }, (_, x) => 3000 + x);
  const visit: VisitSpec = {
    direct: 10, interpreted: 15,
    speakers: Int32Array.from({ length: 1000 }, (_, x) => x),
    bridged: Array.from({ length: 2000 }, (_, x) => ({ vol: 1000 + x, interpreters })),
  };
  const net = network({ servers: Array.from({ length: 4000 }, () => server()), classes: Array.from({ length: 1000 }, () => screeningOnly(visit)) });
  // 3,000 people at once: the 1,000 speakers serve the first thousand, the 1,000 interpreters bridge the next.
  const done = run(net, Array.from({ length: 3000 }, (_, i) => ({ time: 0, klass: i % 1000 })));
  t.equal(net.lastServed, 3000);
  t.same([done[0], done[999], done[1000], done[1999], done[2000], done[2999]], [10, 10, 15, 15, 20, 20]);
});

t.test('bridges given one shared list of interpreters are served as bridges given their own copies', async (t) => {
  const shared = [3, 4];
  const classes = (copy: boolean) => [0, 1, 2].map((k) => screeningOnly({
    direct: 10 + k, interpreted: 20, speakers: [0],
    bridged: [1, 2].map((vol) => ({ vol, interpreters: copy ? [...shared] : shared })),
  }));
  const scene = Array.from({ length: 12 }, (_, i) => ({ time: i, klass: i % 3, walkIn: i % 2 === 1 }));
  const totals = (net: Network) => ({ done: run(net, scene), wait: net.waitSum[SCREENING], busy: net.interpreterBusy });
  const servers = Array.from({ length: 5 }, () => server());
  t.same(totals(network({ servers, classes: classes(false), service: { model: 'lognormal', cv: 0.4 } })),
    totals(network({ servers, classes: classes(true), service: { model: 'lognormal', cv: 0.4 } })));
});

t.test('a network of more classes × servers than the simulator keeps is refused before anything is allocated', async (t) => {
  const servers = Array.from({ length: 5000 }, () => server());
  t.throws(() => network({ servers, classes: Array.from({ length: 5001 }, () => screeningOnly(direct(10, [0]))) }),
    new RangeError('a network of 5001 classes × 5000 servers is over the 25000000 pairs a simulator keeps'));
});
