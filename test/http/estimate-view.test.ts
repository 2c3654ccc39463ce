// The event page's estimate beyond volunteers: finishing on time (a sentence a coordinator can act on,
// and a chart whose every value is written out) and changes to the room, in words.
import t from 'tap';
import { layoutPhrase, tradeoffSentence, tradeoffSvg } from '../../src/http/estimate-view.js';

const ROWS = [
  { target: 0, slack_minutes: 0, scheduled: 40, served_mean: 33.2, finish_probability: 0.06 },
  { target: 0.8, slack_minutes: 60, scheduled: 34, served_mean: 30.1, finish_probability: 0.85 },
];

t.test('the sentence puts the packed day against the event’s target, in people and days', async (t) => {
  t.equal(tradeoffSentence(ROWS, 0.8), 'Packed, the day finishes everyone by closing on 6% of days. '
    + 'Keeping 60 minutes free before closing finishes on 85% of days and serves about 3.1 fewer people.');
});

t.test('when finishing on time costs nobody, the sentence says so', async (t) => {
  const free = [ROWS[0]!, { ...ROWS[1]!, served_mean: 33.2 }];
  t.match(tradeoffSentence(free, 0.8), /and serves as many people\.$/);
});

t.test('when the packed day leaves people unfinished at closing, keeping time free serves more, and the sentence says so', async (t) => {
  const better = [ROWS[0]!, { ...ROWS[1]!, served_mean: 35.3 }];
  t.match(tradeoffSentence(better, 0.8), /and serves about 2\.1 more people\.$/);
});

t.test('a target the trade-off did not try reads as the last one tried', async (t) => {
  t.match(tradeoffSentence(ROWS, 0.95), /Keeping 60 minutes free/);
});

t.test('with only the packed day, the sentence says how often it finishes', async (t) => {
  t.equal(tradeoffSentence([ROWS[0]!], 0), 'Packed, the day finishes everyone by closing on 6% of days.');
});

t.test('the chart writes out each target’s time kept free, people served and days on time', async (t) => {
  const svg = tradeoffSvg(ROWS);
  for (const text of ['packed', 'aim 80%', '60 min free', '33.2 served', '85% of days on time']) t.match(svg, text);
  t.match(svg, /<title id="tradeoff-title">/);
});

t.test('layout changes read as a coordinator would say them', async (t) => {
  t.equal(layoutPhrase({ desk: 'final_check' }), 'one more final-check desk');
  t.equal(layoutPhrase({ desk: 'check_in' }), 'one more check-in desk');
  t.match(layoutPhrase({ floor: 'seated' }), /^a seated floor: the team comes to the seated applicant/);
  t.match(layoutPhrase({ floor: 'fast_lane' }), /filled online/);
  t.match(layoutPhrase({ floor: 'stations' }), /table to table/);
});
