import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { Member } from '../../src/members/member.entity.js';
import { build, loggedIn } from '../helper.js';
import { multipart } from '../supporters/fixtures.js';

const VIEWS = new URL('../../views/', import.meta.url).pathname;
const CSV = Buffer.from('氏名,フリガナ,会員種別\n山田 太郎,ヤマダ タロウ,正会員\n');

function etaFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? etaFiles(p) : name.endsWith('.eta') ? [p] : [];
  });
}

t.test('an upload form posts its CSRF token in the body and only that is accepted', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  await c.get('/members/import');
  const post = (url: string, body: ReturnType<typeof multipart>) => c.request({ method: 'POST', url, ...body });

  const ok = await post('/members/import', multipart('m.csv', CSV, 'file', { _csrf: c.csrf }));
  t.equal(ok.statusCode, 303, 'the token in the multipart body is read before the file');
  t.match(String(ok.headers.location), /^\/members\/import\/[\w-]+$/);

  const none = await post('/members/import', multipart('m.csv', CSV));
  t.equal(none.statusCode, 403, 'no token: refused');
  t.match(none.body, '送信の確認ができませんでした');
  const inUrl = await post(`/members/import?_csrf=${encodeURIComponent(c.csrf)}`, multipart('m.csv', CSV));
  t.equal(inUrl.statusCode, 403, 'a token only in the URL is no longer accepted');
  const forged = await post('/members/import', multipart('m.csv', CSV, 'file', { _csrf: 'forged' }));
  t.equal(forged.statusCode, 403, 'a wrong token: refused');
  t.equal(await em().count(Member, {}), 0);
});

t.test('the bank statement upload reads the chosen format and the token from the same body', async (t) => {
  const { app } = await build(t);
  const c = await loggedIn(app, 'staff');
  await c.get('/bank');
  const res = await c.request({
    method: 'POST',
    url: '/bank/imports',
    ...multipart('list.pdf', Buffer.from('%PDF-1.4 test'), 'file', { _csrf: c.csrf, format: '' }),
  });
  t.equal(res.statusCode, 422, 'past the CSRF check, refused for its content');
  t.match(res.body, 'PDFファイルは取り込めません');
});

t.test('no view puts the CSRF token in a URL and every upload form carries it as a hidden field', async (t) => {
  const files = etaFiles(VIEWS);
  const inUrl = files.filter((f) => /_csrf=/.test(readFileSync(f, 'utf8'))).map((f) => f.slice(VIEWS.length));
  t.same(inUrl, []);
  const uploadForms = files.flatMap((f) =>
    formsOf(readFileSync(f, 'utf8'))
      .filter((form) => form.tag.includes('multipart/form-data'))
      .map((form) => ({ view: f.slice(VIEWS.length), inner: form.inner })),
  );
  t.ok(uploadForms.length >= 5, 'the upload forms were found');
  for (const { view, inner } of uploadForms) {
    const token = inner.indexOf('name="_csrf"');
    t.ok(token >= 0, `${view} has the hidden _csrf field`);
    t.ok(token < inner.indexOf('type="file"'), `${view} sends the token before the file`);
  }
});

/** Each <form …> tag and its body; an eta tag inside the opening tag (which may hold ">") is skipped whole. */
function formsOf(html: string): { tag: string; inner: string }[] {
  const forms: { tag: string; inner: string }[] = [];
  for (let at = html.indexOf('<form'); at >= 0; at = html.indexOf('<form', at + 1)) {
    let end = at + 5;
    while (end < html.length && html[end] !== '>') {
      if (!html.startsWith('<%', end)) end += 1;
      else if (html.includes('%>', end)) end = html.indexOf('%>', end) + 2;
      else return forms; // an eta tag left open: no more forms to read
    }
    const close = html.indexOf('</form>', end);
    if (close < 0) break;
    forms.push({ tag: html.slice(at, end), inner: html.slice(end + 1, close) });
  }
  return forms;
}
