import type {
  EntityMetadata,
  EventSubscriber,
  FlushEventArgs,
  MetadataStorage,
  TransactionEventArgs,
} from '@mikro-orm/core';
import { addBatchWriteListener } from '../db/batch-write.js';
import type { EntityManager } from '../db/orm.js';
import { MemberType, type IMemberType } from './member-type.entity.js';
import { searchIndexFor } from './member-search-index.js';

/**
 * What the member list keeps in memory per database (keyed by the ORM's metadata, like the
 * search index): the member types, and which writes of this process make the kept values stale.
 */
interface State {
  types: Promise<IMemberType[]> | null;
  /** A transaction flushed member or member-type rows: bump again when it ends (commit or rollback). */
  pendingMembers: boolean;
  pendingTypes: boolean;
}
const states = new WeakMap<object, State>();

function stateOf(metadata: MetadataStorage): State {
  let s = states.get(metadata);
  if (!s) {
    s = { types: null, pendingMembers: false, pendingTypes: false };
    states.set(metadata, s);
  }
  return s;
}

function membersChanged(metadata: MetadataStorage): void {
  searchIndexFor(metadata).touch();
}
function typesChanged(metadata: MetadataStorage): void {
  stateOf(metadata).types = null;
}

/**
 * Every member type, in their order, read once per database and kept until a member type is
 * written in this process (flush subscriber below) or another connection changed the database
 * (the list passes the database version it read with its rows).
 */
export function cachedMemberTypes(em: EntityManager, dbVersion?: unknown): Promise<IMemberType[]> {
  const s = stateOf(em.getMetadata());
  const key = String(dbVersion);
  if (s.types && typesVersion.get(s) === key) return s.types;
  const types = em
    .fork()
    .find(MemberType, {}, { orderBy: { sortOrder: 'asc', id: 'asc' } })
    .then((rows) => rows.map((t) => ({ ...t })) as IMemberType[]);
  s.types = types;
  typesVersion.set(s, key);
  types.catch(() => {
    if (s.types === types) s.types = null;
  });
  return types;
}
const typesVersion = new WeakMap<State, string>();

/**
 * Tells the member list about member and member-type writes of this process: after each flush
 * that touched them, and again when the transaction holding that flush commits or rolls back
 * (a rebuild that ran in between read the rows before the commit).
 */
export class MemberChangeSubscriber implements EventSubscriber {
  afterFlush(args: FlushEventArgs): void {
    const names = new Set(args.uow.getChangeSets().map((cs) => cs.meta.className));
    const metadata = args.em.getMetadata();
    const s = stateOf(metadata);
    const inTx = args.em.isInTransaction();
    if (names.has('Member')) {
      membersChanged(metadata);
      if (inTx) s.pendingMembers = true;
    }
    if (names.has('MemberType')) {
      typesChanged(metadata);
      if (inTx) s.pendingTypes = true;
    }
  }
  afterTransactionCommit(args: TransactionEventArgs): void {
    this.settle(args);
  }
  afterTransactionRollback(args: TransactionEventArgs): void {
    this.settle(args);
  }
  private settle(args: TransactionEventArgs): void {
    const metadata = args.em.getMetadata();
    const s = stateOf(metadata);
    if (s.pendingMembers) membersChanged(metadata);
    if (s.pendingTypes) typesChanged(metadata);
    s.pendingMembers = s.pendingTypes = false;
  }
}

/**
 * For a write to member rows outside the unit of work (nativeUpdate, plain SQL): the search
 * index rebuilds on the next search, and again when the enclosing transaction ends.
 */
export function memberRowsWritten(em: EntityManager): void {
  membersChanged(em.getMetadata());
  if (em.isInTransaction()) stateOf(em.getMetadata()).pendingMembers = true;
}

// Set-based writes (the member import) bypass the unit of work: the batch writer tells us.
addBatchWriteListener((em, meta: EntityMetadata) => {
  if (meta.className === 'Member') {
    membersChanged(em.getMetadata());
    if (em.isInTransaction()) stateOf(em.getMetadata()).pendingMembers = true;
  }
  if (meta.className === 'MemberType') typesChanged(em.getMetadata());
});
