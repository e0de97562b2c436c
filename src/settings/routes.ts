import type { FastifyInstance } from 'fastify';
import { UserError } from '../web/errors.js';
import { formError, type FormBody } from '../web/forms.js';
import { GROUPS, parseSettingsForm, settingGroups } from './setting-keys.js';
import { registerDateStyle } from '../web/render.js';
import { FORM_TEXT } from '../web/ui-text.js';
import { jobRows, parseJobFields } from './scheduled-jobs.js';
import { getSettings, readSettings, updateSettings, type Settings } from './settings.service.js';
import { SETTING_TEXT, SETTINGS_TEXT } from './ui-text.js';

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
  // The page shows a switch and a time per job; the CLI sets the same value as JSON.
  const jobs = parseJobFields(flat, SETTING_TEXT.jobTime);
  if (jobs && 'value' in jobs) flat.jobSwitches = JSON.stringify(jobs.value);
  const r = parseSettingsForm(flat);
  const errors = { ...(jobs && 'errors' in jobs ? jobs.errors : {}), ...('errors' in r ? r.errors : {}) };
  if (Object.keys(errors).length || 'errors' in r) throw new UserError(FORM_TEXT.checkInput, 422, errors);
  return r.values as Partial<Settings>;
}

/** The page's data: groups in order, the shown values, and the link to the seal image (kept with receipts). */
function page(s: Settings, typed?: FormBody) {
  const jobs = jobRows(s.jobSwitches).map((j) =>
    typed
      ? { ...j, enabled: typed[`job.${j.name}.enabled`] === '1', time: String(typed[`job.${j.name}.time`] ?? j.time) }
      : j,
  );
  return {
    jobs,
    jobText: { on: SETTING_TEXT.jobOn, at: SETTING_TEXT.jobAt },
    title: SETTINGS_TEXT.title,
    groups: settingGroups(),
    v: shown(s, typed),
    sealLink: SETTING_TEXT.seal,
    groupOrg: GROUPS.org,
  };
}

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  // Screens show dates as the setting says (和暦 / 西暦), like the printed documents.
  registerDateStyle(async (req) => (req.em ? (await readSettings(req.em)).era : 'seireki'));
  app.get('/settings', { config: { role: 'admin' } }, async (req, reply) =>
    reply.render('settings/index', page(await getSettings(req.em))),
  );

  app.post('/settings', { config: { role: 'admin' } }, async (req, reply) => {
    try {
      await updateSettings(req.em, parseSettings(req.body as FormBody));
      return reply.redirectWithFlash('/settings', SETTINGS_TEXT.saved);
    } catch (err) {
      return formError(reply, err, 'settings/index', page(await getSettings(req.em.fork()), req.body as FormBody));
    }
  });
}
