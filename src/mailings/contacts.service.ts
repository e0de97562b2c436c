/**
 * 不達・配信停止: staff mark an e-mail address as bounced or opted out (and undo it). Every member
 * with that address is marked, through the ORM so each change is in the change log. E-mail
 * mailings then leave them out with the reason (segment-query.ts reads mailing_contact).
 */
import type { EntityManager } from '../db/orm.js';
import { normalizeEmail } from '../lib/email.js';
import { todayInTokyo } from '../lib/dates.js';
import { Member } from '../members/member.entity.js';
import { NotFoundError, UserError } from '../web/errors.js';
import type { FormBody } from '../web/forms.js';
import { MailingContact, type IMailingContact } from './mailing-contact.entity.js';
import type { Parsed } from './segment-filter.js';
import { CONTACT_TEXT } from './ui-text.js';

export type ContactMark = 'bounced' | 'opted_out';
export interface MarkInput {
  email: string;
  mark: ContactMark;
  reason: string;
}

/** The form: an address (full-width allowed), bounced or opted out, and a reason (required for a bounce). */
export function parseMark(body: FormBody): Parsed<MarkInput> {
  const one = (k: string) => String((Array.isArray(body[k]) ? body[k]![0] : body[k]) ?? '').trim();
  const errors: Record<string, string> = {};
  const email = normalizeEmail(one('email'));
  if (!email) errors.email = CONTACT_TEXT.badEmail;
  const mark = one('mark') as ContactMark;
  if (mark !== 'bounced' && mark !== 'opted_out') errors.mark = CONTACT_TEXT.badMark;
  const reason = one('reason').normalize('NFKC');
  if ([...reason].length > 400) errors.reason = CONTACT_TEXT.reasonTooLong;
  else if (mark === 'bounced' && !reason) errors.reason = CONTACT_TEXT.reasonNeeded;
  if (Object.keys(errors).length) return { errors };
  return { value: { email: email!, mark, reason } };
}

async function contactOf(em: EntityManager, memberId: number): Promise<IMailingContact> {
  const found = await em.findOne(MailingContact, { member: memberId });
  return found ?? em.create(MailingContact, { member: memberId, emailOptedOut: false });
}

/** Marks every member whose address is `email`; refuses when no member has it. Returns their ids. */
export async function markAddress(em: EntityManager, input: MarkInput, today = todayInTokyo()): Promise<number[]> {
  return em.transactional(async (tx) => {
    const members = await tx.find(Member, { email: input.email }, { orderBy: { memberNo: 'asc' } });
    if (!members.length)
      throw new UserError(CONTACT_TEXT.noMember(input.email), 422, { email: CONTACT_TEXT.noMember(input.email) });
    for (const m of members) {
      const c = await contactOf(tx, m.id);
      if (input.mark === 'bounced') {
        c.bouncedEmail = input.email;
        c.bouncedOn = today;
        c.bounceReason = input.reason;
      } else {
        c.emailOptedOut = true;
        c.optedOutOn = today;
        c.optOutReason = input.reason || null;
      }
    }
    await tx.flush();
    return members.map((m) => m.id);
  });
}

/** Undoes one member's bounce or opt-out (the address is mailed again). */
export async function undoMark(em: EntityManager, memberId: number, mark: ContactMark): Promise<void> {
  const c = await em.findOne(MailingContact, { member: memberId });
  if (!c) throw new NotFoundError(CONTACT_TEXT.notMarked);
  if (mark === 'bounced') {
    if (!c.bouncedEmail) throw new NotFoundError(CONTACT_TEXT.notMarked);
    c.bouncedEmail = null;
    c.bouncedOn = null;
    c.bounceReason = null;
  } else {
    if (!c.emailOptedOut) throw new NotFoundError(CONTACT_TEXT.notMarked);
    c.emailOptedOut = false;
    c.optedOutOn = null;
    c.optOutReason = null;
  }
  await em.flush();
}

export interface MarkedRow {
  memberId: number;
  memberNo: number;
  name: string;
  email: string;
  mark: ContactMark;
  on: string | null;
  reason: string | null;
  /** A bounce of an address the member no longer has (no longer excludes them). */
  stale: boolean;
}

/** Every bounced or opted-out member, newest first. */
export async function markedList(em: EntityManager): Promise<MarkedRow[]> {
  const rows = await em.find(
    MailingContact,
    { $or: [{ bouncedEmail: { $ne: null } }, { emailOptedOut: true }] },
    { populate: ['member'] },
  );
  const out: MarkedRow[] = [];
  for (const c of rows) {
    const m = c.member;
    const name = m.kind === 'organization' ? (m.orgName ?? '') : [m.familyName, m.givenName].filter(Boolean).join(' ');
    const base = { memberId: m.id, memberNo: m.memberNo, name };
    if (c.bouncedEmail)
      out.push({
        ...base,
        email: c.bouncedEmail,
        mark: 'bounced',
        on: c.bouncedOn ? String(c.bouncedOn) : null,
        reason: c.bounceReason ?? null,
        stale: c.bouncedEmail !== m.email,
      });
    if (c.emailOptedOut)
      out.push({
        ...base,
        email: m.email ?? '',
        mark: 'opted_out',
        on: c.optedOutOn ? String(c.optedOutOn) : null,
        reason: c.optOutReason ?? null,
        stale: false,
      });
  }
  return out.sort((a, b) => (b.on ?? '').localeCompare(a.on ?? '') || a.memberNo - b.memberNo);
}
