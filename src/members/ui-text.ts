import { FORM_TEXT } from '../web/ui-text.js';

/** Staff-facing words for the member register, in one place so the office can change them. */
export const LABELS = {
  kind: { individual: '個人', organization: '団体' } as Record<string, string>,
  status: { active: '在籍', withdrawn: '退会' } as Record<string, string>,
  mailPreference: { post: '郵送', email: 'メール', none: '不要' } as Record<string, string>,
  sort: { kana: 'フリガナ順', memberNo: '会員番号順', joinedOn: '入会日の新しい順' } as Record<string, string>,
};

/** Titles, flash messages and errors of the member register. */
export const MEMBERS_TEXT = {
  checkInput: FORM_TEXT.checkInput,
  typeNameTaken: 'この名称は既にあります',
  memberTypes: '会員種別',
  typeNotFound: '会員種別が見つかりません',
  memberNoFormat: '会員番号は数字（9桁まで）で入力してください',
  kanaFormat: 'フリガナはカタカナまたはひらがなで入力してください',
  tooLong: (max: number) => `${max.toLocaleString('ja-JP')}文字以内で入力してください`,
  familyNameRequired: '氏名（姓）を入力してください',
  familyKanaRequired: 'フリガナ（セイ）を入力してください',
  orgNameRequired: '団体名を入力してください',
  orgKanaRequired: '団体名のフリガナを入力してください',
  postalCodeFormat: '郵便番号は7桁の数字で入力してください（例：160-0022）',
  prefectureRequired: '都道府県を選んでください',
  postalCodeUnknown: 'この郵便番号は見つかりません（7桁の数字で入力してください）',
  phoneFormat: '電話番号は市外局番から10桁または11桁で入力してください',
  mobileFormat: '携帯番号は11桁で入力してください（例：090-1234-5678）',
  emailFormat: 'メールアドレスの形式が正しくありません（例：name@example.jp）',
  dateFormat: FORM_TEXT.dateFormat,
  memberTypeRequired: '会員種別を選んでください',
  emailForMail: '郵送物をメールで送るにはメールアドレスが必要です',
  possibleDuplicate:
    '同じ人がすでに登録されている可能性があります。確認のうえ、別人であれば「重複ではない」にチェックして登録してください。',
  memberNotFound: '会員が見つかりません',
  alreadyWithdrawn: 'この会員はすでに退会しています',
  withdrawnOnFormat: '退会日は 2026-04-01 のように入力してください',
  badDate: '日付の形式が正しくありません',
  notWithdrawn: 'この会員は退会していません',
  members: '会員一覧',
  newMember: '会員の新規登録',
  saved: '会員情報を保存しました',
  skillsSaved: '協力できる分野を保存しました',
  typeNameRequired: '名称を入力してください',
  annualFeeInvalid: '年会費は0以上の円単位の金額で入力してください',
  /** The member type that carries the vote even when its flag is not set. */
  votingTypeName: '正会員',
  votingDuesNotDonation: '議決権のある種別（正会員）の会費は寄附金として扱えません',
  exportTitle: '会員一覧の書き出し',
  exportFileName: '会員一覧.csv',
  /** Read-only columns of the member export (the import ignores them). */
  exportStatusHeader: '状態',
  exportWithdrawnOnHeader: '退会日',
  /** How skills are joined in one cell (the import splits on it). */
  listSeparator: '、',
  typeAdded: (name: string) => `会員種別「${name}」を追加しました`,
  typeSaved: (name: string) => `会員種別「${name}」を保存しました`,
  memberNoTaken: (no: number) => `会員番号 ${no} は既に使われています（番号は再利用できません）`,
  registered: (name: string, no: number) => `${name}（会員番号 ${no}）を登録しました`,
  editOf: (name: string) => `${name} の編集`,
  withdrawn: (name: string) => `${name} を退会にしました（元に戻せます）`,
  readmitted: (name: string) => `${name} を会員に戻しました`,
};

/** How a member is addressed on letters and labels. */
export const HONORIFICS = { person: '様', organization: '御中' } as const;
