import type { FastifyReply } from 'fastify';
import { UserError } from './errors.js';

export type FormBody = Record<string, string | string[] | undefined>;

/** Re-renders a form with its status (422) and field errors for a UserError; rethrows anything else. */
export async function formError(reply: FastifyReply, err: unknown, template: string, data: Record<string, unknown>) {
  if (!(err instanceof UserError)) throw err;
  return reply.render(template, { ...data, error: err.message, errors: err.fieldErrors }, err.statusCode);
}

/** A single string field from a urlencoded body ('' when missing; first value when repeated). */
export function field(body: FormBody, name: string): string {
  const v = body[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/** A repeated field (checkboxes, multi-select) as an array. */
export function fields(body: FormBody, name: string): string[] {
  const v = body[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
