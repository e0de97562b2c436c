import { deflateSync } from 'node:zlib';
import { SMTPServer } from 'smtp-server';
import t from 'tap';
import { insertSeeds } from '../mailings/fixtures.js';
import { chromiumPath, setupAdmin, startBrowser } from './browser.js';

const chromium = chromiumPath();

/** A 40×20 grey PNG, built here so the test needs no image file. */
function png(): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = table[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const l = Buffer.alloc(4);
    l.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([l, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(40, 0);
  ihdr.writeUInt32BE(20, 4);
  ihdr[8] = 8;
  const raw = Buffer.concat(Array.from({ length: 20 }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(40, 90)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (!chromium) {
  t.comment('SKIP browser tests: no chromium found (apt-get install chromium)');
  t.pass('browser tests skipped: no chromium on this machine');
} else {
  t.test(
    'staff build a segment, write a newsletter with an image, send it on paper and by e-mail, and see it on a timeline',
    async (t) => {
      const { app, page, base } = await startBrowser(t);
      await setupAdmin(page, base);
      const ids = await insertSeeds(app.orm.em.fork(), [
        {
          no: 1,
          family: '山田',
          given: '太郎',
          pref: '大阪府',
          city: '大阪市北区',
          postal: '530-0001',
          email: 'taro@example.jp',
          mail: 'email',
        },
        { no: 2, family: '佐藤', given: '花子', pref: '大阪府', city: '大阪市北区', postal: '530-0002', mail: 'post' },
        { no: 3, family: '鈴木', given: '一郎', pref: '東京都', postal: '160-0022', mail: 'post' },
      ]);
      const received: string[] = [];
      const smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, session, cb) {
          stream.resume();
          stream.on('end', () => {
            received.push(...session.envelope.rcptTo.map((r) => r.address));
            cb();
          });
        },
      });
      await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
      t.teardown(() => new Promise<void>((r) => smtp.close(() => r())));

      await page.goto(base + '/mailings/segments/new');
      await page.selectOption('select[name=prefectures]', ['大阪府']);
      await page.waitForSelector('#segment-count:has-text("該当 2人")');
      await page.fill('input[name=name]', '大阪の会員');
      await page.click('button:has-text("保存する")');
      await page.waitForURL(/\/mailings\/segments\/\d+$/);

      await page.goto(base + '/mailings/newsletters/new');
      await page.fill('input[name=title]', '縁だより 夏号');
      await page.fill('input[name=number]', '12');
      await page.fill('textarea[name=body]', '# ごあいさつ\n\n暑中お見舞い申し上げます。');
      await page.click('button:has-text("保存する")');
      await page.waitForURL(/\/mailings\/newsletters\/\d+$/);
      await page.setInputFiles('input[type=file]', { name: '写真.png', mimeType: 'image/png', buffer: png() });
      await page.click('button:has-text("追加")');
      await page.waitForSelector('.flash');
      const ref = (await page.textContent('li code'))!;
      await page.fill('textarea[name=body]', `# ごあいさつ\n\n暑中お見舞い申し上げます。\n\n${ref}`);
      await page.click('button:has-text("保存する")');
      await page.waitForSelector('.newsletter-preview img');

      await page.selectOption('select[name=segment]', '大阪の会員');
      await page.selectOption('select[name=channel]', 'post');
      await page.click('button:has-text("発送リストを作る")');
      await page.waitForURL(/\/mailings\/sends\/\d+$/);
      t.match(await page.textContent('main'), '送る 2人');

      await page.goto(base + '/mailings/smtp');
      const port = (smtp.server.address() as { port: number }).port;
      await page.fill('input[name=host]', '127.0.0.1');
      await page.fill('input[name=port]', String(port));
      await page.selectOption('select[name=security]', 'none');
      await page.fill('input[name=from]', 'office@example.jp');
      await page.click('button:has-text("保存する")');
      await page.waitForSelector('.flash');

      await page.goto(base + '/mailings/newsletters');
      await page.click('a:has-text("縁だより 夏号")');
      await page.selectOption('select[name=segment]', '大阪の会員');
      await page.selectOption('select[name=channel]', 'email');
      await page.click('button:has-text("発送リストを作る")');
      await page.waitForURL(/\/mailings\/sends\/\d+$/);
      await page.click('button:has-text("メールを送る")');
      // The send runs as a background batch; its page follows the progress and offers the report.
      await page.waitForURL(/\/batches\/\d+$/);
      await page.waitForSelector('.batch-download', { timeout: 20_000 });
      t.match(await page.textContent('.batch-download'), 'メール送信結果.pdf');
      t.same(received, ['taro@example.jp']);
      await page.goBack();
      await page.reload();
      t.match(await page.textContent('main'), '送信済み');

      await page.goto(`${base}/members/${ids.get(1)}`);
      const main = (await page.textContent('main'))!;
      t.match(main, '会報 第12号「縁だより 夏号」（郵送）');
      t.match(main, '会報 第12号「縁だより 夏号」（メール）');
    },
  );
}
