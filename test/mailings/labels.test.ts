import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import t from 'tap';
import { labelCsv, LABEL_CSV_HEADER, labelCsvRows, notInCp932 } from '../../src/mailings/label-csv.js';
import { labelList } from '../../src/mailings/labels.service.js';
import { saveSegment } from '../../src/mailings/segments.service.js';
import { cliWorkspace, testDatabase } from '../helper.js';
import { insertRow, insertSeeds, type MemberSeed } from './fixtures.js';
import { asTest } from '../supporters/fixtures.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { loadConfig } from '../../src/config.js';

/** A household of three at one address (two of them recipients), a company with a contact, others in shuffled postal order. */
const SEEDS: MemberSeed[] = [
  {
    no: 1,
    family: '山田',
    given: '太郎',
    postal: '530-0001',
    pref: '大阪府',
    city: '大阪市北区',
    address1: '梅田1-1',
    household: 1,
    relation: '世帯主',
  },
  {
    no: 2,
    family: '山田',
    given: '花子',
    postal: '530-0001',
    pref: '大阪府',
    city: '大阪市北区',
    address1: '梅田1-1',
    household: 1,
    relation: '配偶者',
  },
  { no: 3, family: '佐藤', given: '一郎', postal: '160-0022', address1: '新宿1-2-3', address2: 'エニシビル501' },
  {
    no: 4,
    kind: 'organization',
    org: '株式会社みどり',
    contact: '木村 健',
    postal: '060-0001',
    pref: '北海道',
    city: '札幌市中央区',
    address1: '北一条西2-1',
  },
  {
    no: 5,
    kind: 'organization',
    org: 'あおぞら協会',
    postal: '900-0001',
    pref: '沖縄県',
    city: '那覇市',
    address1: '港町1-1',
  },
  { no: 6, family: '鈴木', given: '次郎', status: 'withdrawn', postal: '100-0001' },
  {
    no: 7,
    family: '山田',
    given: '一郎',
    postal: '530-0001',
    pref: '大阪府',
    city: '大阪市北区',
    address1: '梅田1-1',
    household: 1,
    relation: '子',
    mail: 'none',
  },
  { no: 8, family: '田中', given: '三郎', postal: '100-0005', unknown: true },
];

async function seed(em: Parameters<typeof insertSeeds>[0]) {
  await insertRow(em, 'household', { shares_address: true, label_name: null });
  return insertSeeds(em, SEEDS);
}

t.test(
  'labels come in 郵便番号 order, a household in 連名 with 様 after each name, the excluded with their reason',
  async (t) => {
    const { orm } = await testDatabase(t);
    const em = orm.em.fork();
    await seed(em);
    const joint = await labelList(em, { joint: true });
    t.same(
      joint.entries.map((e) => [e.memberNo, e.postalCode, e.names]),
      [
        [4, '060-0001', ['株式会社みどり', '担当 木村 健 様']],
        [3, '160-0022', ['佐藤 一郎 様']],
        [1, '530-0001', ['山田 太郎 様', '花子 様']],
        [5, '900-0001', ['あおぞら協会 御中']],
      ],
    );
    t.same(joint.entries[2]!.memberNos, [1, 2]);
    t.same(joint.entries[1]!.address, ['東京都新宿区新宿1-2-3', 'エニシビル501']);
    t.equal(joint.entries[1]!.barcode, '16000221-2-3-501');
    t.same(
      joint.excluded.map((x) => [x.member.memberNo, x.reasonLabel]),
      [
        [6, '退会済み'],
        [7, '郵送物「不要」'],
        [8, '宛先不明（郵便物が戻ってきた）'],
      ],
    );
    const single = await labelList(em, { joint: false });
    t.same(
      single.entries.map((e) => e.memberNo),
      [4, 3, 1, 2, 5],
      'without --joint each person gets a label',
    );
  },
);

t.test('the CSV for a printing company round-trips in UTF-8 with BOM and in Shift_JIS', async (t) => {
  const { orm } = await testDatabase(t);
  const em = orm.em.fork();
  await seed(em);
  const { entries } = await labelList(em, { joint: true });
  const utf8 = labelCsv(entries, 'utf8');
  t.same([...utf8.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 starts with a BOM');
  const sjis = labelCsv(entries, 'sjis');
  t.notOk(sjis.includes(Buffer.from('山田', 'utf8')), 'Shift_JIS bytes, not UTF-8');
  for (const [name, text] of [
    ['utf8', utf8.subarray(3).toString('utf8')],
    ['sjis', iconv.decode(sjis, 'cp932')],
  ] as const) {
    t.match(text, /\r\n/, `${name}: CRLF`);
    const rows = parse(text) as string[][];
    t.same(rows[0], LABEL_CSV_HEADER, `${name}: header`);
    t.same(rows.slice(1), labelCsvRows(entries), `${name}: rows read back unchanged`);
  }
  t.same(notInCp932(entries), []);
  t.same(
    notInCp932([{ ...entries[0]!, names: ['𠮷野 太郎 様'] }]),
    [{ memberNo: 4, chars: '𠮷' }],
    'a character Shift_JIS lacks is reported',
  );
});

t.test('enishi labels prints the contract JSON in print order and writes the PDF', async (t) => {
  const ws = await cliWorkspace(t);
  t.equal((await ws.run('migrate')).code, 0);
  const orm = await openOrm(loadConfig(ws.env));
  await seed(orm.em.fork());
  await asTest(() =>
    saveSegment(orm.em.fork(), null, { name: '大阪', note: null, filter: { prefectures: ['大阪府'] } }),
  );
  await orm.close();
  const out = join(ws.dir, 'labels.pdf');
  const all = await ws.run('labels', '--all', '--sheet', '12', '--joint', '--out', out, '--json');
  t.equal(all.code, 0, all.err);
  const json = JSON.parse(all.out);
  t.same(json.labels[2], { memberNo: '1', postalCode: '530-0001', names: ['山田 太郎 様', '花子 様'] });
  t.same(
    json.labels.map((l: { memberNo: string }) => l.memberNo),
    ['4', '3', '1', '5'],
  );
  t.same(json.excluded, [
    { memberNo: '6', reason: '退会済み' },
    { memberNo: '7', reason: '郵送物「不要」' },
    { memberNo: '8', reason: '宛先不明（郵便物が戻ってきた）' },
  ]);
  t.equal(json.sheets, 1);
  t.equal(readFileSync(out).subarray(0, 5).toString(), '%PDF-');
  const seg = await ws.run('labels', '--segment', '大阪', '--sheet', '44', '--start', '44', '--out', out, '--json');
  t.same(JSON.parse(seg.out), {
    labels: [
      { memberNo: '1', postalCode: '530-0001', names: ['山田 太郎 様'] },
      { memberNo: '2', postalCode: '530-0001', names: ['山田 花子 様'] },
    ],
    excluded: [{ memberNo: '7', reason: '郵送物「不要」' }],
    sheets: 2,
  });
  const bad = await ws.run('labels', '--all', '--sheet', '10', '--out', out);
  t.equal(bad.code, 2);
  t.match(bad.err, /--sheet は 12, 18, 21, 24, 44/);
  const missing = await ws.run('labels', '--segment', 'ない', '--sheet', '12', '--out', out);
  t.equal(missing.code, 1);
  t.match(missing.err, /セグメント「ない」はありません/);
  const list = JSON.parse((await ws.run('segments', 'list', '--json')).out);
  t.same(
    list.segments.map((s: { name: string; post: number }) => [s.name, s.post]),
    [['大阪', 2]],
  );
  const show = JSON.parse((await ws.run('segments', 'show', '大阪', '--json')).out);
  t.same(
    show.members.map((m: { memberNo: string }) => m.memberNo),
    ['1', '2', '7'],
  );
});
