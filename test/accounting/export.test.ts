import t from 'tap';
import iconv from 'iconv-lite';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJournal } from '../../src/accounting/export.service.js';
import { COLUMN_COUNTS } from '../../src/accounting/formats/index.js';
import { FORMATS, type AccountingFormat } from '../../src/accounting/ui-text.js';
import { loadConfig } from '../../src/config.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { updateSettings } from '../../src/settings/settings.service.js';
import { duesDatabase } from '../dues/fixtures.js';
import { build, cliWorkspace, loggedIn } from '../helper.js';
import { asTest } from '../supporters/fixtures.js';
import { buildScenario, PERIODS, type Scenario } from './scenario.js';

const DIR = fileURLToPath(new URL('../fixtures/accounting/', import.meta.url));
const fixture = (s: Scenario, f: AccountingFormat) => join(DIR, `${s}.${f}.csv`);

/** Text of a file as its program reads it, split into rows of cells (none of ours hold commas). */
function rowsOf(bytes: Buffer, f: AccountingFormat): string[][] {
  const text = f === 'yayoi' ? iconv.decode(bytes, 'cp932') : bytes.toString('utf8').replace(/^\uFEFF/, '');
  return text
    .split('\r\n')
    .slice(0, -1)
    .map((l) => l.split(','));
}

t.test('each period exports to the fixture files byte for byte, in each format', async (t) => {
  const em = await duesDatabase(t);
  await buildScenario(em, { reverse: true });
  for (const s of Object.keys(PERIODS) as Scenario[]) {
    const [from, to] = PERIODS[s];
    for (const f of FORMATS) {
      const { bytes } = await exportJournal(em(), { format: f, from, to });
      // ENISHI_UPDATE_FIXTURES=1 rewrites the files; review the diff before committing it.
      if (process.env.ENISHI_UPDATE_FIXTURES) {
        mkdirSync(DIR, { recursive: true });
        writeFileSync(fixture(s, f), bytes);
      }
      t.ok(bytes.equals(readFileSync(fixture(s, f))), `${s} / ${f} equals its fixture`);
      const rows = rowsOf(bytes, f);
      t.ok(rows.length > (f === 'yayoi' ? 0 : 1), `${s} / ${f} has rows`);
      t.ok(
        rows.every((r) => r.length === COLUMN_COUNTS[f]),
        `${s} / ${f}: ${COLUMN_COUNTS[f]} columns on every line`,
      );
      t.notOk(bytes.includes(Buffer.from('\n')) && /[^\r]\n/.test(bytes.toString('latin1')), `${s} / ${f}: CRLF only`);
    }
  }
  const yayoi = readFileSync(fixture('fee-short', 'yayoi'));
  t.equal(yayoi[0], 0x32, '弥生 starts with the flag, no header and no BOM');
  t.match(iconv.decode(yayoi, 'cp932'), '振込手数料差引');
  t.same(readFileSync(fixture('dues', 'freee')).subarray(0, 3), Buffer.from([0xef, 0xbb, 0xbf]));
});

t.test(
  'a reversal in a later period leaves the exported period unchanged and shows as a reversing entry',
  async (t) => {
    const em = await duesDatabase(t);
    await buildScenario(em);
    const april = await exportJournal(em(), { format: 'moneyforward', from: '2026-04-01', to: '2026-04-30' });
    const again = await exportJournal(em(), { format: 'moneyforward', from: '2026-04-01', to: '2026-04-30' });
    t.ok(april.bytes.equals(again.bytes), 'the same period twice gives the same bytes');
    const julyBefore = await exportJournal(em(), { format: 'yayoi', from: '2026-07-01', to: '2026-07-31' });
    t.equal(julyBefore.entries, 0);
    const { Payment } = await import('../../src/dues/payment.entity.js');
    const { reversePayment } = await import('../../src/dues/payment.service.js');
    const p = await em().findOneOrFail(Payment, { receivedOn: '2026-04-15' });
    await asTest(() => reversePayment(em(), p.id, '二重入金'));
    await em().nativeUpdate(Payment, { id: p.id }, { reversedAt: new Date('2026-07-03T10:00:00+09:00') });
    const after = await exportJournal(em(), { format: 'moneyforward', from: '2026-04-01', to: '2026-04-30' });
    t.ok(after.bytes.equals(april.bytes), 'April is exactly what was exported before the reversal');
    const july = rowsOf(
      (await exportJournal(em(), { format: 'moneyforward', from: '2026-07-01', to: '2026-07-31' })).bytes,
      'moneyforward',
    );
    t.same(
      july.slice(1).map((r) => [r[1], r[2], r[8], r[10], r[16], r[18]]),
      [['2026/07/03', '受取会費', '5000', '普通預金', '5000', '【取消】2026年度 正会員 会費 会員番号1']],
    );
  },
);

t.test('account names come from the settings', async (t) => {
  const em = await duesDatabase(t);
  await buildScenario(em);
  await asTest(() =>
    updateSettings(em(), {
      accountingDuesAccount: '会費収入',
      accountingDuesSubAccounts: { 正会員: '正会員会費' },
      accountingDepositAccounts: {
        bank: { account: '普通預金', sub: 'ゆうちょ以外' },
        postal: { account: '振替貯金', sub: '' },
        cash: { account: '現金', sub: '' },
        other: { account: '普通預金', sub: '' },
      },
    }),
  );
  const rows = rowsOf(
    (await exportJournal(em(), { format: 'yayoi', from: '2026-04-01', to: '2026-04-30' })).bytes,
    'yayoi',
  );
  t.same(
    rows.map((r) => [r[4], r[5], r[10], r[11]]),
    [['普通預金', 'ゆうちょ以外', '会費収入', '正会員会費']],
  );
});

t.test('bad input is refused with a field message, nothing exported', async (t) => {
  const em = await duesDatabase(t);
  const cases: [string, string | null, string | null, string][] = [
    ['excel', '2026-04-01', '2026-04-30', 'format'],
    ['freee', null, '2026-04-30', 'from'],
    ['freee', '2026-04-30', '2026-04-01', 'to'],
    ['freee', '2026-04-01', '2027-06-01', 'to'],
  ];
  for (const [format, from, to, fieldName] of cases) {
    const err = await exportJournal(em(), { format, from, to }).then(
      () => null,
      (e) => e,
    );
    t.equal(err?.statusCode, 422, `${format} ${from}..${to}`);
    t.ok(err?.fieldErrors?.[fieldName], fieldName);
  }
});

t.test('enishi accounting export writes the same file as the service; bad options exit 2', async (t) => {
  const { dir, env, run } = await cliWorkspace(t, 'enishi-acc-cli-');
  const orm = await openOrm(loadConfig(env));
  await buildScenario(() => orm.em.fork(), { reverse: true });
  await orm.close();
  const out = join(dir, 'june.csv');
  const r = await run(
    'accounting',
    'export',
    '--format',
    'yayoi',
    '--from',
    '2026-06-01',
    '--to',
    '2026-06-30',
    '--out',
    out,
  );
  t.equal(r.code, 0, r.err);
  t.match(r.out, '仕訳 1 件');
  t.ok(readFileSync(out).equals(readFileSync(fixture('fee-short', 'yayoi'))));
  const bad = await run(
    'accounting',
    'export',
    '--format',
    'excel',
    '--from',
    '2026-06-01',
    '--to',
    '2026-06-30',
    '--out',
    join(dir, 'x.csv'),
  );
  t.equal(bad.code, 2);
  t.match(bad.err, '形式は');
  t.notOk(existsSync(join(dir, 'x.csv')));
  t.equal(
    (await run('accounting', 'export', '--format', 'freee', '--from', '2026-06-01', '--to', '2026-06-30')).code,
    2,
    '--out is required',
  );
  const noDir = await run(
    'accounting',
    'export',
    '--format',
    'freee',
    '--from',
    '2026-06-01',
    '--to',
    '2026-06-30',
    '--out',
    join(dir, 'nope', 'x.csv'),
  );
  t.equal(noDir.code, 1);
  t.match(noDir.err, '書き込めません');
});

t.test(
  'enishi accounting export writes each format and period like the fixtures; a bad date or period exits 2 and writes nothing',
  async (t) => {
    const { dir, env, run } = await cliWorkspace(t, 'enishi-acc-cli2-');
    const orm = await openOrm(loadConfig(env));
    await buildScenario(() => orm.em.fork(), { reverse: true });
    await orm.close();
    for (const s of ['reversal', 'donations'] as Scenario[]) {
      const [from, to] = PERIODS[s];
      for (const f of ['freee', 'moneyforward'] as AccountingFormat[]) {
        const out = join(dir, `${s}.${f}.csv`);
        const r = await run('accounting', 'export', '--format', f, '--from', from, '--to', to, '--out', out);
        t.equal(r.code, 0, r.err);
        t.ok(readFileSync(out).equals(readFileSync(fixture(s, f))), `${s} / ${f} from the CLI equals its fixture`);
      }
    }
    const cases: [string[], string][] = [
      [['--from', '2026-13-01', '--to', '2026-06-30'], '開始日'],
      [['--from', '2026-06-01', '--to', '2026-02-30'], '終了日'],
      [['--from', '2026-06-30', '--to', '2026-06-01'], '終了日は開始日より後'],
      [['--from', '2025-01-01', '--to', '2026-06-30'], '最長 1 年'],
      [['--from', '2026-06-01', '--to', '2026-06-30', 'extra'], '不明な引数'],
    ];
    for (const [args, message] of cases) {
      const out = join(dir, 'bad.csv');
      const r = await run('accounting', 'export', '--format', 'freee', ...args, '--out', out);
      t.equal(r.code, 2, args.join(' '));
      t.match(r.err, message);
      t.notOk(existsSync(out), 'no file written');
    }
  },
);

t.test('the export page previews the entries and downloads the same bytes', async (t) => {
  const { app, em } = await build(t);
  await buildScenario(em, { reverse: true });
  const c = await loggedIn(app, 'staff');
  const page = await c.get('/accounting/export?format=freee&from=2026-06-01&to=2026-06-30');
  t.equal(page.statusCode, 200);
  t.match(page.body, /class="entry-count">1</);
  t.match(page.body, '支払手数料');
  const file = await c.get('/accounting/export?format=yayoi&from=2026-07-01&to=2026-07-31&download=1');
  t.equal(file.statusCode, 200);
  t.match(String(file.headers['content-type']), 'shift_jis');
  t.ok(file.rawPayload.equals(readFileSync(fixture('reversal', 'yayoi'))));
  const bad = await c.get('/accounting/export?format=freee&from=2026-06-30&to=2026-06-01');
  t.equal(bad.statusCode, 422);
  t.match(bad.body, '終了日は開始日より後にしてください');
  const viewer = await loggedIn(app, 'viewer');
  t.equal((await viewer.get('/accounting/export')).statusCode, 403);
});
