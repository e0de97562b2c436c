import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../config.js';
import { BackupError, DATABASE_ENTRY, unpackArchive, type Manifest } from './archive.js';
import { DB_FILE, safeDataPath } from './data-files.js';
import { checkIntegrity, tableCounts } from './sqlite-file.js';
import { BACKUP_MSG } from './ui-text.js';

/** Reads and checks an archive without writing anything: checksums, then the database's own check. */
export async function verifyBackup(
  file: string,
  scratchDir: string,
): Promise<{ manifest: Manifest; files: Record<string, Uint8Array>; dbFile: string | null }> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new BackupError(BACKUP_MSG.readFailed(file));
  }
  const { manifest, files } = await unpackArchive(bytes);
  for (const name of Object.keys(files))
    if (name !== DATABASE_ENTRY && !safeDataPath(name)) throw new BackupError(BACKUP_MSG.badManifest);
  const db = files[DATABASE_ENTRY];
  if (manifest.database === 'sqlite' && !db) throw new BackupError(BACKUP_MSG.missingEntry(DATABASE_ENTRY));
  if (!db) return { manifest, files, dbFile: null };
  mkdirSync(scratchDir, { recursive: true });
  const dbFile = join(scratchDir, `.restore-${randomBytes(6).toString('hex')}.sqlite3`);
  writeFileSync(dbFile, db);
  try {
    await checkIntegrity(dbFile);
    const counts = await tableCounts(dbFile);
    for (const [table, n] of Object.entries(manifest.tables))
      if (counts[table] !== n) throw new BackupError(BACKUP_MSG.countMismatch(table));
  } catch (err) {
    rmSync(dbFile, { force: true });
    throw err;
  }
  return { manifest, files, dbFile };
}

export interface RestoreResult {
  manifest: Manifest;
  files: number;
  postgres: boolean;
}

/**
 * Restores into the data dir, after every check passed. Refuses to overwrite an existing
 * database without force. The server must be stopped: the live file is replaced.
 */
export async function restoreBackup(
  file: string,
  config: Pick<Config, 'dataDir'>,
  opts: { force?: boolean } = {},
): Promise<RestoreResult> {
  const target = join(config.dataDir, DB_FILE);
  const { manifest, files, dbFile } = await verifyBackup(file, config.dataDir);
  try {
    if (dbFile && existsSync(target) && !opts.force) throw new BackupError(BACKUP_MSG.exists(target));
    let count = 0;
    for (const [name, bytes] of Object.entries(files)) {
      const rel = safeDataPath(name);
      if (!rel) continue;
      const path = join(config.dataDir, rel);
      if (existsSync(path) && !opts.force && !dbFile) throw new BackupError(BACKUP_MSG.exists(path));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
      count++;
    }
    if (dbFile) {
      for (const ext of ['-wal', '-shm']) rmSync(target + ext, { force: true });
      renameSync(dbFile, target);
    }
    return { manifest, files: count, postgres: manifest.database === 'postgresql' };
  } finally {
    if (dbFile) rmSync(dbFile, { force: true });
  }
}
