import t from 'tap';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { Activity } from '../../src/supporters/activity.entity.js';
import { SupporterRole } from '../../src/supporters/supporter-role.entity.js';
import { csvLine } from '../../src/accounting/formats/csv.js';
import { labelCsv } from '../../src/mailings/label-csv.js';
import { exportMembers } from '../../src/members/export/export.service.js';
import { importMembers } from '../../src/members/import/import.service.js';
import { csvCell, csvCellText } from '../../src/lib/csv-cell.js';
import { toExcelCsv } from '../../src/web/download.js';
import { build, loggedIn } from '../helper.js';
import { addMember, asTest } from '../supporters/fixtures.js';

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

t.test('taking the apostrophe off again gives back exactly the text that was written', async (t) => {
  const cases: [string, string][] = [
    ["'=1+1", '=1+1'],
    ["'+81-90-1234-5678", '+81-90-1234-5678'],
    ["''=1", "'=1"],
    ["'abc", "'abc"],
    ["'", "'"],
    ['=1', '=1'],
    ['山田', '山田'],
  ];
  for (const [cell, want] of cases) t.equal(csvCellText(cell), want, JSON.stringify(cell));
  for (const text of ['=1+1', "'=1", "''+2", "'plain", '-', '@', '\t=1', '＝1', '山田 =1', ''])
    t.equal(csvCellText(csvCell(text)), text, `${JSON.stringify(text)} survives the round trip`);
});

t.test('the accounting and label files defuse formulas too, and amounts stay numbers', async (t) => {
  t.equal(csvLine(['=1+1', -5000, '寄付 =x', '+81']), "'=1+1,-5000,寄付 =x,'+81");
  const text = labelCsv(
    [{ memberNo: 7, memberNos: [7], postalCode: '100-0001', address: ['@東京都'], names: [EVIL], barcode: null }],
    'utf8',
  ).toString('utf8');
  const [, row] = parse(text.replace(/^\uFEFF/, '')) as string[][];
  t.equal(row![2], "'@東京都", 'labels: address');
  t.equal(row![4], `'${EVIL}`, 'labels: name');
});

t.test('the member export defuses formulas, and re-imports to exactly the same members', async (t) => {
  const { em } = await build(t);
  const m = await addMember(em(), {
    familyName: EVIL,
    familyKana: 'ワルイ',
    phone: '03-1111-2222',
    notes: '-会費は現金で',
  });
  for (const encoding of ['utf-8-bom', 'cp932'] as const) {
    const { bytes } = await exportMembers(em(), { filter: { status: 'all' }, columns: [], encoding });
    const text = encoding === 'cp932' ? iconv.decode(bytes, 'cp932') : bytes.toString('utf8').replace(/^\uFEFF/, '');
    const cells = (parse(text) as string[][]).flat();
    t.ok(cells.includes(`'${EVIL}`), `${encoding}: the name starts with an apostrophe`);
    t.ok(cells.includes("'-会費は現金で"), `${encoding}: so does the note`);
    t.notOk(
      cells.some((c) => /^[=+\-@\t\r]/.test(c)),
      `${encoding}: no cell starts a formula`,
    );
    const plan = (await asTest(() => importMembers(em(), bytes, { dryRun: true }))).plan;
    t.same(plan.counts, { new: 0, update: 0, unchanged: 1, error: 0 }, `${encoding}: re-importing changes nothing`);
  }
  const again = await em().fork().findOneOrFail('Member', { id: m.id });
  t.equal((again as { familyName: string }).familyName, EVIL);
});
