// Season planning: which workshops, where, when and with whom, serve the most people waiting,
// how far that is from the most any proposal could serve, and which extra volunteers help.
import t from 'tap';
import fc from 'fast-check';
import type { ClinicEvent, Complexity, Role } from '../../src/domain/index.js';
import { DEFAULT_SEASON_RULES } from '../../src/season/index.js';
import { proposeSeason } from '../../src/season/proposal.js';
import type { PoolMember, ProposalInput, WaitingDemand } from '../../src/season/proposal.js';
import { FRESNO, MADERA, sampleBundle } from '../support/fixtures.js';

const fresno = sampleBundle(FRESNO).event;
const madera = sampleBundle(MADERA).event;
const SATURDAYS = ['2027-06-12', '2027-06-19', '2027-06-26', '2027-07-03'];

const member = (id: string, role: Role, languages: string[], home: string | undefined, over: Partial<PoolMember> = {}): PoolMember =>
  ({ id, role, languages, caseTypes: [], booked: [], ...(home ? { home } : {}), ...over });

/** A Fresno team that can serve Spanish and English speakers: two attorneys, four preparers, a screener, two at the desks. */
function fresnoTeam(prefix = 'f'): PoolMember[] {
  return [
    member(`${prefix}1`, 'attorney', ['es', 'en'], 'Fresno'),
    member(`${prefix}2`, 'attorney', ['en'], 'Fresno'),
    member(`${prefix}3`, 'form_filler', ['es', 'en'], 'Fresno', { maxApplicants: 8 }),
    member(`${prefix}4`, 'paralegal', ['es', 'en'], 'Fresno'),
    member(`${prefix}5`, 'law_student', ['es', 'en'], 'Fresno'),
    member(`${prefix}6`, 'accredited_rep', ['es', 'en'], 'Fresno', { accreditation: 'full', org: fresno.hostOrgs[0]! }),
    member(`${prefix}7`, 'screener', ['es', 'en'], 'Fresno'),
    member(`${prefix}8`, 'general', ['es', 'en'], 'Fresno'),
    member(`${prefix}9`, 'general', ['en'], 'Fresno'),
  ];
}

const waiting = (n: number, over: Partial<WaitingDemand> & { prefix: string }): WaitingDemand[] => {
  const { prefix, ...rest } = over;
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`, languages: ['es'], caseType: 'n400', complexity: 'straightforward' as Complexity, county: 'Fresno', ...rest,
  }));
};

const input = (over: Partial<ProposalInput>): ProposalInput =>
  ({ dates: SATURDAYS, sites: [fresno], taken: [], pool: fresnoTeam(), demand: waiting(30, { prefix: 'p' }), minimum: 10, ...over });

t.test('a proposal serves people at a workshop in their county on or before their deadline, staffed from the pool', async (t) => {
  const demand = [...waiting(20, { prefix: 'soon', deadline: '2027-06-13' }), ...waiting(20, { prefix: 'later' })];
  const proposal = proposeSeason(input({ demand }));
  t.ok(proposal.workshops.length >= 1);
  const first = proposal.workshops[0]!;
  t.equal(first.date, '2027-06-12', 'the first Saturday, before the near deadlines');
  t.equal(first.site.county, 'Fresno');
  t.equal(first.template, fresno.id);
  t.ok(first.served.filter((id) => id.startsWith('soon')).length > 0, 'those with a near deadline are served on the first day');
  t.ok(first.staff.every((id) => id.startsWith('f')));
  t.ok(first.served.length <= first.bound, "no more than the roster's capacity bound");
  t.equal(proposal.served, proposal.workshops.reduce((n, w) => n + w.served.length, 0));
});

t.test('the upper bound leaves out people no site, date or volunteer could serve, each with the reason', async (t) => {
  const demand = [
    ...waiting(30, { prefix: 'p' }),
    ...waiting(2, { prefix: 'kern', county: 'Kern' }),
    ...waiting(3, { prefix: 'past', deadline: '2027-06-01' }),
    ...waiting(4, { prefix: 'vi', languages: ['vi'] }),
    ...waiting(1, { prefix: 'other', caseType: 'asylum_consult' }),
  ];
  const proposal = proposeSeason(input({ demand }));
  const reason = (prefix: string) => [...new Set(proposal.unserved.filter((u) => u.person.startsWith(prefix)).map((u) => u.reason))];
  t.same(reason('kern'), ['no_site']);
  t.same(reason('past'), ['deadline_before_dates']);
  t.same(reason('vi'), ['nobody_covers']);
  t.same(reason('other'), ['no_site'], 'no site in the county takes the case type');
  t.equal(proposal.bound, 30);
  t.equal(proposal.waiting, 40);
  t.ok(proposal.served <= proposal.bound);
});

t.test('a person whose county is not known may be served at any site', async (t) => {
  const proposal = proposeSeason(input({ demand: waiting(15, { prefix: 'x', county: undefined }), minimum: 1 }));
  t.equal(proposal.served, 15);
});

t.test('no workshop is proposed that would serve fewer than the minimum', async (t) => {
  const proposal = proposeSeason(input({ demand: waiting(6, { prefix: 'p' }), minimum: 10 }));
  t.same(proposal.workshops, []);
  t.same(new Set(proposal.unserved.map((u) => u.reason)), new Set(['not_planned']));
  t.equal(proposal.bound, 6, 'they could be served: the bound counts them');
});

t.test('a day the planner fills with fewer than the minimum is dropped, whatever the places say', async (t) => {
  // Five hours of preparation each: a preparer sees one person a day, far below the places counted.
  const slow: ClinicEvent = { ...fresno, caseTypes: { n400: { ...fresno.caseTypes.n400!, preparation: 300 } } };
  const proposal = proposeSeason(input({ sites: [slow], minimum: 10 }));
  t.same(proposal.workshops, []);
});

t.test('no workshop is proposed on a day another is held in the same county, nor two in a county on one day', async (t) => {
  const second: ClinicEvent = { ...fresno, id: 'fresno-2', site: { ...fresno.site, name: 'Another hall' } };
  const proposal = proposeSeason(input({
    sites: [fresno, second], taken: [{ date: '2027-06-12', county: 'Fresno' }], demand: waiting(120, { prefix: 'p' }), pool: [...fresnoTeam('f'), ...fresnoTeam('g')],
  }));
  const days = proposal.workshops.map((w) => w.date);
  t.notOk(days.includes('2027-06-12'));
  t.equal(new Set(days).size, days.length);
});

t.test('workshops in two counties may share a Saturday', async (t) => {
  const maderaTeam = fresnoTeam('m').map((m) => ({ ...m, home: 'Madera', ...(m.org ? { org: madera.hostOrgs[0]! } : {}) }));
  const demand = [...waiting(20, { prefix: 'p' }), ...waiting(20, { prefix: 'md', county: 'Madera' })];
  const proposal = proposeSeason(input({ sites: [fresno, madera], pool: [...fresnoTeam(), ...maderaTeam], demand }));
  const first = proposal.workshops.filter((w) => w.date === '2027-06-12').map((w) => w.site.county);
  t.same(first, ['Madera', 'Fresno'].sort((a, b) => (a === 'Madera' ? madera : fresno).site.name.localeCompare((b === 'Madera' ? madera : fresno).site.name)));
});

t.test('a volunteer is never proposed on a day they are already booked, nor past the monthly limit', async (t) => {
  const pool = fresnoTeam().map((m) => (m.id === 'f1' ? { ...m, booked: ['2027-06-12'] } : m.id === 'f2' ? { ...m, booked: ['2027-06-05', '2027-06-05'] } : m));
  const proposal = proposeSeason(input({ pool, demand: waiting(60, { prefix: 'p' }), rules: { ...DEFAULT_SEASON_RULES, monthlyLimit: 1 } }));
  for (const w of proposal.workshops) {
    if (w.date === '2027-06-12') t.notOk(w.staff.includes('f1'), 'booked that day');
    if (w.date.startsWith('2027-06')) t.notOk(w.staff.includes('f2'), 'already at a workshop in June: the limit is one');
  }
  const june = proposal.workshops.filter((w) => w.date.startsWith('2027-06'));
  const asked = june.flatMap((w) => w.staff);
  t.equal(new Set(asked).size, asked.length, 'nobody twice in the month');
});

t.test('a volunteer from another county is asked only for people nobody nearby can serve', async (t) => {
  const pool = [
    ...fresnoTeam(),
    member('m-es', 'form_filler', ['es', 'en'], 'Merced'),
    member('m-pa', 'attorney', ['pa', 'en'], 'Merced'),
    member('far', 'attorney', ['pa', 'en'], 'Imperial'),
  ];
  const rules = { ...DEFAULT_SEASON_RULES, pairs: new Map([['fresno|imperial', 300]]) };
  const proposal = proposeSeason(input({ pool, rules, demand: [...waiting(20, { prefix: 'p' }), ...waiting(3, { prefix: 'pa', languages: ['pa'] })] }));
  const staff = proposal.workshops.flatMap((w) => w.staff);
  t.ok(staff.includes('m-pa'), 'brought in for the Punjabi speakers');
  t.notOk(staff.includes('m-es'), 'not needed: Fresno speaks Spanish');
  t.notOk(staff.includes('far'), 'beyond the travel the rules allow');
  t.ok(proposal.workshops.some((w) => w.served.some((id) => id.startsWith('pa'))), 'and they are served');
});

t.test('an extra volunteer speaking a language nobody speaks is shown with the people it would serve', async (t) => {
  // Two teams: room enough that whoever can talk with them is what the Vietnamese speakers lack.
  const pool = [...fresnoTeam('f'), ...fresnoTeam('g')];
  const proposal = proposeSeason(input({ pool, demand: [...waiting(20, { prefix: 'p' }), ...waiting(12, { prefix: 'vi', languages: ['vi'] })] }));
  t.ok(proposal.workshops.length >= 1);
  const vi = proposal.extra.filter((x) => x.languages[0] === 'vi' && x.county === 'Fresno');
  t.ok(vi.length >= 1, JSON.stringify(proposal.extra));
  t.ok(vi.every((x) => x.more > 0 && x.more <= 12));
  t.ok(vi.some((x) => x.role === 'interpreter' && x.languages[1] === 'en'), "an interpreter to the language most of the county's volunteers speak");
});

t.test('where no workshop is proposed in a county, an extra volunteer is weighed at its best day', async (t) => {
  // Madera's people speak only Mixtec and nobody in the pool does: no Madera workshop without a newcomer.
  const demand = [...waiting(20, { prefix: 'p' }), ...waiting(15, { prefix: 'mx', county: 'Madera', languages: ['mix'], caseType: 'daca_renewal' })];
  const pool = [...fresnoTeam(), member('md1', 'attorney', ['es', 'en'], 'Madera'), member('md2', 'form_filler', ['es', 'en'], 'Madera')];
  const proposal = proposeSeason(input({ sites: [fresno, madera], pool, demand }));
  t.notOk(proposal.workshops.some((w) => w.site.county === 'Madera'));
  const madera_ = proposal.extra.filter((x) => x.county === 'Madera');
  t.ok(madera_.some((x) => x.role === 'interpreter' && x.more > 0), JSON.stringify(proposal.extra));
});

t.test('a county whose people no newcomer could serve gets no extra volunteer', async (t) => {
  // Kern has no site: nobody there can be served, whoever is added.
  const proposal = proposeSeason(input({ demand: [...waiting(20, { prefix: 'p' }), ...waiting(5, { prefix: 'k', county: 'Kern', languages: ['vi'] })] }));
  t.notOk(proposal.extra.some((x) => x.county === 'Kern'));
});

t.test('nobody waiting: no workshop, a bound of zero', async (t) => {
  const proposal = proposeSeason(input({ demand: [], minimum: undefined, rules: undefined }));
  t.same(proposal, { workshops: [], waiting: 0, served: 0, bound: 0, unserved: [], extra: [] });
});

t.test('the same input gives the same proposal', async (t) => {
  const i = input({ demand: [...waiting(40, { prefix: 'p' }), ...waiting(8, { prefix: 'vi', languages: ['vi'] })] });
  t.same(proposeSeason(i), proposeSeason(i));
});

t.test('across generated seasons, nobody is proposed on a day they are taken, and everyone served fits their workshop', async (t) => {
  const langs = fc.subarray(['es', 'en', 'pa', 'hmn'], { minLength: 1 });
  const county = fc.constantFrom('Fresno', 'Madera', undefined);
  const roles = fc.constantFrom<Role>('attorney', 'accredited_rep', 'form_filler', 'paralegal', 'screener', 'interpreter', 'general');
  const day = fc.constantFrom(...SATURDAYS, '2027-06-05');
  const pool = fc.uniqueArray(fc.record({
    id: fc.string({ minLength: 1, maxLength: 3 }), role: roles, languages: langs, home: county, booked: fc.uniqueArray(day, { maxLength: 2 }),
  }), { selector: (m) => m.id, minLength: 4, maxLength: 14 })
    .map((ms) => ms.map((m): PoolMember => ({ ...m, caseTypes: [], ...(m.home ? { home: m.home } : { home: undefined }) })));
  const demand = fc.uniqueArray(fc.record({
    id: fc.string({ minLength: 1, maxLength: 3 }), languages: langs, caseType: fc.constantFrom('n400', 'daca_renewal'),
    complexity: fc.constantFrom<Complexity>('straightforward', 'moderate', 'complex'), county,
    deadline: fc.option(day, { nil: undefined }),
  }), { selector: (p) => p.id, maxLength: 40 });
  const taken = fc.array(fc.record({ date: day, county: fc.constantFrom('Fresno', 'Madera') }), { maxLength: 2 });
  fc.assert(fc.property(pool, demand, taken, fc.integer({ min: 1, max: 2 }), (ms, ps, tk, limit) => {
    const rules = { ...DEFAULT_SEASON_RULES, monthlyLimit: limit };
    const proposal = proposeSeason({ dates: SATURDAYS.slice(0, 3), sites: [fresno, madera], taken: tk, pool: ms, demand: ps, rules, minimum: 3, most: 4, extraLimit: 2 });
    const members = new Map(ms.map((m) => [m.id, m]));
    const people = new Map(ps.map((p) => [p.id, p]));
    // Workshops a member is asked for in a month, by the proposal: [id, month] as JSON.
    const perMonth = new Map<string, number>();
    const days = new Set<string>();
    const servedOnce = new Set<string>();
    for (const w of proposal.workshops) {
      t.notOk(tk.some((x) => x.date === w.date && x.county === w.site.county), 'not on a taken day in its county');
      t.notOk(days.has(`${w.date}|${w.site.county}`), 'one a day in a county');
      days.add(`${w.date}|${w.site.county}`);
      for (const id of w.staff) {
        const m = members.get(id)!;
        t.notOk(m.booked.includes(w.date), 'never on a day they are booked');
        const key = JSON.stringify([id, w.date.slice(0, 7)]);
        perMonth.set(key, (perMonth.get(key) ?? 0) + 1);
      }
      t.equal(new Set(w.staff).size, w.staff.length);
      for (const id of w.served) {
        const p = people.get(id)!;
        t.notOk(servedOnce.has(id), 'served once');
        servedOnce.add(id);
        if (p.deadline) t.ok(w.date <= p.deadline, 'before the deadline');
        if (p.county) t.equal(p.county, w.site.county, 'in their county');
      }
      t.ok(w.served.length >= 3, 'at least the minimum');
    }
    // Within the proposal, nobody is at two workshops on one day.
    const onDay = new Set<string>();
    for (const w of proposal.workshops) for (const id of w.staff) {
      t.notOk(onDay.has(`${id}|${w.date}`), 'one workshop a day');
      onDay.add(`${id}|${w.date}`);
    }
    for (const [key, n] of perMonth) {
      const [id, month] = JSON.parse(key) as [string, string];
      const before = members.get(id)!.booked.filter((d) => d.startsWith(month)).length;
      t.ok(before + n <= limit, 'the monthly limit is kept');
    }
    t.equal(proposal.served + proposal.unserved.length, ps.length, 'everyone is served or has a reason');
    t.ok(proposal.served <= proposal.bound);
  }), { numRuns: 25, seed: 20270612 });
});
