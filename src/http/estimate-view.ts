import { instantAt } from '../domain/index.js';
import type { EventClock, Role, Station } from '../domain/index.js';
import type { EstimateJson } from '../throughput/index.js';
import type { LayoutChange } from '../throughput/layout.js';
import { escapeHtml } from './errors.js';
import { DEFAULT_LOCALE, INTL_LOCALE, languageLabel, translator } from './i18n.js';
import type { Locale } from './i18n.js';

/** "one more Spanish-speaking attorney", "one more Mixteco–Spanish interpreter"; "un abogado más que hable español". */
export function additionPhrase(role: Role, languages: string[], locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  const names = languages.map((c) => languageLabel(locale, c));
  if (role === 'interpreter') return t('estimate.oneMoreInterpreter', { languages: names.join(t('estimate.languagesPair')) });
  return t('estimate.oneMore', { languages: names.join(t('estimate.languagesAnd')), role: t(`estimate.role.${role}`) });
}

/** "one more final-check desk", "a seated floor: …". */
export function layoutPhrase(change: LayoutChange, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  if ('floor' in change) return t(`estimate.floor.${change.floor}`);
  return t(`estimate.desk.${change.desk === 'check_in' ? 'check_in' : 'final_check'}`);
}

/** "about 4 more people served", "about 1 more person", "no clear gain". */
export function gainPhrase(gain: number, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  const n = Math.round(gain);
  if (n <= 0) return t('estimate.noGain');
  return t('estimate.gain', { count: n });
}

/** Text for inside an SVG, which the page carries as markup. */
const esc = (text: string) => escapeHtml(text);

/** A clock time of the day, `minutes` after opening, on the site's clock as the locale writes it. */
const clockOf = (event: EventClock, locale: Locale) => (minutes: number) =>
  instantAt(event, minutes).setLocale(INTL_LOCALE[locale]).toLocaleString({ hour: 'numeric', minute: '2-digit' });

const W = 560;
const BAR_H = 22;
const LABEL_W = 110;

/**
 * Station utilization as a bar chart: one labelled bar per station, its percentage written
 * beside it, the bottleneck named in words (never by colour alone).
 */
export function utilizationSvg(estimate: EstimateJson, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  const rows = estimate.stations.map((s, i) => {
    const y = 10 + i * (BAR_H + 8);
    const width = Math.round((W - LABEL_W - 120) * s.utilization);
    const mark = s.station === estimate.bottleneck ? t('estimate.chart.bottleneck') : '';
    return `<text x="0" y="${y + 16}" class="label">${esc(t(`stations.${s.station}`))}</text>`
      + `<rect x="${LABEL_W}" y="${y}" width="${width}" height="${BAR_H}" class="${mark ? 'bar strong' : 'bar'}"/>`
      + `<text x="${LABEL_W + width + 6}" y="${y + 16}" class="value">${Math.round(s.utilization * 100)}%${esc(mark)}</text>`;
  }).join('');
  const height = 10 + estimate.stations.length * (BAR_H + 8);
  return `<svg role="img" aria-labelledby="util-title" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" xmlns="http://www.w3.org/2000/svg">`
    + `<title id="util-title">${esc(t('estimate.chart.utilizationTitle'))}</title>${rows}</svg>`;
}

/**
 * How many the day serves: the middle 80% of simulated days as a band, the typical day as a
 * line, against how many are scheduled and the capacity bound.
 */
export function servedSvg(estimate: EstimateJson, scheduled: number, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  const max = Math.max(estimate.capacity_bound, scheduled, estimate.served.p90, 1);
  const x = (n: number) => Math.round(10 + ((W - 20) * n) / max);
  const { p10, p50, p90 } = estimate.served;
  const parts = [
    `<line x1="10" y1="40" x2="${W - 10}" y2="40" class="axis"/>`,
    `<rect x="${x(p10)}" y="28" width="${Math.max(2, x(p90) - x(p10))}" height="24" class="band"/>`,
    `<line x1="${x(p50)}" y1="22" x2="${x(p50)}" y2="58" class="median"/>`,
    `<text x="${x(p50)}" y="16" text-anchor="middle" class="value">${esc(t('estimate.chart.typicalDay', { count: p50 }))}</text>`,
    `<text x="${x(p10)}" y="74" text-anchor="middle" class="label">${p10}</text>`,
    `<text x="${x(p90)}" y="74" text-anchor="middle" class="label">${p90}</text>`,
    `<line x1="${x(scheduled)}" y1="26" x2="${x(scheduled)}" y2="54" class="scheduled"/>`,
    `<text x="${x(scheduled)}" y="92" text-anchor="middle" class="label">${esc(t('estimate.chart.scheduled', { count: scheduled }))}</text>`,
  ];
  return `<svg role="img" aria-labelledby="served-title" viewBox="0 0 ${W} 100" width="${W}" height="100" xmlns="http://www.w3.org/2000/svg">`
    + `<title id="served-title">${esc(t('estimate.chart.servedTitle', { p10, p90, p50, scheduled }))}</title>`
    + `${parts.join('')}</svg>`;
}

const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2'];

/**
 * Queue length through the day: one line per station (told apart by dash pattern and a label
 * at its end, not by colour), hours along the bottom, and the peak said in the title.
 */
export function queueSvg(estimate: EstimateJson, event: EventClock, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
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
  const clock = clockOf(event, locale);
  // An hourly tick, labelled every hour or, where the hours are too close for a label as long as "10:30 AM", every other.
  const hourWidth = ((right - left) * 60) / Math.max(1, bins * step);
  const every = Math.max(1, Math.ceil(64 / Math.max(1, hourWidth)));
  const ticks = Array.from({ length: Math.floor((bins * step) / 60) + 1 }, (_, i) => i * 60)
    .filter((_, i) => i % every === 0)
    .map((minutes) => `<text x="${x(minutes / step)}" y="${bottom + 16}" text-anchor="middle" class="label">${esc(clock(minutes))}</text>`).join('');
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
  const labels = ends.map((l) => `<text x="${right + 6}" y="${l.at.toFixed(1)}" class="label">${esc(t(`stations.${l.station}`))}</text>`).join('');
  const summary = worst[1] > 0
    ? t('estimate.chart.longestQueue', {
      station: t(`stations.${worst[0]}`).toLocaleLowerCase(INTL_LOCALE[locale]), count: Math.round(worst[1] * 10) / 10, time: clock(worst[2] * step),
    })
    : t('estimate.chart.nobodyWaits');
  const sentence = summary.endsWith('.') ? summary : `${summary}.`;
  const height = Math.max(bottom + 24, Math.ceil(ends[ends.length - 1]?.at ?? 0) + 6);
  return `<svg role="img" aria-labelledby="queue-title" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" xmlns="http://www.w3.org/2000/svg">`
    + `<title id="queue-title">${esc(t('estimate.chart.queueTitle', { summary: sentence }))}</title>`
    + `<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" class="axis"/>`
    + `<text x="${left - 6}" y="${top + 8}" text-anchor="end" class="label">${Math.round(peak)}</text>`
    + `<text x="${left - 6}" y="${bottom}" text-anchor="end" class="label">0</text>${ticks}${lines}${labels}</svg>`;
}

/**
 * How many to register so that, after the expected no-shows and with the walk-ins who stay,
 * the day is full but not overfull.
 */
export function registrationSentence(estimate: EstimateJson, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  const r = estimate.registration;
  const fits = r.day_capacity_is_lower_bound ? t('estimate.registration.atLeast', { count: r.day_capacity }) : r.day_capacity;
  const verdict = r.registered > r.recommended ? t('estimate.registration.over', { count: r.registered - r.recommended })
    : r.registered < r.recommended ? t('estimate.registration.under', { count: r.recommended - r.registered }) : t('estimate.registration.exact');
  return `${t('estimate.registration.fits', { fits })} ${t('estimate.registration.advice', {
    noShows: Math.round(r.expected_no_shows), walkIns: Math.round(r.expected_walk_ins), recommended: r.recommended, verdict,
  })}`;
}

type Tradeoff = NonNullable<EstimateJson['finish_tradeoff']>;

/**
 * Finishing on time against people served: for each target, a pair of bars (people served on
 * an average day, and the share of days everyone finishes by closing), each value written out.
 */
export function tradeoffSvg(rows: Tradeoff, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  const most = Math.max(1, ...rows.map((r) => r.served_mean));
  const span = W - LABEL_W - 150;
  const rowH = 2 * BAR_H + 16;
  const parts = rows.map((r, i) => {
    const y = 10 + i * rowH;
    const served = Math.round((span * r.served_mean) / most);
    const finish = Math.round(span * r.finish_probability);
    const label = r.target === 0 ? t('estimate.chart.packed') : t('estimate.chart.aim', { percent: Math.round(r.target * 100) });
    return `<text x="0" y="${y + 16}" class="label">${esc(label)}</text>`
      + `<text x="0" y="${y + 16 + BAR_H}" class="label">${esc(t('estimate.chart.minutesFree', { minutes: r.slack_minutes }))}</text>`
      + `<rect x="${LABEL_W}" y="${y}" width="${Math.max(1, served)}" height="${BAR_H - 4}" class="bar"/>`
      + `<text x="${LABEL_W + served + 6}" y="${y + 14}" class="value">${esc(t('estimate.chart.served', { count: r.served_mean }))}</text>`
      + `<rect x="${LABEL_W}" y="${y + BAR_H}" width="${Math.max(1, finish)}" height="${BAR_H - 4}" class="bar strong"/>`
      + `<text x="${LABEL_W + finish + 6}" y="${y + BAR_H + 14}" class="value">${esc(t('estimate.chart.onTime', { percent: Math.round(r.finish_probability * 100) }))}</text>`;
  }).join('');
  const height = 10 + rows.length * rowH;
  return `<svg role="img" aria-labelledby="tradeoff-title" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" xmlns="http://www.w3.org/2000/svg">`
    + `<title id="tradeoff-title">${esc(t('estimate.chart.tradeoffTitle'))}</title>${parts}</svg>`;
}

/**
 * What finishing on time costs, in a sentence a coordinator can act on: the packed day against
 * the event's own target.
 */
export function tradeoffSentence(rows: Tradeoff, target: number, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  const packed = rows.find((r) => r.target === 0);
  const aimed = rows.find((r) => r.target === target) ?? rows[rows.length - 1];
  if (!packed || !aimed || aimed === packed) {
    return t('estimate.tradeoff.packed', { finish: Math.round((packed ?? rows[0]!).finish_probability * 100) });
  }
  const cost = Math.round((packed.served_mean - aimed.served_mean) * 10) / 10;
  // Packed days can serve fewer: whoever is unfinished at closing is not served.
  const costText = cost > 0 ? t('estimate.tradeoff.fewer', { count: cost }) : cost < 0 ? t('estimate.tradeoff.more', { count: -cost })
    : t('estimate.tradeoff.same');
  return `${t('estimate.tradeoff.packed', { finish: Math.round(packed.finish_probability * 100) })} `
    + t('estimate.tradeoff.keeping', { minutes: aimed.slack_minutes, finish: Math.round(aimed.finish_probability * 100), cost: costText });
}

/** The estimate section of the event page, in words and charts. */
export function estimateView(estimate: EstimateJson, scheduled: number, event: EventClock, target = 0.8, locale: Locale = DEFAULT_LOCALE) {
  const t = translator(locale);
  const tradeoff = estimate.finish_tradeoff;
  return {
    tradeoffSvg: tradeoff ? tradeoffSvg(tradeoff, locale) : null,
    tradeoff: tradeoff ? tradeoffSentence(tradeoff, target, locale) : null,
    runs: estimate.runs,
    mean: estimate.served.mean,
    p10: estimate.served.p10,
    p90: estimate.served.p90,
    capacity: estimate.capacity_bound,
    bottleneck: t(`stations.${estimate.bottleneck}`),
    finishProbability: Math.round(estimate.finish_by_close_probability * 100),
    servedSvg: servedSvg(estimate, scheduled, locale),
    utilizationSvg: utilizationSvg(estimate, locale),
    queueSvg: queueSvg(estimate, event, locale),
    registration: registrationSentence(estimate, locale),
    whatIf: estimate.what_if.filter((w) => w.served_gain >= 0.5)
      .map((w) => t('estimate.gainLine', { change: additionPhrase(w.add.role as Role, w.add.languages, locale), gain: gainPhrase(w.served_gain, locale) })),
    layout: (estimate.what_if_layout ?? []).filter((w) => w.served_gain >= 0.5)
      .map((w) => t('estimate.gainLine', { change: layoutPhrase(w.change, locale), gain: gainPhrase(w.served_gain, locale) })),
  };
}
