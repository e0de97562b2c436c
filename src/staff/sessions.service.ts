import { randomBytes } from 'node:crypto';
import type { EntityManager } from '../db/orm.js';
import type { SignedInStaff } from '../web/types.js';
import { StaffSession } from './staff-session.entity.js';
import { Staff } from './staff.entity.js';

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

/** The active staff member of a live session, or null (unknown, idle too long, or account disabled). */
export async function resolveSession(
  em: EntityManager,
  id: string,
  idleMs: number,
  now = new Date(),
): Promise<SignedInStaff | null> {
  const session = await em.findOne(StaffSession, { id }, { disableIdentityMap: true });
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > idleMs) {
    await endSession(em, id);
    return null;
  }
  const staff = await em.findOne(Staff, { id: session.staffId });
  if (!staff?.active) {
    await endSession(em, id);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await em.nativeUpdate(StaffSession, { id }, { lastSeenAt: now });
  return staff;
}

export async function endSession(em: EntityManager, id: string): Promise<void> {
  await em.nativeDelete(StaffSession, { id });
}

/** Signs a staff member out everywhere (their password, role or status changed). */
export async function endSessionsOf(em: EntityManager, staffId: number): Promise<void> {
  await em.nativeDelete(StaffSession, { staffId });
}
