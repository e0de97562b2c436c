import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Member } from '../members/member.entity.js';

export type LapseProposalStatus = 'open' | 'resolved';

/**
 * 退会候補: left by the status job for staff to decide (withdraw by hand, or wait). Never
 * withdraws anyone. Resolved when the member pays, is withdrawn, or no longer qualifies.
 */
export const LapseProposal = defineEntity({
  name: 'LapseProposal',
  tableName: 'lapse_proposal',
  properties: {
    id: p.integer().primary().autoincrement(),
    member: p.manyToOne(Member),
    proposedOn: p.date(),
    unpaidYears: p.string().length(100),
    outstanding: p.integer(),
    status: p.string().length(20).$type<LapseProposalStatus>().default('open'),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['status'] }, { properties: ['member'] }],
});
export type ILapseProposal = InferEntity<typeof LapseProposal>;
