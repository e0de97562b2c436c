import t from 'tap';
import { normalizePostalCode } from '../../src/lib/postal.js';

t.test('normalizePostalCode gives NNN-NNNN for exactly seven digits and null otherwise', async (t) => {
  const cases: [string, string | null][] = [
    ['１２３４５６７', '123-4567'],
    ['123-4567', '123-4567'],
    ['〒123－4567', '123-4567'],
    ['〒 123-4567', '123-4567'],
    ['123 4567', '123-4567'],
    ['123ー4567', '123-4567'],
    ['1234567', '123-4567'],
    ['', null],
    ['123-456', null],
    ['123-45678', null],
    ['abc-defg', null],
    ['〒', null],
  ];
  for (const [input, expected] of cases) t.equal(normalizePostalCode(input), expected, JSON.stringify(input));
});
