import type { EntityManager } from '../db/orm.js';
import { todayInTokyo, parseDate } from '../lib/dates.js';
import { UserError } from '../web/errors.js';
import { Member, type IMember } from './member.entity.js';
import { MemberType } from './member-type.entity.js';
import type { FieldErrors, MemberInput } from './member.form.js';
import { searchKeys } from './member.model.js';
import { MEMBERS_TEXT } from './ui-text.js';

/** Raised on create when a member with the same フリガナ and phone or birth date already exists. */
export class PossibleDuplicate extends UserError {
  constructor(public candidates: IMember[]) {
    super(MEMBERS_TEXT.possibleDuplicate, 409);
  }
}

export async function nextMemberNo(em: EntityManager): Promise<number> {
  const rows = await em.execute<{ max: number | null }[]>('select max(member_no) as max from member');
  return Number(rows[0]?.max ?? 0) + 1;
}

async function validateRefs(em: EntityManager, input: MemberInput, selfId: number | null, errors: FieldErrors) {
  if (input.memberTypeId && !(await em.count(MemberType, { id: input.memberTypeId })))
    errors.memberTypeId = MEMBERS_TEXT.memberTypeRequired;
  if (input.memberNo !== null) {
    const other = await em.findOne(Member, { memberNo: input.memberNo }, { fields: ['id'] });
    if (other && other.id !== selfId) errors.memberNo = MEMBERS_TEXT.memberNoTaken(input.memberNo);
  }
  if (Object.keys(errors).length) throw new UserError(MEMBERS_TEXT.checkInput, 422, errors);
}

/** The form's (or an import row's) values onto a member: type reference, 宛先不明 date, search keys. */
export function assignMemberInput(em: EntityManager, m: IMember, input: MemberInput): void {
  const { memberTypeId, memberNo, ...rest } = input;
  Object.assign(m, rest);
  if (memberNo !== null) m.memberNo = memberNo;
  m.memberType = em.getReference(MemberType, memberTypeId!);
  if (m.addressUnknown && !m.addressUnknownOn) m.addressUnknownOn = todayInTokyo();
  Object.assign(m, searchKeys(m));
}

/**
 * The fields assignMemberInput sets, as a plain row (memberType as an id), for writers that
 * bypass entities (the member import's batch path).
 */
export function memberFields(current: Partial<IMember>, input: MemberInput, today: string): Record<string, unknown> {
  const { memberTypeId, memberNo, ...rest } = input;
  const out: Record<string, unknown> = { ...rest };
  if (memberNo !== null) out.memberNo = memberNo;
  out.memberType = memberTypeId;
  const merged = { ...current, ...out } as IMember;
  if (merged.addressUnknown && !merged.addressUnknownOn) out.addressUnknownOn = today;
  return Object.assign(out, searchKeys({ ...current, ...out } as IMember));
}

export async function findPossibleDuplicates(
  em: EntityManager,
  input: MemberInput,
  selfId: number | null = null,
): Promise<IMember[]> {
  const { kanaKey, phoneDigits } = searchKeys(input);
  if (!kanaKey) return [];
  const same = await em.find(Member, { kanaKey, ...(selfId ? { id: { $ne: selfId } } : {}) }, { limit: 50 });
  const phones = phoneDigits.split(' ').filter(Boolean);
  return same.filter(
    (m) =>
      (input.birthDate && m.birthDate === input.birthDate) || phones.some((p) => m.phoneDigits.split(' ').includes(p)),
  );
}

export async function createMember(
  em: EntityManager,
  input: MemberInput,
  opts: { confirmDuplicate?: boolean } = {},
): Promise<IMember> {
  await validateRefs(em, input, null, {});
  if (!opts.confirmDuplicate) {
    const dups = await findPossibleDuplicates(em, input);
    if (dups.length) throw new PossibleDuplicate(dups);
  }
  const m = em.create(Member, {
    memberNo: input.memberNo ?? (await nextMemberNo(em)),
    status: 'active',
    joinedOn: input.joinedOn ?? todayInTokyo(),
  } as IMember);
  assignMemberInput(em, m, { ...input, joinedOn: input.joinedOn ?? todayInTokyo() });
  await em.flush();
  return m;
}

export async function updateMember(em: EntityManager, id: number, input: MemberInput): Promise<IMember> {
  const m = await getMember(em, id);
  await validateRefs(em, input, id, {});
  assignMemberInput(em, m, { ...input, joinedOn: input.joinedOn ?? m.joinedOn ?? null });
  await em.flush();
  return m;
}

export async function getMember(em: EntityManager, id: number): Promise<IMember> {
  return em.findOneOrFail(
    Member,
    { id },
    { populate: ['memberType'], failHandler: () => new UserError(MEMBERS_TEXT.memberNotFound, 404) },
  );
}

/** 退会: never a delete. Keeps everything and can be undone with readmitMember. */
export async function withdrawMember(
  em: EntityManager,
  id: number,
  opts: { date?: string; reason?: string } = {},
): Promise<IMember> {
  const m = await getMember(em, id);
  if (m.status === 'withdrawn') throw new UserError(MEMBERS_TEXT.alreadyWithdrawn, 409);
  const date = opts.date ? parseDate(opts.date) : todayInTokyo();
  if (!date)
    throw new UserError(MEMBERS_TEXT.withdrawnOnFormat, 422, {
      withdrawnOn: MEMBERS_TEXT.badDate,
    });
  m.status = 'withdrawn';
  m.withdrawnOn = date;
  m.withdrawalReason = opts.reason?.trim() || null;
  await em.flush();
  return m;
}

export async function readmitMember(em: EntityManager, id: number): Promise<IMember> {
  const m = await getMember(em, id);
  if (m.status !== 'withdrawn') throw new UserError(MEMBERS_TEXT.notWithdrawn, 409);
  m.status = 'active';
  m.withdrawnOn = null;
  m.withdrawalReason = null;
  await em.flush();
  return m;
}
