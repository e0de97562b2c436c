import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { isPostgres } from '../db/orm.js';
import { getSettings } from '../settings/settings.service.js';
import { contentDisposition } from '../web/download.js';
import { UserError } from '../web/errors.js';
import { backupNow, backupPath, listBackups } from './backup.service.js';
import { BACKUP_MSG } from './ui-text.js';

/** バックアップ (admin): the stored backups, download one, run one now. */
export async function backupRoutes(app: FastifyInstance): Promise<void> {
  app.get('/admin/backups', { config: { role: 'admin' } }, async (_req, reply) =>
    reply.render('backup/index', {
      title: BACKUP_MSG.pageTitle,
      backups: listBackups(app.config.dataDir),
      postgres: isPostgres(app.config.databaseUrl),
      pgNote: BACKUP_MSG.postgresBackup,
    }),
  );

  app.get('/admin/backups/:name', { config: { role: 'admin' } }, async (req, reply) => {
    const name = (req.params as { name: string }).name;
    const path = backupPath(app.config.dataDir, name);
    if (!path) throw new UserError(BACKUP_MSG.notFound, 404);
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', contentDisposition(name, 'enishi-backup.zip'))
      .header('cache-control', 'no-store')
      .send(createReadStream(path));
  });

  app.post('/admin/backups', { config: { role: 'admin' } }, async (req, reply) => {
    const keep = (await getSettings(req.em)).backupKeep;
    const r = await backupNow(app.orm, app.config, keep);
    return reply.redirectWithFlash('/admin/backups', BACKUP_MSG.doneFile(r.file.split(/[\\/]/).pop() ?? r.file));
  });
}
