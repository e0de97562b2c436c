import { JsonType, type EntityMetadata, type Platform } from '@mikro-orm/core';
import { currentActor } from '../db/actor.js';
import { insertPlain, setBatchAuditHook, type BatchAuditHook } from '../db/batch-write.js';
import { diffOf, loggedField, resolveIds } from './audit.subscriber.js';

/**
 * A row as the ORM's change set would carry it: properties in entity order, JSON already
 * serialised (the subscriber logs what the ORM sends to the database), so batch and
 * per-entity writes leave identical audit rows.
 */
function payloadOf(meta: EntityMetadata, platform: Platform, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const prop of meta.props) {
    if (!(prop.name in row) || !loggedField(prop.name)) continue;
    const v = row[prop.name];
    // The type's own conversion: a FrozenJsonType value (the matcher's suggestions) is then
    // serialised once for the row and the log, not once more here.
    out[prop.name] =
      prop.customType instanceof JsonType && v != null ? prop.customType.convertToDatabaseValue(v, platform) : v;
  }
  return out;
}

/**
 * Builds a batch's audit rows (diffs, actor, time) before the rows' ids are known, so the work is
 * done while the database writes them; the returned function fills in the ids and inserts.
 */
const prepareBatchAudit: BatchAuditHook = (em, meta, kind, changes) => {
  const actor = currentActor();
  const platform = em.getPlatform();
  const at = new Date();
  const rows: Record<string, unknown>[] = [];
  const of: number[] = [];
  for (const [n, c] of changes.entries()) {
    const d = diffOf(kind, payloadOf(meta, platform, c.before ?? {}), payloadOf(meta, platform, c.after));
    if (!d) continue;
    of.push(n);
    rows.push({
      at,
      staffId: actor.staffId,
      actorName: actor.name,
      entityName: meta.className,
      entityId: '',
      action: d.action,
      changes: resolveIds(d.changes),
      summary: null,
    });
  }
  return async (ids) => {
    for (const [k, row] of rows.entries()) row.entityId = String(ids[of[k]!]);
    await insertPlain(em, 'AuditLog', rows);
  };
};

/** Makes the batch writer audit its rows (called once from the wiring that lists the subscriber). */
export function registerBatchAudit(): void {
  setBatchAuditHook(prepareBatchAudit);
}
