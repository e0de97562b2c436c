import t from 'tap';
import { dataVersion, writeTarget, writeVersions } from '../../src/db/data-version.js';
import { withActor } from '../../src/db/actor.js';
import { insertRows } from '../../src/db/batch-write.js';
import { Interaction } from '../../src/supporters/interaction.entity.js';
import { onPostgres } from '../../src/db/write-lock.js';
import { createInteraction } from '../../src/supporters/interactions.service.js';
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

t.test('the table a statement writes is read from its start; anything unclear counts for every table', async (t) => {
  const cases: [string, string | null][] = [
    ['select * from member', null],
    ['  SELECT count(*) from invoice', null],
    ['pragma data_version', null],
    ['BEGIN;', null],
    ['commit', null],
    ['rollback', null],
    ['savepoint trx1', null],
    ['release savepoint trx1', null],
    ['insert into `audit_log` (`a`, `b`) values (?, ?)', 'audit_log'],
    ['insert into audit_log(a) values (1)', 'audit_log'],
    ['insert or ignore into "staff_session" ("id") values (?)', 'staff_session'],
    ['replace into setting (key) values (?)', 'setting'],
    ['update `member` set `status` = ? where `id` = ?', 'member'],
    ['UPDATE invoice AS i SET paid_amount = v.p FROM (VALUES (1, 2)) v(id, p)', 'invoice'],
    ['update or abort payment set fee = 0', 'payment'],
    ['delete from `interaction` where `id` in (?)', 'interaction'],
    ['with x as (select 1) update member set status = 1', '*'],
    ['create table t (id int)', '*'],
    ['drop table member', '*'],
    ['vacuum', '*'],
  ];
  for (const [sql, table] of cases) t.equal(writeTarget(sql), table, sql);
});

const note = (followUpDue: string | null) => ({
  occurredOn: '2026-05-01',
  occurredTime: null,
  staffId: null,
  channel: '電話' as const,
  summary: '会費の件',
  content: null,
  gift: null,
  giftThankedOn: null,
  followUp: followUpDue ? '折り返し' : null,
  followUpDue,
  followUpDone: false,
});
const asTest = <T>(fn: () => Promise<T>) => withActor({ staffId: null, name: 'test' }, fn);

t.test('a version that ignores some tables stays through their writes and moves with any other', async (t) => {
  const { em } = await build(t);
  const m = await addMember(em(), { familyName: '北村', givenName: '一', familyKana: 'キタムラ', givenKana: 'ハジメ' });
  const ignore = ['interaction', 'audit_log'];
  const v1 = await writeVersions(em());
  await asTest(() => createInteraction(em(), m.id, note(null)));
  const v2 = await writeVersions(em());
  if (onPostgres(em())) {
    // PostgreSQL: the whole-database snapshot, for both kinds.
    t.not(v2.except(ignore), v1.except(ignore), 'any write moves it on PostgreSQL');
    return;
  }
  t.equal(v2.except(ignore), v1.except(ignore), 'a note and its change-log row keep it');
  t.not(v2.of(['interaction']), v1.of(['interaction']), 'a version of the notes alone moves');
  t.equal(v2.of(['member']), v1.of(['member']), 'a version of the members alone stays');
  await em().nativeUpdate(Member, { id: m.id }, { prefecture: '京都府' });
  const v3 = await writeVersions(em());
  t.not(v3.except(ignore), v2.except(ignore), 'a member update moves it');
  t.not(v3.of(['member']), v2.of(['member']));
  t.equal(v3.of(['interaction']), v2.of(['interaction']));
  await em().execute('create table scratch_t (id integer)');
  const v4 = await writeVersions(em());
  t.not(v4.of(['interaction']), v3.of(['interaction']), 'a statement that cannot be read moves every version');
  t.not(v4.except(ignore), v3.except(ignore));
});

t.test('on the dashboard a note recomputes only the follow-ups; a member recomputes the charts', async (t) => {
  const { app, em, orm } = await build(t);
  const c = await loggedIn(app, 'viewer');
  const m = await addMember(em(), {
    familyName: '北村',
    givenName: '一',
    familyKana: 'キタムラ',
    givenKana: 'ハジメ',
    prefecture: '大阪府',
  });
  let chartRuns = 0;
  orm.em.getKnex().on('query', (q: { sql?: string }) => {
    if (/group by prefecture/.test(q.sql ?? '')) chartRuns++;
  });
  const follow = (body: string) => /class="n-follow">[^<]*<strong>(\d+)<\/strong>/.exec(body)?.[1];
  t.equal(follow((await c.get('/dashboard')).body), '0');
  t.equal(chartRuns, 1);
  await asTest(() => createInteraction(em(), m.id, note('2020-01-01')));
  t.equal(follow((await c.get('/dashboard')).body), '1', 'the new follow-up shows at once');
  if (!onPostgres(em())) t.equal(chartRuns, 1, 'the charts were not recomputed for a note');
  await addMember(em(), {
    familyName: '南田',
    givenName: '二',
    familyKana: 'ミナミダ',
    givenKana: 'ジ',
    prefecture: '大阪府',
  });
  const body = (await c.get('/dashboard')).body;
  t.equal(
    /<th scope="row">大阪府<\/th><td class="num">(\d+)<\/td>/.exec(body)?.[1],
    '2',
    'a new member counts at once',
  );
  t.equal(chartRuns, onPostgres(em()) ? 3 : 2);
});

t.test('a batch write sent past knex moves the versions of its table too', async (t) => {
  const { em } = await build(t);
  const m = await addMember(em(), { familyName: '北村', givenName: '一', familyKana: 'キタムラ', givenKana: 'ハジメ' });
  if (onPostgres(em())) {
    t.pass('PostgreSQL keeps the whole-database snapshot');
    return;
  }
  const before = await writeVersions(em());
  await asTest(() =>
    em().transactional((tx) =>
      insertRows(tx, Interaction, [{ member: m.id, occurredOn: '2026-05-01', channel: '電話', summary: '一括' }]),
    ),
  );
  const after = await writeVersions(em());
  t.not(after.of(['interaction']), before.of(['interaction']), 'the notes version moved');
  t.not(after.except(['audit_log']), before.except(['audit_log']));
  t.equal(after.except(['interaction', 'audit_log']), before.except(['interaction', 'audit_log']), 'no other table');
});
