import t from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliWorkspace } from '../helper.js';

const SJIS_FILE = fileURLToPath(new URL('../fixtures/members-sjis.csv', import.meta.url));

/** `enishi members import …` in a workspace of its own (SQLite file, or scratch PostgreSQL). */
async function workspace(t: { teardown(fn: () => unknown): void }) {
  const { dir, run: enishi } = await cliWorkspace(t, 'enishi-import-cli-');
  return { dir, run: (...args: string[]) => enishi('members', 'import', ...args) };
}

t.test('--json prints exactly created, updated and errors; a re-import updates instead of duplicating', async (t) => {
  const { run } = await workspace(t);
  const dry = await run(SJIS_FILE, '--dry-run', '--json');
  t.equal(dry.code, 0);
  t.same(JSON.parse(dry.out), { created: 3, updated: 0, errors: [] }, 'a dry run reports what it would do');
  const first = await run(SJIS_FILE, '--json');
  t.equal(first.code, 0);
  t.equal(first.out, '{"created":3,"updated":0,"errors":[]}');
  const again = await run(SJIS_FILE, '--json');
  const result = JSON.parse(again.out);
  t.same([result.created, result.updated], [0, 0], 'the same file again creates nobody');
  t.same(
    result.errors.map((e: { line: number }) => e.line),
    [4],
    'the row without a number is recognised as member 103, not added twice',
  );
  t.match(result.errors[0].message, '会員番号 103 と同じ人の可能性があります');
  const text = await run(SJIS_FILE, '--dry-run');
  t.match(text.out, '確認のみ（取り込んでいません）: 新規 0 件、更新 0 件、変更なし 2 件、エラー 1 件');
});

t.test('a file with a bad row imports nothing and exits 1, unless --only-valid', async (t) => {
  const { dir, run } = await workspace(t);
  const file = join(dir, 'bad.csv');
  writeFileSync(file, '氏名,フリガナ,会員種別\n山田 太郎,ヤマダ タロウ,正会員\n佐藤 花子,サトウ ハナコ,特別会員\n');
  const bad = await run(file, '--json');
  t.equal(bad.code, 1);
  t.same(JSON.parse(bad.out), {
    created: 0,
    updated: 0,
    errors: [{ line: 3, message: '会員種別「特別会員」はありません（登録済みの種別：正会員、賛助会員、学生会員）' }],
  });
  const text = await run(file);
  t.equal(text.code, 1);
  t.match(text.err, '3 行目: 会員種別「特別会員」はありません');
  t.match(text.out, 'エラーがあるため、何も取り込んでいません');
  const valid = await run(file, '--only-valid', '--json');
  t.equal(valid.code, 0);
  t.same(JSON.parse(valid.out).created, 1);
});

t.test('a missing file or argument is a clear error', async (t) => {
  const { dir, run } = await workspace(t);
  const none = await run();
  t.equal(none.code, 2);
  t.match(none.err, '使い方: enishi members import FILE');
  const missing = await run(join(dir, 'nope.csv'));
  t.equal(missing.code, 1);
  t.match(missing.err, 'ファイルを読めません');
});
