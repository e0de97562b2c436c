import t from 'tap';
import { diffOf } from '../../src/audit/audit.subscriber.js';

const suggestions = JSON.stringify([{ memberId: 7, score: 0.55, reasons: ['フリガナが完全に一致'] }]);

const cases: {
  name: string;
  kind: 'create' | 'update' | 'delete';
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  want: ReturnType<typeof diffOf>;
}[] = [
  {
    name: 'a new statement line logs what was decided, not the derived payer key and matcher suggestions',
    kind: 'create',
    before: {},
    after: { id: 1, payer: 'ｷﾑﾗ ﾊﾅｺ', payerKey: 'キムラハナコ', status: 'review', member: null, suggestions },
    want: { action: 'create', changes: { payer: [null, 'ｷﾑﾗ ﾊﾅｺ'], status: [null, 'review'] } },
  },
  {
    name: 'an update that only replaces suggestions is not worth a log row',
    kind: 'update',
    before: { suggestions: null },
    after: { suggestions },
    want: null,
  },
  {
    name: 'a password change is logged with the hash masked',
    kind: 'update',
    before: { passwordHash: 'a' },
    after: { passwordHash: 'b', updatedAt: 2 },
    want: { action: 'update', changes: { passwordHash: ['********', '********'] } },
  },
  {
    name: 'a withdrawal is named as such',
    kind: 'update',
    before: { status: 'active' },
    after: { status: 'withdrawn' },
    want: { action: 'withdraw', changes: { status: ['active', 'withdrawn'] } },
  },
  {
    name: 'a readmission is named as such',
    kind: 'update',
    before: { status: 'withdrawn' },
    after: { status: 'active' },
    want: { action: 'readmit', changes: { status: ['withdrawn', 'active'] } },
  },
  {
    name: 'a delete logs the values that were there',
    kind: 'delete',
    before: { id: 3, note: 'x', kanaKey: 'ｱ' },
    after: {},
    want: { action: 'delete', changes: { note: ['x', null] } },
  },
];

for (const c of cases) {
  t.test(c.name, async (t) => {
    t.same(diffOf(c.kind, c.before, c.after), c.want);
  });
}
