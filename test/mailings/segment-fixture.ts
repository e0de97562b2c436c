import type { EntityManager } from '../../src/db/orm.js';
import { insertRow, insertSeeds, invoiceRow } from './fixtures.js';

/**
 * Seven members covering every criterion (today 2026-06-15, 年度 2026):
 * 1 正会員 新宿 paid 理事 会計 donated 5,000 took part in A, born April;
 * 2 賛助 横浜市中区 unpaid, 理事 ended, 翻訳, donated 1,000 in 2025, declined A, no e-mail, born December;
 * 3 organisation 横浜市西区 partial, ボランティア from July, donated 3,000 + 3,000, 郵送物 不要;
 * 4 withdrawn 大阪 (voided paid invoice, reversed donation), born April;
 * 5 八王子 宛先不明, bounced, took part in B; 6 新宿 waived, opted out; 7 no postal code, an old address bounced.
 */
export async function segmentFixture(em: EntityManager) {
  const ids = await insertSeeds(em, [
    {
      no: 1,
      family: '山田',
      given: '一郎',
      postal: '160-0022',
      city: '新宿区',
      email: 'a@example.jp',
      birth: '1970-04-10',
      joined: '2019-05-01',
    },
    {
      no: 2,
      family: '佐藤',
      given: '二郎',
      type: '賛助会員',
      postal: '231-0001',
      pref: '神奈川県',
      city: '横浜市中区',
      email: null,
      birth: '1985-12-01',
      joined: '2023-01-10',
      mail: 'email',
    },
    {
      no: 3,
      kind: 'organization',
      org: '株式会社みどり',
      postal: '220-0011',
      pref: '神奈川県',
      city: '横浜市西区',
      email: 'c@example.jp',
      joined: '2018-06-01',
      mail: 'none',
    },
    {
      no: 4,
      family: '鈴木',
      given: '四郎',
      status: 'withdrawn',
      postal: '530-0001',
      pref: '大阪府',
      city: '大阪市北区',
      email: 'd@example.jp',
      birth: '1990-04-30',
      joined: '2015-04-01',
    },
    {
      no: 5,
      family: '田中',
      given: '五郎',
      postal: '192-0001',
      city: '八王子市',
      email: 'e@example.jp',
      unknown: true,
      joined: '2021-09-09',
      mail: 'email',
    },
    {
      no: 6,
      family: '高橋',
      given: '六郎',
      postal: '160-0023',
      city: '新宿区',
      email: 'f@example.jp',
      joined: '2026-04-01',
    },
    { no: 7, family: '伊藤', given: '七郎', postal: null, email: 'g@example.jp', joined: '2020-04-01' },
  ]);
  const id = (no: number) => ids.get(no)!;
  const knex = em.getKnex();
  const roles = new Map(
    (await knex('supporter_role').select('id', 'name')).map((r: { id: number; name: string }) => [
      r.name,
      Number(r.id),
    ]),
  );
  const skills = new Map(
    (await knex('skill').select('id', 'name')).map((r: { id: number; name: string }) => [r.name, Number(r.id)]),
  );
  let n = 0;
  const invoice = (no: number, fy: number, status: string, voided = false) =>
    insertRow(em, 'invoice', { ...invoiceRow(id(no), fy, status, ++n), voided });
  await invoice(1, 2026, 'paid');
  await invoice(2, 2026, 'unpaid');
  await invoice(3, 2026, 'partial');
  await invoice(3, 2025, 'paid');
  await invoice(4, 2026, 'paid', true);
  await invoice(6, 2026, 'waived');
  await invoice(6, 2025, 'unpaid');
  const role = (no: number, name: string, from: string, to: string | null) =>
    insertRow(em, 'member_role', { member_id: id(no), role_id: roles.get(name), started_on: from, ended_on: to });
  await role(1, '理事', '2024-06-01', null);
  await role(2, '理事', '2022-06-01', '2025-05-31');
  await role(3, 'ボランティア', '2026-07-01', null);
  await insertRow(em, 'member_skill', { member_id: id(1), skill_id: skills.get('会計') });
  await insertRow(em, 'member_skill', { member_id: id(2), skill_id: skills.get('翻訳') });
  const donation = (no: number, on: string, amount: number, status = 'active') =>
    insertRow(em, 'donation', {
      member_id: id(no),
      received_on: on,
      amount,
      method: 'cash',
      status,
      thank_status: 'none',
    });
  await donation(1, '2026-05-01', 5000);
  await donation(2, '2025-12-01', 1000);
  await donation(3, '2026-04-10', 3000);
  await donation(3, '2026-04-20', 3000);
  await donation(4, '2026-05-05', 10000, 'reversed');
  const activityA = await insertRow(em, 'activity', { title: '夏祭り', starts_on: '2026-05-10', skill_ids: '[]' });
  const activityB = await insertRow(em, 'activity', { title: '清掃', starts_on: '2026-05-20', skill_ids: '[]' });
  await insertRow(em, 'participation', { activity_id: activityA, member_id: id(1), status: 'took_part' });
  await insertRow(em, 'participation', { activity_id: activityA, member_id: id(2), status: 'declined' });
  await insertRow(em, 'participation', { activity_id: activityB, member_id: id(5), status: 'took_part' });
  await insertRow(em, 'mailing_contact', {
    member_id: id(5),
    bounced_email: 'e@example.jp',
    bounced_on: '2026-05-01',
    email_opted_out: false,
  });
  await insertRow(em, 'mailing_contact', { member_id: id(6), email_opted_out: true, opted_out_on: '2026-05-01' });
  await insertRow(em, 'mailing_contact', {
    member_id: id(7),
    bounced_email: 'old@example.jp',
    bounced_on: '2025-05-01',
    email_opted_out: false,
  });
  const types = new Map(
    (await knex('member_type').select('id', 'name')).map((r: { id: number; name: string }) => [r.name, Number(r.id)]),
  );
  return { ids, roles, skills, types, activityA, activityB };
}
