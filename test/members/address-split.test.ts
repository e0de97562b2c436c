import t from 'tap';
import { type IMember, Member } from '../../src/members/member.entity.js';
import { build, loggedIn, type Client } from '../helper.js';
import { multipart } from '../supporters/fixtures.js';

const ADDRESSES = [
  '東京都新宿区新宿1-2-3',
  '北海道札幌市中央区北1条西2-1',
  '京都府京都市左京区下鴨半木町1',
  '大阪府堺市堺区南瓦町3-1',
  '長野県北佐久郡軽井沢町軽井沢1',
  '千葉県市川市八幡1-1-1',
  '三重県四日市市諏訪町1-5',
  '新宿区新宿1-2-3',
];

async function importCsv(c: Client, csv: string) {
  if (!c.csrf) await c.get('/members/import');
  const { payload, headers } = multipart('members.csv', Buffer.from(csv), 'file', { _csrf: c.csrf });
  const up = await c.request({
    method: 'POST',
    url: '/members/import',
    payload,
    headers,
  });
  const url = up.headers.location as string;
  const preview = await c.get(url);
  const fingerprint = /name="fingerprint" value="([^"]+)"/.exec(preview.body)![1]!;
  return c.post(`${url}/commit`, { fingerprint });
}

t.test(
  'the member form and the member import split the same 住所1 into the same prefecture, city and street',
  async (t) => {
    const { app, em } = await build(t);
    const c = await loggedIn(app, 'staff');
    for (const [i, address1] of ADDRESSES.entries()) {
      const res = await c.post('/members', {
        kind: 'individual',
        memberTypeId: '1',
        mailPreference: 'post',
        memberNo: String(100 + i),
        familyName: '山田',
        familyKana: 'ヤマダ',
        prefecture: '',
        city: '',
        address1,
      });
      t.equal(res.statusCode, 303, address1);
    }
    const rows = ADDRESSES.map((a, i) => `${200 + i},佐藤 花子,サトウ ハナコ,正会員,${a}`).join('\n');
    t.equal((await importCsv(c, `会員番号,氏名,フリガナ,会員種別,住所1\n${rows}\n`)).statusCode, 303);
    const parts = (m: IMember) => [m.prefecture, m.city, m.address1];
    for (const [i, address1] of ADDRESSES.entries()) {
      const fromForm = await em().findOneOrFail(Member, { memberNo: 100 + i });
      const fromImport = await em().findOneOrFail(Member, { memberNo: 200 + i });
      t.same(parts(fromImport), parts(fromForm), `${address1}: the same split`);
    }
    t.same(parts(await em().findOneOrFail(Member, { memberNo: 100 })), ['東京都', '新宿区', '新宿1-2-3']);
    t.same(parts(await em().findOneOrFail(Member, { memberNo: 101 })), ['北海道', '札幌市中央区', '北1条西2-1']);
    t.same(parts(await em().findOneOrFail(Member, { memberNo: 105 })), ['千葉県', '市川市', '八幡1-1-1']);
    t.same(parts(await em().findOneOrFail(Member, { memberNo: 107 })), [null, null, '新宿区新宿1-2-3']);
    const list = await c.get('/members?sort=memberNo');
    t.match(list.body, '北海道札幌市中央区', 'the member list shows prefecture and city');
    t.match(list.body, '三重県四日市市');
  },
);

t.test('on the member form a chosen prefecture lets 住所1 give the city, and a filled-in city is kept', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const post = (memberNo: string, form: Record<string, string>) =>
    c.post('/members', {
      kind: 'individual',
      memberTypeId: '1',
      mailPreference: 'post',
      memberNo,
      familyName: '山田',
      familyKana: 'ヤマダ',
      ...form,
    });
  await post('1', { prefecture: '京都府', city: '', address1: '京都市左京区下鴨1' });
  await post('2', { prefecture: '東京都', city: '新宿区', address1: '東京都新宿区新宿1-2-3' });
  await post('3', { prefecture: '東京都', city: '新宿区', address1: '西新宿2-8-1' });
  const parts = async (no: number) => {
    const m = await em().findOneOrFail(Member, { memberNo: no });
    return [m.prefecture, m.city, m.address1];
  };
  t.same(await parts(1), ['京都府', '京都市左京区', '下鴨1']);
  t.same(await parts(2), ['東京都', '新宿区', '新宿1-2-3'], 'prefecture and city are not repeated in 住所1');
  t.same(await parts(3), ['東京都', '新宿区', '西新宿2-8-1']);
});
