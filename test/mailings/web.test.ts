import t from 'tap';
import { getSettings } from '../../src/settings/settings.service.js';
import { build, loggedIn } from '../helper.js';
import { insertSeeds } from './fixtures.js';

async function setup(t: Parameters<typeof build>[0]) {
  const ctx = await build(t);
  await insertSeeds(ctx.em(), [
    {
      no: 1,
      family: '山田',
      given: '太郎',
      postal: '530-0001',
      pref: '大阪府',
      city: '大阪市北区',
      email: 'y@example.jp',
    },
    { no: 2, family: '佐藤', given: '花子', postal: '160-0022' },
    { no: 3, family: '鈴木', given: '一郎', postal: '530-0002', pref: '大阪府', city: '大阪市北区', mail: 'none' },
  ]);
  return ctx;
}

t.test(
  'a segment is built with a live count and a preview, saved, and refused with field errors when wrong',
  async (t) => {
    const { app } = await setup(t);
    const c = await loggedIn(app, 'staff');
    const page = await c.get('/mailings/segments/new?prefectures=' + encodeURIComponent('大阪府'));
    t.equal(page.statusCode, 200);
    t.match(
      page.body,
      /該当 <strong>2<\/strong>人（郵送で届く <strong>1<\/strong>人・メールで届く <strong>1<\/strong>人）/,
    );
    t.match(page.body, /送らない：郵送物「不要」/);
    t.match(page.body, /<script src="\/assets\/segment-count.js"><\/script>/);
    const count = await c.get('/mailings/segments/count?prefectures=' + encodeURIComponent('大阪府'));
    t.same(JSON.parse(count.body), { total: 2, post: 1, email: 1 });
    t.equal((await c.get('/mailings/segments/count?postalPrefix=abc')).statusCode, 422);
    const saved = await c.post('/mailings/segments', { name: '大阪の会員', prefectures: '大阪府' });
    t.equal(saved.statusCode, 303);
    const list = await c.get('/mailings/segments');
    t.match(list.body, /大阪の会員<\/a><\/td><td class="num">1人/);
    const bad = await c.post('/mailings/segments', { name: '誕生月', birthMonth: '13', postalPrefix: '1-2x' });
    t.equal(bad.statusCode, 422);
    t.match(bad.body, /1〜12の月を選んでください/);
    t.match(bad.body, /郵便番号の先頭の数字/);
    const dup = await c.post('/mailings/segments', { name: '大阪の会員' });
    t.equal(dup.statusCode, 409);
    t.match(dup.body, /同じ名前のセグメントがあります/);
  },
);

t.test('the label page previews the list and gives the PDF, the CSV and the envelope', async (t) => {
  const { app } = await setup(t);
  const c = await loggedIn(app, 'viewer');
  const page = await c.get('/mailings/labels?sheet=12');
  t.equal(page.statusCode, 200);
  t.match(page.body, /160-0022[\s\S]*530-0001/, '郵便番号 order');
  t.match(page.body, /郵送物「不要」/);
  const pdf = await c.get('/mailings/labels/print?sheet=24&start=3');
  t.equal(pdf.statusCode, 200);
  t.equal(pdf.headers['content-type'], 'application/pdf');
  t.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const env = await c.get('/mailings/labels/print?format=envelope-vertical');
  t.equal(env.rawPayload.subarray(0, 5).toString(), '%PDF-');
  t.equal((await c.get('/mailings/labels/print?sheet=44&barcode=1')).statusCode, 422);
  t.equal((await c.get('/mailings/labels/print?sheet=12&start=13')).statusCode, 422);
  const csv = await c.get('/mailings/labels/csv?encoding=sjis');
  t.match(String(csv.headers['content-type']), /Shift_JIS/);
  t.notOk(csv.rawPayload.includes(Buffer.from('佐藤', 'utf8')));
});

t.test('only an admin sets the printer offset, and a bad value changes nothing', async (t) => {
  const { app, em } = await setup(t);
  const viewer = await loggedIn(app, 'staff');
  t.equal((await viewer.post('/mailings/labels/offset', { offsetX: '1', offsetY: '1' })).statusCode, 403);
  const admin = await loggedIn(app, 'admin');
  const bad = await admin.post('/mailings/labels/offset', { offsetX: '12', offsetY: '0' });
  t.equal(bad.statusCode, 422);
  t.match(bad.body, /-10〜10 の数/);
  t.equal((await getSettings(em())).labelOffsetX, 0);
  t.equal((await admin.post('/mailings/labels/offset', { offsetX: '1.5', offsetY: '-0.5' })).statusCode, 303);
  const s = await getSettings(em());
  t.same([s.labelOffsetX, s.labelOffsetY], [1.5, -0.5]);
});
