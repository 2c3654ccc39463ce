import { clockAt, languageName, STATION_NAMES } from '../domain/index.js';
import type { EventClock, Role, Station } from '../domain/index.js';
import type { EstimateJson } from '../throughput/index.js';
import type { LayoutChange } from '../throughput/layout.js';

const ROLE_NAMES: Record<Role, string> = {
  attorney: 'attorney', accredited_rep: 'accredited representative', law_student: 'law student', paralegal: 'paralegal',
  form_filler: 'form filler', screener: 'screener', interpreter: 'interpreter', general: 'greeter',
};

/** "one more Spanish-speaking attorney", "one more Mixteco–Spanish interpreter". */
export function additionPhrase(role: Role, languages: string[]): string {
  const names = languages.map((c) => languageName(c));
  if (role === 'interpreter') return `one more ${names.join('–')} interpreter`;
  return `one more ${names.join(' and ')}-speaking ${ROLE_NAMES[role]}`;
}

const FLOOR_PHRASES = {
  stations: 'a station floor, applicants walking from table to table',
  seated: 'a seated floor: the team comes to the seated applicant and the reviewer closes out the packet, with no final-check desk',
  fast_lane: 'a fast lane for forms filled online before the day',
} as const;

/** "one more final-check desk", "a seated floor: …". */
export function layoutPhrase(change: LayoutChange): string {
  if ('floor' in change) return FLOOR_PHRASES[change.floor];
  return change.desk === 'check_in' ? 'one more check-in desk' : 'one more final-check desk';
}

/** "about 4 more people served", "about 1 more person", "no clear gain". */
export function gainPhrase(gain: number): string {
  const n = Math.round(gain);
  if (n <= 0) return 'no clear gain in people served';
  return `about ${n} more ${n === 1 ? 'person' : 'people'} served`;
}

const W = 560;
const BAR_H = 22;
const LABEL_W = 110;

/**
 * Station utilization as a bar chart: one labelled bar per station, its percentage written
 * beside it, the bottleneck named in words (never by colour alone).
 */
export function utilizationSvg(estimate: EstimateJson): string {
  const rows = estimate.stations.map((s, i) => {
    const y = 10 + i * (BAR_H + 8);
    const width = Math.round((W - LABEL_W - 120) * s.utilization);
    const mark = s.station === estimate.bottleneck ? ' — bottleneck' : '';
    return `<text x="0" y="${y + 16}" class="label">${STATION_NAMES[s.station]}</text>`
      + `<rect x="${LABEL_W}" y="${y}" width="${width}" height="${BAR_H}" class="${mark ? 'bar strong' : 'bar'}"/>`
      + `<text x="${LABEL_W + width + 6}" y="${y + 16}" class="value">${Math.round(s.utilization * 100)}%${mark}</text>`;
  }).join('');
  const height = 10 + estimate.stations.length * (BAR_H + 8);
  return `<svg role="img" aria-labelledby="util-title" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" xmlns="http://www.w3.org/2000/svg">`
    + `<title id="util-title">How busy each station is, in share of its staffed time</title>${rows}</svg>`;
}

/**
 * How many the day serves: the middle 80% of simulated days as a band, the typical day as a
 * line, against how many are scheduled and the capacity bound.
 */
export function servedSvg(estimate: EstimateJson, scheduled: number): string {
  const max = Math.max(estimate.capacity_bound, scheduled, estimate.served.p90, 1);
  const x = (n: number) => Math.round(10 + ((W - 20) * n) / max);
  const { p10, p50, p90 } = estimate.served;
  const parts = [
    `<line x1="10" y1="40" x2="${W - 10}" y2="40" class="axis"/>`,
    `<rect x="${x(p10)}" y="28" width="${Math.max(2, x(p90) - x(p10))}" height="24" class="band"/>`,
    `<line x1="${x(p50)}" y1="22" x2="${x(p50)}" y2="58" class="median"/>`,
    `<text x="${x(p50)}" y="16" text-anchor="middle" class="value">typical day: ${p50}</text>`,
    `<text x="${x(p10)}" y="74" text-anchor="middle" class="label">${p10}</text>`,
    `<text x="${x(p90)}" y="74" text-anchor="middle" class="label">${p90}</text>`,
    `<line x1="${x(scheduled)}" y1="26" x2="${x(scheduled)}" y2="54" class="scheduled"/>`,
    `<text x="${x(scheduled)}" y="92" text-anchor="middle" class="label">scheduled: ${scheduled}</text>`,
  ];
  return `<svg role="img" aria-labelledby="served-title" viewBox="0 0 ${W} 100" width="${W}" height="100" xmlns="http://www.w3.org/2000/svg">`
    + `<title id="served-title">People served on 8 of 10 simulated days: between ${p10} and ${p90}; typically ${p50}; ${scheduled} scheduled</title>`
    + `${parts.join('')}</svg>`;
}

const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2'];

/**
 * Queue length through the day: one line per station (told apart by dash pattern and a label
 * at its end, not by colour), hours along the bottom, and the peak said in the title.
 */
export function queueSvg(estimate: EstimateJson, event: EventClock): string {
  const { minutes_per_interval: step, stations } = estimate.queue_through_day;
  const series = Object.entries(stations) as [Station, number[]][];
  const bins = series[0]?.[1].length ?? 0;
  const peak = Math.max(1, ...series.flatMap(([, v]) => v));
  const left = 34;
  const right = W - 110;
  const top = 10;
  const bottom = 170;
  const x = (b: number) => left + ((right - left) * b) / Math.max(1, bins);
  const y = (q: number) => bottom - ((bottom - top) * q) / peak;
  const clock = (minutes: number) => clockAt(event, minutes);
  const ticks = Array.from({ length: Math.floor((bins * step) / 60) + 1 }, (_, i) => i * 60)
    .map((minutes) => `<text x="${x(minutes / step)}" y="${bottom + 16}" text-anchor="middle" class="label">${clock(minutes)}</text>`).join('');
  let worst: [Station, number, number] = ['screening', 0, 0];
  const lines = series.map(([station, values], i) => {
    values.forEach((q, b) => {
      if (q > worst[1]) worst = [station, q, b];
    });
    const points = values.map((q, b) => `${x(b + 0.5).toFixed(1)},${y(q).toFixed(1)}`).join(' ');
    return `<polyline points="${points}" class="queue"${DASHES[i] ? ` stroke-dasharray="${DASHES[i]}"` : ''}/>`;
  }).join('');
  // Labels at the lines' ends, nudged apart so that none covers another.
  const ends = series.map(([station, values]) => ({ station, at: y(values[values.length - 1] ?? 0) + 4 }))
    .sort((a, b) => a.at - b.at);
  ends.forEach((label, i) => {
    if (i > 0) label.at = Math.max(label.at, ends[i - 1]!.at + 13);
  });
  const labels = ends.map((l) => `<text x="${right + 6}" y="${l.at.toFixed(1)}" class="label">${STATION_NAMES[l.station]}</text>`).join('');
  const summary = worst[1] > 0
    ? `Longest queue: ${STATION_NAMES[worst[0]].toLowerCase()}, about ${Math.round(worst[1] * 10) / 10} people waiting around ${clock(worst[2] * step)}`
    : 'Nobody waits in line';
  const height = Math.max(bottom + 24, Math.ceil(ends[ends.length - 1]?.at ?? 0) + 6);
  return `<svg role="img" aria-labelledby="queue-title" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" xmlns="http://www.w3.org/2000/svg">`
    + `<title id="queue-title">People waiting at each station through the day. ${summary}.</title>`
    + `<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" class="axis"/>`
    + `<text x="${left - 6}" y="${top + 8}" text-anchor="end" class="label">${Math.round(peak)}</text>`
    + `<text x="${left - 6}" y="${bottom}" text-anchor="end" class="label">0</text>${ticks}${lines}${labels}</svg>`;
}

/**
 * How many to register so that, after the expected no-shows and with the walk-ins who stay,
 * the day is full but not overfull.
 */
export function registrationSentence(estimate: EstimateJson): string {
  const r = estimate.registration;
  const fits = r.day_capacity_is_lower_bound ? `at least ${r.day_capacity}` : String(r.day_capacity);
  const verdict = r.registered > r.recommended ? `${r.registered - r.recommended} more than that are registered: some will be turned away`
    : r.registered < r.recommended ? `${r.recommended - r.registered} more could still register` : 'that is how many are registered';
  return `The day fits ${fits} appointments. With about ${Math.round(r.expected_no_shows)} no-shows and ${Math.round(r.expected_walk_ins)} walk-ins expected, register about ${r.recommended}; ${verdict}.`;
}

type Tradeoff = NonNullable<EstimateJson['finish_tradeoff']>;

/**
 * Finishing on time against people served: for each target, a pair of bars (people served on
 * an average day, and the share of days everyone finishes by closing), each value written out.
 */
export function tradeoffSvg(rows: Tradeoff): string {
  const most = Math.max(1, ...rows.map((r) => r.served_mean));
  const span = W - LABEL_W - 150;
  const rowH = 2 * BAR_H + 16;
  const parts = rows.map((r, i) => {
    const y = 10 + i * rowH;
    const served = Math.round((span * r.served_mean) / most);
    const finish = Math.round(span * r.finish_probability);
    const label = r.target === 0 ? 'packed' : `aim ${Math.round(r.target * 100)}%`;
    return `<text x="0" y="${y + 16}" class="label">${label}</text>`
      + `<text x="0" y="${y + 16 + BAR_H}" class="label">${r.slack_minutes} min free</text>`
      + `<rect x="${LABEL_W}" y="${y}" width="${Math.max(1, served)}" height="${BAR_H - 4}" class="bar"/>`
      + `<text x="${LABEL_W + served + 6}" y="${y + 14}" class="value">${r.served_mean} served</text>`
      + `<rect x="${LABEL_W}" y="${y + BAR_H}" width="${Math.max(1, finish)}" height="${BAR_H - 4}" class="bar strong"/>`
      + `<text x="${LABEL_W + finish + 6}" y="${y + BAR_H + 14}" class="value">${Math.round(r.finish_probability * 100)}% of days on time</text>`;
  }).join('');
  const height = 10 + rows.length * rowH;
  return `<svg role="img" aria-labelledby="tradeoff-title" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" xmlns="http://www.w3.org/2000/svg">`
    + `<title id="tradeoff-title">People served and days finished by closing, for each time kept free before closing</title>${parts}</svg>`;
}

/**
 * What finishing on time costs, in a sentence a coordinator can act on: the packed day against
 * the event's own target.
 */
export function tradeoffSentence(rows: Tradeoff, target: number): string {
  const packed = rows.find((r) => r.target === 0);
  const aimed = rows.find((r) => r.target === target) ?? rows[rows.length - 1];
  if (!packed || !aimed || aimed === packed) {
    return `Packed, the day finishes everyone by closing on ${Math.round((packed ?? rows[0]!).finish_probability * 100)}% of days.`;
  }
  const cost = Math.round((packed.served_mean - aimed.served_mean) * 10) / 10;
  // Packed days can serve fewer: whoever is unfinished at closing is not served.
  const costText = cost > 0 ? `serves about ${cost} fewer people` : cost < 0 ? `serves about ${-cost} more people` : 'serves as many people';
  return `Packed, the day finishes everyone by closing on ${Math.round(packed.finish_probability * 100)}% of days. `
    + `Keeping ${aimed.slack_minutes} minutes free before closing finishes on ${Math.round(aimed.finish_probability * 100)}% of days and ${costText}.`;
}

/** The estimate section of the event page, in words and charts. */
export function estimateView(estimate: EstimateJson, scheduled: number, event: EventClock, target = 0.8) {
  const tradeoff = estimate.finish_tradeoff;
  return {
    tradeoffSvg: tradeoff ? tradeoffSvg(tradeoff) : null,
    tradeoff: tradeoff ? tradeoffSentence(tradeoff, target) : null,
    runs: estimate.runs,
    mean: estimate.served.mean,
    p10: estimate.served.p10,
    p90: estimate.served.p90,
    capacity: estimate.capacity_bound,
    bottleneck: STATION_NAMES[estimate.bottleneck],
    finishProbability: Math.round(estimate.finish_by_close_probability * 100),
    servedSvg: servedSvg(estimate, scheduled),
    utilizationSvg: utilizationSvg(estimate),
    queueSvg: queueSvg(estimate, event),
    registration: registrationSentence(estimate),
    whatIf: estimate.what_if.filter((w) => w.served_gain >= 0.5)
      .map((w) => `${additionPhrase(w.add.role as Role, w.add.languages)}: ${gainPhrase(w.served_gain)}`),
    layout: (estimate.what_if_layout ?? []).filter((w) => w.served_gain >= 0.5)
      .map((w) => `${layoutPhrase(w.change)}: ${gainPhrase(w.served_gain)}`),
  };
}
