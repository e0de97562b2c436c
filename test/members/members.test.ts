import t from 'tap';
import { AuditLog } from '../../src/audit/audit-log.entity.js';
import { Member } from '../../src/members/member.entity.js';
import { build, loggedIn, type Client } from '../helper.js';

const base = { kind: 'individual', memberTypeId: '1', mailPreference: 'post' };

async function create(c: Client, form: Record<string, string>) {
  return c.post('/members', { ...base, ...form });
}

t.test('a new member is saved with normalised input and the next member number', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const res = await create(c, {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'やまだ',
    givenKana: 'ﾀﾛｳ',
    postalCode: '〒１６０－００２２',
    prefecture: '東京都',
    city: '新宿区',
    address1: '新宿１－２－３',
    phone: '０３（１２３４）５６７８',
    mobile: '090 1234 5678',
    email: 'Taro@Example.JP',
    birthDate: '昭和55年4月1日',
  });
  t.equal(res.statusCode, 303);
  const m = await em().findOneOrFail(Member, { familyName: '山田' });
  t.equal(m.memberNo, 1);
  t.equal(m.familyKana, 'ヤマダ', 'hiragana → katakana');
  t.equal(m.givenKana, 'タロウ', 'half-width kana → full-width');
  t.equal(m.postalCode, '160-0022');
  t.equal(m.phone, '03-1234-5678');
  t.equal(m.mobile, '090-1234-5678');
  t.equal(m.address1, '新宿1-2-3', 'full-width digits → ASCII');
  t.match(m.email, /^taro@example\.jp$/i);
  t.equal(m.birthDate, '1980-04-01');
  t.equal(m.status, 'active');
  t.ok(m.joinedOn, 'joined today by default');
  await create(c, { familyName: '佐藤', familyKana: 'サトウ' });
  t.equal((await em().findOneOrFail(Member, { familyName: '佐藤' })).memberNo, 2);
});

t.test('invalid postal code, e-mail and kana give 422 with field errors and save nothing', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const res = await create(c, {
    familyName: '山田',
    familyKana: 'Yamada',
    postalCode: '123-45',
    email: 'taro@',
    phone: '12345',
  });
  t.equal(res.statusCode, 422);
  t.match(res.body, '郵便番号は7桁の数字で入力してください');
  t.match(res.body, 'メールアドレスの形式が正しくありません');
  t.match(res.body, 'フリガナはカタカナまたはひらがなで入力してください');
  t.match(res.body, '電話番号は');
  t.match(res.body, 'value="山田"', 'the form keeps what was typed');
  t.equal(await em().count(Member, {}), 0);
  const missing = await create(c, { familyName: '', familyKana: '' });
  t.equal(missing.statusCode, 422);
  t.match(missing.body, '氏名（姓）を入力してください');
});

t.test('a given member number is kept; a used one is refused and never reused', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  t.equal((await create(c, { memberNo: '１０２４', familyName: '鈴木', familyKana: 'スズキ' })).statusCode, 303);
  const dup = await create(c, { memberNo: '1024', familyName: '高橋', familyKana: 'タカハシ' });
  t.equal(dup.statusCode, 422);
  t.match(dup.body, '会員番号 1024 は既に使われています');
  const suzuki = await em().findOneOrFail(Member, { memberNo: 1024 });
  await c.post(`/members/${suzuki.id}/withdraw`, { reason: '転居' });
  await create(c, { familyName: '高橋', familyKana: 'タカハシ' });
  t.equal(
    (await em().findOneOrFail(Member, { familyName: '高橋' })).memberNo,
    1025,
    'the next number follows the highest, withdrawn or not',
  );
});

t.test('an organisation member needs 団体名 and gets 御中', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const res = await create(c, {
    kind: 'organization',
    orgName: '株式会社みどり商事',
    orgKana: 'みどりしょうじ',
    contactPerson: '緑 一郎',
  });
  t.equal(res.statusCode, 303);
  const m = await em().findOneOrFail(Member, { orgName: '株式会社みどり商事' });
  t.equal(m.orgKana, 'ミドリショウジ');
  t.equal(m.familyName, null);
  const page = await c.get(`/members/${m.id}`);
  t.match(page.body, '御中');
});

t.test(
  'quick search finds a member by hiragana, half-width kana, partial kana, phone digits, number, e-mail and name',
  async (t) => {
    const { app } = await build(t);
    const c = await loggedIn(app, 'staff');
    await create(c, {
      familyName: '山田',
      givenName: '太郎',
      familyKana: 'ヤマダ',
      givenKana: 'タロウ',
      phone: '03-1234-5678',
      email: 'taro@example.jp',
      memberNo: '77',
    });
    await create(c, {
      familyName: '山本',
      givenName: '花子',
      familyKana: 'ヤマモト',
      givenKana: 'ハナコ',
      mobile: '080-9999-0000',
    });
    const find = async (q: string) => {
      const res = await c.get('/members?q=' + encodeURIComponent(q));
      t.equal(res.statusCode, 200);
      return res.body;
    };
    for (const q of [
      'やまだ',
      'ﾔﾏﾀﾞ',
      'ヤマダ タロウ',
      'やまだたろう',
      'ﾀﾛｳ',
      '0312345678',
      '(03)1234-5678',
      '５６７８',
      '77',
      'taro@example',
      '山田',
      '山田 太郎',
    ]) {
      const body = await find(q);
      t.match(body, '山田 太郎</a>', `finds 山田 by ${q}`);
      t.notMatch(body, '山本 花子</a>', `not 山本 for ${q}`);
    }
    t.match(await find('やま'), '山本 花子</a>', 'partial kana matches both');
    t.match(await find('9999'), '山本 花子</a>');
    t.match(await find('存在しない人'), '該当する会員はいません');
    const jump = await c.get('/members?jump=1&q=' + encodeURIComponent('ﾔﾏﾓﾄ'));
    t.equal(jump.statusCode, 302, 'the header search jumps straight to a single hit');
  },
);

t.test('the list is sorted by フリガナ (あいうえお順) and paged', async (t) => {
  const { app } = await build(t);
  const c = await loggedIn(app, 'staff');
  for (const [name, kana] of [
    ['渡辺', 'ワタナベ'],
    ['伊藤', 'イトウ'],
    ['青木', 'アオキ'],
    ['加藤', 'カトウ'],
  ]) {
    await create(c, { familyName: name!, familyKana: kana! });
  }
  const body = (await c.get('/members')).body;
  const order = ['青木', '伊藤', '加藤', '渡辺'].map((n) => body.indexOf(`${n}</a>`));
  t.same(
    [...order].sort((a, b) => a - b),
    order,
    'アオキ, イトウ, カトウ, ワタナベ',
  );
  t.ok(order.every((i) => i > 0));
});

t.test('editing a member is audited with before and after values', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  await create(c, { familyName: '山田', familyKana: 'ヤマダ', city: '新宿区' });
  const m = await em().findOneOrFail(Member, { familyName: '山田' });
  const edit = await c.get(`/members/${m.id}/edit`);
  t.match(edit.body, 'value="新宿区"');
  const res = await c.post(`/members/${m.id}`, {
    ...base,
    familyName: '山田',
    familyKana: 'ヤマダ',
    city: '渋谷区',
    phone: '0311112222',
  });
  t.equal(res.statusCode, 303);
  const logs = await em().find(AuditLog, { entityName: 'Member', entityId: String(m.id) }, { orderBy: { id: 'asc' } });
  t.equal(logs.length, 2);
  t.equal(logs[0]!.action, 'create');
  t.equal(logs[1]!.action, 'update');
  t.same(logs[1]!.changes.city, ['新宿区', '渋谷区']);
  t.same(logs[1]!.changes.phone, [null, '03-1111-2222']);
  t.match(logs[1]!.actorName, 'staffさん');
  t.notOk('familyName' in logs[1]!.changes, 'unchanged fields are not logged');
  const page = await c.get(`/members/${m.id}`);
  t.match(page.body, '新宿区</span> → <span class="after">渋谷区', 'the member page shows its change history');
  const bad = await c.post(`/members/${m.id}`, { ...base, familyName: '山田', familyKana: 'ヤマダ', email: 'bad' });
  t.equal(bad.statusCode, 422);
  t.equal(await em().count(AuditLog, { entityName: 'Member' }), 2, 'a refused edit logs nothing');
});

t.test('withdrawal is reversible, audited, and never deletes the member', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  await create(c, { familyName: '田中', familyKana: 'タナカ' });
  const m = await em().findOneOrFail(Member, { familyName: '田中' });
  t.equal(
    (await c.post(`/members/${m.id}/withdraw`, { withdrawnOn: '2026/11/30', reason: '転居のため' })).statusCode,
    303,
  );
  let after = await em().findOneOrFail(Member, { id: m.id });
  t.equal(after.status, 'withdrawn');
  t.equal(after.withdrawnOn, '2026-11-30');
  t.notMatch((await c.get('/members')).body, '田中</a>', 'withdrawn members leave the default list');
  t.match((await c.get('/members?status=withdrawn')).body, '田中</a>');
  t.match((await c.get('/members?q=たなか')).body, '田中</a>', 'quick search still finds them');
  t.equal((await c.post(`/members/${m.id}/withdraw`, {})).statusCode, 409);
  t.equal((await c.post(`/members/${m.id}/readmit`, {})).statusCode, 303);
  after = await em().findOneOrFail(Member, { id: m.id });
  t.equal(after.status, 'active');
  t.equal(after.withdrawnOn, null);
  const actions = (
    await em().find(AuditLog, { entityName: 'Member', entityId: String(m.id) }, { orderBy: { id: 'asc' } })
  ).map((l) => l.action);
  t.same(actions, ['create', 'withdraw', 'readmit']);
  const admin = await loggedIn(app, 'admin');
  const log = await admin.get('/audit?entity=Member');
  t.match(log.body, '退会');
  t.match(log.body, '再入会');
});

t.test('creating a possible duplicate warns first and saves only when confirmed', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  await create(c, {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'ヤマダ',
    givenKana: 'タロウ',
    birthDate: '1980-04-01',
  });
  const form = {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'やまだ',
    givenKana: 'たろう',
    birthDate: '1980/4/1',
  };
  const warn = await create(c, form);
  t.equal(warn.statusCode, 409);
  t.match(warn.body, '同じ人がすでに登録されている可能性があります');
  t.match(warn.body, '会員番号 1 山田 太郎');
  t.equal(await em().count(Member, {}), 1);
  const ok = await create(c, { ...form, confirmDuplicate: '1' });
  t.equal(ok.statusCode, 303);
  t.equal(await em().count(Member, {}), 2);
  const differentPerson = await create(c, {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'ヤマダ',
    givenKana: 'タロウ',
    birthDate: '1990-01-01',
  });
  t.equal(differentPerson.statusCode, 303, 'same name but different birth date and phone is not flagged');
});

t.test('admins edit member types and their fees; staff cannot', async (t) => {
  const { app } = await build(t);
  const admin = await loggedIn(app, 'admin');
  const page = await admin.get('/member-types');
  for (const n of ['正会員', '賛助会員', '学生会員']) t.match(page.body, n, `${n} is seeded`);
  t.equal(
    (
      await admin.post('/member-types', {
        name: '団体会員',
        annualFee: '１０,０００',
        forOrganizations: '1',
        sortOrder: '4',
      })
    ).statusCode,
    303,
  );
  t.match((await admin.get('/member-types')).body, 'value="10000"');
  const bad = await admin.post('/member-types', { name: '', annualFee: '-5' });
  t.equal(bad.statusCode, 422);
  const staff = await loggedIn(app, 'staff');
  t.equal((await staff.post('/member-types/1', { name: '正会員', annualFee: '1' })).statusCode, 403);
});
