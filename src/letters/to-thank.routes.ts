import type { FastifyInstance } from 'fastify';
import { Batch } from '../batches/batch.entity.js';
import '../batches/types.js';
import type { EntityManager } from '../db/orm.js';
import { parseDate, todayInTokyo } from '../lib/dates.js';
import { displayName } from '../members/member.model.js';
import { getSettings } from '../settings/settings.service.js';
import { UserError } from '../web/errors.js';
import { field, fields, formError, type FormBody } from '../web/forms.js';
import { markLettersSent, prepareLetters, toThankList, type LetterLayout } from './to-thank.service.js';
import { KIND_LABELS, LAYOUT_LABELS, LETTER_BATCH, TEXT } from './ui-text.js';

/** The form: selected rows (key), the letter / sent date, and horizontal or vertical. Pure. */
export function parseLetterForm(body: FormBody): {
  keys: string[];
  on: string;
  layout: LetterLayout;
  receipts: boolean;
} {
  const errors: Record<string, string> = {};
  const keys = fields(body, 'key');
  if (!keys.length) errors.key = TEXT.nothingSelected;
  const rawOn = field(body, 'on').trim();
  const on = rawOn ? parseDate(rawOn) : todayInTokyo();
  if (!on) errors.on = TEXT.badDate;
  if (Object.keys(errors).length) throw new UserError(LETTER_BATCH.formInvalid, 422, errors);
  return {
    keys,
    on: on!,
    layout: field(body, 'layout') === 'vertical' ? 'vertical' : 'horizontal',
    receipts: field(body, 'receipts') === '1',
  };
}

/** The keys and date of a finished letters print, so the list can preselect what was printed. */
async function printedSelection(em: EntityManager, raw: string): Promise<{ keys: string[]; on: string } | null> {
  const id = Number(raw);
  if (!raw || !Number.isSafeInteger(id) || id <= 0) return null;
  const b = await em.findOne(Batch, { id, kind: 'thank-letters' });
  if (!b) return null;
  const p = JSON.parse(b.params) as { keys?: string[]; on?: string };
  return { keys: p.keys ?? [], on: p.on ?? '' };
}

export async function toThankRoutes(app: FastifyInstance): Promise<void> {
  const page = async (req: { em: EntityManager }, extra: Record<string, unknown> = {}) => ({
    title: TEXT.toThankTitle,
    items: await toThankList(req.em),
    kindLabels: KIND_LABELS,
    layoutLabels: LAYOUT_LABELS,
    displayName,
    today: todayInTokyo(),
    values: { layout: (await getSettings(req.em))['letters.layout'] },
    selected: null as string[] | null,
    ...extra,
  });

  // ?batch=ID (the link on a finished print's page): what that print covered is preselected.
  app.get('/letters/to-thank', async (req, reply) => {
    const printed = await printedSelection(req.em, field(req.query as FormBody, 'batch'));
    if (!printed) return reply.render('letters/to-thank', await page(req));
    const base = await page(req);
    const selected = printed.keys.filter((k) => base.items.some((s) => s.key === k));
    return reply.render('letters/to-thank', {
      ...base,
      selected,
      values: { ...base.values, on: printed.on },
      notice: selected.length ? LETTER_BATCH.printed(selected.length) : LETTER_BATCH.allSent,
    });
  });

  // Printing runs in the background and marks nothing: staff check the letters, post them, then
  // mark them sent in a separate step (the batch page links back here with its selection).
  app.post('/letters/to-thank/print', async (req, reply) => {
    const body = req.body as FormBody;
    try {
      const form = parseLetterForm(body);
      // Every text is composed now, so a missing field is refused here rather than in the run.
      const prepared = await prepareLetters(req.em, form.keys, {
        dataDir: app.config.dataDir,
        letterDate: form.on,
        layout: form.layout,
      });
      const keys = prepared.result.keys;
      if (!keys.length) throw new UserError(LETTER_BATCH.allSent, 422);
      const batch = await app.batches.start(req.em, {
        kind: 'thank-letters',
        title: LETTER_BATCH.title(keys.length, form.on),
        params: { keys, on: form.on, layout: form.layout, receipts: form.receipts },
        createdBy: req.staff!.displayName,
      });
      return reply.redirect(`/batches/${batch.id}`, 303);
    } catch (err) {
      return formError(reply, err, 'letters/to-thank', await page(req, { values: body }));
    }
  });

  app.post('/letters/to-thank/mark', async (req, reply) => {
    const body = req.body as FormBody;
    try {
      const form = parseLetterForm(body);
      const marked = await markLettersSent(req.em, form.keys, form.on);
      return reply.redirectWithFlash('/letters/to-thank', TEXT.marked(marked.length));
    } catch (err) {
      return formError(reply, err, 'letters/to-thank', await page(req, { values: body }));
    }
  });
}
