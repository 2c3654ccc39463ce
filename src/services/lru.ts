/**
 * Remembers the answers of computations by key, least recently used first out, bounded by how
 * many it keeps and by their total weight (bytes, say), so memory stays bounded however many
 * events, versions and visitors there are. Callers who ask for a key while its computation
 * runs share that one computation; a failure is not kept, so the next caller tries again.
 */
export class Memo<V> {
  private readonly kept = new Map<string, { value: V; weight: number }>();
  private readonly running = new Map<string, Promise<V>>();
  private total = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxWeight = Number.POSITIVE_INFINITY,
    private readonly weigh: (value: V) => number = () => 0,
  ) {}

  /** Whether the key's answer is kept or being computed. */
  has(key: string): boolean {
    return this.kept.has(key) || this.running.has(key);
  }

  /** The answer kept for the key (now the most recently used), or undefined. */
  peek(key: string): V | undefined {
    const entry = this.kept.get(key);
    if (!entry) return undefined;
    this.kept.delete(key);
    this.kept.set(key, entry);
    return entry.value;
  }

  /** The key's answer: kept, being computed, or computed now by `make`. */
  get(key: string, make: () => V | Promise<V>): Promise<V> {
    if (this.kept.has(key)) return Promise.resolve(this.peek(key) as V);
    const running = this.running.get(key);
    if (running) return running;
    // `make` starts now, in the caller's turn: what it reads synchronously is read before anyone else runs.
    let started: Promise<V>;
    try {
      started = Promise.resolve(make());
    } catch (err) {
      return Promise.reject(err);
    }
    this.running.set(key, started);
    started.then((value) => {
      if (this.running.get(key) === started) {
        this.running.delete(key);
        this.keep(key, value);
      }
    }, () => {
      if (this.running.get(key) === started) this.running.delete(key);
    });
    return started;
  }

  /** Forgets everything, running computations included (their callers still get their answers). */
  clear(): void {
    this.kept.clear();
    this.running.clear();
    this.total = 0;
  }

  /** How many answers are kept, and their total weight. */
  get size(): number {
    return this.kept.size;
  }

  get weight(): number {
    return this.total;
  }

  private keep(key: string, value: V): void {
    const weight = this.weigh(value);
    // An answer heavier than the whole budget is given to its callers but not kept.
    if (weight > this.maxWeight || this.maxEntries < 1) return;
    this.kept.set(key, { value, weight });
    this.total += weight;
    for (const [oldest, old] of this.kept) {
      if (this.kept.size <= this.maxEntries && this.total <= this.maxWeight) break;
      this.kept.delete(oldest);
      this.total -= old.weight;
    }
  }
}
