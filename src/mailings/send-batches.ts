/**
 * The background runs of a mailing (kinds wired in src/jobs/batch-kinds.ts): sending an e-mail
 * mailing, and printing a paper mailing's labels. Each takes the batch's own EntityManager,
 * reports progress and writes a PDF (the send report, or the labels).
 */
import { pipeline } from 'node:stream/promises';
import { recordEvent } from '../audit/audit.service.js';
import type { EntityManager } from '../db/orm.js';
import { SHEETS } from '../documents/label-sheets.js';
import { renderLabels } from '../documents/labels.pdf.js';
import { drawTable } from '../documents/table.pdf.js';
import { sendEmailMailing } from './email-send.service.js';
import { printerOffset } from './labels.service.js';
import { getMailing, mailingLabels, mailingRecipients } from './mailings.service.js';
import { getIssue } from './newsletters.service.js';
import { SEND_TEXT, recipientStatusLabel } from './ui-text.js';

export interface RunContext {
  em: EntityManager;
  params: Record<string, unknown>;
  progress(done: number, total?: number): void;
  out: NodeJS.WritableStream;
}

async function pipeDoc(doc: PDFKit.PDFDocument, out: NodeJS.WritableStream): Promise<void> {
  const done = pipeline(doc, out);
  doc.end();
  await done;
}

/** Sends the recipients not yet sent (first run or retry of the failed), then writes the report. */
export async function runEmailMailing({ em, params, progress, out }: RunContext): Promise<void> {
  const mailingId = Number(params.mailingId);
  const result = await sendEmailMailing(em, mailingId, { onProgress: progress });
  await recordEvent(em, {
    entityName: 'Mailing',
    entityId: mailingId,
    action: 'update',
    changes: { emailSent: [null, result.sent], emailFailed: [null, result.failed] },
  });
  const mailing = await getMailing(em, mailingId);
  const issue = await getIssue(em, mailing.issueId);
  const rows = await mailingRecipients(em, mailingId);
  const doc = drawTable({
    title: SEND_TEXT.reportTitle(mailing.id, issue.number, issue.title),
    subtitle: SEND_TEXT.reportSummary(result.sent, result.failed),
    columns: SEND_TEXT.reportColumns,
    rows: rows.map((r) => [
      String(r.memberNo),
      r.snapshot.row.email ?? '',
      recipientStatusLabel(r.status, r.reasonLabel),
      r.error ?? '',
    ]),
  });
  await pipeDoc(doc, out);
}

/** A paper mailing's labels from its frozen list (sheet, start, joint in the parameters). */
export async function runMailingLabels({ em, params, progress, out }: RunContext): Promise<void> {
  const mailing = await getMailing(em, Number(params.mailingId));
  const entries = await mailingLabels(em, mailing.id, params.joint === true);
  progress(0, entries.length);
  await renderLabels(
    entries,
    { sheet: SHEETS[String(params.sheet)]!, start: Number(params.start) || 1, offset: await printerOffset(em) },
    out,
    progress,
  );
}
