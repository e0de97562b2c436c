import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Member } from '../members/member.entity.js';
import { Staff } from '../staff/staff.entity.js';

export const CHANNELS = ['電話', '来所', '訪問', 'メール', 'イベント', 'その他'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * 対応記録. Date and an optional wall-clock time (Asia/Tokyo) are kept apart: a call noted
 * "4月1日" without a time must not show up as 00:00 or shift a day in UTC.
 */
export const Interaction = defineEntity({
  name: 'Interaction',
  tableName: 'interaction',
  properties: {
    id: p.integer().primary().autoincrement(),
    member: p.manyToOne(Member),
    occurredOn: p.date(),
    occurredTime: p.string().length(5).nullable(),
    staff: p.manyToOne(Staff).nullable(),
    channel: p.string().length(20).$type<Channel>(),
    summary: p.string().length(200),
    content: p.text().nullable(),
    gift: p.string().length(200).nullable(),
    giftThankedOn: p.date().nullable(),
    followUp: p.text().nullable(),
    followUpDue: p.date().nullable(),
    followUpDone: p.boolean().default(false),
    followUpDoneOn: p.date().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['member', 'occurredOn'] }, { properties: ['followUpDone', 'followUpDue'] }],
});
export type IInteraction = InferEntity<typeof Interaction>;
