import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { localeOf, translate } from './i18n.js';
import type { Locale } from './i18n.js';

/** The body of every error answer: one sentence, and for a bundle every problem found. */
export interface ErrorBody {
  error: string;
  problems?: { file: string; row: number; column: string; message: string }[];
}

const wantsHtml = (request: FastifyRequest) =>
  !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');

/** Form tokens: the form was open too long, or came from another site. */
const CSRF_FAULT = /^FST_CSRF_/;
const CSRF_MESSAGE = translate('en', 'errors.formExpired');

/** What the multipart parser says of a body that is not multipart/form-data as its header claims. */
const MULTIPART_FAULTS = /^(Multipart: Boundary not found|Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data|Malformed part header)$/;

/** A multipart upload that cannot be read (no or wrong boundary, cut short): the sender's fault, not ours. */
function isMalformedMultipart(error: FastifyError, request: FastifyRequest): boolean {
  return error.statusCode === undefined && /^multipart\//i.test(request.headers['content-type'] ?? '') && MULTIPART_FAULTS.test(error.message);
}

/** Says what was wrong with a request in words; hides everything about a fault of ours. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.validation) {
    const where = error.validationContext ?? 'request';
    const first = error.validation[0];
    const field = first?.instancePath ? first.instancePath.replace(/^\//, '').replace(/\//g, '.') : '';
    const unknown = first?.keyword === 'additionalProperties' ? (first.params as { additionalProperty?: string }).additionalProperty : undefined;
    const message = unknown !== undefined
      ? `${where}${field ? `.${field}` : ''} has an unknown field "${unknown}": remove it`
      : `${where}${field ? `.${field}` : ''} ${first?.message ?? 'is not valid'}`;
    if (wantsHtml(request)) {
      // What was wrong is the validator's English: in another language it follows the page's own sentence, marked as English.
      const locale = localeOf(request);
      const title = translate(locale, 'errors.notDone');
      const advice = translate(locale, 'errors.badForm');
      void reply.code(400).type('text/html; charset=utf-8')
        .send(locale === 'en' ? errorPage(locale, title, title, `${message}. ${advice}`) : errorPage(locale, title, title, advice, message));
      return;
    }
    void reply.code(400).send({ error: message } satisfies ErrorBody);
    return;
  }
  if (isMalformedMultipart(error, request)) {
    void reply.code(400).send({
      error: 'The upload is not a complete multipart/form-data body (its boundary is missing or wrong, or it was cut short): send the bundle files again. Nothing was changed.',
    } satisfies ErrorBody);
    return;
  }
  // A 503 is ours but said in words: a job whose worker died (see JobLostError); nothing was changed.
  const status = error.statusCode && ((error.statusCode >= 400 && error.statusCode < 500) || error.statusCode === 503) ? error.statusCode : 500;
  if (status !== 500) {
    // A refusal may say when to come back (Retry-After).
    const headers = (error as { headers?: Record<string, string> }).headers;
    if (headers) void reply.headers(headers);
    const message = CSRF_FAULT.test(error.code ?? '') ? CSRF_MESSAGE : error.message;
    if (wantsHtml(request)) {
      const locale = localeOf(request);
      const title = translate(locale, status === 429 ? 'errors.tooManyTitle' : status === 403 ? 'errors.notAllowed' : 'errors.notDone');
      const said = refusalText(locale, error, status);
      void reply.code(status).type('text/html; charset=utf-8')
        .send(errorPage(locale, title, title, said ?? (locale === 'en' ? message : translate(locale, 'errors.refused', { status })), said || locale === 'en' ? undefined : message));
      return;
    }
    void reply.code(status).send({ error: message } satisfies ErrorBody);
    return;
  }
  // The log gets the fault (no request body, no personal data); the user gets a plain sentence.
  request.log.error({ err: { type: error.name, message: error.message, stack: error.stack, code: error.code } }, 'request failed');
  const body: ErrorBody = { error: 'Something went wrong on our side. Nothing was changed; please try again.' };
  if (wantsHtml(request)) {
    const locale = localeOf(request);
    void reply.code(500).type('text/html; charset=utf-8')
      .send(errorPage(locale, translate(locale, 'errors.errorTitle'), translate(locale, 'errors.error'), translate(locale, 'errors.errorText')));
    return;
  }
  void reply.code(500).send(body);
}

/** A clear 404 for any path we do not serve. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  const message = `There is nothing at ${request.method} ${request.url.split('?')[0]}`;
  if (wantsHtml(request)) {
    const locale = localeOf(request);
    const title = translate(locale, 'errors.notFoundTitle');
    void reply.code(404).type('text/html; charset=utf-8')
      .send(errorPage(locale, title, title, translate(locale, 'errors.notFound', { method: request.method, path: request.url.split('?')[0] })));
    return;
  }
  void reply.code(404).send({ error: message } satisfies ErrorBody);
}

/** A refusal Taller words itself (a form's token, too many requests, too much sent), in the visitor's language; undefined for any other. */
function refusalText(locale: Locale, error: FastifyError, status: number): string | undefined {
  if (CSRF_FAULT.test(error.code ?? '')) return translate(locale, 'errors.formExpired');
  const seconds = (error as { seconds?: unknown }).seconds;
  if (status === 429 && typeof seconds === 'number') return translate(locale, 'errors.tooMany', { count: seconds });
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return translate(locale, 'errors.tooLarge');
  return undefined;
}

/**
 * A bare page for a browser, in the visitor's language: a heading, a sentence and the way back.
 * `english` is what a sentence Taller has no words for in the page's language said (a library's
 * message), shown after it and marked as English. Every text is escaped here.
 */
export function errorPage(locale: Locale, title: string, heading: string, text: string, english?: string): string {
  return `<!doctype html><html lang="${locale}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">`
    + `<title>${escapeHtml(title)} — Taller</title><link rel="stylesheet" href="/static/css/app.css"><main id="main"><h1>${escapeHtml(heading)}</h1>`
    + `<p>${escapeHtml(text)}</p>${english === undefined ? '' : `<p lang="en">${escapeHtml(english)}</p>`}`
    + `<p><a href="/">${escapeHtml(translate(locale, 'errors.back'))}</a></p></main></html>`;
}

/** The refusal of too many requests, as a page in the visitor's language: for an address past a limit. */
export function tooManyPage(locale: Locale, seconds: number): string {
  const title = translate(locale, 'errors.tooManyTitle');
  return errorPage(locale, title, title, translate(locale, 'errors.tooMany', { count: seconds }));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
