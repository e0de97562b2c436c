import type { EntityManager } from '../db/orm.js';
import { getSettings } from '../settings/settings.service.js';
import { labelEntries, type HouseholdInfo, type LabelEntry } from './label-list.js';
import { segmentByName, segmentMembers, type Excluded } from './segments.service.js';

export interface LabelRequest {
  segment?: string | null;
  joint?: boolean;
}
export interface LabelList {
  entries: LabelEntry[];
  excluded: Excluded[];
}

/** Who gets a paper label (a segment, or every member when no segment is named), in 郵便番号 order. */
export async function labelList(em: EntityManager, req: LabelRequest): Promise<LabelList> {
  const filter = req.segment ? (await segmentByName(em, req.segment)).filter : {};
  const { recipients, excluded } = await segmentMembers(em, filter, 'post');
  const households = new Map<number, HouseholdInfo>();
  const ids = [...new Set(recipients.map((r) => r.householdId).filter((id): id is number => !!id))];
  const knex = em.getKnex();
  for (let i = 0; req.joint && i < ids.length; i += 500) {
    const rows = await em.execute<{ id: number; shares_address: unknown; label_name: string | null }[]>(
      knex('household')
        .select('id', 'shares_address', 'label_name')
        .whereIn('id', ids.slice(i, i + 500)),
    );
    for (const h of rows)
      households.set(Number(h.id), {
        sharesAddress: Boolean(Number(h.shares_address)) || h.shares_address === true,
        labelName: h.label_name,
      });
  }
  return { entries: labelEntries(recipients, households, !!req.joint), excluded };
}

export async function printerOffset(em: EntityManager): Promise<{ x: number; y: number }> {
  const s = await getSettings(em);
  return { x: Number(s.labelOffsetX) || 0, y: Number(s.labelOffsetY) || 0 };
}
