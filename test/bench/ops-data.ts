import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withActor } from '../../src/db/actor.js';
import { loadConfig } from '../../src/config.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { PREFECTURES } from '../../src/members/prefectures.js';
import { seedDefaults } from '../../src/seed.js';
import { createStaff } from '../../src/staff/staff.service.js';
import { insertMembers, rng } from './data.js';

/**
 * 50,000 members (three types, all 47 prefectures, 5 % withdrawn) with five fiscal years of
 * invoices, 90 % of them paid by bank transfer within two months (some fee-short), and a
 * donation from every twentieth member each year. Written straight into the tables.
 */
export async function opsDatabase(members = 50_000, years = 5) {
  const dataDir = mkdtempSync(join(tmpdir(), 'enishi-bench-ops-'));
  const config = loadConfig({}, { dataDir, databaseUrl: '', logLevel: 'warn', secret: 'bench' });
  const orm = await openOrm(config);
  const t0 = performance.now();
  await seedDefaults(orm.em.fork());
  await insertMembers(orm.em.fork(), members);
  const knex = orm.em.fork().getKnex();
  await knex.raw(`update member set member_type_id = case when id % 10 = 0 then 2 when id % 17 = 0 then 3 else 1 end`);
  for (let i = 0; i < PREFECTURES.length; i++)
    await knex.raw(`update member set prefecture = ? where id % ? = ?`, [PREFECTURES[i], PREFECTURES.length, i]);
  await knex.raw(`update member set status = 'withdrawn', withdrawn_on = '2025-03-31' where id % 20 = 7`);
  const rand = rng(7);
  const now = new Date();
  const fees: Record<number, number> = { 1: 5000, 2: 3000, 3: 1000 };
  const types = await knex('member').select('id', 'member_type_id');
  const lastFy = 2026;
  let invoiceId = 0;
  let paymentId = 0;
  for (let fy = lastFy - years + 1; fy <= lastFy; fy++) {
    const invoices = [],
      payments = [],
      allocations = [],
      donations = [];
    for (const m of types) {
      const amount = fees[Number(m.member_type_id)]!;
      const paid = rand() < 0.9;
      invoiceId++;
      invoices.push({
        id: invoiceId,
        invoice_no: `${fy}-${String(invoiceId).padStart(6, '0')}`,
        member_id: m.id,
        fiscal_year: fy,
        kind: 'annual',
        member_type_name: ['正会員', '賛助会員', '学生会員'][Number(m.member_type_id) - 1],
        description: `${fy}年度 年会費`,
        amount,
        paid_amount: paid ? amount : 0,
        issued_on: `${fy}-04-01`,
        due_on: `${fy}-05-01`,
        status: paid ? 'paid' : 'unpaid',
        voided: false,
        reminder_count: 0,
        created_at: now,
        updated_at: now,
      });
      if (paid) {
        paymentId++;
        const fee = rand() < 0.1 ? 110 : 0;
        const day = `${fy}-0${4 + Math.floor(rand() * 2)}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
        payments.push({
          id: paymentId,
          member_id: m.id,
          received_on: day,
          amount: amount - fee,
          fee,
          method: 'bank',
          source: 'bank',
          allocated_amount: amount,
          remainder_amount: 0,
          status: 'active',
          thank_status: fy === lastFy && rand() < 0.05 ? 'pending' : 'done',
          created_at: now,
          updated_at: now,
        });
        allocations.push({
          payment_id: paymentId,
          invoice_id: invoiceId,
          amount,
          reversed: false,
          created_at: now,
          updated_at: now,
        });
      }
      if (Number(m.id) % 20 === fy % 20)
        donations.push({
          member_id: m.id,
          received_on: `${fy}-${String(6 + Math.floor(rand() * 6)).padStart(2, '0')}-15`,
          amount: 1000 * (1 + Math.floor(rand() * 10)),
          method: 'bank',
          status: 'active',
          thank_status: 'done',
          created_at: now,
          updated_at: now,
        });
    }
    for (const [table, rows] of [
      ['invoice', invoices],
      ['payment', payments],
      ['allocation', allocations],
      ['donation', donations],
    ] as const) {
      for (let i = 0; i < rows.length; i += 400) await knex.insert(rows.slice(i, i + 400)).into(table);
    }
  }
  await knex.raw('analyze');
  await withActor({ staffId: null, name: 'bench' }, () =>
    createStaff(orm.em.fork(), {
      loginId: 'bench',
      displayName: 'bench',
      password: 'bench-password-1',
      role: 'viewer',
    }),
  );
  const seedMs = Math.round(performance.now() - t0);
  await orm.close();
  return {
    dataDir,
    config,
    seedMs,
    invoices: invoiceId,
    payments: paymentId,
    close: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
