import { PassThrough } from 'node:stream';
import t from 'tap';
import { innerBox, renderLabels, type AddressLabel } from '../../src/documents/labels.pdf.js';
import { labelRect, mm, perSheet, SHEETS, type Rect } from '../../src/documents/label-sheets.js';
import { pdfWords, renderGray } from './pdf-tools.js';

async function pdfOf(
  labels: AddressLabel[],
  sheet: string,
  extra: { start?: number; barcode?: boolean } = {},
): Promise<{ pdf: Buffer; sheets: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const { sheets } = await renderLabels(labels, { sheet: SHEETS[sheet]!, ...extra }, out);
  return { pdf: Buffer.concat(chunks), sheets };
}

const kanji = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Label i: a unique postal code and name; every third one has a very long address and name. */
const label = (i: number): AddressLabel => ({
  postalCode: `1${String(i).padStart(2, '0')}-${String(1000 + i)}`,
  address:
    i % 3 === 0
      ? [
          '神奈川県足柄上郡山北町中川字東沢一番地の二三四五 西丹沢ふれあいの森センター管理棟二階 事務所内',
          'グランドメゾン西丹沢ふれあいの森パークサイドレジデンス東棟一二三四号室',
        ]
      : [`東京都新宿区新宿${i}-2-3`],
  names:
    i % 3 === 0
      ? [
          `特定非営利活動法人 とても長い名前の市民活動支援センター${kanji[i % 10]}`,
          `担当 長谷川 ${kanji[i % 10]}之助右衛門 様`,
        ]
      : [`山田 ${kanji[i % 10]}郎${i} 様`],
});

const inside = (w: { xMin: number; yMin: number; xMax: number; yMax: number }, r: Rect, slack = 0.5) =>
  w.xMin >= mm(r.x) - slack &&
  w.yMin >= mm(r.y) - slack &&
  w.xMax <= mm(r.x + r.w) + slack &&
  w.yMax <= mm(r.y + r.h) + slack;

t.test("on every sheet type each label's text stays inside its own rectangle", async (t) => {
  for (const key of ['12', '18', '21', '24', '44']) {
    const s = SHEETS[key]!;
    const n = perSheet(s) + 2; // a second sheet too
    const labels = Array.from({ length: n }, (_, i) => label(i));
    const { pdf, sheets } = await pdfOf(labels, key);
    t.equal(sheets, 2, `${key}: two sheets`);
    const words = pdfWords(pdf);
    for (let i = 0; i < n; i++) {
      const page = Math.floor(i / perSheet(s));
      const rect = labelRect(s, i % perSheet(s));
      const postal = words.find((w) => w.text === `〒${labels[i]!.postalCode}`);
      t.ok(
        postal && postal.page === page && inside(postal, innerBox(rect)),
        `${key}: label ${i}'s postal code inside its label`,
      );
    }
    const stray = words.filter(
      (w) => !Array.from({ length: perSheet(s) }, (_, j) => innerBox(labelRect(s, j))).some((r) => inside(w, r)),
    );
    t.same(
      stray.map((w) => w.text),
      [],
      `${key}: no word outside a label`,
    );
  }
});

t.test('a start position leaves the used labels of the first sheet blank', async (t) => {
  const { pdf, sheets } = await pdfOf([label(1), label(2)], '12', { start: 11 });
  t.equal(sheets, 1);
  const words = pdfWords(pdf);
  const s = SHEETS['12']!;
  t.ok(inside(words.find((w) => w.text === '〒101-1001')!, labelRect(s, 10)), 'first label in position 11');
  t.ok(inside(words.find((w) => w.text === '〒102-1002')!, labelRect(s, 11)), 'second label in position 12');
});

t.test('a rendered 12面 sheet has ink inside the labels and none between them', async (t) => {
  const labels = Array.from({ length: 12 }, (_, i) => ({ ...label(i), barcode: `16000${String(22 + i)}1-2-3` }));
  const { pdf } = await pdfOf(labels, '12', { barcode: true });
  const img = renderGray(pdf);
  t.teardown(() => undefined);
  const s = SHEETS['12']!;
  const px = (v: number) => Math.round((v / 25.4) * 60);
  const dark = (x0: number, y0: number, x1: number, y1: number) => {
    let n = 0;
    for (let y = px(y0); y < px(y1); y++)
      for (let x = px(x0); x < px(x1); x++) if (img.data[y * img.width + x]! < 128) n++;
    return n;
  };
  for (let i = 0; i < 12; i++) {
    const r = labelRect(s, i);
    t.ok(dark(r.x, r.y, r.x + r.w, r.y + r.h) > 50, `label ${i + 1} has ink`);
  }
  // Gaps: the page margins around the label block and the 1 mm bands on every label edge.
  t.equal(dark(0, 0, 210, s.y0 - 0.5), 0, 'no ink above the labels');
  t.equal(dark(0, s.y0 + 6 * s.dy + 0.5, 210, 297), 0, 'no ink below the labels');
  t.equal(dark(0, 0, s.x0 - 0.5, 297), 0, 'no ink left of the labels');
  t.equal(dark(s.x0 + 2 * s.dx + 0.5, 0, 210, 297), 0, 'no ink right of the labels');
  t.equal(dark(s.x0 + s.dx - 1, 0, s.x0 + s.dx + 1, 297), 0, 'no ink across the column boundary');
  for (let row = 1; row < 6; row++)
    t.equal(dark(0, s.y0 + row * s.dy - 1, 210, s.y0 + row * s.dy + 1), 0, `no ink across row boundary ${row}`);
  if (process.env.ENISHI_KEEP_PNG) (await import('node:fs')).writeFileSync(process.env.ENISHI_KEEP_PNG, img.png);
});

t.test('a barcode is refused on labels too narrow for it', async (t) => {
  await t.rejects(pdfOf([label(1)], '44', { barcode: true }), /カスタマバーコードが入りません/);
});
