/**
 * The simulator's event queue: a binary min-heap over typed arrays, ordered by time and then
 * by the order events were scheduled (so simultaneous events keep their order and a run is
 * the same on every machine). An event is a time and one 32-bit integer the caller encodes.
 */
export class EventQueue {
  private time: Float64Array;
  private order: Float64Array;
  private data: Int32Array;
  private counter = 0;
  size = 0;

  constructor(capacity = 64) {
    this.time = new Float64Array(capacity);
    this.order = new Float64Array(capacity);
    this.data = new Int32Array(capacity);
  }

  /** Empties the queue, keeping its memory. */
  clear(): void {
    this.size = 0;
    this.counter = 0;
  }

  /** The earliest event's time (Infinity when empty). */
  peekTime(): number {
    return this.size > 0 ? this.time[0]! : Number.POSITIVE_INFINITY;
  }

  /** The earliest event's data; only when not empty. */
  peekData(): number {
    return this.data[0]!;
  }

  private grow(): void {
    const capacity = this.time.length * 2;
    const time = new Float64Array(capacity);
    const order = new Float64Array(capacity);
    const data = new Int32Array(capacity);
    time.set(this.time);
    order.set(this.order);
    data.set(this.data);
    this.time = time;
    this.order = order;
    this.data = data;
  }

  push(t: number, value: number): void {
    if (this.size === this.time.length) this.grow();
    const time = this.time;
    const order = this.order;
    const data = this.data;
    const seq = this.counter++;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = time[parent]!;
      if (pt < t || (pt === t && order[parent]! < seq)) break;
      time[i] = pt;
      order[i] = order[parent]!;
      data[i] = data[parent]!;
      i = parent;
    }
    time[i] = t;
    order[i] = seq;
    data[i] = value;
  }

  /** Removes the earliest event and returns its data; only when not empty. */
  pop(): number {
    const time = this.time;
    const order = this.order;
    const data = this.data;
    const top = data[0]!;
    const n = --this.size;
    if (n > 0) {
      const t = time[n]!;
      const seq = order[n]!;
      const value = data[n]!;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        const right = child + 1;
        if (right < n && (time[right]! < time[child]! || (time[right] === time[child] && order[right]! < order[child]!))) child = right;
        const ct = time[child]!;
        if (t < ct || (t === ct && seq < order[child]!)) break;
        time[i] = ct;
        order[i] = order[child]!;
        data[i] = data[child]!;
        i = child;
      }
      time[i] = t;
      order[i] = seq;
      data[i] = value;
    }
    return top;
  }
}
