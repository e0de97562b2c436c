import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '../../src/db/orm.js';
import { recordDonation } from '../../src/dues/donation.service.js';
import { addMember, asTest } from '../supporters/fixtures.js';
import { chromiumPath, setupAdmin, startBrowser } from './browser.js';

const chromium = chromiumPath();
const SHOTS = process.env.ENISHI_E2E_SCREENSHOTS;

if (!chromium) {
  t.comment('SKIP browser tests: no chromium found (apt-get install chromium)');
  t.pass('browser tests skipped: no chromium on this machine');
} else {
  t.test('staff print the to-thank letters, mark them sent, the list empties and the member timeline shows the letter', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'enishi-letters-e2e-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const { app, page, base } = await startBrowser(t);
    await setupAdmin(page, base);
    const em = () => app.orm.em.fork() as EntityManager;
    const m = await addMember(em(), { familyName: '田中', givenName: '一郎', familyKana: 'タナカ', givenKana: 'イチロウ' });
    await asTest(() => recordDonation(em(), { memberId: m.id, receivedOn: '2026-06-01', amount: 7000, method: 'cash' }));

    await page.click('nav a:has-text("礼状")');
    t.match(await page.textContent('table.to-thank'), '田中 一郎');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/to-thank.png`, fullPage: true });
    await page.fill('input[name=on]', '2026-06-10');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("PDFで印刷")')]);
    const file = join(dir, 'letters.pdf');
    await download.saveAs(file);
    t.match(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''), '令和8年6月1日に7,000円のご寄附を賜りました');

    await page.goto(base + '/letters/to-thank');
    t.match(await page.textContent('table.to-thank'), '田中 一郎', 'printing did not mark it');
    await page.fill('input[name=on]', '2026-06-10');
    await page.click('button:has-text("送付済みにする")');
    t.match(await page.textContent('.flash'), '1件を送付済みにしました');
    t.match(await page.textContent('main'), '礼状の送付待ちはありません');

    await page.goto(`${base}/members/${m.id}`);
    t.match(await page.textContent('.timeline'), 'ご寄附のお礼を送付');
  });
}
