// The waitlist's matcher: who is offered which later workshop, in what order, and why someone
// is offered none.
import t from 'tap';
import fc from 'fast-check';
import { coverage, covers, matchWaitlist, openPlaces, waitlistOrder } from '../../src/season/waitlist.js';
import type { WaitingPerson, WaitlistWorkshop } from '../../src/season/waitlist.js';

const TODAY = '2027-03-01';

const workshop = (over: Partial<WaitlistWorkshop> & { id: string; date: string }): WaitlistWorkshop =>
  ({ county: 'Fresno', covers: { daca: ['en', 'es'] }, places: 5, ...over });
const person = (over: Partial<WaitingPerson> & { id: string }): WaitingPerson =>
  ({ languages: ['es'], caseType: 'daca', county: 'Fresno', since: '2027-01-10T10:00:00Z', ...over });

t.test('every waiting person gets an offer that fits them, or a reason, and no workshop is over-offered', async (t) => {
  const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2027, 1, 15 + n)).toISOString().slice(0, 10));
  const langs = fc.subarray(['en', 'es', 'mix', 'vi'], { minLength: 1 });
  const types = ['daca', 'naturalization', 'tps'];
  const county = fc.constantFrom('Fresno', 'Tulare', 'Kern', undefined);
  const workshops = fc.uniqueArray(fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    date: day,
    county,
    covers: fc.dictionary(fc.constantFrom(...types), langs, { maxKeys: 3 }),
    places: fc.integer({ min: 0, max: 3 }),
  }, { requiredKeys: ['id', 'date', 'covers', 'places'] }), { selector: (w) => w.id, maxLength: 8 });
  const people = fc.uniqueArray(fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    languages: langs,
    caseType: fc.constantFrom(...types),
    county,
    deadline: day,
    since: fc.integer({ min: 0, max: 90 }).map((n) => new Date(Date.UTC(2026, 11, 1 + n)).toISOString()),
    after: day,
  }, { requiredKeys: ['id', 'languages', 'caseType', 'since'] }), { selector: (p) => p.id, maxLength: 20 });

  fc.assert(fc.property(workshops, people, (ws, ps) => {
    const matches = matchWaitlist(ws, ps, TODAY);
    t.equal(matches.length, ps.length);
    t.same(new Set(matches.map((m) => m.person)), new Set(ps.map((p) => p.id)));
    const used = new Map<string, number>();
    for (const m of matches) {
      const p = ps.find((x) => x.id === m.person)!;
      if (m.offer === undefined) {
        t.ok(m.reason, 'no offer without a reason');
        continue;
      }
      const w = ws.find((x) => x.id === m.offer)!;
      used.set(w.id, (used.get(w.id) ?? 0) + 1);
      t.ok(w.date > TODAY, 'never today or before');
      if (p.after) t.ok(w.date > p.after, 'never the workshop they were turned away at, or one before');
      if (p.deadline) t.ok(w.date <= p.deadline, 'never after the deadline');
      t.ok(covers(w, p.languages, p.caseType), 'covers language and case type');
    }
    for (const [id, n] of used) t.ok(n <= ws.find((w) => w.id === id)!.places, 'within open places');
  }), { numRuns: 300, seed: 20270301 });
});

t.test('the nearest deadline is served first, then whoever waited longest', async (t) => {
  const ws = [workshop({ id: 'w1', date: '2027-03-10', places: 1 })];
  const ps = [
    person({ id: 'late-none', since: '2026-01-01T00:00:00Z' }),
    person({ id: 'waited-less', deadline: '2027-04-01', since: '2027-02-01T00:00:00Z' }),
    person({ id: 'waited-more', deadline: '2027-04-01', since: '2027-01-01T00:00:00Z' }),
  ];
  const matches = matchWaitlist(ws, ps, TODAY);
  t.same(matches.map((m) => m.person), ['waited-more', 'waited-less', 'late-none']);
  t.same(matches.map((m) => m.offer ?? m.reason), ['w1', 'no_place', 'no_place']);
  t.equal(waitlistOrder(ps[1]!, { ...ps[1]! }), 0, 'the same person ties');
});

t.test('the soonest workshop is offered, one in the person\'s own county first', async (t) => {
  const ws = [
    workshop({ id: 'kern-soon', date: '2027-03-05', county: 'Kern' }),
    workshop({ id: 'fresno-later', date: '2027-03-20', county: 'fresno ' }),
    workshop({ id: 'fresno-latest', date: '2027-03-25', county: 'Fresno' }),
  ];
  t.same(matchWaitlist(ws, [person({ id: 'a' })], TODAY), [{ person: 'a', offer: 'fresno-later' }]);
  t.same(matchWaitlist(ws, [person({ id: 'b', county: 'Tulare' })], TODAY), [{ person: 'b', offer: 'kern-soon' }]);
  t.same(matchWaitlist(ws, [person({ id: 'c', county: undefined })], TODAY), [{ person: 'c', offer: 'kern-soon' }]);
});

t.test('a workshop today or already past is not offered: no workshop ahead', async (t) => {
  const ws = [workshop({ id: 'today', date: TODAY }), workshop({ id: 'past', date: '2027-02-01' })];
  t.same(matchWaitlist(ws, [person({ id: 'a' })], TODAY), [{ person: 'a', reason: 'no_workshop_ahead' }]);
});

t.test('the workshop a person was turned away at, and any before it, is not offered again', async (t) => {
  const ws = [workshop({ id: 'turned-away', date: '2027-03-10' }), workshop({ id: 'next', date: '2027-04-10' })];
  t.same(matchWaitlist(ws, [person({ id: 'a', after: '2027-03-10' })], TODAY), [{ person: 'a', offer: 'next' }]);
  t.same(matchWaitlist(ws, [person({ id: 'b', after: '2027-04-10' })], TODAY), [{ person: 'b', reason: 'no_workshop_ahead' }]);
});

t.test('no workshop ahead takes the case type: no_case_type', async (t) => {
  const ws = [workshop({ id: 'w', date: '2027-03-10', covers: { naturalization: ['es'] } })];
  t.same(matchWaitlist(ws, [person({ id: 'a' })], TODAY), [{ person: 'a', reason: 'no_case_type' }]);
});

t.test('workshops take the case type but none covers the person\'s languages: no_language', async (t) => {
  const ws = [workshop({ id: 'w', date: '2027-03-10', covers: { daca: ['en'] } })];
  t.same(matchWaitlist(ws, [person({ id: 'a', languages: ['mix'] })], TODAY), [{ person: 'a', reason: 'no_language' }]);
});

t.test('every fitting workshop is after the deadline: no_workshop_before_deadline', async (t) => {
  const ws = [workshop({ id: 'w', date: '2027-03-10' })];
  t.same(matchWaitlist(ws, [person({ id: 'a', deadline: '2027-03-09' })], TODAY), [{ person: 'a', reason: 'no_workshop_before_deadline' }]);
  t.same(matchWaitlist(ws, [person({ id: 'b', deadline: '2027-03-10' })], TODAY), [{ person: 'b', offer: 'w' }], 'a workshop on the deadline day still serves');
});

t.test('fitting workshops are full: no_place', async (t) => {
  const ws = [workshop({ id: 'w', date: '2027-03-10', places: 0 })];
  t.same(matchWaitlist(ws, [person({ id: 'a' })], TODAY), [{ person: 'a', reason: 'no_place' }]);
});

t.test('a roster covers a language directly, through an interpreter, and only for the case types its people handle', async (t) => {
  const found = coverage(['daca', 'tps'], [
    { role: 'attorney', languages: ['en'], caseTypes: ['daca'] },
    { role: 'paralegal', languages: ['es'], caseTypes: [] },
    { role: 'interpreter', languages: ['en', 'mix'], caseTypes: ['daca'] },
    { role: 'interpreter', languages: ['vi'], caseTypes: [] },
    { role: 'general', languages: ['tl'], caseTypes: [] },
  ]);
  t.same(found, { daca: ['en', 'es', 'mix'], tps: ['es'] });
  t.notOk(covers({ covers: found }, ['mix'], 'tps'));
  t.notOk(covers({ covers: found }, ['es'], 'naturalization'));
});

t.test("a workshop's open places are what its preparers and reviewers take in a day, less its applicants, never below none", async (t) => {
  const roster = [
    { role: 'attorney' as const, maxApplicants: 8 },
    { role: 'form_filler' as const },
    { role: 'screener' as const },
    { role: 'interpreter' as const },
  ];
  t.equal(openPlaces(roster, 5), 8 + 6 - 5, 'a line with no max_applicants takes six; screeners and interpreters none');
  t.equal(openPlaces(roster, 40), 0);
});
