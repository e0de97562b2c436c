import t from 'tap';
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTemplateStore } from '../../src/documents/templates.js';
import type { OrgInfo } from '../../src/documents/invoice.pdf.js';
import { renderReminders, reminderTitle, type ReminderDoc } from '../../src/documents/reminder.pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'enishi-reminder-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

const ORG: OrgInfo = {
  templates: createTemplateStore(dir),
  name: 'エニシの会', phone: '03-1234-5678', era: 'wareki',
  bankAccounts: ['〇〇銀行 本店 普通 1234567 トクヒ)エニシ', 'ゆうちょ銀行 振替口座 00100-1-123456 エニシの会'],
};
const reminder = (no: number, over: Partial<ReminderDoc> = {}): ReminderDoc => ({
  invoiceNo: `INV-2026-${no}`, fiscalYearLabel: '2026年度', issuedOn: '2026-04-01', dueOn: '2026-04-30', remindedOn: '2026-06-15',
  amount: 12345, outstanding: 12345, reminderCount: 1, description: '2026年度 年会費',
  member: { memberNo: String(no), name: `佐藤 花子${no}`, honorific: '様', kana: 'サトウ ハナコ', postalCode: '100-0001', prefecture: '東京都', city: '千代田区', address1: '千代田1-1-1' },
  ...over,
});

async function render(name: string, rs: ReminderDoc[]): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  await renderReminders(rs, ORG, createWriteStream(file));
  return file;
}
const text = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
const squash = (s: string) => s.replace(/\s+/g, '');
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

t.test('the first reminder is a polite request and later ones are titled 督促状', async (t) => {
  const cases: [number, string][] = [[0, 'お支払いのお願い'], [1, 'お支払いのお願い'], [2, '督促状'], [5, '督促状']];
  for (const [count, title] of cases) t.equal(reminderTitle(count), title, `reminder ${count}`);
});

t.test('a reminder shows the outstanding amount, original due date, bank accounts and member-number instruction', async (t) => {
  const out = text(await render('one', [reminder(42, { outstanding: 2345 })]));
  const expected = [
    'お支払いのお願い', '佐藤花子42様', '会員番号', '2,345円', '12,345円', '-10,000円', 'お支払い済み', '当初の支払期限', '令和8年4月30日',
    '発行日令和8年6月15日', '2026年度の年会費のお振込みが確認できておりません。', '行き違いの場合はご容赦ください。',
    '〇〇銀行本店普通1234567トクヒ)エニシ', 'ゆうちょ銀行振替口座00100-1-123456エニシの会',
    'お振込みの際は、振込依頼人名の前に会員番号を入れてください（例：42ｻﾄｳﾊﾅｺ）。',
  ];
  for (const s of expected) t.ok(out.includes(squash(s)), `contains ${s}`);
});

t.test('nothing paid yet shows no paid line', async (t) => {
  const out = text(await render('unpaid', [reminder(7, { reminderCount: 2 })]));
  const cases: [string, boolean][] = [['督促状', true], ['お支払い済み', false], ['12,345円', true]];
  for (const [s, present] of cases) t.equal(out.includes(s), present, `${present ? 'contains' : 'lacks'} ${s}`);
});

t.test('three reminders give three pages with the Noto fonts embedded', async (t) => {
  const file = await render('three', [1, 2, 3].map((n) => reminder(n)));
  t.equal(pages(file), 3);
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  t.ok(fonts.length >= 1, 'lists fonts');
  for (const row of fonts) t.match(row, /NotoSansJP.*\byes\s+yes\s+yes\b/, `embedded subset: ${row}`);
});
