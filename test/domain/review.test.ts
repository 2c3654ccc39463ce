import t from 'tap';
import { mayReview, repsHostOrg, reviewNeedsAttorney, RED_FLAGS, ROLES, sameOrg } from '../../src/domain/index.js';
import type { RedFlag } from '../../src/domain/index.js';
import { accreditedRep, applicant, clinicEvent, CO_HOST_ORG, HOST_ORG, OTHER_ORG, volunteer } from './fixtures/builders.js';

const event = clinicEvent({ hostOrgs: [HOST_ORG, CO_HOST_ORG] });
const attorney = volunteer({ id: 'V001', role: 'attorney' });
const fullRep = accreditedRep({ accreditation: 'full' });
const partialRep = accreditedRep({ accreditation: 'partial' });
const simpleCase = applicant({ complexity: 'straightforward', flags: [] });
const moderateCase = applicant({ complexity: 'moderate', flags: [] });
const complexCase = applicant({ complexity: 'complex', flags: [] });
const inProceedings = applicant({ flags: ['in_proceedings'] });
const ATTORNEY_ONLY_FLAGS: RedFlag[] = RED_FLAGS.filter((flag) => flag !== 'in_proceedings');

// reviewNeedsAttorney

t.test('a straightforward case with no red flags does not need an attorney to review it', async (t) => {
  t.equal(reviewNeedsAttorney(simpleCase), false);
});

t.test('a moderate case with no red flags does not need an attorney to review it', async (t) => {
  t.equal(reviewNeedsAttorney(moderateCase), false);
});

t.test('a complex case needs an attorney to review it', async (t) => {
  t.equal(reviewNeedsAttorney(complexCase), true);
});

t.test('a case in proceedings alone does not need an attorney to review it', async (t) => {
  t.equal(reviewNeedsAttorney(inProceedings), false);
});

t.test('every red flag other than in_proceedings needs an attorney to review the case', async (t) => {
  t.same(ATTORNEY_ONLY_FLAGS, ['criminal_history', 'prior_removal', 'prior_denial', 'fraud_misrep', 'unlawful_reentry']);
  for (const flag of ATTORNEY_ONLY_FLAGS) {
    t.equal(reviewNeedsAttorney(applicant({ flags: [flag] })), true, flag);
  }
});

t.test('a case in proceedings with another red flag needs an attorney to review it', async (t) => {
  t.equal(reviewNeedsAttorney(applicant({ flags: ['in_proceedings', 'prior_removal'] })), true);
});

// sameOrg

t.test('treats organization names that differ only in case and spacing as the same', async (t) => {
  t.equal(sameOrg('  catholic   CHARITIES diocese of fresno ', CO_HOST_ORG), true);
});

t.test('treats a tab or line break inside an organization name as a space', async (t) => {
  t.equal(sameOrg('Catholic\tCharities\nDiocese of Fresno', CO_HOST_ORG), true);
});

t.test('does not treat different organizations as the same', async (t) => {
  t.equal(sameOrg(OTHER_ORG, HOST_ORG), false);
});

t.test('does not treat an organization as the same as a longer name that starts with it', async (t) => {
  t.equal(sameOrg('Catholic Charities', CO_HOST_ORG), false);
});

// repsHostOrg

t.test("an accredited rep whose organization hosts the event represents there", async (t) => {
  t.equal(repsHostOrg({ org: HOST_ORG }, event), true);
});

t.test("an accredited rep whose organization co-hosts the event represents there", async (t) => {
  t.equal(repsHostOrg({ org: CO_HOST_ORG }, event), true);
});

t.test('an accredited rep whose organization is spelled with other case and spacing still represents at its event', async (t) => {
  t.equal(repsHostOrg({ org: ' central valley  immigrant integration collaborative' }, event), true);
});

t.test('an accredited rep of an organization that does not host the event does not represent there', async (t) => {
  t.equal(repsHostOrg({ org: OTHER_ORG }, event), false);
});

t.test('an accredited rep with no organization does not represent anywhere', async (t) => {
  t.equal(repsHostOrg({}, event), false);
});

t.test('no accredited rep represents at an event with no host organizations', async (t) => {
  t.equal(repsHostOrg({ org: HOST_ORG }, clinicEvent({ hostOrgs: [] })), false);
});

// mayReview: attorneys

t.test('lets an attorney review a straightforward case', async (t) => {
  t.equal(mayReview(attorney, simpleCase, event), true);
});

t.test('lets an attorney review a complex case', async (t) => {
  t.equal(mayReview(attorney, complexCase, event), true);
});

t.test('lets an attorney review a case with every red flag', async (t) => {
  t.equal(mayReview(attorney, applicant({ complexity: 'complex', flags: [...RED_FLAGS] }), event), true);
});

t.test('lets an attorney review at an event no organization of theirs hosts', async (t) => {
  t.equal(mayReview(volunteer({ role: 'attorney', org: OTHER_ORG }), simpleCase, clinicEvent({ hostOrgs: [] })), true);
});

// mayReview: accredited reps

t.test('lets a host-org accredited rep review a straightforward case', async (t) => {
  t.equal(mayReview(partialRep, simpleCase, event), true);
});

t.test('lets a co-host-org accredited rep review a moderate case', async (t) => {
  t.equal(mayReview(accreditedRep({ org: CO_HOST_ORG, accreditation: 'partial' }), moderateCase, event), true);
});

t.test('does not let an accredited rep review a complex case', async (t) => {
  t.equal(mayReview(fullRep, complexCase, event), false);
});

t.test('does not let an accredited rep review a case with a red flag other than in_proceedings', async (t) => {
  for (const flag of ATTORNEY_ONLY_FLAGS) {
    t.equal(mayReview(fullRep, applicant({ flags: [flag] }), event), false, flag);
  }
});

t.test('lets a full accredited rep review a case in proceedings', async (t) => {
  t.equal(mayReview(fullRep, inProceedings, event), true);
});

t.test('does not let a partial accredited rep review a case in proceedings', async (t) => {
  t.equal(mayReview(partialRep, inProceedings, event), false);
});

t.test('does not let an accredited rep with no accreditation level review a case in proceedings', async (t) => {
  t.equal(mayReview(accreditedRep({ accreditation: undefined }), inProceedings, event), false);
});

t.test('does not let a full accredited rep review a case in proceedings that also has a prior removal', async (t) => {
  t.equal(mayReview(fullRep, applicant({ flags: ['in_proceedings', 'prior_removal'] }), event), false);
});

t.test('does not let an accredited rep review at an event its organization does not host', async (t) => {
  t.equal(mayReview(accreditedRep({ org: OTHER_ORG }), simpleCase, event), false);
});

t.test('does not let an accredited rep with no organization review', async (t) => {
  t.equal(mayReview(accreditedRep({ org: undefined }), simpleCase, event), false);
});

// mayReview: everyone else

t.test('never lets a role other than attorney or accredited rep review, even a straightforward case', async (t) => {
  const others = ROLES.filter((role) => role !== 'attorney' && role !== 'accredited_rep');
  t.same(others, ['law_student', 'paralegal', 'form_filler', 'screener', 'interpreter', 'general']);
  for (const role of others) {
    // Even with the trappings of a host-org full accreditation, the role decides.
    const person = volunteer({ role, org: HOST_ORG, accreditation: 'full' });
    t.equal(mayReview(person, simpleCase, event), false, role);
  }
});
