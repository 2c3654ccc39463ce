// Rebuilds the field bundles (event.json, volunteers.csv, applicants.csv) for the publicly
// reported clinic days described in field/README.md. Plain Node, no dependencies, deterministic:
// the same script always writes the same bytes.
//
//   node field/generate.mjs          (from the repository root, or from field/)
//
// Every number below is either a reported figure (marked REPORTED, with the source in
// field/days.json and field/README.md) or a stated assumption (marked ASSUMED). Shares are
// apportioned exactly (largest remainder), then rows are shuffled with a seeded generator, so a
// 20% share of 250 rows is exactly 50 rows.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- helpers

/** mulberry32: a small seeded PRNG, enough for shuffling. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(list, random) {
  const out = list.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** n values in exact proportion to [[value, share], ...] (largest remainder), shuffled. */
function apportion(n, shares, random) {
  const total = shares.reduce((s, [, w]) => s + w, 0);
  const raw = shares.map(([v, w]) => ({ v, exact: (n * w) / total }));
  const counts = raw.map((r) => Math.floor(r.exact));
  let left = n - counts.reduce((s, c) => s + c, 0);
  const order = raw.map((r, i) => ({ i, frac: r.exact - Math.floor(r.exact) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] += 1;
    left -= 1;
  }
  const out = [];
  raw.forEach((r, i) => { for (let k = 0; k < counts[i]; k++) out.push(r.v); });
  return shuffle(out, random);
}

const pad = (n, width) => String(n).padStart(width, '0');

function csvCell(value) {
  const s = value === undefined || value === null ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(header, rows) {
  return [header.join(','), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(','))].join('\n') + '\n';
}

const VOLUNTEER_HEADER = ['id', 'name', 'role', 'languages', 'email', 'phone', 'case_types', 'accreditation', 'org',
  'supervisor', 'available', 'max_applicants'];
const APPLICANT_HEADER = ['id', 'name', 'languages', 'case_type', 'complexity', 'flags', 'household', 'available',
  'deadline', 'priority'];

/**
 * Volunteers from a list of groups: { role, count, languages: [[code-list, share], ...], org?,
 * accreditation?, supervised? }. Law students (supervised: true) are assigned attorneys in turn.
 */
function buildVolunteers(groups, random) {
  const rows = [];
  let n = 0;
  for (const g of groups) {
    const langs = apportion(g.count, g.languages, random);
    for (let k = 0; k < g.count; k++) {
      n += 1;
      rows.push({
        id: `V${pad(n, 3)}`,
        name: `Volunteer ${pad(n, 3)}`,
        role: g.role,
        languages: langs[k],
        accreditation: g.accreditation ?? '',
        org: g.org ?? '',
        supervisor: '',
        available: g.available ?? '',
        max_applicants: g.max_applicants ?? '',
      });
    }
  }
  const attorneys = rows.filter((r) => r.role === 'attorney');
  let t = 0;
  for (const r of rows) {
    if (r.role !== 'law_student') continue;
    if (attorneys.length === 0) throw new Error('a law student needs an attorney on the roster');
    r.supervisor = attorneys[t % attorneys.length].id;
    t += 1;
  }
  return rows;
}

/**
 * Applicants: `count` rows of `caseType`, languages apportioned by `languages`, flags by
 * `flags` ([[flag or '', share]]), complexity of unflagged rows by `complexity`; a flagged row is
 * given `flaggedComplexity` (default complex).
 */
function buildApplicants(spec, random) {
  const { count, caseType } = spec;
  const langs = apportion(count, spec.languages, random);
  const flags = apportion(count, spec.flags, random);
  const plainCount = flags.filter((f) => f === '').length;
  const plainComplexity = apportion(plainCount, spec.complexity, random);
  let p = 0;
  const rows = [];
  for (let i = 0; i < count; i++) {
    const flag = flags[i];
    const complexity = flag === '' ? plainComplexity[p++] : (spec.flaggedComplexity?.[flag] ?? 'complex');
    rows.push({
      id: `A${pad(i + 1, 4)}`,
      name: `Applicant ${pad(i + 1, 4)}`,
      languages: langs[i],
      case_type: caseType,
      complexity,
      flags: flag,
      household: '',
      available: '',
      deadline: '',
      priority: '',
    });
  }
  return rows;
}

const OVERTIME_MINUTES = 60;

/** The floor each report describes (days.json), written after slot_minutes. */
const FLOORS = Object.fromEntries(JSON.parse(readFileSync(join(HERE, 'days.json'), 'utf8')).map((d) => [d.dir, d.floor]));

function writeBundle(dir, event, volunteers, applicants) {
  const out = join(HERE, dir);
  mkdirSync(out, { recursive: true });
  // Each greeter or organizer keeps one desk table, half at check-in and half at the final desk
  // (the reports do not count tables); a day without any keeps the desks its section gives.
  const greeters = volunteers.filter((v) => v.role === 'general').length;
  if (greeters >= 2) event.desks = { check_in: Math.ceil(greeters / 2), final_check: Math.floor(greeters / 2) };
  // ASSUMED: the hours reported are intake hours; volunteers stay up to an hour to finish the
  // people already in the room, as clinics report doing.
  event.simulation = { ...event.simulation, overtime_minutes: OVERTIME_MINUTES };
  const withFloor = Object.fromEntries(Object.entries(event).flatMap(([k, v]) => (k === 'slot_minutes' ? [[k, v], ['floor', FLOORS[dir]]] : [[k, v]])));
  writeFileSync(join(out, 'event.json'), JSON.stringify(withFloor, null, 2) + '\n');
  writeFileSync(join(out, 'volunteers.csv'), toCsv(VOLUNTEER_HEADER, volunteers));
  writeFileSync(join(out, 'applicants.csv'), toCsv(APPLICANT_HEADER, applicants));
  return { dir, volunteers: volunteers.length, applicants: applicants.length };
}

// Shared ASSUMED mixes for naturalization (N-400) days: none of the reports gives a complexity or
// red-flag mix. 4% report an arrest or conviction and 2% a prior denial (both then need an
// attorney's review); of the rest 80% straightforward, 17% moderate, 3% complex.
const N400_FLAGS = [['', 94], ['criminal_history', 4], ['prior_denial', 2]];
const N400_COMPLEXITY = [['straightforward', 80], ['moderate', 17], ['complex', 3]];

/** A native-language share split half "xx" (no English) and half "xx;en" (some English). */
function withEnglish(shares) {
  const out = [];
  for (const [code, share] of shares) {
    if (code === 'en') out.push(['en', share]);
    else out.push([code, share / 2], [`${code};en`, share / 2]);
  }
  return out;
}

// ---------------------------------------------------------------- the days

const days = [];

// 1. Navy Pier, Chicago, Wednesday 15 August 2012: ICIRR "Dream Relief Day", DACA opening day.
{
  const random = rng(20120815);
  const event = {
    id: 'navy-pier-2012-08-15',
    name: 'Dream Relief Day, Navy Pier, Chicago (reconstruction of 15 Aug 2012)',
    date: '2012-08-15',
    timezone: 'America/Chicago',
    opens: '08:00', // REPORTED: 8 a.m. check-in (CLINIC blog); 9 a.m. start (NBC Chicago)
    closes: '17:00', // ASSUMED: closing time not reported
    slot_minutes: 5,
    site: {
      name: 'Navy Pier, Grand Ballroom',
      address: '600 E Grand Ave, Chicago, IL 60611',
      county: 'Cook',
      setting: 'urban',
    },
    host_orgs: ['Illinois Coalition for Immigrant and Refugee Rights'],
    desks: { check_in: 20, final_check: 20 }, // ASSUMED
    simulation: {
      no_show_rate: 0, // ASSUMED: the rows are people already in line (many waited overnight)
      walk_ins_per_hour: 100, // ASSUMED: the line beyond the first 2,000 (11,000+ by mid-morning)
      service_time: 'lognormal',
      service_time_cv: 0.35,
      walk_in_mix: [
        { case_type: 'daca_initial', languages: ['en', 'es'], complexity: 'straightforward', share: 0.7 },
        { case_type: 'daca_initial', languages: ['es', 'en'], complexity: 'straightforward', share: 0.2 },
        { case_type: 'daca_initial', languages: ['en'], complexity: 'straightforward', share: 0.1 },
      ],
    },
    planning: { fairness: 'none', seed: 1 },
  };
  const icirr = 'Illinois Coalition for Immigrant and Refugee Rights';
  const staffLangs = [['en;es', 60], ['en', 40]];
  const volunteers = buildVolunteers([
    { role: 'attorney', count: 60, languages: staffLangs }, // REPORTED: 60 volunteer attorneys (Tribune)
    // ASSUMED split of the 600 other volunteers (ChicagoNow: "more than 600 volunteers"):
    { role: 'accredited_rep', count: 15, languages: staffLangs, accreditation: 'full', org: icirr },
    { role: 'law_student', count: 45, languages: staffLangs },
    { role: 'paralegal', count: 30, languages: staffLangs },
    { role: 'form_filler', count: 210, languages: staffLangs },
    { role: 'screener', count: 90, languages: staffLangs },
    { role: 'interpreter', count: 30, languages: [['es;en', 1]] },
    { role: 'general', count: 180, languages: staffLangs },
  ], random);
  const applicants = buildApplicants({
    count: 2000, // ASSUMED: the full-service line (brief: about 2,000 rows; 1,500 served, 5,000 signed up)
    caseType: 'daca_initial',
    languages: [['en;es', 70], ['es;en', 20], ['en', 10]], // ASSUMED
    // ASSUMED: 12% self-screen with an issue that sends them to legal screening (CLINIC blog
    // names arrest history, false claims to citizenship and absences).
    flags: [['', 88], ['criminal_history', 9], ['fraud_misrep', 1], ['in_proceedings', 2]],
    flaggedComplexity: { criminal_history: 'complex', fraud_misrep: 'complex', in_proceedings: 'moderate' },
    complexity: [['straightforward', 78], ['moderate', 22]],
  }, random);
  days.push(writeBundle('navy-pier-2012', event, volunteers, applicants));
}

// 2. Boston Citizenship Day, Saturday 26 September 2015, Timilty Middle School, Roxbury.
{
  const random = rng(20150926);
  const event = {
    id: 'boston-citizenship-day-2015-09-26',
    name: 'Citizenship Day Boston 2015, Timilty School, Roxbury (reconstruction)',
    date: '2015-09-26',
    timezone: 'America/New_York',
    opens: '10:00', // ASSUMED: hours not reported for 2015; the 2017 hours (10:00-14:00) are used
    closes: '14:00',
    slot_minutes: 5,
    site: { name: 'Timilty Middle School, Roxbury', county: 'Suffolk', setting: 'urban' },
    host_orgs: ['Project Citizenship', "Mayor's Office of New Bostonians"],
    desks: { check_in: 4, final_check: 4 }, // ASSUMED
    simulation: {
      no_show_rate: 0.03, // DERIVED: 242 came of the 250 the day was planned for (1 - 242/250)
      walk_ins_per_hour: 0, // ASSUMED
      service_time: 'lognormal',
      service_time_cv: 0.35,
      walk_in_mix: [],
    },
    planning: { fairness: 'none', seed: 1 },
  };
  const volunteers = buildVolunteers([
    // REPORTED: "more than 100 trained volunteers"; 100 used. ASSUMED split:
    { role: 'attorney', count: 25, languages: [['en', 80], ['en;es', 12], ['en;ht', 8]] },
    { role: 'law_student', count: 20, languages: [['en', 80], ['en;es', 20]] },
    { role: 'accredited_rep', count: 1, languages: [['en;es', 1]], accreditation: 'full', org: 'Project Citizenship' },
    { role: 'form_filler', count: 30, languages: [['en', 60], ['en;es', 20], ['en;ht', 10], ['en;pt', 10]] },
    { role: 'screener', count: 6, languages: [['en', 1]] },
    { role: 'interpreter', count: 8, languages: [['ht;en', 4], ['es;en', 2], ['pt;en', 2]] },
    { role: 'general', count: 10, languages: [['en', 1]] },
  ], random);
  const applicants = buildApplicants({
    count: 250, // REPORTED: the day aimed to serve 250 (Dorchester Reporter)
    caseType: 'n400',
    // REPORTED: 76 of 242 applicants from Haiti (Haitian Creole assumed); the rest ASSUMED.
    languages: withEnglish([['ht', 76 / 242], ['en', 0.3], ['es', 0.2], ['pt', 0.06], ['zh', 0.045],
      ['vi', 0.045], ['ar', 1 - 76 / 242 - 0.3 - 0.2 - 0.06 - 0.045 - 0.045]]),
    flags: N400_FLAGS,
    complexity: N400_COMPLEXITY,
  }, random);
  days.push(writeBundle('boston-citizenship-day-2015', event, volunteers, applicants));
}

// 3. Boston Citizenship Day, Saturday 23 September 2017, Reggie Lewis Track Center.
{
  const random = rng(20170923);
  const event = {
    id: 'boston-citizenship-day-2017-09-23',
    name: 'Citizenship Day Boston 2017, Reggie Lewis Track Center (reconstruction)',
    date: '2017-09-23',
    timezone: 'America/New_York',
    opens: '10:00', // REPORTED: 10am-2pm (CBS Boston)
    closes: '14:00',
    slot_minutes: 5,
    site: {
      name: 'Reggie Lewis Track and Athletic Center',
      address: '1350 Tremont St, Boston, MA 02120',
      county: 'Suffolk',
      setting: 'urban',
    },
    host_orgs: ['Project Citizenship'],
    desks: { check_in: 6, final_check: 6 }, // ASSUMED
    simulation: {
      no_show_rate: 0, // ASSUMED: the rows are the 375 who were assisted; no-shows not reported
      walk_ins_per_hour: 0,
      service_time: 'lognormal',
      service_time_cv: 0.35,
      walk_in_mix: [],
    },
    planning: { fairness: 'none', seed: 1 },
  };
  const volunteers = buildVolunteers([
    // REPORTED: 312 volunteers (Sampan). ASSUMED split:
    { role: 'attorney', count: 70, languages: [['en', 80], ['en;es', 12], ['en;ht', 4], ['en;pt', 4]] },
    { role: 'law_student', count: 60, languages: [['en', 75], ['en;es', 15], ['en;zh', 5], ['en;vi', 5]] },
    { role: 'accredited_rep', count: 2, languages: [['en;es', 1]], accreditation: 'full', org: 'Project Citizenship' },
    { role: 'form_filler', count: 100, languages: [['en', 60], ['en;es', 20], ['en;ht', 10], ['en;pt', 5], ['en;zh', 5]] },
    { role: 'screener', count: 20, languages: [['en', 80], ['en;es', 20]] },
    { role: 'interpreter', count: 25, languages: [['es;en', 6], ['ht;en', 7], ['pt;en', 4], ['zh;en', 3], ['vi;en', 2], ['ar;en', 2], ['so;en', 1]] },
    { role: 'general', count: 35, languages: [['en', 1]] },
  ], random);
  const applicants = buildApplicants({
    count: 375, // REPORTED: 375 applicants assisted (Sampan)
    caseType: 'n400',
    // REPORTED: 65 countries; the language mix is ASSUMED.
    languages: withEnglish([['en', 30], ['es', 20], ['ht', 15], ['pt', 8], ['zh', 6], ['vi', 6], ['ar', 5], ['fr', 4],
      ['ru', 3], ['so', 3]]),
    flags: N400_FLAGS,
    complexity: N400_COMPLEXITY,
  }, random);
  days.push(writeBundle('boston-citizenship-day-2017', event, volunteers, applicants));
}

// 4. Miami mega workshop, Saturday 22 June 2013, Miami Dade College Wolfson Campus.
{
  const random = rng(20130622);
  const cls = 'Catholic Legal Services, Archdiocese of Miami';
  const event = {
    id: 'miami-mega-2013-06-22',
    name: 'Miami Citizenship Mega Workshop 2013, Miami Dade College (reconstruction)',
    date: '2013-06-22',
    timezone: 'America/New_York',
    opens: '10:00', // REPORTED (announced): 10 a.m. to 5 p.m. (Miami Herald)
    closes: '17:00',
    slot_minutes: 5,
    site: {
      name: 'Miami Dade College Wolfson Campus, Chapman Conference Center',
      address: '300 NE 2nd Ave, Miami, FL 33132',
      county: 'Miami-Dade',
      setting: 'urban',
    },
    host_orgs: [cls, 'New Americans Campaign'],
    desks: { check_in: 10, final_check: 10 }, // ASSUMED
    simulation: {
      no_show_rate: 0, // ASSUMED: the rows are the people reported in line
      walk_ins_per_hour: 0,
      service_time: 'lognormal',
      service_time_cv: 0.35,
      walk_in_mix: [],
    },
    planning: { fairness: 'none', seed: 1 },
  };
  // REPORTED: "more than two hundred volunteer lawyers, law students, and paralegals" (NAC); the
  // volunteers held signs "I speak English and Creole" / "I speak Spanish". Split ASSUMED.
  const miamiLangs = [['en;es', 60], ['en;ht', 15], ['en', 25]];
  const volunteers = buildVolunteers([
    { role: 'attorney', count: 110, languages: miamiLangs },
    { role: 'law_student', count: 50, languages: miamiLangs },
    { role: 'paralegal', count: 40, languages: miamiLangs },
  ], random);
  const applicants = buildApplicants({
    count: 1000, // REPORTED: about 1,000 people (NAC, Knight Foundation)
    caseType: 'n400',
    languages: [['es', 45], ['es;en', 20], ['ht', 10], ['ht;en', 5], ['ht;fr', 5], ['en', 15]], // ASSUMED
    flags: N400_FLAGS,
    complexity: N400_COMPLEXITY,
  }, random);
  days.push(writeBundle('miami-mega-2013', event, volunteers, applicants));
}

// 5. Miami mega event Fast Lane, Saturday 10 February 2018, MDC InterAmerican Campus.
{
  const random = rng(20180210);
  const cls = 'Catholic Legal Services, Archdiocese of Miami';
  const event = {
    id: 'miami-fast-lane-2018-02-10',
    name: 'Miami Mega Citizenship Event 2018, Fast Lane only (reconstruction)',
    date: '2018-02-10',
    timezone: 'America/New_York',
    opens: '09:00', // REPORTED (announced): 9 a.m. to 1 p.m. (El Sentinel / Sun-Sentinel)
    closes: '13:00',
    slot_minutes: 5,
    site: {
      name: 'Miami Dade College InterAmerican Campus, Building 6 breezeway',
      address: '627 SW 27th Ave, Miami, FL',
      county: 'Miami-Dade',
      setting: 'urban',
    },
    host_orgs: [cls, 'New Americans Campaign'],
    desks: { check_in: 1, final_check: 1 }, // ASSUMED: a separate Fast Lane registration table
    simulation: {
      no_show_rate: 0, // ASSUMED: the rows are the 50 who used the Fast Lane
      walk_ins_per_hour: 0,
      service_time: 'lognormal',
      service_time_cv: 0.35,
      walk_in_mix: [],
    },
    planning: { fairness: 'none', seed: 1 },
  };
  // ASSUMED: the Fast Lane's own staff is not reported.
  const volunteers = buildVolunteers([
    { role: 'attorney', count: 2, languages: [['en;es', 1]] },
    { role: 'accredited_rep', count: 2, languages: [['en;es', 1], ['en;ht', 1]], accreditation: 'full', org: cls },
    { role: 'form_filler', count: 4, languages: [['en;es', 3], ['en;ht', 1]] },
    { role: 'general', count: 2, languages: [['en;es', 1]] },
  ], random);
  const applicants = buildApplicants({
    count: 50, // REPORTED: "as many as 50 people" used the Fast Lane (NAC blog)
    caseType: 'n400',
    languages: [['es', 40], ['es;en', 30], ['ht;en', 10], ['en', 20]], // ASSUMED
    // ASSUMED: the Fast Lane skipped legal screening, so it is taken to have drawn no red flags.
    flags: [['', 1]],
    complexity: [['straightforward', 90], ['moderate', 10]],
  }, random);
  days.push(writeBundle('miami-fast-lane-2018', event, volunteers, applicants));
}

// 6. Catholic Migration Services workshop, Saturday 15 June 2013, P.S. 19, Corona, Queens.
{
  const random = rng(20130615);
  const cms = 'Catholic Migration Services';
  const event = {
    id: 'cms-corona-2013-06-15',
    name: 'CMS / New Americans Campaign Citizenship Workshop, P.S. 19 Corona (reconstruction)',
    date: '2013-06-15',
    timezone: 'America/New_York',
    opens: '10:00', // REPORTED: the workshop began at 10:00am (CMS)
    closes: '15:00', // ASSUMED: closing time not reported
    slot_minutes: 5,
    site: { name: 'P.S. 19, Corona, Queens', county: 'Queens', setting: 'urban' },
    host_orgs: [cms, 'NALEO Educational Fund', 'Make the Road New York', 'New Americans Campaign'],
    desks: { check_in: 2, final_check: 2 }, // ASSUMED
    simulation: {
      no_show_rate: 0, // ASSUMED: the rows are the people who attended
      walk_ins_per_hour: 0,
      service_time: 'lognormal',
      service_time_cv: 0.35,
      walk_in_mix: [],
    },
    planning: { fairness: 'none', seed: 1 },
  };
  const volunteers = buildVolunteers([
    // REPORTED: "more than 40 volunteers, immigration attorneys, and BIA-accredited
    // representatives"; 40 used. Split ASSUMED.
    { role: 'attorney', count: 10, languages: [['en;es', 5], ['en', 5]] },
    { role: 'accredited_rep', count: 4, languages: [['en;es', 1]], accreditation: 'full', org: cms },
    { role: 'form_filler', count: 18, languages: [['en;es', 10], ['en', 6], ['en;bn', 1], ['en;zh', 1]] },
    { role: 'interpreter', count: 3, languages: [['es;en', 1], ['bn;en', 1], ['zh;en', 1]] },
    { role: 'general', count: 5, languages: [['en;es', 1]] },
  ], random);
  const applicants = buildApplicants({
    count: 100, // REPORTED: "over 100" attended; 100 used
    caseType: 'n400',
    languages: [['es', 55], ['es;en', 15], ['en', 15], ['bn', 5], ['zh', 5], ['ne;en', 5]], // ASSUMED
    flags: N400_FLAGS,
    complexity: N400_COMPLEXITY,
  }, random);
  days.push(writeBundle('cms-corona-2013', event, volunteers, applicants));
}

// 7. CUNY Citizenship Now! event in Flushing, Queens, Saturday 27 July 2013.
{
  const random = rng(20130727);
  const cuny = 'CUNY Citizenship Now!';
  const event = {
    id: 'cuny-flushing-2013-07-27',
    name: 'CUNY Citizenship Now! Application Assistance Event, Flushing (reconstruction)',
    date: '2013-07-27',
    timezone: 'America/New_York',
    opens: '10:00', // ASSUMED: hours not reported
    closes: '14:00',
    slot_minutes: 5,
    site: { name: 'Flushing, Queens (venue not named in the report)', county: 'Queens', setting: 'urban' },
    host_orgs: [cuny],
    desks: { check_in: 2, final_check: 2 }, // ASSUMED
    simulation: {
      no_show_rate: 0, // ASSUMED: the rows are the 59 participants
      walk_ins_per_hour: 0,
      service_time: 'lognormal',
      service_time_cv: 0.35,
      walk_in_mix: [],
    },
    planning: { fairness: 'none', seed: 1 },
  };
  const volunteers = buildVolunteers([
    // REPORTED: 48 volunteers "and our CUNY Citizenship Now staff". ASSUMED: the 48 are
    // non-lawyer volunteers; 3 staff attorneys and 2 staff accredited reps are added for review.
    { role: 'form_filler', count: 34, languages: [['en', 14], ['en;zh', 12], ['en;ko', 4], ['en;es', 4]] },
    { role: 'screener', count: 4, languages: [['en', 2], ['en;zh', 2]] },
    { role: 'interpreter', count: 6, languages: [['zh;en', 4], ['ko;en', 2]] },
    { role: 'general', count: 4, languages: [['en', 2], ['en;zh', 2]] },
    { role: 'attorney', count: 3, languages: [['en', 2], ['en;es', 1]] },
    { role: 'accredited_rep', count: 2, languages: [['en;zh', 1], ['en', 1]], accreditation: 'full', org: cuny },
  ], random);
  const applicants = buildApplicants({
    count: 59, // REPORTED: 59 participants
    caseType: 'n400',
    languages: [['zh', 35], ['zh;en', 10], ['ko', 15], ['es', 15], ['en', 25]], // ASSUMED
    flags: N400_FLAGS,
    complexity: N400_COMPLEXITY,
  }, random);
  days.push(writeBundle('cuny-flushing-2013', event, volunteers, applicants));
}

for (const d of days) console.log(`${d.dir}: ${d.volunteers} volunteers, ${d.applicants} applicants`);
