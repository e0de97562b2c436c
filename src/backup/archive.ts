import { createHash } from 'node:crypto';
import { unzip, zip, type Unzipped, type Zippable } from 'fflate';
import { BACKUP_MSG } from './ui-text.js';

export const DATABASE_ENTRY = 'database.sqlite3';
export const MANIFEST_ENTRY = 'manifest.json';

export interface Manifest {
  format: 'enishi-backup';
  version: 1;
  createdAt: string;
  database: 'sqlite' | 'postgresql';
  /** Rows per table in the copied database (SQLite), or of the live database at backup time (PostgreSQL). */
  tables: Record<string, number>;
  /** SHA-256 (hex) of every other entry of the archive. */
  entries: Record<string, { size: number; sha256: string }>;
}

export class BackupError extends Error {}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

// fflate's async API compresses in worker threads: the app keeps serving while a backup is packed.
const zipAsync = (data: Zippable) =>
  new Promise<Uint8Array>((res, rej) => zip(data, { level: 6 }, (err, out) => (err ? rej(err) : res(out))));
const unzipAsync = (data: Uint8Array) =>
  new Promise<Unzipped>((res, rej) => unzip(data, (err, out) => (err ? rej(err) : res(out))));

/** One ZIP: manifest.json (counts and a checksum of each entry) first, then the entries. */
export async function packArchive(
  files: Record<string, Uint8Array>,
  meta: Omit<Manifest, 'entries' | 'format' | 'version'>,
): Promise<{ bytes: Uint8Array; manifest: Manifest }> {
  const entries: Manifest['entries'] = {};
  for (const [name, b] of Object.entries(files)) entries[name] = { size: b.length, sha256: sha256(b) };
  const manifest: Manifest = { format: 'enishi-backup', version: 1, ...meta, entries };
  const bytes = await zipAsync({
    [MANIFEST_ENTRY]: new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
    ...files,
  });
  return { bytes, manifest };
}

/** Reads an archive and checks every entry against the manifest; throws BackupError with a Japanese message. */
export async function unpackArchive(
  bytes: Uint8Array,
): Promise<{ manifest: Manifest; files: Record<string, Uint8Array> }> {
  let all: Unzipped;
  try {
    all = await unzipAsync(bytes);
  } catch {
    throw new BackupError(BACKUP_MSG.notAnArchive);
  }
  const raw = all[MANIFEST_ENTRY];
  if (!raw) throw new BackupError(BACKUP_MSG.noManifest);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(raw)) as Manifest;
  } catch {
    throw new BackupError(BACKUP_MSG.badManifest);
  }
  if (manifest.format !== 'enishi-backup' || typeof manifest.entries !== 'object')
    throw new BackupError(BACKUP_MSG.badManifest);
  const files: Record<string, Uint8Array> = {};
  for (const [name, want] of Object.entries(manifest.entries)) {
    const b = all[name];
    if (!b) throw new BackupError(BACKUP_MSG.missingEntry(name));
    if (b.length !== want.size || sha256(b) !== want.sha256) throw new BackupError(BACKUP_MSG.checksum(name));
    files[name] = b;
  }
  return { manifest, files };
}
