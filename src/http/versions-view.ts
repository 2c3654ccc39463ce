/**
 * The view models of the plan versions pages: the list (who made each version, when, how many
 * it schedules, which is published), two versions compared, the confirmation before publishing,
 * and the print page's choices. Plain data in the page's language; times on the site's clock.
 * Applicants appear by code only; volunteers by code and name, as their own sheets name them.
 */
import { DateTime } from 'luxon';
import type { Bundle } from '../domain/index.js';
import type { PlanChange } from '../planner/diff.js';
import { CATALOGS as SLIP_CATALOGS, SLIP_LANGUAGES } from '../outputs/slips.js';
import type { Comparison, EventVersions, Maker, PublishPreview, VersionEntry } from '../services/versions.js';
import { DEFAULT_LOCALE, INTL_LOCALE, instantTime, languageLabel, translator } from './i18n.js';
import type { Locale, Translator } from './i18n.js';

/** "May 20, 2027, 10:30 AM" on the site's clock, for an instant the database wrote (UTC). */
export function whenIn(locale: Locale, iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).setLocale(INTL_LOCALE[locale]).toLocaleString(DateTime.DATETIME_MED);
}

/** The published version as the event page and the versions pages announce it, or null before the first publish. */
export function publishedBanner(published: { version: number; publishedAt: string } | null, zone: string, locale: Locale = DEFAULT_LOCALE) {
  return published ? { version: published.version, when: whenIn(locale, published.publishedAt, zone) } : null;
}

function makerName(t: Translator, maker: Maker): string {
  if (maker.kind === 'account') return maker.token ? t('versions.maker.token', { name: maker.name }) : maker.name;
  return t(`versions.maker.${maker.kind}`);
}

const versionsUrl = (slug: string) => `/events/${encodeURIComponent(slug)}/versions`;

/** The choices of a version select: each version, the published one said so. */
function versionOptions(t: Translator, versions: readonly VersionEntry[], selected: number | null) {
  return versions.map((v) => ({
    value: v.version,
    label: v.status === 'published' ? `${t('versions.versionNumber', { version: v.version })} (${t('versions.state.published')})`
      : t('versions.versionNumber', { version: v.version }),
    selected: v.version === selected,
  }));
}

/** The header every versions page shares: the event, the way back, and what is published. */
function headerOf(data: EventVersions, locale: Locale) {
  const { event } = data.bundle;
  const held = data.versions.find((v) => v.status === 'published');
  return {
    eventId: event.id,
    eventName: event.name,
    eventUrl: `/events/${encodeURIComponent(event.id)}`,
    versionsUrl: versionsUrl(event.id),
    printUrl: `/events/${encodeURIComponent(event.id)}/print`,
    zone: event.timezone,
    banner: publishedBanner(held && held.publishedAt ? { version: held.version, publishedAt: held.publishedAt } : null, event.timezone, locale),
  };
}

/** The versions page: every version, newest first, and the form to compare two. */
export function versionsView(data: EventVersions, options: { locale?: Locale; mayWrite: boolean; justPublished?: number }) {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const zone = data.bundle.event.timezone;
  const latest = data.versions[0]?.version ?? null;
  const base = data.published !== null && data.published !== latest ? data.published : data.versions[1]?.version ?? latest;
  return {
    title: t('versions.title'),
    ...headerOf(data, locale),
    mayWrite: options.mayWrite,
    justPublished: options.justPublished ?? null,
    count: data.versions.length,
    versions: data.versions.map((v) => ({
      version: v.version,
      maker: makerName(t, v.maker),
      made: whenIn(locale, v.createdAt, zone),
      scheduled: v.scheduled,
      status: v.status,
      state: t(`versions.state.${v.status}`),
      publishedOn: v.publishedAt && v.status !== 'draft' ? t('versions.publishedOn', { when: whenIn(locale, v.publishedAt, zone) }) : null,
      isPublished: v.status === 'published',
      publishUrl: options.mayWrite && v.status !== 'published' ? `${versionsUrl(data.bundle.event.id)}/${v.version}/publish` : null,
      printUrl: `/events/${encodeURIComponent(data.bundle.event.id)}/print?version=${v.version}`,
    })),
    compare: data.versions.length > 1 ? {
      action: `${versionsUrl(data.bundle.event.id)}/compare`,
      from: versionOptions(t, data.versions, base),
      to: versionOptions(t, data.versions, latest),
    } : null,
  };
}

/** "V003 Sofía González" for a volunteer on the roster, the code alone otherwise. */
const volunteerName = (bundle: Bundle) => {
  const names = new Map(bundle.volunteers.map((v) => [v.id, v.name]));
  return (id: string) => (names.has(id) ? `${id} ${names.get(id)}` : id);
};

/** The two versions compared: who moves, who is added or dropped, and whom to tell. */
export function compareView(data: EventVersions, compared: Comparison, options: { locale?: Locale; mayWrite: boolean }) {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const zone = data.bundle.event.timezone;
  const from = compared.from.version;
  const to = compared.to.version;
  // Each volunteer once, in the order of the day (one may see the applicant at two stations).
  const people = (list: readonly string[]) => [...new Set(list)].map((p) => {
    const [volunteer, interpreter] = p.split('+');
    return interpreter ? t('versions.compare.withInterpreter', { volunteer: volunteer!, interpreter }) : p;
  }).join(', ');
  const day = (side: PlanChange['before']) => (side ? t('versions.compare.atWith', { time: instantTime(locale, side.arrival, zone), volunteers: people(side.volunteers) }) : '');
  const named = volunteerName(compared.bundle);
  const target = data.versions.find((v) => v.version === to);
  return {
    title: t('versions.compare.title', { from, to }),
    ...headerOf(data, locale),
    from, to,
    same: from === to,
    form: {
      action: `${versionsUrl(data.bundle.event.id)}/compare`,
      from: versionOptions(t, data.versions, from),
      to: versionOptions(t, data.versions, to),
    },
    counts: { moved: compared.moved.length, added: compared.added.length, removed: compared.removed.length },
    nothing: compared.moved.length + compared.added.length + compared.removed.length === 0,
    moved: compared.moved.map((c) => ({
      applicant: c.applicant, before: day(c.before), after: day(c.after), reassigned: c.change === 'reassigned',
    })),
    added: compared.added.map((c) => ({ applicant: c.applicant, arrives: c.after ? instantTime(locale, c.after.arrival, zone) : '', volunteers: people(c.after?.volunteers ?? []) })),
    removed: compared.removed.map((c) => ({ applicant: c.applicant, arrives: c.before ? instantTime(locale, c.before.arrival, zone) : '', volunteers: people(c.before?.volunteers ?? []) })),
    tell: {
      applicants: compared.notice.applicants.map((c) => c.applicant),
      volunteers: compared.notice.volunteers.map(named),
    },
    publishUrl: options.mayWrite && target && target.status !== 'published' ? `${versionsUrl(data.bundle.event.id)}/${to}/publish` : null,
  };
}

/** The confirmation before publishing: how many people's day it changes, against the version people hold. */
export function publishView(data: EventVersions, preview: PublishPreview, options: { locale?: Locale; csrf: string }) {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const version = preview.stored.version;
  const slug = data.bundle.event.id;
  return {
    title: t('versions.publish.title', { version }),
    ...headerOf(data, locale),
    version,
    published: preview.published?.version ?? null,
    already: preview.already,
    first: preview.first,
    applicants: preview.notice.applicants.length,
    volunteers: preview.notice.volunteers.length,
    action: `${versionsUrl(slug)}/${version}/publish`,
    compareUrl: preview.published && !preview.already ? `${versionsUrl(slug)}/compare?from=${preview.published.version}&to=${version}` : null,
    csrf: options.csrf,
  };
}

/** The print page: which version, the sheets' layout, the slips' language, applicant and slips to a page. */
export function printView(data: EventVersions, options: { locale?: Locale; version?: number }) {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const held = data.published ?? data.versions[0]?.version ?? null;
  const chosen = options.version !== undefined && data.versions.some((v) => v.version === options.version) ? options.version : held;
  const base = `/events/${encodeURIComponent(data.bundle.event.id)}/print`;
  return {
    title: t('versions.print.title'),
    ...headerOf(data, locale),
    hasPlan: data.versions.length > 0,
    sheetsAction: `${base}/sheets`,
    slipsAction: `${base}/slips`,
    versions: data.versions.map((v) => ({
      value: v.version,
      label: v.status === 'published' ? t('versions.print.published', { version: v.version }) : t('versions.print.draft', { version: v.version }),
      selected: v.version === chosen,
    })),
    // Each language named in the page's language and, where that differs, in itself: "Chinese (中文)".
    languages: SLIP_LANGUAGES.map((code) => {
      const label = languageLabel(locale, code);
      const own = SLIP_CATALOGS[code].language_name;
      return { code, label, own: own === label ? null : own };
    }),
    perPage: [2, 4, 1].map((n) => ({ value: n, label: t('versions.print.perPageOption', { count: n }), selected: n === 2 })),
  };
}
