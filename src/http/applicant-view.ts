/**
 * An applicant's own page as they see it on their phone: their slip in their language (or the
 * one they switch to, among the slip's eight), how to get there, and their two answers. Every
 * word comes from the slip catalogs (src/outputs/i18n/, the `page` group beside the slip's own).
 *
 * The pages are standalone documents from views/applicant/ (their own layout: nothing of the
 * coordinators' site, no link anywhere but this page's own and a public map), compiled once.
 */
import { readFileSync } from 'node:fs';
import handlebars from 'handlebars';
import type { Site } from '../domain/index.js';
import { CATALOGS, SLIP_LANGUAGES, isSlipLanguage, qrSvg, slipLanguage, slipViews } from '../outputs/slips.js';
import type { SlipLanguage, SlipView } from '../outputs/slips.js';
import type { ApplicantLink } from '../services/answers.js';

const VIEWS = new URL('../../views/applicant/', import.meta.url);
const engine = handlebars.create();
const compile = (name: string) => engine.compile(readFileSync(new URL(`${name}.hbs`, VIEWS), 'utf8'), { strict: false });
const layout = compile('layout');
const templates = { page: compile('page'), confirm: compile('confirm'), gone: compile('gone') };

/** One of the applicant pages as a whole HTML document. */
export function renderApplicantPage(name: keyof typeof templates, view: { lang: string; dir: string; title: string } & Record<string, unknown>): string {
  return layout({ ...view, body: new handlebars.SafeString(templates[name](view)) });
}

/** The page's language: the one asked for when it is one of the eight, else the one the slip picks. */
export function pageLanguage(asked: string | undefined, languages: readonly string[]): SlipLanguage {
  return asked !== undefined && isSlipLanguage(asked) ? asked : slipLanguage(languages);
}

/** A plain-text note on how to get there, when the event's site has one. */
export function directionsOf(site: Site): string | null {
  const note = (site as Site & { directions?: unknown }).directions;
  return typeof note === 'string' && note.trim() !== '' ? note.trim() : null;
}

/** A search for the address on OpenStreetMap's public site: a plain link, nothing loaded from it. */
export const mapUrl = (address: string) => `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;

/** Where the page and its forms are, for one link. */
export interface PageUrls {
  /** The page's path on this server, `/a/TOKEN`. */
  path: string;
  /** The page's full address (for its QR code), when links can be made here. */
  full: string | undefined;
}

/** The switch among the eight languages: each named in itself, back to this page. */
function languageSwitch(path: string, current: SlipLanguage) {
  return SLIP_LANGUAGES.map((code) => ({
    code, dir: CATALOGS[code].dir, name: CATALOGS[code].language_name, href: `${path}?lang=${code}`, current: code === current,
  }));
}

/** What every applicant page shows around its own part: language, direction, the words, the switch. */
function frame(link: ApplicantLink, urls: PageUrls, lang: SlipLanguage) {
  const catalog = CATALOGS[lang];
  return {
    lang, dir: catalog.dir, t: catalog.page, labels: catalog.labels, heading: catalog.title, event: link.bundle.event.name,
    title: `${catalog.title} — ${link.bundle.event.name}`, languages: languageSwitch(urls.path, lang), path: urls.path,
  };
}

/** The slip as the page shows it, in the page's language; null when the plan gives them no day. */
function slipOf(link: ApplicantLink, lang: SlipLanguage): SlipView | null {
  if (!link.held || !link.day) return null;
  return slipViews(link.bundle, link.held.plan, { applicant: link.applicant.id, draft: link.held.draft, inLanguage: lang })[0] ?? null;
}

/** The applicant's page: their slip, where and how to get there, their answer, and the forms to answer. */
export async function applicantPageView(link: ApplicantLink, urls: PageUrls, lang: SlipLanguage, formToken: string) {
  const slip = slipOf(link, lang);
  const address = link.bundle.event.site.address ?? null;
  return {
    ...frame(link, urls, lang),
    slip,
    // Shown at the check-in desk: it leads there to this page (or holds the code, where links cannot be made).
    qr: slip ? await qrSvg(urls.full ?? link.applicant.id) : null,
    address,
    map: address ? mapUrl(address) : null,
    directions: directionsOf(link.bundle.event.site),
    released: link.answer?.answer === 'releases',
    coming: link.answer?.answer === 'coming',
    formToken,
  };
}

/** The step before a place is given up: what it means, an optional note, and yes or no. */
export function confirmView(link: ApplicantLink, urls: PageUrls, lang: SlipLanguage, formToken: string) {
  const catalog = CATALOGS[lang];
  return { ...frame(link, urls, lang), title: `${catalog.page.confirm_heading} — ${link.bundle.event.name}`, slip: slipOf(link, lang), formToken };
}

/**
 * A link that does not work (made up, revoked, expired, or its applicant gone), said in all eight
 * languages since nothing says which one its holder reads; or a form of a working link that was
 * not saved, said in the page's language, with the way back to the page.
 */
export function goneView(key: 'link_gone' | 'form_gone', back?: { path: string; lang: SlipLanguage }) {
  const first = back?.lang ?? 'en';
  const languages = back ? [first] : SLIP_LANGUAGES;
  return {
    lang: first, dir: CATALOGS[first].dir, title: CATALOGS[first].page[key],
    messages: languages.map((code) => ({ lang: code, dir: CATALOGS[code].dir, text: CATALOGS[code].page[key] })),
    back: back ? `${back.path}?lang=${back.lang}` : null,
    backText: CATALOGS[first].title,
  };
}
