import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** The body of every error answer: one sentence, and for a bundle every problem found. */
export interface ErrorBody {
  error: string;
  problems?: { file: string; row: number; column: string; message: string }[];
}

const wantsHtml = (request: FastifyRequest) =>
  !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');

/** Says what was wrong with a request in words; hides everything about a fault of ours. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.validation) {
    const where = error.validationContext ?? 'request';
    const first = error.validation[0];
    const field = first?.instancePath ? first.instancePath.replace(/^\//, '').replace(/\//g, '.') : '';
    const message = `${where}${field ? `.${field}` : ''} ${first?.message ?? 'is not valid'}`;
    void reply.code(400).send({ error: message } satisfies ErrorBody);
    return;
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status < 500) {
    // A refusal may say when to come back (Retry-After).
    const headers = (error as { headers?: Record<string, string> }).headers;
    if (headers) void reply.headers(headers);
    void reply.code(status).send({ error: error.message } satisfies ErrorBody);
    return;
  }
  // The log gets the fault (no request body, no personal data); the user gets a plain sentence.
  request.log.error({ err: { type: error.name, message: error.message, stack: error.stack, code: error.code } }, 'request failed');
  const body: ErrorBody = { error: 'Something went wrong on our side. Nothing was changed; please try again.' };
  if (wantsHtml(request)) {
    void reply.code(500).type('text/html; charset=utf-8').send(`<!doctype html><html lang="en"><title>Error — Taller</title><main><h1>Something went wrong</h1><p>${body.error}</p><p><a href="/">Back to the events</a></p></main></html>`);
    return;
  }
  void reply.code(500).send(body);
}

/** A clear 404 for any path we do not serve. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  const message = `There is nothing at ${request.method} ${request.url.split('?')[0]}`;
  if (wantsHtml(request)) {
    void reply.code(404).type('text/html; charset=utf-8')
      .send(`<!doctype html><html lang="en"><title>Not found — Taller</title><main><h1>Not found</h1><p>${escapeHtml(message)}</p><p><a href="/">Back to the events</a></p></main></html>`);
    return;
  }
  void reply.code(404).send({ error: message } satisfies ErrorBody);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
