import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addressArea, ENVELOPE_WINDOW, mm } from '../../src/documents/address-window.js';
import { drawInvoicePage, type InvoiceDoc, type OrgInfo } from '../../src/documents/invoice.pdf.js';
import { createDocument, pdfToBuffer } from '../../src/documents/pdf.js';
import { createTemplateStore } from '../../src/documents/templates.js';
import { composeLetter, type ThankLetterDoc } from '../../src/documents/thank-letter.js';
import { drawHorizontalLetter } from '../../src/documents/thank-letter.pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'enishi-window-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

const org = (offset = { x: 0, y: 0 }): OrgInfo => ({
  templates: createTemplateStore(dir), name: 'NPO法人 縁の会', phone: '03-1234-5678', bankAccounts: ['ゆうちょ銀行 00120-3-456789'], era: 'wareki', offset,
});
const member = { memberNo: '7', name: '山田 太郎', honorific: '様' as const, kana: 'ヤマダ タロウ', postalCode: '160-0022', prefecture: '東京都', city: '新宿区', address1: '新宿1-2-3', address2: 'エニシハイツ201' };
const invoice: InvoiceDoc = { invoiceNo: '2026-000007', fiscalYearLabel: '2026年度', issuedOn: '2026-04-01', dueOn: '2026-04-30', amount: 5000, description: '年会費', member };
const letter: ThankLetterDoc = { kind: 'donation', letterDate: '2026-06-10', amount: 3000, receivedOn: '2026-06-01', to: member };

interface Word { text: string; xMin: number; yMin: number; xMax: number; yMax: number }
async function words(name: string, draw: (doc: PDFKit.PDFDocument) => void): Promise<Word[]> {
  const doc = createDocument();
  draw(doc);
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await pdfToBuffer(doc));
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]! }));
}

/** The words making up the address block: postal code, street, building, name. */
const addressWords = (ws: Word[]) => ws.filter((w) => /^(〒160-0022|東京都新宿区新宿1-2-3|エニシハイツ201|山田|太郎|様)$/.test(w.text));

const drawers: [string, (offset?: { x: number; y: number }) => (doc: PDFKit.PDFDocument) => void][] = [
  ['invoice', (o) => (doc) => drawInvoicePage(doc, invoice, org(o))],
  ['letter', (o) => (doc) => drawHorizontalLetter(doc, letter, composeLetter(letter, org(o), { salutation: '拝啓' }), org(o))],
];

t.test('the address block sits inside the 長形3号 window on invoices and letters', async (t) => {
  const win = { x0: mm(ENVELOPE_WINDOW.left), y0: mm(ENVELOPE_WINDOW.top), x1: mm(ENVELOPE_WINDOW.left + ENVELOPE_WINDOW.width), y1: mm(ENVELOPE_WINDOW.top + ENVELOPE_WINDOW.height) };
  for (const [name, draw] of drawers) {
    const ws = addressWords(await words(name, draw()));
    t.ok(ws.length >= 5, `${name}: address words found (${ws.map((w) => w.text).join(' ')})`);
    for (const w of ws) {
      t.ok(w.xMin >= win.x0 && w.xMax <= win.x1 && w.yMin >= win.y0 && w.yMax <= win.y1, `${name}: 「${w.text}」 inside the window`);
    }
    const postal = ws.find((w) => w.text.startsWith('〒'))!;
    t.ok(Math.abs(postal.xMin - addressArea().x) < 1.5, `${name}: the block starts at the window's padded left edge`);
    const others = (await words(name, draw())).filter((w) => !ws.includes(w) && w.yMin > win.y0 && w.yMax < win.y1 && w.xMin < win.x1);
    t.same(others.map((w) => w.text).filter((s) => !/^(〒|東京都|エニシ|山田|太郎|様)/.test(s)), [], `${name}: nothing else shows through the window`);
  }
});

t.test('the printer offset moves the address block by that many millimetres', async (t) => {
  for (const [name, draw] of drawers) {
    const base = addressWords(await words(`${name}-0`, draw()));
    const moved = addressWords(await words(`${name}-1`, draw({ x: 3, y: -2.5 })));
    const p0 = base.find((w) => w.text.startsWith('〒'))!;
    const p1 = moved.find((w) => w.text.startsWith('〒'))!;
    t.ok(Math.abs(p1.xMin - p0.xMin - mm(3)) < 0.5, `${name}: 3 mm to the right`);
    t.ok(Math.abs(p1.yMin - p0.yMin + mm(2.5)) < 0.5, `${name}: 2.5 mm up`);
  }
});
