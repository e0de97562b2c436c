import t from 'tap';
import { cached } from '../../src/reports/cache.js';

t.test('concurrent first requests share one computation; a stale value is served while one refresh runs', async (t) => {
  const owner = {};
  let calls = 0;
  let release!: (v: number) => void;
  const slow = () => {
    calls++;
    return new Promise<number>((r) => {
      release = r;
    });
  };
  const a = cached(owner, 'k', slow, { now: 0 });
  const b = cached(owner, 'k', slow, { now: 10 });
  release(1);
  t.same([await a, await b, calls], [1, 1, 1]);
  t.equal(
    await cached(
      owner,
      'k',
      async () => {
        calls++;
        return 2;
      },
      { now: 29_999 },
    ),
    1,
    'fresh within 30 s',
  );
  t.equal(calls, 1);
  t.equal(
    await cached(
      owner,
      'k',
      async () => {
        calls++;
        return 3;
      },
      { now: 30_000 },
    ),
    1,
    'stale: the old value at once',
  );
  await new Promise((r) => setImmediate(r));
  t.equal(calls, 2, 'and one refresh in the background');
  t.equal(await cached(owner, 'k', async () => 9, { now: 30_001 }), 3, 'the refreshed value next time');
  t.equal(
    await cached(owner, 'k', async () => 4, { fresh: true }),
    4,
    'fresh recomputes at once and shares the result',
  );
  t.equal(await cached(owner, 'k', async () => 5), 4);
});

t.test('a failed computation is not remembered', async (t) => {
  const owner = {};
  await t.rejects(
    cached(
      owner,
      'k',
      async () => {
        throw new Error('db down');
      },
      { now: 0 },
    ),
  );
  t.equal(await cached(owner, 'k', async () => 7, { now: 1 }), 7);
});
