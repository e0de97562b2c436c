import type { FilterQuery } from '@mikro-orm/core';
import { currentActor } from '../db/actor.js';
import type { EntityManager } from '../db/orm.js';
import { AuditLog, type IAuditLog } from './audit-log.entity.js';
import { ACTION_LABELS, entityLabel, fieldLabel, namerOf, refOf, valueLabel } from './labels.js';
import { AUDIT_TEXT } from './ui-text.js';

export interface AuditRow {
  id: number;
  at: Date;
  actorName: string;
  entityName: string;
  entityLabel: string;
  entityId: string;
  action: string;
  actionLabel: string;
  changes: { field: string; label: string; before: string; after: string }[];
}

export function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return AUDIT_TEXT.empty;
  if (v === true) return AUDIT_TEXT.yes;
  if (v === false) return AUDIT_TEXT.no;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Referenced entity → id → its name, for every id field the logs mention (one query per entity). */
export type RefNames = Map<string, Map<number, string>>;

export async function refNamesOf(em: EntityManager, logs: IAuditLog[]): Promise<RefNames> {
  const wanted = new Map<string, Set<number>>();
  for (const log of logs) {
    for (const [field, pair] of Object.entries(log.changes ?? {})) {
      const ref = refOf(log.entityName, field);
      if (!ref || !namerOf(ref)) continue;
      for (const v of pair) {
        const id = idOf(v);
        if (id !== null) {
          if (!wanted.has(ref)) wanted.set(ref, new Set());
          wanted.get(ref)!.add(id);
        }
      }
    }
  }
  const out: RefNames = new Map();
  for (const [ref, ids] of wanted) out.set(ref, await namerOf(ref)!(em, [...ids]));
  return out;
}

function idOf(v: unknown): number | null {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : null;
}

/** A stored id as the name of what it points at; an id whose row is gone stays visible as 「#id」. */
function named(entity: string, field: string, v: unknown, names: RefNames): unknown {
  const ref = refOf(entity, field);
  const id = idOf(v);
  if (!ref || id === null || !names.has(ref)) return v;
  return names.get(ref)!.get(id) ?? `#${id}`;
}

export function toRow(log: IAuditLog, names: RefNames = new Map()): AuditRow {
  return {
    id: log.id,
    at: log.at,
    actorName: log.actorName,
    entityName: log.entityName,
    entityLabel: entityLabel(log.entityName),
    entityId: log.entityId,
    action: log.action,
    actionLabel: ACTION_LABELS[log.action] ?? log.action,
    changes: Object.entries(log.changes ?? {}).map(([field, [before, after]]) => ({
      field,
      label: fieldLabel(log.entityName, field),
      before: formatValue(valueLabel(log.entityName, field, named(log.entityName, field, before, names))),
      after: formatValue(valueLabel(log.entityName, field, named(log.entityName, field, after, names))),
    })),
  };
}

export async function historyOf(
  em: EntityManager,
  entityName: string,
  entityId: number | string,
  limit = 50,
): Promise<AuditRow[]> {
  const logs = await em.find(AuditLog, { entityName, entityId: String(entityId) }, { orderBy: { id: 'desc' }, limit });
  const names = await refNamesOf(em, logs);
  return logs.map((l) => toRow(l, names));
}

export interface AuditQuery {
  entityName?: string;
  entityId?: string;
  actor?: string;
  page?: number;
}

export async function searchAudit(em: EntityManager, q: AuditQuery, perPage = 100) {
  const where: FilterQuery<IAuditLog> = {};
  if (q.entityName) where.entityName = q.entityName;
  if (q.entityId) where.entityId = q.entityId;
  if (q.actor) where.actorName = q.actor;
  const total = await em.count(AuditLog, where);
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(q.page ?? 1, 1), pages);
  const logs = await em.find(AuditLog, where, {
    orderBy: { id: 'desc' },
    limit: perPage,
    offset: (page - 1) * perPage,
  });
  const names = await refNamesOf(em, logs);
  return { rows: logs.map((l) => toRow(l, names)), total, page, pages };
}

/** An event that is not a row change (a login, a failed login, a lock) as its own change-log row. */
export async function recordEvent(
  em: EntityManager,
  e: { entityName: string; entityId: string | number; action: string; changes?: Record<string, [unknown, unknown]> },
): Promise<void> {
  const actor = currentActor();
  await em.insert(AuditLog, {
    at: new Date(),
    staffId: actor.staffId,
    actorName: actor.name,
    entityName: e.entityName,
    entityId: String(e.entityId).slice(0, 60),
    action: e.action,
    changes: e.changes ?? {},
    summary: null,
  });
}
