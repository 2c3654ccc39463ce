/** What the waitlist's pages print, in the page's language. */
import { languageName } from '../domain/index.js';
import type { ClinicEvent } from '../domain/index.js';
import type { EventCandidates, RegistrationField, RegistrationForm, RegistrationProblem, WaitlistEntry } from '../services/waitlist.js';
import { REGISTRATION_CASE_TYPES } from '../services/waitlist.js';
import { COMPLEXITIES } from '../domain/index.js';
import { caseTypeLabel, clockSpan, longDate, translator } from './i18n.js';
import type { Locale } from './i18n.js';
import { problemText } from './people-view.js';

const languageList = (codes: readonly string[], locale: Locale) => codes.map((c) => languageName(c, locale)).join(', ');

/** The waitlist page: each person with where they came from, and the workshop offered or why there is none. */
export function waitlistView(entries: readonly WaitlistEntry[], locale: Locale, done: string | null) {
  const t = translator(locale);
  return {
    title: t('waitlist.title'),
    done,
    rows: entries.map(({ person, from, offer, reason }) => ({
      id: person.id,
      name: person.name,
      phone: person.phone ?? '',
      languages: languageList(person.languages, locale),
      caseType: caseTypeLabel(locale, person.caseType),
      county: person.county ?? '',
      deadline: person.deadline ? longDate(locale, person.deadline) : t('waitlist.noDeadline'),
      since: longDate(locale, person.since.slice(0, 10)),
      why: t(`waitlist.why.${person.reason}`, { event: from?.name ?? '' }),
      from: from?.id ?? null,
      offer: offer && {
        id: offer.id,
        text: t('waitlist.offerLine', { name: offer.name, date: longDate(locale, offer.date), county: offer.county ?? '' }),
        move: t('waitlist.moveTo', { name: offer.name }),
        moveUrl: `/season/waitlist/${person.id}/move?to=${encodeURIComponent(offer.id)}`,
        slipUrl: `/season/waitlist/${person.id}/slip`,
      },
      reason: reason ? t(`waitlist.reason.${reason}`) : '',
      removeUrl: `/season/waitlist/${person.id}/remove`,
    })),
  };
}

/** The question before a person is moved. */
export function moveView(entry: WaitlistEntry, locale: Locale) {
  const t = translator(locale);
  const offer = entry.offer!;
  const params = { name: entry.person.name, event: offer.name, date: longDate(locale, offer.date) };
  return {
    title: t('waitlist.confirm.title', params),
    lead: t('waitlist.confirm.lead', params),
    hours: clockSpan(locale, offer.opens, offer.closes),
    place: [offer.site, offer.address].filter((p) => p).join(', '),
    action: `/season/waitlist/${entry.person.id}/move`,
    to: offer.id,
  };
}

/** The form that sends an event's applicants to the waitlist. */
export function sendView(event: ClinicEvent, candidates: EventCandidates, locale: Locale) {
  const t = translator(locale);
  const group = (name: string, heading: string, people: EventCandidates['unscheduled'], ticked: boolean) => ({
    name, heading, ticked,
    people: people.map((p, i) => ({ ...p, id: `${name}-${i}` })),
  });
  return {
    title: t('waitlist.send.title', { event: event.name }),
    eventId: event.id,
    eventName: event.name,
    unpublished: candidates.published === null,
    sent: candidates.sent,
    groups: [
      group('unscheduled', t('waitlist.send.unscheduled'), candidates.unscheduled, true),
      group('released', t('waitlist.send.released'), candidates.released, true),
      group('not_finished', t('waitlist.send.notFinished'), candidates.scheduled, false),
    ],
  };
}

/** The registration form, with each refused field's problem beside it. */
export function registrationView(form: RegistrationForm, problems: readonly RegistrationProblem[], locale: Locale) {
  const t = translator(locale);
  const label = (f: RegistrationField) => t(`waitlist.form.fields.${f}`);
  const said = (p: RegistrationProblem) => problemText(p.message, locale);
  const options = (values: readonly string[], name: (v: string) => string, chosen: string) =>
    values.map((value) => ({ value, label: name(value), selected: value === chosen }));
  const fields: { name: RegistrationField; type?: string; required?: boolean; hint?: string; options?: ReturnType<typeof options> }[] = [
    { name: 'name', required: true },
    { name: 'phone', type: 'tel', required: true },
    { name: 'email', type: 'email' },
    { name: 'languages', required: true, hint: t('waitlist.form.hints.languages') },
    { name: 'case_type', options: options(REGISTRATION_CASE_TYPES, (c) => caseTypeLabel(locale, c), form.case_type ?? '') },
    { name: 'complexity', options: options(COMPLEXITIES, (c) => t(`complexity.${c as (typeof COMPLEXITIES)[number]}`), form.complexity || 'straightforward') },
    { name: 'county', required: true, hint: t('waitlist.form.hints.county') },
    { name: 'deadline', type: 'date', hint: t('waitlist.form.hints.deadline') },
  ];
  return {
    title: t('waitlist.form.title'),
    problems: problems.map((p) => {
      const text = said(p);
      return { href: `#field-${p.field}`, text: t('waitlist.form.problemAt', { field: label(p.field), problem: text.text }), english: text.english };
    }),
    fields: fields.map((f) => {
      const id = `field-${f.name}`;
      const own = problems.filter((p) => p.field === f.name).map(said);
      const describedBy = [f.hint ? `${id}-hint` : '', own.length ? `${id}-problem` : ''].filter(Boolean).join(' ');
      return {
        ...f, id, label: label(f.name), value: form[f.name] ?? '', type: f.type ?? 'text', select: f.options !== undefined,
        problems: own, invalid: own.length > 0, describedBy: describedBy || null,
      };
    }),
  };
}
