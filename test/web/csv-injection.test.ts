import t from 'tap';
import { parse } from 'csv-parse/sync';
import { Activity } from '../../src/supporters/activity.entity.js';
import { SupporterRole } from '../../src/supporters/supporter-role.entity.js';
import { csvCell, toExcelCsv } from '../../src/web/download.js';
import { build, loggedIn } from '../helper.js';
import { addMember } from '../supporters/fixtures.js';

const EVIL = '=HYPERLINK("http://evil.example","開く")';

t.test('a text cell that could start a formula gets an apostrophe; real numbers stay numbers', async (t) => {
  const cases: [string | number | null | undefined, string][] = [
    ['=1+1', "'=1+1"],
    ['+81-90-1234-5678', "'+81-90-1234-5678"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['＝1+1', "'＝1+1"],
    ['山田 =1', '山田 =1'],
    ['090-1234-5678', '090-1234-5678'],
    ['', ''],
    [-5000, '-5000'],
    [0, '0'],
    [12000, '12000'],
    [null, ''],
    [undefined, ''],
  ];
  for (const [input, want] of cases) t.equal(csvCell(input), want, JSON.stringify(input));
  const text = toExcelCsv(['名前', '残額'], [[EVIL, -3000]]);
  t.same(parse(text.replace(/^\uFEFF/, '')), [
    ['名前', '残額'],
    [`'${EVIL}`, '-3000'],
  ]);
});

/** The data rows of a CSV download, parsed. */
function rows(body: Buffer): string[][] {
  return parse(body.toString('utf8').replace(/^\uFEFF/, '')).slice(1);
}

t.test('no export route writes a formula from member data', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const m = await addMember(em(), { familyName: EVIL, familyKana: 'ワルイ', phone: '03-1111-2222' });
  const riji = (await em().findOneOrFail(SupporterRole, { name: '理事' })).id;
  await c.post(`/members/${m.id}/roles`, { roleId: String(riji), startedOn: '2024-06-01', note: '@cmd' });
  const officers = rows((await c.get('/supporters/officers.csv?date=2025-04-01')).rawPayload);
  t.equal(officers[0]![2], `'${EVIL}`, 'officers: name');
  t.equal(officers[0]![11], "'@cmd", 'officers: note');

  t.equal((await c.post('/activities', { title: '+清掃', startsOn: '2099-08-01' })).statusCode, 303);
  const act = await em().findOneOrFail(Activity, { title: '+清掃' });
  await c.post(`/activities/${act.id}/participants`, { memberNo: String(m.memberNo), status: 'asked' });
  const call = rows((await c.get(`/activities/${act.id}/call-list.csv`)).rawPayload);
  t.equal(call[0]![2], `'${EVIL}`, 'call list: name');

  await c.post('/dues/runs', { year: '2026', issuedOn: '2026-04-10' });
  const unpaid = rows((await c.get('/dues/unpaid.csv?year=2026')).rawPayload);
  const mine = unpaid.find((r) => r[1] === String(m.memberNo))!;
  t.equal(mine[2], `'${EVIL}`, 'unpaid: name');
  t.match(mine[4], /^\d+$/, 'unpaid: the amount stays a number');

  const template = rows((await c.get('/members/import/template.csv')).rawPayload);
  t.notOk(
    template.flat().some((cell) => /^[=+\-@\t\r]/.test(cell)),
    'import template',
  );
});
