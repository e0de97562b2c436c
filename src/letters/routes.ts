import type { FastifyInstance } from 'fastify';
import { LETTER_TITLES } from '../documents/thank-letter.js';
import { addTimelineSource } from '../members/member-page.js';
import { ThankLetter } from './thank-letter.entity.js';
import { templateRoutes } from './templates.routes.js';
import { toThankRoutes } from './to-thank.routes.js';
import { LETTER_TIMELINE } from './ui-text.js';

/** 礼状: the to-thank list and printing, the template editor, and sent letters on the member timeline. */
export async function letterRoutes(app: FastifyInstance): Promise<void> {
  addTimelineSource('letters', async (em, m) => {
    const rows = await em.find(ThankLetter, { member: m.id }, { orderBy: { sentOn: 'desc', id: 'desc' }, limit: 50 });
    return rows.map((r) => ({
      at: r.sentOn,
      kind: LETTER_TIMELINE.kind,
      title: LETTER_TIMELINE.title(LETTER_TITLES[r.kind]),
      detail: LETTER_TIMELINE.detail(r.sentOn),
    }));
  });
  await app.register(toThankRoutes);
  await app.register(templateRoutes);
}
