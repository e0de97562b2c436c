import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Member } from '../members/member.entity.js';

export type MailedDocumentKind = 'thank_letter' | 'receipt';
export type MailedDocumentStatus = 'sending' | 'sent' | 'failed';

/**
 * A thank-you letter or a receipt e-mailed to a member (PDF attached). One row per document
 * (kind + reference: the to-thank key 'donation:12' or the receipt number), so a document is
 * never e-mailed twice; a failure keeps the server's answer and can be sent again.
 */
export const MailedDocument = defineEntity({
  name: 'MailedDocument',
  tableName: 'mailed_document',
  properties: {
    id: p.integer().primary().autoincrement(),
    member: p.manyToOne(Member).index(),
    kind: p.string().length(20).$type<MailedDocumentKind>(),
    reference: p.string().length(40),
    toEmail: p.string().length(200),
    subject: p.string().length(200),
    status: p.string().length(20).$type<MailedDocumentStatus>(),
    error: p.text().nullable(),
    attempts: p.integer().default(0),
    sentAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  uniques: [{ properties: ['kind', 'reference'] }],
});
export type IMailedDocument = InferEntity<typeof MailedDocument>;
