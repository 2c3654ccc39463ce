/**
 * The coordinator's offers page: each place an applicant gave up in the published version and
 * where its offer stands (to whom, with what the coordinator needs to phone them), and every offer
 * made. Applicants offered a place are named with their phone: the coordinator calls them.
 */
import { DateTime } from 'luxon';
import type { StoredOffer } from '../db/offers.js';
import type { OfferBoard } from '../services/offers.js';
import type { OfferOutcome, AnswerOutcome } from '../services/offers.js';
import { INTL_LOCALE, caseTypeLabel, instantTime, languageLabel, translator } from './i18n.js';
import type { Locale } from './i18n.js';

/** What a coordinator's action did, as the page's status line names it (`?done=`). */
export type Done = 'accepted' | 'declined' | 'offered' | 'nobody' | 'noPlace' | 'taken' | 'notOpen';

/** The status line's key for what an action on an offer did. */
export function doneOf(outcome: OfferOutcome | AnswerOutcome): Done {
  switch (outcome.kind) {
    case 'accepted': return 'accepted';
    case 'declined': return outcome.next.kind === 'offered' ? 'offered' : outcome.next.kind === 'nobody' ? 'nobody' : 'declined';
    case 'offered': return 'offered';
    case 'nobody': return 'nobody';
    case 'no_place': return 'noPlace';
    case 'taken': return 'taken';
    case 'not_open':
    case 'not_found': return 'notOpen';
  }
}

const DONE = new Set<Done>(['accepted', 'declined', 'offered', 'nobody', 'noPlace', 'taken', 'notOpen']);
export const isDone = (value: unknown): value is Done => typeof value === 'string' && DONE.has(value as Done);

/** The offers page's view: words in the locale, times on the site's clock. */
export function offersView(board: OfferBoard, locale: Locale, options: { mayWrite: boolean; done?: Done; to?: string }) {
  const t = translator(locale);
  const { bundle, published } = board;
  const zone = bundle.event.timezone;
  const people = new Map(bundle.applicants.map((a) => [a.id, a]));
  const reasons = new Map((published?.plan.unscheduled ?? []).map((u) => [u.applicant, u.reason]));
  const when = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).setLocale(INTL_LOCALE[locale]).toLocaleString(DateTime.DATETIME_MED);
  const nameOf = (code: string | null) => (code === null ? t('offers.history.gone') : people.get(code)?.name ?? code);

  const offerView = (offer: StoredOffer) => {
    const who = offer.offeredCode === null ? undefined : people.get(offer.offeredCode);
    const code = offer.offeredCode ?? '—';
    const name = nameOf(offer.offeredCode);
    const reason = offer.offeredCode === null ? undefined : reasons.get(offer.offeredCode);
    return {
      id: offer.id,
      open: offer.status === 'offered',
      taken: offer.status === 'accepted',
      code,
      sentence: offer.status === 'accepted' ? t('offers.places.accepted', { code, name }) : t('offers.places.offered', { code, name, when: when(offer.createdAt) }),
      phone: who?.phone ?? null,
      languages: who ? who.languages.map((l) => languageLabel(locale, l)).join(', ') : '',
      caseType: who ? caseTypeLabel(locale, who.caseType) : '',
      priority: who?.priority ?? null,
      leftOut: reason ? t(`reasons.${reason}`) : null,
      acceptLabel: t('offers.places.acceptLabel', { code }),
      declineLabel: t('offers.places.declineLabel', { code }),
    };
  };

  const places = board.places.map((place) => {
    const current = place.offers.find((o) => o.status === 'offered' || o.status === 'accepted');
    return {
      code: place.code,
      name: nameOf(place.code),
      arrival: t('offers.places.arrival', { time: instantTime(locale, place.day.arrival, zone) }),
      givenUp: when(place.releasedAt),
      offer: current ? offerView(current) : null,
    };
  });

  const history = board.offers.map((offer) => ({
    id: offer.id,
    version: offer.planVersion,
    place: offer.releasedCode ?? '—',
    offeredTo: offer.offeredCode ?? '—',
    offeredName: nameOf(offer.offeredCode),
    status: t(`offers.status.${offer.status}`),
    when: offer.answeredAt ? when(offer.answeredAt) : '',
  }));

  return {
    title: t('offers.title'),
    eventId: bundle.event.id,
    eventName: bundle.event.name,
    published: published?.version ?? null,
    places,
    history,
    mayWrite: options.mayWrite,
    done: options.done ? t(`offers.done.${options.done}`, { code: options.to ?? '' }) : null,
  };
}
