/**
 * Applicant slips: one slip per scheduled applicant, in their language, saying when
 * and where to come, how long to expect, what to bring, that the help is free and that
 * notarios are not lawyers, with a QR code to show at check-in. Two slips to a printed page
 * by default, cut along dashed lines; one to a page for an applicant's own link.
 *
 * The text comes from the catalogs in src/outputs/i18n/ (plain JSON a coordinator can
 * review). A slip is in the first of the applicant's languages that has a catalog; someone
 * whose languages have none reads Spanish (Indigenous languages of Mexico and Guatemala,
 * whose speakers usually read Spanish) or else English, and the slip says in which language
 * the day will go and whether an interpreter for theirs is booked. A slip shows no red flag,
 * complexity or household: only what the applicant needs. A slip printed from a draft plan
 * says, under its title, that the time may still change and to wait for the confirmed slip.
 */
import { readFileSync } from 'node:fs';
import { DateTime, Duration } from 'luxon';
import QRCode from 'qrcode';
import { caseTypeName, languageName, localInstant, parseClock } from '../domain/index.js';
import type { Applicant, Bundle, ClinicEvent, Volunteer } from '../domain/index.js';
import type { PlanJson, ScheduledJson, VisitJson } from '../planner/types.js';
import { byId, planInstant, printTemplate } from './print.js';

export const SLIP_LANGUAGES = ['en', 'es', 'zh', 'vi', 'tl', 'pa', 'ht', 'ar'] as const;
export type SlipLanguage = (typeof SLIP_LANGUAGES)[number];

export type SlipLabel = 'name' | 'code' | 'date' | 'arrive' | 'place' | 'stay' | 'case' | 'documents' | 'contact' | 'checkin';

/** The words of an applicant's own page (src/http/applicant-view.ts). */
export type ApplicantPageText = 'switch' | 'answer_heading' | 'coming' | 'release' | 'note' | 'coming_saved' | 'confirm_heading'
  | 'confirm_text' | 'confirm_yes' | 'confirm_no' | 'released' | 'released_mistake' | 'no_day' | 'directions' | 'map' | 'link_gone' | 'form_gone';

/** The words of a come-back slip beside the applicant slip's own labels. */
export type ComeBackText = 'title' | 'lead' | 'hours' | 'check_in' | 'call_first';

/** One language's text, as its JSON file holds it; keys starting with `_` are notes for reviewers. */
export interface Catalog {
  language_name: string;
  /** The BCP 47 locale luxon formats dates with. */
  locale: string;
  dir: 'ltr' | 'rtl';
  title: string;
  labels: Record<SlipLabel, string>;
  stay: string;
  free: string;
  notario: string;
  originals: string;
  bring_slip: string;
  /** Printed near the title of a draft slip: the time may still change; wait for the confirmed slip. */
  draft: string;
  interpreter_booked: string;
  speakers_there: string;
  interpreter_ask: string;
  language_names: Record<string, string>;
  case_types: Record<string, string>;
  documents: Record<string, string>;
  /** The applicant's own page (their link): its words beside the slip's. */
  page: Record<ApplicantPageText, string>;
  /** The come-back slip of someone waiting for a later workshop. */
  come_back: Record<ComeBackText, string>;
  /** Calendar words for a computer whose Intl does not know the locale (Haitian Creole, usually). */
  fallback: { months: string[]; weekdays: string[]; date: string; hours_minutes: string; hours: string; minutes: string };
}

/** The catalogs, read once from src/outputs/i18n/. */
export const CATALOGS: Readonly<Record<SlipLanguage, Catalog>> = Object.freeze(Object.fromEntries(
  SLIP_LANGUAGES.map((lang) => [lang, JSON.parse(readFileSync(new URL(`./i18n/${lang}.json`, import.meta.url), 'utf8')) as Catalog]),
) as Record<SlipLanguage, Catalog>);

/** What to bring, by case type: keys of each catalog's `documents`. */
export const DOCUMENTS_BY_CASE_TYPE: Readonly<Record<string, readonly string[]>> = Object.freeze({
  daca_renewal: ['work_permit', 'daca_approval', 'photo_id', 'photos', 'prior_applications', 'court_records', 'fee'],
  daca_initial: ['photo_id', 'birth_certificate', 'entry_before_16', 'residence_since_2007', 'school_records', 'photos', 'court_records', 'fee'],
  n400: ['green_card', 'passport', 'trips', 'addresses_jobs', 'marriages', 'children', 'taxes', 'court_records', 'fee', 'fee_waiver'],
  labor_deferred_action: ['labor_statement', 'employment_proof', 'photo_id', 'immigration_notices', 'photos', 'court_records', 'fee'],
  tps: ['nationality', 'tps_residence', 'i94', 'tps_papers', 'photos', 'court_records', 'fee', 'fee_waiver'],
  ead_renewal: ['work_permit', 'ead_basis', 'photo_id', 'i94', 'photos', 'fee', 'fee_waiver'],
  advance_parole: ['photo_id', 'status_papers', 'travel_reason', 'travel_dates', 'photos', 'fee'],
  i90: ['green_card_i90', 'photo_id', 'name_change', 'court_records', 'fee', 'fee_waiver'],
  family_petition: ['petitioner_status', 'relationship', 'prior_marriages_both', 'relative_papers', 'photos', 'fee'],
  consultation: ['immigration_notices', 'photo_id', 'prior_applications', 'court_records', 'entries_exits'],
});

/** For a case type an event adds: what every immigration matter needs. */
export const GENERIC_DOCUMENTS: readonly string[] = Object.freeze(['photo_id', 'immigration_notices', 'prior_applications', 'court_records', 'photos']);

/** Languages whose speakers usually read Spanish: Indigenous languages of Mexico and Guatemala. */
const READ_SPANISH = new Set(['mix', 'zap', 'trs', 'nah', 'tsz', 'tzo', 'tzh', 'maz', 'chq', 'yua', 'mam', 'quc', 'kjb', 'cak', 'kek', 'ixl', 'jac', 'acc']);

export interface SlipsOptions {
  /** Slips per printed page; 2 by default, 1 when `applicant` is given. */
  perPage?: 1 | 2 | 4;
  /** Only this applicant's slip, one to a page (the applicant's own link). */
  applicant?: string;
  /** Only the slips printed in this language (the language each applicant's slip is in, see slipLanguage). */
  language?: SlipLanguage;
  /** What the QR code holds: the check-in link for an applicant; by default, their code. */
  checkInUrl?: (applicantId: string) => string;
  /** A phone number applicants may call; no phone line without it. */
  contactPhone?: string;
  /** The plan is not published yet: each slip says its time may still change. */
  draft?: boolean;
  /** Every slip in this language instead of each applicant's own (an applicant's page, switched to another). */
  inLanguage?: SlipLanguage;
}

/** Asked for a slip that cannot exist (the CLI exits 2, HTTP answers 404). */
export class SlipUnavailableError extends Error {
  readonly applicantId: string;
  readonly eventId: string;
  readonly reason: 'unknown_applicant' | 'not_scheduled';
  constructor(applicantId: string, eventId: string, reason: 'unknown_applicant' | 'not_scheduled') {
    super(reason === 'unknown_applicant'
      ? `applicant ${applicantId} is not on the applicant list of event ${eventId}`
      : `applicant ${applicantId} is not scheduled in the plan of event ${eventId}, so has no slip`);
    this.name = 'SlipUnavailableError';
    this.applicantId = applicantId;
    this.eventId = eventId;
    this.reason = reason;
  }
}

/** One slip, ready to print: every text already in the slip's language. */
export interface SlipView {
  applicant: string;
  lang: SlipLanguage;
  dir: 'ltr' | 'rtl';
  /** The applicant's arrival as the plan wrote it. */
  arrival: string;
  name: string;
  event: string;
  title: string;
  /** The draft sentence in the slip's language, or null on a confirmed slip. */
  draft: string | null;
  labels: Record<SlipLabel, string>;
  date: string;
  time: string;
  site: string;
  address: string | null;
  stay: string;
  caseType: string;
  /** Which language the day goes in, and whether an interpreter is booked; null when it is the slip's own. */
  languageNote: string | null;
  documents: string[];
  originals: string;
  free: string;
  notario: string;
  bringSlip: string;
  phone: string | null;
  /** What the QR code encodes. */
  qrText: string;
  /** How much text the slip holds, in Latin-letter widths: long slips print a little smaller to fit their share of the page. */
  length: number;
}

export const isSlipLanguage = (code: string): code is SlipLanguage => (SLIP_LANGUAGES as readonly string[]).includes(code);

/**
 * The language of an applicant's slip: the first of their languages with a catalog; else
 * Spanish for speakers of Indigenous languages of Mexico and Guatemala; else English.
 */
export function slipLanguage(languages: readonly string[]): SlipLanguage {
  const written = languages.find(isSlipLanguage);
  if (written) return written;
  return languages.some((l) => READ_SPANISH.has(l)) ? 'es' : 'en';
}

/** The document keys to bring for a case type. */
export function documentsFor(caseType: string): readonly string[] {
  return DOCUMENTS_BY_CASE_TYPE[caseType] ?? GENERIC_DOCUMENTS;
}

/** Minutes from arrival to the end of the final check (or of the last visit, when there is no final check). */
export function stayMinutes(stay: ScheduledJson): number {
  const end = stay.final_check?.end ?? stay.visits[stay.visits.length - 1]?.end ?? stay.check_in?.end ?? stay.arrival;
  return Math.round((Date.parse(end) - Date.parse(stay.arrival)) / 60_000);
}

/** Up to the next quarter hour: people arrange rides and childcare on it, so never less than planned. */
export function roundedStay(minutes: number): number {
  return Math.max(15, Math.ceil(minutes / 15) * 15);
}

const supported = new Map<string, boolean>();
/** Whether this runtime's Intl has calendar words for a locale (many have none for Haitian Creole). */
function knowsLocale(locale: string): boolean {
  let found = supported.get(locale);
  if (found === undefined) {
    found = Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
    supported.set(locale, found);
  }
  return found;
}

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

/** "sábado, 22 de mayo de 2027": luxon in the catalog's locale, or the catalog's own words. */
export function slipDate(instant: DateTime, lang: SlipLanguage): string {
  const catalog = CATALOGS[lang];
  if (knowsLocale(catalog.locale)) return instant.setLocale(catalog.locale).toLocaleString(DateTime.DATE_HUGE);
  const { months, weekdays, date } = catalog.fallback;
  return fill(date, { weekday: weekdays[instant.weekday - 1]!, day: instant.day, month: months[instant.month - 1]!, year: instant.year });
}

/** "9:35 a. m.": the locale's way of telling the time. */
export function slipTime(instant: DateTime, lang: SlipLanguage): string {
  const catalog = CATALOGS[lang];
  return knowsLocale(catalog.locale) ? instant.setLocale(catalog.locale).toLocaleString(DateTime.TIME_SIMPLE) : instant.toFormat('H:mm');
}

/** "1 hora 45 minutos", "1小时45分钟": a length of time in words, plurals right for the language. */
export function slipDuration(minutes: number, lang: SlipLanguage): string {
  const catalog = CATALOGS[lang];
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (knowsLocale(catalog.locale)) {
    const parts = [hours > 0 ? { hours } : null, rest > 0 || hours === 0 ? { minutes: rest } : null]
      .filter((p): p is { hours: number } | { minutes: number } => p !== null)
      .map((p) => Duration.fromObject(p, { locale: catalog.locale }).toHuman({ unitDisplay: 'long' }));
    // A unit list, as a clock reads ("1 hour 45 minutes"), not a list of things ("1 hour and 45 minutes").
    return new Intl.ListFormat(catalog.locale, { type: 'unit', style: 'narrow' }).format(parts);
  }
  const { fallback } = catalog;
  return fill(hours === 0 ? fallback.minutes : rest === 0 ? fallback.hours : fallback.hours_minutes, { hours, minutes: rest });
}

/** A language's name in a slip's language: the catalog's, else Intl's, else the English or Spanish name Taller knows. */
export function languageIn(code: string, lang: SlipLanguage): string {
  const catalog = CATALOGS[lang];
  if (code === lang) return catalog.language_name;
  const named = catalog.language_names[code];
  if (named) return named;
  if (lang === 'en' || lang === 'es') return languageName(code, lang);
  if (knowsLocale(catalog.locale)) {
    try {
      const name = new Intl.DisplayNames([catalog.locale], { type: 'language', fallback: 'none' }).of(code);
      if (name) return name;
    } catch {
      // A code Intl rejects falls through to Taller's English name.
    }
  }
  return languageName(code);
}

/** The language a visit goes in, and whether through an interpreter. */
function visitLanguage(applicant: Applicant, visit: VisitJson, volunteers: ReadonlyMap<string, Volunteer>): { code: string | undefined; interpreted: boolean } {
  const volunteer = volunteers.get(visit.volunteer);
  if (visit.interpreter === null) {
    return { code: applicant.languages.find((l) => volunteer?.languages.includes(l)), interpreted: false };
  }
  const interpreter = volunteers.get(visit.interpreter);
  const spoken = applicant.languages.filter((l) => interpreter?.languages.includes(l));
  return { code: spoken.find((l) => !volunteer?.languages.includes(l)) ?? spoken[0], interpreted: true };
}

/**
 * What a slip says about language: that an interpreter for the applicant's preferred language
 * is booked; that volunteers speak it (when the slip itself is in another language); or, when
 * the day goes in another language, which one, and how to ask for an interpreter. Null when
 * the slip's language is the one every visit goes in.
 */
export function languageNote(applicant: Applicant, stay: ScheduledJson, volunteers: ReadonlyMap<string, Volunteer>, lang: SlipLanguage): string | null {
  const preferred = applicant.languages[0];
  if (preferred === undefined || stay.visits.length === 0) return null;
  const catalog = CATALOGS[lang];
  const visits = stay.visits.map((v) => visitLanguage(applicant, v, volunteers));
  if (visits.some((v) => v.interpreted && v.code === preferred)) {
    return fill(catalog.interpreter_booked, { language: languageIn(preferred, lang) });
  }
  if (visits.every((v) => v.code === preferred)) {
    return preferred === lang ? null : fill(catalog.speakers_there, { language: languageIn(preferred, lang) });
  }
  const service = visits.find((v) => v.code !== undefined && v.code !== preferred)?.code;
  if (service === undefined) return null;
  return fill(catalog.interpreter_ask, { service: languageIn(service, lang), language: languageIn(preferred, lang) });
}

/** Every slip of the plan (or the one asked for), in applicant-code order, as plain data. */
export function slipViews(bundle: Bundle, plan: PlanJson, options: SlipsOptions = {}): SlipView[] {
  const { event } = bundle;
  if (plan.event !== event.id) throw new Error(`the plan is for event ${plan.event}, not ${event.id}`);
  const applicants = new Map(bundle.applicants.map((a) => [a.id, a]));
  const volunteers = new Map(bundle.volunteers.map((v) => [v.id, v]));
  let stays = plan.scheduled;
  if (options.applicant !== undefined) {
    const id = options.applicant;
    if (!applicants.has(id)) throw new SlipUnavailableError(id, event.id, 'unknown_applicant');
    stays = plan.scheduled.filter((s) => s.applicant === id);
    if (stays.length === 0) throw new SlipUnavailableError(id, event.id, 'not_scheduled');
  }
  return [...stays].sort((a, b) => byId(a.applicant, b.applicant)).flatMap((stay): SlipView[] => {
    const applicant = applicants.get(stay.applicant);
    if (!applicant) return [];
    const own = slipLanguage(applicant.languages);
    if (options.language !== undefined && own !== options.language) return [];
    const lang = options.inLanguage ?? own;
    const catalog = CATALOGS[lang];
    const arrival = planInstant(stay.arrival, event.timezone, `${stay.applicant} arrival`);
    const minutes = roundedStay(stayMinutes(stay));
    return [{
      applicant: applicant.id,
      lang,
      dir: catalog.dir,
      arrival: stay.arrival,
      name: applicant.name,
      event: event.name,
      title: catalog.title,
      draft: options.draft === true ? catalog.draft : null,
      labels: catalog.labels,
      date: slipDate(arrival, lang),
      time: slipTime(arrival, lang),
      site: event.site.name,
      address: event.site.address ?? null,
      stay: fill(catalog.stay, { duration: slipDuration(minutes, lang), time: slipTime(arrival.plus({ minutes }), lang) }),
      caseType: catalog.case_types[applicant.caseType] ?? caseTypeName(applicant.caseType, lang === 'es' ? 'es' : 'en'),
      languageNote: languageNote(applicant, stay, volunteers, lang),
      documents: documentsFor(applicant.caseType).map((key) => catalog.documents[key] ?? CATALOGS.en.documents[key] ?? key),
      originals: catalog.originals,
      free: catalog.free,
      notario: catalog.notario,
      bringSlip: catalog.bring_slip,
      phone: options.contactPhone ?? null,
      qrText: options.checkInUrl ? options.checkInUrl(applicant.id) : applicant.id,
      length: 0,
    }].map((view) => ({ ...view, length: textLength(view) }));
  });
}

/**
 * Past these text lengths a slip that shares its page prints a little smaller, then smaller
 * still: measured in Chromium on every catalog and case type with a long event, site, name
 * and language note (test/outputs/browser.test.ts keeps them honest).
 */
export const DENSE_FROM = 1050;
export const TIGHT_FROM = 1400;

/** Wide characters (CJK) take about two Latin letters' room; the rest, one. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;
const width = (text: string) => text.length + (text.match(WIDE)?.length ?? 0);

/** The room a slip's text takes, counting each document as starting a line. */
export function textLength(view: Omit<SlipView, 'length'>): number {
  const documents = view.documents.reduce((sum, d) => sum + width(d) + 20, 0);
  // The draft mark is a boxed line of its own: its text plus about a line's start.
  const draft = view.draft === null ? 0 : width(view.draft) + 40;
  return documents + draft + [view.event, view.name, view.stay, view.address ?? '', view.site, view.caseType, view.languageNote ?? '', view.free, view.notario]
    .reduce((sum, t) => sum + width(t), 0);
}

/** Slips grouped into printed pages. */
export function slipPages<T>(slips: readonly T[], perPage: number): { slips: T[] }[] {
  const pages: { slips: T[] }[] = [];
  for (let i = 0; i < slips.length; i += perPage) pages.push({ slips: slips.slice(i, i + perPage) });
  return pages;
}

/** The check-in QR code as inline SVG, hidden from screen readers: the code is printed beside it. */
export async function qrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}

/** The slips as one standalone HTML document (inline print stylesheet and QR codes, nothing fetched). */
export async function applicantSlips(bundle: Bundle, plan: PlanJson, options: SlipsOptions = {}): Promise<string> {
  const perPage = options.applicant !== undefined ? 1 : options.perPage ?? 2;
  if (![1, 2, 4].includes(perPage)) throw new Error(`perPage must be 1, 2 or 4, not ${String(perPage)}`);
  const views = slipViews(bundle, plan, options);
  const slips = await Promise.all(views.map(async (view) => ({
    ...view,
    dense: perPage > 1 && view.length > DENSE_FROM,
    tight: perPage > 1 && view.length > TIGHT_FROM,
    qr: await qrSvg(view.qrText),
  })));
  const single = options.applicant !== undefined ? views[0] : undefined;
  return template({
    title: single ? `${single.title} — ${bundle.event.name}` : `Appointment slips — ${bundle.event.name}`,
    // One applicant's, or one language's, slips: the document is in their language.
    lang: single?.lang ?? options.language ?? 'en',
    dir: single?.dir ?? (options.language ? CATALOGS[options.language].dir : 'ltr'),
    perPage,
    empty: slips.length === 0,
    emptyLanguage: slips.length === 0 && options.language !== undefined ? languageName(options.language) : null,
    pages: slipPages(slips, perPage),
  });
}

const template = printTemplate('slips');

/** A come-back slip, ready to print: every text in the person's language. */
export interface ComeBackView {
  lang: SlipLanguage;
  dir: 'ltr' | 'rtl';
  words: Record<ComeBackText, string>;
  labels: Record<SlipLabel, string>;
  name: string;
  event: string;
  date: string;
  hours: string;
  site: string;
  address: string | null;
  caseType: string;
  documents: string[];
  originals: string;
  free: string;
  notario: string;
  phone: string | null;
}

/**
 * The come-back slip of someone waiting for a later workshop: in their language (as an
 * applicant slip's), the workshop they are offered (its date, hours, site and address), what to
 * bring for their case type, and that the help is free.
 */
export function comeBackView(person: { name: string; languages: readonly string[]; caseType: string }, event: ClinicEvent, contactPhone?: string): ComeBackView {
  const lang = slipLanguage(person.languages);
  const catalog = CATALOGS[lang];
  const at = (clock: string) => slipTime(localInstant(event.date, event.timezone, parseClock(clock)!), lang);
  return {
    lang,
    dir: catalog.dir,
    words: catalog.come_back,
    labels: catalog.labels,
    name: person.name,
    event: event.name,
    date: slipDate(DateTime.fromISO(event.date, { zone: event.timezone }), lang),
    hours: `${at(event.opens)} – ${at(event.closes)}`,
    site: event.site.name,
    address: event.site.address ?? null,
    caseType: catalog.case_types[person.caseType] ?? caseTypeName(person.caseType, lang === 'es' ? 'es' : 'en'),
    documents: documentsFor(person.caseType).map((key) => catalog.documents[key] ?? CATALOGS.en.documents[key] ?? key),
    originals: catalog.originals,
    free: catalog.free,
    notario: catalog.notario,
    phone: contactPhone ?? null,
  };
}

const comeBackTemplate = printTemplate('come-back');

/** The come-back slip as one standalone HTML document, half a Letter or A4 page, in black and white. */
export function comeBackSlip(view: ComeBackView): string {
  return comeBackTemplate({ ...view, title: `${view.words.title} — ${view.event}` });
}
