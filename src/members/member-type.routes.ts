import type { FastifyInstance } from 'fastify';
import type { EntityManager } from '../db/orm.js';
import { idParam, UserError } from '../web/errors.js';
import { formError, type FormBody } from '../web/forms.js';
import { formValue } from '../web/form-reader.js';
import { MemberType, type IMemberType } from './member-type.entity.js';
import { parseMemberType } from './member-type.form.js';
import { MEMBERS_TEXT } from './ui-text.js';

async function ensureUniqueName(em: EntityManager, name: string, selfId: number | null) {
  const other = await em.findOne(MemberType, { name });
  if (other && other.id !== selfId)
    throw new UserError(MEMBERS_TEXT.checkInput, 422, { name: MEMBERS_TEXT.typeNameTaken });
}

const list = (em: EntityManager) => em.find(MemberType, {}, { orderBy: { sortOrder: 'asc', id: 'asc' } });

export async function memberTypeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/member-types', async (req, reply) =>
    reply.render('members/types', { title: MEMBERS_TEXT.memberTypes, types: await list(req.em), values: {} }),
  );

  app.post('/member-types', { config: { role: 'admin' } }, async (req, reply) => {
    try {
      const input = formValue(parseMemberType(req.body as FormBody));
      await ensureUniqueName(req.em, input.name, null);
      req.em.create(MemberType, input);
      await req.em.flush();
      return reply.redirectWithFlash('/member-types', MEMBERS_TEXT.typeAdded(input.name));
    } catch (err) {
      return formError(reply, err, 'members/types', {
        title: MEMBERS_TEXT.memberTypes,
        types: await list(req.em.fork()),
        values: req.body,
      });
    }
  });

  app.post('/member-types/:id', { config: { role: 'admin' } }, async (req, reply) => {
    const t: IMemberType = await req.em.findOneOrFail(
      MemberType,
      { id: idParam((req.params as { id: string }).id) },
      { failHandler: () => new UserError(MEMBERS_TEXT.typeNotFound, 404) },
    );
    try {
      const input = formValue(parseMemberType(req.body as FormBody));
      await ensureUniqueName(req.em, input.name, t.id);
      Object.assign(t, input);
      await req.em.flush();
      return reply.redirectWithFlash('/member-types', MEMBERS_TEXT.typeSaved(t.name));
    } catch (err) {
      return formError(reply, err, 'members/types', {
        title: MEMBERS_TEXT.memberTypes,
        types: await list(req.em.fork()),
        values: {},
      });
    }
  });
}
