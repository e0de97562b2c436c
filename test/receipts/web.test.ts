import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { updateSettings } from '../../src/settings/settings.service.js';
import { multipart } from '../supporters/fixtures.js';
import { build, loggedIn } from '../helper.js';
import { asTest, CERTIFICATION, ledger } from './fixtures.js';
import { sealPng } from './seal-png.js';

async function setup(t: Parameters<typeof build>[0]) {
  const { app, em } = await build(t);
  const l = await ledger(em);
  return { app, em, l, admin: await loggedIn(app, 'admin') };
}

t.test(
  'the member page issues a payment receipt as a PDF, then shows its number, reissue and void, and the timeline',
  async (t) => {
    const { admin, l } = await setup(t);
    const page = await admin.get(`/members/${l.yamada.id}`);
    t.match(page.body, 'id="receipts"');
    t.match(page.body, `action="/receipts/payments/${l.p1.id}"`);
    const pdf = await admin.post(`/receipts/payments/${l.p1.id}`);
    t.equal(pdf.statusCode, 200);
    t.equal(pdf.headers['content-type'], 'application/pdf');
    t.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const twice = await admin.post(`/receipts/payments/${l.p1.id}`);
    t.equal(twice.statusCode, 409, 'a second receipt for the same payment is refused');
    t.match(twice.body, '有効な領収書');
    const after = await admin.get(`/members/${l.yamada.id}`);
    t.match(after.body, '2026-000001');
    t.match(after.body, 'action="/receipts/2026-000001/reissue"');
    t.equal((await admin.post('/receipts/2026-000001/reissue')).statusCode, 200);
    const noReason = await admin.post('/receipts/2026-000001/void', { reason: ' ' });
    t.equal(noReason.statusCode, 422);
    t.match(noReason.body, '取り消しの理由を入力してください');
    const voided = await admin.post('/receipts/2026-000001/void', { reason: '金額の誤り' });
    t.equal(voided.statusCode, 303);
    const timeline = (await admin.get(`/members/${l.yamada.id}`)).body;
    for (const s of ['領収書 2026-000001', '再発行', '金額の誤り']) t.match(timeline, s);
    t.equal(
      (await admin.post(`/receipts/payments/${l.p1.id}`, {}, { csrf: false })).statusCode,
      403,
      'CSRF is required',
    );
  },
);

t.test(
  'the receipts page lists the year and prints the rest in one PDF in the background; the annual receipt comes from the member page',
  async (t) => {
    const { app, admin, l } = await setup(t);
    const list = await admin.get('/receipts?year=2026');
    t.match(list.body, '未発行の入金・寄付 <strong class="pending-count">4</strong>');
    t.equal((await admin.get('/receipts?year=26')).statusCode, 422);
    const annual = await admin.post(`/members/${l.yamada.id}/receipts/annual`, { year: '2026' });
    t.equal(annual.headers['content-type'], 'application/pdf');
    const run = await admin.post('/receipts/issue', { year: '2026' });
    t.equal(run.statusCode, 303, 'the year run goes to its progress page');
    const batchId = Number(/\/batches\/(\d+)$/.exec(String(run.headers.location))?.[1]);
    await app.batches.settled(batchId);
    t.match(JSON.parse((await admin.get(`/batches/${batchId}/status.json`)).body), {
      status: 'done',
      kind: 'receipts-pdf',
      done: 3,
      total: 3,
    });
    t.match((await admin.get(`/batches/${batchId}`)).body, 'ダウンロード（領収書_2026年度.pdf）');
    const file = await admin.get(`/batches/${batchId}/download`);
    t.equal(file.headers['content-type'], 'application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'enishi-receipts-web-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'run.pdf'), file.rawPayload);
    const text = execFileSync('pdftotext', [join(dir, 'run.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    t.equal((text.match(/領収書番号/g) ?? []).length, 3, 'one receipt per payment or gift left');
    for (const n of ['2026-000002', '2026-000003', '2026-000004']) t.ok(text.includes(n), `has ${n}`);
    const done = await admin.get('/receipts?year=2026');
    t.match(done.body, 'class="receipt-count">4<');
    t.match(done.body, '年間');
    const none = await admin.post('/receipts/issue', { year: '2026' });
    t.equal(none.statusCode, 409);
  },
);

t.test(
  'certificates are refused with a message until the certification is set; member types cannot count voting dues as gifts',
  async (t) => {
    const { admin, em } = await setup(t);
    const page = await admin.get('/certificates?year=2026');
    t.match(page.body, 'certification-missing');
    const refused = await admin.post('/certificates/issue', { year: '2026', combined: '0' });
    t.equal(refused.statusCode, 422);
    t.match(refused.body, '認定の情報');
    await asTest(() => updateSettings(em(), CERTIFICATION));
    const ok = await admin.post('/certificates/issue', { year: '2026', combined: '1' });
    t.equal(ok.headers['content-type'], 'application/pdf');
    t.match((await admin.get('/certificates?year=2026')).body, 'C2026-000001');
    const bad = await admin.post('/member-types/1', {
      name: '正会員',
      annualFee: '5000',
      votingRights: '1',
      countsAsDonation: '1',
      sortOrder: '1',
      active: '1',
    });
    t.equal(bad.statusCode, 422);
    t.match(bad.body, '議決権のある種別');
    t.equal(
      (
        await admin.post('/member-types/2', {
          name: '賛助会員',
          annualFee: '3000',
          countsAsDonation: '1',
          sortOrder: '2',
          active: '1',
        })
      ).statusCode,
      303,
    );
  },
);

t.test('the settings page saves the new keys and refuses a bad value with 422', async (t) => {
  const { admin } = await setup(t);
  const page = await admin.get('/settings');
  for (const k of [
    'receipt.paper',
    'receipt.stampNote',
    'certification.kind',
    'certification.number',
    'certification.date',
    'certification.activity',
  ])
    t.match(page.body, `name="${k}"`);
  const bad = await admin.post('/settings', { 'certification.date': '令和6年13月1日', 'receipt.paper': 'A5' });
  t.equal(bad.statusCode, 422);
  t.match(bad.body, '認定年月日は 2024-04-01 のように');
  t.equal(
    (await admin.post('/settings', { 'certification.date': '令和6年4月1日', 'certification.kind': '特例認定' }))
      .statusCode,
    303,
  );
  t.match((await admin.get('/settings')).body, 'value="2024-04-01"');
});

t.test('an admin uploads a PNG seal; anything else is refused with 422', async (t) => {
  const { admin } = await setup(t);
  const page = await admin.get('/receipts/seal');
  t.match(page.body, '登録されていません');
  const upload = (name: string, bytes: Buffer) => {
    const { payload, headers } = multipart(name, bytes, 'seal', { _csrf: admin.csrf });
    return admin.request({
      method: 'POST',
      url: '/receipts/seal',
      payload,
      headers,
    });
  };
  const bad = await upload('seal.png', Buffer.from('not an image'));
  t.equal(bad.statusCode, 422);
  t.match(bad.body, 'PNG か JPEG');
  const good = await upload('seal.png', sealPng());
  t.equal(good.statusCode, 303);
  t.match((await admin.get('/receipts/seal')).body, '登録されています');
});
