/** Staff-facing words for the member register, in one place so the office can change them. */
export const LABELS = {
  kind: { individual: '個人', organization: '団体' } as Record<string, string>,
  status: { active: '在籍', withdrawn: '退会' } as Record<string, string>,
  mailPreference: { post: '郵送', email: 'メール', none: '不要' } as Record<string, string>,
  sort: { kana: 'フリガナ順', memberNo: '会員番号順', joinedOn: '入会日の新しい順' } as Record<string, string>,
};
