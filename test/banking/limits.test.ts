import t, { type Test } from 'tap';
import { buildMatchContext, matchDeposit } from '../../src/banking/matcher.js';
import { readStatement, STATEMENT_LIMITS, StatementError } from '../../src/banking/statement.js';
import { BankTransaction } from '../../src/banking/bank-transaction.entity.js';
import { encodeCp932 } from '../../src/lib/text-encoding.js';
import { build, loggedIn } from '../helper.js';
import { multipart } from '../supporters/fixtures.js';

const HEADER = '"日付","摘要","お引出し","お預入れ","残高"';
const row = (d: number, payer: string) => `"2026/5/${d}","振込 ${payer}","","5,000","125,000"`;
const csv = (...rows: string[]) => encodeCp932([HEADER, ...rows].join('\r\n') + '\r\n');

function refused(t: Test, bytes: Buffer, message: RegExp, line: number | null) {
  const started = performance.now();
  try {
    readStatement(bytes);
    t.fail('the file was read');
  } catch (err) {
    t.ok(err instanceof StatementError, 'a statement error for staff');
    t.match((err as Error).message, message);
    t.equal((err as StatementError).line, line, 'the line it names');
  }
  t.ok(performance.now() - started < 3000, 'refused within 3 s');
}

t.test(
  'a payer cell of 10 MB is refused at once with the line named, before the matcher sees it (defect 1)',
  async (t) => {
    refused(t, csv(row(1, 'ﾔﾏﾀﾞ ﾀﾛｳ'), row(2, 'ｱ'.repeat(10_000_000))), /1行が長すぎます/, 3);
  },
);

t.test('a payer name longer than any bank prints is refused with its line', async (t) => {
  refused(t, csv(row(1, 'ｱ'.repeat(STATEMENT_LIMITS.field + 1))), /長すぎます（200文字まで）/, 2);
  t.equal(readStatement(csv(row(1, 'ｱ'.repeat(150)))).lines.length, 1, 'a long but possible name is read');
});

t.test('a file over the size or row limit is refused with the limit in the message (defect 7)', async (t) => {
  refused(t, Buffer.alloc(STATEMENT_LIMITS.bytes + 1, 0x41), /大きすぎます（10MBまで）/, null);
  const rows = Array.from({ length: STATEMENT_LIMITS.lines + 1 }, (_, i) => row((i % 28) + 1, 'ﾔﾏﾀﾞ'));
  refused(t, csv(...rows), /行が多すぎます（100,002行。100,000行まで）/, null);
});

t.test('the typo search of the matcher is bounded: a 60,000-character payer key is matched at once', async (t) => {
  const members = Array.from({ length: 2000 }, (_, i) => ({
    id: i + 1,
    memberNo: String(i + 1),
    kind: 'individual' as const,
    name: `会員${i}`,
    familyKana: 'ｱ'.repeat(3 + (i % 20)),
    givenKana: 'ｲ',
    orgKana: '',
    householdId: null,
  }));
  const ctx = buildMatchContext({ members: members as never, openInvoices: [], aliases: [] });
  const started = performance.now();
  const m = matchDeposit(ctx, { date: '2026-05-01', amount: 5000, payer: 'ｱｲｳｴｵｶｷｸｹｺ'.repeat(6000) } as never);
  t.ok(performance.now() - started < 1000, 'matched within a second');
  t.notOk(m.auto, 'and never confirmed');
});

t.test('the web upload of a hostile statement answers with the message and stores nothing', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  await c.get('/bank/imports/new');
  const form = multipart('huge.csv', csv(row(1, 'ｱ'.repeat(3_000_000))), 'file', { _csrf: c.csrf });
  const started = performance.now();
  const res = await c.request({
    method: 'POST',
    url: '/bank/imports',
    payload: form.payload,
    headers: form.headers,
  });
  t.ok(performance.now() - started < 5000, 'answered within 5 s');
  t.equal(res.statusCode, 422);
  t.match(res.body, '1行が長すぎます');
  t.equal(await em().count(BankTransaction, {}), 0);
});
