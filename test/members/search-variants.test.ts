import t from 'tap';
import { searchMembers } from '../../src/members/member-search.js';
import { build, loggedIn } from '../helper.js';
import { addMember } from '../supporters/fixtures.js';

t.test('quick search finds a name written with 異体字 whichever form staff type', async (t) => {
  const { app, em } = await build(t);
  const people: [string, string, string][] = [
    ['髙橋', 'タカハシ', '1'],
    ['山﨑', 'ヤマザキ', '2'],
    ['渡邊', 'ワタナベ', '3'],
    ['齋藤', 'サイトウ', '4'],
    ['澤田', 'サワダ', '5'],
    ['濱田', 'ハマダ', '6'],
    ['高木', 'タカギ', '7'],
  ];
  for (const [familyName, familyKana, memberNo] of people) await addMember(em(), { familyName, familyKana, memberNo });
  const found = async (q: string) => (await searchMembers(em(), { q })).items.map((m) => m.familyName).sort();
  t.same(await found('高橋'), ['髙橋'], '高橋 finds 髙橋');
  t.same(await found('髙橋'), ['髙橋'], 'the registered form still finds it');
  t.same(await found('山崎'), ['山﨑']);
  t.same(await found('渡辺'), ['渡邊']);
  t.same(await found('渡邉'), ['渡邊'], 'one variant finds another');
  t.same(await found('斉藤'), ['齋藤']);
  t.same(await found('斎藤'), ['齋藤']);
  t.same(await found('沢田'), ['澤田']);
  t.same(await found('浜田'), ['濱田']);
  t.same((await found('高')).sort(), ['高木', '髙橋'].sort(), 'a partial name finds both spellings');
  const c = await loggedIn(app, 'viewer');
  const page = await c.get(`/members?q=${encodeURIComponent('高橋')}`);
  t.match(page.body, '髙橋', 'the member list finds it too');
});

t.test('an organisation is found by its contact person’s kana, typed in hiragana or half-width', async (t) => {
  const { app, em } = await build(t);
  await addMember(em(), {
    kind: 'organization',
    orgName: '特定非営利活動法人みどり',
    orgKana: 'ミドリ',
    contactPerson: '鈴木 一郎',
    contactKana: 'すずき いちろう',
    memberNo: '10',
  });
  await addMember(em(), { familyName: '佐藤', familyKana: 'サトウ', memberNo: '11' });
  const found = async (q: string) => (await searchMembers(em(), { q })).items.map((m) => m.memberNo);
  t.same(await found('スズキ'), [10]);
  t.same(await found('すずきいちろう'), [10]);
  t.same(await found('ｽｽﾞｷ ｲﾁﾛｳ'), [10]);
  t.same(await found('ミドリ'), [10], 'the organisation’s own kana still works');
  t.same(await found('サトウ'), [11]);
  const c = await loggedIn(app, 'staff');
  const m = await c.get('/members/new');
  t.match(m.body, 'name="contactKana"', 'the form asks for the contact person’s kana');
});

t.test(
  'a member file’s 担当者フリガナ column fills the contact person’s kana, and the export writes it back',
  async (t) => {
    const { mapHeader, rowFields } = await import('../../src/members/import/import-columns.js');
    const { EXPORT_COLUMNS } = await import('../../src/members/export/export-columns.js');
    const map = mapHeader(['団体名', '団体名フリガナ', '担当者', '担当者フリガナ']);
    t.same(map.columns, ['orgName', 'orgKana', 'contactPerson', 'contactKana']);
    t.equal(rowFields(['みどり', 'ミドリ', '鈴木 一郎', 'ｽｽﾞｷ ｲﾁﾛｳ'], map).raw.contactKana, 'ｽｽﾞｷ ｲﾁﾛｳ');
    t.equal(EXPORT_COLUMNS.find((c) => c.key === 'contactKana')?.header, '担当者フリガナ');
  },
);
