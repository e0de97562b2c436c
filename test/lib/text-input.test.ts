import t from 'tap';
import { controlCharLine, hasControlChars, normalizeLineEnds } from '../../src/lib/text-input.js';

t.test('control characters are found, tab and line ends are not', async (t) => {
  const cases: [string, boolean][] = [
    ['山田', false],
    ['一行目\n二行目\r\n三行目\r', false],
    ['名前\tフリガナ', false],
    ['山\u0000田', true],
    ['\u0007', true],
    ['\u001b[31m', true],
    ['\u007f', true],
    ['\u0085', true],
    ['a\u2028b', true],
  ];
  for (const [i, [text, want]] of cases.entries()) t.equal(hasControlChars(text), want, `case ${i + 1}`);
  t.equal(controlCharLine('a\nb\nc\u0000'), 3);
  t.equal(controlCharLine('clean'), null);
});

t.test('every kind of line end becomes \\n', async (t) => {
  t.equal(normalizeLineEnds('a\r\nb\nc\rd\r\n'), 'a\nb\nc\nd\n');
  t.equal(normalizeLineEnds('"改\r\n行",x'), '"改\n行",x');
});
