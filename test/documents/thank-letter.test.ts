import t from 'tap';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrgInfo } from '../../src/documents/letter-layout.js';
import { createTemplateStore, TemplateFieldError } from '../../src/documents/templates.js';
import { addresseeLine, composeLetter, type ThankLetterDoc } from '../../src/documents/thank-letter.js';
import { renderThankLetters } from '../../src/documents/thank-letter.pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'enishi-thank-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
const org: OrgInfo = { templates: createTemplateStore(dir), name: 'NPO法人 縁の会', bankAccounts: [], era: 'seireki' };
const to = { memberNo: '5', name: '山田 太郎', honorific: '様' as const };

t.test('a letter whose required field is missing is refused before anything is drawn', async (t) => {
  const cases: [string, ThankLetterDoc, string][] = [
    ['dues without an amount', { kind: 'dues', letterDate: '2026-05-01', receivedOn: '2026-04-20', fiscalYearLabel: '2026年度', to }, '金額'],
    ['donation without a date', { kind: 'donation', letterDate: '2026-05-01', amount: 1000, to }, '入金日'],
    ['gift without the gift', { kind: 'gift', letterDate: '2026-05-01', gift: '  ', to }, '頂いた物'],
  ];
  for (const [name, doc, field] of cases) {
    const err = t.throws(() => composeLetter(doc, org, { salutation: '拝啓' }), name) as TemplateFieldError;
    t.ok(err instanceof TemplateFieldError, name);
    t.equal(err.field, field, name);
  }
});

t.test('names carry 様 or 御中, never both', async (t) => {
  const cases: [Parameters<typeof addresseeLine>[0], string][] = [
    [{ name: '山田 太郎', honorific: '様' }, '山田 太郎 様'],
    [{ name: '株式会社 佐藤商店', honorific: '御中' }, '株式会社 佐藤商店 御中'],
    [{ name: '株式会社 佐藤商店', honorific: '御中', contactPerson: '佐藤 次郎' }, '株式会社 佐藤商店 佐藤 次郎 様'],
  ];
  for (const [input, line] of cases) t.equal(addresseeLine(input), line);
  const orgLetter = composeLetter({ kind: 'gift', letterDate: '2026-05-01', gift: '米', to: { memberNo: '9', name: '佐藤商店', honorific: '御中' } }, org, { salutation: '拝啓' });
  t.match(orgLetter.opening, '貴団体にはますますご清祥', 'an organisation is addressed as 貴団体 in the greeting');
  t.equal(orgLetter.date, '2026年5月1日', '西暦 when the era setting says so');
});

t.test('the extra-pages callback adds pages after each letter and the page count includes them', async (t) => {
  const letter = (n: number): ThankLetterDoc => ({ kind: 'gift', letterDate: '2026-05-01', gift: `品物${n}`, to: { ...to, memberNo: String(n) } });
  const items = [1, 2].map((n) => ({ letter: letter(n), text: composeLetter(letter(n), org, { salutation: '拝啓' }), n }));
  const seen: number[] = [];
  const file = join(dir, 'extra.pdf');
  const pages = await renderThankLetters(items, org, { layout: 'horizontal', extraPages: (doc, item) => { seen.push(item.n); doc.addPage().text(`領収書 ${item.n}`); } }, createWriteStream(file));
  t.equal(pages, 4, 'two letters and two extra pages');
  t.same(seen, [1, 2], 'called once per letter, in order');
  t.ok(existsSync(file) && statSync(file).size > 1000);
});
