import t from 'tap';
import { DAY_MINUTES_0900_1600, applicant, bundleOf, event, read, volunteer, where } from './builders.js';

// The builders' event opens 09:00 and closes 16:00 in Los Angeles.
const WHOLE_DAY = [{ start: 0, end: DAY_MINUTES_0900_1600 }];
// Daylight-saving time starts in Los Angeles at 02:00 on 2027-03-14, and ends at 02:00 on 2027-11-07.
const SPRING_FORWARD = event({ date: '2027-03-14', opens: '00:00', closes: '12:00' });
const FALL_BACK = event({ date: '2027-11-07', opens: '00:00', closes: '12:00' });

const applicantWindows = (available: string) =>
  bundleOf(read({ applicants: [applicant({ available })] })).applicants[0]?.available;

t.test('gives a volunteer with no available windows the whole day', async (t) => {
  t.same(bundleOf(read()).volunteers[0]?.available, WHOLE_DAY);
});

t.test('gives an applicant with no available windows the whole day', async (t) => {
  t.same(bundleOf(read()).applicants[0]?.available, WHOLE_DAY);
});

t.test('converts a window to elapsed minutes since opening', async (t) => {
  t.same(applicantWindows('10:00-14:00'), [{ start: 60, end: 300 }]);
});

t.test('converts every window of a ;-separated list', async (t) => {
  t.same(applicantWindows('09:00-11:30; 13:30 - 16:00'), [{ start: 0, end: 150 }, { start: 270, end: 420 }]);
});

t.test('converts a volunteer\'s windows the same way', async (t) => {
  const result = read({ volunteers: [volunteer({ available: '12:00-15:00' })] });
  t.same(bundleOf(result).volunteers[0]?.available, [{ start: 180, end: 360 }]);
});

for (const malformed of ['9-12', '09:00-25:00', 'noon-13:00', '09:00', '09:60-10:00']) {
  t.test(`reports the malformed window ${malformed} at its row and the available column`, async (t) => {
    const result = read({ applicants: [applicant(), applicant({ id: 'A0002', available: `13:00-14:00;${malformed}` })] });
    t.same(where(result.errors), ['applicants.csv:3:available']);
    t.match(result.errors[0]?.message, `"${malformed}" is not a time window: write HH:MM-HH:MM`);
    t.equal(result.bundle, null);
  });
}

t.test('reports a window that ends before it starts', async (t) => {
  const result = read({ volunteers: [volunteer({ available: '14:00-10:00' })] });
  t.same(where(result.errors), ['volunteers.csv:2:available']);
  t.match(result.errors[0]?.message, /the window "14:00-10:00" ends before it starts/);
});

t.test('reports a window that ends the minute it starts', async (t) => {
  const result = read({ volunteers: [volunteer({ available: '10:00-10:00' })] });
  t.same(where(result.errors), ['volunteers.csv:2:available']);
});

t.test('accepts a window that ends at 24:00', async (t) => {
  t.same(applicantWindows('15:00-24:00'), [{ start: 360, end: 900 }]);
});

t.test('warns about a window wholly before opening and keeps the row', async (t) => {
  const result = read({ applicants: [applicant({ available: '07:00-09:00' })] });
  t.same(result.errors, []);
  t.same(where(result.warnings), ['applicants.csv:2:available']);
  t.match(result.warnings[0]?.message, /the window 07:00-09:00 lies wholly outside the event's hours \(09:00-16:00\)/);
  t.same(bundleOf(result).applicants[0]?.available, [{ start: -120, end: 0 }]);
});

t.test('warns about a window wholly after closing', async (t) => {
  const result = read({ volunteers: [volunteer({ available: '16:00-18:30' })] });
  t.same(where(result.warnings), ['volunteers.csv:2:available']);
  t.match(result.warnings[0]?.message, /16:00-18:30 lies wholly outside/);
});

t.test('does not warn about a window that overlaps the event\'s hours in part', async (t) => {
  const result = read({ applicants: [applicant({ available: '08:00-10:00;15:59-17:00' })] });
  t.same(result.warnings, []);
});

t.test('measures a day with the spring daylight-saving change in elapsed minutes', async (t) => {
  const { event: ev, volunteers } = bundleOf(read({ event: SPRING_FORWARD }));
  t.equal(ev.dayMinutes, 660);
  t.same(volunteers[0]?.available, [{ start: 0, end: 660 }]);
});

t.test('converts a window after the spring change to elapsed minutes since opening', async (t) => {
  const result = read({ event: SPRING_FORWARD, applicants: [applicant({ available: '03:00-05:00' })] });
  t.same(bundleOf(result).applicants[0]?.available, [{ start: 120, end: 240 }]);
});

t.test('measures a day with the autumn daylight-saving change in elapsed minutes', async (t) => {
  const result = read({ event: FALL_BACK, applicants: [applicant({ available: '03:00-05:00' })] });
  t.equal(bundleOf(result).event.dayMinutes, 780);
  t.same(bundleOf(result).applicants[0]?.available, [{ start: 240, end: 360 }]);
});
