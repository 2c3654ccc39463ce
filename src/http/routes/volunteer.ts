import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { auditWriter } from '../../db/audit.js';
import { volunteerCalendarOf, volunteerDay } from '../../services/links.js';
import { Memo } from '../../services/lru.js';
import { markKey, versionMark } from '../../services/plans.js';
import { answerAsVolunteer } from '../../services/responses.js';
import type { TokenGrant } from '../../db/tokens.js';
import { linkGrantOf } from '../auth.js';
import type { Locale } from '../i18n.js';
import { linkOrigin } from '../links.js';
import { goneView, volunteerPageView } from '../volunteer-view.js';

/** Any token-shaped segment: one that is no link of ours gets the page that says so (404), not a form error. */
const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{1,200}$' }) });
/** Personal answers are kept by no browser or proxy. */
const PRIVATE = 'private, no-store';
/** Volunteers' pages kept built (each a few kilobytes), least recently seen first out. */
const PAGES_KEPT = 2000;

/** A volunteer's page as built for one link, and the event it belongs to. */
interface KeptPage { eventKey: number; view: ReturnType<typeof volunteerPageView> }

/**
 * A volunteer's own page by their personal link (token kind `volunteer`, bound to one roster
 * entry of one event): their day in the published version, their calendar (a download and a
 * `webcal://` subscription, through the same token), and a form to say they cannot come or will
 * be late. The link is the only credential; nothing else is reachable from it. A link that does
 * not work (unknown, revoked, expired, or its volunteer gone) gets the same 404 page, and the
 * refusal is on the audit log by the token's number.
 */
export const volunteerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;
  const audits = auditWriter(db);

  // Each link's page as built, by the event's version mark, the link and the language: an
  // answer, an import or a publish moves the mark and the next view builds it again. The form's
  // token and the "sent" notice are each request's own.
  const pages = new Memo<KeptPage | undefined>(PAGES_KEPT);
  const pageOf = (grant: TokenGrant, token: string, locale: Locale): Promise<KeptPage | undefined> => {
    const make = (): KeptPage | undefined => {
      const day = grant.rosterEntryId == null ? undefined : volunteerDay(db, grant.rosterEntryId);
      return day && { eventKey: day.volunteer.eventKey, view: volunteerPageView(day, locale, { token, origin: linkOrigin(app), csrf: '' }) };
    };
    const mark = grant.eventId == null ? undefined : versionMark(db, grant.eventId);
    return mark ? pages.get(`${markKey(mark)}|${grant.id}|${locale}`, make) : Promise.resolve(make());
  };

  const gone = (reply: FastifyReply) => reply.code(404).header('cache-control', PRIVATE).view('volunteer/gone.hbs', goneView(reply.locals.locale));

  app.get('/v/:token', {
    config: { access: 'link' },
    schema: { params: TokenParams, querystring: Type.Object({ sent: Type.Optional(Type.String({ maxLength: 1 })) }) },
  }, async (request, reply) => {
    const { token } = request.params;
    const grant = linkGrantOf(request, token, 'volunteer');
    const page = grant && await pageOf(grant, token, reply.locals.locale);
    if (!grant || !page) return gone(reply);
    // Shown only once the view is on the audit log (views of one moment share one disk sync).
    await audits.write(`token:${grant.id}`, 'volunteer.view', page.eventKey);
    return reply.header('cache-control', PRIVATE).view('volunteer/day.hbs', { ...page.view, csrf: reply.generateCsrf(), sent: request.query.sent === '1' });
  });

  // "I can't come" / "I'll be late". The link is the credential: no account, no session. Against
  // posting from another site, the form carries the app's form token (@fastify/csrf-protection):
  // its secret is in a signed, httpOnly, SameSite=Lax cookie set with the page above, and the check
  // every POST passes (src/http/access.ts) refuses a form whose token does not match it. Another
  // site's form, even one that knows the link, has neither the cookie (SameSite) nor the token.
  app.post('/v/:token', {
    config: { access: 'link' },
    schema: {
      params: TokenParams,
      body: Type.Object({
        _csrf: Type.Optional(Type.String({ maxLength: 200 })),
        answer: Type.Optional(Type.String({ maxLength: 40 })),
        minutes: Type.Optional(Type.String({ maxLength: 20 })),
        note: Type.Optional(Type.String({ maxLength: 5000 })),
      }),
    },
  }, async (request, reply) => {
    const { token } = request.params;
    const grant = linkGrantOf(request, token, 'volunteer');
    if (!grant) return gone(reply);
    const { answer, minutes, note } = request.body;
    const outcome = answerAsVolunteer(db, grant, { answer, minutes, note });
    if (outcome.kind === 'gone') return gone(reply);
    if (outcome.kind === 'saved') return reply.header('cache-control', PRIVATE).redirect(`/v/${token}?sent=1`, 303);
    const day = volunteerDay(db, grant.rosterEntryId!);
    if (!day) return gone(reply);
    return reply.code(400).header('cache-control', PRIVATE).view('volunteer/day.hbs', volunteerPageView(day, reply.locals.locale, {
      token, origin: linkOrigin(app), csrf: reply.generateCsrf(), problems: outcome.problems, form: { answer, minutes, note },
    }));
  });

  app.get('/v/:token/calendar.ics', { config: { access: 'link' }, schema: { params: TokenParams } }, async (request, reply) => {
    const grant = linkGrantOf(request, request.params.token, 'volunteer');
    const calendar = grant?.rosterEntryId == null ? undefined : volunteerCalendarOf(db, grant.rosterEntryId);
    if (!grant || !calendar) return gone(reply);
    await audits.write(`token:${grant.id}`, 'calendar.view', grant.eventId);
    return reply.type('text/calendar; charset=utf-8').header('cache-control', PRIVATE)
      .header('content-disposition', `attachment; filename="${`${calendar.slug}-${calendar.code}`.replace(/[^A-Za-z0-9._-]/g, '_')}.ics"`).send(calendar.text);
  });
};
