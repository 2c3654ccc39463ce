import t from 'tap';
import { Memo } from '../../src/services/lru.js';

t.test('a kept answer is not computed again', async (t) => {
  const memo = new Memo<number>(10);
  let runs = 0;
  t.equal(await memo.get('a', () => ++runs), 1);
  t.equal(await memo.get('a', () => ++runs), 1);
  t.equal(runs, 1);
  t.ok(memo.has('a'));
  t.equal(memo.peek('a'), 1);
});

t.test('callers who ask while it runs share one computation', async (t) => {
  const memo = new Memo<string>(10);
  let runs = 0;
  let finish!: (value: string) => void;
  const make = () => {
    runs++;
    return new Promise<string>((resolve) => (finish = resolve));
  };
  const first = memo.get('k', make);
  const second = memo.get('k', make);
  t.ok(memo.has('k'), 'known while it runs');
  finish('done');
  t.same(await Promise.all([first, second]), ['done', 'done']);
  t.equal(runs, 1);
});

t.test('a failure is not kept: the next caller tries again', async (t) => {
  const memo = new Memo<number>(10);
  await t.rejects(memo.get('k', () => Promise.reject(new Error('no'))), /no/);
  await t.rejects(memo.get('j', () => {
    throw new Error('thrown');
  }), /thrown/);
  t.notOk(memo.has('k'));
  t.equal(await memo.get('k', () => 7), 7);
});

t.test('the least recently used answer goes first once there are too many', async (t) => {
  const memo = new Memo<number>(2);
  await memo.get('a', () => 1);
  await memo.get('b', () => 2);
  memo.peek('a');
  await memo.get('c', () => 3);
  t.same([memo.has('a'), memo.has('b'), memo.has('c')], [true, false, true]);
  t.equal(memo.size, 2);
});

t.test('answers go once their total weight is too much; one heavier than all is given but not kept', async (t) => {
  const memo = new Memo<string>(100, 10, (s) => s.length);
  await memo.get('a', () => 'xxxx');
  await memo.get('b', () => 'yyyy');
  await memo.get('c', () => 'zzzz');
  t.same([memo.has('a'), memo.has('b'), memo.has('c')], [false, true, true]);
  t.equal(memo.weight, 8);
  t.equal(await memo.get('big', () => 'x'.repeat(11)), 'x'.repeat(11));
  t.notOk(memo.has('big'));
  memo.clear();
  t.same([memo.size, memo.weight], [0, 0]);
});
