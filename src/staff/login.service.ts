import { raw } from '@mikro-orm/core';
import { recordEvent } from '../audit/audit.service.js';
import { setCurrentActor } from '../db/actor.js';
import type { EntityManager } from '../db/orm.js';
import { verifyPassword } from './password.js';
import { Staff, type IStaff } from './staff.entity.js';

/** Wrong passwords in a row that lock an account, and for how long. */
export const LOGIN_LOCK = { failures: 10, minutes: 15 };

export type LoginResult = { staff: IStaff } | { refused: 'bad' } | { refused: 'locked'; minutes: number };

// Verify against a dummy hash when the id is unknown so timing does not reveal valid ids.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/**
 * One login attempt, audited: a success, a failure, or a refusal while the account is locked
 * (the right password too). The failure count is raised in the database, so parallel guesses
 * cannot slip past the limit between a read and a write.
 */
export async function attemptLogin(
  em: EntityManager,
  loginId: string,
  password: string,
  ip: string,
  now = new Date(),
): Promise<LoginResult> {
  const staff = await em.findOne(Staff, { loginId: loginId.trim().normalize('NFKC') });
  const ok = await verifyPassword(password, staff?.passwordHash ?? DUMMY_HASH);
  if (!staff) {
    await recordEvent(em, {
      entityName: 'Staff',
      entityId: '-',
      action: 'login_failed',
      changes: attempt(loginId, ip),
    });
    return { refused: 'bad' };
  }
  if (staff.lockedUntil && staff.lockedUntil > now) {
    await recordEvent(em, {
      entityName: 'Staff',
      entityId: staff.id,
      action: 'login_failed',
      changes: attempt(loginId, ip),
    });
    return { refused: 'locked', minutes: Math.ceil((staff.lockedUntil.getTime() - now.getTime()) / 60_000) };
  }
  if (!ok || !staff.active) return failed(em, staff, loginId, ip, now);
  await em.nativeUpdate(Staff, { id: staff.id }, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
  setCurrentActor({ staffId: staff.id, name: staff.displayName });
  await recordEvent(em, { entityName: 'Staff', entityId: staff.id, action: 'login', changes: { ip: [null, ip] } });
  return { staff };
}

async function failed(em: EntityManager, staff: IStaff, loginId: string, ip: string, now: Date): Promise<LoginResult> {
  await em.nativeUpdate(Staff, { id: staff.id }, { failedLogins: raw('failed_logins + 1') });
  await recordEvent(em, {
    entityName: 'Staff',
    entityId: staff.id,
    action: 'login_failed',
    changes: attempt(loginId, ip),
  });
  const fresh = await em.findOneOrFail(Staff, { id: staff.id }, { disableIdentityMap: true });
  if (fresh.failedLogins < LOGIN_LOCK.failures) return { refused: 'bad' };
  const until = new Date(now.getTime() + LOGIN_LOCK.minutes * 60_000);
  await em.nativeUpdate(Staff, { id: staff.id }, { failedLogins: 0, lockedUntil: until });
  await recordEvent(em, {
    entityName: 'Staff',
    entityId: staff.id,
    action: 'lockout',
    changes: { lockedUntil: [null, until.toISOString()], ip: [null, ip] },
  });
  return { refused: 'locked', minutes: LOGIN_LOCK.minutes };
}

function attempt(loginId: string, ip: string): Record<string, [unknown, unknown]> {
  return { loginId: [null, loginId.slice(0, 60)], ip: [null, ip] };
}
