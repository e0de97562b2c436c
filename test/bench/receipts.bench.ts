import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withActor } from '../../src/db/actor.js';
import { loadConfig } from '../../src/config.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { issueInvoiceRun } from '../../src/dues/invoice-run.service.js';
import { recordPayments, type PaymentInput } from '../../src/dues/payment.service.js';
import { updateSettings } from '../../src/settings/settings.service.js';
import { seedDefaults } from '../../src/seed.js';
import { enishiInChild, nodeInChild } from './child.js';
import { insertMembers } from './data.js';

const DRAW = fileURLToPath(new URL('./receipts-draw.ts', import.meta.url));
const asBench = <T>(fn: () => Promise<T>) => withActor({ staffId: null, name: 'bench' }, fn);

/** n members, each with a paid 2026 invoice; every fifth pays 2,000円 more as a gift. */
export async function database(n: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'enishi-bench-receipts-'));
  const config = loadConfig(
    {},
    { dataDir, databaseUrl: process.env.ENISHI_BENCH_DATABASE_URL ?? '', logLevel: 'warn', secret: 'bench' },
  );
  const orm = await openOrm(config);
  await seedDefaults(orm.em.fork());
  await insertMembers(orm.em.fork(), n);
  await asBench(() =>
    updateSettings(orm.em.fork(), {
      orgName: '特定非営利活動法人 エニシの会',
      orgPostalCode: '160-0022',
      orgAddress: '東京都新宿区新宿1-2-3',
      orgPhone: '03-1234-5678',
      representative: '理事長 佐藤 花子',
    }),
  );
  const run = await asBench(() => issueInvoiceRun(orm.em.fork(), { fiscalYear: 2026, issuedOn: '2026-04-01' }));
  const invoices = await orm.em
    .fork()
    .execute<{ id: number; member_id: number; amount: number }[]>(
      'select id, member_id, amount from invoice where run_id = ? order by id',
      [run.run!.id],
    );
  const inputs: PaymentInput[] = invoices.map((inv, i) => ({
    memberId: Number(inv.member_id),
    receivedOn: `2026-0${4 + (i % 6)}-1${i % 10}`,
    amount: Number(inv.amount) + (i % 5 === 0 ? 2000 : 0),
    method: 'bank',
    allocations: [{ invoiceId: Number(inv.id), amount: Number(inv.amount) }],
    remainderKind: i % 5 === 0 ? 'donation' : null,
  }));
  for (let i = 0; i < inputs.length; i += 500)
    await asBench(() => recordPayments(orm.em.fork(), inputs.slice(i, i + 500)));
  await orm.close();
  return {
    dataDir,
    env: { ENISHI_DATA_DIR: dataDir, ENISHI_DATABASE_URL: config.databaseUrl },
    close: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/**
 * `enishi receipts issue` for 5,000 payments into one PDF (time, peak RSS ≤ 300 MB), then the
 * same pages drawn by our renderer and by bare pdfkit in one child process (ratio ≤ 1.5x).
 */
export async function receiptsBench(): Promise<Record<string, unknown>> {
  const n = Number(process.env.BENCH_RECEIPTS ?? 5_000);
  const db = await database(n);
  try {
    const out = join(db.dataDir, 'receipts.pdf');
    const issue = await enishiInChild(['receipts', 'issue', '--year', '2026', '--out', out, '--json'], db.env);
    const pages = JSON.parse(issue.stdout).pages as number;
    const draw = await nodeInChild(['--import', 'tsx', DRAW], db.env);
    const figures = JSON.parse(draw.stdout) as { drawSeconds: number; bareSeconds: number; pages: number };
    const ratio = Math.round((figures.drawSeconds / figures.bareSeconds) * 100) / 100;
    return {
      receipts: n,
      pages,
      issueSeconds: issue.seconds,
      issuePeakRssMb: issue.peakRssMb,
      megabytes: Math.round(statSync(out).size / 1e5) / 10,
      drawSeconds: figures.drawSeconds,
      bareSeconds: figures.bareSeconds,
      ratio,
      drawPeakRssMb: draw.peakRssMb,
      // peak_rss is the real run (issue + PDF); the comparison child holds every page's data at once.
      line: `receipts=${figures.drawSeconds}s bare=${figures.bareSeconds}s ratio=${ratio}x peak_rss=${issue.peakRssMb}MB issue=${issue.seconds}s`,
    };
  } finally {
    db.close();
  }
}
