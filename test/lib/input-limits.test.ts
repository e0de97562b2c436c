import t from 'tap';
import { limitProblem } from '../../src/lib/input-limits.js';

const limits = { bytes: 100, lines: 3, lineLength: 10 };

t.test('a file is checked against its byte, row and line-length limits before it is parsed', async (t) => {
  const cases: [string, number, string | null, ReturnType<typeof limitProblem>][] = [
    ['a small file passes', 20, 'a,b\nc,d\n', null],
    ['exactly the row limit passes', 20, 'a\nb\nc\n', null],
    ['exactly the row limit without a last line end passes', 20, 'a\nb\nc', null],
    ['one row too many', 20, 'a\nb\nc\nd', { kind: 'lines', limit: 3, found: 4 }],
    ['too many bytes, before the text is even decoded', 101, null, { kind: 'bytes', limit: 100 }],
    [
      'a line longer than the limit names its line',
      40,
      'a\n' + 'x'.repeat(11) + '\nb',
      { kind: 'lineLength', limit: 10, line: 2 },
    ],
    ['a line of exactly the limit passes', 20, 'x'.repeat(10), null],
  ];
  for (const [name, bytes, text, expected] of cases) t.same(limitProblem(bytes, text, limits), expected, name);
});

t.test('the check is linear: a 10 MB line is refused at once', async (t) => {
  const started = performance.now();
  t.equal(limitProblem(10e6, 'ｱ'.repeat(10e6), { bytes: 50e6, lines: 10, lineLength: 2000 })?.kind, 'lineLength');
  t.ok(performance.now() - started < 2000);
});
