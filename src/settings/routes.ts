import type { FastifyInstance } from 'fastify';
import { normalizePostalCode } from '../lib/postal.js';
import { UserError } from '../web/errors.js';
import { field, formError, type FormBody } from '../web/forms.js';
import { parsePrintSettings } from './print-settings.js';
import { getSettings, updateSettings, type Settings } from './settings.service.js';

function parseSettings(body: FormBody): Partial<Settings> {
  const errors: Record<string, string> = {};
  const month = Number(field(body, 'fiscalYearStartMonth'));
  if (!Number.isInteger(month) || month < 1 || month > 12) errors.fiscalYearStartMonth = '1〜12の月を選んでください';
  const postal = field(body, 'orgPostalCode').trim();
  const orgPostalCode = postal ? normalizePostalCode(postal) : '';
  if (orgPostalCode === null) errors.orgPostalCode = '郵便番号は7桁の数字で入力してください';
  const dueDays = Number(field(body, 'dueDays'));
  if (!Number.isInteger(dueDays) || dueDays < 0 || dueDays > 365) errors.dueDays = '0〜365の日数で入力してください';
  const graceYears = Number(field(body, 'graceYears'));
  if (!Number.isInteger(graceYears) || graceYears < 1 || graceYears > 10)
    errors.graceYears = '1〜10の年数で入力してください';
  const fees = field(body, 'transferFees')
    .split(/[,、\s]+/)
    .filter(Boolean)
    .map(Number);
  if (fees.some((f) => !Number.isInteger(f) || f <= 0 || f > 2000))
    errors.transferFees = '手数料は 110, 220 のように円単位でカンマ区切りで入力してください';
  const print = parsePrintSettings(body, errors);
  if (Object.keys(errors).length) throw new UserError('入力内容を確認してください', 422, errors);
  return {
    ...print,
    orgName: field(body, 'orgName').trim(),
    orgPostalCode: orgPostalCode ?? '',
    orgAddress: field(body, 'orgAddress').trim(),
    orgPhone: field(body, 'orgPhone').trim(),
    orgEmail: field(body, 'orgEmail').trim(),
    representative: field(body, 'representative').trim(),
    fiscalYearStartMonth: month,
    era: field(body, 'era') === 'seireki' ? 'seireki' : 'wareki',
    bankAccounts: field(body, 'bankAccounts')
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean),
    dueDays,
    graceYears,
    transferFees: fees,
    proration: field(body, 'proration') === 'monthly' ? 'monthly' : 'none',
  };
}

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  app.get('/settings', { config: { role: 'admin' } }, async (req, reply) =>
    reply.render('settings/index', { title: '設定', s: await getSettings(req.em) }),
  );

  app.post('/settings', { config: { role: 'admin' } }, async (req, reply) => {
    try {
      await updateSettings(req.em, parseSettings(req.body as FormBody));
      return reply.redirectWithFlash('/settings', '設定を保存しました');
    } catch (err) {
      return formError(reply, err, 'settings/index', {
        title: '設定',
        s: { ...(await getSettings(req.em.fork())), ...(req.body as object) },
      });
    }
  });
}
