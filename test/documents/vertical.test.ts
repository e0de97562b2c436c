import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { A4, createDocument, pdfToBuffer } from '../../src/documents/pdf.js';
import { createTemplateStore } from '../../src/documents/templates.js';
import { composeLetter, type ThankLetterDoc } from '../../src/documents/thank-letter.js';
import {
  drawHorizontalLetter,
  drawVerticalLetter,
  VERTICAL,
  verticalBlocks,
} from '../../src/documents/thank-letter.pdf.js';
import { drawVerticalCells, layoutVertical } from '../../src/documents/vertical.js';
import type { OrgInfo } from '../../src/documents/letter-layout.js';
import { decodeGreyPng, inkIn } from './png.js';

const dir = mkdtempSync(join(tmpdir(), 'enishi-vertical-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

const cellsOf = (text: string, opts: Parameters<typeof layoutVertical>[0][number] = { text }, rows = 5) =>
  layoutVertical([{ ...opts, text }], rows)
    .map((c) => `${c.ch}${c.col}.${c.row}`)
    .join(' ');

t.test('characters fill columns top to bottom, then the next column to the left', async (t) => {
  const cases: [string, Parameters<typeof layoutVertical>[0][number], string][] = [
    ['あいう', { text: '' }, 'あ0.0 い0.1 う0.2'],
    ['あいうえおか', { text: '' }, 'あ0.0 い0.1 う0.2 え0.3 お0.4 か1.0'],
    ['あい', { text: '', indent: 1 }, 'あ0.1 い0.2'],
    ['敬具', { text: '', align: 'bottom' }, '敬0.3 具0.4'],
    ['あいうえおかき', { text: '', align: 'bottom' }, 'あ0.0 い0.1 う0.2 え0.3 お0.4 か1.0 き1.1'],
    ['あいうえお。', { text: '' }, 'あ0.0 い0.1 う0.2 え0.3 お0.4 。0.5'],
    ['あいうえお」か', { text: '' }, 'あ0.0 い0.1 う0.2 え0.3 お0.4 」0.5 か1.0'],
  ];
  for (const [text, opts, expected] of cases) t.equal(cellsOf(text, opts), expected, `${text} ${JSON.stringify(opts)}`);
  const blocks = layoutVertical([{ text: 'あ' }, { text: 'い', gapBefore: 1 }, { text: 'う', scale: 2 }], 6);
  t.same(
    blocks.map((c) => [c.ch, c.col, c.row, c.scale]),
    [
      ['あ', 0, 0, 1],
      ['い', 2, 0, 1],
      ['う', 3, 0, 2],
    ],
    'blank columns and larger text',
  );
});

const org: OrgInfo = {
  templates: createTemplateStore(dir),
  name: 'NPO法人 縁の会',
  representative: '理事長 佐藤 花子',
  bankAccounts: [],
  era: 'wareki',
};
const letter: ThankLetterDoc = {
  kind: 'dues',
  letterDate: '2026-11-20',
  amount: 5000,
  donationAmount: 2000,
  receivedOn: '2026-11-02',
  fiscalYearLabel: '2026年度',
  to: {
    memberNo: '12',
    name: '山田 太郎',
    honorific: '様',
    postalCode: '160-0022',
    prefecture: '東京都',
    city: '新宿区',
    address1: '新宿1-2-3',
  },
};

t.test('the vertical letter keeps the order 前文・主文・末文・結語・日付・差出人・宛名 in 漢数字', async (t) => {
  const text = composeLetter(letter, org, { salutation: '謹啓', vertical: true });
  t.match(text.opening, /^謹啓　晩秋の候、山田　太郎様には/);
  t.equal(text.closing, '謹白', '謹啓 closes with 謹白');
  t.equal(text.date, '令和八年十一月二十日');
  t.ok(
    text.body.some((p) => p.includes('二〇二六年度の年会費として五千円を令和八年十一月二日に')),
    '漢数字 in the body',
  );
  t.ok(text.body.some((p) => p.includes('二千円のご寄附')));
  t.notMatch(text.body.join(''), /[0-9０-９]/, 'no Arabic digits left');
  t.equal(text.addressee, '山田　太郎　様');
  const blocks = verticalBlocks(text);
  t.same(
    blocks.slice(-4).map((b) => [b.text, b.align ?? 'top', b.indent ?? 0]),
    [
      ['令和八年十一月二十日', 'top', 3],
      ['NPO法人　縁の会'.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), 'bottom', 0],
      ['理事長　佐藤　花子', 'bottom', 0],
      ['山田　太郎　様', 'top', 0],
    ],
    'date a few characters down, sender at the foot, addressee from the top',
  );
  const closing = blocks.find((b) => b.text === '謹白')!;
  t.equal(closing.align, 'bottom', '結語 at the foot');
  const plain = composeLetter(letter, org, { salutation: '前略' });
  t.equal(plain.opening, '前略', '前略 has no seasonal greeting');
  t.equal(plain.closing, '草々');
});

async function png(name: string, draw: (doc: PDFKit.PDFDocument) => void) {
  const doc = createDocument();
  draw(doc);
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await pdfToBuffer(doc));
  execFileSync('pdftoppm', ['-png', '-gray', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(dir, name)]);
  const keep = process.env.ENISHI_PNG_DIR; // set it to keep the pages (in colour, sharper) and look at them
  if (keep)
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '90',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      join(keep, `letter-${name}`),
    ]);
  return decodeGreyPng(readFileSync(join(dir, `${name}.png`)));
}

t.test('rendered to PNG, the letters have ink where a reader expects it', async (t) => {
  const v = await png('vertical', (doc) =>
    drawVerticalLetter(doc, letter, composeLetter(letter, org, { salutation: '拝啓', vertical: true })),
  );
  const rightColumn = (VERTICAL.right - VERTICAL.columnPitch) / A4.width;
  t.ok(
    inkIn(v, { left: rightColumn, top: 0.08, right: VERTICAL.right / A4.width, bottom: 0.5 }) > 0.03,
    'vertical: the first column at the right is written from the top',
  );
  t.ok(
    inkIn(v, { left: 0.02, top: 0.02, right: 0.98, bottom: 0.07 }) < 0.001,
    'vertical: nothing above the top margin',
  );
  t.ok(
    inkIn(v, { left: 0.02, top: 0.93, right: 0.98, bottom: 0.99 }) < 0.001,
    'vertical: nothing below the bottom margin',
  );
  t.ok(inkIn(v, { left: 0.02, top: 0.05, right: 0.08, bottom: 0.95 }) < 0.001, 'vertical: the left edge stays blank');

  const h = await png('horizontal', (doc) =>
    drawHorizontalLetter(doc, letter, composeLetter(letter, org, { salutation: '拝啓' }), org),
  );
  t.ok(inkIn(h, { left: 0.05, top: 0.05, right: 0.95, bottom: 0.95 }) > 0.005, 'horizontal: the page has text');
  t.ok(
    inkIn(h, { left: 0.1, top: 0.16, right: 0.45, bottom: 0.3 }) > 0.01,
    'horizontal: the address in the window area',
  );
  t.ok(inkIn(h, { left: 0.6, top: 0.02, right: 0.95, bottom: 0.06 }) > 0.005, 'horizontal: the date at the top right');
});

t.test('the long vowel mark and brackets take their vertical forms', async (t) => {
  const size = 40;
  const draw = (text: string) => (doc: PDFKit.PDFDocument) => {
    doc.addPage();
    drawVerticalCells(doc, layoutVertical([{ text }], 10), {
      right: 300,
      top: 100,
      size,
      columnPitch: 60,
      rowPitch: size,
      font: 'jp-serif',
    });
  };
  // Within the column (x 240–300 pt), a vertical ー is a tall thin stroke; a horizontal one would be wide and flat.
  for (const [ch, name] of [
    ['ー', 'chouon'],
    ['「', 'bracket'],
  ] as const) {
    const img = await png(name, draw(ch));
    const px = (pt: number, total: number, pixels: number) => Math.round((pt / total) * pixels);
    let minX = Infinity,
      maxX = -1,
      minY = Infinity,
      maxY = -1;
    for (let y = px(95, A4.height, img.height); y < px(150, A4.height, img.height); y++) {
      for (let x = px(235, A4.width, img.width); x < px(305, A4.width, img.width); x++) {
        if (img.at(x, y) < 128) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    t.ok(maxX >= 0, `${ch}: drawn`);
    const w = maxX - minX + 1,
      h = maxY - minY + 1;
    if (ch === 'ー') t.ok(h > 2 * w, `ー is upright (${w}×${h} px)`);
    else t.ok(maxY - minY >= 0 && w > h, `「 turns into the vertical corner (${w}×${h} px)`);
  }
});
