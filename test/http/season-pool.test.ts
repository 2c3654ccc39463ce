// The volunteer pool page: each person once across the season's workshops (by e-mail), with their
// workshops, the hours booked in published plans, and their busiest month; for the workshops'
// organizations only, and on the audit log.
import t from 'tap';
import type { Test } from 'tap';
import { saveBundle } from '../../src/db/events.js';
import { publishPlan, savePlan } from '../../src/db/plans.js';
import { auditLog } from '../../src/db/schema.js';
import { organizationNamed } from '../../src/db/users.js';
import type { Bundle } from '../../src/domain/index.js';
import type { PlanJson } from '../../src/planner/types.js';
import { saveRules } from '../../src/services/season-rules.js';
import { FRESNO, sampleBundle, tempDatabase } from '../support/fixtures.js';
import { authHeader, build } from '../support/http.js';

const ORG = 'Casa Legal';
const html = { accept: 'text/html' };

/** The Fresno workshop and the same one a week later; V002 (by e-mail) on both, with a published plan giving V002 90 minutes at the first. */
async function twoSaturdays(t: Test) {
  const store = tempDatabase(t);
  const { app } = await build(t, store, { rateLimits: false });
  const org = organizationNamed(store.db, ORG);
  const fresno = sampleBundle(FRESNO);
  const shared = { ...fresno.volunteers[1]!, email: 'ana.pool@example.org', name: 'Ana Pool' };
  const first: Bundle = { ...fresno, volunteers: fresno.volunteers.map((v, i) => (i === 1 ? shared : v)) };
  const second: Bundle = { ...first, event: { ...fresno.event, id: 'fresno-2027-05-29', date: '2027-05-29' } };
  const { eventId } = saveBundle(store.db, first, 'test', org);
  saveBundle(store.db, second, 'test', org);
  const at = (clock: string) => `2027-05-22T${clock}:00-07:00`;
  const plan: PlanJson = {
    event: first.event.id,
    scheduled: [{ applicant: 'A0001', arrival: at('09:00'), check_in: null, final_check: null,
      visits: [{ station: 'review', volunteer: shared.id, interpreter: null, start: at('09:00'), end: at('10:30') }] }],
    unscheduled: [], shifts: [],
    summary: { applicants: 1, scheduled: 1, scheduled_weight: 1, interpreted_visits: 0, mean_minutes_in_clinic: null },
  };
  publishPlan(store.db, eventId, savePlan(store.db, eventId, plan, {}, 'test'), '2027-05-01T00:00:00Z');
  return { app, store, coordinator: authHeader(store, { role: 'coordinator', organization: ORG }) };
}

t.test('a person on two workshops’ rosters by one e-mail is listed once, with both workshops and the hours of the published plan', async (t) => {
  const { app, store, coordinator } = await twoSaturdays(t);
  const page = await app.inject({ url: '/season/pool', headers: { ...coordinator, ...html } });
  t.equal(page.statusCode, 200);
  t.equal(page.headers['cache-control'], 'no-store');
  t.equal(page.body.split('>Ana Pool<').length - 1, 1, 'listed once');
  const row = page.body.slice(page.body.indexOf('>Ana Pool<'), page.body.indexOf('</tr>', page.body.indexOf('>Ana Pool<')));
  t.match(row, 'href="/events/fresno-2027-05-22"');
  t.match(row, 'href="/events/fresno-2027-05-29"');
  t.match(row, '<td class="num" data-label="Hours booked">1.5</td>');
  t.match(row, '2 workshops in May 2027');
  t.match(store.db.select().from(auditLog).all().at(-1), { action: 'pool.view' });
});

t.test('a person past the monthly limit is flagged', async (t) => {
  const { app, store, coordinator } = await twoSaturdays(t);
  t.ok(saveRules(store.db, { same_county: '60', other_county: '120', monthly_limit: '1', pairs: '' }, 'test').ok);
  const page = (await app.inject({ url: '/season/pool', headers: { ...coordinator, ...html } })).body;
  t.match(page, 'More than 1 a month');
});

t.test('a coordinator of another organization sees nobody; an anonymous visitor is sent to sign in', async (t) => {
  const { app, store } = await twoSaturdays(t);
  const other = authHeader(store, { role: 'coordinator', organization: 'Otra Organización' });
  const page = (await app.inject({ url: '/season/pool', headers: { ...other, ...html } })).body;
  t.notMatch(page, 'Ana Pool');
  t.match(page, 'Nobody is on a roster yet.');
  const anonymous = await app.inject({ url: '/season/pool', headers: html });
  t.equal(anonymous.statusCode, 303);
  t.match(anonymous.headers.location, /^\/sign-in/);
});

t.test('the pool in Spanish', async (t) => {
  const { app, coordinator } = await twoSaturdays(t);
  const page = (await app.inject({ url: '/season/pool', headers: { ...coordinator, ...html, 'accept-language': 'es' } })).body;
  t.match(page, '<h1>El grupo de voluntarios</h1>');
  t.match(page, '2 talleres en mayo 2027');
});
