import type { FastifyInstance } from 'fastify';
import { historyOf } from '../audit/audit.service.js';
import type { EntityManager } from '../db/orm.js';
import { getMember } from '../members/member.service.js';
import { displayName } from '../members/member.model.js';
import { contentDisposition } from '../web/download.js';
import { type UserError, idParam } from '../web/errors.js';
import { type FormBody, field } from '../web/forms.js';
import { erasePersonalData, exportPersonalData } from './personal-data.service.js';
import { PRIVACY_TEXT } from './ui-text.js';

const ADMIN = { config: { role: 'admin' as const } };

async function pageData(em: EntityManager, id: number) {
  const member = await getMember(em, id);
  return {
    title: PRIVACY_TEXT.pageTitle(displayName(member)),
    member,
    history: await historyOf(em, 'Member', id),
  };
}

/** 個人情報の開示・削除 for one member (個人情報保護法): admin only, every step in the change log. */
export async function privacyRoutes(app: FastifyInstance): Promise<void> {
  app.get('/members/:id/privacy', ADMIN, async (req, reply) => {
    const id = idParam((req.params as { id: string }).id);
    return reply.render('privacy/member', await pageData(req.em, id));
  });

  app.post('/members/:id/privacy/export', ADMIN, async (req, reply) => {
    const id = idParam((req.params as { id: string }).id);
    const out = await exportPersonalData(req.em, id, app.config.dataDir);
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', contentDisposition(out.fileName, `member-${out.memberNo}.zip`))
      .header('cache-control', 'no-store')
      .send(Buffer.from(out.bytes));
  });

  app.post('/members/:id/privacy/erase', ADMIN, async (req, reply) => {
    const id = idParam((req.params as { id: string }).id);
    const body = req.body as FormBody;
    try {
      const done = await erasePersonalData(req.em, id, field(body, 'confirmNo'));
      return reply.redirectWithFlash(`/members/${id}`, PRIVACY_TEXT.erased(done.memberNo));
    } catch (err) {
      const e = err as UserError;
      if (e.statusCode !== 422) throw err;
      req.em.clear();
      return reply.render(
        'privacy/member',
        { ...(await pageData(req.em, id)), error: e.message, confirmNo: field(body, 'confirmNo') },
        422,
      );
    }
  });
}
