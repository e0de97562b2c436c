import t from 'tap';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loggedIn } from '../helper.js';
import { pdfWorkspace, thankOffice } from './fixtures.js';

t.test('staff see every template, edit a copy, preview it with a real member, and go back to the default', async (t) => {
  const { c, config, taro } = await thankOffice(t);
  const pdfs = pdfWorkspace(t);
  const list = await c.get('/letters/templates');
  t.equal(list.statusCode, 200);
  for (const s of ['請求書：前文と本文', '礼状：会費の受領', '礼状：物品のご寄贈', 'invoice/payer-hint.eta']) t.match(list.body, s);

  const page = await c.get('/letters/templates/letters/dues-thanks');
  t.equal(page.statusCode, 200);
  t.match(page.body, '出荷時の文面を使っています');
  t.match(page.body, 'it.寄附金額');

  const draft = '<%= it.宛名 %>、<%= it.年度 %>の会費<%= it.金額 %>をありがとうございました。\n';
  const preview = await c.post('/letters/templates/letters/dues-thanks/preview', { text: draft, memberNo: String(taro.memberNo) });
  t.equal(preview.statusCode, 200);
  t.equal(preview.headers['content-type'], 'application/pdf');
  const pdf = pdfs.read(preview.rawPayload);
  t.ok(pdf.text.includes('山田太郎様、2026年度の会費5,000円をありがとうございました。'), "the draft with the member's own payment");
  t.notOk(existsSync(join(config.dataDir, 'templates/letters/dues-thanks.eta')), 'a preview saves nothing');

  await c.get('/letters/templates/letters/dues-thanks');
  const saved = await c.post('/letters/templates/letters/dues-thanks', { text: draft });
  t.equal(saved.statusCode, 303);
  t.ok(existsSync(join(config.dataDir, 'templates/letters/dues-thanks.eta')), 'the copy is in the data directory');
  const edited = await c.get('/letters/templates/letters/dues-thanks');
  t.match(edited.body, '団体用に編集した文面を使っています');
  t.match(edited.body, '出荷時の文面に戻す');

  const reset = await c.post('/letters/templates/letters/dues-thanks/reset');
  t.equal(reset.statusCode, 303);
  t.notOk(existsSync(join(config.dataDir, 'templates/letters/dues-thanks.eta')), 'back to the default');
});

t.test('an unknown field or broken Eta is shown on the page with 422 and nothing is saved', async (t) => {
  const { c, config, taro } = await thankOffice(t);
  const cases: [string, string, RegExp][] = [
    ['/letters/templates/invoice/greeting', '<%= it.団体名 %> <%= it.誕生日 %>', /知らない差し込み項目「誕生日」/],
    ['/letters/templates/invoice/greeting', '<%= it.団体名 ', /書き方に誤りがあります/],
    ['/letters/templates/invoice/greeting', '<%= process.env.SECRET %>', /使えるのは/],
    ['/letters/templates/invoice/greeting/preview', '<%= it.年齢 %>', /知らない差し込み項目「年齢」/],
  ];
  for (const [url, text, message] of cases) {
    await c.get('/letters/templates/invoice/greeting');
    const res = await c.post(url, { text, memberNo: String(taro.memberNo) });
    t.equal(res.statusCode, 422, `${url}: ${text}`);
    t.match(res.body, message);
    t.match(res.body, /<textarea[^>]*>[^<]*&lt;%=/, 'the text stays in the form');
  }
  await c.get('/letters/templates/invoice/greeting');
  const noMember = await c.post('/letters/templates/invoice/greeting/preview', { text: '<%= it.団体名 %>', memberNo: '9999' });
  t.equal(noMember.statusCode, 422);
  t.match(noMember.body, '会員番号 9999 の会員が見つかりません');
  t.notOk(existsSync(join(config.dataDir, 'templates/invoice/greeting.eta')));
  t.equal((await c.get('/letters/templates/nope/nothing')).statusCode, 404);
});

t.test('the invoice preview uses the draft and the member; viewers and forms without CSRF are refused', async (t) => {
  const { c, app, taro } = await thankOffice(t);
  const pdfs = pdfWorkspace(t);
  await c.get('/letters/templates/invoice/payer-hint');
  const res = await c.post('/letters/templates/invoice/payer-hint/preview', { text: '振込名：<%= it.会員番号 %><%= it.振込名 %>\n', memberNo: String(taro.memberNo) });
  t.equal(res.statusCode, 200);
  t.ok(pdfs.read(res.rawPayload).text.includes(`振込名：${taro.memberNo}ﾔﾏﾀﾞﾀﾛｳ`));
  t.equal((await c.post('/letters/templates/invoice/payer-hint', { text: 'x' }, { csrf: false })).statusCode, 403);
  const viewer = await loggedIn(app, 'viewer');
  t.equal((await viewer.get('/letters/templates')).statusCode, 403);
});
