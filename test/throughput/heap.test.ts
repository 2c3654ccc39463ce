// The event queue: earliest first, simultaneous events in the order they were scheduled.
import t from 'tap';
import { EventQueue } from '../../src/throughput/heap.js';
import { Stream } from '../../src/throughput/random.js';

t.test('events come out in time order, however many were queued', async (t) => {
  const queue = new EventQueue(2);
  const stream = new Stream(1);
  const times: number[] = [];
  for (let i = 0; i < 5000; i++) {
    const time = Math.floor(stream.next() * 100);
    times.push(time);
    queue.push(time, i);
  }
  const out: number[] = [];
  let mislabelled = 0;
  while (queue.size > 0) {
    const time = queue.peekTime();
    if (times[queue.pop()] !== time) mislabelled++;
    out.push(time);
  }
  t.equal(mislabelled, 0, 'each event keeps its data');
  t.same(out, [...times].sort((a, b) => a - b));
});

t.test('simultaneous events come out in the order they were scheduled', async (t) => {
  const queue = new EventQueue();
  const stream = new Stream(2);
  for (let i = 0; i < 1000; i++) queue.push(Math.floor(stream.next() * 5), i);
  const last = new Map<number, number>();
  let outOfOrder = 0;
  while (queue.size > 0) {
    const time = queue.peekTime();
    const data = queue.pop();
    if ((last.get(time) ?? -1) > data) outOfOrder++;
    last.set(time, data);
  }
  t.equal(outOfOrder, 0);
});

t.test('an empty queue peeks at infinity and a cleared queue is empty', async (t) => {
  const queue = new EventQueue();
  t.equal(queue.peekTime(), Number.POSITIVE_INFINITY);
  queue.push(3, 7);
  t.equal(queue.peekData(), 7);
  queue.clear();
  t.equal(queue.size, 0);
  t.equal(queue.peekTime(), Number.POSITIVE_INFINITY);
});
