import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Invoice } from '../../src/dues/invoice.entity.js';
import { updateSettings } from '../../src/settings/settings.service.js';
import { build, loggedIn } from '../helper.js';
import { addMember, asTest } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'enishi-dues-pdf-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Writes the response body to a file and reads it back with poppler: text without whitespace, pages, fonts. */
function readPdf(body: Buffer) {
  const file = join(dir, `${++n}.pdf`);
  writeFileSync(file, body);
  const run = (cmd: string) => execFileSync(cmd, cmd === 'pdftotext' ? [file, '-'] : [file], { encoding: 'utf8' });
  return { text: run('pdftotext').replace(/\s+/g, ''), pages: Number(/Pages:\s+(\d+)/.exec(run('pdfinfo'))?.[1]), fonts: run('pdffonts') };
}

/** pdffonts rows whose "emb" column says yes (columns: name type encoding emb sub uni object ID). */
const embeddedFonts = (fonts: string) => fonts.split('\n').slice(2).filter((l) => /\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.test(l));

async function office(t: Parameters<typeof build>[0]) {
  const ctx = await build(t);
  const { em } = ctx;
  await asTest(() => updateSettings(em(), { orgName: 'NPO法人 縁の会', bankAccounts: ['みずほ銀行 新宿支店 普通 7654321 トクヒ)エニシノカイ', 'ゆうちょ銀行 00120-3-456789 縁の会'] }));
  const taro = await addMember(em(), { familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ', postalCode: '160-0022', prefecture: '東京都', city: '新宿区', address1: '新宿1-2-3' });
  const hanako = await addMember(em(), { familyName: '佐藤', givenName: '花子', familyKana: 'サトウ', givenKana: 'ハナコ', memberTypeId: '2' });
  const c = await loggedIn(ctx.app, 'staff');
  const issued = await c.post('/dues/runs', { year: '2026', issuedOn: '2026-04-10' });
  if (issued.statusCode !== 303) throw new Error(`the run was not issued: ${issued.statusCode}`);
  return { ...ctx, c, taro, hanako };
}

t.test('the run PDF has one page per invoice with name, amount, 振込先, the 会員番号 request and an embedded font', async (t) => {
  const { c, taro } = await office(t);
  const res = await c.get('/dues/runs/1/invoices.pdf');
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'application/pdf');
  t.match(res.headers['content-disposition'], /^attachment; .*filename\*=UTF-8''%E8%AB%8B%E6%B1%82%E6%9B%B8/, '請求書_… as the file name');
  const pdf = readPdf(res.rawPayload);
  t.equal(pdf.pages, 2, 'one page per invoice');
  for (const s of ['山田太郎様', '佐藤花子様', '5,000円', '3,000円', 'みずほ銀行新宿支店普通7654321トクヒ)エニシノカイ', 'ゆうちょ銀行00120-3-456789縁の会', 'NPO法人縁の会', '2026-000001', '2026-000002']) {
    t.ok(pdf.text.includes(s), `contains ${s}`);
  }
  t.ok(pdf.text.includes(`振込依頼人名の前に会員番号を入れてください（例：${taro.memberNo}ﾔﾏﾀﾞﾀﾛｳ）`), 'the 会員番号 request line with the member\'s own number');
  t.ok(embeddedFonts(pdf.fonts).length > 0, 'a font is embedded');
  t.notMatch(pdf.fonts, /\sno\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/m, 'no font left unembedded');
});

t.test('a single invoice prints as one page; an unknown invoice is a 404', async (t) => {
  const { c, em, hanako } = await office(t);
  const inv = await em().findOneOrFail(Invoice, { member: hanako.id });
  const res = await c.get(`/dues/invoices/${inv.id}/invoice.pdf`);
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-disposition'], encodeURIComponent(`請求書_${inv.invoiceNo}.pdf`));
  const pdf = readPdf(res.rawPayload);
  t.equal(pdf.pages, 1);
  t.ok(pdf.text.includes('佐藤花子様'));
  t.ok(pdf.text.includes('3,000円'));
  t.notOk(pdf.text.includes('山田太郎'), 'only that member');
  t.equal((await c.get('/dues/invoices/9999/invoice.pdf')).statusCode, 404);
});

t.test('printing reminders records the count and date for the ticked invoices only, and prints them', async (t) => {
  const { c, em, taro, hanako } = await office(t);
  const inv = await em().findOneOrFail(Invoice, { member: taro.id });
  const res = await c.post('/dues/unpaid/reminders.pdf', { year: '2026', invoiceId: String(inv.id) });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-disposition'], /^attachment;/);
  const pdf = readPdf(res.rawPayload);
  t.equal(pdf.pages, 1);
  t.ok(pdf.text.includes('山田太郎様'));
  t.ok(pdf.text.includes('5,000円'));
  t.ok(embeddedFonts(pdf.fonts).length > 0, 'a font is embedded');
  t.equal((await em().findOneOrFail(Invoice, inv.id)).reminderCount, 1);
  t.equal((await em().findOneOrFail(Invoice, { member: hanako.id })).reminderCount, 0, 'not ticked, not reminded');

  const all = await c.post('/dues/unpaid/reminders.pdf', { year: '2026' });
  t.equal(readPdf(all.rawPayload).pages, 2, 'nothing ticked = every unpaid invoice of the year');
  t.same((await em().find(Invoice, {}, { orderBy: { id: 'asc' } })).map((i) => i.reminderCount), [2, 1]);

  const none = await c.post('/dues/unpaid/reminders.pdf', { year: '2025' });
  t.equal(none.statusCode, 409, 'a year with nothing unpaid is a message, not a broken PDF');
  t.match(none.body, '督促する未納の請求がありません');
});

t.test("an organisation's template copy in the data directory changes the printed invoice text", async (t) => {
  const { c, config, taro } = await office(t);
  mkdirSync(join(config.dataDir, 'templates/invoice'), { recursive: true });
  writeFileSync(join(config.dataDir, 'templates/invoice/greeting.eta'), 'いつも<%= it.団体名 %>を応援してくださり、ありがとうございます。\n<%= it.年度 %>の会費のご案内です。\n');
  writeFileSync(join(config.dataDir, 'templates/invoice/payer-hint.eta'), '振込名は「<%= it.会員番号 %><%= it.振込名 %>」のようにお願いします。\n');
  const pdf = readPdf((await c.get('/dues/runs/1/invoices.pdf')).rawPayload);
  t.ok(pdf.text.includes('いつもNPO法人縁の会を応援してくださり、ありがとうございます。'), 'the edited greeting');
  t.ok(pdf.text.includes('2026年度の会費のご案内です。'));
  t.notOk(pdf.text.includes('厚く御礼申し上げます'), 'the shipped greeting is gone');
  t.ok(pdf.text.includes(`振込名は「${taro.memberNo}ﾔﾏﾀﾞﾀﾛｳ」のようにお願いします。`), "the member's own number and half-width kana");
  t.ok(pdf.text.includes('ｻﾄｳﾊﾅｺ'), 'the other member gets her own kana');
});

t.test('an edited invoice text with an unknown field is refused with a Japanese message before any PDF is sent', async (t) => {
  const { c, config } = await office(t);
  mkdirSync(join(config.dataDir, 'templates/invoice'), { recursive: true });
  writeFileSync(join(config.dataDir, 'templates/invoice/greeting.eta'), '<%= it.団体名 %>より <%= it.誕生日 %>\n');
  const res = await c.get('/dues/runs/1/invoices.pdf');
  t.equal(res.statusCode, 422);
  t.notMatch(String(res.headers['content-type']), /pdf/);
  t.match(res.body, /知らない差し込み項目「誕生日」/);
});
