// A season checked as one: who is the same person, when two bookings conflict (travel
// included), competing workshops, heavy months, and the season's summary.
import t from 'tap';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { Bundle, Volunteer, Window } from '../../src/domain/index.js';
import {
  DEFAULT_SEASON_RULES, bookingsOf, competingEvents, conflictLine, countyPair, overloads, personOf, seasonConflicts, seasonEventOf, seasonSummary, travelMinutes,
} from '../../src/season/index.js';
import type { SeasonEvent, SeasonRules } from '../../src/season/index.js';
import { FRESNO, sampleBundle } from '../support/fixtures.js';

const BASE = sampleBundle(FRESNO);
const ZONE = 'America/Los_Angeles';

interface Line { id: string; email?: string; available?: Window[] }
interface EventSpec { id: string; date: string; opens?: string; closes?: string; county?: string; site?: string; setting?: string; lines: Line[] }

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** A workshop of the season: the Fresno sample's event moved and re-staffed as the spec says. */
function workshop(spec: EventSpec): SeasonEvent {
  const opens = spec.opens ?? '09:00';
  const closes = spec.closes ?? '16:00';
  const start = DateTime.fromISO(`${spec.date}T${opens}`, { zone: ZONE });
  const dayMinutes = DateTime.fromISO(`${spec.date}T${closes}`, { zone: ZONE }).diff(start, 'minutes').minutes;
  const template = BASE.volunteers[0]!;
  const volunteers: Volunteer[] = spec.lines.map((l) => ({
    ...template, id: l.id, name: `Person ${l.id}`, email: l.email, available: l.available ?? [{ start: 0, end: dayMinutes }],
  }));
  const bundle: Bundle = {
    ...BASE,
    event: {
      ...BASE.event, id: spec.id, date: spec.date, timezone: ZONE, opens, closes, dayMinutes,
      site: { name: spec.site ?? `${spec.id} hall`, address: `${spec.id} street`, county: spec.county, setting: spec.setting },
    },
    volunteers,
  };
  return seasonEventOf(spec.id, bundle, new Map(spec.lines.map((l, i) => [l.id, i + 2])));
}

t.test('one person across workshops is their e-mail, in any letter case; a line without one is only itself', async (t) => {
  const a = workshop({ id: 'a', date: '2027-06-05', lines: [{ id: 'V1', email: ' Ana@Example.org ' }, { id: 'V2' }] });
  const b = workshop({ id: 'b', date: '2027-06-12', lines: [{ id: 'V9', email: 'ana@example.org' }, { id: 'V2' }] });
  t.equal(personOf(a, a.volunteers[0]!), personOf(b, b.volunteers[0]!));
  t.not(personOf(a, a.volunteers[1]!), personOf(b, b.volunteers[1]!), 'the same id at two workshops is not the same person');
});

t.test('two lines without an e-mail are one person when they hold the same stored record, a person confirmed as one', async (t) => {
  const a = workshop({ id: 'a', date: '2027-06-05', lines: [{ id: 'V1' }] });
  const b = workshop({ id: 'b', date: '2027-06-05', lines: [{ id: 'V7' }] });
  const same = (e: SeasonEvent, record: number) => ({ ...e, volunteers: e.volunteers.map((v) => ({ ...v, record })) });
  t.equal(personOf(a, same(a, 4).volunteers[0]!), personOf(b, same(b, 4).volunteers[0]!));
  t.not(personOf(a, same(a, 4).volunteers[0]!), personOf(b, same(b, 5).volunteers[0]!));
  t.equal(seasonConflicts([same(a, 4), same(b, 4)]).length, 1, 'booked at both on one day: a conflict');
});

t.test('travel: none at the same site, the county default within a county, a set pair either way, else between counties', async (t) => {
  const rules: SeasonRules = { ...DEFAULT_SEASON_RULES, pairs: new Map([[countyPair('Merced', 'fresno'), 75]]) };
  const site = (name: string, county?: string) => ({ name, address: `${name} st`, county });
  t.equal(travelMinutes(site('Hall', 'Fresno'), site('hall', 'Fresno'), rules), 0);
  t.equal(travelMinutes(site('Hall', 'Fresno'), site('Church', 'FRESNO'), rules), 60);
  t.equal(travelMinutes(site('Hall', 'Fresno'), site('Church', 'Merced'), rules), 75);
  t.equal(travelMinutes(site('Hall', 'Merced'), site('Church', 'Fresno'), rules), 75);
  t.equal(travelMinutes(site('Hall', 'Fresno'), site('Church', 'Madera'), rules), 120);
  t.equal(travelMinutes(site('Hall'), site('Church', 'Madera'), rules), 120, 'a site with no county is treated as another county');
  t.equal(travelMinutes({ name: 'Hall' }, { name: 'HALL' }, rules), 0, 'two sites of one name and no address are one');
});

t.test('a booking is the offered hours within the workshop’s hours; one wholly outside them books nothing', async (t) => {
  const e = workshop({ id: 'a', date: '2027-06-05', lines: [
    { id: 'V1', email: 'x@example.org', available: [{ start: -60, end: 60 }, { start: 300, end: 600 }] },
    { id: 'V2', email: 'y@example.org', available: [{ start: 500, end: 600 }] },
  ] });
  const [one, ...rest] = bookingsOf([e]);
  t.equal(rest.length, 0, 'V2 offered only hours after closing');
  const opening = DateTime.fromISO('2027-06-05T09:00', { zone: ZONE }).toMillis();
  t.same([one!.start, one!.end], [opening, opening + 420 * 60_000], 'from opening to closing (7 hours)');
});

t.test('conflicts: overlapping hours, and a gap shorter than the travel; a long enough gap or another day is none', async (t) => {
  const merced = workshop({ id: 'merced', date: '2027-06-05', county: 'Merced', lines: [
    { id: 'V1', email: 'a@example.org' },
    { id: 'V2', email: 'b@example.org', available: [{ start: 0, end: 120 }] },
    { id: 'V3', email: 'c@example.org', available: [{ start: 0, end: 60 }] },
    { id: 'V4', email: 'd@example.org' },
  ] });
  const fresno = workshop({ id: 'fresno', date: '2027-06-05', county: 'Fresno', lines: [
    { id: 'W1', email: 'a@example.org', available: [{ start: 300, end: 420 }] },
    { id: 'W2', email: 'b@example.org', available: [{ start: 210, end: 420 }] },
    { id: 'W3', email: 'c@example.org', available: [{ start: 180, end: 420 }] },
  ] });
  const later = workshop({ id: 'later', date: '2027-06-12', county: 'Fresno', lines: [{ id: 'X4', email: 'd@example.org' }] });
  const found = seasonConflicts([merced, fresno, later]).map((c) => [c.first.volunteer.id, c.second.volunteer.id, c.gap, c.travel]);
  t.same(found, [['V1', 'W1', -120, 120], ['V2', 'W2', 90, 120]], 'V3 and W3 are 120 minutes apart, just enough; V4 works another day');
});

t.test('a conflict is said at the later workshop’s roster line, naming both workshops, their hours and why', async (t) => {
  const a = workshop({ id: 'fresno-a', date: '2027-06-05', county: 'Fresno', lines: [{ id: 'V1', email: 'ana@example.org', available: [{ start: 0, end: 180 }] }] });
  const b = workshop({ id: 'madera-b', date: '2027-06-05', county: 'Madera', lines: [{ id: 'V7' }, { id: 'V9', email: 'ana@example.org', available: [{ start: 240, end: 420 }] }] });
  const c = workshop({ id: 'hall-c', date: '2027-06-05', lines: [{ id: 'V3', email: 'ana@example.org', available: [{ start: 181, end: 200 }] }] });
  const season = [a, b, c];
  const said = seasonConflicts(season).map((x) => conflictLine(season, x, (event, volunteer) => `at ${season[event]!.source}:${volunteer}`));
  t.same(said, [
    { event: 1, row: 3, message: 'V9 is booked at madera-b (Madera County, 2027-06-05 13:00-16:00) and, by the same e-mail as V1 at fresno-a:V1, at fresno-a (Fresno County, 2027-06-05 09:00-12:00): 60 minutes apart, and the travel between the sites takes 120' },
    { event: 2, row: 2, message: 'V3 is booked at hall-c (2027-06-05 12:01-12:20) and, by the same e-mail as V1 at fresno-a:V1, at fresno-a (Fresno County, 2027-06-05 09:00-12:00): 1 minute apart, and the travel between the sites takes 120' },
    { event: 2, row: 2, message: 'V3 is booked at hall-c (2027-06-05 12:01-12:20) and, by the same e-mail as V9 at madera-b:V9, at madera-b (Madera County, 2027-06-05 13:00-16:00): 40 minutes apart, and the travel between the sites takes 120' },
  ]);
  const overlap = [a, workshop({ id: 'x', date: '2027-06-05', county: 'Fresno', lines: [{ id: 'V2', email: 'ana@example.org' }] })];
  overlap[1] = { ...overlap[1]!, rows: new Map() };
  t.same(seasonConflicts(overlap).map((x) => conflictLine(overlap, x, () => 'on a roster already stored')), [
    { event: 1, row: 1, message: 'V2 is booked at x (Fresno County, 2027-06-05 09:00-16:00) and, by the same e-mail as V1 on a roster already stored, at fresno-a (Fresno County, 2027-06-05 09:00-12:00): the two overlap' },
  ], 'a line whose row is unknown is said at row 1');
});

t.test('competing workshops: the same day and county, and only those', async (t) => {
  const found = competingEvents([
    workshop({ id: 'a', date: '2027-06-05', county: 'Merced', lines: [] }),
    workshop({ id: 'b', date: '2027-06-05', county: 'Fresno', lines: [] }),
    workshop({ id: 'c', date: '2027-06-05', county: 'merced', lines: [] }),
    workshop({ id: 'd', date: '2027-06-06', county: 'Merced', lines: [] }),
    workshop({ id: 'e', date: '2027-06-05', lines: [] }),
  ]);
  t.same(found, [{ date: '2027-06-05', county: 'Merced', events: [0, 2] }]);
});

t.test('a person past the monthly limit is found with their bookings of that month, and only then', async (t) => {
  const weeks = ['2027-06-05', '2027-06-12', '2027-06-19', '2027-07-03'].map((date, i) =>
    workshop({ id: `w${i}`, date, lines: [{ id: 'V1', email: 'busy@example.org' }, { id: 'V2', email: `once${i}@example.org` }, { id: 'V3' }] }));
  const found = overloads(weeks, { ...DEFAULT_SEASON_RULES, monthlyLimit: 2 });
  t.same(found.map((o) => [o.person, o.month, o.bookings.map((b) => b.event)]), [['email:busy@example.org', '2027-06', [0, 1, 2]]]);
  t.same(overloads(weeks), [], 'within the default limit');
});

t.test('the summary counts workshops, applicants and people by month and county', async (t) => {
  const s = seasonSummary([
    workshop({ id: 'a', date: '2027-06-05', county: 'Merced', setting: 'urban', lines: [{ id: 'V1', email: 'a@example.org' }, { id: 'V2' }] }),
    workshop({ id: 'b', date: '2027-06-19', county: 'Merced', lines: [{ id: 'V1', email: 'A@example.org' }] }),
    workshop({ id: 'c', date: '2027-05-01', lines: [{ id: 'V7', email: 'c@example.org' }] }),
    workshop({ id: 'd', date: '2027-05-08', county: 'Madera', lines: [] }),
    workshop({ id: 'e', date: '2027-05-15', county: 'Madera', setting: 'rural', lines: [] }),
  ]);
  const applicants = BASE.applicants.length;
  t.same({ ...s, months: undefined, counties: undefined }, {
    workshops: 5, first: '2027-05-01', last: '2027-06-19', applicants: 5 * applicants,
    volunteerLines: 4, people: 3, withoutEmail: 1, shared: 1, months: undefined, counties: undefined,
  });
  t.same(s.months, [
    { month: '2027-05', workshops: 3, applicants: 3 * applicants, volunteerLines: 1 },
    { month: '2027-06', workshops: 2, applicants: 2 * applicants, volunteerLines: 3 },
  ]);
  t.same(s.counties, [
    { county: 'Madera', setting: 'rural', workshops: 2, applicants: 2 * applicants },
    { county: 'Merced', setting: 'urban', workshops: 2, applicants: 2 * applicants },
    { county: '(no county)', setting: '', workshops: 1, applicants },
  ]);
  t.same(seasonSummary([]).first, null, 'an empty season has no dates');
});

/**
 * The rule said another way, minute by minute: two lines of one person conflict when some
 * minute the later-starting one is booked falls before the earlier one's end plus the travel.
 */
function conflictsByMinutes(events: SeasonEvent[], rules: SeasonRules): string[] {
  const spans = events.flatMap((e, index) => {
    const opening = DateTime.fromISO(`${e.event.date}T${e.event.opens}`, { zone: ZONE }).toMillis() / 60_000;
    return e.volunteers.flatMap((v) => {
      const minutes = new Set<number>();
      for (const w of v.available) for (let m = Math.max(0, w.start); m < Math.min(e.event.dayMinutes, w.end); m++) minutes.add(m);
      if (minutes.size === 0 || !v.email) return [];
      return [{ index, id: v.id, email: v.email.toLowerCase(), from: opening + Math.min(...minutes), to: opening + Math.max(...minutes) + 1 }];
    });
  });
  const found: string[] = [];
  for (const a of spans) {
    for (const b of spans) {
      if (a.email !== b.email || a.index === b.index || a.from > b.from || (a.from === b.from && a.index > b.index)) continue;
      const travel = travelMinutes(events[a.index]!.event.site, events[b.index]!.event.site, rules);
      let clash = false;
      for (let m = b.from; m < b.to && !clash; m++) clash = m < a.to + travel;
      if (clash) found.push(`${a.index}:${a.id}|${b.index}:${b.id}`);
    }
  }
  return found.sort();
}

t.test('across generated seasons, the conflicts found are exactly the double bookings, travel included', async (t) => {
  const line = fc.record({
    email: fc.option(fc.constantFrom('a@x.org', 'b@x.org', 'c@x.org', 'd@x.org'), { nil: undefined }),
    windows: fc.array(fc.tuple(fc.integer({ min: -60, max: 480 }), fc.integer({ min: 5, max: 300 })), { minLength: 1, maxLength: 2 }),
  });
  const event = fc.record({
    date: fc.constantFrom('2027-03-13', '2027-03-14', '2027-06-05'),
    opens: fc.constantFrom('08:00', '09:00', '10:30'),
    county: fc.constantFrom('Merced', 'Fresno', 'Madera'),
    site: fc.constantFrom('Hall', 'Church'),
    lines: fc.array(line, { maxLength: 5 }),
  });
  const rules = fc.record({
    sameCountyMinutes: fc.integer({ min: 0, max: 120 }),
    otherCountyMinutes: fc.integer({ min: 0, max: 240 }),
    monthlyLimit: fc.constant(4),
    pairs: fc.constant(new Map([[countyPair('Merced', 'Fresno'), 50]])),
  });
  fc.assert(fc.property(fc.array(event, { minLength: 2, maxLength: 5 }), rules, (specs, r) => {
    const events = specs.map((s, i) => workshop({
      id: `e${i}`, date: s.date, opens: s.opens, closes: `${String(minutesOf(s.opens) / 60 + 6 | 0).padStart(2, '0')}:${s.opens.slice(3)}`,
      county: s.county, site: s.site,
      lines: s.lines.map((l, j) => ({ id: `V${j}`, email: l.email, available: l.windows.map(([start, length]) => ({ start, end: start + length })) })),
    }));
    // The site's name and county make it: two "Hall"s in one county are the same site.
    for (const e of events) e.event.site.address = `${e.event.site.name} of ${e.event.site.county}`;
    const found = seasonConflicts(events, r).map((c) => `${c.first.event}:${c.first.volunteer.id}|${c.second.event}:${c.second.volunteer.id}`).sort();
    t.same(found, conflictsByMinutes(events, r));
    return true;
  }), { seed: 20271203, numRuns: 300 });
});
