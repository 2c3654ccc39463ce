/**
 * What the printed outputs (station sheets, applicant slips) share: the print stylesheet,
 * read once and inlined into every file so it prints offline, and the Handlebars templates
 * of views/print/, compiled once at module load. This module is an edge: it reads files.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import handlebars from 'handlebars';
import { DateTime } from 'luxon';
import { localInstant, parseClock } from '../domain/index.js';
import type { ClinicEvent } from '../domain/index.js';

const ROOT = new URL('../../', import.meta.url);

/** The text of static/css/print.css, inlined into each printed file. */
export const PRINT_CSS = readFileSync(new URL('static/css/print.css', ROOT), 'utf8');

/**
 * The CSP source that allows the inline stylesheet (`style-src 'self' <this>`): a page served
 * under the app's Content-Security-Policy needs it, or the browser drops the styles.
 */
export const PRINT_CSS_HASH = `'sha256-${createHash('sha256').update(PRINT_CSS, 'utf8').digest('base64')}'`;

/**
 * What draft sheets carry besides: the mark at the top of every printed page, whatever runs
 * over from the page before. A stylesheet of its own, so a published document says nothing of drafts.
 */
export const DRAFT_CSS = '@page { @top-center { content: "DRAFT \\2014  not yet published"; font: 800 10pt sans-serif; } }';

/** The CSP source that allows the draft stylesheet, beside PRINT_CSS_HASH. */
export const DRAFT_CSS_HASH = `'sha256-${createHash('sha256').update(DRAFT_CSS, 'utf8').digest('base64')}'`;

const engine = handlebars.create();
// The parts several printed outputs share: the sheets' cover, in the full and the compact sheets.
engine.registerPartial('sheets-cover', readFileSync(new URL('views/print/partials/sheets-cover.hbs', ROOT), 'utf8'));

/** A template of views/print/, compiled; it is given the stylesheet as `css` and the draft's as `draftCss`. */
export function printTemplate(name: string): (view: object) => string {
  const template = engine.compile(readFileSync(new URL(`views/print/${name}.hbs`, ROOT), 'utf8'), { strict: false });
  return (view) => template({ ...view, css: PRINT_CSS, draftCss: DRAFT_CSS });
}

/** A plan instant (ISO 8601 with offset) in the event's zone; a malformed one names where it is. */
export function planInstant(text: string, zone: string, where: string): DateTime {
  const instant = DateTime.fromISO(text, { setZone: true }).setZone(zone);
  if (!instant.isValid) throw new Error(`${where}: "${text}" is not a valid time`);
  return instant;
}

/** The instant of a local `HH:MM` on the event's day. */
export function eventClock(event: Pick<ClinicEvent, 'date' | 'timezone'>, clock: string): DateTime {
  const minutes = parseClock(clock);
  if (minutes === null) throw new Error(`"${clock}" is not an HH:MM time`);
  return localInstant(event.date, event.timezone, minutes);
}

const ids = new Intl.Collator('en', { numeric: true });

/** Ids in a person's reading order: `V2` before `V10`. */
export const byId = (a: string, b: string): number => ids.compare(a, b);
