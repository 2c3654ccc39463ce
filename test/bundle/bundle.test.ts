import { readFileSync } from 'node:fs';
import t from 'tap';
import { BUNDLE_FILES, ProblemList, formatProblem, readBundle } from '../../src/bundle/index.js';
import type { BundleFiles } from '../../src/bundle/index.js';
import { applicant, bundleOf, event, read, volunteer, where } from './builders.js';

const SAMPLES = new URL('../../static/samples/', import.meta.url);
const SAMPLE_COUNTS = {
  'fresno-saturday': { volunteers: 12, applicants: 40 },
  'mixteco-farmworker-clinic': { volunteers: 28, applicants: 120 },
  'central-valley-citizenship-day': { volunteers: 45, applicants: 250 },
} as const;
const FRESNO_DAY = [{ start: 0, end: 420 }];
const PART_OF_FILE = { 'event.json': 'event', 'volunteers.csv': 'volunteers', 'applicants.csv': 'applicants' } as const;

function sample(name: keyof typeof SAMPLE_COUNTS): BundleFiles {
  const files: BundleFiles = {};
  for (const file of BUNDLE_FILES) files[file] = readFileSync(new URL(`${name}/${file}`, SAMPLES));
  return files;
}

t.test('reads a valid bundle with no errors and no warnings', async (t) => {
  const result = read();
  t.same(result.errors, []);
  t.same(result.warnings, []);
  t.match(result.bundle, { event: { id: 'fresno-2027-03-13' }, volunteers: [{ id: 'V001' }], applicants: [{ id: 'A0001' }] });
});

for (const file of BUNDLE_FILES) {
  t.test(`reports ${file} missing from the bundle`, async (t) => {
    const result = read({ [PART_OF_FILE[file]]: null });
    t.same(where(result.errors), [`${file}:1:-`]);
    t.match(result.errors[0]?.message, `${file} is missing from the bundle`);
    t.equal(result.bundle, null);
  });
}

t.test('checks the CSV files against the default case types when event.json is missing', async (t) => {
  const result = read({ event: null, applicants: [applicant({ case_type: 'tps' }), applicant({ id: 'A0002', case_type: 'passport' })] });
  t.same(where(result.errors), ['event.json:1:-', 'applicants.csv:3:case_type']);
});

t.test('reports every problem in every file at once', async (t) => {
  const result = read({
    event: event({ opens: '16:00', closes: '09:00' }),
    volunteers: [volunteer(), volunteer({ id: 'V002', role: 'notario' }), volunteer({ id: 'V003' }),
      volunteer({ id: 'V004', languages: 'Español' })],
    applicants: [applicant({ case_type: 'passport' }), applicant({ id: 'A0002' }), applicant({ id: 'A0003', deadline: '2027-02-30' })],
  });
  t.same(where(result.errors), [
    'event.json:1:closes',
    'volunteers.csv:3:role',
    'volunteers.csv:5:languages',
    'applicants.csv:2:case_type',
    'applicants.csv:4:deadline',
  ]);
  t.equal(result.bundle, null);
});

t.test('returns the warnings of a bundle that has errors too', async (t) => {
  const result = read({ volunteers: [volunteer({ languages: 'xyz' }), volunteer({ id: 'V002', role: 'notario' })] });
  t.same(where(result.errors), ['volunteers.csv:3:role']);
  t.same(where(result.warnings), ['volunteers.csv:2:languages']);
});

t.test('formats an error as FILE:ROW:COLUMN: message', async (t) => {
  const [problem] = read({ volunteers: [volunteer({ role: 'notario' })] }).errors;
  t.equal(formatProblem(problem!), `volunteers.csv:2:role: ${problem!.message}`);
  t.match(formatProblem(problem!), /^volunteers\.csv:2:role: "notario" is not a role/);
});

t.test('formats a warning as FILE:ROW:COLUMN: warning: message', async (t) => {
  const [problem] = read({ event: event({ sponsor: 'County' }) }).warnings;
  t.equal(formatProblem(problem!, 'warning'), 'event.json:1:sponsor: warning: unknown field "sponsor" is ignored');
});

t.test('a ProblemList reporter bound to a row reports errors at that file and row', async (t) => {
  const problems = new ProblemList();
  problems.at('applicants.csv', 7)('household', 'household H1 has one member');
  t.same(problems.errors, [{ file: 'applicants.csv', row: 7, column: 'household', message: 'household H1 has one member' }]);
  t.same(problems.warnings, []);
});

for (const [name, counts] of Object.entries(SAMPLE_COUNTS)) {
  t.test(`reads the ${name} sample with no errors, ${counts.volunteers} volunteers and ${counts.applicants} applicants`, async (t) => {
    const result = readBundle(sample(name as keyof typeof SAMPLE_COUNTS));
    t.same(result.errors, []);
    const bundle = bundleOf(result);
    t.equal(bundle.volunteers.length, counts.volunteers);
    t.equal(bundle.applicants.length, counts.applicants);
  });
}

t.test('the fresno sample keeps A0017\'s explicit priority 4 over its deadline', async (t) => {
  const a0017 = bundleOf(readBundle(sample('fresno-saturday'))).applicants.find((a) => a.id === 'A0017');
  t.match(a0017, { deadline: '2028-03-22', priority: 4 });
});

t.test('the fresno sample gives priority 3 to A0001, whose deadline is 51 days after the event', async (t) => {
  const a0001 = bundleOf(readBundle(sample('fresno-saturday'))).applicants.find((a) => a.id === 'A0001');
  t.match(a0001, { deadline: '2027-07-12', priority: 3 });
});

t.test('the fresno sample converts 10:00-14:00 to minutes 60 to 300 after its 09:00 opening', async (t) => {
  const a0013 = bundleOf(readBundle(sample('fresno-saturday'))).applicants.find((a) => a.id === 'A0013');
  t.same(a0013?.available, [{ start: 60, end: 300 }]);
});

t.test('the fresno sample gives a volunteer with no available windows the whole day', async (t) => {
  const v001 = bundleOf(readBundle(sample('fresno-saturday'))).volunteers.find((v) => v.id === 'V001');
  t.same(v001?.available, FRESNO_DAY);
});
