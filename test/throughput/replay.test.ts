// The simulator replays the plan: each server and desk lane serves its planned steps in planned
// order, and with the planned lengths, nobody absent and no walk-ins, serves exactly the plan.
import t from 'tap';
import { generateBundleFiles } from '../../src/bench/generate.js';
import { readBundle } from '../../src/bundle/index.js';
import type { Bundle } from '../../src/domain/index.js';
import { plan } from '../../src/planner/index.js';
import type { PlanJson } from '../../src/planner/types.js';
import { appointments, compileDay, dayModel, simulateDay } from '../../src/throughput/day.js';
import { Network, SCREENING } from '../../src/throughput/sim.js';
import type { Arrivals, ClassSpec, NetworkPlan, NetworkSpec, VisitSpec } from '../../src/throughput/sim.js';
import { FRESNO, MADERA, MERCED, sampleBundle } from '../support/fixtures.js';

type Simulation = Bundle['event']['simulation'];
const EXACT: Partial<Simulation> = { serviceTime: 'fixed', noShowRate: 0, walkInsPerHour: 0 };

function withSimulation(bundle: Bundle, simulation: Partial<Simulation>): Bundle {
  return { ...bundle, event: { ...bundle.event, simulation: { ...bundle.event.simulation, ...simulation } } };
}

function generated(applicants: number, volunteers: number): Bundle {
  const read = readBundle(generateBundleFiles({ applicants, volunteers, seed: 1 }));
  if (!read.bundle) throw new Error('the generated bundle does not read');
  return read.bundle;
}

/** Served per run, and for one run whether each appointment left no later than planned. */
function replay(bundle: Bundle, runs: number, seed = 1): { planned: PlanJson; served: number[]; late: string[] } {
  const planned = plan(bundle, { quick: true });
  const day = compileDay(bundle, dayModel(bundle));
  const booked = appointments(day, planned);
  const served = [...simulateDay(day, booked, runs, seed).served];
  simulateDay(day, booked, 1, seed);
  const stays = new Map(planned.scheduled.map((s) => [s.applicant, s]));
  const opening = Date.parse(planned.scheduled[0]?.arrival ?? '') - booked.time[0]! * 60_000;
  const late: string[] = [];
  booked.entity.forEach((app, a) => {
    const stay = stays.get(bundle.applicants[app]!.id)!;
    const end = stay.final_check?.end ?? stay.visits[stay.visits.length - 1]!.end;
    const planEnd = (Date.parse(end) - opening) / 60_000;
    if (!(day.network.doneAt(a) >= 0 && day.network.doneAt(a) <= planEnd + 1e-6)) late.push(`${stay.applicant}: ${day.network.doneAt(a)} > ${planEnd}`);
  });
  return { planned, served, late };
}

t.test('with the planned lengths, nobody absent and no walk-ins, every sample serves exactly its plan', async (t) => {
  for (const sample of [FRESNO, MADERA, MERCED]) {
    const { planned, served, late } = replay(withSimulation(sampleBundle(sample), EXACT), 10);
    t.ok(planned.scheduled.length > 0, sample);
    t.same(served, served.map(() => planned.scheduled.length), `${sample}: ${planned.scheduled.length} planned, served in every run`);
    t.same(late, [], `${sample}: each leaves no later than planned`);
  }
});

t.test('generated days of 250 and 1,000 applicants serve exactly their plan too', async (t) => {
  for (const [applicants, volunteers] of [[250, 45], [1000, 100]] as const) {
    const { planned, served, late } = replay(withSimulation(generated(applicants, volunteers), EXACT), 3);
    t.same(served, served.map(() => planned.scheduled.length), `${applicants}×${volunteers}: ${planned.scheduled.length} planned`);
    t.same(late, []);
  }
});

t.test('with random service times and no no-shows, the day serves close to its plan', async (t) => {
  for (const bundle of [sampleBundle(MADERA), sampleBundle(MERCED), generated(250, 45)]) {
    const noisy = withSimulation(bundle, { serviceTime: 'lognormal', serviceTimeCv: 0.35, noShowRate: 0, walkInsPerHour: 0 });
    const { planned, served } = replay(noisy, 100);
    const mean = served.reduce((a, b) => a + b, 0) / served.length;
    t.ok(mean >= 0.85 * planned.scheduled.length, `${bundle.event.id}: ${mean} of ${planned.scheduled.length}`);
    t.ok(mean <= planned.scheduled.length);
  }
});

// Small scenes: one class of screening only, fixed times, no closing.
const ALWAYS = [{ start: 0, end: Number.POSITIVE_INFINITY }];
const direct = (minutes: number, speakers: number[]): VisitSpec => ({ direct: minutes, interpreted: minutes * 2, speakers, bridged: [] });
const screening = (visit: VisitSpec): ClassSpec => ({ checkIn: 0, finalCheck: 0, visits: [visit, null, null] });

function network(over: Partial<NetworkSpec>): Network {
  return new Network({
    close: Number.POSITIVE_INFINITY, desks: [1, 1], servers: [{ windows: ALWAYS }, { windows: ALWAYS }],
    classes: [screening(direct(10, [0, 1]))], service: { model: 'fixed', cv: 0 }, noShowRate: 0, ...over,
  });
}

interface Step {
  station?: number;
  start: number;
  server: number;
  interpreter?: number;
}

/** A plan of one step per entry (entry e: steps[e]). */
function planOf(steps: (Step | Step[])[]): NetworkPlan {
  const n = steps.length;
  const p: NetworkPlan = { count: n, start: new Float64Array(n * 5).fill(Number.NaN), server: new Int32Array(n * 5).fill(-1), interpreter: new Int32Array(n * 5).fill(-1) };
  steps.forEach((entry, e) => {
    for (const step of Array.isArray(entry) ? entry : [entry]) {
      const op = e * 5 + (step.station ?? SCREENING);
      p.start[op] = step.start;
      p.server[op] = step.server;
      p.interpreter[op] = step.interpreter ?? -1;
    }
  });
  return p;
}

interface Arrival {
  time: number;
  klass?: number;
  walkIn?: boolean;
  entry?: number;
}

function run(net: Network, list: Arrival[]): number[] {
  const arrivals: Arrivals = {
    count: list.length,
    time: Float64Array.from(list, (a) => a.time),
    klass: Int32Array.from(list, (a) => a.klass ?? 0),
    entity: Int32Array.from(list, (_, i) => i),
    walkIn: Uint8Array.from(list, (a) => (a.walkIn ? 1 : 0)),
    planned: Int32Array.from(list, (a) => a.entry ?? -1),
  };
  net.resetTotals();
  net.run(arrivals, 1);
  // Whoever waits past a planned start is taken by another a millionth of a minute later: to the thousandth.
  return list.map((_, i) => Math.round(net.doneAt(i) * 1000) / 1000);
}

t.test('a free volunteer does not follow the person it served: it serves whom it was planned to', async (t) => {
  // Server 0 screens A then C; server 1 screens B. Without the plan the first free would take whoever waits.
  const net = network({});
  net.setPlan(planOf([{ start: 0, server: 0 }, { start: 0, server: 1 }, { start: 20, server: 0 }]));
  t.same(run(net, [{ time: 0, entry: 0 }, { time: 0, entry: 1 }, { time: 5, entry: 2 }]), [10, 10, 20], 'C starts at 10, when server 0 is free, before its planned 20');
});

t.test('someone whose planned volunteer is held up is served by another free eligible volunteer', async (t) => {
  // A takes 30 minutes though planned for 10 (class 1); B, planned after A with server 0, is taken by server 1, free from C at 10.
  const net = network({ classes: [screening(direct(10, [0, 1])), screening(direct(30, [0, 1]))] });
  net.setPlan(planOf([{ start: 0, server: 0 }, { start: 10, server: 0 }, { start: 0, server: 1 }]));
  t.same(run(net, [{ time: 0, klass: 1, entry: 0 }, { time: 0, entry: 1 }, { time: 0, entry: 2 }]), [30, 20, 10]);
  t.equal(net.waitSum[SCREENING], 10, 'B waited from arrival to its planned start');
  // When server 1 is busy past B's planned start too, B is overdue at 10 and taken by the first free: server 1 at 15.
  const late = network({ classes: [screening(direct(10, [0, 1])), screening(direct(30, [0, 1])), screening(direct(15, [0, 1]))] });
  late.setPlan(planOf([{ start: 0, server: 0 }, { start: 10, server: 0 }, { start: 0, server: 1 }]));
  t.same(run(late, [{ time: 0, klass: 1, entry: 0 }, { time: 0, entry: 1 }, { time: 0, klass: 2, entry: 2 }]), [30, 25, 15]);
});

t.test('a free volunteer serves someone early only when it ends by their planned end and before its own next step', async (t) => {
  const net = network({});
  // B is planned with server 0 at 10; server 1's next step is C at 5: no room for B's 10 minutes.
  net.setPlan(planOf([{ start: 0, server: 0 }, { start: 10, server: 0 }, { start: 5, server: 1 }]));
  t.same(run(net, [{ time: 0, entry: 0 }, { time: 0, entry: 1 }, { time: 5, entry: 2 }]), [10, 20, 15]);
  t.equal(net.queueAtClose[SCREENING], 0);
  // With C at 10, server 1 serves B from 0 to 10, and server 0 skips B.
  net.setPlan(planOf([{ start: 0, server: 0 }, { start: 10, server: 0 }, { start: 10, server: 1 }]));
  t.same(run(net, [{ time: 0, entry: 0 }, { time: 0, entry: 1 }, { time: 10, entry: 2 }]), [10, 10, 20]);
  // Not through an interpreter, which would end after B's planned end.
  const bridged = network({
    servers: [{ windows: ALWAYS }, { windows: ALWAYS }, { windows: ALWAYS }],
    classes: [screening({ direct: 10, interpreted: 20, speakers: [0], bridged: [{ vol: 1, interpreters: [2] }] })],
  });
  bridged.setPlan(planOf([{ start: 0, server: 0 }, { start: 10, server: 0 }]));
  t.same(run(bridged, [{ time: 0, entry: 0 }, { time: 0, entry: 1 }]), [10, 20]);
  // Nor a volunteer with a limit of people, who keeps its places for those planned for it.
  const limited = network({ servers: [{ windows: ALWAYS }, { windows: ALWAYS, maxApplicants: 5 }] });
  limited.setPlan(planOf([{ start: 0, server: 0 }, { start: 10, server: 0 }]));
  t.same(run(limited, [{ time: 0, entry: 0 }, { time: 0, entry: 1 }]), [10, 20]);
});

t.test('a volunteer skips a planned person who never comes in and serves the next', async (t) => {
  const net = network({ close: 100 });
  net.setPlan(planOf([{ start: 0, server: 0 }, { start: 10, server: 0 }, { start: 20, server: 0 }]));
  // Entry 0 comes at closing, so never comes in; entry 2 is not among the arrivals at all.
  t.same(run(net, [{ time: 0, entry: 1 }, { time: 100, entry: 0 }]), [10, -1]);
});

t.test('a volunteer waiting for a no-show learns at once that they did not come', async (t) => {
  // A (planned 10) is an appointment who does not come; B (15 minutes, too long to fit before A), planned after A and always coming, starts then.
  const net = network({ noShowRate: 1, servers: [{ windows: ALWAYS }], classes: [screening(direct(10, [0])), screening(direct(15, [0]))] });
  net.setPlan(planOf([{ start: 10, server: 0 }, { start: 20, server: 0 }]));
  t.same(run(net, [{ time: 0, klass: 1, walkIn: true, entry: 1 }, { time: 5, entry: 0 }]), [20, -1]);
});

t.test('a volunteer whose planned person waits for an interpreter serves no walk-in meanwhile', async (t) => {
  // Class 0: P, bridged from server 0 by interpreter 1 (20 minutes); class 1: walk-ins server 0 speaks to; class 2: Q, served by 1.
  const net = network({
    classes: [
      screening({ direct: 10, interpreted: 20, speakers: [], bridged: [{ vol: 0, interpreters: [1] }] }),
      screening(direct(10, [0])),
      screening(direct(30, [1])),
    ],
  });
  net.setPlan(planOf([{ start: 0, server: 1 }, { start: 30, server: 0, interpreter: 1 }]));
  t.same(run(net, [{ time: 0, klass: 2, entry: 0 }, { time: 0, entry: 1 }, { time: 1, klass: 1, walkIn: true }]), [30, 50, 60]);
  t.same(run(net, [{ time: 0, klass: 2, entry: 0 }, { time: 1, klass: 1, walkIn: true }]), [30, 11], 'with nobody waiting for server 0, it serves the walk-in');
});

t.test('a person served by someone else is skipped by their planned volunteer and interpreter', async (t) => {
  // A is held up with server 0 (40 minutes for a planned 10); B, planned with server 0 and interpreter 2 at 10, is served at
  // once by server 1 with interpreter 2 (it ends by B's planned end); server 0 skips B and serves C late.
  const net = network({
    servers: [{ windows: ALWAYS }, { windows: ALWAYS }, { windows: ALWAYS }],
    classes: [
      screening({ direct: 10, interpreted: 10, speakers: [], bridged: [{ vol: 0, interpreters: [2] }, { vol: 1, interpreters: [2] }] }),
      screening(direct(40, [0])),
      screening(direct(10, [0])),
    ],
  });
  net.setPlan(planOf([{ start: 0, server: 0 }, { start: 10, server: 0, interpreter: 2 }, { start: 20, server: 0 }]));
  t.same(run(net, [{ time: 0, klass: 1, entry: 0 }, { time: 0, entry: 1 }, { time: 0, klass: 2, entry: 2 }]), [40, 10, 50]);
});

t.test('desks replay their lanes, and a held-up lane’s person is taken by a free lane', async (t) => {
  const desk = (minutes: number): ClassSpec => ({ checkIn: minutes, finalCheck: 0, visits: [null, null, null] });
  const net = network({ desks: [2, 1], servers: [], classes: [desk(10), desk(30)] });
  net.setPlan(planOf([{ station: 0, start: 0, server: 0 }, { station: 0, start: 10, server: 0 }, { station: 0, start: 0, server: 1 }]));
  // Lane 0: A (takes 30 for a planned 10) then B; lane 1: C. B, overdue at 10, is taken by lane 1.
  t.same(run(net, [{ time: 0, klass: 1, entry: 0 }, { time: 0, entry: 1 }, { time: 0, entry: 2 }]), [30, 20, 10]);
  t.same(run(net, [{ time: 0, entry: 0 }, { time: 0, entry: 1 }, { time: 0, entry: 2 }, { time: 1, walkIn: true }]), [10, 20, 10, 20],
    'the walk-in takes lane 1 once free: lane 0 is planned for B, who waits');
});

t.test('planned steps the network cannot place are served as if unplanned', async (t) => {
  const net = network({ desks: [1, 1], classes: [{ checkIn: 5, finalCheck: 0, visits: [direct(10, [0, 1]), null, null] }] });
  // Lane 3 of a one-lane desk, server 7 of two, an interpreter that is the server itself, and no start: all ignored.
  net.setPlan(planOf([[{ station: 0, start: 0, server: 3 }, { start: 5, server: 7 }], [{ station: 0, start: Number.NaN, server: 0 }, { start: 5, server: 1, interpreter: 1 }]]));
  t.same(run(net, [{ time: 0, entry: 0 }, { time: 0, entry: 1 }, { time: 0, entry: 9 }]), [15, 20, 25]);
});

t.test('a step whose volunteer or interpreter is not on the roster is served by whoever may serve it', async (t) => {
  const bundle = withSimulation(sampleBundle(MADERA), EXACT);
  const planned = plan(bundle, { quick: true });
  const day = compileDay(bundle, dayModel(bundle));
  const changed = structuredClone(planned);
  const first = changed.scheduled[0]!;
  first.visits[0]!.volunteer = 'V-gone';
  first.visits[0]!.interpreter = 'V-gone-too';
  const booked = appointments(day, changed);
  const a = booked.entity.findIndex((app) => bundle.applicants[app]!.id === first.applicant);
  const op = a * 5 + ['check_in', 'screening', 'preparation', 'review', 'final_check'].indexOf(first.visits[0]!.station);
  t.equal(booked.plan.server[op], -1);
  t.equal(booked.plan.interpreter[op], -1);
  const served = simulateDay(day, booked, 1, 1).served[0]!;
  t.ok(served >= planned.scheduled.length - 1, `${served} of ${planned.scheduled.length}`);
});

t.test('two steps planned at the same minute for one server are served in entry order', async (t) => {
  const net = network({ servers: [{ windows: ALWAYS }] });
  net.setPlan(planOf([{ start: 0, server: 0 }, { start: 0, server: 0 }]));
  t.same(run(net, [{ time: 0, entry: 1 }, { time: 0, entry: 0 }]), [20, 10]);
});

t.test('without a plan, a freed volunteer and interpreter go on together with the person they served', async (t) => {
  const bridged = { direct: 10, interpreted: 10, speakers: [], bridged: [{ vol: 0, interpreters: [1] }] };
  const net = network({ classes: [{ checkIn: 0, finalCheck: 0, visits: [bridged, bridged, null] }] });
  net.setPlan(null);
  t.same(run(net, [{ time: 0 }, { time: 1 }]), [20, 40]);
  const alone = network({ classes: [{ checkIn: 0, finalCheck: 0, visits: [bridged, direct(10, [0]), null] }] });
  t.same(run(alone, [{ time: 0 }, { time: 1 }]), [20, 40], 'the interpreter, not needed at preparation, looks for other work');
});
