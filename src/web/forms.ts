import type { FastifyReply } from 'fastify';
import { UserError } from './errors.js';

export type FormBody = Record<string, string | string[] | undefined>;

/**
 * The one catch of a form or staff action: a user error goes to `handle` (which re-renders the page
 * with the message); a 404 and anything else is rethrown, so the error page shows it.
 */
export function onUserError<T>(err: unknown, handle: (err: UserError) => T): T {
  if (!(err instanceof UserError) || err.statusCode === 404) throw err;
  return handle(err);
}

/** What a re-rendered page adds to its data for a user error: the message and the field errors. */
export const errorData = (err: UserError) => ({ error: err.message, errors: err.fieldErrors });

/** Re-renders a form with its status (422) and field errors for a user error; rethrows anything else. */
export async function formError(reply: FastifyReply, err: unknown, template: string, data: Record<string, unknown>) {
  return onUserError(err, (e) => reply.render(template, { ...data, ...errorData(e) }, e.statusCode));
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
