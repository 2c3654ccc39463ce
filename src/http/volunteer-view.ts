/**
 * View models of the personal-link pages: a volunteer's own page, the coordinators' page of
 * links, and their overview of answers. Times are on the site's clock (the event's zone), as
 * the locale writes them; applicants appear by code only on the volunteer's page.
 */
import { DateTime } from 'luxon';
import type { ResponseRow, Answer } from '../db/responses.js';
import type { LinkHolder } from '../db/tokens.js';
import type { ClinicEvent } from '../domain/index.js';
import type { AnswerForm, AnswerProblem, Overview } from '../services/responses.js';
import type { VolunteerDay } from '../services/links.js';
import { INTL_LOCALE, clockSpan, instantTime, languageLabel, longDate, translator } from './i18n.js';
import type { Locale, Translator } from './i18n.js';

/** The event's date, hours and place, as the volunteer's page and the coordinators' pages head them. */
function eventFacts(event: ClinicEvent, locale: Locale, t: Translator) {
  return {
    when: t('event.dateAndHours', { date: longDate(locale, event.date), hours: clockSpan(locale, event.opens, event.closes) }),
    timezone: event.timezone,
    site: event.site.name || t('volunteerPage.siteToBeAnnounced'),
    address: event.site.address ?? '',
  };
}

/** A station's or desk's name: visits by station, desk shifts by desk. */
const stationName = (t: Translator, station: string, shift: boolean) => (shift
  ? t(station === 'final_check' ? 'plan.desk.final_check' : 'plan.desk.check_in')
  : t(`stations.${station as 'screening'}`));

/** An instant as the locale writes it with its date, on the site's clock: "May 20, 2027, 4:05 PM". */
const dateTime = (locale: Locale, iso: string, zone: string) =>
  DateTime.fromISO(iso, { zone }).setLocale(INTL_LOCALE[locale]).toLocaleString(DateTime.DATETIME_MED);

/** What the volunteer's page says of an answer: "you can't come", "you'll be 30 minutes late". */
const answerText = (t: Translator, answer: Answer) => (answer.answer === 'late'
  ? t('volunteerPage.answers.late', { count: answer.minutesLate ?? 0 })
  : t(answer.answer === 'coming' ? 'volunteerPage.answers.coming' : 'volunteerPage.answers.cannot_come'));

export interface VolunteerPageOptions {
  token: string;
  /** The address links are built from, for the `webcal://` subscription; undefined: none offered. */
  origin: string | undefined;
  /** The form's token. */
  csrf: string;
  /** An answer was just sent. */
  sent?: boolean;
  problems?: AnswerProblem[];
  form?: AnswerForm;
}

/** A volunteer's own page: the event, their day in the published version (or not yet), their calendar, their answer. */
export function volunteerPageView(day: VolunteerDay, locale: Locale, options: VolunteerPageOptions) {
  const t = translator(locale);
  const { event, volunteer, published } = day;
  const zone = event.timezone;
  const span = (start: string, end: string) => `${instantTime(locale, start, zone)}–${instantTime(locale, end, zone)}`;
  const items = (published?.duties ?? []).map((d) => {
    const shift = d.applicant === null;
    const interprets = d.interpreter === volunteer.code && d.volunteer !== volunteer.code;
    return {
      time: span(d.start, d.end),
      station: stationName(t, d.station, shift),
      applicant: d.applicant ?? '',
      note: shift ? t('volunteerPage.shift')
        : interprets ? t('volunteerPage.interpretingFor', { id: d.volunteer ?? '' })
          : d.interpreter ? t('volunteerPage.withInterpreter', { id: d.interpreter }) : '',
    };
  });
  const problems = options.problems ?? [];
  const chosen = options.form?.answer;
  const calendarPath = `/v/${options.token}/calendar.ics`;
  return {
    title: t('volunteerPage.title', { event: event.name }),
    event: event.name,
    who: t('volunteerPage.who', { name: volunteer.name, code: volunteer.code, role: t(`role.${volunteer.role as 'attorney'}`) }),
    ...eventFacts(event, locale, t),
    published: published !== undefined,
    items,
    calendar: published ? { download: calendarPath, subscribe: options.origin ? `${options.origin}${calendarPath}`.replace(/^https?:/, 'webcal:') : null } : null,
    latest: day.answer ? {
      text: t('volunteerPage.latest', { when: dateTime(locale, day.answer.createdAt, zone), answer: answerText(t, day.answer) }),
      note: day.answer.note,
    } : null,
    sent: options.sent === true,
    action: `/v/${options.token}`,
    csrf: options.csrf,
    problems: problems.map((p) => t(`volunteerPage.problems.${p}`)),
    invalid: { answer: problems.includes('answer'), minutes: problems.includes('minutes'), note: problems.includes('note') },
    form: {
      coming: chosen === 'coming', cannotCome: chosen === 'cannot_come', late: chosen === 'late', minutes: options.form?.minutes ?? '', note: options.form?.note ?? '',
    },
  };
}

/** The page a link that does not work gets: in the visitor's language, saying nothing of whose it was. */
export function goneView(locale: Locale) {
  const t = translator(locale);
  return { title: t('volunteerPage.gone'), heading: t('volunteerPage.gone'), text: t('volunteerPage.goneText') };
}

/** The coordinators' page of links: each person with their link's state, and a button to make one where the account may. */
export function linksView(event: ClinicEvent, people: LinkHolder[], locale: Locale, options: { csrf: string; mayWrite: boolean }) {
  const t = translator(locale);
  const row = (p: LinkHolder) => ({
    kind: p.kind,
    code: p.code,
    name: p.name,
    role: p.role === null ? '' : t(`role.${p.role as 'attorney'}`),
    language: p.languages[0] ? languageLabel(locale, p.languages[0]) : '',
    state: !p.live ? t('links.noLink') : p.liveUntil === null ? t('links.liveForever')
      : t('links.live', { date: DateTime.fromISO(p.liveUntil, { zone: event.timezone }).setLocale(INTL_LOCALE[locale]).toLocaleString(DateTime.DATE_MED) }),
    button: p.live ? t('links.replace') : t('links.make'),
    action: `/events/${event.id}/links/${p.kind}/${encodeURIComponent(p.code)}`,
  });
  const volunteers = people.filter((p) => p.kind === 'volunteer').map(row);
  const applicants = people.filter((p) => p.kind === 'applicant').map(row);
  return {
    title: t('links.title', { event: event.name }),
    id: event.id,
    name: event.name,
    ...eventFacts(event, locale, t),
    volunteers,
    applicants,
    csrf: options.csrf,
    mayWrite: options.mayWrite,
    exportAction: `/events/${event.id}/links.csv`,
  };
}

/** The page that shows a new link once. */
export function madeLinkView(event: ClinicEvent, made: { code: string; url: string; expiresAt: string; revoked: number }, locale: Locale) {
  const t = translator(locale);
  return {
    title: t('links.made', { code: made.code }),
    id: event.id,
    code: made.code,
    url: made.url,
    expires: t('links.expires', { date: DateTime.fromISO(made.expiresAt, { zone: event.timezone }).setLocale(INTL_LOCALE[locale]).toLocaleString(DateTime.DATE_FULL) }),
    replaced: made.revoked > 0 ? t('links.replaced', { count: made.revoked }) : '',
  };
}

/** What the overview says of an answer: "can't come", "30 minutes late", "is coming", "gives up their place". */
function overviewAnswer(t: Translator, answer: Pick<Answer, 'answer' | 'minutesLate'>): string {
  switch (answer.answer) {
    case 'late': return t('overview.answers.late', { count: answer.minutesLate ?? 0 });
    case 'cannot_come': return t('overview.answers.cannot_come');
    case 'coming': return t('overview.answers.coming');
    case 'releases': return t('overview.answers.releases');
    default: return answer.answer;
  }
}

const OFFER_STATUSES = ['offered', 'accepted', 'declined', 'withdrawn'] as const;

/** The coordinators' overview: counts, the latest answers with notes, place offers, and whom the answers affect. */
export function overviewView(overview: Overview, locale: Locale) {
  const t = translator(locale);
  const { event } = overview;
  const zone = event.timezone;
  const at = (iso: string) => dateTime(locale, iso, zone);
  const time = (iso: string) => instantTime(locale, iso, zone);
  const response = (r: ResponseRow) => ({
    when: at(r.createdAt),
    who: t('overview.person', { kind: t(`overview.kinds.${r.kind}`), code: r.code, name: r.name }),
    answer: overviewAnswer(t, r),
    note: r.note ?? '',
    declined: r.answer === 'cannot_come' || r.answer === 'releases',
  });
  const hitText = (h: Overview['affected'][number]['hits'][number]) => {
    switch (h.as) {
      case 'visit': return t('overview.hitVisit', { applicant: h.applicant ?? '', time: time(h.start), station: stationName(t, h.station, false) });
      case 'interpreting': return t('overview.hitInterpreting', { applicant: h.applicant ?? '', time: time(h.start) });
      case 'shift': return t('overview.hitShift', { desk: stationName(t, h.station, true), from: time(h.start), to: time(h.end) });
      default: return t('overview.hitPlace', { time: time(h.start) });
    }
  };
  return {
    title: t('overview.title', { event: event.name }),
    id: event.id,
    name: event.name,
    ...eventFacts(event, locale, t),
    counts: [
      { label: t('overview.applicants'), ...overview.applicants },
      { label: t('overview.volunteers'), ...overview.volunteers },
    ],
    responses: overview.responses.map(response),
    offers: overview.offers.map((o) => ({
      offeredTo: o.offeredTo || '—', releasedBy: o.releasedBy || '—', version: o.planVersion,
      status: (OFFER_STATUSES as readonly string[]).includes(o.status) ? t(`overview.offerStatus.${o.status as 'offered'}`) : o.status,
      offeredAt: at(o.createdAt), answeredAt: o.answeredAt ? at(o.answeredAt) : '—',
    })),
    published: overview.published,
    affected: overview.affected.map((a) => ({
      who: `${a.code}`, kind: t(`overview.kinds.${a.kind}`), answer: overviewAnswer(t, a.answer), hits: a.hits.map(hitText),
    })),
    tellApplicants: overview.tellApplicants,
    tellVolunteers: overview.tellVolunteers,
    replan: `npx taller plan --event ${event.id}`,
  };
}
