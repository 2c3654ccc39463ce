import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LOCALE_COOKIE, LOCALE_COOKIE_AGE, isLocale, localPath } from '../i18n.js';

const LanguageParams = Type.Object({ locale: Type.String() });

/**
 * The language switch in every page's header: `GET /language/es?back=/events/x` remembers the
 * choice for a year in the `lang` cookie and sends the browser back to the page it came from,
 * which is only ever a path on this server (`/` otherwise). A plain link: no script, no form.
 */
export const languageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/language/:locale', { config: { access: 'public' }, schema: { params: LanguageParams } }, async (request, reply) => {
    const { locale } = request.params;
    // A language the pages do not come in is a page that is not there.
    if (!isLocale(locale)) return reply.callNotFound();
    // `back` is read as given (once or repeated, any length) and checked by localPath: a bad one goes home.
    const back = (request.query as Record<string, unknown> | undefined)?.back;
    void reply.setCookie(LOCALE_COOKIE, locale, {
      path: '/',
      maxAge: LOCALE_COOKIE_AGE,
      sameSite: 'lax',
      httpOnly: true,
      secure: request.protocol === 'https',
    });
    return reply.redirect(localPath(Array.isArray(back) ? back[0] : back), 303);
  });
};
