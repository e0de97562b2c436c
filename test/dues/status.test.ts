import t from 'tap';
import { collectionRates, duesStatusOf, duesStatuses } from '../../src/dues/dues-status.service.js';
import { createManualInvoice, waiveInvoice } from '../../src/dues/invoice.service.js';
import { recordPayment, reversePayment } from '../../src/dues/payment.service.js';
import { Invoice } from '../../src/dues/invoice.entity.js';
import { withdrawMember } from '../../src/members/member.service.js';
import { updateSettings } from '../../src/settings/settings.service.js';
import { addMember, asTest, duesDatabase } from './fixtures.js';

const person = (family: string, kana: string, type = '1') => ({
  familyName: family,
  givenName: '一',
  familyKana: kana,
  givenKana: 'ハジメ',
  memberTypeId: type,
});

t.test('member status follows the open invoices across years: 会員, 未納, 滞納, 退会', async (t) => {
  const em = await duesDatabase(t);
  const paid = await addMember(em(), person('青木', 'アオキ'));
  const oneYear = await addMember(em(), person('伊藤', 'イトウ'));
  const twoYears = await addMember(em(), person('上田', 'ウエダ'));
  const gone = await addMember(em(), person('江藤', 'エトウ'));
  for (const m of [paid, oneYear, twoYears])
    await asTest(() => createManualInvoice(em(), { memberId: m.id, fiscalYear: 2026 }));
  const old = await asTest(() => createManualInvoice(em(), { memberId: twoYears.id, fiscalYear: 2025 }));
  const paidInv = await em().findOneOrFail(Invoice, { member: paid.id });
  await asTest(() =>
    recordPayment(em(), {
      memberId: paid.id,
      receivedOn: '2026-05-01',
      amount: 5000,
      method: 'cash',
      allocations: [{ invoiceId: paidInv.id, amount: 5000 }],
    }),
  );
  await asTest(() => withdrawMember(em(), gone.id, { reason: '転居' }));
  // A future year's invoice issued in advance does not make anyone 未納 yet.
  await asTest(() => createManualInvoice(em(), { memberId: paid.id, fiscalYear: 2027 }));

  const today = '2026-11-23';
  const all = [paid, oneYear, twoYears, gone].map((m) => ({
    id: m.id,
    status: m.id === gone.id ? 'withdrawn' : 'active',
  }));
  const map = await duesStatuses(em(), all, today);
  t.same(
    all.map((m) => map.get(m.id)!.label),
    ['会員', '未納', '滞納', '退会'],
  );
  t.same(map.get(twoYears.id)!.unpaidYears, [2025, 2026]);
  t.equal(map.get(twoYears.id)!.outstanding, 10000);
  t.equal(map.get(twoYears.id)!.lapseCandidate, true, 'two unpaid years reach the default grace of 2');
  t.equal(map.get(oneYear.id)!.lapseCandidate, false);

  await asTest(() => updateSettings(em(), { graceYears: 3 }));
  t.equal(
    (await duesStatusOf(em(), { id: twoYears.id, status: 'active' }, today)).lapseCandidate,
    false,
    'grace rule is a setting',
  );
  await asTest(() => waiveInvoice(em(), old.id, '災害のため'));
  t.equal(
    (await duesStatusOf(em(), { id: twoYears.id, status: 'active' }, today)).label,
    '未納',
    'a waived year is not unpaid',
  );
  t.equal(
    (await duesStatusOf(em(), { id: paid.id, status: 'active' }, '2027-04-01')).label,
    '未納',
    'in the next fiscal year the advance invoice counts',
  );
});

t.test(
  'collection rate per fiscal year and per member type, capped per invoice and undone by a reversal',
  async (t) => {
    const em = await duesDatabase(t);
    const a = await addMember(em(), person('青木', 'アオキ'));
    const b = await addMember(em(), person('伊藤', 'イトウ'));
    const c = await addMember(em(), person('上田', 'ウエダ', '2'));
    const ia = await asTest(() => createManualInvoice(em(), { memberId: a.id, fiscalYear: 2026 }));
    await asTest(() => createManualInvoice(em(), { memberId: b.id, fiscalYear: 2026 }));
    const ic = await asTest(() => createManualInvoice(em(), { memberId: c.id, fiscalYear: 2026 }));
    const ia25 = await asTest(() => createManualInvoice(em(), { memberId: a.id, fiscalYear: 2025 }));
    await asTest(() =>
      recordPayment(em(), {
        memberId: a.id,
        receivedOn: '2026-05-01',
        amount: 9000,
        method: 'bank',
        remainderKind: 'donation',
        allocations: [{ invoiceId: ia.id, amount: 5000 }],
      }),
    );
    const partial = await asTest(() =>
      recordPayment(em(), {
        memberId: c.id,
        receivedOn: '2026-05-01',
        amount: 1000,
        method: 'cash',
        allocations: [{ invoiceId: ic.id, amount: 1000 }],
      }),
    );
    await asTest(() =>
      recordPayment(em(), {
        memberId: a.id,
        receivedOn: '2026-05-01',
        amount: 5000,
        method: 'cash',
        allocations: [{ invoiceId: ia25.id, amount: 5000 }],
      }),
    );

    const rows = await collectionRates(em());
    const year = (fy: number, type: string | null) => rows.find((r) => r.fiscalYear === fy && r.typeName === type)!;
    t.same(
      [year(2026, null).billed, year(2026, null).collected, year(2026, null).invoices, year(2026, null).paidCount],
      [13000, 6000, 3, 1],
    );
    t.equal(year(2026, null).rate, 6000 / 13000, 'the donation part does not lift the rate');
    t.same([year(2026, '正会員').billed, year(2026, '正会員').collected], [10000, 5000]);
    t.same([year(2026, '賛助会員').billed, year(2026, '賛助会員').collected], [3000, 1000]);
    t.equal(year(2025, null).rate, 1);
    t.same(
      rows.map((r) => `${r.fiscalYear}:${r.typeName ?? '計'}`),
      ['2026:計', '2026:正会員', '2026:賛助会員', '2025:計', '2025:正会員'],
    );

    await asTest(() => reversePayment(em(), partial.payment.id, '誤入力'));
    t.equal((await collectionRates(em(), 2026)).find((r) => r.typeName === null)!.collected, 5000);
  },
);
