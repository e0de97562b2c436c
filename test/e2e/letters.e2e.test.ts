import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchKind } from '../../src/batches/batch.service.js';
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
  t.test(
    'staff print the selected to-thank letters in the background, watch the progress reach done, download the PDF, mark them sent, and the list shrinks and the timeline shows the letter',
    async (t) => {
      const dir = mkdtempSync(join(tmpdir(), 'enishi-letters-e2e-'));
      t.teardown(() => rmSync(dir, { recursive: true, force: true }));
      const { app, page, base } = await startBrowser(t);
      await setupAdmin(page, base);
      const em = () => app.orm.em.fork() as EntityManager;
      const tanaka = await addMember(em(), {
        familyName: '田中',
        givenName: '一郎',
        familyKana: 'タナカ',
        givenKana: 'イチロウ',
      });
      const kato = await addMember(em(), {
        familyName: '加藤',
        givenName: '次郎',
        familyKana: 'カトウ',
        givenKana: 'ジロウ',
      });
      await asTest(() =>
        recordDonation(em(), { memberId: tanaka.id, receivedOn: '2026-06-01', amount: 7000, method: 'cash' }),
      );
      const later = await asTest(() =>
        recordDonation(em(), { memberId: kato.id, receivedOn: '2026-06-03', amount: 3000, method: 'cash' }),
      );

      // The run waits at a gate until the test has seen the page still working, so the page can
      // only reach 「完了」 and its download link by updating itself.
      let release!: () => void;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const kind = (app.batches as unknown as { kinds: Map<string, BatchKind> }).kinds.get('thank-letters')!;
      const run = kind.run.bind(kind);
      kind.run = async (ctx) => {
        await gate;
        return run(ctx);
      };

      await page.click('nav a:has-text("礼状")');
      t.match(await page.textContent('table.to-thank'), '田中 一郎');
      t.match(await page.textContent('table.to-thank'), '加藤 次郎');
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/to-thank.png`, fullPage: true });
      await page.uncheck(`input[name=key][value="donation:${later.id}"]`);
      await page.fill('input[name=on]', '2026-06-10');
      await page.click('button:has-text("PDFで印刷")');
      await page.waitForURL(/\/batches\/\d+$/);
      const batchUrl = page.url();
      t.match(await page.textContent('.batch-status'), /待機中|処理中/, 'the progress page opens while the run works');
      t.notOk(await page.isVisible('.batch-download'), 'no download before the run is done');
      release();
      await page.waitForSelector('.batch-download');
      t.equal(page.url(), batchUrl, 'the same page updated itself');
      t.equal((await page.textContent('.batch-status'))?.trim(), '完了');
      t.equal(await page.getAttribute('.batch-progress', 'value'), await page.getAttribute('.batch-progress', 'max'));
      t.match(await page.textContent('.batch-count'), '1 / 1');
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/batch-done.png`, fullPage: true });

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('.batch-download')]);
      const file = join(dir, 'letters.pdf');
      await download.saveAs(file);
      t.ok(statSync(file).size > 1000, 'the download exists');
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      t.match(text, '令和8年6月1日に7,000円のご寄附を賜りました');
      t.notMatch(text, '加藤', 'only the selected letter was printed');

      await page.click('.batch-next');
      await page.waitForURL(/\/letters\/to-thank\?batch=\d+/);
      t.match(await page.textContent('.printed-selection'), '印刷した 1 件を選んでいます');
      t.equal(await page.inputValue('input[name=on]'), '2026-06-10');
      await page.click('button:has-text("送付済みにする")');
      t.match(await page.textContent('.flash'), '1件を送付済みにしました');
      const rest = await page.textContent('table.to-thank');
      t.notMatch(rest, '田中 一郎', 'the sent letter left the list');
      t.match(rest, '加藤 次郎', 'the one not printed is still waiting');
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/to-thank-after.png`, fullPage: true });

      await page.goto(`${base}/members/${tanaka.id}`);
      const timeline = await page.textContent('.timeline');
      t.match(timeline, 'ご寄附のお礼を送付');
      t.match(timeline, '送付日 2026-06-10');
    },
  );
}
