import t from 'tap';
import { encodeCp932 } from '../../src/lib/text-encoding.js';
import { chromiumPath, setupAdmin, startBrowser } from './browser.js';

const chromium = chromiumPath();
const SHOTS = process.env.ENISHI_E2E_SCREENSHOTS; // a folder to look at the pages (optional)

if (!chromium) {
  t.comment('SKIP browser tests: no chromium found (apt-get install chromium)');
  t.pass('browser tests skipped: no chromium on this machine');
} else {
  t.test('staff import a Shift_JIS member list through the web page: upload, preview every row, commit', async (t) => {
    const { page, base } = await startBrowser(t);
    await setupAdmin(page, base);
    await page.goto(base + '/supporters');
    await page.click('a:has-text("会員の取り込み")');
    await page.waitForURL(/\/members\/import$/);
    const csv =
      '会員番号,氏名,フリガナ,会員種別,電話番号,協力できる分野\r\n,山田 太郎,ﾔﾏﾀﾞ ﾀﾛｳ,正会員,03-1234-5678,会計;IT\r\n,佐藤　花子,サトウ ハナコ,賛助会員,,翻訳\r\n';
    await page.setInputFiles('input[type=file]', {
      name: '会員名簿.csv',
      mimeType: 'text/csv',
      buffer: encodeCp932(csv),
    });
    await page.click('button:has-text("アップロードして確認する")');
    await page.waitForURL(/\/members\/import\/[a-f0-9]{32}$/);
    t.match(await page.textContent('.import-summary'), '新規 2 件、更新 0 件、変更なし 0 件、エラー 0 件');
    t.match(await page.textContent('table.import-preview'), '山田 太郎');
    t.match(await page.textContent('table.import-preview'), '佐藤 花子');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-preview.png`, fullPage: true });
    await page.click('button:has-text("取り込む")');
    await page.waitForURL(/\/members\?sort=memberNo/);
    t.match(await page.textContent('.flash'), '取り込みました：新規 2 件、更新 0 件');
    t.match(await page.textContent('main'), 'ヤマダ タロウ', 'half-width kana was normalised');
    await page.click('a:has-text("山田 太郎")');
    await page.waitForURL(/\/members\/\d+$/);
    t.match(await page.textContent('#skills'), '会計');
  });

  t.test('staff record a phone call with 頂いた物 and see it on the member timeline', async (t) => {
    const { page, base } = await startBrowser(t);
    await setupAdmin(page, base);
    await page.click('a:has-text("新規登録")');
    await page.fill('input[name=familyName]', '鈴木');
    await page.fill('input[name=givenName]', '一郎');
    await page.fill('input[name=familyKana]', 'すずき');
    await page.fill('input[name=givenKana]', 'いちろう');
    await page.check('label:has-text("子ども支援") input[type=checkbox]');
    await page.click('button:has-text("保存する")');
    await page.waitForURL(/\/members\/\d+$/);
    t.match(await page.textContent('#skills'), '子ども支援', 'skills captured on the registration form');

    await page.click('summary:has-text("対応を記録する")');
    const form = page.locator('#interactions form.stack');
    await form.locator('input[name=occurredOn]').fill('2026-04-01');
    await form.locator('select[name=channel]').selectOption('来所');
    await form.locator('input[name=summary]').fill('会報のお礼');
    await form.locator('textarea[name=content]').fill('総会にも来てくださるとのこと');
    await form.locator('input[name=gift]').fill('手作りのジャム');
    await form.locator('textarea[name=followUp]').fill('総会の案内を送る');
    await form.locator('button:has-text("記録する")').click();
    await page.waitForURL(/\/members\/\d+$/);
    t.match(await page.textContent('.flash'), '対応記録を追加しました');
    const timeline = await page.textContent('ol.timeline');
    t.match(timeline, '来所：会報のお礼（事務局 花子）');
    t.match(timeline, '頂いた物：手作りのジャム（お礼未）');
    t.match(timeline, '次回話すこと：総会の案内を送る');
    t.match(
      await page.textContent('#interactions'),
      '手作りのジャム',
      'the gift waits for a thank-you on the member page',
    );
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/member-page.png`, fullPage: true });

    await page.click('a:has-text("支援者")');
    await page.click('a:has-text("お礼がまだの頂いた物")');
    t.match(await page.textContent('table.gifts'), '手作りのジャム');
    await page.click('button:has-text("お礼済みにする")');
    await page.waitForURL(/\/supporters\/gifts$/);
    t.match(await page.textContent('main'), 'お礼がまだのものはありません');
  });
}
