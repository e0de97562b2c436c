import type { EntityManager } from './db/orm.js';
import { DEFAULT_MEMBER_TYPES, MemberType } from './members/member-type.entity.js';
import { withActor } from './db/actor.js';
import { seedSupporterDefaults } from './supporters/defaults.js';

/** First-run data every organisation needs; runs on every start and adds only what is missing. */
export async function seedDefaults(em: EntityManager): Promise<void> {
  await withActor({ staffId: null, name: '初期設定' }, async () => {
    if ((await em.count(MemberType, {})) === 0) {
      for (const t of DEFAULT_MEMBER_TYPES) em.create(MemberType, t);
      await em.flush();
    }
    await seedSupporterDefaults(em); // 役割 and 協力できる分野
  });
}
