import autocannon from 'autocannon';
import { openOrm } from '../../src/mikro-orm.config.js';
import { seedDefaults } from '../../src/seed.js';
import { startServerProcess } from './server.js';
import { withActor } from '../../src/db/actor.js';
import { loadConfig } from '../../src/config.js';
import { createStaff } from '../../src/staff/staff.service.js';
import { insertMembers } from './data.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** 50,000 members; quick search by partial フリガナ and by phone, 20 connections; p50/p95 of the route. */
export async function memberSearchBench(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'enishi-bench-'));
  const config = loadConfig({}, { dataDir, databaseUrl: '', logLevel: 'warn', secret: 'bench' });
  const orm = await openOrm(config);
  const t0 = performance.now();
  await seedDefaults(orm.em.fork());
  await insertMembers(orm.em.fork(), 50_000);
  const seeded = performance.now() - t0;
  await withActor({ staffId: null, name: 'bench' }, () =>
    createStaff(orm.em.fork(), {
      loginId: 'bench',
      displayName: 'bench',
      password: 'bench-password-1',
      role: 'viewer',
    }),
  );
  await orm.close();
  const server = await startServerProcess(dataDir, 3917, { ENISHI_SECRET: 'bench' });
  try {
    const cookie = await login(server.base);
    const results: Record<string, unknown> = { members: 50_000, seedMs: Math.round(seeded) };
    for (const [label, q] of [
      ['partial kana (かとう)', 'かとう'],
      ['phone digits (1234)', '1234'],
      ['half-width kana (ﾔﾏﾀﾞ ﾊﾅｺ)', 'ﾔﾏﾀﾞ ﾊﾅｺ'],
      ['list page 1 (no query)', ''],
    ] as const) {
      results[label] = await measure(`${server.base}/members?q=${encodeURIComponent(q)}`, cookie);
    }
    return results;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

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

async function measure(url: string, cookie: string) {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon({ url, connections: 20, duration: 8, headers: { cookie } }, (err, res) =>
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
