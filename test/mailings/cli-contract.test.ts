import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { loadConfig } from '../../src/config.js';
import { saveSegment } from '../../src/mailings/segments.service.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { cliWorkspace } from '../helper.js';
import { asTest } from '../supporters/fixtures.js';
import { insertSeeds } from './fixtures.js';

/** Three members in shuffled postal order (one withdrawn) and a saved segment 東京. */
async function workspace(t: Parameters<typeof cliWorkspace>[0]) {
  const ws = await cliWorkspace(t);
  const migrated = await ws.run('migrate');
  if (migrated.code !== 0) throw new Error(migrated.err);
  const orm = await openOrm(loadConfig(ws.env));
  await insertSeeds(orm.em.fork(), [
    { no: 1, family: '山田', given: '太郎', postal: '530-0001', pref: '大阪府', city: '大阪市北区' },
    { no: 2, family: '佐藤', given: '花子', postal: '100-0001', email: 'hanako@example.jp' },
    { no: 3, family: '鈴木', given: '一郎', postal: '160-0022', status: 'withdrawn' },
  ]);
  await asTest(() =>
    saveSegment(orm.em.fork(), null, { name: '東京', note: null, filter: { prefectures: ['東京都'] } }),
  );
  await orm.close();
  return ws;
}

t.test('enishi labels: the JSON has exactly labels, excluded and sheets, in 郵便番号 order', async (t) => {
  const ws = await workspace(t);
  const out = join(ws.dir, 'l.pdf');
  const r = await ws.run('labels', '--all', '--sheet', '21', '--start', '20', '--out', out, '--json');
  t.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  t.same(Object.keys(json), ['labels', 'excluded', 'sheets']);
  t.same(json, {
    labels: [
      { memberNo: '2', postalCode: '100-0001', names: ['佐藤 花子 様'] },
      { memberNo: '1', postalCode: '530-0001', names: ['山田 太郎 様'] },
    ],
    excluded: [{ memberNo: '3', reason: '退会済み' }],
    sheets: 1,
  });
  t.equal(readFileSync(out).subarray(0, 5).toString(), '%PDF-');
  const over = await ws.run('labels', '--all', '--sheet', '21', '--start', '21', '--out', out, '--json');
  t.equal(JSON.parse(over.out).sheets, 2, 'a start near the end spills onto a second sheet');
  for (const sheet of ['12', '18', '24', '44']) {
    const each = await ws.run('labels', '--segment', '東京', '--sheet', sheet, '--out', out, '--json');
    t.equal(each.code, 0, `${sheet}面`);
    t.same(
      JSON.parse(each.out).labels.map((l: { memberNo: string }) => l.memberNo),
      ['2'],
    );
  }
});

t.test('enishi labels refuses bad options with one line and a non-zero exit, writing nothing', async (t) => {
  const ws = await workspace(t);
  const out = join(ws.dir, 'bad.pdf');
  const cases: [string[], number, RegExp][] = [
    [['--sheet', '12', '--out', out], 2, /--segment NAME か --all/],
    [['--all', '--segment', '東京', '--sheet', '12', '--out', out], 2, /--segment NAME か --all/],
    [['--all', '--out', out], 2, /--sheet は 12, 18, 21, 24, 44/],
    [['--all', '--sheet', '12'], 2, /--out FILE\.pdf/],
    [['--all', '--sheet', '12', '--start', '0', '--out', out], 2, /開始位置は 1〜12/],
    [['--all', '--sheet', '12', '--start', '13', '--out', out], 2, /開始位置は 1〜12/],
    [['--all', '--sheet', '12', '--start', 'x', '--out', out], 2, /開始位置は 1〜12/],
    [['--all', '--sheet', '12', 'extra', '--out', out], 2, /不明な引数です: extra/],
    [['--segment', 'ない', '--sheet', '12', '--out', out], 1, /セグメント「ない」はありません/],
    [['--all', '--sheet', '44', '--barcode', '--out', out], 2, /カスタマバーコードが入りません/],
  ];
  for (const [args, code, message] of cases) {
    const r = await ws.run('labels', ...args, '--json');
    t.equal(r.code, code, args.join(' '));
    const lines = r.err.trim().split('\n');
    t.match(lines[0], message, 'the first line says what is wrong');
    t.equal(lines.length, code === 2 ? 2 : 1, 'one line (and the usage for a usage error)');
    if (code === 2) t.match(lines[1], /^使い方: enishi labels /);
    t.equal(r.out, '', 'no JSON on failure');
    t.notOk(existsSync(out), 'no PDF left behind');
  }
});

t.test('enishi segments list and show --json', async (t) => {
  const ws = await workspace(t);
  const list = await ws.run('segments', 'list', '--json');
  t.equal(list.code, 0, list.err);
  t.same(JSON.parse(list.out), {
    segments: [{ name: '東京', note: null, filter: { prefectures: ['東京都'] }, members: 2, post: 1, email: 1 }],
  });
  const show = await ws.run('segments', 'show', '東京', '--json');
  t.equal(show.code, 0, show.err);
  t.same(JSON.parse(show.out), {
    segment: '東京',
    members: [
      { memberNo: '2', name: '佐藤 花子', postalCode: '100-0001', email: 'hanako@example.jp' },
      { memberNo: '3', name: '鈴木 一郎', postalCode: '160-0022', email: '' },
    ],
    excluded: [],
  });
  const post = JSON.parse((await ws.run('segments', 'show', '東京', '--channel', 'post', '--json')).out);
  t.same(post.excluded, [{ memberNo: '3', reason: '退会済み' }]);
  const missing = await ws.run('segments', 'show', 'ない', '--json');
  t.equal(missing.code, 1);
  t.match(missing.err, /セグメント「ない」はありません/);
  const none = await ws.run('segments', 'show', '--json');
  t.equal(none.code, 2);
  t.match(none.err, /セグメントの名前を1つ指定してください/);
  const badChannel = await ws.run('segments', 'show', '東京', '--channel', 'fax');
  t.equal(badChannel.code, 2);
});
