import t from 'tap';
import { barChart, esc, niceMax, ticks } from '../../src/reports/svg-chart.js';

t.test('the value axis ends on a round number at or above the largest value', async (t) => {
  const cases: [number, number][] = [
    [0, 1],
    [-3, 1],
    [0.37, 0.5],
    [1, 1],
    [3, 5],
    [7, 10],
    [12, 20],
    [250, 500],
    [5000, 5000],
    [5001, 10000],
    [123456, 200000],
  ];
  for (const [n, want] of cases) t.equal(niceMax(n), want, String(n));
  t.same(ticks(200), [0, 50, 100, 150, 200]);
});

t.test('text is escaped everywhere, titles and descriptions included', async (t) => {
  t.equal(esc(`<a href="x">&'`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
  const svg = barChart({
    id: 'c"1',
    title: '<script>alert(1)</script>',
    categories: ['A&B', '<b>'],
    series: [{ name: '"名"', values: [1, 2] }],
  });
  t.notMatch(svg, /<script|<b>|"名"/);
  t.match(svg, '&lt;script&gt;alert(1)&lt;/script&gt;');
  t.match(svg, 'A&amp;B');
});

t.test('bars are proportional to their values, and say their value in a tooltip', async (t) => {
  const svg = barChart({
    id: 'v',
    title: '月別',
    categories: ['1月', '2月', '3月'],
    series: [{ name: '会費', values: [100, 200, 50] }],
  });
  const heights = [...svg.matchAll(/<rect x="[^"]+" y="[^"]+" width="[^"]+" height="([\d.]+)" fill/g)].map((m) =>
    Number(m[1]),
  );
  t.equal(heights.length, 3);
  t.ok(
    Math.abs(heights[1]! / heights[0]! - 2) < 0.02 && Math.abs(heights[2]! / heights[0]! - 0.5) < 0.02,
    `heights ${heights}`,
  );
  t.match(svg, '<title>2月 会費: 200</title>');
});

t.test('horizontal bars: one row per category, widths against a fixed max, values printed beside', async (t) => {
  const svg = barChart({
    id: 'h',
    title: '回収率',
    horizontal: true,
    max: 1,
    categories: ['2025年度', '2026年度'],
    series: [{ name: '回収率', values: [0.5, 1] }],
    format: (n) => `${n * 100}%`,
  });
  const widths = [...svg.matchAll(/<rect x="110" y="[^"]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
  t.equal(widths[1]! / widths[0]!, 2);
  t.match(svg, '>50%</text>');
  t.match(svg, '>100%</text>');
});

t.test('a chart names itself for screen readers and describes every number', async (t) => {
  const svg = barChart({
    id: 'types',
    title: '会員種別',
    horizontal: true,
    categories: ['正会員', '賛助会員'],
    series: [
      { name: '在籍', values: [10, 3] },
      { name: '退会', values: [1, 0] },
    ],
  });
  t.match(
    svg,
    /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img" aria-labelledby="types-title types-desc">/,
  );
  t.match(svg, '<title id="types-title">会員種別</title>');
  t.match(svg, '<desc id="types-desc">正会員: 在籍 10、退会 1。賛助会員: 在籍 3、退会 0</desc>');
  t.match(svg, '>在籍</text>', 'a legend for two series');
});

t.test('an empty chart says there is no data instead of drawing empty axes', async (t) => {
  for (const spec of [
    { categories: [], values: [] },
    { categories: ['a'], values: [0] },
  ]) {
    const svg = barChart({
      id: 'e',
      title: '寄付',
      categories: spec.categories,
      series: [{ name: 's', values: spec.values }],
    });
    t.match(svg, '寄付: データがありません');
    t.notMatch(svg, '<rect');
  }
});
