import { clockAt, DESK_STATIONS, formatInstant, insideOneWindow, instantAt } from '../domain/index.js';
import type { Bundle, DeskStation } from '../domain/index.js';
import { readContext } from './check.js';
import type { PlanJson, PlanWarning } from './types.js';

const DESK_NAMES: Record<DeskStation, [string, string]> = {
  check_in: ['check-in desk', 'check-in'],
  final_check: ['final-check desk', 'final check'],
};

/**
 * Stretches of the day when a desk has planned steps and nobody on shift, for a roster that
 * staffs desks (it has greeters or organizers). A shift counts while its volunteer is still on
 * the roster and available then, so a stored plan warns once its desk volunteer leaves.
 */
export function deskWarnings(bundle: Bundle, plan: PlanJson): PlanWarning[] {
  if (!bundle.volunteers.some((v) => v.role === 'general')) return [];
  const ctx = readContext(bundle, plan);
  const day = bundle.event.dayMinutes;
  const warnings: PlanWarning[] = [];
  for (const station of DESK_STATIONS) {
    const covered = new Uint8Array(day + 1);
    for (const sh of ctx.shifts) {
      const v = ctx.volunteers.get(sh.volunteer);
      if (sh.station !== station || !v || !insideOneWindow(v.available, sh.start, sh.end)) continue;
      covered.fill(1, Math.max(0, sh.start), Math.min(day, sh.end));
    }
    const steps = ctx.stays.map((s) => (station === 'check_in' ? s.checkIn : s.finalCheck))
      .filter((span): span is { start: number; end: number } => span !== null && Number.isFinite(span.start) && Number.isFinite(span.end))
      .filter((span) => { for (let m = Math.max(0, span.start); m < Math.min(day, span.end); m++) if (!covered[m]) return true; return false; })
      .sort((x, y) => x.start - y.start);
    // Steps left uncovered, joined into stretches while they overlap or touch.
    let run: { start: number; end: number; steps: number } | null = null;
    const flush = () => {
      if (!run) return;
      const [desk, step] = DESK_NAMES[station];
      const from = clockAt(bundle.event, run.start);
      const to = clockAt(bundle.event, run.end);
      warnings.push({
        code: 'unstaffed_desk', station, steps: run.steps,
        start: formatInstant(instantAt(bundle.event, run.start)), end: formatInstant(instantAt(bundle.event, run.end)),
        message: `Nobody is on shift at the ${desk} ${from}–${to}, when ${run.steps} ${step}${run.steps === 1 ? ' is' : 's are'} planned`,
      });
    };
    for (const span of steps) {
      if (run && span.start <= run.end) {
        run.end = Math.max(run.end, span.end);
        run.steps++;
      } else {
        flush();
        run = { start: span.start, end: span.end, steps: 1 };
      }
    }
    flush();
  }
  return warnings;
}
