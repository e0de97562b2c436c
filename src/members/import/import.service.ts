import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { insertRows, updateRows as updateRowsOf, type BatchChange } from '../../db/batch-write.js';
import type { EntityManager } from '../../db/orm.js';
import { todayInTokyo } from '../../lib/dates.js';
import { MemberSkill } from '../skills/member-skill.entity.js';
import { UserError } from '../../web/errors.js';
import { Member } from '../member.entity.js';
import { memberFields } from '../member.service.js';
import { planImport, type ImportPlan, type PlannedRow } from './import-plan.js';
import { IMPORT_TEXT } from './ui-text.js';

export interface ImportOptions {
  dryRun?: boolean;
  /** Import the valid rows of a file that has errors (otherwise such a file imports nothing). */
  onlyValid?: boolean;
  /** The plan the user saw; committing refuses when the same file would now do something else. */
  fingerprint?: string;
}

export interface ImportResult {
  plan: ImportPlan;
  committed: boolean;
  created: number;
  updated: number;
}

/** The preview the user confirmed no longer matches: the database changed in between. */
export class ImportPlanChanged extends UserError {
  constructor(public plan: ImportPlan) {
    super(IMPORT_TEXT.planChanged, 409);
  }
}

/**
 * Imports a member list: plans every row, then (unless a dry run, or errors without onlyValid)
 * creates and updates members and their skills in ONE transaction (audited).
 */
export async function importMembers(em: EntityManager, buf: Buffer, opts: ImportOptions = {}): Promise<ImportResult> {
  if (opts.dryRun) {
    const plan = await planImport(em, buf);
    return { plan, committed: false, created: plan.counts.new, updated: plan.counts.update };
  }
  try {
    return await commit(em, buf, opts);
  } catch (err) {
    // Someone registered a member with one of the new numbers between our check and the insert.
    if (err instanceof UniqueConstraintViolationException) throw new UserError(IMPORT_TEXT.numberTaken, 409);
    throw err;
  }
}

async function commit(em: EntityManager, buf: Buffer, opts: ImportOptions): Promise<ImportResult> {
  return em.transactional(async (tx) => {
    const plan = await planImport(tx, buf);
    if (opts.fingerprint && opts.fingerprint !== plan.fingerprint) throw new ImportPlanChanged(plan);
    if (plan.fileErrors.length || (plan.counts.error > 0 && !opts.onlyValid))
      return { plan, committed: false, created: 0, updated: 0 };
    const today = todayInTokyo();
    // Skills taken away are deleted in a flush of their own: MikroORM compares every delete with
    // every insert of the same entity in one flush (for re-created rows), which is quadratic.
    for (const row of plan.rows) if (row.status === 'update') removeDroppedSkills(tx, row);
    await tx.flush();
    // New and changed members, and their skills, set-based and audited in bulk.
    await createRows(
      tx,
      plan.rows.filter((r) => r.status === 'new'),
      today,
    );
    await updateRows(
      tx,
      plan.rows.filter((r) => r.status === 'update'),
      today,
    );
    return { plan, committed: true, created: plan.counts.new, updated: plan.counts.update };
  });
}

async function createRows(tx: EntityManager, rows: PlannedRow[], today: string): Promise<void> {
  const members = rows.map((row) => {
    const input = { ...row.input!, joinedOn: row.input!.joinedOn ?? today };
    const base = { memberNo: input.memberNo!, status: 'active' as const, joinedOn: input.joinedOn };
    return { ...base, ...memberFields(base, input, today) };
  });
  const ids = await insertRows(tx, Member, members);
  const skills = rows.flatMap((row, n) => [...new Set(row.skillIds ?? [])].map((id) => skillRow(ids[n]!, id)));
  await insertRows(tx, MemberSkill, skills);
}

const skillRow = (member: number, skill: number) => ({ member, skill, note: null });

function removeDroppedSkills(em: EntityManager, row: PlannedRow): void {
  if (!row.skillIds) return;
  for (const ms of row.existingSkills ?? []) if (!row.skillIds.includes(ms.skill.id)) em.remove(ms);
}

/** Changed fields only, grouped by which fields change (one `update … from (values …)` per group). */
async function updateRows(tx: EntityManager, rows: PlannedRow[], today: string): Promise<void> {
  const groups = new Map<string, BatchChange[]>();
  for (const row of rows) {
    const m = row.member!;
    const after = memberFields(m, row.input!, today);
    const current = { ...m, memberType: m.memberType.id } as Record<string, unknown>;
    const keys = Object.keys(after).filter((k) => (current[k] ?? null) !== (after[k] ?? null));
    if (!keys.length) continue;
    const change = { id: m.id, before: pick(current, keys), after: pick(after, keys) };
    const sig = keys.join(',');
    groups.set(sig, [...(groups.get(sig) ?? []), change]);
  }
  for (const changes of groups.values()) await updateRowsOf(tx, Member, changes);
  const skills = rows.flatMap((row) => {
    if (!row.skillIds) return [];
    const had = new Set((row.existingSkills ?? []).map((ms) => ms.skill.id));
    return [...new Set(row.skillIds)].filter((id) => !had.has(id)).map((id) => skillRow(row.member!.id, id));
  });
  await insertRows(tx, MemberSkill, skills);
}

const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k] ?? null]));
