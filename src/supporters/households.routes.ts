import type { FastifyInstance } from 'fastify';
import { historyOf } from '../audit/audit.service.js';
import { displayName, fullAddress } from '../members/member.model.js';
import { getMember } from '../members/member.service.js';
import { idParam } from '../web/errors.js';
import { errorData, field, formError, type FormBody, onUserError } from '../web/forms.js';
import { HOUSEHOLD_RELATIONS } from './household.entity.js';
import { parseHousehold } from './household.form.js';
import { formValue } from '../web/form-reader.js';
import {
  addFamilyMember,
  addressDiffers,
  alignAddresses,
  getHousehold,
  removeFromHousehold,
  updateHousehold,
} from './households.service.js';
import { SUPPORTERS_TEXT } from './ui-text.js';

const idOf = (req: { params: unknown }) => idParam((req.params as { id: string }).id);
const helpers = { displayName, fullAddress, addressDiffers, relations: HOUSEHOLD_RELATIONS };

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
      return reply.redirectWithFlash(`/members/${memberId}`, SUPPORTERS_TEXT.familyAdded(view.jointName));
    } catch (err) {
      return onUserError(err, async (e) => {
        const member = await getMember(req.em.fork(), memberId);
        return reply.render(
          'supporters/family-form',
          { title: SUPPORTERS_TEXT.addFamily, member, v: body, ...errorData(e), ...helpers },
          e.statusCode,
        );
      });
    }
  });

  app.get('/households/:id', async (req, reply) => {
    const view = await getHousehold(req.em, idOf(req));
    const history = await historyOf(req.em, 'Household', view.household.id, 30);
    return reply.render('supporters/household', { title: SUPPORTERS_TEXT.household, ...view, history, ...helpers });
  });

  app.post('/households/:id', async (req, reply) => {
    const id = idOf(req);
    try {
      await updateHousehold(req.em, id, formValue(parseHousehold(req.body as FormBody)));
      return reply.redirectWithFlash(`/households/${id}`, SUPPORTERS_TEXT.householdSaved);
    } catch (err) {
      const view = await getHousehold(req.em.fork(), id);
      return formError(reply, err, 'supporters/household', {
        title: SUPPORTERS_TEXT.household,
        ...view,
        history: [],
        ...helpers,
      });
    }
  });

  app.post('/households/:id/remove', async (req, reply) => {
    const id = idOf(req);
    const memberId = Number(field(req.body as FormBody, 'memberId'));
    await removeFromHousehold(req.em, id, memberId);
    return reply.redirectWithFlash(`/members/${memberId}`, SUPPORTERS_TEXT.removedFromHousehold);
  });

  app.post('/households/:id/align-addresses', async (req, reply) => {
    const id = idOf(req);
    const n = await alignAddresses(req.em, id);
    return reply.redirectWithFlash(
      `/households/${id}`,
      n ? SUPPORTERS_TEXT.addressesAlignedTo(n) : SUPPORTERS_TEXT.addressesAligned,
    );
  });
}
