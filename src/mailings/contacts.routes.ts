import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EntityManager } from '../db/orm.js';
import { idParam, UserError } from '../web/errors.js';
import type { FormBody } from '../web/forms.js';
import { markAddress, markedList, parseMark, undoMark, type ContactMark } from './contacts.service.js';
import { CONTACT_TEXT } from './ui-text.js';

async function renderPage(em: EntityManager, reply: FastifyReply, values: FormBody = {}, err?: UserError) {
  return reply.render(
    'mailings/contacts',
    {
      title: CONTACT_TEXT.title,
      list: await markedList(em),
      marks: CONTACT_TEXT.marks,
      values,
      error: err?.message,
      errors: err?.fieldErrors ?? {},
    },
    err?.statusCode ?? 200,
  );
}

/** /mailings/contacts: the bounced and opted-out addresses, marking one, and undoing it. */
export async function contactRoutes(app: FastifyInstance): Promise<void> {
  app.get('/mailings/contacts', async (req, reply) => renderPage(req.em, reply));
  app.post('/mailings/contacts', async (req, reply) => {
    const body = req.body as FormBody;
    const parsed = parseMark(body);
    if (parsed.errors) return renderPage(req.em, reply, body, new UserError(CONTACT_TEXT.invalid, 422, parsed.errors));
    try {
      const ids = await markAddress(req.em, parsed.value);
      return reply.redirectWithFlash('/mailings/contacts', CONTACT_TEXT.marked(ids.length));
    } catch (err) {
      if (err instanceof UserError && err.statusCode === 422) return renderPage(req.em.fork(), reply, body, err);
      throw err;
    }
  });
  app.post('/mailings/contacts/:id/undo', async (req, reply) => {
    const memberId = idParam((req.params as { id: string }).id);
    const mark = String((req.body as FormBody).mark ?? '') as ContactMark;
    if (mark !== 'bounced' && mark !== 'opted_out') throw new UserError(CONTACT_TEXT.badMark, 422);
    await undoMark(req.em, memberId, mark);
    return reply.redirectWithFlash('/mailings/contacts', CONTACT_TEXT.undone);
  });
}
