/** The clinic world as plain data: what a bundle becomes once it is read and checked. */

export const ROLES = [
  'attorney',
  'accredited_rep',
  'law_student',
  'paralegal',
  'form_filler',
  'screener',
  'interpreter',
  'general',
] as const;
export type Role = (typeof ROLES)[number];

export const STATIONS = ['check_in', 'screening', 'preparation', 'review', 'final_check'] as const;
export type Station = (typeof STATIONS)[number];

export const VISIT_STATIONS = ['screening', 'preparation', 'review'] as const;
export type VisitStation = (typeof VISIT_STATIONS)[number];

export const DESK_STATIONS = ['check_in', 'final_check'] as const;
export type DeskStation = (typeof DESK_STATIONS)[number];

export const COMPLEXITIES = ['straightforward', 'moderate', 'complex'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

export const RED_FLAGS = [
  'criminal_history',
  'prior_removal',
  'prior_denial',
  'in_proceedings',
  'fraud_misrep',
  'unlawful_reentry',
] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

export const ACCREDITATIONS = ['partial', 'full'] as const;
export type Accreditation = (typeof ACCREDITATIONS)[number];

export const SERVICE_TIME_MODELS = ['fixed', 'exponential', 'lognormal'] as const;
export type ServiceTimeModel = (typeof SERVICE_TIME_MODELS)[number];

export const FAIRNESS_MODES = ['none', 'proportional'] as const;
/** How the floor is laid out: see `floorMinutes`. */
export const FLOORS = ['stations', 'seated', 'fast_lane'] as const;
export type Floor = (typeof FLOORS)[number];
/** Whom a full day serves: equal priorities by lottery (`fair`), or as many people as fit (`most`). */
export const SELECTIONS = ['fair', 'most'] as const;
export type Selection = (typeof SELECTIONS)[number];
export type FairnessMode = (typeof FAIRNESS_MODES)[number];

/** Minutes per station for one case type. */
export type StationMinutes = Record<Station, number>;

/**
 * A span of time in whole minutes since the event opens (elapsed minutes, so a day with a
 * daylight-saving change is still measured correctly). `end` is exclusive.
 */
export interface Window {
  start: number;
  end: number;
}

export interface Site {
  name: string;
  address?: string;
  county?: string;
  setting?: string;
}

export interface WalkInMix {
  caseType: string;
  languages: string[];
  complexity: Complexity;
  share: number;
}

export interface Simulation {
  noShowRate: number;
  walkInsPerHour: number;
  serviceTime: ServiceTimeModel;
  serviceTimeCv: number;
  walkInMix: WalkInMix[];
  /** Minutes volunteers stay after closing to finish those already in the room (default 0). */
  overtimeMinutes?: number;
  /** How walk-ins spread over the intake period (default `even`). */
  walkInProfile?: WalkInProfile;
  /** Local `HH:MM` after which no walk-in is admitted; absent: Taller suggests a cut-off. */
  walkInsUntil?: string;
}

/** `even`, `morning` (declining linearly to zero at the cut-off) or per-hour shares from opening. */
export type WalkInProfile = 'even' | 'morning' | number[];

/** How long the event keeps its applicants' personal data. */
export interface Retention {
  /** Whole days after the event's date once past which its personal data is purged (absent: kept until purged by hand). */
  purgeDaysAfter?: number;
}

export interface Planning {
  fairness: FairnessMode;
  selection: Selection;
  /** The chance, 0–1, that the simulated day finishes everyone who came by closing (0 packs the day). */
  finishProbability: number;
  seed: number;
}

export interface ClinicEvent {
  id: string;
  name: string;
  /** The local date, `YYYY-MM-DD`. */
  date: string;
  /** An IANA zone such as `America/Los_Angeles`. */
  timezone: string;
  /** Local wall-clock opening and closing times, `HH:MM`. */
  opens: string;
  closes: string;
  /** Elapsed minutes from opening to closing. */
  dayMinutes: number;
  slotMinutes: number;
  floor: Floor;
  site: Site;
  hostOrgs: string[];
  desks: Record<DeskStation, number>;
  caseTypes: Record<string, StationMinutes>;
  simulation: Simulation;
  planning: Planning;
  /** Absent when event.json sets no retention rule. */
  retention?: Retention;
}

export interface Volunteer {
  id: string;
  name: string;
  email?: string;
  phone?: string;
  role: Role;
  languages: string[];
  /** Empty means every case type. */
  caseTypes: string[];
  accreditation?: Accreditation;
  org?: string;
  supervisor?: string;
  /** Never empty: a volunteer with no windows given is available all day. */
  available: Window[];
  maxApplicants?: number;
}

export interface Applicant {
  id: string;
  name: string;
  phone?: string;
  email?: string;
  /** The first is the preferred language. */
  languages: string[];
  caseType: string;
  complexity: Complexity;
  flags: RedFlag[];
  household?: string;
  /** Never empty: an applicant with no windows given can come all day. */
  available: Window[];
  deadline?: string;
  priority: number;
}

export interface Bundle {
  event: ClinicEvent;
  volunteers: Volunteer[];
  applicants: Applicant[];
}
