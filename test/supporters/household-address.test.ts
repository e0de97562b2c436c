import t from 'tap';
import { Member } from '../../src/members/member.entity.js';
import { build, loggedIn } from '../helper.js';
import { addMember } from './fixtures.js';

const tokyo = { postalCode: '160-0022', prefecture: '東京都', city: '新宿区' };

t.test('a family member whose address was typed with ー as the dash gets no 住所が違う家族 warning', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const head = await addMember(em(), {
    familyName: '森',
    givenName: '誠',
    familyKana: 'モリ',
    givenKana: 'マコト',
    ...tokyo,
    address1: '新宿1-2-3',
  });
  const wife = await addMember(em(), {
    familyName: '森',
    givenName: '由美',
    familyKana: 'モリ',
    givenKana: 'ユミ',
    ...tokyo,
    address1: '新宿１ー２ー３',
  });
  t.equal((await em().findOneOrFail(Member, { id: wife.id })).address1, '新宿1-2-3', 'stored in the same form');
  await c.post(`/members/${head.id}/family`, { memberNo: String(wife.memberNo), relation: '配偶者' });
  const hid = (await em().findOneOrFail(Member, { id: head.id })).householdId!;
  t.notMatch((await c.get(`/members/${head.id}`)).body, '住所が違う家族');
  t.notMatch((await c.get(`/households/${hid}`)).body, '世帯主と違う住所');

  // An address stored before the rule (written directly) is compared in normalised form too.
  await em().nativeUpdate(Member, { id: wife.id }, { address1: '新宿１−２ｰ３' });
  t.notMatch((await c.get(`/members/${head.id}`)).body, '住所が違う家族');

  // A really different address still warns.
  await em().nativeUpdate(Member, { id: wife.id }, { address1: '新宿1-2-4' });
  t.match((await c.get(`/members/${head.id}`)).body, '世帯主と住所が違う家族が 1 人います');
});
