import type { EntityManager } from '../db/orm.js';
import { Member, type IMember } from '../members/member.entity.js';
import { Household } from './household.entity.js';
import { householdOrder, jointNameLines } from './joint-name.js';

/** One envelope or label: who it is for (連名 lines) and whose address it goes to. */
export interface MailingUnit {
  members: IMember[];
  addressee: IMember;
  nameLines: string[];
}

/**
 * For printed mailings (labels, letters): recipients in a household that shares its address
 * become one unit addressed to the 世帯主's address, named in 連名 (山田 太郎 様 / 花子 様) or by
 * the household's label name; everyone else gets a unit of their own. Order follows the input.
 */
export async function mailingUnits(em: EntityManager, recipients: IMember[]): Promise<MailingUnit[]> {
  const ids = [...new Set(recipients.map((m) => m.householdId).filter((id): id is number => !!id))];
  const shared = new Map(
    (ids.length ? await em.find(Household, { id: { $in: ids }, sharesAddress: true }) : []).map((h) => [h.id, h]),
  );
  const heads = new Map<number, IMember>();
  if (shared.size) {
    for (const m of await em.find(Member, { householdId: { $in: [...shared.keys()] } })) {
      const cur = heads.get(m.householdId!);
      if (!cur || householdOrder([m, cur])[0] === m) heads.set(m.householdId!, m);
    }
  }
  const units: MailingUnit[] = [];
  const byHousehold = new Map<number, MailingUnit>();
  for (const m of recipients) {
    const h = m.householdId ? shared.get(m.householdId) : undefined;
    if (!h) {
      units.push({ members: [m], addressee: m, nameLines: jointNameLines([m]) });
      continue;
    }
    let unit = byHousehold.get(h.id);
    if (!unit) {
      unit = { members: [], addressee: heads.get(h.id) ?? m, nameLines: [] };
      byHousehold.set(h.id, unit);
      units.push(unit);
    }
    unit.members.push(m);
    unit.nameLines = h.labelName?.trim() ? [h.labelName.trim()] : jointNameLines(unit.members);
  }
  return units;
}
