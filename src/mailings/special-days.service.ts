import { pipeline } from 'node:stream/promises';
import { drawTable } from '../documents/table.pdf.js';
import type { EntityManager } from '../db/orm.js';
import { todayInTokyo } from '../lib/dates.js';
import { displayNameOfRow } from '../members/member.model.js';
import { birthdayOf, isDormant, lastContact, monthsBefore, sortBirthdays, type LastContacts } from './special-days.js';
import { segmentQuery } from './segment-query.js';
import { queryContext } from './segments.service.js';
import { SPECIAL_DAYS } from './ui-text.js';

export interface BirthdayEntry {
  id: number;
  memberNo: number;
  name: string;
  birthDate: string;
  day: number;
  turns: number;
  postalCode: string;
  address: string;
  phone: string;
}

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
// Dates are cast to text so SQLite and PostgreSQL both give 'YYYY-MM-DD' strings.
const day = (col: string) => `cast(${col} as varchar(10))`;

/** Members (not withdrawn) whose birthday is in the month, by day; with the age they reach this year. */
export async function birthdayList(em: EntityManager, month: number, today = todayInTokyo()): Promise<BirthdayEntry[]> {
  const knex = em.getKnex();
  const q = segmentQuery(knex, { birthMonth: month }, await queryContext(em, today))
    .where('m.status', 'active')
    .select(
      'm.id',
      'm.member_no',
      'm.kind',
      'm.family_name',
      'm.given_name',
      'm.org_name',
      'm.postal_code',
      'm.prefecture',
      'm.city',
      'm.address1',
      'm.phone',
      'm.mobile',
      knex.raw(`${day('m.birth_date')} as birth`),
    );
  const rows = (await em.execute<Record<string, unknown>[]>(q)).map((r) => ({
    r,
    memberNo: Number(r.member_no),
    birthDate: s(r.birth),
  }));
  const year = Number(today.slice(0, 4));
  return sortBirthdays(rows)
    .map(({ r, memberNo, birthDate }) => ({
      id: Number(r.id),
      memberNo,
      name: displayNameOfRow(r),
      birthDate,
      ...birthdayOf(birthDate, year),
      postalCode: s(r.postal_code),
      address: `${s(r.prefecture)}${s(r.city)}${s(r.address1)}`,
      phone: s(r.mobile) || s(r.phone),
    }))
    .map(({ month: _m, ...e }) => e);
}

export interface DormantEntry extends LastContacts {
  id: number;
  memberNo: number;
  name: string;
  joinedOn: string | null;
  last: string | null;
  phone: string;
  email: string;
}

/** Active members with no payment, gift, attendance or record since `months` months ago, longest silent first. */
export async function dormantList(
  em: EntityManager,
  months: number,
  today = todayInTokyo(),
): Promise<{ cutoff: string; entries: DormantEntry[] }> {
  const cutoff = monthsBefore(today, months);
  const rows = await em.execute<Record<string, unknown>[]>(
    `select m.id, m.member_no, m.kind, m.family_name, m.given_name, m.org_name, m.phone, m.mobile, m.email,
      ${day('m.joined_on')} as joined_on,
      (select ${day('max(p.received_on)')} from payment p where p.member_id = m.id and p.status = ?) as paid_on,
      (select ${day('max(d.received_on)')} from donation d where d.member_id = m.id and d.status = ?) as donated_on,
      (select ${day('max(a.starts_on)')} from participation pa join activity a on a.id = pa.activity_id where pa.member_id = m.id and pa.status = ?) as attended_on,
      (select ${day('max(i.occurred_on)')} from interaction i where i.member_id = m.id) as recorded_on
    from member m where m.status = ? order by m.member_no`,
    ['active', 'active', 'took_part', 'active'],
  );
  const entries: DormantEntry[] = [];
  for (const r of rows) {
    const c = {
      paidOn: s(r.paid_on) || null,
      donatedOn: s(r.donated_on) || null,
      attendedOn: s(r.attended_on) || null,
      recordedOn: s(r.recorded_on) || null,
    };
    const joinedOn = s(r.joined_on) || null;
    if (!isDormant(c, joinedOn, cutoff)) continue;
    entries.push({
      id: Number(r.id),
      memberNo: Number(r.member_no),
      name: displayNameOfRow(r),
      joinedOn,
      ...c,
      last: lastContact(c),
      phone: s(r.mobile) || s(r.phone),
      email: s(r.email),
    });
  }
  entries.sort((a, b) =>
    (a.last ?? '') < (b.last ?? '') ? -1 : (a.last ?? '') > (b.last ?? '') ? 1 : a.memberNo - b.memberNo,
  );
  return { cutoff, entries };
}

const dash = (d: string | null) => d ?? '—';

/** The month's 誕生日 list as a printable table (A4). */
export async function birthdayListDoc(
  em: EntityManager,
  month: number,
  today = todayInTokyo(),
): Promise<PDFKit.PDFDocument> {
  const rows = (await birthdayList(em, month, today)).map((b) => [
    SPECIAL_DAYS.day(b.day),
    String(b.memberNo),
    b.name,
    SPECIAL_DAYS.age(b.turns),
    b.postalCode,
    b.address,
    b.phone,
  ]);
  return drawTable({
    title: SPECIAL_DAYS.birthdaysTitle(month),
    subtitle: SPECIAL_DAYS.birthdaysSubtitle(today.slice(0, 4), rows.length),
    columns: SPECIAL_DAYS.birthdayColumns,
    rows,
  });
}

/** 休眠 supporters (nothing for `months` months) as a printable table (A4). */
export async function dormantListDoc(
  em: EntityManager,
  months: number,
  today = todayInTokyo(),
): Promise<PDFKit.PDFDocument> {
  const { cutoff, entries } = await dormantList(em, months, today);
  return drawTable({
    title: SPECIAL_DAYS.dormantTitle,
    subtitle: SPECIAL_DAYS.dormantSubtitle(cutoff, entries.length),
    columns: SPECIAL_DAYS.dormantColumns,
    rows: entries.map((d) => [
      String(d.memberNo),
      d.name,
      dash(d.paidOn),
      dash(d.donatedOn),
      dash(d.attendedOn),
      dash(d.recordedOn),
      d.phone,
    ]),
  });
}

/** Ends a drawn document into `out` and waits until it is written. */
export async function writeDoc(doc: PDFKit.PDFDocument, out: NodeJS.WritableStream): Promise<void> {
  const done = pipeline(doc, out);
  doc.end();
  await done;
}
