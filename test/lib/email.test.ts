import t from 'tap';
import { normalizeEmail } from '../../src/lib/email.js';

t.test('normalizeEmail trims, narrows and lower-cases the domain of plausible addresses', async (t) => {
  const cases: [string, string | null][] = [
    ['taro@example.jp', 'taro@example.jp'],
    ['  Taro.Yamada@Example.CO.JP ', 'Taro.Yamada@example.co.jp'],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', 'taro@example.jp'],
    ['taro+news@example.jp\u3000', 'taro+news@example.jp'],
    ['', null],
    ['taro', null],
    ['taro@example', null],
    ['taro@@example.jp', null],
    ['ta ro@example.jp', null],
    ['taro@.jp', null],
    ['taro@example..jp', null],
    ['taro@example.jp.', null],
    ['@example.jp', null],
    ['a@b.c@d.jp', null],
  ];
  for (const [input, expected] of cases) t.equal(normalizeEmail(input), expected, JSON.stringify(input));
});
