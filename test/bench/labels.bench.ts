import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import type { EntityManager } from '../../src/db/orm.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { todayInTokyo } from '../../src/lib/dates.js';
import { countSegment, queryContext } from '../../src/mailings/segments.service.js';
import { seedDefaults } from '../../src/seed.js';
import { enishiInChild } from './child.js';
import { insertMembers, rng } from './data.js';

async function database(members: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'enishi-bench-labels-'));
  const config = loadConfig(
    {},
    { dataDir, databaseUrl: process.env.ENISHI_BENCH_DATABASE_URL ?? '', logLevel: 'warn', secret: 'bench' },
  );
  const orm = await openOrm(config);
  await seedDefaults(orm.em.fork());
  await insertMembers(orm.em.fork(), members);
  return {
    orm,
    dataDir,
    config,
    close: async () => {
      await orm.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Spread members over prefectures and postal codes, with this year's invoices and some donations. */
async function vary(em: EntityManager, n: number, fiscalYear: number): Promise<void> {
  const rand = rng(7);
  const knex = em.getKnex();
  const prefs = ['東京都', '神奈川県', '大阪府', '北海道', '福岡県'];
  await knex('member').update({
    prefecture: knex.raw(`case member_no % 5 ${prefs.map((p, i) => `when ${i} then '${p}'`).join(' ')} end`),
    postal_code: knex.raw(
      "substr('0123456789', (member_no % 10) + 1, 1) || '60-00' || substr('00' || (member_no % 100), -2, 2)",
    ),
  });
  const now = new Date();
  const invoices = [];
  const donations = [];
  for (let i = 1; i <= n; i++) {
    const status = rand() < 0.7 ? 'paid' : 'unpaid';
    invoices.push({
      invoice_no: `B-${i}`,
      member_id: i,
      fiscal_year: fiscalYear,
      kind: 'annual',
      member_type_name: '正会員',
      description: '年会費',
      amount: 3000,
      paid_amount: status === 'paid' ? 3000 : 0,
      issued_on: `${fiscalYear}-04-01`,
      due_on: `${fiscalYear}-05-01`,
      status,
      voided: false,
      reminder_count: 0,
      created_at: now,
      updated_at: now,
    });
    if (rand() < 0.15)
      donations.push({
        member_id: i,
        received_on: `${fiscalYear}-06-01`,
        amount: 1000 + Math.floor(rand() * 9) * 1000,
        method: 'bank',
        status: 'active',
        thank_status: 'none',
        created_at: now,
        updated_at: now,
      });
  }
  for (let i = 0; i < invoices.length; i += 500) await knex.insert(invoices.slice(i, i + 500)).into('invoice');
  for (let i = 0; i < donations.length; i += 500) await knex.insert(donations.slice(i, i + 500)).into('donation');
}

/** Labels for 20,000 recipients in a child process (time, peak RSS ≤ 300 MB); a segment count over 50,000 members (p95 ≤ 100 ms). */
export async function labelsBench(): Promise<Record<string, unknown>> {
  const labelsN = Number(process.env.BENCH_LABELS ?? 20_000);
  const small = await database(labelsN);
  let labels: Record<string, unknown>;
  try {
    await small.orm.close();
    const out = join(small.dataDir, 'labels.pdf');
    const env = { ENISHI_DATA_DIR: small.dataDir, ENISHI_DATABASE_URL: small.config.databaseUrl };
    const { stdout, ...run } = await enishiInChild(['labels', '--all', '--sheet', '12', '--joint', '--out', out], env);
    labels = {
      recipients: labelsN,
      ...run,
      megabytes: Math.round(statSync(out).size / 1e5) / 10,
      summary: stdout.trim().split('\n')[0],
    };
  } finally {
    rmSync(small.dataDir, { recursive: true, force: true });
  }
  const n = Number(process.env.BENCH_MEMBERS ?? 50_000);
  const big = await database(n);
  try {
    const ctx = await queryContext(big.orm.em.fork(), todayInTokyo());
    await vary(big.orm.em.fork(), n, ctx.fiscalYear);
    const filters = [
      { name: 'everyone, paper', filter: {} },
      {
        name: '東京都 + paid + donated ≥ 3,000',
        filter: { prefectures: ['東京都'], dues: 'paid' as const, donated: { minTotal: 3000 } },
      },
      {
        name: 'postal prefix 16 + has e-mail + joined after 2019',
        filter: { postalPrefix: '16', hasEmail: false, joinedFrom: '2019-01-01' },
      },
    ];
    const counts: Record<string, unknown> = {};
    for (const { name, filter } of filters) {
      const times: number[] = [];
      let included = 0;
      for (let i = 0; i < 40; i++) {
        const t0 = performance.now();
        included = (await countSegment(big.orm.em.fork(), filter, 'post', ctx)).included;
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      counts[name] = {
        included,
        p50ms: Math.round(times[20]! * 10) / 10,
        p95ms: Math.round(times[Math.floor(times.length * 0.95)]! * 10) / 10,
      };
    }
    const p95 = Math.max(...Object.values(counts).map((c) => (c as { p95ms: number }).p95ms));
    const line = `labels ${labelsN}: ${labels.seconds} s, peak RSS ${labels.peakRssMb} MB; segment count over ${n}: worst p95 ${p95} ms`;
    return { labels, segmentCount: { members: n, ...counts }, figures: line };
  } finally {
    await big.close();
  }
}
