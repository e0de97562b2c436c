import t, { type Test } from 'tap';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliWorkspace } from '../helper.js';

const MEMBERS = fileURLToPath(new URL('../fixtures/members-sjis.csv', import.meta.url));
const pages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

async function workspace(t: Test) {
  const { dir, run } = await cliWorkspace(t, 'enishi-dues-cli-');
  t.equal((await run('members', 'import', MEMBERS)).code, 0, 'three members imported');
  return { dir, run };
}

t.test(
  'invoices issue --json prints issued and skipped; a second run issues nothing new; --dry-run writes nothing',
  async (t) => {
    const { run } = await workspace(t);
    const dry = await run('invoices', 'issue', '--year', '2026', '--dry-run', '--json');
    t.equal(dry.code, 0);
    const planned = JSON.parse(dry.out);
    t.equal(planned.issued.length, 3);
    t.same(Object.keys(planned), ['issued', 'skipped']);
    const first = await run('invoices', 'issue', '--year', '2026', '--json');
    const issued = JSON.parse(first.out);
    t.same(
      issued.issued.map((i: { invoiceNo: string }) => i.invoiceNo),
      ['2026-000001', '2026-000002', '2026-000003'],
      'the dry run used no numbers',
    );
    t.ok(
      issued.issued.every((i: { memberNo: string; amount: number }) => typeof i.memberNo === 'string' && i.amount > 0),
    );
    const again = await run('invoices', 'issue', '--year', '2026', '--json');
    const second = JSON.parse(again.out);
    t.same(second.issued, []);
    t.same(
      second.skipped.map((s: { reason: string }) => s.reason),
      ['請求済み（2026-000001）', '請求済み（2026-000002）', '請求済み（2026-000003）'],
    );
    const text = await run('invoices', 'issue', '--year', '2026');
    t.match(text.out, '新たに発行する請求はありません');
  },
);

t.test('bad arguments exit 2 with a message; undo needs a reason', async (t) => {
  const { run } = await workspace(t);
  const noYear = await run('invoices', 'issue');
  t.equal(noYear.code, 2);
  t.match(noYear.err, '--year');
  t.equal((await run('invoices', 'issue', '--year', '26')).code, 2);
  t.equal((await run('invoices', 'undo', '1')).code, 2);
  const missing = await run('invoices', 'undo', '99', '--reason', '誤り');
  t.equal(missing.code, 1);
  t.match(missing.err, '一括発行が見つかりません');
  await run('invoices', 'issue', '--year', '2026');
  const undo = await run('invoices', 'undo', '1', '--reason', '金額の誤り');
  t.equal(undo.code, 0);
  t.match(undo.out, '取り消しました');
});

t.test(
  'invoices pdf writes one page per invoice; invoices remind records reminders and writes the letters',
  async (t) => {
    const { dir, run } = await workspace(t);
    await run('invoices', 'issue', '--year', '2026');
    const file = join(dir, 'run.pdf');
    t.equal((await run('invoices', 'pdf', '1', '--out', file)).code, 0);
    t.equal(pages(file), 3);
    const reminders = join(dir, 'remind.pdf');
    const r = await run('invoices', 'remind', '--year', '2026', '--out', reminders);
    t.equal(r.code, 0, r.err);
    t.match(r.out, '督促状 3 件');
    t.equal(pages(reminders), 3);
    const bad = await run('invoices', 'remind', '--year', '2026', '--out', join(dir, 'no-such-dir', 'x.pdf'));
    t.equal(bad.code, 1);
    t.notOk(existsSync(join(dir, 'no-such-dir', 'x.pdf')));
    const none = await run('invoices', 'remind', '--year', '2025', '--out', join(dir, 'none.pdf'));
    t.equal(none.code, 1);
    t.match(none.err, '未納の請求がありません');
    t.notOk(existsSync(join(dir, 'none.pdf')), 'no empty PDF left behind');
  },
);
