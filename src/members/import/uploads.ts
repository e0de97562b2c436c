import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotFoundError } from '../../web/errors.js';
import { IMPORT_TEXT } from './ui-text.js';

/**
 * An uploaded import file kept between preview and commit, so commit re-reads exactly the
 * bytes that were previewed. Kept in <data dir>/uploads, named by a random id.
 */
export interface StoredUpload {
  id: string;
  filename: string;
  bytes: Buffer;
}

const ID = /^[a-f0-9]{32}$/;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

const dirOf = (dataDir: string) => join(dataDir, 'uploads');

export function saveUpload(dataDir: string, filename: string, bytes: Buffer): string {
  const dir = dirOf(dataDir);
  mkdirSync(dir, { recursive: true });
  removeStale(dir);
  const id = randomBytes(16).toString('hex');
  writeFileSync(join(dir, `${id}.csv`), bytes, { mode: 0o600 });
  writeFileSync(join(dir, `${id}.json`), JSON.stringify({ filename }), { mode: 0o600 });
  return id;
}

export function readUpload(dataDir: string, id: string): StoredUpload {
  if (!ID.test(id)) throw new NotFoundError(IMPORT_TEXT.uploadNotFound);
  try {
    const bytes = readFileSync(join(dirOf(dataDir), `${id}.csv`));
    const { filename } = JSON.parse(readFileSync(join(dirOf(dataDir), `${id}.json`), 'utf8')) as { filename: string };
    return { id, filename, bytes };
  } catch {
    throw new NotFoundError(IMPORT_TEXT.uploadGone);
  }
}

export function deleteUpload(dataDir: string, id: string): void {
  if (!ID.test(id)) return;
  for (const ext of ['csv', 'json']) rmSync(join(dirOf(dataDir), `${id}.${ext}`), { force: true });
}

/** Previews nobody committed or cancelled are dropped after a day (they hold personal data). */
function removeStale(dir: string): void {
  const now = Date.now();
  for (const f of readdirSync(dir)) {
    const path = join(dir, f);
    if (now - statSync(path).mtimeMs > MAX_AGE_MS) rmSync(path, { force: true });
  }
}
