/**
 * The season's pages. `GET /season` (signed in): every workshop the account may see by month,
 * with its site, county and setting, its plan against its applicants, workshops competing on one
 * day in one county, and each person booked at two workshops they cannot both reach, by roster
 * code. `GET /workshops` (public): the announced workshops to come, for outreach, with the
 * public feed's address; event facts only.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { seasonMark } from '../../db/season.js';
import { Memo } from '../../services/lru.js';
import { announcedWorkshops, seasonCalendar } from '../../services/season.js';
import type { SeasonCalendar } from '../../services/season.js';
import { dateAtSite } from '../../services/events.js';
import { accountNav } from '../account-view.js';
import { linkOrigin } from '../links.js';
import { publicWorkshopsView, seasonView } from '../season-view.js';

/** Seasons kept built, one per organization (and the admins'), until anything they show changes. */
const SEASONS_KEPT = 50;

export const seasonRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;
  const seasons = new Memo<SeasonCalendar>(SEASONS_KEPT);

  app.get('/season', { config: { access: 'signed-in' } }, async (request, reply) => {
    const account = request.account!;
    const scope = account.role === 'admin' ? undefined : account.organizationId;
    const today = new Date().toISOString().slice(0, 10);
    const calendar = await seasons.get(`${seasonMark(db)}|${scope ?? 'all'}|${today}`, () => seasonCalendar(db, scope));
    return reply.header('cache-control', 'no-store')
      .view('season/calendar.hbs', { ...seasonView(calendar, reply.locals.locale), accountNav: accountNav(request, reply) });
  });

  app.get('/workshops', {
    config: { access: 'public' },
    schema: { querystring: Type.Object({ org: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }) },
  }, async (request, reply) => {
    const now = new Date();
    const upcoming = announcedWorkshops(db, request.query.org).map((w) => w.event).filter((e) => e.date >= dateAtSite(e.timezone, now));
    return reply.view('season/workshops.hbs', publicWorkshopsView(upcoming, request.query.org, linkOrigin(app), reply.locals.locale));
  });
};
