import t from 'tap';
import { buildScenario } from '../accounting/scenario.js';
import { chromiumPath, setupAdmin, startBrowser } from './browser.js';

const SHOTS = process.env.ENISHI_E2E_SCREENSHOTS;

if (!chromiumPath()) {
  t.comment('SKIP browser tests: no chromium found (apt-get install chromium)');
  t.pass('browser tests skipped: no chromium on this machine');
} else {
  t.test('after login the dashboard shows its charts as SVG and their numbers as text', async (t) => {
    const { app, page, base } = await startBrowser(t);
    await setupAdmin(page, base);
    await buildScenario(() => app.orm.em.fork(), { reverse: true });
    await page.goto(base + '/');
    await page.waitForURL(/\/dashboard$/);
    t.equal(await page.locator('svg.chart').count(), 5);
    t.ok(await page.locator('#campaigns svg').isVisible(), 'campaign progress is drawn');
    t.ok(await page.locator('#campaigns table').isVisible(), 'with its numbers beside it');
    const box = await page.locator('#months svg').boundingBox();
    t.ok(box && box.width > 300 && box.height > 150, 'the chart is drawn at a readable size');
    t.ok((await page.locator('#months svg rect').count()) > 0, 'bars are drawn');
    t.match(await page.textContent('#months table'), '11,000円');
    t.match(await page.textContent('#types table'), '正会員');
    t.match((await page.getAttribute('#years svg', 'aria-labelledby')) ?? '', 'chart-years-title');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/dashboard.png`, fullPage: true });
  });
}
