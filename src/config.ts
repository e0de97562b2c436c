import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Everything the app reads from the environment, with defaults (documented in README). */
export interface Config {
  dataDir: string;
  databaseUrl: string; // '' = SQLite file in dataDir; 'postgresql://…' = PostgreSQL; ':memory:' for tests
  port: number;
  host: string;
  secret: string;
  logLevel: string;
  secureCookies: boolean;
  /** Fastify's trustProxy: false unless ENISHI_TRUST_PROXY names the proxy (an address, a list, or a hop count). */
  trustProxy: boolean | string | number;
  /** A session with no request for this long ends (ENISHI_SESSION_IDLE_MINUTES, default 60). */
  sessionIdleMinutes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = resolve(overrides.dataDir ?? env.ENISHI_DATA_DIR ?? './data');
  const port = Number(overrides.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT is not a port number: ${env.PORT}`);
  return {
    dataDir,
    databaseUrl: overrides.databaseUrl ?? env.ENISHI_DATABASE_URL ?? '',
    port,
    host: overrides.host ?? env.HOST ?? 'localhost',
    secret: overrides.secret ?? env.ENISHI_SECRET ?? '',
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'info',
    secureCookies: overrides.secureCookies ?? env.ENISHI_SECURE_COOKIES === 'true',
    trustProxy: overrides.trustProxy ?? trustProxyOf(env.ENISHI_TRUST_PROXY),
    sessionIdleMinutes: overrides.sessionIdleMinutes ?? positiveMinutes(env.ENISHI_SESSION_IDLE_MINUTES, 60),
  };
}

/** '' → false; 'true' → true; '1' → one hop; anything else (127.0.0.1, 10.0.0.0/8,…) as given. */
function trustProxyOf(value: string | undefined): boolean | string | number {
  const v = (value ?? '').trim();
  if (!v || v === 'false') return false;
  if (v === 'true') return true;
  return /^\d+$/.test(v) ? Number(v) : v;
}

function positiveMinutes(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`ENISHI_SESSION_IDLE_MINUTES is not a whole number of minutes: ${value}`);
  return n;
}

/** The session key: ENISHI_SECRET, else one generated on first run and kept in the data dir. */
export function resolveSecret(config: Config): string {
  if (config.secret) return config.secret;
  ensureDataDir(config.dataDir);
  const file = join(config.dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/**
 * Makes sure the data dir exists and can be written (a probe file is written and removed), so a
 * read-only or full disk stops the start with one clear line instead of a stack trace later.
 */
export function ensureDataDir(dir: string): void {
  try {
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.write-test-${process.pid}`);
    writeFileSync(probe, 'ok\n');
    rmSync(probe, { force: true });
  } catch (err) {
    throw new Error(dataDirMessage(dir, (err as NodeJS.ErrnoException).code));
  }
}

/** The one line shown when the data dir cannot be used (config is read before any domain). */
export function dataDirMessage(dir: string, code: string | undefined): string {
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'ディスクの空きがありません'
      : code === 'ENOTDIR' || code === 'EEXIST'
        ? '同じ名前のファイルがあるか、途中にフォルダでないものがあります'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? '書き込みが許可されていません'
          : `書き込めません（${code ?? '不明なエラー'}）`;
  return `データフォルダ ${dir} を使えません: ${why}。ENISHI_DATA_DIR で書き込めるフォルダを指定するか、空きを作ってから起動してください。`;
}
