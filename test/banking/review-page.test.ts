import t from 'tap';
import { BankTransaction } from '../../src/banking/bank-transaction.entity.js';
import { confidenceLabel, confidenceOf } from '../../src/banking/confidence.js';
import { Donation } from '../../src/dues/donation.entity.js';
import { createManualInvoice } from '../../src/dues/invoice.service.js';
import { Invoice } from '../../src/dues/invoice.entity.js';
import { Payment } from '../../src/dues/payment.entity.js';
import { recordPayment } from '../../src/dues/payment.service.js';
import { encodeCp932 } from '../../src/lib/text-encoding.js';
import { seedDefaults } from '../../src/seed.js';
import { build, loggedIn } from '../helper.js';
import { addMember, asTest, multipart } from '../supporters/fixtures.js';
import { office } from './fixtures.js';

/** Two members of the same kana (ナカムラ イチロウ), a stranger, and a gift from a non-member. */
const STATEMENT = encodeCp932(
  [
    '"日付","摘要","お引出し","お預入れ","残高"',
    '"2026/5/7","振込 ﾅｶﾑﾗ ｲﾁﾛｳ","","8,000","108,000"',
    '"2026/5/8","振込 ｺﾊﾞﾔｼ ｼﾞﾛｳ","","5,000","113,000"',
    '"2026/5/9","振込 ﾔﾏｸﾞﾁ ｻﾁｺ","","10,000","123,000"',
    '',
  ].join('\r\n'),
);

async function setup(t: Parameters<typeof build>[0]) {
  const ctx = await build(t);
  await seedDefaults(ctx.em());
  const nakamura = (familyName: string, givenName: string, extra: Record<string, string>) =>
    addMember(ctx.em(), { familyName, givenName, familyKana: 'ナカムラ', givenKana: 'イチロウ', ...extra });
  const east = await nakamura('中村', '一郎', {
    postalCode: '160-0022',
    prefecture: '東京都',
    city: '新宿区',
    address1: '新宿1-2-3',
    phone: '03-1111-2222',
  });
  const west = await nakamura('中村', '市朗', {
    postalCode: '530-0001',
    prefecture: '大阪府',
    city: '大阪市北区',
    address1: '梅田4-5-6',
    phone: '06-3333-4444',
  });
  const o = await office(ctx.em);
  // Last year's dues, paid on different days: what tells the two apart at the bank.
  for (const [m, days] of [
    [east, ['2025-04-20', '2025-06-01']],
    [west, ['2025-11-20']],
  ] as const) {
    for (const [k, day] of days.entries()) {
      await asTest(() =>
        recordPayment(ctx.em(), {
          memberId: m.id,
          receivedOn: day,
          amount: m === east ? 3000 + k * 1000 : 7000,
          method: 'bank',
          allocations: [],
          remainderKind: 'donation',
        }),
      );
    }
  }
  const c = await loggedIn(ctx.app, 'staff');
  await c.get('/bank');
  const { payload, headers } = multipart('meisai.csv', STATEMENT, 'file', { _csrf: c.csrf });
  const res = await c.request({ method: 'POST', url: '/bank/imports', payload, headers });
  if (res.statusCode !== 303) throw new Error(res.body.slice(0, 400));
  const line = async (payer: string) =>
    ctx.em().findOneOrFail(BankTransaction, { payer: { $like: `%${payer}%` } }, { populate: ['bankImport'] });
  return { ...ctx, o, c, east, west, line };
}

/** The cells of one candidate row of the line page (by member id). */
function candidateRow(body: string, memberId: number): string {
  const m = new RegExp(`<tr class="candidate" data-member="${memberId}">([\\s\\S]*?)</tr>`).exec(body);
  return m?.[1] ?? '';
}

const checkedRadios = (body: string) => body.match(/name="memberId" value="\d+"[^>]*checked/g) ?? [];

t.test('the candidates table headers do not wrap and are plain text', async (t) => {
  const { c, line } = await setup(t);
  const css = await c.get('/assets/app.css');
  t.match(
    css.body,
    /table\.candidates th[^{]*\{[^}]*white-space:\s*nowrap/,
    'the header cells keep their words on one line',
  );
  t.match(css.body, /table\.candidates td\.pick\s*\{[^}]*width:/, 'the radio column has a width of its own');
  const page = await c.get(`/bank/lines/${(await line('ﾅｶﾑﾗ')).id}`);
  const head = /<table class="candidates">\s*<thead>([\s\S]*?)<\/thead>/.exec(page.body)?.[1] ?? '';
  const cells = [...head.matchAll(/<th>([^<]*)<\/th>/g)].map((m) => m[1]);
  t.same(cells, ['振込人', '会員', '未納の請求と割り当てる金額', '理由'], 'four headers, each only its words');
  t.notMatch(head, /<br|<span/, 'no markup inside a header cell that could break it');
});

t.test('the confidence of a suggestion is 高, 中 or 低 from the matcher’s scores, never the number', async (t) => {
  // The scores matcher.ts gives (base ± the amount fitting), rounded as stored (settlement.ts).
  const cases: [number, string, string][] = [
    [1, 'high', 'learned payer name or member number with the name, amount fits'],
    [0.95, 'high', 'unique exact kana, amount fits'],
    [0.85, 'high', 'the threshold itself'],
    [0.8, 'medium', 'certain identity, amount does not fit'],
    [0.75, 'medium', 'unique kana with a surplus, or a bare member number that fits'],
    [0.7, 'medium', 'a certain match whose invoice an earlier line settled'],
    [0.65, 'medium', 'family name matching a household’s dues'],
    [0.55, 'medium', 'homonyms or a typo whose amount fits'],
    [0.5, 'medium', 'member number with another name, amount fits'],
    [0.45, 'low', 'family name alone, amount fits'],
    [0.35, 'low', 'homonyms whose amount does not fit'],
    [0.25, 'low', 'family name alone, amount does not fit'],
    [0, 'low', 'nothing'],
  ];
  for (const [score, level, why] of cases) t.equal(confidenceOf(score), level, `${score}: ${why}`);
  t.equal(confidenceLabel(0.95), '一致度：高');
  t.equal(confidenceLabel(0.55), '一致度：中');
  t.equal(confidenceLabel(0.3), '一致度：低');

  const { c, line } = await setup(t);
  const page = await c.get(`/bank/lines/${(await line('ﾅｶﾑﾗ')).id}`);
  t.match(page.body, '一致度：低', 'homonyms with a surplus are a weak suggestion');
  t.notMatch(page.body, /[（(]0\.\d\d[）)]/, 'the raw score is not printed');
  const imp = await c.get(`/bank/imports/${(await line('ﾅｶﾑﾗ')).bankImport.id}`);
  t.notMatch(imp.body, /<td class="num">0\.\d\d<\/td>/, 'nor on the import page');
  t.match(imp.body, /<td class="confidence">低<\/td>/);
});

t.test('two candidates with the same kana show their different addresses, phones and last payments', async (t) => {
  const { c, line, east, west } = await setup(t);
  const page = await c.get(`/bank/lines/${(await line('ﾅｶﾑﾗ')).id}`);
  const a = candidateRow(page.body, east.id);
  const b = candidateRow(page.body, west.id);
  t.match(a, 'ナカムラ イチロウ');
  t.match(b, 'ナカムラ イチロウ');
  t.match(a, '東京都新宿区新宿1-2-3');
  t.match(a, '03-1111-2222');
  t.match(a, /最終入金：2025-06-01 4,000円/, 'the latest of two payments');
  t.match(b, '大阪府大阪市北区梅田4-5-6');
  t.match(b, '06-3333-4444');
  t.match(b, /最終入金：2025-11-20 7,000円/);
  t.same(checkedRadios(page.body), [], 'with two candidates, neither is chosen for staff');
});

t.test(
  'a rest of the deposit must be chosen: none is pre-checked, no choice is refused, a choice is booked',
  async (t) => {
    const { c, em, line, west } = await setup(t);
    const l = await line('ﾅｶﾑﾗ');
    const page = await c.get(`/bank/lines/${l.id}`);
    t.notMatch(page.body, /<select name="remainder"/, 'no drop-down that defaults to a donation');
    t.notMatch(page.body, /name="remainder" value="\w+"[^>]*checked/, 'neither 寄付 nor 預り金 is pre-checked');
    t.match(page.body, '寄付にする');
    t.match(page.body, '預り金にする');
    const inv = await em().findOneOrFail(Invoice, { member: west.id, fiscalYear: 2026 });
    const form = { memberId: String(west.id), [`alloc_${inv.id}`]: '5000', fee: '0', donationPurpose: '会報の印刷' };
    const refused = await c.post(`/bank/lines/${l.id}/confirm`, form);
    t.equal(refused.statusCode, 422);
    t.match(refused.body, '請求に割り当てていない残りが 3,000円 あります');
    t.match(refused.body, '「寄付にする」か「預り金にする」か選んでください');
    t.match(refused.body, new RegExp(`name="memberId" value="${west.id}"[^>]*checked`), 'the payer stays chosen');
    t.match(refused.body, new RegExp(`name="alloc_${inv.id}"[^>]*value="5000"`), 'the amount stays filled');
    t.match(refused.body, 'value="会報の印刷"', 'the purpose stays filled');
    t.equal(await em().count(Payment, { bankTransactionId: l.id }), 0, 'nothing written');
    t.equal((await em().findOneOrFail(BankTransaction, l.id)).status, 'review');
    const garbage = await c.post(`/bank/lines/${l.id}/confirm`, { ...form, remainder: 'anything' });
    t.equal(garbage.statusCode, 422, 'an unknown value is no choice either');

    const booked = await c.post(`/bank/lines/${l.id}/confirm`, { ...form, remainder: 'credit' });
    t.equal(booked.statusCode, 303, booked.body.slice(0, 300));
    const [p] = await em().find(Payment, { bankTransactionId: l.id });
    t.same([p!.member.id, p!.remainderKind, p!.remainderAmount], [west.id, 'credit', 3000], 'the rest kept as credit');
    t.equal(await em().count(Donation, { payment: p!.id }), 0, 'and no donation booked');
  },
);

t.test('a deposit that leaves no rest needs no choice of what the rest becomes', async (t) => {
  const { c, em, line, o } = await setup(t);
  const l = await line('ｺﾊﾞﾔｼ');
  const inv = await em().findOneOrFail(Invoice, { member: o.takahashi.id });
  const res = await c.post(`/bank/lines/${l.id}/confirm`, {
    memberId: String(o.takahashi.id),
    [`alloc_${inv.id}`]: '5000',
    fee: '0',
  });
  t.equal(res.statusCode, 303, res.body.slice(0, 300));
  t.equal((await em().findOneOrFail(Invoice, inv.id)).status, 'paid');
});

t.test('a member found by the quick search is a candidate at once: search, pick, 確定 books the payment', async (t) => {
  const { c, em, line, o } = await setup(t);
  const l = await line('ｺﾊﾞﾔｼ');
  const inv = await em().findOneOrFail(Invoice, { member: o.takahashi.id });
  const found = await c.get(`/bank/lines/${l.id}?q=${encodeURIComponent('高橋')}`);
  t.equal(found.statusCode, 200);
  t.notMatch(found.body, '候補に加える', 'no second step to add the member');
  const row = candidateRow(found.body, o.takahashi.id);
  t.match(row, 'type="radio" name="memberId"', 'the found member can be chosen as the payer');
  t.match(row, `name="alloc_${inv.id}"`, 'with their open invoice');
  t.match(row, '検索で見つかった会員');
  t.same(checkedRadios(found.body), [], 'the found member is not chosen for staff');
  // The confirm form carries the search, so a refused form still lists the member.
  t.match(found.body, /<input type="hidden" name="q" value="高橋">/);
  const refused = await c.post(`/bank/lines/${l.id}/confirm`, {
    q: '高橋',
    memberId: String(o.takahashi.id),
    [`alloc_${inv.id}`]: '4000',
    fee: '0',
  });
  t.equal(refused.statusCode, 422, 'a rest of 1,000円 without a choice');
  t.match(candidateRow(refused.body, o.takahashi.id), `name="alloc_${inv.id}"`, 'the found member is still listed');
  const res = await c.post(`/bank/lines/${l.id}/confirm`, {
    q: '高橋',
    memberId: String(o.takahashi.id),
    [`alloc_${inv.id}`]: '5000',
    fee: '0',
  });
  t.equal(res.statusCode, 303, res.body.slice(0, 300));
  const [p] = await em().find(Payment, { bankTransactionId: l.id });
  t.equal(p!.member.id, o.takahashi.id, 'the payment is the found member’s');
  t.equal((await em().findOneOrFail(Invoice, inv.id)).status, 'paid');
  t.equal((await em().findOneOrFail(BankTransaction, l.id)).status, 'matched');
});

t.test('the payer is pre-chosen only when the page lists one high-confidence suggestion', async (t) => {
  const { c, em, o } = await setup(t);
  // Dues that the deposit settles exactly, and a payer name that is exactly one member's: 0.95.
  await asTest(() => createManualInvoice(em(), { memberId: o.ito.id, fiscalYear: 2027, amount: 4000 }));
  const csv = encodeCp932(
    '"日付","摘要","お引出し","お預入れ","残高"\r\n"2026/5/20","振込 ｲﾄｳ ﾖｼｺ","","7,000","1"\r\n',
  );
  const { payload, headers } = multipart('june.csv', csv, 'file', { _csrf: c.csrf });
  await c.request({ method: 'POST', url: '/bank/imports', payload, headers });
  const l = await em().findOneOrFail(BankTransaction, { payer: { $like: '%ｲﾄｳ%' } });
  t.equal(l.status, 'review', 'the surplus keeps it in review');
  const page = await c.get(`/bank/lines/${l.id}`);
  t.same(checkedRadios(page.body), [], 'a medium suggestion is not chosen for staff');
  const [s] = l.suggestions!;
  t.equal(l.suggestions!.length, 1);
  // The same line had the matcher been sure (as for a learned payer name whose amount fits).
  const e = em();
  const same = await e.findOneOrFail(BankTransaction, l.id);
  same.suggestions = [{ ...s!, score: 0.95 }];
  await asTest(() => e.flush());
  const sure = await c.get(`/bank/lines/${l.id}`);
  t.equal(checkedRadios(sure.body).length, 1, 'one high-confidence suggestion alone is chosen');
  t.match(sure.body, new RegExp(`name="memberId" value="${o.ito.id}"[^>]*checked`));
  for (const a of s!.invoices)
    t.match(sure.body, new RegExp(`name="alloc_${a.id}"[^>]*value="${a.amount}"`), 'and its amounts filled in');
});

t.test(
  'a gift from a non-member is booked from the line with the donor’s name and address, audited, and undone with the line',
  async (t) => {
    const { c, em, line } = await setup(t);
    const { AuditLog } = await import('../../src/audit/audit-log.entity.js');
    const l = await line('ﾔﾏｸﾞﾁ');
    const page = await c.get(`/bank/lines/${l.id}`);
    t.match(page.body, '会員以外からの寄付として記録');
    t.match(page.body, /name="donorName" value="ヤマグチ サチコ"/, 'the payer name, in full-width kana, to start from');
    const url = `/bank/lines/${l.id}/non-member-donation`;
    const refused = await c.post(url, { donorName: '山口 幸子', postalCode: '123', donorAddress: '', purpose: '' });
    t.equal(refused.statusCode, 422);
    t.match(refused.body, '郵便番号は7桁で入力してください');
    t.match(refused.body, '寄付者の住所を入力してください');
    t.match(refused.body, /name="donorName" value="山口 幸子"/, 'the form stays filled');
    t.match(refused.body, /name="learnAlias" value="1" checked/, 'the confirm form above is left as it was');
    t.equal(await em().count(Donation, {}), 3, 'nothing written (the three are the setup’s payments’ remainders)');
    const before = await em().count(Donation, { bankTransactionId: l.id });
    t.equal(before, 0);

    const res = await c.post(url, {
      donorName: '山口 幸子',
      postalCode: '２５１－００５２',
      donorAddress: '神奈川県藤沢市藤沢1-1',
      purpose: '子ども食堂',
    });
    t.equal(res.statusCode, 303, res.body.slice(0, 400));
    const [gift] = await em().find(Donation, { bankTransactionId: l.id });
    t.same(
      [gift!.member, gift!.donorName, gift!.donorAddress, gift!.amount, gift!.method, gift!.purpose, gift!.receivedOn],
      [null, '山口 幸子', '〒251-0052 神奈川県藤沢市藤沢1-1', 10000, 'bank', '子ども食堂', '2026-05-09'],
    );
    const done = await em().findOneOrFail(BankTransaction, l.id);
    t.same([done.status, done.member, done.note], ['donation', null, '会員以外からの寄付：山口 幸子']);
    t.ok(
      await em().count(AuditLog, { entityName: 'Donation', entityId: String(gift!.id), action: 'create' }),
      'the donation is in the change log',
    );
    t.ok(await em().count(AuditLog, { entityName: 'BankTransaction', entityId: String(l.id) }), 'so is the line');
    const list = await c.get('/dues/donations');
    t.match(list.body, '山口 幸子', 'the gift is in the donations list');
    t.equal((await c.post(url, { donorName: '山口 幸子', donorAddress: 'x' })).statusCode, 409, 'not twice');

    const undo = await c.post(`/bank/lines/${l.id}/undo`, { reason: '会員の家族だった' });
    t.equal(undo.statusCode, 303);
    t.equal((await em().findOneOrFail(BankTransaction, l.id)).status, 'review', 'the line is back in review');
    const reversed = await em().findOneOrFail(Donation, gift!.id);
    t.same([reversed.status, reversed.reversalReason], ['reversed', '会員の家族だった'], 'and the gift reversed');
  },
);

t.test('undoing a whole import reverses a non-member gift booked from one of its lines', async (t) => {
  const { c, em, line } = await setup(t);
  const l = await line('ﾔﾏｸﾞﾁ');
  const res = await c.post(`/bank/lines/${l.id}/non-member-donation`, {
    donorName: '山口 幸子',
    donorAddress: '神奈川県藤沢市藤沢1-1',
  });
  t.equal(res.statusCode, 303);
  t.equal((await c.post(`/bank/imports/${l.bankImport.id}/undo`, { reason: '口座違い' })).statusCode, 303);
  t.same(
    (await em().find(Donation, { donorName: '山口 幸子' })).map((d) => d.status),
    ['reversed'],
  );
});
