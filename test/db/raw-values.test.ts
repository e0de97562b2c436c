import t from 'tap';
import { timestampOf } from '../../src/db/raw-values.js';

t.test('a datetime read by plain SQL becomes the same instant on SQLite and PostgreSQL', async (t) => {
  const cases: [unknown, string][] = [
    [1796239525054, '2026-12-02T19:25:25.054Z'], // SQLite: epoch milliseconds
    ['1796239525054', '2026-12-02T19:25:25.054Z'],
    ['2026-12-02 10:00:00.123+00', '2026-12-02T10:00:00.123Z'], // PostgreSQL timestamptz text
    ['2026-12-02 10:00:00+09', '2026-12-02T01:00:00.000Z'],
    ['2026-12-02 10:00:00.5', '2026-12-02T10:00:00.500Z'], // no zone: stored in UTC
    [new Date('2026-01-01T00:00:00Z'), '2026-01-01T00:00:00.000Z'],
  ];
  for (const [raw, iso] of cases) t.equal(new Date(timestampOf(raw)).toISOString(), iso, String(raw));
});
