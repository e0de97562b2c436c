import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '../db/orm.js';
import { UserError } from '../web/errors.js';
import { Skill } from '../members/skills/skill.entity.js';
import { SupporterRole } from './supporter-role.entity.js';
import { SUPPORTERS_TEXT } from './ui-text.js';

/** The two lists the office edits (役割, 協力できる分野) share one shape and one editor. */
interface ListItem {
  id: number;
  name: string;
  sortOrder: number;
  active: boolean;
}
/** One entry as the editor sends it; `officer` only for the roles list. */
export interface ListItemInput {
  name: string;
  sortOrder: number;
  active: boolean;
  officer?: boolean;
}

export const LISTS = {
  roles: {
    entity: SupporterRole as EntityName<ListItem>,
    title: SUPPORTERS_TEXT.rolesList,
    noun: SUPPORTERS_TEXT.role,
    hasOfficer: true,
  },
  skills: {
    entity: Skill as EntityName<ListItem>,
    title: SUPPORTERS_TEXT.skillsList,
    noun: SUPPORTERS_TEXT.skill,
    hasOfficer: false,
  },
} as const;
export type ListKind = keyof typeof LISTS;

export function listItems(em: EntityManager, kind: ListKind, activeOnly = false): Promise<ListItem[]> {
  const where = (activeOnly ? { active: true } : {}) as FilterQuery<ListItem>;
  return em.find(LISTS[kind].entity, where, { orderBy: { sortOrder: 'asc', id: 'asc' } });
}

/** Adds (id null) or changes one entry; names stay unique so imports and filters can refer to them. */
export async function saveListItem(
  em: EntityManager,
  kind: ListKind,
  id: number | null,
  input: ListItemInput,
): Promise<ListItem> {
  const { entity, noun } = LISTS[kind];
  const same = await em.findOne(entity, { name: input.name } as FilterQuery<ListItem>);
  if (same && same.id !== id)
    throw new UserError(SUPPORTERS_TEXT.checkInput, 422, { name: SUPPORTERS_TEXT.itemExists(input.name) });
  let item: ListItem;
  if (id === null) {
    item = em.create(entity, input as ListItem);
  } else {
    item = await em.findOneOrFail(entity, { id } as FilterQuery<ListItem>, {
      failHandler: () => new UserError(SUPPORTERS_TEXT.itemNotFound(noun), 404),
    });
    Object.assign(item, input);
  }
  await em.flush();
  return item;
}
