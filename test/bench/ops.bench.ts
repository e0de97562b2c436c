import autocannon from 'autocannon';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { enishiInChild } from './child.js';
import { opsDatabase } from './ops-data.js';
import { startServerProcess } from './server.js';

async function login(base: string): Promise<string> {
  const page = await fetch(base + '/login');
  const jar = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(base + '/login', {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ loginId: 'bench', password: 'bench-password-1', _csrf: csrf }).toString(),
  });
  if (res.status !== 303) throw new Error('bench login failed: ' + res.status);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** autocannon on loopback, bounded in time; percentiles over every response. */
async function measure(url: string, cookie: string, seconds: number) {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon({ url, connections: 20, duration: seconds, headers: { cookie } }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    inst.on('response', (_c: unknown, _s: number, _b: number, ms: number) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * p))]! * 10) / 10;
  return {
    requests: result.requests.total,
    non2xx: result.non2xx,
    rps: Math.round(result.requests.average),
    p50ms: pct(0.5),
    p95ms: pct(0.95),
    p99ms: pct(0.99),
  };
}

const MEMBERS = () => Number(process.env.BENCH_MEMBERS ?? 50_000);

/**
 * Dashboard with 50,000 members and 5 years of payments at 20 connections (target p95 ≤ 100 ms):
 * the page as staff see it (aggregates kept while the data version stays), and every request recomputing (?fresh=1).
 */
export async function dashboardBench(): Promise<Record<string, unknown>> {
  const db = await opsDatabase(MEMBERS());
  const server = await startServerProcess(db.dataDir, 3931, { ENISHI_SECRET: 'bench' });
  try {
    const cookie = await login(server.base);
    const one: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const res = await fetch(`${server.base}/dashboard?fresh=1`, { headers: { cookie } });
      await res.text();
      one.push(Math.round(performance.now() - t0));
    }
    const page = await measure(`${server.base}/dashboard`, cookie, 10);
    const fresh = await measure(`${server.base}/dashboard?fresh=1`, cookie, 5);
    await new Promise((r) => setTimeout(r, 8000)); // let the recomputations still queued finish before the server stops
    const summary = `dashboard ${MEMBERS()} members, ${db.payments} payments: p95 ${page.p95ms} ms at 20 connections (${page.rps} req/s); uncomputed ${one.join('/')} ms single, ${fresh.requests ? `p95 ${fresh.p95ms} ms` : 'no request finished within 5 s'} recomputing every request`;
    return {
      members: MEMBERS(),
      invoices: db.invoices,
      payments: db.payments,
      seedMs: db.seedMs,
      singleFreshMs: one,
      page,
      fresh,
      summary,
    };
  } finally {
    await server.stop();
    db.close();
  }
}

/** `enishi backup` of that database in its own process: time, peak memory, archive size. */
export async function backupBench(): Promise<Record<string, unknown>> {
  const db = await opsDatabase(MEMBERS());
  try {
    const out = join(db.dataDir, 'bench-backup.zip');
    const dbMb = Math.round(statSync(join(db.dataDir, 'enishi.sqlite3')).size / 1e5) / 10;
    const run = await enishiInChild(['backup', '--out', out], { ENISHI_DATA_DIR: db.dataDir, ENISHI_DATABASE_URL: '' });
    const archiveMb = Math.round(statSync(out).size / 1e5) / 10;
    const summary = `backup of ${MEMBERS()} members / ${db.payments} payments: ${run.seconds} s, database ${dbMb} MB → archive ${archiveMb} MB, peak RSS ${run.peakRssMb} MB`;
    return {
      members: MEMBERS(),
      payments: db.payments,
      databaseMb: dbMb,
      archiveMb,
      seconds: run.seconds,
      peakRssMb: run.peakRssMb,
      summary,
    };
  } finally {
    db.close();
  }
}
