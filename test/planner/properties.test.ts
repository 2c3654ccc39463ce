// Properties of the planner on random small bundles: every plan keeps every rule, accounts for
// every applicant once, has the published shape, and is the same for the same input and seed.
import t from 'tap';
import fc from 'fast-check';
import { checkPlan } from '../../src/planner/check.js';
import { plan } from '../../src/planner/index.js';
import type { Bundle } from '../../src/domain/index.js';
import type { PlanJson, PlanOptions } from '../../src/planner/types.js';
import { bundleArb } from './fixtures/arbitraries.js';
import { PLAN_SCHEMA, validate } from './fixtures/schema.js';

const optionsArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  iterations: fc.integer({ min: 0, max: 25 }),
  fairness: fc.constantFrom('none' as const, 'none' as const, 'proportional' as const),
});

/** Every problem of one plan: broken rules, applicants not accounted for once, and shape. */
function problems(bundle: Bundle, p: PlanJson, pins?: ReadonlyMap<string, string>): string[] {
  const out = checkPlan(bundle, p, pins).map((v) => `${v.rule}: ${v.message}`);
  const ids = [...p.scheduled.map((s) => s.applicant), ...p.unscheduled.map((u) => u.applicant)];
  if (ids.length !== bundle.applicants.length || new Set(ids).size !== ids.length || !bundle.applicants.every((a) => ids.includes(a.id))) {
    out.push(`applicants not each accounted for once: ${ids.join(',')}`);
  }
  out.push(...validate(p, PLAN_SCHEMA));
  return out;
}

function holds(bundle: Bundle, options: PlanOptions): boolean {
  const found = problems(bundle, plan(bundle, options));
  if (found.length > 0) throw new Error(found.join('\n'));
  return true;
}

t.test('the schema checker itself finds a wrong shape', async (t) => {
  const bundle = fc.sample(bundleArb, { numRuns: 1, seed: 1 })[0]!;
  const p = plan(bundle, { iterations: 0 }) as unknown as Record<string, unknown>;
  t.same(validate(p, PLAN_SCHEMA), []);
  t.match(validate({ ...p, summary: { ...(p['summary'] as object), scheduled: -1 } }, PLAN_SCHEMA), ['$.summary.scheduled: -1 < 0']);
  t.match(validate({ ...p, event: '' }, PLAN_SCHEMA), ['$.event: shorter than 1']);
  t.match(validate({ ...p, shifts: [{ volunteer: 'V1', station: 'review', start: '2027-03-13T09:00:00Z', end: 1 }] }, PLAN_SCHEMA), [
    /station: "review" is not one of/, /start: 2027-03-13T09:00:00Z does not match/, /end: is number, not string/,
  ]);
  t.match(validate({ ...p, scheduled: [{ applicant: 'A1', arrival: 'x', check_in: 3, visits: [], final_check: null }] }, PLAN_SCHEMA), [
    /arrival: x does not match/, /check_in: matches none of anyOf/,
  ]);
  t.same(validate({ scheduled: {} }, PLAN_SCHEMA), ['$: missing event', '$: missing unscheduled', '$: missing shifts', '$: missing summary', '$.scheduled: is object, not array']);
  t.match(validate({ ...p, summary: { ...(p['summary'] as object), served_share: { language: { es: 2 } } } }, PLAN_SCHEMA), [/es: 2 > 1/]);
  t.throws(() => validate(1, { $ref: '#/definitions/none' }), /cannot resolve/);
  t.throws(() => validate(1, { oneOf: [] } as never), /does not know/);
  t.same(validate({ a: 1 }, { type: 'object', properties: {}, additionalProperties: false }), ['$: unexpected a']);
});

t.test('every plan of a random small bundle keeps every rule, accounts for each applicant once and has the plan shape', async (t) => {
  fc.assert(fc.property(bundleArb, optionsArb, (bundle, options) => holds(bundle, options)), { numRuns: 400 });
  t.pass('400 random bundles planned within the rules');
});

t.test('every baseline plan of a random small bundle keeps every rule too', async (t) => {
  fc.assert(fc.property(bundleArb, (bundle) => holds(bundle, { strategy: 'baseline' })), { numRuns: 150 });
  t.pass('150 random bundles planned the spreadsheet way within the rules');
});

t.test('the same input and seed give byte-identical JSON', async (t) => {
  fc.assert(fc.property(bundleArb, optionsArb, (bundle, options) => {
    const first = JSON.stringify(plan(bundle, options));
    const again = JSON.stringify(plan(structuredClone(bundle), { ...options }));
    return first === again;
  }), { numRuns: 80 });
  t.pass('80 random bundles planned twice, byte for byte the same');
});

t.test('re-planning after a volunteer withdraws keeps every rule, and every day the withdrawal did not touch', async (t) => {
  fc.assert(fc.property(bundleArb, optionsArb, fc.nat(), (bundle, options, pick) => {
    const before = plan(bundle, options);
    const gone = bundle.volunteers[pick % bundle.volunteers.length]!.id;
    const pinned = before.scheduled.filter((_, i) => i % 2 === 0);
    const next: Bundle = {
      ...bundle,
      volunteers: bundle.volunteers.filter((v) => v.id !== gone).map((v) => (v.supervisor === gone ? { ...v, role: 'paralegal' as const, supervisor: undefined } : v)),
    };
    const after = plan(next, { ...options, previous: before, pin: pinned.map((s) => s.applicant) });
    const found = problems(next, after, new Map(pinned.map((s) => [s.applicant, s.arrival])));
    const role = bundle.volunteers.find((v) => v.id === gone)!.role;
    for (const s of before.scheduled) {
      // A desk volunteer's leaving can close a desk under anyone; a visit volunteer's touches only their own applicants.
      if (role === 'general' || s.visits.some((v) => v.volunteer === gone || v.interpreter === gone)) continue;
      const now = after.scheduled.find((x) => x.applicant === s.applicant);
      if (JSON.stringify(now) !== JSON.stringify(s)) found.push(`${s.applicant} lost nobody but their day changed: ${JSON.stringify(s)} → ${JSON.stringify(now)}`);
    }
    if (found.length > 0) throw new Error(found.join('\n'));
    return true;
  }), { numRuns: 200 });
  t.pass('200 random re-plans within the rules');
});

t.test('an applicant left out for any reason but capacity is left out for the same reason when planned alone', async (t) => {
  fc.assert(fc.property(bundleArb, optionsArb, (bundle, options) => {
    for (const u of plan(bundle, options).unscheduled) {
      const a = bundle.applicants.find((x) => x.id === u.applicant)!;
      const alone = plan({ ...bundle, applicants: [{ ...a, household: undefined }] }, { ...options, iterations: 5 });
      const now = alone.unscheduled[0]?.reason ?? 'scheduled';
      const expected = u.reason === 'no_capacity' ? ['scheduled', 'no_capacity'] : [u.reason];
      if (!expected.includes(now)) throw new Error(`${u.applicant} was ${u.reason} (${u.detail}) but alone is ${now}`);
    }
    return true;
  }), { numRuns: 150 });
  t.pass('150 random bundles: every reason but no_capacity is the applicant’s own');
});
