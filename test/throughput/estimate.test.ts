// The estimate JSON: its shape, its determinism, and what it says about a day.
import { readFileSync } from 'node:fs';
import t from 'tap';
import type { Bundle } from '../../src/domain/index.js';
import { plan } from '../../src/planner/index.js';
import { estimate, round, tooLargeToSimulate } from '../../src/throughput/index.js';
import { applicant, clinicEvent, volunteer } from '../domain/fixtures/builders.js';
import { FRESNO, MADERA, MERCED, sampleBundle } from '../support/fixtures.js';

type Schema = {
  type?: string; required?: string[]; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[];
  minimum?: number; maximum?: number; pattern?: string;
};
const SCHEMA: Schema = JSON.parse(readFileSync(new URL('../schemas/estimate.schema.json', import.meta.url), 'utf8'));

/** Every way a value breaks a JSON Schema (the keywords the estimate schema uses), as paths and reasons. */
function violations(schema: Schema, value: unknown, path = '$'): string[] {
  const out: string[] = [];
  const is: Record<string, (v: unknown) => boolean> = {
    object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    array: Array.isArray,
    integer: Number.isInteger,
    number: (v) => typeof v === 'number' && Number.isFinite(v),
    string: (v) => typeof v === 'string',
  };
  if (schema.type && !is[schema.type]!(value)) return [`${path}: not ${schema.type}`];
  if (schema.enum && !schema.enum.includes(value)) out.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) out.push(`${path}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) out.push(`${path}: above ${schema.maximum}`);
  }
  if (schema.pattern && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) out.push(`${path}: does not match ${schema.pattern}`);
  if (is.object!(value)) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) out.push(`${path}.${key}: missing`);
    for (const [key, sub] of Object.entries(schema.properties ?? {})) if (key in record) out.push(...violations(sub, record[key], `${path}.${key}`));
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => out.push(...violations(schema.items!, item, `${path}[${i}]`)));
  return out;
}

function withSimulation(bundle: Bundle, simulation: Partial<Bundle['event']['simulation']>): Bundle {
  return { ...bundle, event: { ...bundle.event, simulation: { ...bundle.event.simulation, ...simulation } } };
}

t.test('the schema check finds what breaks the schema', async (t) => {
  const found = violations(SCHEMA, { runs: 0, seed: 1.5, served: {}, stations: [{ station: 'lobby', utilization: 2 }], what_if: [{ add: { role: 'x', languages: ['Español'] } }] });
  for (const expected of ['$.runs: below 1', '$.seed: not integer', '$.served.mean: missing', '$.stations[0].station: "lobby" not in enum',
    '$.stations[0].utilization: above 1', '$.what_if[0].add.languages[0]: does not match ^[a-z]{2,3}$', '$.bottleneck: missing']) {
    t.ok(found.includes(expected), expected);
  }
});

t.test('the estimate of a sample has the shape of the estimate schema, with all five stations in order', async (t) => {
  const e = estimate(sampleBundle(FRESNO), { runs: 100, seed: 1, whatIf: true, whatIfLimit: 3 });
  t.same(violations(SCHEMA, e), []);
  t.same(e.stations.map((s) => s.station), ['check_in', 'screening', 'preparation', 'review', 'final_check']);
  t.equal(e.runs, 100);
  t.equal(e.seed, 1);
  t.ok(e.what_if.length > 0);
});

t.test('the same bundle and seed give byte-identical JSON', async (t) => {
  const bundle = sampleBundle(FRESNO);
  const a = JSON.stringify(estimate(bundle, { runs: 200, seed: 7 }));
  const b = JSON.stringify(estimate(sampleBundle(FRESNO), { runs: 200, seed: 7 }));
  t.equal(a, b);
  t.not(JSON.stringify(estimate(bundle, { runs: 200, seed: 8 })), a, 'another seed gives another estimate');
});

t.test('the seed defaults to the event’s planning seed and the runs to 1,000', async (t) => {
  const bundle = sampleBundle(FRESNO);
  const e = estimate(bundle);
  t.equal(e.seed, bundle.event.planning.seed);
  t.equal(e.runs, 1000);
  t.same(e.what_if, [], 'no what-if unless asked');
});

t.test('runs must be a whole number of at least one', async (t) => {
  t.throws(() => estimate(sampleBundle(FRESNO), { runs: 0 }), RangeError);
  t.throws(() => estimate(sampleBundle(FRESNO), { runs: 2.5 }), RangeError);
});

t.test('no-shows reduce the applicants served', async (t) => {
  const bundle = sampleBundle(FRESNO);
  const none = estimate(withSimulation(bundle, { noShowRate: 0 }), { runs: 300, seed: 1 });
  const many = estimate(withSimulation(bundle, { noShowRate: 0.5 }), { runs: 300, seed: 1 });
  t.ok(many.served.mean < none.served.mean, `${many.served.mean} < ${none.served.mean}`);
  t.ok(many.arrivals.no_shows > none.arrivals.no_shows);
});

t.test('the capacity bound is at least the simulated served mean on every sample', async (t) => {
  for (const sample of [FRESNO, MADERA, MERCED]) {
    const e = estimate(sampleBundle(sample), { runs: 200, seed: 1 });
    t.ok(e.capacity_bound >= e.served.mean, `${sample}: bound ${e.capacity_bound} ≥ served ${e.served.mean}`);
    t.ok(e.served.p10 <= e.served.p50 && e.served.p50 <= e.served.p90, `${sample}: quantiles in order`);
    t.equal(e.capacity_bound, Math.min(...Object.values(e.capacity_limits)));
  }
});

t.test('a given plan is the day simulated: only its appointments come', async (t) => {
  const bundle = withSimulation(sampleBundle(FRESNO), { walkInsPerHour: 0, noShowRate: 0 });
  const p = plan(bundle, { quick: true, seed: 1 });
  const few = { ...p, scheduled: p.scheduled.slice(0, 3) };
  const e = estimate(bundle, { runs: 50, seed: 1, plan: few });
  t.equal(e.arrivals.appointments, 3);
  t.ok(e.served.p90 <= 3);
  t.equal(e.registration.scheduled, 3);
});

t.test('a quiet day, where nobody waits, jams first at its busiest station', async (t) => {
  const bundle: Bundle = {
    event: clinicEvent({ simulation: { noShowRate: 0, walkInsPerHour: 0, serviceTime: 'fixed', serviceTimeCv: 0, walkInMix: [] } }),
    volunteers: [volunteer({ id: 'V1', role: 'attorney' }), volunteer({ id: 'V2', role: 'form_filler' })],
    applicants: [applicant({ id: 'A1' })],
  };
  const e = estimate(bundle, { runs: 5, seed: 1 });
  t.equal(e.served.mean, 1);
  t.equal(e.finish_by_close_probability, 1);
  t.ok(e.stations.every((s) => s.mean_wait_minutes === 0 && s.waiting_at_close === 0));
  const busiest = [...e.stations].sort((a, b) => b.utilization - a.utilization)[0]!;
  t.equal(e.bottleneck, busiest.station);
  t.equal(e.interpreter_utilization, 0);
});

t.test('a day where people wait but all finish jams where they wait the longest', async (t) => {
  const bundle: Bundle = {
    event: clinicEvent({ simulation: { noShowRate: 0, walkInsPerHour: 0, serviceTime: 'fixed', serviceTimeCv: 0, walkInMix: [] } }),
    volunteers: [volunteer({ id: 'V1', role: 'attorney' }), volunteer({ id: 'V2', role: 'screener' }), volunteer({ id: 'V3', role: 'screener' })],
    applicants: [applicant({ id: 'A1' }), applicant({ id: 'A2' })],
  };
  const p = plan(bundle, { quick: true });
  const together = { ...p, scheduled: p.scheduled.map((s) => ({ ...s, arrival: p.scheduled[0]!.arrival })) };
  const e = estimate(bundle, { runs: 3, seed: 1, plan: together });
  t.equal(e.served.mean, 2);
  t.equal(e.bottleneck, 'preparation', 'the second waits for the only attorney to prepare');
});

t.test('an overfull day jams where the most are still waiting at closing', async (t) => {
  const e = estimate(sampleBundle(MERCED), { runs: 100, seed: 1 });
  const most = [...e.stations].sort((a, b) => b.waiting_at_close - a.waiting_at_close)[0]!;
  t.equal(e.bottleneck, most.station);
  t.ok(most.waiting_at_close > 0);
});

t.test('without walk-ins, registration overbooks a full day by the expected no-shows, and no more', async (t) => {
  const bundle = sampleBundle(MERCED);
  const quiet = { ...bundle, event: { ...bundle.event, simulation: { ...bundle.event.simulation, walkInsPerHour: 0 } } };
  const r = estimate(quiet, { runs: 100, seed: 1 }).registration;
  t.equal(r.day_capacity, r.scheduled, 'the planner left some out for lack of room: its appointments fill the day');
  t.notOk(r.day_capacity_is_lower_bound);
  t.ok(r.recommended > r.scheduled, `${r.recommended} registered for ${r.scheduled} places`);
  t.ok(r.recommended * (1 - 0.16) <= r.day_capacity + 1e-9);
  t.ok((r.recommended + 1) * (1 - 0.16) > r.day_capacity, 'and one more would overfill it');
  t.notOk(r.walk_ins_fill_day);
  t.equal(r.expected_no_shows, round(r.recommended * 0.16, 1));
});

t.test('when the walk-ins the day serves fill the no-shows’ places, registration is the plan’s appointments', async (t) => {
  const r = estimate(sampleBundle(MERCED), { runs: 100, seed: 1 }).registration;
  t.ok(r.expected_walk_ins_served <= r.expected_walk_ins);
  t.ok(r.walk_ins_fill_day, `${r.expected_walk_ins_served} walk-ins served against ${r.expected_no_shows} no-shows`);
  t.equal(r.recommended, r.scheduled);
});

t.test('a day with room to spare finds its capacity by planning twice the applicants', async (t) => {
  const bundle: Bundle = {
    event: clinicEvent({ simulation: { noShowRate: 0.2, walkInsPerHour: 0, serviceTime: 'lognormal', serviceTimeCv: 0.35, walkInMix: [] } }),
    volunteers: [volunteer({ id: 'V1', role: 'attorney' }), volunteer({ id: 'V2', role: 'paralegal' })],
    applicants: Array.from({ length: 3 }, (_, i) => applicant({ id: `A${i}`, household: 'H1' })),
  };
  const e = estimate(bundle, { runs: 20, seed: 1 });
  t.equal(e.registration.scheduled, 3);
  t.equal(e.registration.day_capacity, 6, 'six fit, and none was left out for lack of room');
  t.ok(e.registration.day_capacity_is_lower_bound);
  t.equal(e.registration.recommended, 7, '6 / 0.8 = 7.5');
});

t.test('in a flood of walk-ins, registration counts only the walk-ins the day serves', async (t) => {
  const flood = estimate(withSimulation(sampleBundle(MERCED), { walkInsPerHour: 500 }), { runs: 30, seed: 1 });
  const r = flood.registration;
  t.ok(flood.arrivals.walk_ins > 1000, `${flood.arrivals.walk_ins} walk-ins a day`);
  t.ok(r.expected_walk_ins_served < r.day_capacity, 'the day serves fewer walk-ins than it could serve appointments');
  t.ok(r.recommended >= r.scheduled && r.recommended > 0, `recommends ${r.recommended}`);
  t.equal(r.recommended, Math.max(r.scheduled, Math.floor((r.day_capacity - flood.arrivals.served_walk_ins) / (1 - 0.16) + 1e-9)));

  const few = sampleBundle(FRESNO);
  few.applicants = few.applicants.slice(0, 4);
  const small = estimate(withSimulation(few, { walkInsPerHour: 500 }), { runs: 20, seed: 1 });
  t.ok(small.registration.walk_ins_fill_day, 'walk-ins fill what the few appointments leave');
  t.ok(small.registration.expected_walk_ins_served > small.registration.day_capacity, 'more than the capacity found by planning twice the applicants');
  t.equal(small.registration.recommended, small.registration.scheduled, 'still never fewer than the plan’s appointments');
});

t.test('a flood of walk-ins with nobody registered recommends nobody, and says the walk-ins fill the day', async (t) => {
  const bundle: Bundle = {
    event: clinicEvent({ simulation: {
      noShowRate: 0.1, walkInsPerHour: 500, serviceTime: 'fixed', serviceTimeCv: 0,
      walkInMix: [{ caseType: 'daca_renewal', languages: ['en'], complexity: 'straightforward', share: 1 }],
    } }),
    volunteers: [volunteer({ id: 'V1', role: 'attorney', languages: ['en'] })],
    applicants: [],
  };
  const r = estimate(bundle, { runs: 5, seed: 1 }).registration;
  t.equal(r.day_capacity, 0);
  t.ok(r.expected_walk_ins_served > 0);
  t.equal(r.recommended, 0);
  t.ok(r.walk_ins_fill_day);
});

t.test('the overtime finishes some of those unfinished at closing; served still means by closing', async (t) => {
  const bundle = withSimulation(sampleBundle(MERCED), { walkInsPerHour: 0 });
  // The same appointments on both days: a packed plan.
  const packed = plan(bundle, { quick: true, seed: 1 });
  const none = estimate(bundle, { runs: 50, seed: 1, plan: packed });
  const half = estimate(withSimulation(bundle, { overtimeMinutes: 30 }), { runs: 50, seed: 1, plan: packed });
  t.equal(none.finished_in_overtime.mean, 0);
  t.same(none.volunteer_overtime, []);
  t.ok(none.referred.mean > 0, 'unfinished at closing: referred');
  // Volunteers may now start a step they can finish in the overtime: closing changes a little.
  t.ok(Math.abs(half.served.mean - none.served.mean) <= 1, `served by closing ${half.served.mean} and ${none.served.mean}`);
  t.ok(half.finished_in_overtime.mean > 0);
  t.ok(half.referred.mean < none.referred.mean);
  t.ok(Math.abs(half.served.mean + half.finished_in_overtime.mean + half.referred.mean - none.served.mean - none.referred.mean) < 0.2,
    'the same people let in: served, finished in the overtime or referred');
  t.ok(half.volunteer_overtime.length > 0);
  const ids = new Set(bundle.volunteers.map((v) => v.id));
  t.ok(half.volunteer_overtime.every((o) => ids.has(o.volunteer) && o.mean_minutes > 0 && o.mean_minutes <= 30));
  t.same(half.volunteer_overtime.map((o) => o.mean_minutes), [...half.volunteer_overtime.map((o) => o.mean_minutes)].sort((a, b) => b - a), 'most minutes first');
});

t.test('the estimate reports the walk-in cut-off, suggested or given', async (t) => {
  const suggested = estimate(sampleBundle(FRESNO), { runs: 5, seed: 1 });
  t.match(suggested.walk_ins_until, { time: /^\d\d:\d\d$/, suggested: true });
  t.ok(suggested.walk_ins_until.time < '16:00');
  const given = estimate(withSimulation(sampleBundle(FRESNO), { walkInsUntil: '15:00' }), { runs: 5, seed: 1 });
  t.same(given.walk_ins_until, { time: '15:00', suggested: false });
});

t.test('a day where everyone is a no-show recommends registering nobody', async (t) => {
  const bundle = withSimulation(sampleBundle(FRESNO), { noShowRate: 1 });
  const e = estimate(bundle, { runs: 10, seed: 1 });
  t.equal(e.registration.recommended, 0);
  t.equal(e.arrivals.no_shows, e.arrivals.appointments);
});

t.test('a day with no applicants and no walk-ins serves nobody', async (t) => {
  const bundle: Bundle = { event: clinicEvent(), volunteers: [volunteer({ role: 'attorney' })], applicants: [] };
  const e = estimate(bundle, { runs: 3, seed: 1 });
  t.equal(e.served.mean, 0);
  t.equal(e.capacity_bound, 0);
  t.equal(e.registration.day_capacity, 0);
});

t.test('numbers are rounded without negative zero', async (t) => {
  t.ok(Object.is(round(-0.0001, 2), 0));
  t.equal(round(2.345678, 3), 2.346);
});

/** The Fresno sample with 5,000 volunteers and 5,000 applicants of as many languages: 5,000 kinds of applicant. */
function tooLarge(): Bundle {
  const fresno = sampleBundle(FRESNO);
  const volunteers = Array.from({ length: 5000 }, (_, i) => ({ ...fresno.volunteers[i % fresno.volunteers.length]!, id: `V${i}` }));
  const applicants = Array.from({ length: 5000 }, (_, i) => ({ ...fresno.applicants[0]!, id: `A${i}`, languages: [`x${i}`], household: undefined }));
  return { ...fresno, volunteers, applicants };
}

t.test('an event whose kinds of applicant times volunteers are over the simulator\'s limit is refused in a sentence naming it', async (t) => {
  const bundle = tooLarge();
  const said = tooLargeToSimulate(bundle)!;
  t.match(said, /^This event is too large to simulate: its 5,\d{3} kinds of applicant \(by languages, case type, complexity and flags\) times its 5,000 volunteers are over the simulator's limit of 25,000,000 pairs\.$/);
  t.throws(() => estimate(bundle, { runs: 1 }), new RangeError(said), 'before any planning');
  t.equal(tooLargeToSimulate({ ...bundle, volunteers: bundle.volunteers.slice(0, 4000) }), undefined, '5,000 kinds × 4,000 volunteers are simulated');
});
