import { PassThrough } from 'node:stream';
import t from 'tap';
import { columns, NAGA3, postalBoxes, toVerticalText } from '../../src/documents/envelope-layout.js';
import { renderEnvelopes, type EnvelopeOptions } from '../../src/documents/envelope.pdf.js';
import type { AddressLabel } from '../../src/documents/labels.pdf.js';
import { mm } from '../../src/documents/label-sheets.js';
import { pdfWords, renderGray } from './pdf-tools.js';

async function pdfOf(labels: AddressLabel[], opts: EnvelopeOptions): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await renderEnvelopes(labels, opts, out);
  return Buffer.concat(chunks);
}
const yamada: AddressLabel = {
  postalCode: '160-0022',
  address: ['東京都新宿区新宿1-2-3', 'エニシビル501'],
  names: ['山田 太郎 様', '花子 様'],
  barcode: '16000221-2-3-501',
};

t.test('the seven postal-code boxes sit 12 mm from the top and 8 mm from the right with an even pitch', async (t) => {
  const boxes = postalBoxes();
  t.equal(boxes.length, 7);
  t.equal(boxes[0]!.y, 12);
  t.equal(+(NAGA3.width - (boxes[6]!.x + boxes[6]!.w)).toFixed(6), 8);
  const pitch = boxes.slice(1).map((b, i) => +(b.x - boxes[i]!.x).toFixed(6));
  t.same(pitch, [6.9, 6.9, 7.5, 6.9, 6.9, 6.9]);
});

t.test('vertical text uses 漢数字 and a turned long mark for hyphens', async (t) => {
  const cases: [string, string][] = [
    ['新宿1-2-30', '新宿一ー二ー三〇'],
    ['ABCビル 5F', 'ＡＢＣビル　五Ｆ'],
    ['１０２号', '一〇二号'],
  ];
  for (const [from, to] of cases) t.equal(toVerticalText(from), to, from);
  t.same(columns('あいうえおか', 4), ['あいうえ', 'おか']);
});

t.test('each postal digit is printed inside its box, across and down', async (t) => {
  for (const vertical of [false, true]) {
    const words = pdfWords(await pdfOf([yamada], { vertical }));
    const boxes = postalBoxes();
    '1600022'.split('').forEach((d, i) => {
      const b = boxes[i]!;
      const w = words.find(
        (x) =>
          x.text === d &&
          x.xMin >= mm(b.x) - 0.5 &&
          x.xMax <= mm(b.x + b.w) + 0.5 &&
          x.yMin >= mm(b.y) - 1 &&
          x.yMax <= mm(b.y + b.h) + 1,
      );
      t.ok(w, `${vertical ? 'vertical' : 'horizontal'}: digit ${i + 1} in box ${i + 1}`);
    });
    const text = words.map((w) => w.text).join('');
    // Vertical glyphs come back one word each, in no reading order: check the characters.
    if (vertical)
      t.ok(
        ['山', '田', '太', '郎', '様', '花', '子'].every((c) => text.includes(c)),
        'the names are printed',
      );
    else t.match(text, /山田太郎様/, 'the name is printed');
  }
});

t.test('a rendered envelope has ink in the boxes and the address area and none at the edges', async (t) => {
  const img = renderGray(await pdfOf([yamada], { barcode: true }));
  const px = (v: number) => Math.round((v / 25.4) * 60);
  const dark = (x0: number, y0: number, x1: number, y1: number) => {
    let n = 0;
    for (let y = px(y0); y < px(y1); y++)
      for (let x = px(x0); x < px(x1); x++) if (img.data[y * img.width + x]! < 128) n++;
    return n;
  };
  t.ok(Math.abs(img.width - px(NAGA3.width)) <= 1, 'the page is a 長形3号 envelope');
  t.ok(dark(64, 12, 112, 20) > 20, 'digits in the postal-code boxes');
  t.ok(dark(18, 32, 108, 80) > 100, 'the address block');
  t.equal(dark(0, 0, 120, 10), 0, 'nothing above the boxes');
  t.equal(dark(0, 0, 12, 235), 0, 'nothing on the left edge');
  t.equal(dark(0, 200, 120, 235), 0, 'nothing at the bottom');
  if (process.env.ENISHI_KEEP_PNG) (await import('node:fs')).writeFileSync(process.env.ENISHI_KEEP_PNG, img.png);
});
