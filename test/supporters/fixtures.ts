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

/** A multipart/form-data body with one file, as a browser sends it. */
export function multipart(
  filename: string,
  bytes: Buffer,
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----enishi' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
