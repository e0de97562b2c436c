import {
  ChangeSetType,
  helper,
  type ChangeSet,
  type EventArgs,
  type EventSubscriber,
  type FlushEventArgs,
  type UnitOfWork,
} from '@mikro-orm/core';
import { currentActor } from '../db/actor.js';
import { insertPlain } from '../db/batch-write.js';
import type { EntityManager } from '../db/orm.js';

/**
 * Fields never copied into the log (secrets) or not worth showing: derived keys, timestamps, and
 * a statement line's payer key and matcher suggestions — computed from the payer and the ledger,
 * recomputable, and (at about 700 bytes a line, escaped once more inside the log's JSON) most of
 * a 10,000-line import's audit volume. What staff or the matcher decided (status, member,
 * payment) is logged as usual.
 */
const MASKED = new Set(['passwordHash']);
const SKIPPED = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'kanaKey',
  'nameKey',
  'phoneDigits',
  'payerKey',
  'suggestions',
]);
/** Whether a field's value is copied into the log at all (the batch writer skips the rest early). */
export const loggedField = (name: string): boolean => !SKIPPED.has(name);
const MASK = '********';

interface PendingLog {
  entity: object;
  entityName: string;
  action: string;
  changes: Record<string, [unknown, unknown]>;
}
interface Pending {
  logs: PendingLog[];
  remaining: number;
  actor: ReturnType<typeof currentActor>;
  at: Date;
}

/**
 * Records every insert, update and delete of every entity, once, for all routes, CLI and jobs.
 * Diffs are taken in onFlush (before values are still known); rows are written after the last
 * entity of the flush is persisted, inside the same transaction, so ids of new rows are known
 * and a rolled-back batch leaves no audit rows behind.
 */
export class AuditSubscriber implements EventSubscriber {
  private pending = new WeakMap<UnitOfWork, Pending>();

  onFlush(args: FlushEventArgs): void {
    const logs: PendingLog[] = [];
    for (const cs of args.uow.getChangeSets()) {
      if (cs.meta.className === 'AuditLog') continue;
      const log = describe(cs);
      if (log) logs.push(log);
    }
    const remaining = args.uow.getChangeSets().filter((cs) => cs.meta.className !== 'AuditLog').length;
    if (logs.length > 0) this.pending.set(args.uow, { logs, remaining, actor: currentActor(), at: new Date() });
    else this.pending.delete(args.uow);
  }

  async afterCreate(args: EventArgs<object>): Promise<void> {
    await this.step(args);
  }
  async afterUpdate(args: EventArgs<object>): Promise<void> {
    await this.step(args);
  }
  async afterDelete(args: EventArgs<object>): Promise<void> {
    await this.step(args);
  }

  private async step(args: EventArgs<object>): Promise<void> {
    if (args.meta?.className === 'AuditLog') return;
    const uow = args.em.getUnitOfWork();
    const pending = this.pending.get(uow);
    if (!pending || --pending.remaining > 0) return;
    this.pending.delete(uow);
    const rows = pending.logs.map((l) => ({
      at: pending.at,
      staffId: pending.actor.staffId,
      actorName: pending.actor.name,
      entityName: l.entityName,
      entityId: String(helper(l.entity).getSerializedPrimaryKey()),
      action: l.action,
      changes: resolveIds(l.changes),
      summary: null,
    }));
    await insertPlain(args.em as EntityManager, 'AuditLog', rows);
  }
}

function describe(cs: ChangeSet<object>): PendingLog | null {
  const isDelete = cs.type === ChangeSetType.DELETE || cs.type === ChangeSetType.DELETE_EARLY;
  const kind = cs.type === ChangeSetType.CREATE ? 'create' : isDelete ? 'delete' : 'update';
  const d = diffOf(kind, (cs.originalEntity ?? {}) as Record<string, unknown>, cs.payload as Record<string, unknown>);
  return d && { entity: cs.entity, entityName: cs.meta.className, ...d };
}

/**
 * The audit row's action and field → [before, after] for one change, or null for an update
 * that changed nothing worth showing. The batch writer (audit/batch-audit.ts) uses it too, so
 * both paths write the same rows.
 */
export function diffOf(
  kind: 'create' | 'update' | 'delete',
  original: Record<string, unknown>,
  payload: Record<string, unknown>,
): { action: string; changes: Record<string, [unknown, unknown]> } | null {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(kind === 'delete' ? original : payload)) {
    if (SKIPPED.has(key)) continue;
    const before = kind === 'create' ? null : (original[key] ?? null);
    const after = kind === 'delete' ? null : (payload[key] ?? null);
    if (before === after) continue;
    changes[key] = MASKED.has(key) ? [before === null ? null : MASK, after === null ? null : MASK] : [before, after];
  }
  if (kind === 'update' && Object.keys(changes).length === 0) return null;
  return { action: actionOf(kind, changes), changes };
}

function actionOf(kind: 'create' | 'update' | 'delete', changes: Record<string, [unknown, unknown]>): string {
  if (kind !== 'update') return kind;
  const status = changes.status;
  if (status && status[1] === 'withdrawn') return 'withdraw';
  if (status && status[0] === 'withdrawn') return 'readmit';
  return 'update';
}

/** Relations to rows created in the same flush are identifiers until insert; read their final value. */
export function resolveIds(changes: Record<string, [unknown, unknown]>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, [a, b]] of Object.entries(changes)) out[k] = [plain(a), plain(b)];
  return out;
}

function plain(v: unknown): unknown {
  if (v && typeof v === 'object' && 'getValue' in v && typeof (v as { getValue: unknown }).getValue === 'function') {
    return (v as { getValue(): unknown }).getValue();
  }
  if (v instanceof Date) return v.toISOString();
  return v;
}
