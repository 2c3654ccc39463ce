import t from 'tap';
import { bundleOf, event, read, volunteer, where } from './builders.js';

const ATTORNEY = volunteer({ id: 'V001', role: 'attorney' });
const PARALEGAL = volunteer({ id: 'V002', role: 'paralegal' });
const STUDENT_ID = 'V003';
const lawStudent = (supervisor: string) => volunteer({ id: STUDENT_ID, role: 'law_student', supervisor });
const accreditedRep = (cells: Record<string, string> = {}) =>
  volunteer({ role: 'accredited_rep', accreditation: 'partial', org: 'Catholic Charities Diocese of Fresno', ...cells });

t.test('reads a volunteer row into a volunteer', async (t) => {
  const result = read({
    volunteers: [volunteer({ email: 'sofia@example.org', phone: '559-555-0117', case_types: 'n400; TPS', max_applicants: '4' })],
  });
  t.same(bundleOf(result).volunteers, [{
    id: 'V001', name: 'Sofía González', email: 'sofia@example.org', phone: '559-555-0117', role: 'attorney',
    languages: ['es', 'en'], caseTypes: ['n400', 'tps'], available: [{ start: 0, end: 420 }], maxApplicants: 4,
  }]);
});

t.test('reports an unknown role at its row and the role column', async (t) => {
  const result = read({ volunteers: [ATTORNEY, volunteer({ id: 'V002', role: 'notario' })] });
  t.same(where(result.errors), ['volunteers.csv:3:role']);
  t.match(result.errors[0]?.message, /"notario" is not a role: use one of attorney, accredited_rep/);
  t.equal(result.bundle, null);
});

t.test('accepts a role written in capitals', async (t) => {
  const result = read({ volunteers: [volunteer({ role: 'Attorney' })] });
  t.equal(bundleOf(result).volunteers[0]?.role, 'attorney');
});

t.test('reports a missing role value', async (t) => {
  const result = read({ volunteers: [volunteer({ role: '' })] });
  t.same(where(result.errors), ['volunteers.csv:2:role']);
  t.match(result.errors[0]?.message, /role is required/);
});

t.test('reports an unknown case type in a volunteer\'s case_types', async (t) => {
  const result = read({ volunteers: [volunteer({ case_types: 'n400;n-600' })] });
  t.same(where(result.errors), ['volunteers.csv:2:case_types']);
  t.match(result.errors[0]?.message, /"n-600" is not a case type of this event/);
});

t.test('names every unknown case type in a volunteer\'s case_types', async (t) => {
  const result = read({ volunteers: [volunteer({ case_types: 'u_visa;vawa' })] });
  t.same(where(result.errors), ['volunteers.csv:2:case_types']);
  t.match(result.errors[0]?.message, /"u_visa", "vawa" are not case types of this event/);
});

t.test('gives a volunteer with empty case_types every case type, as an empty list', async (t) => {
  t.same(bundleOf(read()).volunteers[0]?.caseTypes, []);
});

t.test('lowercases language codes', async (t) => {
  const result = read({ volunteers: [volunteer({ languages: 'ES;En' })] });
  t.same(bundleOf(result).volunteers[0]?.languages, ['es', 'en']);
});

t.test('lists a language written twice once', async (t) => {
  const result = read({ volunteers: [volunteer({ languages: 'es;ES;mix' })] });
  t.same(bundleOf(result).volunteers[0]?.languages, ['es', 'mix']);
});

t.test('warns about a well-formed language code not in the catalog and keeps it', async (t) => {
  const result = read({ volunteers: [volunteer({ languages: 'es;xyz' })] });
  t.same(result.errors, []);
  t.same(where(result.warnings), ['volunteers.csv:2:languages']);
  t.match(result.warnings[0]?.message, /"xyz" is not in Taller's catalog; it is kept/);
  t.same(bundleOf(result).volunteers[0]?.languages, ['es', 'xyz']);
});

for (const malformed of ['Español', 'e5']) {
  t.test(`reports the malformed language code ${malformed} as an error`, async (t) => {
    const result = read({ volunteers: [volunteer({ languages: `en;${malformed}` })] });
    t.same(where(result.errors), ['volunteers.csv:2:languages']);
    t.match(result.errors[0]?.message, `"${malformed.toLowerCase()}" is not a language code`);
    t.equal(result.bundle, null);
  });
}

t.test('reports a languages cell holding only separators', async (t) => {
  const result = read({ volunteers: [volunteer({ languages: ';' })] });
  t.same(where(result.errors), ['volunteers.csv:2:languages']);
  t.match(result.errors[0]?.message, /at least one language code is required/);
});

t.test('reports a duplicate id at its second occurrence, naming the first row', async (t) => {
  const result = read({ volunteers: [ATTORNEY, PARALEGAL, volunteer({ id: 'V001', name: 'Otro' })] });
  t.same(where(result.errors), ['volunteers.csv:4:id']);
  t.match(result.errors[0]?.message, /duplicate id V001: it is already used at row 2/);
});

for (const column of ['id', 'name'] as const) {
  t.test(`reports a missing ${column} value at its row and column`, async (t) => {
    const result = read({ volunteers: [ATTORNEY, volunteer({ id: 'V002', [column]: '' })] });
    t.same(where(result.errors), [`volunteers.csv:3:${column}`]);
    t.match(result.errors[0]?.message, `${column} is required`);
  });
}

t.test('accepts a law student supervised by an attorney in the file', async (t) => {
  const result = read({ volunteers: [lawStudent('V001'), ATTORNEY] });
  t.equal(bundleOf(result).volunteers[0]?.supervisor, 'V001');
});

t.test('reports a law student with no supervisor', async (t) => {
  const result = read({ volunteers: [ATTORNEY, PARALEGAL, lawStudent('')] });
  t.same(where(result.errors), ['volunteers.csv:4:supervisor']);
  t.match(result.errors[0]?.message, /a law student needs a supervisor/);
});

t.test('reports a law student whose supervisor is not in the file', async (t) => {
  const result = read({ volunteers: [ATTORNEY, PARALEGAL, lawStudent('V999')] });
  t.same(where(result.errors), ['volunteers.csv:4:supervisor']);
  t.match(result.errors[0]?.message, /supervisor V999 is not a volunteer in this file/);
});

t.test('reports a law student whose supervisor is not an attorney', async (t) => {
  const result = read({ volunteers: [ATTORNEY, PARALEGAL, lawStudent('V002')] });
  t.same(where(result.errors), ['volunteers.csv:4:supervisor']);
  t.match(result.errors[0]?.message, /supervisor V002 is a paralegal, not an attorney/);
});

t.test('warns that a supervisor is ignored for a role other than law student', async (t) => {
  const result = read({ volunteers: [ATTORNEY, volunteer({ id: 'V002', role: 'paralegal', supervisor: 'V001' })] });
  t.same(where(result.warnings), ['volunteers.csv:3:supervisor']);
  t.notOk('supervisor' in bundleOf(result).volunteers[1]!);
});

t.test('accepts an accredited rep with an accreditation and an org', async (t) => {
  const result = read({ volunteers: [accreditedRep({ accreditation: 'Full' })] });
  t.match(bundleOf(result).volunteers[0], { accreditation: 'full', org: 'Catholic Charities Diocese of Fresno' });
});

t.test('reports an accredited rep without an org', async (t) => {
  const result = read({ volunteers: [accreditedRep({ org: '' })] });
  t.same(where(result.errors), ['volunteers.csv:2:org']);
  t.match(result.errors[0]?.message, /an accredited rep needs the recognized organization/);
});

t.test('reports an accredited rep without an accreditation', async (t) => {
  const result = read({ volunteers: [accreditedRep({ accreditation: '' })] });
  t.same(where(result.errors), ['volunteers.csv:2:accreditation']);
  t.match(result.errors[0]?.message, /an accredited rep needs an accreditation: partial or full/);
});

t.test('reports an accreditation that is neither partial nor full', async (t) => {
  const result = read({ volunteers: [accreditedRep({ accreditation: 'basic' })] });
  t.same(where(result.errors), ['volunteers.csv:2:accreditation']);
  t.match(result.errors[0]?.message, /"basic" is not a kind of accreditation/);
});

t.test('warns that an accreditation is ignored for a role other than accredited rep', async (t) => {
  const result = read({ volunteers: [volunteer({ role: 'paralegal', accreditation: 'full' })] });
  t.same(where(result.warnings), ['volunteers.csv:2:accreditation']);
  t.notOk('accreditation' in bundleOf(result).volunteers[0]!);
});

t.test('reads a max_applicants of 0', async (t) => {
  t.equal(bundleOf(read({ volunteers: [volunteer({ max_applicants: '0' })] })).volunteers[0]?.maxApplicants, 0);
});

t.test('reports a negative max_applicants', async (t) => {
  const result = read({ volunteers: [volunteer({ max_applicants: '-1' })] });
  t.same(where(result.errors), ['volunteers.csv:2:max_applicants']);
  t.match(result.errors[0]?.message, /-1 is too small: it must be at least 0/);
});

t.test('reports a max_applicants with a fraction', async (t) => {
  const result = read({ volunteers: [volunteer({ max_applicants: '2.5' })] });
  t.same(where(result.errors), ['volunteers.csv:2:max_applicants']);
  t.match(result.errors[0]?.message, /"2.5" is not a whole number \(no fractions\)/);
});

t.test('reports a max_applicants too large to count', async (t) => {
  const result = read({ volunteers: [volunteer({ max_applicants: '99999999999999999999' })] });
  t.same(where(result.errors), ['volunteers.csv:2:max_applicants']);
  t.match(result.errors[0]?.message, /too large/);
});

t.test('reports an e-mail address without a domain', async (t) => {
  const result = read({ volunteers: [volunteer({ email: 'sofia@example' })] });
  t.same(where(result.errors), ['volunteers.csv:2:email']);
  t.match(result.errors[0]?.message, /"sofia@example" is not an e-mail address/);
});

t.test('accepts a case type the event adds in a volunteer\'s case_types', async (t) => {
  const result = read({
    event: event({ case_types: { i912_fee_waiver: { screening: 10 } } }),
    volunteers: [volunteer({ case_types: 'i912_fee_waiver' })],
  });
  t.same(bundleOf(result).volunteers[0]?.caseTypes, ['i912_fee_waiver']);
});

t.test('does not call a supervisor missing when the supervisor\'s own row has another problem', async (t) => {
  const result = read({ volunteers: [volunteer({ id: 'V001', languages: 'Español' }), lawStudent('V001')] });
  t.same(where(result.errors), ['volunteers.csv:2:languages']);
});

t.test('does not question a supervisor\'s role when that role is itself reported', async (t) => {
  const result = read({ volunteers: [volunteer({ id: 'V001', role: 'abogado' }), lawStudent('V001')] });
  t.same(where(result.errors), ['volunteers.csv:2:role']);
});
