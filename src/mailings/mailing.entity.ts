import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { RecipientRow } from './segments.service.js';

export const MAILING_CHANNELS = ['post', 'email'] as const;
export type MailingChannel = (typeof MAILING_CHANNELS)[number];

/** 発送: one issue to one segment through one channel, with its recipient list frozen when made. */
export const Mailing = defineEntity({
  name: 'Mailing',
  tableName: 'mailing',
  properties: {
    id: p.integer().primary().autoincrement(),
    issueId: p.integer().index(),
    segmentName: p.string().length(60).nullable(),
    channel: p.string().length(20).$type<MailingChannel>(),
    recipientCount: p.integer().default(0),
    excludedCount: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type IMailing = InferEntity<typeof Mailing>;

export type RecipientStatus = 'listed' | 'excluded' | 'sending' | 'sent' | 'failed';
export interface RecipientSnapshot {
  row: RecipientRow;
  household: { sharesAddress: boolean; labelName: string | null } | null;
  /** For the excluded: what staff wrote when they marked the address bounced or opted out. */
  reasonDetail?: string | null;
}

/**
 * One member of a mailing as they were when it was made (name, address, e-mail in `snapshot`),
 * so printing again gives the same labels whatever changed since. At most one row per member.
 */
export const MailingRecipient = defineEntity({
  name: 'MailingRecipient',
  tableName: 'mailing_recipient',
  properties: {
    id: p.integer().primary().autoincrement(),
    mailingId: p.integer(),
    memberId: p.integer().index(),
    memberNo: p.integer(),
    status: p.string().length(20).$type<RecipientStatus>(),
    reason: p.string().length(40).nullable(),
    snapshot: p.json<RecipientSnapshot>(),
    /** The mail server's answer on failure. */
    error: p.text().nullable(),
    sentAt: p.datetime().nullable(),
    attempts: p.integer().default(0),
  },
  uniques: [{ properties: ['mailingId', 'memberId'] }],
});
export type IMailingRecipient = InferEntity<typeof MailingRecipient>;
