// The event form's rules and the home page's lists, without a server: the form is read by the
// bundle reader's own rules, each problem lands on its field, and lists split by each site's day.
import t from 'tap';
import { readEvent } from '../../src/bundle/event.js';
import { ProblemList } from '../../src/bundle/index.js';
import type { EventListing } from '../../src/db/events.js';
import {
  formOf, matchesSearch, newEventForm, readEventForm, splitByDay, suggestEventId,
} from '../../src/services/events.js';
import type { EventForm } from '../../src/services/events.js';
import { FRESNO, MERCED, sampleBundle } from '../support/fixtures.js';

/** A new event's form, filled enough to be an event, with some fields replaced. */
const filled = (changes: EventForm = {}): EventForm => ({
  ...newEventForm(null), name: 'Taller de ciudadanía', id: 'taller-2027-03-14', date: '2027-03-14', timezone: 'America/Los_Angeles', ...changes,
});

const problemsOf = (form: EventForm) => readEventForm(form).problems.map((p) => [p.field, p.message]);

const listing = (changes: Partial<EventListing>): EventListing => ({
  id: 'e', name: 'Workshop', date: '2027-05-22', timezone: 'America/Los_Angeles', opens: '09:00', closes: '16:00',
  site: null, county: null, volunteers: 0, applicants: 0, ...changes,
});

t.test('a filled new-event form reads as an event with the catalog defaults', async (t) => {
  const { event, problems } = readEventForm(filled());
  t.same(problems, []);
  t.equal(event?.slotMinutes, 5);
  t.same(event?.desks, { check_in: 2, final_check: 2 });
  t.same(event?.caseTypes.n400, { check_in: 5, screening: 15, preparation: 60, review: 20, final_check: 10 });
});

t.test('a time zone that is not an IANA zone is refused at the time zone field', async (t) => {
  t.match(problemsOf(filled({ timezone: 'PST' })), [['timezone', /"PST" is not an IANA time zone/]]);
});

t.test('closing before opening is refused at the closing time', async (t) => {
  t.match(problemsOf(filled({ opens: '14:00', closes: '09:00' })), [['closes', 'the event closes (09:00) before it opens (14:00)']]);
});

t.test('negative minutes are refused at that case type and station', async (t) => {
  t.match(problemsOf(filled({ 'case_types.n400.preparation': '-5' })), [['case_types.n400.preparation', /must be at least 0, not -5/]]);
});

t.test('text in a number field is refused at that field, quoting what was typed', async (t) => {
  t.match(problemsOf(filled({ 'desks.check_in': 'three' })), [['desks.check_in', /must be a whole number, not "three"/]]);
});

t.test('a decimal comma is read as a decimal point', async (t) => {
  t.equal(readEventForm(filled({ 'simulation.no_show_rate': '0,2' })).event?.simulation.noShowRate, 0.2);
});

t.test('a case type with no minutes at any visit station is refused at its screening minutes', async (t) => {
  const form = filled({ 'case_types.tps.screening': '0', 'case_types.tps.preparation': '0', 'case_types.tps.review': '0' });
  t.match(problemsOf(form), [['case_types.tps.screening', /needs minutes at one station at least/]]);
});

t.test('a walk-in mix line naming an unknown case type is refused at the walk-in mix, naming its line', async (t) => {
  const { problems } = readEventForm(filled({ 'simulation.walk_in_mix': 'n400, es, straightforward, 1\nmystery, es' }));
  t.match(problems, [{ field: 'simulation.walk_in_mix', column: 'simulation.walk_in_mix.1.case_type', message: '"mystery" is not a case type of this event' }]);
});

t.test('a walk-in mix line of more than four parts is refused, saying what a line holds', async (t) => {
  t.match(problemsOf(filled({ 'simulation.walk_in_mix': 'n400, es, straightforward, 1, extra' })), [['simulation.walk_in_mix', /line 1 has more than four parts/]]);
});

t.test('an empty form names every required field, each at its own place', async (t) => {
  const fields = problemsOf({ ...newEventForm(null), opens: '', closes: '' }).map(([field]) => field);
  t.same(fields, ['id', 'name', 'date', 'timezone', 'opens', 'closes']);
});

t.test('on the day clocks spring forward, the hours stay as the site’s clock reads them and the day is an hour shorter', async (t) => {
  // 2027-03-14 in Los Angeles: 02:00 does not exist; 01:00 to 05:00 on the wall is three hours.
  const { event } = readEventForm(filled({ opens: '01:00', closes: '05:00' }));
  t.equal(event?.opens, '01:00');
  t.equal(event?.closes, '05:00');
  t.equal(event?.dayMinutes, 180);
});

t.test('a stored event’s form reads back as the same event', async (t) => {
  for (const sample of [FRESNO, MERCED]) {
    const { event } = sampleBundle(sample);
    t.same(readEventForm(formOf(event)).event, event, sample);
  }
});

t.test('every setting event.json holds survives the form: walk-ins, overtime, retention, floor, planning', async (t) => {
  const json = {
    id: 'madera-2027-09-18', name: 'Clínica', date: '2027-09-18', timezone: 'America/Los_Angeles', opens: '08:00', closes: '15:00',
    slot_minutes: 10, floor: 'seated', site: { name: 'Hall B', county: 'Madera', setting: 'rural' }, host_orgs: ['A', 'B'],
    desks: { check_in: 4, final_check: 1 }, case_types: { i912_fee_waiver: { screening: 10, preparation: 20, review: 10 } },
    simulation: {
      no_show_rate: 0.2, walk_ins_per_hour: 3.5, service_time: 'fixed', service_time_cv: 0.5, overtime_minutes: 30,
      walk_ins_until: '13:00', walk_in_profile: [0.4, 0.3, 0.2, 0.1],
      walk_in_mix: [{ case_type: 'n400', languages: ['es', 'en'], complexity: 'moderate', share: 0.75 }, { case_type: 'tps', languages: ['ht'], share: 0.25 }],
    },
    planning: { fairness: 'proportional', selection: 'most', finish_probability: 0.9, seed: 7 },
    retention: { purge_days_after: 30 },
  };
  const event = readEvent(Buffer.from(JSON.stringify(json)), new ProblemList()).event!;
  t.ok(event);
  t.same(readEventForm(formOf(event)).event, event);
});

t.test('an id is suggested from the name and the date, without accents or signs', async (t) => {
  t.equal(suggestEventId('DACA & Citizenship Saturday — Fresno', '2027-03-13'), 'daca-citizenship-saturday-fresno-2027-03-13');
  t.equal(suggestEventId('Clínica de Acción Diferida', '2027-03-27'), 'clinica-de-accion-diferida-2027-03-27');
  t.equal(suggestEventId('Fresno 2027-03-13', '2027-03-13'), 'fresno-2027-03-13', 'a date the name ends with is not written twice');
  t.equal(suggestEventId('Fresno', ''), undefined, 'no date, no suggestion');
  t.equal(suggestEventId('中文', '2027-03-13'), undefined, 'a name with no Latin letters or digits gives none');
});

t.test('search finds accented names, sites and counties when typed without accents, in any case', async (t) => {
  const clinic = listing({ name: 'Clínica de José Pérez', site: 'Salón Núñez', county: 'Doña Ana', id: 'jp-2027' });
  for (const query of ['jose', 'JOSÉ', 'perez clinica', 'nunez', 'dona ana', 'JP-2027', '']) t.ok(matchesSearch(clinic, query), query);
  for (const query of ['josefina', 'fresno', 'jose fresno']) t.notOk(matchesSearch(clinic, query), query);
});

t.test('an event counts as upcoming until its date is over at its own site', async (t) => {
  // 2027-05-22 at 10:00 UTC: already May 23 at Kiritimati (UTC+14), still May 21 at Pago Pago (UTC−11).
  const now = new Date('2027-05-22T10:00:00Z');
  const { upcoming, past } = splitByDay([
    listing({ id: 'kiritimati', date: '2027-05-22', timezone: 'Pacific/Kiritimati' }),
    listing({ id: 'pago-pago', date: '2027-05-21', timezone: 'Pacific/Pago_Pago' }),
  ], now);
  t.same(upcoming.map((e) => e.id), ['pago-pago']);
  t.same(past.map((e) => e.id), ['kiritimati']);
});

t.test('upcoming events come soonest first and past ones most recent first', async (t) => {
  const now = new Date('2027-05-22T18:00:00Z');
  const { upcoming, past } = splitByDay(['2027-04-01', '2027-06-30', '2027-05-22', '2026-12-05', '2027-05-23']
    .map((date) => listing({ id: date, date })), now);
  t.same(upcoming.map((e) => e.date), ['2027-05-22', '2027-05-23', '2027-06-30']);
  t.same(past.map((e) => e.date), ['2027-04-01', '2026-12-05']);
});
