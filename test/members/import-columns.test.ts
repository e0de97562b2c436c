import t from 'tap';
import { encodeCp932 } from '../../src/lib/text-encoding.js';
import { mapHeader, rowFields, splitAtFirstSpace, splitSkills } from '../../src/members/import/import-columns.js';
import { readCsvTable } from '../../src/members/import/import-file.js';
import { parseMember } from '../../src/members/member.form.js';

t.test(
  'names split at the first full- or half-width space; without a space everything is the family part',
  async (t) => {
    const cases: [string, [string, string]][] = [
      ['山田 太郎', ['山田', '太郎']],
      ['山田　太郎', ['山田', '太郎']],
      ['  山田   太郎 ', ['山田', '太郎']],
      ['山田太郎', ['山田太郎', '']],
      ['ヤマダ タロウ ジュニア', ['ヤマダ', 'タロウ ジュニア']],
      ['', ['', '']],
    ];
    for (const [input, want] of cases) t.same(splitAtFirstSpace(input), want, JSON.stringify(input));
  },
);

t.test('協力できる分野 is split at ; or 、 (and their full-width forms)', async (t) => {
  t.same(splitSkills('会計;翻訳'), ['会計', '翻訳']);
  t.same(splitSkills('会計、翻訳；ＩＴ'), ['会計', '翻訳', 'IT']);
  t.same(splitSkills(' ; '), []);
});

t.test(
  'headers are matched ignoring width and spaces; unknown ones are reported; a missing name column is an error',
  async (t) => {
    const m = mapHeader(['会員番号', '氏名', 'フリガナ', '住所１', 'ＴＥＬ', '趣味']);
    t.same(m.columns, ['memberNo', 'fullName', 'fullKana', 'address1', 'phone', null]);
    t.same(m.ignored, ['趣味']);
    t.same(m.errors, []);
    t.same(mapHeader(['姓', '名', 'セイ', 'メイ']).errors, [], '姓/名/セイ/メイ instead of 氏名/フリガナ');
    t.match(mapHeader(['会員番号', 'フリガナ']).errors.join(), '「氏名」（または「姓」「名」）の列がありません');
    t.match(mapHeader(['氏名', 'フリガナ', '氏名']).errors.join(), '「氏名」の列が2つあります');
  },
);

t.test(
  'a row becomes member form fields: kana normalised, prefecture split off 住所1, dates in every accepted form',
  async (t) => {
    const header = mapHeader([
      '会員番号',
      '氏名',
      'フリガナ',
      '住所1',
      '生年月日',
      '入会日',
      '協力できる分野',
      '会員種別',
    ]);
    const dates = ['2026/4/1', '2026-04-01', 'R8.4.1', '令和8年4月1日'];
    for (const d of dates) {
      const f = rowFields(
        ['12', '山田　太郎', 'ﾔﾏﾀﾞ ﾀﾛｳ', '東京都新宿区新宿1-2-3', '昭和55年4月1日', d, '会計、IT', '正会員'],
        header,
      );
      t.same(
        [f.raw.familyName, f.raw.givenName, f.raw.familyKana, f.raw.givenKana],
        ['山田', '太郎', 'ヤマダ', 'タロウ'],
      );
      t.same([f.raw.prefecture, f.raw.city, f.raw.address1], ['', '', '東京都新宿区新宿1-2-3'], '住所1 is all of it');
      t.equal(f.typeName, '正会員');
      t.same(f.skills, ['会計', 'IT']);
      const { value, errors } = parseMember({ ...f.raw, memberTypeId: '1' });
      t.same(errors, {}, d);
      t.equal(value.joinedOn, '2026-04-01', `${d} is 2026-04-01`);
      t.equal(value.birthDate, '1980-04-01');
      t.same([value.prefecture, value.city, value.address1], ['東京都', '新宿区', '新宿1-2-3'], 'split like the form');
    }
    t.equal(
      rowFields(['', '', ''], mapHeader(['氏名', 'フリガナ', '生年月日'])).raw.birthDate,
      '',
      'empty cells stay empty',
    );
    t.equal(
      rowFields(['a', 'b'], mapHeader(['氏名', 'フリガナ'])).skills,
      undefined,
      'no skills column: skills are left as they are',
    );
  },
);

t.test('files are read as UTF-8 with or without BOM and as Shift_JIS with half-width kana', async (t) => {
  const text = '氏名,フリガナ\r\n髙橋 一郎,ﾀｶﾊｼ ｲﾁﾛｳ\r\n"渡辺, 花子",ワタナベ ハナコ\r\n\r\n';
  const sjis = readCsvTable(encodeCp932(text));
  t.equal(sjis.encoding, 'cp932');
  t.same(
    sjis.records.map((r) => r.cells),
    [
      ['髙橋 一郎', 'ﾀｶﾊｼ ｲﾁﾛｳ'],
      ['渡辺, 花子', 'ワタナベ ハナコ'],
    ],
  );
  t.same(
    sjis.records.map((r) => r.line),
    [2, 3],
    'line numbers of the file',
  );
  const bom = readCsvTable(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
  t.equal(bom.encoding, 'utf-8-bom');
  t.same(bom.header, ['氏名', 'フリガナ'], 'the BOM is not part of the first header');
  t.equal(readCsvTable(Buffer.from(text)).encoding, 'utf-8');
  t.same(
    readCsvTable(Buffer.from('氏名\tフリガナ\n山田\tヤマダ\n')).records[0]!.cells,
    ['山田', 'ヤマダ'],
    'tab-separated text pasted from Excel',
  );
  t.throws(() => readCsvTable(Buffer.from('')), /ファイルが空です/);
});
