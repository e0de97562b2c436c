import t from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readStatement } from '../../src/banking/statement.js';
import { readCsvTable } from '../../src/members/import/import-file.js';
import { importMembers } from '../../src/members/import/import.service.js';
import { Member } from '../../src/members/member.entity.js';
import { seedDefaults } from '../../src/seed.js';
import { build, cliWorkspace, loggedIn, testDatabase } from '../helper.js';
import { asTest, multipart } from '../supporters/fixtures.js';

const HEADER = '氏名,フリガナ,会員種別';
const BANK = '"日付","摘要","お引出し","お預入れ","残高"';
const bankRow = (d: number, name: string) => `"2026/5/${d}","振込 ${name}","","5,000","125,000"`;

t.test('a NUL in the member form is refused with a clear message and nothing is stored', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  await c.get('/members/new');
  const res = await c.post('/members', {
    kind: 'individual',
    familyName: '山\u0000田',
    familyKana: 'ヤマダ',
    memberTypeId: '1',
    mailPreference: 'post',
  });
  t.equal(res.statusCode, 422);
  t.match(res.body, '使えない制御文字');
  t.equal(await em().count(Member, {}), 0);
});

t.test('a NUL in a member import file is refused with its line; via the web page too', async (t) => {
  const bytes = Buffer.from(`${HEADER}\n山田 太郎,ヤマダ タロウ,正会員\n佐藤\u0000花子,サトウ ハナコ,正会員\n`);
  t.throws(() => readCsvTable(bytes), /3行目に使えない制御文字/);
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  await c.get('/members/import');
  const up = multipart('members.csv', bytes, 'file', { _csrf: c.csrf });
  const posted = await c.request({ method: 'POST', url: '/members/import', ...up });
  t.equal(posted.statusCode, 303);
  const res = await c.get(String(posted.headers.location));
  t.equal(res.statusCode, 422);
  t.match(res.body, '3行目に使えない制御文字');
  t.equal(await em().count(Member, {}), 0);
});

t.test('a NUL or another control character in a bank statement is refused with a clear message', async (t) => {
  const small = [BANK, bankRow(7, 'ﾔﾏﾀﾞ ﾀﾛｳ'), bankRow(8, 'ｽｽﾞｷ\u0000ﾊﾅｺ')].join('\r\n');
  t.throws(() => readStatement(Buffer.from(small)), /テキストファイルではありません/);
  const bell = [BANK, bankRow(7, 'ﾔﾏﾀﾞ ﾀﾛｳ'), bankRow(8, 'ｽｽﾞｷ\u0007ﾊﾅｺ')].join('\r\n');
  t.throws(() => readStatement(Buffer.from(bell)), /3行目: 使えない制御文字/);
  const rows = Array.from({ length: 200 }, (_, i) => bankRow((i % 28) + 1, 'ﾔﾏﾀﾞ ﾀﾛｳ'));
  const late = [BANK, ...rows, bankRow(9, 'ｽｽﾞｷ\u0000ﾊﾅｺ')].join('\r\n');
  t.throws(() => readStatement(Buffer.from(late)), /202行目: 使えない制御文字/, 'a NUL after the first 4 KB');
});

t.test('the CLI refuses a NUL in one line and never prints SQL or the member’s data', async (t) => {
  const { dir, run } = await cliWorkspace(t, 'enishi-nul-');
  const file = join(dir, 'nul.csv');
  writeFileSync(file, `${HEADER}\n秘密\u0000太郎,ヒミツ タロウ,正会員\n`);
  const r = await run('members', 'import', file);
  t.equal(r.code, 1);
  t.equal(r.err.split('\n').length, 1, 'one line on stderr');
  t.match(r.err, '2行目に使えない制御文字');
  t.notMatch(r.err, /insert|select|秘密/i);
  const json = await run('members', 'import', file, '--json');
  t.equal(json.code, 1);
  t.same(
    JSON.parse(json.out).errors.map((e: { line: number }) => e.line),
    [2],
    '--json names the same line, 2',
  );
});

t.test('mixed line ends (\\r\\n, \\n, \\r) lose no member row', async (t) => {
  const { orm } = await testDatabase(t);
  await seedDefaults(orm.em.fork());
  const file = Buffer.from(
    `${HEADER}\r\n山田 太郎,ヤマダ タロウ,正会員\n佐藤 花子,サトウ ハナコ,正会員\r鈴木 一郎,スズキ イチロウ,正会員\r\n`,
  );
  t.equal(readCsvTable(file).records.length, 3);
  const r = await asTest(() => importMembers(orm.em.fork(), file, {}));
  t.equal(r.created, 3);
  t.equal(await orm.em.fork().count(Member, {}), 3);
});

t.test('mixed line ends lose no bank statement line', async (t) => {
  const text = `${BANK}\r\n${bankRow(7, 'ﾔﾏﾀﾞ ﾀﾛｳ')}\n${bankRow(8, 'ｽｽﾞｷ ﾊﾅｺ')}\r${bankRow(9, 'ﾀｶﾊｼ ｹﾝｲﾁ')}\r\n`;
  t.equal(readStatement(Buffer.from(text)).lines.length, 3);
});
