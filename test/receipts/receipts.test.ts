import t from 'tap';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReceipts } from '../../src/documents/receipt.pdf.js';
import { reversePayment } from '../../src/dues/payment.service.js';
import { receiptDocs, receiptStyle } from '../../src/receipts/receipt-docs.js';
import {
  issueAnnualReceipt,
  issueReceiptFor,
  issueReceiptsForYear,
  reissueReceipt,
  voidReceipt,
} from '../../src/receipts/receipt.service.js';
import { updateSettings } from '../../src/settings/settings.service.js';
import { duesDatabase, failure } from '../dues/fixtures.js';
import { asTest, ledger, pdfText, squash } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'enishi-receipts-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

t.test(
  'a year run receipts every payment and gift once, numbered without gaps, and a second run issues nothing',
  async (t) => {
    const em = await duesDatabase(t);
    await ledger(em);
    const first = await asTest(() => issueReceiptsForYear(em(), { fiscalYear: 2026, issuedOn: '2026-08-01' }));
    t.same(
      first.map((r) => [r.number, r.memberNo, r.amount, r.receivedOn, r.kind]),
      [
        ['2026-000001', '1', 7000, '2026-04-10', 'mixed'],
        ['2026-000002', '2', 3000, '2026-05-20', 'dues'],
        ['2026-000003', '3', 10000, '2026-06-01', 'donation'],
        ['2026-000004', null, 20000, '2026-07-07', 'donation'],
      ],
    );
    t.same(await asTest(() => issueReceiptsForYear(em(), { fiscalYear: 2026 })), [], 'nothing is receipted twice');
    t.same(await asTest(() => issueReceiptsForYear(em(), { fiscalYear: 2025 })), [], 'another year has none');
  },
);

t.test('reissue keeps the number, void keeps it too, and the next receipt takes the next number', async (t) => {
  const em = await duesDatabase(t);
  const l = await ledger(em);
  const one = await asTest(() => issueReceiptFor(em(), { paymentId: l.p1.id }));
  t.equal(one.number, '2026-000001');
  t.match(await failure(asTest(() => issueReceiptFor(em(), { paymentId: l.p1.id }))), {
    statusCode: 409,
    message: /有効な領収書/,
  });
  const again = await asTest(() => reissueReceipt(em(), one.number));
  t.equal(again.number, one.number);
  t.equal(again.reissueCount, 1);
  t.match(await failure(asTest(() => voidReceipt(em(), one.number, ' '))), { statusCode: 422 });
  const voided = await asTest(() => voidReceipt(em(), one.number, '金額の誤り'));
  t.equal(voided.status, 'void');
  t.equal(voided.voidReason, '金額の誤り');
  t.match(await failure(asTest(() => reissueReceipt(em(), one.number))), {
    statusCode: 409,
    message: /取り消されています/,
  });
  const replaced = await asTest(() => issueReceiptFor(em(), { paymentId: l.p1.id }));
  t.equal(replaced.number, '2026-000002', 'the voided payment is receipted again under the next number');
  const rest = await asTest(() => issueReceiptsForYear(em(), { fiscalYear: 2026 }));
  t.same(
    rest.map((r) => r.number),
    ['2026-000003', '2026-000004', '2026-000005'],
    'no gap, no reuse',
  );
  const audit = await em().execute<{ entity_name: string; action: string }[]>(
    "select entity_name, action from audit_log where entity_name = 'Receipt' order by id",
  );
  t.ok(audit.filter((a) => a.action === 'update').length >= 2, 'reissue and void are in the change history');
});

t.test('a reversed payment gets no receipt; the annual receipt lists a member’s uncovered payments', async (t) => {
  const em = await duesDatabase(t);
  const l = await ledger(em);
  await asTest(() => reversePayment(em(), l.p2.id, '二重入金'));
  const annual = await asTest(() => issueAnnualReceipt(em(), l.yamada.id, 2026));
  t.equal(annual.amount, 7000);
  t.match(await failure(asTest(() => issueAnnualReceipt(em(), l.yamada.id, 2026))), { statusCode: 409 });
  t.match(
    await failure(asTest(() => issueAnnualReceipt(em(), l.takahashi.id, 2026))),
    { statusCode: 409 },
    'the reversed payment is not receipted',
  );
});

t.test('the printed receipt shows payer, honorific, amount, 但し書き, 和暦 dates, issuer and the marks', async (t) => {
  const em = await duesDatabase(t);
  await ledger(em);
  await asTest(() => updateSettings(em(), { era: 'wareki', 'receipt.stampNote': true }));
  const issued = await asTest(() => issueReceiptsForYear(em(), { fiscalYear: 2026, issuedOn: '2026-08-01' }));
  const file = join(dir, 'year.pdf');
  await renderReceipts(
    receiptDocs(
      em(),
      issued.map((r) => r.id),
    ),
    await receiptStyle(em(), dir),
    createWriteStream(file),
  );
  const text = pdfText(file);
  for (const s of [
    '領収書',
    '2026-000001',
    '山田太郎様',
    '￥7,000-',
    '2026年度正会員年会費として',
    '￥5,000-',
    'ご寄附として',
    '￥2,000-',
    '令和8年4月10日',
    '発行日令和8年8月1日',
    '2026年度賛助会員年会費として',
    '株式会社みどり御中',
    '鈴木一郎様',
    '￥20,000-',
    '上記の金額を正に領収いたしました。',
    '特定非営利活動法人エニシの会',
    '理事長佐藤花子',
    '印紙税法基本通達別表第1第17号文書により非課税',
    '〒100-0001',
  ])
    t.ok(text.includes(squash(s)), `contains ${s}`);
  t.notOk(text.includes('再発行'), 'a first copy is not marked');
  await asTest(() => updateSettings(em(), { era: 'seireki', 'receipt.stampNote': false, 'receipt.paper': 'A5' }));
  const copy = join(dir, 'copy.pdf');
  await renderReceipts(
    receiptDocs(em(), [issued[1]!.id], { reissue: true }),
    await receiptStyle(em(), dir),
    createWriteStream(copy),
  );
  const copyText = pdfText(copy);
  for (const s of ['再発行', '2026-000002', '2026年5月20日', '髙橋花子様'])
    t.ok(copyText.includes(squash(s)), `copy contains ${s}`);
  t.notOk(copyText.includes('印紙税法'), 'the note is a setting');
  t.notOk(copyText.includes('ご寄附'), 'dues alone are never called a gift');
});

t.test('an empty organisation name stops printing before the first page', async (t) => {
  const em = await duesDatabase(t);
  t.match(await failure(receiptStyle(em(), dir)), { message: /団体名/ });
});
