import t from 'tap';
import { createManualInvoice } from '../../src/dues/invoice.service.js';
import { encodeCp932 } from '../../src/lib/text-encoding.js';
import { seedDefaults } from '../../src/seed.js';
import { asTest } from '../supporters/fixtures.js';
import { office, sample } from '../banking/fixtures.js';
import { chromiumPath, setupAdmin, startBrowser } from './browser.js';

const chromium = chromiumPath();
const SHOTS = process.env.ENISHI_E2E_SCREENSHOTS;

if (!chromium) {
  t.comment('SKIP browser tests: no chromium found (apt-get install chromium)');
  t.pass('browser tests skipped: no chromium on this machine');
} else {
  t.test(
    'staff upload a statement, confirm a suggestion, and next month the same payer is matched automatically',
    async (t) => {
      const { app, page, base } = await startBrowser(t);
      await setupAdmin(page, base);
      const em = () => app.orm.em.fork();
      await seedDefaults(em());
      const o = await office(em);

      await page.click('nav a:has-text("入金消込")');
      await page.setInputFiles('input[type=file]', {
        name: '2026年5月.csv',
        mimeType: 'text/csv',
        buffer: sample('bank-two-columns-202605.csv'),
      });
      await page.click('button:has-text("取り込む")');
      await page.waitForURL(/\/bank\/imports\/\d+$/);
      t.match(await page.textContent('.flash'), '自動消込 6 件、要確認 3 件');
      t.equal((await page.textContent('.count-matched'))?.trim(), '6');
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/bank-import.png`, fullPage: true });

      // 伊藤 sent 8,000 for 5,000 dues: the suggestion shows why; staff confirm it, the rest as a donation.
      const card = page.locator('section.review-line', { hasText: 'ｲﾄｳ ﾖｼｺ' });
      t.match(await card.textContent(), '未納額より 3000円 多い');
      await card.locator('input[name=remainder][value=donation]').first().check();
      await card.locator('button:has-text("この会員で確定")').first().click();
      await page.waitForURL(/\/bank\/imports\/\d+/);
      t.match(await page.textContent('.flash'), '入金を記録しました');
      t.match(await page.textContent('table.decided'), '伊藤 良子');

      // Another line's own page: its candidates table keeps every header on one line (no 「候/補」).
      await page.locator('a:has-text("別の会員を選ぶ・分割・寄付")').first().click();
      await page.waitForURL(/\/bank\/lines\/\d+$/);
      type Style = { whiteSpace: string; paddingTop: string; lineHeight: string };
      const headers = await page.$$eval('table.candidates th', (ths) =>
        ths.map((th) => {
          // Runs in the page (the tests compile without the DOM library).
          const style = (globalThis as unknown as { getComputedStyle(e: unknown): Style }).getComputedStyle(th);
          const inner = th.clientHeight - Number.parseFloat(style.paddingTop) * 2;
          return {
            text: th.textContent,
            wrap: style.whiteSpace,
            lines: Math.round(inner / Number.parseFloat(style.lineHeight)),
          };
        }),
      );
      t.same(
        headers.map((h) => h.text),
        ['振込人', '会員', '未納の請求と割り当てる金額', '理由'],
      );
      for (const h of headers) {
        t.equal(h.wrap, 'nowrap', `${h.text}: not wrapped`);
        t.equal(h.lines, 1, `${h.text}: one line high`);
      }
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/bank-line.png`, fullPage: true });

      await page.goto(`${base}/members/${o.ito.id}`);
      t.equal((await page.textContent('#dues .dues-status'))?.trim(), '会員', 'the member is paid');

      // June: the next year's dues are out, and the same payer name comes again.
      await asTest(() => createManualInvoice(em(), { memberId: o.ito.id, fiscalYear: 2027, amount: 5000 }));
      await page.goto(`${base}/bank`);
      const june = encodeCp932(
        '"日付","摘要","お引出し","お預入れ","残高"\r\n"2026/6/5","振込 ｲﾄｳ ﾖｼｺ","","5,000","175,120"\r\n',
      );
      await page.setInputFiles('input[type=file]', { name: '2026年6月.csv', mimeType: 'text/csv', buffer: june });
      await page.click('button:has-text("取り込む")');
      await page.waitForURL(/\/bank\/imports\/\d+$/);
      t.equal(
        (await page.textContent('.count-matched'))?.trim(),
        '1',
        'matched automatically by the learned payer name',
      );
      t.match(await page.textContent('table.decided'), '伊藤 良子');
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/bank-june.png`, fullPage: true });
    },
  );
}
