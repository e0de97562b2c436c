import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { SegmentFilter } from './segment-filter.js';

/** セグメント: a saved, named filter over members (see segment-filter.ts); the members are found when used. */
export const Segment = defineEntity({
  name: 'Segment',
  tableName: 'segment',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(60).unique(),
    filter: p.json<SegmentFilter>(),
    note: p.string().length(200).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type ISegment = InferEntity<typeof Segment>;
