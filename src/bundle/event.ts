import {
  COMPLEXITIES, DEFAULT_CASE_TYPES, DEFAULT_DESK_MINUTES, FAIRNESS_MODES, FLOORS, SELECTIONS, SERVICE_TIME_MODELS, STATIONS,
  DEFAULT_FINISH_PROBABILITY, floorMinutes,
  canonicalZone, elapsedFromClock, parseClock, isCalendarDate,
} from '../domain/index.js';
import type { ClinicEvent, Complexity, Floor, Retention, Simulation, Site, StationMinutes, WalkInMix, WalkInProfile } from '../domain/index.js';
import { decodeUtf8 } from './csv.js';
import { checkLanguages } from './fields.js';
import type { ProblemList } from './problems.js';

export const EVENT_FILE = 'event.json';

const TOP_LEVEL = ['id', 'name', 'date', 'timezone', 'opens', 'closes', 'slot_minutes', 'floor', 'site', 'host_orgs',
  'desks', 'case_types', 'simulation', 'planning', 'retention'];
const CASE_TYPE_CODE = /^[a-z][a-z0-9_]*$/;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads fields of event.json, reporting each problem at row 1 under the field's path. */
class Fields {
  constructor(private readonly problems: ProblemList) {}

  error(path: string, message: string): void {
    this.problems.error(EVENT_FILE, 1, path, message);
  }

  warn(path: string, message: string): void {
    this.problems.warn(EVENT_FILE, 1, path, message);
  }

  unknownKeys(obj: Record<string, Json>, allowed: readonly string[], prefix: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.warn(prefix + key, `unknown field "${prefix + key}" is ignored`);
    }
  }

  string(obj: Record<string, Json>, key: string, path: string, required: boolean): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (required) this.error(path, `"${path}" is required`);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.error(path, `"${path}" must be text`);
      return undefined;
    }
    return value.trim();
  }

  integer(obj: Record<string, Json>, key: string, path: string, min: number, fallback: number): number {
    const value = obj[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.error(path, `"${path}" must be a whole number, not ${JSON.stringify(value)}`);
      return fallback;
    }
    if (value < min) {
      this.error(path, `"${path}" must be at least ${min}, not ${value}`);
      return fallback;
    }
    return value;
  }

  number(obj: Record<string, Json>, key: string, path: string, min: number, max: number, fallback: number): number {
    const value = obj[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.error(path, `"${path}" must be a number, not ${JSON.stringify(value)}`);
      return fallback;
    }
    if (value < min || value > max) {
      this.error(path, `"${path}" must be between ${min} and ${max}, not ${value}`);
      return fallback;
    }
    return value;
  }

  oneOf<T extends string>(obj: Record<string, Json>, key: string, path: string, allowed: readonly T[], fallback: T): T {
    const value = obj[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.error(path, `"${path}" must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
    return fallback;
  }

  object(obj: Record<string, Json>, key: string, path: string): Record<string, Json> | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    if (!isObject(value)) {
      this.error(path, `"${path}" must be an object`);
      return undefined;
    }
    return value;
  }
}

function readSite(f: Fields, root: Record<string, Json>): Site {
  const site = f.object(root, 'site', 'site');
  if (!site) return { name: '' };
  f.unknownKeys(site, ['name', 'address', 'county', 'setting'], 'site.');
  const result: Site = { name: f.string(site, 'name', 'site.name', false) ?? '' };
  for (const key of ['address', 'county', 'setting'] as const) {
    const value = f.string(site, key, `site.${key}`, false);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

function readHostOrgs(f: Fields, root: Record<string, Json>): string[] {
  const value = root.host_orgs;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    f.error('host_orgs', '"host_orgs" must be a list of organization names');
    return [];
  }
  const orgs: string[] = [];
  value.forEach((org, i) => {
    if (typeof org === 'string' && org.trim() !== '') orgs.push(org.trim());
    else f.error(`host_orgs.${i}`, `"host_orgs.${i}" must be an organization's name`);
  });
  return orgs;
}

function readDesks(f: Fields, root: Record<string, Json>): ClinicEvent['desks'] {
  const desks = f.object(root, 'desks', 'desks') ?? {};
  f.unknownKeys(desks, ['check_in', 'final_check'], 'desks.');
  return {
    check_in: f.integer(desks, 'check_in', 'desks.check_in', 1, 2),
    final_check: f.integer(desks, 'final_check', 'desks.final_check', 1, 2),
  };
}

/**
 * The default catalog on the event's floor, with each entry of `case_types` overriding or
 * adding per-station minutes (an event's own numbers are taken as they are).
 */
function readCaseTypes(f: Fields, root: Record<string, Json>, floor: Floor): Record<string, StationMinutes> {
  const catalog: Record<string, StationMinutes> = {};
  for (const [code, minutes] of Object.entries(DEFAULT_CASE_TYPES)) catalog[code] = floorMinutes(floor, minutes);
  const overrides = f.object(root, 'case_types', 'case_types') ?? {};
  for (const [code, entry] of Object.entries(overrides)) {
    const path = `case_types.${code}`;
    if (!CASE_TYPE_CODE.test(code)) {
      f.error(path, `"${code}" is not a case-type code: use lowercase letters, digits and _ (e.g. i912_fee_waiver)`);
      continue;
    }
    if (!isObject(entry)) {
      f.error(path, `"${path}" must be an object of minutes per station`);
      continue;
    }
    f.unknownKeys(entry, STATIONS, `${path}.`);
    const base = catalog[code] ?? { check_in: DEFAULT_DESK_MINUTES.check_in, screening: 0, preparation: 0, review: 0,
      final_check: floorMinutes(floor, { ...DEFAULT_DESK_MINUTES, screening: 0, preparation: 0, review: 0 }).final_check };
    const minutes = { ...base };
    for (const station of STATIONS) minutes[station] = f.integer(entry, station, `${path}.${station}`, 0, base[station]);
    if (minutes.screening + minutes.preparation + minutes.review === 0) {
      f.error(path, `case type "${code}" needs minutes at one station at least: screening, preparation or review`);
    }
    catalog[code] = minutes;
  }
  return catalog;
}

function readWalkInMix(f: Fields, value: Json, caseTypes: Record<string, StationMinutes>): WalkInMix[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    f.error('simulation.walk_in_mix', '"simulation.walk_in_mix" must be a list');
    return [];
  }
  const mix: WalkInMix[] = [];
  value.forEach((entry, i) => {
    const path = `simulation.walk_in_mix.${i}`;
    if (!isObject(entry)) {
      f.error(path, `"${path}" must be an object with case_type, languages, complexity and share`);
      return;
    }
    f.unknownKeys(entry, ['case_type', 'languages', 'complexity', 'share'], `${path}.`);
    const caseType = f.string(entry, 'case_type', `${path}.case_type`, true);
    if (caseType !== undefined && !Object.hasOwn(caseTypes, caseType)) {
      f.error(`${path}.case_type`, `"${caseType}" is not a case type of this event`);
    }
    const rawLanguages = entry.languages;
    const cell = Array.isArray(rawLanguages) ? rawLanguages.join(';') : typeof rawLanguages === 'string' ? rawLanguages : '';
    const languages = checkLanguages(cell);
    if (!languages.ok) f.error(`${path}.languages`, languages.message);
    else languages.warnings?.forEach((w) => f.warn(`${path}.languages`, w));
    const complexity = f.oneOf<Complexity>(entry, 'complexity', `${path}.complexity`, COMPLEXITIES, 'straightforward');
    const share = f.number(entry, 'share', `${path}.share`, 0, 1e9, 1);
    if (caseType !== undefined && languages.ok) mix.push({ caseType, languages: languages.value, complexity, share });
  });
  return mix;
}

function readWalkInProfile(f: Fields, value: Json): WalkInProfile {
  const path = 'simulation.walk_in_profile';
  if (value === undefined || value === null || value === 'even' || value === 'morning') return value ?? 'even';
  if (Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) return value as number[];
  f.error(path, `"${path}" must be "even", "morning" or a list of per-hour shares (numbers ≥ 0), not ${JSON.stringify(value)}`);
  return 'even';
}

/** `simulation.walk_ins_until`: a local time within opening and closing, or undefined. */
function readWalkInsUntil(f: Fields, sim: Record<string, Json>, opens?: number, closes?: number): string | undefined {
  const path = 'simulation.walk_ins_until';
  const text = f.string(sim, 'walk_ins_until', path, false);
  if (text === undefined) return undefined;
  const minute = parseClock(text);
  if (minute === null) {
    f.error(path, `"${text}" is not a time: write HH:MM`);
    return undefined;
  }
  if (opens !== undefined && closes !== undefined && (minute < opens || minute > closes)) {
    f.error(path, `"${path}" (${text}) must lie between opening and closing`);
    return undefined;
  }
  return text;
}

function readSimulation(f: Fields, root: Record<string, Json>, caseTypes: Record<string, StationMinutes>, opens?: number, closes?: number): Simulation {
  const sim = f.object(root, 'simulation', 'simulation') ?? {};
  f.unknownKeys(sim, ['no_show_rate', 'walk_ins_per_hour', 'service_time', 'service_time_cv', 'walk_in_mix', 'overtime_minutes',
    'walk_in_profile', 'walk_ins_until'], 'simulation.');
  const simulation: Simulation = {
    noShowRate: f.number(sim, 'no_show_rate', 'simulation.no_show_rate', 0, 1, 0.15),
    walkInsPerHour: f.number(sim, 'walk_ins_per_hour', 'simulation.walk_ins_per_hour', 0, 10_000, 2),
    serviceTime: f.oneOf(sim, 'service_time', 'simulation.service_time', SERVICE_TIME_MODELS, 'lognormal'),
    serviceTimeCv: f.number(sim, 'service_time_cv', 'simulation.service_time_cv', 0, 10, 0.35),
    walkInMix: readWalkInMix(f, sim.walk_in_mix, caseTypes),
    overtimeMinutes: f.integer(sim, 'overtime_minutes', 'simulation.overtime_minutes', 0, 0),
    walkInProfile: readWalkInProfile(f, sim.walk_in_profile),
  };
  const until = readWalkInsUntil(f, sim, opens, closes);
  if (until !== undefined) simulation.walkInsUntil = until;
  return simulation;
}

function readPlanning(f: Fields, root: Record<string, Json>): ClinicEvent['planning'] {
  const planning = f.object(root, 'planning', 'planning') ?? {};
  f.unknownKeys(planning, ['fairness', 'selection', 'finish_probability', 'seed'], 'planning.');
  return {
    fairness: f.oneOf(planning, 'fairness', 'planning.fairness', FAIRNESS_MODES, 'none'),
    selection: f.oneOf(planning, 'selection', 'planning.selection', SELECTIONS, 'fair'),
    finishProbability: f.number(planning, 'finish_probability', 'planning.finish_probability', 0, 0.99, DEFAULT_FINISH_PROBABILITY),
    seed: f.integer(planning, 'seed', 'planning.seed', Number.MIN_SAFE_INTEGER, 1),
  };
}

/** `retention`: when the event's personal data is purged, or undefined when event.json sets no rule. */
function readRetention(f: Fields, root: Record<string, Json>): Retention | undefined {
  const retention = f.object(root, 'retention', 'retention');
  if (!retention) return undefined;
  f.unknownKeys(retention, ['purge_days_after'], 'retention.');
  // Missing or refused: no rule (-1 is never a valid value, so it marks both).
  const days = f.integer(retention, 'purge_days_after', 'retention.purge_days_after', 0, -1);
  return days < 0 ? undefined : { purgeDaysAfter: days };
}

/** The case types an event offers, known even when the rest of event.json is broken. */
export type CaseTypeCatalog = Record<string, StationMinutes>;

export interface EventRead {
  /** Null when any error was found in event.json. */
  event: ClinicEvent | null;
  /** Always present, so the CSV files can still be checked against the case types. */
  caseTypes: CaseTypeCatalog;
}

/** event.json → the event, every problem reported under its field path. */
export function readEvent(bytes: Uint8Array, problems: ProblemList): EventRead {
  const before = problems.errors.length;
  const f = new Fields(problems);
  const { text, invalid } = decodeUtf8(bytes);
  if (invalid) {
    f.error('-', 'contains bytes that are not UTF-8: save the file as UTF-8');
    return { event: null, caseTypes: { ...DEFAULT_CASE_TYPES } };
  }
  let root: Json;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    f.error('-', `not valid JSON: ${(err as Error).message}`);
    return { event: null, caseTypes: { ...DEFAULT_CASE_TYPES } };
  }
  if (!isObject(root)) {
    f.error('-', 'event.json must hold one JSON object');
    return { event: null, caseTypes: { ...DEFAULT_CASE_TYPES } };
  }
  f.unknownKeys(root, TOP_LEVEL, '');

  const id = f.string(root, 'id', 'id', true);
  if (id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(id)) {
    f.error('id', `"${id}" is not an event id: use up to 100 letters, digits, ".", "_" and "-" (e.g. fresno-2027-03-13)`);
  }
  const name = f.string(root, 'name', 'name', true);
  const date = f.string(root, 'date', 'date', true);
  if (date !== undefined && !isCalendarDate(date)) f.error('date', `"${date}" is not a day on the calendar: write YYYY-MM-DD`);
  const zoneText = f.string(root, 'timezone', 'timezone', true);
  const timezone = zoneText === undefined ? undefined : canonicalZone(zoneText) ?? undefined;
  if (zoneText !== undefined && timezone === undefined) {
    f.error('timezone', `"${zoneText}" is not an IANA time zone: use the site's place name such as America/Los_Angeles (abbreviations like PST or EST ignore daylight saving)`);
  }
  const clock = (key: 'opens' | 'closes'): { text: string; minute: number } | undefined => {
    const value = f.string(root as Record<string, Json>, key, key, true);
    if (value === undefined) return undefined;
    const minute = parseClock(value);
    if (minute === null) {
      f.error(key, `"${value}" is not a time: write HH:MM between 00:00 and 24:00`);
      return undefined;
    }
    return { text: value, minute };
  };
  const opens = clock('opens');
  const closes = clock('closes');
  if (opens && closes && closes.minute <= opens.minute) {
    f.error('closes', `the event closes (${closes.text}) before it opens (${opens.text})`);
  }
  const slotMinutes = f.integer(root, 'slot_minutes', 'slot_minutes', 1, 5);
  if (slotMinutes > 60) f.error('slot_minutes', `"slot_minutes" must be at most 60, not ${slotMinutes}`);
  const site = readSite(f, root);
  const hostOrgs = readHostOrgs(f, root);
  const desks = readDesks(f, root);
  const floor = f.oneOf(root, 'floor', 'floor', FLOORS, 'stations');
  const caseTypes = readCaseTypes(f, root, floor);
  const simulation = readSimulation(f, root, caseTypes, opens?.minute, closes?.minute);
  const planning = readPlanning(f, root);
  const retention = readRetention(f, root);

  if (problems.errors.length > before || !id || !name || !date || !timezone || !opens || !closes) {
    return { event: null, caseTypes };
  }
  const dayMinutes = elapsedFromClock({ date, timezone, opens: opens.text }, closes.minute);
  const event: ClinicEvent = {
    id, name, date, timezone, opens: opens.text, closes: closes.text, dayMinutes, slotMinutes, floor, site, hostOrgs,
    desks, caseTypes, simulation, planning,
  };
  if (retention) event.retention = retention;
  return { event, caseTypes };
}
