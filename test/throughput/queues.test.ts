// Queue lengths through the day: what the event page charts as "where and when it jams".
import t from 'tap';
import { STATIONS } from '../../src/domain/index.js';
import { QUEUE_BIN_MINUTES } from '../../src/throughput/day.js';
import { baseline, estimate } from '../../src/throughput/index.js';
import { Network } from '../../src/throughput/sim.js';
import { FRESNO, sampleBundle } from '../support/fixtures.js';

const RUNS = 40;

t.test('the estimate gives each station its mean queue for every 15 minutes of the day', async (t) => {
  const bundle = sampleBundle(FRESNO);
  const result = estimate(bundle, { runs: RUNS });
  t.equal(result.queue_through_day.minutes_per_interval, QUEUE_BIN_MINUTES);
  for (const station of STATIONS) {
    t.equal(result.queue_through_day.stations[station].length, Math.ceil(bundle.event.dayMinutes / QUEUE_BIN_MINUTES), station);
  }
});

t.test('the minutes people spend queued through the day add up to the waits the simulation counts', async (t) => {
  const { day } = baseline(sampleBundle(FRESNO), { runs: RUNS });
  const n = day.network;
  const bins = n.queueArea.length / STATIONS.length;
  STATIONS.forEach((station, s) => {
    let area = 0;
    for (let b = 0; b < bins; b++) area += n.queueArea[s * bins + b]!;
    // Everyone who waited and was served, plus everyone still waiting at closing (up to closing).
    t.ok(Math.abs(area - (n.waitSum[s]! + n.openWait[s]!)) < 1e-6 * Math.max(1, area), `${station}: ${area.toFixed(1)} queued minutes`);
  });
});

t.test('nobody is queued before the first appointment arrives', async (t) => {
  const result = estimate(sampleBundle(FRESNO), { runs: RUNS });
  t.equal(result.queue_through_day.stations.review[0], 0);
});

t.test('a simulation with no closing time keeps no queue intervals', async (t) => {
  const network = new Network({
    close: Number.POSITIVE_INFINITY, desks: [1, 1], servers: [], classes: [], service: { model: 'fixed', cv: 0 }, noShowRate: 0,
    queueBinMinutes: 15,
  });
  t.equal(network.queueArea.length, 0);
  t.equal(network.queueBinMinutes, 0);
});
