import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '../db/orm.js';
import { UserError } from '../web/errors.js';
import { BankProfile, type IBankProfile } from './bank-profile.entity.js';
import type { GenericMapping } from './statement.js';
import { MSG } from './ui-text.js';

export async function listProfiles(em: EntityManager): Promise<IBankProfile[]> {
  return em.find(BankProfile, {}, { orderBy: { name: 'asc' } });
}

export async function profileMapping(em: EntityManager, id: number): Promise<GenericMapping> {
  const p = await em.findOne(BankProfile, { id });
  if (!p) throw new UserError(MSG.profileNotFound, 404);
  return p.mapping as unknown as GenericMapping;
}

export async function assertProfileName(em: EntityManager, name: string, replace: boolean): Promise<void> {
  const n = name.trim();
  if (!n) throw new UserError(MSG.profileName, 422, { name: MSG.profileName });
  if (!replace && (await em.count(BankProfile, { name: n.slice(0, 60) })))
    throw new UserError(MSG.profileNameTaken, 409, { name: MSG.profileNameTaken });
}

/** Saves a named column mapping; saving under an existing name replaces that profile's mapping. */
export async function saveProfile(
  em: EntityManager,
  name: string,
  mapping: GenericMapping,
  opts: { replace?: boolean } = {},
): Promise<IBankProfile> {
  const n = name.trim().slice(0, 60);
  if (!n) throw new UserError(MSG.profileName, 422, { name: MSG.profileName });
  try {
    return await em.transactional(async (tx) => {
      const existing = await tx.findOne(BankProfile, { name: n });
      if (existing && !opts.replace) throw new UserError(MSG.profileNameTaken, 409, { name: MSG.profileNameTaken });
      const p = existing ?? tx.create(BankProfile, { name: n, mapping: {} });
      p.mapping = { ...(mapping as unknown as Record<string, unknown>) };
      await tx.flush();
      return p;
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException)
      throw new UserError(MSG.profileNameTaken, 409, { name: MSG.profileNameTaken });
    throw err;
  }
}

export async function deleteProfile(em: EntityManager, id: number): Promise<void> {
  await em.transactional(async (tx) => {
    const p = await tx.findOne(BankProfile, { id });
    if (!p) throw new UserError(MSG.profileNotFound, 404);
    tx.remove(p);
    await tx.flush();
  });
}
