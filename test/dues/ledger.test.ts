import t from 'tap';
import { Invoice } from '../../src/dues/invoice.entity.js';
import { issueInvoiceRun, planInvoiceRun, undoInvoiceRun } from '../../src/dues/invoice-run.service.js';
import { cancelInvoice, createManualInvoice, waiveInvoice } from '../../src/dues/invoice.service.js';
import { applyCredit, creditBalance, recordPayment, reversePayment } from '../../src/dues/payment.service.js';
import { Donation } from '../../src/dues/donation.entity.js';
import { MemberType } from '../../src/members/member-type.entity.js';
import { AuditLog } from '../../src/audit/audit-log.entity.js';
import { withdrawMember } from '../../src/members/member.service.js';
import { addMember, asTest, duesDatabase, failure } from './fixtures.js';

t.test('an invoice run issues one invoice per paying member, and running it twice issues nothing new', async (t) => {
  const em = await duesDatabase(t);
  const a = await addMember(em(), { familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' });
  const b = await addMember(em(), {
    familyName: '佐藤',
    givenName: '花子',
    familyKana: 'サトウ',
    givenKana: 'ハナコ',
    memberTypeId: '2',
  });
  const c = await addMember(em(), {
    familyName: '鈴木',
    givenName: '一郎',
    familyKana: 'スズキ',
    givenKana: 'イチロウ',
  });
  await asTest(() => withdrawMember(em(), c.id, { date: '2026-03-31', reason: '転居' }));

  const first = await asTest(() => issueInvoiceRun(em(), { fiscalYear: 2026, issuedOn: '2026-04-10' }));
  t.same(first.issued, [
    { invoiceNo: '2026-000001', memberNo: String(a.memberNo), amount: 5000 },
    { invoiceNo: '2026-000002', memberNo: String(b.memberNo), amount: 3000 },
  ]);
  t.same(
    first.skipped.map((s) => [s.memberNo, s.reason]),
    [[String(c.memberNo), '退会済み']],
  );
  t.equal(first.dueOn, '2026-05-10', 'due date is issue date + the dueDays setting (30)');

  const second = await asTest(() => issueInvoiceRun(em(), { fiscalYear: 2026, issuedOn: '2026-04-11' }));
  t.same(second.issued, [], 'nothing new');
  t.equal(second.run, null);
  t.same(
    second.skipped.map((s) => s.reason).sort(),
    ['退会済み', '請求済み（2026-000001）', '請求済み（2026-000002）'].sort(),
  );
  t.equal(await em().count(Invoice, {}), 2);
});

t.test('a dry run reports what would be issued and writes nothing', async (t) => {
  const em = await duesDatabase(t);
  await addMember(em(), { familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' });
  const auditBefore = await em().count(AuditLog, {});
  const dry = await asTest(() => issueInvoiceRun(em(), { fiscalYear: 2026, dryRun: true }));
  t.equal(dry.issued.length, 1);
  t.equal(dry.total, 5000);
  t.equal(await em().count(Invoice, {}), 0);
  t.equal(await em().count(AuditLog, {}), auditBefore, 'no audit rows either');
});

t.test('a run skips member types without a fee', async (t) => {
  const em = await duesDatabase(t);
  const e = em();
  const type = await e.findOneOrFail(MemberType, { name: '学生会員' });
  type.annualFee = 0;
  await asTest(() => e.flush());
  const m = await addMember(em(), { familyName: '学生', familyKana: 'ガクセイ', memberTypeId: '3' });
  const plan = await planInvoiceRun(em(), 2026);
  t.same(
    plan.skipped.map((s) => [s.memberNo, s.reason]),
    [[String(m.memberNo), '会費のない会員種別']],
  );
});

t.test('a run can be undone while unpaid, is refused once paid and says which invoice blocks it', async (t) => {
  const em = await duesDatabase(t);
  const a = await addMember(em(), { familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' });
  await addMember(em(), { familyName: '佐藤', givenName: '花子', familyKana: 'サトウ', givenKana: 'ハナコ' });
  const run = await asTest(() => issueInvoiceRun(em(), { fiscalYear: 2026 }));
  t.match(
    await failure(asTest(() => undoInvoiceRun(em(), run.run!.id, ''))),
    { statusCode: 422 },
    'a reason is required',
  );
  const undone = await asTest(() => undoInvoiceRun(em(), run.run!.id, '金額の誤り'));
  t.equal(undone.status, 'undone');
  const voided = await em().find(Invoice, {});
  t.ok(
    voided.every((i) => i.status === 'cancelled' && i.voided),
    'invoices stay, cancelled and void',
  );

  const again = await asTest(() => issueInvoiceRun(em(), { fiscalYear: 2026 }));
  t.same(
    again.issued.map((i) => i.invoiceNo),
    ['2026-000003', '2026-000004'],
    'issued anew with new numbers (never reused)',
  );
  const inv = await em().findOneOrFail(Invoice, { invoiceNo: '2026-000003' });
  t.equal(inv.member.id, a.id);
  await asTest(() =>
    recordPayment(em(), {
      memberId: a.id,
      receivedOn: '2026-05-01',
      amount: 2000,
      method: 'cash',
      allocations: [{ invoiceId: inv.id, amount: 2000 }],
    }),
  );
  t.match(await failure(asTest(() => undoInvoiceRun(em(), again.run!.id, 'やり直し'))), {
    statusCode: 409,
    message: /2026-000003/,
  });
  t.equal(await em().count(Invoice, { run: again.run!.id, voided: false }), 2, 'nothing changed');
});

t.test('one payment settles two invoices (two years at once)', async (t) => {
  const em = await duesDatabase(t);
  const a = await addMember(em(), { familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' });
  const i25 = await asTest(() =>
    createManualInvoice(em(), { memberId: a.id, fiscalYear: 2025, issuedOn: '2025-04-01' }),
  );
  const i26 = await asTest(() =>
    createManualInvoice(em(), { memberId: a.id, fiscalYear: 2026, issuedOn: '2026-04-01' }),
  );
  const { payment } = await asTest(() =>
    recordPayment(em(), {
      memberId: a.id,
      receivedOn: '2026-05-01',
      amount: 10000,
      method: 'bank',
      allocations: [
        { invoiceId: i25.id, amount: 5000 },
        { invoiceId: i26.id, amount: 5000 },
      ],
    }),
  );
  const after = await em().find(Invoice, {}, { orderBy: { fiscalYear: 'asc' } });
  t.same(
    after.map((i) => [i.status, i.paidAmount, i.closedOn]),
    [
      ['paid', 5000, '2026-05-01'],
      ['paid', 5000, '2026-05-01'],
    ],
  );
  t.equal(payment.remainderAmount, 0);
});

t.test('two payments pay one invoice: partial, then paid', async (t) => {
  const em = await duesDatabase(t);
  const a = await addMember(em(), { familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' });
  const inv = await asTest(() => createManualInvoice(em(), { memberId: a.id, fiscalYear: 2026 }));
  await asTest(() =>
    recordPayment(em(), {
      memberId: a.id,
      receivedOn: '2026-05-01',
      amount: 3000,
      method: 'cash',
      allocations: [{ invoiceId: inv.id, amount: 3000 }],
    }),
  );
  t.equal((await em().findOneOrFail(Invoice, inv.id)).status, 'partial');
  t.match(
    await failure(
      asTest(() =>
        recordPayment(em(), {
          memberId: a.id,
          receivedOn: '2026-05-02',
          amount: 3000,
          method: 'cash',
          allocations: [{ invoiceId: inv.id, amount: 3000 }],
        }),
      ),
    ),
    { statusCode: 422, message: /2026-000001/ },
    'cannot allocate more than is open',
  );
  await asTest(() =>
    recordPayment(em(), {
      memberId: a.id,
      receivedOn: '2026-05-02',
      amount: 2000,
      method: 'postal',
      allocations: [{ invoiceId: inv.id, amount: 2000 }],
    }),
  );
  const done = await em().findOneOrFail(Invoice, inv.id);
  t.same([done.status, done.paidAmount], ['paid', 5000]);
});

t.test('a couple pays both invoices with one transfer', async (t) => {
  const em = await duesDatabase(t);
  const taro = await addMember(em(), {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'ヤマダ',
    givenKana: 'タロウ',
  });
  const hanako = await addMember(em(), {
    familyName: '山田',
    givenName: '花子',
    familyKana: 'ヤマダ',
    givenKana: 'ハナコ',
    memberTypeId: '2',
  });
  await asTest(() => issueInvoiceRun(em(), { fiscalYear: 2026 }));
  const invs = await em().find(Invoice, {}, { orderBy: { id: 'asc' } });
  await asTest(() =>
    recordPayment(em(), {
      memberId: taro.id,
      receivedOn: '2026-05-01',
      amount: 8000,
      method: 'bank',
      allocations: invs.map((i) => ({ invoiceId: i.id, amount: i.amount })),
    }),
  );
  const after = await em().find(Invoice, {}, { orderBy: { id: 'asc' } });
  t.same(
    after.map((i) => [i.member.id, i.status]),
    [
      [taro.id, 'paid'],
      [hanako.id, 'paid'],
    ],
  );
});

t.test('a surplus needs a choice and becomes a donation or credit; credit pays a later invoice', async (t) => {
  const em = await duesDatabase(t);
  const a = await addMember(em(), { familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' });
  const inv = await asTest(() => createManualInvoice(em(), { memberId: a.id, fiscalYear: 2026 }));
  const base = {
    memberId: a.id,
    receivedOn: '2026-05-01',
    amount: 8000,
    method: 'bank' as const,
    allocations: [{ invoiceId: inv.id, amount: 5000 }],
  };
  t.match(await failure(asTest(() => recordPayment(em(), base))), { statusCode: 422, message: /寄付にするか預り金/ });
  t.equal((await em().findOneOrFail(Invoice, inv.id)).status, 'unpaid', 'refused payment changed nothing');
  const { donation } = await asTest(() =>
    recordPayment(em(), { ...base, remainderKind: 'donation', donationPurpose: '活動支援' }),
  );
  t.same([donation?.amount, donation?.purpose], [3000, '活動支援']);

  const next = await asTest(() => createManualInvoice(em(), { memberId: a.id, fiscalYear: 2027, amount: 5000 }));
  await asTest(() =>
    recordPayment(em(), {
      memberId: a.id,
      receivedOn: '2026-06-01',
      amount: 3000,
      method: 'cash',
      allocations: [],
      remainderKind: 'credit',
    }),
  );
  t.equal(await creditBalance(em(), a.id), 3000);
  t.equal(await asTest(() => applyCredit(em(), a.id, next.id, '2026-06-02')), 3000);
  const n = await em().findOneOrFail(Invoice, next.id);
  t.same([n.status, n.paidAmount], ['partial', 3000]);
  t.equal(await creditBalance(em(), a.id), 0);
});

t.test('a transfer fee deducted by the bank still settles the invoice', async (t) => {
  const em = await duesDatabase(t);
  const a = await addMember(em(), { familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' });
  const inv = await asTest(() => createManualInvoice(em(), { memberId: a.id, fiscalYear: 2026 }));
  t.match(
    await failure(
      asTest(() =>
        recordPayment(em(), {
          memberId: a.id,
          receivedOn: '2026-05-01',
          amount: 3890,
          fee: 1110,
          method: 'bank',
          allocations: [{ invoiceId: inv.id, amount: 5000 }],
        }),
      ),
    ),
    { statusCode: 422 },
  );
  await asTest(() =>
    recordPayment(em(), {
      memberId: a.id,
      receivedOn: '2026-05-01',
      amount: 4890,
      fee: 110,
      method: 'bank',
      allocations: [{ invoiceId: inv.id, amount: 5000 }],
    }),
  );
  t.equal((await em().findOneOrFail(Invoice, inv.id)).status, 'paid');
});

t.test('reversing a payment reopens its invoices, reverses its donation and is audited', async (t) => {
  const em = await duesDatabase(t);
  const a = await addMember(em(), { familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' });
  const i25 = await asTest(() => createManualInvoice(em(), { memberId: a.id, fiscalYear: 2025 }));
  const i26 = await asTest(() => createManualInvoice(em(), { memberId: a.id, fiscalYear: 2026 }));
  const { payment } = await asTest(() =>
    recordPayment(em(), {
      memberId: a.id,
      receivedOn: '2026-05-01',
      amount: 11000,
      method: 'bank',
      remainderKind: 'donation',
      allocations: [
        { invoiceId: i25.id, amount: 5000 },
        { invoiceId: i26.id, amount: 5000 },
      ],
    }),
  );
  t.match(await failure(asTest(() => reversePayment(em(), payment.id, ' '))), { statusCode: 422 });
  await asTest(() => reversePayment(em(), payment.id, '二重登録'));
  const after = await em().find(Invoice, {}, { orderBy: { fiscalYear: 'asc' } });
  t.same(
    after.map((i) => [i.status, i.paidAmount, i.closedOn]),
    [
      ['unpaid', 0, null],
      ['unpaid', 0, null],
    ],
  );
  t.equal((await em().findOneOrFail(Donation, { payment: payment.id })).status, 'reversed');
  const log = await em().find(
    AuditLog,
    { entityName: 'Payment', entityId: String(payment.id) },
    { orderBy: { id: 'asc' } },
  );
  t.ok(
    log.some((l) => (l.changes as Record<string, unknown[]>).status?.[1] === 'reversed'),
    'reversal is in the audit log',
  );
  t.match(await failure(asTest(() => reversePayment(em(), payment.id, 'もう一度'))), { statusCode: 409 });
});

t.test('waived and cancelled invoices need a reason; a paid invoice cannot be cancelled', async (t) => {
  const em = await duesDatabase(t);
  const a = await addMember(em(), { familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' });
  const i25 = await asTest(() => createManualInvoice(em(), { memberId: a.id, fiscalYear: 2025 }));
  const i26 = await asTest(() => createManualInvoice(em(), { memberId: a.id, fiscalYear: 2026 }));
  t.match(
    await failure(asTest(() => createManualInvoice(em(), { memberId: a.id, fiscalYear: 2026 }))),
    { statusCode: 409 },
    'one per year',
  );
  t.match(await failure(asTest(() => waiveInvoice(em(), i25.id, ''))), { statusCode: 422 });
  const w = await asTest(() => waiveInvoice(em(), i25.id, '名誉会員'));
  t.same([w.status, w.statusReason], ['waived', '名誉会員']);
  await asTest(() =>
    recordPayment(em(), {
      memberId: a.id,
      receivedOn: '2026-05-01',
      amount: 1000,
      method: 'cash',
      allocations: [{ invoiceId: i26.id, amount: 1000 }],
    }),
  );
  t.match(await failure(asTest(() => cancelInvoice(em(), i26.id, '誤発行'))), { statusCode: 409 });
  t.match(
    await failure(
      asTest(() =>
        recordPayment(em(), {
          memberId: a.id,
          receivedOn: '2026-05-01',
          amount: 1000,
          method: 'cash',
          allocations: [{ invoiceId: i25.id, amount: 1000 }],
        }),
      ),
    ),
    { statusCode: 409 },
    'a waived invoice takes no payment',
  );
});

t.test('a manual invoice for a mid-year joiner is prorated monthly when the setting says so', async (t) => {
  const em = await duesDatabase(t);
  const { updateSettings } = await import('../../src/settings/settings.service.js');
  await asTest(() => updateSettings(em(), { proration: 'monthly' }));
  const a = await addMember(em(), {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'ヤマダ',
    givenKana: 'タロウ',
    joinedOn: '2026-10-15',
  });
  const inv = await asTest(() => createManualInvoice(em(), { memberId: a.id, fiscalYear: 2026 }));
  t.equal(inv.amount, 2500, 'October to March = 6 of 12 months of 5,000円');
  t.equal(inv.kind, 'manual');
});
