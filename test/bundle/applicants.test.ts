import t from 'tap';
import { applicant, bundleOf, read, where } from './builders.js';

// The builders' event is on 2027-03-13.
const BEFORE_THE_EVENT = '2027-02-01';
const DAY_60_AFTER = '2027-05-12';
const DAY_61_AFTER = '2027-05-13';
const DAY_150_AFTER = '2027-08-10';
const DAY_151_AFTER = '2027-08-11';

const priorityOf = (cells: Record<string, string>): number | undefined =>
  bundleOf(read({ applicants: [applicant(cells)] })).applicants[0]?.priority;

t.test('reads an applicant row into an applicant', async (t) => {
  const result = read({
    applicants: [applicant({
      phone: '559-555-0124', email: 'ruben@example.com', languages: 'mix;es', case_type: 'N400', complexity: 'Complex',
      flags: 'in_proceedings; prior_denial', household: 'H002', deadline: DAY_151_AFTER,
    })],
  });
  t.same(bundleOf(result).applicants, [{
    id: 'A0001', name: 'Rubén Núñez', phone: '559-555-0124', email: 'ruben@example.com', languages: ['mix', 'es'],
    caseType: 'n400', complexity: 'complex', flags: ['in_proceedings', 'prior_denial'], household: 'H002',
    available: [{ start: 0, end: 420 }], deadline: DAY_151_AFTER, priority: 1,
  }]);
});

t.test('makes an applicant with no complexity straightforward', async (t) => {
  t.equal(bundleOf(read()).applicants[0]?.complexity, 'straightforward');
});

t.test('reports an unknown case type at its row and the case_type column', async (t) => {
  const result = read({ applicants: [applicant(), applicant({ id: 'A0002', case_type: 'passport' })] });
  t.same(where(result.errors), ['applicants.csv:3:case_type']);
  t.match(result.errors[0]?.message, /"passport" is not a case type of this event \(known: daca_renewal, /);
  t.equal(result.bundle, null);
});

t.test('reports a missing case type value', async (t) => {
  const result = read({ applicants: [applicant({ case_type: '' })] });
  t.same(where(result.errors), ['applicants.csv:2:case_type']);
  t.match(result.errors[0]?.message, /case_type is required/);
});

t.test('reports a missing languages value', async (t) => {
  const result = read({ applicants: [applicant({ languages: '' })] });
  t.same(where(result.errors), ['applicants.csv:2:languages']);
});

t.test('keeps the applicant\'s preferred language first', async (t) => {
  t.same(bundleOf(read({ applicants: [applicant({ languages: 'TRS;es' })] })).applicants[0]?.languages, ['trs', 'es']);
});

t.test('reports a duplicate applicant id at its second occurrence, naming the first row', async (t) => {
  const rows = [applicant(), applicant({ id: 'A0002' }), applicant({ id: 'A0003' }), applicant({ id: 'A0002' })];
  const result = read({ applicants: rows });
  t.same(where(result.errors), ['applicants.csv:5:id']);
  t.match(result.errors[0]?.message, /duplicate id A0002: it is already used at row 3/);
});

t.test('reports a complexity that is not one of the three', async (t) => {
  const result = read({ applicants: [applicant({ complexity: 'hard' })] });
  t.same(where(result.errors), ['applicants.csv:2:complexity']);
  t.match(result.errors[0]?.message, /"hard" is not a complexity: use one of straightforward, moderate, complex/);
});

t.test('reports an unknown red flag', async (t) => {
  const result = read({ applicants: [applicant({ flags: 'criminal_history;dui' })] });
  t.same(where(result.errors), ['applicants.csv:2:flags']);
  t.match(result.errors[0]?.message, /"dui" is not a red flag: use criminal_history/);
});

t.test('names every unknown red flag at once', async (t) => {
  const result = read({ applicants: [applicant({ flags: 'dui;overstay' })] });
  t.same(where(result.errors), ['applicants.csv:2:flags']);
  t.match(result.errors[0]?.message, /"dui", "overstay" are not red flags/);
});

for (const [priority, message] of [['0', /0 is too small: it must be at least 1/], ['high', /"high" is not a whole number/]] as const) {
  t.test(`reports the priority ${priority} at its row and column`, async (t) => {
    const result = read({ applicants: [applicant({ priority })] });
    t.same(where(result.errors), ['applicants.csv:2:priority']);
    t.match(result.errors[0]?.message, message);
  });
}

for (const deadline of ['2027-02-30', '2027-13-01']) {
  t.test(`reports the deadline ${deadline}, a day not on the calendar`, async (t) => {
    const result = read({ applicants: [applicant({ deadline })] });
    t.same(where(result.errors), ['applicants.csv:2:deadline']);
    t.match(result.errors[0]?.message, `${deadline} is not a day on the calendar`);
  });
}

t.test('reports a deadline not written as YYYY-MM-DD', async (t) => {
  const result = read({ applicants: [applicant({ deadline: '05/12/2027' })] });
  t.same(where(result.errors), ['applicants.csv:2:deadline']);
  t.match(result.errors[0]?.message, /"05\/12\/2027" is not a date: write it as YYYY-MM-DD/);
});

t.test('gives priority 3 to a deadline 60 days after the event', async (t) => {
  t.equal(priorityOf({ deadline: DAY_60_AFTER }), 3);
});

t.test('gives priority 3 to a deadline already past on the event date', async (t) => {
  t.equal(priorityOf({ deadline: BEFORE_THE_EVENT }), 3);
});

t.test('gives priority 2 to a deadline 61 days after the event', async (t) => {
  t.equal(priorityOf({ deadline: DAY_61_AFTER }), 2);
});

t.test('gives priority 2 to a deadline 150 days after the event', async (t) => {
  t.equal(priorityOf({ deadline: DAY_150_AFTER }), 2);
});

t.test('gives priority 1 to a deadline 151 days after the event', async (t) => {
  t.equal(priorityOf({ deadline: DAY_151_AFTER }), 1);
});

t.test('gives priority 1 to an applicant with no deadline', async (t) => {
  t.equal(priorityOf({}), 1);
});

t.test('lets an explicit priority win over an urgent deadline', async (t) => {
  t.equal(priorityOf({ deadline: DAY_60_AFTER, priority: '1' }), 1);
});

t.test('lets an explicit priority win over a distant deadline', async (t) => {
  t.equal(priorityOf({ deadline: DAY_151_AFTER, priority: '4' }), 4);
});

t.test('warns at its row and column of a name a spreadsheet would run as a formula, and keeps it as written', async (t) => {
  const name = '=HYPERLINK("http://example.com","Click")';
  const result = read({ applicants: [applicant({ name })] });
  t.same(where(result.warnings), ['applicants.csv:2:name']);
  t.match(result.warnings[0]?.message, /name starts with "=", so a spreadsheet would run it as a formula/);
  t.equal(bundleOf(result).applicants[0]?.name, name);
});

t.test('takes a phone number that starts with a plus sign as a phone, not a formula', async (t) => {
  const result = read({ applicants: [applicant({ phone: '+1 (559) 555-0124' })] });
  t.same(result.warnings, []);
});
