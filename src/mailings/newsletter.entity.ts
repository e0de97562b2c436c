import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** 会報の号: Markdown written by staff; an optional two-column part and campaign block. */
export const NewsletterIssue = defineEntity({
  name: 'NewsletterIssue',
  tableName: 'newsletter_issue',
  properties: {
    id: p.integer().primary().autoincrement(),
    title: p.string().length(200),
    number: p.integer(),
    issuedOn: p.date(),
    body: p.text(),
    columnsBody: p.text().nullable(),
    campaignId: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type INewsletterIssue = InferEntity<typeof NewsletterIssue>;

/** An image uploaded by staff for an issue (PNG or JPEG, checked by its bytes). */
export const NewsletterImage = defineEntity({
  name: 'NewsletterImage',
  tableName: 'newsletter_image',
  properties: {
    id: p.integer().primary().autoincrement(),
    issueId: p.integer().index(),
    fileName: p.string().length(200),
    mime: p.string().length(40),
    data: p.blob(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type INewsletterImage = InferEntity<typeof NewsletterImage>;
