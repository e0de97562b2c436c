import type { FastifyInstance } from 'fastify';
import { UserError } from '../web/errors.js';
import { formError, type FormBody } from '../web/forms.js';
import { parseSettingsForm, settingGroups } from './setting-keys.js';
import { getSettings, updateSettings, type Settings } from './settings.service.js';

/** Each key's value as the page shows it (the registry's format), or what was typed on a failed save. */
function shown(s: Settings, typed: FormBody = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const g of settingGroups()) {
    for (const k of g.keys) {
      const t = typed[k.key];
      out[k.key] = typeof t === 'string' ? t : k.format((s as unknown as Record<string, unknown>)[k.key]);
    }
  }
  return out;
}

function parseSettings(body: FormBody): Partial<Settings> {
  const flat = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const r = parseSettingsForm(flat);
  if ('errors' in r) throw new UserError('入力内容を確認してください', 422, r.errors);
  return r.values as Partial<Settings>;
}

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  app.get('/settings', { config: { role: 'admin' } }, async (req, reply) =>
    reply.render('settings/index', { title: '設定', groups: settingGroups(), v: shown(await getSettings(req.em)) }),
  );

  app.post('/settings', { config: { role: 'admin' } }, async (req, reply) => {
    try {
      await updateSettings(req.em, parseSettings(req.body as FormBody));
      return reply.redirectWithFlash('/settings', '設定を保存しました');
    } catch (err) {
      return formError(reply, err, 'settings/index', {
        title: '設定',
        groups: settingGroups(),
        v: shown(await getSettings(req.em.fork()), req.body as FormBody),
      });
    }
  });
}
