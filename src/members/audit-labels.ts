import { registerAuditLabels, registerAuditNamer } from '../audit/labels.js';
import { Member } from './member.entity.js';
import { displayName } from './member.model.js';
import { MemberType } from './member-type.entity.js';

/** The member's fields in words: the change log and the member-import diff both show them. */
export const MEMBER_FIELD_LABELS: Record<string, string> = {
  memberNo: '会員番号',
  kind: '区分',
  familyName: '姓',
  givenName: '名',
  familyKana: 'セイ',
  givenKana: 'メイ',
  orgName: '団体名',
  orgKana: '団体名フリガナ',
  contactPerson: '担当者',
  contactKana: '担当者フリガナ',
  postalCode: '郵便番号',
  prefecture: '都道府県',
  city: '市区町村',
  address1: '住所1',
  address2: '住所2',
  phone: '電話',
  mobile: '携帯',
  email: 'メール',
  birthDate: '生年月日',
  joinedOn: '入会日',
  withdrawnOn: '退会日',
  withdrawalReason: '退会理由',
  status: '状態',
  memberType: '会員種別',
  mailPreference: '郵送物',
  addressUnknown: '宛先不明',
  addressUnknownOn: '宛先不明日',
  notes: '備考',
  householdId: '世帯',
  householdRelation: '続柄',
};

/** The members domain's names in the change log. */
export function registerMemberAuditLabels(): void {
  registerAuditLabels('Member', {
    refs: { memberType: 'MemberType', householdId: 'Household' },
    label: '会員',
    fields: MEMBER_FIELD_LABELS,
    values: {
      kind: { individual: '個人', organization: '団体' },
      status: { active: '在籍', withdrawn: '退会' },
      mailPreference: { post: '郵送', email: 'メール', none: '不要' },
    },
  });
  registerAuditLabels('MemberType', {
    label: '会員種別',
    fields: { name: '名称', annualFee: '年会費', forOrganizations: '団体向け', sortOrder: '表示順', active: '有効' },
  });
  registerAuditNamer('Member', async (em, ids) => {
    const rows = await em.find(Member, { id: { $in: ids } });
    return new Map(rows.map((m) => [m.id, `${displayName(m)}（${m.memberNo}）`]));
  });
  registerAuditNamer('MemberType', async (em, ids) => {
    const rows = await em.find(MemberType, { id: { $in: ids } });
    return new Map(rows.map((t) => [t.id, t.name]));
  });
}
