import type { EntityManager } from '../db/orm.js';
import { renderInvoices } from '../documents/invoice.pdf.js';
import { orgInfo, runInvoiceDocs } from './dues-documents.js';
import { Invoice } from './invoice.entity.js';

/**
 * A run's invoices, one page each, into `out`, telling `progress` how many pages are done of how
 * many: the service behind the background batch that prints an invoice run.
 */
export async function writeRunInvoices(
  em: EntityManager,
  runId: number,
  dataDir: string,
  out: NodeJS.WritableStream,
  progress: (done: number, total?: number) => void,
): Promise<void> {
  const total = await em.count(Invoice, { run: runId, voided: false });
  const org = await orgInfo(em, dataDir);
  progress(0, total);
  let done = 0;
  async function* counted() {
    for await (const doc of runInvoiceDocs(em, runId)) {
      yield doc;
      progress(++done, total);
    }
  }
  await renderInvoices(counted(), org, out);
}
