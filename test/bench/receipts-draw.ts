/**
 * Child process of the receipts benchmark: the same 5,000 receipts drawn by our renderer and by
 * bare pdfkit (the same strings at the same places, nothing else), in this one process.
 * Prints {"drawSeconds","bareSeconds","pages"}.
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../../src/config.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import { renderReceipts, type ReceiptDoc, type ReceiptStyle } from '../../src/documents/receipt.pdf.js';
import { createDocument } from '../../src/documents/pdf.js';
import { formatDateJa } from '../../src/lib/dates.js';
import { receiptDocs, receiptStyle } from '../../src/receipts/receipt-docs.js';

function bareText(r: ReceiptDoc, style: ReceiptStyle): [string, number, number, number][] {
  const o = style.org;
  const w = style.words(r);
  const t: [string, number, number, number][] = [
    [`領収書番号 ${r.number}`, 339, 36, 9],
    [`発行日 ${formatDateJa(r.issuedOn, o.era)}`, 339, 49, 9],
    [r.payer.postalCode ? `〒${r.payer.postalCode}` : '', 68, 52, 10],
    ...(r.payer.address ?? '')
      .split('\n')
      .map((l, i) => [l, 68, 66 + i * 14, 10.5] as [string, number, number, number]),
    [`${r.payer.name} ${r.payer.honorific}`, 76, 104, 13],
    ['領収書', 240, 215, 24],
    [`${r.payer.name}　${r.payer.honorific}`, 60, 261, 16],
    ['金額', 100, 314, 13],
    [r.amountText, 200, 306, 24],
    ...r.lines.flatMap(
      (l, i) =>
        [
          ['但し', 86, 363 + i * 19, 11],
          [l.label, 128, 363 + i * 19, 11],
          [l.amountText, 369, 363 + i * 19, 11],
        ] as [string, number, number, number][],
    ),
    ...w.body.map((b, i) => [b, 86, 420 + i * 16, 10.5] as [string, number, number, number]),
    [`受領日　${formatDateJa(r.receivedOn, o.era)}`, 86, 440, 10.5],
    [`〒${o.postalCode}`, 289, 540, 9],
    [o.address ?? '', 289, 552, 9],
    [`TEL ${o.phone}`, 289, 564, 9],
    [o.name, 289, 580, 12],
    [o.representative ?? '', 289, 598, 10.5],
    [w.stampNote ?? '', 81, 558, 7.5],
  ];
  return t.filter(([s]) => s);
}

async function bare(docs: ReceiptDoc[], style: ReceiptStyle, file: string): Promise<void> {
  const doc = createDocument();
  const done = pipeline(doc, createWriteStream(file));
  for (const r of docs) {
    doc.addPage();
    for (const [s, x, y, size] of bareText(r, style)) doc.fontSize(size).text(s, x, y);
  }
  doc.end();
  await done;
}

const config = loadConfig();
const orm = await openOrm(config);
const em = orm.em.fork();
const ids = (await em.execute<{ id: number }[]>('select id from receipt order by id')).map((r) => Number(r.id));
const docs: ReceiptDoc[] = [];
for await (const d of receiptDocs(em, ids)) docs.push(d);
const style = await receiptStyle(em, config.dataDir);
await orm.close();
// Warm both paths once (font parsing, JIT) so neither pays the start-up for the other.
await bare(docs.slice(0, 20), style, join(config.dataDir, 'warm-bare.pdf'));
await renderReceipts(docs.slice(0, 20), style, createWriteStream(join(config.dataDir, 'warm.pdf')));
const t0 = performance.now();
await renderReceipts(docs, style, createWriteStream(join(config.dataDir, 'ours.pdf')));
const t1 = performance.now();
await bare(docs, style, join(config.dataDir, 'bare.pdf'));
const t2 = performance.now();
console.log(
  JSON.stringify({
    drawSeconds: Math.round(t1 - t0) / 1000,
    bareSeconds: Math.round(t2 - t1) / 1000,
    pages: docs.length,
  }),
);
process.exit(0);
