import t from 'tap';
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderCertificates } from '../../src/documents/certificate.pdf.js';
import { renderReceipts } from '../../src/documents/receipt.pdf.js';
import { createManualInvoice } from '../../src/dues/invoice.service.js';
import { recordPayment } from '../../src/dues/payment.service.js';
import { certificateDocs, certificateStyle } from '../../src/receipts/certificate-docs.js';
import { issueCertificates } from '../../src/receipts/certificate.service.js';
import { receiptDocs, receiptStyle } from '../../src/receipts/receipt-docs.js';
import { issueReceiptsForYear } from '../../src/receipts/receipt.service.js';
import { saveSeal } from '../../src/receipts/seal.js';
import { updateSettings } from '../../src/settings/settings.service.js';
import { MemberType } from '../../src/members/member-type.entity.js';
import { duesDatabase, failure } from '../dues/fixtures.js';
import { asTest, CERTIFICATION, ledger, pdfText, squash } from './fixtures.js';
import { sealPng } from './seal-png.js';

const dir = mkdtempSync(join(tmpdir(), 'enishi-render-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

/** Share of dark (or, with red, reddish) pixels in a box of the 60-dpi page (mm from the top left). */
function ink(pdf: string, box: { x: number; y: number; w: number; h: number }, red = false): number {
  const raw = execFileSync('pdftoppm', [
    '-r',
    '60',
    '-singlefile',
    '-x',
    String(Math.round((box.x / 25.4) * 60)),
    '-y',
    String(Math.round((box.y / 25.4) * 60)),
    '-W',
    String(Math.round((box.w / 25.4) * 60)),
    '-H',
    String(Math.round((box.h / 25.4) * 60)),
    pdf,
  ]);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(raw.subarray(0, 30).toString('latin1'))!;
  const pixels = raw.subarray(header[0].length);
  let hits = 0;
  for (let i = 0; i < pixels.length; i += 3) {
    const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
    if (red ? r > 150 && g < 100 && b < 100 : r + g + b < 300) hits += 1;
  }
  return hits / (pixels.length / 3);
}

t.test('a receipt and a certificate render to PNG with ink where the address, amount and seal belong', async (t) => {
  const em = await duesDatabase(t);
  await ledger(em);
  await asTest(() => updateSettings(em(), CERTIFICATION));
  saveSeal(dir, sealPng());
  const receipts = await asTest(() => issueReceiptsForYear(em(), { fiscalYear: 2026, issuedOn: '2026-08-01' }));
  const receipt = join(dir, 'receipt.pdf');
  await renderReceipts(receiptDocs(em(), [receipts[0]!.id]), await receiptStyle(em(), dir), createWriteStream(receipt));
  const certs = await asTest(() => issueCertificates(em(), { year: 2026, combined: true, issuedOn: '2026-12-28' }));
  const cert = join(dir, 'certificate.pdf');
  await renderCertificates(
    certificateDocs(
      em(),
      certs.map((c) => c.id),
    ),
    await certificateStyle(em(), dir),
    createWriteStream(cert),
  );
  const out = process.env.ENISHI_PNG_DIR ?? dir; // set it to keep the pages and look at them
  for (const [file, name] of [
    [receipt, 'receipt'],
    [cert, 'certificate'],
  ] as const) {
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(out, name)]);
  }
  t.ok(
    readdirSync(out).includes('receipt.png') && readdirSync(out).includes('certificate.png'),
    'both pages render to PNG',
  );
  // The window of a 長形3号 envelope (address-window.ts): 20-110 mm from the left, 45-90 mm from the top.
  t.ok(ink(receipt, { x: 22, y: 46, w: 86, h: 42 }) > 0.01, 'address in the envelope window');
  t.ok(ink(receipt, { x: 22, y: 10, w: 86, h: 30 }) < 0.001, 'nothing above the window on the left');
  t.ok(ink(receipt, { x: 40, y: 110, w: 130, h: 18 }) > 0.03, 'amount in its box, below the first fold');
  t.ok(ink(receipt, { x: 145, y: 215, w: 35, h: 30 }, true) > 0.05, 'the red seal over the end of the issuer name');
  t.ok(ink(receipt, { x: 20, y: 215, w: 90, h: 30 }, true) < 0.001, 'no red anywhere else on that line');
  t.ok(ink(receipt, { x: 20, y: 240, w: 170, h: 50 }) < 0.001, 'the bottom of the page is blank');
  t.ok(ink(cert, { x: 22, y: 46, w: 86, h: 42 }) > 0.01, 'certificate: donor address in the window');
  t.ok(ink(cert, { x: 40, y: 114, w: 130, h: 16 }) > 0.03, 'certificate: amount box');
});

t.test(
  'a certificate carries every item the donor’s tax return needs, and dues of a voting type are never on it',
  async (t) => {
    const em = await duesDatabase(t);
    const l = await ledger(em);
    await asTest(() => updateSettings(em(), { ...CERTIFICATION, era: 'wareki' }));
    const certs = await asTest(() => issueCertificates(em(), { year: 2026, combined: true, issuedOn: '2026-12-28' }));
    const file = join(dir, 'items.pdf');
    await renderCertificates(
      certificateDocs(
        em(),
        certs.map((c) => c.id),
      ),
      await certificateStyle(em(), dir),
      createWriteStream(file),
    );
    const text = pdfText(file);
    for (const s of [
      '寄附金受領証明書',
      '特定非営利活動法人エニシの会',
      '東京都新宿区新宿1-2-3',
      '認定通知書の番号',
      '新宿区指令第1234号',
      '認定年月日',
      '令和6年4月1日',
      '上記の金額は、当法人の行う特定非営利活動に係る（子どもの居場所づくり）事業に関連する寄附金として受領いたしました。',
      '山田太郎様',
      '東京都千代田区千代田1-1-1',
      '￥2,000-',
      '令和8年4月10日',
      '鈴木一郎様',
      '東京都渋谷区神宮前1-1-1',
      '￥20,000-',
      '令和8年7月7日',
      '株式会社みどり',
    ])
      t.ok(text.includes(squash(s)), `contains ${s}`);
    t.notOk(text.includes('￥7,000-'), 'the payment total (dues + gift) is not certified');
    t.notOk(
      text.includes('￥5,000-') || text.includes('￥3,000-'),
      'no dues: 正会員 votes, 賛助会員 is not switched on',
    );
    t.notOk(text.includes('髙橋'), 'a dues-only member gets no certificate');
    // 賛助会員 switched on: their dues count; 正会員 never, even if the row were switched on by hand.
    await em().nativeUpdate(MemberType, { name: { $in: ['賛助会員', '正会員'] } }, { countsAsDonation: true });
    const more = await asTest(() => issueCertificates(em(), { year: 2026, combined: false }));
    t.same(
      more.map((c) => [c.memberNo, c.total]),
      [['2', 3000]],
    );
    const inv = await asTest(() =>
      createManualInvoice(em(), { memberId: l.yamada.id, fiscalYear: 2027, issuedOn: '2026-12-01' }),
    );
    await asTest(() =>
      recordPayment(em(), {
        memberId: l.yamada.id,
        receivedOn: '2026-12-10',
        amount: 5000,
        method: 'cash',
        allocations: [{ invoiceId: inv.id, amount: 5000 }],
      }),
    );
    t.same(
      await asTest(() => issueCertificates(em(), { year: 2026, combined: true })),
      [],
      '正会員 dues are never a gift',
    );
  },
);

t.test('a template that drops the activity sentence is refused before anything is issued', async (t) => {
  const em = await duesDatabase(t);
  await ledger(em);
  await asTest(() => updateSettings(em(), CERTIFICATION));
  const own = mkdtempSync(join(tmpdir(), 'enishi-tpl-'));
  t.teardown(() => rmSync(own, { recursive: true, force: true }));
  execFileSync('mkdir', ['-p', join(own, 'templates', 'certificates')]);
  writeFileSync(join(own, 'templates', 'certificates', 'activity.eta'), 'ご寄附ありがとうございました。\n');
  t.match(await failure(certificateStyle(em(), own)), { message: /寄附金に係る事業の文言/ });
});
