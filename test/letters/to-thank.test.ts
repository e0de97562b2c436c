import t from 'tap';
import { AuditLog } from '../../src/audit/audit-log.entity.js';
import { Donation } from '../../src/dues/donation.entity.js';
import { Payment } from '../../src/dues/payment.entity.js';
import { ThankLetter } from '../../src/letters/thank-letter.entity.js';
import { toThankList } from '../../src/letters/to-thank.service.js';
import { Interaction } from '../../src/supporters/interaction.entity.js';
import { pdfWorkspace, printToThank, thankOffice } from './fixtures.js';

const squash = (s: string) => s.replace(/\s+/g, '');

t.test('the to-thank list holds payments, donations and gifts, oldest first', async (t) => {
  const { em, c, payment, gift, donation } = await thankOffice(t);
  t.same(
    (await toThankList(em())).map((s) => s.key),
    [`dues:${payment.id}`, `gift:${gift.id}`, `donation:${donation.id}`],
  );
  const page = await c.get('/letters/to-thank');
  t.equal(page.statusCode, 200);
  const order = ['山田 太郎', '鈴木 一郎', '株式会社 佐藤商店'].map((n) => page.body.indexOf(n));
  t.ok(
    order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!)),
    'rows in date order',
  );
  t.match(page.body, 'うち寄付 3,000円');
  t.match(page.body, '野菜一箱');
});

t.test(
  'printing the selection gives one PDF of every letter with names, honorifics, amounts and 和暦 dates, and marks nothing',
  async (t) => {
    const { app, em, c, payment, gift, donation } = await thankOffice(t);
    const pdfs = pdfWorkspace(t);
    const printed = await printToThank(app, c, {
      key: [`dues:${payment.id}`, `gift:${gift.id}`, `donation:${donation.id}`],
      on: '2026-05-08',
      layout: 'horizontal',
    });
    t.equal(printed.res.statusCode, 303, 'printing starts a background batch');
    const pdf = pdfs.read(printed.pdf!);
    t.equal(pdf.pages, 3, 'one page per letter');
    for (const s of [
      '山田太郎様',
      '2026年度の年会費として5,000円を令和8年4月20日にお納めいただきました',
      'あわせて3,000円のご寄附も賜りました',
      '鈴木一郎様',
      '野菜一箱をご寄贈いただき',
      '株式会社佐藤商店御中',
      '令和8年5月2日に10,000円のご寄附を賜りました',
      '子ども食堂事業のために',
      '拝啓新緑の候、山田太郎様にはますますご清祥のこととお慶び申し上げます。',
      '敬具',
      '令和8年5月8日',
      'NPO法人縁の会',
      '理事長佐藤花子',
      '会費ご入金のお礼',
      'ご寄贈のお礼',
      'ご寄附のお礼',
      '貴団体にはますますご清祥',
    ])
      t.ok(pdf.text.includes(squash(s)), `contains ${s}`);
    t.notOk(pdf.text.includes('佐藤商店御中様') || pdf.text.includes('御中様'), '御中 and 様 never together');
    t.notOk(/undefined|null/.test(pdf.text), 'no blank fields');
    t.equal((await toThankList(em())).length, 3, 'printing marks nothing');
    t.equal(await em().count(ThankLetter, {}), 0);
  },
);

t.test(
  'marking as sent records the date once, shrinks the list and shows on the member timeline; re-marking and re-printing mark nothing more',
  async (t) => {
    const { app, em, c, taro, ichiro, payment, gift, donation } = await thankOffice(t);
    await c.get('/letters/to-thank');
    const keys = [`dues:${payment.id}`, `gift:${gift.id}`];
    const marked = await c.post('/letters/to-thank/mark', { key: keys, on: '2026-05-09' });
    t.equal(marked.statusCode, 303);
    t.match((await c.get('/letters/to-thank')).body, '2件を送付済みにしました');
    t.same(
      (await toThankList(em())).map((s) => s.key),
      [`donation:${donation.id}`],
      'the list shrank',
    );
    t.equal((await em().findOneOrFail(Payment, payment.id)).thankStatus, 'done');
    t.equal(
      (await em().findOneOrFail(Donation, { payment: payment.id })).thankStatus,
      'done',
      "the payment's donation part is thanked by the same letter",
    );
    t.equal((await em().findOneOrFail(Interaction, gift.id)).giftThankedOn, '2026-05-09');
    const letters = await em().find(ThankLetter, {}, { orderBy: { id: 'asc' } });
    t.same(
      letters.map((l) => [l.kind, l.sourceId, l.sentOn]),
      [
        ['dues', payment.id, '2026-05-09'],
        ['gift', gift.id, '2026-05-09'],
      ],
    );
    t.ok((await em().count(AuditLog, { entityName: 'ThankLetter' })) >= 2, 'the new rows are audited');

    const taroPage = await c.get(`/members/${taro.id}`);
    t.match(taroPage.body, '会費ご入金のお礼を送付');
    t.match(taroPage.body, '送付日 2026-05-09');
    t.match((await c.get(`/members/${ichiro.id}`)).body, 'ご寄贈のお礼を送付');

    await c.get('/letters/to-thank');
    const again = await c.post('/letters/to-thank/mark', { key: keys, on: '2026-05-10' });
    t.equal(again.statusCode, 303);
    t.match((await c.get('/letters/to-thank')).body, 'すでに送付済みです');
    t.equal(await em().count(ThankLetter, {}), 2, 'marking again records nothing');
    t.equal((await em().findOneOrFail(Interaction, gift.id)).giftThankedOn, '2026-05-09', 'the first date stays');

    const reprint = await printToThank(app, c, { key: [...keys, `donation:${donation.id}`], on: '2026-05-10' });
    t.equal(reprint.res.statusCode, 303);
    t.ok(reprint.pdf, 'the letter still waiting is printed');
    t.equal(await em().count(ThankLetter, {}), 2, 'printing again marks nothing');
  },
);

t.test('nothing selected or a bad date is a 422 with a Japanese message; a viewer cannot print', async (t) => {
  const { c, app, payment } = await thankOffice(t);
  await c.get('/letters/to-thank');
  const none = await c.post('/letters/to-thank/print', { on: '2026-05-08' });
  t.equal(none.statusCode, 422);
  t.match(none.body, '印刷する行を選んでください');
  await c.get('/letters/to-thank');
  const bad = await c.post('/letters/to-thank/mark', { key: `dues:${payment.id}`, on: '5月だいたい' });
  t.equal(bad.statusCode, 422);
  t.match(bad.body, '送付日は');
  const noCsrf = await c.post('/letters/to-thank/mark', { key: `dues:${payment.id}` }, { csrf: false });
  t.equal(noCsrf.statusCode, 403, 'CSRF-protected');
  const { loggedIn } = await import('../helper.js');
  const viewer = await loggedIn(app, 'viewer');
  await viewer.get('/letters/to-thank');
  t.equal((await viewer.post('/letters/to-thank/print', { key: `dues:${payment.id}` })).statusCode, 403);
});
