import t from 'tap';
import { formatScreenDate } from '../../src/lib/dates.js';
import { dateHtml } from '../../src/web/render.js';

t.test('screen dates follow the date style, and empty or odd values pass through', async (t) => {
  const cases: [string | Date | null | undefined, 'wareki' | 'seireki', string][] = [
    ['2026-04-01', 'wareki', '令和8年4月1日'],
    ['2026-04-01', 'seireki', '2026-04-01'],
    ['2019-05-01', 'wareki', '令和元年5月1日'],
    ['1989-01-07', 'wareki', '昭和64年1月7日'],
    [new Date('2026-03-31T15:30:00Z'), 'seireki', '2026-04-01'],
    [new Date('2026-03-31T15:30:00Z'), 'wareki', '令和8年4月1日'],
    [null, 'wareki', ''],
    ['', 'seireki', ''],
    ['不明', 'wareki', '不明'],
  ];
  for (const [value, style, shown] of cases)
    t.equal(formatScreenDate(value, style), shown, `${String(value)} ${style}`);
});

t.test('the page helper keeps the ISO day in the datetime attribute whatever the style', async (t) => {
  t.equal(dateHtml('2026-04-01', 'wareki'), '<time datetime="2026-04-01">令和8年4月1日</time>');
  t.equal(dateHtml('2026-04-01', 'seireki'), '<time datetime="2026-04-01">2026-04-01</time>');
  t.equal(dateHtml(null, 'wareki'), '');
});
