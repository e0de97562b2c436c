import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { AuditLog } from '../../src/audit/audit-log.entity.js';
import { DonationCertificate } from '../../src/receipts/certificate.entity.js';
import { issueCertificates, reissueCertificate, voidCertificate } from '../../src/receipts/certificate.service.js';
import { updateSettings } from '../../src/settings/settings.service.js';
import { build, cliWorkspace, loggedIn } from '../helper.js';
import { loadConfig } from '../../src/config.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { seedDefaults } from '../../src/seed.js';
import { asTest, CERTIFICATION, ledger, pageCount, pdfText } from './fixtures.js';

async function certified(t: Test) {
  const ctx = await build(t);
  const l = await ledger(ctx.em);
  await asTest(() => updateSettings(ctx.em(), CERTIFICATION));
  return { ...ctx, l, admin: await loggedIn(ctx.app, 'admin') };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: Error) => e,
  );

t.test(
  'reissue prints the same number marked 再発行, takes no new number, and is refused once the certificate is void',
  async (t) => {
    const { em, admin, l } = await certified(t);
    const per = await asTest(() => issueCertificates(em(), { year: 2026, combined: false, issuedOn: '2026-12-01' }));
    t.same(
      per.map((c) => c.number),
      ['C2026-000001', 'C2026-000002', 'C2026-000003'],
    );
    const again = await asTest(() => reissueCertificate(em(), 'C2026-000002', '2026-12-10'));
    t.equal(again.number, 'C2026-000002');
    t.equal(again.reissueCount, 1);
    t.equal(again.lastReissuedOn, '2026-12-10');
    t.equal(await em().count(DonationCertificate, {}), 3, 'no second certificate');

    const page = await admin.get('/certificates?year=2026');
    t.match(page.body, 'action="/certificates/C2026-000002/reissue"');
    const pdf = await admin.post('/certificates/C2026-000002/reissue');
    t.equal(pdf.statusCode, 200);
    t.equal(pdf.headers['content-type'], 'application/pdf');
    const { writeFileSync, mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'enishi-cert-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'r.pdf'), pdf.rawPayload);
    const text = pdfText(join(dir, 'r.pdf'));
    const keep = process.env.ENISHI_PNG_DIR; // set it to look at the reissued page
    if (keep)
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-singlefile',
        join(dir, 'r.pdf'),
        join(keep, 'certificate-reissue'),
      ]);
    t.ok(text.includes('再発行'), 'marked 再発行');
    t.ok(text.includes('C2026-000002'), 'with the same number');
    t.ok(text.includes('株式会社みどり御中'), 'for the same donor, an organisation addressed 御中');
    t.notOk(text.includes('御中様') || text.includes('みどり様'), 'never 様 for an organisation');
    t.equal((await em().findOneOrFail(DonationCertificate, { number: 'C2026-000002' })).reissueCount, 2);
    t.ok(
      (await em().count(AuditLog, { entityName: 'DonationCertificate', action: 'update' })) >= 2,
      'each reissue is audited',
    );

    const timeline = (await admin.get(`/members/${l.midori.id}`)).body;
    t.match(timeline, '寄附金受領証明書 C2026-000002（2回目）', 'the reissue shows on the member timeline');

    await asTest(() => voidCertificate(em(), 'C2026-000002', '宛名の誤り'));
    const v = await em().findOneOrFail(DonationCertificate, { number: 'C2026-000002' });
    t.same([v.status, v.voidReason], ['void', '宛名の誤り'], 'void keeps the number with its reason');
    t.match(await failure(asTest(() => reissueCertificate(em(), 'C2026-000002'))), {
      statusCode: 409,
      message: /取り消されています/,
    });
    t.match(await failure(asTest(() => voidCertificate(em(), 'C2026-000002', '二度目'))), { statusCode: 409 });
    t.match((await admin.get(`/members/${l.midori.id}`)).body, '宛名の誤り');
    const refused = await admin.post('/certificates/C2026-000002/reissue');
    t.equal(refused.statusCode, 409);
    t.match(refused.body, '再発行できません');
    t.equal((await admin.post('/certificates/C2026-000001/reissue', {}, { csrf: false })).statusCode, 403);
  },
);

t.test(
  'a gift with a per-gift certificate is left out of the combined one until that certificate is voided',
  async (t) => {
    const { em } = await certified(t);
    await asTest(() => issueCertificates(em(), { year: 2026, combined: false }));
    t.equal(
      (await em().findOneOrFail(DonationCertificate, { number: 'C2026-000001' })).donorAddress,
      '東京都千代田区千代田1-1-1\nエニシマンション101',
      'street and building stay on their own lines for the window address',
    );
    t.same(await asTest(() => issueCertificates(em(), { year: 2026, combined: true })), []);
    await asTest(() => voidCertificate(em(), 'C2026-000003', '年間にまとめる'));
    const combined = await asTest(() => issueCertificates(em(), { year: 2026, combined: true }));
    t.same(
      combined.map((c) => [c.number, c.donor, c.total]),
      [['C2026-000004', '鈴木 一郎', 20000]],
      'only the freed gift, under the next number',
    );
    t.same(await asTest(() => issueCertificates(em(), { year: 2026, combined: true })), [], 'and only once');
  },
);

t.test(
  'certificates reissue on the CLI writes the marked copy and refuses an unknown number with one line',
  async (t) => {
    const ws = await cliWorkspace(t, 'enishi-cert-cli-');
    const orm = await openOrm(loadConfig(ws.env));
    await seedDefaults(orm.em.fork());
    await ledger(() => orm.em.fork());
    await orm.close();
    for (const [k, v] of Object.entries(CERTIFICATION)) t.equal((await ws.run('settings', 'set', k, v)).code, 0);
    const file = join(ws.dir, 'c.pdf');
    t.equal((await ws.run('certificates', 'issue', '--year', '2026', '--out', file)).code, 0);
    const copy = join(ws.dir, 'copy.pdf');
    const r = await ws.run('certificates', 'reissue', 'C2026-000001', '--out', copy);
    t.equal(r.code, 0, r.err);
    t.match(r.out, '寄附金受領証明書 C2026-000001 を再発行しました（1回目）');
    t.equal(pageCount(copy), 1);
    t.ok(pdfText(copy).includes('再発行'));
    const unknown = await ws.run('certificates', 'reissue', 'C2026-999999', '--out', copy);
    t.equal(unknown.code, 1);
    t.equal(unknown.err.split('\n').length, 1);
    t.match(unknown.err, '見つかりません');
    t.equal((await ws.run('certificates', 'reissue', '--out', copy)).code, 2, 'a number is required');
  },
);
