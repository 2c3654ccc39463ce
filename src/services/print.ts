/**
 * Printing an event's papers: the station sheets (full or compact) and the applicants' slips
 * (all, one language's, or one applicant's) of the version people hold, or of any version,
 * marked draft unless it is the published one. Each print is on the audit log, since the
 * papers carry names. Shared by the JSON API, the print pages and their forms.
 */
import type { DateTime } from 'luxon';
import { audit, loadBundle } from '../db/events.js';
import type { Db } from '../db/index.js';
import { purgedAt } from '../db/purge.js';
import type { StoredPlan } from '../db/plans.js';
import type { Bundle } from '../domain/index.js';
import { stationSheets } from '../outputs/sheets.js';
import { applicantSlips, SlipUnavailableError } from '../outputs/slips.js';
import type { SlipLanguage, SlipsOptions } from '../outputs/slips.js';
import { shownPlan, withWarnings } from './plans.js';
import { nothingToPrint } from './retention.js';

export type PrintRefusal =
  | { kind: 'not_found'; error: string }
  | { kind: 'no_plan'; error: string }
  | { kind: 'no_version'; error: string }
  | { kind: 'purged'; error: string; on: string }
  | { kind: 'no_slip'; error: string; version: number };

export type Printed = { kind: 'printed'; html: string; version: number; draft: boolean };

export interface SheetsRequest {
  /** A stored version (default: the one people hold). */
  version?: number;
  /** The compact sheets: one table per station, several volunteers to a page. */
  compact?: boolean;
  /** When they were printed, for the cover (default: now). */
  now?: DateTime;
}

export interface SlipsRequest {
  version?: number;
  perPage?: 1 | 2 | 4;
  /** Only the slips printed in this language. */
  language?: SlipLanguage;
  /** Only this applicant's slip, one to a page. */
  applicant?: string;
}

/** The event and the version to print, or why there is nothing to print. */
export function printableVersion(db: Db, slug: string, version?: number):
  { kind: 'found'; bundle: Bundle & { key: number }; shown: StoredPlan & { draft: boolean } } | PrintRefusal {
  const bundle = loadBundle(db, slug);
  if (!bundle) return { kind: 'not_found', error: `Event ${slug} not found` };
  const purged = purgedAt(db, bundle.key);
  if (purged !== null) return { kind: 'purged', error: nothingToPrint(slug, purged), on: purged.slice(0, 10) };
  const shown = shownPlan(db, bundle.key, version);
  if (!shown) {
    return version === undefined || !shownPlan(db, bundle.key)
      ? { kind: 'no_plan', error: `Event ${slug} has no plan yet: plan it first` }
      : { kind: 'no_version', error: `Plan version ${version} of ${slug} not found` };
  }
  return { kind: 'found', bundle, shown };
}

/** What a print's audit row says besides the version: how it was printed, never a name. */
const detailOf = (version: number, parts: (string | false | undefined)[]) =>
  [`version ${version}`, ...parts.filter((p): p is string => typeof p === 'string' && p !== '')].join(', ');

/** The station sheets of a version as one HTML document, audit-logged as `sheets.export`. */
export function printSheets(db: Db, slug: string, request: SheetsRequest, actor: string): Printed | PrintRefusal {
  const found = printableVersion(db, slug, request.version);
  if (found.kind !== 'found') return found;
  const { bundle, shown } = found;
  audit(db, actor, 'sheets.export', slug, detailOf(shown.version, [request.compact === true && 'compact']));
  // Warnings read against today's roster: a desk volunteer who left shows on the sheets.
  const html = stationSheets(bundle, withWarnings(bundle, shown), {
    draft: shown.draft, ...(request.compact ? { compact: true } : {}), ...(request.now ? { now: request.now } : {}),
  });
  return { kind: 'printed', html, version: shown.version, draft: shown.draft };
}

/** The slips of a version (all, one language's or one applicant's) as one HTML document, audit-logged as `slips.export`. */
export async function printSlips(db: Db, slug: string, request: SlipsRequest, actor: string): Promise<Printed | PrintRefusal> {
  const found = printableVersion(db, slug, request.version);
  if (found.kind !== 'found') return found;
  const { bundle, shown } = found;
  const options: SlipsOptions = { draft: shown.draft };
  if (request.perPage !== undefined) options.perPage = request.perPage;
  if (request.language !== undefined) options.language = request.language;
  if (request.applicant !== undefined) options.applicant = request.applicant;
  let html: string;
  try {
    html = await applicantSlips(bundle, shown.plan, options);
  } catch (err) {
    if (err instanceof SlipUnavailableError) return { kind: 'no_slip', error: err.message, version: shown.version };
    throw err;
  }
  audit(db, actor, 'slips.export', slug, detailOf(shown.version, [
    request.language !== undefined && `language ${request.language}`, request.applicant !== undefined && `applicant ${request.applicant}`,
  ]));
  return { kind: 'printed', html, version: shown.version, draft: shown.draft };
}
