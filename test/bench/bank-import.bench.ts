import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import sqlite3 from 'sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withActor } from '../../src/db/actor.js';
import { readStatement } from '../../src/banking/statement.js';
import { loadConfig } from '../../src/config.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { issueInvoiceRun } from '../../src/dues/invoice-run.service.js';
import { encodeCp932 } from '../../src/lib/text-encoding.js';
import { seedDefaults } from '../../src/seed.js';
import { toHalfKana } from '../fixtures/half-kana.js';
import { enishiInChild } from './child.js';
import { insertMembers, rng } from './data.js';

const asBench = <T>(fn: () => Promise<T>) => withActor({ staffId: null, name: 'bench' }, fn);

/**
 * A month's statement as a bank exports it (Shift_JIS, half-width kana): most payers write their
 * member number as asked, some only their name, some with a fee deducted, some unknown.
 */
export function statement(rows: { member_no: number; family_kana: string; given_kana: string }[], n: number): Buffer {
  const rand = rng(11);
  const lines = ['"日付","摘要","お引出し","お預入れ","残高"'];
  for (let i = 0; i < n; i++) {
    const m = rows[Math.floor(rand() * rows.length)]!;
    const name = toHalfKana(`${m.family_kana} ${m.given_kana}`);
    const r = rand();
    const payer = r < 0.6 ? `${m.member_no}${name}` : r < 0.8 ? name : r < 0.9 ? `${m.member_no} ${name}` : `ｷﾌｼﾔ${i}`;
    const amount = r >= 0.8 && r < 0.85 ? 4780 : 5000;
    lines.push(`"2026/5/${1 + (i % 28)}","振込 ${payer}","","${amount.toLocaleString('en-US')}","0"`);
  }
  return encodeCp932(lines.join('\r\n') + '\r\n');
}

const sqliteRun = (db: sqlite3.Database, sql: string) =>
  new Promise<void>((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));

/**
 * SQLite copying the rows the import wrote, itself: into the database as it was before the import
 * (same tables, same indexes, same foreign keys), the new lines, payments, allocations, donations
 * and audit rows with `insert … select`, and the invoices it paid with one `update … from`, in one
 * committed transaction. The write phase's limit.
 */
async function copyWrittenRows(before: string, after: string): Promise<number> {
  const db = new sqlite3.Database(before);
  try {
    await sqliteRun(db, 'pragma journal_mode = WAL; pragma foreign_keys = ON');
    await sqliteRun(db, `attach '${after.replaceAll("'", "''")}' as done`);
    const t0 = performance.now();
    const tables = ['bank_import', 'bank_transaction', 'payment', 'allocation', 'donation', 'audit_log'];
    await sqliteRun(
      db,
      [
        'begin',
        ...tables.map(
          (x) =>
            `insert into main.${x} select * from done.${x} where id > (select coalesce(max(id), 0) from main.${x})`,
        ),
        `update main.invoice set paid_amount = d.paid_amount, status = d.status, closed_on = d.closed_on, updated_at = d.updated_at
           from done.invoice d where d.id = main.invoice.id and d.paid_amount <> main.invoice.paid_amount`,
        'commit',
      ].join(';\n'),
    );
    return (performance.now() - t0) / 1000;
  } finally {
    await new Promise<void>((r) => db.close(() => r()));
  }
}

/** 10,000 deposits against 50,000 members and 60,000 open invoices: import time vs parsing alone, and peak RSS. */
export async function bankImportBench(): Promise<Record<string, unknown>> {
  const members = Number(process.env.BENCH_MEMBERS ?? 50_000);
  const deposits = Number(process.env.BENCH_DEPOSITS ?? 10_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'enishi-bench-bank-'));
  const config = loadConfig(
    {},
    { dataDir, databaseUrl: process.env.ENISHI_BENCH_DATABASE_URL ?? '', logLevel: 'warn', secret: 'bench' },
  );
  const orm = await openOrm(config);
  try {
    await seedDefaults(orm.em.fork());
    await insertMembers(orm.em.fork(), members);
    await asBench(() => issueInvoiceRun(orm.em.fork(), { fiscalYear: 2026 }));
    await asBench(() => issueInvoiceRun(orm.em.fork(), { fiscalYear: 2025 })); // then 10,000 of them paid, 60,000 open in all
    const rows = await orm.em
      .getConnection()
      .execute<{ member_no: number; family_kana: string; given_kana: string }[]>(
        'select member_no, family_kana, given_kana from member',
      );
    const paid = await orm.em
      .getConnection()
      .execute<{ id: number }[]>(
        `select id from invoice where fiscal_year = 2025 order by id limit ${members - 10_000}`,
      );
    for (let i = 0; i < paid.length; i += 500) {
      await orm.em.getConnection().execute(
        `update invoice set status = 'waived', status_reason = 'bench' where id in (${paid
          .slice(i, i + 500)
          .map((p) => p.id)
          .join(',')})`,
      );
    }
    const [{ n: open }] = await orm.em
      .getConnection()
      .execute<{ n: number }[]>(`select count(*) as n from invoice where status in ('unpaid', 'partial')`);
    const bytes = statement(rows, deposits);
    const file = join(dataDir, 'statement.csv');
    writeFileSync(file, bytes);

    const p0 = performance.now();
    const parsed = readStatement(bytes);
    const parseSeconds = (performance.now() - p0) / 1000;
    // The import itself runs in its own process (the CLI cron uses), so its peak RSS is its own;
    // the dry run (decode, parse, load the matcher, match; no writes) is the limit it is held to.
    // On SQLite each round imports into its own copy of the same database, dry run and import
    // alternated, and the medians are quoted (the machine is shared and noisy).
    const sqliteFile = config.databaseUrl ? null : join(dataDir, 'enishi.sqlite3');
    const pristine = join(dataDir, 'before.sqlite3');
    if (sqliteFile) {
      await orm.em.getConnection().execute('pragma wal_checkpoint(truncate)');
      copyFileSync(sqliteFile, pristine);
    }
    const rounds = sqliteFile ? Number(process.env.BENCH_ROUNDS ?? 3) : 1;
    const dries: number[] = [];
    const imports: { seconds: number; peakRssMb: number; stdout: string; dir: string }[] = [];
    for (let r = 0; r < rounds; r++) {
      const dir = sqliteFile ? join(dataDir, `round-${r}`) : dataDir;
      if (sqliteFile) {
        mkdirSync(dir);
        copyFileSync(pristine, join(dir, 'enishi.sqlite3'));
      }
      const env = { ENISHI_DATA_DIR: dir, ENISHI_DATABASE_URL: config.databaseUrl };
      dries.push((await enishiInChild(['bank', 'import', file, '--json', '--dry-run'], env)).seconds);
      imports.push({ ...(await enishiInChild(['bank', 'import', file, '--json'], env)), dir });
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const dry = { seconds: med(dries) };
    const child = {
      ...imports[0]!,
      seconds: med(imports.map((x) => x.seconds)),
      peakRssMb: Math.max(...imports.map((x) => x.peakRssMb)),
    };
    const report = JSON.parse(child.stdout).import;
    const lastDir = imports[imports.length - 1]!.dir;
    const copySeconds = sqliteFile ? await copyWrittenRows(pristine, join(lastDir, 'enishi.sqlite3')) : Number.NaN;
    const again = await enishiInChild(['bank', 'import', file, '--json'], {
      ENISHI_DATA_DIR: lastDir,
      ENISHI_DATABASE_URL: config.databaseUrl,
    });
    const reimportSeconds = again.seconds;
    const write = Math.max(0, child.seconds - dry.seconds);
    const r2 = (x: number) => Math.round(x * 100) / 100;
    return {
      members,
      openInvoices: Number(open),
      deposits: parsed.lines.length,
      fileBytes: bytes.length,
      parseAndDecodeSeconds: Math.round(parseSeconds * 1000) / 1000,
      importSecondsInChild: child.seconds,
      dryRunSecondsInChild: dry.seconds,
      importPeakRssMb: child.peakRssMb,
      sqliteCopySeconds: r2(copySeconds),
      writeToCopyRatio: r2(write / copySeconds),
      matched: report.matched,
      review: report.review,
      reimportSameFileSeconds: r2(reimportSeconds),
      reimportKnown: JSON.parse(again.stdout).import.known,
      rounds,
      importRuns: imports.map((x) => x.seconds),
      dryRuns: dries,
      line: `import=${child.seconds}s dryrun=${dry.seconds}s ratio=${r2(child.seconds / dry.seconds)}x write=${r2(write)}s peak_rss=${child.peakRssMb}MB`,
    };
  } finally {
    await orm.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
