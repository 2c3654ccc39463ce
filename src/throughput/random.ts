/**
 * Seeded randomness for the simulator: reseedable streams (the planner's mulberry32, so the
 * numbers match `seededRandom` for the same seed), keys that give every replication and every
 * person their own stream (common random numbers: the same applicant draws the same no-show
 * and service times in every compared configuration), and the service-time samplers.
 * Never Math.random.
 */
import type { ServiceTimeModel } from '../domain/index.js';

/** Anything that gives uniform numbers in [0, 1). */
export interface UniformSource {
  next(): number;
}

/** A mulberry32 generator whose state can be saved and restored, one number at a time. */
export class Stream implements UniformSource {
  state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniform number in [0, 1): the same sequence as `seededRandom(seed)` of the planner. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let x = this.state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  }
}

/** Murmur3's finalizer: every input bit flips about half the output bits. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A 32-bit key from two integers (a seed and a replication, a replication and a person). */
export function streamKey(a: number, b: number): number {
  return fmix(fmix((a >>> 0) ^ 0x9e3779b9) ^ Math.imul((b >>> 0) + 0x7f4a7c15, 0x27d4eb2f));
}

/** How a service time varies around its mean: the model and, for lognormal, σ of the log. */
export interface ServiceSpread {
  model: ServiceTimeModel;
  cv: number;
}

/** σ² of the log of a lognormal with coefficient of variation cv: ln(1 + cv²). */
export function lognormalSigma(cv: number): number {
  return Math.sqrt(Math.log(1 + cv * cv));
}

/** A standard normal number by Box–Muller from two uniforms in [0, 1). */
export function boxMuller(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * A service time's multiple of its mean: 1 (fixed), Exp(1) (exponential), or a lognormal of
 * mean 1 and the given cv (log-mean −σ²/2, log-sd σ = √ln(1 + cv²)). Always draws two uniforms
 * when random, so a stream stays aligned however the times are used.
 */
export function serviceFactor(model: ServiceTimeModel, sigma: number, stream: UniformSource): number {
  if (model === 'fixed') return 1;
  const u1 = stream.next();
  const u2 = stream.next();
  if (model === 'exponential') return -Math.log(1 - u1);
  return Math.exp(sigma * boxMuller(u1, u2) - (sigma * sigma) / 2);
}

/**
 * One service time of mean `mean` minutes: fixed, exponential, or lognormal with the given
 * coefficient of variation, from any uniform source (a `Stream`'s next, or `seededRandom`).
 */
export function sampleServiceTime(spread: ServiceSpread, mean: number, uniform: () => number): number {
  return mean * serviceFactor(spread.model, lognormalSigma(spread.cv), { next: uniform });
}

/** An exponential gap of the given mean from one uniform in [0, 1). */
export function exponential(mean: number, u: number): number {
  return -mean * Math.log(1 - u);
}
