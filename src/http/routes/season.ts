/**
 * The season's pages. `GET /season` (signed in): every workshop the account may see by month,
 * with its site, county and setting, its plan against its applicants, workshops competing on one
 * day in one county, and each person booked at two workshops they cannot both reach, by roster
 * code. `GET /workshops` (public): the announced workshops to come, for outreach, with the
 * public feed's address; event facts only. `GET /season/report` (signed in): served, not served
 * and not yet planned by month, county, setting, case type and language, with a chart, and
 * `GET /season/report.csv` its rows, with volunteer hours by organization and `GET
 * /season/report-hours.csv` those; anonymous counts only. `GET`/`POST /season/rules` (admins):
 * the travel times and monthly limit the season is checked with. `GET /season/pool` (signed in):
 * the volunteer pool, each person once with their workshops, hours and load (names; audit-logged),
 * and records that may be one person; `POST /season/pool/same` (`write`) confirms two are one.
 * `GET /season/proposal` (signed in): the workshops that would serve the most people still
 * waiting, with the pool members who would staff them (names; audit-logged), planned in a worker;
 * `POST /season/proposal/create` (`write`) makes one of them a workshop.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { organizationsMark } from '../../db/organizations.js';
import { seasonMark } from '../../db/season.js';
import { Memo } from '../../services/lru.js';
import {
  announcedWorkshops, confirmSamePerson, possibleSamePeople, seasonCalendar, seasonHoursCsv, seasonPool, seasonReport, seasonReportCsv,
} from '../../services/season.js';
import { auditWriter } from '../../db/audit.js';
import type { SeasonCalendar, SeasonReport } from '../../services/season.js';
import { dateAtSite } from '../../services/events.js';
import { rulesForm, rulesMark, saveRules, seasonRules } from '../../services/season-rules.js';
import type { RulesForm, RulesProblem } from '../../services/season-rules.js';
import { actorOf } from '../access.js';
import { accountNav } from '../account-view.js';
import { linkOrigin } from '../links.js';
import { checkProposalForm, createProposed, proposalRequest } from '../../services/proposal.js';
import type { ProposalRequest, ProposalSettings } from '../../services/proposal.js';
import type { Scope } from '../../services/waitlist.js';
import type { Proposal } from '../../season/proposal.js';
import { proposalView } from '../proposal-view.js';
import { poolView, publicWorkshopsView, rulesView, samePeopleView, seasonReportView, seasonView } from '../season-view.js';

/** Seasons kept built, one per organization (and the admins'), until anything they show changes. */
const SEASONS_KEPT = 50;

export const seasonRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;
  const seasons = new Memo<SeasonCalendar>(SEASONS_KEPT);
  const audits = auditWriter(db);
  /** Today by the app's clock, `YYYY-MM-DD`. */
  const todayOf = () => app.now().toISOString().slice(0, 10);

  /** Whose workshops an account sees: an admin's, every one (undefined); others, their organization's. */
  const scopeOf = (request: FastifyRequest) => (request.account!.role === 'admin' ? undefined : request.account!.organizationId);

  app.get('/season', { config: { access: 'signed-in' } }, async (request, reply) => {
    const scope = scopeOf(request);
    const now = app.now();
    const today = now.toISOString().slice(0, 10);
    const calendar = await seasons.get(`${seasonMark(db)}|${rulesMark(db)}|${scope ?? 'all'}|${today}`, () => seasonCalendar(db, scope, now, seasonRules(db)));
    return reply.header('cache-control', 'no-store').view('season/calendar.hbs', {
      ...seasonView(calendar, reply.locals.locale), accountNav: accountNav(request, reply), admin: request.account!.role === 'admin',
    });
  });

  // The volunteer pool: each person once, with their workshops, hours and load. Names: a view of personal data, on the audit log.
  app.get('/season/pool', {
    config: { access: 'signed-in' }, schema: { querystring: Type.Object({ same: Type.Optional(Type.String({ maxLength: 20 })) }) },
  }, async (request, reply) => {
    const rules = seasonRules(db);
    const pool = seasonPool(db, scopeOf(request), rules);
    // Only an account that may change rosters is asked to confirm who is one person.
    const mayConfirm = request.account!.role !== 'viewer';
    const pairs = mayConfirm ? possibleSamePeople(db, scopeOf(request)) : [];
    await audits.write(actorOf(request), 'pool.view', null, `${pool.length} people`);
    return reply.header('cache-control', 'no-store').view('season/pool.hbs', {
      ...poolView(pool, rules.monthlyLimit, reply.locals.locale), pairs: samePeopleView(pairs, reply.locals.locale),
      same: request.query.same ?? null, csrf: mayConfirm ? reply.generateCsrf() : null, accountNav: accountNav(request, reply),
    });
  });

  // Two records of one person, confirmed by a coordinator: one record from now on.
  app.post('/season/pool/same', {
    config: { access: 'write' },
    schema: { body: Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })), kept: Type.String({ pattern: '^[0-9]{1,12}$' }), other: Type.String({ pattern: '^[0-9]{1,12}$' }) }) },
  }, async (request, reply) => {
    const outcome = await confirmSamePerson(db, scopeOf(request), Number(request.body.kept), Number(request.body.other), actorOf(request));
    return reply.redirect(`/season/pool?same=${outcome}`, 303);
  });

  // The season proposal: planned in a worker (a day plan per workshop weighed), kept until anything it reads changes.
  const proposals = new Memo<{ proposal: Proposal; request: ProposalRequest }>(SEASONS_KEPT);
  const proposalFor = (scope: Scope, settings: ProposalSettings, today: string) =>
    proposals.get(`${seasonMark(db)}|${rulesMark(db)}|${scope ?? 'all'}|${today}|${settings.from}|${settings.weeks}|${settings.minimum}`, async () => {
      const asked = proposalRequest(db, scope, settings, today);
      return { proposal: await app.jobs.run({ kind: 'proposal', input: asked.input }), request: asked };
    });
  app.get('/season/proposal', {
    config: { access: 'signed-in' },
    schema: {
      querystring: Type.Object({
        from: Type.Optional(Type.String({ maxLength: 20 })), weeks: Type.Optional(Type.String({ maxLength: 20 })),
        minimum: Type.Optional(Type.String({ maxLength: 20 })),
      }),
    },
  }, async (request, reply) => {
    const scope = scopeOf(request);
    const today = todayOf();
    const checked = checkProposalForm(request.query, today);
    const page = (code: number, found: { proposal: Proposal; request: ProposalRequest } | null) => reply.code(code).header('cache-control', 'no-store')
      .view('season/proposal.hbs', {
        ...proposalView(checked.settings, checked.ok ? [] : checked.problems, found, reply.locals.locale),
        csrf: request.account!.role === 'viewer' ? null : reply.generateCsrf(), accountNav: accountNav(request, reply),
      });
    if (!checked.ok) return page(400, null);
    const found = await proposalFor(scope, checked.settings, today);
    const named = new Set(found.proposal.workshops.flatMap((w) => w.staff)).size;
    await audits.write(actorOf(request), 'proposal.view', null, `${found.proposal.workshops.length} workshops proposed, ${named} volunteers named`);
    return page(200, found);
  });

  // A proposed workshop made real: the event, its roster from the pool, its applicants moved from the waitlist.
  app.post('/season/proposal/create', {
    config: { access: 'write' },
    schema: {
      body: Type.Object({
        _csrf: Type.Optional(Type.String({ maxLength: 200 })), from: Type.String({ maxLength: 20 }), weeks: Type.String({ maxLength: 20 }),
        minimum: Type.String({ maxLength: 20 }), model: Type.String({ minLength: 1, maxLength: 200 }), date: Type.String({ maxLength: 20 }),
      }),
    },
  }, async (request, reply) => {
    const scope = scopeOf(request);
    const today = todayOf();
    const { _csrf: _token, model, date, ...form } = request.body;
    const checked = checkProposalForm(form, today);
    if (!checked.ok) {
      const { from, weeks, minimum } = checked.settings;
      return reply.redirect(`/season/proposal?${new URLSearchParams({ from, weeks: String(weeks), minimum: String(minimum) })}`, 303);
    }
    const found = await proposalFor(scope, checked.settings, today);
    const outcome = await createProposed(db, found.request, found.proposal, model, date, { actor: actorOf(request), organizationId: request.account!.organizationId });
    if (outcome.ok) return reply.redirect(`/events/${encodeURIComponent(outcome.event)}?created=1`, 303);
    return reply.code(409).header('cache-control', 'no-store').view('season/proposal.hbs', {
      ...proposalView(checked.settings, [], found, reply.locals.locale), refused: 'gone' in outcome ? null : outcome.conflicts, gone: 'gone' in outcome,
      csrf: reply.generateCsrf(), accountNav: accountNav(request, reply),
    });
  });

  // The travel times and monthly limit the season is checked with: admins set them.
  const rulesPage = (request: FastifyRequest, reply: FastifyReply, form: RulesForm, problems: RulesProblem[] = [], saved = false) =>
    reply.header('cache-control', 'no-store').view('season/rules.hbs', {
      ...rulesView(form, problems, reply.locals.locale), saved, csrf: reply.generateCsrf(), accountNav: accountNav(request, reply),
    });
  app.get('/season/rules', { config: { access: 'admin' }, schema: { querystring: Type.Object({ saved: Type.Optional(Type.String({ maxLength: 5 })) }) } },
    async (request, reply) => rulesPage(request, reply, rulesForm(db), [], request.query.saved === '1'));
  app.post('/season/rules', {
    config: { access: 'admin' },
    schema: {
      body: Type.Object({
        _csrf: Type.Optional(Type.String({ maxLength: 200 })),
        same_county: Type.String({ maxLength: 20 }), other_county: Type.String({ maxLength: 20 }),
        monthly_limit: Type.String({ maxLength: 20 }), pairs: Type.String({ maxLength: 20_000 }),
      }),
    },
  }, async (request, reply) => {
    const { _csrf: _token, ...form } = request.body;
    const saved = saveRules(db, form, actorOf(request));
    if (!saved.ok) return rulesPage(request, reply.code(400), form, saved.problems);
    return reply.redirect('/season/rules?saved=1', 303);
  });

  // The report, kept like the calendar: anonymous counts, built once per change.
  const reports = new Memo<SeasonReport>(SEASONS_KEPT);
  const reportFor = (request: FastifyRequest) => {
    const scope = scopeOf(request);
    // The hours name organizations as the organizations page does: a name added or changed there shows at once.
    return reports.get(`${seasonMark(db)}|${organizationsMark(db)}|${scope ?? 'all'}`, () => seasonReport(db, scope));
  };

  app.get('/season/report', { config: { access: 'signed-in' } }, async (request, reply) => {
    const report = await reportFor(request);
    return reply.header('cache-control', 'no-store')
      .view('season/report.hbs', { ...seasonReportView(report, reply.locals.locale), accountNav: accountNav(request, reply) });
  });

  app.get('/season/report.csv', { config: { access: 'signed-in' } }, async (request, reply) => {
    const report = await reportFor(request);
    return reply.header('cache-control', 'no-store').type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="season-report.csv"').send(seasonReportCsv(report));
  });

  app.get('/season/report-hours.csv', { config: { access: 'signed-in' } }, async (request, reply) => {
    const report = await reportFor(request);
    return reply.header('cache-control', 'no-store').type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="season-report-hours.csv"').send(seasonHoursCsv(report));
  });

  app.get('/workshops', {
    config: { access: 'public' },
    schema: { querystring: Type.Object({ org: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }) },
  }, async (request, reply) => {
    const now = app.now();
    const upcoming = announcedWorkshops(db, request.query.org).map((w) => w.event).filter((e) => e.date >= dateAtSite(e.timezone, now));
    return reply.view('season/workshops.hbs', publicWorkshopsView(upcoming, request.query.org, linkOrigin(app), reply.locals.locale));
  });
};
