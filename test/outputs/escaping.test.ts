// Every calendar escapes what it is given: a name from a request never starts lines or events of
// its own, read back with ical.js.
import t from 'tap';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { icalText, organizationFeed } from '../../src/outputs/ics.js';

const NOW = DateTime.fromISO('2027-05-01T12:00:00Z', { zone: 'utc' });
/** Strings built from the characters that break calendars, with ordinary text between them. */
const hostile = fc.array(fc.oneof(
  fc.constantFrom('\r\n', '\n', '\r', ',', ';', '\\', ':', 'BEGIN:VEVENT', 'END:VCALENDAR', 'SUMMARY:Workshop MOVED — bring passport', '\u0000', '\t', 'é', '中文'),
  fc.string({ maxLength: 8 }),
), { maxLength: 12 }).map((parts) => parts.join(''));

/** The calendar's name as a reader shows it: ical.js keeps an X- property's escapes, so undo them (RFC 5545 TEXT). */
function calendarName(text: string): string {
  const component = new ICAL.Component(ICAL.parse(text));
  const raw = String(component.getFirstPropertyValue('x-wr-calname') ?? '');
  return raw.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

t.test('a hostile calendar name is one line of text: no event of its own, read back as given', async () => {
  fc.assert(fc.property(hostile, (raw) => {
    const name = `Free immigration legal workshops: ${raw}`;
    const text = organizationFeed([], { now: NOW, name });
    const component = new ICAL.Component(ICAL.parse(text));
    if (component.getAllSubcomponents('vevent').length !== 0) throw new Error('the name made an event');
    const expected = name.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
    if (calendarName(text) !== expected) throw new Error(`read back ${JSON.stringify(calendarName(text))}`);
    return true;
  }), { numRuns: 300, seed: 7 });
});

t.test('iCalendar text escapes backslashes, semicolons, commas and line breaks', async (t) => {
  t.equal(icalText('a\\b;c,d\r\ne\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
});

t.test('iCalendar text drops control characters', async (t) => {
  t.equal(icalText('a\u0000b\u001bc'), 'abc');
});
