import t from 'tap';
import { Invoice } from '../../src/dues/invoice.entity.js';
import { InvoiceRun } from '../../src/dues/invoice-run.entity.js';
import { recordPayment } from '../../src/dues/payment.service.js';
import { todayInTokyo } from '../../src/lib/dates.js';
import { withdrawMember } from '../../src/members/member.service.js';
import { build, loggedIn } from '../helper.js';
import { addMember, asTest } from './fixtures.js';

type T = Parameters<typeof build>[0];

/** Two 正会員 (5,000円 each), one withdrawn member and one who joins after FY2026 ends. */
async function office(t: T) {
  const ctx = await build(t);
  const { em } = ctx;
  const taro = await addMember(em(), {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'ヤマダ',
    givenKana: 'タロウ',
    phone: '03-1111-2222',
    email: 'taro@example.jp',
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
  });
  const gone = await addMember(em(), {
    familyName: '鈴木',
    givenName: '一郎',
    familyKana: 'スズキ',
    givenKana: 'イチロウ',
  });
  await asTest(() => withdrawMember(em(), gone.id, { date: '2026-03-31', reason: '転居' }));
  await addMember(em(), {
    familyName: '高橋',
    givenName: '次郎',
    familyKana: 'タカハシ',
    givenKana: 'ジロウ',
    joinedOn: '2027-06-01',
  });
  return { ...ctx, taro, hanako };
}

const section = (html: string, start: string) =>
  html.slice(html.indexOf(start), html.indexOf('</table>', html.indexOf(start)));
const count = (s: string, needle: string) => s.split(needle).length - 1;

t.test('the preview lists who gets which amount and who is skipped and why, and writes nothing', async (t) => {
  const { app, em } = await office(t);
  const c = await loggedIn(app, 'staff');
  const res = await c.get('/dues/runs/new?year=2026');
  t.equal(res.statusCode, 200);
  const issue = section(res.body, '<table class="run-preview">');
  t.match(issue, '山田 太郎');
  t.match(issue, '佐藤 花子');
  t.match(issue, '5,000円');
  t.notMatch(issue, '鈴木', 'the withdrawn member is not in the issue list');
  t.match(res.body, '対象外：退会済み（1 件）');
  t.match(res.body, '対象外：年度末より後に入会（1 件）');
  t.match(res.body, /class="count-issue">2</);
  t.match(res.body, '10,000円', 'the total');
  t.match(res.body, /発行日の \d+ 日後/, 'the due date rule is shown');
  t.match(res.body, `name="issuedOn" value="${todayInTokyo()}"`, 'issued today by default');
  t.match(res.body, '2 件の請求を発行する');
  t.equal(await em().count(Invoice, {}), 0, 'no invoice written');
  t.equal(await em().count(InvoiceRun, {}), 0, 'no run written');
});

t.test('committing issues once; a second commit issues nothing new and says so', async (t) => {
  const { app, em } = await office(t);
  const c = await loggedIn(app, 'staff');
  const res = await c.post('/dues/runs', { year: '2026', issuedOn: '2026-04-10' });
  t.equal(res.statusCode, 303);
  t.equal(res.headers.location, '/dues/runs/1');
  t.equal(await em().count(Invoice, { fiscalYear: 2026 }), 2);
  const page = await c.get('/dues/runs/1');
  t.match(page.body, '2026年度の請求を 2 件発行しました', 'the flash message');
  t.match(page.body, '2026-000001');
  t.match(page.body, '2026-000002');
  t.match(page.body, />未納</, 'status label');
  t.match(page.body, 'href="/dues/runs/1/invoices.pdf"');

  const again = await c.post('/dues/runs', { year: '2026', issuedOn: '2026-04-11' });
  t.equal(again.statusCode, 409);
  t.match(again.body, '新たに発行する請求はありません');
  t.equal(await em().count(Invoice, {}), 2, 'nothing new');
  t.equal(await em().count(InvoiceRun, {}), 1);
  const preview = await c.get('/dues/runs/new?year=2026');
  t.match(preview.body, '新たに発行する請求はありません');
  t.notMatch(preview.body, 'action="/dues/runs"', 'no commit button when there is nothing to issue');
  t.match(preview.body, '対象外：請求済み（2 件）');

  const badDate = await c.post('/dues/runs', { year: '2027', issuedOn: '4月1日' });
  t.equal(badDate.statusCode, 422);
  t.match(badDate.body, '発行日を正しく入力してください');
});

t.test('a run can be undone with a reason, and is refused with the paid invoice number once paid', async (t) => {
  const { app, em, hanako } = await office(t);
  const c = await loggedIn(app, 'staff');
  await c.post('/dues/runs', { year: '2026', issuedOn: '2026-04-10' });
  const noReason = await c.post('/dues/runs/1/undo', { reason: '' });
  t.equal(noReason.statusCode, 422);
  t.match(noReason.body, '理由を入力してください');

  const inv = await em().findOneOrFail(Invoice, { member: hanako.id });
  await asTest(() =>
    recordPayment(em(), {
      memberId: hanako.id,
      receivedOn: '2026-05-01',
      amount: 5000,
      method: 'cash',
      allocations: [{ invoiceId: inv.id, amount: 5000 }],
    }),
  );
  const refused = await c.post('/dues/runs/1/undo', { reason: 'やり直し' });
  t.equal(refused.statusCode, 409);
  t.match(refused.body, '入金のある請求があるため取り消せません');
  t.match(refused.body, inv.invoiceNo);
  t.equal((await em().findOneOrFail(InvoiceRun, 1)).status, 'active');

  // A second year's run without payments can be undone; its invoices become 取消 and can be issued again.
  await c.post('/dues/runs', { year: '2027', issuedOn: '2027-04-10' });
  const run2 = await em().findOneOrFail(InvoiceRun, { fiscalYear: 2027 });
  const ok = await c.post(`/dues/runs/${run2.id}/undo`, { reason: '金額の誤り' });
  t.equal(ok.statusCode, 303);
  t.same(
    (await em().find(Invoice, { fiscalYear: 2027 })).map((i) => i.status),
    ['cancelled', 'cancelled', 'cancelled'],
  );
  const page = await c.get(`/dues/runs/${run2.id}`);
  t.match(page.body, '取り消し済み');
  t.match(page.body, '金額の誤り');
  t.equal((await c.get(`/dues/runs/${run2.id}/invoices.pdf`)).statusCode, 409, 'an undone run is not printed');
  t.match(
    (await c.get('/dues/runs/new?year=2027')).body,
    /class="count-issue">3</,
    'undone invoices do not block a new run',
  );
});

t.test('viewers see the pages but cannot issue or undo', async (t) => {
  const { app, em } = await office(t);
  const v = await loggedIn(app, 'viewer');
  const preview = await v.get('/dues/runs/new?year=2026');
  t.equal(preview.statusCode, 200);
  t.notMatch(preview.body, 'action="/dues/runs"');
  t.equal((await v.post('/dues/runs', { year: '2026', issuedOn: '2026-04-10' })).statusCode, 403);
  t.equal(await em().count(Invoice, {}), 0);
  await (await loggedIn(app, 'staff')).post('/dues/runs', { year: '2026', issuedOn: '2026-04-10' });
  t.equal((await v.post('/dues/runs/1/undo', { reason: 'x' })).statusCode, 403);
  t.equal((await v.post('/dues/unpaid/reminders.pdf', { year: '2026' })).statusCode, 403);
});

t.test('a bad year gives a Japanese 422 page, not a 500', async (t) => {
  const { app } = await office(t);
  const c = await loggedIn(app, 'staff');
  for (const url of [
    '/dues?year=abc',
    '/dues/runs/new?year=1999',
    '/dues/unpaid?year=２０２６年',
    '/dues/unpaid.csv?year=x',
  ]) {
    const res = await c.get(url);
    t.equal(res.statusCode, 422, url);
    t.match(res.body, '年度を正しく入力してください', url);
  }
  const post = await c.post('/dues/runs', { year: 'abc', issuedOn: '2026-04-10' });
  t.equal(post.statusCode, 422);
  t.match(post.body, '年度を正しく入力してください');
  t.equal((await c.get('/dues/runs/999')).statusCode, 404);
});

t.test(
  'the unpaid list shows contact and reminders; printing records them; CSV for Excel; overview shows 50%',
  async (t) => {
    const { app, em, taro, hanako } = await office(t);
    const c = await loggedIn(app, 'staff');
    await c.post('/dues/runs', { year: '2026', issuedOn: '2026-04-10' });
    const list = await c.get('/dues/unpaid?year=2026');
    t.equal(list.statusCode, 200);
    t.match(list.body, `href="/members/${taro.id}"`);
    t.match(list.body, '03-1111-2222');
    t.match(list.body, 'taro@example.jp');
    t.match(list.body, '〒160-0022 東京都新宿区新宿1-2-3');
    t.match(list.body, /class="outstanding">10,000円</);

    const taroInv = await em().findOneOrFail(Invoice, { member: taro.id });
    const pdf = await c.post('/dues/unpaid/reminders.pdf', { year: '2026', invoiceId: String(taroInv.id) });
    t.equal(pdf.statusCode, 200);
    t.equal(pdf.headers['content-type'], 'application/pdf');
    t.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const after = await c.get('/dues/unpaid?year=2026');
    t.match(after.body, /class="num reminders">1</, 'taro reminded once');
    t.match(after.body, /class="num reminders">0</, 'hanako was not ticked');
    t.match(after.body, `class="last-reminded">${todayInTokyo()}<`);

    const csv = await c.get('/dues/unpaid.csv?year=2026');
    t.equal(csv.statusCode, 200);
    t.match(csv.headers['content-type'], 'text/csv');
    t.match(csv.headers['content-disposition'], /attachment; .*filename\*=UTF-8''/);
    t.same([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    t.equal(lines.length, 3, 'header + two unpaid');
    t.match(lines[0], '会員番号,氏名・団体名,会員種別,請求額,入金済,残額');
    t.ok(
      lines.some((l) => l.includes('山田 太郎') && l.includes('taro@example.jp') && /,1,\d{4}-\d{2}-\d{2}$/.test(l)),
      'reminders in the CSV',
    );

    const inv = await em().findOneOrFail(Invoice, { member: hanako.id });
    await asTest(() =>
      recordPayment(em(), {
        memberId: hanako.id,
        receivedOn: '2026-05-01',
        amount: 5000,
        method: 'bank',
        allocations: [{ invoiceId: inv.id, amount: 5000 }],
      }),
    );
    t.notMatch((await c.get('/dues/unpaid?year=2026')).body, '佐藤 花子', 'paid members leave the list');
    const overview = await c.get('/dues?year=2026');
    t.equal(overview.statusCode, 200);
    t.match(overview.body, '50.0%', 'one of two paid');
    t.match(overview.body, '正会員');
    t.match(overview.body, 'href="/dues/runs/1"');
    t.match(overview.body, 'href="/dues/unpaid?year=2026"');
    t.match(overview.body, 'href="/dues/runs/new?year=2026"');
  },
);

t.test('large runs: the preview shows 200 rows with the full count, the run page 50 per page', async (t) => {
  const { app, em } = await build(t);
  for (let i = 1; i <= 205; i++)
    await addMember(em(), {
      familyName: '会員',
      givenName: `${i}号`,
      familyKana: 'カイイン',
      givenKana: `ゴウ${'ア'.repeat((i % 7) + 1)}`,
    });
  const c = await loggedIn(app, 'staff');
  const preview = await c.get('/dues/runs/new?year=2026');
  t.match(preview.body, /class="count-issue">205</);
  t.match(preview.body, '最初の 200 件を表示');
  t.equal(count(section(preview.body, '<table class="run-preview">'), '<tr><td'), 200);
  await c.post('/dues/runs', { year: '2026', issuedOn: '2026-04-10' });
  const first = await c.get('/dues/runs/1');
  t.equal(count(section(first.body, '<table class="run-invoices">'), '<tr><td'), 50);
  const last = await c.get('/dues/runs/1?page=5');
  t.equal(count(section(last.body, '<table class="run-invoices">'), '<tr><td'), 5);
  t.match(last.body, '2026-000205');
});
