/** The 角印 image an admin uploads: PNG or JPEG, checked, kept in the data directory. */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDrawableImage } from '../documents/stamp-layout.js';
import { UserError } from '../web/errors.js';
import { MSG } from './ui-text.js';

const MAX_BYTES = 2 * 1024 * 1024;
const FILES = { png: 'seal.png', jpg: 'seal.jpg' } as const;

/** 'png' | 'jpg' by the file's first bytes (not its name), or null. Pure. */
export function imageType(bytes: Buffer): 'png' | 'jpg' | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  return null;
}

export function sealPath(dataDir: string): string | null {
  for (const f of Object.values(FILES)) if (existsSync(join(dataDir, f))) return join(dataDir, f);
  return null;
}

/** Replaces the seal; refuses anything but a PNG/JPEG the PDF engine can actually draw. */
export function saveSeal(dataDir: string, bytes: Buffer): void {
  const type = imageType(bytes);
  if (!type || bytes.length > MAX_BYTES || !isDrawableImage(bytes))
    throw new UserError(MSG.sealInvalid, 422, { seal: MSG.sealInvalid });
  removeSeal(dataDir);
  writeFileSync(join(dataDir, FILES[type]), bytes, { mode: 0o600 });
}

export function removeSeal(dataDir: string): void {
  for (const f of Object.values(FILES)) rmSync(join(dataDir, f), { force: true });
}
