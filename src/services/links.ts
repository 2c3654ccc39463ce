/**
 * Personal links, the use cases the pages, the routes and the command line share: making one
 * person's link, exporting everyone's as a CSV file for the coordinator's own mail merge, and
 * what a volunteer's own link opens (their day, their calendar).
 *
 * A volunteer's link (token kind `volunteer`) opens `/v/TOKEN`; an applicant's (kind
 * `applicant`) opens `/a/TOKEN`, the applicant's own page. Links are built from an origin the
 * caller gives: PUBLIC_URL, or `http://localhost:PORT` while the server is reachable only on
 * this machine (see src/http/links.ts); never from a request's Host header.
 */
import { DateTime } from 'luxon';
import { audit, loadBundle, loadEvent } from '../db/events.js';
import type { Db } from '../db/index.js';
import { eventKey } from '../db/plans.js';
import { latestAnswerOf, publishedDutiesOf, rosterEntryView } from '../db/responses.js';
import type { DutyRow, RosterEntryView } from '../db/responses.js';
import { issueLink, issueLinks, linkHolders } from '../db/tokens.js';
import type { LinkHolder, LinkOptions } from '../db/tokens.js';
import type { ClinicEvent } from '../domain/index.js';
import { csvText } from '../outputs/csv.js';
import { UnknownVolunteerError } from '../outputs/ics.js';
import { calendarFor, heldPlan } from './plans.js';

/** Whose own link: a volunteer's page or an applicant's page. */
export type PersonKind = 'volunteer' | 'applicant';
export const PERSON_KINDS: readonly PersonKind[] = ['volunteer', 'applicant'];

/** The path a person's own link opens: a volunteer's `/v/TOKEN`, an applicant's `/a/TOKEN`. */
export const linkPath = (kind: PersonKind, token: string): string => `/${kind === 'volunteer' ? 'v' : 'a'}/${token}`;

/** The calendar a volunteer's own link serves, and its `webcal://` twin for subscribing. */
export const calendarPath = (token: string): string => `/v/${token}/calendar.ics`;
export const webcalOf = (url: string): string => url.replace(/^https?:/, 'webcal:');

export type MadeLink =
  | { ok: true; url: string; expiresAt: string; revoked: number }
  | { ok: false; reason: 'not_found' | 'bad_expiry' };

/**
 * A new link of one person of an event (`replace`: their earlier links of the kind stop
 * working), as a full URL from `origin`. Audited by the token's number, never the token.
 */
export function makeLink(db: Db, origin: string, target: { event: string; kind: PersonKind; code: string }, options: LinkOptions,
  actor: string, now = DateTime.utc()): MadeLink {
  const made = issueLink(db, { kind: target.kind, event: target.event, code: target.code }, options, actor, now);
  if (!made.ok) return made;
  return { ok: true, url: `${origin}${linkPath(target.kind, made.token)}`, expiresAt: made.expiresAt, revoked: made.revoked.length };
}

/** Whom an export makes links for: everyone (new links, the earlier ones stop working), or only those without a working link. */
export type ExportScope = 'all' | 'missing';

export const LINK_EXPORT_COLUMNS = ['kind', 'code', 'name', 'language', 'email', 'phone', 'url', 'expires'] as const;

export interface LinksExport {
  /** The CSV file: one row per person given a link, formula-like cells neutralised. */
  csv: string;
  volunteers: number;
  applicants: number;
  /** Earlier links that stopped working. */
  revoked: number;
}

/**
 * Makes links for an event's people (volunteers first, then applicants, in file order) and
 * writes them as a CSV file: kind, code, name, language (their first), e-mail, phone, url,
 * expires. All made in one transaction; the export is on the audit log with its counts only.
 * Undefined when there is no such event.
 */
export function exportLinks(db: Db, origin: string, slug: string, scope: ExportScope, actor: string, now = DateTime.utc()): LinksExport | undefined {
  const key = eventKey(db, slug);
  if (key === undefined) return undefined;
  const chosen = linkHolders(db, key, now.toUTC().toISO()!).filter((h) => scope === 'all' || !h.live);
  const made = issueLinks(db, chosen.map((h) => ({ kind: h.kind, event: slug, code: h.code })), { replace: scope === 'all' }, actor, now);
  const rows: (string | null)[][] = [];
  let revoked = 0;
  chosen.forEach((h: LinkHolder, i) => {
    const link = made[i]!;
    if (!link.ok) return;
    revoked += link.revoked.length;
    rows.push([h.kind, h.code, h.name, h.languages[0] ?? '', h.email, h.phone, `${origin}${linkPath(h.kind, link.token)}`, link.expiresAt]);
  });
  const volunteers = rows.filter((r) => r[0] === 'volunteer').length;
  const applicants = rows.length - volunteers;
  audit(db, actor, 'links.export', slug,
    `${volunteers} volunteer and ${applicants} applicant links, ${scope === 'all' ? 'new for everyone' : 'for those without a working link'}; ${revoked} earlier links stopped`);
  return { csv: csvText(LINK_EXPORT_COLUMNS, rows), volunteers, applicants, revoked };
}

/** Everyone of an event who may be given a link, with whether theirs works now; undefined when there is no such event. */
export function linkList(db: Db, slug: string, now = DateTime.utc()): { event: ClinicEvent; people: LinkHolder[] } | undefined {
  const found = loadEvent(db, slug);
  if (!found) return undefined;
  return { event: found.event, people: linkHolders(db, found.key, now.toUTC().toISO()!) };
}

/** What a volunteer's own link shows: the event, who they are, their part of the published version, and their last answer. */
export interface VolunteerDay {
  event: ClinicEvent;
  volunteer: RosterEntryView;
  /** Their visits, interpreting and desk shifts in the version published last; undefined while none is published. */
  published: { version: number; duties: DutyRow[] } | undefined;
  answer: ReturnType<typeof latestAnswerOf>;
}

/** The day a volunteer's link opens, by the roster entry it belongs to; undefined once that entry is gone. */
export function volunteerDay(db: Db, rosterEntryId: number): VolunteerDay | undefined {
  const volunteer = rosterEntryView(db, rosterEntryId);
  const found = volunteer && loadEvent(db, volunteer.slug);
  if (!volunteer || !found) return undefined;
  return {
    event: found.event, volunteer,
    published: publishedDutiesOf(db, found.key, volunteer.code),
    answer: latestAnswerOf(db, rosterEntryId),
  };
}

/**
 * The calendar a volunteer's own link serves: exactly their calendar feed's (the version people
 * hold, earlier published versions giving SEQUENCE and cancellations; applicant codes, never
 * names). Undefined once the entry is gone or while there is no plan.
 */
export function volunteerCalendarOf(db: Db, rosterEntryId: number, now = DateTime.utc()): { slug: string; code: string; text: string } | undefined {
  const volunteer = rosterEntryView(db, rosterEntryId);
  const bundle = volunteer && loadBundle(db, volunteer.slug);
  const held = bundle && heldPlan(db, bundle.key);
  if (!volunteer || !bundle || !held) return undefined;
  try {
    return { slug: volunteer.slug, code: volunteer.code, text: calendarFor(db, bundle, held, volunteer.code, now) };
  } catch (err) {
    if (err instanceof UnknownVolunteerError) return undefined;
    throw err;
  }
}
