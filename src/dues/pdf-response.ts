import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';

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
    .header('content-disposition', `attachment; filename="enishi.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body);
}
