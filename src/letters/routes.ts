import type { FastifyInstance } from 'fastify';
import { LETTER_TITLES } from '../documents/thank-letter.js';
import { addTimelineSource } from '../members/member-page.js';
import { dayOf } from '../db/raw-values.js';
import type { LetterKind } from '../documents/thank-letter.js';
import { templateRoutes } from './templates.routes.js';
import { toThankRoutes } from './to-thank.routes.js';
import { LETTER_TIMELINE } from './ui-text.js';

/** 礼状: the to-thank list and printing, the template editor, and sent letters on the member timeline. */
export async function letterRoutes(app: FastifyInstance): Promise<void> {
  addTimelineSource('letters', async (em, m) => {
    // Plain rows: the member page asks on every view, and only the day and the kind are shown.
    const rows = await em.execute<{ kind: LetterKind; sent_on: unknown }[]>(
      'select kind, sent_on from thank_letter where member_id = ? order by sent_on desc, id desc limit 50',
      [m.id],
    );
    return rows.map((r) => {
      const sentOn = dayOf(r.sent_on);
      return {
        at: sentOn,
        kind: LETTER_TIMELINE.kind,
        title: LETTER_TIMELINE.title(LETTER_TITLES[r.kind]),
        detail: LETTER_TIMELINE.detail(sentOn),
      };
    });
  });
  await app.register(toThankRoutes);
  await app.register(templateRoutes);
}
