import autocannon from 'autocannon';
import { openOrm } from '../../src/mikro-orm.config.js';
import { seedDefaults } from '../../src/seed.js';
import { startServerProcess } from './server.js';
import { withActor } from '../../src/db/actor.js';
import { loadConfig } from '../../src/config.js';
import { createStaff } from '../../src/staff/staff.service.js';
import { insertMembers } from './data.js';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { searchMembers } from '../../src/members/member-search.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BARE = fileURLToPath(new URL('./bare-search-server.ts', import.meta.url));

/** 50,000 members; quick search by partial フリガナ and by phone, 20 connections; p50/p95 of the route. */
export async function memberSearchBench(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'enishi-bench-'));
  const config = loadConfig({}, { dataDir, databaseUrl: '', logLevel: 'warn', secret: 'bench' });
  const orm = await openOrm(config);
  const t0 = performance.now();
  await seedDefaults(orm.em.fork());
  const n = Number(process.env.BENCH_MEMBERS ?? 50_000);
  await insertMembers(orm.em.fork(), n);
  const seeded = performance.now() - t0;
  await withActor({ staffId: null, name: 'bench' }, () =>
    createStaff(orm.em.fork(), {
      loginId: 'bench',
      displayName: 'bench',
      password: 'bench-password-1',
      role: 'viewer',
    }),
  );
  // The baseline shows the same rows: the app's own search finds their ids once, here.
  const ids: Record<string, number[]> = {};
  for (const [, q] of QUERIES) ids[q] = (await searchMembers(orm.em.fork(), { q })).items.map((r) => r.id);
  await orm.close();
  const server = await startServerProcess(dataDir, 3917, { ENISHI_SECRET: 'bench' });
  const bare = await startBareProcess(dataDir, 3918, ids);
  try {
    const cookie = await login(server.base);
    const results: Record<string, unknown> = { members: n, seedMs: Math.round(seeded) };
    const p95s: number[] = [];
    const bareP95s: number[] = [];
    // Alternated: bare, app, bare, app for each query, on a shared machine.
    for (const [label, q] of QUERIES) {
      const path = `/members?q=${encodeURIComponent(q)}`;
      const bareRun = await measure(bare.base + path, '');
      const appRun = await measure(server.base + path, cookie);
      p95s.push(appRun.p95ms);
      bareP95s.push(bareRun.p95ms);
      results[label] = { app: appRun, bare: bareRun, ratio: round1(appRun.p95ms / bareRun.p95ms) };
    }
    const p95 = median(p95s);
    const bareP95 = median(bareP95s);
    results.line = `p95=${p95}ms bare_p95=${bareP95}ms ratio=${round1(p95 / bareP95)}x (medians over ${QUERIES.length} queries)`;
    return results;
  } finally {
    await server.stop();
    await bare.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const QUERIES = [
  ['partial kana (かとう)', 'かとう'],
  ['phone digits (1234)', '1234'],
  ['half-width kana (ﾔﾏﾀﾞ ﾊﾅｺ)', 'ﾔﾏﾀﾞ ﾊﾅｺ'],
  ['list page 1 (no query)', ''],
] as const;
const round1 = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return round1(s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2);
};

async function startBareProcess(dataDir: string, port: number, ids: Record<string, number[]>) {
  const child = spawn(process.execPath, ['--import', 'tsx', BARE], {
    env: { ...process.env, ENISHI_DATA_DIR: dataDir, PORT: String(port), BARE_IDS: JSON.stringify(ids) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(base + '/members').then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function login(base: string, loginId = 'bench', password = 'bench-password-1'): Promise<string> {
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
    body: new URLSearchParams({ loginId, password, _csrf: csrf }).toString(),
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
    const inst = autocannon(
      { url, connections: 20, duration: Number(process.env.BENCH_SECONDS ?? 8), headers: { cookie } },
      (err, res) => (err ? reject(err) : resolve(res)),
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
