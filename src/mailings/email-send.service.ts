import type { EntityManager } from '../db/orm.js';
import { pdfToBuffer } from '../documents/pdf.js';
import { UserError } from '../web/errors.js';
import { MailingRecipient } from './mailing.entity.js';
import { getMailing } from './mailings.service.js';
import { getIssue, issuePdf } from './newsletters.service.js';
import { smtpConfig, transportFor, type SmtpConfig } from './smtp.js';
import { SEND_TEXT } from './ui-text.js';

export interface SendResult {
  sent: number;
  failed: number;
  skipped: number;
}

const nameOf = (r: {
  snapshot: { row: { kind: string; familyName: string | null; givenName: string | null; orgName: string | null } };
}) => {
  const m = r.snapshot.row;
  return m.kind === 'organization'
    ? `${m.orgName ?? ''} ${SEND_TEXT.honorific.organization}`
    : `${[m.familyName, m.givenName].filter(Boolean).join(' ')} ${SEND_TEXT.honorific.person}`;
};

/**
 * Sends an e-mail mailing: one message per recipient with the issue's PDF attached. Runs over the
 * recipients not yet sent (first run, or a retry of the failed ones). Each recipient is claimed
 * (listed/failed → sending) before the message goes out, so two runs never mail one person
 * twice; a message the server accepted is marked sent at once, a refusal keeps its answer.
 */
export async function sendEmailMailing(
  em: EntityManager,
  mailingId: number,
  opts: { config?: SmtpConfig; onProgress?: (done: number, total: number) => void } = {},
): Promise<SendResult> {
  const mailing = await getMailing(em, mailingId);
  if (mailing.channel !== 'email') throw new UserError(SEND_TEXT.notEmail, 422);
  const config = opts.config ?? (await smtpConfig(em));
  if (!config.host || !config.from) throw new UserError(SEND_TEXT.noSmtp, 422);
  const issue = await getIssue(em, mailing.issueId);
  const pdf = await pdfToBuffer(await issuePdf(em, issue.id));
  const pending = await em.find(
    MailingRecipient,
    { mailingId, status: { $in: ['listed', 'failed'] } },
    { orderBy: { memberNo: 'asc' } },
  );
  const transport = transportFor(config);
  const knex = em.getKnex();
  const result: SendResult = { sent: 0, failed: 0, skipped: 0 };
  try {
    for (const [i, r] of pending.entries()) {
      const claimed = await em.execute(
        knex('mailing_recipient')
          .where({ id: r.id })
          .whereIn('status', ['listed', 'failed'])
          .update({ status: 'sending', attempts: r.attempts + 1 }),
        [],
        'run',
      );
      if (!(claimed as { affectedRows?: number }).affectedRows) {
        result.skipped++;
        continue;
      }
      try {
        await transport.sendMail({
          from: config.from,
          to: r.snapshot.row.email!,
          subject: SEND_TEXT.subject(issue.number, issue.title),
          text: SEND_TEXT.body(nameOf(r), issue.number, issue.title),
          attachments: [{ filename: SEND_TEXT.attachment(issue.number), content: pdf, contentType: 'application/pdf' }],
        });
        await em.execute(
          knex('mailing_recipient').where({ id: r.id }).update({ status: 'sent', sent_at: new Date(), error: null }),
          [],
          'run',
        );
        result.sent++;
      } catch (err) {
        const e = err as { response?: string; message?: string };
        await em.execute(
          knex('mailing_recipient')
            .where({ id: r.id })
            .update({ status: 'failed', error: String(e.response ?? e.message ?? err).slice(0, 1000) }),
          [],
          'run',
        );
        result.failed++;
      }
      opts.onProgress?.(i + 1, pending.length);
    }
  } finally {
    transport.close();
  }
  return result;
}
