import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { refererBack } from '../../src/web/back-url.js';
import { build, loggedIn } from '../helper.js';

const ROOT = new URL('../../', import.meta.url).pathname;

function filesUnder(dir: string, ext: string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return filesUnder(p, ext);
    return ext.some((e) => name.endsWith(e)) ? [p] : [];
  });
}

t.test('the way back from an error page is the same-site Referer path, else the dashboard', async (t) => {
  const cases: [unknown, unknown, string][] = [
    ['http://enishi.local/members/12?tab=dues', 'enishi.local', '/members/12?tab=dues'],
    ['https://enishi.local:8443/bank/imports', 'enishi.local:8443', '/bank/imports'],
    ['http://evil.example/members', 'enishi.local', '/dashboard'],
    ['http://enishi.local.evil.example/members', 'enishi.local', '/dashboard'],
    ['http://enishi.local//evil.example/', 'enishi.local', '/dashboard'],
    ['javascript:alert(1)', 'enishi.local', '/dashboard'],
    ['/members/3', 'enishi.local', '/dashboard'],
    ['not a url', 'enishi.local', '/dashboard'],
    [undefined, 'enishi.local', '/dashboard'],
    ['http://enishi.local/members', undefined, '/dashboard'],
  ];
  for (const [referer, host, want] of cases) t.equal(refererBack(referer, host), want, JSON.stringify([referer, host]));
});

t.test('an error page links back to the page the user came from with a real link, not script', async (t) => {
  const { app } = await build(t);
  const c = await loggedIn(app);
  const res = await c.request({
    method: 'GET',
    url: '/members/999999',
    headers: { referer: 'http://localhost:80/members?q=%E5%B1%B1', host: 'localhost:80' },
  });
  t.equal(res.statusCode, 404);
  t.match(res.body, /<a href="\/members\?q=%E5%B1%B1">前のページに戻る<\/a>/);
  t.notMatch(res.body, /javascript:|onclick=/);
  const foreign = await c.request({
    method: 'GET',
    url: '/members/999999',
    headers: { referer: 'http://evil.example/x', host: 'localhost:80' },
  });
  t.match(foreign.body, /<a href="\/dashboard">前のページに戻る<\/a>/);
});

t.test('no view or template has an inline event handler, a javascript: link or an inline script', async (t) => {
  const files = [...filesUnder(join(ROOT, 'views'), ['.eta']), ...filesUnder(join(ROOT, 'templates'), ['.eta'])];
  t.ok(files.length > 50, 'the views were found');
  const bad: string[] = [];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const rel = f.slice(ROOT.length);
    if (/\son[a-z]+\s*=/i.test(text)) bad.push(`${rel}: inline on…= handler`);
    if (/javascript:/i.test(text)) bad.push(`${rel}: javascript: link`);
    for (const m of text.matchAll(/<script\b([^>]*)>/gi))
      if (!/\bsrc=/.test(m[1]!)) bad.push(`${rel}: inline <script>`);
  }
  t.same(bad, [], 'the CSP (script-src self) would block these');
});
