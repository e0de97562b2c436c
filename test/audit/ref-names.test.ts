import t from 'tap';
import { registerAuditLabels } from '../../src/audit/labels.js';
import { toRow } from '../../src/audit/audit.service.js';
import { build, loggedIn } from '../helper.js';
import { addMember } from '../supporters/fixtures.js';

const address = { postalCode: '160-0022', prefecture: '東京都', city: '新宿区', address1: '新宿1-2-3' };

function changeLines(html: string): string[] {
  return [
    ...html.matchAll(
      /<span class="field">([^<]*)<\/span> <span class="before">([^<]*)<\/span> → <span class="after">([^<]*)<\/span>/g,
    ),
  ].map((m) => `${m[1]} ${m[2]} → ${m[3]}`);
}

t.test('the change log names the member type and the household instead of showing their ids', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'admin');
  const taro = await addMember(em(), {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'ヤマダ',
    givenKana: 'タロウ',
    ...address,
  });
  const hanako = await addMember(em(), {
    familyName: '山田',
    givenName: '花子',
    familyKana: 'ヤマダ',
    givenKana: 'ハナコ',
    ...address,
  });
  const res = await c.post(`/members/${taro.id}/family`, { memberNo: String(hanako.memberNo), relation: '配偶者' });
  t.equal(res.statusCode, 303);

  const page = changeLines((await c.get(`/members/${hanako.id}`)).body);
  t.ok(page.includes('会員種別 （空） → 正会員'), page.join('\n'));
  t.ok(page.includes('世帯 （空） → 山田 太郎 様 / 花子 様'), page.join('\n'));
  t.notOk(
    page.some((l) => /^(会員種別|世帯) .* → \d+$/.test(l)),
    'no id is shown for a reference',
  );

  const audit = changeLines((await c.get('/audit?entity=MemberRole')).body);
  t.same(audit, [], 'no roles yet');
  const all = changeLines((await c.get('/audit?entity=Member')).body);
  t.ok(all.includes('会員種別 （空） → 正会員'));
});

t.test('a reference whose row is gone or has no namer stays readable', async (t) => {
  registerAuditLabels('TestRefThing', {
    label: 'テスト',
    fields: { memberType: '会員種別', other: '他' },
    refs: { memberType: 'MemberType', other: 'NoSuchEntity' },
  });
  const log = {
    id: 1,
    at: new Date(),
    actorName: 'x',
    entityName: 'TestRefThing',
    entityId: '1',
    action: 'update',
    changes: { memberType: [1, 999], other: [null, 5] },
  };
  const names = new Map([['MemberType', new Map([[1, '正会員']])]]);
  const row = toRow(log as never, names);
  t.same(
    row.changes.map((c) => [c.before, c.after]),
    [
      ['正会員', '#999'],
      ['（空）', '5'],
    ],
  );
});
