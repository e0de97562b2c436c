import { deflateSync } from 'node:zlib';
import t from 'tap';
import { imageType, parseIssue } from '../../src/mailings/newsletter-form.js';
import { build, loggedIn } from '../helper.js';
import { pdfWords, renderGray } from '../documents/pdf-tools.js';
import { insertSeeds } from './fixtures.js';
import { multipart } from '../supporters/fixtures.js';

/** A real 40×20 PNG: a black bar on white (tiny, hand-built so the test needs no image files). */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(40, 0);
  ihdr.writeUInt32BE(20, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const raw = Buffer.concat(
    Array.from({ length: 20 }, (_, y) =>
      Buffer.concat([Buffer.from([0]), Buffer.alloc(40, y >= 5 && y < 15 ? 0 : 255)]),
    ),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

t.test('the issue form and image types', async (t) => {
  t.same(parseIssue({ title: '夏号', number: '１２', issuedOn: '2026/7/1', body: 'a\r\nb', columnsBody: ' ' }).value, {
    title: '夏号',
    number: 12,
    issuedOn: '2026-07-01',
    body: 'a\nb',
    columnsBody: null,
    campaignId: null,
  });
  t.same(Object.keys(parseIssue({ title: '', number: '0', issuedOn: 'x' }).errors ?? {}).sort(), [
    'issuedOn',
    'number',
    'title',
  ]);
  t.equal(imageType(png()), 'image/png');
  t.equal(imageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0])), 'image/jpeg');
  t.equal(imageType(Buffer.from('<svg onload="x">')), null);
});

t.test(
  'an issue with an image, two columns and staff HTML prints safely; a mailing freezes its list and shows on the timeline',
  async (t) => {
    const { app, em } = await build(t);
    const ids = await insertSeeds(em(), [
      { no: 1, family: '山田', given: '太郎', postal: '530-0001', email: 'y@example.jp' },
      { no: 2, family: '佐藤', given: '花子', postal: '160-0022' },
      { no: 3, family: '鈴木', given: '一郎', postal: '100-0001', mail: 'none' },
    ]);
    const c = await loggedIn(app, 'staff');
    const created = await c.post('/mailings/newsletters', {
      title: '縁だより 夏号',
      number: '12',
      issuedOn: '2026-07-01',
      body: '# ごあいさつ\n\n暑中お見舞い申し上げます。<script>alert(1)</script>\n\n- 清掃活動\n- 夏祭り',
      columnsBody: '## 活動報告\n\n清掃に20人が参加しました。',
    });
    t.equal(created.statusCode, 303);
    const url = String(created.headers.location);
    const id = url.split('/').pop()!;
    const page = await c.get(url);
    t.notMatch(page.body, /<script>alert/, 'staff HTML is not a script on the page');
    t.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    const bad = multipart('evil.svg', Buffer.from('<svg onload="alert(1)"></svg>'), 'image', { _csrf: c.csrf });
    const refused = await c.request({
      method: 'POST',
      url: `${url}/images`,
      ...bad,
    });
    t.equal(refused.statusCode, 422);
    t.match(refused.body, /PNG か JPEG/);
    const up = multipart('bar.png', png(), 'image', { _csrf: c.csrf });
    const uploaded = await c.request({
      method: 'POST',
      url: `${url}/images`,
      ...up,
    });
    t.equal(uploaded.statusCode, 303);
    const imageId = /images\/(\d+)/.exec((await c.get(url)).body)![1];
    t.equal((await c.get(`/mailings/newsletters/images/${imageId}`)).headers['content-type'], 'image/png');
    const body = `# ごあいさつ\n\n暑中お見舞い申し上げます。<script>alert(1)</script>\n\n![棒](/mailings/newsletters/images/${imageId})\n\n- 清掃活動\n- 夏祭り`;
    t.equal(
      (
        await c.post(url, {
          title: '縁だより 夏号',
          number: '12',
          issuedOn: '2026-07-01',
          body,
          columnsBody: '## 活動報告\n\n清掃に20人が参加しました。',
        })
      ).statusCode,
      303,
    );
    const pdf = await c.get(`${url}/pdf`);
    t.equal(pdf.headers['content-type'], 'application/pdf');
    const text = pdfWords(pdf.rawPayload)
      .map((w) => w.text)
      .join('');
    t.match(text, /縁だより夏号/);
    t.match(text, /<script>alert\(1\)<\/script>/, 'staff HTML printed as plain text');
    t.match(text, /清掃に20人が参加しました/);
    const img = renderGray(pdf.rawPayload);
    t.ok(
      img.data.some((v) => v < 50),
      'the page has ink (text and the image)',
    );
    if (process.env.ENISHI_KEEP_PNG) (await import('node:fs')).writeFileSync(process.env.ENISHI_KEEP_PNG, img.png);

    const mailing = await c.post(`${url}/mailings`, { segment: '', channel: 'post' });
    t.equal(mailing.statusCode, 303);
    const sendUrl = String(mailing.headers.location);
    const send = await c.get(sendUrl);
    t.match(send.body, /送る 2人・送らない 1人/);
    t.match(send.body, /送らない：郵送物「不要」/);
    const first = await c.get(`${sendUrl}/labels?sheet=12`);
    // The member moves after the list was made: printing again gives the frozen address.
    await em().getKnex()('member').where('id', ids.get(2)).update({ postal_code: '999-9999', family_name: '高橋' });
    const again = await c.get(`${sendUrl}/labels?sheet=12`);
    const labelText = (b: Buffer) =>
      pdfWords(b)
        .map((w) => w.text)
        .join(' ');
    t.equal(labelText(again.rawPayload), labelText(first.rawPayload), 'printing again gives the same labels');
    t.match(labelText(again.rawPayload), /〒160-0022/);
    t.notMatch(labelText(again.rawPayload), /高橋/);
    const member = await c.get(`/members/${ids.get(1)}`);
    t.match(
      member.body,
      /会報 第12号「縁だより 夏号」（郵送）/,
      'the member timeline shows the issue and how it was sent',
    );
    const none = await c.get(`/members/${ids.get(3)}`);
    t.notMatch(none.body, /会報 第12号/, 'an excluded member did not receive it');
    t.equal(id.length > 0, true);
  },
);
