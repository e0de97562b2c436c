import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { isTextFile, japaneseLiterals, japaneseLiteralsUnder } from './japanese-literals.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOMAINS = [
  'staff',
  'settings',
  'audit',
  'members',
  'supporters',
  'dues',
  'banking',
  'receipts',
  'letters',
  'batches',
  'mailings',
  'privacy',
  'accounting',
  'backup',
  'reports',
  'jobs',
  'operations',
];

/**
 * Files under a domain that may hold Japanese literals, and why. Data, not words staff read:
 * what bank files and member lists contain (matched, never shown), and the default rows seeded once.
 * Still to move into ui-text.ts: the CLIs, the member import, the matcher's reasons, the statement
 * parsers' messages, and a few member/audit files; each one is named so a new file cannot join them.
 */
const ALLOWED: Record<string, string> = {
  'src/members/prefectures.ts': 'the 47 prefectures, matched in addresses',
  'src/banking/payer-name.ts': 'legal-entity abbreviations and kana as banks print them',
  'src/banking/formats/csv-online.ts': 'column headers of the bank file',
  'src/banking/formats/csv-signed.ts': 'column headers of the bank file',
  'src/banking/formats/csv-two-columns.ts': 'column headers of the bank file',
  'src/banking/formats/csv.ts': 'column headers of the bank file',
  'src/banking/formats/generic.ts': 'column headers of the bank file',
  'src/banking/formats/types.ts': 'column headers of the bank file',
  'src/banking/formats/yucho.ts': 'column headers of the bank file',
  'src/banking/formats/zengin.ts': 'record layout of the Zengin file',
  'src/accounting/formats/freee.ts': 'column headers and fixed values (収入/支出, 内税) of the freee import file',
  'src/accounting/formats/moneyforward.ts': 'column headers of the MoneyForward 仕訳帳 import file',
  'src/members/import/import-columns.ts': 'column headers recognised in a member list',
  'src/members/skills/defaults.ts': 'default rows seeded once',
  'src/supporters/defaults.ts': 'default rows seeded once',
  'src/receipts/words.ts': 'the template catalogue: merge-field names are the keys the Eta templates use',
  'src/receipts/certification.ts': 'the certification kinds 認定 / 特例認定 are the setting values themselves',
};

/** Domain files (not ui-text.ts, entity defaults, audit labels, the allow-list) holding a Japanese literal. */
function offenders(files: { file: string; line: number; text: string }[]): string[] {
  return files
    .filter((l) => DOMAINS.some((d) => l.file.startsWith(`src/${d}/`)))
    .filter((l) => !isTextFile(l.file) && !(l.file in ALLOWED))
    .map((l) => `${l.file}:${l.line} ${l.text}`);
}

t.test('no domain file outside ui-text.ts spells out a Japanese string', async (t) => {
  t.same(offenders(japaneseLiteralsUnder(repoRoot)), []);
});

t.test('every allowed file still holds Japanese literals, so the list only shrinks', async (t) => {
  const holding = new Set(japaneseLiteralsUnder(repoRoot).map((l) => l.file));
  t.same(
    Object.keys(ALLOWED).filter((f) => !holding.has(f)),
    [],
  );
});

t.test('the check sees string and template literals, and not comments', async (t) => {
  const source = [
    '// 会員 in a comment is fine',
    "export const a = 'ok';",
    "export const b = '会員が見つかりません';",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture file's source text
    'export const c = (n: number) => `${n} 件取り込みました`;',
  ].join('\n');
  t.same(
    japaneseLiterals('src/members/x.ts', source).map((l) => [l.line, l.text]),
    [
      [3, '会員が見つかりません'],
      [4, ' 件取り込みました'],
    ],
  );
  t.same(offenders(japaneseLiterals('src/members/x.ts', source)).length, 2, 'a route or service file fails');
  t.same(offenders(japaneseLiterals('src/members/ui-text.ts', source)), [], 'ui-text.ts is where they belong');
  t.same(offenders(japaneseLiterals('src/dues/invoice.entity.ts', source)), [], 'entity defaults may stay');
  t.same(offenders(japaneseLiterals('src/lib/kana.ts', source)), [], 'only domain folders are checked');
});
