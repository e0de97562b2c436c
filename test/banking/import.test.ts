import t from 'tap';
import { importStatement } from '../../src/banking/bank-import.service.js';
import { BankImport } from '../../src/banking/bank-import.entity.js';
import { BankTransaction } from '../../src/banking/bank-transaction.entity.js';
import { PayerAlias } from '../../src/banking/payer-alias.entity.js';
import { confirm, undoImport, undoLine } from '../../src/banking/review.service.js';
import { Invoice } from '../../src/dues/invoice.entity.js';
import { Payment } from '../../src/dues/payment.entity.js';
import { encodeCp932 } from '../../src/lib/text-encoding.js';
import { asTest, duesDatabase, failure } from '../dues/fixtures.js';
import { office, sample, SAMPLES } from './fixtures.js';

const statusOf = (r: Awaited<ReturnType<typeof importStatement>>) =>
  r.transactions.map((x) => `${x.line}:${x.status}${x.memberNo ? ':' + x.memberNo : ''}`);

for (const file of SAMPLES) {
  t.test(`${file}: certain transfers are matched automatically, the rest go to review with reasons`, async (t) => {
    const em = await duesDatabase(t);
    const o = await office(em);
    const r = await asTest(() => importStatement(em(), { bytes: sample(file), fileName: file }));
    const i = r.import;
    t.same([i.lines, i.deposits, i.known, i.matched, i.review, i.ignored], [10, 9, 0, 6, 3, 1], statusOf(r).join(' '));
    const byPayer = (p: string) => r.transactions.filter((x) => x.payer.replace(/\s|　/g, '').includes(p));
    t.equal(byPayer('ﾔﾏﾀﾞﾀﾛｳ')[0]!.memberNo, String(o.yamada.memberNo), 'exact kana name');
    t.equal(byPayer('ﾔﾏﾀﾞﾀﾛｳ')[1]!.status, 'review', 'the second 5,000 from 山田 finds no open invoice left');
    t.match(
      byPayer('ﾔﾏﾀﾞﾀﾛｳ')[1]!.suggestions?.[0]?.reasons.join(' '),
      '前の行で入金済み',
      'and its suggestion says why',
    );
    t.equal(byPayer('ｽｽﾞｷ')[0]!.memberNo, '1024', 'member number prefix');
    t.equal(byPayer('ﾀｶﾊｼ')[0]!.status, 'matched', '220 yen short: a transfer fee');
    t.equal(byPayer('ﾐﾄﾞﾘﾉﾓﾘ')[0]!.memberNo, String(o.midori.memberNo), 'corporate payer for 団体会員');
    t.same(byPayer('ｻﾄｳ')[0]!.invoices?.length, 2, 'two years at once');
    t.equal(byPayer('ﾜﾀﾅﾍﾞ')[0]!.memberNo, String(o.watanabe.memberNo), 'ｼﾕﾝ matches シュン');
    const ito = byPayer('ｲﾄｳ')[0]!;
    t.equal(ito.status, 'review', 'a surplus is never booked silently');
    t.equal(ito.suggestions?.[0]?.memberNo, String(o.ito.memberNo));
    t.match(ito.suggestions?.[0]?.reasons.join(' '), '多い');
    t.same(byPayer('ﾘｿｸ')[0]!.suggestions, [], 'interest: no candidate');
    const paid = await em().find(Invoice, { status: 'paid' });
    t.equal(paid.length, 7, '山田, 鈴木, 高橋, みどりの森, 佐藤×2, 渡辺');
    t.equal((await em().findOneOrFail(Invoice, { member: o.takahashi.id })).paidAmount, 5000, 'fee counted as paid');
    t.equal(await em().count(Payment, { source: 'bank' }), 6);
  });
}

t.test('the same file twice, or an overlapping file, never creates a second payment', async (t) => {
  const em = await duesDatabase(t);
  await office(em);
  const file = sample('bank-signed-preamble-202605.csv');
  await asTest(() => importStatement(em(), { bytes: file, fileName: 'a.csv' }));
  const again = await asTest(() => importStatement(em(), { bytes: file, fileName: 'a.csv' }));
  t.same([again.import.known, again.import.matched, again.import.review], [10, 0, 0]);
  t.equal(await em().count(Payment, {}), 6);
  const text =
    '取引日,起算日,入出金区分,取引区分,金額,振込依頼人名,摘要,残高\r\n2026年05月20日,2026年05月20日,入金,振込,12,ﾘｿｸ,,170132\r\n2026年06月02日,2026年06月02日,入金,振込,3000,ｻﾄｳ ﾊﾅｺ,,173132\r\n';
  const overlap = await asTest(() => importStatement(em(), { bytes: encodeCp932(text), fileName: 'b.csv' }));
  t.same([overlap.import.lines, overlap.import.known, overlap.import.review], [2, 1, 1], 'the line of 5/20 was known');
  t.equal(await em().count(BankTransaction, {}), 11);
});

t.test(
  'a 全銀協 file with two accounts stores both deposits of the same 照会番号, and an account imported before from its own file stays known',
  async (t) => {
    const em = await duesDatabase(t);
    await office(em);
    const z = sample('zengin-nyushukkin-202605.txt');
    const records = z
      .toString('latin1')
      .split('\r\n')
      .filter(Boolean)
      .map((r) => Buffer.from(r, 'latin1'));
    const other = Buffer.from(records[0]!.toString('latin1').replace('1234567', '7654321'), 'latin1');
    const twoAccounts = Buffer.concat(
      [...records.slice(0, -1), other, ...records.slice(1)].flatMap((r) => [r, Buffer.from('\r\n')]),
    );
    // The first account alone, as an earlier import stored it (fingerprints without the account).
    await asTest(() => importStatement(em(), { bytes: z, fileName: 'a.txt' }));
    const both = await asTest(() => importStatement(em(), { bytes: twoAccounts, fileName: 'both.txt' }));
    t.same([both.import.lines, both.import.known], [20, 10], 'the first account is known, the second is new');
    t.same(
      both.transactions.slice(10).map((x) => x.status === 'known'),
      Array(10).fill(false),
      'no line of the second account is taken for a repeat',
    );
    t.equal(await em().count(BankTransaction, {}), 20, 'both accounts are stored');
    const again = await asTest(() => importStatement(em(), { bytes: twoAccounts, fileName: 'both.txt' }));
    t.equal(again.import.known, 20, 'a re-upload of the two-account file is all known');
    t.equal(await em().count(BankTransaction, {}), 20);
  },
);

t.test('malformed files are refused with the line named and nothing is stored', async (t) => {
  const em = await duesDatabase(t);
  await office(em);
  const cases: [string, Buffer, RegExp][] = [
    ['empty', Buffer.alloc(0), /空です/],
    ['pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj'), /PDF/],
    ['member list', encodeCp932('会員番号,氏名,フリガナ\r\n1,山田 太郎,ヤマダ タロウ\r\n'), /会員名簿/],
    [
      'bad date',
      encodeCp932('日付,摘要,お引出し,お預入れ,残高\r\n2026/5/7,振込 ﾔﾏﾀﾞ,,5000,1\r\n2026/13/40,振込 ｽｽﾞｷ,,3000,2\r\n'),
      /3行目: 日付「2026\/13\/40」が読めません/,
    ],
    ['truncated zengin', sample('zengin-nyushukkin-202605.txt').subarray(0, 1500), /途中で切れて/],
  ];
  for (const [name, bytes, message] of cases) {
    t.match(await failure(asTest(() => importStatement(em(), { bytes, fileName: name }))), { message }, name);
  }
  t.equal(await em().count(BankImport, {}), 0);
  t.equal(await em().count(BankTransaction, {}), 0);
  t.equal(await em().count(Payment, {}), 0);
});

t.test(
  'confirming a suggestion learns the payer name; next month it matches automatically; undo of a line and of an import',
  async (t) => {
    const em = await duesDatabase(t);
    const o = await office(em);
    const first = await asTest(() =>
      importStatement(em(), { bytes: sample('bank-two-columns-202605.csv'), fileName: 'may.csv' }),
    );
    const itoLine = await em().findOneOrFail(BankTransaction, { payer: { $like: '%ｲﾄｳ%' } });
    const inv = await em().findOneOrFail(Invoice, { member: o.ito.id });
    await asTest(() =>
      confirm(em(), itoLine.id, {
        memberId: o.ito.id,
        allocations: [{ invoiceId: inv.id, amount: 5000 }],
        remainder: 'donation',
        learnAlias: true,
      }),
    );
    t.equal((await em().findOneOrFail(Invoice, inv.id)).status, 'paid');
    t.equal(await em().count(PayerAlias, { member: o.ito.id }), 1, 'alias learned');

    await asTest(() => undoLine(em(), itoLine.id, '別の会員だった'));
    t.equal((await em().findOneOrFail(Invoice, inv.id)).status, 'unpaid', 'line undo reverses the payment');
    t.equal((await em().findOneOrFail(BankTransaction, itoLine.id)).status, 'review', 'line back in the queue');
    await asTest(() =>
      confirm(em(), itoLine.id, {
        memberId: o.ito.id,
        allocations: [{ invoiceId: inv.id, amount: 5000 }],
        remainder: 'donation',
        learnAlias: true,
      }),
    );

    // June: 伊藤 owes the 2027 dues (issued early), and transfers 5,000 under the same name.
    const { createManualInvoice } = await import('../../src/dues/invoice.service.js');
    await asTest(() => createManualInvoice(em(), { memberId: o.ito.id, fiscalYear: 2027, amount: 5000 }));
    const june = encodeCp932(
      '"日付","摘要","お引出し","お預入れ","残高"\r\n"2026/6/5","振込 ｲﾄｳ ﾖｼｺ","","5,000","1"\r\n',
    );
    const next = await asTest(() => importStatement(em(), { bytes: june, fileName: 'june.csv' }));
    t.equal(next.transactions[0]!.status, 'matched', 'the learned payer name matched automatically');
    t.match(await failure(asTest(() => undoImport(em(), first.import.id!, ''))), { statusCode: 422 });
    await asTest(() => undoImport(em(), first.import.id!, '別の口座の明細だった'));
    t.equal(await em().count(BankTransaction, { bankImport: first.import.id }), 0, 'lines removed');
    t.equal(await em().count(Payment, { source: 'bank', status: 'active' }), 1, 'only June stays');
    const again = await asTest(() =>
      importStatement(em(), { bytes: sample('bank-two-columns-202605.csv'), fileName: 'may.csv' }),
    );
    t.equal(again.import.known, 0, 'after an undo the same file can be imported again');
  },
);
