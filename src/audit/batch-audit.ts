import { JsonType, type EntityMetadata } from '@mikro-orm/core';
import { currentActor } from '../db/actor.js';
import { BATCH_ROWS, setBatchAuditHook, type BatchChange } from '../db/batch-write.js';
import type { EntityManager } from '../db/orm.js';
import { diffOf, resolveIds } from './audit.subscriber.js';

/**
 * A row as the ORM's change set would carry it: properties in entity order, JSON already
 * serialised (the subscriber logs what the ORM sends to the database), so batch and
 * per-entity writes leave identical audit rows.
 */
function payloadOf(meta: EntityMetadata, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const prop of meta.props) {
    if (!(prop.name in row)) continue;
    const v = row[prop.name];
    out[prop.name] = prop.customType instanceof JsonType && v != null ? JSON.stringify(v) : v;
  }
  return out;
}

async function writeBatchAudit(
  em: EntityManager,
  meta: EntityMetadata,
  kind: 'create' | 'update',
  changes: BatchChange[],
): Promise<void> {
  const actor = currentActor();
  const at = new Date();
  const rows = [];
  for (const c of changes) {
    const d = diffOf(kind, payloadOf(meta, c.before ?? {}), payloadOf(meta, c.after));
    if (!d) continue;
    rows.push({
      at,
      staffId: actor.staffId,
      actorName: actor.name,
      entityName: meta.className,
      entityId: String(c.id),
      action: d.action,
      changes: resolveIds(d.changes),
      summary: null,
    });
  }
  const ctx = em.getTransactionContext();
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    await em.getDriver().nativeInsertMany('AuditLog', rows.slice(i, i + BATCH_ROWS), { ctx });
  }
}

/** Makes the batch writer audit its rows (called once from the wiring that lists the subscriber). */
export function registerBatchAudit(): void {
  setBatchAuditHook(writeBatchAudit);
}
