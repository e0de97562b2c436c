import type { FastifyInstance } from 'fastify';
import type { EntityManager } from '../db/orm.js';
import { normalizeText } from '../lib/kana.js';
import { parseYen } from '../lib/money.js';
import { idParam, UserError } from '../web/errors.js';
import { field, formError, type FormBody } from '../web/forms.js';
import { MemberType, type IMemberType } from './member-type.entity.js';
import { MEMBERS_TEXT } from './ui-text.js';

function parseType(body: FormBody) {
  const errors: Record<string, string> = {};
  const name = normalizeText(field(body, 'name'));
  if (!name) errors.name = MEMBERS_TEXT.typeNameRequired;
  const fee = parseYen(field(body, 'annualFee'));
  if (fee === null || fee < 0) errors.annualFee = MEMBERS_TEXT.annualFeeInvalid;
  const votingRights = field(body, 'votingRights') === '1';
  const countsAsDonation = field(body, 'countsAsDonation') === '1';
  // Dues that buy a vote (正会員) have 対価性: certifying them as a gift would cost the donor the deduction.
  if (countsAsDonation && (votingRights || name === MEMBERS_TEXT.votingTypeName))
    errors.countsAsDonation = MEMBERS_TEXT.votingDuesNotDonation;
  if (Object.keys(errors).length) throw new UserError(MEMBERS_TEXT.checkInput, 422, errors);
  return {
    name,
    annualFee: fee!,
    forOrganizations: field(body, 'forOrganizations') === '1',
    votingRights,
    countsAsDonation,
    sortOrder: Number(field(body, 'sortOrder')) || 0,
    active: field(body, 'active') !== '0',
  };
}

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
      const input = parseType(req.body as FormBody);
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
      const input = parseType(req.body as FormBody);
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
