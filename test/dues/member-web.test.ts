import t from 'tap';
import { Donation } from '../../src/dues/donation.entity.js';
import { Invoice } from '../../src/dues/invoice.entity.js';
import { Payment } from '../../src/dues/payment.entity.js';
import { updateSettings } from '../../src/settings/settings.service.js';
import { addFamilyMember } from '../../src/supporters/households.service.js';
import { build, loggedIn } from '../helper.js';
import { addMember, asTest } from './fixtures.js';

/** An office with 山田太郎 (正会員 5,000円) and his wife 山田花子 in the same household. */
async function office(t: Parameters<typeof build>[0]) {
  const ctx = await build(t);
  const em = ctx.em;
  const taro = await addMember(em(), {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'ヤマダ',
    givenKana: 'タロウ',
  });
  const hanako = await addMember(em(), {
    familyName: '山田',
    givenName: '花子',
    familyKana: 'ヤマダ',
    givenKana: 'ハナコ',
  });
  await asTest(() => addFamilyMember(em(), taro.id, hanako.memberNo, '配偶者'));
  const c = await loggedIn(ctx.app, 'staff');
  const invoice = async (memberId: number, fiscalYear: string) => {
    const res = await c.post(`/members/${memberId}/invoices/new`, { fiscalYear, issuedOn: `${fiscalYear}-04-10` });
    if (res.statusCode !== 303) throw new Error(`invoice not created: ${res.statusCode}`);
    return em().findOneOrFail(Invoice, { member: memberId, fiscalYear: Number(fiscalYear) });
  };
  return { ...ctx, taro, hanako, c, invoice };
}

t.test('one payment for a couple settles both invoices, and the member page then says 会員', async (t) => {
  const { em, taro, hanako, c, invoice } = await office(t);
  const mine = await invoice(taro.id, '2026');
  const hers = await invoice(hanako.id, '2026');
  const before = await c.get(`/members/${taro.id}`);
  t.match(before.body, /badge dues-status unpaid">未納</);
  t.match(before.body, '入金を記録');
  t.match(before.body, '請求を作成');

  const form = await c.get(`/members/${taro.id}/payments/new`);
  t.equal(form.statusCode, 200);
  t.match(form.body, hers.invoiceNo, 'the household member’s open invoice is offered');
  t.match(form.body, '同じ世帯：山田 花子');
  t.match(form.body, `name="alloc_${mine.id}" value="5000"`, 'amounts are prefilled with the open remainder');

  const ok = await c.post(`/members/${taro.id}/payments/new`, {
    receivedOn: '2026-05-01',
    amount: '10,000',
    method: 'bank',
    pick: [String(mine.id), String(hers.id)],
    [`alloc_${mine.id}`]: '5000',
    [`alloc_${hers.id}`]: '5000',
  });
  t.equal(ok.statusCode, 303);
  t.equal(ok.headers.location, `/members/${taro.id}#dues`);
  t.same(
    (await em().find(Invoice, {}, { orderBy: { id: 'asc' } })).map((i) => i.status),
    ['paid', 'paid'],
  );
  const page = await c.get(`/members/${taro.id}`);
  t.match(page.body, '入金を記録しました');
  t.match(page.body, /badge dues-status member">会員</);
  t.match(page.body, /<td>[^<]*2026-000001[^<]*2026-000002<\/td>/, 'the payment row names both invoices (充当先)');
  t.match(page.body, /<span class="kind">入金<\/span>/, 'the timeline has the payment');
  t.match(page.body, /<span class="kind">請求<\/span>/, 'and the invoice');
  t.match((await c.get(`/members/${hanako.id}`)).body, /badge dues-status member">会員</, 'the wife is paid up too');
});

t.test('a form with errors is shown again with Japanese messages and writes nothing', async (t) => {
  const { em, taro, c, invoice } = await office(t);
  const inv = await invoice(taro.id, '2026');
  const bad = await c.post(`/members/${taro.id}/payments/new`, {
    receivedOn: '2026-05-01',
    amount: '五千',
    method: 'cash',
    pick: String(inv.id),
  });
  t.equal(bad.statusCode, 422);
  t.match(bad.body, '金額を1円以上の整数で入力してください');
  t.match(bad.body, 'value="五千"', 'what was typed is kept');
  const badDate = await c.post(`/members/${taro.id}/payments/new`, {
    receivedOn: '5月32日',
    amount: '5000',
    method: 'cash',
    pick: String(inv.id),
  });
  t.equal(badDate.statusCode, 422);
  t.match(badDate.body, '入金日を正しく入力してください');
  const tooMuch = await c.post(`/members/${taro.id}/payments/new`, {
    receivedOn: '2026-05-01',
    amount: '5000',
    method: 'cash',
    pick: String(inv.id),
    [`alloc_${inv.id}`]: '6000',
  });
  t.equal(tooMuch.statusCode, 422);
  t.match(tooMuch.body, 'への充当額が正しくありません');
  const noChoice = await c.post(`/members/${taro.id}/payments/new`, {
    receivedOn: '2026-05-01',
    amount: '8000',
    method: 'cash',
    pick: String(inv.id),
  });
  t.equal(noChoice.statusCode, 422);
  t.match(noChoice.body, '寄付にするか預り金にするか選んでください');
  t.equal(await em().count(Payment, {}), 0, 'nothing was written');
  t.equal((await em().findOneOrFail(Invoice, inv.id)).status, 'unpaid');
});

t.test(
  'a surplus becomes a donation with its purpose; reversing the payment reopens the invoice and the donation',
  async (t) => {
    const { em, taro, c, invoice } = await office(t);
    const inv = await invoice(taro.id, '2026');
    const ok = await c.post(`/members/${taro.id}/payments/new`, {
      receivedOn: '2026-05-01',
      amount: '8000',
      method: 'cash',
      pick: String(inv.id),
      remainderKind: 'donation',
      donationPurpose: '子ども食堂',
    });
    t.equal(ok.statusCode, 303);
    const [donation] = await em().find(Donation, {});
    t.equal(donation?.amount, 3000);
    t.equal(donation?.purpose, '子ども食堂');
    const [payment] = await em().find(Payment, {});
    const detail = await c.get(`/dues/payments/${payment!.id}`);
    t.match(detail.body, inv.invoiceNo);
    t.match(detail.body, '残りからの寄付 3,000円（子ども食堂）');
    t.match((await c.get(`/members/${taro.id}`)).body, '寄付 3,000円', 'the member page shows the remainder');

    const noReason = await c.post(`/dues/payments/${payment!.id}/reverse`, { reason: ' ' });
    t.equal(noReason.statusCode, 422);
    t.match(noReason.body, '理由を入力してください');
    t.equal((await em().findOneOrFail(Payment, payment!.id)).status, 'active');
    const rev = await c.post(`/dues/payments/${payment!.id}/reverse`, { reason: '二重入力' });
    t.equal(rev.statusCode, 303);
    t.equal((await em().findOneOrFail(Invoice, inv.id)).status, 'unpaid');
    t.equal((await em().findOneOrFail(Donation, donation!.id)).status, 'reversed');
    const page = await c.get(`/members/${taro.id}`);
    t.match(page.body, /badge dues-status unpaid">未納</);
    t.match(page.body, /<span class="kind">取消<\/span>/, 'the timeline shows the reversal');
    t.match(page.body, '二重入力');
  },
);

t.test('credit kept from a surplus is applied to a later invoice with the member page button', async (t) => {
  const { em, taro, c, invoice } = await office(t);
  const first = await invoice(taro.id, '2025');
  await c.post(`/members/${taro.id}/payments/new`, {
    receivedOn: '2025-05-01',
    amount: '10000',
    method: 'cash',
    pick: String(first.id),
    remainderKind: 'credit',
  });
  const next = await invoice(taro.id, '2026');
  const page = await c.get(`/members/${taro.id}`);
  t.match(page.body, '預り金 <strong>5,000円</strong>');
  t.match(page.body, '預り金を充当する');
  const res = await c.post(`/members/${taro.id}/credit`, { invoiceId: String(next.id) });
  t.equal(res.statusCode, 303);
  t.equal((await em().findOneOrFail(Invoice, next.id)).status, 'paid');
  const again = await c.post(`/members/${taro.id}/credit`, { invoiceId: String(next.id) });
  t.equal(again.statusCode, 303, 'a refused credit comes back as a message, not an error page');
  t.match((await c.get(`/members/${taro.id}`)).body, 'この請求は未納・一部入金ではありません');
});

t.test(
  'a manual invoice suggests the prorated fee, refuses a second one for the year, and checks its fields',
  async (t) => {
    const { app, em, c } = await office(t);
    await asTest(() => updateSettings(em(), { proration: 'monthly' }));
    const late = await addMember(em(), {
      familyName: '鈴木',
      givenName: '一郎',
      familyKana: 'スズキ',
      givenKana: 'イチロウ',
      joinedOn: '2026-10-01',
    });
    const form = await c.get(`/members/${late.id}/invoices/new?fiscalYear=2026`);
    t.equal(form.statusCode, 200);
    t.match(form.body, 'name="amount" value="2500"', 'October to March is 6 of 12 months of 5,000円');
    const bad = await c.post(`/members/${late.id}/invoices/new`, { fiscalYear: '26年', amount: '2500' });
    t.equal(bad.statusCode, 422);
    t.match(bad.body, '年度を正しく入力してください');
    t.equal(await em().count(Invoice, {}), 0);
    const ok = await c.post(`/members/${late.id}/invoices/new`, { fiscalYear: '2026', amount: '' });
    t.equal(ok.statusCode, 303);
    t.equal(
      (await em().findOneOrFail(Invoice, { member: late.id })).amount,
      2500,
      'a blank amount is the prorated fee',
    );
    const dup = await c.post(`/members/${late.id}/invoices/new`, { fiscalYear: '2026', amount: '5000' });
    t.equal(dup.statusCode, 409);
    t.match(dup.body, '2026年度の請求はすでにあります');
    t.equal(await em().count(Invoice, {}), 1);
    t.ok(app);
  },
);

t.test('waive and cancel on the invoice page need a reason; cancel is refused once paid', async (t) => {
  const { em, taro, hanako, c, invoice } = await office(t);
  const a = await invoice(taro.id, '2026');
  const b = await invoice(hanako.id, '2026');
  const detail = await c.get(`/dues/invoices/${a.id}`);
  t.equal(detail.statusCode, 200);
  t.match(detail.body, `/dues/invoices/${a.id}/invoice.pdf`);
  t.match(detail.body, '免除にする');
  for (const action of ['waive', 'cancel']) {
    const res = await c.post(`/dues/invoices/${a.id}/${action}`, { reason: '' });
    t.equal(res.statusCode, 422, `${action} without a reason`);
    t.match(res.body, '理由を入力してください');
  }
  t.equal((await em().findOneOrFail(Invoice, a.id)).status, 'unpaid');
  t.equal((await c.post(`/dues/invoices/${a.id}/waive`, { reason: '名誉会員' })).statusCode, 303);
  t.equal((await em().findOneOrFail(Invoice, a.id)).status, 'waived');
  t.match((await c.get(`/dues/invoices/${a.id}`)).body, '名誉会員');

  await c.post(`/members/${hanako.id}/payments/new`, {
    receivedOn: '2026-05-01',
    amount: '1000',
    method: 'cash',
    pick: String(b.id),
    [`alloc_${b.id}`]: '1000',
  });
  t.equal((await em().findOneOrFail(Invoice, b.id)).status, 'partial');
  const refused = await c.post(`/dues/invoices/${b.id}/cancel`, { reason: '誤発行' });
  t.equal(refused.statusCode, 409);
  t.match(refused.body, '入金のある請求は取り消せません');
  const [p] = await em().find(Payment, {});
  await c.post(`/dues/payments/${p!.id}/reverse`, { reason: '誤入力' });
  t.equal((await c.post(`/dues/invoices/${b.id}/cancel`, { reason: '誤発行' })).statusCode, 303);
  t.equal((await em().findOneOrFail(Invoice, b.id)).status, 'cancelled');
  t.match((await c.get(`/members/${hanako.id}`)).body, /<span class="kind">取消<\/span>/);
});

t.test('donations: the new page records one, the list shows it with the period total', async (t) => {
  const { em, taro, c } = await office(t);
  t.equal((await c.get('/dues/donations/new')).statusCode, 200);
  const bad = await c.post('/dues/donations/new', {
    donorName: '',
    memberNo: '',
    receivedOn: '2026-06-01',
    amount: 'abc',
    method: 'cash',
  });
  t.equal(bad.statusCode, 422);
  t.match(bad.body, '会員を選ぶか、寄付者名を入力してください');
  t.match(bad.body, '金額を1円以上の整数で入力してください');
  t.equal(
    (
      await c.post('/dues/donations/new', {
        memberNo: String(taro.memberNo),
        receivedOn: '2026-06-01',
        amount: '１０，０００',
        method: 'bank',
        purpose: '災害支援募金',
      })
    ).statusCode,
    303,
  );
  t.equal(
    (
      await c.post('/dues/donations/new', {
        donorName: '匿名の方',
        receivedOn: '2026-08-01',
        amount: '2000',
        method: 'cash',
      })
    ).statusCode,
    303,
  );
  t.equal(await em().count(Donation, {}), 2);
  const list = await c.get('/dues/donations');
  t.match(list.body, '災害支援募金');
  t.match(list.body, '山田 太郎');
  t.match(list.body, '合計 <strong>12,000円</strong>');
  const june = await c.get('/dues/donations?from=2026-06-01&to=2026-06-30');
  t.match(june.body, '合計 <strong>10,000円</strong>');
  t.notMatch(june.body, '匿名の方');
});

t.test('a viewer sees the pages but cannot record, invoice, waive, reverse or donate', async (t) => {
  const { app, em, taro, c, invoice } = await office(t);
  const inv = await invoice(taro.id, '2026');
  await c.post(`/members/${taro.id}/payments/new`, {
    receivedOn: '2026-05-01',
    amount: '5000',
    method: 'cash',
    pick: String(inv.id),
  });
  const [p] = await em().find(Payment, {});
  const v = await loggedIn(app, 'viewer');
  const page = await v.get(`/members/${taro.id}`);
  t.match(page.body, /badge dues-status member">会員</);
  t.notMatch(page.body, '入金を記録</a>', 'no buttons for a viewer');
  t.equal((await v.get(`/dues/invoices/${inv.id}`)).statusCode, 200);
  t.equal((await v.get(`/members/${taro.id}/payments/new`)).statusCode, 403);
  const posts: [string, Record<string, string>][] = [
    [`/members/${taro.id}/payments/new`, { receivedOn: '2026-05-01', amount: '5000', method: 'cash' }],
    [`/members/${taro.id}/invoices/new`, { fiscalYear: '2027' }],
    [`/members/${taro.id}/credit`, { invoiceId: String(inv.id) }],
    [`/dues/invoices/${inv.id}/waive`, { reason: 'x' }],
    [`/dues/invoices/${inv.id}/cancel`, { reason: 'x' }],
    [`/dues/payments/${p!.id}/reverse`, { reason: 'x' }],
    ['/dues/donations/new', { donorName: 'x', receivedOn: '2026-06-01', amount: '100', method: 'cash' }],
  ];
  for (const [url, form] of posts) t.equal((await v.post(url, form)).statusCode, 403, url);
  t.equal(await em().count(Payment, {}), 1);
  t.equal(await em().count(Invoice, {}), 1);
  t.equal(await em().count(Donation, {}), 0);
});
