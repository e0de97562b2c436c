import type { FastifyInstance, FastifyReply } from 'fastify';
import { historyOf } from '../audit/audit.service.js';
import { nowTimeInTokyo, parseDate, todayInTokyo } from '../lib/dates.js';
import { displayName } from '../members/member.model.js';
import { getMember } from '../members/member.service.js';
import { idParam, UserError } from '../web/errors.js';
import { errorData, field, type FormBody, onUserError } from '../web/forms.js';
import { backUrl } from '../web/back-url.js';
import { formValue } from '../web/form-reader.js';
import { parseInteraction } from './interaction.form.js';
import { CHANNELS, type IInteraction } from './interaction.entity.js';
import {
  createInteraction,
  getInteraction,
  markFollowUpDone,
  markGiftThanked,
  openFollowUps,
  staffChoices,
  unthankedGifts,
  updateInteraction,
} from './interactions.service.js';
import { MESSAGES, SUPPORTERS_TEXT } from './ui-text.js';

const params = (req: { params: unknown }) => idParam((req.params as { id: string }).id);

function valuesOf(i: IInteraction) {
  const {
    occurredOn,
    occurredTime,
    channel,
    summary,
    content,
    gift,
    giftThankedOn,
    followUp,
    followUpDue,
    followUpDone,
  } = i;
  return {
    occurredOn,
    occurredTime,
    staffId: i.staff?.id ?? '',
    channel,
    summary,
    content,
    gift,
    giftThankedOn,
    followUp,
    followUpDue,
    followUpDone,
  };
}

/** What the staff typed, for the re-rendered form. */
const typedValues = (body: unknown) => ({
  ...(body as FormBody),
  followUpDone: field(body as FormBody, 'followUpDone') === '1',
});

async function renderForm(reply: FastifyReply, memberId: number, data: Record<string, unknown>, status = 200) {
  const em = reply.request.em.fork();
  const member = await getMember(em, memberId);
  const keep = Number((data.v as { staffId?: unknown } | undefined)?.staffId) || null;
  return reply.render(
    'supporters/interaction-form',
    { member, memberName: displayName(member), staffList: await staffChoices(em, keep), channels: CHANNELS, ...data },
    status,
  );
}

export async function interactionRoutes(app: FastifyInstance): Promise<void> {
  app.get('/members/:id/interactions/new', { config: { role: 'staff' } }, async (req, reply) => {
    const v = {
      occurredOn: todayInTokyo(),
      occurredTime: nowTimeInTokyo(),
      staffId: req.staff?.id,
      channel: CHANNELS[0],
    };
    return renderForm(reply, params(req), {
      title: SUPPORTERS_TEXT.newInteraction,
      v,
      action: `/members/${params(req)}/interactions`,
    });
  });

  app.post('/members/:id/interactions', async (req, reply) => {
    const memberId = params(req);
    try {
      const body = req.body as FormBody;
      // The form always sends staffId (preselected: the logged-in staff); a client that omits it means "me".
      await createInteraction(
        req.em,
        memberId,
        formValue(
          parseInteraction(body.staffId === undefined ? { ...body, staffId: String(req.staff?.id ?? '') } : body),
        ),
      );
      return reply.redirectWithFlash(`/members/${memberId}`, SUPPORTERS_TEXT.interactionAdded);
    } catch (err) {
      return onUserError(err, (e) =>
        renderForm(
          reply,
          memberId,
          {
            title: SUPPORTERS_TEXT.newInteraction,
            v: typedValues(req.body),
            action: `/members/${memberId}/interactions`,
            ...errorData(e),
          },
          e.statusCode,
        ),
      );
    }
  });

  app.get('/interactions/:id', async (req, reply) => {
    const i = await getInteraction(req.em, params(req));
    const history = await historyOf(req.em, 'Interaction', i.id, 30);
    return renderForm(reply, i.member.id, {
      title: SUPPORTERS_TEXT.interactionTitle(i.occurredOn),
      v: valuesOf(i),
      action: `/interactions/${i.id}`,
      history,
    });
  });

  app.post('/interactions/:id', async (req, reply) => {
    const id = params(req);
    const i = await getInteraction(req.em, id);
    try {
      await updateInteraction(req.em, id, formValue(parseInteraction(req.body as FormBody)));
      return reply.redirectWithFlash(`/members/${i.member.id}`, SUPPORTERS_TEXT.interactionSaved);
    } catch (err) {
      return onUserError(err, (e) =>
        renderForm(
          reply,
          i.member.id,
          {
            title: SUPPORTERS_TEXT.interactionTitle(i.occurredOn),
            v: typedValues(req.body),
            action: `/interactions/${id}`,
            ...errorData(e),
          },
          e.statusCode,
        ),
      );
    }
  });

  app.post('/interactions/:id/follow-up-done', async (req, reply) => {
    const i = await markFollowUpDone(req.em, params(req));
    return reply.redirectWithFlash(
      backUrl(req.body as FormBody, `/members/${i.member.id}`),
      SUPPORTERS_TEXT.followUpDone,
    );
  });

  app.post('/interactions/:id/thanked', async (req, reply) => {
    const body = req.body as FormBody;
    const on = field(body, 'on').trim() ? parseDate(field(body, 'on')) : todayInTokyo();
    if (!on) throw new UserError(MESSAGES.dateFormat, 422);
    const i = await markGiftThanked(req.em, params(req), on);
    return reply.redirectWithFlash(backUrl(body, `/members/${i.member.id}`), SUPPORTERS_TEXT.giftThanked(i.gift ?? ''));
  });

  app.get('/supporters/follow-ups', async (req, reply) =>
    reply.render('supporters/follow-ups', {
      title: SUPPORTERS_TEXT.followUps,
      items: await openFollowUps(req.em),
      today: todayInTokyo(),
      displayName,
    }),
  );

  app.get('/supporters/gifts', async (req, reply) =>
    reply.render('supporters/gifts', {
      title: SUPPORTERS_TEXT.gifts,
      items: await unthankedGifts(req.em),
      displayName,
    }),
  );
}
