import t from 'tap';
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTemplateStore } from '../../src/documents/templates.js';
import { renderInvoices, type InvoiceDoc, type OrgInfo } from '../../src/documents/invoice.pdf.js';
import { createDocument, pdfToBuffer, writePdfToFile } from '../../src/documents/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'enishi-invoice-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

const ORG: OrgInfo = {
  templates: createTemplateStore(dir),
  name: '特定非営利活動法人 エニシの会', postalCode: '160-0022', address: '東京都新宿区新宿1-2-3', phone: '03-1234-5678',
  bankAccounts: ['〇〇銀行 本店 普通 1234567 トクヒ)エニシ', 'ゆうちょ銀行 振替口座 00100-1-123456 エニシの会'], era: 'wareki',
};
const invoice = (no: number, over: Partial<InvoiceDoc['member']> = {}): InvoiceDoc => ({
  invoiceNo: `INV-2026-${no}`, fiscalYearLabel: '2026年度', issuedOn: '2026-04-01', dueOn: '2026-04-30', amount: 12345,
  description: '2026年度 年会費（正会員）',
  member: { memberNo: String(no), name: `山田 太郎${no}`, honorific: '様', kana: 'ヤマダ タロウ', postalCode: '100-0001', prefecture: '東京都', city: '千代田区', address1: '千代田1-1-1', ...over },
});

async function render(name: string, invs: Iterable<InvoiceDoc> | AsyncIterable<InvoiceDoc>, org = ORG): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  await renderInvoices(invs, org, createWriteStream(file));
  return file;
}
// pdftotext breaks lines and spaces by layout; compare without whitespace.
const text = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
const squash = (s: string) => s.replace(/\s+/g, '');
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

t.test('an invoice shows the member, amount, dates, bank accounts and the member-number instruction', async (t) => {
  const out = text(await render('one', [invoice(123)]));
  const expected = [
    '請求書', '山田太郎123様', '〒100-0001', '会員番号', '12,345円', '令和8年4月1日', '令和8年4月30日', '支払期限', 'INV-2026-123',
    '〇〇銀行本店普通1234567トクヒ)エニシ', 'ゆうちょ銀行振替口座00100-1-123456エニシの会',
    'お振込みの際は、振込依頼人名の前に会員番号を入れてください（例：123ﾔﾏﾀﾞﾀﾛｳ）。', '特定非営利活動法人エニシの会',
  ];
  for (const s of expected) t.ok(out.includes(squash(s)), `contains ${s}`);
});

t.test('the Noto Sans JP fonts are embedded as subsets', async (t) => {
  const fonts = execFileSync('pdffonts', [await render('fonts', [invoice(1)])], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  t.ok(fonts.length >= 1, 'lists fonts');
  for (const row of fonts) {
    t.match(row, /NotoSansJP/, 'only Noto Sans JP is used');
    t.equal(row.split(/\s+/).at(-5), 'yes', `embedded: ${row}`);
  }
});

t.test('one page per invoice, from a sync or async iterable', async (t) => {
  async function* gen() { for (const n of [1, 2, 3]) yield invoice(n); }
  const cases: [string, Iterable<InvoiceDoc> | AsyncIterable<InvoiceDoc>][] = [['array', [1, 2, 3].map((n) => invoice(n))], ['async', gen()]];
  for (const [name, invs] of cases) {
    const file = await render(name, invs);
    t.equal(pages(file), 3, `${name}: 3 pages`);
    const out = text(file);
    for (const n of [1, 2, 3]) t.ok(out.includes(`山田太郎${n}様`), `${name}: member ${n}`);
  }
});

t.test('organisations with a contact person are addressed to the person, western dates when chosen', async (t) => {
  const file = await render('org', [invoice(5, { name: '株式会社エニシ', honorific: '御中', contactPerson: '鈴木 一郎' })], { ...ORG, era: 'seireki' });
  const out = text(file);
  const cases: [string, boolean][] = [['株式会社エニシ', true], ['担当鈴木一郎様', true], ['御中', false], ['2026年4月1日', true], ['令和', false]];
  for (const [s, present] of cases) t.equal(out.includes(s), present, `${present ? 'contains' : 'lacks'} ${s}`);
});

t.test('overlong data is cut short instead of spilling onto another page', async (t) => {
  const long = 'あいうえおかきくけこさしすせそたちつてとなにぬねの'.repeat(8);
  const org = { ...ORG, name: long, address: long, representative: long, bankAccounts: Array(9).fill(long) as string[] };
  const inv = { ...invoice(99999999, { name: long, contactPerson: long, address1: long, address2: long }), description: long, amount: 123456789 };
  t.equal(pages(await render('long', [inv, inv], org)), 2);
});

t.test('an empty batch gives a one-page PDF saying there is nothing to print', async (t) => {
  const file = await render('empty', []);
  t.equal(pages(file), 1);
  t.ok(text(file).includes('出力する対象がありません'));
});

t.test('a failing output stream or bad data rejects instead of hanging', async (t) => {
  await t.rejects(renderInvoices([invoice(1)], ORG, createWriteStream(join(dir, 'missing-dir', 'x.pdf'))), 'unwritable file');
  const out = createWriteStream(join(dir, 'bad.pdf'));
  await t.rejects(renderInvoices([invoice(1), { ...invoice(2), amount: 0.5 }], ORG, out), RangeError, 'fractional yen');
  t.ok(out.destroyed, 'the output is closed');
});

t.test('small documents can be written to a buffer or a file', async (t) => {
  const draw = (title: string) => {
    const doc = createDocument({ title });
    doc.addPage().text('領収書 テスト');
    return doc;
  };
  const buf = await pdfToBuffer(draw('buffer'));
  t.equal(buf.subarray(0, 5).toString(), '%PDF-');
  const fromBuffer = join(dir, 'buffer.pdf');
  writeFileSync(fromBuffer, buf);
  const fromFile = join(dir, 'file.pdf');
  await writePdfToFile(draw('file'), fromFile);
  for (const file of [fromBuffer, fromFile]) {
    t.equal(pages(file), 1, `${file}: one page`);
    t.ok(text(file).includes('領収書テスト'), `${file}: text`);
  }
});
