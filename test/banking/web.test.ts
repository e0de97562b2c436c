import t from 'tap';
import { BankImport } from '../../src/banking/bank-import.entity.js';
import { BankTransaction } from '../../src/banking/bank-transaction.entity.js';
import { PayerAlias } from '../../src/banking/payer-alias.entity.js';
import { Invoice } from '../../src/dues/invoice.entity.js';
import { Payment } from '../../src/dues/payment.entity.js';
import { seedDefaults } from '../../src/seed.js';
import { encodeCp932 } from '../../src/lib/text-encoding.js';
import { build, loggedIn, type Client } from '../helper.js';
import { multipart } from '../supporters/fixtures.js';
import { office, sample } from './fixtures.js';

async function upload(c: Client, url: string, name: string, bytes: Buffer, fields: Record<string, string> = {}) {
  if (!c.csrf) await c.get('/bank');
  const { payload, headers } = multipart(name, bytes, 'file', { _csrf: c.csrf, ...fields });
  return c.request({ method: 'POST', url, payload, headers });
}

async function setup(t: Parameters<typeof build>[0]) {
  const ctx = await build(t);
  await seedDefaults(ctx.em());
  const o = await office(ctx.em);
  const c = await loggedIn(ctx.app, 'staff');
  return { ...ctx, o, c };
}

t.test(
  'upload → summary → review queue with reasons → confirm a suggestion → member paid, payer name learned',
  async (t) => {
    const { em, o, c } = await setup(t);
    const res = await upload(c, '/bank/imports', 'meisai.csv', sample('bank-two-columns-202605.csv'));
    t.equal(res.statusCode, 303, res.body.slice(0, 300));
    const page = await c.get(res.headers.location as string);
    t.match(page.body, /class="count-deposits">9</);
    t.match(page.body, /class="count-matched">6</);
    t.match(page.body, /class="count-review">3</);
    t.match(page.body, '多い', 'the surplus reason is shown');
    const line = await em().findOneOrFail(BankTransaction, { payer: { $like: '%ｲﾄｳ%' } });
    const inv = await em().findOneOrFail(Invoice, { member: o.ito.id });
    const confirm = await c.post(`/bank/lines/${line.id}/confirm`, {
      memberId: String(o.ito.id),
      [`alloc_${inv.id}`]: '5000',
      fee: '0',
      remainder: 'donation',
      learnAlias: '1',
    });
    t.equal(confirm.statusCode, 303);
    t.equal((await em().findOneOrFail(Invoice, inv.id)).status, 'paid');
    t.equal(await em().count(PayerAlias, { member: o.ito.id }), 1);
    const member = await c.get(`/members/${o.ito.id}`);
    t.match(member.body, /dues-status member">会員</);
    const thanks = await c.get('/bank/to-thank');
    t.match(thanks.body, '伊藤 良子');
    t.match(thanks.body, '寄付 3,000円');
  },
);

t.test(
  're-uploading a statement whose lines are all known says so on the page and creates no empty import',
  async (t) => {
    const { em, c } = await setup(t);
    const bytes = sample('bank-two-columns-202605.csv');
    t.equal((await upload(c, '/bank/imports', 'meisai.csv', bytes)).statusCode, 303);
    const again = await upload(c, '/bank/imports', 'meisai.csv', bytes);
    t.equal(again.statusCode, 303, again.body.slice(0, 300));
    t.equal(again.headers.location, '/bank', 'back to the list, not to an empty import');
    const page = await c.get('/bank');
    t.match(page.body, 'この明細の 10 行はすべて取り込み済みです', 'the page says the file was imported before');
    t.match(page.body, '取り込みは作成していません');
    t.equal(await em().count(BankImport, {}), 1, 'no second import row');
    t.equal(await em().count(BankTransaction, {}), 10);
  },
);

t.test('bad uploads show a Japanese message and store nothing; viewers cannot upload', async (t) => {
  const { app, em, c } = await setup(t);
  const res = await upload(c, '/bank/imports', 'list.pdf', Buffer.from('%PDF-1.4 test'));
  t.equal(res.statusCode, 422);
  t.match(res.body, 'PDFファイルは取り込めません');
  const bad = await upload(
    c,
    '/bank/imports',
    'x.csv',
    encodeCp932(
      '"日付","摘要","お引出し","お預入れ","残高"\r\n"2026/5/7","振込 A","","5,000","1"\r\n"2026/5/77","振込 B","","1","1"\r\n',
    ),
  );
  t.equal(bad.statusCode, 422);
  t.match(bad.body, '3行目: 日付「2026/5/77」が読めません');
  t.equal(await em().count(BankImport, {}), 0);
  const viewer = await loggedIn(app, 'viewer');
  t.equal((await upload(viewer, '/bank/imports', 'meisai.csv', sample('bank-two-columns-202605.csv'))).statusCode, 403);
  t.equal(await em().count(BankTransaction, {}), 0);
});

t.test('undo a confirmed line and a whole import from the page, with a reason', async (t) => {
  const { em, c } = await setup(t);
  const res = await upload(c, '/bank/imports', 'meisai.csv', sample('bank-utf8-bom-202605.csv'));
  const importId = Number(/\/bank\/imports\/(\d+)/.exec(res.headers.location as string)![1]);
  const matched = await em().findOneOrFail(BankTransaction, { status: 'matched', payer: { $like: '%ﾀｶﾊｼ%' } });
  t.equal((await c.post(`/bank/lines/${matched.id}/undo`, { reason: '' })).statusCode, 422);
  t.equal((await c.post(`/bank/lines/${matched.id}/undo`, { reason: '別人の入金' })).statusCode, 303);
  t.equal((await em().findOneOrFail(BankTransaction, matched.id)).status, 'review');
  t.equal(await em().count(Payment, { status: 'active' }), 5);
  const notDues = await em().findOneOrFail(BankTransaction, { payer: { $like: '%ﾘｿｸ%' } });
  t.equal((await c.post(`/bank/lines/${notDues.id}/not-dues`, { note: '利息' })).statusCode, 303);
  t.equal((await em().findOneOrFail(BankTransaction, notDues.id)).status, 'not_dues');
  t.equal((await c.post(`/bank/imports/${importId}/undo`, { reason: '口座違い' })).statusCode, 303);
  t.equal(await em().count(Payment, { status: 'active' }), 0, 'every payment of the import reversed');
  t.equal(await em().count(BankTransaction, {}), 0, 'lines removed');
  const page = await c.get(`/bank/imports/${importId}`);
  t.match(page.body, '取り消し済み');
});

t.test('a CSV no format knows: map its columns, save the profile, import with it next month', async (t) => {
  const { em, c } = await setup(t);
  const csv = encodeCp932('お取引日,ご依頼人,入金,出金\r\n20260507,ﾔﾏﾀﾞ ﾀﾛｳ,5000,\r\n20260508,,,300\r\n');
  const refused = await upload(c, '/bank/imports', 'shinkin.csv', csv);
  t.equal(refused.statusCode, 422);
  t.match(refused.body, '列の設定');
  const preview = await upload(c, '/bank/profiles/preview', 'shinkin.csv', csv);
  t.equal(preview.statusCode, 303);
  const mapping = await c.get(preview.headers.location as string);
  t.match(mapping.body, 'ご依頼人');
  const uploadId = /name="upload" value="([^"]+)"/.exec(mapping.body)![1]!;
  const saved = await c.post('/bank/profiles', {
    upload: uploadId,
    headerRow: '1',
    date: '1',
    payer: '2',
    deposit: '3',
    withdrawal: '4',
    name: '〇〇信用金庫',
    // biome-ignore lint/suspicious/noThenProperty: a form field of the profile page, not a thenable
    then: 'import',
  });
  t.equal(saved.statusCode, 303, saved.body.slice(0, 400));
  t.equal(await em().count(Payment, { status: 'active' }), 1, '山田 matched through the mapped columns');
  const profiles = await c.get('/bank/profiles');
  t.match(profiles.body, '〇〇信用金庫');
});

t.test(
  'the line page: find another member, split one deposit across two members, or book it all as a donation',
  async (t) => {
    const { em, o, c } = await setup(t);
    await upload(c, '/bank/imports', 'meisai.csv', sample('bank-signed-preamble-202605.csv'));
    const { createManualInvoice } = await import('../../src/dues/invoice.service.js');
    const { asTest } = await import('../supporters/fixtures.js');
    const extra = await asTest(() =>
      createManualInvoice(em(), { memberId: o.yamada.id, fiscalYear: 2027, amount: 3000 }),
    );
    const ito = await em().findOneOrFail(BankTransaction, { payer: { $like: '%ｲﾄｳ%' } });
    const found = await c.get(`/bank/lines/${ito.id}?q=${encodeURIComponent('ヤマダ')}`);
    t.equal(found.statusCode, 200);
    t.match(found.body, `data-member="${o.yamada.id}"`, 'the found member is listed as a candidate');
    const withYamada = await c.get(`/bank/lines/${ito.id}?add=${o.yamada.id}`);
    t.match(withYamada.body, extra.invoiceNo, 'the added member’s open invoice can take part of the deposit');
    const itoInv = await em().findOneOrFail(Invoice, { member: o.ito.id });
    const over = await c.post(`/bank/lines/${ito.id}/confirm`, {
      memberId: String(o.ito.id),
      [`alloc_${itoInv.id}`]: '5000',
      [`alloc_${extra.id}`]: '4000',
      fee: '0',
      remainder: 'donation',
    });
    t.equal(over.statusCode, 422, 'more than the open amount is refused on the page');
    const split = await c.post(`/bank/lines/${ito.id}/confirm`, {
      memberId: String(o.ito.id),
      [`alloc_${itoInv.id}`]: '5000',
      [`alloc_${extra.id}`]: '3000',
      fee: '0',
      remainder: 'donation',
    });
    t.equal(split.statusCode, 303);
    t.same(
      (await em().find(Invoice, { id: { $in: [itoInv.id, extra.id] } })).map((i) => i.status),
      ['paid', 'paid'],
    );
    t.equal(
      await em().count(Payment, { bankTransactionId: ito.id }),
      2,
      'one payment per member, both linked to the line',
    );

    const interest = await em().findOneOrFail(BankTransaction, { payer: { $like: '%ﾘｿｸ%' } });
    t.equal(
      (
        await c.post(`/bank/lines/${interest.id}/donation`, {
          memberId: String(o.midori.id),
          donationPurpose: '活動支援',
        })
      ).statusCode,
      303,
    );
    const [gift] = await em().find(Payment, { bankTransactionId: interest.id });
    t.same([gift!.remainderKind, gift!.remainderAmount], ['donation', 12]);
  },
);
