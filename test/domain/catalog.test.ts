import t from 'tap';
import { caseTypeName, DEFAULT_CASE_TYPES, DEFAULT_DESK_MINUTES, floorMinutes } from '../../src/domain/index.js';
import type { StationMinutes } from '../../src/domain/index.js';

/** Case types and default minutes: screening, preparation, review. */
const DOMAIN_TABLE: Record<string, [number, number, number]> = {
  daca_renewal: [10, 30, 15],
  daca_initial: [15, 45, 20],
  n400: [15, 60, 20],
  labor_deferred_action: [15, 40, 20],
  tps: [10, 30, 15],
  ead_renewal: [5, 20, 10],
  advance_parole: [10, 30, 15],
  i90: [5, 20, 10],
  family_petition: [15, 40, 20],
  consultation: [10, 0, 20],
};
/** "Check-in takes 5 minutes and final check 10, for every case type." */
const CHECK_IN = 5;
const FINAL_CHECK = 10;

t.test('the default minutes are the README’s table, with 5-minute check-in and 10-minute final check', async (t) => {
  const expected: Record<string, StationMinutes> = Object.fromEntries(
    Object.entries(DOMAIN_TABLE).map(([code, [screening, preparation, review]]) => [
      code, { check_in: CHECK_IN, screening, preparation, review, final_check: FINAL_CHECK },
    ]),
  );
  t.same(DEFAULT_CASE_TYPES, expected);
});

t.test('the default desk minutes are 5 for check-in and 10 for final check', async (t) => {
  t.same(DEFAULT_DESK_MINUTES, { check_in: CHECK_IN, final_check: FINAL_CHECK });
});

t.test('the default catalog cannot be changed by accident', async (t) => {
  t.equal(Object.isFrozen(DEFAULT_CASE_TYPES), true);
});

t.test('names a DACA renewal "DACA renewal" in English', async (t) => {
  t.equal(caseTypeName('daca_renewal'), 'DACA renewal');
});

t.test('names a DACA renewal "Renovación de DACA" in Spanish', async (t) => {
  t.equal(caseTypeName('daca_renewal', 'es'), 'Renovación de DACA');
});

t.test('names N-400 as naturalization and I-90 as green card renewal', async (t) => {
  t.match(caseTypeName('n400'), /naturalization/i);
  t.match(caseTypeName('i90'), /green card renewal/i);
});

t.test('gives every default case type a name in English and Spanish, never its bare code', async (t) => {
  for (const code of Object.keys(DOMAIN_TABLE)) {
    for (const lang of ['en', 'es'] as const) {
      const name = caseTypeName(code, lang);
      t.not(name, code.replace(/_/g, ' '), `${code} in ${lang}`);
      t.ok(name.length > 0, `${code} in ${lang}`);
    }
  }
});

t.test("names an event's own case type by its code with underscores as spaces", async (t) => {
  t.equal(caseTypeName('u_visa_certification'), 'u visa certification');
});

t.test("names an event's own case type the same way in Spanish", async (t) => {
  t.equal(caseTypeName('u_visa_certification', 'es'), 'u visa certification');
});

t.test('every role and every station has a name people read', async (t) => {
  const { ROLES, STATIONS, ROLE_NAMES, STATION_NAMES } = await import('../../src/domain/index.js');
  for (const role of ROLES) t.match(ROLE_NAMES[role], /^[A-Z][A-Za-z -]+$/, role);
  for (const station of STATIONS) t.match(STATION_NAMES[station], /^[A-Z][a-z -]+$/, station);
  t.equal(ROLE_NAMES.accredited_rep, 'DOJ-accredited representative');
  t.equal(STATION_NAMES.final_check, 'Final check');
});

t.test('a DACA renewal with one attorney fits two clients in two hours, as renewal clinics pair them', async (t) => {
  const m = DEFAULT_CASE_TYPES['daca_renewal']!;
  t.ok(m.screening + m.preparation + m.review <= 60);
});

t.test('a DACA initial review takes at most the 22 attorney-minutes Navy Pier’s 60 attorneys had per full service', async (t) => {
  t.ok(DEFAULT_CASE_TYPES['daca_initial']!.review <= 22);
});

t.test('the seated floor closes the packet at the reviewer’s table: 5 minutes more at review, no final desk', async (t) => {
  t.same(floorMinutes('seated', DEFAULT_CASE_TYPES['n400']!), { check_in: 5, screening: 15, preparation: 60, review: 25, final_check: 0 });
});

t.test('the fast lane skips screening, checks the filled form in a sixth of the time and reviews in half', async (t) => {
  t.same(floorMinutes('fast_lane', DEFAULT_CASE_TYPES['n400']!), { check_in: 5, screening: 0, preparation: 10, review: 10, final_check: 5 });
});

t.test('a fast-lane naturalization takes 30 minutes at the stations, near the 20–25 minutes Miami’s fast lane averaged', async (t) => {
  const m = floorMinutes('fast_lane', DEFAULT_CASE_TYPES['n400']!);
  t.equal(m.check_in + m.screening + m.preparation + m.review + m.final_check, 30);
});

t.test('the fast lane keeps a consultation as it is: it has no form to fill', async (t) => {
  t.same(floorMinutes('fast_lane', DEFAULT_CASE_TYPES['consultation']!), DEFAULT_CASE_TYPES['consultation']);
});

t.test('the station floor keeps the minutes as they are', async (t) => {
  t.same(floorMinutes('stations', DEFAULT_CASE_TYPES['tps']!), DEFAULT_CASE_TYPES['tps']);
});
