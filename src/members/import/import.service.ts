import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '../../db/orm.js';
import { todayInTokyo } from '../../lib/dates.js';
import { MemberSkill } from '../skills/member-skill.entity.js';
import { Skill } from '../skills/skill.entity.js';
import { UserError } from '../../web/errors.js';
import { Member, type IMember } from '../member.entity.js';
import { assignMemberInput } from '../member.service.js';
import { planImport, type ImportPlan, type PlannedRow } from './import-plan.js';

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
    super('確認のあとで会員の登録内容が変わったため、取り込みを中止しました。内容をもう一度確認してください。', 409);
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
    if (err instanceof UniqueConstraintViolationException)
      throw new UserError(
        '取り込み中に他の操作で会員番号が使われたため、何も取り込んでいません。もう一度確認してください。',
        409,
      );
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
    for (const row of plan.rows) {
      if (row.status === 'new') createRow(tx, row, today);
      if (row.status === 'update') updateRow(tx, row);
    }
    await tx.flush();
    return { plan, committed: true, created: plan.counts.new, updated: plan.counts.update };
  });
}

function createRow(em: EntityManager, row: PlannedRow, today: string): void {
  const input = { ...row.input!, joinedOn: row.input!.joinedOn ?? today };
  const m = em.create(Member, { memberNo: input.memberNo!, status: 'active', joinedOn: input.joinedOn } as IMember);
  assignMemberInput(em, m, input);
  for (const id of new Set(row.skillIds ?? []))
    em.create(MemberSkill, { member: m, skill: em.getReference(Skill, id), note: null });
}

function removeDroppedSkills(em: EntityManager, row: PlannedRow): void {
  if (!row.skillIds) return;
  for (const ms of row.existingSkills ?? []) if (!row.skillIds.includes(ms.skill.id)) em.remove(ms);
}

function updateRow(em: EntityManager, row: PlannedRow): void {
  const m = row.member!;
  assignMemberInput(em, m, row.input!);
  if (!row.skillIds) return;
  const had = new Set((row.existingSkills ?? []).map((ms) => ms.skill.id));
  for (const id of new Set(row.skillIds))
    if (!had.has(id)) em.create(MemberSkill, { member: m, skill: em.getReference(Skill, id), note: null });
}
