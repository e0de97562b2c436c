import t from 'tap';
import { MemberRole } from '../../src/supporters/member-role.entity.js';
import { SupporterRole } from '../../src/supporters/supporter-role.entity.js';
import { Skill } from '../../src/members/skills/skill.entity.js';
import { build, loggedIn } from '../helper.js';
import { addMember } from './fixtures.js';

t.test('the seeded roles and skills are there, and staff add and rename entries while viewers cannot', async (t) => {
  const { app, em } = await build(t);
  t.same(
    (await em().find(SupporterRole, {}, { orderBy: { sortOrder: 'asc' } })).map((r) => r.name),
    ['理事', '監事', '事務局長', '寄付者', 'ボランティア', '協力団体'],
  );
  t.ok((await em().findOneOrFail(SupporterRole, { name: '理事' })).officer, '理事 is on the 役員名簿');
  t.ok(await em().findOne(Skill, { name: '広報・デザイン' }));
  const c = await loggedIn(app, 'staff');
  t.equal((await c.post('/supporters/roles', { name: '顧問', officer: '1', sortOrder: '4' })).statusCode, 303);
  t.ok((await em().findOneOrFail(SupporterRole, { name: '顧問' })).officer);
  const dup = await c.post('/supporters/skills', { name: '会計' });
  t.equal(dup.statusCode, 422);
  t.match(dup.body, '「会計」は既にあります');
  const it = await em().findOneOrFail(Skill, { name: 'IT' });
  t.equal(
    (await c.post(`/supporters/skills/${it.id}`, { name: 'ＩＴ・パソコン', sortOrder: '7', active: '0' })).statusCode,
    303,
  );
  const renamed = await em().findOneOrFail(Skill, { id: it.id });
  t.equal(renamed.name, 'IT・パソコン', 'names are normalised');
  t.equal(renamed.active, false);
  const viewer = await loggedIn(app, 'viewer');
  t.equal((await viewer.get('/supporters/roles')).statusCode, 200);
  t.equal((await viewer.post('/supporters/roles', { name: '相談役' })).statusCode, 403);
});

t.test('a member holds several roles with periods, and the member page shows current and past ones', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const m = await addMember(em(), { familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' });
  const riji = await em().findOneOrFail(SupporterRole, { name: '理事' });
  const donor = await em().findOneOrFail(SupporterRole, { name: '寄付者' });
  const kanji = await em().findOneOrFail(SupporterRole, { name: '監事' });
  t.equal(
    (await c.post(`/members/${m.id}/roles`, { roleId: String(riji.id), startedOn: '2024/6/1', endedOn: '2099-05-31' }))
      .statusCode,
    303,
  );
  t.equal((await c.post(`/members/${m.id}/roles`, { roleId: String(donor.id), startedOn: 'R6.1.1' })).statusCode, 303);
  t.equal(
    (
      await c.post(`/members/${m.id}/roles`, {
        roleId: String(kanji.id),
        startedOn: '2020-06-01',
        endedOn: '2022-05-31',
      })
    ).statusCode,
    303,
  );
  const body = (await c.get(`/members/${m.id}`)).body;
  const current = body.slice(body.indexOf('roles-current'), body.indexOf('過去の役割'));
  t.match(current, '理事');
  t.match(current, '2024-06-01〜2099-05-31');
  t.match(current, '寄付者');
  t.match(body.slice(body.indexOf('過去の役割')), '監事', '監事 is a past role');
  t.match(body, '理事 就任', 'the start is on the timeline');
  t.match(body, '監事 退任', 'and the end of a finished term');
});

t.test('an overlapping period of the same role and an end before the start are refused', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const m = await addMember(em(), { familyName: '佐藤', familyKana: 'サトウ' });
  const riji = await em().findOneOrFail(SupporterRole, { name: '理事' });
  await c.post(`/members/${m.id}/roles`, { roleId: String(riji.id), startedOn: '2024-06-01', endedOn: '2026-05-31' });
  const overlap = await c.post(`/members/${m.id}/roles`, { roleId: String(riji.id), startedOn: '2026-01-01' });
  t.equal(overlap.statusCode, 409);
  t.match(overlap.body, '同じ役割の期間（2024-06-01〜2026-05-31）と重なっています');
  const backwards = await c.post(`/members/${m.id}/roles`, {
    roleId: String(riji.id),
    startedOn: '2026-06-01',
    endedOn: '2026-01-01',
  });
  t.equal(backwards.statusCode, 422);
  t.match(backwards.body, '終了日は開始日より後の日付にしてください');
  t.equal(
    (await c.post(`/members/${m.id}/roles`, { roleId: String(riji.id), startedOn: '2026-06-01' })).statusCode,
    303,
    'the next term is fine',
  );
  t.equal(await em().count(MemberRole, { member: m.id }), 2);
});

t.test('ending a term sets its end date; a mistaken entry can be removed', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const m = await addMember(em(), { familyName: '鈴木', familyKana: 'スズキ' });
  const riji = await em().findOneOrFail(SupporterRole, { name: '理事' });
  await c.post(`/members/${m.id}/roles`, { roleId: String(riji.id), startedOn: '2024-06-01' });
  const mr = await em().findOneOrFail(MemberRole, { member: m.id });
  t.match((await c.get(`/member-roles/${mr.id}`)).body, 'value="2024-06-01"');
  t.equal(
    (await c.post(`/member-roles/${mr.id}`, { startedOn: '2024-06-01', endedOn: '2026-05-31', note: '任期満了' }))
      .statusCode,
    303,
  );
  t.equal((await em().findOneOrFail(MemberRole, { id: mr.id })).endedOn, '2026-05-31');
  t.equal((await c.post(`/member-roles/${mr.id}/delete`)).statusCode, 303);
  t.equal(await em().count(MemberRole, {}), 0);
});

t.test(
  '役員名簿 lists who holds an officer role on the chosen date, and downloads as an Excel-friendly CSV',
  async (t) => {
    const { app, em } = await build(t);
    const c = await loggedIn(app, 'viewer');
    const staff = await loggedIn(app, 'staff');
    const a = await addMember(em(), {
      familyName: '青木',
      givenName: '一郎',
      familyKana: 'アオキ',
      givenKana: 'イチロウ',
      postalCode: '1600022',
      prefecture: '東京都',
      city: '新宿区',
      address1: '新宿1-1',
    });
    const b = await addMember(em(), {
      familyName: '伊藤',
      givenName: '花子',
      familyKana: 'イトウ',
      givenKana: 'ハナコ',
    });
    const d = await addMember(em(), { familyName: '上田', familyKana: 'ウエダ' });
    const role = async (name: string) => String((await em().findOneOrFail(SupporterRole, { name })).id);
    await staff.post(`/members/${a.id}/roles`, {
      roleId: await role('理事'),
      startedOn: '2024-06-01',
      endedOn: '2026-05-31',
    });
    await staff.post(`/members/${b.id}/roles`, { roleId: await role('監事'), startedOn: '2022-06-01' });
    await staff.post(`/members/${d.id}/roles`, { roleId: await role('寄付者'), startedOn: '2020-01-01' });
    const on2025 = (await c.get('/supporters/officers?date=2025-04-01')).body;
    t.match(on2025, '青木 一郎');
    t.match(on2025, '伊藤 花子');
    t.notMatch(on2025, '上田', 'donors are not officers');
    t.ok(on2025.indexOf('青木 一郎') < on2025.indexOf('伊藤 花子'), '理事 before 監事');
    const on2027 = (await c.get('/supporters/officers?date=' + encodeURIComponent('令和9年1月1日'))).body;
    t.notMatch(on2027, '青木 一郎', 'a finished term is not on a later roster');
    t.match(on2027, '伊藤 花子');
    t.match(
      (await c.get(`/supporters/officers?date=2025-04-01&role=${await role('寄付者')}`)).body,
      '上田',
      'any role can be listed',
    );
    const csv = await c.get('/supporters/officers.csv?date=2025-04-01');
    t.equal(csv.statusCode, 200);
    t.match(csv.headers['content-type'], 'text/csv');
    t.match(
      String(csv.headers['content-disposition']),
      `filename*=UTF-8''${encodeURIComponent('役員名簿_2025-04-01.csv')}`,
    );
    t.match(String(csv.headers['content-disposition']), 'filename="officers_2025-04-01.csv"');
    t.equal(csv.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 with BOM for Excel');
    const lines = csv.rawPayload.toString('utf8').slice(1).trim().split('\r\n');
    t.equal(lines[0], '役割,会員番号,氏名,フリガナ,開始日,終了日,郵便番号,住所,電話,携帯,メール,備考');
    t.equal(lines.length, 3);
    t.match(
      lines[1],
      `理事,${a.memberNo},青木 一郎,アオキ イチロウ,2024-06-01,2026-05-31,160-0022,東京都新宿区新宿1-1`,
    );
    t.match((await c.get('/supporters/officers?date=nonsense')).body, '日付の形式が正しくないため');
  },
);
