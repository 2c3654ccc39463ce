// The simulator's seeded randomness: streams, keys and service-time samplers.
import t from 'tap';
import { seededRandom } from '../../src/planner/random.js';
import { boxMuller, exponential, lognormalSigma, sampleServiceTime, serviceFactor, Stream, streamKey } from '../../src/throughput/random.js';

function moments(draw: () => number, n: number): { mean: number; cv: number } {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    squares += x * x;
  }
  const mean = sum / n;
  return { mean, cv: Math.sqrt(squares / n - mean * mean) / mean };
}

t.test("a stream gives the planner's seeded numbers for the same seed", async (t) => {
  const stream = new Stream(42);
  const planner = seededRandom(42);
  const ours = Array.from({ length: 100 }, () => stream.next());
  t.same(ours, Array.from({ length: 100 }, () => planner()));
});

t.test('a stream key depends on both its numbers', async (t) => {
  const keys = new Set<number>();
  for (let a = 0; a < 30; a++) for (let b = 0; b < 30; b++) keys.add(streamKey(a, b));
  t.equal(keys.size, 900);
  t.equal(streamKey(7, 9), streamKey(7, 9));
});

t.test('a fixed service time is its mean and draws nothing', async (t) => {
  const stream = new Stream(1);
  t.equal(sampleServiceTime({ model: 'fixed', cv: 0.35 }, 45, () => stream.next()), 45);
  t.equal(stream.state, 1);
});

t.test('an exponential service time has the mean and a coefficient of variation of 1', async (t) => {
  const random = seededRandom(3);
  const m = moments(() => sampleServiceTime({ model: 'exponential', cv: 0.35 }, 20, random), 400_000);
  t.ok(Math.abs(m.mean / 20 - 1) < 0.01, `mean ${m.mean}`);
  t.ok(Math.abs(m.cv - 1) < 0.01, `cv ${m.cv}`);
});

t.test('a lognormal service time has the mean and the coefficient of variation asked for', async (t) => {
  const random = seededRandom(4);
  for (const cv of [0.35, 1]) {
    const m = moments(() => sampleServiceTime({ model: 'lognormal', cv }, 30, random), 400_000);
    t.ok(Math.abs(m.mean / 30 - 1) < 0.01, `mean ${m.mean}`);
    t.ok(Math.abs(m.cv / cv - 1) < 0.03, `cv ${m.cv} for ${cv}`);
  }
});

t.test('the lognormal log-sd is √ln(1 + cv²), and 0 for cv 0', async (t) => {
  t.equal(lognormalSigma(0), 0);
  t.ok(Math.abs(lognormalSigma(0.35) ** 2 - Math.log(1 + 0.35 ** 2)) < 1e-15);
  t.equal(serviceFactor('lognormal', 0, new Stream(9)), 1);
});

t.test('Box–Muller turns uniforms into standard normals', async (t) => {
  const stream = new Stream(5);
  const n = 200_000;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const z = boxMuller(stream.next(), stream.next());
    sum += z;
    squares += z * z;
  }
  t.ok(Math.abs(sum / n) < 0.01);
  t.ok(Math.abs(squares / n - 1) < 0.01);
  t.equal(boxMuller(0, 0), 0, 'a uniform of 0 gives a finite number');
});

t.test('an exponential gap has the mean asked for', async (t) => {
  const stream = new Stream(6);
  t.ok(Math.abs(moments(() => exponential(3, stream.next()), 200_000).mean / 3 - 1) < 0.01);
});
