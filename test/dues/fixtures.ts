import type { EntityManager } from '../../src/db/orm.js';
import { seedDefaults } from '../../src/seed.js';
import { testDatabase } from '../helper.js';
import { addMember, asTest } from '../supporters/fixtures.js';

export { addMember, asTest };

type Teardown = Parameters<typeof testDatabase>[0];

/** A fresh database with the default member types (正会員 5,000円, 賛助会員 3,000円, 学生会員 1,000円). */
export async function duesDatabase(t: Teardown): Promise<() => EntityManager> {
  const { orm } = await testDatabase(t);
  await seedDefaults(orm.em.fork() as EntityManager);
  return () => orm.em.fork() as EntityManager;
}

/** The error a promise rejects with (fails the test if it resolves), for t.match on statusCode/message. */
export async function failure(p: Promise<unknown>): Promise<{ statusCode?: number; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { statusCode?: number; message: string };
  }
  throw new Error('expected the operation to be refused');
}
