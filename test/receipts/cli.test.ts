import t, { type Test } from 'tap';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { seedDefaults } from '../../src/seed.js';
import { cliWorkspace } from '../helper.js';
import { CERTIFICATION, ledger, pageCount, pdfText } from './fixtures.js';

async function workspace(t: Test) {
  const ws = await cliWorkspace(t, 'enishi-receipts-cli-');
  const orm = await openOrm(loadConfig(ws.env));
  await seedDefaults(orm.em.fork());
  await ledger(() => orm.em.fork());
  await orm.close();
  return ws;
}

t.test(
  'receipts issue --json prints exactly the contract and writes one page per receipt; a second run issues none',
  async (t) => {
    const { dir, run } = await workspace(t);
    const file = join(dir, 'r.pdf');
    const r = await run('receipts', 'issue', '--year', '2026', '--out', file, '--json');
    t.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out);
    t.same(Object.keys(out), ['receipts', 'pages']);
    t.same(
      out.receipts.map((x: object) => Object.keys(x)),
      Array(4).fill(['number', 'memberNo', 'amount', 'receivedOn', 'kind']),
    );
    t.same(out.receipts[0], {
      number: '2026-000001',
      memberNo: '1',
      amount: 7000,
      receivedOn: '2026-04-10',
      kind: 'mixed',
    });
    t.same(
      out.receipts.map((x: { kind: string }) => x.kind),
      ['mixed', 'dues', 'donation', 'donation'],
    );
    t.equal(out.pages, 4);
    t.equal(pageCount(file), 4);
    const again = JSON.parse(
      (await run('receipts', 'issue', '--year', '2026', '--out', join(dir, 'r2.pdf'), '--json')).out,
    );
    t.same(again, { receipts: [], pages: 0 });
    const one = JSON.parse(
      (await run('receipts', 'issue', '--year', '2026', '--member', '1', '--out', file, '--json')).out,
    );
    t.same(one.receipts, [], '--member filters to one member, who has one already');
  },
);

t.test(
  'reissue prints the same number marked 再発行; void keeps the number; errors are one line with a non-zero exit',
  async (t) => {
    const { dir, run } = await workspace(t);
    await run('receipts', 'issue', '--year', '2026', '--out', join(dir, 'r.pdf'));
    const copy = join(dir, 'copy.pdf');
    const re = await run('receipts', 'reissue', '2026-000002', '--out', copy);
    t.equal(re.code, 0, re.err);
    t.match(pdfText(copy), /再発行.*2026-000002|2026-000002.*再発行/);
    t.equal((await run('receipts', 'void', '2026-000002', '--reason', '宛名の誤り')).code, 0);
    const missing = await run('receipts', 'reissue', '2026-000002', '--out', copy);
    t.equal(missing.code, 1);
    t.equal(missing.err.split('\n').length, 1);
    t.match(missing.err, '取り消されています');
    const unknown = await run('receipts', 'void', '2026-999999', '--reason', 'x');
    t.equal(unknown.code, 1);
    t.match(unknown.err, '見つかりません');
    const next = JSON.parse(
      (await run('receipts', 'issue', '--year', '2026', '--out', join(dir, 'n.pdf'), '--json')).out,
    );
    t.same(
      next.receipts.map((x: { number: string }) => x.number),
      ['2026-000005'],
      'the voided payment gets the next number, no gap, no reuse',
    );
    t.equal((await run('receipts', 'issue', '--out', copy)).code, 2, 'no --year: usage error');
  },
);

t.test('receipts and certificates print a progress line per step on stderr when the interval is 0', async (t) => {
  const { dir, env, run } = await workspace(t);
  for (const [k, v] of Object.entries(CERTIFICATION)) t.equal((await run('settings', 'set', k, v)).code, 0);
  (env as NodeJS.ProcessEnv).ENISHI_PROGRESS_MS = '0';
  const r = await run('receipts', 'issue', '--year', '2026', '--out', join(dir, 'r.pdf'), '--json');
  t.equal(r.code, 0);
  t.same(r.err.split('\n'), ['領収書 1/4', '領収書 2/4', '領収書 3/4', '領収書 4/4']);
  t.equal(JSON.parse(r.out).pages, 4, 'stdout is only the JSON');
  const c = await run('certificates', 'issue', '--year', '2026', '--out', join(dir, 'c.pdf'), '--json');
  t.equal(c.code, 0);
  t.match(c.err, /^寄附金受領証明書 1\/3\n/);
  t.equal(JSON.parse(c.out).certificates.length, 3);
  delete (env as NodeJS.ProcessEnv).ENISHI_PROGRESS_MS;
  const quiet = await run('receipts', 'issue', '--year', '2026', '--out', join(dir, 'r2.pdf'), '--json');
  t.equal(quiet.err, '', 'a short run prints nothing on stderr');
});

t.test(
  'donations record --member prints the recorded gift as JSON; an unknown member or bad amount is one line',
  async (t) => {
    const { run } = await workspace(t);
    const r = await run(
      'donations',
      'record',
      '--member',
      '1',
      '--amount',
      '3000',
      '--date',
      '2026-08-01',
      '--purpose',
      '子ども食堂',
      '--json',
    );
    t.equal(r.code, 0, r.err);
    t.match(JSON.parse(r.out), {
      donation: { memberNo: '1', donor: null, amount: 3000, receivedOn: '2026-08-01', purpose: '子ども食堂' },
    });
    const unknown = await run('donations', 'record', '--member', '999', '--amount', '3000', '--date', '2026-08-01');
    t.equal(unknown.code, 1);
    t.equal(unknown.err.split('\n').length, 1);
    t.match(unknown.err, '会員が見つかりません');
    const bad = await run('donations', 'record', '--member', '1', '--amount', '-5', '--date', '2026-08-01');
    t.equal(bad.code, 2);
    t.match(bad.err, '--amount');
  },
);

t.test('settings list --json lists every key; settings set validates like the page', async (t) => {
  const { run } = await workspace(t);
  const list = JSON.parse((await run('settings', 'list', '--json')).out);
  const keys = list.settings.map((s: { key: string }) => s.key);
  for (const k of [
    'orgName',
    'era',
    'fiscalYearStartMonth',
    'transferFees',
    'receipt.paper',
    'receipt.stampNote',
    'certification.kind',
    'certification.number',
    'certification.date',
    'certification.activity',
  ])
    t.ok(keys.includes(k), k);
  t.same(list.settings.find((s: { key: string }) => s.key === 'orgName').value, '特定非営利活動法人 エニシの会');
  t.equal((await run('settings', 'set', 'receipt.paper', 'A5')).code, 0);
  t.equal((await run('settings', 'set', 'certification.date', '2024/4/1')).code, 0);
  const after = JSON.parse((await run('settings', 'list', '--json')).out).settings;
  t.equal(after.find((s: { key: string }) => s.key === 'receipt.paper').value, 'A5');
  t.equal(after.find((s: { key: string }) => s.key === 'certification.date').value, '2024-04-01');
  for (const [key, value, message] of [
    ['receipt.paper', 'B5', 'A4 か A5'],
    ['nope', 'x', '不明な設定項目'],
    ['certification.kind', '認可', '認定の種類'],
    ['dueDays', '-1', '0〜365'],
    ['certification.date', '2024-13-01', '認定年月日'],
  ]) {
    const r = await run('settings', 'set', key!, value!);
    t.equal(r.code, 1, `${key}=${value} refused`);
    t.equal(r.err.split('\n').length, 1);
    t.match(r.err, message!);
  }
});

t.test(
  'certificates: refused without certification, then every gift once, never dues of a voting type, combined only after void',
  async (t) => {
    const { dir, run } = await workspace(t);
    const file = join(dir, 'c.pdf');
    const refused = await run('certificates', 'issue', '--year', '2026', '--out', file, '--json');
    t.equal(refused.code, 1);
    t.match(refused.err, '認定の情報');
    for (const [k, v] of Object.entries(CERTIFICATION)) t.equal((await run('settings', 'set', k, v)).code, 0);
    const rec = await run(
      'donations',
      'record',
      '--donor',
      '鈴木 一郎',
      '--address',
      '〒150-0001 東京都渋谷区神宮前1-1-1',
      '--amount',
      '5000',
      '--date',
      '2026-12-24',
      '--json',
    );
    t.equal(rec.code, 0, rec.err);
    t.same(Object.keys(JSON.parse(rec.out).donation), ['id', 'memberNo', 'donor', 'amount', 'receivedOn', 'purpose']);
    t.equal(
      (await run('donations', 'record', '--amount', '5000', '--date', '2026-12-24')).code,
      2,
      'a donor is required',
    );
    const per = JSON.parse((await run('certificates', 'issue', '--year', '2026', '--out', file, '--json')).out);
    t.same(Object.keys(per), ['certificates']);
    t.same(
      per.certificates.map((c: object) => Object.keys(c)),
      Array(per.certificates.length).fill(['number', 'memberNo', 'donor', 'total', 'gifts']),
    );
    t.same(
      per.certificates.map((c: { number: string; memberNo: string | null; total: number }) => [
        c.number,
        c.memberNo,
        c.total,
      ]),
      [
        ['C2026-000001', '1', 2000],
        ['C2026-000002', '3', 10000],
        ['C2026-000003', null, 20000],
        ['C2026-000004', null, 5000],
      ],
      'the gifts only: 正会員 and 賛助会員 dues are not donations unless their type says so',
    );
    t.same(per.certificates[2].gifts, [{ date: '2026-07-07', amount: 20000 }]);
    t.equal(pageCount(file), 4);
    const combined = JSON.parse(
      (await run('certificates', 'issue', '--year', '2026', '--combined', '--out', file, '--json')).out,
    );
    t.same(combined.certificates, [], 'a gift with a per-gift certificate is not certified again');
    t.equal((await run('certificates', 'void', 'C2026-000003', '--reason', '年間でまとめる')).code, 0);
    t.equal((await run('certificates', 'void', 'C2026-000004', '--reason', '年間でまとめる')).code, 0);
    const yearly = JSON.parse(
      (await run('certificates', 'issue', '--year', '2026', '--combined', '--out', file, '--json')).out,
    );
    t.same(yearly.certificates, [
      {
        number: 'C2026-000005',
        memberNo: null,
        donor: '鈴木 一郎',
        total: 25000,
        gifts: [
          { date: '2026-07-07', amount: 20000 },
          { date: '2026-12-24', amount: 5000 },
        ],
      },
    ]);
  },
);
