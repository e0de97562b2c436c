/** The label list as CSV for a printing company: UTF-8 with BOM, or Shift_JIS (CP932). Pure. */
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { csvCell } from '../lib/csv-cell.js';
import type { LabelEntry } from './label-list.js';
import { MAIL_TEXT } from './ui-text.js';

export type CsvEncoding = 'utf8' | 'sjis';
export const LABEL_CSV_HEADER = MAIL_TEXT.csvHeader;

export function labelCsvRows(entries: LabelEntry[]): string[][] {
  return entries.map((e) => {
    const names = [...e.names.slice(0, 3), e.names.slice(3).join(' / ')];
    while (names.length < 4) names.push('');
    return [
      String(e.memberNo),
      e.postalCode,
      e.address[0] ?? '',
      e.address.slice(1).join(' '),
      ...names,
      e.barcode ?? '',
    ];
  });
}

/** CRLF line ends and every cell quoted as text: Excel and printing shops' tools read it as typed; formulas defused. */
export function labelCsv(entries: LabelEntry[], encoding: CsvEncoding): Buffer {
  const text = stringify(
    [LABEL_CSV_HEADER, ...labelCsvRows(entries)].map((r) => r.map(csvCell)),
    { record_delimiter: 'windows', quoted: true },
  );
  return encoding === 'sjis'
    ? iconv.encode(text, 'cp932')
    : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** Characters the Shift_JIS file cannot hold (they would print as ?): listed so staff can check. */
export function notInCp932(entries: LabelEntry[]): { memberNo: number; chars: string }[] {
  const out: { memberNo: number; chars: string }[] = [];
  for (const e of entries) {
    const text = [e.postalCode, ...e.address, ...e.names].join('');
    const bad = [...new Set([...text].filter((c) => iconv.decode(iconv.encode(c, 'cp932'), 'cp932') !== c))];
    if (bad.length) out.push({ memberNo: e.memberNo, chars: bad.join('') });
  }
  return out;
}
