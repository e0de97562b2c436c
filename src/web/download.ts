import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { type CsvCell, csvCell } from '../lib/csv-cell.js';

export type { CsvCell };

/** CSV text Excel opens correctly: UTF-8 with BOM, CRLF line ends, every text cell defused of formulas. */
export function toExcelCsv(header: string[], rows: CsvCell[][]): string {
  return stringify([header.map(csvCell), ...rows.map((r) => r.map(csvCell))], {
    bom: true,
    record_delimiter: 'windows',
    // A line break inside a cell must be quoted: a reader may take any line end as the end of a row.
    quoted_match: /[\r\n]/,
  });
}

/**
 * Content-Disposition with a Japanese file name: an ASCII fallback for old clients plus
 * RFC 5987 filename* (UTF-8, percent-encoded) that browsers prefer.
 */
export function contentDisposition(filename: string, fallback = 'download.csv'): string {
  const ascii = /^[\x20-\x7e]+$/.test(filename) && !/["\\]/.test(filename) ? filename : fallback;
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function sendCsv(reply: FastifyReply, filename: string, fallback: string, header: string[], rows: CsvCell[][]) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', contentDisposition(filename, fallback))
    .header('cache-control', 'no-store')
    .send(toExcelCsv(header, rows));
}

/**
 * Streams a PDF into the response while it is drawn (a 5,000-page run never sits in memory).
 * The file name is sent RFC 5987-encoded so Japanese names survive in every browser.
 */
export function sendPdf(reply: FastifyReply, fileName: string, render: (out: NodeJS.WritableStream) => Promise<void>) {
  const body = new PassThrough();
  render(body).catch((err: Error) => {
    reply.log.error(err, 'PDF rendering failed');
    body.destroy(err);
  });
  return reply
    .type('application/pdf')
    .header(
      'content-disposition',
      `attachment; filename="enishi.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(body);
}
