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

/** Whether a zone name is one the IANA database (as luxon sees it) knows. */
export function isKnownZone(zone: string): boolean {
  return zone.trim() !== '' && IANAZone.isValidZone(zone);
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

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = DateTime.fromISO(from, { zone: 'UTC' });
  const b = DateTime.fromISO(to, { zone: 'UTC' });
  return Math.round(b.diff(a, 'days').days);
}

/** The fields of an event that place it in time. */
export type EventClock = { date: string; timezone: string; opens: string };

/** The instant the event opens. */
export function openingInstant(event: EventClock): DateTime {
  return localInstant(event.date, event.timezone, parseClock(event.opens) ?? 0);
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
  const instant = instantAt(event, elapsed);
  const nextDay = instant.toISODate()! > event.date;
  return nextDay && instant.hour === 0 && instant.minute === 0 ? '24:00' : instant.toFormat('HH:mm');
}
