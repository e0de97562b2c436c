import { registerAuditLabels, registerAuditNamer } from '../audit/labels.js';
import { Member } from '../members/member.entity.js';
import { Activity } from './activity.entity.js';
import { Household } from './household.entity.js';
import { jointNameLines } from './joint-name.js';
import { SupporterRole } from './supporter-role.entity.js';
import { registerSkillAuditLabels } from '../members/skills/audit-labels.js';

/** The supporters domain's names in the change log. */
export function registerSupporterAuditLabels(): void {
  registerAuditLabels('SupporterRole', {
    label: '役割の種類',
    fields: { name: '名称', officer: '役員名簿に載せる', sortOrder: '表示順', active: '使う' },
  });
  registerAuditLabels('MemberRole', {
    refs: { member: 'Member', role: 'SupporterRole' },
    label: '役割',
    fields: { member: '会員', role: '役割', startedOn: '開始日', endedOn: '終了日', note: 'メモ' },
  });
  registerSkillAuditLabels();
  registerAuditLabels('Activity', {
    label: '活動',
    fields: {
      title: '活動名',
      startsOn: '日付',
      endsOn: '終了日',
      place: '場所',
      skillIds: '求める分野',
      helpersWanted: '必要な人数',
      description: '内容',
    },
  });
  registerAuditLabels('Participation', {
    refs: { activity: 'Activity', member: 'Member' },
    label: '活動への参加',
    fields: { activity: '活動', member: '会員', status: '状況', askedOn: '依頼日', note: 'メモ' },
    values: { status: { asked: '依頼済み', accepted: '承諾', declined: '辞退', took_part: '参加', absent: '欠席' } },
  });
  registerAuditLabels('Interaction', {
    refs: { member: 'Member' },
    label: '対応記録',
    fields: {
      member: '会員',
      occurredOn: '日付',
      occurredTime: '時刻',
      staff: '担当',
      channel: '方法',
      summary: '要件',
      content: '内容',
      gift: '頂いた物',
      giftThankedOn: 'お礼をした日',
      followUp: '次回話すこと',
      followUpDue: '期限',
      followUpDone: '対応済み',
      followUpDoneOn: '対応済みの日',
    },
  });
  registerAuditLabels('Household', {
    label: '世帯',
    fields: { sharesAddress: '同じ住所', labelName: '宛名（連名）', note: 'メモ' },
  });
  registerAuditNamer('SupporterRole', async (em, ids) => {
    const rows = await em.find(SupporterRole, { id: { $in: ids } });
    return new Map(rows.map((r) => [r.id, r.name]));
  });
  registerAuditNamer('Activity', async (em, ids) => {
    const rows = await em.find(Activity, { id: { $in: ids } });
    return new Map(rows.map((r) => [r.id, r.title]));
  });
  // A household is named as its label reads: the override, else the 連名 of its members.
  registerAuditNamer('Household', async (em, ids) => {
    const households = await em.find(Household, { id: { $in: ids } });
    const members = await em.find(Member, { householdId: { $in: ids } });
    return new Map(
      households.map((h) => {
        const own = members.filter((m) => m.householdId === h.id);
        return [h.id, h.labelName || jointNameLines(own).join(' / ') || `#${h.id}`];
      }),
    );
  });
}
