import { readFileSync } from 'node:fs';
import t from 'tap';
import type { EntityManager } from '../../src/db/orm.js';
import { planImport } from '../../src/members/import/import-plan.js';
import { importMembers } from '../../src/members/import/import.service.js';
import { Member, type IMember } from '../../src/members/member.entity.js';
import { assignMemberInput } from '../../src/members/member.service.js';
import { MemberSkill } from '../../src/members/skills/member-skill.entity.js';
import { Skill } from '../../src/members/skills/skill.entity.js';
import { todayInTokyo } from '../../src/lib/dates.js';
import { asTest, duesDatabase } from '../dues/fixtures.js';
import { dumpLedger } from './batch-compare.js';

const SJIS_FILE = readFileSync(new URL('../fixtures/members-sjis.csv', import.meta.url));
const HEADER = '会員番号,氏名,フリガナ,会員種別,郵便番号,住所1,電話番号,生年月日,入会日,協力できる分野';
const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\r\n'));

/** The per-entity import the batch path replaced: entities, assignMemberInput, one flush. */
async function importPerEntity(em: EntityManager, buf: Buffer): Promise<void> {
  await em.transactional(async (tx) => {
    const plan = await planImport(tx, buf);
    const today = todayInTokyo();
    for (const row of plan.rows) {
      if (row.status !== 'update' || !row.skillIds) continue;
      for (const ms of row.existingSkills ?? []) if (!row.skillIds.includes(ms.skill.id)) tx.remove(ms);
    }
    await tx.flush();
    for (const row of plan.rows) {
      if (row.status === 'new') {
        const input = { ...row.input!, joinedOn: row.input!.joinedOn ?? today };
        const m = tx.create(Member, {
          memberNo: input.memberNo!,
          status: 'active',
          joinedOn: input.joinedOn,
        } as IMember);
        assignMemberInput(tx, m, input);
        for (const id of new Set(row.skillIds ?? []))
          tx.create(MemberSkill, { member: m, skill: tx.getReference(Skill, id), note: null });
      }
      if (row.status === 'update') {
        const m = row.member!;
        assignMemberInput(tx, m, row.input!);
        const had = new Set((row.existingSkills ?? []).map((ms) => ms.skill.id));
        for (const id of new Set(row.skillIds ?? []))
          if (!had.has(id)) tx.create(MemberSkill, { member: m, skill: tx.getReference(Skill, id), note: null });
      }
    }
    await tx.flush();
  });
}

t.test(
  'the set-based member import leaves the same members, skills and audit rows as the per-entity one',
  async (t) => {
    const a = await duesDatabase(t);
    const b = await duesDatabase(t);
    const files = [
      SJIS_FILE,
      csv(
        '10,山田 太郎,ヤマダ タロウ,正会員,160-0022,東京都新宿区新宿1-1,03-1111-2222,,2026/4/1,会計',
        '11,佐藤 花子,サトウ ハナコ,賛助会員,,大阪府大阪市北区1-1,,1990/1/2,,会計;翻訳',
      ),
      csv(
        '10,山田 太郎,ヤマダ タロウ,賛助会員,160-0022,東京都渋谷区渋谷2-2,03-1111-2222,,2026/4/1,翻訳',
        '11,佐藤 花子,サトウ ハナコ,賛助会員,530-0001,大阪府大阪市北区1-1,06-1111-2222,1990/1/2,,会計;翻訳',
        '12,鈴木 一郎,スズキ イチロウ,正会員,,,,,,',
      ),
    ];
    const tables = ['member', 'member_skill'];
    for (const [n, file] of files.entries()) {
      const r = await asTest(() => importMembers(a(), file));
      t.ok(r.committed, `file ${n + 1} committed`);
      await asTest(() => importPerEntity(b(), file));
      const batch = await dumpLedger(a(), tables);
      const orm = await dumpLedger(b(), tables);
      t.same(batch.auditCounts, orm.auditCounts, `file ${n + 1}: audit rows per entity and action`);
      t.same(batch, orm, `file ${n + 1}: every row and audit text`);
    }
  },
);
