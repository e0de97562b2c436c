import t from 'tap';
import {
  A4_MM,
  checkStart,
  labelRect,
  perSheet,
  placement,
  SHEETS,
  sheetCount,
} from '../../src/documents/label-sheets.js';

t.test('every sheet type puts its labels on the A4 page, in rows, without overlapping', async (t) => {
  const cases: [string, number, { first: [number, number]; last: [number, number] }][] = [
    ['12', 12, { first: [18.6, 21.2], last: [105, 232.7] }],
    ['12r', 12, { first: [20.3, 20.3], last: [107.9, 231.8] }],
    ['18', 18, { first: [0, 21.2], last: [140, 232.7] }],
    ['21', 21, { first: [0, 0], last: [140, 254.58] }],
    ['24', 24, { first: [6, 12.9], last: [138, 250.2] }],
    ['44', 44, { first: [8.4, 8.8], last: [153.3, 262.8] }],
  ];
  for (const [key, n, { first, last }] of cases) {
    const s = SHEETS[key]!;
    t.equal(perSheet(s), n, `${key}: labels per sheet`);
    const rects = Array.from({ length: n }, (_, i) => labelRect(s, i));
    const r0 = rects[0]!;
    const rn = rects[n - 1]!;
    t.same([r0.x, r0.y], first, `${key}: first label`);
    t.same([+rn.x.toFixed(2), +rn.y.toFixed(2)], last, `${key}: last label`);
    // 21面: 7 × 42.43 mm is 297.01 mm, the makers' own figure; 0.05 mm is far below any printer's drift.
    for (const r of rects)
      t.ok(
        r.x >= 0 && r.y >= 0 && r.x + r.w <= A4_MM.width + 0.05 && r.y + r.h <= A4_MM.height + 0.05,
        `${key}: label inside A4`,
      );
    const overlap = rects.some((a, i) =>
      rects.some(
        (b, j) =>
          i < j && a.x < b.x + b.w - 1e-9 && b.x < a.x + a.w - 1e-9 && a.y < b.y + b.h - 1e-9 && b.y < a.y + a.h - 1e-9,
      ),
    );
    t.notOk(overlap, `${key}: no two labels overlap`);
    t.ok(rects[1]!.y === r0.y && rects[1]!.x > r0.x, `${key}: the second label is to the right of the first`);
  }
});

t.test('a start position fills a half-used first sheet, the next sheets from their first label', async (t) => {
  const s = SHEETS['12']!;
  t.same(placement(s, 0, 5), { sheet: 0, slot: 4, rect: labelRect(s, 4) });
  t.equal(placement(s, 7, 5).slot, 11);
  t.same([placement(s, 8, 5).sheet, placement(s, 8, 5).slot], [1, 0]);
  t.equal(sheetCount(s, 8, 5), 1);
  t.equal(sheetCount(s, 9, 5), 2);
  t.equal(sheetCount(s, 0, 5), 0);
  t.equal(sheetCount(s, 25), 3);
  t.equal(checkStart(s, 12), null);
  t.match(checkStart(s, 13), /1〜12/);
  t.match(checkStart(s, 0), /1〜12/);
});

t.test('the printer offset moves every label by the same millimetres', async (t) => {
  const s = SHEETS['44']!;
  const r = labelRect(s, 5, { x: 1.5, y: -0.5 });
  const plain = labelRect(s, 5);
  t.same([r.x - plain.x, r.y - plain.y, r.w, r.h], [1.5, -0.5, plain.w, plain.h]);
});
