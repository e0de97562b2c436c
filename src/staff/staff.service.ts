import type { EntityManager } from '../db/orm.js';
import { UserError } from '../web/errors.js';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { hashPassword, passwordProblem } from './password.js';
import { endSessionsOf } from './sessions.service.js';
import { SetupDone } from './staff-session.entity.js';
import { STAFF_ROLES, type StaffRole } from '../web/roles.js';
import { Staff, type IStaff } from './staff.entity.js';
import { STAFF_ERRORS } from './ui-text.js';
import { FORM_TEXT } from '../web/ui-text.js';
import { takeWriteLock } from '../db/write-lock.js';

export interface NewStaff {
  loginId: string;
  displayName: string;
  password: string;
  role: StaffRole;
}

/** The staff lookup the session guard uses (web/ receives it from app.ts). */
export function findStaff(em: EntityManager, id: number): Promise<IStaff | null> {
  return em.findOne(Staff, { id });
}

export function countStaff(em: EntityManager): Promise<number> {
  return em.count(Staff, {});
}

/**
 * First-run setup: the administrator and the one `setup` row in one transaction, so racing
 * requests create one admin and the others get null (the row's key is taken).
 */
export async function createFirstAdmin(em: EntityManager, input: Omit<NewStaff, 'role'>): Promise<IStaff | null> {
  try {
    return await em.transactional(async (tem) => {
      await takeWriteLock(tem); // waits for a running batch instead of failing at once
      const staff = await createStaff(tem, { ...input, role: 'admin' });
      await tem.insert(SetupDone, { key: 'setup', staffId: staff.id, doneAt: new Date() });
      return staff;
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) return null;
    throw err;
  }
}

/** Validates and creates a staff account; throws UserError with field errors. */
export async function createStaff(em: EntityManager, input: NewStaff): Promise<IStaff> {
  const errors: Record<string, string> = {};
  const loginId = input.loginId.trim().normalize('NFKC');
  if (!/^[A-Za-z0-9._@-]{3,60}$/.test(loginId)) errors.loginId = STAFF_ERRORS.loginIdFormat;
  else if (await em.count(Staff, { loginId })) errors.loginId = STAFF_ERRORS.loginIdTaken;
  const displayName = input.displayName.trim();
  if (!displayName) errors.displayName = STAFF_ERRORS.displayNameRequired;
  else if (displayName.length > 100) errors.displayName = STAFF_ERRORS.displayNameTooLong;
  const pw = passwordProblem(input.password);
  if (pw) errors.password = pw;
  if (!STAFF_ROLES.includes(input.role)) errors.role = STAFF_ERRORS.roleRequired;
  if (Object.keys(errors).length) throw new UserError(FORM_TEXT.checkInput, 422, errors);
  const staff = em.create(Staff, {
    loginId,
    displayName,
    role: input.role,
    active: true,
    passwordHash: await hashPassword(input.password),
  });
  await em.flush();
  return staff;
}

export async function setActive(
  em: EntityManager,
  actor: { id: number },
  id: number,
  active: boolean,
): Promise<IStaff> {
  const staff = await em.findOneOrFail(
    Staff,
    { id },
    { failHandler: () => new UserError(STAFF_ERRORS.staffNotFound, 404) },
  );
  if (!active && staff.id === actor.id) throw new UserError(STAFF_ERRORS.cannotDeactivateSelf, 422);
  if (!active && staff.role === 'admin' && (await em.count(Staff, { role: 'admin', active: true })) <= 1) {
    throw new UserError(STAFF_ERRORS.lastAdmin, 422);
  }
  staff.active = active;
  await em.flush();
  if (!active) await endSessionsOf(em, staff.id);
  return staff;
}

export async function resetPassword(em: EntityManager, id: number, password: string): Promise<IStaff> {
  const staff = await em.findOneOrFail(
    Staff,
    { id },
    { failHandler: () => new UserError(STAFF_ERRORS.staffNotFound, 404) },
  );
  const pw = passwordProblem(password);
  if (pw) throw new UserError(pw, 422, { password: pw });
  staff.passwordHash = await hashPassword(password);
  await em.flush();
  await endSessionsOf(em, staff.id);
  return staff;
}

export async function changeRole(
  em: EntityManager,
  actor: { id: number },
  id: number,
  role: StaffRole,
): Promise<IStaff> {
  const staff = await em.findOneOrFail(
    Staff,
    { id },
    { failHandler: () => new UserError(STAFF_ERRORS.staffNotFound, 404) },
  );
  if (!STAFF_ROLES.includes(role)) throw new UserError(STAFF_ERRORS.roleRequired, 422);
  if (staff.id === actor.id && role !== 'admin') throw new UserError(STAFF_ERRORS.cannotDemoteSelf, 422);
  const changed = staff.role !== role;
  staff.role = role;
  await em.flush();
  if (changed) await endSessionsOf(em, staff.id);
  return staff;
}

export function listStaff(em: EntityManager): Promise<IStaff[]> {
  return em.find(Staff, {}, { orderBy: { active: 'desc', id: 'asc' } });
}
