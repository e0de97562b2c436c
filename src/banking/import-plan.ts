import { yieldToEventLoop } from '../lib/input-limits.js';
import type { EntityManager } from '../db/orm.js';
import { loadMatcher } from './match-context.js';
import type { PlannedMatch } from './settlement.js';
import type { StatementLine } from './statement.js';
import { MSG } from './ui-text.js';

/** A statement line with the payer's normalised key (what aliases and the matcher use). */
export type StatementLineIn = StatementLine & { payerKey: string };

export type LineStatus = 'matched' | 'review' | 'known' | 'ignored';
export interface TransactionJson {
  line: number;
  date: string;
  amount: number;
  payer: string;
  status: LineStatus;
  memberNo?: string;
  invoices?: string[];
  suggestions?: { memberNo: string; score: number; reasons: string[] }[];
}
/** Exactly the shape `enishi bank import --json` prints (the contract). */
export interface ImportReport {
  import: {
    id: number | null;
    format: string;
    lines: number;
    deposits: number;
    known: number;
    matched: number;
    review: number;
    ignored: number;
  };
  transactions: TransactionJson[];
  /** Only when every line was imported before: nothing is stored, and `message` says so. */
  allKnown?: true;
  message?: string;
}

/** One line of the statement with what this import will do with it. */
export interface PlannedLine {
  src: StatementLineIn;
  status: LineStatus;
  match: PlannedMatch | null;
}

const CHUNK = 500;

/** Fingerprints already stored (with the payer key stored beside each), in one query per 500 (not one per line). */
async function knownFingerprints(em: EntityManager, fps: string[]): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  const knex = em.getKnex();
  for (let i = 0; i < fps.length; i += CHUNK) {
    const rows = await em.execute<{ fingerprint: string; payer_key: string }[]>(
      knex('bank_transaction')
        .select('fingerprint', 'payer_key')
        .whereIn('fingerprint', fps.slice(i, i + CHUNK)),
    );
    for (const r of rows) known.set(r.fingerprint, r.payer_key);
  }
  return known;
}

/**
 * A line of a multi-account 全銀協 file stored before the account was in the fingerprint has its
 * legacy fingerprint in the table. Then the same 照会番号 on a second account was taken for a
 * repeat and dropped, so only the FIRST line of the file with that legacy fingerprint (and the
 * same payer) is the stored one; the others are new deposits.
 */
function legacyKnown(lines: StatementLineIn[], known: Map<string, string>): Set<StatementLineIn> {
  const out = new Set<StatementLineIn>();
  const claimed = new Set<string>();
  for (const l of lines) {
    const legacy = l.legacyFingerprint;
    if (!legacy || claimed.has(legacy)) continue;
    claimed.add(legacy);
    if (known.get(legacy) === l.payerKey.slice(0, 200)) out.add(l);
  }
  return out;
}

/** Known lines (stored before, or repeated in the file) and withdrawals never reach the matcher. */
export async function planLines(em: EntityManager, lines: StatementLineIn[]): Promise<PlannedLine[]> {
  const known = await knownFingerprints(em, [
    ...lines.map((l) => l.fingerprint),
    ...lines.flatMap((l) => (l.legacyFingerprint ? [l.legacyFingerprint] : [])),
  ]);
  const legacy = legacyKnown(lines, known);
  const storedBefore = (l: StatementLineIn) => known.has(l.fingerprint) || legacy.has(l);
  const fresh = lines.filter((l) => l.direction === 'deposit' && !storedBefore(l));
  const match = fresh.length ? await loadMatcher(em) : null;
  const seen = new Set<string>();
  const planned: PlannedLine[] = [];
  for (const [i, src] of lines.entries()) {
    // Matching 10,000 lines takes about a second: let other requests in between chunks.
    if (i % 200 === 199) await yieldToEventLoop();
    const isKnown = storedBefore(src) || seen.has(src.fingerprint);
    seen.add(src.fingerprint);
    if (isKnown) planned.push({ src, status: 'known', match: null });
    else if (src.direction !== 'deposit') planned.push({ src, status: 'ignored', match: null });
    else {
      const m = match!(src);
      planned.push({ src, status: m.status, match: m });
    }
  }
  return planned;
}

function toJson(p: PlannedLine): TransactionJson {
  const { line, date, amount, payer } = p.src;
  const out: TransactionJson = { line, date, amount, payer, status: p.status };
  if (p.status === 'matched' && p.match) {
    out.memberNo = p.match.memberNo!;
    out.invoices = p.match.allocations.map((a) => a.invoiceNo);
  }
  if (p.status === 'review' && p.match)
    out.suggestions = p.match.suggestions.map((s) => ({ memberNo: s.memberNo, score: s.score, reasons: s.reasons }));
  return out;
}

/** True when the statement holds nothing new: a re-upload. */
export const allLinesKnown = (planned: PlannedLine[]) =>
  planned.length > 0 && planned.every((p) => p.status === 'known');

export function reportOf(id: number | null, format: string, planned: PlannedLine[]): ImportReport {
  const count = (s: LineStatus) => planned.filter((p) => p.status === s).length;
  const known = allLinesKnown(planned) ? { allKnown: true as const, message: MSG.allKnown(planned.length) } : {};
  return {
    import: {
      id,
      format,
      lines: planned.length,
      deposits: planned.filter((p) => p.src.direction === 'deposit').length,
      known: count('known'),
      matched: count('matched'),
      review: count('review'),
      ignored: count('ignored'),
    },
    transactions: planned.map(toJson),
    ...known,
  };
}
