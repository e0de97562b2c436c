import type { FastifyInstance } from 'fastify';
import { idParam } from '../web/errors.js';
import { formError, type FormBody } from '../web/forms.js';
import { formValue } from '../web/form-reader.js';
import { parseListItem } from './list-item.form.js';
import { LISTS, listItems, saveListItem, type ListKind } from './lists.service.js';
import { SUPPORTERS_TEXT } from './ui-text.js';

/** /supporters/roles and /supporters/skills: the office's own lists, one editor for both. */
export async function listRoutes(app: FastifyInstance): Promise<void> {
  for (const kind of Object.keys(LISTS) as ListKind[]) {
    const { title } = LISTS[kind];
    const page = async (em: typeof app.orm.em, extra: Record<string, unknown> = {}) => ({
      title,
      kind,
      list: LISTS[kind],
      items: await listItems(em.fork(), kind),
      values: {},
      ...extra,
    });

    app.get(`/supporters/${kind}`, async (req, reply) => reply.render('supporters/list-editor', await page(req.em)));

    app.post(`/supporters/${kind}`, async (req, reply) => {
      try {
        const item = await saveListItem(req.em, kind, null, formValue(parseListItem(kind, req.body as FormBody)));
        return reply.redirectWithFlash(`/supporters/${kind}`, SUPPORTERS_TEXT.itemAdded(item.name));
      } catch (err) {
        return formError(reply, err, 'supporters/list-editor', await page(req.em, { values: req.body }));
      }
    });

    app.post(`/supporters/${kind}/:id`, async (req, reply) => {
      try {
        const item = await saveListItem(
          req.em,
          kind,
          idParam((req.params as { id: string }).id),
          formValue(parseListItem(kind, req.body as FormBody)),
        );
        return reply.redirectWithFlash(`/supporters/${kind}`, SUPPORTERS_TEXT.itemSaved(item.name));
      } catch (err) {
        return formError(reply, err, 'supporters/list-editor', await page(req.em));
      }
    });
  }
}
