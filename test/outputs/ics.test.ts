// Volunteer calendars and the public workshop feed: the exact text against golden
// files, instants read back by an independent parser (ical.js), privacy, and updates across
// plan versions.
import t from 'tap';
import { DateTime } from 'luxon';
import { RED_FLAGS } from '../../src/domain/index.js';
import type { Bundle } from '../../src/domain/index.js';
import { plan } from '../../src/planner/index.js';
import type { PlanJson } from '../../src/planner/types.js';
import {
  organizationFeed, UnknownVolunteerError, volunteerCalendar, volunteerInvites,
} from '../../src/outputs/ics.js';
import type { VolunteerCalendarOptions } from '../../src/outputs/ics.js';
import { FRESNO, sampleBundle } from '../support/fixtures.js';
import { matchGolden } from './fixtures/golden.js';
import { parseCalendar, readableText } from './fixtures/ical.js';
import type { ParsedEvent } from './fixtures/ical.js';
import {
  applicant, attorney, clinicScene, copy, FALL_BACK_DATE, flagged, interpreter, LOS_ANGELES, moved, NOW,
  ORGANIZER, planOf, PROD_ID, reassigned, scene, shift, SPRING_FORWARD_DATE, stay, visit, volunteer, withoutStay,
} from './fixtures/scenes.js';

const options = (over: Partial<VolunteerCalendarOptions> = {}): VolunteerCalendarOptions => ({
  now: NOW, prodId: PROD_ID, organizer: ORGANIZER, ...over,
});

/** The Fresno sample, planned quickly: a normal (no daylight-saving change) Saturday. */
const fresno = sampleBundle(FRESNO);
const fresnoPlan = plan(fresno, { iterations: 20 });

const ms = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();
const byStart = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];

/** Every span a volunteer works in a plan (shifts, visits, interpreting), as epoch ms. */
function plannedSpans(p: PlanJson, volunteerId: string): [number, number][] {
  const visits = p.scheduled.flatMap((s) => s.visits).filter((v) => v.volunteer === volunteerId || v.interpreter === volunteerId);
  const shifts = p.shifts.filter((s) => s.volunteer === volunteerId);
  return [...visits, ...shifts].map((span): [number, number] => [ms(span.start), ms(span.end)]).sort(byStart);
}

function calendarSpans(events: ParsedEvent[]): [number, number][] {
  return events.filter((e) => e.status !== 'CANCELLED').map((e): [number, number] => [e.start, e.end]).sort(byStart);
}

function eventBySummary(events: ParsedEvent[], start: string): ParsedEvent {
  const found = events.filter((e) => e.summary.startsWith(start));
  if (found.length !== 1) throw new Error(`expected one event whose summary starts with "${start}", found ${found.length}`);
  return found[0]!;
}

const { bundle: clinic, plan: clinicPlan } = clinicScene();

t.test('golden files', async (t) => {
  t.test("an attorney's calendar matches its golden file", async (t) => {
    matchGolden(t, 'attorney.ics', volunteerCalendar(clinic, clinicPlan, 'V003', options()));
  });

  t.test("an interpreter's calendar matches its golden file", async (t) => {
    matchGolden(t, 'interpreter.ics', volunteerCalendar(clinic, clinicPlan, 'V008', options()));
  });

  t.test("a greeter's desk shifts match their golden file", async (t) => {
    matchGolden(t, 'desk-shifts.ics', volunteerCalendar(clinic, clinicPlan, 'V011', options()));
  });

  t.test('a calendar after a re-plan that moved one visit and removed a stay matches its golden file', async (t) => {
    const current = withoutStay(moved(clinic, clinicPlan, 'A0014', 'review', '10:10', '10:30'), 'A0005');
    matchGolden(t, 'replanned.ics', volunteerCalendar(clinic, current, 'V003', options({ history: [{ version: 1, plan: clinicPlan }] })));
  });

  t.test('a cancellation invite matches its golden file', async (t) => {
    const invites = volunteerInvites(clinic, withoutStay(clinicPlan, 'A0005'), 'V008', {
      ...options(), organizer: ORGANIZER, history: [{ version: 1, plan: clinicPlan }],
    });
    t.equal(invites.length, 3, 'one for each visit interpreted for A0005');
    matchGolden(t, 'cancel-invite.ics', invites[0]!.ics);
  });

  t.test('a calendar on the spring-forward day matches its golden file', async (t) => {
    const { bundle, plan: p } = springForwardScene();
    matchGolden(t, 'spring-forward.ics', volunteerCalendar(bundle, p, 'V003', options()));
  });

  t.test('the organization feed matches its golden file', async (t) => {
    matchGolden(t, 'workshops.ics', organizationFeed(workshops(), { now: NOW, prodId: PROD_ID, name: 'CVIIC workshops' }));
  });
});

/** A night clinic opening at 00:00 on the day clocks spring forward: one visit before 02:00, one after. */
function springForwardScene(): { bundle: Bundle; plan: PlanJson } {
  const bundle = scene({
    event: { id: 'night-2027-03-14', date: SPRING_FORWARD_DATE, opens: '00:00', closes: '06:00' },
    volunteers: [attorney()],
    applicants: [flagged(), flagged({ id: 'A0015', name: 'Efraín Núñez Díaz' })],
  });
  return {
    bundle,
    plan: planOf(bundle, [
      stay('A0014', [visit(bundle, 'screening', 'V003', '01:30', '01:45')]),
      // 01:45 PST to 03:15 PDT is 30 minutes.
      stay('A0015', [visit(bundle, 'screening', 'V003', '01:45', '03:15'), visit(bundle, 'review', 'V003', '03:15', '03:35')]),
    ]),
  };
}

/** Three workshops: one in Fresno, one cancelled in Merced, one in Arizona (no daylight saving). */
function workshops() {
  const base = clinicScene().bundle.event;
  return [
    { event: base },
    {
      event: {
        ...base, id: 'merced-2027-04-10', name: 'Citizenship Day — Merced', date: '2027-04-10', opens: '10:00', closes: '15:00',
        site: { name: 'Merced Civic Center', address: '678 W 18th St, Merced, CA 95340' }, hostOrgs: ['Merced Immigrant Coalition'],
      },
      sequence: 2,
      cancelled: true,
    },
    {
      event: {
        ...base, id: 'yuma-2027-04-17', name: 'DACA Renewal Day — Yuma', date: '2027-04-17', timezone: 'America/Phoenix',
        site: { name: 'Yuma Main Library', address: '2951 S 21st Dr, Yuma, AZ 85364' }, hostOrgs: [],
      },
    },
  ];
}

t.test('instants', async (t) => {
  t.test("every Fresno volunteer's events start and end at the plan's instants", async (t) => {
    for (const v of fresno.volunteers) {
      const parsed = parseCalendar(volunteerCalendar(fresno, fresnoPlan, v.id, options()));
      t.same(calendarSpans(parsed.events), plannedSpans(fresnoPlan, v.id), v.id);
    }
    t.ok(fresno.volunteers.some((v) => plannedSpans(fresnoPlan, v.id).length > 2), 'the sample plan gives volunteers several events');
  });

  t.test("every time is in the event's zone, defined by a VTIMEZONE in the calendar itself", async (t) => {
    const ics = volunteerCalendar(fresno, fresnoPlan, 'V002', options());
    const parsed = parseCalendar(ics);
    t.same(parsed.zones, [LOS_ANGELES]);
    t.ok(parsed.events.length > 0);
    for (const e of parsed.events) t.same([e.startZone, e.endZone], [LOS_ANGELES, LOS_ANGELES], e.uid);
    t.notMatch(ics, /X-WR-TIMEZONE/, 'no calendar-level zone');
  });

  t.test("on the spring-forward day, planned visits before and after 02:00 keep the plan's instants", async (t) => {
    const bundle = scene({
      event: { id: 'night-2027-03-14', date: SPRING_FORWARD_DATE, opens: '00:00', closes: '06:00' },
      volunteers: [attorney()],
      // Elapsed minutes: the first can only come before the jump, the second only after it (elapsed 120 is 03:00 PDT).
      applicants: [flagged({ id: 'A1', available: [{ start: 0, end: 100 }] }), flagged({ id: 'A2', available: [{ start: 130, end: 300 }] })],
    });
    const p = plan(bundle, { iterations: 20 });
    const jump = DateTime.fromISO(`${SPRING_FORWARD_DATE}T03:00:00`, { zone: LOS_ANGELES }).toMillis();
    const planned = plannedSpans(p, 'V003');
    t.ok(planned.some(([, end]) => end <= jump) && planned.some(([start]) => start >= jump), 'visits on both sides of the jump');
    t.same(calendarSpans(parseCalendar(volunteerCalendar(bundle, p, 'V003', options())).events), planned);
  });

  t.test('a visit whose wall time falls in the repeated hour of a fall-back keeps its instant', async (t) => {
    const bundle = scene({
      event: { id: 'night-2027-11-07', date: FALL_BACK_DATE, opens: '00:00', closes: '06:00' },
      volunteers: [attorney()],
      applicants: [flagged()],
    });
    const at = (text: string) => `${FALL_BACK_DATE}T${text}`;
    const p = planOf(bundle, [stay('A0014', [
      { station: 'screening', volunteer: 'V003', interpreter: null, start: at('01:20:00-07:00'), end: at('01:40:00-07:00') },
      { station: 'preparation', volunteer: 'V003', interpreter: null, start: at('01:40:00-07:00'), end: at('01:25:00-08:00') },
      { station: 'review', volunteer: 'V003', interpreter: null, start: at('01:30:00-08:00'), end: at('02:10:00-08:00') },
    ])]);
    t.same(calendarSpans(parseCalendar(volunteerCalendar(bundle, p, 'V003', options())).events), plannedSpans(p, 'V003'));
  });

  t.test('DTSTAMP is the injected now, written in UTC', async (t) => {
    const now = DateTime.fromISO('2027-03-01T09:30:00', { zone: LOS_ANGELES });
    const ics = volunteerCalendar(clinic, clinicPlan, 'V003', options({ now }));
    const stamps = ics.match(/^DTSTAMP:.*$/gm) ?? [];
    t.equal(stamps.length, 6);
    t.same([...new Set(stamps)], ['DTSTAMP:20270301T173000Z']);
  });
});

t.test('what a volunteer reads', async (t) => {
  const attorneyEvents = parseCalendar(volunteerCalendar(clinic, clinicPlan, 'V003', options())).events;

  t.test("a visit names the station, the applicant's code and the case type in plain words", async (t) => {
    t.ok(attorneyEvents.some((e) => e.summary === 'Screening: A0014, DACA renewal'));
    t.ok(attorneyEvents.some((e) => e.summary === 'Preparation: A0005, Naturalization (N-400)'));
  });

  t.test('a direct visit names the language the applicant and the volunteer share', async (t) => {
    t.match(eventBySummary(attorneyEvents, 'Screening: A0014').description, /^Language: Spanish \(es\)$/m);
  });

  t.test("an interpreted visit names the applicant's language and the interpreter by id and name", async (t) => {
    t.match(
      eventBySummary(attorneyEvents, 'Screening: A0005').description,
      /^Language: Mixteco \(mix\) with interpreter V008 Xóchitl Santiago Feliciano, who speaks Spanish \(es\) with you$/m,
    );
  });

  t.test("an interpreter's calendar holds the visits they interpret, each naming the language pair and the volunteer", async (t) => {
    const events = parseCalendar(volunteerCalendar(clinic, clinicPlan, 'V008', options())).events;
    t.same(events.map((e) => e.summary), [
      'Interpreting at screening: A0005, Mixteco (mix) and Spanish (es)',
      'Interpreting at preparation: A0005, Mixteco (mix) and Spanish (es)',
      'Interpreting at review: A0005, Mixteco (mix) and Spanish (es)',
    ]);
    for (const e of events) t.match(e.description, /^Volunteer: V003 Sofía González Hernández$/m);
  });

  t.test("every event is at the site, by the site's name and address", async (t) => {
    t.same([...new Set(attorneyEvents.map((e) => e.location))], ['St. Anthony Parish Hall, 5770 N Maroa Ave, Fresno, CA 93704']);
  });

  t.test('every event names the organizer', async (t) => {
    t.same([...new Set(attorneyEvents.map((e) => e.organizer))], ['mailto:volunteers@cviic.example.org']);
  });

  t.test('a visit says what the station does and what to bring', async (t) => {
    const review = eventBySummary(attorneyEvents, 'Review: A0014').description;
    t.match(review, /^The station: Legal review of the prepared forms/m);
    t.match(review, /^Bring: Your bar card or DOJ accreditation ID\.$/m);
  });

  t.test("a desk shift says which desk, what it does and what to bring", async (t) => {
    const events = parseCalendar(volunteerCalendar(clinic, clinicPlan, 'V011', options())).events;
    t.same(events.map((e) => e.summary), ['Check-in desk', 'Final check desk']);
    t.match(events[0]!.description, /^The desk: Welcome applicants/m);
    t.match(events[0]!.description, /^Bring: /m);
  });

  t.test('no event carries an alarm', async (t) => {
    const all = ['V003', 'V008', 'V011'].flatMap((id) => parseCalendar(volunteerCalendar(clinic, clinicPlan, id, options())).events);
    t.equal(all.length, 11);
    t.same(all.filter((e) => e.alarms > 0), []);
  });
});

t.test('privacy', async (t) => {
  t.test("no Fresno calendar holds an applicant's name or any red flag", async (t) => {
    const flagWords = RED_FLAGS.flatMap((f) => [f, f.replace(/_/g, ' ')]);
    t.ok(fresno.applicants.some((a) => a.flags.length > 0), 'the sample has flagged applicants');
    for (const v of fresno.volunteers) {
      const text = readableText(volunteerCalendar(fresno, fresnoPlan, v.id, options())).toLowerCase();
      const leaks = [...fresno.applicants.map((a) => a.name), ...flagWords].filter((word) => text.includes(word.toLowerCase()));
      t.same(leaks, [], v.id);
    }
  });

  t.test("with showFirstNames a visit shows the applicant's first name and nothing more of it", async (t) => {
    const text = readableText(volunteerCalendar(clinic, clinicPlan, 'V003', options({ showFirstNames: true })));
    t.match(text, 'Screening: A0014 (Mónica), DACA renewal');
    t.notMatch(text, /Peña|Vásquez|Guzmán|Bautista/);
    t.notMatch(text, /in_proceedings|prior_removal|in proceedings|prior removal/);
  });

  t.test('the organization feed holds no personal data', async (t) => {
    const text = readableText(organizationFeed([fresno], { now: NOW })).toLowerCase();
    const people = [
      ...fresno.applicants.flatMap((a) => [a.id, a.name, a.phone, a.email]),
      ...fresno.volunteers.flatMap((v) => [v.id, v.name, v.phone, v.email]),
      ...RED_FLAGS,
    ].filter((x): x is string => Boolean(x));
    t.same(people.filter((x) => text.includes(x.toLowerCase())), []);
    t.match(text, fresno.event.name.toLowerCase(), 'while it does list the workshop');
  });
});

t.test('updates across plan versions', async (t) => {
  const history = [{ version: 1, plan: clinicPlan }];
  const sequences = (p: PlanJson, id: string, h = history) =>
    Object.fromEntries(parseCalendar(volunteerCalendar(clinic, p, id, options({ history: h }))).events.map((e) => [e.summary, e.sequence]));

  t.test('a re-plan by the planner keeps the UID of every visit that survives it', async (t) => {
    const dropped = fresnoPlan.scheduled[0]!.applicant;
    const next: Bundle = { ...fresno, applicants: fresno.applicants.filter((a) => a.id !== dropped) };
    const replanned = plan(next, { iterations: 20, previous: fresnoPlan });
    let surviving = 0;
    for (const v of fresno.volunteers) {
      const before = parseCalendar(volunteerCalendar(fresno, fresnoPlan, v.id, options())).events;
      const after = parseCalendar(volunteerCalendar(next, replanned, v.id, options({ history: [{ version: 1, plan: fresnoPlan, bundle: fresno }] }))).events;
      for (const stayed of replanned.scheduled) {
        for (const visit of stayed.visits.filter((x) => x.volunteer === v.id)) {
          const was = fresnoPlan.scheduled.find((s) => s.applicant === stayed.applicant)?.visits.find((x) => x.station === visit.station);
          if (was?.volunteer !== v.id) continue;
          surviving += 1;
          const prefix = `${visit.station[0]!.toUpperCase()}${visit.station.slice(1)}: ${stayed.applicant},`;
          t.equal(eventBySummary(after, prefix).uid, eventBySummary(before, prefix).uid, `${v.id} ${prefix}`);
        }
      }
    }
    t.ok(surviving > 10, `${surviving} visits survive the re-plan`);
  });

  t.test('a visit the planner dropped in a re-plan is in the feed as STATUS:CANCELLED', async (t) => {
    const dropped = fresnoPlan.scheduled[0]!;
    const next: Bundle = { ...fresno, applicants: fresno.applicants.filter((a) => a.id !== dropped.applicant) };
    const replanned = plan(next, { iterations: 20, previous: fresnoPlan });
    const first = dropped.visits[0]!;
    const events = parseCalendar(volunteerCalendar(next, replanned, first.volunteer, options({ history: [{ version: 1, plan: fresnoPlan, bundle: fresno }] }))).events;
    const cancelled = events.filter((e) => e.status === 'CANCELLED');
    t.ok(cancelled.some((e) => e.summary.includes(dropped.applicant) && e.start === ms(first.start)), `${dropped.applicant}'s visit with ${first.volunteer}`);
  });

  t.test('an event first published in a version gets SEQUENCE 0', async (t) => {
    t.same(Object.values(sequences(clinicPlan, 'V003', [])), [0, 0, 0, 0, 0, 0]);
  });

  t.test('SEQUENCE rises by one for each version in which a visit changed', async (t) => {
    const v2 = moved(clinic, clinicPlan, 'A0014', 'review', '10:10', '10:30');
    const v3 = copy(v2);
    const current = moved(clinic, v3, 'A0014', 'review', '10:05', '10:25');
    const h = [{ version: 1, plan: clinicPlan }, { version: 2, plan: v2 }, { version: 3, plan: v3 }];
    t.equal(sequences(current, 'V003', h)['Review: A0014, DACA renewal'], 2);
  });

  t.test('a visit that did not change keeps its SEQUENCE across versions', async (t) => {
    const current = moved(clinic, clinicPlan, 'A0014', 'review', '10:10', '10:30');
    t.equal(sequences(current, 'V003')['Screening: A0014, DACA renewal'], 0);
  });

  t.test("a change of interpreter raises the SEQUENCE of the visit in the volunteer's calendar", async (t) => {
    const bundle: Bundle = { ...clinic, volunteers: [...clinic.volunteers, interpreter({ id: 'V009', name: 'Second Interpreter' })] };
    const current = copy(clinicPlan);
    current.scheduled[1]!.visits[0]!.interpreter = 'V009';
    const events = parseCalendar(volunteerCalendar(bundle, current, 'V003', options({ history }))).events;
    t.equal(eventBySummary(events, 'Screening: A0005').sequence, 1);
  });

  t.test('a visit that disappeared stays in the feed as STATUS:CANCELLED with its SEQUENCE raised', async (t) => {
    const events = parseCalendar(volunteerCalendar(clinic, withoutStay(clinicPlan, 'A0005'), 'V003', options({ history }))).events;
    const gone = events.filter((e) => e.summary.includes('A0005'));
    t.equal(gone.length, 3);
    for (const e of gone) t.same([e.status, e.sequence], ['CANCELLED', 1], e.summary);
  });

  t.test('a visit cancelled in an earlier version is not raised again by later ones', async (t) => {
    const v2 = withoutStay(clinicPlan, 'A0005');
    const h = [{ version: 1, plan: clinicPlan }, { version: 2, plan: v2 }];
    const events = parseCalendar(volunteerCalendar(clinic, moved(clinic, v2, 'A0014', 'review', '10:10', '10:30'), 'V003', options({ history: h }))).events;
    t.same(events.filter((e) => e.summary.includes('A0005')).map((e) => [e.status, e.sequence]), [['CANCELLED', 1], ['CANCELLED', 1], ['CANCELLED', 1]]);
  });

  t.test('a visit given to another volunteer is cancelled for the first and new for the second', async (t) => {
    const bundle: Bundle = { ...clinic, volunteers: [...clinic.volunteers, attorney({ id: 'V002', name: 'Juan Domínguez' })] };
    const current = reassigned(clinicPlan, 'A0014', 'review', 'V002');
    const h = [{ version: 1, plan: clinicPlan }];
    const first = eventBySummary(parseCalendar(volunteerCalendar(bundle, current, 'V003', options({ history: h }))).events, 'Cancelled: Review: A0014');
    const second = eventBySummary(parseCalendar(volunteerCalendar(bundle, current, 'V002', options({ history: h }))).events, 'Review: A0014');
    t.same([first.status, first.sequence, second.status, second.sequence], ['CANCELLED', 1, 'CONFIRMED', 0]);
    t.not(first.uid, second.uid);
  });

  t.test('the volunteer and the interpreter of one visit get different UIDs', async (t) => {
    const lawyer = eventBySummary(parseCalendar(volunteerCalendar(clinic, clinicPlan, 'V003', options())).events, 'Screening: A0005');
    const bridge = eventBySummary(parseCalendar(volunteerCalendar(clinic, clinicPlan, 'V008', options())).events, 'Interpreting at screening: A0005');
    t.not(lawyer.uid, bridge.uid);
  });
});

t.test('invitations', async (t) => {
  const history = [{ version: 1, plan: clinicPlan }];
  const inviteOptions = { ...options(), organizer: ORGANIZER, history };

  t.test('a re-plan sends one REQUEST per changed event and one CANCEL per removed one, each with a single UID', async (t) => {
    const current = withoutStay(moved(clinic, clinicPlan, 'A0014', 'review', '10:10', '10:30'), 'A0005');
    const invites = volunteerInvites(clinic, current, 'V003', inviteOptions);
    t.same(invites.map((i) => i.method).sort(), ['CANCEL', 'CANCEL', 'CANCEL', 'REQUEST']);
    for (const invite of invites) {
      const parsed = parseCalendar(invite.ics);
      t.same([parsed.method, parsed.events.map((e) => e.uid)], [invite.method, [invite.uid]]);
    }
  });

  t.test('an event that did not change sends no invitation', async (t) => {
    t.same(volunteerInvites(clinic, clinicPlan, 'V003', inviteOptions), []);
  });

  t.test('a CANCEL carries STATUS:CANCELLED, the raised SEQUENCE, the organizer and the volunteer as attendee', async (t) => {
    const [invite] = volunteerInvites(clinic, withoutStay(clinicPlan, 'A0005'), 'V008', inviteOptions);
    const event = parseCalendar(invite!.ics).events[0]!;
    t.same(
      [event.status, event.sequence, event.organizer, event.attendees.map((a) => a.toLowerCase())],
      ['CANCELLED', 1, 'mailto:volunteers@cviic.example.org', ['mailto:xochitl@cviic-volunteers.example.org']],
    );
  });

  t.test('inviting a volunteer with no email is an error that says so', async (t) => {
    t.throws(() => volunteerInvites(clinic, clinicPlan, 'V011', inviteOptions), /volunteer V011 has no email/);
  });
});

t.test('errors', async (t) => {
  t.test('an unknown volunteer id throws an UnknownVolunteerError naming the volunteer and the event', async (t) => {
    t.throws(() => volunteerCalendar(clinic, clinicPlan, 'V999', options()), new UnknownVolunteerError('V999', clinic.event.id));
    t.throws(() => volunteerCalendar(clinic, clinicPlan, 'V999', options()), { message: 'volunteer V999 is not on the roster of event fresno-2027-03-13' });
  });

  t.test('a volunteer taken off the roster is still known through an earlier version, with every event cancelled', async (t) => {
    const next: Bundle = { ...clinic, volunteers: clinic.volunteers.filter((v) => v.id !== 'V008') };
    const current = withoutStay(clinicPlan, 'A0005');
    const events = parseCalendar(volunteerCalendar(next, current, 'V008', options({ history: [{ version: 1, plan: clinicPlan, bundle: clinic }] }))).events;
    t.same(events.map((e) => e.status), ['CANCELLED', 'CANCELLED', 'CANCELLED']);
  });

  t.test('a plan of another event is refused, naming both events', async (t) => {
    const other = { ...clinicPlan, event: 'merced-2027-04-10' };
    t.throws(() => volunteerCalendar(clinic, other, 'V003', options()), /plan is for event merced-2027-04-10, not fresno-2027-03-13/);
  });
});

t.test('the organization feed', async (t) => {
  t.test("gives each workshop's opening hours at its site", async (t) => {
    const events = parseCalendar(organizationFeed(workshops(), { now: NOW })).events;
    t.same(events.map((e) => [e.start, e.end, e.location]), [
      [ms('2027-03-13T09:00:00-08:00'), ms('2027-03-13T16:00:00-08:00'), 'St. Anthony Parish Hall, 5770 N Maroa Ave, Fresno, CA 93704'],
      [ms('2027-04-10T10:00:00-07:00'), ms('2027-04-10T15:00:00-07:00'), 'Merced Civic Center, 678 W 18th St, Merced, CA 95340'],
      [ms('2027-04-17T09:00:00-07:00'), ms('2027-04-17T16:00:00-07:00'), 'Yuma Main Library, 2951 S 21st Dr, Yuma, AZ 85364'],
    ]);
  });

  t.test('marks a cancelled workshop STATUS:CANCELLED with its SEQUENCE', async (t) => {
    const events = parseCalendar(organizationFeed(workshops(), { now: NOW })).events;
    t.same(events.map((e) => [e.status, e.sequence]), [['CONFIRMED', 0], ['CANCELLED', 2], ['CONFIRMED', 0]]);
  });

  t.test('defines each zone its workshops use, each once', async (t) => {
    const parsed = parseCalendar(organizationFeed(workshops(), { now: NOW }));
    t.same(parsed.zones.sort(), ['America/Los_Angeles', 'America/Phoenix']);
    t.same(parsed.events.map((e) => e.startZone), ['America/Los_Angeles', 'America/Los_Angeles', 'America/Phoenix']);
  });
});

t.test('a volunteer with nothing to do gets a calendar with no events', async (t) => {
  const bundle = scene({ volunteers: [attorney(), volunteer({ id: 'V020', name: 'Idle Helper' })], applicants: [applicant()] });
  const p = planOf(bundle, [], [shift(bundle, 'V003', 'check_in', '09:00', '10:00')]);
  const parsed = parseCalendar(volunteerCalendar(bundle, p, 'V020', options()));
  t.same([parsed.method, parsed.events.length], ['PUBLISH', 0]);
});
