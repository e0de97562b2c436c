import { registerAuditLabels } from '../../audit/labels.js';

/** 協力できる分野 in the change log (called where the supporters' lists are registered, to keep the filter order). */
export function registerSkillAuditLabels(): void {
  registerAuditLabels('Skill', {
    label: '協力できる分野',
    fields: { name: '名称', sortOrder: '表示順', active: '使う' },
  });
  registerAuditLabels('MemberSkill', {
    label: '会員の協力分野',
    fields: { member: '会員', skill: '分野', note: 'メモ' },
  });
}
