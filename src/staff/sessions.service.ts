import { randomBytes } from 'node:crypto';
import type { EntityManager } from '../db/orm.js';
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
 * The active staff member of a live session, or null (unknown, idle too long, or account disabled).
 * One query reads the session with its staff row, so every request pays for one round trip, and a
 * logout, password change, role change or deactivation (which delete the sessions) counts at once.
 */
export async function resolveSession(
  em: EntityManager,
  id: string,
  idleMs: number,
  now = new Date(),
): Promise<SignedInStaff | null> {
  // Plain SQL text: on every request, building it with the query builder cost more than running it.
  const [row] = await em.getConnection().execute<Record<string, unknown>[]>(
    `select s.last_seen_at, st.id, st.login_id, st.display_name, st.role, st.active
         from staff_session s join staff st on st.id = s.staff_id where s.id = ?`,
    [id],
  );
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
