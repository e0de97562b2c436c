import t from 'tap';
import { dataVersion } from '../../src/db/data-version.js';
import { cached } from '../../src/reports/cache.js';
import { Member } from '../../src/members/member.entity.js';
import { build, loggedIn } from '../helper.js';
import { addMember } from '../supporters/fixtures.js';

t.test('requests of one data version share one computation; a new version computes anew', async (t) => {
  const owner = {};
  let calls = 0;
  let release!: (v: number) => void;
  const slow = () => {
    calls++;
    return new Promise<number>((r) => {
      release = r;
    });
  };
  const a = cached(owner, 'k', 'v1', slow);
  const b = cached(owner, 'k', 'v1', slow);
  release(1);
  t.same([await a, await b, calls], [1, 1, 1]);
  t.equal(await cached(owner, 'k', 'v1', async () => ++calls), 1, 'same version: the stored value');
  t.equal(calls, 1);
  t.equal(await cached(owner, 'k', 'v2', async () => ++calls * 10), 20, 'another version: computed at once');
  t.equal(await cached(owner, 'k', 'v2', async () => 99, { fresh: true }), 99, 'fresh recomputes');
  t.equal(await cached(owner, 'k', 'v2', async () => 5), 99, 'and shares the result');
});

t.test('a failed computation is not remembered', async (t) => {
  const owner = {};
  await t.rejects(
    cached(owner, 'k', 'v', async () => {
      throw new Error('db down');
    }),
  );
  t.equal(await cached(owner, 'k', 'v', async () => 7), 7);
});

t.test('the data version stays while nothing is written and moves with any write', async (t) => {
  const { em } = await build(t);
  const v1 = await dataVersion(em());
  t.equal(await dataVersion(em()), v1, 'reads do not move it');
  await em().execute('select count(*) from member');
  t.equal(await dataVersion(em()), v1);
  await addMember(em(), { familyName: '北村', givenName: '一', familyKana: 'キタムラ', givenKana: 'ハジメ' });
  t.not(await dataVersion(em()), v1, 'a new member moves it');
});

t.test('the dashboard shows a change at once, without 最新にする', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'viewer');
  const count = (body: string) => /<th scope="row">大阪府<\/th><td class="num">(\d+)<\/td>/.exec(body)?.[1] ?? '0';
  t.equal(count((await c.get('/dashboard')).body), '0');
  const m = await addMember(em(), {
    familyName: '北村',
    givenName: '一',
    familyKana: 'キタムラ',
    givenKana: 'ハジメ',
    prefecture: '大阪府',
  });
  t.equal(count((await c.get('/dashboard')).body), '1', 'a new member counts on the next request');
  t.equal(count((await c.get('/dashboard')).body), '1');
  await em().nativeUpdate(Member, { id: m.id }, { prefecture: '京都府' });
  t.equal(count((await c.get('/dashboard')).body), '0', 'a raw update shows too');
});
