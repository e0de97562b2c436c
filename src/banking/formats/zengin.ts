import iconv from 'iconv-lite';
import { todayInTokyo } from '../../lib/dates.js';
import { StatementError, type Parsed, type RawLine } from './types.js';

/**
 * 全銀協 入出金取引明細 (種別コード 03) and 振込入金通知 (01): 200-byte records, header 1, data 2,
 * trailer 8, end 9, dates in 和暦 YYMMDD. Records are read as bytes (JIS-8 half-width kana is one
 * byte each in Shift_JIS), either one per line or as one continuous stream. The two kinds share
 * header, trailer and end records but their data and trailer fields sit at different offsets.
 */
const REC = 200;

function records(raw: Buffer): Buffer[] {
  // DOS-era tools end files with an EOF mark (0x1A); it is not a record.
  let end = raw.length;
  while (end > 0 && raw[end - 1] === 0x1a) end--;
  const bytes = raw.subarray(0, end);
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

/**
 * 和暦 YYMMDD → YYYY-MM-DD. The era is not in the field: 令和, unless that would be more than a year
 * in the future (then 平成: an old file, e.g. 平成31 = 2019 before May, 平成30 = 2018).
 */
function wareki(r: Buffer, from: number, line: number, what: string): string {
  const t = r.subarray(from, from + 6).toString('latin1');
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(t);
  const thisYear = Number(todayInTokyo().slice(0, 4));
  const y = m ? (2018 + Number(m[1]) > thisYear + 1 ? 1988 : 2018) + Number(m[1]) : NaN;
  const d = m ? new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]))
    throw new StatementError(`${what}「${t}」が日付として読めません`, line);
  return d.toISOString().slice(0, 10);
}

/** One data record of 入出金取引明細 (03). */
function detailLine(r: Buffer, line: number): RawLine {
  const dir = String.fromCharCode(r[21]!);
  if (dir !== '1' && dir !== '2') throw new StatementError(`入払区分「${dir}」が不正です`, line);
  return {
    line,
    date: wareki(r, 15, line, '預入・払出日'),
    amount: num(r, 24, 12, line, '取引金額'),
    direction: dir === '1' ? 'deposit' : 'withdrawal',
    payer: text(r, 81, 48),
    reference: r.subarray(1, 9).toString('latin1').trim() || null,
    memo: text(r, 159, 20) || null,
  };
}

/** One data record of 振込入金通知 (01); a cancelled transfer (取消区分 1) is listed, not a candidate. */
function noticeLine(r: Buffer, line: number): RawLine {
  const cancelled = String.fromCharCode(r[127]!) === '1';
  return {
    line,
    date: wareki(r, 7, line, '勘定日'),
    amount: num(r, 19, 10, line, '金額'),
    direction: cancelled ? 'withdrawal' : 'deposit',
    payer: text(r, 49, 48),
    reference: r.subarray(1, 7).toString('latin1').trim() || null,
    memo: cancelled ? '取消' : text(r, 128, 20) || null,
  };
}

/**
 * The account of a header: 銀行コード, 支店コード, then 預金種目 and 口座番号 (03 has a 3-byte ダミー
 * before them, 01 not: the bytes 59–72 hold both spellings without the names around them).
 */
function accountOf(header: Buffer): string {
  const digits = (from: number, to: number) => header.subarray(from, to).toString('latin1').replace(/\s/g, '');
  return `${digits(22, 26)}-${digits(41, 44)}-${digits(59, 73)}`;
}

/**
 * A file may hold several accounts (header, data…, trailer, repeated) before the one end record;
 * each trailer is checked against its own data records.
 */
export function parseZengin(bytes: Buffer): Parsed {
  const recs = records(bytes);
  const lines: RawLine[] = [];
  let group: { header: Buffer; lines: RawLine[]; notice: boolean; account: string } | null = null;
  let periodFrom: string | null = null;
  let periodTo: string | null = null;
  let ended = false;
  recs.forEach((r, k) => {
    const line = k + 1;
    if (ended) throw new StatementError('エンドレコードの後にデータがあります', line);
    // The end record is only its type byte: some tools trim its 199 spaces.
    if (r.length < REC - 1 && !(r[0] === 0x39 && k === recs.length - 1))
      throw new StatementError(
        `レコードが短すぎます（${r.length}バイト、200バイト必要）。ファイルが途中で切れている可能性があります`,
        line,
      );
    const kind = String.fromCharCode(r[0]!);
    if (kind === '1') {
      if (group) throw new StatementError('前の口座のトレーラーレコードがないまま次のヘッダーレコードがあります', line);
      group = { header: r, lines: [], notice: r.subarray(1, 3).toString('latin1') === '01', account: accountOf(r) };
      const from = wareki(r, 10, line, '勘定日（自）');
      const to = wareki(r, 16, line, '勘定日（至）');
      if (!periodFrom || from < periodFrom) periodFrom = from;
      if (!periodTo || to > periodTo) periodTo = to;
    } else if (kind === '2' || kind === '8') {
      if (!group) throw new StatementError('ヘッダーレコードより前に明細があります', line);
      const g: { header: Buffer; lines: RawLine[]; notice: boolean; account: string } = group;
      if (kind === '2') g.lines.push({ ...(g.notice ? noticeLine(r, line) : detailLine(r, line)), account: g.account });
      else {
        if (g.notice) checkNoticeTrailer(r, g.lines, line);
        else checkTrailer(r, g.lines, line);
        lines.push(...g.lines);
        group = null;
      }
    } else if (kind === '9') ended = true;
    else throw new StatementError(`データ区分「${kind}」が不正です`, line);
  });
  if (group || !ended)
    throw new StatementError('トレーラー・エンドレコードがありません。ファイルが途中で切れている可能性があります');
  return { lines, periodFrom, periodTo };
}

/** The trailer's counts and sums must agree with the data: otherwise the download was cut. */
function checkTrailer(t: Buffer, lines: RawLine[], line: number): void {
  const sum = (d: 'deposit' | 'withdrawal') => lines.filter((l) => l.direction === d).reduce((s, l) => s + l.amount, 0);
  const count = (d: 'deposit' | 'withdrawal') => lines.filter((l) => l.direction === d).length;
  const ok =
    num(t, 1, 6, line, '入金件数') === count('deposit') &&
    num(t, 7, 13, line, '入金額合計') === sum('deposit') &&
    num(t, 20, 6, line, '出金件数') === count('withdrawal') &&
    num(t, 26, 13, line, '出金額合計') === sum('withdrawal');
  if (!ok)
    throw new StatementError(
      'トレーラーの件数・合計が明細と合いません。ファイルが途中で切れているか壊れています',
      line,
    );
}

/** 振込入金通知: 振込合計件数・金額 (with or without the cancelled ones, banks differ) and 取消件数. */
function checkNoticeTrailer(t: Buffer, lines: RawLine[], line: number): void {
  const dep = lines.filter((l) => l.direction === 'deposit');
  const can = lines.filter((l) => l.direction === 'withdrawal');
  const total = (ls: RawLine[]) => ls.reduce((s, l) => s + l.amount, 0);
  const n = num(t, 1, 6, line, '振込合計件数');
  const sum = num(t, 7, 12, line, '振込合計金額');
  const ok =
    (n === dep.length || n === lines.length) &&
    (sum === total(dep) || sum === total(lines)) &&
    num(t, 19, 6, line, '取消合計件数') === can.length;
  if (!ok)
    throw new StatementError(
      'トレーラーの件数・合計が明細と合いません。ファイルが途中で切れているか壊れています',
      line,
    );
}
