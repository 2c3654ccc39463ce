// The simulator against queueing theory: M/M/c waits match Erlang C, and Little's law holds.
import t from 'tap';
import { erlangC, poissonArrivals, simulateMMc } from '../../src/throughput/mmc.js';

const MILLION = 1_000_000;

t.test('Erlang C gives Wq = 4/9 for three servers at λ = 2, μ = 1', async (t) => {
  const { probabilityOfWaiting, meanWait } = erlangC(3, 2, 1);
  t.ok(Math.abs(probabilityOfWaiting - 4 / 9) < 1e-12);
  t.ok(Math.abs(meanWait - 4 / 9) < 1e-12);
});

t.test('M/M/3 at λ = 2, μ = 1 over three million customers waits within 2% of Erlang C (0.4444)', async (t) => {
  const r = simulateMMc({ servers: 3, arrivalRate: 2, serviceRate: 1, customers: MILLION, replications: 3, seed: 1 });
  const expected = erlangC(3, 2, 1).meanWait;
  t.comment(`Wq simulated ${r.meanWait.toFixed(4)}, Erlang C ${expected.toFixed(4)} (${(100 * (r.meanWait / expected - 1)).toFixed(2)}%)`);
  t.equal(r.customers, 3 * MILLION);
  t.ok(Math.abs(r.meanWait / expected - 1) < 0.02);
});

t.test('M/M/2 at a pooled desk, λ = 1, μ = 1, over a million customers waits within 2% of Erlang C (1/3)', async (t) => {
  const r = simulateMMc({ servers: 2, arrivalRate: 1, serviceRate: 1, customers: MILLION, replications: 2, seed: 7, station: 'desk' });
  const expected = erlangC(2, 1, 1).meanWait;
  t.comment(`Wq simulated ${r.meanWait.toFixed(4)}, Erlang C ${expected.toFixed(4)} (${(100 * (r.meanWait / expected - 1)).toFixed(2)}%)`);
  t.ok(Math.abs(r.meanWait / expected - 1) < 0.02);
});

t.test("Little's law: the time-average number in the system equals λW within 1%", async (t) => {
  const lambda = 2;
  const r = simulateMMc({ servers: 3, arrivalRate: lambda, serviceRate: 1, customers: MILLION, seed: 3 });
  const theory = lambda * (erlangC(3, 2, 1).meanWait + 1);
  t.comment(`L = ${r.meanInSystem.toFixed(4)}, λW = ${(lambda * r.meanSojourn).toFixed(4)}, theory ${theory.toFixed(4)}`);
  t.ok(Math.abs(r.meanInSystem / (lambda * r.meanSojourn) - 1) < 0.01);
  t.ok(Math.abs(r.meanInSystem / theory - 1) < 0.02, 'and both match the M/M/3 formula');
});

t.test('the simulator runs a million customers in two million events (events per second printed)', async (t) => {
  const started = performance.now();
  const r = simulateMMc({ servers: 3, arrivalRate: 2, serviceRate: 1, customers: MILLION, seed: 11 });
  const seconds = (performance.now() - started) / 1000;
  t.comment(`${r.events} events in ${seconds.toFixed(3)} s: ${(r.events / seconds / 1e6).toFixed(2)} million events per second`);
  t.equal(r.events, 2 * MILLION);
});

t.test('Poisson arrivals come at the given rate', async (t) => {
  const a = poissonArrivals(4, 100_000, 5);
  t.ok(Math.abs(a.count / a.time[a.count - 1]! / 4 - 1) < 0.02);
});
