/**
 * The simulator on the textbook queue M/M/c: one station, Poisson arrivals, exponential
 * service, c servers, no closing, any number of customers. Its results are checked against
 * Erlang C and Little's law; nothing here is special-cased for it.
 */
import { exponential, Stream, streamKey } from './random.js';
import { CHECK_IN, Network, SCREENING } from './sim.js';
import type { Arrivals, ClassSpec } from './sim.js';

export interface MmcOptions {
  servers: number;
  /** λ, customers per unit of time. */
  arrivalRate: number;
  /** μ, services per unit of time per server. */
  serviceRate: number;
  customers: number;
  seed: number;
  /** Independent runs of `customers` each, pooled (default 1): a long horizon in bounded memory. */
  replications?: number;
  /** `desk`: a pooled desk of c places; `staffed` (default): c named servers, each eligible. */
  station?: 'desk' | 'staffed';
}

export interface MmcResult {
  /** Customers served over all replications. */
  customers: number;
  /** Wq: mean time from arrival to the start of service. */
  meanWait: number;
  /** W: mean time from arrival to departure. */
  meanSojourn: number;
  /** L: the time-average number in the system, ∫N(t)dt / T. */
  meanInSystem: number;
  /** T: the time of the last departure, summed over replications. */
  duration: number;
  /** Events the simulator ran (arrivals and departures). */
  events: number;
}

/** Poisson arrivals of one class: exponential gaps from their own stream. */
export function poissonArrivals(rate: number, customers: number, seed: number): Arrivals {
  const stream = new Stream(streamKey(seed, 0x41525256));
  const time = new Float64Array(customers);
  let t = 0;
  for (let i = 0; i < customers; i++) {
    t += exponential(1 / rate, stream.next());
    time[i] = t;
  }
  return { count: customers, time, klass: new Int32Array(customers), entity: Int32Array.from({ length: customers }, (_, i) => i), walkIn: new Uint8Array(customers).fill(1) };
}

export function simulateMMc(options: MmcOptions): MmcResult {
  const { servers, arrivalRate, serviceRate, customers, seed } = options;
  const mean = 1 / serviceRate;
  const staffed = (options.station ?? 'staffed') === 'staffed';
  const always = [{ start: 0, end: Number.POSITIVE_INFINITY }];
  const klass: ClassSpec = staffed
    ? { checkIn: 0, finalCheck: 0, visits: [{ direct: mean, interpreted: mean, speakers: Array.from({ length: servers }, (_, v) => v), bridged: [] }, null, null] }
    : { checkIn: mean, finalCheck: 0, visits: [null, null, null] };
  const network = new Network({
    close: Number.POSITIVE_INFINITY,
    desks: staffed ? [1, 1] : [servers, 1],
    servers: staffed ? Array.from({ length: servers }, () => ({ windows: always })) : [],
    classes: [klass],
    service: { model: 'exponential', cv: 1 },
    noShowRate: 0,
  });
  const replications = options.replications ?? 1;
  let sojourn = 0;
  let served = 0;
  let area = 0;
  let duration = 0;
  for (let r = 0; r < replications; r++) {
    network.run(poissonArrivals(arrivalRate, customers, streamKey(seed, r)), streamKey(seed, r + 1));
    sojourn += network.sojournSum;
    served += network.lastServed;
    area += network.area;
    duration += network.endTime;
  }
  const station = staffed ? SCREENING : CHECK_IN;
  return {
    customers: served,
    meanWait: network.waitSum[station]! / network.waitCount[station]!,
    meanSojourn: sojourn / served,
    meanInSystem: area / duration,
    duration,
    events: network.events,
  };
}

/** Erlang C: the probability that an arrival waits in M/M/c, and the mean wait Wq = C / (cμ − λ). */
export function erlangC(servers: number, arrivalRate: number, serviceRate: number): { probabilityOfWaiting: number; meanWait: number } {
  const a = arrivalRate / serviceRate;
  let term = 1;
  let sum = 0;
  for (let k = 0; k < servers; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const last = (term * servers) / (servers - a);
  const probabilityOfWaiting = last / (sum + last);
  return { probabilityOfWaiting, meanWait: probabilityOfWaiting / (servers * serviceRate - arrivalRate) };
}
