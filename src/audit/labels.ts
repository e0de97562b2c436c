/** Japanese names of entities and fields for the change history; each domain adds its own. */
export const ENTITY_LABELS: Record<string, string> = {
  Member: '会員',
  MemberType: '会員種別',
  Staff: 'スタッフ',
  Setting: '設定',
};

export const FIELD_LABELS: Record<string, Record<string, string>> = {
  Member: {
    memberNo: '会員番号', kind: '区分', familyName: '姓', givenName: '名', familyKana: 'セイ', givenKana: 'メイ',
    orgName: '団体名', orgKana: '団体名フリガナ', contactPerson: '担当者', postalCode: '郵便番号', prefecture: '都道府県',
    city: '市区町村', address1: '住所1', address2: '住所2', phone: '電話', mobile: '携帯', email: 'メール',
    birthDate: '生年月日', joinedOn: '入会日', withdrawnOn: '退会日', withdrawalReason: '退会理由', status: '状態',
    memberType: '会員種別', mailPreference: '郵送物', addressUnknown: '宛先不明', addressUnknownOn: '宛先不明日', notes: '備考',
  },
  MemberType: { name: '名称', annualFee: '年会費', forOrganizations: '団体向け', sortOrder: '表示順', active: '有効' },
  Staff: { loginId: 'ログインID', displayName: '表示名', passwordHash: 'パスワード', role: '権限', active: '有効', lastLoginAt: '最終ログイン' },
  Setting: { key: '項目', value: '値' },
};

export const ACTION_LABELS: Record<string, string> = {
  create: '登録', update: '変更', delete: '削除', withdraw: '退会', readmit: '再入会',
};

export function fieldLabel(entity: string, field: string): string {
  return FIELD_LABELS[entity]?.[field] ?? field;
}

/** Stored codes shown in words (individual → 個人). */
export const VALUE_LABELS: Record<string, Record<string, Record<string, string>>> = {
  Member: {
    kind: { individual: '個人', organization: '団体' },
    status: { active: '在籍', withdrawn: '退会' },
    mailPreference: { post: '郵送', email: 'メール', none: '不要' },
  },
  Staff: { role: { admin: '管理者', staff: '事務局', viewer: '閲覧のみ' } },
};

export function valueLabel(entity: string, field: string, value: unknown): unknown {
  return typeof value === 'string' ? (VALUE_LABELS[entity]?.[field]?.[value] ?? value) : value;
}
