import type { FastifyInstance } from 'fastify';
import { historyOf } from '../audit/audit.service.js';
import { displayName, fullAddress } from '../members/member.model.js';
import { getMember } from '../members/member.service.js';
import { idParam, UserError } from '../web/errors.js';
import { errorData, field, formError, type FormBody, onUserError } from '../web/forms.js';
import { HOUSEHOLD_RELATIONS } from './household.entity.js';
import {
  addFamilyMember,
  addressDiffers,
  alignAddresses,
  getHousehold,
  removeFromHousehold,
  updateHousehold,
} from './households.service.js';

const idOf = (req: { params: unknown }) => idParam((req.params as { id: string }).id);
const helpers = { displayName, fullAddress, addressDiffers, relations: HOUSEHOLD_RELATIONS };

function parseHousehold(body: FormBody) {
  const relations = new Map<number, string>();
  for (const [k, v] of Object.entries(body)) {
    const m = /^relation_(\d+)$/.exec(k);
    if (m && typeof v === 'string') relations.set(Number(m[1]), v);
  }
  const labelName = field(body, 'labelName').trim();
  if (labelName.length > 200)
    throw new UserError('入力内容を確認してください', 422, { labelName: '200文字以内で入力してください' });
  return {
    sharesAddress: field(body, 'sharesAddress') === '1',
    labelName: labelName || null,
    note: field(body, 'note').trim().slice(0, 200) || null,
    relations,
  };
}

export async function householdRoutes(app: FastifyInstance): Promise<void> {
  app.post('/members/:id/family', async (req, reply) => {
    const memberId = idOf(req);
    const body = req.body as FormBody;
    try {
      const view = await addFamilyMember(
        req.em,
        memberId,
        Number(field(body, 'memberNo').normalize('NFKC').trim()),
        field(body, 'relation'),
      );
      return reply.redirectWithFlash(`/members/${memberId}`, `家族を追加しました（宛名：${view.jointName}）`);
    } catch (err) {
      return onUserError(err, async (e) => {
        const member = await getMember(req.em.fork(), memberId);
        return reply.render(
          'supporters/family-form',
          { title: '家族を追加する', member, v: body, ...errorData(e), ...helpers },
          e.statusCode,
        );
      });
    }
  });

  app.get('/households/:id', async (req, reply) => {
    const view = await getHousehold(req.em, idOf(req));
    const history = await historyOf(req.em, 'Household', view.household.id, 30);
    return reply.render('supporters/household', { title: '世帯', ...view, history, ...helpers });
  });

  app.post('/households/:id', async (req, reply) => {
    const id = idOf(req);
    try {
      await updateHousehold(req.em, id, parseHousehold(req.body as FormBody));
      return reply.redirectWithFlash(`/households/${id}`, '世帯の設定を保存しました');
    } catch (err) {
      const view = await getHousehold(req.em.fork(), id);
      return formError(reply, err, 'supporters/household', { title: '世帯', ...view, history: [], ...helpers });
    }
  });

  app.post('/households/:id/remove', async (req, reply) => {
    const id = idOf(req);
    const memberId = Number(field(req.body as FormBody, 'memberId'));
    await removeFromHousehold(req.em, id, memberId);
    return reply.redirectWithFlash(`/members/${memberId}`, '世帯から外しました');
  });

  app.post('/households/:id/align-addresses', async (req, reply) => {
    const id = idOf(req);
    const n = await alignAddresses(req.em, id);
    return reply.redirectWithFlash(
      `/households/${id}`,
      n ? `${n} 人の住所を世帯主の住所に揃えました` : '住所はすでに揃っています',
    );
  });
}
