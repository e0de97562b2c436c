import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withActor } from '../../src/db/actor.js';
import { loadConfig } from '../../src/config.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { importMembers } from '../../src/members/import/import.service.js';
import { encodeCp932 } from '../../src/lib/text-encoding.js';
import { seedDefaults } from '../../src/seed.js';
import { toHalfKana } from '../fixtures/half-kana.js';
import { FAMILY, GIVEN, rng } from './data.js';

const HEADER =
  '会員番号,氏名,フリガナ,会員種別,郵便番号,住所1,住所2,電話番号,メールアドレス,生年月日,入会日,協力できる分野,備考';
const SKILLS = ['会計', '翻訳', 'イベント運営', 'IT', '車の運転'];

/** A member list as an office would export it from Excel: Shift_JIS, half-width kana in some rows, skills in some. */
export function memberCsv(n: number, seed = 7): Buffer {
  const rand = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  const lines = [HEADER];
  for (let i = 1; i <= n; i++) {
    const [fn, fk] = pick(FAMILY);
    const [gn, gk] = pick(GIVEN);
    const kana = rand() < 0.3 ? toHalfKana(`${fk} ${gk}`) : `${fk}　${gk}`;
    const phone = `03-${String(1000 + (i % 9000))}-${String(1000 + Math.floor(i / 9000) * 10 + Math.floor(rand() * 10))}`;
    const skills = rand() < 0.3 ? `${pick(SKILLS)};${pick(SKILLS)}` : '';
    // Birth dates unique per row up to 20,160 rows: same フリガナ + same birth date would (rightly) be flagged as a duplicate.
    const born = `${i < 10080 ? 'S' : 'H'}${(i < 10080 ? 30 : 2) + (i % 30)}.${1 + (Math.floor(i / 30) % 12)}.${1 + (Math.floor(i / 360) % 28)}`;
    lines.push(
      [
        i,
        `${fn} ${gn}`,
        kana,
        rand() < 0.8 ? '正会員' : '賛助会員',
        '160-0022',
        `東京都新宿区新宿${(i % 9) + 1}-${(i % 30) + 1}`,
        '',
        phone,
        `m${i}@example.jp`,
        born,
        '2026/4/1',
        skills,
        '',
      ].join(','),
    );
  }
  return encodeCp932(lines.join('\r\n') + '\r\n');
}

/** 20,000 new members from one Shift_JIS CSV into an empty SQLite file; the same file again (all unchanged); a file changing every row. */
export async function memberImportBench(): Promise<Record<string, unknown>> {
  const n = Number(process.env.BENCH_MEMBERS ?? 20_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'enishi-bench-import-'));
  const config = loadConfig(
    {},
    { dataDir, databaseUrl: process.env.ENISHI_BENCH_DATABASE_URL ?? '', logLevel: 'warn', secret: 'bench' },
  );
  const orm = await openOrm(config);
  try {
    await seedDefaults(orm.em.fork());
    const csv = memberCsv(n);
    const run = async (file = csv) => {
      const t0 = performance.now();
      const r = await withActor({ staffId: null, name: 'bench' }, () => importMembers(orm.em.fork(), file));
      return {
        seconds: Math.round((performance.now() - t0) / 10) / 100,
        created: r.created,
        updated: r.updated,
        unchanged: r.plan.counts.unchanged,
        errors: r.plan.counts.error,
      };
    };
    const first = await run();
    const again = await run();
    const changed = await run(memberCsv(n, 8));
    const [{ n: audit }] = await orm.em.getConnection().execute<{ n: number }[]>('select count(*) as n from audit_log');
    return {
      rows: n,
      fileBytes: csv.length,
      firstImport: first,
      reimportSameFile: again,
      reimportEveryRowChanged: changed,
      auditRows: Number(audit),
    };
  } finally {
    await orm.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
