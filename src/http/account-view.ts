/**
 * The signed-in account as pages show it: the header's name, links and sign-out form. Pages
 * that are kept rendered (the event page) carry a slot the header is put into per request, so a
 * page kept for one person never shows another's name or form token.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Account } from '../services/users.js';
import { escapeHtml } from './errors.js';
import { translate } from './i18n.js';
import type { Locale } from './i18n.js';

/** Stands in a kept page where the header's account part goes. */
export const ACCOUNT_SLOT = '<!--taller:account-->';

export interface AccountView {
  name: string;
  /** The role as the page's language names it. */
  role: string;
  organization: string | null;
  admin: boolean;
  mayWrite: boolean;
}

export function accountView(account: Account, locale: Locale = 'en'): AccountView {
  return {
    name: account.name, role: translate(locale, `account.roles.${account.role}`), organization: account.organization,
    admin: account.role === 'admin', mayWrite: account.role !== 'viewer',
  };
}

/** The header's account part: who is signed in, their page, the admin pages, and signing out (a form with its token). */
export function accountNav(request: FastifyRequest, reply: FastifyReply): string {
  const account = request.account;
  if (!account) return '';
  const csrf = escapeHtml(reply.generateCsrf());
  const locale = reply.locals?.locale ?? 'en';
  const say = (key: 'accountLabel' | 'events' | 'people' | 'organizations' | 'audit' | 'signOut') => escapeHtml(translate(locale, `layout.${key}`));
  return `<nav class="account" aria-label="${say('accountLabel')}"><ul>`
    + `<li><a href="/">${say('events')}</a></li>`
    + (account.role === 'admin' ? `<li><a href="/admin/users">${say('people')}</a></li><li><a href="/admin/organizations">${say('organizations')}</a></li>`
      + `<li><a href="/admin/audit">${say('audit')}</a></li>` : '')
    + `<li><a href="/account">${escapeHtml(account.name)}</a></li>`
    + `<li><form method="post" action="/sign-out"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit">${say('signOut')}</button></form></li>`
    + `</ul></nav>`;
}

/** A kept page with this request's account part put into its slot. */
export function withAccountNav(page: Buffer, request: FastifyRequest, reply: FastifyReply): Buffer {
  const at = page.indexOf(ACCOUNT_SLOT);
  if (at < 0) return page;
  return Buffer.concat([page.subarray(0, at), Buffer.from(accountNav(request, reply), 'utf8'), page.subarray(at + ACCOUNT_SLOT.length)]);
}
