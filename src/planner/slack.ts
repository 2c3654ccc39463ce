import { clockAt } from '../domain/index.js';
import type { Bundle } from '../domain/index.js';
import type { PlanJson } from './types.js';

/**
 * The day a plan with slack is made for: the same event closing `minutes` earlier, so that
 * every applicant is planned to finish that long before the real closing. Volunteers' hours,
 * desks and reasons all read the earlier closing; times stay counted from the same opening.
 */
export function withSlack(bundle: Bundle, minutes: number): Bundle {
  if (minutes <= 0) return bundle;
  const dayMinutes = Math.max(bundle.event.slotMinutes, bundle.event.dayMinutes - minutes);
  return { ...bundle, event: { ...bundle.event, dayMinutes, closes: clockAt(bundle.event, dayMinutes) } };
}

/** The minutes before closing a plan keeps free (0 for a packed plan). */
export function slackOf(plan: PlanJson): number {
  return plan.summary.finish?.slack_minutes ?? 0;
}
