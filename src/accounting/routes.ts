import type { FastifyInstance } from 'fastify';
import { parseDate, todayInTokyo } from '../lib/dates.js';
import { fiscalYearOf, fiscalYearRange } from '../lib/fiscal-year.js';
import { getSettings } from '../settings/settings.service.js';
import { contentDisposition } from '../web/download.js';
import { UserError } from '../web/errors.js';
import { field, type FormBody } from '../web/forms.js';
import { checkExportInput, exportJournal, journalEntries } from './export.service.js';
import { ACCOUNTING_TEXT, FORMAT_LABELS } from './ui-text.js';

/**
 * 会計ソフト連携: the same export as `enishi accounting export`. A GET (it only reads): without
 * `download` it shows the period's entries as a preview, with it the file.
 */
export async function accountingRoutes(app: FastifyInstance): Promise<void> {
  app.get('/accounting/export', { config: { role: 'staff' } }, async (req, reply) => {
    const q = req.query as FormBody;
    const fy = fiscalYearRange(fiscalYearOf(todayInTokyo(), (await getSettings(req.em)).fiscalYearStartMonth) - 1);
    const values = { format: field(q, 'format') || 'freee', from: field(q, 'from'), to: field(q, 'to') };
    const base = {
      title: ACCOUNTING_TEXT.exportTitle,
      formats: FORMAT_LABELS,
      values,
      defaults: fy,
      entries: null as unknown,
    };
    if (!values.from && !values.to) return reply.render('accounting/export', base);
    const input = { format: values.format, from: parseDate(values.from), to: parseDate(values.to) };
    try {
      if (field(q, 'download')) {
        const r = await exportJournal(req.em, input);
        return reply
          .header('content-type', `text/csv; charset=${values.format === 'yayoi' ? 'shift_jis' : 'utf-8'}`)
          .header('content-disposition', contentDisposition(r.fileName, `journal-${values.format}.csv`))
          .header('cache-control', 'no-store')
          .send(r.bytes);
      }
      const ok = checkExportInput(input.format, input.from, input.to);
      return reply.render('accounting/export', { ...base, entries: await journalEntries(req.em, ok.from, ok.to) });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      return reply.render(
        'accounting/export',
        { ...base, error: err.message, errors: err.fieldErrors ?? {} },
        err.statusCode,
      );
    }
  });
}
