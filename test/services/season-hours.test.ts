// The season report's volunteer hours by organization: each volunteer's visits in a workshop's
// published plan (as the one who serves and as interpreter) summed by the organization their
// roster line names, distinct people counted once, drafts and desk shifts left out.
import t from 'tap';
import { saveBundle } from '../../src/db/events.js';
import { publishPlan, savePlan } from '../../src/db/plans.js';
import { purgeEvent } from '../../src/db/purge.js';
import { organizationNamed } from '../../src/db/users.js';
import { eventHours } from '../../src/db/schema.js';
import type { Bundle } from '../../src/domain/index.js';
import type { PlanJson, VisitJson } from '../../src/planner/types.js';
import { seasonHoursCsv, seasonReport } from '../../src/services/season.js';
import { FRESNO, sampleBundle, tempDatabase } from '../support/fixtures.js';

/** A visit on the sample's day (Pacific daylight time), from and to a clock time. */
const visit = (volunteer: string, from: string, to: string, interpreter: string | null = null, station: VisitJson['station'] = 'review'): VisitJson =>
  ({ station, volunteer, interpreter, start: `2027-05-22T${from}:00-07:00`, end: `2027-05-22T${to}:00-07:00` });

/** A plan of these applicants' visits, with a check-in desk shift that is no visit. */
function planOf(event: string, days: VisitJson[][]): PlanJson {
  return {
    event,
    scheduled: days.map((visits, i) => ({ applicant: `A${String(i + 1).padStart(4, '0')}`, arrival: visits[0]!.start, check_in: null, visits, final_check: null })),
    unscheduled: [],
    shifts: [{ volunteer: 'V001', station: 'check_in', start: '2027-05-22T09:00:00-07:00', end: '2027-05-22T13:00:00-07:00' }],
    summary: { applicants: days.length, scheduled: days.length, scheduled_weight: days.length, interpreted_visits: 1, mean_minutes_in_clinic: null },
  };
}

/** The Fresno sample with its attorneys from Casa Legal (written two ways) and its interpreter from Lenguas Unidas. */
function fresnoWithOrgs(id = 'fresno-2027-05-22', date = '2027-05-22'): Bundle {
  const fresno = sampleBundle(FRESNO);
  const org: Record<string, string> = { V002: 'Casa Legal', V003: 'casa  legal', V008: 'Lenguas Unidas' };
  return { ...fresno, event: { ...fresno.event, id, date }, volunteers: fresno.volunteers.map((v) => (org[v.id] ? { ...v, org: org[v.id] } : v)) };
}

t.test('a published plan’s visits are summed per organization, interpreters included, by the organization’s registered name', async (t) => {
  const store = tempDatabase(t);
  organizationNamed(store.db, 'Casa Legal');
  const { eventId } = saveBundle(store.db, fresnoWithOrgs(), 'test', null);
  const version = savePlan(store.db, eventId, planOf('fresno-2027-05-22', [
    [visit('V004', '09:00', '09:45', null, 'preparation'), visit('V002', '10:00', '10:30', 'V008')],
    [visit('V003', '09:30', '10:15')],
    [visit('V012', '11:00', '11:20'), visit('V002', '11:30', '12:00')],
  ]), {}, 'test');
  t.same(seasonReport(store.db, undefined).hours.byOrg, [], 'nothing before it is published');
  publishPlan(store.db, eventId, version, '2027-05-01T00:00:00Z');

  const { hours } = seasonReport(store.db, undefined);
  t.same(hours.byOrg, [
    { org: 'Casa Legal', workshops: 1, volunteers: 2, minutes: 30 + 45 + 30 },
    { org: '', workshops: 1, volunteers: 1, minutes: 45 },
    { org: 'Lenguas Unidas', workshops: 1, volunteers: 1, minutes: 30 },
    { org: 'Immigrant Legal Services of the Central Coast', workshops: 1, volunteers: 1, minutes: 20 },
  ], 'by hours, most first; the check-in shift is no visit');
  t.same(hours.total, { workshops: 1, volunteers: 5, minutes: 200 });
  t.equal(hours.purged, 0);

  const csv = seasonHoursCsv(seasonReport(store.db, undefined)).replace(/^\ufeff/, '').trim().split(/\r\n/);
  t.same(csv, [
    'organization,workshops,volunteers,minutes,hours',
    'Casa Legal,1,2,105,1.75',
    ',1,1,45,0.75',
    'Lenguas Unidas,1,1,30,0.5',
    'Immigrant Legal Services of the Central Coast,1,1,20,0.33',
  ]);
});

t.test('one person at two workshops counts once for their organization; a draft version after the published one changes nothing', async (t) => {
  const store = tempDatabase(t);
  for (const [id, date] of [['fresno-2027-05-22', '2027-05-22'], ['fresno-2027-06-05', '2027-06-05']] as const) {
    const { eventId } = saveBundle(store.db, fresnoWithOrgs(id, date), 'test', null);
    const day = (v: VisitJson) => ({ ...v, start: v.start.replace('2027-05-22', date), end: v.end.replace('2027-05-22', date) });
    const published = savePlan(store.db, eventId, planOf(id, [[day(visit('V003', '09:00', '10:00'))]]), {}, 'test');
    publishPlan(store.db, eventId, published, '2027-05-01T00:00:00Z');
    savePlan(store.db, eventId, planOf(id, [[day(visit('V003', '09:00', '13:00'))]]), {}, 'test');
  }
  const { hours } = seasonReport(store.db, undefined);
  t.same(hours.byOrg, [{ org: 'casa legal', workshops: 2, volunteers: 1, minutes: 120 }], 'the same e-mail is one person; an unregistered name as first written, its spaces single');
});

t.test('only the workshops the account may see are counted', async (t) => {
  const store = tempDatabase(t);
  const casa = organizationNamed(store.db, 'Casa Legal');
  const { eventId } = saveBundle(store.db, fresnoWithOrgs(), 'test', casa);
  publishPlan(store.db, eventId, savePlan(store.db, eventId, planOf('fresno-2027-05-22', [[visit('V002', '09:00', '10:00')]]), {}, 'test'), '2027-05-01T00:00:00Z');
  t.equal(seasonReport(store.db, casa).hours.total.minutes, 60);
  t.same(seasonReport(store.db, organizationNamed(store.db, 'Otra Organización')).hours.byOrg, [], 'another organization sees none of it');
});

t.test('a purged workshop’s hours survive its purge: the same hours by organization, from what the purge kept', async (t) => {
  const store = tempDatabase(t);
  const casa = organizationNamed(store.db, 'Casa Legal');
  const { eventId } = saveBundle(store.db, fresnoWithOrgs(), 'test', casa);
  const days = [[visit('V002', '09:00', '10:00'), visit('V003', '10:00', '10:30', 'V008')], [visit('V002', '11:00', '11:45')]];
  publishPlan(store.db, eventId, savePlan(store.db, eventId, planOf('fresno-2027-05-22', days), {}, 'test'), '2027-05-01T00:00:00Z');
  const before = seasonReport(store.db, casa).hours;
  purgeEvent(store.db, eventId, 'test', '2027-06-30T00:00:00Z');
  const after = seasonReport(store.db, casa).hours;
  t.same(after, before);
  t.equal(after.purged, 0, 'no workshop left out');
});

t.test('a workshop purged before purges kept hours is named as not counted', async (t) => {
  const store = tempDatabase(t);
  const casa = organizationNamed(store.db, 'Casa Legal');
  const { eventId } = saveBundle(store.db, fresnoWithOrgs(), 'test', casa);
  publishPlan(store.db, eventId, savePlan(store.db, eventId, planOf('fresno-2027-05-22', [[visit('V002', '09:00', '10:00')]]), {}, 'test'), '2027-05-01T00:00:00Z');
  purgeEvent(store.db, eventId, 'test', '2027-06-30T00:00:00Z');
  store.db.delete(eventHours).run();
  const after = seasonReport(store.db, casa).hours;
  t.same([after.byOrg, after.purged], [[], 1]);
});
