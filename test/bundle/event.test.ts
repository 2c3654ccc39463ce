import t from 'tap';
import { DEFAULT_CASE_TYPES, floorMinutes } from '../../src/domain/index.js';
import { DAY_MINUTES_0900_1600, EVENT, applicant, bundleOf, event, read, where, whereSaying } from './builders.js';

const REQUIRED_FIELDS = ['id', 'name', 'date', 'timezone', 'opens', 'closes'] as const;
const DEFAULT_DESKS = { check_in: 2, final_check: 2 };
const NEW_CASE_TYPE = 'i912_fee_waiver';

t.test('reads a minimal event.json with every default filled in', async (t) => {
  const { event: ev } = bundleOf(read());
  t.same(ev, {
    ...EVENT, dayMinutes: DAY_MINUTES_0900_1600, slotMinutes: 5, floor: 'stations', site: { name: '' }, hostOrgs: [], desks: DEFAULT_DESKS,
    caseTypes: DEFAULT_CASE_TYPES,
    simulation: {
      noShowRate: 0.15, walkInsPerHour: 2, serviceTime: 'lognormal', serviceTimeCv: 0.35, walkInMix: [], overtimeMinutes: 0, walkInProfile: 'even',
    },
    planning: { fairness: 'none', selection: 'fair', finishProbability: 0.8, seed: 1 },
  });
});

t.test('reads every optional field of event.json', async (t) => {
  const { event: ev } = bundleOf(read({
    event: event({
      slot_minutes: 10,
      site: { name: 'St. Anthony Parish Hall', address: '5770 N Maroa Ave', county: 'Fresno', setting: 'urban' },
      host_orgs: [' Jakara Movement '],
      desks: { check_in: 3, final_check: 1 },
      simulation: { no_show_rate: 0.2, walk_ins_per_hour: 4, service_time: 'fixed', service_time_cv: 0 },
      planning: { fairness: 'proportional', selection: 'most', finish_probability: 0.5, seed: -7 },
    }),
  }));
  t.match(ev, {
    slotMinutes: 10,
    site: { name: 'St. Anthony Parish Hall', address: '5770 N Maroa Ave', county: 'Fresno', setting: 'urban' },
    hostOrgs: ['Jakara Movement'],
    desks: { check_in: 3, final_check: 1 },
    simulation: { noShowRate: 0.2, walkInsPerHour: 4, serviceTime: 'fixed', serviceTimeCv: 0 },
    planning: { fairness: 'proportional', selection: 'most', finishProbability: 0.5, seed: -7 },
  });
});

t.test('reads an event.json saved with a byte-order mark', async (t) => {
  const result = read({ event: `\uFEFF${JSON.stringify(EVENT)}` });
  t.equal(bundleOf(result).event.id, EVENT.id);
});

t.test('reports text that is not JSON at row 1', async (t) => {
  const result = read({ event: '{ "id": "fresno", ' });
  t.same(where(result.errors), ['event.json:1:-']);
  t.match(result.errors[0]?.message, /not valid JSON/);
  t.equal(result.bundle, null);
});

t.test('reports JSON that is not one object', async (t) => {
  const result = read({ event: '[]' });
  t.same(where(result.errors), ['event.json:1:-']);
  t.match(result.errors[0]?.message, /must hold one JSON object/);
});

t.test('reports an event.json whose bytes are not UTF-8', async (t) => {
  const result = read({ event: Buffer.from(JSON.stringify(event({ name: 'Clínica' })), 'latin1') });
  t.same(where(result.errors), ['event.json:1:-']);
  t.match(result.errors[0]?.message, /not UTF-8/);
});

for (const field of REQUIRED_FIELDS) {
  t.test(`reports a missing required ${field} under its field name`, async (t) => {
    const result = read({ event: event({ [field]: undefined }) });
    t.same(where(result.errors), [`event.json:1:${field}`]);
    t.match(result.errors[0]?.message, `"${field}" is required`);
    t.equal(result.bundle, null);
  });
}

t.test('reports a required field left blank as missing', async (t) => {
  const result = read({ event: event({ name: '  ' }) });
  t.same(where(result.errors), ['event.json:1:name']);
  t.match(result.errors[0]?.message, /"name" is required/);
});

t.test('reports a required field that is not text', async (t) => {
  const result = read({ event: event({ name: 42 }) });
  t.same(where(result.errors), ['event.json:1:name']);
  t.match(result.errors[0]?.message, /"name" must be text/);
});

t.test('reports an event id with characters that cannot go in a file name or link', async (t) => {
  const result = read({ event: event({ id: 'fresno 2027/03/13' }) });
  t.same(where(result.errors), ['event.json:1:id']);
  t.match(result.errors[0]?.message, /is not an event id/);
});

t.test('reports a date that does not exist on the calendar', async (t) => {
  const result = read({ event: event({ date: '2027-02-30' }) });
  t.same(where(result.errors), ['event.json:1:date']);
  t.match(result.errors[0]?.message, /"2027-02-30" is not a day on the calendar/);
});

t.test('reports a time zone that is not an IANA zone', async (t) => {
  const result = read({ event: event({ timezone: 'Pacific Time' }) });
  t.same(where(result.errors), ['event.json:1:timezone']);
  t.match(result.errors[0]?.message, /"Pacific Time" is not an IANA time zone/);
});

t.test('reports a zone abbreviation such as EST, which would be an hour off all summer', async (t) => {
  const result = read({ event: event({ timezone: 'EST' }) });
  t.same(where(result.errors), ['event.json:1:timezone']);
  t.match(result.errors[0]?.message, /abbreviations like PST or EST ignore daylight saving/);
});

t.test('keeps a zone written in other case or by an old name under its IANA name', async (t) => {
  t.equal(read({ event: event({ timezone: 'US/Pacific' }) }).bundle?.event.timezone, 'America/Los_Angeles');
});

t.test('reports an opening time that is not HH:MM', async (t) => {
  const result = read({ event: event({ opens: '9am' }) });
  t.same(where(result.errors), ['event.json:1:opens']);
  t.match(result.errors[0]?.message, /"9am" is not a time/);
});

t.test('reports an event that closes before it opens under closes', async (t) => {
  const result = read({ event: event({ opens: '16:00', closes: '09:00' }) });
  t.same(where(result.errors), ['event.json:1:closes']);
  t.match(result.errors[0]?.message, /closes \(09:00\) before it opens \(16:00\)/);
});

t.test('reports an event that closes the minute it opens', async (t) => {
  const result = read({ event: event({ opens: '09:00', closes: '09:00' }) });
  t.same(where(result.errors), ['event.json:1:closes']);
});

t.test('reads an event that closes at midnight, 24:00', async (t) => {
  const { event: ev } = bundleOf(read({ event: event({ opens: '18:00', closes: '24:00' }) }));
  t.equal(ev.dayMinutes, 360);
});

t.test('reports a slot length of 0 minutes', async (t) => {
  const result = read({ event: event({ slot_minutes: 0 }) });
  t.same(where(result.errors), ['event.json:1:slot_minutes']);
  t.match(result.errors[0]?.message, /must be at least 1, not 0/);
});

t.test('reports a slot length over an hour', async (t) => {
  const result = read({ event: event({ slot_minutes: 90 }) });
  t.same(where(result.errors), ['event.json:1:slot_minutes']);
  t.match(result.errors[0]?.message, /must be at most 60, not 90/);
});

t.test('reports 0 check-in desks under desks.check_in', async (t) => {
  const result = read({ event: event({ desks: { check_in: 0 } }) });
  t.same(where(result.errors), ['event.json:1:desks.check_in']);
  t.match(result.errors[0]?.message, /must be at least 1, not 0/);
  t.equal(result.bundle, null);
});

t.test('reports 1.5 check-in desks under desks.check_in', async (t) => {
  const result = read({ event: event({ desks: { check_in: 1.5 } }) });
  t.same(where(result.errors), ['event.json:1:desks.check_in']);
  t.match(result.errors[0]?.message, /"desks.check_in" must be a whole number, not 1.5/);
});

t.test('reports a desk count written as text', async (t) => {
  const result = read({ event: event({ desks: { final_check: '3' } }) });
  t.same(where(result.errors), ['event.json:1:desks.final_check']);
  t.match(result.errors[0]?.message, /must be a whole number, not "3"/);
});

t.test('keeps the default 2 for a desk left out', async (t) => {
  const { event: ev } = bundleOf(read({ event: event({ desks: { check_in: 4 } }) }));
  t.same(ev.desks, { check_in: 4, final_check: 2 });
});

t.test('reports desks that are not an object', async (t) => {
  const result = read({ event: event({ desks: 3 }) });
  t.same(where(result.errors), ['event.json:1:desks']);
  t.match(result.errors[0]?.message, /"desks" must be an object/);
});

t.test('warns about an unknown top-level field and still reads the event', async (t) => {
  const result = read({ event: event({ sponsor: 'County' }) });
  t.same(where(result.warnings), ['event.json:1:sponsor']);
  t.match(result.warnings[0]?.message, /unknown field "sponsor" is ignored/);
  t.same(result.errors, []);
  t.notOk('sponsor' in bundleOf(result).event);
});

t.test('warns about unknown nested fields under their paths', async (t) => {
  const result = read({
    event: event({
      site: { name: 'Hall', parking: true },
      desks: { intake: 1 },
      case_types: { n400: { interview: 30 } },
      simulation: { weather: 'rain' },
      planning: { solver: 'fast' },
    }),
  });
  t.same(where(result.warnings), [
    'event.json:1:site.parking', 'event.json:1:desks.intake', 'event.json:1:case_types.n400.interview',
    'event.json:1:simulation.weather', 'event.json:1:planning.solver',
  ]);
  t.same(result.errors, []);
});

t.test('reports a site field that is not text under its path', async (t) => {
  const result = read({ event: event({ site: { name: 'Hall', county: 19 } }) });
  t.same(where(result.errors), ['event.json:1:site.county']);
});

t.test('reports host organizations that are not a list', async (t) => {
  const result = read({ event: event({ host_orgs: 'Jakara Movement' }) });
  t.same(where(result.errors), ['event.json:1:host_orgs']);
  t.match(result.errors[0]?.message, /must be a list of organization names/);
});

t.test('reports a blank host organization at its index', async (t) => {
  const result = read({ event: event({ host_orgs: ['Jakara Movement', ' '] }) });
  t.same(where(result.errors), ['event.json:1:host_orgs.1']);
});

t.test('merges a case_types override with the default catalog', async (t) => {
  const { event: ev } = bundleOf(read({ event: event({ case_types: { n400: { preparation: 100 } } }) }));
  t.same(ev.caseTypes.n400, { ...DEFAULT_CASE_TYPES.n400, preparation: 100 });
  t.same(ev.caseTypes.daca_renewal, DEFAULT_CASE_TYPES.daca_renewal);
  t.same(Object.keys(ev.caseTypes), Object.keys(DEFAULT_CASE_TYPES));
});

t.test('gives a new case type 0 for the visit stations it omits and 5 and 10 for the desks', async (t) => {
  const { event: ev } = bundleOf(read({ event: event({ case_types: { [NEW_CASE_TYPE]: { screening: 10 } } }) }));
  t.same(ev.caseTypes[NEW_CASE_TYPE], { check_in: 5, screening: 10, preparation: 0, review: 0, final_check: 10 });
});

t.test('accepts applicants of a case type the event adds', async (t) => {
  const result = read({
    event: event({ case_types: { [NEW_CASE_TYPE]: { screening: 10, preparation: 20, review: 10 } } }),
    applicants: [applicant({ case_type: NEW_CASE_TYPE })],
  });
  t.equal(bundleOf(result).applicants[0]?.caseType, NEW_CASE_TYPE);
});

t.test('reports a case type code with capitals or dashes', async (t) => {
  const result = read({ event: event({ case_types: { 'I-912': { screening: 10 } } }) });
  t.same(where(result.errors), ['event.json:1:case_types.I-912']);
  t.match(result.errors[0]?.message, /"I-912" is not a case-type code/);
});

t.test('reports a case type entry that is not an object of minutes', async (t) => {
  const result = read({ event: event({ case_types: { n400: 100 } }) });
  t.same(where(result.errors), ['event.json:1:case_types.n400']);
  t.match(result.errors[0]?.message, /must be an object of minutes per station/);
});

t.test('reports a new case type with no minutes at any visit station', async (t) => {
  const result = read({ event: event({ case_types: { [NEW_CASE_TYPE]: { check_in: 5 } } }) });
  t.same(where(result.errors), [`event.json:1:case_types.${NEW_CASE_TYPE}`]);
  t.match(result.errors[0]?.message, /needs minutes at one station at least/);
});

t.test('reports negative station minutes under the station path', async (t) => {
  const result = read({ event: event({ case_types: { n400: { review: -5 } } }) });
  t.same(where(result.errors), ['event.json:1:case_types.n400.review']);
});

t.test('reports case_types that are not an object', async (t) => {
  const result = read({ event: event({ case_types: ['n400'] }) });
  t.same(where(result.errors), ['event.json:1:case_types']);
});

t.test('checks the CSV files against the event\'s own case types even when event.json has another error', async (t) => {
  const result = read({
    event: event({ closes: '08:00', case_types: { [NEW_CASE_TYPE]: { screening: 10 } } }),
    applicants: [applicant({ case_type: NEW_CASE_TYPE }), applicant({ id: 'A0002', case_type: 'passport' })],
  });
  t.same(where(result.errors), ['event.json:1:closes', 'applicants.csv:3:case_type']);
});

t.test('reports a no-show rate above 1', async (t) => {
  const result = read({ event: event({ simulation: { no_show_rate: 1.5 } }) });
  t.same(where(result.errors), ['event.json:1:simulation.no_show_rate']);
  t.match(result.errors[0]?.message, /must be between 0 and 1, not 1.5/);
});

t.test('reports a walk-in rate written as text', async (t) => {
  const result = read({ event: event({ simulation: { walk_ins_per_hour: 'two' } }) });
  t.same(where(result.errors), ['event.json:1:simulation.walk_ins_per_hour']);
  t.match(result.errors[0]?.message, /must be a number, not "two"/);
});

t.test('reports a service-time model that is not fixed, exponential or lognormal', async (t) => {
  const result = read({ event: event({ simulation: { service_time: 'normal' } }) });
  t.same(where(result.errors), ['event.json:1:simulation.service_time']);
  t.match(result.errors[0]?.message, /must be one of fixed, exponential, lognormal, not "normal"/);
});

t.test('reads overtime, the walk-in profile and the walk-in cut-off', async (t) => {
  const read1 = (simulation: Record<string, unknown>) => bundleOf(read({ event: event({ simulation }) })).event.simulation;
  t.match(read1({ overtime_minutes: 30, walk_in_profile: 'morning', walk_ins_until: '14:30' }),
    { overtimeMinutes: 30, walkInProfile: 'morning', walkInsUntil: '14:30' });
  t.same(read1({ walk_in_profile: [0, 2, 1.5] }).walkInProfile, [0, 2, 1.5]);
  t.equal(read1({ walk_in_profile: 'even', walk_ins_until: '16:00' }).walkInsUntil, '16:00', 'closing itself is within the day');
  t.equal(read1({ walk_in_profile: null }).walkInProfile, 'even');
  t.notOk('walkInsUntil' in read1({}), 'absent: Taller suggests one');
});

t.test('reports overtime that is not a whole number of minutes ≥ 0', async (t) => {
  for (const bad of [-5, 12.5, 'late']) {
    const result = read({ event: event({ simulation: { overtime_minutes: bad } }) });
    t.same(where(result.errors), ['event.json:1:simulation.overtime_minutes'], JSON.stringify(bad));
  }
});

t.test('reports a walk-in profile that is neither even, morning nor per-hour shares', async (t) => {
  for (const bad of ['evening', [], [1, -1], [1, 'x'], 3]) {
    const result = read({ event: event({ simulation: { walk_in_profile: bad } }) });
    t.same(where(result.errors), ['event.json:1:simulation.walk_in_profile'], JSON.stringify(bad));
  }
});

t.test('reports a walk-in cut-off that is not a time of the day', async (t) => {
  for (const bad of ['8:00', '16:30', 'noon', '25:00', 1400]) {
    const result = read({ event: event({ simulation: { walk_ins_until: bad } }) });
    t.same(where(result.errors), ['event.json:1:simulation.walk_ins_until'], JSON.stringify(bad));
  }
  const noOpening = read({ event: event({ opens: undefined, simulation: { walk_ins_until: '12:00' } }) });
  t.same(where(noOpening.errors), ['event.json:1:opens'], 'without an opening only the opening is reported');
});

t.test('reports a fairness mode that is not none or proportional', async (t) => {
  const result = read({ event: event({ planning: { fairness: 'equal' } }) });
  t.same(where(result.errors), ['event.json:1:planning.fairness']);
});

t.test('reads walk_in_mix languages given as a ;-separated string', async (t) => {
  const mix = [{ case_type: 'daca_renewal', languages: 'mix; ES', complexity: 'moderate', share: 0.25 }];
  const { event: ev } = bundleOf(read({ event: event({ simulation: { walk_in_mix: mix } }) }));
  t.same(ev.simulation.walkInMix, [{ caseType: 'daca_renewal', languages: ['mix', 'es'], complexity: 'moderate', share: 0.25 }]);
});

t.test('reads walk_in_mix languages given as an array', async (t) => {
  const mix = [{ case_type: 'tps', languages: ['MAM', 'es'] }];
  const { event: ev } = bundleOf(read({ event: event({ simulation: { walk_in_mix: mix } }) }));
  t.same(ev.simulation.walkInMix, [{ caseType: 'tps', languages: ['mam', 'es'], complexity: 'straightforward', share: 1 }]);
});

t.test('reports a walk_in_mix entry of a case type the event does not offer', async (t) => {
  const result = read({ event: event({ simulation: { walk_in_mix: [{ case_type: 'passport', languages: 'es' }] } }) });
  t.same(where(result.errors), ['event.json:1:simulation.walk_in_mix.0.case_type']);
  t.match(result.errors[0]?.message, /"passport" is not a case type of this event/);
});

t.test('reports a walk_in_mix entry without a case type', async (t) => {
  const result = read({ event: event({ simulation: { walk_in_mix: [{ languages: 'es' }] } }) });
  t.same(where(result.errors), ['event.json:1:simulation.walk_in_mix.0.case_type']);
  t.match(result.errors[0]?.message, /is required/);
});

t.test('reports malformed walk_in_mix languages under the entry\'s languages path', async (t) => {
  const mix = [{ case_type: 'tps', languages: 'es' }, { case_type: 'tps', languages: ['Español'] }];
  const result = read({ event: event({ simulation: { walk_in_mix: mix } }) });
  t.same(where(result.errors), ['event.json:1:simulation.walk_in_mix.1.languages']);
  t.match(result.errors[0]?.message, /"español" is not a language code/);
});

t.test('reports a walk_in_mix entry without languages', async (t) => {
  const result = read({ event: event({ simulation: { walk_in_mix: [{ case_type: 'tps', languages: 3 }] } }) });
  t.same(where(result.errors), ['event.json:1:simulation.walk_in_mix.0.languages']);
  t.match(result.errors[0]?.message, /at least one language code is required/);
});

t.test('warns about an uncatalogued walk_in_mix language and keeps it', async (t) => {
  const result = read({ event: event({ simulation: { walk_in_mix: [{ case_type: 'tps', languages: 'xyz' }] } }) });
  t.same(where(result.warnings), ['event.json:1:simulation.walk_in_mix.0.languages']);
  t.same(bundleOf(result).event.simulation.walkInMix[0]?.languages, ['xyz']);
});

t.test('reports a walk_in_mix that is not a list', async (t) => {
  const result = read({ event: event({ simulation: { walk_in_mix: { case_type: 'tps' } } }) });
  t.same(where(result.errors), ['event.json:1:simulation.walk_in_mix']);
});

t.test('reports a walk_in_mix entry that is not an object', async (t) => {
  const result = read({ event: event({ simulation: { walk_in_mix: ['tps'] } }) });
  t.same(where(result.errors), ['event.json:1:simulation.walk_in_mix.0']);
});

t.test('reports every problem of event.json at once', async (t) => {
  const result = read({ event: event({ date: '2027-13-01', timezone: 'Mars/Olympus', desks: { check_in: 0 } }) });
  t.same(where(result.errors), ['event.json:1:date', 'event.json:1:timezone', 'event.json:1:desks.check_in']);
  t.same(whereSaying(result.errors, /2027-13-01/), ['event.json:1:date']);
});

t.test('reads a site given without a name', async (t) => {
  const { event: ev } = bundleOf(read({ event: event({ site: { county: 'Madera', setting: 'rural' } }) }));
  t.same(ev.site, { name: '', county: 'Madera', setting: 'rural' });
});

t.test('floor: seated takes the default minutes of the seated floor', async (t) => {
  const { event: ev } = bundleOf(read({ event: event({ floor: 'seated' }) }));
  t.equal(ev.floor, 'seated');
  t.same(ev.caseTypes['daca_renewal'], floorMinutes('seated', DEFAULT_CASE_TYPES['daca_renewal']!));
});

t.test('floor: an event’s own minutes are taken as given on any floor', async (t) => {
  const { event: ev } = bundleOf(read({ event: event({ floor: 'fast_lane', case_types: { n400: { preparation: 25 } } }) }));
  t.same(ev.caseTypes['n400'], { ...floorMinutes('fast_lane', DEFAULT_CASE_TYPES['n400']!), preparation: 25 });
});

t.test('floor: a new case type on the seated floor has no final desk', async (t) => {
  const { event: ev } = bundleOf(read({ event: event({ floor: 'seated', case_types: { u_visa: { screening: 20, review: 30 } } }) }));
  t.equal(ev.caseTypes['u_visa']!.final_check, 0);
});

t.test('floor: an unknown layout is refused, naming the field and the choices', async (t) => {
  const found = read({ event: event({ floor: 'open_plan' }) });
  t.same(whereSaying(found.errors, /"floor" must be one of stations, seated, fast_lane, not "open_plan"/), ['event.json:1:floor']);
});

t.test('planning.selection: anything but fair or most is refused', async (t) => {
  const found = read({ event: event({ planning: { selection: 'cheapest' } }) });
  t.same(whereSaying(found.errors, /must be one of fair, most, not "cheapest"/), ['event.json:1:planning.selection']);
});

t.test('planning.finish_probability: must lie between 0 and 0.99', async (t) => {
  const found = read({ event: event({ planning: { finish_probability: 1.5 } }) });
  t.same(whereSaying(found.errors, /must be between 0 and 0.99, not 1.5/), ['event.json:1:planning.finish_probability']);
});

t.test('retention.purge_days_after: read as the number of days the personal data is kept after the event', async (t) => {
  const { event: ev } = bundleOf(read({ event: event({ retention: { purge_days_after: 30 } }) }));
  t.same(ev.retention, { purgeDaysAfter: 30 });
});

t.test('retention.purge_days_after: 0 purges right after the event day', async (t) => {
  const { event: ev } = bundleOf(read({ event: event({ retention: { purge_days_after: 0 } }) }));
  t.same(ev.retention, { purgeDaysAfter: 0 });
});

t.test('retention: without purge_days_after the event sets no rule', async (t) => {
  t.equal(bundleOf(read()).event.retention, undefined);
  t.equal(bundleOf(read({ event: event({ retention: {} }) })).event.retention, undefined);
});

t.test('retention.purge_days_after: a number of days below 0 is refused, naming the field', async (t) => {
  const found = read({ event: event({ retention: { purge_days_after: -1 } }) });
  t.same(whereSaying(found.errors, /"retention.purge_days_after" must be at least 0, not -1/), ['event.json:1:retention.purge_days_after']);
  t.equal(found.bundle, null);
});

t.test('retention.purge_days_after: anything but a whole number is refused, naming the field', async (t) => {
  const found = read({ event: event({ retention: { purge_days_after: '30 days' } }) });
  t.same(whereSaying(found.errors, /"retention.purge_days_after" must be a whole number, not "30 days"/), ['event.json:1:retention.purge_days_after']);
  const half = read({ event: event({ retention: { purge_days_after: 1.5 } }) });
  t.same(where(half.errors), ['event.json:1:retention.purge_days_after']);
});

t.test('retention: a field it does not know is warned about', async (t) => {
  const found = read({ event: event({ retention: { purge_after: 30 } }) });
  t.same(whereSaying(found.warnings, /unknown field "retention.purge_after"/), ['event.json:1:retention.purge_after']);
});

t.test('retention: anything but an object is refused', async (t) => {
  const found = read({ event: event({ retention: 30 }) });
  t.same(whereSaying(found.errors, /"retention" must be an object/), ['event.json:1:retention']);
});
