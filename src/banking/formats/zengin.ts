import iconv from 'iconv-lite';
import { StatementError, type Parsed, type RawLine } from './types.js';

/**
 * 全銀協 入出金取引明細 (種別コード 03) and 振込入金通知 (01): 200-byte records, header 1, data 2,
 * trailer 8, end 9, dates in 和暦 YYMMDD (令和). Records are read as bytes (JIS-8 half-width kana
 * is one byte each in Shift_JIS), either one per line or as one continuous stream.
 */
const REC = 200;

export function looksLikeZengin(bytes: Buffer): boolean {
  return bytes.length >= REC - 20 && /^1(03|01)\d/.test(bytes.subarray(0, 4).toString('latin1'));
}

function records(bytes: Buffer): Buffer[] {
  const hasNewlines = bytes.includes(0x0a) || bytes.includes(0x0d);
  if (!hasNewlines) {
    const out: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += REC) out.push(bytes.subarray(i, i + REC));
    return out;
  }
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a || bytes[i] === 0x0d) {
      if (i > start) lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return lines;
}

const text = (r: Buffer, from: number, len: number) => iconv.decode(r.subarray(from, from + len), 'cp932').trim();
const num = (r: Buffer, from: number, len: number, line: number, what: string) => {
  const t = r.subarray(from, from + len).toString('latin1');
  if (!/^\d+$/.test(t)) throw new StatementError(`${what}が数字ではありません（「${t.trim()}」）`, line);
  return Number(t);
};

/** 和暦 YYMMDD (令和) → YYYY-MM-DD. */
function wareki(r: Buffer, from: number, line: number, what: string): string {
  const t = r.subarray(from, from + 6).toString('latin1');
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(t);
  const y = m ? 2018 + Number(m[1]) : NaN;
  const d = m ? new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) throw new StatementError(`${what}「${t}」が日付として読めません`, line);
  return d.toISOString().slice(0, 10);
}

export function parseZengin(bytes: Buffer): Parsed {
  const recs = records(bytes);
  const header = recs[0]!;
  const lines: RawLine[] = [];
  let trailer: Buffer | null = null;
  let ended = false;
  recs.forEach((r, k) => {
    const line = k + 1;
    if (ended) throw new StatementError('エンドレコードの後にデータがあります', line);
    if (r.length < REC - 1) throw new StatementError(`レコードが短すぎます（${r.length}バイト、200バイト必要）。ファイルが途中で切れている可能性があります`, line);
    const kind = String.fromCharCode(r[0]!);
    if (kind === '1') {
      if (k !== 0) throw new StatementError('ヘッダーレコードが2つあります', line);
    } else if (kind === '2') {
      const dir = String.fromCharCode(r[21]!);
      if (dir !== '1' && dir !== '2') throw new StatementError(`入払区分「${dir}」が不正です`, line);
      lines.push({
        line, date: wareki(r, 15, line, '預入・払出日'), amount: num(r, 24, 12, line, '取引金額'), direction: dir === '1' ? 'deposit' : 'withdrawal',
        payer: text(r, 81, 48), reference: r.subarray(1, 9).toString('latin1').trim() || null, memo: text(r, 159, 20) || null,
      });
    } else if (kind === '8') trailer = r;
    else if (kind === '9') ended = true;
    else throw new StatementError(`データ区分「${kind}」が不正です`, line);
  });
  if (!trailer || !ended) throw new StatementError('トレーラー・エンドレコードがありません。ファイルが途中で切れている可能性があります');
  checkTrailer(trailer, lines, recs.length - 1);
  return { lines, periodFrom: wareki(header, 10, 1, '勘定日（自）'), periodTo: wareki(header, 16, 1, '勘定日（至）') };
}

/** The trailer's counts and sums must agree with the data: otherwise the download was cut. */
function checkTrailer(t: Buffer, lines: RawLine[], line: number): void {
  const sum = (d: 'deposit' | 'withdrawal') => lines.filter((l) => l.direction === d).reduce((s, l) => s + l.amount, 0);
  const count = (d: 'deposit' | 'withdrawal') => lines.filter((l) => l.direction === d).length;
  const ok = num(t, 1, 6, line, '入金件数') === count('deposit') && num(t, 7, 13, line, '入金額合計') === sum('deposit')
    && num(t, 20, 6, line, '出金件数') === count('withdrawal') && num(t, 26, 13, line, '出金額合計') === sum('withdrawal');
  if (!ok) throw new StatementError('トレーラーの件数・合計が明細と合いません。ファイルが途中で切れているか壊れています', line);
}
