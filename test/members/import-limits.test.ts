import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { MEMBER_FILE_LIMITS } from '../../src/members/import/import-file.js';
import { Member } from '../../src/members/member.entity.js';
import { build, type Client, cliWorkspace, loggedIn } from '../helper.js';
import { multipart } from '../supporters/fixtures.js';

const HEADER = '氏名,フリガナ,会員種別';
const rows = (n: number) => Array.from({ length: n }, (_, i) => `会員 ${i},カイイン ${i},正会員`);
const file = (lines: string[]) => Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`);

async function upload(c: Client, bytes: Buffer) {
  if (!c.csrf) await c.get('/members/import');
  const { payload, headers } = multipart('members.csv', bytes, 'file', { _csrf: c.csrf });
  const res = await c.request({ method: 'POST', url: '/members/import', payload, headers });
  return c.get(res.headers.location as string);
}

t.test(
  'a 200,000-row member file is refused on the preview with the limit, quickly, and nothing is stored (defect 7)',
  async (t) => {
    const { app, em } = await build(t);
    const c = await loggedIn(app, 'staff');
    const started = performance.now();
    const preview = await upload(c, file(rows(200_000)));
    t.ok(performance.now() - started < 15_000, 'answered within 15 s');
    t.match(preview.body, `行が多すぎます（200,001行。${MEMBER_FILE_LIMITS.lines.toLocaleString('ja-JP')}行まで）`);
    t.ok(preview.body.length < 50_000, 'a short page, not a table of every row');
    t.equal(await em().count(Member, {}), 0);
  },
);

t.test('a 10 MB cell is refused with its line number', async (t) => {
  const { app } = await build(t);
  const c = await loggedIn(app, 'staff');
  const preview = await upload(c, file([`山田 太郎,${'ヤ'.repeat(3_000_000)},正会員`]));
  t.match(preview.body, '2行目が長すぎます');
});

t.test('the preview of a long file shows 200 rows a page, with the position and links to the others', async (t) => {
  const { app } = await build(t);
  const c = await loggedIn(app, 'staff');
  const first = await upload(c, file(rows(450)));
  t.equal((first.body.match(/<tr class="import-/g) ?? []).length, 200);
  t.match(first.body, '450行中 1〜200行目（1 / 3ページ）');
  const next = /href="([^"]+page=2)"/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
  t.ok(next, 'a link to the next page');
  const last = await c.get(next!.replace('page=2', 'page=3'));
  t.equal((last.body.match(/<tr class="import-/g) ?? []).length, 50);
  t.match(last.body, '450行中 401〜450行目（3 / 3ページ）');
  t.match(last.body, '会員 449');
});

t.test('the CLI refuses an over-limit member file with a non-zero exit and one line, storing nothing', async (t) => {
  const { dir, run } = await cliWorkspace(t, 'enishi-import-limits-');
  const path = join(dir, 'big.csv');
  writeFileSync(path, file(rows(MEMBER_FILE_LIMITS.lines + 5)));
  const r = await run('members', 'import', path);
  t.not(r.code, 0);
  t.match(r.err, '行が多すぎます');
  const list = await run('members', 'import', path, '--dry-run', '--json');
  t.not(list.code, 0, 'a dry run is refused the same way');
});
