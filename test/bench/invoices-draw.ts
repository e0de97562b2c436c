/**
 * Child process of the dues benchmark: one run's invoices drawn by our renderer and by bare
 * pdfkit (the same strings at the same places and sizes, same font, nothing else), in this one
 * process. The strings are recorded from a real document in an untimed pass first.
 * Prints {"drawSeconds","bareSeconds","pages"}.
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../../src/config.js';
import { createDocument } from '../../src/documents/pdf.js';
import { drawInvoicePage, renderInvoices, type InvoiceDoc } from '../../src/documents/invoice.pdf.js';
import { orgInfo, runInvoiceDocs } from '../../src/dues/dues-documents.js';
import { openOrm } from '../../src/mikro-orm.config.js';

type TextCall = [string, number, number, number, PDFKit.Mixins.TextOptions | undefined];

/** What each page writes, read by watching `text` on a real document while our code draws it. */
function recordPages(docs: InvoiceDoc[], org: Awaited<ReturnType<typeof orgInfo>>): TextCall[][] {
  const doc = createDocument();
  const pages: TextCall[][] = [];
  const text = doc.text.bind(doc);
  doc.text = ((s: string, x?: unknown, y?: unknown, options?: PDFKit.Mixins.TextOptions) => {
    const opts = typeof x === 'object' ? (x as PDFKit.Mixins.TextOptions) : options;
    const px = typeof x === 'number' ? x : doc.x;
    const py = typeof y === 'number' ? y : doc.y;
    pages.at(-1)!.push([String(s), px, py, (doc as unknown as { _fontSize: number })._fontSize, opts]);
    return typeof x === 'number' ? text(s, x, y as number, options) : text(s, opts);
  }) as typeof doc.text;
  for (const inv of docs) {
    pages.push([]);
    drawInvoicePage(doc, inv, org);
  }
  doc.end();
  return pages;
}

async function bare(pages: TextCall[][], file: string): Promise<void> {
  const doc = createDocument();
  const done = pipeline(doc, createWriteStream(file));
  for (const calls of pages) {
    doc.addPage();
    for (const [s, x, y, size, opts] of calls) doc.fontSize(size).text(s, x, y, opts);
  }
  doc.end();
  await done;
}

const config = loadConfig();
const orm = await openOrm(config);
const em = orm.em.fork();
const runId = Number(process.argv[2]);
const docs: InvoiceDoc[] = [];
for await (const d of runInvoiceDocs(em, runId)) docs.push(d);
const org = await orgInfo(em, config.dataDir);
await orm.close();
const pages = recordPages(docs, org);
// Warm both paths once (font parsing, JIT) so neither pays the start-up for the other.
await bare(pages.slice(0, 20), join(config.dataDir, 'warm-bare.pdf'));
await renderInvoices(docs.slice(0, 20), org, createWriteStream(join(config.dataDir, 'warm.pdf')));
// Alternated B, A, B, A, B, A on a shared machine; the medians are reported.
const ours: number[] = [];
const bares: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  await bare(pages, join(config.dataDir, 'bare.pdf'));
  const t1 = performance.now();
  await renderInvoices(docs, org, createWriteStream(join(config.dataDir, 'ours.pdf')));
  const t2 = performance.now();
  bares.push(t1 - t0);
  ours.push(t2 - t1);
}
const median = (xs: number[]) => Math.round(xs.sort((a, b) => a - b)[1]!) / 1000;
console.log(JSON.stringify({ drawSeconds: median(ours), bareSeconds: median(bares), pages: docs.length, ours, bares }));
process.exit(0);
