import type { Complexity, Floor, Role, Station, StationMinutes } from './types.js';

/** Check-in and final check take the same minutes for every case type unless an event says otherwise. */
export const DEFAULT_DESK_MINUTES = { check_in: 5, final_check: 10 } as const;

function minutes(screening: number, preparation: number, review: number): StationMinutes {
  return { ...DEFAULT_DESK_MINUTES, screening, preparation, review };
}

/**
 * The default case-type catalog: minutes per station for a straightforward, uninterpreted case
 * on the station floor, from what public reports of clinic days show (the README cites each).
 */
export const DEFAULT_CASE_TYPES: Readonly<Record<string, Readonly<StationMinutes>>> = Object.freeze({
  daca_renewal: minutes(10, 30, 15),
  daca_initial: minutes(15, 45, 20),
  n400: minutes(15, 60, 20),
  labor_deferred_action: minutes(15, 40, 20),
  tps: minutes(10, 30, 15),
  ead_renewal: minutes(5, 20, 10),
  advance_parole: minutes(10, 30, 15),
  i90: minutes(5, 20, 10),
  family_petition: minutes(15, 40, 20),
  consultation: minutes(10, 0, 20),
});

/** The chance of finishing everyone by closing that a plan aims at unless the event says otherwise. */
export const DEFAULT_FINISH_PROBABILITY = 0.8;

/** Minutes the reviewer takes to close out the packet at their own table on the seated floor. */
export const CLOSE_OUT_MINUTES = 5;

/** Minutes at the fast lane's final desk: the packet was assembled online. */
export const FAST_LANE_FINAL_CHECK_MINUTES = 5;

/**
 * A case type's default minutes on a floor layout:
 * - `stations`: the applicant walks from station to station and ends at a pooled final-check desk;
 * - `seated`: the applicant stays seated and the team comes to them; the reviewer closes out the
 *   packet at their table (a few minutes more at review), so there is no pooled final desk;
 * - `fast_lane`: the forms were filled online before the day; screening was done then, the
 *   preparation is a check of the filled form (a sixth of it, at least 5 minutes), review
 *   takes half as long, and the final desk only hands over the packet. A consultation has no
 *   form and keeps its minutes.
 */
export function floorMinutes(floor: Floor, station: Readonly<StationMinutes>): StationMinutes {
  if (floor === 'seated') {
    return { ...station, review: station.review + CLOSE_OUT_MINUTES, final_check: 0 };
  }
  if (floor === 'fast_lane' && station.preparation > 0) {
    const grid = (x: number) => Math.max(5, Math.ceil(x / 5) * 5);
    return {
      check_in: station.check_in, screening: 0, preparation: grid(station.preparation / 6), review: grid(station.review / 2),
      final_check: Math.min(station.final_check, FAST_LANE_FINAL_CHECK_MINUTES),
    };
  }
  return { ...station };
}

/** Plain-language names of the default case types, for pages and printed sheets. */
export const CASE_TYPE_NAMES: Readonly<Record<string, { en: string; es: string }>> = Object.freeze({
  daca_renewal: { en: 'DACA renewal', es: 'Renovación de DACA' },
  daca_initial: { en: 'DACA initial request', es: 'Solicitud inicial de DACA' },
  n400: { en: 'Naturalization (N-400)', es: 'Naturalización (N-400)' },
  labor_deferred_action: { en: 'Labor-based deferred action', es: 'Acción diferida laboral' },
  tps: { en: 'Temporary Protected Status (TPS)', es: 'Estatus de Protección Temporal (TPS)' },
  ead_renewal: { en: 'Work permit renewal (EAD)', es: 'Renovación del permiso de trabajo (EAD)' },
  advance_parole: { en: 'Advance parole', es: 'Permiso adelantado (advance parole)' },
  i90: { en: 'Green card renewal (I-90)', es: 'Renovación de la tarjeta de residente (I-90)' },
  family_petition: { en: 'Family petition', es: 'Petición familiar' },
  consultation: { en: 'Legal consultation', es: 'Consulta legal' },
});

/** A case type's name for people: the catalog's, or its code with underscores as spaces. */
export function caseTypeName(code: string, lang: 'en' | 'es' = 'en'): string {
  return CASE_TYPE_NAMES[code]?.[lang] ?? code.replace(/_/g, ' ');
}

/** How much longer a visit takes by complexity, as an exact fraction [numerator, denominator]. */
export const COMPLEXITY_FACTOR: Readonly<Record<Complexity, readonly [number, number]>> = Object.freeze({
  straightforward: [1, 1],
  moderate: [5, 4],
  complex: [3, 2],
});

/** An interpreted visit takes half again as long. */
export const INTERPRETATION_FACTOR = [3, 2] as const;

/** Which stations each role may staff: role boundaries are legal boundaries. */
export const ROLE_STATIONS: Readonly<Record<Role, readonly Station[]>> = Object.freeze({
  attorney: ['check_in', 'screening', 'preparation', 'review', 'final_check'],
  accredited_rep: ['check_in', 'screening', 'preparation', 'review', 'final_check'],
  law_student: ['check_in', 'screening', 'preparation', 'final_check'],
  paralegal: ['check_in', 'screening', 'preparation', 'final_check'],
  form_filler: ['check_in', 'preparation', 'final_check'],
  screener: ['check_in', 'screening', 'final_check'],
  interpreter: [],
  general: ['check_in', 'final_check'],
});

/** Each role's name for people, one person. */
export const ROLE_NAMES: Readonly<Record<Role, string>> = Object.freeze({
  attorney: 'Attorney',
  accredited_rep: 'DOJ-accredited representative',
  law_student: 'Law student',
  paralegal: 'Paralegal',
  form_filler: 'Form filler',
  screener: 'Screener',
  interpreter: 'Interpreter',
  general: 'Greeter or organizer',
});

/** Each station's name for people. */
export const STATION_NAMES: Readonly<Record<Station, string>> = Object.freeze({
  check_in: 'Check-in',
  screening: 'Screening',
  preparation: 'Preparation',
  review: 'Review',
  final_check: 'Final check',
});
