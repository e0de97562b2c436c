import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Member } from '../members/member.entity.js';

/**
 * A member's e-mail delivery state, kept beside member (one row per member, only when needed).
 * bouncedEmail is the address that bounced: once the member's address changes it no longer
 * matches, so a corrected address is mailed again without anyone clearing a flag.
 */
export const MailingContact = defineEntity({
  name: 'MailingContact',
  tableName: 'mailing_contact',
  properties: {
    id: p.integer().primary().autoincrement(),
    member: p.manyToOne(Member).unique(),
    bouncedEmail: p.string().length(200).nullable(),
    bouncedOn: p.date().nullable(),
    bounceReason: p.string().length(400).nullable(),
    emailOptedOut: p.boolean().default(false),
    optedOutOn: p.date().nullable(),
    optOutReason: p.string().length(400).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type IMailingContact = InferEntity<typeof MailingContact>;
