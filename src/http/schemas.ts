import { Type } from 'typebox';
import type { Static } from 'typebox';

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
