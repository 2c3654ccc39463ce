import type { DeskStation, FairnessMode, Selection, VisitStation } from '../domain/index.js';

/** The plan JSON (the README's Formats): a public contract, extended never broken. */
export interface PlanJson {
  event: string;
  scheduled: ScheduledJson[];
  unscheduled: UnscheduledJson[];
  shifts: ShiftJson[];
  summary: SummaryJson;
  /** Extension: what a coordinator should know about the plan that breaks no rule (a desk nobody staffs). */
  warnings?: PlanWarning[];
}

/** A stretch of the day when a desk has steps planned and nobody on the roster on shift at it. */
export interface PlanWarning {
  code: 'unstaffed_desk';
  station: DeskStation;
  start: string;
  end: string;
  /** How many check-ins or final checks fall in it. */
  steps: number;
  message: string;
}

export interface IntervalJson {
  start: string;
  end: string;
}

export interface VisitJson extends IntervalJson {
  station: VisitStation;
  volunteer: string;
  interpreter: string | null;
}

export interface ScheduledJson {
  applicant: string;
  arrival: string;
  check_in: IntervalJson | null;
  visits: VisitJson[];
  final_check: IntervalJson | null;
}

export const UNSCHEDULED_REASONS = [
  'invalid', 'no_language_match', 'no_eligible_reviewer', 'no_competent_volunteer', 'outside_hours', 'no_capacity',
] as const;
export type UnscheduledReason = (typeof UNSCHEDULED_REASONS)[number];

export interface UnscheduledJson {
  applicant: string;
  reason: UnscheduledReason;
  detail: string;
}

export interface ShiftJson extends IntervalJson {
  volunteer: string;
  station: DeskStation;
}

export interface SummaryJson {
  applicants: number;
  scheduled: number;
  scheduled_weight: number;
  interpreted_visits: number;
  mean_minutes_in_clinic: number | null;
  served_share?: {
    language: Record<string, number>;
    case_type: Record<string, number>;
    complexity: Record<string, number>;
    /** Extension: `needed` for applicants some station of whose day nobody serves in their language. */
    interpreter?: Record<string, number>;
  };
  /**
   * Extension: finishing on time. The plan keeps `slack_minutes` before closing free so that
   * the simulated day (the event's no-shows, walk-ins and spread) finishes everyone who came by
   * closing with `probability` (measured), aiming at `target`.
   */
  finish?: { target: number; slack_minutes: number; probability: number };
  /**
   * Extension: whom the day serves under the plan's selection (`fair` or `most`), against the
   * other choice planned for the same day, so a coordinator sees what each costs.
   */
  selection?: {
    mode: Selection;
    other: { mode: Selection; scheduled: number; scheduled_weight: number; served_share: NonNullable<SummaryJson['served_share']> };
  };
  /** Extension: what proportional fairness cost, in applicants and weight, against plain maximizing. */
  fairness?: { mode: FairnessMode; cost_applicants: number; cost_weight: number };
}

export interface PlanOptions {
  /** Seeds the lottery among equal priorities and the search; default: the event's planning.seed. */
  seed?: number;
  /** Improvement iterations after the first plan (deterministic for a given number). */
  iterations?: number;
  /** A fast first plan with little search. */
  quick?: boolean;
  fairness?: FairnessMode;
  /** `fair`: equal priorities by lottery; `most`: as many people as fit. Default: the event's planning.selection. */
  selection?: Selection;
  /**
   * Also plan the other selection and put it beside this one in the summary (default: yes,
   * except for quick plans). The other choice is planned with at most `COMPARE_ITERATIONS`.
   */
  compare?: boolean;
  /**
   * The chance, 0–1, that the simulated day finishes everyone who came by closing, for
   * `planToFinish` (src/throughput) to choose the slack from; `plan` itself reads only `slack`.
   * Default: the event's planning.finish_probability.
   */
  finishProbability?: number;
  /**
   * Minutes before closing to keep free: every applicant is planned to finish that long before
   * closing (0, the default, packs the day). `planToFinish` chooses it from a finish probability.
   */
  slack?: number;
  /** `baseline`: applicants in file order, each visit to the first free eligible volunteer. */
  strategy?: 'search' | 'baseline';
  /** A previous plan to keep as much of as the new input allows. */
  previous?: PlanJson;
  /** Applicant ids whose arrival times were published (slips sent) and must not move. */
  pin?: string[];
  /**
   * The version people hold: pinned applicants keep its arrivals (even where the previous plan
   * dropped or moved them) and get its days back first wherever they still fit.
   */
  published?: PlanJson;
  /** Applicant ids the coordinator lets move or drop: their previous day is not kept. */
  release?: string[];
}
