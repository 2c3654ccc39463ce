import t from 'tap';
import { DateTime } from 'luxon';
import {
  clockAt, clockToElapsed, daysBetween, elapsedFromClock, elapsedToClock, formatInstant, instantAt, isCalendarDate, isKnownZone, canonicalZone,
  localInstant, minutesBetween, openingInstant, parseClock, windowsText,
} from '../../src/domain/index.js';
import type { EventClock } from '../../src/domain/index.js';
import { clock, EVENT_DATE, FALL_BACK_DATE, LOS_ANGELES, SPRING_FORWARD_DATE } from './fixtures/builders.js';

const MIDNIGHT = 0;
const NEXT_MIDNIGHT = clock(24);
const fresnoSaturday: EventClock = { date: EVENT_DATE, timezone: LOS_ANGELES, opens: '09:00' };
const summerClinic: EventClock = { date: '2027-06-05', timezone: LOS_ANGELES, opens: '09:00' };
/** Events that open at midnight on the days Los Angeles changes its clocks. */
const springForward: EventClock = { date: SPRING_FORWARD_DATE, timezone: LOS_ANGELES, opens: '00:00' };
const fallBack: EventClock = { date: FALL_BACK_DATE, timezone: LOS_ANGELES, opens: '00:00' };

// parseClock

t.test('reads 00:00 as minute 0 of the day', async (t) => {
  t.equal(parseClock('00:00'), MIDNIGHT);
});

t.test('reads 09:30 as 570 minutes after midnight', async (t) => {
  t.equal(parseClock('09:30'), clock(9, 30));
});

t.test('reads 23:59 as the last minute before midnight', async (t) => {
  t.equal(parseClock('23:59'), 1439);
});

t.test('reads 24:00 as the next midnight, 1440 minutes', async (t) => {
  t.equal(parseClock('24:00'), NEXT_MIDNIGHT);
});

t.test('rejects 24:01, past the end of the day', async (t) => {
  t.equal(parseClock('24:01'), null);
});

t.test('rejects 25:00', async (t) => {
  t.equal(parseClock('25:00'), null);
});

t.test('rejects 9:00, which lacks a two-digit hour', async (t) => {
  t.equal(parseClock('9:00'), null);
});

t.test('rejects 12:60, a minute that does not exist', async (t) => {
  t.equal(parseClock('12:60'), null);
});

t.test('rejects words such as noon', async (t) => {
  t.equal(parseClock('noon'), null);
});

t.test('rejects an empty time', async (t) => {
  t.equal(parseClock(''), null);
});

// isKnownZone

t.test('knows America/Los_Angeles as a time zone', async (t) => {
  t.equal(isKnownZone(LOS_ANGELES), true);
});

t.test('knows UTC as a time zone', async (t) => {
  t.equal(isKnownZone('UTC'), true);
});

t.test('does not know a made-up zone', async (t) => {
  t.equal(isKnownZone('America/Fresno_Valley'), false);
});

t.test('does not take a blank zone for a zone', async (t) => {
  t.equal(isKnownZone('   '), false);
});

// formatInstant, localInstant, openingInstant, instantAt on an ordinary day

t.test("a Fresno clinic on 2027-03-13 opens at 09:00 Pacific Standard Time", async (t) => {
  t.equal(formatInstant(openingInstant(fresnoSaturday)), '2027-03-13T09:00:00-08:00');
});

t.test('a visit 5 minutes after a 09:00 opening starts at 09:05 with the site’s offset', async (t) => {
  t.equal(formatInstant(instantAt(fresnoSaturday, 5)), '2027-03-13T09:05:00-08:00');
});

t.test('a summer clinic in Los Angeles is written with the daylight offset -07:00', async (t) => {
  t.equal(formatInstant(openingInstant(summerClinic)), '2027-06-05T09:00:00-07:00');
});

t.test('an instant in UTC is written with +00:00, never Z', async (t) => {
  t.equal(formatInstant(localInstant(EVENT_DATE, 'UTC', clock(9))), '2027-03-13T09:00:00+00:00');
});

t.test('an instant in London in winter is written with +00:00', async (t) => {
  t.equal(formatInstant(localInstant('2027-01-16', 'Europe/London', clock(9))), '2027-01-16T09:00:00+00:00');
});

t.test('a local time of 24:00 is the next day’s midnight', async (t) => {
  t.equal(formatInstant(localInstant(EVENT_DATE, LOS_ANGELES, NEXT_MIDNIGHT)), '2027-03-14T00:00:00-08:00');
});

t.test('an event whose opening time cannot be read is placed at midnight', async (t) => {
  t.equal(formatInstant(openingInstant({ ...fresnoSaturday, opens: 'nine' })), '2027-03-13T00:00:00-08:00');
});

// elapsed minutes on an ordinary day

t.test('a 09:00–16:00 day lasts 420 elapsed minutes', async (t) => {
  t.equal(elapsedFromClock(fresnoSaturday, clock(16)), 420);
});

t.test('a time before opening is a negative number of elapsed minutes', async (t) => {
  t.equal(elapsedFromClock(fresnoSaturday, clock(8, 30)), -30);
});

t.test('the site clock reads 09:00 at opening', async (t) => {
  t.equal(clockAt(fresnoSaturday, 0), '09:00');
});

t.test('the site clock reads 12:35 three hours and 35 minutes after a 09:00 opening', async (t) => {
  t.equal(clockAt(fresnoSaturday, clock(3, 35)), '12:35');
});

t.test('the site clock reads 24:00, not 00:00, at the midnight that ends the event’s day', async (t) => {
  t.equal(clockAt(fresnoSaturday, clock(15)), '24:00');
});

t.test('the site clock reads 00:15 a quarter hour after the midnight that ends the event’s day', async (t) => {
  t.equal(clockAt(fresnoSaturday, clock(15, 15)), '00:15');
});

// Spring forward: 2027-03-14, 02:00 PST becomes 03:00 PDT in Los Angeles

t.test('an event opening at 00:00 on the spring-forward day opens at -08:00', async (t) => {
  t.equal(formatInstant(openingInstant(springForward)), '2027-03-14T00:00:00-08:00');
});

t.test('one elapsed hour into the spring-forward day is 01:00 at -08:00', async (t) => {
  t.equal(formatInstant(instantAt(springForward, 60)), '2027-03-14T01:00:00-08:00');
});

t.test('two elapsed hours into the spring-forward day is 03:00 at -07:00', async (t) => {
  t.equal(formatInstant(instantAt(springForward, 120)), '2027-03-14T03:00:00-07:00');
});

t.test('03:00 on the spring-forward day is only 120 elapsed minutes after midnight', async (t) => {
  t.equal(elapsedFromClock(springForward, clock(3)), 120);
});

t.test('noon on the spring-forward day is 660 elapsed minutes after midnight', async (t) => {
  t.equal(minutesBetween(openingInstant(springForward), localInstant(SPRING_FORWARD_DATE, LOS_ANGELES, clock(12))), 660);
});

t.test('the spring-forward day lasts 23 hours from midnight to midnight', async (t) => {
  t.equal(elapsedFromClock(springForward, NEXT_MIDNIGHT), clock(23));
});

t.test('a time inside the spring-forward gap moves forward: 02:30 is 03:30 PDT', async (t) => {
  t.equal(formatInstant(localInstant(SPRING_FORWARD_DATE, LOS_ANGELES, clock(2, 30))), '2027-03-14T03:30:00-07:00');
});

t.test('the site clock skips from 01:59 to 03:00 on the spring-forward day', async (t) => {
  t.equal(clockAt(springForward, 119), '01:59');
  t.equal(clockAt(springForward, 120), '03:00');
});

t.test('the site clock reads 24:00 after 23 elapsed hours on the spring-forward day', async (t) => {
  t.equal(clockAt(springForward, clock(23)), '24:00');
});

// Fall back: 2027-11-07, 02:00 PDT becomes 01:00 PST in Los Angeles

t.test('one elapsed hour into the fall-back day is 01:00 at -07:00', async (t) => {
  t.equal(formatInstant(instantAt(fallBack, 60)), '2027-11-07T01:00:00-07:00');
});

t.test('two elapsed hours into the fall-back day is 01:00 again, at -08:00', async (t) => {
  t.equal(formatInstant(instantAt(fallBack, 120)), '2027-11-07T01:00:00-08:00');
});

t.test('the site clock reads 01:00 twice on the fall-back day', async (t) => {
  t.equal(clockAt(fallBack, 60), '01:00');
  t.equal(clockAt(fallBack, 120), '01:00');
});

t.test('03:00 on the fall-back day is 240 elapsed minutes after midnight', async (t) => {
  t.equal(elapsedFromClock(fallBack, clock(3)), 240);
});

t.test('the fall-back day lasts 25 hours from midnight to midnight', async (t) => {
  t.equal(elapsedFromClock(fallBack, NEXT_MIDNIGHT), clock(25));
});

t.test('the site clock reads 24:00 after 25 elapsed hours on the fall-back day', async (t) => {
  t.equal(clockAt(fallBack, clock(25)), '24:00');
});

// minutesBetween

t.test('counts 90 minutes from 09:00 to 10:30', async (t) => {
  t.equal(minutesBetween(localInstant(EVENT_DATE, LOS_ANGELES, clock(9)), localInstant(EVENT_DATE, LOS_ANGELES, clock(10, 30))), 90);
});

t.test('counts backwards as negative minutes', async (t) => {
  t.equal(minutesBetween(localInstant(EVENT_DATE, LOS_ANGELES, clock(10, 30)), localInstant(EVENT_DATE, LOS_ANGELES, clock(9))), -90);
});

// isCalendarDate

t.test('accepts an ordinary date', async (t) => {
  t.equal(isCalendarDate(EVENT_DATE), true);
});

t.test('rejects 29 February in a common year (2027)', async (t) => {
  t.equal(isCalendarDate('2027-02-29'), false);
});

t.test('accepts 29 February in a leap year (2028)', async (t) => {
  t.equal(isCalendarDate('2028-02-29'), true);
});

t.test('rejects a thirteenth month', async (t) => {
  t.equal(isCalendarDate('2027-13-01'), false);
});

t.test('rejects a date without two-digit month and day', async (t) => {
  t.equal(isCalendarDate('2027-3-13'), false);
});

t.test('rejects a date with a time attached', async (t) => {
  t.equal(isCalendarDate('2027-03-13T09:00'), false);
});

t.test('rejects a date written day first', async (t) => {
  t.equal(isCalendarDate('13/03/2027'), false);
});

// daysBetween

t.test('counts 60 days from 2027-03-13 to 2027-05-12', async (t) => {
  // 18 days left in March + 30 in April + 12 in May
  t.equal(daysBetween(EVENT_DATE, '2027-05-12'), 60);
});

t.test('counts 0 days from a date to itself', async (t) => {
  t.equal(daysBetween(EVENT_DATE, EVENT_DATE), 0);
});

t.test('counts an earlier date as negative days', async (t) => {
  t.equal(daysBetween(EVENT_DATE, '2027-03-01'), -12);
});

t.test('counts whole days across the spring-forward weekend', async (t) => {
  t.equal(daysBetween(EVENT_DATE, '2027-03-15'), 2);
});

t.test('counts 29 February in a leap year', async (t) => {
  t.equal(daysBetween('2028-02-28', '2028-03-01'), 2);
});

t.test('counts no 29 February in a common year', async (t) => {
  t.equal(daysBetween('2027-02-28', '2027-03-01'), 1);
});

// clockToElapsed and elapsedToClock (the converters one file's rows share)

t.test('the clock converter counts 03:00 on the spring-forward day as 120 elapsed minutes after midnight, as often as asked', async (t) => {
  const toElapsed = clockToElapsed(springForward);
  t.equal(toElapsed(clock(3)), 120);
  t.equal(toElapsed(clock(3)), 120);
  t.equal(toElapsed(clock(9, 30)), elapsedFromClock(springForward, clock(9, 30)));
});

t.test('the elapsed converter reads 180 elapsed minutes after midnight on the fall-back day as 02:00, as often as asked', async (t) => {
  const toClock = elapsedToClock(fallBack);
  t.equal(toClock(180), '02:00');
  t.equal(toClock(180), '02:00');
  t.equal(toClock(60), clockAt(fallBack, 60));
});

// canonicalZone

t.test('spells a zone the IANA way whatever case it was written in', async (t) => {
  t.equal(canonicalZone('america/los_angeles'), LOS_ANGELES);
});

t.test('follows an old IANA link to its place name', async (t) => {
  t.equal(canonicalZone('US/Pacific'), LOS_ANGELES);
});

t.test('refuses an abbreviation such as EST, which ignores daylight saving', async (t) => {
  t.equal(canonicalZone('EST'), null);
  t.equal(isKnownZone('PST'), false);
});

t.test('refuses a bare offset as a zone', async (t) => {
  t.equal(canonicalZone('+05:00'), null);
});

// windowsText

t.test('writes windows as the site clock reads them, separated by semicolons', async (t) => {
  const day = { ...fresnoSaturday, dayMinutes: clock(7) };
  t.equal(windowsText(day, [{ start: 0, end: clock(3) }, { start: clock(4), end: clock(7) }]), '09:00-12:00;13:00-16:00');
});

t.test('writes the whole day, or no window, as an empty cell', async (t) => {
  const day = { ...fresnoSaturday, dayMinutes: clock(7) };
  t.equal(windowsText(day, [{ start: 0, end: clock(7) }]), '');
  t.equal(windowsText(day, []), '');
});

t.test('opening instants and clock readings stay right for more days than are kept at once', async (t) => {
  // Days of 2030 and 2031 opening at 07:00–10:59 in turn: more than the kept answers, so they are dropped and made again.
  const days = Array.from({ length: 1500 }, (_, i) => {
    const date = new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10);
    return { date, timezone: LOS_ANGELES, opens: `${String(7 + (i % 4)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}` };
  });
  for (const round of [1, 2]) {
    const wrong = days.filter((e) => openingInstant(e).toFormat('yyyy-MM-dd HH:mm') !== `${e.date} ${e.opens}`
      || clockAt(e, 61) !== DateTime.fromISO(`${e.date}T${e.opens}`, { zone: LOS_ANGELES }).plus({ minutes: 61 }).toFormat('HH:mm'));
    t.same(wrong, [], `round ${round}: every day opens at its own time and reads its own clock`);
  }
});
