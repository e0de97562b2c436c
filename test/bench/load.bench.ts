import autocannon from 'autocannon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withActor } from '../../src/db/actor.js';
import { loadConfig } from '../../src/config.js';
import { issueInvoiceRun } from '../../src/dues/invoice-run.service.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { seedDefaults } from '../../src/seed.js';
import { createStaff } from '../../src/staff/staff.service.js';
import { statement } from './bank-import.bench.js';
import { enishiInChild } from './child.js';
import { insertMembers } from './data.js';
import { login } from './member-search.bench.js';
import { startServerProcess } from './server.js';

const asBench = <T>(fn: () => Promise<T>) => withActor({ staffId: null, name: 'bench' }, fn);
const SESSIONS = 20;

/**
 * The office at its busiest (issue 14): 20 staff sessions browsing, searching and saving against
 * 50,000 members for 60 s while a 10,000-line bank import runs from the CLI in another process.
 * Loopback only, bounded in time. Reports throughput, p95, p99 and errors (target: no errors,
 * p95 ≤ 200 ms on a 2-core machine).
 */
export async function loadBench(): Promise<Record<string, unknown>> {
  const members = Number(process.env.BENCH_MEMBERS ?? 50_000);
  const deposits = Number(process.env.BENCH_DEPOSITS ?? 10_000);
  const seconds = Number(process.env.BENCH_SECONDS ?? 60);
  const dataDir = mkdtempSync(join(tmpdir(), 'enishi-bench-load-'));
  const config = loadConfig({}, { dataDir, databaseUrl: '', logLevel: 'warn', secret: 'bench' });
  const orm = await openOrm(config);
  await seedDefaults(orm.em.fork());
  await insertMembers(orm.em.fork(), members);
  await asBench(() => issueInvoiceRun(orm.em.fork(), { fiscalYear: 2026 }));
  for (let i = 0; i < SESSIONS; i++)
    await asBench(() =>
      createStaff(orm.em.fork(), {
        loginId: `staff${i}`,
        displayName: `事務局${i}`,
        password: 'bench-password-1',
        role: 'staff',
      }),
    );
  const rows = await orm.em
    .getConnection()
    .execute<{ member_no: number; family_kana: string; given_kana: string }[]>(
      'select member_no, family_kana, given_kana from member',
    );
  await orm.close();
  const file = join(dataDir, 'statement.csv');
  writeFileSync(file, statement(rows, deposits));

  const server = await startServerProcess(dataDir, 3919, {
    ENISHI_SECRET: 'bench',
    LOG_LEVEL: process.env.BENCH_SERVER_LOG ?? 'warn',
  });
  try {
    const sessions = await Promise.all(
      Array.from({ length: SESSIONS }, async (_, i) => {
        const first = await login(server.base, `staff${i}`);
        const page = await fetch(`${server.base}/members/${i + 1}`, { headers: { cookie: first } });
        const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
        // The page that made the token also updated the session cookie (it holds the token's secret).
        const jar = new Map(first.split('; ').map((c) => [c.split('=')[0]!, c] as const));
        for (const c of page.headers.getSetCookie()) jar.set(c.split('=')[0]!, c.split(';')[0]!);
        return { cookie: [...jar.values()].join('; '), csrf, memberId: i + 1 };
      }),
    );
    const times: number[] = [];
    let errors = 0;
    let non2xx = 0;
    let total = 0;
    const statuses: Record<number, number> = {};
    const started = performance.now();
    const importRun = enishiInChild(['bank', 'import', file, '--json'], { ENISHI_DATA_DIR: dataDir });
    const runs = sessions.map(
      (s) =>
        new Promise<void>((resolve, reject) => {
          const body = new URLSearchParams({
            _csrf: s.csrf,
            occurredOn: '2026-05-01',
            channel: '電話',
            summary: '会費の件',
            staffId: '',
          }).toString();
          const inst = autocannon(
            {
              url: server.base,
              connections: 1,
              duration: seconds,
              headers: { cookie: s.cookie },
              requests: [
                { method: 'GET', path: `/members?q=${encodeURIComponent('かとう')}` },
                { method: 'GET', path: `/members/${s.memberId}` },
                { method: 'GET', path: '/dashboard' },
                { method: 'GET', path: '/members?q=1234' },
                {
                  method: 'POST',
                  path: `/members/${s.memberId}/interactions`,
                  body,
                  headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
                },
              ],
            },
            (err, res) => {
              if (err) return reject(err);
              errors += res.errors + res.timeouts;
              // A save answers 303 (redirect after POST): that is success here.
              non2xx += res['5xx'] + res['4xx'];
              total += res.requests.total;
              resolve();
            },
          );
          inst.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
            times.push(ms);
            statuses[status] = (statuses[status] ?? 0) + 1;
          });
        }),
    );
    await Promise.all(runs);
    const elapsed = (performance.now() - started) / 1000;
    const imported = await importRun;
    times.sort((a, b) => a - b);
    const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * p))]! * 10) / 10;
    const rps = Math.round(total / elapsed);
    return {
      members,
      deposits,
      sessions: SESSIONS,
      seconds,
      requests: total,
      rps,
      p50ms: pct(0.5),
      p95ms: pct(0.95),
      p99ms: pct(0.99),
      errors,
      non2xx,
      importSeconds: imported.seconds,
      statuses,
      line: `load: rps=${rps} p95=${pct(0.95)}ms p99=${pct(0.99)}ms errors=${errors} 4xx/5xx=${non2xx} import=${imported.seconds}s (${SESSIONS} sessions, ${seconds}s, ${members} members)`,
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
