import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DateTime } from 'luxon';
import { Type } from 'typebox';
import { audit, loadBundle } from '../../db/events.js';
import { announcedWorkshops } from '../../services/season.js';
import { calendarFor, heldPlan, markKey, versionMark } from '../../services/plans.js';
import { Memo } from '../../services/lru.js';
import { issueLink, rosterEntryOf } from '../../db/tokens.js';
import { auditWriter } from '../../db/audit.js';
import type { Db } from '../../db/index.js';
import { organizationFeed, UnknownVolunteerError } from '../../outputs/ics.js';
import { linkGrantOf } from '../auth.js';
import { actorOf } from '../access.js';
import { NEEDS_PUBLIC_URL, isHttps, linkOrigin } from '../links.js';
import { BAD_EXPIRY, ErrorBody, EventId, LinkBody, linkOptions } from '../schemas.js';

const VolunteerParams = Type.Object({ id: EventId, vid: Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' }) });
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

/**
 * A volunteer's calendar from the version people hold (the latest published one, or a draft
 * marked so before any is published), the versions they saw before it giving SEQUENCE and
 * cancellations; undefined when there is none.
 */
function calendarOf(db: Db, slug: string, volunteer: string): string | undefined {
  const bundle = loadBundle(db, slug);
  const held = bundle && heldPlan(db, bundle.key);
  if (!bundle || !held) return undefined;
  try {
    return calendarFor(db, bundle, held, volunteer, DateTime.utc());
  } catch (err) {
    if (err instanceof UnknownVolunteerError) return undefined;
    throw err;
  }
}

/** Calendars kept: at most this many, and at most this many characters in all. */
const CALENDAR_ENTRIES = 2000;
const CALENDAR_CHARS = 32 * 1024 * 1024;

/**
 * Calendars: a volunteer's feed by an unguessable, revocable, expiring link (and its webcal
 * twin), the same as a download for coordinators, and a public feed of workshops with no personal data.
 */
export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;
  // Each volunteer's calendar, kept by what makes it: the event's last import, its latest
  // version and the version published last. A feed that calendar apps poll costs a few small
  // reads; an import, a new version or a publish makes a new calendar (its DTSTAMP is when it
  // was made). Read in one transaction, so the calendar is kept under the state it was made from.
  const calendars = new Memo<string | undefined>(CALENDAR_ENTRIES, CALENDAR_CHARS, (text) => text?.length ?? 0);
  const readCalendar = app.store.sqlite.transaction((event: string | number, volunteer: string) => {
    const mark = versionMark(db, event);
    if (!mark) return undefined;
    const key = `${markKey(mark)}|${volunteer}`;
    return calendars.has(key) ? { key } : { key, text: calendarOf(db, mark.slug, volunteer) };
  });
  /** A volunteer's calendar, by the event's id (or stored key); undefined when there is none. */
  const keptCalendar = (event: string | number, volunteer: string): Promise<string | undefined> => {
    // A calendar kept under the current mark is sent without opening a transaction.
    const seen = versionMark(db, event);
    const keptKey = seen && `${markKey(seen)}|${volunteer}`;
    const read = keptKey && calendars.has(keptKey) ? { key: keptKey } : readCalendar(event, volunteer);
    return read ? calendars.get(read.key, () => read.text) : Promise.resolve(undefined);
  };

  app.post('/api/events/:id/volunteers/:vid/calendar-link', {
    config: { access: 'write' },
    schema: {
      params: VolunteerParams, body: LinkBody,
      response: {
        201: Type.Object({
          url: Type.String(), https: Type.Optional(Type.String()), webcal: Type.String(), expires_at: Type.String(), revoked: Type.Integer(),
        }),
        400: ErrorBody, 404: ErrorBody, 409: ErrorBody,
      },
    },
  }, async (request, reply) => {
    const { id, vid } = request.params;
    const origin = linkOrigin(app);
    if (origin === undefined) return reply.code(409).send({ error: NEEDS_PUBLIC_URL });
    const made = issueLink(db, { kind: 'feed', event: id, code: vid }, linkOptions(request.body), actorOf(request));
    if (!made.ok) return made.reason === 'not_found' ? reply.code(404).send({ error: `Volunteer ${vid} of ${id} not found` }) : reply.code(400).send({ error: BAD_EXPIRY });
    const url = `${origin}/calendars/${made.token}.ics`;
    // `https` only names a URL that really is one: clients that read it keep working where it is.
    return reply.code(201).send({
      url, ...(isHttps(url) ? { https: url } : {}), webcal: url.replace(/^https?:/, 'webcal:'), expires_at: made.expiresAt, revoked: made.revoked.length,
    });
  });

  app.get('/api/events/:id/volunteers/:vid/calendar.ics', {
    config: { access: 'read' },
    schema: { params: VolunteerParams },
  }, async (request, reply) => {
    const { id, vid } = request.params;
    const text = await keptCalendar(id, vid);
    if (text === undefined) return reply.code(404).send({ error: `No calendar for volunteer ${vid} of ${id}: no such volunteer, or no plan yet` });
    audit(db, actorOf(request), 'calendar.export', id, `volunteer ${vid}`);
    return reply.type(CALENDAR_TYPE).header('content-disposition', `attachment; filename="${id}-${vid}.ics"`).send(text);
  });

  app.get('/calendars/:token', {
    config: { access: 'link' },
    schema: { params: Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}\\.ics$' }) }) },
  }, async (request, reply) => {
    // The link opens the volunteer's roster entry, by its id: never whoever holds the same code now.
    const grant = linkGrantOf(request, request.params.token.replace(/\.ics$/, ''), 'feed');
    const owner = grant?.rosterEntryId == null ? undefined : rosterEntryOf(db, grant.rosterEntryId);
    const text = owner ? await keptCalendar(owner.event, owner.code) : undefined;
    if (!grant || !owner || text === undefined) return reply.code(404).send({ error: 'This calendar link does not work: it may have been revoked' });
    // Sent only once the view is on the audit log; the views of one moment share one disk sync.
    await auditWriter(db).write(`token:${grant.id}`, 'calendar.view', grant.eventId);
    return reply.type(CALENDAR_TYPE).send(text);
  });

  app.get('/feeds/workshops.ics', {
    config: { access: 'public' },
    schema: { querystring: Type.Object({ org: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }) },
  }, async (request, reply) => {
    // Only workshops whose plan was published (announced), optionally those one organization hosts.
    const org = request.query.org;
    // Event facts only: a public feed has no reason to read a roster or an applicant list.
    const workshops = announcedWorkshops(db, org).map((b) => ({ event: b.event }));
    const name = org ? `Free immigration legal workshops: ${org}` : 'Free immigration legal workshops';
    return reply.type(CALENDAR_TYPE).send(organizationFeed(workshops, { now: DateTime.utc(), name }));
  });
};
