import { withActor } from '../../src/db/actor.js';
import type { EntityManager } from '../../src/db/orm.js';
import type { IMember } from '../../src/members/member.entity.js';
import { parseMember, type RawMember } from '../../src/members/member.form.js';
import { createMember } from '../../src/members/member.service.js';

/** Registers a member through the same validation as the form (type 1 = 正会員). */
export async function addMember(em: EntityManager, raw: Partial<RawMember>): Promise<IMember> {
  const { value, errors } = parseMember({ kind: 'individual', memberTypeId: '1', mailPreference: 'post', ...raw });
  if (Object.keys(errors).length) throw new Error(JSON.stringify(errors));
  return withActor({ staffId: null, name: 'test' }, () => createMember(em, value, { confirmDuplicate: true }));
}

export const asTest = <T>(fn: () => Promise<T>) => withActor({ staffId: null, name: 'test' }, fn);

/**
 * A multipart/form-data body with one file, as a browser sends it: the other fields (the hidden
 * _csrf first, as the forms put it) come before the file.
 */
export function multipart(
  filename: string,
  bytes: Buffer,
  field = 'file',
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----enishi' + Math.random().toString(16).slice(2);
  const before = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  const head = Buffer.from(
    `${before}--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
