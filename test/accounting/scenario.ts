import { recordDonation } from '../../src/dues/donation.service.js';
import { Invoice } from '../../src/dues/invoice.entity.js';
import { issueInvoiceRun } from '../../src/dues/invoice-run.service.js';
import { Payment } from '../../src/dues/payment.entity.js';
import { recordPayment, reversePayment } from '../../src/dues/payment.service.js';
import type { EntityManager } from '../../src/db/orm.js';
import { seedDefaults } from '../../src/seed.js';
import { addMember, asTest } from '../supporters/fixtures.js';

/** Each fixture's period: one kind of money each. */
export const PERIODS = {
  dues: ['2026-04-01', '2026-04-30'],
  donations: ['2026-05-01', '2026-05-31'],
  'fee-short': ['2026-06-01', '2026-06-30'],
  reversal: ['2026-07-01', '2026-07-31'],
} as const;
export type Scenario = keyof typeof PERIODS;

/**
 * April: 正会員 1 pays 5,000 by bank. May: a non-member gives 10,000 in cash, 賛助会員 2 pays
 * 4,000 for 3,000 dues (1,000 donated). June: 正会員 3 pays 4,890 by bank, 110 fee deducted.
 * Without `reverse`: stops there. With it: April's payment is reversed on 2026-07-03.
 */
export async function buildScenario(em: () => EntityManager, opts: { reverse?: boolean } = {}): Promise<void> {
  await seedDefaults(em());
  const a = await addMember(em(), {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'ヤマダ',
    givenKana: 'タロウ',
    joinedOn: '2026-04-01',
  });
  const b = await addMember(em(), {
    familyName: '佐藤',
    givenName: '花子',
    familyKana: 'サトウ',
    givenKana: 'ハナコ',
    memberTypeId: '2',
    joinedOn: '2026-04-01',
  });
  const c = await addMember(em(), {
    familyName: '鈴木',
    givenName: '一郎',
    familyKana: 'スズキ',
    givenKana: 'イチロウ',
    joinedOn: '2026-04-01',
  });
  await asTest(() => issueInvoiceRun(em(), { fiscalYear: 2026, issuedOn: '2026-04-01' }));
  const inv = async (memberId: number) => (await em().findOneOrFail(Invoice, { member: memberId })).id;
  const [ia, ib, ic] = [await inv(a.id), await inv(b.id), await inv(c.id)];
  const first = await asTest(() =>
    recordPayment(em(), {
      memberId: a.id,
      receivedOn: '2026-04-15',
      amount: 5000,
      method: 'bank',
      allocations: [{ invoiceId: ia, amount: 5000 }],
    }),
  );
  await asTest(() =>
    recordDonation(em(), {
      memberId: null,
      donorName: '田中 一郎',
      receivedOn: '2026-05-10',
      amount: 10000,
      method: 'cash',
      purpose: '活動支援',
    }),
  );
  await asTest(() =>
    recordPayment(em(), {
      memberId: b.id,
      receivedOn: '2026-05-20',
      amount: 4000,
      method: 'bank',
      allocations: [{ invoiceId: ib, amount: 3000 }],
      remainderKind: 'donation',
    }),
  );
  await asTest(() =>
    recordPayment(em(), {
      memberId: c.id,
      receivedOn: '2026-06-05',
      amount: 4890,
      fee: 110,
      method: 'bank',
      allocations: [{ invoiceId: ic, amount: 5000 }],
    }),
  );
  if (!opts.reverse) return;
  await asTest(() => reversePayment(em(), first.payment.id, '二重入金'));
  // The reversal "happens" in July: the clock of the test run is not the scenario's.
  await em().nativeUpdate(Payment, { id: first.payment.id }, { reversedAt: new Date('2026-07-03T10:00:00+09:00') });
}
