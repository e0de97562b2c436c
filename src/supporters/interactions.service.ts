import type { EntityManager } from '../db/orm.js';
import { dayOf } from '../db/raw-values.js';
import { todayInTokyo } from '../lib/dates.js';
import { Member } from '../members/member.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { UserError } from '../web/errors.js';
import { Interaction, type Channel, type IInteraction } from './interaction.entity.js';
import { SUPPORTERS_TEXT } from './ui-text.js';

export interface InteractionInput {
  occurredOn: string;
  occurredTime: string | null;
  staffId: number | null;
  channel: Channel;
  summary: string;
  content: string | null;
  gift: string | null;
  giftThankedOn: string | null;
  followUp: string | null;
  followUpDue: string | null;
  followUpDone: boolean;
}

async function apply(em: EntityManager, i: IInteraction, v: InteractionInput): Promise<void> {
  const staff = v.staffId ? await em.findOne(Staff, { id: v.staffId }) : null;
  if (v.staffId && !staff)
    throw new UserError(SUPPORTERS_TEXT.checkInput, 422, { staffId: SUPPORTERS_TEXT.staffRequired });
  const wasDone = i.followUpDone;
  const { staffId: _ignored, ...fields } = v;
  Object.assign(i, {
    ...fields,
    staff,
    followUpDue: v.followUp ? v.followUpDue : null,
    followUpDone: v.followUp ? v.followUpDone : false,
  });
  if (i.followUpDone && !wasDone) i.followUpDoneOn = todayInTokyo();
  if (!i.followUpDone) i.followUpDoneOn = null;
}

export async function createInteraction(
  em: EntityManager,
  memberId: number,
  v: InteractionInput,
): Promise<IInteraction> {
  const member = await em.findOne(Member, { id: memberId });
  if (!member) throw new UserError(SUPPORTERS_TEXT.memberNotFound, 404);
  const i = em.create(Interaction, {
    member,
    occurredOn: v.occurredOn,
    channel: v.channel,
    summary: v.summary,
  } as IInteraction);
  await apply(em, i, v);
  await em.flush();
  return i;
}

export async function getInteraction(em: EntityManager, id: number): Promise<IInteraction> {
  return em.findOneOrFail(
    Interaction,
    { id },
    { populate: ['member', 'staff'], failHandler: () => new UserError(SUPPORTERS_TEXT.interactionNotFound, 404) },
  );
}

export async function updateInteraction(em: EntityManager, id: number, v: InteractionInput): Promise<IInteraction> {
  const i = await getInteraction(em, id);
  await apply(em, i, v);
  await em.flush();
  return i;
}

export async function markFollowUpDone(em: EntityManager, id: number, on = todayInTokyo()): Promise<IInteraction> {
  const i = await getInteraction(em, id);
  if (!i.followUp) throw new UserError(SUPPORTERS_TEXT.noFollowUp, 409);
  i.followUpDone = true;
  i.followUpDoneOn = on;
  await em.flush();
  return i;
}

/** Records that the gift was thanked for (礼状, call, in person); the gifts list then drops it. */
export async function markGiftThanked(em: EntityManager, id: number, on = todayInTokyo()): Promise<IInteraction> {
  const i = await getInteraction(em, id);
  if (!i.gift) throw new UserError(SUPPORTERS_TEXT.noGift, 409);
  i.giftThankedOn = on;
  await em.flush();
  return i;
}

/** What the member page's timeline shows of a note, read as plain rows (no entities: a long-time supporter has hundreds). */
export interface InteractionLine {
  id: number;
  occurredOn: string;
  occurredTime: string | null;
  channel: string;
  summary: string;
  content: string | null;
  gift: string | null;
  giftThankedOn: string | null;
  followUp: string | null;
  followUpDone: boolean;
  staffName: string | null;
}

/** The member's newest notes (by day, then time, notes without a time after), as plain rows. */
export async function interactionLines(em: EntityManager, memberId: number, limit = 100): Promise<InteractionLine[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select i.id, i.occurred_on, i.occurred_time, i.channel, i.summary, i.content, i.gift, i.gift_thanked_on,
       i.follow_up, i.follow_up_done, s.display_name as staff_name
     from interaction i left join staff s on s.id = i.staff_id
     where i.member_id = ?
     order by i.occurred_on desc, case when i.occurred_time is null then 1 else 0 end, i.occurred_time desc, i.id desc
     limit ?`,
    [memberId, limit],
  );
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return rows.map((r) => ({
    id: Number(r.id),
    occurredOn: dayOf(r.occurred_on),
    occurredTime: text(r.occurred_time),
    channel: String(r.channel),
    summary: String(r.summary),
    content: text(r.content),
    gift: text(r.gift),
    giftThankedOn: r.gift_thanked_on === null || r.gift_thanked_on === undefined ? null : dayOf(r.gift_thanked_on),
    followUp: text(r.follow_up),
    followUpDone: Boolean(r.follow_up_done),
    staffName: text(r.staff_name),
  }));
}

/** A note still waiting for something, as the member page lists it (plain row). */
export interface OpenNote {
  id: number;
  occurredOn: string;
  followUp: string | null;
  followUpDue: string | null;
  gift: string | null;
}

/**
 * The member page's two lists in one query: open follow-ups (in openFollowUps' order) and gifts
 * not yet thanked (in unthankedGifts' order).
 */
export async function openNotesOfMember(
  em: EntityManager,
  memberId: number,
): Promise<{ followUps: OpenNote[]; gifts: OpenNote[] }> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select id, occurred_on, follow_up, follow_up_due, follow_up_done, gift, gift_thanked_on from interaction
     where member_id = ? and ((follow_up is not null and not follow_up_done) or (gift is not null and gift_thanked_on is null))`,
    [memberId],
  );
  const day = (v: unknown) => (v === null || v === undefined ? null : dayOf(v));
  const notes = rows.map((r) => ({
    note: {
      id: Number(r.id),
      occurredOn: dayOf(r.occurred_on),
      followUp: r.follow_up === null ? null : String(r.follow_up),
      followUpDue: day(r.follow_up_due),
      gift: r.gift === null ? null : String(r.gift),
    },
    followUpOpen: r.follow_up !== null && !r.follow_up_done,
    giftOpen: r.gift !== null && r.gift_thanked_on === null,
  }));
  const waiting = (n: OpenNote) => `${n.followUpDue ?? n.occurredOn}|${n.occurredOn}|${String(n.id).padStart(10, '0')}`;
  const received = (n: OpenNote) => `${n.occurredOn}|${String(n.id).padStart(10, '0')}`;
  return {
    followUps: notes
      .filter((n) => n.followUpOpen)
      .map((n) => n.note)
      .sort((a, b) => (waiting(a) < waiting(b) ? -1 : 1)),
    gifts: notes
      .filter((n) => n.giftOpen)
      .map((n) => n.note)
      .sort((a, b) => (received(a) < received(b) ? -1 : 1)),
  };
}

/** Open follow-ups, the longest waiting first (by due date when set, else by the day of the talk). */
export async function openFollowUps(em: EntityManager, memberId?: number): Promise<IInteraction[]> {
  const rows = await em.find(
    Interaction,
    { followUp: { $ne: null }, followUpDone: false, ...(memberId ? { member: memberId } : {}) },
    { populate: ['member', 'staff'] },
  );
  const key = (i: IInteraction) => `${i.followUpDue ?? i.occurredOn}|${i.occurredOn}|${String(i.id).padStart(10, '0')}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

/** Gifts received with no recorded thank-you, oldest first. */
export function unthankedGifts(em: EntityManager, memberId?: number): Promise<IInteraction[]> {
  return em.find(
    Interaction,
    { gift: { $ne: null }, giftThankedOn: null, ...(memberId ? { member: memberId } : {}) },
    { populate: ['member', 'staff'], orderBy: { occurredOn: 'asc', id: 'asc' } },
  );
}

/** Active staff for the 担当 select, plus the one already on the record if their account was closed since. */
export function staffChoices(em: EntityManager, keepId?: number | null) {
  return em.find(Staff, keepId ? { $or: [{ active: true }, { id: keepId }] } : { active: true }, {
    orderBy: { displayName: 'asc' },
  });
}
