// What-if: the expected gain in served applicants from adding one volunteer of a kind.
import t from 'tap';
import type { Bundle } from '../../src/domain/index.js';
import { baseline, capacityBound, estimate, servedGain } from '../../src/throughput/index.js';
import { additionVolunteer, candidates, gainOf, shortfall } from '../../src/throughput/whatif.js';
import { applicant, clinicEvent, volunteer } from '../domain/fixtures/builders.js';
import { FRESNO, MADERA, sampleBundle } from '../support/fixtures.js';

/**
 * The Madera sample without its Triqui interpreter, with its first 30 applicants and no
 * walk-ins, so the day has room: its Triqui-only applicants have nobody to talk to.
 */
function maderaWithoutTriquiInterpreter(): Bundle {
  const bundle = sampleBundle(MADERA);
  return {
    ...bundle,
    event: { ...bundle.event, simulation: { ...bundle.event.simulation, walkInsPerHour: 0 } },
    volunteers: bundle.volunteers.filter((v) => !(v.role === 'interpreter' && v.languages.includes('trs'))),
    applicants: bundle.applicants.slice(0, 30),
  };
}

t.test('adding a Spanish-speaking attorney to the Fresno sample serves more, beyond the noise', async (t) => {
  const g = servedGain(sampleBundle(FRESNO), { role: 'attorney', languages: ['es'] }, { runs: 300, seed: 1 });
  t.comment(`gain ${g.served_gain} ± ${g.served_gain_ci95}, ${g.scheduled_gain} more appointments`);
  t.ok(g.served_gain > 0);
  t.ok(g.served_gain > g.served_gain_ci95, 'the 95% interval excludes no gain');
});

t.test('adding a Triqui–Spanish interpreter where there is none serves Triqui speakers', async (t) => {
  const g = servedGain(maderaWithoutTriquiInterpreter(), { role: 'interpreter', languages: ['trs', 'es'] }, { runs: 300, seed: 1 });
  t.comment(`gain ${g.served_gain} ± ${g.served_gain_ci95}, ${g.scheduled_gain} more appointments`);
  t.ok(g.served_gain > g.served_gain_ci95);
  t.ok(g.scheduled_gain > 0);
});

t.test('the kinds the demand lacks include an interpreter for a language nobody bridges', async (t) => {
  const base = baseline(maderaWithoutTriquiInterpreter(), { runs: 100, seed: 1 });
  const { model, close } = base.day;
  const demand = new Float64Array(model.classes.length).fill(1);
  const kinds = candidates(base, shortfall(base, capacityBound(model, demand, base.bundle.event.desks, close)), 40);
  const names = kinds.map((k) => `${k.role}:${k.languages.join(';')}`);
  t.ok(names.includes('interpreter:trs;es'), names.join(' '));
  t.ok(names.includes('attorney:trs'));
  t.notOk(names.includes('screener:kjb'), 'a screener alone cannot serve someone nobody else can');
  t.same(candidates(base, new Float64Array(model.classes.length * 5), 10), [], 'no shortfall, no kinds');
});

t.test('the what-if list is sorted by gain, most first, each with its interval and appointments gained', async (t) => {
  const e = estimate(sampleBundle(FRESNO), { runs: 200, seed: 1, whatIf: true, whatIfLimit: 4 });
  t.equal(e.what_if.length, 4);
  for (let i = 1; i < e.what_if.length; i++) t.ok(e.what_if[i - 1]!.served_gain >= e.what_if[i]!.served_gain);
  t.ok(e.what_if.every((w) => w.served_gain_ci95 >= 0 && Number.isInteger(w.scheduled_gain)));
  t.ok(e.what_if[0]!.served_gain > 0);
});

t.test('kinds of equal gain keep the order of their need, and at most ten are tried by default', async (t) => {
  const bundle: Bundle = {
    event: clinicEvent({ simulation: { noShowRate: 0, walkInsPerHour: 0, serviceTime: 'fixed', serviceTimeCv: 0, walkInMix: [] } }),
    volunteers: [volunteer({ id: 'V1', role: 'attorney', languages: ['es', 'en'] })],
    applicants: [applicant({ id: 'A1', languages: ['trs'] })],
  };
  const e = estimate(bundle, { runs: 5, seed: 1, whatIf: true });
  t.same(e.what_if.map((w) => [w.add.role, w.add.languages.join(';'), w.served_gain]), [
    ['attorney', 'trs', 1], ['interpreter', 'trs;en', 1], ['interpreter', 'trs;es', 1],
  ]);
});

t.test('the gain of one run is its own difference, with no interval', async (t) => {
  const base = baseline(sampleBundle(FRESNO), { runs: 1, seed: 1 });
  const g = gainOf(base, { role: 'attorney', languages: ['es'] });
  t.equal(g.ci95, 0);
  t.equal(Number.isInteger(g.gain), true);
});

t.test('a newcomer is there all day for every case type; a rep is fully accredited by a host, a student supervised by an attorney', async (t) => {
  const bundle = sampleBundle(FRESNO);
  const rep = additionVolunteer(bundle, { role: 'accredited_rep', languages: ['es'] }, 0);
  t.same([rep.accreditation, rep.org, rep.caseTypes, rep.available], ['full', bundle.event.hostOrgs[0], [], [{ start: 0, end: bundle.event.dayMinutes }]]);
  const student = additionVolunteer(bundle, { role: 'law_student', languages: ['es'] }, 1);
  t.equal(student.supervisor, bundle.volunteers.find((v) => v.role === 'attorney')!.id);
  t.equal(student.id, '~what-if-1');
  t.equal(additionVolunteer(bundle, { role: 'screener', languages: ['es'] }, 2).supervisor, undefined);
});
