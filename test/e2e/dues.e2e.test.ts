import t from 'tap';
import { todayInTokyo } from '../../src/lib/dates.js';
import { fiscalYearOf } from '../../src/lib/fiscal-year.js';
import { chromiumPath, setupAdmin, startBrowser } from './browser.js';

const chromium = chromiumPath();
const SHOTS = process.env.ENISHI_E2E_SCREENSHOTS;

if (!chromium) {
  t.comment('SKIP browser tests: no chromium found (apt-get install chromium)');
  t.pass('browser tests skipped: no chromium on this machine');
} else {
  t.test('staff preview and commit the invoice run, record a cash payment, and the member becomes 会員', async (t) => {
    const { page, base } = await startBrowser(t);
    await setupAdmin(page, base);
    await page.click('a:has-text("新規登録")');
    await page.fill('input[name=familyName]', '田中');
    await page.fill('input[name=givenName]', '一郎');
    await page.fill('input[name=familyKana]', 'たなか');
    await page.fill('input[name=givenKana]', 'いちろう');
    await page.click('button:has-text("保存する")');
    await page.waitForURL(/\/members\/\d+$/);
    const memberUrl = page.url();

    const year = fiscalYearOf(todayInTokyo());
    await page.click('nav a:has-text("会費")');
    await page.click(`a:has-text("${year}年度の年会費を一括発行する")`);
    await page.waitForURL(/\/dues\/runs\/new/);
    t.match(await page.textContent('table.run-preview'), '田中 一郎');
    t.match(await page.textContent('.count-issue'), '1');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/run-preview.png`, fullPage: true });
    await page.click('button:has-text("件の請求を発行する")');
    await page.waitForURL(/\/dues\/runs\/\d+$/);
    t.match(await page.textContent('.flash'), `${year}年度の請求を 1 件発行しました`);

    await page.goto(memberUrl);
    t.equal((await page.textContent('#dues .dues-status'))?.trim(), '未納');
    await page.click('#dues a:has-text("入金を記録")');
    await page.fill('input[name=amount]', '5000');
    await page.selectOption('select[name=method]', 'cash');
    await page.check('input[name=pick]');
    t.equal(
      await page.inputValue('input[name^=alloc_]'),
      '5000',
      'the invoice amount is prefilled with its open remainder',
    );
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/payment-new.png`, fullPage: true });
    await page.click('button:has-text("入金を記録する")');
    await page.waitForURL(/\/members\/\d+(#dues)?$/);
    t.match(await page.textContent('.flash'), '入金を記録しました');
    t.equal((await page.textContent('#dues .dues-status'))?.trim(), '会員');
    t.match(await page.textContent('table.member-invoices'), '入金済');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/member-dues.png`, fullPage: true });

    await page.click(`table.member-invoices a:has-text("${year}-")`);
    await page.waitForURL(/\/dues\/invoices\/\d+$/);
    t.match(await page.textContent('h1'), '入金済');
    t.match(await page.textContent('table.invoice-allocations'), '5,000円');
    t.ok(await page.isVisible('a[href$="/invoice.pdf"]'), 'the invoice page links its PDF');
  });
}
