import { dayOf } from '../db/raw-values.js';
/** Issued receipts as plain rows for the PDF (never entities: a run can be thousands of pages). */
import type { EntityManager } from '../db/orm.js';
import type { ReceiptDoc, ReceiptStyle } from '../documents/receipt.pdf.js';
import { formatDateJa } from '../lib/dates.js';
import { fiscalYearLabel } from '../lib/fiscal-year.js';
import { getSettings } from '../settings/settings.service.js';
import { orgInfo } from './dues-port.js';
import { receiptAmount } from './receipt-lines.js';
import type { ReceiptLine } from './receipt.entity.js';
import { sealPath } from './seal.js';
import { honorificOf } from './ui-text.js';
import { batchTemplates, words } from './words.js';

type Row = Record<string, unknown>;
const parseLines = (v: unknown): ReceiptLine[] => (typeof v === 'string' ? JSON.parse(v) : v) as ReceiptLine[];

function receiptDocOf(r: Row, items: Row[], reissue: boolean): ReceiptDoc {
  const annual = r.scope === 'annual';
  const lines = items.flatMap((i) =>
    parseLines(i.lines).map((l) => ({
      date: annual ? dayOf(i.received_on) : null,
      label: l.label,
      amount: l.amount,
      amountText: receiptAmount(l.amount),
    })),
  );
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    number: String(r.number),
    annual,
    reissue,
    issuedOn: dayOf(r.issued_on),
    receivedOn: dayOf(r.received_on),
    amount: Number(r.amount),
    amountText: receiptAmount(Number(r.amount)),
    lines,
    payer: {
      name: String(r.payer_name),
      honorific: honorificOf(r.honorific),
      postalCode: str(r.postal_code),
      address: str(r.address),
    },
  };
}

/** The receipts with these ids, in number order, read 500 at a time. */
export async function* receiptDocs(
  em: EntityManager,
  ids: number[],
  opts: { reissue?: boolean } = {},
): AsyncGenerator<ReceiptDoc> {
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const marks = chunk.map(() => '?').join(',');
    const rows = await em.execute<Row[]>(`select * from receipt where id in (${marks}) order by number`, chunk);
    const items = await em.execute<Row[]>(
      `select receipt_id, received_on, lines from receipt_item where receipt_id in (${marks}) order by received_on, id`,
      chunk,
    );
    const byReceipt = new Map<number, Row[]>();
    for (const it of items) byReceipt.set(Number(it.receipt_id), [...(byReceipt.get(Number(it.receipt_id)) ?? []), it]);
    for (const r of rows) yield receiptDocOf(r, byReceipt.get(Number(r.id)) ?? [], opts.reissue ?? false);
  }
}

/**
 * Paper, organisation, seal and the words of the organisation's templates. Fields are checked
 * here, before drawing: a missing organisation name stops the run instead of printing a blank.
 */
export async function receiptStyle(em: EntityManager, dataDir: string): Promise<ReceiptStyle> {
  const s = await getSettings(em);
  const org = await orgInfo(em, dataDir, []);
  const store = batchTemplates(dataDir);
  const base = { 団体名: s.orgName };
  const stampNote = s['receipt.stampNote'] ? words(store, 'receipts/stamp-note', base).join('') || null : null;
  words(store, 'receipts/body', base); // refuses an empty 団体名 before the first page
  return {
    org,
    paper: s['receipt.paper'],
    seal: sealPath(dataDir),
    words: (d) => {
      const fields = {
        ...base,
        宛名: `${d.payer.name} ${d.payer.honorific}`,
        金額: d.amountText,
        入金日: formatDateJa(d.receivedOn, org.era),
        年度: fiscalYearLabel(Number(d.number.slice(0, 4))),
      };
      return {
        body: words(store, 'receipts/body', fields),
        intro: d.annual ? words(store, 'receipts/annual-intro', fields) : [],
        stampNote,
      };
    },
  };
}
