import { Type } from 'typebox';
import type { Static, TProperties } from 'typebox';
import type { LinkOptions } from '../db/tokens.js';
import { MAX_ITERATIONS } from './caps.js';

/** An event id as event.json spells it. */
export const EventId = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$' });
export const EventParams = Type.Object({ id: EventId });
export type EventParams = Static<typeof EventParams>;

export const ErrorBody = Type.Object({
  error: Type.String(),
  problems: Type.Optional(Type.Array(Type.Object({
    file: Type.String(), row: Type.Integer(), column: Type.String(), message: Type.String(),
  }))),
});

export const Problem = Type.Object({ file: Type.String(), row: Type.Integer(), column: Type.String(), message: Type.String() });

export const EventSummary = Type.Object({
  id: Type.String(), name: Type.String(), date: Type.String(), timezone: Type.String(), opens: Type.String(),
  closes: Type.String(), site: Type.Union([Type.String(), Type.Null()]), volunteers: Type.Integer(), applicants: Type.Integer(),
});

const Window = Type.Object({ start: Type.String(), end: Type.String() });

export const VolunteerOut = Type.Object({
  id: Type.String(), name: Type.String(), email: Type.Optional(Type.String()), phone: Type.Optional(Type.String()),
  role: Type.String(), languages: Type.Array(Type.String()), case_types: Type.Array(Type.String()),
  accreditation: Type.Optional(Type.String()), org: Type.Optional(Type.String()), supervisor: Type.Optional(Type.String()),
  available: Type.Array(Window), max_applicants: Type.Optional(Type.Integer()),
});

export const ApplicantOut = Type.Object({
  id: Type.String(), name: Type.String(), phone: Type.Optional(Type.String()), email: Type.Optional(Type.String()),
  languages: Type.Array(Type.String()), case_type: Type.String(), complexity: Type.String(), flags: Type.Array(Type.String()),
  household: Type.Optional(Type.String()), available: Type.Array(Window), deadline: Type.Optional(Type.String()),
  priority: Type.Integer(),
});

/** An object that names every field it allows: a field it does not know is refused, naming it. */
const Strict = <P extends TProperties>(properties: P) => Type.Object(properties, { additionalProperties: false });

const Instant = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?[+-]\\d{2}:\\d{2}$' });
const Interval = Strict({ start: Instant, end: Instant });
const Shares = Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 1 }));
const ServedShare = Strict({ language: Shares, case_type: Shares, complexity: Shares, interpreter: Type.Optional(Shares) });
const Selection = Type.Union([Type.Literal('fair'), Type.Literal('most')]);

/** The plan JSON (the README's Formats), as a body a coordinator may send back after editing it by hand. */
export const PlanBody = Strict({
  event: Type.String({ minLength: 1 }),
  scheduled: Type.Array(Strict({
    applicant: Type.String({ minLength: 1 }),
    arrival: Instant,
    check_in: Type.Union([Interval, Type.Null()]),
    visits: Type.Array(Strict({
      station: Type.Union([Type.Literal('screening'), Type.Literal('preparation'), Type.Literal('review')]),
      volunteer: Type.String({ minLength: 1 }),
      interpreter: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
      start: Instant,
      end: Instant,
    })),
    final_check: Type.Union([Interval, Type.Null()]),
  })),
  unscheduled: Type.Array(Strict({
    applicant: Type.String({ minLength: 1 }),
    reason: Type.Union([Type.Literal('invalid'), Type.Literal('no_language_match'), Type.Literal('no_eligible_reviewer'),
      Type.Literal('no_competent_volunteer'), Type.Literal('outside_hours'), Type.Literal('no_capacity')]),
    detail: Type.String({ minLength: 1 }),
  })),
  shifts: Type.Array(Strict({
    volunteer: Type.String({ minLength: 1 }),
    station: Type.Union([Type.Literal('check_in'), Type.Literal('final_check')]),
    start: Instant,
    end: Instant,
  })),
  summary: Strict({
    applicants: Type.Integer({ minimum: 0 }),
    scheduled: Type.Integer({ minimum: 0 }),
    scheduled_weight: Type.Integer({ minimum: 0 }),
    interpreted_visits: Type.Integer({ minimum: 0 }),
    mean_minutes_in_clinic: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
    served_share: Type.Optional(ServedShare),
    fairness: Type.Optional(Strict({
      mode: Type.Union([Type.Literal('none'), Type.Literal('proportional')]), cost_applicants: Type.Integer(), cost_weight: Type.Integer(),
    })),
    finish: Type.Optional(Strict({
      target: Type.Number({ minimum: 0, maximum: 1 }), slack_minutes: Type.Integer({ minimum: 0 }), probability: Type.Number({ minimum: 0, maximum: 1 }),
    })),
    selection: Type.Optional(Strict({
      mode: Selection,
      other: Strict({
        mode: Selection, scheduled: Type.Integer({ minimum: 0 }), scheduled_weight: Type.Integer({ minimum: 0 }), served_share: ServedShare,
      }),
    })),
  }),
  warnings: Type.Optional(Type.Array(Strict({
    code: Type.Literal('unstaffed_desk'),
    station: Type.Union([Type.Literal('check_in'), Type.Literal('final_check')]),
    start: Instant, end: Instant, steps: Type.Integer({ minimum: 1 }), message: Type.String(),
  }))),
});

/**
 * A stored version as the API shows it: the plan JSON, and what an import since broke in it.
 * Sent back with PUT as it came, it is accepted (`out_of_date` is read again from the event).
 */
export const PlanOut = Strict({
  ...PlanBody.properties,
  out_of_date: Type.Optional(Type.Array(Strict({
    rule: Type.String(), applicant: Type.Optional(Type.String()), volunteer: Type.Optional(Type.String()), message: Type.String(),
  }))),
});

const Change = Type.Object({
  applicant: Type.String(),
  change: Type.String(),
  before: Type.Optional(Type.Object({ arrival: Type.String(), volunteers: Type.Array(Type.String()) })),
  after: Type.Optional(Type.Object({ arrival: Type.String(), volunteers: Type.Array(Type.String()) })),
});
export const ChangeOut = Change;

/** Whom a version changes things for, against the published one (null before the first publish). */
export const NoticeOut = Type.Object({
  against: Type.Union([Type.Integer(), Type.Null()]),
  applicants: Type.Array(Change),
  volunteers: Type.Array(Type.String()),
});

export const PlanRequest = Type.Object({
  seed: Type.Optional(Type.Integer()),
  iterations: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_ITERATIONS })),
  quick: Type.Optional(Type.Boolean()),
  fairness: Type.Optional(Type.Union([Type.Literal('none'), Type.Literal('proportional')])),
  selection: Type.Optional(Selection),
  /** The chance the day finishes by closing the plan aims at; 0 packs the day. */
  finish_probability: Type.Optional(Type.Number({ minimum: 0, maximum: 0.99 })),
  /** `false` asks for a fresh plan, as `fresh: true` does. */
  replan: Type.Optional(Type.Boolean()),
  /** Ignore the stored versions and plan from scratch; moving published people needs `confirm`. */
  fresh: Type.Optional(Type.Boolean()),
  confirm: Type.Optional(Type.Boolean()),
  /** Applicants whose arrival must not move; by default, everyone scheduled in the published version. */
  pin: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
  /** Published applicants the coordinator lets move or drop. */
  release: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
}, { additionalProperties: false });

export const VersionParams = Type.Object({ id: EventId, version: Type.Integer({ minimum: 1 }) });

const DateOrInstant = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$',
});

/** What a request for a personal link (a slip or a calendar feed) may ask. */
export const LinkRequest = Type.Object({
  /** Revoke the person's earlier links of this kind. */
  replace: Type.Optional(Type.Boolean()),
  /** When the link stops working: `YYYY-MM-DD` (through that day at the site) or an ISO 8601 instant with its offset. */
  expires_at: Type.Optional(DateOrInstant),
}, { additionalProperties: false });

/** The body of a link request: optional (a POST with no body sends none). */
export const LinkBody = Type.Union([LinkRequest, Type.Null()]);

export const linkOptions = (body: Static<typeof LinkRequest> | null | undefined): LinkOptions => ({
  ...(body?.replace ? { replace: true } : {}), ...(body?.expires_at ? { expires: body.expires_at } : {}),
});

export const BAD_EXPIRY = 'body.expires_at must be a date or an instant in the future';
