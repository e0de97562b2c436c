import type { FastifyInstance } from 'fastify';
import { formValue } from '../web/form-reader.js';
import { formError, type FormBody } from '../web/forms.js';
import { parseSettings } from './settings.form.js';
import { getSettings, updateSettings } from './settings.service.js';
import { SETTINGS_TEXT as T } from './ui-text.js';

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  app.get('/settings', { config: { role: 'admin' } }, async (req, reply) =>
    reply.render('settings/index', { title: T.title, s: await getSettings(req.em) }),
  );

  app.post('/settings', { config: { role: 'admin' } }, async (req, reply) => {
    try {
      await updateSettings(req.em, formValue(parseSettings(req.body as FormBody)));
      return reply.redirectWithFlash('/settings', T.saved);
    } catch (err) {
      return formError(reply, err, 'settings/index', {
        title: T.title,
        s: { ...(await getSettings(req.em.fork())), ...(req.body as object) },
      });
    }
  });
}
