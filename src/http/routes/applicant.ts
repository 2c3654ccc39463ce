/**
 * An applicant's own page, by their personal link (a token of kind `applicant`, the same link as
 * their slip's): `GET /a/:token` shows their slip in their language with a switch among the
 * eight, how to get there, and two answers, "I'll come" (`POST /a/:token/coming`) and "I can't
 * come, give my place to someone else" (`GET /a/:token/release` asks to confirm, and only a
 * `POST /a/:token/release` with `confirm=yes` gives the place up). The link is the only
 * credential: no account, no session, no cookie. Forms carry a token derived from the link
 * (src/http/link-forms.ts), which stops other sites posting them.
 *
 * Nothing else is reachable from here: the link opens its applicant's stored record and no other,
 * and a link that is made up, revoked or expired, or whose applicant is gone, answers one 404 in
 * all eight languages. Answers are never cached (`private, no-store`), nor indexed.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { auditRow } from '../../db/offers.js';
import type { TokenGrant } from '../../db/tokens.js';
import { answerComing, openApplicantLink, releasePlace } from '../../services/answers.js';
import type { ApplicantLink } from '../../services/answers.js';
import { applicantPageView, confirmView, goneView, pageLanguage, renderApplicantPage } from '../applicant-view.js';
import type { PageUrls } from '../applicant-view.js';
import { linkGrantOf } from '../auth.js';
import { linkOrigin } from '../links.js';
import { checkLinkForm, linkFormToken } from '../link-forms.js';

const HTML = 'text/html; charset=utf-8';
/** Taller's link tokens: 43 URL-safe characters (older or hand-made ones within these bounds). */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });
const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });
const AnswerBody = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  confirm: Type.Optional(Type.String({ maxLength: 10 })),
});

export const applicantRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;

  /** Sends one of the pages: never kept by a browser or a proxy. */
  const send = (reply: FastifyReply, status: number, html: string) =>
    reply.code(status).type(HTML).header('cache-control', 'private, no-store').send(html);

  const gone = (reply: FastifyReply) => send(reply, 404, renderApplicantPage('gone', goneView('link_gone')));

  /** The link's grant and what it opens, or undefined (the refusal audited by the token's number, never the token). */
  const open = (request: FastifyRequest, token: string): { grant: TokenGrant; link: ApplicantLink } | undefined => {
    if (!TOKEN.test(token)) return undefined;
    const grant = linkGrantOf(request, token, 'applicant');
    const link = grant && openApplicantLink(db, grant);
    return grant && link ? { grant, link } : undefined;
  };

  const urls = (token: string): PageUrls => {
    const origin = linkOrigin(app);
    return { path: `/a/${token}`, full: origin === undefined ? undefined : `${origin}/a/${token}` };
  };

  app.get('/a/:token', { config: { access: 'link' }, schema: { params: TokenParams, querystring: LangQuery } }, async (request, reply) => {
    const opened = open(request, request.params.token);
    if (!opened) return gone(reply);
    const { grant, link } = opened;
    const lang = pageLanguage(request.query.lang, link.applicant.languages);
    auditRow(db, `token:${grant.id}`, 'applicant.view', link.bundle.key, link.held ? `version ${link.held.version}` : 'no plan');
    const view = await applicantPageView(link, urls(request.params.token), lang, linkFormToken(db, grant));
    return send(reply, 200, renderApplicantPage('page', view));
  });

  /** Back to the applicant's page, in the language they read it in. */
  const back = (reply: FastifyReply, path: string, lang: string) => reply.code(303).header('cache-control', 'private, no-store').redirect(`${path}?lang=${lang}`);

  /**
   * A form sent from the applicant's page: the link's grant, what it opens, the page's language
   * and addresses; undefined once it was answered (the link gone, or the form not the page's).
   */
  const formOf = (request: FastifyRequest, token: string, body: { lang?: string; _csrf?: string }, reply: FastifyReply) => {
    const opened = open(request, token);
    if (!opened) {
      void gone(reply);
      return undefined;
    }
    const lang = pageLanguage(body.lang, opened.link.applicant.languages);
    const here = urls(token);
    if (!checkLinkForm(request, opened.grant, body._csrf)) {
      void send(reply, 403, renderApplicantPage('gone', goneView('form_gone', { path: here.path, lang })));
      return undefined;
    }
    return { ...opened, lang, here };
  };

  app.post('/a/:token/coming', {
    config: { access: 'link', linkForm: true }, schema: { params: TokenParams, body: AnswerBody },
  }, async (request, reply) => {
    const form = formOf(request, request.params.token, request.body, reply);
    if (!form) return reply;
    answerComing(db, form.grant, form.link, request.body.note);
    return back(reply, form.here.path, form.lang);
  });

  app.get('/a/:token/release', { config: { access: 'link' }, schema: { params: TokenParams, querystring: LangQuery } }, async (request, reply) => {
    const opened = open(request, request.params.token);
    if (!opened) return gone(reply);
    const { grant, link } = opened;
    const lang = pageLanguage(request.query.lang, link.applicant.languages);
    const here = urls(request.params.token);
    // Nothing to give up (no day, or given up already): the page says where they stand.
    if (!link.day || link.answer?.answer === 'releases') return back(reply, here.path, lang);
    return send(reply, 200, renderApplicantPage('confirm', confirmView(link, here, lang, linkFormToken(db, grant))));
  });

  app.post('/a/:token/release', {
    config: { access: 'link', linkForm: true }, schema: { params: TokenParams, body: AnswerBody },
  }, async (request, reply) => {
    const form = formOf(request, request.params.token, request.body, reply);
    if (!form) return reply;
    const { grant, link, lang, here } = form;
    // Giving a place up cannot be undone from the link: only a confirmed form does it; anything else asks first.
    if (request.body.confirm !== 'yes') {
      if (!link.day || link.answer?.answer === 'releases') return back(reply, here.path, lang);
      return send(reply, 200, renderApplicantPage('confirm', confirmView(link, here, lang, linkFormToken(db, grant))));
    }
    releasePlace(db, grant, link, request.body.note);
    return back(reply, here.path, lang);
  });
};
