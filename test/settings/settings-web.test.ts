import t from 'tap';
import { AuditLog } from '../../src/audit/audit-log.entity.js';
import { Member } from '../../src/members/member.entity.js';
import { Setting } from '../../src/settings/setting.entity.js';
import { getSettings } from '../../src/settings/settings.service.js';
import { build, loggedIn } from '../helper.js';

/** The organisation fields as an admin fills them in; each test changes one. */
const org = (extra: Record<string, string> = {}) => ({
  orgName: 'NPO法人 縁の会',
  representative: '理事長 佐藤 花子',
  orgPostalCode: '160-0022',
  orgAddress: '東京都新宿区新宿1-2-3',
  orgPhone: '03-1234-5678',
  orgEmail: 'office@example.jp',
  orgInvoiceNumber: '',
  ...extra,
});

t.test(
  'the settings page shows one fieldset per purpose, with the postal lookup hooks and the seal link',
  async (t) => {
    const { app } = await build(t);
    const c = await loggedIn(app, 'admin');
    const res = await c.get('/settings');
    t.equal(res.statusCode, 200);
    for (const legend of [
      '団体情報（請求書・領収書に印刷されます）',
      '振込先',
      '年度と会費',
      '日付の書き方',
      '定時ジョブ',
    ])
      t.match(res.body, `<fieldset><legend>${legend}</legend>`, legend);
    t.match(res.body, /<input name="orgPostalCode"[^>]* data-postal-lookup/);
    t.match(res.body, /<input name="orgAddress"[^>]* data-postal-fill/);
    t.match(res.body, '<script src="/assets/postal-lookup.js" defer></script>');
    t.match(res.body, 'name="orgInvoiceNumber"');
    t.match(res.body, 'name="graceYears"');
    t.match(res.body, 'name="transferFees"');
    t.match(res.body, 'name="job.backup.time"', 'a time per scheduled job (job-switches.test.ts has the rest)');
    t.match(res.body, 'href="/receipts/seal"');
    const staff = await loggedIn(app, 'staff');
    t.equal((await staff.get('/settings')).statusCode, 403, 'only admins see the settings');
  },
);

t.test(
  'a bad インボイス番号, phone or job time is refused with 422 and its message, and nothing is saved',
  async (t) => {
    const { app, em } = await build(t);
    const c = await loggedIn(app, 'admin');
    const cases: [Record<string, string>, string][] = [
      [{ orgInvoiceNumber: 'T123' }, 'インボイス登録番号は T と13桁の数字で入力してください'],
      [{ orgInvoiceNumber: '1234567890123' }, 'インボイス登録番号は T と13桁の数字で入力してください'],
      [{ orgPhone: '1234' }, '電話番号は 03-1234-5678 のように入力してください'],
      [{ 'job.backup.time': '25:00' }, '時刻は 00:00〜23:59 の形で入力してください'],
    ];
    for (const [bad, message] of cases) {
      await c.get('/settings');
      const res = await c.post('/settings', org(bad));
      t.equal(res.statusCode, 422, JSON.stringify(bad));
      t.match(res.body, message);
      t.match(res.body, 'aria-invalid="true"', 'the field is marked');
      t.match(res.body, Object.values(bad)[0]!.replace(/"/g, '&quot;'), 'what was typed is shown again');
    }
    t.equal(await em().count(Setting, {}), 0, 'not one setting was saved');
    t.equal(await em().count(AuditLog, { entityName: 'Setting' }), 0);
  },
);

t.test('a good save normalises the phone and number, is audited and reads back on the page', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'admin');
  await c.get('/settings');
  const res = await c.post(
    '/settings',
    org({
      orgPhone: '０３（１２３４）５６７８',
      orgInvoiceNumber: 't１２３４５６７８９０１２３',
      graceYears: '3',
      era: 'seireki',
      jobSwitches: '{"backup":{"enabled":false,"time":"03:15"}}',
    }),
  );
  t.equal(res.statusCode, 303);
  const s = await getSettings(em());
  t.equal(s.orgPhone, '03-1234-5678', 'the phone is stored like a member’s phone');
  t.equal(s.orgInvoiceNumber, 'T1234567890123');
  t.equal(s.graceYears, 3);
  t.equal(s.era, 'seireki');
  t.same(s.jobSwitches, { backup: { enabled: false, time: '03:15' } });
  const audited = await em().find(AuditLog, { entityName: 'Setting' });
  t.same(
    audited.map((a) => a.entityId).sort(),
    [
      'era',
      'graceYears',
      'jobSwitches',
      'orgAddress',
      'orgEmail',
      'orgInvoiceNumber',
      'orgName',
      'orgPhone',
      'orgPostalCode',
      'representative',
    ].sort(),
    'each changed key has its audit entry',
  );
  const page = (await c.get('/settings')).body;
  t.match(page, 'value="03-1234-5678"');
  t.match(page, 'value="T1234567890123"');
  t.match(page, '<option value="seireki" selected>');
});

t.test('member and dues pages show dates as the date-style setting says', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'admin');
  const res = await c.post('/members', {
    kind: 'individual',
    memberTypeId: '1',
    mailPreference: 'post',
    familyName: '山田',
    familyKana: 'ヤマダ',
    joinedOn: '2026-04-01',
  });
  t.equal(res.statusCode, 303);
  const m = await em().findOneOrFail(Member, { familyName: '山田' });
  await c.get('/settings');
  t.equal((await c.post('/settings', { era: 'wareki' })).statusCode, 303);
  const wareki = (await c.get(`/members/${m.id}`)).body;
  t.match(wareki, '<time datetime="2026-04-01">令和8年4月1日</time>', 'joined on, in 和暦');
  await c.get('/settings');
  t.equal((await c.post('/settings', { era: 'seireki' })).statusCode, 303);
  const seireki = (await c.get(`/members/${m.id}`)).body;
  t.match(seireki, '<time datetime="2026-04-01">2026-04-01</time>', 'joined on, in 西暦');
  t.notMatch(seireki, '令和8年4月1日');
});
