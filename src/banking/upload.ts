import type { FastifyRequest } from 'fastify';

/** A multipart upload: the file (the form allows one) and the other fields, in any order. */
export async function readMultipart(
  req: FastifyRequest,
): Promise<{ file: { name: string; bytes: Buffer } | null; fields: Record<string, string> }> {
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Buffer } | null = null;
  if (!req.isMultipart()) return { file, fields };
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (bytes.length) file = { name: part.filename || 'statement', bytes };
    } else {
      fields[part.fieldname] = String(part.value ?? '');
    }
  }
  return { file, fields };
}
