import t from 'tap';
import { NotNullConstraintViolationException } from '@mikro-orm/core';
import { BankImport } from '../../src/banking/bank-import.entity.js';
import { importStatement } from '../../src/banking/bank-import.service.js';
import { BankTransaction } from '../../src/banking/bank-transaction.entity.js';
import { planLines, type PlannedLine } from '../../src/banking/import-plan.js';
import { lineRow } from '../../src/banking/import-posting.js';
import { normalizePayer } from '../../src/banking/payer-name.js';
import { readStatement } from '../../src/banking/statement.js';
import type { EntityManager } from '../../src/db/orm.js';
import { InvoiceRun } from '../../src/dues/invoice-run.entity.js';
import { invoiceRow, issueInvoiceRun, planInvoiceRun } from '../../src/dues/invoice-run.service.js';
import { Invoice } from '../../src/dues/invoice.entity.js';
import { nextInvoiceSeq } from '../../src/dues/invoice.service.js';
import { formatInvoiceNo } from '../../src/dues/invoice-status.js';
import { Member } from '../../src/members/member.entity.js';
import { insertRows } from '../../src/db/batch-write.js';
import { Interaction } from '../../src/supporters/interaction.entity.js';
import { recordPaymentsBatch } from '../../src/dues/payment-batch.js';
import { recordPayments, type PaymentInput } from '../../src/dues/payment.service.js';
import { office, sample } from '../banking/fixtures.js';
import { asTest, duesDatabase, failure } from '../dues/fixtures.js';
import { dumpLedger } from './batch-compare.js';

/** The per-entity path the import used before the batch writer: ORM entities, one unit of work. */
async function importPerEntity(em: EntityManager, bytes: Buffer): Promise<void> {
  const st = readStatement(bytes);
  const lines = st.lines.map((l) => ({ ...l, payerKey: normalizePayer(l.payer).key }));
  await em.transactional(async (tx) => {
    const planned = await planLines(tx, lines);
    const count = (s: string) => planned.filter((p) => p.status === s).length;
    const imp = tx.create(BankImport, {
      format: st.format,
      fileName: 'a.csv',
      encoding: st.encoding,
      periodFrom: st.periodFrom,
      periodTo: st.periodTo,
      lineCount: planned.length,
      depositCount: planned.filter((p) => p.src.direction === 'deposit').length,
      knownCount: count('known'),
      matchedCount: count('matched'),
      reviewCount: count('review'),
      ignoredCount: count('ignored'),
      status: 'active',
    });
    await tx.flush();
    const stored = planned.filter((p) => p.status !== 'known');
    const rows = stored.map((p) => tx.create(BankTransaction, lineRow(imp.id, p) as never));
    await tx.flush();
    const matched = [...stored.entries()].filter(([, p]) => p.status === 'matched');
    const recorded = await recordPayments(
      tx,
      matched.map(([k, p]) => paymentOf(p, rows[k]!.id)),
    );
    matched.forEach(([k], n) => {
      rows[k]!.paymentId = recorded[n]!.payment.id;
    });
    await tx.flush();
  });
}

function paymentOf(p: PlannedLine, bankTransactionId: number): PaymentInput {
  return {
    memberId: p.match!.memberId!,
    receivedOn: p.src.date,
    amount: p.src.amount,
    fee: p.match!.fee,
    method: 'bank',
    source: 'bank',
    allocations: p.match!.allocations.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount })),
    remainderKind: 'credit',
    donationPurpose: null,
    bankTransactionId,
    note: null,
  };
}

for (const file of ['bank-signed-preamble-202605.csv', 'zengin-nyushukkin-202605.txt']) {
  t.test(
    `${file}: the set-based import leaves the same rows, sums, links and audit rows as the per-entity one`,
    async (t) => {
      const a = await duesDatabase(t);
      const b = await duesDatabase(t);
      await office(a);
      await office(b);
      t.same(await dumpLedger(a()), await dumpLedger(b()), 'the two databases start equal');
      await asTest(() => importStatement(a(), { bytes: sample(file), fileName: 'a.csv' }));
      await asTest(() => importPerEntity(b(), sample(file)));
      const batch = await dumpLedger(a());
      const orm = await dumpLedger(b());
      t.same(batch.auditCounts, orm.auditCounts, 'audit rows per entity and action');
      t.same(batch, orm, 'every row, sum and audit text');
      t.ok((batch.auditCounts as Record<string, number>)['Payment create'] > 0, 'payments were booked');
    },
  );
}

t.test(
  'a batch of payments with a donation remainder, a partial payment and two years matches recordPayments',
  async (t) => {
    const a = await duesDatabase(t);
    const b = await duesDatabase(t);
    const oa = await office(a);
    await office(b);
    const inv = await a().execute<{ id: number; member_id: number }[]>('select id, member_id from invoice order by id');
    const of = (memberId: number) => inv.filter((i) => i.member_id === memberId).map((i) => i.id);
    const inputs: PaymentInput[] = [
      {
        memberId: oa.yamada.id,
        receivedOn: '2026-05-01',
        amount: 8000,
        method: 'bank',
        allocations: [{ invoiceId: of(oa.yamada.id)[0]!, amount: 5000 }],
        remainderKind: 'donation',
        donationPurpose: ' 活動全般 ',
        note: ' 振込 ',
      },
      {
        memberId: oa.suzuki.id,
        receivedOn: '2026-05-02',
        amount: 1000,
        method: 'cash',
        allocations: [{ invoiceId: of(oa.suzuki.id)[0]!, amount: 1000 }],
      },
      {
        memberId: oa.suzuki.id,
        receivedOn: '2026-05-03',
        amount: 2000,
        method: 'cash',
        allocations: [{ invoiceId: of(oa.suzuki.id)[0]!, amount: 2000 }],
      },
      {
        memberId: oa.sato.id,
        receivedOn: '2026-05-04',
        amount: 10000,
        method: 'postal',
        allocations: of(oa.sato.id).map((id) => ({ invoiceId: id, amount: 5000 })),
      },
      {
        memberId: oa.ito.id,
        receivedOn: '2026-05-05',
        amount: 7000,
        method: 'bank',
        allocations: [{ invoiceId: of(oa.ito.id)[0]!, amount: 5000 }],
        remainderKind: 'credit',
      },
    ];
    const ids = await asTest(() => a().transactional((tx) => recordPaymentsBatch(tx, inputs)));
    const recorded = await asTest(() => recordPayments(b(), inputs));
    t.same(
      ids,
      recorded.map((r) => r.payment.id),
      'the same payment ids, in input order',
    );
    t.same(await dumpLedger(a()), await dumpLedger(b()));
  },
);

t.test('a batch that breaks a ledger rule writes nothing', async (t) => {
  const a = await duesDatabase(t);
  const o = await office(a);
  const before = await dumpLedger(a());
  const inv = await a().execute<{ id: number }[]>('select id from invoice where member_id = ?', [o.yamada.id]);
  const ok = {
    memberId: o.yamada.id,
    receivedOn: '2026-05-01',
    amount: 3000,
    method: 'bank' as const,
    allocations: [{ invoiceId: inv[0]!.id, amount: 3000 }],
  };
  const tooMuch = { ...ok, receivedOn: '2026-05-02' }; // 6,000 in all on a 5,000 invoice
  const err = await failure(asTest(() => a().transactional((tx) => recordPaymentsBatch(tx, [ok, tooMuch]))));
  t.equal(err.statusCode, 422);
  t.same(await dumpLedger(a()), before);
});

/** The per-entity invoice run: the run and each invoice as ORM entities in one flush. */
async function runPerEntity(em: EntityManager, fiscalYear: number, issuedOn: string): Promise<void> {
  await em.transactional(async (tx) => {
    const plan = await planInvoiceRun(tx, fiscalYear, issuedOn);
    const { fiscalYear: fy, issuedOn: on, dueOn } = plan;
    const run = tx.create(InvoiceRun, {
      fiscalYear: fy,
      issuedOn: on,
      dueOn,
      issuedCount: plan.issue.length,
      totalAmount: plan.total,
    } as never) as { id: number };
    await tx.flush();
    const seq = await nextInvoiceSeq(tx, fy);
    plan.issue.forEach((p, n) => {
      const row = invoiceRow(plan, run.id, p, formatInvoiceNo(fy, seq + n));
      tx.create(Invoice, { ...row, member: tx.getReference(Member, p.memberId), run } as never);
    });
    await tx.flush();
  });
}

t.test('the set-based invoice run leaves the same invoices and audit rows as the per-entity one', async (t) => {
  const a = await duesDatabase(t);
  const b = await duesDatabase(t);
  await office(a);
  await office(b);
  const r = await asTest(() => issueInvoiceRun(a(), { fiscalYear: 2027, issuedOn: '2027-04-05' }));
  await asTest(() => runPerEntity(b(), 2027, '2027-04-05'));
  t.equal(r.issued.length, 7, 'every member invoiced');
  t.same(await dumpLedger(a()), await dumpLedger(b()));
});

/** 1,234 notes on one member: three chunks of the batch writer, the text repeated in every row. */
function notes(memberId: number, summary: string) {
  return Array.from({ length: 1234 }, (_, n) => ({
    member: memberId,
    occurredOn: '2026-05-01',
    channel: n % 3 ? '電話' : 'メール',
    summary,
  }));
}

const countOf = async (em: EntityManager, sql: string) => Number((await em.execute<{ n: number }[]>(sql))[0]!.n);

t.test(
  'a repeated value with quotes, kana and an emoji is stored exactly, and every row is audited once',
  async (t) => {
    const a = await duesDatabase(t);
    const o = await office(a);
    const summary = "O'Brien様 「一括」 ''😀 ﾊﾝｶｸ";
    const ids = await asTest(() => a().transactional((tx) => insertRows(tx, Interaction, notes(o.yamada.id, summary))));
    t.equal(ids.length, 1234);
    t.same(
      ids,
      [...ids].sort((x, y) => x - y),
      'the ids come back in the order of the rows',
    );
    const rows = await a().execute<{ id: number; channel: string; summary: string }[]>(
      'select id, channel, summary from interaction order by id',
    );
    t.same(
      rows.map((r) => Number(r.id)),
      ids,
    );
    t.ok(
      rows.every((r) => r.summary === summary),
      'every summary exactly as given',
    );
    t.same(
      rows.map((r) => r.channel),
      notes(o.yamada.id, summary).map((r) => r.channel),
      'the values that differ row by row, each in its row',
    );
    const audit = await a().execute<{ entity_id: string; changes: unknown }[]>(
      `select entity_id, changes from audit_log where entity_name = 'Interaction' and action = 'create' order by id`,
    );
    t.same(
      audit.map((r) => Number(r.entity_id)),
      ids,
      'one audit row per note, in order',
    );
    const changes = (r: { changes: unknown }) =>
      (typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes) as Record<string, unknown>;
    t.same(changes(audit[1233]!).summary, [null, summary]);
  },
);

t.test(
  'a batch that fails in its third chunk leaves no row and no audit row of the first two, and says why',
  async (t) => {
    const a = await duesDatabase(t);
    const o = await office(a);
    const rows: Record<string, unknown>[] = notes(o.yamada.id, '一括');
    rows[1100] = { ...rows[1100], occurredOn: null }; // NOT NULL, in the third chunk of 500
    const audits = await countOf(a(), 'select count(*) as n from audit_log');
    const err = await failure(asTest(() => a().transactional((tx) => insertRows(tx, Interaction, rows))));
    t.ok(err instanceof NotNullConstraintViolationException, `the database's own refusal (${err.message})`);
    t.equal(await countOf(a(), 'select count(*) as n from interaction'), 0, 'no note of the first chunks');
    t.equal(await countOf(a(), 'select count(*) as n from audit_log'), audits, 'no audit row either');
  },
);

t.test('on PostgreSQL a pipelined batch sends each statement only after the one before it has answered', async (t) => {
  if (!process.env.ENISHI_TEST_DATABASE_URL) return t.pass('SQLite queues statements on its own connection');
  const { Client } = (await import('pg')).default;
  const query = Client.prototype.query;
  let sent = 0;
  let overlapped = 0;
  Client.prototype.query = function (this: { _activeQuery?: unknown; queryQueue?: unknown[] }, ...args: unknown[]) {
    sent++;
    if (this._activeQuery || this.queryQueue?.length) overlapped++;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  t.teardown(() => {
    Client.prototype.query = query;
  });
  const a = await duesDatabase(t);
  const o = await office(a);
  sent = 0;
  const ids = await asTest(() => a().transactional((tx) => insertRows(tx, Interaction, notes(o.yamada.id, '一括'))));
  t.equal(ids.length, 1234, 'every row written');
  t.ok(sent >= 6, `the three chunks and their audit rows went as statements (${sent})`);
  t.equal(overlapped, 0, 'none was sent while another was still running on the same client');
  t.equal(await countOf(a(), "select count(*) as n from audit_log where entity_name = 'Interaction'"), 1234);
});
