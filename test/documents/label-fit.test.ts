import t from 'tap';
import { fitBlock, LEADING, wrap, type BlockLine } from '../../src/documents/label-fit.js';

// Every character one em wide: easy to reason about, close to Japanese text.
const em = (text: string, size: number) => [...text].length * size;
const block = (address: string, ...names: string[]): BlockLine[] => [
  { text: '〒160-0022', kind: 'postal' },
  { text: address, kind: 'address' },
  ...names.map((n) => ({ text: n, kind: 'name' as const })),
];

t.test('wrapping keeps number runs together and breaks Japanese anywhere', async (t) => {
  const cases: [string, number, string[]][] = [
    ['東京都新宿区新宿1-2-3', 80, ['東京都新宿区新宿', '1-2-3']],
    ['あいうえおかきくけこ', 50, ['あいうえお', 'かきくけこ']],
    ['山田 太郎 様', 100, ['山田 太郎 様']],
    ['12345678901234', 50, ['12345', '67890', '1234']],
  ];
  for (const [text, width, expected] of cases) t.same(wrap(text, width, 10, em), expected, text);
});

t.test('a block shrinks until it fits, and lines stay inside the box', async (t) => {
  const cases: [string, BlockLine[], number, number, { fits: boolean; maxSize?: number }][] = [
    ['short address at full size', block('新宿区新宿1-2', '山田 太郎 様'), 200, 100, { fits: true, maxSize: 12 }],
    [
      'long address shrinks',
      block('神奈川県横浜市中区山下町一丁目二番地三号 ロイヤルマンション山下公園前 一二三四号室', '山田 太郎 様'),
      150,
      60,
      { fits: true },
    ],
    [
      '連名 of four fits in a small label',
      block('新宿区新宿1-2', '山田 太郎 様', '花子 様', '一郎 様', '次郎 様'),
      120,
      60,
      { fits: true },
    ],
    ['far too much text is cut, never spilled', block('あ'.repeat(400), '山田 太郎 様'), 100, 40, { fits: false }],
  ];
  for (const [name, b, w, h, exp] of cases) {
    const { lines, fits } = fitBlock(b, w, h, em);
    t.equal(fits, exp.fits, `${name}: fits`);
    for (const l of lines) {
      t.ok(em(l.text, l.size) <= w + 1e-9, `${name}: "${l.text}" within the width`);
      t.ok(l.y + l.size * LEADING <= h + 1e-9, `${name}: "${l.text}" within the height`);
    }
    if (exp.maxSize) t.equal(Math.max(...lines.map((l) => l.size)), exp.maxSize, `${name}: size`);
    if (!exp.fits) t.match(lines[lines.length - 1]!.text, /…$/, `${name}: the cut is marked`);
    if (exp.fits)
      t.same([...new Set(lines.map((l) => l.kind))], [...new Set(b.map((l) => l.kind))], `${name}: nothing left out`);
  }
});
