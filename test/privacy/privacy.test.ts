import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import t from 'tap';
import type { EntityManager } from '../../src/db/orm.js';
import { onPostgres } from '../../src/db/write-lock.js';
import { parseMember } from '../../src/members/member.form.js';
import { getMember, updateMember } from '../../src/members/member.service.js';
import { anonymisedChanges } from '../../src/privacy/personal-data.service.js';
import { issueReceiptFor } from '../../src/receipts/receipt.service.js';
import { createInteraction } from '../../src/supporters/interactions.service.js';
import { build, loggedIn } from '../helper.js';
import { asTest, ledger } from '../receipts/fixtures.js';

const SECRET_NOTE = '膝の手術で入院中とのこと';
const EMAIL = 'yamada.taro@example.jp';

/** 山田 太郎 with dues, a gift, a receipt, an interaction and an edited phone and e-mail. */
async function scenario(em: () => EntityManager) {
  const l = await ledger(em);
  const receipt = await asTest(() => issueReceiptFor(em(), { paymentId: l.p1.id }, '2026-04-15'));
  await asTest(() =>
    createInteraction(em(), l.yamada.id, {
      occurredOn: '2026-05-01',
      occurredTime: null,
      staffId: null,
      channel: '電話',
      summary: '山田さんから電話',
      content: SECRET_NOTE,
      gift: null,
      giftThankedOn: null,
      followUp: null,
      followUpDue: null,
      followUpDone: false,
    }),
  );
  const { value, errors } = parseMember({
    kind: 'individual',
    memberTypeId: '1',
    mailPreference: 'post',
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'ヤマダ',
    givenKana: 'タロウ',
    postalCode: '100-0001',
    prefecture: '東京都',
    city: '千代田区',
    address1: '千代田1-1-1',
    address2: 'エニシマンション101',
    phone: '090-1111-2222',
    email: EMAIL,
    birthDate: '1960-02-03',
    notes: '山田様は午前中に連絡',
  });
  t.same(errors, {});
  const m = await asTest(() => updateMember(em(), l.yamada.id, value));
  const kanaKey = String((await getMember(em(), m.id)).kanaKey);
  return { ...l, receipt, kanaKey };
}

/** Every table's every row as text (JSON), for "is this value anywhere in the database". */
async function dumpAll(em: EntityManager): Promise<string> {
  const conn = em.getConnection();
  const tables = onPostgres(em)
    ? (
        await conn.execute<{ name: string }[]>(
          "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
        )
      ).map((r) => r.name)
    : (
        await conn.execute<{ name: string }[]>(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
        )
      ).map((r) => r.name);
  const parts: string[] = [];
  // A session's last-seen time moves on every request: not data about anyone.
  for (const table of tables.filter((n) => n !== 'staff_session')) {
    const rows = await conn.execute<Record<string, unknown>[]>(`select * from ${table} order by 1`);
    parts.push(`## ${table}\n${JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`);
  }
  return parts.join('\n');
}

async function moneyFacts(em: EntityManager, memberId: number) {
  const conn = em.getConnection();
  const q = (sql: string) => conn.execute<Record<string, unknown>[]>(sql, [memberId]);
  const norm = (rows: Record<string, unknown>[]) =>
    JSON.parse(JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
  return norm([
    ...(await q(
      'select count(*) as n, sum(amount) as total, sum(allocated_amount) as allocated from payment where member_id = ?',
    )),
    ...(await q('select id, received_on, amount, fee, method, status from payment where member_id = ? order by id')),
    ...(await q(
      'select invoice_no, amount, paid_amount, status, fiscal_year from invoice where member_id = ? order by id',
    )),
    ...(await q(
      'select number, amount, received_on, issued_on, status from receipt where member_id = ? order by number',
    )),
    ...(await q('select id, amount, received_on, status from donation where member_id = ? order by id')),
    ...(await q(
      'select a.id, a.amount, a.invoice_id, a.payment_id from allocation a join payment p on p.id = a.payment_id where p.member_id = ? order by a.id',
    )),
  ]);
}

t.test('staff and viewers get 403 on the personal-information page, the export and the erasure', async (t) => {
  const { app, em } = await build(t);
  const { yamada } = await ledger(em);
  for (const role of ['staff', 'viewer'] as const) {
    const c = await loggedIn(app, role);
    t.equal((await c.get(`/members/${yamada.id}/privacy`)).statusCode, 403, `${role}: page`);
    t.equal((await c.post(`/members/${yamada.id}/privacy/export`)).statusCode, 403, `${role}: export`);
    t.equal(
      (await c.post(`/members/${yamada.id}/privacy/erase`, { confirmNo: String(yamada.memberNo) })).statusCode,
      403,
      `${role}: erase`,
    );
  }
  t.equal((await getMember(em(), yamada.id)).familyName, '山田', 'nothing was erased');
});

t.test(
  'the export is one ZIP of CSVs and the receipts PDF holding the member’s data, and it is in the change log',
  async (t) => {
    const { app, em } = await build(t);
    const s = await scenario(em);
    const admin = await loggedIn(app, 'admin');
    const page = await admin.get(`/members/${s.yamada.id}/privacy`);
    t.equal(page.statusCode, 200);
    t.match(page.body, '削除済み会員 No.');
    t.match(page.body, '変更履歴に残っている氏名・住所などの値も「（削除済み）」に置き換えます');

    const res = await admin.post(`/members/${s.yamada.id}/privacy/export`);
    t.equal(res.statusCode, 200);
    t.equal(res.headers['content-type'], 'application/zip');
    t.match(String(res.headers['content-disposition']), /filename\*=UTF-8''/);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    for (const f of [
      'member.csv',
      'skills.csv',
      'roles.csv',
      'household.csv',
      'interactions.csv',
      'invoices.csv',
      'payments.csv',
      'allocations.csv',
      'donations.csv',
      'receipts.csv',
      'certificates.csv',
      'letters_sent.csv',
      'mailings_received.csv',
      'audit_log.csv',
      'receipts.pdf',
    ])
      t.ok(files[f], `${f} is in the ZIP`);
    const text = (f: string) => strFromU8(files[f]!);
    t.same([...files['member.csv']!.slice(0, 3)], [0xef, 0xbb, 0xbf], 'CSV is UTF-8 with BOM');
    t.match(text('member.csv'), '山田');
    t.match(text('member.csv'), EMAIL);
    t.match(text('interactions.csv'), SECRET_NOTE);
    t.match(text('payments.csv'), '7000');
    t.match(text('receipts.csv'), s.receipt.number);
    t.match(text('invoices.csv'), '5000');
    t.match(text('audit_log.csv'), '090-1111-2222', 'the change-log rows about the member are included');
    t.notMatch(text('payments.csv'), '3000', 'another member’s payment is not in the file');

    const dir = mkdtempSync(join(tmpdir(), 'enishi-privacy-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'r.pdf'), files['receipts.pdf']!);
    const pdf = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    t.match(pdf, s.receipt.number, 'the receipt PDF shows its number');
    t.match(pdf, '山田太郎');

    const log = await admin.get(`/audit?entity=Member&id=${s.yamada.id}`);
    t.match(log.body, '個人データの書き出し', 'the export is in the change log');
  },
);

t.test(
  'erasure anonymises personal fields everywhere, keeps the money records, and is shown on the member page and change log',
  async (t) => {
    const { app, em } = await build(t);
    const s = await scenario(em);
    const admin = await loggedIn(app, 'admin');
    t.match(
      (await admin.get('/members?q=' + encodeURIComponent('山田'))).body,
      `/members/${s.yamada.id}"`,
      'found before',
    );
    const before = await moneyFacts(em(), s.yamada.id);
    const dumpBefore = await dumpAll(em());
    for (const needle of ['山田', SECRET_NOTE, EMAIL, 'エニシマンション', '千代田1-1-1', s.kanaKey])
      t.match(dumpBefore, needle, `the dump holds ${needle} before`);

    await admin.get(`/members/${s.yamada.id}/privacy`);
    const res = await admin.post(`/members/${s.yamada.id}/privacy/erase`, { confirmNo: String(s.yamada.memberNo) });
    t.equal(res.statusCode, 303);

    t.same(
      await moneyFacts(em(), s.yamada.id),
      before,
      'payments, invoices, receipts, donations and allocations are identical',
    );
    const dumpAfter = await dumpAll(em());
    for (const needle of ['山田', SECRET_NOTE, EMAIL, 'エニシマンション', '千代田1-1-1', '090-1111-2222', s.kanaKey])
      t.notMatch(dumpAfter, needle, `${needle} is nowhere in the database`);
    t.match(dumpAfter, '髙橋', 'other members are untouched');

    const m = await getMember(em(), s.yamada.id);
    t.equal(m.familyName, '削除済み会員');
    t.equal(m.givenName, `No.${s.yamada.memberNo}`);
    t.equal(m.status, 'withdrawn');
    t.equal(m.email, null);
    t.equal(m.birthDate, null);

    const show = await admin.get(`/members/${s.yamada.id}`);
    t.match(show.body, `削除済み会員 No.${s.yamada.memberNo}`);
    t.match(show.body, '個人情報の削除', 'the member page’s change log shows the erasure');
    const log = await admin.get(`/audit?entity=Member&id=${s.yamada.id}`);
    t.match(log.body, '個人情報の削除');
    t.match(log.body, 'admin', 'who erased is recorded');
    t.notMatch(
      (await admin.get('/members?q=' + encodeURIComponent('山田'))).body,
      `/members/${s.yamada.id}"`,
      'search no longer finds the old name',
    );
    t.notMatch(
      (await admin.get('/members?q=' + encodeURIComponent('ヤマダ'))).body,
      `/members/${s.yamada.id}"`,
      'nor the old kana',
    );
    t.match(
      (await admin.get('/members?status=all&q=' + encodeURIComponent('削除済み'))).body,
      `/members/${s.yamada.id}"`,
    );
  },
);

t.test('a wrong confirmation number changes nothing and says so (422)', async (t) => {
  const { app, em } = await build(t);
  const s = await scenario(em);
  const admin = await loggedIn(app, 'admin');
  await admin.get(`/members/${s.yamada.id}/privacy`);
  const before = await dumpAll(em());
  for (const wrong of [String(s.yamada.memberNo + 1), '', 'abc']) {
    const res = await admin.post(`/members/${s.yamada.id}/privacy/erase`, { confirmNo: wrong });
    t.equal(res.statusCode, 422, `confirmNo ${JSON.stringify(wrong)}`);
    t.match(res.body, '確認のための会員番号が一致しません');
  }
  t.equal(await dumpAll(em()), before, 'the database is unchanged');
});

t.test('old change-log values are anonymised by field name and by the member’s strings', async (t) => {
  const needles = ['山田', 'ヤマダ'];
  t.same(
    anonymisedChanges(
      {
        familyName: ['山田', '山本'],
        phone: [null, '090'],
        amount: [null, 5000],
        payerName: ['', 'x'],
        description: ['山田 様の会費', null],
        status: ['active', 'withdrawn'],
      },
      needles,
    ),
    {
      familyName: ['（削除済み）', '（削除済み）'],
      phone: [null, '（削除済み）'],
      amount: [null, 5000],
      payerName: ['', '（削除済み）'],
      description: ['（削除済み）', null],
      status: ['active', 'withdrawn'],
    },
  );
});
