import { DateTime, IANAZone } from 'luxon';

const CLOCK = /^(\d{2}):(\d{2})$/;

/** `HH:MM` from `00:00` to `24:00` as minutes after midnight, or null when it is not such a time. */
export function parseClock(text: string): number | null {
  const match = CLOCK.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/**
 * A zone's canonical IANA name (`america/los_angeles` and `US/Pacific` become
 * `America/Los_Angeles`), or null. Only place names and UTC count: an abbreviation such as
 * `EST` names a fixed offset that ignores daylight saving, an hour off all summer.
 */
export function canonicalZone(zone: string): string | null {
  const name = zone.trim();
  if (!(name === 'UTC' || /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(name)) || !IANAZone.isValidZone(name)) return null;
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

/** Whether a zone name is one the IANA database knows, written as a place or UTC. */
export function isKnownZone(zone: string): boolean {
  return canonicalZone(zone) !== null;
}

/**
 * The instant at a local wall-clock time (minutes after midnight; 1440 is the next midnight)
 * on a date in a zone. A time inside a daylight-saving gap moves forward, as clocks do.
 */
export function localInstant(date: string, zone: string, minuteOfDay: number): DateTime {
  const midnight = DateTime.fromISO(date, { zone }).startOf('day');
  return midnight.set({ hour: Math.floor(minuteOfDay / 60) % 24, minute: minuteOfDay % 60 })
    .plus({ days: minuteOfDay >= 1440 ? 1 : 0 });
}

/** Elapsed whole minutes from one instant to another. */
export function minutesBetween(from: DateTime, to: DateTime): number {
  return Math.round(to.diff(from, 'minutes').minutes);
}

/** An instant as the plan writes it: ISO 8601 with seconds and the site's offset, never `Z`. */
export function formatInstant(instant: DateTime): string {
  return instant.toISO({ suppressMilliseconds: true, includeOffset: true, extendedZone: false })!
    .replace(/Z$/, '+00:00');
}

/** Whether a `YYYY-MM-DD` text names a day that exists. */
export function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The fields of an event that place it in time. */
export type EventClock = { date: string; timezone: string; opens: string };

/**
 * Answers kept per day and zone: a plan asks for the same opening and the same clock minutes
 * thousands of times (every reason, warning and visit), and each costs luxon a zone lookup.
 * Bounded: past KEPT_DAYS days the kept answers are dropped and made again.
 */
const KEPT_DAYS = 1024;
const openings = new Map<string, DateTime>();
/** Each day's clock readings by elapsed minute (a day reads at most a few thousand). */
const clocks = new Map<string, Map<number, string>>();
const dayKey = (event: EventClock) => `${event.date}|${event.timezone}|${event.opens}`;
function kept<T>(map: Map<string, T>, key: string, make: () => T): T {
  const found = map.get(key);
  if (found !== undefined) return found;
  if (map.size >= KEPT_DAYS) map.clear();
  const made = make();
  map.set(key, made);
  return made;
}

/** The instant the event opens. */
export function openingInstant(event: EventClock): DateTime {
  return kept(openings, dayKey(event), () => localInstant(event.date, event.timezone, parseClock(event.opens) ?? 0));
}

/** A local wall-clock time on the event's day as elapsed minutes since opening. */
export function elapsedFromClock(event: EventClock, minuteOfDay: number): number {
  return minutesBetween(openingInstant(event), localInstant(event.date, event.timezone, minuteOfDay));
}

/** The instant at some elapsed minutes since opening, in the event's zone. */
export function instantAt(event: EventClock, elapsed: number): DateTime {
  return openingInstant(event).plus({ minutes: elapsed });
}

/** Elapsed minutes since opening as the site's wall clock reads them, `HH:MM` (`24:00` for the next midnight). */
export function clockAt(event: EventClock, elapsed: number): string {
  const readings = kept(clocks, dayKey(event), () => new Map<number, string>());
  let reading = readings.get(elapsed);
  if (reading === undefined) {
    const instant = instantAt(event, elapsed);
    const nextDay = instant.toISODate()! > event.date;
    reading = nextDay && instant.hour === 0 && instant.minute === 0 ? '24:00' : instant.toFormat('HH:mm');
    readings.set(elapsed, reading);
  }
  return reading;
}

/**
 * A converter from the site's wall-clock minutes to elapsed minutes since opening that
 * remembers its answers: a day has at most 1,441 clock minutes, and a roster of thousands
 * repeats them.
 */
export function clockToElapsed(event: EventClock): (minuteOfDay: number) => number {
  const opening = openingInstant(event);
  const memo = new Map<number, number>();
  return (minuteOfDay) => {
    let elapsed = memo.get(minuteOfDay);
    if (elapsed === undefined) {
      elapsed = minutesBetween(opening, localInstant(event.date, event.timezone, minuteOfDay));
      memo.set(minuteOfDay, elapsed);
    }
    return elapsed;
  };
}

/** The inverse converter, elapsed minutes to `HH:MM`, remembering its answers likewise. */
export function elapsedToClock(event: EventClock): (elapsed: number) => string {
  const memo = new Map<number, string>();
  return (elapsed) => {
    let clock = memo.get(elapsed);
    if (clock === undefined) {
      clock = clockAt(event, elapsed);
      memo.set(elapsed, clock);
    }
    return clock;
  };
}

/**
 * Windows as the site's clock reads them (`09:00-12:00;13:00-16:00`), as the bundle's
 * `available` column takes them; the whole day, or no window, is written as empty.
 */
export function windowsText(
  event: EventClock & { dayMinutes: number },
  windows: readonly { start: number; end: number }[],
  clockOf = elapsedToClock(event),
): string {
  const whole = windows.length === 1 && windows[0]!.start === 0 && windows[0]!.end === event.dayMinutes;
  if (whole || windows.length === 0) return '';
  return windows.map((w) => `${clockOf(w.start)}-${clockOf(w.end)}`).join(';');
}
