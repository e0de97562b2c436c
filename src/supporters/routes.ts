import type { FastifyInstance } from 'fastify';
import { todayInTokyo } from '../lib/dates.js';
import { Activity } from './activity.entity.js';
import { Interaction } from './interaction.entity.js';
import { registerMemberPage } from './supporter-page.js';
import { SUPPORTERS_TEXT } from './ui-text.js';

/** 支援者の記録: roles, activities, interaction records, households. */
export async function supporterRoutes(app: FastifyInstance): Promise<void> {
  registerMemberPage();
  app.get('/supporters', async (req, reply) => {
    const em = req.em;
    const counts = {
      followUps: await em.count(Interaction, { followUp: { $ne: null }, followUpDone: false }),
      gifts: await em.count(Interaction, { gift: { $ne: null }, giftThankedOn: null }),
      upcoming: await em.count(Activity, { startsOn: { $gte: todayInTokyo() } }),
    };
    return reply.render('supporters/index', { title: SUPPORTERS_TEXT.supporters, counts });
  });
}
