import type { Config } from './config.js';
import type { EntityManager, Orm } from './db/orm.js';
import { openOrm } from './mikro-orm.config.js';
import { DEFAULT_MEMBER_TYPES, MemberType } from './members/member-type.entity.js';
import { DEFAULT_SKILLS } from './members/skills/defaults.js';
import { Skill } from './members/skills/skill.entity.js';
import { withActor } from './db/actor.js';
import { DEFAULT_ROLES } from './supporters/defaults.js';
import { SupporterRole } from './supporters/supporter-role.entity.js';

/**
 * First-run data every organisation needs (会員種別, 役割, 協力できる分野), in this one place;
 * runs on every start and fills only empty tables, so an organisation that emptied or renamed
 * a list keeps its own.
 */
export async function seedDefaults(em: EntityManager): Promise<void> {
  await withActor({ staffId: null, name: '初期設定' }, async () => {
    if ((await em.count(MemberType, {})) === 0) {
      for (const t of DEFAULT_MEMBER_TYPES) em.create(MemberType, t);
      await em.flush();
    }
    if ((await em.count(SupporterRole, {})) === 0) for (const r of DEFAULT_ROLES) em.create(SupporterRole, r);
    if ((await em.count(Skill, {})) === 0) {
      for (const [i, name] of DEFAULT_SKILLS.entries()) em.create(Skill, { name, sortOrder: i + 1 });
    }
    await em.flush();
  });
}

/**
 * The database as every command and the app expect it: schema up to date and the first-run lists
 * present (a `members import` before the first `serve` needs the member types).
 */
export async function openSeededOrm(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  opts: { migrate?: boolean } = {},
): Promise<Orm> {
  const orm = await openOrm(config, opts);
  if (opts.migrate !== false) await seedDefaults(orm.em.fork());
  return orm;
}
