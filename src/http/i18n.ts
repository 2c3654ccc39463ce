/**
 * The web pages in English and Spanish: which language a request gets, its messages, and how
 * dates, clock times and numbers read in it.
 *
 * The language of a request is the `lang` cookie when it holds a known locale (the switch in the
 * page header sets it), else the best match of the browser's `Accept-Language` (q-values
 * honoured, `es-MX` counts as `es`), else English.
 *
 * Messages live in one catalog per language (`messages/en.ts`, `messages/es.ts`), nested by page
 * and read by dotted key: `translate('es', 'event.facts.when')`. A message is either
 *
 * - a string, with `{name}` placeholders filled from the params: `'Version {version}.'`; or
 * - a plural: an object with exactly the forms `one` and `other`, picked by the `count` param
 *   as the language's plural rules say (Intl.PluralRules: in English and Spanish `one` is for
 *   exactly 1, `other` for everything else; any other category the rules name falls back to
 *   `other`): `{ one: '{count} workshop', other: '{count} workshops' }`.
 *
 * A number param is written for the locale (`1,234.5`); any other param as it is. A catalog group
 * never has exactly the keys `one` and `other`: that is a plural.
 *
 * Templates call the `t` helper (`{{t "home.title"}}`, `{{t "event.applicants" count=n}}`), which
 * reads the locale from the view's root data (`@root.locale`, set for every request by the hook
 * below). There a message is HTML: it may hold inline markup (`<strong>`, `<code>`, a local
 * link), and every param is escaped. In view models (`translate`) a message is plain text, and
 * escaped where the template prints it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type handlebars from 'handlebars';
import { DateTime } from 'luxon';
import { caseTypeName, languageName } from '../domain/index.js';
import { en } from './messages/en.js';
import type { Messages } from './messages/en.js';
import { es } from './messages/es.js';

export type Locale = 'en' | 'es';

/** Every locale the pages come in, the default first. */
export const LOCALES: readonly Locale[] = Object.freeze(['en', 'es'] as const);

export const DEFAULT_LOCALE: Locale = 'en';

/** The cookie that remembers the language someone chose with the switch. */
export const LOCALE_COOKIE = 'lang';

/** How long the choice is remembered, in seconds: a year. */
export const LOCALE_COOKIE_AGE = 365 * 24 * 60 * 60;

/** The Intl locale behind each: dates, times and numbers as people in California's clinics write them. */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = Object.freeze({ en: 'en-US', es: 'es-US' });

export const CATALOGS: Readonly<Record<Locale, Messages>> = Object.freeze({ en, es });

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The one other locale, for the switch: with two languages the page offers the other. */
export function otherLocale(locale: Locale): Locale {
  return LOCALES.find((l) => l !== locale) ?? DEFAULT_LOCALE;
}

/**
 * The best locale for an `Accept-Language` header: each range by its q-value (highest first,
 * ties in the order given, q=0 never), a range matching by its primary subtag (`es-MX` is `es`),
 * `*` the default. English when nothing matches or there is no header.
 */
export function negotiate(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranges = header.slice(0, 1000).split(',').map((part, index) => {
    const [tag = '', ...params] = part.trim().split(';');
    let q = 1;
    for (const param of params) {
      const [name, value] = param.trim().split('=');
      if (name?.trim().toLowerCase() === 'q') {
        const parsed = Number(value?.trim());
        q = Number.isFinite(parsed) && parsed >= 0 && parsed <= 1 ? parsed : 0;
      }
    }
    return { primary: tag.trim().toLowerCase().split('-')[0]!, q, index };
  }).filter((r) => r.primary !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    if (range.primary === '*') return DEFAULT_LOCALE;
    if (isLocale(range.primary)) return range.primary;
  }
  return DEFAULT_LOCALE;
}

/** The `lang` cookie's value, read by @fastify/cookie (or from the header, before it has run). */
function cookieOf(request: FastifyRequest): string | undefined {
  const parsed = (request as { cookies?: Record<string, string | undefined> }).cookies;
  if (parsed) return parsed[LOCALE_COOKIE];
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === LOCALE_COOKIE) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/** The locale a request gets: the `lang` cookie if it holds a known locale, else the browser's languages, else English. */
export function localeOf(request: FastifyRequest): Locale {
  const chosen = cookieOf(request);
  if (isLocale(chosen)) return chosen;
  const header = request.headers['accept-language'];
  return negotiate(Array.isArray(header) ? header.join(',') : header);
}

export interface Plural {
  one: string;
  other: string;
}

type Message = string | Plural;

const isPlural = (value: unknown): value is Plural =>
  typeof value === 'object' && value !== null && Object.keys(value).length === 2
  && typeof (value as Plural).one === 'string' && typeof (value as Plural).other === 'string';

/** Every dotted key of a catalog that leads to a message. */
export type KeysOf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends Message ? `${P}${K}` : KeysOf<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = KeysOf<Messages>;

export type Params = Readonly<Record<string, unknown>>;

const numberFormats = new Map<Locale, Intl.NumberFormat>();
const pluralRules = new Map<Locale, Intl.PluralRules>();
const percentFormats = new Map<Locale, Intl.NumberFormat>();

/** A number as the locale writes it: `1,234.5`. */
export function formatNumber(locale: Locale, n: number): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, format = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 3 }));
  return format.format(n);
}

function pluralForm(locale: Locale, count: number): keyof Plural {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, rules = new Intl.PluralRules(INTL_LOCALE[locale]));
  return rules.select(count) === 'one' ? 'one' : 'other';
}

/** The message at a dotted key, or undefined when the catalog has none. */
export function lookup(locale: Locale, key: string): Message | undefined {
  let at: unknown = CATALOGS[locale] ?? CATALOGS[DEFAULT_LOCALE];
  for (const part of key.split('.')) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return typeof at === 'string' || isPlural(at) ? at : undefined;
}

/** Fills a message's `{name}` placeholders, each param through `write`; a placeholder without a param stays as it is. */
function fill(locale: Locale, message: Message, params: Params, write: (value: unknown) => string): string {
  const text = typeof message === 'string' ? message
    : message[pluralForm(locale, typeof params.count === 'number' ? params.count : Number(params.count))];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) && params[name] !== undefined && params[name] !== null
    ? write(params[name]) : whole));
}

const plainParam = (locale: Locale) => (value: unknown) => (typeof value === 'number' ? formatNumber(locale, value) : String(value));

/**
 * A message in plain text, its placeholders filled. A key neither catalog has reads as itself
 * (the catalog tests make sure none is used); a key only English has falls back to English.
 */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const message = lookup(locale, key) ?? lookup(DEFAULT_LOCALE, key);
  return message === undefined ? key : fill(locale, message, params, plainParam(locale));
}

/** A message function bound to one locale, for view models: `t('event.facts.when')`. */
export type Translator = (key: MessageKey, params?: Params) => string;
export const translator = (locale: Locale): Translator => (key, params) => translate(locale, key, params);

/** "Saturday, May 22, 2027" / "sábado, 22 de mayo de 2027" for a `YYYY-MM-DD` date. */
export function longDate(locale: Locale, date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale(INTL_LOCALE[locale]).toLocaleString(DateTime.DATE_HUGE);
}

/**
 * A wall-clock time of the site ("09:30", "24:00" for the midnight that closes a day) as the
 * locale writes it: "9:30 AM", "9:30 a.m.". It is the event's own clock already: no zone changes it.
 */
export function clockTime(locale: Locale, hhmm: string): string {
  const [hour = 0, minute = 0] = hhmm.split(':').map(Number);
  return DateTime.fromObject({ year: 2000, month: 1, day: 1, hour: hour % 24, minute }, { zone: 'UTC' })
    .setLocale(INTL_LOCALE[locale]).toLocaleString(DateTime.TIME_SIMPLE);
}

/** An instant of a plan read on the site's clock (the event's IANA zone), as the locale writes it. */
export function instantTime(locale: Locale, iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).setLocale(INTL_LOCALE[locale]).toLocaleString(DateTime.TIME_SIMPLE);
}

/** "9:00 AM–3:00 PM". */
export const clockSpan = (locale: Locale, from: string, to: string) => `${clockTime(locale, from)}–${clockTime(locale, to)}`;

/** A percentage as the locale writes it, from a share: 0.4 → "40%". */
export function formatPercent(locale: Locale, share: number): string {
  let format = percentFormats.get(locale);
  if (!format) percentFormats.set(locale, format = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: 0 }));
  return format.format(share);
}

const QUOTES: Readonly<Record<Locale, readonly [string, string]>> = Object.freeze({ en: ['"', '"'], es: ['«', '»'] });

/**
 * Text someone wrote (a cell, a file's sheet), quoted as the locale quotes it: "Mixtekoo" in
 * English, as the command line writes it; «Mixtekoo» in Spanish. Plain text: escape it where it is printed.
 */
export const quoted = (locale: Locale, text: string): string => `${QUOTES[locale][0]}${text}${QUOTES[locale][1]}`;

/** A language's name in the locale, from the domain's table (Intl for codes it lacks). */
export const languageLabel = (locale: Locale, code: string) => languageName(code, locale);

/** A case type's name in the locale: the catalog's table of the default case types, else the domain's name, else the code. */
export function caseTypeLabel(locale: Locale, code: string): string {
  const named = lookup(locale, `caseTypes.${code}`);
  return typeof named === 'string' ? named : caseTypeName(code, locale);
}

/** Sorts names as the locale does ("Árabe" beside "Armenio"). */
export const byName = (locale: Locale) => {
  const collator = new Intl.Collator(INTL_LOCALE[locale]);
  return (a: string, b: string) => collator.compare(a, b);
};

/**
 * A path on this server to go back to after the switch: only a local path (`/events/x?y`), never
 * an absolute URL, a scheme-relative `//host` or anything a browser reads as one. Anything else is `/`.
 */
export function localPath(back: unknown): string {
  if (typeof back !== 'string' || back.length === 0 || back.length > 2048 || back[0] !== '/') return '/';
  // Control characters and backslashes: browsers drop or turn them into slashes, so "/\evil" is "//evil".
  if (/[\u0000-\u001f\u007f\\]/.test(back)) return '/';
  let url: URL;
  try {
    url = new URL(back, 'http://taller.invalid');
  } catch {
    return '/';
  }
  if (url.origin !== 'http://taller.invalid') return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil" normalizes to "//evil": look again at what would be sent.
  return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}

/** One entry of the language switch: each language named in itself. */
export interface LocaleChoice {
  code: Locale;
  name: string;
  href: string;
  current: boolean;
}

/** What every page's view gets, from `reply.locals`. */
export interface PageLocals {
  locale: Locale;
  otherLocale: Locale;
  /** The switch: a link per language, back to this page. */
  locales: LocaleChoice[];
  [key: string]: unknown;
}

declare module 'fastify' {
  interface FastifyReply {
    /** Data every view gets (@fastify/view merges it): the locale and the language switch, set for each request. */
    locals: PageLocals;
  }
}

/** The locale data of a request's pages: its locale, the other one, and the switch back to this path. */
export function pageLocals(request: FastifyRequest): PageLocals {
  const locale = localeOf(request);
  const back = encodeURIComponent(localPath(request.url.split('?')[0]));
  return {
    locale,
    otherLocale: otherLocale(locale),
    locales: LOCALES.map((code) => ({
      code, name: translate(code, 'language.name'), href: `/language/${code}?back=${back}`, current: code === locale,
    })),
  };
}

/**
 * Gives every view its locale: one hook sets `reply.locals` (which @fastify/view merges into the
 * data of every `reply.view`), so a page added later gets it for free. Pages that render through
 * `app.view` (kept, rendered, in a cache) pass `reply.locals` themselves. HTML answers vary by
 * the cookie and the browser's languages. Register after @fastify/view and @fastify/cookie.
 */
export function registerLocale(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.locals = { ...reply.locals, ...pageLocals(request) };
  });
  app.addHook('onSend', async (_request, reply: FastifyReply) => {
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !type.startsWith('text/html')) return;
    const vary = reply.getHeader('vary');
    const have = typeof vary === 'string' ? vary.split(',').map((v) => v.trim().toLowerCase()) : [];
    const add = ['Accept-Language', 'Cookie'].filter((h) => !have.includes(h.toLowerCase()));
    if (add.length > 0) reply.header('vary', [...(typeof vary === 'string' && vary ? [vary] : []), ...add].join(', '));
  });
}

/** The `t` and `num` helpers, which read the locale from the view's root data. */
export function registerI18nHelpers(engine: typeof handlebars): void {
  const localeOfView = (options: handlebars.HelperOptions): Locale => {
    const locale = (options.data as { root?: { locale?: unknown } } | undefined)?.root?.locale;
    return isLocale(locale) ? locale : DEFAULT_LOCALE;
  };
  const htmlParam = (locale: Locale) => (value: unknown) =>
    engine.escapeExpression((typeof value === 'number' ? formatNumber(locale, value) : value) as string);
  engine.registerHelper('t', (key: unknown, options: handlebars.HelperOptions) => {
    const locale = localeOfView(options);
    const message = typeof key === 'string' ? lookup(locale, key) ?? lookup(DEFAULT_LOCALE, key) : undefined;
    if (message === undefined) return engine.escapeExpression(String(key));
    return new engine.SafeString(fill(locale, message, options.hash as Params, htmlParam(locale)));
  });
  engine.registerHelper('num', (value: unknown, options: handlebars.HelperOptions) =>
    (typeof value === 'number' ? formatNumber(localeOfView(options), value) : value));
}
