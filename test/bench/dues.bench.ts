import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withActor } from '../../src/db/actor.js';
import { loadConfig } from '../../src/config.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { issueInvoiceRun } from '../../src/dues/invoice-run.service.js';
import { updateSettings } from '../../src/settings/settings.service.js';
import { seedDefaults } from '../../src/seed.js';
import { fileURLToPath } from 'node:url';
import { enishiInChild, nodeInChild } from './child.js';
import { insertMembers } from './data.js';

const DRAW = fileURLToPath(new URL('./invoices-draw.ts', import.meta.url));
const asBench = <T>(fn: () => Promise<T>) => withActor({ staffId: null, name: 'bench' }, fn);

async function database(members: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'enishi-bench-dues-'));
  const config = loadConfig(
    {},
    { dataDir, databaseUrl: process.env.ENISHI_BENCH_DATABASE_URL ?? '', logLevel: 'warn', secret: 'bench' },
  );
  const orm = await openOrm(config);
  await seedDefaults(orm.em.fork());
  await insertMembers(orm.em.fork(), members);
  await asBench(() =>
    updateSettings(orm.em.fork(), {
      orgName: 'NPO法人 エニシの会',
      bankAccounts: ['〇〇銀行 本店 普通 1234567 トクヒ)エニシ', 'ゆうちょ銀行 00100-1-123456'],
    }),
  );
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

/** Annual invoice run for 50,000 members (target ≤ 10 s); a 5,000-page run PDF streamed to disk (target peak RSS ≤ 300 MB). */
export async function duesBench(): Promise<Record<string, unknown>> {
  const n = Number(process.env.BENCH_MEMBERS ?? 50_000);
  const big = await database(n);
  let runFigures: Record<string, unknown>;
  try {
    const t0 = performance.now();
    const dry = await asBench(() => issueInvoiceRun(big.orm.em.fork(), { fiscalYear: 2026, dryRun: true }));
    const t1 = performance.now();
    const r = await asBench(() => issueInvoiceRun(big.orm.em.fork(), { fiscalYear: 2026 }));
    const t2 = performance.now();
    const again = await asBench(() => issueInvoiceRun(big.orm.em.fork(), { fiscalYear: 2026 }));
    const t3 = performance.now();
    runFigures = {
      members: n,
      issued: r.issued.length,
      previewSeconds: Math.round(t1 - t0) / 1000,
      issueSeconds: Math.round(t2 - t1) / 1000,
      secondRunIssued: again.issued.length,
      secondRunSeconds: Math.round(t3 - t2) / 1000,
      dryRunIssued: dry.issued.length,
    };
  } finally {
    await big.close();
  }
  const pages = Number(process.env.BENCH_PDF_PAGES ?? 5_000);
  const small = await database(pages);
  try {
    const r = await asBench(() => issueInvoiceRun(small.orm.em.fork(), { fiscalYear: 2026 }));
    const out = join(small.dataDir, 'run.pdf');
    const env = { ENISHI_DATA_DIR: small.dataDir, ENISHI_DATABASE_URL: small.config.databaseUrl };
    const { stdout: _out, ...pdf } = await enishiInChild(['invoices', 'pdf', String(r.run!.id), '--out', out], env);
    // Our drawing against bare pdfkit drawing the same strings, in one child process.
    const draw = await nodeInChild(['--import', 'tsx', DRAW, String(r.run!.id)], env);
    const figures = JSON.parse(draw.stdout) as { drawSeconds: number; bareSeconds: number; pages: number };
    const ratio = Math.round((figures.drawSeconds / figures.bareSeconds) * 100) / 100;
    return {
      invoiceRun: runFigures,
      runPdf: { pages, ...pdf, megabytes: Math.round(statSync(out).size / 1e5) / 10 },
      draw: { ...figures, ratio, peakRssMb: draw.peakRssMb },
      line: `run=${runFigures.issueSeconds}s pdf=${pdf.seconds}s bare_pdf=${figures.bareSeconds}s pdf_ratio=${ratio}x peak_rss=${pdf.peakRssMb}MB draw=${figures.drawSeconds}s`,
    };
  } finally {
    await small.close();
  }
}
