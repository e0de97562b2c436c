import { randomBytes } from 'node:crypto';
import type { EntityManager } from '../db/orm.js';
import { localWrites } from '../db/data-version.js';
import { timestampOf } from '../db/raw-values.js';
import type { SignedInStaff } from '../web/types.js';
import { StaffSession } from './staff-session.entity.js';

/** last_seen is written at most this often, so browsing does not turn every GET into a write. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionMeta {
  ip: string;
  userAgent: string;
}

export async function startSession(em: EntityManager, staffId: number, meta: SessionMeta): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  const now = new Date();
  await em.insert(StaffSession, {
    id,
    staffId,
    createdAt: now,
    lastSeenAt: now,
    ip: meta.ip.slice(0, 64),
    userAgent: meta.userAgent.slice(0, 300),
  });
  return id;
}

/**
 * How long a session's row read from the database is trusted without asking again, unless this
 * process writes a session or staff row meanwhile (then it is read again at once). Only another
 * process (none changes staff today; a restore replaces the database) can be this late.
 */
export const SESSION_TRUST_MS = 2_000;

interface KnownSession {
  row: Record<string, unknown>;
  readAt: number;
  writes: string;
}
/** Per database (the knex client): a session id read in the last SESSION_TRUST_MS. */
const known = new WeakMap<object, Map<string, KnownSession>>();
const SESSION_TABLES = ['staff_session', 'staff'];

/**
 * The active staff member of a live session, or null (unknown, idle too long, or account disabled).
 * One query reads the session with its staff row, and on SQLite that row is then kept for
 * SESSION_TRUST_MS: twenty staff browsing no longer send one query per page just to say who they
 * are. A logout, password change, role change or deactivation (which write those tables) counts
 * at once: any write of this process to them makes the next request read again.
 */
export async function resolveSession(
  em: EntityManager,
  id: string,
  idleMs: number,
  now = new Date(),
): Promise<SignedInStaff | null> {
  const writes = localWrites(em, SESSION_TABLES);
  const owner = em.getKnex().client as object;
  const cache = known.get(owner) ?? new Map<string, KnownSession>();
  known.set(owner, cache);
  const hit = cache.get(id);
  let row: Record<string, unknown> | undefined;
  if (writes !== null && hit && hit.writes === writes && now.getTime() - hit.readAt < SESSION_TRUST_MS) row = hit.row;
  else {
    // Plain SQL text: on every request, building it with the query builder cost more than running it.
    [row] = await em.getConnection().execute<Record<string, unknown>[]>(
      `select s.last_seen_at, st.id, st.login_id, st.display_name, st.role, st.active
         from staff_session s join staff st on st.id = s.staff_id where s.id = ?`,
      [id],
    );
    if (cache.size > 1000) cache.clear();
    if (row && writes !== null) cache.set(id, { row, readAt: now.getTime(), writes });
    else cache.delete(id);
  }
  if (!row) return null;
  const lastSeen = timestampOf(row.last_seen_at);
  const active = row.active === true || row.active === 1 || row.active === '1';
  if (now.getTime() - lastSeen > idleMs || !active) {
    await endSession(em, id);
    return null;
  }
  if (now.getTime() - lastSeen > TOUCH_EVERY_MS) await em.nativeUpdate(StaffSession, { id }, { lastSeenAt: now });
  return {
    id: Number(row.id),
    loginId: String(row.login_id),
    displayName: String(row.display_name),
    role: row.role as SignedInStaff['role'],
    active,
  };
}

export async function endSession(em: EntityManager, id: string): Promise<void> {
  await em.nativeDelete(StaffSession, { id });
}

/** Signs a staff member out everywhere (their password, role or status changed). */
export async function endSessionsOf(em: EntityManager, staffId: number): Promise<void> {
  await em.nativeDelete(StaffSession, { staffId });
}
