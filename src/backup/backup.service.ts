import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../config.js';
import { isPostgres, type Orm } from '../db/orm.js';
import { DATABASE_ENTRY, packArchive, type Manifest } from './archive.js';
import { BACKUP_DIR, dataFiles } from './data-files.js';
import { tableCounts } from './sqlite-file.js';

export interface BackupResult {
  file: string;
  size: number;
  manifest: Manifest;
  postgres: boolean;
}

async function postgresCounts(orm: Orm): Promise<Record<string, number>> {
  const em = orm.em.fork();
  const tables = await em.execute<{ name: string }[]>(
    `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: Record<string, number> = {};
  for (const { name } of tables)
    out[name] = Number((await em.execute<{ n: number }[]>(`select count(*) as n from "${name}"`))[0]!.n);
  return out;
}

/**
 * A consistent copy while the app keeps serving: SQLite's VACUUM INTO writes a snapshot of one
 * read transaction, so a payment half-written by another request is either all in or all out.
 * The snapshot, the data dir's files and a manifest go into one archive, written to a temp name
 * and renamed, so a backup cut short never looks like a complete one.
 */
export async function createBackup(
  orm: Orm,
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  outFile: string,
  now = new Date(),
): Promise<BackupResult> {
  const postgres = isPostgres(config.databaseUrl);
  const files = dataFiles(config.dataDir);
  let tables: Record<string, number>;
  const tmpDir = dirname(outFile);
  mkdirSync(tmpDir, { recursive: true });
  const snapshot = join(tmpDir, `.backup-${randomBytes(6).toString('hex')}.sqlite3`);
  try {
    if (postgres) tables = await postgresCounts(orm);
    else {
      await orm.em.getConnection().execute(`vacuum into '${snapshot.replace(/'/g, "''")}'`);
      tables = await tableCounts(snapshot);
      files[DATABASE_ENTRY] = readFileSync(snapshot);
    }
    const { bytes, manifest } = await packArchive(files, {
      createdAt: now.toISOString(),
      database: postgres ? 'postgresql' : 'sqlite',
      tables,
    });
    const partial = `${outFile}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, outFile);
    return { file: outFile, size: bytes.length, manifest, postgres };
  } finally {
    rmSync(snapshot, { force: true });
  }
}

export const backupDir = (dataDir: string) => join(dataDir, BACKUP_DIR);
const NAME = /^enishi-\d{8}-\d{6}\.zip$/;

/** enishi-20261202-031500.zip (Asia/Tokyo time): names sort by age. */
export function backupName(now: Date): string {
  const t = new Date(now.getTime() + 9 * 3600_000).toISOString();
  return `enishi-${t.slice(0, 10).replace(/-/g, '')}-${t.slice(11, 19).replace(/:/g, '')}.zip`;
}

export interface StoredBackup {
  name: string;
  size: number;
  createdAt: Date;
}

/** The data dir's backups, newest first. */
export function listBackups(dataDir: string): StoredBackup[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => NAME.test(n))
    .sort()
    .reverse()
    .map((name) => {
      const st = statSync(join(dir, name));
      return { name, size: st.size, createdAt: st.mtime };
    });
}

/** A stored backup's path, or null for any name that is not one (no path tricks). */
export function backupPath(dataDir: string, name: string): string | null {
  return NAME.test(name) && existsSync(join(backupDir(dataDir), name)) ? join(backupDir(dataDir), name) : null;
}

/** Keeps the newest `keep` backups of the data dir; returns the names removed. */
export function pruneBackups(dataDir: string, keep: number): string[] {
  const old = listBackups(dataDir).slice(Math.max(1, keep));
  for (const b of old) rmSync(join(backupDir(dataDir), b.name), { force: true });
  return old.map((b) => b.name);
}

/** A backup into the data dir's backups folder (admin page, nightly job), then the old ones pruned. */
export async function backupNow(
  orm: Orm,
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  keep: number,
  now = new Date(),
): Promise<BackupResult & { pruned: string[] }> {
  const result = await createBackup(orm, config, join(backupDir(config.dataDir), backupName(now)), now);
  return { ...result, pruned: pruneBackups(config.dataDir, keep) };
}
