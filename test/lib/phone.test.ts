import t from 'tap';
import { normalizePhone, phoneDigits } from '../../src/lib/phone.js';

t.test('normalizePhone gives the canonical hyphenated form', async (t) => {
  const cases: [string, string | null][] = [
    ['０９０－１２３４－５６７８', '090-1234-5678'],
    ['090 1234 5678', '090-1234-5678'],
    ['09012345678', '090-1234-5678'],
    ['+81 90-1234-5678', '090-1234-5678'],
    ['+81 (0)3-1234-5678', '03-1234-5678'],
    ['050-1234-5678', '050-1234-5678'],
    ['07012345678', '070-1234-5678'],
    ['(03)1234-5678', '03-1234-5678'],
    ['０３（１２３４）５６７８', '03-1234-5678'],
    ['0312345678', '03-1234-5678'],
    ['0612345678', '06-1234-5678'],
    ['0451234567', '045-123-4567'],
    ['0120123456', '0120-123-456'],
    ['0570-123-456', '0570-123-456'],
    ['0800-123-4567', '0800-123-4567'],
    ['', null],
    ['   ', null],
    ['1234567890', null], // no leading 0
    ['031234567', null], // 9 digits
    ['031234567890', null], // 12 digits
    ['09012345678 内線12', null],
    ['0312345678901', null],
    ['04512345678', null], // 11 digits but not a mobile/IP prefix
    ['0901234567', null], // mobile number missing a digit
    ['abc', null],
  ];
  for (const [input, expected] of cases) t.equal(normalizePhone(input), expected, JSON.stringify(input));
});

t.test('phoneDigits keeps only digits and turns +81 into a leading 0', async (t) => {
  const cases: [string, string][] = [
    ['03-1234-5678', '0312345678'],
    ['０９０－１２３４－５６７８', '09012345678'],
    ['+81 90-1234-5678', '09012345678'],
    ['+81 (0)90-1234-5678', '09012345678'],
    ['（０３）１２３４', '031234'],
    ['', ''],
  ];
  for (const [input, expected] of cases) t.equal(phoneDigits(input), expected, input);
});
