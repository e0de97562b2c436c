import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { saveProfile } from '../../src/banking/bank-profile.service.js';
import { formatNames } from '../../src/banking/statement.js';
import { readCsvTable } from '../../src/members/import/import-file.js';
import { loadConfig } from '../../src/config.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { seedDefaults } from '../../src/seed.js';
import { office } from '../banking/fixtures.js';
import { build, type Client, cliWorkspace, loggedIn } from '../helper.js';
import { asTest, multipart } from '../supporters/fixtures.js';
import { dumpDatabase } from './db-dump.js';
import { type BadFile, badMemberLists, badStatements, GOOD_MEMBERS } from './fuzz-files.js';

/**
 * Every upload, fuzzed: each malformed member list and bank statement — through the web page
 * and the CLI, for every statement format — is answered with its Japanese message within a time
 * bound, and leaves every table of the database exactly as it was.
 */
const WEB_BOUND_MS = 8000;
const CLI_BOUND_MS = 10_000;
const REFUSED_BEFORE_MAPPING = /^(empty|binary|meisai\.pdf|utf16|euc-jp|latin1|huge\.csv)/;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

const errorBox = (html: string) =>
  [...html.matchAll(/<div class="error-box" role="alert">([\s\S]*?)<\/div>/g)]
    .map((m) => m[1]!.replace(/<[^>]+>/g, ' '))
    .join(' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

async function office1(t: Test) {
  const ctx = await build(t);
  await seedDefaults(ctx.em());
  await office(ctx.em);
  const profile = await asTest(() =>
    saveProfile(ctx.em(), '〇〇信用金庫', { headerRow: 1, date: 1, payer: 2, deposit: 4, withdrawal: 3 } as never),
  );
  const c = await loggedIn(ctx.app, 'staff');
  return { ...ctx, c, profileId: (profile as { id: number }).id };
}

async function post(c: Client, url: string, file: BadFile, fields: Record<string, string> = {}) {
  if (!c.csrf) await c.get('/bank');
  const { payload, headers } = multipart(file.name, file.bytes, 'file', { _csrf: c.csrf, ...fields });
  return c.request({ method: 'POST', url, payload, headers });
}

t.test('every malformed statement, in every format, is refused on the web page and changes nothing', async (t) => {
  const { em, c, profileId } = await office1(t);
  const before = await dumpDatabase(em());
  t.match(before, /## member \([1-9]\d*\)\n/, 'the dump holds the office’s members');
  const formats = ['', ...formatNames().filter((f) => f !== 'generic'), `profile:${profileId}`];
  for (const file of badStatements()) {
    for (const format of formats) {
      const started = performance.now();
      const res = await post(c, '/bank/imports', file, { format });
      const ms = performance.now() - started;
      const label = `${file.name} as ${format || 'auto'}`;
      t.equal(res.statusCode, 422, `${label}: 422, not ${res.statusCode}`);
      const message = errorBox(res.body);
      t.match(message, JAPANESE, `${label}: a Japanese message (${message.trim().slice(0, 80)})`);
      if (!format) t.match(message, file.message, `${label}: the message says what is wrong`);
      t.ok(ms < WEB_BOUND_MS, `${label}: answered in ${Math.round(ms)} ms`);
    }
  }
  t.equal(await dumpDatabase(em()), before, 'every table byte-for-byte as before');
});

t.test('every malformed member list is refused on the preview and at commit, and changes nothing', async (t) => {
  const { em, c } = await office1(t);
  await c.get('/members/import');
  const before = await dumpDatabase(em());
  t.match(before, /## member \([1-9]\d*\)\n/, 'the dump holds the office’s members');
  for (const file of badMemberLists()) {
    const started = performance.now();
    const posted = await post(c, '/members/import', file);
    let message: string;
    if (posted.statusCode === 303) {
      const url = String(posted.headers.location);
      const preview = await c.get(url);
      t.ok(preview.statusCode < 500, `${file.name}: the preview answers ${preview.statusCode}`);
      const commit = await c.post(`${url}/commit`, {});
      t.equal(commit.statusCode, 422, `${file.name}: the commit is refused`);
      message = `${errorBox(preview.body)} ${errorBox(commit.body)} ${commit.body.match(/field-error">([^<]*)/g)?.join(' ') ?? ''}`;
    } else {
      t.equal(posted.statusCode, 422, `${file.name}: 422`);
      message = errorBox(posted.body);
    }
    const ms = performance.now() - started;
    t.match(message, file.message, `${file.name}: ${message.trim().slice(0, 100)}`);
    t.ok(ms < WEB_BOUND_MS * 2, `${file.name}: answered in ${Math.round(ms)} ms`);
  }
  t.equal(await dumpDatabase(em()), before, 'every table byte-for-byte as before');
});

t.test('every malformed file is refused by the CLI with one line and a non-zero exit, changing nothing', async (t) => {
  const { dir, env, run } = await cliWorkspace(t, 'enishi-fuzz-');
  const good = join(dir, 'good.csv');
  writeFileSync(good, GOOD_MEMBERS);
  t.equal((await run('members', 'import', good)).code, 0);
  t.equal((await run('invoices', 'issue', '--year', '2026')).code, 0);
  const orm = await openOrm(loadConfig(env));
  t.teardown(() => orm.close(true));
  const before = await dumpDatabase(orm.em.fork());
  t.match(before, /## member \([1-9]\d*\)\n/, 'the dump holds the imported members');
  const oneLine = async (label: string, args: string[], expected: RegExp) => {
    const started = performance.now();
    const r = await run(...args);
    const ms = performance.now() - started;
    t.not(r.code, 0, `${label}: non-zero exit`);
    t.equal(r.err.trim().split('\n').length, 1, `${label}: one line (${r.err.slice(0, 100)})`);
    t.match(r.err, expected, `${label}: says what is wrong`);
    t.ok(ms < CLI_BOUND_MS, `${label}: answered in ${Math.round(ms)} ms`);
  };
  for (const file of badMemberLists()) {
    const path = join(dir, `m-${file.name}`);
    writeFileSync(path, file.bytes);
    await oneLine(`members ${file.name}`, ['members', 'import', path], file.message);
  }
  const formats = formatNames();
  for (const file of badStatements()) {
    const path = join(dir, `b-${file.name}`);
    writeFileSync(path, file.bytes);
    await oneLine(`bank ${file.name}`, ['bank', 'import', path], file.message);
    for (const format of formats)
      await oneLine(
        `bank ${file.name} --format ${format}`,
        ['bank', 'import', path, '--format', format, '--dry-run'],
        JAPANESE,
      );
  }
  t.equal(await dumpDatabase(orm.em.fork()), before, 'every table byte-for-byte as before');
});

t.test('a BOM inside a member list is not data: it never ends up in a name', async (t) => {
  const table = readCsvTable(Buffer.from('\uFEFF氏名,フリガナ,会員種別\r\n山田\uFEFF太郎,ヤマダ タロウ,正会員\r\n'));
  t.same(table.records[0]!.cells, ['山田太郎', 'ヤマダ タロウ', '正会員']);
});

t.test(
  'every malformed statement uploaded for column mapping gets a page, never a 500, and changes nothing',
  async (t) => {
    const { em, c } = await office1(t);
    const before = await dumpDatabase(em());
    for (const file of badStatements()) {
      const started = performance.now();
      const posted = await post(c, '/bank/profiles/preview', file);
      const res = posted.statusCode === 303 ? await c.get(String(posted.headers.location)) : posted;
      t.ok(res.statusCode < 500, `${file.name}: the mapping page answers ${res.statusCode}`);
      if (res.statusCode >= 400) t.match(errorBox(res.body), JAPANESE, `${file.name}: with a Japanese message`);
      // What no column mapping can make a statement is refused before the sample is shown.
      if (REFUSED_BEFORE_MAPPING.test(file.name)) {
        t.equal(res.statusCode, 422, `${file.name}: refused before mapping`);
        t.match(errorBox(res.body), file.message, `${file.name}: ${errorBox(res.body).slice(0, 60)}`);
      }
      t.ok(performance.now() - started < WEB_BOUND_MS, `${file.name}: answered in time`);
    }
    t.equal(await dumpDatabase(em()), before, 'every table byte-for-byte as before');
  },
);
