import t from 'tap';
import { memberPageReads } from '../../src/members/member-page.js';
import { staffChoices } from '../../src/supporters/interactions.service.js';
import { listItems } from '../../src/supporters/lists.service.js';
import { withActor } from '../../src/db/actor.js';
import { createStaff } from '../../src/staff/staff.service.js';
import { build, loggedIn, PASSWORD, statements } from '../helper.js';
import { addMember } from '../supporters/fixtures.js';

t.test('a read asked twice on one member page runs once, and a new page reads again', async (t) => {
  let runs = 0;
  const page = memberPageReads();
  const load = async () => ++runs;
  t.same(await Promise.all([page.once('a', load), page.once('a', load)]), [1, 1]);
  t.equal(await page.once('b', load), 2, 'another key is its own read');
  t.equal(await memberPageReads().once('a', load), 3, 'a new page does not reuse the last one');
});

t.test('the member page sends no statement twice (sections and timeline share their reads)', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const m = await addMember(em(), { familyName: '北村', givenName: '一', familyKana: 'キタムラ', givenKana: 'ハジメ' });
  await c.get(`/members/${m.id}`);
  let res!: Awaited<ReturnType<typeof c.get>>;
  const sent = await statements(app, async () => {
    res = await c.get(`/members/${m.id}`);
  });
  t.equal(res.statusCode, 200);
  t.match(res.body, '北村');
  const twice = sent.filter((s, i) => sent.indexOf(s) !== i);
  t.same(twice, [], 'no statement repeated');
  const reads = (table: string) => sent.filter((s) => new RegExp(`from [\`"]?${table}[\`"]? `).test(s)).length;
  // Each was read by both its section and its timeline source before they shared a read.
  for (const table of ['receipt', 'donation_certificate', 'member_role', 'participation'])
    t.equal(reads(table), 1, `${table} read once`);
  t.equal(sent.filter((s) => /from [`"]?invoice[`"]? as/.test(s)).length, 1, 'the invoice list read once');
});

t.test('the member page offers the same 担当 and 役割 choices, in the same order, as the other forms', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'admin');
  for (const [loginId, displayName] of [
    ['watanabe', '渡辺'],
    ['aoki', '青木'],
    ['zed', 'Zed'],
  ])
    await withActor({ staffId: null, name: 'test' }, () =>
      createStaff(em(), { loginId, displayName, password: PASSWORD, role: 'staff' }),
    );
  const m = await addMember(em(), { familyName: '北村', givenName: '一', familyKana: 'キタムラ', givenKana: 'ハジメ' });
  const body = (await c.get(`/members/${m.id}`)).body;
  const options = (name: string) => {
    const select = new RegExp(`<select name="${name}">([\\s\\S]*?)</select>`).exec(body)?.[1] ?? '';
    return [...select.matchAll(/<option value="(\d+)"[^>]*>([^<]*)</g)].map((o) => [Number(o[1]), o[2]]);
  };
  const staff = (await staffChoices(em())).map((s) => [s.id, s.displayName]);
  t.ok(staff.length >= 4);
  t.same(options('staffId'), staff, '担当: active staff by name');
  const roles = (await listItems(em(), 'roles', true)).map((r) => [r.id, r.name]);
  t.ok(roles.length > 1);
  t.same(options('roleId'), roles, '役割: active role kinds in list order');
});
