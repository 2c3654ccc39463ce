import type { BundleFiles } from '../bundle/index.js';
import { seededRandom } from '../planner/random.js';

type Weighted<T> = readonly (readonly [T, number])[];

function picker(random: () => number) {
  return <T>(options: Weighted<T>): T => {
    const total = options.reduce((sum, [, w]) => sum + w, 0);
    let r = random() * total;
    for (const [value, weight] of options) {
      r -= weight;
      if (r < 0) return value;
    }
    return options[options.length - 1]![0];
  };
}

// Shares seen at Central Valley workshops (the samples), Spanish first, indigenous languages included.
const APPLICANT_LANGUAGES: Weighted<string> = [
  ['es', 38], ['es;en', 23], ['hmn;en', 6], ['pa;en', 6], ['mix;es', 5], ['pa', 4], ['zap;es', 3], ['tl;en', 3],
  ['hmn', 2], ['pa;hi', 2], ['trs;es', 2], ['en', 2], ['mix', 1], ['trs', 1], ['vi;en', 1], ['mam;es', 1],
];
const CASE_TYPES: Weighted<string> = [
  ['n400', 30], ['daca_renewal', 27], ['labor_deferred_action', 14], ['tps', 6], ['i90', 5], ['family_petition', 3],
  ['ead_renewal', 3], ['advance_parole', 3], ['consultation', 3],
];
const COMPLEXITY: Weighted<string> = [['straightforward', 60], ['moderate', 30], ['complex', 10]];
const FLAGS: Weighted<string> = [
  ['in_proceedings', 3], ['criminal_history', 3], ['prior_denial', 2], ['prior_removal', 1], ['unlawful_reentry', 1],
  ['fraud_misrep', 0.5],
];
const ROLES: Weighted<string> = [
  ['attorney', 25], ['accredited_rep', 10], ['law_student', 10], ['paralegal', 8], ['form_filler', 14], ['screener', 10],
  ['interpreter', 9], ['general', 14],
];
const STAFF_LANGUAGES: Weighted<string> = [
  ['es;en', 50], ['en', 25], ['en;es', 8], ['hmn;en', 6], ['pa;en', 5], ['tl;en', 3], ['pa;hi;en', 2], ['vi;en', 1],
];
const INTERPRETER_LANGUAGES: Weighted<string> = [
  ['mix;es', 4], ['trs;es', 2], ['zap;es', 2], ['hmn;en', 2], ['pa;en', 2], ['mam;es', 1], ['es;en', 3],
];
const HOST_ORGS = ['Central Valley Immigrant Integration Collaborative', 'Catholic Charities Diocese of Fresno'];
const OTHER_ORGS = ['Lutheran Immigration Services of Stockton', 'Bakersfield Refugee Ministry'];
const WINDOWS: Weighted<string> = [['', 80], ['08:30-12:30', 6], ['12:30-16:30', 6], ['10:00-14:00', 5], ['08:30-11:30;13:30-16:30', 3]];

const csvRow = (cells: (string | number)[]) => cells.join(',');

export interface GeneratedEvent {
  applicants: number;
  volunteers: number;
  seed: number;
}

/**
 * A realistic workshop bundle of any size, as the three files a coordinator would upload:
 * the language, case-type, complexity and role mix of the Central Valley samples.
 */
export function generateBundleFiles({ applicants, volunteers, seed }: GeneratedEvent): BundleFiles {
  const random = seededRandom(seed);
  const pick = picker(random);
  const date = '2027-06-05';
  const event = {
    id: `generated-${applicants}x${volunteers}-${seed}`,
    name: `Generated workshop, ${applicants} applicants × ${volunteers} volunteers`,
    date,
    timezone: 'America/Los_Angeles',
    opens: '08:30',
    closes: '16:30',
    slot_minutes: 5,
    site: { name: 'Convention Center Hall A', address: '848 M St, Fresno, CA 93721', county: 'Fresno', setting: 'urban' },
    host_orgs: HOST_ORGS,
    desks: { check_in: Math.max(2, Math.ceil(applicants / 60)), final_check: Math.max(2, Math.ceil(applicants / 80)) },
    planning: { fairness: 'none', selection: 'fair', seed },
  };

  const roles = Array.from({ length: volunteers }, () => pick(ROLES));
  if (!roles.includes('attorney')) roles[0] = 'attorney';
  const attorneys = roles.flatMap((role, i) => (role === 'attorney' ? [i] : []));
  const vid = (i: number) => `V${String(i + 1).padStart(4, '0')}`;
  const volunteerRows = roles.map((role, i) => {
    const languages = role === 'interpreter' ? pick(INTERPRETER_LANGUAGES) : pick(STAFF_LANGUAGES);
    const rep = role === 'accredited_rep';
    const accreditation = rep ? pick([['partial', 2], ['full', 1]] as const) : '';
    const org = rep ? (random() < 0.7 ? HOST_ORGS[Math.floor(random() * HOST_ORGS.length)]! : OTHER_ORGS[Math.floor(random() * OTHER_ORGS.length)]!) : '';
    const supervisor = role === 'law_student' ? vid(attorneys[Math.floor(random() * attorneys.length)]!) : '';
    const caseTypes = role === 'paralegal' && random() < 0.3 ? 'family_petition;consultation;i90' : '';
    const max = random() < 0.25 ? String(4 + Math.floor(random() * 6)) : '';
    return csvRow([vid(i), `Volunteer ${i + 1}`, `volunteer${i + 1}@example.org`, role, languages, caseTypes, accreditation,
      `"${org}"`, supervisor, pick(WINDOWS), max]);
  });

  const applicantRows: string[] = [];
  let household = 0;
  for (let i = 0; i < applicants;) {
    const size = random() < 0.2 ? 2 + Math.floor(random() * 3) : 1;
    const hh = size > 1 ? `H${String(++household).padStart(4, '0')}` : '';
    const languages = pick(APPLICANT_LANGUAGES);
    const window = pick(WINDOWS);
    for (let m = 0; m < size && i < applicants; m++, i++) {
      const flagged = random() < 0.12;
      const deadline = random() < 0.5 ? addDays(date, Math.floor(random() * 400) - 20) : '';
      applicantRows.push(csvRow([`A${String(i + 1).padStart(5, '0')}`, `Applicant ${i + 1}`, languages, pick(CASE_TYPES),
        pick(COMPLEXITY), flagged ? pick(FLAGS) : '', hh, window, deadline]));
    }
  }
  const text = (header: string, rows: string[]) => Buffer.from(`${header}\n${rows.join('\n')}\n`, 'utf8');
  return {
    'event.json': Buffer.from(JSON.stringify(event, null, 2), 'utf8'),
    'volunteers.csv': text('id,name,email,role,languages,case_types,accreditation,org,supervisor,available,max_applicants', volunteerRows),
    'applicants.csv': text('id,name,languages,case_type,complexity,flags,household,available,deadline', applicantRows),
  };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
