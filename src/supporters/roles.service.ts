import type { EntityManager } from '../db/orm.js';
import { todayInTokyo } from '../lib/dates.js';
import { Member } from '../members/member.entity.js';
import { UserError } from '../web/errors.js';
import { MemberRole, type IMemberRole } from './member-role.entity.js';
import { SupporterRole } from './supporter-role.entity.js';
import { SUPPORTERS_TEXT } from './ui-text.js';

export interface RoleAssignmentInput {
  roleId: number;
  startedOn: string;
  endedOn: string | null;
  note: string | null;
}

/** The same role twice for overlapping periods is a typing mistake, not two terms of office. */
async function ensureNoOverlap(em: EntityManager, memberId: number, input: RoleAssignmentInput, selfId: number | null) {
  const others = await em.find(MemberRole, {
    member: memberId,
    role: input.roleId,
    ...(selfId ? { id: { $ne: selfId } } : {}),
  });
  const end = input.endedOn ?? '9999-12-31';
  const clash = others.find((o) => o.startedOn <= end && (o.endedOn ?? '9999-12-31') >= input.startedOn);
  if (clash) {
    const period = SUPPORTERS_TEXT.period(clash.startedOn, clash.endedOn ?? '');
    throw new UserError(SUPPORTERS_TEXT.checkInput, 409, {
      startedOn: SUPPORTERS_TEXT.periodClash(period),
    });
  }
}

export async function assignRole(
  em: EntityManager,
  memberId: number,
  input: RoleAssignmentInput,
): Promise<IMemberRole> {
  const member = await em.findOne(Member, { id: memberId });
  if (!member) throw new UserError(SUPPORTERS_TEXT.memberNotFound, 404);
  const role = await em.findOne(SupporterRole, { id: input.roleId });
  if (!role) throw new UserError(SUPPORTERS_TEXT.checkInput, 422, { roleId: SUPPORTERS_TEXT.roleRequired });
  await ensureNoOverlap(em, memberId, input, null);
  const mr = em.create(MemberRole, {
    member,
    role,
    startedOn: input.startedOn,
    endedOn: input.endedOn,
    note: input.note,
  });
  await em.flush();
  return mr;
}

export async function getAssignment(em: EntityManager, id: number): Promise<IMemberRole> {
  return em.findOneOrFail(
    MemberRole,
    { id },
    { populate: ['role', 'member'], failHandler: () => new UserError(SUPPORTERS_TEXT.assignmentNotFound, 404) },
  );
}

/** Changes the period (most often: sets 終了日 when a term ends). The role itself stays. */
export async function updateAssignment(
  em: EntityManager,
  id: number,
  input: Omit<RoleAssignmentInput, 'roleId'>,
): Promise<IMemberRole> {
  const mr = await getAssignment(em, id);
  await ensureNoOverlap(em, mr.member.id, { ...input, roleId: mr.role.id }, id);
  Object.assign(mr, { startedOn: input.startedOn, endedOn: input.endedOn, note: input.note });
  await em.flush();
  return mr;
}

/** For an entry made by mistake; the audit log keeps what it was. */
export async function removeAssignment(em: EntityManager, id: number): Promise<IMemberRole> {
  const mr = await getAssignment(em, id);
  em.remove(mr);
  await em.flush();
  return mr;
}

export function isCurrent(mr: Pick<IMemberRole, 'startedOn' | 'endedOn'>, on: string): boolean {
  return mr.startedOn <= on && (mr.endedOn === null || mr.endedOn === undefined || mr.endedOn >= on);
}

/** A member's roles split into current (today), upcoming and past; newest start first. */
export async function rolesOfMember(em: EntityManager, memberId: number, today = todayInTokyo()) {
  return splitRoles(await memberRoleRows(em, memberId), today);
}

/** Every role a member has held or will hold, with its kind; newest start first. */
export function memberRoleRows(em: EntityManager, memberId: number): Promise<IMemberRole[]> {
  return em.find(MemberRole, { member: memberId }, { populate: ['role'], orderBy: { startedOn: 'desc', id: 'desc' } });
}

/** Roles split into current (on `today`), upcoming and past, in the order given. */
export function splitRoles(all: IMemberRole[], today = todayInTokyo()) {
  return {
    current: all.filter((r) => isCurrent(r, today)),
    upcoming: all.filter((r) => r.startedOn > today),
    past: all.filter((r) => r.endedOn && r.endedOn < today),
  };
}

/** 役員名簿: who holds an officer role (or the given role) on a date, in role order then フリガナ. */
export async function holdersOn(em: EntityManager, on: string, roleId: number | null): Promise<IMemberRole[]> {
  const rows = await em.find(
    MemberRole,
    {
      ...(roleId ? { role: roleId } : { role: { officer: true } }),
      startedOn: { $lte: on },
      $or: [{ endedOn: null }, { endedOn: { $gte: on } }],
    },
    { populate: ['role', 'member'] },
  );
  return rows.sort(
    (a, b) =>
      a.role.sortOrder - b.role.sortOrder ||
      a.role.id - b.role.id ||
      (a.member.kanaKey < b.member.kanaKey ? -1 : a.member.kanaKey > b.member.kanaKey ? 1 : 0),
  );
}
