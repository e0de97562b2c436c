import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Donation } from '../../src/dues/donation.entity.js';
import { Invoice } from '../../src/dues/invoice.entity.js';
import { Payment } from '../../src/dues/payment.entity.js';
import { updateSettings } from '../../src/settings/settings.service.js';
import { build, loggedIn } from '../helper.js';
import { addMember, asTest } from '../supporters/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'enishi-dues-web-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
function pdf(name: string, body: Buffer): { text: string; pages: number; fonts: string } {
  const file = join(dir, name);
  writeFileSync(file, body);
  return {
    text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''),
    pages: Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]),
    fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
  };
}

async function office(t: Parameters<typeof build>[0]) {
  const ctx = await build(t);
  const em = ctx.em;
  await asTest(() =>
    updateSettings(em(), {
      orgName: 'NPO法人 エニシの会',
      bankAccounts: ['エニシ銀行 本店 普通 1234567 トクヒ)エニシノカイ', 'ゆうちょ銀行 00100-1-123456 エニシの会'],
    }),
  );
  const taro = await addMember(em(), {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'ヤマダ',
    givenKana: 'タロウ',
    postalCode: '160-0022',
    prefecture: '東京都',
    city: '新宿区',
    address1: '新宿1-2-3',
  });
  const hanako = await addMember(em(), {
    familyName: '佐藤',
    givenName: '花子',
    familyKana: 'サトウ',
    givenKana: 'ハナコ',
    memberTypeId: '2',
  });
  return { ...ctx, taro, hanako };
}

t.test(
  'run preview writes nothing; commit issues; a second commit issues nothing; undo is refused once paid',
  async (t) => {
    const { app, em, taro } = await office(t);
    const c = await loggedIn(app, 'staff');
    const preview = await c.get('/dues/runs/new?year=2026');
    t.equal(preview.statusCode, 200);
    t.match(preview.body, '山田 太郎');
    t.match(preview.body, '2 件の請求を発行する');
    t.equal(await em().count(Invoice, {}), 0, 'the preview wrote nothing');
    const bad = await c.get('/dues/runs/new?year=abc');
    t.equal(bad.statusCode, 422);
    t.match(bad.body, '年度を正しく入力してください');

    const commit = await c.post('/dues/runs', { year: '2026', issuedOn: '2026-04-10' });
    t.equal(commit.statusCode, 303);
    t.equal(await em().count(Invoice, {}), 2);
    const runPage = await c.get(commit.headers.location as string);
    t.match(runPage.body, '2026-000001');
    const again = await c.post('/dues/runs', { year: '2026', issuedOn: '2026-04-11' });
    t.equal(again.statusCode, 409);
    t.match(again.body, '新たに発行する請求はありません');
    t.equal(await em().count(Invoice, {}), 2);

    const inv = await em().findOneOrFail(Invoice, { member: taro.id });
    const pay = await c.post(`/members/${taro.id}/payments`, {
      receivedOn: '2026-05-01',
      amount: '5000',
      method: 'cash',
      pick: String(inv.id),
    });
    t.equal(pay.statusCode, 303);
    const refused = await c.post('/dues/runs/1/undo', { reason: 'やり直し' });
    t.equal(refused.statusCode, 409);
    t.match(refused.body, '2026-000001');

    const overview = await c.get('/dues?year=2026');
    t.match(overview.body, '62.5%', '5,000 of 8,000 yen collected');
    const viewer = await loggedIn(app, 'viewer');
    t.equal((await viewer.post('/dues/runs', { year: '2026', issuedOn: '2026-04-10' })).statusCode, 403);
  },
);

t.test(
  'the payment form: two invoices at once, errors change nothing, surplus becomes a donation, reversal reopens',
  async (t) => {
    const { app, em, taro } = await office(t);
    const c = await loggedIn(app, 'staff');
    await c.post(`/members/${taro.id}/invoices`, { fiscalYear: '2025', issuedOn: '2025-04-01' });
    await c.post(`/members/${taro.id}/invoices`, { fiscalYear: '2026' });
    const dup = await c.post(`/members/${taro.id}/invoices`, { fiscalYear: '2026' });
    t.equal(dup.statusCode, 409);
    t.match(dup.body, '2026年度の請求はすでにあります');
    const invs = await em().find(Invoice, { member: taro.id }, { orderBy: { fiscalYear: 'asc' } });
    const form = await c.get(`/members/${taro.id}/payments/new`);
    t.match(form.body, invs[0]!.invoiceNo);

    const bad = await c.post(`/members/${taro.id}/payments`, {
      receivedOn: '2026-05-01',
      amount: '五千',
      method: 'cash',
      pick: String(invs[0]!.id),
    });
    t.equal(bad.statusCode, 422);
    t.match(bad.body, '金額を1円以上の整数で入力してください');
    const noChoice = await c.post(`/members/${taro.id}/payments`, {
      receivedOn: '2026-05-01',
      amount: '12000',
      method: 'bank',
      pick: invs.map((i) => String(i.id)),
    });
    t.equal(noChoice.statusCode, 422);
    t.match(noChoice.body, '寄付にするか預り金');
    t.equal(await em().count(Payment, {}), 0, 'refused forms wrote nothing');

    const ok = await c.post(`/members/${taro.id}/payments`, {
      receivedOn: '2026-05-01',
      amount: '12,000',
      method: 'bank',
      pick: invs.map((i) => String(i.id)),
      remainderKind: 'donation',
      donationPurpose: '活動支援',
    });
    t.equal(ok.statusCode, 303);
    t.same(
      (await em().find(Invoice, { member: taro.id }, { orderBy: { fiscalYear: 'asc' } })).map((i) => i.status),
      ['paid', 'paid'],
    );
    t.equal((await em().find(Donation, {}))[0]?.amount, 2000);
    const page = await c.get(`/members/${taro.id}`);
    t.match(page.body, /badge dues-status member">会員</);

    const [payment] = await em().find(Payment, {});
    t.equal((await c.post(`/dues/payments/${payment!.id}/reverse`, { reason: '' })).statusCode, 422);
    t.equal((await c.post(`/dues/payments/${payment!.id}/reverse`, { reason: '二重入力' })).statusCode, 303);
    const after = await c.get(`/members/${taro.id}`);
    t.match(after.body, /badge dues-status arrears">滞納</, 'two open years again');
    const list = await c.get('/members');
    t.match(list.body, /badge arrears"[^>]*>滞納（退会候補）</, 'the member list shows it too');
  },
);

t.test('waive and cancel need a reason; the unpaid list records reminders when printed', async (t) => {
  const { app, em, taro, hanako } = await office(t);
  const c = await loggedIn(app, 'staff');
  await c.post('/dues/runs', { year: '2026', issuedOn: '2026-04-10' });
  const [a, b] = await em().find(Invoice, {}, { orderBy: { id: 'asc' } });
  t.equal((await c.post(`/dues/invoices/${b!.id}/waive`, { reason: '' })).statusCode, 422);
  t.equal((await c.post(`/dues/invoices/${b!.id}/waive`, { reason: '名誉会員' })).statusCode, 303);
  const unpaid = await c.get('/dues/unpaid?year=2026');
  t.match(unpaid.body, '山田 太郎');
  t.notMatch(unpaid.body, '佐藤 花子', 'waived is not unpaid');
  const res = await c.post('/dues/unpaid/reminders.pdf', { year: '2026' });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'application/pdf');
  const letter = pdf('reminder.pdf', res.rawPayload);
  t.equal(letter.pages, 1);
  t.match(letter.text, '山田太郎');
  t.equal((await em().findOneOrFail(Invoice, a!.id)).reminderCount, 1);
  const listed = await c.get('/dues/unpaid?year=2026');
  t.match(listed.body, /class="num reminders">1</);
  t.ok(hanako && taro);
});

t.test(
  'invoice PDFs: one page per member for a run and one for a single invoice, with name, amount, 振込先 and the font embedded',
  async (t) => {
    const { app, em } = await office(t);
    const c = await loggedIn(app, 'staff');
    await c.post('/dues/runs', { year: '2026', issuedOn: '2026-04-10' });
    const run = await c.get('/dues/runs/1/invoices.pdf');
    t.equal(run.statusCode, 200);
    const all = pdf('run.pdf', run.rawPayload);
    t.equal(all.pages, 2);
    t.match(all.text, '山田太郎');
    t.match(all.text, '佐藤花子');
    t.match(all.text, 'エニシ銀行本店普通1234567');
    t.match(all.text, 'ゆうちょ銀行00100-1-123456');
    t.match(all.text, '5,000円');
    t.match(all.text, '会員番号');
    t.match(all.fonts, /NotoSansJP-Regular\s+CID TrueType\s+Identity-H\s+yes/, 'the Japanese font is embedded');
    const inv = await em().findOneOrFail(Invoice, { invoiceNo: '2026-000002' });
    const one = pdf('one.pdf', (await c.get(`/dues/invoices/${inv.id}/invoice.pdf`)).rawPayload);
    t.equal(one.pages, 1);
    t.match(one.text, '佐藤花子');
    t.match(one.text, '3,000円');
  },
);

t.test('donations: recorded on their own (member or not), listed with a total, reversed with a reason', async (t) => {
  const { app, em, taro } = await office(t);
  const c = await loggedIn(app, 'staff');
  const bad = await c.post('/dues/donations', {
    memberNo: '',
    donorName: '',
    receivedOn: '2026-06-01',
    amount: '3000',
    method: 'cash',
  });
  t.equal(bad.statusCode, 422);
  t.match(bad.body, '会員を選ぶか、寄付者名を入力してください');
  const unknown = await c.post('/dues/donations', {
    memberNo: '999',
    receivedOn: '2026-06-01',
    amount: '3000',
    method: 'cash',
  });
  t.equal(unknown.statusCode, 422);
  t.match(unknown.body, '会員番号 999 の会員はいません');
  t.equal(await em().count(Donation, {}), 0);
  t.equal(
    (
      await c.post('/dues/donations', {
        memberNo: String(taro.memberNo),
        receivedOn: '2026-06-01',
        amount: '10,000',
        method: 'bank',
        purpose: '災害支援募金',
      })
    ).statusCode,
    303,
  );
  t.equal(
    (
      await c.post('/dues/donations', {
        donorName: '匿名の方',
        receivedOn: '2026-06-02',
        amount: '2000',
        method: 'cash',
      })
    ).statusCode,
    303,
  );
  const list = await c.get('/dues/donations');
  t.match(list.body, '災害支援募金');
  t.match(list.body, '匿名の方');
  t.match(list.body, '合計 <strong>12,000円</strong>');
  const [d] = await em().find(Donation, { donorName: '匿名の方' });
  t.equal((await c.post(`/dues/donations/${d!.id}/reverse`, { reason: '' })).statusCode, 422);
  t.equal((await c.post(`/dues/donations/${d!.id}/reverse`, { reason: '二重記録' })).statusCode, 303);
  t.match((await c.get('/dues/donations')).body, '合計 <strong>10,000円</strong>');
});
