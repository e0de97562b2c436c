import t from 'tap';
import { Member } from '../../src/members/member.entity.js';
import { Household } from '../../src/supporters/household.entity.js';
import { jointName, jointNameLines } from '../../src/supporters/joint-name.js';
import { mailingUnits } from '../../src/supporters/mailing-units.js';
import { build, loggedIn } from '../helper.js';
import { addMember } from './fixtures.js';

const address = { postalCode: '160-0022', prefecture: '東京都', city: '新宿区', address1: '新宿1-2-3' };

t.test('jointNameLines puts the 世帯主 first and shortens a shared family name (連名)', async (t) => {
  const taro = { memberNo: 2, familyName: '山田', givenName: '太郎', householdRelation: '世帯主' };
  const hanako = { memberNo: 1, familyName: '山田', givenName: '花子', householdRelation: '配偶者' };
  const ken = { memberNo: 3, familyName: '佐藤', givenName: '健', householdRelation: '子' };
  t.same(jointNameLines([hanako, taro]), ['山田 太郎 様', '花子 様']);
  t.same(
    jointNameLines([ken, hanako, taro]),
    ['山田 太郎 様', '花子 様', '佐藤 健 様'],
    'a different family name is written in full',
  );
  t.equal(jointName([hanako, taro]), '山田 太郎 様 / 花子 様');
  t.equal(jointName([hanako, taro], '山田ご夫妻 様'), '山田ご夫妻 様', 'a label name set by the office wins');
});

t.test('adding a family member creates a household with this member as 世帯主 and shows the joint name', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const taro = await addMember(em(), {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'ヤマダ',
    givenKana: 'タロウ',
    ...address,
  });
  const hanako = await addMember(em(), {
    familyName: '山田',
    givenName: '花子',
    familyKana: 'ヤマダ',
    givenKana: 'ハナコ',
    ...address,
  });
  const res = await c.post(`/members/${taro.id}/family`, { memberNo: String(hanako.memberNo), relation: '配偶者' });
  t.equal(res.statusCode, 303);
  const [a, b] = [
    await em().findOneOrFail(Member, { id: taro.id }),
    await em().findOneOrFail(Member, { id: hanako.id }),
  ];
  t.ok(a.householdId);
  t.equal(a.householdId, b.householdId, 'both point at the same household (member.householdId is a number)');
  t.equal(a.householdRelation, '世帯主');
  t.equal(b.householdRelation, '配偶者');
  const page = (await c.get(`/members/${hanako.id}`)).body;
  t.match(page, '山田 太郎 様 / 花子 様');
  t.match(page, '（郵便物は1通にまとめる）');
  const hh = await c.get(`/households/${a.householdId}`);
  t.equal(hh.statusCode, 200);
  t.match(hh.body, '世帯：山田 太郎 様 / 花子 様');
});

t.test('a member in another household, an unknown number or oneself cannot be added', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const [a, b, x, y] = [
    await addMember(em(), { familyName: '青木', familyKana: 'アオキ' }),
    await addMember(em(), { familyName: '青木', givenName: '二郎', familyKana: 'アオキ', givenKana: 'ジロウ' }),
    await addMember(em(), { familyName: '伊藤', familyKana: 'イトウ' }),
    await addMember(em(), { familyName: '伊藤', givenName: '三郎', familyKana: 'イトウ', givenKana: 'サブロウ' }),
  ];
  await c.post(`/members/${a.id}/family`, { memberNo: String(b.memberNo), relation: '子' });
  await c.post(`/members/${x.id}/family`, { memberNo: String(y.memberNo), relation: '子' });
  const taken = await c.post(`/members/${a.id}/family`, { memberNo: String(y.memberNo), relation: '子' });
  t.equal(taken.statusCode, 409);
  t.match(taken.body, `会員番号 ${y.memberNo} はすでに別の世帯に入っています`);
  t.equal((await c.post(`/members/${a.id}/family`, { memberNo: '9999', relation: '子' })).statusCode, 422);
  t.equal((await c.post(`/members/${a.id}/family`, { memberNo: String(a.memberNo), relation: '子' })).statusCode, 422);
  t.equal(
    (await c.post(`/members/${a.id}/family`, { memberNo: String(x.memberNo), relation: '兄弟' })).statusCode,
    422,
    'relations are a fixed list',
  );
  t.equal(await em().count(Household, {}), 2);
});

t.test('the household page sets relations, label name and sharing; two 世帯主 are refused', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const a = await addMember(em(), { familyName: '上田', givenName: '一', familyKana: 'ウエダ', givenKana: 'ハジメ' });
  const b = await addMember(em(), { familyName: '上田', givenName: '恵', familyKana: 'ウエダ', givenKana: 'メグミ' });
  await c.post(`/members/${a.id}/family`, { memberNo: String(b.memberNo), relation: '配偶者' });
  const hid = (await em().findOneOrFail(Member, { id: a.id })).householdId!;
  const twoHeads = await c.post(`/households/${hid}`, {
    [`relation_${a.id}`]: '世帯主',
    [`relation_${b.id}`]: '世帯主',
    sharesAddress: '1',
  });
  t.equal(twoHeads.statusCode, 422);
  t.match(twoHeads.body, '世帯主は一人だけにしてください');
  t.equal(
    (
      await c.post(`/households/${hid}`, {
        [`relation_${a.id}`]: '配偶者',
        [`relation_${b.id}`]: '世帯主',
        labelName: '上田 恵 様・一 様',
      })
    ).statusCode,
    303,
  );
  const h = await em().findOneOrFail(Household, { id: hid });
  t.equal(h.sharesAddress, false, 'unticked: separate mail');
  t.equal(h.labelName, '上田 恵 様・一 様');
  t.equal((await em().findOneOrFail(Member, { id: b.id })).householdRelation, '世帯主');
});

t.test(
  'aligning addresses copies the 世帯主 address to the family; removing one of two dissolves the household',
  async (t) => {
    const { app, em } = await build(t);
    const c = await loggedIn(app, 'staff');
    const a = await addMember(em(), {
      familyName: '森',
      givenName: '誠',
      familyKana: 'モリ',
      givenKana: 'マコト',
      ...address,
    });
    const b = await addMember(em(), {
      familyName: '森',
      givenName: '由美',
      familyKana: 'モリ',
      givenKana: 'ユミ',
      postalCode: '530-0001',
      prefecture: '大阪府',
      city: '大阪市北区',
      address1: '梅田1-1',
    });
    await c.post(`/members/${a.id}/family`, { memberNo: String(b.memberNo), relation: '配偶者' });
    const hid = (await em().findOneOrFail(Member, { id: a.id })).householdId!;
    t.match((await c.get(`/members/${a.id}`)).body, '世帯主と住所が違う家族が 1 人います');
    t.equal((await c.post(`/households/${hid}/align-addresses`)).statusCode, 303);
    const moved = await em().findOneOrFail(Member, { id: b.id });
    t.same(
      [moved.postalCode, moved.prefecture, moved.city, moved.address1],
      ['160-0022', '東京都', '新宿区', '新宿1-2-3'],
    );
    t.equal((await c.post(`/households/${hid}/remove`, { memberId: String(b.id) })).statusCode, 303);
    t.equal(await em().count(Household, {}), 0, 'a household of one is dissolved');
    t.equal((await em().findOneOrFail(Member, { id: a.id })).householdId, null);
  },
);

t.test('mailingUnits puts an address-sharing household on one label in 連名 at the 世帯主 address', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const taro = await addMember(em(), {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'ヤマダ',
    givenKana: 'タロウ',
    ...address,
  });
  const hanako = await addMember(em(), {
    familyName: '山田',
    givenName: '花子',
    familyKana: 'ヤマダ',
    givenKana: 'ハナコ',
  });
  const solo = await addMember(em(), { familyName: '佐藤', givenName: '健', familyKana: 'サトウ', givenKana: 'ケン' });
  await c.post(`/members/${taro.id}/family`, { memberNo: String(hanako.memberNo), relation: '配偶者' });
  const recipients = await em().find(Member, {}, { orderBy: { memberNo: 'desc' } });
  const units = await mailingUnits(em(), recipients);
  t.equal(units.length, 2, 'two labels instead of three');
  const family = units.find((u) => u.members.length === 2)!;
  t.same(family.nameLines, ['山田 太郎 様', '花子 様']);
  t.equal(family.addressee.id, taro.id, "the 世帯主's address");
  t.same(units.find((u) => u.members.length === 1)!.nameLines, ['佐藤 健 様']);
  t.ok(solo);
  const hid = (await em().findOneOrFail(Member, { id: taro.id })).householdId!;
  await c.post(`/households/${hid}`, { [`relation_${taro.id}`]: '世帯主', [`relation_${hanako.id}`]: '配偶者' });
  t.equal(
    (await mailingUnits(em(), recipients)).length,
    3,
    'a household that does not share its address gets separate labels',
  );
});
