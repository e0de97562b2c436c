import type { EntityManager } from '../db/orm.js';
import { UserError } from '../web/errors.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { STAFF_ROLES, type StaffRole } from '../web/roles.js';
import { Staff, type IStaff } from './staff.entity.js';
import { STAFF_ERRORS } from './ui-text.js';
import { FORM_TEXT } from '../web/ui-text.js';

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

/** Validates and creates a staff account; throws UserError with field errors. */
export async function createStaff(em: EntityManager, input: NewStaff): Promise<IStaff> {
  const errors: Record<string, string> = {};
  const loginId = input.loginId.trim().normalize('NFKC');
  if (!/^[A-Za-z0-9._@-]{3,60}$/.test(loginId)) errors.loginId = STAFF_ERRORS.loginIdFormat;
  else if (await em.count(Staff, { loginId })) errors.loginId = STAFF_ERRORS.loginIdTaken;
  const displayName = input.displayName.trim();
  if (!displayName) errors.displayName = STAFF_ERRORS.displayNameRequired;
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

/** Returns the staff member for a correct login, or null (same answer for unknown id and wrong password). */
export async function authenticate(em: EntityManager, loginId: string, password: string): Promise<IStaff | null> {
  const staff = await em.findOne(Staff, { loginId: loginId.trim().normalize('NFKC') });
  // Verify against a dummy hash when the id is unknown so timing does not reveal valid ids.
  const ok = await verifyPassword(password, staff?.passwordHash ?? DUMMY_HASH);
  if (!staff || !ok || !staff.active) return null;
  staff.lastLoginAt = new Date();
  await em.flush();
  return staff;
}
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

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
  staff.role = role;
  await em.flush();
  return staff;
}

export function listStaff(em: EntityManager): Promise<IStaff[]> {
  return em.find(Staff, {}, { orderBy: { active: 'desc', id: 'asc' } });
}
