import { knex } from '@mikro-orm/knex';
import { BACKUP_MSG } from './ui-text.js';
import { BackupError } from './archive.js';

/** A short-lived connection to a SQLite file that is not the app's (a snapshot or a file being restored). */
async function withFile<T>(filename: string, fn: (db: ReturnType<typeof knex>) => Promise<T>): Promise<T> {
  const db = knex({ client: 'sqlite3', connection: { filename }, useNullAsDefault: true, pool: { min: 1, max: 1 } });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** Rows per table (sqlite's own tables left out), in name order so manifests compare cleanly. */
export async function tableCounts(filename: string): Promise<Record<string, number>> {
  return withFile(filename, async (db) => {
    const tables = (await db.raw(
      `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`,
    )) as { name: string }[];
    const out: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = (await db.raw(`select count(*) as n from "${name.replace(/"/g, '""')}"`)) as { n: number }[];
      out[name] = Number(row!.n);
    }
    return out;
  });
}

/** pragma integrity_check; throws BackupError unless it says ok. */
export async function checkIntegrity(filename: string): Promise<void> {
  let rows: { integrity_check: string }[];
  try {
    rows = await withFile(filename, (db) => db.raw('pragma integrity_check'));
  } catch (err) {
    throw new BackupError(BACKUP_MSG.integrity((err as Error).message));
  }
  const text = rows.map((r) => r.integrity_check).join('; ');
  if (text !== 'ok') throw new BackupError(BACKUP_MSG.integrity(text));
}
