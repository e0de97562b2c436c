import type { BatchKind } from '../batches/batch.service.js';
import { writeRunInvoices } from '../dues/run-pdf.js';
import { FILE_NAMES } from '../dues/ui-text.js';
import { receiptsPdfKind, thankLettersKind } from '../receipts/print-batches.js';
import { runEmailMailing, runMailingLabels } from '../mailings/send-batches.js';
import { SEND_TEXT } from '../mailings/ui-text.js';

/**
 * Every kind of background run and the service that does it. `batches/` knows kinds only by
 * name; this table, at the top beside the schedules, is where a kind meets its domain.
 */
export function batchKinds(): Map<string, BatchKind> {
  return new Map<string, BatchKind>([
    [
      'invoice-run-pdf',
      {
        fileName: (p) => FILE_NAMES.runInvoices(Number(p.fiscalYear), Number(p.runId)),
        run: ({ em, params, out, progress, dataDir }) =>
          writeRunInvoices(em, Number(params.runId), dataDir, out, progress),
      },
    ],
    ['thank-letters', thankLettersKind()],
    ['receipts-pdf', receiptsPdfKind()],
    ['mailing-email', { fileName: (p) => SEND_TEXT.emailFile(Number(p.mailingId)), run: runEmailMailing }],
    ['mailing-labels', { fileName: (p) => SEND_TEXT.labelsFile(Number(p.mailingId)), run: runMailingLabels }],
  ]);
}
