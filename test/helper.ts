import type { FastifyInstance, InjectOptions } from 'fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.js';
import { withActor } from '../src/db/actor.js';
import { loadConfig, type Config } from '../src/config.js';
import type { EntityManager, Orm } from '../src/db/orm.js';
import { openOrm } from '../src/mikro-orm.config.js';
import { openSeededOrm } from '../src/seed.js';
import { createStaff } from '../src/staff/staff.service.js';
import type { StaffRole } from '../src/web/roles.js';
import type { CliIO } from '../src/cli/command.js';

interface Teardown {
  teardown(fn: () => unknown): void;
}

/**
 * A fresh database per test file: in-memory SQLite, or — when ENISHI_TEST_DATABASE_URL
 * points at PostgreSQL — a scratch database created here and dropped in teardown.
 */
export async function testDatabase(t: Teardown): Promise<{ orm: Orm; config: Config }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'enishi-test-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const pgUrl = process.env.ENISHI_TEST_DATABASE_URL;
  let databaseUrl = ':memory:';
  if (pgUrl) {
    databaseUrl = await createScratchPg(pgUrl, t);
  }
  const config = loadConfig(
    {},
    { dataDir, databaseUrl, secret: 'test-secret-' + randomBytes(8).toString('hex'), logLevel: 'silent' },
  );
  const orm = await openOrm(config);
  t.teardown(() => orm.close(true));
  return { orm, config };
}

export async function createScratchPg(url: string, t: Teardown): Promise<string> {
  const { default: pg } = await import('pg');
  const name = `enishi_t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  t.teardown(async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

/** Boots the real app on a fresh database and closes it in teardown. */
export async function build(
  t: Teardown,
): Promise<{ app: FastifyInstance; orm: Orm; em: () => EntityManager; config: Config }> {
  const { orm, config } = await testDatabase(t);
  const app = await buildApp(config, { orm, logger: false });
  await app.ready();
  t.teardown(() => app.close());
  return { app, orm, em: () => orm.em.fork(), config };
}

export const PASSWORD = 'correct-horse-battery';

/** Creates a staff account directly (no UI) and marks setup done. */
export async function addStaff(app: FastifyInstance, role: StaffRole, loginId = role + '1'): Promise<void> {
  await withActor({ staffId: null, name: 'test' }, () =>
    createStaff(app.orm.em.fork(), { loginId, displayName: `${role}さん`, password: PASSWORD, role }),
  );
  app.state.setupDone = true;
}

/** A browser-like client over app.inject: keeps cookies and sends the CSRF token from the last page. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(public app: FastifyInstance) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }

  async request(opts: InjectOptions) {
    const res = await this.app.inject({ ...opts, headers: { ...(opts.headers ?? {}), cookie: this.cookieHeader() } });
    for (const c of res.cookies as { name: string; value: string }[]) this.cookies.set(c.name, c.value);
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.csrf = m[1]!;
    return res;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }

  /** Posts a urlencoded form; fetches a CSRF token first when none is known (pass csrf: false to omit it). */
  async post(url: string, form: Record<string, string | string[]> = {}, opts: { csrf?: boolean } = {}) {
    if (opts.csrf !== false && !this.csrf) await this.get('/login');
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    if (opts.csrf !== false) body.set('_csrf', this.csrf);
    return this.request({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  async login(loginId: string, password = PASSWORD) {
    await this.get('/login');
    const res = await this.post('/login', { loginId, password });
    if (res.statusCode !== 303) throw new Error(`login failed: ${res.statusCode}`);
    await this.get('/account');
    return res;
  }
}

/** Logs in a new client as a fresh staff member of the given role. */
export async function loggedIn(app: FastifyInstance, role: StaffRole = 'admin'): Promise<Client> {
  const loginId = `${role}-${randomBytes(3).toString('hex')}`;
  await addStaff(app, role, loginId);
  const c = new Client(app);
  await c.login(loginId);
  return c;
}

/** A CliIO that records what a command prints, for tests of `main([...], io)`. */
export function captureIO(env: NodeJS.ProcessEnv): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), env, openOrm: openSeededOrm };
}

/**
 * A temp data dir for `enishi …` run in-process: its own SQLite file, or a scratch PostgreSQL
 * database when the suite runs on PostgreSQL. `run` returns the exit code and what was printed.
 */
export async function cliWorkspace(t: Teardown, prefix = 'enishi-cli-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const url = process.env.ENISHI_TEST_DATABASE_URL ? (await testDatabase(t)).config.databaseUrl : '';
  const env = { ENISHI_DATA_DIR: dir, ENISHI_DATABASE_URL: url };
  const { main } = await import('../src/cli.js');
  const run = async (...args: string[]) => {
    const io = captureIO(env);
    const code = await main(args, io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  };
  return { dir, env, run };
}

/** Every statement (SQL, then its bindings) the app's connection runs while fn runs (knex's query event). */
export async function statements(app: FastifyInstance, fn: () => Promise<unknown>): Promise<string[]> {
  const knex = app.orm.em.getKnex();
  const seen: string[] = [];
  const listen = (q: { sql: string; bindings?: unknown[] }) =>
    seen.push(`${q.sql} ${JSON.stringify(q.bindings ?? [])}`);
  knex.on('query', listen);
  try {
    await fn();
  } finally {
    knex.off('query', listen);
  }
  return seen;
}
