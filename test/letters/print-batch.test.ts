import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import t from 'tap';
import { Batch } from '../../src/batches/batch.entity.js';
import { ThankLetter } from '../../src/letters/thank-letter.entity.js';
import { toThankList } from '../../src/letters/to-thank.service.js';
import { Receipt } from '../../src/receipts/receipt.entity.js';
import { updateSettings } from '../../src/settings/settings.service.js';
import { asTest } from '../supporters/fixtures.js';
import { pdfWorkspace, printToThank, thankOffice } from './fixtures.js';

const pageText = (file: string, n: number) =>
  execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

t.test(
  'the to-thank print runs as a batch: each letter followed by its payment’s receipt, progress to the end, then the printed selection is marked sent',
  async (t) => {
    const { app, em, c, taro, org, payment, gift, donation } = await thankOffice(t);
    const pdfs = pdfWorkspace(t);
    const keys = [`dues:${payment.id}`, `gift:${gift.id}`, `donation:${donation.id}`];
    const printed = await printToThank(app, c, { key: keys, on: '2026-05-08', layout: 'horizontal', receipts: '1' });
    t.equal(printed.res.statusCode, 303);
    t.match(String(printed.res.headers.location), /^\/batches\/\d+$/, 'the page goes to the batch progress page');

    const status = JSON.parse((await c.get(`/batches/${printed.batchId}/status.json`)).body);
    t.match(status, { kind: 'thank-letters', status: 'done', done: 3, total: 3, percent: 100 });
    const page = (await c.get(`/batches/${printed.batchId}`)).body;
    t.match(page, 'ダウンロード（礼状_2026-05-08.pdf）');
    t.match(page, `href="/letters/to-thank?batch=${printed.batchId}"`, 'the finished run links to marking');

    const pdf = pdfs.read(printed.pdf!);
    t.equal(pdf.pages, 5, 'three letters and two receipts (a gift in kind has none)');
    const pages = [1, 2, 3, 4, 5].map((n) => pageText(pdf.file, n));
    const keep = process.env.ENISHI_PNG_DIR; // set it to look at a letter and the receipt after it
    if (keep)
      execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', pdf.file, join(keep, 'letter-and-receipt')]);
    t.match(pages[0], '会費ご入金のお礼');
    t.match(pages[1], '領収書');
    t.match(pages[1], '山田太郎様');
    t.match(pages[1], '￥8,000-', "the payment's receipt follows its letter");
    t.match(pages[2], 'ご寄贈のお礼');
    t.match(pages[3], 'ご寄附のお礼');
    t.match(pages[4], '株式会社佐藤商店御中');
    t.match(pages[4], '￥10,000-');
    const receipts = await em().find(Receipt, {}, { orderBy: { number: 'asc' } });
    t.same(
      receipts.map((r) => [r.number, r.member?.id, r.amount]),
      [
        ['2026-000001', taro.id, 8000],
        ['2026-000002', org.id, 10000],
      ],
      'receipts were issued once, numbered without gaps',
    );
    t.equal(await em().count(ThankLetter, {}), 0, 'printing marks nothing');

    const retry = await printToThank(app, c, { key: keys, on: '2026-05-08', receipts: '1' });
    t.equal(retry.res.statusCode, 303);
    t.equal(await em().count(Receipt, {}), 2, 'printing again issues no second receipt for the same payment');

    // The link from the batch page: the list with exactly the printed rows selected and the date filled in.
    const list = await c.get(`/letters/to-thank?batch=${printed.batchId}`);
    t.match(list.body, '印刷した 3 件を選んでいます');
    t.match(list.body, 'name="on" value="2026-05-08"');
    const marked = await c.post('/letters/to-thank/mark', { key: keys, on: '2026-05-09' });
    t.equal(marked.statusCode, 303);
    t.same(await toThankList(em()), [], 'the list shrank to nothing');
    t.match((await c.get(`/members/${taro.id}`)).body, '送付日 2026-05-09');
    const after = await c.get(`/letters/to-thank?batch=${printed.batchId}`);
    t.match(after.body, '選んだ礼状はすべて送付済みです');

    await c.get('/letters/to-thank');
    const again = await c.post('/letters/to-thank/print', { key: keys, on: '2026-05-10' });
    t.equal(again.statusCode, 422, 'printing letters already sent is refused');
    t.match(again.body, 'すべて送付済みです');
    t.equal(await em().count(ThankLetter, {}), 3, 'and nothing is marked again');
  },
);

t.test('only the selected rows are preselected after a print; the others stay on the list unmarked', async (t) => {
  const { app, em, c, payment, gift, donation } = await thankOffice(t);
  const printed = await printToThank(app, c, { key: [`gift:${gift.id}`], on: '2026-05-08' });
  t.ok(printed.pdf, 'the PDF was made');
  const list = (await c.get(`/letters/to-thank?batch=${printed.batchId}`)).body;
  t.match(list, `value="gift:${gift.id}" checked`);
  t.notMatch(list, `value="dues:${payment.id}" checked`);
  t.notMatch(list, `value="donation:${donation.id}" checked`);
  await c.post('/letters/to-thank/mark', { key: `gift:${gift.id}`, on: '2026-05-09' });
  t.same(
    (await toThankList(em())).map((s) => s.key),
    [`dues:${payment.id}`, `donation:${donation.id}`],
  );
  t.equal(await em().count(Receipt, {}), 0, 'no receipts unless asked for');
});

t.test('a missing organisation name is refused on the page before any batch or receipt number', async (t) => {
  const { app, em, c, payment } = await thankOffice(t);
  await asTest(() => updateSettings(em(), { orgName: '' }));
  const printed = await printToThank(app, c, { key: `dues:${payment.id}`, on: '2026-05-08', receipts: '1' });
  t.equal(printed.res.statusCode, 422);
  t.match(printed.res.body, '団体名');
  t.equal(await em().count(Batch, {}), 0, 'no batch was queued');
  t.equal(await em().count(Receipt, {}), 0, 'no number was taken');
});

t.test('a failed letters batch started again prints the same receipts without taking new numbers', async (t) => {
  const { app, em, c, payment } = await thankOffice(t);
  const printed = await printToThank(app, c, { key: `dues:${payment.id}`, on: '2026-05-08', receipts: '1' });
  t.equal(await em().count(Receipt, {}), 1);
  // As a server restart would leave it: the run marked failed, its file gone.
  await em().nativeUpdate(Batch, { id: printed.batchId }, { status: 'failed', error: 'interrupted' });
  await c.get(`/batches/${printed.batchId}`);
  const retry = await c.post(`/batches/${printed.batchId}/retry`);
  t.equal(retry.statusCode, 303);
  const again = Number(/\/batches\/(\d+)/.exec(String(retry.headers.location))?.[1]);
  await app.batches.settled(again);
  t.match(JSON.parse((await c.get(`/batches/${again}/status.json`)).body), { status: 'done', done: 1, total: 1 });
  t.equal(await em().count(Receipt, {}), 1, 'no second receipt, no new number');
  const file = await c.get(`/batches/${again}/download`);
  const pdfs = pdfWorkspace(t);
  const pdf = pdfs.read(file.rawPayload);
  t.equal(pdf.pages, 2, 'the letter and its receipt again');
  t.ok(pdf.text.includes('2026-000001'), 'with the same receipt number');
});
