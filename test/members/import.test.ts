import t from 'tap';
import { readFileSync } from 'node:fs';
import { AuditLog } from '../../src/audit/audit-log.entity.js';
import { encodeCp932 } from '../../src/lib/text-encoding.js';
import { importMembers } from '../../src/members/import/import.service.js';
import { Member } from '../../src/members/member.entity.js';
import { MemberSkill } from '../../src/members/skills/member-skill.entity.js';
import { seedDefaults } from '../../src/seed.js';
import { testDatabase } from '../helper.js';
import { addMember, asTest } from '../supporters/fixtures.js';

const SJIS_FILE = readFileSync(new URL('../fixtures/members-sjis.csv', import.meta.url));
const HEADER = '会員番号,氏名,フリガナ,会員種別,郵便番号,住所1,電話番号,生年月日,入会日,協力できる分野';
const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\r\n'));

async function setup(t: { teardown(fn: () => unknown): void }) {
  const { orm } = await testDatabase(t);
  const em = () => orm.em.fork();
  await seedDefaults(em());
  const run = (buf: Buffer, opts = {}) => asTest(() => importMembers(em(), buf, opts));
  return { em, run };
}

t.test('a Shift_JIS file as Excel writes it, with half-width kana, imports with everything normalised', async (t) => {
  const { em, run } = await setup(t);
  const r = await run(SJIS_FILE);
  t.same([r.committed, r.created, r.updated, r.plan.encoding], [true, 3, 0, 'cp932']);
  const taro = await em().findOneOrFail(Member, { memberNo: 101 }, { populate: ['memberType'] });
  t.same([taro.familyName, taro.givenName, taro.familyKana, taro.givenKana], ['山田', '太郎', 'ヤマダ', 'タロウ']);
  t.same(
    [taro.prefecture, taro.city, taro.address1, taro.address2, taro.birthDate, taro.joinedOn],
    ['東京都', '新宿区', '新宿1-2-3', '新宿ビル101', '1980-04-01', '2026-04-01'],
  );
  t.equal(taro.memberType.name, '正会員');
  const hanako = await em().findOneOrFail(Member, { memberNo: 102 }, { populate: ['memberType'] });
  t.same(
    [hanako.familyName, hanako.familyKana, hanako.postalCode, hanako.phone, hanako.birthDate, hanako.memberType.name],
    ['髙橋', 'タカハシ', '530-0001', '06-1111-2222', '1985-12-24', '賛助会員'],
  );
  t.equal(hanako.notes, '①通信は不要', 'CP932 characters survive');
  const ken = await em().findOneOrFail(Member, { familyName: '佐々木' });
  t.equal(ken.memberNo, 103, 'a row without a number gets the next one after those in the file');
  const skills = await em().find(MemberSkill, { member: taro.id }, { populate: ['skill'] });
  t.same(skills.map((s) => s.skill.name).sort(), ['IT', '会計']);
  t.equal(await em().count(AuditLog, { entityName: 'Member', action: 'create' }), 3, 'the import is audited');
});

t.test('a file with one bad row imports nothing, unless only the valid rows are chosen', async (t) => {
  const { em, run } = await setup(t);
  const file = csv(
    '1,山田 太郎,ヤマダ タロウ,正会員,,,,,,',
    '2,佐藤 花子,サトウ ハナコ,正会員,123-45,,,,,',
    '3,鈴木 一郎,スズキ イチロウ,正会員,,,,,,',
  );
  const r = await run(file);
  t.equal(r.committed, false);
  t.same(r.plan.counts, { new: 2, update: 0, unchanged: 0, error: 1 });
  const bad = r.plan.rows.find((x) => x.status === 'error')!;
  t.equal(bad.line, 3);
  t.match(bad.message, '郵便番号：郵便番号は7桁の数字で入力してください');
  t.equal(await em().count(Member, {}), 0, 'nothing imported');
  const only = await run(file, { onlyValid: true });
  t.same([only.committed, only.created], [true, 2]);
  t.same(
    (await em().find(Member, {}, { orderBy: { memberNo: 'asc' } })).map((m) => m.memberNo),
    [1, 3],
  );
});

t.test('re-importing a changed file updates members (listing the changes) instead of duplicating them', async (t) => {
  const { em, run } = await setup(t);
  await run(csv('10,山田 太郎,ヤマダ タロウ,正会員,160-0022,東京都新宿区新宿1-1,03-1111-2222,,2026/4/1,会計'));
  const again = await run(
    csv('10,山田 太郎,ヤマダ タロウ,正会員,160-0022,東京都新宿区新宿1-1,03-1111-2222,,2026/4/1,会計'),
  );
  t.same(again.plan.counts, { new: 0, update: 0, unchanged: 1, error: 0 }, 'the same file changes nothing');
  const changed = await run(
    csv('10,山田 太郎,ヤマダ タロウ,賛助会員,160-0022,東京都渋谷区渋谷2-2,03-1111-2222,,2026/4/1,会計;翻訳'),
  );
  t.same([changed.created, changed.updated], [0, 1]);
  const labels = changed.plan.rows[0]!.changes!.map((c) => `${c.label}:${c.before}→${c.after}`);
  t.same(labels, [
    '市区町村:新宿区→渋谷区',
    '住所1:新宿1-1→渋谷2-2',
    '会員種別:正会員→賛助会員',
    '協力できる分野:会計→会計、翻訳',
  ]);
  t.equal(await em().count(Member, {}), 1, 'no duplicate');
  const m = await em().findOneOrFail(Member, { memberNo: 10 }, { populate: ['memberType'] });
  t.same([m.city, m.address1, m.memberType.name], ['渋谷区', '渋谷2-2', '賛助会員']);
  t.equal(await em().count(MemberSkill, { member: m.id }), 2);
  const log = await em().findOneOrFail(AuditLog, { entityName: 'Member', action: 'update' });
  t.same(log.changes.address1, ['新宿1-1', '渋谷2-2'], 'the update is audited with before and after');
});

t.test('columns missing from the file keep their values; 姓/名/セイ/メイ columns work too', async (t) => {
  const { em, run } = await setup(t);
  const m = await addMember(em(), {
    memberNo: '5',
    familyName: '伊藤',
    givenName: '健',
    familyKana: 'イトウ',
    givenKana: 'ケン',
    phone: '03-5555-6666',
    notes: '大事なメモ',
  });
  const r = await run(Buffer.from('会員番号,姓,名,セイ,メイ\n5,伊藤,健太,いとう,けんた\n'));
  t.same([r.updated, r.plan.counts.error], [1, 0]);
  const after = await em().findOneOrFail(Member, { id: m.id });
  t.same(
    [after.givenName, after.givenKana, after.phone, after.notes],
    ['健太', 'ケンタ', '03-5555-6666', '大事なメモ'],
  );
});

t.test(
  'an unknown 会員種別 or 分野, a repeated number and a likely duplicate person are errors with reasons',
  async (t) => {
    const { em, run } = await setup(t);
    await addMember(em(), {
      memberNo: '1',
      familyName: '山田',
      givenName: '太郎',
      familyKana: 'ヤマダ',
      givenKana: 'タロウ',
      phone: '03-1234-5678',
    });
    const r = await run(
      csv(
        '20,佐藤 花子,サトウ ハナコ,名誉会員,,,,,,',
        '21,鈴木 一郎,スズキ イチロウ,正会員,,,,,,書道',
        '21,高橋 二郎,タカハシ ジロウ,正会員,,,,,,',
        ',山田 太郎,やまだ たろう,正会員,,,0312345678,,,',
        ',田中 三郎,タナカ サブロウ,,,,,,,',
      ),
    );
    const msgs = r.plan.rows.map((x) => `${x.line}:${x.message ?? x.status}`);
    t.match(msgs[0], '2:会員種別「名誉会員」はありません（登録済みの種別：正会員、賛助会員、学生会員）');
    t.match(msgs[1], '3:協力できる分野「書道」はありません');
    t.match(msgs[2], '4:会員番号 21 が 3 行目と重複しています');
    t.match(msgs[3], '5:会員番号 1 と同じ人の可能性があります');
    t.match(msgs[4], '6:会員種別を入力してください');
    t.equal(r.committed, false);
  },
);

t.test('a file without a name column is refused as a whole; a dry run writes nothing', async (t) => {
  const { em, run } = await setup(t);
  const r = await run(Buffer.from('会員番号,電話番号\n1,03-1111-2222\n'));
  t.equal(r.committed, false);
  t.match(r.plan.fileErrors.join(), '「氏名」（または「姓」「名」）の列がありません');
  const dry = await run(encodeCp932('氏名,フリガナ,会員種別\n山田 太郎,ヤマダ タロウ,正会員\n'), { dryRun: true });
  t.same([dry.committed, dry.created], [false, 1]);
  t.equal(await em().count(Member, {}), 0);
});
