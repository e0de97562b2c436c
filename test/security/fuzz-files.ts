import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeCp932 } from '../../src/lib/text-encoding.js';

/**
 * Generated malformed uploads for the fuzz tests: a name, the bytes and the message (a pattern)
 * staff must see. Built once per process; the big ones are the same Buffer for every target.
 */
export interface BadFile {
  name: string;
  bytes: Buffer;
  message: RegExp;
}

const bankFixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/bank/${name}`, import.meta.url)));

/** UTF-16 with its byte-order mark, as Excel's 「Unicode テキスト」 saves. */
function utf16(s: string, endian: 'le' | 'be'): Buffer {
  const body = Buffer.from(s, 'utf16le');
  if (endian === 'be') body.swap16();
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

/** Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced. */
function noise(n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const LATIN1 = Buffer.from('caf\xe9,na\xefve,r\xe9sum\xe9,\xfc\xf6\xe4\xdf\r\n'.repeat(40), 'latin1');
const FORMULA = `=cmd|' /C calc'!A0`;

// ---- bank statements -------------------------------------------------------------------------

const BANK_HEAD = '"日付","摘要","お引出し","お預入れ","残高"';
const bankRow = (i: number, payer: string) => `"2026/5/${(i % 28) + 1}","振込 ${payer}","","5,000","125,000"`;
const bankText = (rows: string[]) => `${[BANK_HEAD, ...rows].join('\r\n')}\r\n`;
const GOOD_BANK = bankText([bankRow(6, 'ﾔﾏﾀﾞ ﾀﾛｳ'), bankRow(7, 'ｽｽﾞｷ ﾊﾅｺ')]);
const ZENGIN = bankFixture('zengin-nyushukkin-202605.txt');

let bankFiles: BadFile[] | undefined;
export function badStatements(): BadFile[] {
  bankFiles ??= [
    { name: 'empty.csv', bytes: Buffer.alloc(0), message: /ファイルが空です|ファイルを選んでください/ },
    { name: 'binary.csv', bytes: noise(20_000), message: /テキストファイルではありません/ },
    { name: 'meisai.pdf', bytes: PDF, message: /PDFファイルは取り込めません/ },
    {
      name: 'utf16le.csv',
      bytes: utf16(GOOD_BANK, 'le'),
      message: /UTF-16（Unicode テキスト）で保存されたファイルは読めません/,
    },
    {
      name: 'utf16be.csv',
      bytes: utf16(GOOD_BANK, 'be'),
      message: /UTF-16（Unicode テキスト）で保存されたファイルは読めません/,
    },
    {
      name: 'zengin-cut.txt',
      bytes: ZENGIN.subarray(0, 250),
      message: /2行目: レコードが短すぎます.*途中で切れている/,
    },
    {
      name: 'zengin-no-trailer.txt',
      bytes: ZENGIN.subarray(0, ZENGIN.indexOf('\n8') + 1),
      message: /トレーラー・エンドレコードがありません.*途中で切れている/,
    },
    {
      name: 'zengin-record-lost.txt',
      bytes: Buffer.concat([ZENGIN.subarray(0, 200), ZENGIN.subarray(260)]),
      message: /トレーラーの件数・合計が明細と合いません/,
    },
    { name: 'euc-jp.csv', bytes: iconv.encode(GOOD_BANK, 'euc-jp'), message: /テキストファイルではありません/ },
    { name: 'latin1.csv', bytes: LATIN1, message: /テキストファイルではありません/ },
    {
      name: 'huge-field.csv',
      bytes: encodeCp932(bankText([bankRow(1, 'ﾔﾏﾀﾞ'), bankRow(2, 'ｱ'.repeat(3_000_000))])),
      message: /3行目.*1行が長すぎます/,
    },
    {
      name: 'long-name.csv',
      bytes: encodeCp932(bankText([bankRow(1, 'ｱ'.repeat(500))])),
      message: /2行目.*長すぎます（200文字まで）/,
    },
    { name: 'huge.csv', bytes: Buffer.alloc(11 * 1024 * 1024, 0x41), message: /大きすぎます（10MBまで）/ },
    {
      name: '200000-rows.csv',
      bytes: encodeCp932(bankText(Array.from({ length: 200_000 }, (_, i) => bankRow(i, 'ﾔﾏﾀﾞ')))),
      message: /行が多すぎます（200,001行。100,000行まで）/,
    },
    {
      name: 'nul.csv',
      bytes: Buffer.from(
        bankText([...Array.from({ length: 150 }, (_, i) => bankRow(i, 'ﾔﾏﾀﾞ')), bankRow(9, 'ｽｽﾞｷ\0ﾊﾅｺ')]),
      ),
      message: /152行目: 使えない制御文字/,
    },
    {
      // \r\n, \n and \r rows, the last one bad: its line number shows no row was merged into another.
      name: 'mixed-line-ends.csv',
      bytes: encodeCp932(
        `${BANK_HEAD}\r\n${bankRow(1, 'ﾔﾏﾀﾞ')}\n${bankRow(2, 'ｽｽﾞｷ')}\r"2026/5/77","振込 ｲﾄｳ","","1","1"\r\n`,
      ),
      message: /4行目: 日付「2026\/5\/77」が読めません/,
    },
    {
      // Two exports pasted together: the second one's BOM and header land in the middle.
      name: 'bom-in-the-middle.csv',
      bytes: Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(GOOD_BANK),
        Buffer.from(`\uFEFF${GOOD_BANK}`),
      ]),
      message: /4行目/,
    },
    {
      // A formula payload in a line that is bad anyway: the message is shown, the formula never stored.
      name: 'formula.csv',
      bytes: Buffer.from(bankText([bankRow(1, FORMULA), `"2026/13/1","振込 ${FORMULA}","","5,000","1"`])),
      message: /3行目: 日付「2026\/13\/1」が読めません/,
    },
  ];
  return bankFiles;
}

// ---- member lists ----------------------------------------------------------------------------

const MEMBER_HEAD = '氏名,フリガナ,会員種別';
const memberText = (rows: string[]) => `\uFEFF${[MEMBER_HEAD, ...rows].join('\r\n')}\r\n`;
const GOOD_MEMBERS = memberText(['新人 一郎,シンジン イチロウ,正会員', '新人 二郎,シンジン ジロウ,正会員']);

let memberFiles: BadFile[] | undefined;
export function badMemberLists(): BadFile[] {
  memberFiles ??= [
    { name: 'empty.csv', bytes: Buffer.alloc(0), message: /ファイルが空です|ファイルを選んでください/ },
    { name: 'binary.csv', bytes: noise(20_000), message: /1行目に使えない制御文字/ },
    { name: 'list.pdf', bytes: PDF, message: /PDFファイルは取り込めません/ },
    {
      name: 'utf16le.csv',
      bytes: utf16(GOOD_MEMBERS, 'le'),
      message: /UTF-16（Unicode テキスト）で保存されたファイルは読めません/,
    },
    {
      name: 'utf16be.csv',
      bytes: utf16(GOOD_MEMBERS, 'be'),
      message: /UTF-16（Unicode テキスト）で保存されたファイルは読めません/,
    },
    { name: 'zengin.txt', bytes: ZENGIN, message: /「氏名」（または「姓」「名」）の列がありません/ },
    {
      name: 'euc-jp.csv',
      bytes: iconv.encode(GOOD_MEMBERS.slice(1), 'euc-jp'),
      message: /「氏名」（または「姓」「名」）の列がありません/,
    },
    { name: 'latin1.csv', bytes: LATIN1, message: /「氏名」（または「姓」「名」）の列がありません/ },
    {
      name: 'huge-field.csv',
      bytes: Buffer.from(memberText([`山田 太郎,${'ヤ'.repeat(3_000_000)},正会員`])),
      message: /2行目が長すぎます/,
    },
    {
      name: 'long-name.csv',
      bytes: Buffer.from(memberText([`${'山'.repeat(5000)} 太郎,ヤマダ タロウ,正会員`])),
      message: /60文字以内で入力してください/,
    },
    { name: 'huge.csv', bytes: Buffer.alloc(11 * 1024 * 1024, 0x41), message: /大きすぎます（10MBまで）/ },
    {
      name: '200000-rows.csv',
      bytes: Buffer.from(memberText(Array.from({ length: 200_000 }, (_, i) => `会員 ${i},カイイン ${i},正会員`))),
      message: /行が多すぎます（200,001行。50,000行まで）/,
    },
    {
      name: 'nul.csv',
      bytes: Buffer.from(memberText(['山田 太郎,ヤマダ タロウ,正会員', '佐藤\0花子,サトウ ハナコ,正会員'])),
      message: /3行目に使えない制御文字/,
    },
    {
      // \r\n, \n and \r rows, the last one bad: its line number shows no row was merged into another.
      name: 'mixed-line-ends.csv',
      bytes: Buffer.from(
        `${MEMBER_HEAD}\r\n新人 一郎,シンジン イチロウ,正会員\n新人 二郎,シンジン ジロウ,正会員\r新人 三郎,シンジン サブロウ,特別会員\r\n`,
      ),
      message: /4\s*行目.*会員種別「特別会員」はありません|会員種別「特別会員」はありません/,
    },
    {
      name: 'bom-in-the-middle.csv',
      bytes: Buffer.from(GOOD_MEMBERS + GOOD_MEMBERS),
      message: /4\s*行目.*会員種別「会員種別」はありません|会員種別「会員種別」はありません/,
    },
    {
      name: 'formula.csv',
      bytes: Buffer.from(memberText([`${FORMULA},シンジン イチロウ,特別会員`])),
      message: /会員種別「特別会員」はありません/,
    },
  ];
  return memberFiles;
}

export { GOOD_BANK, GOOD_MEMBERS, FORMULA };
