import t from 'tap';
import { chromiumPath, setupAdmin, startBrowser, ADMIN_PASSWORD } from './browser.js';

const chromium = chromiumPath();
if (!chromium) {
  t.comment('SKIP browser tests: no chromium found (apt-get install chromium)');
  t.pass('browser tests skipped: no chromium on this machine');
} else {
  t.test('staff set up Enishi, log in, register, find, edit and withdraw a member in a real browser', async (t) => {
    const { page, base } = await startBrowser(t);
    await setupAdmin(page, base);
    t.match(await page.textContent('.flash'), '管理者アカウントを作成しました');

    await page.click('button:has-text("ログアウト")');
    await page.waitForURL(/\/login/);
    await page.fill('input[name=loginId]', 'admin');
    await page.fill('input[name=password]', 'wrong-password');
    await page.click('button:has-text("ログイン")');
    t.match(await page.textContent('.error-box'), 'ログインIDまたはパスワードが違います');
    await page.fill('input[name=password]', ADMIN_PASSWORD);
    await page.click('button:has-text("ログイン")');
    await page.waitForURL(/\/dashboard/);
    await page.goto(base + '/members');

    await page.click('a:has-text("新規登録")');
    await page.fill('input[name=familyName]', '山田');
    await page.fill('input[name=givenName]', '太郎');
    await page.fill('input[name=familyKana]', 'やまだ');
    await page.fill('input[name=givenKana]', 'たろう');
    await page.fill('input[name=postalCode]', '1600022');
    await page.fill('input[name=email]', 'not-an-email');
    await page.click('button:has-text("保存する")');
    t.match(
      await page.textContent('.error-box'),
      'メールアドレスの形式が正しくありません',
      'a bad e-mail is shown on the page',
    );
    await page.fill('input[name=email]', 'taro@example.jp');
    await page.fill('input[name=phone]', '０３－１２３４－５６７８');
    await page.click('button:has-text("保存する")');
    await page.waitForURL(/\/members\/\d+$/);
    t.match(await page.textContent('.flash'), '山田 太郎（会員番号 1）を登録しました');
    t.match(await page.textContent('main'), 'ヤマダ タロウ');
    t.match(await page.textContent('main'), '03-1234-5678');

    await page.goto(base + '/members');
    await page.fill('form.quick input[name=q]', 'ﾔﾏﾀﾞ');
    await page.press('form.quick input[name=q]', 'Enter');
    await page.waitForURL(/\/members\/\d+$/);
    t.match(await page.textContent('h1'), '山田 太郎', 'quick search by half-width kana jumps to the member');

    await page.click('a:has-text("編集")');
    await page.fill('input[name=city]', '渋谷区');
    await page.click('button:has-text("保存する")');
    await page.waitForURL(/\/members\/\d+$/);
    t.match(await page.textContent('.flash'), '会員情報を保存しました');
    t.match(await page.textContent('table.history'), '渋谷区', 'the change shows in the history');

    await page.click('summary:has-text("退会の手続き")');
    await page.fill('input[name=reason]', '転居のため');
    await page.click('button:has-text("退会にする")');
    await page.waitForURL(/\/members\/\d+$/);
    t.match(await page.textContent('.page-head'), '退会');
    await page.goto(base + '/members');
    t.notMatch(await page.textContent('main'), '山田 太郎', 'withdrawn members leave the default list');
    await page.goto(base + '/members?q=' + encodeURIComponent('やまだ'));
    t.match(await page.textContent('main'), '山田', 'but are still found by search');
  });
}
