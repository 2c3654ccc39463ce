import type handlebars from 'handlebars';
import { DateTime } from 'luxon';
import { ROLES, ROLE_NAMES, STATION_NAMES, caseTypeName, languageName, shareLanguage } from '../domain/index.js';
import { REASON_NAMES } from '../planner/reasons.js';
import type { PlanJson, UnscheduledReason } from '../planner/types.js';
import type { Applicant, Bundle, Role } from '../domain/index.js';
import type { StoredPlan } from '../db/plans.js';
import type { Notice, Staleness } from '../services/plans.js';

/** Templates only print; the little logic they need lives in view models below. */
export function registerHelpers(engine: typeof handlebars): void {
  engine.registerHelper('eq', (a: unknown, b: unknown) => a === b);
}

const ROLE_LABELS: Record<Role, string> = {
  attorney: 'Attorneys',
  accredited_rep: 'DOJ-accredited representatives',
  law_student: 'Law students',
  paralegal: 'Paralegals',
  form_filler: 'Form fillers',
  screener: 'Screeners',
  interpreter: 'Interpreters',
  general: 'Greeters and organizers',
};

/** "Saturday, May 22, 2027" for a `YYYY-MM-DD` date. */
export function longDate(date: string, locale = 'en-US'): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale(locale).toLocaleString(DateTime.DATE_HUGE);
}

export const SAMPLES = [
  { dir: 'fresno-saturday', name: 'DACA & Citizenship Saturday, Fresno (40 applicants)' },
  { dir: 'mixteco-farmworker-clinic', name: 'Farmworker clinic with Mixteco and Triqui speakers, Madera (120 applicants)' },
  { dir: 'central-valley-citizenship-day', name: 'Citizenship Day, Merced (250 applicants)' },
];

function tally<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const byCountThenName = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0]);

/** The event page: the day's facts, the roster by role, and the demand by case type and language. No names. */
export function eventView(bundle: Bundle) {
  const { event, volunteers, applicants } = bundle;
  const roles = ROLES.map((role) => {
    const people = volunteers.filter((v) => v.role === role);
    const languages = [...new Set(people.flatMap((v) => v.languages))].map((c) => languageName(c)).sort();
    return { label: ROLE_LABELS[role], count: people.length, languages: languages.join(', ') };
  }).filter((r) => r.count > 0);
  const staff = volunteers.filter((v) => v.role !== 'interpreter');
  const speakers = (code: string) => staff.filter((v) => v.languages.includes(code)).length;
  // Whether anyone on the legal staff shares a language with an applicant depends only on the
  // applicant's languages: asked once per set of languages, not once per applicant.
  const bridged = new Map<string, boolean>();
  const sharesStaffLanguage = (a: Applicant) => {
    const key = a.languages.join(';');
    let found = bridged.get(key);
    if (found === undefined) bridged.set(key, found = staff.some((v) => shareLanguage(v.languages, a.languages)));
    return found;
  };
  const byLanguage = new Map<string, { count: number; needInterpreter: number }>();
  for (const a of applicants) {
    const code = a.languages[0]!;
    let group = byLanguage.get(code);
    if (!group) byLanguage.set(code, group = { count: 0, needInterpreter: 0 });
    group.count++;
    // Those who share no language at all with the legal volunteers: only an interpreter lets them in.
    if (!sharesStaffLanguage(a)) group.needInterpreter++;
  }
  const languages = [...byLanguage].map(([code, group]) => ({
    code,
    count: group.count,
    speakers: speakers(code),
    needInterpreter: group.needInterpreter,
  })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .map((l) => ({ ...l, label: `${languageName(l.code)} (${l.code})` }));
  const caseTypes = [...tally(applicants, (a) => a.caseType)].sort(byCountThenName)
    .map(([code, count]) => ({ label: caseTypeName(code), count }));
  return {
    title: event.name,
    id: event.id,
    name: event.name,
    when: `${longDate(event.date)}, ${event.opens}–${event.closes}`,
    timezone: event.timezone,
    site: event.site.name || 'Site to be announced',
    address: event.site.address,
    hosts: event.hostOrgs.join('; '),
    desks: `${event.desks.check_in} check-in, ${event.desks.final_check} final check`,
    volunteerCount: volunteers.length,
    applicantCount: applicants.length,
    roles,
    caseTypes,
    languages,
  };
}

/** "09:05" from a plan instant: the site's wall clock, as the plan wrote it. */
const wallClock = (iso: string) => iso.slice(11, 16);

/**
 * The latest plan on the event page: how many are served, why others are not, and each
 * volunteer's day. Applicants appear by code only, never by name.
 */
export function planView(bundle: Bundle, stored: StoredPlan) {
  const { plan } = stored;
  type Item = { time: string; station: string; applicant: string; note: string };
  const byVolunteer = new Map<string, Item[]>();
  const add = (id: string, item: Item) => {
    const items = byVolunteer.get(id);
    if (items) items.push(item);
    else byVolunteer.set(id, [item]);
  };
  for (const s of plan.scheduled) {
    for (const v of s.visits) {
      const time = `${wallClock(v.start)}–${wallClock(v.end)}`;
      add(v.volunteer, { time, station: STATION_NAMES[v.station], applicant: s.applicant, note: v.interpreter ? `with interpreter ${v.interpreter}` : '' });
      if (v.interpreter) add(v.interpreter, { time, station: STATION_NAMES[v.station], applicant: s.applicant, note: `interpreting for ${v.volunteer}` });
    }
  }
  for (const sh of plan.shifts) {
    add(sh.volunteer, { time: `${wallClock(sh.start)}–${wallClock(sh.end)}`, station: `${STATION_NAMES[sh.station]} desk`, applicant: '', note: 'shift' });
  }
  const onRoster = new Set(bundle.volunteers.map((v) => v.id));
  const volunteers = [
    ...bundle.volunteers.filter((v) => byVolunteer.has(v.id)).map((v) => ({ id: v.id, role: ROLE_NAMES[v.role], gone: false })),
    // Someone the plan books who has since left the roster stays visible, marked: their visits need repair.
    ...[...byVolunteer.keys()].filter((id) => !onRoster.has(id)).sort().map((id) => ({ id, role: 'no longer on the roster', gone: true })),
  ].map((v) => ({ ...v, items: byVolunteer.get(v.id)!.sort((a, b) => a.time.localeCompare(b.time)) }));
  const byReason = new Map<string, { applicant: string; detail: string }[]>();
  for (const u of plan.unscheduled) {
    const examples = byReason.get(u.reason);
    if (examples) examples.push({ applicant: u.applicant, detail: u.detail });
    else byReason.set(u.reason, [{ applicant: u.applicant, detail: u.detail }]);
  }
  const reasons = [...byReason].map(([reason, examples]) => [reason, examples.length] as [string, number]).sort(byCountThenName).map(([reason, count]) => ({
    label: REASON_NAMES[reason as UnscheduledReason],
    count,
    examples: byReason.get(reason)!,
  }));
  const { summary } = plan;
  return {
    version: stored.version,
    published: stored.publishedAt !== null,
    scheduled: summary.scheduled,
    applicants: summary.applicants,
    weight: summary.scheduled_weight,
    interpreted: summary.interpreted_visits,
    meanMinutes: summary.mean_minutes_in_clinic,
    firstArrival: plan.scheduled[0] ? wallClock(plan.scheduled[0].arrival) : null,
    selection: selectionView(summary),
    reasons,
    volunteers,
  };
}

const SELECTION_NAMES = { fair: 'fair selection (lottery order)', most: 'the “serve the most” choice' } as const;
const pct = (x: number | undefined) => (x === undefined ? '—' : `${Math.round(x * 100)}%`);

/**
 * Whom the day serves under the plan's selection against the other choice, share by share:
 * a sentence and a table (counts and shares only, nobody named).
 */
export function selectionView(summary: PlanJson['summary']) {
  const choice = summary.selection;
  const mine = summary.served_share;
  if (!choice || !mine) return null;
  const other = choice.other;
  const group = (title: string, key: keyof NonNullable<typeof mine>, label: (k: string) => string) =>
    Object.keys(mine[key] ?? {}).map((k) => ({ group: title, label: label(k), mine: pct(mine[key]?.[k]), other: pct(other.served_share[key]?.[k]) }));
  const rows = [
    ...group('Complexity', 'complexity', (k) => k),
    ...group('Interpreter', 'interpreter', (k) => (k === 'needed' ? 'needs one' : 'does not')),
    ...group('Case type', 'case_type', (k) => caseTypeName(k)),
    ...group('Language', 'language', (k) => languageName(k)),
  ];
  const costly = (share: NonNullable<typeof mine>) => {
    const c = share.complexity;
    return ['moderate', 'complex'].filter((k) => c[k] !== undefined).map((k) => `${pct(c[k])} of ${k} cases`).join(' and ');
  };
  const difference = other.scheduled - summary.scheduled;
  const more = difference > 0 ? `${difference} more` : difference < 0 ? `${-difference} fewer` : 'as many';
  const sentence = `This plan uses ${SELECTION_NAMES[choice.mode]} and serves ${summary.scheduled}. `
    + `${SELECTION_NAMES[other.mode][0]!.toUpperCase()}${SELECTION_NAMES[other.mode].slice(1)} would serve ${more}`
    + (costly(mine) ? `, reaching ${costly(other.served_share)} (this plan: ${costly(mine)}).` : '.');
  return { sentence, mine: SELECTION_NAMES[choice.mode], other: SELECTION_NAMES[other.mode], rows };
}

type PlanView = ReturnType<typeof planView>;
type StatusView = ReturnType<typeof planStatusView>;

/**
 * The plan as anyone may see it: counts and shares, each reason with how many it leaves out,
 * and no applicant, volunteer, time or sentence about a person.
 */
export function countsOnly(plan: PlanView): PlanView {
  return {
    ...plan,
    firstArrival: null,
    reasons: plan.reasons.map((r) => ({ ...r, examples: [] })),
    volunteers: [],
  };
}

/** The plan's status as anyone may see it: draft or published, out of date or not, nobody named. */
export function statusCountsOnly(status: StatusView): StatusView {
  return { ...status, changes: [], volunteersToTell: [], problems: [], moreProblems: 0 };
}

/** What broke, one line per kind of problem, with the applicants it touches: "V004 is not on the roster (A0017, A0029)". */
export function problemLines(stale: Staleness): string[] {
  const byMessage = new Map<string, Set<string>>();
  for (const p of stale.problems) {
    const who = byMessage.get(p.message) ?? new Set<string>();
    if (p.applicant !== undefined && !p.message.includes(p.applicant)) who.add(p.applicant);
    byMessage.set(p.message, who);
  }
  return [...byMessage].map(([message, who]) => (who.size === 0 ? message : `${message}: the day of ${[...who].sort().join(', ')}`));
}

const CHANGE_WORDS: Record<string, string> = { moved: 'moves', removed: 'is dropped', added: 'is added' };

/**
 * Where a plan stands for the people who hold it: draft or published, what a draft changes
 * against the published version and whom to tell, what an import broke, which desks nobody
 * staffs, and the commands that take the next step.
 */
export function planStatusView(slug: string, stored: StoredPlan, published: StoredPlan | undefined, notice: Notice | null, stale: Staleness) {
  const isPublished = published?.version === stored.version;
  const problems = problemLines(stale);
  const changes = (notice?.applicants ?? []).map((c) => ({
    applicant: c.applicant,
    what: CHANGE_WORDS[c.change] ?? c.change,
    from: c.before ? wallClock(c.before.arrival) : null,
    to: c.after ? wallClock(c.after.arrival) : null,
  }));
  return {
    draft: !isPublished,
    publishedVersion: published?.version ?? null,
    changes,
    volunteersToTell: notice?.volunteers ?? [],
    outOfDate: stale.outOfDate,
    problems: problems.slice(0, 30),
    moreProblems: Math.max(0, problems.length - 30),
    warnings: stale.warnings.map((w) => w.message),
    commands: {
      replan: `npx taller plan --event ${slug}`,
      publish: `npx taller publish --event ${slug} --version ${stored.version}`,
      sheets: `npx taller sheets --event ${slug} --out sheets.html`,
    },
  };
}
