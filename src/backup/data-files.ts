import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const DB_FILE = 'enishi.sqlite3';
export const BACKUP_DIR = 'backups';

/**
 * Files of the data dir that belong in a backup: uploads, the organisation's edited templates
 * and images, the session key. Not the database (copied with VACUUM INTO instead: the live
 * file may be mid-write), its -wal/-shm, the backups themselves, nor temp files.
 */
export function dataFiles(dataDir: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const rel = relative(dataDir, full).split(sep).join('/');
      if (rel === BACKUP_DIR || rel.startsWith(DB_FILE) || name.startsWith('.backup-') || name.startsWith('.restore-'))
        continue;
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (st.isFile()) out[`files/${rel}`] = readFileSync(full);
    }
  };
  if (existsSync(dataDir)) walk(dataDir);
  return out;
}

/** 'files/uploads/x.csv' → 'uploads/x.csv'; null for a name that would leave the data dir. */
export function safeDataPath(entry: string): string | null {
  if (!entry.startsWith('files/')) return null;
  const rel = entry.slice('files/'.length);
  if (!rel || rel.startsWith('/') || rel.split('/').some((p) => p === '..' || p === '' || p.includes('\\')))
    return null;
  return rel;
}
