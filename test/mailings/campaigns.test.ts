import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { build, loggedIn } from '../helper.js';
import { insertRow, insertSeeds } from './fixtures.js';

const pdfText = (buf: Buffer) => {
  const f = join(mkdtempSync(join(tmpdir(), 'enishi-c-')), 'c.pdf');
  writeFileSync(f, buf);
  return execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' });
};

t.test('donations linked on the donation form add up on the campaign page and its printable block', async (t) => {
  const { app, em } = await build(t);
  await insertSeeds(em(), [
    { no: 1, family: '山田', given: '太郎' },
    { no: 2, family: '佐藤', given: '花子' },
  ]);
  const c = await loggedIn(app, 'staff');
  const bad = await c.post('/mailings/campaigns', {
    name: '',
    targetKind: 'amount',
    targetValue: '0',
    startsOn: 'いつか',
  });
  t.equal(bad.statusCode, 422);
  t.match(bad.body, /目標は1以上の整数/);
  const created = await c.post('/mailings/campaigns', {
    name: '夏の募金',
    targetKind: 'amount',
    targetValue: '10,000',
    startsOn: '2026-01-01',
    endsOn: '',
  });
  t.equal(created.statusCode, 303);
  const url = String(created.headers.location);
  const id = url.split('/').pop()!;
  const form = await c.get('/dues/donations/new');
  t.match(form.body, new RegExp(`<option value="${id}">夏の募金</option>`), 'the donation form offers the campaign');
  for (const [memberNo, donorName, amount] of [
    ['1', '', '3000'],
    ['1', '', '2000'],
    ['', '匿名の方', '1500'],
  ]) {
    const r = await c.post('/dues/donations/new', {
      memberNo,
      donorName,
      amount,
      receivedOn: '2026-07-01',
      method: 'cash',
      campaignId: id,
    });
    t.equal(r.statusCode, 303);
  }
  t.equal(
    (await c.post('/dues/donations/new', { memberNo: '2', amount: '9999', receivedOn: '2026-07-01', method: 'cash' }))
      .statusCode,
    303,
    'a donation without a campaign',
  );
  const wrong = await c.post('/dues/donations/new', {
    memberNo: '2',
    amount: '100',
    receivedOn: '2026-07-01',
    method: 'cash',
    campaignId: '999',
  });
  t.equal(wrong.statusCode, 422);
  t.match(wrong.body, /キャンペーンを一覧から選んでください/);
  const page = await c.get(url);
  t.match(page.body, /<strong>6,500円<\/strong> ／ 目標 10,000円（65%）・ご支援 2人・あと 3,500円/);
  t.match(page.body, /匿名の方/);
  const list = await c.get('/mailings/campaigns');
  t.match(list.body, /6,500円 ／ 10,000円<\/td><td class="num">65%/);
  const pdf = await c.get(`${url}/print`);
  t.equal(pdf.headers['content-type'], 'application/pdf');
  t.match(pdfText(pdf.rawPayload), /6,500円 ／ 目標 10,000円（65%）・ご支援 2人/);
});

t.test('a volunteer campaign counts distinct members who took part during its period', async (t) => {
  const { app, em } = await build(t);
  const ids = await insertSeeds(em(), [{ no: 1 }, { no: 2 }, { no: 3 }]);
  const inside = await insertRow(em(), 'activity', { title: '清掃', starts_on: '2026-07-10', skill_ids: '[]' });
  const inside2 = await insertRow(em(), 'activity', { title: '夏祭り', starts_on: '2026-08-10', skill_ids: '[]' });
  const before = await insertRow(em(), 'activity', { title: '春', starts_on: '2026-04-10', skill_ids: '[]' });
  for (const [a, m, status] of [
    [inside, 1, 'took_part'],
    [inside2, 1, 'took_part'],
    [inside, 2, 'declined'],
    [before, 3, 'took_part'],
    [inside2, 3, 'took_part'],
  ] as const) {
    await insertRow(em(), 'participation', { activity_id: a, member_id: ids.get(m), status });
  }
  const c = await loggedIn(app, 'staff');
  const created = await c.post('/mailings/campaigns', {
    name: 'ボランティア募集',
    targetKind: 'volunteers',
    targetValue: '4',
    startsOn: '2026-07-01',
    endsOn: '2026-08-31',
  });
  const page = await c.get(String(created.headers.location));
  t.match(page.body, /<strong>2人<\/strong> ／ 目標 4人（50%）/);
});
