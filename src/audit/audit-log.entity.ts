import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** One audited change: who, when, which record, and field → [before, after]. Append-only. */
export const AuditLog = defineEntity({
  name: 'AuditLog',
  tableName: 'audit_log',
  properties: {
    id: p.integer().primary().autoincrement(),
    at: p.datetime(),
    staffId: p.integer().nullable(),
    actorName: p.string().length(100),
    entityName: p.string().length(60),
    entityId: p.string().length(60),
    action: p.string().length(20),
    changes: p.json<Record<string, [unknown, unknown]>>(),
    summary: p.string().length(200).nullable(),
  },
  indexes: [{ properties: ['entityName', 'entityId'] }, { properties: ['at'] }],
});
export type IAuditLog = InferEntity<typeof AuditLog>;
