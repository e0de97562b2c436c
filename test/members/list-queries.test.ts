import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { onPostgres } from '../../src/db/write-lock.js';
import { MemberType } from '../../src/members/member-type.entity.js';
import { searchIndexFor } from '../../src/members/member-search-index.js';
import { build, loggedIn, type Client, statements } from '../helper.js';

const base = { kind: 'individual', memberTypeId: '1', mailPreference: 'post' };

async function addMember(c: Client, familyName: string, familyKana: string) {
  const res = await c.post('/members', { ...base, familyName, familyKana });
  if (res.statusCode !== 303) throw new Error(`member not created: ${res.statusCode}`);
}

t.test(
  'a warm member list request runs one SQL statement on SQLite (rows; the session is kept), two on PostgreSQL, and still shows the dues badge',
  async (t) => {
    const { app } = await build(t);
    const c = await loggedIn(app, 'admin');
    await addMember(c, '山田', 'ヤマダ');
    await addMember(c, '佐藤', 'サトウ');
    t.equal((await c.post('/dues/runs', { year: '2026', issuedOn: '2026-04-10' })).statusCode, 303);
    await c.get('/members'); // warm-up: settings, member types
    let body = '';
    const sql = await statements(app, async () => {
      const res = await c.get('/members');
      t.equal(res.statusCode, 200);
      body = res.body;
    });
    // SQLite: the session row read a moment ago is kept (sessions.service SESSION_TRUST_MS).
    const perPage = onPostgres(app.orm.em.fork()) ? 2 : 1;
    t.equal(sql.length, perPage, `statements: ${sql.join(' ;; ')}`);
    t.match(sql.at(-1), /pragma_data_version|max\(id\)/, 'the rows query reads the database version with the rows');
    t.match(sql.at(-1), /invoice/, 'and the dues badge column');
    t.match(body, /badge unpaid"[^>]*>未納</, 'one open year shows 未納');
    t.match(body, '山田');

    const search = await statements(app, () => c.get('/members?q=%E3%83%A4%E3%83%9E%E3%83%80'));
    t.equal(search.length, perPage, 'a search too');
    const none = await statements(app, async () => {
      const res = await c.get('/members?q=%E3%83%B2%E3%83%B2%E3%83%B2');
      t.match(res.body, /0/);
    });
    t.equal(none.length, perPage, 'a search without hits reads only the version');
  },
);

t.test('a member type renamed or a member added in this process shows in the next list at once', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'admin');
  await addMember(c, '山田', 'ヤマダ');
  t.match((await c.get('/members')).body, '正会員');
  const tx = em();
  const type = await tx.findOneOrFail(MemberType, { name: '正会員' });
  type.name = '普通会員';
  await tx.flush();
  const list = await c.get('/members');
  t.match(list.body, '普通会員', 'the renamed type in the rows and the type filter');
  t.notMatch(list.body, '正会員');
  t.notMatch((await c.get('/members?q=%E3%81%8D%E3%82%80')).body, '木村', 'a search for きむ finds nobody yet');
  await addMember(c, '木村', 'キムラ');
  t.match((await c.get('/members')).body, '木村', 'a member saved through the app');
  t.match((await c.get('/members?q=%E3%81%8D%E3%82%80')).body, '木村', 'the same search again finds the new member');
});

t.test('a repeated search is answered by the index from memory, and a write makes it search again', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'admin');
  await addMember(c, '加藤', 'カトウ');
  const index = searchIndexFor(app.orm.em.getMetadata());
  await index.ensureFresh(em());
  const q = { kana: 'カト' };
  const first = index.search(q);
  t.equal(first.length, 1);
  t.equal(index.search(q), first, 'the same answer object: not searched again');
  t.not(index.search({ kana: 'カト', status: 'active' }), first, 'another filter is its own query');
  await addMember(c, '加東', 'カトウ');
  await index.ensureFresh(em());
  t.equal(index.search(q).length, 2, 'after a write the index is rebuilt and searched again');
});

t.test('a member written by raw SQL from another connection shows in the next search (SQLite file)', async (t) => {
  if (process.env.ENISHI_TEST_DATABASE_URL) {
    t.pass('SQLite data_version only');
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'enishi-list-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig(
    {},
    { dataDir, databaseUrl: '', secret: randomBytes(8).toString('hex'), logLevel: 'silent' },
  );
  const orm = await openOrm(config);
  const app = await buildApp(config, { orm, logger: false });
  await app.ready();
  t.teardown(async () => {
    await app.close();
    await orm.close(true);
  });
  const c = await loggedIn(app, 'admin');
  await addMember(c, '山田', 'ヤマダ');
  t.notMatch((await c.get('/members?q=%E3%83%9B%E3%82%B7%E3%83%8E')).body, '星野', 'not there yet');

  const other = await openOrm(config, { migrate: false });
  t.teardown(() => other.close(true));
  const now = new Date().toISOString();
  await other.em.getConnection().execute(
    `insert into member (member_no, kind, family_name, family_kana, kana_key, name_key, phone_digits, status,
       member_type_id, mail_preference, address_unknown, joined_on, created_at, updated_at)
     values (900, 'individual', '星野', 'ホシノ', 'ホシノ', '星野', '', 'active', 1, 'post', 0, '2020-04-01', ?, ?)`,
    [now, now],
  );
  const found = await c.get('/members?q=%E3%83%9B%E3%82%B7%E3%83%8E');
  t.match(found.body, '星野', 'found after the other connection committed');
  t.match((await c.get('/members')).body, '星野', 'and on the plain list');
});

t.test('the search index is built when the app is ready, before the first request', async (t) => {
  const { app } = await build(t);
  const index = searchIndexFor(app.orm.em.getMetadata());
  for (let i = 0; i < 50 && !index.builtForChanges; i++) await new Promise((r) => setTimeout(r, 20));
  t.ok(index.builtForChanges, 'built in the background at ready');
});
