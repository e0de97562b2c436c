import { normalizeAddress } from '../lib/address.js';
import type { EntityManager } from '../db/orm.js';
import { Member, type IMember } from '../members/member.entity.js';
import { UserError } from '../web/errors.js';
import {
  HEAD,
  Household,
  HOUSEHOLD_RELATIONS,
  type HouseholdRelation,
  type IHousehold,
  OTHER_RELATION,
} from './household.entity.js';
import { householdOrder, jointName } from './joint-name.js';
import { SUPPORTERS_TEXT } from './ui-text.js';

export interface HouseholdView {
  household: IHousehold;
  members: IMember[];
  head: IMember | null;
  jointName: string;
}

export async function getHousehold(em: EntityManager, id: number): Promise<HouseholdView> {
  const household = await em.findOne(Household, { id });
  if (!household) throw new UserError(SUPPORTERS_TEXT.householdNotFound, 404);
  const members = householdOrder(await em.find(Member, { householdId: id }));
  const head = members.find((m) => m.householdRelation === HEAD) ?? members[0] ?? null;
  return { household, members, head, jointName: jointName(members, household.labelName) };
}

export async function householdOfMember(
  em: EntityManager,
  member: Pick<IMember, 'householdId'>,
): Promise<HouseholdView | null> {
  return member.householdId ? getHousehold(em, member.householdId) : null;
}

function relationOf(value: string): HouseholdRelation {
  if (!(HOUSEHOLD_RELATIONS as readonly string[]).includes(value))
    throw new UserError(SUPPORTERS_TEXT.checkInput, 422, { relation: SUPPORTERS_TEXT.relationRequired });
  return value as HouseholdRelation;
}

/** Links another member (by 会員番号) to this member's household, creating it with this member as 世帯主. */
export async function addFamilyMember(
  em: EntityManager,
  memberId: number,
  otherMemberNo: number,
  relation: string,
): Promise<HouseholdView> {
  const rel = relationOf(relation);
  const self = await em.findOne(Member, { id: memberId });
  if (!self) throw new UserError(SUPPORTERS_TEXT.memberNotFound, 404);
  const other = await em.findOne(Member, { memberNo: otherMemberNo });
  if (!other)
    throw new UserError(SUPPORTERS_TEXT.checkInput, 422, {
      memberNo: SUPPORTERS_TEXT.noSuchMemberNo(otherMemberNo || ''),
    });
  if (other.id === self.id) throw new UserError(SUPPORTERS_TEXT.checkInput, 422, { memberNo: SUPPORTERS_TEXT.notSelf });
  if (other.householdId && other.householdId === self.householdId)
    throw new UserError(SUPPORTERS_TEXT.sameHousehold, 409);
  if (other.householdId) throw new UserError(SUPPORTERS_TEXT.inOtherHousehold(other.memberNo), 409);
  return em.transactional(async (tx) => {
    let householdId = self.householdId;
    if (!householdId) {
      const h = tx.create(Household, { sharesAddress: true });
      await tx.flush();
      householdId = h.id;
      Object.assign(self, { householdId, householdRelation: self.householdRelation ?? HEAD });
    }
    if (rel === HEAD) await demoteHead(tx, householdId);
    Object.assign(other, { householdId, householdRelation: rel });
    await tx.flush();
    return getHousehold(tx, householdId);
  });
}

async function demoteHead(em: EntityManager, householdId: number, except?: number): Promise<void> {
  for (const m of await em.find(Member, { householdId, householdRelation: HEAD }))
    if (m.id !== except) m.householdRelation = OTHER_RELATION;
}

export interface HouseholdInput {
  sharesAddress: boolean;
  labelName: string | null;
  note: string | null;
  relations: Map<number, string>;
}

export async function updateHousehold(em: EntityManager, id: number, input: HouseholdInput): Promise<HouseholdView> {
  const view = await getHousehold(em, id);
  const heads = [...input.relations.values()].filter((r) => r === HEAD).length;
  if (heads > 1) throw new UserError(SUPPORTERS_TEXT.checkInput, 422, { relation: SUPPORTERS_TEXT.oneHead });
  for (const m of view.members)
    if (input.relations.has(m.id)) m.householdRelation = relationOf(input.relations.get(m.id)!);
  Object.assign(view.household, { sharesAddress: input.sharesAddress, labelName: input.labelName, note: input.note });
  await em.flush();
  return getHousehold(em, id);
}

/** Takes a member out; a household left with one person is dissolved (a household of one is just a member). */
export async function removeFromHousehold(em: EntityManager, householdId: number, memberId: number): Promise<void> {
  const view = await getHousehold(em, householdId);
  const m = view.members.find((x) => x.id === memberId);
  if (!m) throw new UserError(SUPPORTERS_TEXT.notInHousehold, 404);
  await em.transactional(async (tx) => {
    const rest = view.members.filter((x) => x.id !== memberId);
    const leaving = rest.length <= 1 ? view.members : [m];
    for (const x of leaving) Object.assign(tx.merge(x), { householdId: null, householdRelation: null });
    if (rest.length <= 1) tx.remove(tx.merge(view.household));
    await tx.flush();
  });
}

const ADDRESS_FIELDS = ['postalCode', 'prefecture', 'city', 'address1', 'address2'] as const;

/** Copies the 世帯主's address to everyone in the household; returns how many members changed. */
export async function alignAddresses(em: EntityManager, householdId: number): Promise<number> {
  const { members, head } = await getHousehold(em, householdId);
  if (!head) return 0;
  let changed = 0;
  for (const m of members) {
    if (m.id === head.id || ADDRESS_FIELDS.every((k) => m[k] === head[k])) continue;
    for (const k of ADDRESS_FIELDS) m[k] = head[k];
    m.addressUnknown = head.addressUnknown;
    m.addressUnknownOn = head.addressUnknownOn;
    changed++;
  }
  await em.flush();
  return changed;
}

/** Compared as normalised text, so 新宿１ー２ー３ stored before the rule existed matches 新宿1-2-3. */
export function addressDiffers(a: IMember, b: IMember): boolean {
  return ADDRESS_FIELDS.some((k) => normalizeAddress(a[k] ?? '') !== normalizeAddress(b[k] ?? ''));
}
