import { registerAuditLabels, registerAuditNamer } from '../../audit/labels.js';
import { Skill } from './skill.entity.js';

/** 協力できる分野 in the change log (called where the supporters' lists are registered, to keep the filter order). */
export function registerSkillAuditLabels(): void {
  registerAuditLabels('Skill', {
    label: '協力できる分野',
    fields: { name: '名称', sortOrder: '表示順', active: '使う' },
  });
  registerAuditLabels('MemberSkill', {
    refs: { member: 'Member', skill: 'Skill' },
    label: '会員の協力分野',
    fields: { member: '会員', skill: '分野', note: 'メモ' },
  });
  registerAuditNamer('Skill', async (em, ids) => {
    const rows = await em.find(Skill, { id: { $in: ids } });
    return new Map(rows.map((r) => [r.id, r.name]));
  });
}
