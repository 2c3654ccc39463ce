// The season calendar's findings from stored workshops: people asked past the monthly limit.
import t from 'tap';
import { saveBundle } from '../../src/db/events.js';
import type { Bundle } from '../../src/domain/index.js';
import { DEFAULT_SEASON_RULES } from '../../src/season/index.js';
import { seasonCalendar } from '../../src/services/season.js';
import { savePlan } from '../../src/db/plans.js';
import { plan } from '../../src/planner/index.js';
import { FRESNO, MADERA, sampleBundle, tempDatabase } from '../support/fixtures.js';

t.test('a volunteer on the rosters of more workshops in a month than the limit is listed with them, by roster code', async (t) => {
  const store = tempDatabase(t);
  const base = sampleBundle(FRESNO);
  for (const date of ['2027-06-05', '2027-06-12', '2027-06-19']) {
    const weekly: Bundle = {
      ...base, event: { ...base.event, id: `fresno-${date}`, date },
      volunteers: base.volunteers.map((v, i) => (i === 1 ? { ...v, email: 'busy@example.org' } : { ...v, email: undefined })),
    };
    saveBundle(store.db, weekly, 'test', null);
  }
  const calendar = seasonCalendar(store.db, undefined, new Date('2027-01-01'), { ...DEFAULT_SEASON_RULES, monthlyLimit: 2 });
  t.same(calendar.heavy, [{
    month: '2027-06', code: base.volunteers[1]!.id, limit: 2,
    events: ['2027-06-05', '2027-06-12', '2027-06-19'].map((d) => ({ id: `fresno-${d}`, name: base.event.name })),
  }]);
  t.same(seasonCalendar(store.db, undefined, new Date('2027-01-01')).heavy, [], 'within the default limit of four');
});

t.test('each planned workshop says who its latest version leaves out for want of people, by what they need', async (t) => {
  const store = tempDatabase(t);
  const bundle = sampleBundle(MADERA);
  const { eventId } = saveBundle(store.db, bundle, 'test', null);
  const planned = plan(bundle, { quick: true });
  savePlan(store.db, eventId, planned, { quick: true }, 'test');
  const [workshop] = seasonCalendar(store.db, undefined, new Date('2027-01-01')).months.flatMap((m) => m.workshops);
  const needs: Record<string, string> = { no_language_match: 'language', no_eligible_reviewer: 'reviewer', no_competent_volunteer: 'caseType', no_capacity: 'hands' };
  const expected = new Map<string, number>();
  for (const u of planned.unscheduled) {
    const need = needs[u.reason];
    if (!need) continue;
    const who = bundle.applicants.find((a) => a.id === u.applicant)!;
    const key = `${need}|${who.languages[0]}|${need === 'caseType' ? who.caseType : ''}`;
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  t.ok(expected.size > 0, 'the sample leaves people out for want of volunteers');
  t.same(new Map(workshop!.short.map((s) => [`${s.need}|${s.language}|${s.caseType}`, s.count])), expected);
  t.same(workshop!.short.map((s) => s.count), [...workshop!.short.map((s) => s.count)].sort((a, b) => b - a), 'most first');
});

t.test('a workshop not planned yet says nothing of its staffing', async (t) => {
  const store = tempDatabase(t);
  saveBundle(store.db, sampleBundle(FRESNO), 'test', null);
  const [workshop] = seasonCalendar(store.db, undefined, new Date('2027-01-01')).months.flatMap((m) => m.workshops);
  t.same(workshop!.short, []);
});
