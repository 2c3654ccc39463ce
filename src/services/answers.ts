/**
 * What an applicant answers through their own link: "I'll come" (`coming`), or "I can't come,
 * give my place to someone else" (`releases`). The latest answer stands, except that a place
 * given up stays given up: the link cannot take it back (the workshop can, by planning again).
 * A place given up in the published plan is offered on at once (src/services/offers.ts).
 *
 * Each answer is stored with the link it came through (by its row) and audited by the link's
 * number, never the token or the note.
 */
import type { Db } from '../db/index.js';
import { loadBundle } from '../db/events.js';
import { addApplicantAnswer, auditRow, latestApplicantAnswer } from '../db/offers.js';
import type { StoredAnswer } from '../db/offers.js';
import { applicantOf } from '../db/tokens.js';
import type { TokenGrant } from '../db/tokens.js';
import type { Applicant, Bundle } from '../domain/index.js';
import type { ScheduledJson } from '../planner/types.js';
import { offerPlace } from './offers.js';
import type { OfferOutcome } from './offers.js';
import { heldPlan } from './plans.js';

/** The longest note kept, in characters. */
export const NOTE_LENGTH = 500;

/** What an applicant's link opens: their event, their record, the plan they hold and their day in it, and their answer. */
export interface ApplicantLink {
  bundle: Bundle & { key: number };
  applicant: Applicant;
  /** Their stored row. */
  applicantId: number;
  /** The version people hold (the latest published, else the latest draft), if any. */
  held: ReturnType<typeof heldPlan>;
  /** Their day in it, if it gives them one. */
  day: ScheduledJson | undefined;
  /** The answer that stands. */
  answer: StoredAnswer | undefined;
}

/** What a link grant opens, or undefined once the applicant or their event is gone. */
export function openApplicantLink(db: Db, grant: TokenGrant): ApplicantLink | undefined {
  if (grant.kind !== 'applicant' || grant.applicantId === null) return undefined;
  const owner = applicantOf(db, grant.applicantId);
  const bundle = owner && loadBundle(db, owner.event);
  const applicant = bundle?.applicants.find((a) => a.id === owner!.code);
  if (!owner || !bundle || !applicant) return undefined;
  const held = heldPlan(db, bundle.key);
  return {
    bundle, applicant, applicantId: grant.applicantId, held,
    day: held?.plan.scheduled.find((s) => s.applicant === applicant.id),
    answer: latestApplicantAnswer(db, grant.applicantId),
  };
}

/** A note as kept: trimmed, at most NOTE_LENGTH characters, none when empty. */
export function keptNote(note: string | undefined): string | null {
  const trimmed = (note ?? '').trim().slice(0, NOTE_LENGTH);
  return trimmed === '' ? null : trimmed;
}

export type AnswerOutcome =
  | { kind: 'stored'; responseId: number; offer?: OfferOutcome }
  /** The link's applicant has no day in the plan people hold: nothing to answer for. */
  | { kind: 'no_day' }
  /** They gave their place up already: the link cannot take that back. */
  | { kind: 'released' };

/** "I'll come": stored, audited. */
export function answerComing(db: Db, grant: TokenGrant, link: ApplicantLink, note: string | undefined): AnswerOutcome {
  if (!link.day) return { kind: 'no_day' };
  return db.transaction((tx) => {
    if (latestApplicantAnswer(tx, link.applicantId)?.answer === 'releases') return { kind: 'released' } as const;
    const responseId = addApplicantAnswer(tx, { eventId: link.bundle.key, applicantId: link.applicantId, answer: 'coming', note: keptNote(note), tokenId: grant.id });
    auditRow(tx, `token:${grant.id}`, 'applicant.answer', link.bundle.key, `response ${responseId}: coming`);
    return { kind: 'stored', responseId } as const;
  }, { behavior: 'immediate' });
}

/**
 * "I can't come, give my place to someone else" (confirmed on the page before it comes here):
 * stored, audited, and when the place is one the published plan gave, offered to the first
 * unscheduled applicant who fits it.
 */
export function releasePlace(db: Db, grant: TokenGrant, link: ApplicantLink, note: string | undefined): AnswerOutcome {
  if (!link.day) return { kind: 'no_day' };
  const stored = db.transaction((tx) => {
    if (latestApplicantAnswer(tx, link.applicantId)?.answer === 'releases') return undefined;
    const responseId = addApplicantAnswer(tx, { eventId: link.bundle.key, applicantId: link.applicantId, answer: 'releases', note: keptNote(note), tokenId: grant.id });
    auditRow(tx, `token:${grant.id}`, 'applicant.answer', link.bundle.key, `response ${responseId}: releases`);
    return responseId;
  }, { behavior: 'immediate' });
  if (stored === undefined) return { kind: 'released' };
  const offer = link.held && !link.held.draft ? offerPlace(db, link.bundle.event.id, link.applicantId, stored, `token:${grant.id}`) : undefined;
  return { kind: 'stored', responseId: stored, ...(offer ? { offer } : {}) };
}
