import t, { type Test } from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeCp932 } from '../../src/lib/text-encoding.js';
import { cliWorkspace } from '../helper.js';

const SAMPLE = fileURLToPath(new URL('../fixtures/bank/bank-signed-preamble-202605.csv', import.meta.url));

async function workspace(t: Test) {
  const { dir, run } = await cliWorkspace(t, 'enishi-bank-cli-');
  // Two members with 2026 dues: 山田 (exact name) and 鈴木 (member number 1024 in the payer text).
  const members = join(dir, 'members.csv');
  writeFileSync(
    members,
    encodeCp932(
      '会員番号,氏名,フリガナ,会員種別\r\n1,山田 太郎,ヤマダ タロウ,正会員\r\n1024,鈴木 花子,スズキ ハナコ,賛助会員\r\n',
    ),
  );
  t.equal((await run('members', 'import', members)).code, 0);
  t.equal((await run('invoices', 'issue', '--year', '2026')).code, 0);
  return { dir, run };
}

t.test(
  'bank import --json prints the import summary and every line; --dry-run stores nothing; a second run finds everything known',
  async (t) => {
    const { run } = await workspace(t);
    const dry = await run('bank', 'import', SAMPLE, '--dry-run', '--json');
    t.equal(dry.code, 0, dry.err);
    const planned = JSON.parse(dry.out);
    t.equal(planned.import.id, null);
    const r = await run('bank', 'import', SAMPLE, '--json');
    t.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out);
    t.same(Object.keys(out), ['import', 'transactions']);
    t.same(Object.keys(out.import), ['id', 'format', 'lines', 'deposits', 'known', 'matched', 'review', 'ignored']);
    t.match(out.import, {
      id: Number,
      format: 'csv-signed',
      lines: 10,
      deposits: 9,
      known: 0,
      matched: 2,
      review: 7,
      ignored: 1,
    });
    t.same({ ...planned.import, id: out.import.id }, out.import, 'the dry run predicted the same');
    const first = out.transactions[0];
    t.same(first, {
      line: 5,
      date: '2026-05-07',
      amount: 5000,
      payer: 'ﾔﾏﾀﾞ ﾀﾛｳ',
      status: 'matched',
      memberNo: '1',
      invoices: ['2026-000001'],
    });
    t.same(out.transactions[1], {
      line: 6,
      date: '2026-05-07',
      amount: 3000,
      payer: '1024ｽｽﾞｷ ﾊﾅｺ',
      status: 'matched',
      memberNo: '1024',
      invoices: ['2026-000002'],
    });
    const second = out.transactions.find(
      (x: { payer: string; line: number }) => x.payer === 'ﾔﾏﾀﾞ ﾀﾛｳ' && x.line === 13,
    );
    t.equal(second.status, 'review');
    t.match(second.suggestions[0], { memberNo: '1', score: Number, reasons: Array });
    t.equal(out.transactions.find((x: { status: string }) => x.status === 'ignored').amount, 660);
    const again = JSON.parse((await run('bank', 'import', SAMPLE, '--json')).out);
    t.match(again.import, { known: 10, matched: 0, review: 0 });
    t.ok(again.transactions.every((x: { status: string }) => x.status === 'known'));
  },
);

t.test(
  'bank import of a statement whose lines are all known says so in one line and in --json, and stores no import',
  async (t) => {
    const { dir, run } = await workspace(t);
    const first = JSON.parse((await run('bank', 'import', SAMPLE, '--json')).out);
    t.equal(first.allKnown, undefined, 'a first import is not "all known"');
    const again = await run('bank', 'import', SAMPLE, '--json');
    t.equal(again.code, 0, again.err);
    const out = JSON.parse(again.out);
    t.match(out, { allKnown: true, message: /10 行はすべて取り込み済み.*取り込みは作成していません/ });
    t.match(out.import, { id: null, lines: 10, known: 10, matched: 0, review: 0, ignored: 0 });
    const text = await run('bank', 'import', SAMPLE);
    t.equal(text.code, 0, text.err);
    t.same(text.out.trim().split('\n'), [out.message], 'the text report is that one line');
    const dry = JSON.parse((await run('bank', 'import', SAMPLE, '--dry-run', '--json')).out);
    t.equal(dry.allKnown, true, 'a dry run predicts it too');
    // A new line after the re-uploads is imported under the next number: the re-uploads took none.
    const next = join(dir, 'june.csv');
    writeFileSync(
      next,
      encodeCp932(
        '取引日,起算日,入出金区分,取引区分,金額,振込依頼人名,摘要,残高\r\n2026年06月02日,2026年06月02日,入金,振込,3000,ｻﾄｳ ﾊﾅｺ,,173132\r\n',
      ),
    );
    const june = JSON.parse((await run('bank', 'import', next, '--json')).out);
    t.equal(june.import.id, first.import.id + 1, 'no import row was created by the re-uploads');
  },
);

t.test('bank import errors: one line and a non-zero exit', async (t) => {
  const { dir, run } = await workspace(t);
  const bad = join(dir, 'list.csv');
  writeFileSync(bad, encodeCp932('会員番号,氏名,フリガナ\r\n1,山田 太郎,ヤマダ タロウ\r\n'));
  const r = await run('bank', 'import', bad, '--json');
  t.equal(r.code, 1);
  t.match(r.err, '会員名簿のようです');
  t.equal(r.err.trim().split('\n').length, 1);
  t.equal((await run('bank', 'import')).code, 2);
  t.equal((await run('bank', 'import', SAMPLE, '--format', 'nope')).code, 2);
  t.equal((await run('bank', 'import', join(dir, 'missing.csv'))).code, 1);
});
