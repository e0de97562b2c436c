/**
 * The background print runs of documents: a fiscal year's receipts, and the to-thank letters
 * with each payment's receipt after its letter. They live here, not in letters/, because
 * receipts come after letters among the domains and may use them; src/jobs/batch-kinds.ts
 * only names them.
 */
import type { BatchKind } from '../batches/batch.service.js';
import type { EntityManager } from '../db/orm.js';
import { drawReceiptPage, openSeal, renderReceipts, type ReceiptDoc } from '../documents/receipt.pdf.js';
import { parseSourceKey } from '../letters/thank-sources.js';
import { prepareLetters, type LetterLayout } from '../letters/to-thank.service.js';
import { LETTER_BATCH } from '../letters/ui-text.js';
import { receiptDocs, receiptStyle } from './receipt-docs.js';
import { issueReceiptFor } from './receipt.service.js';
import { BATCH_NAMES } from './ui-text.js';

/** The receipt's source for a letter's ('dues:12' → 'payment:12'); gifts in kind have none. */
export function receiptSourceOf(letterKey: string): { paymentId: number } | { donationId: number } | null {
  const k = parseSourceKey(letterKey);
  if (!k || k.kind === 'gift') return null;
  return k.kind === 'dues' ? { paymentId: k.id } : { donationId: k.id };
}

/**
 * Receipts for the letters' payments and gifts that have none yet, issued (numbered) now, before
 * the run is queued. A payment that already had a receipt gets no second original: that one was
 * issued before, and a copy of it is a 再発行 from the receipts page. Returns letter key → receipt id.
 */
export async function issueLetterReceipts(
  em: EntityManager,
  keys: string[],
  on: string,
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const key of keys) {
    const source = receiptSourceOf(key);
    if (!source) continue;
    const activeKey = 'paymentId' in source ? `payment:${source.paymentId}` : `donation:${source.donationId}`;
    const had = await em.execute<unknown[]>('select 1 from receipt_item where active_key = ?', [activeKey]);
    if (had.length) continue;
    out[key] = (await issueReceiptFor(em, source, on)).id;
  }
  return out;
}

/** The prepared receipts as drawable rows, by receipt id. */
async function loadReceipts(em: EntityManager, byKey: Record<string, number>): Promise<Map<number, ReceiptDoc>> {
  const ids = Object.values(byKey);
  const out = new Map<number, ReceiptDoc>();
  if (!ids.length) return out;
  const byNumber = new Map<string, ReceiptDoc>();
  for await (const d of receiptDocs(em, ids)) byNumber.set(d.number, d);
  const rows = await em.execute<{ id: unknown; number: unknown }[]>(
    `select id, number from receipt where id in (${ids.map(() => '?').join(',')})`,
    ids,
  );
  for (const r of rows) {
    const d = byNumber.get(String(r.number));
    if (d) out.set(Number(r.id), d);
  }
  return out;
}

/** 礼状の一括印刷: params { keys, on, layout, receipts } — and, once prepared, receiptIds. */
export function thankLettersKind(): BatchKind {
  return {
    fileName: (p) => BATCH_NAMES.lettersFile(String(p.on)),
    async prepare(em, p, dataDir) {
      if (!p.receipts) return p;
      await receiptStyle(em, dataDir); // a missing organisation name refuses now, before any number
      // All the receipts or none: a refusal half-way leaves no numbers taken.
      const receiptIds = await em.transactional((tx) =>
        issueLetterReceipts(tx, (p.keys as string[]) ?? [], String(p.on)),
      );
      return { ...p, receiptIds };
    },
    async run({ em, params, out, progress, dataDir }) {
      const byKey = (params.receiptIds as Record<string, number> | undefined) ?? {};
      const style = Object.keys(byKey).length ? await receiptStyle(em, dataDir) : null;
      const receipts = style ? await loadReceipts(em, byKey) : new Map<number, ReceiptDoc>();
      let seal: unknown;
      let sealDoc: PDFKit.PDFDocument | null = null;
      let done = 0;
      let total = 0;
      const prepared = await prepareLetters(em, params.keys as string[], {
        dataDir,
        letterDate: String(params.on),
        layout: params.layout as LetterLayout,
        extraPages: (doc, item) => {
          const id = byKey[item.source.key];
          const r = id === undefined ? undefined : receipts.get(id);
          if (r && style) {
            if (sealDoc !== doc) {
              sealDoc = doc;
              seal = openSeal(doc, style.seal);
            }
            drawReceiptPage(doc, r, style, seal);
          }
          progress(++done, total);
        },
      });
      total = prepared.result.keys.length;
      progress(0, total);
      await prepared.render(out);
    },
    next: (_p, id) => ({ href: `/letters/to-thank?batch=${id}`, label: LETTER_BATCH.markNext }),
  };
}

/** A fiscal year's receipts just issued (numbers from … to), into one PDF. */
export function receiptsPdfKind(): BatchKind {
  return {
    fileName: (p) => BATCH_NAMES.receiptsFile(Number(p.fiscalYear)),
    async run({ em, params, out, progress, dataDir }) {
      const rows = await em.execute<{ id: unknown }[]>(
        "select id from receipt where fiscal_year = ? and number >= ? and number <= ? and status = 'issued' order by number",
        [Number(params.fiscalYear), String(params.from), String(params.to)],
      );
      const ids = rows.map((r) => Number(r.id));
      const style = await receiptStyle(em, dataDir);
      progress(0, ids.length);
      let done = 0;
      async function* counted() {
        for await (const d of receiptDocs(em, ids)) {
          yield d;
          progress(++done, ids.length);
        }
      }
      await renderReceipts(counted(), style, out);
    },
  };
}
