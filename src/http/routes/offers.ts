/**
 * The coordinator's offers page: `GET /events/:id/offers` (read) lists the places applicants gave
 * up in the published version and whom each is offered to; `POST /events/:id/offers/:oid/accept`
 * and `…/decline` (write) record what the offered applicant said on the phone (declining offers the
 * place to the next who fits), and `POST /events/:id/offers/places/:aid` (write) looks again for
 * someone to offer a place nobody has (after a new plan withdrew its offer, say). Forms carry the
 * signed-in form token (`_csrf`); API tokens may post without it and get JSON back.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { auditRow } from '../../db/offers.js';
import { acceptOffer, declineOffer, offerAgain, offerBoard } from '../../services/offers.js';
import type { AnswerOutcome, OfferOutcome } from '../../services/offers.js';
import { actorOf, wantsPage } from '../access.js';
import { accountNav } from '../account-view.js';
import { doneOf, isDone, offersView } from '../offers-view.js';
import { EventId, EventParams } from '../schemas.js';

const OfferParams = Type.Object({ id: EventId, oid: Type.Integer({ minimum: 1 }) });
const PlaceParams = Type.Object({ id: EventId, aid: Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' }) });
const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })), to: Type.Optional(Type.String({ maxLength: 64 })) });

export const offerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.store;

  /** Back to the page, saying what was done; JSON for a script. */
  const answered = (request: FastifyRequest, reply: FastifyReply, slug: string, outcome: OfferOutcome | AnswerOutcome) => {
    const done = doneOf(outcome);
    const next = outcome.kind === 'offered' ? outcome : outcome.kind === 'declined' && outcome.next.kind === 'offered' ? outcome.next : undefined;
    if (!wantsPage(request)) return reply.send({ done, ...(next ? { offer: next.offerId, offered_to: next.candidate } : {}) });
    const to = next ? `&to=${encodeURIComponent(next.candidate)}` : '';
    return reply.code(303).redirect(`/events/${encodeURIComponent(slug)}/offers?done=${done}${to}`);
  };

  app.get('/events/:id/offers', { config: { access: 'read' }, schema: { params: EventParams, querystring: DoneQuery } }, async (request, reply) => {
    const board = offerBoard(db, request.params.id);
    if (!board) return reply.callNotFound();
    // Names and phone numbers of applicants offered a place: each view is on the audit log.
    auditRow(db, actorOf(request), 'offers.view', board.bundle.key, board.published ? `version ${board.published.version}` : 'no plan');
    const { done, to } = request.query;
    const view = offersView(board, reply.locals.locale, {
      mayWrite: request.account?.role !== 'viewer', ...(isDone(done) ? { done } : {}), ...(to ? { to } : {}),
    });
    return reply.view('offers/offers.hbs', { ...view, accountNav: accountNav(request, reply), csrf: reply.generateCsrf() });
  });

  app.post('/events/:id/offers/:oid/accept', { config: { access: 'write' }, schema: { params: OfferParams } }, async (request, reply) => {
    const outcome = acceptOffer(db, request.params.id, request.params.oid, actorOf(request));
    if (outcome.kind === 'not_found') return reply.callNotFound();
    return answered(request, reply, request.params.id, outcome);
  });

  app.post('/events/:id/offers/:oid/decline', { config: { access: 'write' }, schema: { params: OfferParams } }, async (request, reply) => {
    const outcome = declineOffer(db, request.params.id, request.params.oid, actorOf(request));
    if (outcome.kind === 'not_found') return reply.callNotFound();
    return answered(request, reply, request.params.id, outcome);
  });

  app.post('/events/:id/offers/places/:aid', { config: { access: 'write' }, schema: { params: PlaceParams } }, async (request, reply) =>
    answered(request, reply, request.params.id, offerAgain(db, request.params.id, request.params.aid, actorOf(request))));
};
