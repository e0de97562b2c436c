import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';

/** The error the CSRF plugin raises for a missing token, so the one error page answers it (403). */
function missingToken(): Error {
  return Object.assign(new Error('Missing csrf secret'), { code: 'FST_CSRF_MISSING_SECRET', statusCode: 403 });
}

/**
 * Reads an upload form before any handler: its fields become `req.body` (so the CSRF check
 * reads the hidden `_csrf` field from the body, never from the URL, and the control-character
 * check sees them) and the file is kept in memory for the handler, which reads it with
 * `req.file()` / `req.parts()` as usual. The token must come before the file — the forms put
 * the hidden field first — so a post without one is refused before the file is read.
 */
export async function readMultipartBody(req: FastifyRequest): Promise<void> {
  if (req.method === 'GET' || req.method === 'HEAD' || !req.isMultipart()) return;
  const fields: Record<string, string> = {};
  const parts: Multipart[] = [];
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (fields._csrf === undefined) throw missingToken();
      await part.toBuffer(); // kept on the part: a later toBuffer() returns the same bytes
    } else {
      fields[part.fieldname] = String(part.value ?? '');
    }
    parts.push(part);
  }
  req.body = fields;
  const file = parts.find((p): p is MultipartFile => p.type === 'file');
  Object.assign(req, {
    file: async () => file,
    parts: async function* () {
      yield* parts;
    },
  });
}
