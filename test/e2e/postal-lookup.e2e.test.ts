import t from 'tap';
import { chromiumPath, setupAdmin, startBrowser } from './browser.js';

if (!chromiumPath()) {
  t.comment('SKIP browser tests: no chromium found (apt-get install chromium)');
  t.pass('browser tests skipped: no chromium on this machine');
} else {
  t.test(
    'typing a postal code on the member form fills prefecture, city and town, and leaves typed text alone',
    async (t) => {
      const { page, base } = await startBrowser(t);
      await setupAdmin(page, base);
      // The script marks what it filled in (data-postal-filled); the page's CSP forbids evaluating a string.
      const cityIs = (city: string) => page.waitForSelector(`input[name=city][data-postal-filled="${city}"]`);
      await page.goto(base + '/members/new');
      await page.locator('input[name=postalCode]').pressSequentially('１６０－００２２');
      await cityIs('新宿区');
      t.equal(await page.inputValue('select[name=prefecture]'), '東京都');
      t.equal(await page.inputValue('input[name=city]'), '新宿区');
      t.equal(await page.inputValue('input[name=address1]'), '新宿');

      // A second code replaces what the first lookup filled in…
      await page.fill('input[name=postalCode]', '');
      await page.locator('input[name=postalCode]').pressSequentially('0600001');
      await cityIs('札幌市中央区');
      t.equal(await page.inputValue('select[name=prefecture]'), '北海道');
      t.equal(await page.inputValue('input[name=address1]'), '北一条西');

      // …but not what staff typed themselves.
      await page.fill('input[name=address1]', '北一条西2-1');
      await page.fill('input[name=postalCode]', '');
      await page.locator('input[name=postalCode]').pressSequentially('160-0022');
      await cityIs('新宿区');
      t.equal(await page.inputValue('input[name=address1]'), '北一条西2-1', 'staff-typed text is kept');

      await page.fill('input[name=familyName]', '山田');
      await page.fill('input[name=familyKana]', 'ヤマダ');
      await page.fill('input[name=address1]', '新宿1-2-3');
      await page.click('button:has-text("保存する")');
      await page.waitForURL(/\/members\/\d+$/);
      t.match(await page.textContent('main'), '東京都新宿区新宿1-2-3');
    },
  );
}
