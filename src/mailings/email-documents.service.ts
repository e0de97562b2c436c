/**
 * Thank-you letters and receipts by e-mail, for members whose 郵送物 is メール: the same PDF the
 * letters and receipts domains print, attached to one message. A document is e-mailed at most
 * once (a failure can be sent again); a thank-you letter e-mailed is recorded as sent, so it
 * leaves the to-thank list. Each send is a MailedDocument row written through the ORM (audited).
 */
import { PassThrough } from 'node:stream';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '../db/orm.js';
import { todayInTokyo } from '../lib/dates.js';
import { markLettersSent, prepareLetters } from '../letters/to-thank.service.js';
import { pendingSources } from '../letters/thank-sources.js';
import { Member, type IMember } from '../members/member.entity.js';
import { displayName, honorific } from '../members/member.model.js';
import { renderReceipts } from '../documents/receipt.pdf.js';
import { receiptDocs, receiptStyle } from '../receipts/receipt-docs.js';
import { Receipt } from '../receipts/receipt.entity.js';
import { getSettings } from '../settings/settings.service.js';
import { NotFoundError, UserError } from '../web/errors.js';
import { MailingContact } from './mailing-contact.entity.js';
import { MailedDocument, type IMailedDocument, type MailedDocumentKind } from './mailed-document.entity.js';
import { smtpConfig, transportFor, type SmtpConfig } from './smtp.js';
import { DOC_MAIL_TEXT as T } from './ui-text.js';

export interface DocumentMailOptions {
  dataDir: string;
  config?: SmtpConfig;
  today?: string;
}

async function collect(render: (out: NodeJS.WritableStream) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await render(out);
  if (!out.writableEnded) out.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Why a member cannot get documents by e-mail (null: they can). */
export async function emailRefusal(em: EntityManager, m: IMember): Promise<string | null> {
  if (m.status === 'withdrawn') return T.withdrawn;
  if (m.mailPreference !== 'email') return T.notEmailPreference;
  if (!m.email) return T.noEmail;
  const c = await em.findOne(MailingContact, { member: m.id });
  if (c?.bouncedEmail && c.bouncedEmail === m.email) return T.bounced;
  if (c?.emailOptedOut) return T.optedOut;
  return null;
}

interface Outgoing {
  member: IMember;
  kind: MailedDocumentKind;
  reference: string;
  subject: string;
  text: string;
  filename: string;
  pdf: Buffer;
  /** Runs in the transaction that records the message as sent. */
  afterSent?: (tx: EntityManager) => Promise<unknown>;
}

/** Claims the document (never two sends of one), sends it, and records sent or failed with the server's answer. */
async function deliver(em: EntityManager, o: Outgoing, opts: DocumentMailOptions): Promise<IMailedDocument> {
  const config = opts.config ?? (await smtpConfig(em));
  if (!config.host || !config.from) throw new UserError(T.noSmtp, 422);
  const existing = await em.findOne(MailedDocument, { kind: o.kind, reference: o.reference });
  if (existing?.status === 'sent') throw new UserError(T.alreadySent, 409);
  if (existing?.status === 'sending') throw new UserError(T.sending, 409);
  let row: IMailedDocument;
  if (existing) {
    const knex = em.getKnex();
    const claimed = await em.execute(
      knex('mailed_document')
        .where({ id: existing.id, status: 'failed' })
        .update({ status: 'sending', attempts: existing.attempts + 1, updated_at: new Date() }),
      [],
      'run',
    );
    if (!(claimed as { affectedRows?: number }).affectedRows) throw new UserError(T.sending, 409);
    row = existing;
    await em.refresh(row);
  } else {
    row = em.create(MailedDocument, {
      member: o.member,
      kind: o.kind,
      reference: o.reference,
      toEmail: o.member.email!,
      subject: o.subject,
      status: 'sending',
      attempts: 1,
    });
    try {
      await em.flush();
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw new UserError(T.sending, 409);
      throw err;
    }
  }
  const transport = transportFor(config);
  try {
    await transport.sendMail({
      from: config.from,
      to: o.member.email!,
      subject: o.subject,
      text: o.text,
      attachments: [{ filename: o.filename, content: o.pdf, contentType: 'application/pdf' }],
    });
  } catch (err) {
    const e = err as { response?: string; message?: string };
    Object.assign(row, { status: 'failed', error: String(e.response ?? e.message ?? err).slice(0, 1000) });
    await em.flush();
    return row;
  } finally {
    transport.close();
  }
  await em.transactional(async (tx) => {
    const r = await tx.findOneOrFail(MailedDocument, { id: row.id });
    Object.assign(r, { status: 'sent', error: null, sentAt: new Date(), toEmail: o.member.email!, subject: o.subject });
    await tx.flush();
    await o.afterSent?.(tx);
  });
  await em.refresh(row);
  return row;
}

async function memberFor(em: EntityManager, id: number): Promise<IMember> {
  const m = await em.findOne(Member, { id });
  if (!m) throw new NotFoundError(T.memberNotFound);
  const refusal = await emailRefusal(em, m);
  if (refusal) throw new UserError(refusal, 422);
  return m;
}

const greeting = (m: IMember) => `${displayName(m)} ${honorific(m)}`;

/** The thank-you letter of one to-thank item ('donation:12', …) of this member, as the printed PDF. */
export async function emailThankLetter(
  em: EntityManager,
  memberId: number,
  key: string,
  opts: DocumentMailOptions,
): Promise<IMailedDocument> {
  const m = await memberFor(em, memberId);
  const prepared = await prepareLetters(em, [key], { dataDir: opts.dataDir, letterDate: opts.today });
  if (!prepared.result.keys.length) throw new UserError(T.letterNotPending, 409);
  const source = (await pendingSources(em)).find((s) => s.key === key);
  if (!source || source.member.id !== m.id) throw new UserError(T.letterNotPending, 409);
  const pdf = await collect((out) => prepared.render(out));
  const org = (await getSettings(em)).orgName;
  const today = opts.today ?? todayInTokyo();
  return deliver(
    em,
    {
      member: m,
      kind: 'thank_letter',
      reference: key,
      subject: T.letterSubject(org),
      text: T.letterBody(greeting(m), org),
      filename: T.letterFile,
      pdf,
      afterSent: (tx) => markLettersSent(tx, [key], today),
    },
    opts,
  );
}

/** One issued receipt of this member (by its number), as the printed PDF. */
export async function emailReceipt(
  em: EntityManager,
  memberId: number,
  number: string,
  opts: DocumentMailOptions,
): Promise<IMailedDocument> {
  const m = await memberFor(em, memberId);
  const receipt = await em.findOne(Receipt, { number, member: m.id });
  if (!receipt) throw new NotFoundError(T.receiptNotFound);
  if (receipt.status !== 'issued') throw new UserError(T.receiptVoid, 409);
  const style = await receiptStyle(em, opts.dataDir);
  const docs = receiptDocs(em, [receipt.id], { reissue: receipt.reissueCount > 0 });
  const pdf = await collect((out) => renderReceipts(docs, style, out));
  const org = (await getSettings(em)).orgName;
  return deliver(
    em,
    {
      member: m,
      kind: 'receipt',
      reference: receipt.number,
      subject: T.receiptSubject(receipt.number, org),
      text: T.receiptBody(greeting(m), org, receipt.number),
      filename: T.receiptFile(receipt.number),
      pdf,
    },
    opts,
  );
}

/** The documents e-mailed to a member, newest first (member page and timeline). */
export function mailedDocumentsOf(em: EntityManager, memberId: number): Promise<IMailedDocument[]> {
  return em.find(MailedDocument, { member: memberId }, { orderBy: { id: 'desc' }, limit: 100 });
}
