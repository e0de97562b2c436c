import t from 'tap';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { importMembers } from '../../src/members/import/import.service.js';
import { withdrawMember } from '../../src/members/member.service.js';
import {
  chosenColumns,
  DEFAULT_EXPORT_KEYS,
  memberCsv,
  type ExportRow,
} from '../../src/members/export/export-columns.js';
import { exportMembers, filteredMemberIds } from '../../src/members/export/export.service.js';
import { searchMembers } from '../../src/members/member-search.js';
import { seedDefaults } from '../../src/seed.js';
import { build, loggedIn } from '../helper.js';
import { addMember, asTest } from '../supporters/fixtures.js';

const SJIS_FILE = readFileSync(new URL('../fixtures/members-sjis.csv', import.meta.url));

async function setup(t: Parameters<typeof build>[0]) {
  const { app, em } = await build(t);
  await seedDefaults(em());
  await asTest(() => importMembers(em(), SJIS_FILE));
  await addMember(em(), {
    kind: 'organization',
    orgName: '株式会社 縁, 東京支店',
    orgKana: 'エニシ',
    contactPerson: '田中 "一郎"',
    memberTypeId: '2',
    notes: '1行目\n2行目',
    prefecture: '東京都',
    city: '千代田区',
    address1: '丸の内1-1',
    mailPreference: 'email',
    email: 'info@example.jp',
  });
  const gone = await addMember(em(), {
    familyName: '佐藤',
    givenName: '次郎',
    familyKana: 'サトウ',
    givenKana: 'ジロウ',
    joinedOn: '2020-04-01',
    birthDate: '1970-01-02',
    phone: '090-1111-2222',
  });
  await asTest(() => withdrawMember(em(), gone.id, { date: '2026-03-31', reason: '転居' }));
  return { app, em };
}

t.test(
  'an export of every member re-imports through the member import without changes, in both encodings',
  async (t) => {
    const { em } = await setup(t);
    for (const encoding of ['utf-8-bom', 'cp932'] as const) {
      const { bytes, count } = await exportMembers(em(), { filter: { status: 'all' }, columns: [], encoding });
      t.equal(count, 5);
      const plan = (await asTest(() => importMembers(em(), bytes, { dryRun: true }))).plan;
      t.same(plan.counts, { new: 0, update: 0, unchanged: 5, error: 0 }, `${encoding}: nothing would change`);
      t.same(plan.fileErrors, []);
      t.equal(plan.encoding, encoding);
    }
    const withFull = await exportMembers(em(), {
      filter: { status: 'all' },
      columns: ['memberNo', 'fullName', 'fullKana', 'memberType', 'skills', 'status'],
      encoding: 'cp932',
    });
    t.same(
      (await asTest(() => importMembers(em(), withFull.bytes, { dryRun: true }))).plan.counts,
      { new: 0, update: 0, unchanged: 5, error: 0 },
      '氏名・フリガナ in one column each, and a read-only 状態 column',
    );
  },
);

t.test('the export is filtered like the member list, in its order', async (t) => {
  const { em } = await setup(t);
  const cases = [
    {},
    { q: 'たかはし' },
    { status: 'withdrawn' as const },
    { memberTypeId: 2 },
    { q: '03' },
    { sort: 'memberNo' as const },
  ];
  for (const f of cases) {
    const list = await searchMembers(em(), { ...f, perPage: 500 });
    t.same(
      await filteredMemberIds(em(), f),
      list.items.map((i) => i.id),
      JSON.stringify(f),
    );
  }
  const only = await exportMembers(em(), {
    filter: { q: 'たかはし' },
    columns: ['memberNo', 'familyName'],
    encoding: 'utf-8-bom',
  });
  t.equal(only.bytes.toString('utf8'), '\uFEFF会員番号,姓\r\n102,髙橋\r\n');
});

t.test("chosen columns keep the form's order; unknown or none give the default set", async (t) => {
  t.same(
    chosenColumns(['email', 'memberNo', 'bogus']).map((c) => c.header),
    ['会員番号', 'メールアドレス'],
  );
  t.same(
    chosenColumns([]).map((c) => c.key),
    DEFAULT_EXPORT_KEYS,
  );
  t.notOk(DEFAULT_EXPORT_KEYS.includes('fullName'), 'names split by default');
});

t.test('cells with commas, quotes and line breaks are quoted; Shift_JIS keeps 髙 and ①', async (t) => {
  const row = {
    member_no: 7,
    kind: 'individual',
    status: 'active',
    family_name: '髙橋',
    given_name: null,
    family_kana: 'タカハシ',
    given_kana: null,
    org_name: null,
    org_kana: null,
    contact_person: null,
    type_name: '正会員',
    postal_code: null,
    prefecture: null,
    city: null,
    address1: null,
    address2: null,
    phone: null,
    mobile: null,
    email: null,
    birth_date: null,
    joined_on: null,
    withdrawn_on: null,
    mail_preference: 'post',
    notes: '①a,"b"\nc',
    skills: ['会計', '翻訳'],
  } as ExportRow;
  const cols = chosenColumns(['memberNo', 'familyName', 'notes', 'skills']);
  const text = iconv.decode(memberCsv([row], cols, 'cp932'), 'cp932');
  t.equal(text, '会員番号,姓,協力できる分野,備考\r\n7,髙橋,会計、翻訳,"①a,""b""\nc"\r\n');
});

t.test('the export page and download: staff only, chosen columns, Shift_JIS on request', async (t) => {
  const { app } = await setup(t);
  const staff = await loggedIn(app, 'staff');
  const form = await staff.get('/members/export?status=all');
  t.equal(form.statusCode, 200);
  t.match(form.body, 'name="columns" value="memberNo" checked');
  const res = await staff.get(
    '/members/export.csv?status=all&encoding=cp932&columns=memberNo&columns=familyName&sort=memberNo',
  );
  t.equal(res.statusCode, 200);
  t.match(String(res.headers['content-type']), 'shift_jis');
  const lines = iconv.decode(res.rawPayload, 'cp932').split('\r\n');
  t.same(lines.slice(0, 3), ['会員番号,姓', '101,山田', '102,髙橋']);
  const list = await staff.get('/members');
  t.match(list.body, 'href="/members/export?');
  const viewer = await loggedIn(app, 'viewer');
  t.equal((await viewer.get('/members/export.csv')).statusCode, 403);
});
